import datetime as dt

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import Office
from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action
from labourhub.audit.services import AuditAction, audit_record
from labourhub.inspections.models import (
    Campaign,
    CampaignEstablishment,
    CampaignTarget,
    Checklist,
    Inspection,
    InspectionProcedure,
)
from labourhub.inspections.selectors import checklist_current_version
from labourhub.inspections.services._common import (
    Actor,
    actor_user,
    inspection_lock,
    inspection_touch,
)
from labourhub.registry.models import Establishment

OUTSIDE_OFFICE = gettext_noop("This establishment is outside your office.")
PERIOD_BACKWARDS = gettext_noop("The campaign cannot end before it starts.")
UNKNOWN_REGISTRATIONS = gettext_noop(
    "These registration numbers are not in the registry: %(numbers)s. Nothing was added; "
    "correct the list and import it again."
)
EMPTY_IMPORT = gettext_noop("The list is empty: give one registration number per line.")
NOT_ACTIVE = gettext_noop("Only active establishments can be inspected (this one is %(status)s).")
NO_PUBLISHED_VERSION = gettext_noop("The checklist “%(title)s” has no published version yet.")
CANCEL_REASON = gettext_noop("Say why the inspection is cancelled.")
UNKNOWN_ROLE = gettext_noop("“%(role)s” is not a role of this system.")


@transaction.atomic
def procedure_update(
    *,
    require_authorisation: bool,
    authorising_roles: list[str],
    authorisation_valid_days: int,
    actor: Actor,
) -> InspectionProcedure:
    from labourhub.accounts.roles import Role

    for role in authorising_roles:
        if role not in Role.values:
            raise ValidationError({"authorising_roles": _(UNKNOWN_ROLE) % {"role": role}})
    procedure, _created = InspectionProcedure.objects.select_for_update().get_or_create(pk=1)
    before = {
        "require_authorisation": procedure.require_authorisation,
        "authorising_roles": list(procedure.authorising_roles),
        "authorisation_valid_days": procedure.authorisation_valid_days,
    }
    procedure.require_authorisation = require_authorisation
    procedure.authorising_roles = list(authorising_roles)
    procedure.authorisation_valid_days = authorisation_valid_days
    procedure.full_clean()
    procedure.save()
    after = {
        "require_authorisation": require_authorisation,
        "authorising_roles": list(authorising_roles),
        "authorisation_valid_days": authorisation_valid_days,
    }
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_PROCEDURE_UPDATED,
        subject=procedure,
        payload={"changes": {k: (before[k], v) for k, v in after.items()}},
    )
    return procedure


@transaction.atomic
def campaign_create(
    *,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    theme: str = "",
    sector: str = "",
    region: Office | None = None,
    targets: dict[Office, int] | None = None,
    actor: Actor,
) -> Campaign:
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _(PERIOD_BACKWARDS)})
    campaign = Campaign(
        name=name.strip(),
        theme=theme.strip(),
        sector=sector.strip().upper(),
        region=region,
        starts_on=starts_on,
        ends_on=ends_on,
        status=Campaign.Status.ACTIVE,
        created_by=actor_user(actor),
    )
    campaign.full_clean(exclude=["created_by"])  # None = seeded by the system
    campaign.save()
    for office, count in (targets or {}).items():
        CampaignTarget.objects.create(campaign=campaign, office=office, target_count=count)
    audit_record(
        actor=actor,
        action=AuditAction.CAMPAIGN_CREATED,
        subject=campaign,
        payload={
            "values": {
                "name": campaign.name,
                "period": [starts_on, ends_on],
                "sector": campaign.sector,
                "targets": {o.code: n for o, n in (targets or {}).items()},
            }
        },
    )
    return campaign


def _add_entries(campaign: Campaign, ids: list[int], source: str) -> int:
    existing = set(
        CampaignEstablishment.objects.filter(campaign=campaign).values_list(
            "establishment_id", flat=True
        )
    )
    rows = [
        CampaignEstablishment(campaign=campaign, establishment_id=i, source=source)
        for i in ids
        if i not in existing
    ]
    CampaignEstablishment.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def campaign_add_by_filters(
    *,
    campaign: Campaign,
    office: Office | None = None,
    sector: str = "",
    risk_level: str = "",
    limit: int = 500,
    actor: Actor,
) -> int:
    """Add active establishments matching the filters (the campaign's own sector and region
    apply too)."""
    qs = Establishment.objects.filter(status=Establishment.Status.ACTIVE)
    sector = sector or campaign.sector
    if sector:
        qs = qs.filter(isic_code__startswith=sector)
    if office is not None:
        qs = qs.filter(office=office)
    elif campaign.region_id is not None:
        qs = qs.filter(office__parent_id=campaign.region_id) | qs.filter(
            office_id=campaign.region_id
        )
    if risk_level:
        qs = qs.filter(risk_level=risk_level)
    ids = list(qs.order_by("id").values_list("id", flat=True)[:limit])
    added = _add_entries(campaign, ids, CampaignEstablishment.Source.FILTER)
    audit_record(
        actor=actor,
        action=AuditAction.CAMPAIGN_ESTABLISHMENTS_ADDED,
        subject=campaign,
        payload={
            "values": {
                "added": added,
                "filters": {
                    "office": office.code if office else "",
                    "sector": sector,
                    "risk_level": risk_level,
                },
            }
        },
    )
    return added


@transaction.atomic
def campaign_import_list(*, campaign: Campaign, text: str, actor: Actor) -> int:
    """One registration number per line; all or nothing."""
    numbers = [line.strip() for line in text.splitlines() if line.strip()]
    if not numbers:
        raise ValidationError({"numbers": _(EMPTY_IMPORT)})
    found = dict(
        Establishment.objects.filter(registration_number__in=numbers).values_list(
            "registration_number", "id"
        )
    )
    unknown = [n for n in numbers if n not in found]
    if unknown:
        shown = ", ".join(unknown[:10]) + ("…" if len(unknown) > 10 else "")
        raise ValidationError({"numbers": _(UNKNOWN_REGISTRATIONS) % {"numbers": shown}})
    added = _add_entries(campaign, [found[n] for n in numbers], CampaignEstablishment.Source.IMPORT)
    audit_record(
        actor=actor,
        action=AuditAction.CAMPAIGN_ESTABLISHMENTS_IMPORTED,
        subject=campaign,
        payload={"values": {"added": added, "lines": len(numbers)}},
    )
    return added


def _next_reference() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('inspections_reference_seq')")
        (n,) = cursor.fetchone()
    return f"INS-{timezone.localdate().year}-{n:06d}"


@transaction.atomic
def inspection_create(
    *,
    establishment: Establishment,
    origin: str,
    actor: Actor,
    campaign: Campaign | None = None,
    checklist: Checklist | None = None,
    scheduled_for: dt.date | None = None,
    origin_reference: str = "",
    follow_up_of: Inspection | None = None,
    notes: str = "",
    focus: str = "",
) -> Inspection:
    """Open an inspection in status *planned*; it pins the checklist's current published
    version so a later version 2 never changes what this visit is measured against.

    The actor must be allowed to plan inspections for the establishment's office."""
    permission_check(
        actor=actor,
        action=Action.INSPECTION_PLAN,
        office=establishment.office,
        message=OUTSIDE_OFFICE,
    )
    if establishment.status != Establishment.Status.ACTIVE:
        raise ValidationError(
            {"establishment": _(NOT_ACTIVE) % {"status": establishment.get_status_display()}}
        )
    version = None
    if checklist is not None:
        version = checklist_current_version(checklist=checklist)
        if version is None:
            raise ValidationError(
                {"checklist": _(NO_PUBLISHED_VERSION) % {"title": checklist.title}}
            )
    inspection = Inspection(
        reference=_next_reference(),
        establishment=establishment,
        office=establishment.office,
        campaign=campaign,
        origin=origin,
        origin_reference=origin_reference.strip(),
        follow_up_of=follow_up_of,
        scheduled_for=scheduled_for,
        checklist_version=version,
        notes=notes,
        focus=focus.strip(),
        created_by=actor_user(actor),
    )
    inspection.full_clean(exclude=["created_by"])
    inspection.save()
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_CREATED,
        subject=inspection,
        payload={
            "values": {
                "establishment": establishment.pk,
                "origin": origin,
                "checklist_version": version.pk if version else None,
                "scheduled_for": scheduled_for,
                "campaign": campaign.pk if campaign else None,
            }
        },
    )
    return inspection


@transaction.atomic
def campaign_plan_inspections(
    *, campaign: Campaign, checklist: Checklist | None, actor: Actor
) -> int:
    """Open a planned inspection for each listed establishment that has none in the campaign."""
    done = set(
        Inspection.objects.filter(campaign=campaign).values_list("establishment_id", flat=True)
    )
    created = 0
    for entry in campaign.entries.select_related("establishment", "establishment__office"):
        if entry.establishment_id in done:
            continue
        if entry.establishment.status != Establishment.Status.ACTIVE:
            continue
        inspection_create(
            establishment=entry.establishment,
            origin=Inspection.Origin.PLANNED,
            campaign=campaign,
            checklist=checklist,
            actor=actor,
        )
        created += 1
    return created


@transaction.atomic
def inspection_schedule(
    *, inspection: Inspection, scheduled_for: dt.date, expected_version: int, actor: Actor
) -> Inspection:
    inspection = inspection_lock(inspection=inspection, expected_version=expected_version)
    before = inspection.scheduled_for
    inspection.scheduled_for = scheduled_for
    inspection_touch(inspection, ["scheduled_for"])
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_SCHEDULED,
        subject=inspection,
        payload={"changes": {"scheduled_for": (before, scheduled_for)}},
    )
    return inspection


@transaction.atomic
def inspection_cancel(
    *, inspection: Inspection, reason: str, expected_version: int, actor: Actor
) -> Inspection:
    if not reason.strip():
        raise ValidationError({"reason": _(CANCEL_REASON)})
    inspection = inspection_lock(inspection=inspection, expected_version=expected_version)
    before = inspection.status
    inspection.status = Inspection.Status.CANCELLED
    inspection.cancelled_reason = reason.strip()
    inspection_touch(inspection, ["status", "cancelled_reason"])
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_CANCELLED,
        subject=inspection,
        payload={
            "changes": {"status": (before, inspection.status)},
            "values": {"reason": inspection.cancelled_reason},
        },
    )
    return inspection


@transaction.atomic
def campaign_target_set(
    *, campaign: Campaign, office: Office, target_count: int, actor: Actor
) -> CampaignTarget:
    target, created = CampaignTarget.objects.update_or_create(
        campaign=campaign, office=office, defaults={"target_count": target_count}
    )
    audit_record(
        actor=actor,
        action=AuditAction.CAMPAIGN_TARGET_SET,
        subject=campaign,
        payload={"values": {"office": office.code, "target": target_count, "new": created}},
    )
    return target
