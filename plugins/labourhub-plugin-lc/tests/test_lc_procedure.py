"""Saint Lucia's inspection and dispute procedures, end to end, on its calendar, frozen clock."""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from labourhub_lc import documents, fines
from labourhub_lc.hooks import SLUG

from labourhub.plugin_api import (
    ApplicationError,
    Role,
    calendar_current,
    case_open,
    case_transition,
    document_issue,
    fine_suggest,
)
from labourhub.workflow.models import CalendarDay, Deadline

D = dt.date.fromisoformat


def _at(ministry, day: str) -> dt.datetime:
    return dt.datetime.combine(D(day), dt.time(10), tzinfo=zoneinfo.ZoneInfo(ministry.time_zone))


@pytest.fixture
def pack(enable_plugin, ministry):
    # Activated on 27 November 2026: the calendar covers 2026, 2027 and 2028.
    with time_machine.travel(_at(ministry, "2026-11-27"), tick=False):
        return enable_plugin(SLUG)


def _due(case, step: str) -> dt.date:
    return Deadline.objects.get(case=case, code=step, status="open").due_on


def _stepper(ministry, case):
    def step(day: str, to: str, actor):
        with time_machine.travel(_at(ministry, day), tick=False):
            return case_transition(case=case, transition=to, actor=actor)

    return step


def test_inspection_order_and_prosecution_run_on_saint_lucia_s_calendar(
    pack, ministry, in_ministry, user_with_role
):
    officer = user_with_role(Role.INSPECTOR)
    supervisor = user_with_role(Role.SUPERVISOR)
    commissioner = user_with_role(Role.DIRECTOR)
    cal = calendar_current()
    # National Day (Sunday 13 December 2026) is observed on Monday 14 December.
    assert not cal.is_working(D("2026-12-14")) and not cal.is_working(D("2027-01-01"))
    assert CalendarDay.objects.get(date=D("2026-12-14")).name == "National Day (observed)"

    with time_machine.travel(_at(ministry, "2026-11-27"), tick=False):
        case = case_open(
            procedure="lc_inspection",
            title="Soufrière Bay Hotel Ltd: kitchen staff",
            office=officer.office,
            assigned_to=officer,
            actor=supervisor,
        )
    step = _stepper(ministry, case)
    assert case.state == "inspection"
    assert not Deadline.objects.filter(case=case).exists()

    # Documents removed on Monday 7 December are due back in 7 days: Monday 14 December is
    # National Day (observed), so the return is due on Tuesday 15 December.
    case = step("2026-12-07", "records_removed", officer)
    assert _due(case, "records_removed") == D("2026-12-15")

    # The order to comply gives 14 working days, over Christmas, Boxing Day and New Year.
    case = step("2026-12-15", "order", officer)
    assert _due(case, "order") == D("2027-01-06")
    with time_machine.travel(_at(ministry, "2026-12-15"), tick=False):
        order = document_issue(
            kind=documents.ORDER_TO_COMPLY,
            officer=officer,
            extra={
                "employer": "Soufrière Bay Hotel Ltd",
                "requirements": "stop employing the young person named in the notice",
                "comply_by": "6 January 2027",
            },
            actor=officer,
        )
    assert order.number.startswith("OC-2026-")

    # Only a decision maker refers for prosecution; the penalty is the Act's maximum.
    with pytest.raises(ApplicationError):
        step("2027-01-07", "prosecution_referral", officer)
    case = step("2027-01-07", "prosecution_referral", commissioner)
    fine = fine_suggest(tenant=ministry, provision=fines.YOUNG_PERSON, on=D("2026-12-15"))
    assert fine is not None
    assert (fine.unit, fine.maximum, fine.amount, fine.currency) == (
        "XCD",
        Decimal(5000),
        Decimal("5000.00"),
        "XCD",
    )
    assert "s.178(2)" in fine.legal_basis and fine.confirmed is True
    obstruction = fine_suggest(tenant=ministry, provision=fines.COMMISSIONER, on=D("2026-12-15"))
    assert obstruction is not None and obstruction.amount == Decimal("10000.00")
    # Before the Act came into force there is no rule.
    assert fine_suggest(tenant=ministry, provision=fines.YOUNG_PERSON, on=D("2012-07-31")) is None
    with time_machine.travel(_at(ministry, "2027-01-07"), tick=False):
        referral = document_issue(
            kind=documents.PROSECUTION_REFERRAL,
            officer=commissioner,
            extra={
                "employer": "Soufrière Bay Hotel Ltd",
                "order_number": order.number,
                "offence": "employing a young person against a medical inspector's notice",
                "maximum": f"EC${fine.amount:,}",
                "legal_basis": fine.legal_basis,
            },
            actor=commissioner,
        )
    assert referral.number.startswith("RP-2027-")
    case = step("2027-02-01", "conviction", commissioner)
    assert case.closed_at is not None


def test_the_labour_commissioner_s_dispute_limits_are_calendar_weeks(
    pack, ministry, in_ministry, user_with_role
):
    officer = user_with_role(Role.INSPECTOR)
    supervisor = user_with_role(Role.SUPERVISOR)
    with time_machine.travel(_at(ministry, "2026-12-01"), tick=False):
        rejected = case_open(
            procedure="lc_individual_dispute",
            title="J. Charles v. Castries Hardware Ltd: unpaid notice",
            office=officer.office,
            assigned_to=officer,
            actor=supervisor,
        )
        accepted = case_open(
            procedure="lc_individual_dispute",
            title="M. Joseph v. Vieux Fort Traders: holiday pay",
            office=officer.office,
            assigned_to=officer,
            actor=supervisor,
        )
    for case in (rejected, accepted):
        _stepper(ministry, case)("2026-12-02", "hearing", officer)
    # Accepted on Friday 4 December: 3 weeks end on Christmas Day, then Boxing Day and Sunday.
    accepted = _stepper(ministry, accepted)("2026-12-04", "remedy_accepted", officer)
    assert _due(accepted, "remedy_accepted") == D("2026-12-28")
    # Not accepted on Friday 18 December: 2 weeks end on New Year's Day, then the New Year's
    # Holiday (Saturday) and Sunday.
    rejected = _stepper(ministry, rejected)("2026-12-18", "remedy_rejected", officer)
    assert _due(rejected, "remedy_rejected") == D("2027-01-04")


def test_fines_apply_to_the_ministry_s_fine_table(pack, in_ministry):
    from labourhub.enforcement.models import FineRule

    young = FineRule.objects.get(provision__startswith="Employing a young person")
    assert young.base_amount == young.maximum == Decimal("5000.00")
    assert FineRule.objects.filter(provision__contains="(maximum fine)").count() == 2


def test_checklists_documents_and_procedures_are_declared(pack, ministry, in_ministry):
    from labourhub.extensions import flatten, hooks_for

    hooks = hooks_for(ministry)
    codes = {c.code for c in flatten(hooks.register_checklists(tenant=ministry))}
    assert {"lc-general-conditions", "lc-osh"} <= codes
    labels = {str(t.label) for t in flatten(hooks.register_document_templates(tenant=ministry))}
    assert {"Order to comply", "Receipt for documents removed", "Referral for prosecution"} <= (
        labels
    )
    procedures = {p.code for p in flatten(hooks.register_procedure_types(tenant=ministry))}
    assert {"lc_inspection", "lc_individual_dispute"} <= procedures


def test_the_case_page_shows_the_maximum_fine_with_its_legal_basis(
    pack, ministry, in_ministry, user_with_role, client_for
):
    from django.conf import settings

    supervisor = user_with_role(Role.SUPERVISOR)
    case = case_open(
        procedure="lc_inspection",
        title="Gros Islet Marina",
        office=supervisor.office,
        actor=supervisor,
    )
    web = client_for(ministry)
    web.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    web.force_login(supervisor)
    page = web.get(f"/app/cases/{case.pk}/").content.decode()
    assert "Suggested fine" in page and "s.178(2)" in page
    assert "EC$5,000.00" in page and "EC$10,000.00" in page
    assert "Workplace inspected by a labour officer" in page


def test_the_pack_s_strings_are_translated(pack, in_ministry):
    from django.utils import translation

    with translation.override("es"):
        assert str(documents.TEMPLATES[0].label) == "Orden de cumplimiento"
    with translation.override("fr"):
        assert str(documents.TEMPLATES[0].label) == "Ordre de mise en conformité"


def test_the_checklists_are_seeded_with_their_provisions(pack, in_ministry):
    from labourhub.inspections.models import Checklist, ChecklistQuestion
    from labourhub.inspections.services.checklists import checklists_seed

    # Seeded in the ministry's language: Saint Lucia's is English (in memory only).
    in_ministry.default_language = "en"
    checklists_seed()
    general = Checklist.objects.get(code="lc-general-conditions")
    assert general.title == "General conditions of employment (Saint Lucia)"
    questions = ChecklistQuestion.objects.filter(code="young_persons")
    assert questions.exists() and all("s.178(2)" in q.legal_article for q in questions)
    assert Checklist.objects.filter(code="lc-osh").exists()


def test_ec_dollars_are_written_with_their_prefix_and_cents():
    from labourhub_lc.fines import ec_dollars

    assert ec_dollars(Decimal(5000)) == "EC$5,000.00"
    assert ec_dollars(Decimal("1234567.891")) == "EC$1,234,567.89"
    assert ec_dollars(Decimal("-12.5")) == "-EC$12.50"


def test_a_danger_stops_work_and_a_dispute_may_settle_at_conciliation(
    pack, ministry, in_ministry, user_with_role
):
    officer = user_with_role(Role.INSPECTOR)
    supervisor = user_with_role(Role.SUPERVISOR)
    with time_machine.travel(_at(ministry, "2026-12-01"), tick=False):
        site = case_open(
            procedure="lc_inspection",
            title="Castries port warehouse",
            office=officer.office,
            assigned_to=officer,
            actor=supervisor,
        )
        dispute = case_open(
            procedure="lc_individual_dispute",
            title="A. Joseph v. Soufriere Resorts: unpaid overtime",
            office=officer.office,
            assigned_to=officer,
            actor=supervisor,
        )
    site = _stepper(ministry, site)("2026-12-02", "stop_work", officer)
    site = _stepper(ministry, site)("2026-12-03", "order", officer)
    site = _stepper(ministry, site)("2026-12-10", "compliance_plan", officer)
    site = _stepper(ministry, site)("2026-12-17", "closed_compliant", officer)
    assert site.closed_at is not None
    dispute = _stepper(ministry, dispute)("2026-12-02", "conciliation", officer)
    dispute = _stepper(ministry, dispute)("2026-12-09", "settled", officer)
    assert dispute.state == "settled" and dispute.closed_at is not None
