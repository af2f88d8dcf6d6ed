"""Issuing, rendering and signing numbered PDF documents."""

import hashlib
import secrets
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import POLICY, Action
from labourhub.accounts.selectors import user_can, user_roles
from labourhub.accounts.titles import role_title
from labourhub.audit.services import Actor, AuditAction, audit_record
from labourhub.common.background import task_enqueue_on_commit
from labourhub.common.exceptions import ApplicationError
from labourhub.documents.contexts import build_context
from labourhub.documents.kinds import kind_get, kind_label
from labourhub.documents.models import (
    Document,
    DocumentTemplate,
    Signature,
    TemplateVersion,
)
from labourhub.documents.rendering import html_to_pdf, letter_html, render_blocks
from labourhub.documents.sandbox import TemplateRefusedError
from labourhub.documents.services.templates import (
    ALREADY_SIGNED,
    NO_TEMPLATE,
    NOT_A_SIGNER,
    STORED_COPY_EXISTS,
    TEMPLATE_FAILED,
    _plugin_template_seed,
    document_number_next,
)
from labourhub.documents.signing import SignatureProvider, signature_provider_for_current_ministry

# --- issuing and rendering ----------------------------------------------------------------


def verification_url(code: str) -> str:
    from tenants.selectors import ministry_url

    tenant = getattr(connection, "tenant", None)
    base = ministry_url(ministry=tenant) if tenant is not None else "/"
    return f"{base}verify/{code}/"


def render_document_pdf(
    *, version: TemplateVersion, context: dict[str, Any], signature: dict[str, str] | None = None
) -> bytes:
    try:
        blocks = render_blocks(
            texts=version.texts, languages=list(version.languages), context=context
        )
    except TemplateRefusedError as exc:
        raise ApplicationError(_(TEMPLATE_FAILED) % {"error": exc.message}) from exc
    found = kind_get(version.template.kind)
    letterhead = (
        dict(getattr(found.plugin, "letterhead", None) or {}) if found and found.plugin else {}
    )
    html = letter_html(
        blocks=blocks,
        layout=version.layout,
        context=context,
        signature=signature,
        letterhead=list(letterhead.items()),
    )
    return html_to_pdf(html, title=blocks[0].title)


def _subject_ref(subject: models.Model | None) -> tuple[ContentType | None, str, str]:
    if subject is None:
        return None, "", ""
    return ContentType.objects.get_for_model(subject), str(subject.pk), str(subject)[:300]


@transaction.atomic
def document_issue(
    *,
    kind: str,
    officer: User,
    subject: models.Model | None = None,
    office: Office | None = None,
    extra: dict[str, Any] | None = None,
    issued_on: date | None = None,
    actor: Actor,
) -> Document:
    """Number, render and store one document from the kind's current template version.

    Composes into the caller's transaction: if anything later fails, the number is released.
    """
    template = DocumentTemplate.objects.select_related("current_version").filter(kind=kind).first()
    found = kind_get(kind)
    if (template is None or template.current_version is None) and found and found.plugin:
        # A plugin's kind starts from the text the plugin ships; administrators edit it later.
        _plugin_template_seed(kind=kind, actor=actor)
        template = DocumentTemplate.objects.select_related("current_version").get(kind=kind)
    if template is None or template.current_version is None:
        raise ApplicationError(_(NO_TEMPLATE) % {"kind": kind_label(kind)}, {"kind": kind})
    version = template.current_version
    context = build_context(subject=subject, officer=officer, office=office, extra=extra)
    day = issued_on or timezone.localdate()
    code = secrets.token_urlsafe(15)
    number = document_number_next(kind=kind, year=day.year)
    with translation.override(version.languages[0]):
        label = kind_label(kind)
    context["document"] = {
        "number": number,
        "date": day.isoformat(),
        "kind": label,
        "verification_url": verification_url(code),
    }
    pdf = render_document_pdf(version=version, context=context)
    key = default_storage.save(f"documents/{day.year}/{number}-{code[:8]}.pdf", ContentFile(pdf))
    subject_type, subject_id, subject_label = _subject_ref(subject)
    document = Document.objects.create(
        number=number,
        kind=kind,
        template_version=version,
        title=label,
        subject_type=subject_type,
        subject_id=subject_id,
        subject_label=subject_label,
        verification_code=code,
        context=context,
        pdf_file=key,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        issued_by=officer,
    )
    audit_record(
        actor=actor,
        action=AuditAction.DOCUMENT_ISSUED,
        subject=document,
        payload={
            "values": {
                "number": number,
                "kind": kind,
                "template_version": version.pk,
                "subject": f"{subject_type.natural_key() if subject_type else ''}:{subject_id}",
            }
        },
    )
    return document


def document_batch_enqueue(
    *, kind: str, subjects: list[models.Model], officer: User, actor: Actor
) -> int:
    """Queue one Celery task per subject, after commit (rendering a batch inline would block)."""
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.DOCUMENT_BATCH_QUEUED,
            subject=None,
            payload={"values": {"kind": kind, "count": len(subjects)}},
        )
        for subject in subjects:
            task_enqueue_on_commit(
                "labourhub.documents.tasks.document_issue_task",
                kind=kind,
                subject_label=subject._meta.label_lower,
                subject_id=str(subject.pk),
                officer_id=officer.pk,
            )
    return len(subjects)


def _signer_role(user: User) -> str:
    roles = [r for r in user_roles(user=user) if Action.DOCUMENT_SIGN in POLICY[r]]
    return role_title(roles[0]) if roles else ""


@transaction.atomic
def document_sign(
    *,
    document: Document,
    signer: User,
    provider: SignatureProvider | None = None,
    actor: Actor,
) -> Signature:
    """Stamp the signature on the letter, hash the exact bytes, and store them write-once."""
    document = (
        Document.objects.select_for_update().select_related("template_version").get(pk=document.pk)
    )
    if Signature.objects.filter(document=document).exists():
        raise ApplicationError(_(ALREADY_SIGNED) % {"number": document.number})
    if not user_can(user=signer, action=Action.DOCUMENT_SIGN):
        raise ApplicationError(_(NOT_A_SIGNER))
    signed_at = timezone.now()
    role = _signer_role(signer)
    stamp = {
        "name": signer.get_full_name() or signer.get_username(),
        "role": role,
        "at": timezone.localtime(signed_at).strftime("%Y-%m-%d %H:%M %Z"),
    }
    pdf = render_document_pdf(
        version=document.template_version, context=document.context, signature=stamp
    )
    provider = provider or signature_provider_for_current_ministry()
    result = provider.sign(pdf=pdf, signer=signer, document_number=document.number)
    digest = hashlib.sha256(result.pdf).hexdigest()
    key = f"documents/signed/{document.number}-{digest}.pdf"
    # Write-once: the key carries the hash, and an existing object is never replaced.
    if default_storage.exists(key):
        raise ApplicationError(_(STORED_COPY_EXISTS))
    default_storage.save(key, ContentFile(result.pdf))
    signature = Signature.objects.create(
        document=document,
        signer=signer,
        signer_name=stamp["name"],
        signer_role=role,
        signed_at=signed_at,
        sha256=digest,
        storage_key=key,
        provider=result.provider,
        provider_data=result.data,
    )
    document.status = Document.Status.SIGNED
    document.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.DOCUMENT_SIGNED,
        subject=document,
        payload={
            "changes": {"status": (Document.Status.ISSUED, Document.Status.SIGNED)},
            "values": {"sha256": digest, "provider": result.provider, "signer_role": role},
        },
    )
    return signature
