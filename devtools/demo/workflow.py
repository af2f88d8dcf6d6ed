"""Demo calendars, a fine schedule and a few cases per demo ministry (idempotent)."""

import datetime as dt

from django.db import connection, transaction
from django.utils import timezone

from devtools.demo.texts import demo_provision, demo_text
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.localtime import ministry_language_default
from labourhub.workflow.models import CalendarDay

# Colombia 2026 (Ley 51 de 1983 moves most holidays to the following Monday).
COLOMBIA_2026 = [
    ("2026-01-01", "Año Nuevo"),
    ("2026-01-12", "Reyes Magos"),
    ("2026-03-23", "San José"),
    ("2026-04-02", "Jueves Santo"),
    ("2026-04-03", "Viernes Santo"),
    ("2026-05-01", "Día del Trabajo"),
    ("2026-05-18", "Ascensión"),
    ("2026-06-08", "Corpus Christi"),
    ("2026-06-15", "Sagrado Corazón"),
    ("2026-06-29", "San Pedro y San Pablo"),
    ("2026-07-20", "Independencia"),
    ("2026-08-07", "Batalla de Boyacá"),
    ("2026-08-17", "Asunción de la Virgen"),
    ("2026-10-12", "Día de la Raza"),
    ("2026-11-02", "Todos los Santos"),
    ("2026-11-16", "Independencia de Cartagena"),
    ("2026-12-08", "Inmaculada Concepción"),
    ("2026-12-25", "Navidad"),
]
# Fixed-date holidays shared by most demo countries; movable ones are left to administrators.
YEARLY = [("2026-01-01", "New Year"), ("2026-05-01", "Labour Day"), ("2026-12-25", "Christmas")]


@transaction.atomic
def calendar_demo_seed(*, slug: str) -> int:
    """Load the demo public holidays for ``slug``; returns how many days were added."""
    rows = COLOMBIA_2026 if slug == "colombia" else YEARLY
    yearly = slug != "colombia"
    added = 0
    for iso, name in rows:
        _day, created = CalendarDay.objects.get_or_create(
            date=dt.date.fromisoformat(iso),
            kind=CalendarDay.Kind.HOLIDAY,
            defaults={"name": name, "yearly": yearly},
        )
        added += int(created)
    if added:
        audit_record(
            actor=None,
            action=AuditAction.CALENDAR_DAY_SEEDED,
            payload={"values": {"slug": slug, "added": added}},
        )
    return added


def enforcement_demo_seed(*, slug: str) -> None:
    """Calendar, fine schedule and a handful of demo cases with live deadlines."""
    from labourhub.enforcement.services import fine_schedule_seed

    calendar_demo_seed(slug=slug)
    fine_schedule_seed(language=ministry_language_default(getattr(connection, "tenant", None)))
    _demo_cases()


def _demo_cases() -> None:
    from labourhub.accounts.models import User
    from labourhub.complaints.services import complaint_register
    from labourhub.enforcement.services import order_issue
    from labourhub.registry.models import Establishment
    from labourhub.workflow.models import Case

    if Case.objects.exists():
        return
    inspector = User.objects.filter(username="inspector").first()
    supervisor = User.objects.filter(username="supervisor").first()
    if inspector is None or inspector.office is None:
        return
    establishments = list(Establishment.objects.order_by("id")[:6])
    for i, est in enumerate(establishments):
        with transaction.atomic():
            order_issue(
                establishment=est,
                office=inspector.office,
                provision=demo_provision(),
                requirement=demo_text("requirement"),
                days=[3, 10, 30][i % 3],
                workers_affected=3 + i,
                assigned_to=inspector,
                supervisor=supervisor,
                actor=None,
                start_on=timezone.localdate() - dt.timedelta(days=[10, 5, 0][i % 3]),
            )
    complaint_register(
        office=inspector.office,
        subject=demo_text("complaint_subject"),
        description=demo_text("complaint_description"),
        channel="staff",
        actor=None,
        employer_text=demo_text("employer"),
        complainant_name=demo_text("complainant"),
    )
