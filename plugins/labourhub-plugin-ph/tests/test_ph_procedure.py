"""DOLE's labour standards enforcement, end to end, on the Philippine calendar, frozen clock."""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from labourhub_ph import documents, fines
from labourhub_ph.hooks import SLUG

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


def test_the_enforcement_procedure_runs_on_the_philippine_calendar(
    pack, ministry, in_ministry, user_with_role
):
    inspector = user_with_role(Role.INSPECTOR)
    supervisor = user_with_role(Role.SUPERVISOR)
    regional_director = user_with_role(Role.AUTHORISING_OFFICIAL)
    director = user_with_role(Role.DIRECTOR)
    cal = calendar_current()
    assert not cal.is_working(D("2026-12-08")) and not cal.is_working(D("2026-12-24"))
    assert CalendarDay.objects.get(date=D("2026-12-30")).name == "Rizal Day"

    def step(day: str, to: str, actor):
        with time_machine.travel(_at(ministry, day), tick=False):
            return case_transition(case=case, transition=to, actor=actor)

    with time_machine.travel(_at(ministry, "2026-11-27"), tick=False):
        case = case_open(
            procedure="ph_labor_inspection",
            title="Visayas Builders Corp.: construction site, Cebu City",
            office=inspector.office,
            assigned_to=inspector,
            actor=supervisor,
        )
    assert case.state == "programmed"
    assert not Deadline.objects.filter(case=case).exists()

    # The Authority to Inspect is the Regional Director's (or the Secretary's), not an inspector's.
    with pytest.raises(ApplicationError):
        step("2026-12-01", "authority_to_inspect", inspector)
    case = step("2026-12-01", "authority_to_inspect", regional_director)
    with time_machine.travel(_at(ministry, "2026-12-01"), tick=False):
        authority = document_issue(
            kind=documents.AUTHORITY_TO_INSPECT,
            officer=regional_director,
            extra={
                "inspectors": "Maria Santos, Jose Reyes",
                "establishment": "Visayas Builders Corp.",
                "address": "Cebu City",
                "valid_until": "31 December 2026",
                "signatory_title": "Regional Director, DOLE Regional Office VII",
            },
            actor=regional_director,
        )
    assert authority.number.startswith("AI-2026-")
    case = step("2026-12-02", "inspection", inspector)

    # Notice of Results on Thursday 3 December: 10 working days to correct, skipping the
    # Immaculate Conception (Tuesday 8 December).
    case = step("2026-12-03", "notice_of_results", inspector)
    assert _due(case, "notice_of_results") == D("2026-12-18")

    # Mandatory conference: 5 working days over Christmas Eve and Christmas Day.
    case = step("2026-12-18", "mandatory_conference", inspector)
    assert _due(case, "mandatory_conference") == D("2026-12-29")

    # Only a decision maker issues the Compliance Order; the appeal term skips Rizal Day,
    # New Year's Eve, New Year's Day and the weekend.
    with pytest.raises(ApplicationError):
        step("2026-12-29", "compliance_order", inspector)
    case = step("2026-12-29", "compliance_order", director)
    assert _due(case, "compliance_order") == D("2027-01-15")

    # The fine from the schedule: workers exposed to a risk of death, per day until corrected.
    fine = fine_suggest(tenant=ministry, provision=fines.DANGER, on=D("2026-12-29"))
    assert fine is not None
    assert (fine.unit, fine.units, fine.maximum) == ("PHP", Decimal(100000), Decimal(100000))
    assert (fine.amount, fine.currency) == (Decimal("100000.00"), "PHP")
    assert "RA 11058" in fine.legal_basis and fine.confirmed is True
    owed = fines.accrued_fine(
        daily=fine.amount, served_on=D("2026-12-29"), corrected_on=D("2027-01-08")
    )
    assert owed == Decimal("1100000.00")
    other = fine_suggest(tenant=ministry, provision=fines.GRAVITY, on=D("2026-12-29"))
    assert other is not None and other.confirmed is False and other.maximum == Decimal(100000)
    # Before the IRR took effect there is no rule.
    assert fine_suggest(tenant=ministry, provision=fines.DANGER, on=D("2018-12-31")) is None

    with time_machine.travel(_at(ministry, "2026-12-29"), tick=False):
        order = document_issue(
            kind=documents.COMPLIANCE_ORDER,
            officer=director,
            extra={
                "establishment": "Visayas Builders Corp.",
                "violations": "no fall protection on the fourth floor",
                "amount": f"{owed:,} {fine.currency}",
                "legal_basis": fine.legal_basis,
            },
            actor=director,
        )
    assert order.number.startswith("CO-2026-")
    case = step("2027-01-18", "order_final", director)
    assert case.closed_at is not None


def test_fines_apply_to_the_ministry_s_fine_table(pack, in_ministry):
    from labourhub.enforcement.models import FineRule

    danger = FineRule.objects.get(provision__startswith="OSH violation exposing workers")
    assert danger.base_amount == danger.maximum == Decimal("100000.00")
    assert FineRule.objects.filter(provision__contains="per day until corrected").count() == 2


def test_no_fine_accrues_when_corrected_before_the_order():
    owed = fines.accrued_fine(
        daily=Decimal(100000), served_on=D("2027-01-10"), corrected_on=D("2027-01-05")
    )
    assert owed == Decimal(0)


def test_checklists_and_documents_are_declared(pack, ministry, in_ministry):
    from labourhub.extensions import flatten, hooks_for

    hooks = hooks_for(ministry)
    declared = list(flatten(hooks.register_checklists(tenant=ministry)))
    codes = {c.code for c in declared}
    assert {"ph-general-labour-standards", "ph-osh", "ph-child-labour", "ph-construction"} <= codes
    # Every checklist asks the child-labour question.
    assert all("child_labour" in {i.code for i in c.items} for c in declared if c.code in codes)
    labels = {str(t.label) for t in flatten(hooks.register_document_templates(tenant=ministry))}
    assert {"Authority to Inspect", "Notice of Results", "Compliance Order"} <= labels


def test_the_case_page_shows_the_suggested_fine_with_its_legal_basis(
    pack, ministry, in_ministry, user_with_role, client_for
):
    from django.conf import settings

    supervisor = user_with_role(Role.SUPERVISOR)
    case = case_open(
        procedure="ph_labor_inspection",
        title="Mindanao Fishing Corp.",
        office=supervisor.office,
        actor=supervisor,
    )
    web = client_for(ministry)
    web.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    web.force_login(supervisor)
    page = web.get(f"/app/cases/{case.pk}/").content.decode()
    assert "Suggested fine" in page and "RA 11058" in page
    assert "to be confirmed by the ministry" in page
    assert "Inspection programmed (Labor Inspection Program)" in page


def test_the_pack_s_strings_are_translated(pack, in_ministry):
    from django.utils import translation
    from labourhub_ph.checklists import CHILD_LABOUR

    with translation.override("es"):
        assert str(CHILD_LABOUR.question).startswith("¿")
    with translation.override("fr"):
        assert str(documents.TEMPLATES[1].label) == "Avis des résultats"


def test_the_checklists_are_seeded_with_their_provisions(pack, in_ministry):
    from labourhub.inspections.models import Checklist, ChecklistQuestion
    from labourhub.inspections.services.checklists import checklists_seed

    # Seeded in the ministry's language: the Philippines' is English (in memory only).
    in_ministry.default_language = "en"
    checklists_seed()
    construction = Checklist.objects.get(code="ph-construction")
    assert construction.title == "Construction"
    questions = ChecklistQuestion.objects.filter(code="minimum_wage")
    assert questions.exists() and all(q.legal_article for q in questions)
    assert ChecklistQuestion.objects.filter(
        code="child_labour", section__version__checklist=construction
    ).exists()
