"""Peru's inspection and sanction procedure, end to end, on Peru's calendar with a frozen clock."""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from labourhub_pe import documents, fines
from labourhub_pe.hooks import SLUG

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
    # Activated on 20 November 2026: the calendar covers 2026, 2027 and 2028.
    with time_machine.travel(_at(ministry, "2026-11-20"), tick=False):
        return enable_plugin(SLUG)


def _due(case, step: str) -> dt.date:
    return Deadline.objects.get(case=case, code=step, status="open").due_on


def test_inspection_and_two_phase_sanction_on_peru_s_calendar(
    pack, ministry, in_ministry, user_with_role
):
    inspector = user_with_role(Role.INSPECTOR)
    supervisor = user_with_role(Role.SUPERVISOR)
    director = user_with_role(Role.DIRECTOR)
    cal = calendar_current()
    assert CalendarDay.objects.get(date=D("2026-12-09")).name == "Batalla de Ayacucho"
    assert not cal.is_working(D("2026-12-08")) and not cal.is_working(D("2027-03-25"))

    def step(day: str, to: str, actor):
        with time_machine.travel(_at(ministry, day), tick=False):
            return case_transition(case=case, transition=to, actor=actor)

    with time_machine.travel(_at(ministry, "2026-11-26"), tick=False):  # a Thursday
        case = case_open(
            procedure="pe_inspeccion_sancionador",
            title="Textiles Gamarra S.A.C.: horas extra sin pagar",
            office=inspector.office,
            assigned_to=inspector,
            actor=supervisor,
        )
        order = document_issue(
            kind=documents.ORDEN_INSPECCION,
            officer=supervisor,
            extra={"empleador": "Textiles Gamarra S.A.C.", "materias": "jornada"},
            actor=supervisor,
        )
    assert case.state == "orden_inspeccion" and order.number.startswith("OI-2026-")
    assert _due(case, "orden_inspeccion") == D("2026-12-03")

    # 30 working days of actuaciones inspectivas, skipping 8 and 9 December, Christmas and
    # New Year.
    case = step("2026-11-26", "actuaciones_inspectivas", inspector)
    assert _due(case, "actuaciones_inspectivas") == D("2027-01-13")
    # The medida de requerimiento gives 10 working days, over 8 and 9 December.
    case = step("2026-12-07", "medida_requerimiento", inspector)
    assert _due(case, "medida_requerimiento") == D("2026-12-23")
    case = step("2027-01-04", "acta_infraccion", inspector)
    assert _due(case, "acta_infraccion") == D("2027-01-18")
    # Instruction phase: charges, then the final report, five working days each. The employer's
    # five days of descargos run to the 18th inclusive: the final report waits for them.
    case = step("2027-01-11", "imputacion_cargos", inspector)
    assert _due(case, "imputacion_cargos") == D("2027-01-18")
    assert _due(case, "descargos_imputacion") == D("2027-01-18")
    with pytest.raises(ApplicationError, match="descargos") as early:
        step("2027-01-18", "informe_final_instruccion", inspector)
    assert early.value.extra["ends_on"] == "2027-01-18"
    case = step("2027-01-19", "informe_final_instruccion", inspector)
    assert _due(case, "informe_final_instruccion") == D("2027-01-26")
    closed = Deadline.objects.get(case=case, code="descargos_imputacion")
    assert (closed.status, closed.outcome) == ("met", "period_ended")

    # The fine: the regulation's table by severity, company size and workers affected.
    assert fines.fine_cell(
        severity=fines.LEVE, size_band="micro", workers=5, on=D("2026-11-26")
    ) == Decimal("0.09")
    assert (
        fines.fine_cell(severity=fines.LEVE, size_band="micro", workers=9, on=D("2026-11-26"))
        is None
    )  # not in the verified table: the ministry loads it
    top = fines.fine_cell(
        severity=fines.MUY_GRAVE, size_band="large", workers=1500, on=D("2026-11-26")
    )
    assert top == Decimal("52.53")
    fine = fine_suggest(
        tenant=ministry, provision=fines.MUY_GRAVE, size_band="micro", on=D("2026-11-26")
    )
    assert fine is not None
    assert (fine.unit, fine.units, fine.maximum) == ("UIT", Decimal("0.23"), Decimal("0.68"))
    assert (fine.amount, fine.currency) == (Decimal("1265.00"), "PEN")  # 0.23 x S/ 5,500
    assert "D.S. 019-2006-TR art. 48" in fine.legal_basis and fine.confirmed is False
    old = fine_suggest(
        tenant=ministry, provision=fines.MUY_GRAVE, size_band="micro", on=D("2025-06-02")
    )
    assert old is not None and old.amount == Decimal("1230.50")  # UIT 2025: S/ 5,350
    assert (
        fine_suggest(tenant=ministry, provision=fines.LEVE, size_band="small", on=D("2026-11-26"))
        is None
    )

    # Sanction phase: only who decides sanctions issues the Resolución de Sub Intendencia;
    # 15 working days to appeal, skipping Holy Thursday and Good Friday.
    with pytest.raises(ApplicationError):
        step("2027-03-15", "resolucion_sub_intendencia", inspector)
    case = step("2027-03-15", "resolucion_sub_intendencia", director)
    assert _due(case, "resolucion_sub_intendencia") == D("2027-04-07")
    case = step("2027-04-07", "apelacion", director)
    case = step("2027-04-28", "sancion_firme", director)
    assert case.closed_at is not None


def test_the_declared_waiting_periods_cite_the_law_and_await_the_ministry(pack, in_ministry):
    from labourhub_pe import procedure

    from labourhub.plugin_api import procedure_get

    proc = procedure_get(procedure.PROCEDURE)
    assert proc is not None
    assert proc.transition("resolucion_sub_intendencia").waits_for == ("descargos_informe_final",)
    assert proc.transition("sancion_firme").waits_for == ("plazo_apelacion",)
    opened = {lim.code: lim.amount for lim in proc.transition("imputacion_cargos").starts}
    assert opened == {"imputacion_cargos": 5, "descargos_imputacion": 5}
    for period in procedure.WAITING_PERIODS:
        assert period.confirmed is False and "por confirmar" in period.legal_basis
        assert "D.S. 019-2006-TR" in period.legal_basis or "Ley 27444" in period.legal_basis


def test_a_director_may_take_the_sanction_before_the_defence_period_ends_with_a_reason(
    pack, ministry, in_ministry, user_with_role
):
    from labourhub.audit.models import AuditEvent

    inspector = user_with_role(Role.INSPECTOR)
    supervisor = user_with_role(Role.SUPERVISOR)
    director = user_with_role(Role.DIRECTOR)
    with time_machine.travel(_at(ministry, "2027-05-03"), tick=False):  # a Monday
        case = case_open(
            procedure="pe_inspeccion_sancionador",
            title="Minera Andina S.A.",
            office=inspector.office,
            assigned_to=inspector,
            actor=supervisor,
        )
        for to in ("actuaciones_inspectivas", "acta_infraccion", "imputacion_cargos"):
            case = case_transition(case=case, transition=to, actor=inspector)
    with time_machine.travel(_at(ministry, "2027-05-11"), tick=False):
        case = case_transition(case=case, transition="informe_final_instruccion", actor=inspector)
    assert _due(case, "descargos_informe_final") == D("2027-05-18")
    with time_machine.travel(_at(ministry, "2027-05-12"), tick=False):
        with pytest.raises(ApplicationError) as early:
            case_transition(case=case, transition="resolucion_sub_intendencia", actor=director)
        assert early.value.extra["ends_on"] == "2027-05-18"
        case = case_transition(
            case=case,
            transition="resolucion_sub_intendencia",
            actor=director,
            override_reason="El administrado presentó sus descargos y renunció al resto del plazo",
        )
    assert case.state == "resolucion_sub_intendencia"
    event = AuditEvent.objects.get(action="legal_period.overridden")
    assert event.actor_id == director.pk
    assert "descargos_informe_final" in str(event.extra) and "2027-05-18" in str(event.extra)
    closed = Deadline.objects.get(case=case, code="descargos_informe_final")
    assert closed.outcome == "superseded"


def test_spanish_checklists_and_documents_are_declared(pack, ministry, in_ministry):
    from labourhub.extensions import flatten, hooks_for

    hooks = hooks_for(ministry)
    codes = {c.code for c in flatten(hooks.register_checklists(tenant=ministry))}
    assert {"pe-condiciones-generales", "pe-sst", "pe-construccion", "pe-agricultura"} <= codes
    labels = {str(t.label) for t in flatten(hooks.register_document_templates(tenant=ministry))}
    assert {"Orden de inspección", "Medida de requerimiento", "Acta de infracción"} <= labels


def test_the_checklists_are_seeded_in_spanish_with_their_provisions(pack, in_ministry):
    from labourhub.inspections.models import Checklist, ChecklistQuestion
    from labourhub.inspections.services.checklists import checklists_seed

    checklists_seed()
    general = Checklist.objects.get(code="pe-condiciones-generales")
    assert general.title.startswith("Condiciones generales de trabajo")
    questions = ChecklistQuestion.objects.filter(code="remuneracion_minima")
    assert questions.exists() and all(q.legal_article for q in questions)
    assert Checklist.objects.filter(code="pe-sst").exists()


def test_the_case_page_shows_the_suggested_fine_with_its_legal_basis(
    pack, ministry, in_ministry, user_with_role, client_for
):
    from django.conf import settings

    supervisor = user_with_role(Role.SUPERVISOR)
    case = case_open(
        procedure="pe_inspeccion_sancionador",
        title="Agroexportadora del Norte S.A.C.",
        office=supervisor.office,
        actor=supervisor,
    )
    web = client_for(ministry)
    web.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    web.force_login(supervisor)
    page = web.get(f"/app/cases/{case.pk}/").content.decode()
    assert "Orden de inspección emitida" in page and "Multa sugerida" in page


def test_closing_the_file_during_the_defence_period_never_records_it_as_complied(
    pack, ministry, in_ministry, user_with_role
):
    inspector = user_with_role(Role.INSPECTOR)
    supervisor = user_with_role(Role.SUPERVISOR)
    director = user_with_role(Role.DIRECTOR)
    with time_machine.travel(_at(ministry, "2027-05-03"), tick=False):
        case = case_open(
            procedure="pe_inspeccion_sancionador",
            title="Pesquera del Sur S.A.",
            office=inspector.office,
            assigned_to=inspector,
            actor=supervisor,
        )
        for to in ("actuaciones_inspectivas", "acta_infraccion", "imputacion_cargos"):
            case = case_transition(case=case, transition=to, actor=inspector)
        case = case_transition(case=case, transition="archivo", actor=director)
    period = Deadline.objects.get(case=case, code="descargos_imputacion")
    assert (period.status, period.outcome) == ("met", "superseded")
    step_limit = Deadline.objects.get(case=case, code="imputacion_cargos")
    assert step_limit.outcome == "complied"
