from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, QuerySet

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action, Scope
from labourhub.accounts.selectors import user_scope_for
from labourhub.documents.models import Document, DocumentTemplate, Signature, TemplateVersion


def document_template_list() -> QuerySet[DocumentTemplate]:
    return DocumentTemplate.objects.select_related("current_version").order_by("kind")


def document_template_get(*, kind: str) -> DocumentTemplate | None:
    return document_template_list().filter(kind=kind).first()


def template_version_list(*, template: DocumentTemplate) -> QuerySet[TemplateVersion]:
    return template.versions.select_related("created_by").order_by("-number")


def documents_visible_to(qs: QuerySet[Document], user: User) -> QuerySet[Document]:
    """Scope documents by who issued them until cases carry their own office: an inspector sees
    the letters they issued, an office head those of the office, a director all of them."""
    scope = user_scope_for(user=user, action=Action.DOCUMENT_VIEW)
    if scope is None:
        return qs.none()
    if scope == Scope.MINISTRY:
        return qs
    if scope == Scope.OWN or user.office is None:
        return qs.filter(issued_by=user)
    if scope == Scope.REGION:
        region = user.office.region_id
        return qs.filter(Q(issued_by__office_id=region) | Q(issued_by__office__parent_id=region))
    return qs.filter(issued_by__office=user.office)


def document_list(*, user: User, kind: str = "", search: str = "") -> QuerySet[Document]:
    qs = Document.objects.select_related(
        "template_version", "issued_by", "subject_type", "signature"
    ).order_by("-created_at", "-id")
    qs = documents_visible_to(qs, user)
    if kind:
        qs = qs.filter(kind=kind)
    if search:
        qs = qs.filter(number__icontains=search) | qs.filter(subject_label__icontains=search)
    return qs


def document_get(*, document_id: int, user: User) -> Document | None:
    return document_list(user=user).filter(pk=document_id).first()


def document_case_file_list(
    *, subject_type: ContentType, subject_id: str, user: User | None = None
) -> QuerySet[Document]:
    """Every document of one case (subject), in the order they were issued."""
    qs = (
        Document.objects.select_related("signature", "template_version")
        .filter(subject_type=subject_type, subject_id=str(subject_id))
        .order_by("created_at", "id")
    )
    return documents_visible_to(qs, user) if user is not None else qs


@dataclass(frozen=True)
class PublicVerification:
    """What anyone holding the paper may learn: never the subject, findings or amounts."""

    number: str
    kind_label: str
    issued_on: str
    issuing_office: str
    signed: bool
    signer_role: str
    signed_at: datetime | None
    sha256: str


def document_public_verification(*, code: str) -> PublicVerification | None:
    doc = Document.objects.select_related("signature").filter(verification_code=code).first()
    if doc is None:
        return None
    signature: Signature | None = getattr(doc, "signature", None)
    return PublicVerification(
        number=doc.number,
        kind_label=str(doc.get_kind_display()),
        issued_on=str(doc.context.get("document", {}).get("date", "")),
        issuing_office=str(doc.context.get("office", {}).get("name", "")),
        signed=signature is not None,
        signer_role=signature.signer_role if signature else "",
        signed_at=signature.signed_at if signature else None,
        sha256=signature.sha256 if signature else doc.pdf_sha256,
    )


def subject_resolve(*, label: str, subject_id: str) -> models.Model | None:
    """A record of a registered subject kind, or None (unknown kind, bad id, or not found)."""
    from django.apps import apps

    from labourhub.documents.contexts import subject_kind

    if subject_kind(label) is None:
        return None
    model = apps.get_model(label)
    try:
        return model._default_manager.filter(pk=subject_id).first()  # type: ignore[no-any-return]
    except (ValueError, TypeError, ValidationError):
        return None
