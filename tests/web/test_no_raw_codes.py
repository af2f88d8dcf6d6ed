"""No code reaches a person: the staff pages of a Spanish-speaking ministry show words only.

Renders the case list, a case page (states, steps, deadlines with their units, timeline,
documents, hearings), the alerts, the audit trail and the CSV export for the test ministry
(default language Spanish) and fails on any known code (``order_issued``, ``working_days``,
``inspection.assigned``...), on a Python dict's repr, and on the English text of a label whose
Spanish translation differs.
"""

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.utils import translation

from labourhub.enforcement.services import hearing_schedule, order_issue
from labourhub.workflow.services import (
    calendar_day_add,
    case_open,
    case_transition,
    deadline_sweep,
)
from tests.case_fixtures import staff  # noqa: F401
from tests.language_checks import english_labels, raw_codes_in, reprs_in, visible_text
from tests.web.menus import menu_links
from tests.workflow.helpers import at, make_establishment


def problems(text: str) -> list[str]:
    found = raw_codes_in(text) + reprs_in(text)
    found += [label for label in english_labels("es") if label in text]
    return sorted(found)


def _data(staff):  # noqa: F811
    # Written as the ministry's Spanish-speaking staff would: texts composed at write time
    # (a hearing's timeline line) are in the writer's language.
    with translation.override("es"):
        return _write(staff)


def _write(staff):  # noqa: F811
    inspector = staff["inspector"]
    with time_machine.travel(at("2026-01-05"), tick=False):
        order = order_issue(
            establishment=make_establishment(),
            office=inspector.office,
            provision="Salario mínimo",
            requirement="Pagar el salario mínimo.",
            days=10,
            workers_affected=3,
            assigned_to=inspector,
            supervisor=staff["supervisor"],
            actor=inspector,
        )
        case_transition(
            case=order.case,
            transition="verify_not_complied",
            actor=inspector,
            documents=[{"kind": "follow_up_report", "title": "Informe 7"}],
        )
        # A holiday inside the open deadlines moves them: a "deadline moved" timeline line.
        calendar_day_add(date=dt.date(2026, 1, 8), name="Feriado local", actor=staff["admin"])
        case_open(
            procedure="complaint",
            title="Horas extra no pagadas",
            office=inspector.office,
            assigned_to=inspector,
            supervisor=staff["supervisor"],
            actor=None,
        )
    hearing_schedule(
        case=order.case,
        room="Sala 2",
        officer=inspector,
        starts_at=at("2026-12-01"),
        ends_at=at("2026-12-01", 11),
        parties="Empleador y trabajadores",
        actor=inspector,
    )
    deadline_sweep()  # the January deadlines have expired: alerts for the inspector
    return order.case


def test_staff_pages_of_a_spanish_ministry_show_no_code(client_for, ministry, staff):  # noqa: F811
    case = _data(staff)
    client = client_for(ministry)  # no language cookie: the ministry's Spanish
    client.force_login(staff["supervisor"])
    pages = {
        "case list": "/app/cases/",
        "case page": f"/app/cases/{case.pk}/",
        "overdue": "/app/cases/overdue/",
    }
    texts = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        texts[name] = visible_text(response.content.decode())
    client.force_login(staff["inspector"])  # who may act: the step forms and their buttons
    texts["case page (inspector)"] = visible_text(
        client.get(f"/app/cases/{case.pk}/").content.decode()
    )
    texts["alerts"] = visible_text(client.get("/app/cases/alerts/").content.decode())
    client.force_login(staff["admin"])
    texts["audit"] = visible_text(client.get("/app/audit/").content.decode())

    for name, text in texts.items():
        assert problems(text) == [], name
    # The words are really there, in Spanish.
    assert "Infracción constatada" in texts["case list"]
    assert "10 días hábiles" in texts["case page"]
    assert "Informe de seguimiento" in texts["case page"]
    assert "Audiencia" in texts["case page"]
    assert "Plazo desplazado" in texts["case page"]
    assert "Plazo vencido" in texts["alerts"]
    assert "Orden de cumplimiento emitida → Infracción constatada" in texts["audit"]
    assert "Tipo: Informe de seguimiento" in texts["audit"]


def test_the_csv_export_speaks_the_ministrys_language(client_for, ministry, staff):  # noqa: F811
    _data(staff)
    client = client_for(ministry)
    client.force_login(staff["supervisor"])
    body = client.get("/app/cases/export.csv").content.decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][:6] == [
        "Referencia",
        "Procedimiento",
        "Título",
        "Estado",
        "Oficina",
        "Próximo vencimiento",
    ]
    assert problems(body) == []
    states = {row[3] for row in rows[1:]}
    assert "Infracción constatada" in states and "Recibida" in states


def test_alert_emails_sent_by_the_worker_are_in_the_ministrys_language(
    in_ministry,
    staff,  # noqa: F811
    mailoutbox,
):
    from labourhub.workflow.tasks import alert_digest_send_task

    staff["inspector"].email = "ana@example.org"
    staff["inspector"].save(update_fields=["email"])
    _data(staff)
    translation.activate("en")  # whatever the enqueuing code spoke, the worker writes Spanish
    assert alert_digest_send_task.delay().get() >= 1
    mail = next(m for m in mailoutbox if m.to == ["ana@example.org"])
    assert "Clasificar la denuncia" in mail.body  # "Triage the complaint"
    assert "Plazo vencido" in mail.body
    assert problems(mail.body) == []


@pytest.mark.parametrize("role", ["system_admin", "supervisor", "inspector", "legal"])
def test_every_menu_page_of_a_spanish_ministry_shows_no_code(
    client_for,
    ministry,
    staff,  # noqa: F811
    role,
):
    _data(staff)
    user = staff["admin" if role == "system_admin" else role]
    client = client_for(ministry)
    client.force_login(user)
    links = menu_links(client.get("/app/").content.decode(), prefix="/app/")
    found = {}
    for link in links:
        response = client.get(link)
        if response.status_code == 200 and "text/html" in response["Content-Type"]:
            wrong = problems(visible_text(response.content.decode()))
            if wrong:
                found[link] = wrong
    assert found == {}
