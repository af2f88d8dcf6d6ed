import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from labourhub.common.exceptions import ApplicationError
from labourhub.enforcement.models import FineRule, Hearing, Payment
from labourhub.enforcement.services import (
    fine_compute,
    fine_schedule_seed,
    hearing_record,
    hearing_schedule,
    order_issue,
    payment_record,
    sanction_decide,
)
from labourhub.workflow.models import Deadline
from labourhub.workflow.services import case_transition
from tests.workflow.helpers import make_establishment


def _sanctioned(staff, workers=2, est=None):
    fine_schedule_seed()
    order = order_issue(
        establishment=est or make_establishment(),
        office=staff["inspector"].office,
        provision="Minimum wage",
        requirement="Pay the minimum wage.",
        days=10,
        workers_affected=workers,
        assigned_to=staff["inspector"],
        actor=staff["inspector"],
    )
    case_transition(
        case=order.case,
        transition="verify_not_complied",
        actor=staff["inspector"],
        documents=[{"kind": "follow_up_report"}],
    )
    # Served a month ago: the employer's right to respond has run out before the decision.
    case_transition(
        case=order.case,
        transition="serve_notice",
        actor=staff["inspector"],
        documents=[{"kind": "infraction_report"}],
        on=timezone.localdate() - dt.timedelta(days=30),
    )
    return sanction_decide(case=order.case, actor=staff["legal"], impose=True)


def test_fine_schedule_size_band_workers_and_repeat_offence():
    rule = FineRule(
        provision="X",
        base_amount=Decimal(1000),
        per_worker_amount=Decimal(100),
        repeat_aggravation_pct=Decimal(50),
        maximum=Decimal(2000),
    )
    assert fine_compute(rule=rule, workers_affected=5, repeat_offence=False) == Decimal("1500.00")
    assert fine_compute(rule=rule, workers_affected=5, repeat_offence=True) == Decimal("2000.00")
    assert fine_compute(rule=rule, workers_affected=0, repeat_offence=True) == Decimal("1500.00")


def test_a_second_fine_on_the_same_establishment_is_aggravated(in_ministry, staff):
    est = make_establishment()
    first = _sanctioned(staff, est=est)
    second = _sanctioned(staff, est=est)
    assert not first.repeat_offence and second.repeat_offence
    assert second.amount == first.amount * Decimal("1.5")


def test_payments_refuse_overpaying_duplicates_and_garbage(in_ministry, staff):
    fine = _sanctioned(staff)  # 500 + 2 x 50 = 600
    today = timezone.localdate()
    payment_record(
        fine=fine, amount=Decimal(100), reference="R1", paid_on=today, actor=staff["inspector"]
    )
    with pytest.raises(ValidationError) as err:
        payment_record(
            fine=fine, amount=Decimal(10), reference="R1", paid_on=today, actor=staff["inspector"]
        )
    assert "reference" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        payment_record(
            fine=fine, amount=Decimal(501), reference="R2", paid_on=today, actor=staff["inspector"]
        )
    assert "amount" in err.value.message_dict
    with pytest.raises(ValidationError):
        payment_record(
            fine=fine, amount=Decimal(-5), reference="R3", paid_on=today, actor=staff["inspector"]
        )
    assert Payment.objects.filter(fine=fine).count() == 1
    payment_record(
        fine=fine, amount=Decimal(500), reference="R4", paid_on=today, actor=staff["inspector"]
    )
    fine.case.refresh_from_db()
    assert fine.case.state == "closed" and fine.case.closed_at is not None
    assert not Deadline.objects.filter(case=fine.case, status="open").exists()


def test_sanction_without_a_schedule_line_is_refused(in_ministry, staff):
    order = order_issue(
        establishment=make_establishment(),
        office=staff["inspector"].office,
        provision="Unknown provision",
        requirement="Do it.",
        days=10,
        assigned_to=staff["inspector"],
        actor=staff["inspector"],
    )
    case_transition(
        case=order.case,
        transition="verify_not_complied",
        actor=staff["inspector"],
        documents=[{"kind": "follow_up_report"}],
    )
    case_transition(
        case=order.case,
        transition="serve_notice",
        actor=staff["inspector"],
        documents=[{"kind": "infraction_report"}],
    )
    with pytest.raises(ApplicationError, match="fine schedule"):
        sanction_decide(case=order.case, actor=staff["legal"], impose=True)
    order.case.refresh_from_db()
    assert order.case.state == "notice_served"


def test_hearings_avoid_room_and_officer_clashes(in_ministry, staff):
    fine = _sanctioned(staff)
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=3)
    end = start + dt.timedelta(hours=1)
    hearing = hearing_schedule(
        case=fine.case,
        room="Sala 1",
        officer=staff["legal"],
        starts_at=start,
        ends_at=end,
        parties="Employer; union",
        actor=staff["inspector"],
    )
    with pytest.raises(ApplicationError, match="Room"):
        hearing_schedule(
            case=fine.case,
            room="sala 1",
            officer=staff["supervisor"],
            starts_at=start + dt.timedelta(minutes=30),
            ends_at=end,
            parties="",
            actor=staff["inspector"],
        )
    with pytest.raises(ApplicationError, match="already has a hearing"):
        hearing_schedule(
            case=fine.case,
            room="Sala 2",
            officer=staff["legal"],
            starts_at=start,
            ends_at=end,
            parties="",
            actor=staff["inspector"],
        )
    with pytest.raises(ValidationError):
        hearing_schedule(
            case=fine.case,
            room="Sala 3",
            officer=staff["supervisor"],
            starts_at=end,
            ends_at=start,
            parties="",
            actor=staff["inspector"],
        )
    # Back-to-back is not a clash.
    hearing_schedule(
        case=fine.case,
        room="Sala 1",
        officer=staff["supervisor"],
        starts_at=end,
        ends_at=end + dt.timedelta(hours=1),
        parties="",
        actor=staff["inspector"],
    )
    assert Hearing.objects.count() == 2
    hearing_record(
        hearing=hearing,
        attendance={"employer": True, "union": False},
        outcome="Agreement reached",
        agreement="Pay arrears in two instalments",
        agreement_days=10,
        actor=staff["inspector"],
    )
    assert Deadline.objects.filter(case=fine.case, code="agreement", status="open").exists()
    with pytest.raises(ApplicationError):
        hearing_record(hearing=hearing, attendance={}, outcome="again", actor=staff["inspector"])


def test_payment_and_hearing_pages(in_ministry, staff, client_for, ministry):
    fine = _sanctioned(staff)
    client = client_for(ministry)
    client.force_login(staff["inspector"])
    page = client.get(f"/app/cases/{fine.case.pk}/").content.decode()
    assert "Record a payment" in page and "600.00" in page
    bad = client.post(
        f"/app/enforcement/cases/{fine.case.pk}/payments/",
        {"amount": "abc", "reference": "", "paid_on": "yesterday"},
        follow=True,
    )
    assert bad.status_code == 200 and not Payment.objects.exists()
    ok = client.post(
        f"/app/enforcement/cases/{fine.case.pk}/payments/",
        {"amount": "100", "reference": "BANK-1", "paid_on": "2026-11-01"},
        follow=True,
    )
    assert "Payment recorded" in ok.content.decode()
    assert Payment.objects.get().amount == Decimal(100)


def test_order_page_issues_an_order_and_rejects_unknown_establishments(
    in_ministry, staff, client_for, ministry
):
    est = make_establishment()
    client = client_for(ministry)
    client.force_login(staff["inspector"])
    bad = client.post(
        "/app/enforcement/orders/new/",
        {
            "establishment": "NOPE-123",
            "provision": "Minimum wage",
            "requirement": "Pay.",
            "days": "0",
            "workers_affected": "-1",
        },
    )
    assert set(bad.context["form"].errors) >= {"establishment", "days", "workers_affected"}
    ok = client.post(
        "/app/enforcement/orders/new/",
        {
            "establishment": est.registration_number,
            "provision": "Minimum wage",
            "requirement": "Pay the minimum wage.",
            "days": "15",
            "workers_affected": "4",
        },
    )
    assert ok.status_code == 302
