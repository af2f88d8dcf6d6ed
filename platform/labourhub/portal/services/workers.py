"""Workers and employers acting on complaints and accidents from the portal.

The complaint and accident registers write their own rows (``complaint_register``,
``accident_notify``) with no staff actor, as the anonymous form does; the portal adds who did it
and audits it with the portal user. A worker's link to a complaint is an identity, so its audit
event names the worker's account, never the complaint: the trail does not say who complained.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.audit.events import AuditActionType
from labourhub.audit.services import audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.complaints.models import AccidentNotification, Complaint
from labourhub.complaints.selectors import portal_intake_office
from labourhub.complaints.services import accident_notify, complaint_by_code, complaint_register
from labourhub.documents.models import Document
from labourhub.portal import events
from labourhub.portal.models import (
    ComplaintFollower,
    PortalAccident,
    PortalAccount,
    SharedDocument,
)
from labourhub.portal.selectors import establishment_list_represented, portal_account_get
from labourhub.registry.models import Establishment
from labourhub.workflow.services import ministry_today

ACCOUNT_NOT_READY = gettext_noop("Confirm your e-mail address before acting from your account.")
NO_INTAKE_OFFICE = gettext_noop("Complaints cannot be received online yet.")
CODE_UNKNOWN = gettext_noop("No complaint has this code. Check it and try again.")
CODE_ANONYMOUS = gettext_noop(
    "This complaint is anonymous: follow it with its code only, so no account is tied to it."
)
CODE_TAKEN = gettext_noop("This complaint is already followed from another account.")
TEXT_MARKUP = gettext_noop("Angle brackets and control characters are not allowed here.")
DATE_FUTURE = gettext_noop("The date cannot be in the future.")
DATE_TOO_OLD = gettext_noop("The accident happened more than a year ago; notify it at an office.")
NOT_REPRESENTED = gettext_noop("You do not represent this establishment.")
NOT_CASE_DOCUMENT = gettext_noop("This document does not belong to the complaint's case.")
SHARE_REFUSED = gettext_noop("Your role does not allow sharing documents of this complaint.")

# Newlines and tabs are fine in a description; other control characters and markup are not.
_UNSAFE = re.compile(r"[<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _ready(user: User, kind: str | None = None) -> PortalAccount:
    account = portal_account_get(user=user)
    if account is None or account.status in (
        PortalAccount.Status.EMAIL_PENDING,
        PortalAccount.Status.REJECTED,
    ):
        raise ApplicationError(_(ACCOUNT_NOT_READY))
    if kind is not None and account.kind != kind:
        raise ApplicationError(_(ACCOUNT_NOT_READY))
    return account


def _safe(values: dict[str, str]) -> None:
    errors = {field: _(TEXT_MARKUP) for field, text in values.items() if _UNSAFE.search(text)}
    if errors:
        raise ValidationError(errors)


def _follow_audit(*, user: User, account: PortalAccount, action: AuditActionType) -> None:
    audit_record(actor=user, action=action, subject=account, payload={"values": {}})


@transaction.atomic
def portal_complaint_file(
    *,
    actor: User,
    subject: str,
    description: str,
    establishment: Establishment | None = None,
    employer_text: str = "",
    child_labour: bool = False,
    anonymous: bool = False,
) -> tuple[Complaint, str]:
    """A worker files a complaint; a named one is linked to the account so it can be followed."""
    account = _ready(actor, PortalAccount.Kind.WORKER)
    _safe({"subject": subject, "description": description, "employer_text": employer_text})
    office = establishment.office if establishment is not None else portal_intake_office()
    if office is None:
        raise ApplicationError(_(NO_INTAKE_OFFICE))
    complaint, code = complaint_register(
        office=office,
        subject=subject,
        description=description,
        channel=Complaint.Channel.PORTAL,
        actor=None,
        establishment=establishment,
        employer_text=employer_text,
        anonymous=anonymous,
        complainant_name="" if anonymous else (actor.get_full_name() or actor.get_username()),
        complainant_contact="" if anonymous else actor.email,
        child_labour=child_labour,
    )
    if not anonymous:
        ComplaintFollower.objects.create(user=actor, complaint=complaint)
        _follow_audit(user=actor, account=account, action=events.COMPLAINT_FILED)
    return complaint, code


@transaction.atomic
def portal_complaint_claim(*, actor: User, code: str) -> Complaint:
    """Add a complaint filed at an office or without signing in to the worker's account."""
    account = _ready(actor, PortalAccount.Kind.WORKER)
    complaint = complaint_by_code(code=code.strip())
    if complaint is None:
        raise ValidationError({"code": _(CODE_UNKNOWN)})
    if complaint.anonymous:
        raise ValidationError({"code": _(CODE_ANONYMOUS)})
    existing = ComplaintFollower.objects.filter(complaint=complaint).first()
    if existing is not None:
        if existing.user_id == actor.pk:
            return complaint
        raise ValidationError({"code": _(CODE_TAKEN)})
    ComplaintFollower.objects.create(user=actor, complaint=complaint)
    _follow_audit(user=actor, account=account, action=events.COMPLAINT_CLAIMED)
    return complaint


@transaction.atomic
def portal_accident_notify(
    *,
    actor: User,
    establishment: Establishment,
    kind: str,
    severity: str,
    occurred_on: datetime.date,
    description: str,
    victims_female: int = 0,
    victims_male: int = 0,
    fatalities: int = 0,
) -> AccidentNotification:
    """An employer (for an establishment they represent) or a worker notifies a work accident.

    It enters the same register and case chain as an accident notified at an office, through
    the register's own service, so a fatal one opens its investigation at once.
    """
    account = _ready(actor)
    represented = establishment_list_represented(user=actor).filter(pk=establishment.pk)
    if account.kind == PortalAccount.Kind.EMPLOYER and not represented.exists():
        raise ApplicationError(_(NOT_REPRESENTED))
    _safe({"description": description})
    today = ministry_today()
    if occurred_on > today:
        raise ValidationError({"occurred_on": _(DATE_FUTURE)})
    if occurred_on < today - datetime.timedelta(days=366):
        raise ValidationError({"occurred_on": _(DATE_TOO_OLD)})
    accident = accident_notify(
        establishment=establishment,
        office=establishment.office,
        kind=kind,
        severity=severity,
        occurred_on=occurred_on,
        description=description,
        actor=None,
        victims_female=victims_female,
        victims_male=victims_male,
        fatalities=fatalities,
    )
    PortalAccident.objects.create(accident=accident, user=actor, kind=account.kind)
    if account.kind == PortalAccount.Kind.WORKER:
        # A worker who reports their workplace is protected like a complainant.
        _follow_audit(user=actor, account=account, action=events.ACCIDENT_NOTIFIED)
    else:
        audit_record(
            actor=actor,
            action=events.ACCIDENT_NOTIFIED,
            subject=accident,
            payload={"values": {"case": accident.case.reference, "severity": severity}},
        )
    return accident


def _may_share(*, user: User, complaint: Complaint) -> None:
    if not user_can(user=user, action=Action.CASE_EDIT, office=complaint.case.office):
        raise ApplicationError(_(SHARE_REFUSED))


@transaction.atomic
def complaint_document_share(
    *, complaint: Complaint, document: Document, actor: User
) -> SharedDocument:
    _may_share(user=actor, complaint=complaint)
    if document.subject_id != str(complaint.case_id) or (
        document.subject_type is None or document.subject_type.model != "case"
    ):
        raise ApplicationError(_(NOT_CASE_DOCUMENT))
    share, created = SharedDocument.objects.get_or_create(
        complaint=complaint, document=document, defaults={"shared_by": actor}
    )
    if created:
        audit_record(
            actor=actor,
            action=events.COMPLAINT_DOCUMENT_SHARED,
            subject=complaint,
            payload={"values": {"document": document.number}},
        )
    return share


@transaction.atomic
def complaint_document_unshare(*, share: SharedDocument, actor: User) -> None:
    _may_share(user=actor, complaint=share.complaint)
    number = share.document.number
    complaint = share.complaint
    share.delete()
    audit_record(
        actor=actor,
        action=events.COMPLAINT_DOCUMENT_UNSHARED,
        subject=complaint,
        payload={"values": {"document": number}},
    )
