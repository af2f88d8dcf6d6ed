"""Paraguay's inspection procedure, end to end, on Paraguay's calendar with a frozen clock."""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from labourhub_py import documents, fines
from labourhub_py.hooks import SLUG

from labourhub.plugin_api import (
    ApplicationError,
    Role,
    StepInput,
    calendar_current,
    case_open,
    case_step,
    document_issue,
    fine_suggest,
)
from labourhub.workflow.models import CalendarDay, Deadline

D = dt.date.fromisoformat


def _at(ministry, day: str) -> dt.datetime:
    return dt.datetime.combine(D(day), dt.time(10), tzinfo=zoneinfo.ZoneInfo(ministry.time_zone))


@pytest.fixture
def pack(enable_plugin, ministry):
    with time_machine.travel(_at(ministry, "2026-11-20"), tick=False):
        return enable_plugin(SLUG)


def _due(case, step: str) -> dt.date:
    return Deadline.objects.get(case=case, code=step, status="open").due_on


def test_request_visit_acta_closure_on_paraguay_s_calendar(
    pack, ministry, in_ministry, user_with_role
):
    inspector = user_with_role(Role.INSPECTOR)
    supervisor = user_with_role(Role.SUPERVISOR)
    office_head = user_with_role(Role.OFFICE_HEAD)
    minister = user_with_role(Role.AUTHORISING_OFFICIAL)
    director = user_with_role(Role.DIRECTOR)
    caacupe = CalendarDay.objects.get(date=D("2026-12-08"))
    assert caacupe.name == "Día de la Virgen de Caacupé"
    assert not calendar_current().is_working(D("2026-12-08"))

    def step(day: str, to: str, actor):
        with time_machine.travel(_at(ministry, day), tick=False):
            return case_step(case=case, transition=to, actor=actor, data=StepInput())

    with time_machine.travel(_at(ministry, "2026-11-23"), tick=False):  # a Monday
        case = case_open(
            procedure="py_inspeccion",
            title="Denuncia: Distribuidora Guaraní S.A., salarios atrasados",
            office=inspector.office,
            assigned_to=inspector,
            actor=supervisor,
        )
    assert case.state == "solicitud"
    assert _due(case, "solicitud") == D("2026-11-30")

    # Only the Minister authorises: an office head holds the permission but not the office.
    with pytest.raises(ApplicationError):
        step("2026-11-30", "autorizada", office_head)
    with pytest.raises(ApplicationError):
        step("2026-11-30", "autorizada", inspector)
    case = step("2026-11-30", "autorizada", minister)
    # Ten working days for the visit, skipping 8 December (Virgen de Caacupé).
    assert _due(case, "autorizada") == D("2026-12-15")
    with time_machine.travel(_at(ministry, "2026-11-30"), tick=False):
        order = document_issue(
            kind=documents.ORDEN_INSPECCION,
            officer=minister,
            extra={
                "establecimiento": "Distribuidora Guaraní S.A.",
                "inspector": inspector.get_full_name() or inspector.username,
                "objeto": "pago de salarios",
            },
            actor=minister,
        )
    assert order.number.startswith("OI-2026-")

    case = step("2026-12-15", "visita", inspector)
    assert _due(case, "visita") == D("2026-12-18")
    # The acta gives the employer five working days, skipping Christmas.
    case = step("2026-12-18", "acta", inspector)
    assert _due(case, "acta") == D("2026-12-28")

    fine = fine_suggest(tenant=ministry, provision=fines.GENERAL, on=D("2026-11-23"))
    assert fine is not None
    assert (fine.unit, fine.units, fine.maximum) == ("jornales mínimos", Decimal(10), Decimal(30))
    assert (fine.amount, fine.currency) == (Decimal("1115020.00"), "PYG")
    assert "Ley 213/93" in fine.legal_basis and fine.confirmed is False

    with pytest.raises(ApplicationError):
        step("2026-12-28", "sumario", inspector)
    case = step("2026-12-28", "sumario", director)
    assert case.state == "sumario" and case.closed_at is not None


def test_the_minister_s_refusal_message_is_translated(pack, in_ministry, user_with_role):
    from django.utils import translation
    from labourhub_py.steps import MINISTER_ONLY

    with translation.override("es"):
        assert (
            translation.gettext(MINISTER_ONLY) == "Solo el Ministro puede autorizar una inspección."
        )
    with translation.override("fr"):
        assert (
            translation.gettext(MINISTER_ONLY) == "Seul le ministre peut autoriser une inspection."
        )


def test_spanish_checklists_and_documents_are_declared(pack, ministry, in_ministry):
    from labourhub.extensions import flatten, hooks_for

    hooks = hooks_for(ministry)
    codes = {c.code for c in flatten(hooks.register_checklists(tenant=ministry))}
    assert {"py-condiciones-generales", "py-sst"} <= codes
    labels = {str(t.label) for t in flatten(hooks.register_document_templates(tenant=ministry))}
    assert {"Orden de inspección", "Acta de inspección"} <= labels


def test_the_checklists_are_seeded_in_spanish_with_their_provisions(pack, in_ministry):
    from labourhub.inspections.models import Checklist, ChecklistQuestion
    from labourhub.inspections.services.checklists import checklists_seed

    checklists_seed()
    general = Checklist.objects.get(code="py-condiciones-generales")
    assert general.title.startswith("Condiciones generales de trabajo")
    questions = ChecklistQuestion.objects.filter(code="salario_minimo")
    assert questions.exists() and all(q.legal_article for q in questions)
    assert Checklist.objects.filter(code="py-sst").exists()


def test_nobody_but_the_minister_authorises_not_even_the_system(
    pack, ministry, in_ministry, user_with_role, client_for
):
    from django.conf import settings

    supervisor = user_with_role(Role.SUPERVISOR)
    case = case_open(
        procedure="py_inspeccion",
        title="Yerbatera del Sur",
        office=supervisor.office,
        actor=supervisor,
    )
    for actor in (None, user_with_role(Role.SYSTEM_ADMIN), user_with_role(Role.DIRECTOR)):
        with pytest.raises(ApplicationError):
            case_step(case=case, transition="autorizada", actor=actor, data=StepInput())
    case.refresh_from_db()
    assert case.state == "solicitud"
    web = client_for(ministry)
    web.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    web.force_login(supervisor)
    page = web.get(f"/app/cases/{case.pk}/").content.decode()
    assert "Solicitud de inspección recibida" in page and "Multa sugerida" in page
    assert "jornales mínimos" in page and "Ley 213/93" in page
