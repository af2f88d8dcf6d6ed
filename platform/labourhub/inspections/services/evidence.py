"""Evidence files: checked completely before anything is written, stored under the ministry's
key prefix (TenantS3Storage), and never left half-saved."""

import hashlib
import io
import logging
import unicodedata
import uuid
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from PIL import Image

from labourhub.audit.services import AuditAction, audit_record
from labourhub.inspections.models import ChecklistQuestion, Evidence, Inspection
from labourhub.inspections.services._common import (
    Actor,
    actor_user,
    inspection_lock,
    require_status,
)

logger = logging.getLogger(__name__)

MAX_BYTES = 25 * 1024 * 1024
# Pillow's own bomb guard starts at ~89 MP; phone photos are 12-50 MP.
MAX_PIXELS = 60_000_000
MAX_NAME = 150

TYPES: dict[str, tuple[str, tuple[str, ...]]] = {
    # detected type -> (stored extension, extensions a user may give it)
    "image/jpeg": (".jpg", (".jpg", ".jpeg")),
    "image/png": (".png", (".png",)),
    "image/webp": (".webp", (".webp",)),
    "image/tiff": (".tif", (".tif", ".tiff")),
    "application/pdf": (".pdf", (".pdf",)),
}

TOO_BIG = gettext_noop(
    "This file is %(size)s MB; the limit is %(limit)s MB. Take a smaller photo or "
    "scan at a lower resolution."
)
EMPTY = gettext_noop("The file is empty.")
BAD_NAME = gettext_noop(
    "The file name “%(name)s” is not allowed: use a plain name without folders, "
    "“..” or control characters."
)
EXECUTABLE = gettext_noop(
    "“%(name)s” is a program, not a photo or document, whatever its name says. It was refused."
)
ARCHIVE = gettext_noop(
    "“%(name)s” is a compressed archive. Archives are refused because they can hide "
    "other files or unpack to enormous sizes; upload the photos or PDFs themselves."
)
UNKNOWN_TYPE = gettext_noop("“%(name)s” is not a JPEG, PNG, WebP or TIFF photo or a PDF document.")
MISMATCH = gettext_noop(
    "“%(name)s” is really a %(detected)s file; rename it with the right extension and try again."
)
BROKEN_IMAGE = gettext_noop("“%(name)s” is not a readable image.")
HUGE_IMAGE = gettext_noop(
    "“%(name)s” has %(pixels)s million pixels, more than the %(limit)s million allowed."
)
BROKEN_PDF = gettext_noop("“%(name)s” is not a complete PDF document.")
WRONG_QUESTION = gettext_noop("That question is not part of this inspection's checklist.")

_EXECUTABLE_MAGIC = (
    b"MZ",
    b"\x7fELF",
    b"#!",
    b"\xfe\xed\xfa",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"\x00asm",
)
_ARCHIVE_MAGIC = (
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x1f\x8b",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"\x28\xb5\x2f\xfd",
)


def sniff(head: bytes) -> str:
    """Content type from the first bytes; ``executable``/``archive`` for refused families."""
    if head.startswith(_EXECUTABLE_MAGIC):
        return "executable"
    if head.startswith(_ARCHIVE_MAGIC):
        return "archive"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    return "unknown"


def _check_name(name: str) -> str:
    shown = name.encode("unicode_escape").decode()[:80]
    if (
        not name
        or len(name) > MAX_NAME
        or "/" in name
        or "\\" in name
        or ".." in name
        or name.startswith(".")
        or any(unicodedata.category(c).startswith("C") for c in name)
    ):
        raise ValidationError({"file": _(BAD_NAME) % {"name": shown}})
    return name


def _read_limited(file: IO[bytes] | Any) -> bytes:
    size = getattr(file, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(
            {
                "file": _(TOO_BIG)
                % {"size": size // (1024 * 1024), "limit": MAX_BYTES // (1024 * 1024)}
            }
        )
    buffer = io.BytesIO()
    chunks = file.chunks() if hasattr(file, "chunks") else iter(lambda: file.read(65536), b"")
    for chunk in chunks:
        buffer.write(chunk)
        # The declared size can lie (a stream has none): count what actually arrives.
        if buffer.tell() > MAX_BYTES:
            raise ValidationError(
                {
                    "file": _(TOO_BIG)
                    % {"size": buffer.tell() // (1024 * 1024), "limit": MAX_BYTES // (1024 * 1024)}
                }
            )
    data = buffer.getvalue()
    if not data:
        raise ValidationError({"file": _(EMPTY)})
    return data


def evidence_check(*, name: str, file: IO[bytes] | Any) -> tuple[bytes, str, str]:
    """Validate an upload completely, in memory. Returns (bytes, content type, extension)."""
    name = _check_name(name)
    data = _read_limited(file)
    detected = sniff(data[:16])
    if detected == "executable":
        raise ValidationError({"file": _(EXECUTABLE) % {"name": name}})
    if detected == "archive":
        raise ValidationError({"file": _(ARCHIVE) % {"name": name}})
    if detected not in TYPES:
        raise ValidationError({"file": _(UNKNOWN_TYPE) % {"name": name}})
    ext, allowed = TYPES[detected]
    given = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if given not in allowed:
        raise ValidationError({"file": _(MISMATCH) % {"name": name, "detected": ext[1:].upper()}})
    if detected.startswith("image/"):
        try:
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise ValidationError(
                        {
                            "file": _(HUGE_IMAGE)
                            % {
                                "name": name,
                                "pixels": width * height // 1_000_000,
                                "limit": MAX_PIXELS // 1_000_000,
                            }
                        }
                    )
                image.verify()
        except ValidationError:
            raise
        except Exception:  # Pillow raises many types for corrupt or bomb images
            raise ValidationError({"file": _(BROKEN_IMAGE) % {"name": name}}) from None
    elif b"%%EOF" not in data[-2048:]:
        raise ValidationError({"file": _(BROKEN_PDF) % {"name": name}})
    return data, detected, ext


def evidence_upload(
    *,
    inspection: Inspection,
    name: str,
    file: IO[bytes] | Any,
    actor: Actor,
    question: ChecklistQuestion | None = None,
    caption: str = "",
) -> Evidence:
    """Check, store and record one evidence file.

    Call it outside any transaction (views do): the object is written only after every check
    passed, and deleted again if recording the row fails, so neither an orphan object nor a row
    without its object can remain.
    """
    require_status(inspection, Inspection.Status.IN_PROGRESS)
    if question is not None and question.section.version_id != inspection.checklist_version_id:
        raise ValidationError({"question": _(WRONG_QUESTION)})
    data, content_type, ext = evidence_check(name=name, file=file)
    digest = hashlib.sha256(data).hexdigest()
    key = default_storage.save(
        f"evidence/{inspection.pk}/{uuid.uuid4().hex}{ext}", ContentFile(data)
    )
    try:
        with transaction.atomic():
            locked = inspection_lock(inspection=inspection, expected_version=None)
            require_status(locked, Inspection.Status.IN_PROGRESS)
            evidence = Evidence.objects.create(
                inspection=locked,
                question=question,
                original_name=name,
                storage_key=key,
                sha256=digest,
                size=len(data),
                content_type=content_type,
                caption=caption.strip()[:300],
                uploaded_by=actor_user(actor),
            )
            audit_record(
                actor=actor,
                action=AuditAction.INSPECTION_EVIDENCE_ADDED,
                subject=locked,
                payload={
                    "values": {
                        "evidence": evidence.pk,
                        "name": name,
                        "sha256": digest,
                        "size": len(data),
                        "type": content_type,
                        "question": question.code if question else None,
                    }
                },
            )
    except BaseException:
        default_storage.delete(key)
        raise
    return evidence


def evidence_read(*, evidence: Evidence) -> bytes:
    with default_storage.open(evidence.storage_key, "rb") as handle:
        data = bytes(handle.read())
    if hashlib.sha256(data).hexdigest() != evidence.sha256:
        logger.error("evidence %s does not match its recorded SHA-256", evidence.pk)
        raise ValidationError(_("The stored file no longer matches its fingerprint."))
    return data
