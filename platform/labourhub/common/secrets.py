"""Resolve secret references (``{"$secret": "hn/signing/key.pem"}``) to their value.

A reference names a secret; the value lives outside the database, found in this order:

1. the environment variable ``LABOURHUB_SECRET_<REF>`` (the reference upper-cased, every
   character other than A-Z and 0-9 replaced by ``_``), e.g. ``LABOURHUB_SECRET_HN_SIGNING_KEY_PEM``;
2. the file ``<SECRETS_DIR>/<ref>`` (a mounted Kubernetes secret, or ``.run/secrets`` locally).
"""

import os
import re
from pathlib import Path

from django.conf import settings

REF_RE = re.compile(r"^[a-z0-9][a-z0-9_./-]{2,199}$")


class SecretMissingError(LookupError):
    """No environment variable or file holds the referenced secret."""


def secret_env_name(ref: str) -> str:
    return "LABOURHUB_SECRET_" + re.sub(r"[^A-Z0-9]", "_", ref.upper())


def secret_path(ref: str) -> Path:
    if not REF_RE.match(ref) or ".." in ref.split("/"):
        raise ValueError(f"not a secret reference: {ref!r}")
    return Path(settings.SECRETS_DIR) / ref


def secret_resolve(ref: str | dict[str, str]) -> bytes:
    """The secret's bytes; raises SecretMissingError when nothing holds it."""
    name = ref["$secret"] if isinstance(ref, dict) else ref
    path = secret_path(name)
    value = os.environ.get(secret_env_name(name))
    if value:
        return value.encode()
    if path.is_file():
        return path.read_bytes()
    raise SecretMissingError(name)


def secret_store_file(ref: str, value: bytes) -> Path:
    """Write a secret into SECRETS_DIR, readable by this user only (demo keys, local runs)."""
    path = secret_path(ref)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(value)
    return path
