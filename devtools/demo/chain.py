"""The connected chain in the demo: a complaint triaged to inspection (the inspection exists and
shows the complaint) and a fatal accident with its investigation inspection (idempotent).

Runs after the inspections demo, so the linked inspections start with a published checklist.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from devtools.demo.texts import demo_text
from labourhub.accounts.models import User
from labourhub.accounts.roles import Role
from labourhub.complaints.models import AccidentNotification, Complaint
from labourhub.complaints.services import accident_notify, complaint_register, complaint_triage
from labourhub.registry.models import Establishment


def chain_demo_seed() -> int:
    """Returns how many linked inspections it opened (0 when the demo already has them)."""
    if Complaint.objects.filter(inspection__isnull=False).exists():
        return 0
    supervisor = User.objects.filter(role_grants__role=Role.SUPERVISOR, is_active=True).first()
    clerk = User.objects.filter(role_grants__role=Role.CLERK, is_active=True).first()
    if supervisor is None or supervisor.office is None:
        return 0
    active = Establishment.objects.filter(status="active").order_by("-id")
    # The supervisor's own office first, so the supervisor can triage it as in real life.
    sites = list(active.filter(office=supervisor.office)[:2])
    sites += list(active.exclude(pk__in=[e.pk for e in sites])[: 2 - len(sites)])
    if len(sites) < 2:
        return 0

    def desk(office_id: int) -> User | None:
        # The clerk records what reaches their own office; elsewhere the platform records it.
        return clerk if clerk is not None and clerk.office_id == office_id else None

    with transaction.atomic():
        complaint, _code = complaint_register(
            office=sites[0].office,
            subject=demo_text("overtime_subject"),
            description=demo_text("overtime_description"),
            channel="staff",
            actor=desk(sites[0].office_id),
            establishment=sites[0],
            complainant_name=demo_text("complainant"),
        )
        complaint_triage(
            complaint=complaint,
            outcome=Complaint.Triage.INSPECTION,
            reason=demo_text("triage_reason"),
            actor=supervisor if sites[0].office_id == supervisor.office_id else None,
        )
        opened = 1
        if not AccidentNotification.objects.filter(inspection__isnull=False).exists():
            accident_notify(
                establishment=sites[1],
                office=sites[1].office,
                kind=AccidentNotification.Kind.ACCIDENT,
                severity=AccidentNotification.Severity.FATAL,
                occurred_on=timezone.localdate() - dt.timedelta(days=1),
                description=demo_text("accident"),
                victims_male=1,
                fatalities=1,
                actor=desk(sites[1].office_id),
            )
            opened += 1
    return opened
