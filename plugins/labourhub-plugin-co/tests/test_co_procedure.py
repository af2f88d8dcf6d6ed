"""The Colombian sanction procedure, end to end, on Colombia's calendar with a frozen clock."""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from labourhub_co import documents, fines
from labourhub_co.hooks import SLUG

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


def test_the_sanction_procedure_runs_on_colombia_s_calendar(
    pack, ministry, in_ministry, user_with_role
):
    inspector = user_with_role(Role.INSPECTOR)
    supervisor = user_with_role(Role.SUPERVISOR)
    director = user_with_role(Role.DIRECTOR)
    cal = calendar_current()
    # Ley Emiliani: Reyes Magos (Wednesday 6 January 2027) is observed on Monday 11 January.
    assert not cal.is_working(D("2027-01-11")) and cal.is_working(D("2027-01-06"))
    assert CalendarDay.objects.get(date=D("2027-01-11")).name.startswith("Día de los Reyes")

    def step(day: str, to: str, actor):
        with time_machine.travel(_at(ministry, day), tick=False):
            return case_transition(case=case, transition=to, actor=actor)

    with time_machine.travel(_at(ministry, "2026-11-27"), tick=False):
        case = case_open(
            procedure="co_sancionatorio",
            title="Confecciones del Valle S.A.S.: horas extra sin pagar",
            office=inspector.office,
            assigned_to=inspector,
            actor=supervisor,
        )
    assert case.state == "averiguacion_preliminar"
    assert not Deadline.objects.filter(case=case).exists()  # CPACA art. 47 sets no limit

    # Charges notified Monday 30 November: 15 working days for the defence, skipping the
    # Inmaculada Concepción (Tuesday 8 December).
    case = step("2026-11-30", "formulacion_cargos", inspector)
    assert _due(case, "formulacion_cargos") == D("2026-12-22")

    # No evidence requested: 10 working days for the final arguments, over Christmas and New
    # Year; 6 January is a working day because its holiday moved to Monday 11 January.
    case = step("2026-12-22", "alegatos", inspector)
    assert _due(case, "alegatos") == D("2027-01-07")

    # 30 working days to decide, skipping the moved holiday on 11 January.
    case = step("2027-01-07", "decision", inspector)
    assert _due(case, "decision") == D("2027-02-19")

    # The fine the schedule suggests for the violation (the case's date, the version in effect).
    fine = fine_suggest(tenant=ministry, provision=fines.GENERAL, on=D("2026-11-27"))
    assert fine is not None
    assert (fine.unit, fine.units, fine.minimum, fine.maximum) == (
        "SMMLV",
        Decimal(1),
        Decimal(1),
        Decimal(5000),
    )
    assert (fine.amount, fine.currency) == (Decimal("1750905.00"), "COP")
    assert "Ley 1610 de 2013 art. 7" in fine.legal_basis and fine.confirmed is False
    osh = fine_suggest(tenant=ministry, provision=fines.SST, size_band="medium", on=D("2026-11-27"))
    assert osh is not None and osh.units == Decimal(21) and "Decreto 472" in osh.legal_basis
    # An older violation keeps the SMMLV of its year.
    old = fine_suggest(tenant=ministry, provision=fines.GENERAL, on=D("2024-06-01"))
    assert old is not None and old.amount == Decimal("1300000.00")

    # Only someone who decides sanctions may issue the resolution; the appeal term runs.
    with pytest.raises(ApplicationError):
        step("2027-02-15", "recursos", inspector)
    with time_machine.travel(_at(ministry, "2027-02-15"), tick=False):
        resolution = document_issue(
            kind=documents.RESOLUCION_SANCION,
            officer=director,
            extra={
                "empleador": "Confecciones del Valle S.A.S.",
                "multa_smmlv": str(fine.units),
                "multa_valor": f"{fine.amount} {fine.currency}",
                "fundamento": fine.legal_basis,
            },
            actor=director,
        )
    assert resolution.number.startswith("RS-2027-")
    case = step("2027-02-15", "recursos", director)
    assert _due(case, "recursos") == D("2027-03-01")
    case = step("2027-03-02", "sancion_en_firme", director)
    assert case.closed_at is not None


def test_fines_apply_to_the_ministry_s_fine_table(pack, in_ministry):
    from labourhub.enforcement.models import FineRule

    general = FineRule.objects.get(provision__startswith="Infracción a las normas laborales")
    assert general.maximum == general.base_amount * 5000
    assert FineRule.objects.filter(provision__contains="SG-SST").count() == 4


def test_spanish_checklists_and_documents_are_declared(pack, ministry, in_ministry):
    from labourhub.extensions import flatten, hooks_for

    hooks = hooks_for(ministry)
    codes = {c.code for c in flatten(hooks.register_checklists(tenant=ministry))}
    assert {"co-condiciones-generales", "co-sst"} <= codes
    labels = {str(t.label) for t in flatten(hooks.register_document_templates(tenant=ministry))}
    assert "Auto de averiguación preliminar" in labels
    assert "Resolución sancionatoria" in labels


def test_the_case_page_shows_the_suggested_fine_with_its_legal_basis(
    pack, ministry, in_ministry, user_with_role, client_for
):
    from django.conf import settings

    supervisor = user_with_role(Role.SUPERVISOR)
    case = case_open(
        procedure="co_sancionatorio",
        title="Flores de la Sabana S.A.S.",
        office=supervisor.office,
        actor=supervisor,
    )
    web = client_for(ministry)
    web.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    web.force_login(supervisor)
    page = web.get(f"/app/cases/{case.pk}/").content.decode()
    assert "Multa sugerida" in page
    assert "Infracción a las normas laborales (CST art. 486)" in page
    assert "Ley 1610 de 2013 art. 7" in page and "por confirmar por el ministerio" in page
    assert "1 SMMLV" in page and "Averiguación preliminar" in page


def test_the_checklists_are_seeded_in_spanish_with_their_provisions(pack, in_ministry):
    from labourhub.inspections.models import Checklist, ChecklistQuestion
    from labourhub.inspections.services.checklists import checklists_seed

    checklists_seed()
    general = Checklist.objects.get(code="co-condiciones-generales")
    assert general.title.startswith("Condiciones generales de trabajo")
    questions = ChecklistQuestion.objects.filter(code="salario_minimo")
    assert questions.exists() and all(q.legal_article for q in questions)
    assert Checklist.objects.filter(code="co-sst").exists()
