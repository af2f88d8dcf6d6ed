"""A small fixed data set whose every indicator was computed by hand (see EXPECTED).

Complaints, accidents and compliance orders go through the real services of their apps
(complaint_register, accident_notify, order_issue); establishments, inspections, findings,
fines and payments are created as rows, because reaching a completed inspection or an imposed
fine through services needs authorisation, checklist and case-state machinery that is outside
this app. Dates are then pinned (created_at, closed_at, verified_at) to make the hand
computation exact.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

Y = 2025


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)), dt.UTC)


# Hand-computed from the rows below, for the period Jan-Dec 2025, whole ministry.
EXPECTED = {
    "inspections_done": Decimal(4),  # I1 I2 I3 I4 (I5 in progress, I6 cancelled, I7 in 2024)
    "coverage": Decimal("75.00"),  # E1 E2 E3 visited / E1 E2 E3 E5 active (E4 closed)
    "violations": Decimal(4),  # F1 F2 F3 F4 (F5 on an unfinished inspection)
    "compliance_at_follow_up": Decimal("66.67"),  # O1 O2 complied / O1 O2 O3 verified
    "orders_in_time": Decimal("33.33"),  # only O1 verified before its due date
    "days_to_sanction": Decimal(59),  # 41, 59, 85 days -> median 59
    "fines_imposed": Decimal(1750),  # 250 + 1000 + 500 (300 annulled)
    "fines_collected": Decimal(900),  # 400 + 500 (100 paid in 2026)
    "complaints_received": Decimal(4),
    "complaints_resolved": Decimal(3),
    "days_to_resolution": Decimal(20),  # 10, 20, 30 days -> median 20
    "fatal_injury_rate": Decimal("500.00"),  # 1 death / 200 workers x 100,000
    "nonfatal_injury_rate": Decimal("1500.00"),  # 3 injured / 200 workers x 100,000
    "child_labour_cases": Decimal(2),  # I3 and I4
    "workers_covered": Decimal(100),  # E1 40 + E2 40 + E3 20, once each
}


@pytest.fixture
def offices(in_ministry: Any) -> dict[str, Any]:
    from labourhub.accounts.models import Office
    from labourhub.accounts.services import office_create

    def get(code: str, name: str, level: str, parent: Any = None) -> Any:
        return Office.objects.filter(code=code).first() or office_create(
            code=code, name=name, level=level, parent=parent, actor=None
        )

    reg_a = get("T-REG", "Test region", "region")
    dis_a = get("T-DIS", "Test district", "district", reg_a)
    reg_b = get("T-REG2", "Second region", "region")
    dis_b = get("T-DIS2", "Second district", "district", reg_b)
    return {"reg_a": reg_a, "dis_a": dis_a, "reg_b": reg_b, "dis_b": dis_b}


@pytest.fixture
def dataset(offices: dict[str, Any], user_with_role: Any) -> dict[str, Any]:
    from labourhub.accounts.roles import Role
    from labourhub.complaints.models import AccidentNotification, Complaint
    from labourhub.complaints.services import accident_notify, complaint_register
    from labourhub.enforcement.models import ComplianceOrder, Fine, Payment
    from labourhub.enforcement.services import order_issue
    from labourhub.inspections.models import Finding, Inspection
    from labourhub.registry.models import Employer, Establishment
    from labourhub.workflow.models import Case

    a, b = offices["dis_a"], offices["dis_b"]
    u1 = user_with_role(Role.INSPECTOR, username="insp_one", office=a)
    u2 = user_with_role(Role.INSPECTOR, username="insp_two", office=a)
    employer = Employer.objects.create(legal_name="Acme SA", tax_id="AN-1")

    def est(
        reg: str, office: Any, isic: str, women: int, men: int, status: str = "active"
    ) -> Establishment:
        return Establishment.objects.create(
            employer=employer,
            registration_number=reg,
            name=f"Site {reg}",
            office=office,
            isic_code=isic,
            size_band="small",
            workers_female=women,
            workers_male=men,
            status=status,
        )

    e1 = est("AN-E1", a, "1010", 10, 30)
    e2 = est("AN-E2", a, "4711", 20, 20)
    e3 = est("AN-E3", b, "0111", 5, 15)
    est("AN-E4", b, "1010", 0, 0, status="closed")
    est("AN-E5", a, "4711", 50, 50)

    def insp(
        ref: str,
        e: Establishment,
        office: Any,
        origin: str,
        status: str,
        day: dt.date,
        inspector: Any = None,
    ) -> Inspection:
        done = status == "completed"
        return Inspection.objects.create(
            reference=ref,
            establishment=e,
            office=office,
            origin=origin,
            status=status,
            scheduled_for=day,
            submitted_at=at(day) if done else None,
            inspector=inspector,
            cancelled_reason="duplicate" if status == "cancelled" else "",
        )

    i1 = insp("AN-I1", e1, a, "planned", "completed", dt.date(Y, 1, 15), u1)
    insp("AN-I2", e1, a, "follow_up", "completed", dt.date(Y, 3, 10), u1)
    i3 = insp("AN-I3", e2, a, "complaint", "completed", dt.date(Y, 2, 5), u2)
    i4 = insp("AN-I4", e3, b, "planned", "completed", dt.date(Y, 2, 20), u2)
    i5 = insp("AN-I5", e3, b, "planned", "in_progress", dt.date(Y, 2, 25), u2)
    insp("AN-I6", e2, a, "planned", "cancelled", dt.date(Y, 1, 3))
    insp("AN-I7", e1, a, "planned", "completed", dt.date(Y - 1, 12, 30), u1)

    def finding(i: Inspection, provision: str, day: dt.date, child: bool = False) -> Finding:
        f = Finding.objects.create(
            inspection=i,
            provision=provision,
            description=provision,
            severity="serious",
            child_labour=child,
        )
        Finding.objects.filter(pk=f.pk).update(created_at=at(day))
        return f

    f1 = finding(i1, "Art. 10 minimum wage", dt.date(Y, 1, 15))
    finding(i1, "Art. 20 working hours", dt.date(Y, 1, 15))
    f3 = finding(i3, "Art. 10 minimum wage", dt.date(Y, 2, 5), child=True)
    f4 = finding(i4, "Art. 30 child labour", dt.date(Y, 2, 20), child=True)
    finding(i5, "Art. 10 minimum wage", dt.date(Y, 2, 25))

    def order(e: Establishment, office: Any, f: Any, start: dt.date) -> ComplianceOrder:
        return order_issue(
            establishment=e,
            office=office,
            provision="Art. 10 minimum wage",
            requirement="Pay the minimum wage",
            actor=None,
            days=30,
            finding=f,
            start_on=start,
        )

    o1 = order(e1, a, f1, dt.date(Y, 1, 20))  # due 19 Feb
    o2 = order(e2, a, f3, dt.date(Y, 2, 10))  # due 12 Mar
    o3 = order(e3, b, f4, dt.date(Y, 2, 25))  # due 27 Mar
    o4 = order(e1, a, None, dt.date(Y, 3, 1))  # pending
    for o, result, day in (
        (o1, "complied", dt.date(Y, 2, 10)),
        (o2, "complied", dt.date(Y, 4, 1)),
        (o3, "not_complied", dt.date(Y, 4, 2)),
    ):
        ComplianceOrder.objects.filter(pk=o.pk).update(result=result, verified_at=at(day))

    def fine(o: ComplianceOrder, amount: int, day: dt.date, annulled: bool = False) -> Fine:
        fi = Fine.objects.create(
            case=o.case,
            establishment=o.establishment,
            provision=o.provision,
            computed_amount=amount,
            amount=amount,
            currency="HNL",
            annulled=annulled,
        )
        Fine.objects.filter(pk=fi.pk).update(created_at=at(day))
        return fi

    fine(o1, 250, dt.date(Y, 2, 25))  # F1 found 15 Jan -> 41 days
    fine3 = fine(o3, 1000, dt.date(Y, 4, 20))  # F4 found 20 Feb -> 59 days
    fine2 = fine(o2, 500, dt.date(Y, 5, 1))  # F3 found 5 Feb -> 85 days
    fine(o4, 300, dt.date(Y, 5, 2), annulled=True)
    Payment.objects.create(fine=fine3, reference="P1", amount=400, paid_on=dt.date(Y, 5, 5))
    Payment.objects.create(fine=fine2, reference="P2", amount=500, paid_on=dt.date(Y, 6, 1))
    Payment.objects.create(fine=fine3, reference="P3", amount=100, paid_on=dt.date(Y + 1, 1, 10))

    def complaint(office: Any, e: Any, made: dt.date, closed: dt.date | None) -> Complaint:
        c, _code = complaint_register(
            office=office,
            subject="Unpaid wages",
            description="They did not pay us in full.",
            channel="staff",
            actor=None,
            establishment=e,
            anonymous=True,
            employer_text="" if e else "A bakery on the corner",
        )
        Complaint.objects.filter(pk=c.pk).update(created_at=at(made))
        if closed is not None:
            Case.objects.filter(pk=c.case_id).update(closed_at=at(closed))
        return c

    complaint(a, e2, dt.date(Y, 1, 5), dt.date(Y, 1, 25))  # 20 days
    complaint(b, e3, dt.date(Y, 2, 1), dt.date(Y, 3, 3))  # 30 days
    complaint(a, None, dt.date(Y, 3, 1), None)
    complaint(a, e1, dt.date(Y, 4, 1), dt.date(Y, 4, 11))  # 10 days

    accident_notify(
        establishment=e1,
        office=a,
        kind="accident",
        severity="serious",
        occurred_on=dt.date(Y, 3, 3),
        description="Fall from a ladder",
        actor=None,
        victims_female=1,
        victims_male=2,
    )
    accident_notify(
        establishment=e3,
        office=b,
        kind="accident",
        severity="fatal",
        occurred_on=dt.date(Y, 6, 6),
        description="Tractor overturned",
        actor=None,
        victims_male=1,
        fatalities=1,
    )
    accident_notify(
        establishment=e2,
        office=a,
        kind="disease",
        severity="minor",
        occurred_on=dt.date(Y, 7, 7),
        description="Dermatitis",
        actor=None,
        victims_female=1,
    )
    assert AccidentNotification.objects.count() == 3
    return {"u1": u1, "u2": u2, "e1": e1, "i1": i1, "offices": offices}


@pytest.fixture
def refreshed(dataset: dict[str, Any]) -> dict[str, Any]:
    from labourhub.analytics.services import summary_refresh

    summary_refresh(full=True)
    return dataset
