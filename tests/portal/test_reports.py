"""Establishment reports (the Philippines' ERS) declared by a pack, filed by employers, reviewed
by the regional office, counted in the pack's indicator; and plugin portal pages."""

import datetime
from typing import Any

from django.http import HttpResponse
from django.utils import timezone

from labourhub.accounts.roles import Role
from labourhub.audit.models import AuditEvent
from labourhub.extensions import hookimpl
from labourhub.extensions.types import EstablishmentReportKind, IndicatorDefinition, PortalPage
from labourhub.portal.models import EstablishmentReport
from labourhub.portal.reports import establishment_report_totals
from tests.extensions.effects import effect_of

TODAY = timezone.localdate()


class PhReports:
    """The Philippine pack's own declarations, registered without the rest of the pack."""

    @hookimpl
    def register_establishment_report_kinds(self, tenant: Any) -> list[EstablishmentReportKind]:
        from labourhub_ph import reports

        return list(reports.KINDS)

    @hookimpl
    def register_indicator_definitions(self, tenant: Any) -> list[IndicatorDefinition]:
        from labourhub_ph import reports

        return list(reports.INDICATORS)


def _report(**extra):
    data = {
        "establishment": "",
        "kind": "ph_retrenchment",
        "workers_female": 4,
        "workers_male": 8,
        "starts_on": (TODAY + datetime.timedelta(days=30)).isoformat(),
        "ends_on": "",
        "reasons": "Loss of the main export contract; 12 posts are cut.",
    }
    data.update(extra)
    return data


@effect_of("register_establishment_report_kinds")
def test_retrenchment_report_reaches_the_regional_office_and_counts(
    portal, ministry, register_temporary_plugin, client_for, user_with_role
):
    employer = client_for(ministry)
    employer.force_login(portal.employer_a)
    employer.cookies["django_language"] = "en"
    # Without the pack, no kind is offered and nothing can be filed.
    assert employer.get("/portal/reports/new/").status_code == 404
    register_temporary_plugin(PhReports(), slug="ph-ers", active_for=(ministry,))
    form = employer.get("/portal/reports/new/").content.decode()
    assert "Retrenchment" in form and "Textiles planta 1" in form
    assert "Cafés centro" not in form  # employer B's establishment is not offered
    sent = employer.post("/portal/reports/new/", _report(establishment=portal.est_a.pk))
    assert sent.status_code == 302
    report = EstablishmentReport.objects.get()
    assert report.filed_by == portal.employer_a and report.workers_affected == 12
    # The regional office (office head at the region above the district) sees and reviews it.
    regional = user_with_role(Role.OFFICE_HEAD, username="regional", office=portal.district.parent)
    office = client_for(ministry)
    office.force_login(regional)
    office.cookies["django_language"] = "en"
    queue = office.get("/app/portal/reports/").content.decode()
    assert "Retrenchment" in queue and "Textiles planta 1" in queue
    far = client_for(ministry)
    far.force_login(portal.far_inspector)
    assert "Textiles planta 1" not in far.get("/app/portal/reports/").content.decode()
    assert far.get(f"/app/portal/reports/{report.pk}/").status_code == 404
    assert far.post(f"/app/portal/reports/{report.pk}/", {"decision": "accept"}).status_code == 404
    done = office.post(f"/app/portal/reports/{report.pk}/", {"decision": "accept", "note": ""})
    assert done.status_code == 302
    report.refresh_from_db()
    assert report.status == "acknowledged" and report.reviewed_by == regional
    # It counts in the pack's indicator, shown on the dashboard.
    totals = establishment_report_totals(kind="ph_retrenchment", year=timezone.localdate().year)
    assert totals == {"reports": 1, "women": 4, "men": 8, "workers": 12}
    director = user_with_role(Role.DIRECTOR, username="phdirector")
    board = client_for(ministry)
    board.force_login(director)
    board.cookies["django_language"] = "en"
    page = board.get("/app/analytics/")
    tiles = [(str(label), value) for label, value in page.context["plugin_indicators"]]
    assert ("Workers affected by retrenchment reported this year", 12) in tiles, tiles
    assert "Workers affected by retrenchment reported this year" in page.content.decode()
    actions = list(
        AuditEvent.objects.filter(subject_id=str(report.pk)).values_list("action", "actor_id")
    )
    assert ("establishment_report.filed", portal.employer_a.pk) in actions
    assert ("establishment_report.reviewed", regional.pk) in actions
    # Employer B sees nothing of it; the employer A's list shows it acknowledged, in Spanish.
    other = client_for(ministry)
    other.force_login(portal.employer_b)
    assert "Textiles planta 1" not in other.get("/portal/reports/").content.decode()
    refused = other.post("/portal/reports/new/", _report(establishment=portal.est_a.pk))
    assert refused.status_code == 200
    employer.cookies["django_language"] = "es"
    mine = employer.get("/portal/reports/").content.decode()
    assert "Reducción de personal" in mine and "Recibido conforme por el ministerio" in mine


def test_hostile_reports_are_refused_in_spanish_and_nothing_saved(
    portal, ministry, register_temporary_plugin, client_for
):
    register_temporary_plugin(PhReports(), slug="ph-ers", active_for=(ministry,))
    employer = client_for(ministry)
    employer.force_login(portal.employer_a)
    employer.cookies["django_language"] = "es"
    est = portal.est_a.pk
    cases = [
        (_report(establishment=est, kind="ph_everything"), "Escoja una opción válida"),
        (_report(establishment=est, workers_female=0, workers_male=0), "al menos una persona"),
        (
            _report(establishment=est, workers_male=-5),
            "Indique un número entero entre 0 y 1.000.000.",
        ),
        (_report(establishment=est, kind="ph_temporary_closure"), "último día"),
        (_report(establishment=est, ends_on=TODAY.isoformat()), "no tiene fecha de fin"),
        (
            _report(
                establishment=est,
                kind="ph_flexible_work",
                ends_on=TODAY.isoformat(),
                starts_on=(TODAY + datetime.timedelta(days=10)).isoformat(),
            ),
            "El fin no puede ser anterior al inicio.",
        ),
        (_report(establishment=est, starts_on="1999-01-01"), "a menos de un año"),
        (
            _report(establishment=est, reasons="<script>alert(1)</script> loss"),
            "No se permiten aquí los signos",
        ),
        (_report(establishment=est, reasons="short"), "al menos 10 caracteres"),
        (_report(establishment="99999999"), "Escoja una opción válida"),
    ]
    for data, message in cases:
        response = employer.post("/portal/reports/new/", data)
        body = response.content.decode()
        assert response.status_code == 200, data
        assert message in body, (data, message)
        assert "<script>alert(1)</script>" not in body
    assert not EstablishmentReport.objects.exists()
    # Returning needs a reason, and a decided report cannot be decided again.
    employer.post("/portal/reports/new/", _report(establishment=est))
    report = EstablishmentReport.objects.get()
    office = client_for(ministry)
    office.force_login(portal.supervisor)
    office.cookies["django_language"] = "es"
    no_reason = office.post(f"/app/portal/reports/{report.pk}/", {"decision": "return"})
    assert "Indique por qué se devuelve el informe" in no_reason.content.decode()
    report.refresh_from_db()
    assert report.status == "received"
    office.post(
        f"/app/portal/reports/{report.pk}/", {"decision": "return", "note": "Missing annex"}
    )
    report.refresh_from_db()
    assert report.status == "returned"
    assert (
        establishment_report_totals(kind="ph_retrenchment", year=timezone.localdate().year)[
            "workers"
        ]
        == 0
    )
    assert (
        office.post(f"/app/portal/reports/{report.pk}/", {"decision": "accept"}).status_code == 404
    )


def _hello(request):
    return HttpResponse(f"plugin page for {request.account.kind}")


class Pages:
    @hookimpl
    def register_portal_pages(self, tenant: Any) -> list[PortalPage]:
        return [
            PortalPage("permits", "Work permits (plugin)", _hello, "employer"),
            PortalPage("jobs", "Job offers (plugin)", _hello, "worker"),
        ]


@effect_of("register_portal_pages")
def test_plugin_portal_pages_are_mounted_for_their_audience_only(
    portal, ministry, register_temporary_plugin, client_for
):
    employer = client_for(ministry)
    employer.force_login(portal.employer_a)
    assert employer.get("/portal/x/xx-pages/permits/").status_code == 404
    register_temporary_plugin(Pages(), slug="xx-pages", active_for=(ministry,))
    page = employer.get("/portal/x/xx-pages/permits/")
    assert page.status_code == 200 and page.content == b"plugin page for employer"
    menu = employer.get("/portal/accidents/").content.decode()
    assert "Work permits (plugin)" in menu and "Job offers (plugin)" not in menu
    assert employer.get("/portal/x/xx-pages/jobs/").status_code == 403
    worker = client_for(ministry)
    worker.force_login(portal.worker)
    assert worker.get("/portal/x/xx-pages/jobs/").status_code == 200
    assert worker.get("/portal/x/xx-pages/permits/").status_code == 403
    anonymous = client_for(ministry).get("/portal/x/xx-pages/jobs/")
    assert anonymous.status_code == 302 and "/portal/login/" in anonymous["Location"]
    staff = client_for(ministry)
    staff.force_login(portal.supervisor)
    assert staff.get("/portal/x/xx-pages/permits/").status_code == 403


@effect_of("register_portal_pages")
def test_plugin_portal_pages_stay_closed_where_the_plugin_is_not_active(
    portal, ministry, register_temporary_plugin, client_for
):
    register_temporary_plugin(Pages(), slug="xx-pages", active_for=())
    employer = client_for(ministry)
    employer.force_login(portal.employer_a)
    assert employer.get("/portal/x/xx-pages/permits/").status_code == 404
    assert "Work permits (plugin)" not in employer.get("/portal/accidents/").content.decode()
