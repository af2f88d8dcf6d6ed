"""CVs and certificates in the ministry's object storage (S3 through django-storages).

A file is checked whole in memory before a byte is stored: PDF only (by content, not by name),
at most ``MAX_CV_BYTES``, no scripts, launch actions or embedded files. The stored key is random
and the SHA-256 is kept, so a file can be proved unchanged. The object is written after every
check has passed and deleted again if its row cannot be written; deleting a document (or erasing
the job seeker) removes the object once the transaction has committed.
"""

import uuid
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.plugin_api import Action, Actor, audit_record, permission_check, upload_check
from labourhub_employment_services import audit
from labourhub_employment_services.models import JobSeeker, SeekerDocument
from labourhub_employment_services.services.jobseekers import _locked

MAX_CV_BYTES = 5 * 1024 * 1024
MAX_DOCUMENTS = 10
ERR_NOT_PDF = gettext_noop("“%(name)s” is not a PDF document. Save the CV as PDF and try again.")
ERR_TOO_BIG = gettext_noop("“%(name)s” is larger than 5 MB. Upload a smaller PDF.")
ERR_TOO_MANY = gettext_noop("A job seeker may have at most %(n)d documents; delete one first.")
ERR_NO_CONSENT = gettext_noop(
    "The job seeker withdrew consent to processing; no document can be added."
)


def storage_delete_on_commit(keys: list[str]) -> None:
    """Remove stored objects once the rows that named them are gone for good."""

    def delete() -> None:
        for key in keys:
            default_storage.delete(key)

    if keys:
        transaction.on_commit(delete)


@transaction.atomic
def seeker_document_add(
    *, seeker: JobSeeker, name: str, file: IO[bytes] | Any, kind: str = "cv", actor: Actor
) -> SeekerDocument:
    """Check and store one PDF for the job seeker; nothing is stored if any check fails."""
    permission_check(actor=actor, action=Action.PES_EDIT)
    seeker = _locked(seeker)
    if seeker.status == JobSeeker.Status.WITHDRAWN:
        raise ValidationError({"file": [_(ERR_NO_CONSENT)]})
    if seeker.documents.count() >= MAX_DOCUMENTS:
        raise ValidationError({"file": [_(ERR_TOO_MANY) % {"n": MAX_DOCUMENTS}]})
    size = getattr(file, "size", None)
    if size is not None and size > MAX_CV_BYTES:
        raise ValidationError({"file": [_(ERR_TOO_BIG) % {"name": name[:100]}]})
    checked = upload_check(name=name, file=file)
    if checked.content_type != "application/pdf":
        raise ValidationError({"file": [_(ERR_NOT_PDF) % {"name": checked.name}]})
    if len(checked.data) > MAX_CV_BYTES:
        raise ValidationError({"file": [_(ERR_TOO_BIG) % {"name": checked.name}]})
    document = SeekerDocument(
        seeker=seeker,
        kind=kind,
        filename=checked.name[:200],
        storage_key=f"pes/documents/{uuid.uuid4().hex}.pdf",
        content_type=checked.content_type,
        size=len(checked.data),
        sha256=checked.sha256,
        uploaded_by_id=getattr(actor, "pk", None),
    )
    document.full_clean()
    # Stored last, after every check, and removed again if the row cannot be written.
    document.storage_key = default_storage.save(document.storage_key, ContentFile(checked.data))
    try:
        document.save()
    except Exception:
        default_storage.delete(document.storage_key)
        raise
    audit_record(
        actor=actor,
        action=audit.DOCUMENT_ADDED,
        subject=seeker,
        payload={"values": {"document_id": document.pk, "kind": kind, "sha256": checked.sha256}},
    )
    return document


@transaction.atomic
def seeker_document_delete(*, document: SeekerDocument, actor: Actor) -> None:
    permission_check(actor=actor, action=Action.PES_EDIT)
    seeker = _locked(document.seeker)
    key, doc_id = document.storage_key, document.pk
    document.delete()
    storage_delete_on_commit([key])
    audit_record(
        actor=actor,
        action=audit.DOCUMENT_REMOVED,
        subject=seeker,
        payload={"values": {"document_id": doc_id}},
    )


def seeker_document_read(*, document: SeekerDocument) -> bytes:
    with default_storage.open(document.storage_key, "rb") as handle:
        data: bytes = handle.read()
    return data
