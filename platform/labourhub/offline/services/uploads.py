"""Resumable evidence uploads: chunks in any number of requests, verified by SHA-256.

A photo taken offline is hashed on the device; the server accepts chunks at the offset it has
reached (so an interrupted upload resumes where it stopped), and stores the evidence through
the inspections' own ``evidence_upload`` only when the whole file has the announced hash.
"""

import datetime as dt
import hashlib
import io
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.common.exceptions import ApplicationError
from labourhub.inspections import services as insp_svc
from labourhub.inspections.models import ChecklistQuestion, Evidence, Inspection
from labourhub.inspections.services.evidence import MAX_BYTES, MAX_NAME
from labourhub.offline.models import EvidenceUpload, EvidenceUploadChunk
from labourhub.offline.services.batch import _record

CHUNK_MAX = 1024 * 1024
SHA256 = re.compile(r"^[0-9a-f]{64}$")

BAD_HASH = gettext_noop("The photo's fingerprint must be 64 hexadecimal characters (SHA-256).")
BAD_SIZE = gettext_noop("A file must have between 1 byte and %(limit)s MB.")
BAD_NAME = gettext_noop("Give the file a name of at most %(max)s characters.")
BAD_QUESTION = gettext_noop("That question is not part of this inspection's checklist.")
WRONG_OFFSET = gettext_noop(
    "The server has %(received)s bytes of this file; send the rest from there."
)
TOO_MUCH = gettext_noop("This piece goes past the announced size of the file.")
BAD_CHUNK = gettext_noop("Send between 1 byte and 1 MB at a time.")
DAMAGED = gettext_noop(
    "The file arrived damaged (its fingerprint does not match the one taken on the device). "
    "It will be sent again from the start."
)


@transaction.atomic
def evidence_upload_start(
    *,
    inspection: Inspection,
    sha256: str,
    size: int,
    name: str,
    question_code: str,
    caption: str,
    device_time: dt.datetime | None,
    actor: User,
) -> EvidenceUpload:
    """Start, or find again, the upload of one file for one inspection (keyed by its hash)."""
    sha256 = sha256.strip().lower()
    errors = {}
    if not SHA256.match(sha256):
        errors["sha256"] = _(BAD_HASH)
    if not 0 < size <= MAX_BYTES:
        errors["size"] = _(BAD_SIZE) % {"limit": MAX_BYTES // (1024 * 1024)}
    if not name.strip() or len(name) > MAX_NAME:
        errors["name"] = _(BAD_NAME) % {"max": MAX_NAME}
    if (
        question_code
        and not ChecklistQuestion.objects.filter(
            section__version_id=inspection.checklist_version_id, code=question_code
        ).exists()
    ):
        errors["question"] = _(BAD_QUESTION)
    if errors:
        raise ValidationError(errors)
    upload, _created = EvidenceUpload.objects.get_or_create(
        inspection=inspection,
        sha256=sha256,
        defaults={
            "user": actor,
            "size": size,
            "name": name.strip(),
            "question_code": question_code,
            "caption": caption.strip()[:300],
            "device_time": device_time,
        },
    )
    return upload


@transaction.atomic
def evidence_upload_chunk(*, upload: EvidenceUpload, offset: int, data: bytes) -> EvidenceUpload:
    """Append one piece at ``offset``; a piece for another offset is refused with where to go on."""
    upload = EvidenceUpload.objects.select_for_update().get(pk=upload.pk)
    if upload.status == EvidenceUpload.Status.DONE:
        return upload
    if not 0 < len(data) <= CHUNK_MAX:
        raise ValidationError({"chunk": _(BAD_CHUNK)})
    if offset != upload.received:
        raise ApplicationError(
            _(WRONG_OFFSET) % {"received": upload.received},
            {"code": "offset", "received": upload.received},
        )
    if upload.received + len(data) > upload.size:
        raise ValidationError({"chunk": _(TOO_MUCH)})
    EvidenceUploadChunk.objects.create(upload=upload, offset=offset, data=data)
    upload.received += len(data)
    upload.save(update_fields=["received", "updated_at"])
    return upload


def _reset(upload: EvidenceUpload) -> None:
    with transaction.atomic():
        EvidenceUploadChunk.objects.filter(upload=upload).delete()
        EvidenceUpload.objects.filter(pk=upload.pk).update(received=0)


def evidence_upload_finish(*, upload: EvidenceUpload, actor: User) -> EvidenceUpload:
    """Check the whole file against its hash and store it as the inspection's evidence.

    Call it outside a transaction, like ``evidence_upload``: the object store is written before
    the row. A retry after a crash finds the evidence already stored (same inspection, same hash)
    and does not store it twice.
    """
    if upload.status == EvidenceUpload.Status.DONE or upload.received != upload.size:
        return upload
    buffer = io.BytesIO()
    for chunk in EvidenceUploadChunk.objects.filter(upload=upload).order_by("offset"):
        buffer.write(bytes(chunk.data))
    data = buffer.getvalue()
    if hashlib.sha256(data).hexdigest() != upload.sha256 or len(data) != upload.size:
        _reset(upload)
        raise ValidationError({"file": _(DAMAGED)})
    inspection = upload.inspection
    evidence = Evidence.objects.filter(inspection=inspection, sha256=upload.sha256).first()
    if evidence is None:
        question = (
            ChecklistQuestion.objects.select_related("section")
            .filter(section__version_id=inspection.checklist_version_id, code=upload.question_code)
            .first()
            if upload.question_code
            else None
        )
        evidence = insp_svc.evidence_upload(
            inspection=inspection,
            name=upload.name,
            file=io.BytesIO(data),
            actor=actor,
            question=question,
            caption=upload.caption,
        )
    with transaction.atomic():
        locked = EvidenceUpload.objects.select_for_update().get(pk=upload.pk)
        if locked.status != EvidenceUpload.Status.DONE:
            locked.status = EvidenceUpload.Status.DONE
            locked.evidence = evidence
            locked.save(update_fields=["status", "evidence", "updated_at"])
            EvidenceUploadChunk.objects.filter(upload=locked).delete()
            _record(
                actor,
                inspection,
                "evidence_added",
                locked.device_time or locked.created_at,
                f"upload-{locked.pk}",
                sha256=locked.sha256,
                evidence=evidence.pk,
                question=locked.question_code or None,
            )
    return locked
