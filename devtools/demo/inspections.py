"""Demo data: checklists, a campaign and inspections in every state, per demo ministry."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from devtools.demo.offices import home_district
from devtools.demo.staff import demo_country, demo_person
from devtools.demo.texts import demo_text
from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_create
from labourhub.audit.services import Actor
from labourhub.documents.services import document_templates_seed
from labourhub.inspections.models import Assignment, Checklist, Inspection
from labourhub.inspections.services import (
    answers_save,
    authorisation_issue,
    campaign_add_by_filters,
    campaign_create,
    checklists_seed,
    inspection_assign,
    inspection_cancel,
    inspection_create,
    inspection_submit,
    procedure_update,
    visit_refuse_entry,
    visit_start,
)
from labourhub.registry.models import Establishment

# Paraguay: only the minister activates an inspection (the authorising official in the demo).
AUTHORISING_ROLES = {"paraguay": ["authorising_official"]}


def _role_user(role: Role, office: Office) -> User | None:
    return (
        User.objects.filter(role_grants__role=role, is_active=True, office=office)
        .order_by("id")
        .first()
    )


def _extra_inspectors(office: Office, password: str) -> list[User]:
    """Random assignment needs more than one candidate: three more inspectors in the office."""
    people = []
    country = demo_country()
    for n in range(2, 5):
        username = f"inspector{n}"
        first_name, last_name = demo_person(country, username, female=n % 2 == 1)
        user = User.objects.filter(username=username).first() or user_create(
            username=username,
            password=password,
            first_name=first_name,
            last_name=last_name,
            office=office,
            roles=[Role.INSPECTOR],
            preferred_language="",
            actor=None,
        )
        people.append(user)
    return people


def inspections_demo_seed(*, slug: str, password: str, actor: Actor = None) -> int:
    """Idempotent: a ministry that already has inspections is left alone."""
    if Inspection.objects.exists():
        return 0
    document_templates_seed(actor=actor)
    checklists_seed(actor=actor)
    procedure_update(
        require_authorisation=True,
        authorising_roles=AUTHORISING_ROLES.get(slug, []),
        authorisation_valid_days=30,
        actor=actor,
    )
    district = home_district()
    if district is None:
        return 0
    inspector = _role_user(Role.INSPECTOR, district)
    supervisor = _role_user(Role.SUPERVISOR, district)
    signer = (
        User.objects.filter(role_grants__role=Role.AUTHORISING_OFFICIAL).first()
        or User.objects.filter(role_grants__role=Role.SYSTEM_ADMIN).first()
    )
    if inspector is None or supervisor is None or signer is None:
        return 0
    _extra_inspectors(district, password)
    sites = list(Establishment.objects.filter(office=district, status="active").order_by("id")[:10])
    if len(sites) < 6:
        return 0
    general = Checklist.objects.get(code="general-labour-standards")
    today = timezone.localdate()
    with transaction.atomic():
        campaign = campaign_create(
            name=f"{demo_text('campaign_name')} {today.year}",
            theme=demo_text("campaign_theme"),
            starts_on=today - dt.timedelta(days=30),
            ends_on=today + dt.timedelta(days=90),
            region=district.parent,
            targets={district: 12},
            actor=actor,
        )
        campaign_add_by_filters(campaign=campaign, office=district, limit=12, actor=actor)
    made: list[Inspection] = []
    for n, site in enumerate(sites):
        made.append(
            inspection_create(
                establishment=site,
                origin=Inspection.Origin.PLANNED if n % 3 else Inspection.Origin.COMPLAINT,
                campaign=campaign,
                checklist=general,
                scheduled_for=today + dt.timedelta(days=n % 5),
                actor=actor,
            )
        )

    def fresh(i: Inspection) -> Inspection:
        i.refresh_from_db()
        return i

    # 0 planned; 1 authorised; 2-3 assigned (random); 4 in progress; 5 completed; 6 refused;
    # 7 cancelled; the rest stay planned for the demo to authorise.
    for i in made[1:7]:
        authorisation_issue(
            inspection=i, signer=signer, expected_version=fresh(i).version, actor=signer
        )
    for n, i in enumerate(made[2:7], start=2):
        inspection_assign(
            inspection=i,
            method=Assignment.Method.RANDOM if n in (2, 3) else Assignment.Method.MANUAL,
            assignee=None if n in (2, 3) else inspector,
            reason=demo_text("assign_reason"),
            expected_version=fresh(i).version,
            actor=supervisor,
        )
    for i in made[4:6]:
        visit_start(
            inspection=i,
            arrived_at=timezone.now(),
            persons_met=demo_text("persons_met"),
            workers_interviewed_female=3,
            workers_interviewed_male=2,
            expected_version=fresh(i).version,
            actor=inspector,
        )
    answers_save(
        inspection=made[5],
        expected_version=fresh(made[5]).version,
        actor=inspector,
        values={
            "contracts-written": "no",
            "payroll-kept": "yes",
            "workers-present": "25",
            "minimum-wage": "yes",
            "weekly-rest": "yes",
        },
    )
    inspection_submit(inspection=made[5], expected_version=fresh(made[5]).version, actor=inspector)
    visit_refuse_entry(
        inspection=made[6],
        note=demo_text("refused"),
        expected_version=fresh(made[6]).version,
        actor=inspector,
    )
    inspection_cancel(
        inspection=made[7],
        reason=demo_text("closed_season"),
        expected_version=fresh(made[7]).version,
        actor=supervisor,
    )
    return len(made)
