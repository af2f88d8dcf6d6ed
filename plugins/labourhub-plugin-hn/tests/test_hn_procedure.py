"""Honduras's inspection procedure, end to end, on Honduras's calendar with a frozen clock."""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from labourhub_hn import documents, fines
from labourhub_hn.hooks import SLUG

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


def test_inspection_requerimiento_reinspection_sanction_on_honduras_s_calendar(
    pack, ministry, in_ministry, user_with_role
):
    inspector = user_with_role(Role.INSPECTOR)
    supervisor = user_with_role(Role.SUPERVISOR)
    director = user_with_role(Role.DIRECTOR)
    cal = calendar_current()
    assert CalendarDay.objects.get(date=D("2027-10-06")).name == "Semana Morazánica"
    assert not cal.is_working(D("2026-12-25")) and not cal.is_working(D("2027-03-26"))

    def step(day: str, to: str, actor):
        with time_machine.travel(_at(ministry, day), tick=False):
            return case_transition(case=case, transition=to, actor=actor)

    with time_machine.travel(_at(ministry, "2026-12-14"), tick=False):  # a Monday
        case = case_open(
            procedure="hn_inspeccion",
            title="Maquiladora del Valle de Sula S.A.: salarios por debajo del mínimo",
            office=inspector.office,
            assigned_to=inspector,
            actor=supervisor,
        )
    assert case.state == "inspeccion"
    # Ten working days for the visit and its acta, skipping Christmas.
    assert _due(case, "inspeccion") == D("2026-12-29")
    with time_machine.travel(_at(ministry, "2026-12-18"), tick=False):
        acta = document_issue(
            kind=documents.ACTA_INSPECCION,
            officer=inspector,
            extra={"empleador": "Maquiladora del Valle de Sula S.A.", "constataciones": "…"},
            actor=inspector,
        )
    assert acta.number.startswith("AI-2026-")

    # The requerimiento gives ten working days, over Christmas and New Year.
    case = step("2026-12-21", "requerimiento", inspector)
    assert _due(case, "requerimiento") == D("2027-01-06")
    # The employer's period to correct (declared by the pack, to be confirmed) runs to the 6th.
    assert _due(case, "plazo_correccion") == D("2027-01-06")
    with pytest.raises(ApplicationError) as early:
        step("2027-01-06", "reinspeccion", inspector)
    assert early.value.extra["ends_on"] == "2027-01-06"
    case = step("2027-01-07", "reinspeccion", inspector)
    assert _due(case, "reinspeccion") == D("2027-01-14")

    # The employer obstructed the re-inspection: the fine of the schedule, with its basis.
    fine = fine_suggest(tenant=ministry, provision=fines.OBSTRUCCION, on=D("2027-01-14"))
    assert fine is not None
    assert (fine.unit, fine.units, fine.amount, fine.currency) == (
        "lempiras",
        Decimal(250000),
        Decimal("250000.00"),
        "HNL",
    )
    assert "art. 90 párrafo 3" in fine.legal_basis and fine.confirmed is True
    union = fine_suggest(tenant=ministry, provision=fines.ANTISINDICAL, on=D("2027-01-14"))
    assert union is not None and union.confirmed is False
    assert fine_suggest(tenant=ministry, provision=fines.OBSTRUCCION, on=D("2016-12-01")) is None
    # A finding of the checklist's access question cites art. 84: the obstruction rule applies.
    cited = fine_suggest(
        tenant=ministry,
        provision="Decreto 178-2016 (Ley de Inspección del Trabajo) art. 84",
        on=D("2027-01-14"),
    )
    assert cited is not None and cited.provision == fines.OBSTRUCCION

    # Only who decides sanctions issues the resolution; ten working days to appeal, skipping
    # Holy Thursday and Good Friday.
    with pytest.raises(ApplicationError):
        step("2027-03-17", "sancion", inspector)
    case = step("2027-03-17", "sancion", director)
    assert _due(case, "sancion") == D("2027-04-02")
    with time_machine.travel(_at(ministry, "2027-03-17"), tick=False):
        resolution = document_issue(
            kind=documents.RESOLUCION_SANCION,
            officer=director,
            extra={
                "empleador": "Maquiladora del Valle de Sula S.A.",
                "multa_valor": f"L {fine.amount}",
                "fundamento": fine.legal_basis,
            },
            actor=director,
        )
    assert resolution.number.startswith("RS-2027-")
    case = step("2027-04-05", "sancion_firme", director)
    assert case.closed_at is not None


def test_conciliation_closes_the_case(pack, ministry, in_ministry, user_with_role):
    inspector = user_with_role(Role.INSPECTOR)
    with time_machine.travel(_at(ministry, "2026-12-14"), tick=False):
        case = case_open(
            procedure="hn_inspeccion",
            title="Café de Marcala: prestaciones adeudadas",
            office=inspector.office,
            assigned_to=inspector,
            actor=inspector,
        )
        case = case_transition(case=case, transition="conciliacion", actor=inspector)
    assert _due(case, "conciliacion") == D("2026-12-29")
    case = case_transition(case=case, transition="archivo", actor=inspector)
    assert case.closed_at is not None


def test_spanish_checklists_and_documents_are_declared(pack, ministry, in_ministry):
    from labourhub.extensions import flatten, hooks_for

    hooks = hooks_for(ministry)
    codes = {c.code for c in flatten(hooks.register_checklists(tenant=ministry))}
    assert {"hn-condiciones-generales", "hn-sst", "hn-construccion", "hn-agricultura"} <= codes
    labels = {str(t.label) for t in flatten(hooks.register_document_templates(tenant=ministry))}
    assert {"Acta de inspección", "Requerimiento", "Resolución de sanción"} <= labels


def test_the_case_page_shows_the_suggested_fine_with_its_legal_basis(
    pack, ministry, in_ministry, user_with_role, client_for
):
    from django.conf import settings

    supervisor = user_with_role(Role.SUPERVISOR)
    case = case_open(
        procedure="hn_inspeccion",
        title="Textiles de Choloma S.A.",
        office=supervisor.office,
        actor=supervisor,
    )
    web = client_for(ministry)
    web.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    web.force_login(supervisor)
    page = web.get(f"/app/cases/{case.pk}/").content.decode()
    assert "Inspección ordenada: visita y acta de inspección" in page
    assert "Multa sugerida" in page and "Obstrucción de la labor de inspección" in page
    assert "art. 90 párrafo 3" in page and "por confirmar por el ministerio" in page
