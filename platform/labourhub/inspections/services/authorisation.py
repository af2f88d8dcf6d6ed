import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can, user_roles
from labourhub.accounts.titles import role_title
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.documents.models import DocumentKind, DocumentTemplate
from labourhub.documents.services import document_issue, document_sign, document_templates_seed
from labourhub.inspections.models import Inspection, InspectionAuthorisation
from labourhub.inspections.selectors import authorisation_valid, procedure_get
from labourhub.inspections.services._common import (
    NOT_ALLOWED,
    Actor,
    inspection_lock,
    inspection_touch,
    require_status,
)

WRONG_ROLE = gettext_noop(
    "This ministry's procedure says only %(roles)s may authorise an inspection."
)
ALREADY_AUTHORISED = gettext_noop("This inspection already has a valid authorisation (%(number)s).")
REVOKE_REASON = gettext_noop("Say why the authorisation is revoked.")


def ensure_document_template(kind: str) -> None:
    """Ministries provisioned before the documents app seeded templates have none yet."""
    if not DocumentTemplate.objects.filter(kind=kind).exclude(current_version=None).exists():
        document_templates_seed(actor=None)


@transaction.atomic
def authorisation_issue(
    *, inspection: Inspection, signer: User, expected_version: int, actor: Actor
) -> InspectionAuthorisation:
    """Issue and sign the order to inspect.

    The order is a numbered, verifiable document (its QR code resolves at /verify/<code>/); the
    authorisation keeps the signer, the time and the SHA-256 of the signed PDF.
    """
    inspection = inspection_lock(inspection=inspection, expected_version=expected_version)
    require_status(inspection, Inspection.Status.PLANNED, Inspection.Status.ASSIGNED)
    if not user_can(user=signer, action=Action.INSPECTION_AUTHORISE, office=inspection.office):
        raise ApplicationError(_(NOT_ALLOWED), {"code": "not_allowed"})
    procedure = procedure_get()
    if procedure.authorising_roles and not (
        set(user_roles(user=signer)) & set(procedure.authorising_roles)
    ):
        names = ", ".join(role_title(r) for r in procedure.authorising_roles)
        raise ApplicationError(_(WRONG_ROLE) % {"roles": names}, {"code": "wrong_role"})
    current = authorisation_valid(inspection=inspection)
    if current is not None:
        raise ApplicationError(_(ALREADY_AUTHORISED) % {"number": current.number})
    ensure_document_template(DocumentKind.ORDER_TO_INSPECT)
    valid_until = timezone.localdate() + dt.timedelta(days=procedure.authorisation_valid_days)
    document = document_issue(
        kind=DocumentKind.ORDER_TO_INSPECT,
        officer=signer,
        subject=inspection,
        office=inspection.office,
        extra={"valid_until": valid_until.isoformat()},
        actor=actor,
    )
    signature = document_sign(document=document, signer=signer, actor=actor)
    authorisation = InspectionAuthorisation.objects.create(
        inspection=inspection,
        number=document.number,
        document=document,
        signer=signer,
        signer_role=signature.signer_role,
        signed_at=signature.signed_at,
        sha256=signature.sha256,
        valid_until=valid_until,
    )
    before = inspection.status
    if inspection.status == Inspection.Status.PLANNED:
        inspection.status = Inspection.Status.AUTHORISED
    inspection_touch(inspection, ["status"])
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_AUTHORISED,
        subject=inspection,
        payload={
            "changes": {"status": (before, inspection.status)},
            "values": {
                "order_number": authorisation.number,
                "sha256": authorisation.sha256,
                "signer": signer.get_username(),
                "valid_until": valid_until,
            },
        },
    )
    return authorisation


@transaction.atomic
def authorisation_revoke(
    *, authorisation: InspectionAuthorisation, reason: str, actor: Actor
) -> InspectionAuthorisation:
    if not reason.strip():
        raise ApplicationError(_(REVOKE_REASON))
    authorisation = InspectionAuthorisation.objects.select_for_update().get(pk=authorisation.pk)
    authorisation.status = InspectionAuthorisation.Status.REVOKED
    authorisation.revoked_reason = reason.strip()
    authorisation.save(update_fields=["status", "revoked_reason", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_AUTHORISATION_REVOKED,
        subject=authorisation.inspection,
        payload={"values": {"order_number": authorisation.number, "reason": reason.strip()}},
    )
    return authorisation
