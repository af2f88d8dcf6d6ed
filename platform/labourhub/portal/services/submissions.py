"""Establishment self-registration: employers propose, a clerk accepts into the registry or
refuses with a reason. The registry's own services do the writing, so its history holds."""

import datetime
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import Office, User
from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action
from labourhub.audit.services import audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.portal import events
from labourhub.portal.models import EstablishmentSubmission, PortalAccount, Representation
from labourhub.portal.services.accounts import NOT_VERIFIED, representation_add
from labourhub.registry.isic import isic_is_valid
from labourhub.registry.models import Employer, Establishment
from labourhub.registry.selectors import establishment_duplicate_candidates
from labourhub.registry.services import employer_create, establishment_create, establishment_update

MAX_WORKERS = 1_000_000
TEXT_LIMITS = {"name": 300, "address": 500, "locality": 200}

FIELD_REQUIRED = gettext_noop("This field is required.")
TEXT_TOO_LONG = gettext_noop("Use at most %(limit)d characters.")
TEXT_MARKUP = gettext_noop("Angle brackets and control characters are not allowed here.")
BAD_ISIC = gettext_noop("Give an ISIC Rev.4 class: four digits, e.g. 1071.")
BAD_WORKERS = gettext_noop("Give a whole number between 0 and 1,000,000.")
NO_WORKERS = gettext_noop("Give at least one worker.")
OPENED_IN_FUTURE = gettext_noop("The opening date cannot be in the future.")
NOT_REPRESENTED = gettext_noop("You do not represent this establishment.")
NOT_PENDING = gettext_noop("This submission has already been decided.")
REFUSAL_REASON = gettext_noop("Say why the submission is refused; the employer reads it.")
OFFICE_REQUIRED = gettext_noop("Choose the office that will cover the new establishment.")

_UNSAFE = re.compile(r"[<>\x00-\x1f\x7f]")


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """All field errors at once, each in the user's language; nothing is written before this."""
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for field, limit in TEXT_LIMITS.items():
        text = str(values.get(field) or "").strip()
        if not text:
            errors[field] = _(FIELD_REQUIRED)
        elif len(text) > limit:
            errors[field] = _(TEXT_TOO_LONG) % {"limit": limit}
        elif _UNSAFE.search(text):
            errors[field] = _(TEXT_MARKUP)
        clean[field] = text
    code = str(values.get("isic_code") or "").strip()
    if not isic_is_valid(code):
        errors["isic_code"] = _(BAD_ISIC)
    clean["isic_code"] = code
    for field in ("workers_female", "workers_male"):
        raw = values.get(field)
        if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= MAX_WORKERS:
            errors[field] = _(BAD_WORKERS)
        clean[field] = raw
    both_given = "workers_female" not in errors and "workers_male" not in errors
    if both_given and clean["workers_female"] + clean["workers_male"] == 0:
        errors["workers_male"] = _(NO_WORKERS)
    opened = values.get("opened_on")
    if opened is not None and (
        not isinstance(opened, datetime.date) or opened > timezone.localdate()
    ):
        errors["opened_on"] = _(OPENED_IN_FUTURE)
    clean["opened_on"] = opened
    if errors:
        raise ValidationError(errors)
    return clean


def _duplicates(
    *, values: dict[str, Any], establishment: Establishment | None
) -> list[dict[str, Any]]:
    probe = Establishment(
        pk=establishment.pk if establishment else None,
        name=values["name"],
        address=values["address"],
        extra=establishment.extra if establishment else {},
    )
    return [
        {"id": c.establishment.pk, "score": c.score, "reasons": c.reasons}
        for c in establishment_duplicate_candidates(establishment=probe)
    ]


@transaction.atomic
def establishment_submission_file(
    *,
    actor: User,
    name: str,
    address: str,
    locality: str,
    isic_code: str,
    workers_female: int,
    workers_male: int,
    opened_on: datetime.date | None = None,
    establishment: Establishment | None = None,
) -> EstablishmentSubmission:
    """A verified employer proposes a new establishment, or new data for one they represent."""
    account = PortalAccount.objects.filter(user=actor).first()
    if (
        account is None
        or account.kind != PortalAccount.Kind.EMPLOYER
        or account.status != PortalAccount.Status.VERIFIED
    ):
        raise ApplicationError(_(NOT_VERIFIED))
    if (
        establishment is not None
        and not Representation.objects.filter(
            user=actor, establishment=establishment, removed_at__isnull=True
        ).exists()
    ):
        raise ApplicationError(_(NOT_REPRESENTED))
    values = _clean(
        {
            "name": name,
            "address": address,
            "locality": locality,
            "isic_code": isic_code,
            "workers_female": workers_female,
            "workers_male": workers_male,
            "opened_on": opened_on,
        }
    )
    submission = EstablishmentSubmission.objects.create(
        submitted_by=actor,
        establishment=establishment,
        is_update=establishment is not None,
        duplicate_candidates=_duplicates(values=values, establishment=establishment),
        **values,
    )
    audit_record(
        actor=actor,
        action=events.SUBMISSION_FILED,
        subject=submission,
        payload={
            "values": {
                "name": submission.name,
                "isic_code": submission.isic_code,
                "establishment": establishment.pk if establishment else None,
                "duplicates": [c["id"] for c in submission.duplicate_candidates],
            }
        },
    )
    return submission


def _employer_for(*, account: PortalAccount, actor: User) -> Employer:
    employer = Employer.objects.filter(tax_id=account.tax_number.strip()).first()
    if employer is not None:
        return employer
    return employer_create(
        legal_name=account.organisation or account.user.get_full_name(),
        tax_id=account.tax_number,
        actor=actor,
    )


@transaction.atomic
def establishment_submission_decide(
    *,
    submission: EstablishmentSubmission,
    accept: bool,
    note: str,
    actor: User,
    office: Office | None = None,
) -> EstablishmentSubmission:
    """Accept into the registry (through its services, with the clerk as actor) and link the
    employer as representative, or refuse with a reason the employer reads."""
    permission_check(actor=actor, action=Action.PORTAL_ACCOUNT_VERIFY)
    locked = (
        EstablishmentSubmission.objects.select_for_update(of=("self",))
        .select_related("establishment", "submitted_by")
        .get(pk=submission.pk)
    )
    if locked.status != EstablishmentSubmission.Status.PENDING:
        raise ApplicationError(_(NOT_PENDING))
    note = note.strip()
    if not accept and not note:
        raise ValidationError({"note": _(REFUSAL_REASON)})
    if accept:
        data: dict[str, Any] = {
            "name": locked.name,
            "address": locked.address,
            "locality": locked.locality,
            "isic_code": locked.isic_code,
            "workers_female": locked.workers_female,
            "workers_male": locked.workers_male,
            "opened_on": locked.opened_on,
        }
        if locked.establishment is not None:
            establishment_update(establishment=locked.establishment, data=data, actor=actor)
        else:
            if office is None:
                raise ValidationError({"office": _(OFFICE_REQUIRED)})
            account = PortalAccount.objects.get(user=locked.submitted_by)
            locked.establishment = establishment_create(
                employer=_employer_for(account=account, actor=actor),
                office=office,
                actor=actor,
                **data,
            )
            representation_add(
                user=locked.submitted_by, establishment=locked.establishment, actor=actor
            )
    locked.status = (
        EstablishmentSubmission.Status.ACCEPTED
        if accept
        else EstablishmentSubmission.Status.REFUSED
    )
    locked.reviewed_by = actor
    locked.reviewed_at = timezone.now()
    locked.review_note = note
    locked.save(
        update_fields=[
            "status",
            "establishment",
            "reviewed_by",
            "reviewed_at",
            "review_note",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor,
        action=events.SUBMISSION_ACCEPTED if accept else events.SUBMISSION_REFUSED,
        subject=locked,
        payload={
            "values": {
                "note": note,
                "establishment": locked.establishment.pk if locked.establishment else None,
            }
        },
    )
    return locked
