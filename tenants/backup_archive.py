"""The backup archive: a gzipped tar of a manifest, table dumps and files, encrypted in chunks.

Format (version 1): the magic line ``LHBAK1\\n``, then records of a 4-byte big-endian length
followed by that many bytes of one Fernet token; the decrypted tokens, concatenated, are the
``.tar.gz``. Chunking keeps memory flat however large a ministry's files are, and each token is
authenticated, so a damaged or tampered archive fails to open instead of restoring bad data.
"""

from __future__ import annotations

import hashlib
import struct
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.utils.translation import gettext as _

from labourhub.common.exceptions import ApplicationError
from labourhub.common.secrets import SecretMissingError, secret_resolve, secret_store_file

MAGIC = b"LHBAK1\n"
KEY_REF = "platform/backup.key"
CHUNK = 8 * 1024 * 1024


def backup_key() -> Fernet:
    """The platform's backup key from the secret store; generated locally outside production."""
    try:
        return Fernet(secret_resolve(KEY_REF).strip())
    except SecretMissingError:
        if not settings.BACKUP_KEY_AUTOCREATE:
            raise
    key = Fernet.generate_key()
    secret_store_file(KEY_REF, key)
    return Fernet(key)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def archive_encrypt(*, plain: Path, target: Path, key: Fernet) -> None:
    with plain.open("rb") as source, target.open("wb") as out:
        out.write(MAGIC)
        for block in iter(lambda: source.read(CHUNK), b""):
            token = key.encrypt(block)
            out.write(struct.pack(">I", len(token)))
            out.write(token)


def _tokens(handle: IO[bytes]) -> Iterator[bytes]:
    while header := handle.read(4):
        if len(header) != 4:
            raise ApplicationError(_("The backup file is truncated."))
        (size,) = struct.unpack(">I", header)
        token = handle.read(size)
        if len(token) != size:
            raise ApplicationError(_("The backup file is truncated."))
        yield token


def archive_decrypt(*, archive: Path, target: Path, key: Fernet) -> None:
    with archive.open("rb") as handle, target.open("wb") as out:
        if handle.read(len(MAGIC)) != MAGIC:
            raise ApplicationError(_("This file is not a LabourHub backup."))
        try:
            for token in _tokens(handle):
                out.write(key.decrypt(token))
        except InvalidToken as exc:
            raise ApplicationError(
                _("The backup cannot be opened with this platform's key, or it was altered.")
            ) from exc


def tar_extract_safely(*, tar_path: Path, into: Path) -> None:
    """Extract only regular files and folders that stay inside ``into``."""
    root = into.resolve()
    with tarfile.open(tar_path, "r:gz") as tar:
        for member in tar.getmembers():
            target = (root / member.name).resolve()
            if not (member.isfile() or member.isdir()) or not target.is_relative_to(root):
                raise ApplicationError(
                    _("The backup holds an unexpected entry: %(name)s")
                    % {"name": member.name[:200]}
                )
        tar.extractall(root, filter="data")
