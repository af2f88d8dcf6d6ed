"""Staff pages and API for cases: traffic lights, timeline, refusals, tenant isolation."""

import datetime as dt

import time_machine

from labourhub.workflow.models import CalendarDay, Case, CaseEvent
from labourhub.workflow.services import case_open
from tests.workflow.helpers import at


def _cases(staff):
    with time_machine.travel(at("2026-07-01"), tick=False):
        late = case_open(
            procedure="complaint",
            title="Late one",
            office=staff["inspector"].office,
            assigned_to=staff["inspector"],
            supervisor=staff["supervisor"],
            actor=None,
        )
    fresh = case_open(
        procedure="complaint",
        title="Fresh one",
        office=staff["inspector"].office,
        assigned_to=staff["inspector"],
        actor=None,
    )
    return late, fresh


def test_case_list_shows_traffic_lights_and_filters(in_ministry, staff, client_for, ministry):
    late, fresh = _cases(staff)
    client = client_for(ministry)
    client.force_login(staff["supervisor"])
    page = client.get("/app/cases/").content.decode()
    assert late.reference in page and fresh.reference in page and "light-red" in page
    red = client.get("/app/cases/?light=red").content.decode()
    assert late.reference in red and fresh.reference not in red
    bad = client.get("/app/cases/?light=purple&procedure=<x>")
    assert bad.status_code == 200  # an invalid filter shows everything, not an error page


def test_case_page_shows_timeline_and_next_actions(in_ministry, staff, client_for, ministry):
    late, _fresh = _cases(staff)
    client = client_for(ministry)
    client.force_login(staff["inspector"])
    page = client.get(f"/app/cases/{late.pk}/").content.decode()
    assert "Timeline" in page and "opened" in page and "Triage: inspection" in page
    response = client.post(
        f"/app/cases/{late.pk}/",
        {"transition": "triage_inspection", "note": "Visit needed"},
        follow=True,
    )
    assert "Done: Triage: inspection" in response.content.decode()
    assert Case.objects.get(pk=late.pk).state == "to_inspection"


def test_refused_transition_in_the_ui_says_why_and_changes_nothing(
    in_ministry, staff, client_for, ministry
):
    from labourhub.enforcement.services import order_issue
    from tests.workflow.helpers import make_establishment

    order = order_issue(
        establishment=make_establishment(),
        office=staff["inspector"].office,
        provision="Working hours",
        requirement="Keep a register.",
        days=10,
        assigned_to=staff["inspector"],
        actor=staff["inspector"],
    )
    client = client_for(ministry)
    client.force_login(staff["inspector"])
    events = CaseEvent.objects.filter(case=order.case).count()
    response = client.post(
        f"/app/cases/{order.case.pk}/", {"transition": "verify_not_complied", "note": "No register"}
    )
    body = response.content.decode()
    assert "Attach the required documents first" in body
    assert Case.objects.get(pk=order.case.pk).state == "order_issued"
    assert CaseEvent.objects.filter(case=order.case).count() == events


def test_api_transition_refusal_is_a_409_with_a_message(
    in_ministry, staff, api_client_for, ministry
):
    late, _fresh = _cases(staff)
    api = api_client_for(ministry, user=staff["inspector"])
    response = api.post(
        f"/api/v1/cases/{late.pk}/transition/", {"transition": "close"}, format="json"
    )
    assert response.status_code == 409 and "not possible" in response.json()["message"]
    response = api.post(f"/api/v1/cases/{late.pk}/transition/", {"transition": ""}, format="json")
    assert response.status_code == 400
    ok = api.post(
        f"/api/v1/cases/{late.pk}/transition/", {"transition": "triage_inspection"}, format="json"
    )
    assert ok.status_code == 200 and ok.json()["state"] == "to_inspection"
    detail = api.get(f"/api/v1/cases/{late.pk}/").json()
    assert [e["kind"] for e in detail["timeline"]] == ["opened", "transition"]


def test_overdue_board_for_supervisors_only(in_ministry, staff, client_for, ministry):
    late, fresh = _cases(staff)
    client = client_for(ministry)
    client.force_login(staff["supervisor"])
    page = client.get("/app/cases/overdue/").content.decode()
    assert late.reference in page and fresh.reference not in page
    client.force_login(staff["inspector"])
    assert client.get("/app/cases/overdue/").status_code == 403


def test_calendar_page_adds_a_holiday_and_rejects_garbage(in_ministry, staff, client_for, ministry):
    client = client_for(ministry)
    client.force_login(staff["admin"])
    bad = client.post("/app/cases/calendar/", {"date": "2026-13-45", "name": "", "kind": "x"})
    assert bad.status_code == 200 and bad.context["form"].errors
    assert not CalendarDay.objects.exists()
    ok = client.post(
        "/app/cases/calendar/",
        {"date": "2026-12-24", "name": "Nochebuena", "kind": "closure"},
        follow=True,
    )
    assert "Nochebuena" in ok.content.decode()
    client.force_login(staff["inspector"])
    assert (
        client.post(
            "/app/cases/calendar/", {"date": "2026-12-31", "name": "x", "kind": "holiday"}
        ).status_code
        == 403
    )
    assert CalendarDay.objects.count() == 1


def test_api_calendar_and_alerts(in_ministry, staff, api_client_for, ministry):
    api = api_client_for(ministry, user=staff["director"])
    created = api.post(
        "/api/v1/calendar/days/", {"date": "2026-12-24", "name": "Nochebuena"}, format="json"
    )
    assert created.status_code == 201
    again = api.post(
        "/api/v1/calendar/days/", {"date": "2026-12-24", "name": "Twice"}, format="json"
    )
    assert again.status_code == 400 and "date" in again.json()["extra"]["fields"]
    assert api.get("/api/v1/alerts/").json()["results"] == []
    denied = api_client_for(ministry, user=staff["inspector"]).post(
        "/api/v1/calendar/days/", {"date": "2026-12-31", "name": "x"}, format="json"
    )
    assert denied.status_code == 403


def test_cases_of_one_ministry_are_invisible_from_another(
    in_ministry, staff, client_for, api_client_for, ministry, second_ministry
):
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import user_create
    from tenants.context import ministry_context

    late, _fresh = _cases(staff)
    with ministry_context(second_ministry):
        outsider = user_create(
            username="outsider", password="Xx-2026-pass!", roles=[Role.SYSTEM_ADMIN], actor=None
        )
        client = client_for(second_ministry)
        client.force_login(outsider)
        assert client.get(f"/app/cases/{late.pk}/").status_code == 404
        assert late.reference not in client.get("/app/cases/").content.decode()
        api = api_client_for(second_ministry, user=outsider)
        assert api.get(f"/api/v1/cases/{late.pk}/").status_code == 404
        assert (
            api.post(
                f"/api/v1/cases/{late.pk}/transition/", {"transition": "close"}, format="json"
            ).status_code
            == 404
        )
        assert api.get("/api/v1/cases/").json()["count"] == 0
        assert api.get("/api/v1/complaints/").json() == []
    assert Case.objects.get(pk=late.pk).state == "received"


def test_bell_partial_counts_unread_alerts(in_ministry, staff, client_for, ministry):
    from labourhub.workflow.services import deadline_sweep

    _cases(staff)
    deadline_sweep(today=dt.date(2026, 9, 1))
    client = client_for(ministry)
    client.force_login(staff["inspector"])
    page = client.get("/app/cases/").content.decode()
    # Two "new deadline set" alerts (one per case opened) and the late case's expiry alert.
    assert 'class="bell"' in page and "<b>3</b>" in page


def test_case_list_pages_without_counting(in_ministry, staff, client_for, ministry):
    for i in range(51):
        case_open(
            procedure="complaint", title=f"Bulk {i}", office=staff["inspector"].office, actor=None
        )
    client = client_for(ministry)
    client.force_login(staff["admin"])
    first = client.get("/app/cases/?procedure=complaint").content.decode()
    assert "page=2" in first and "procedure=complaint&amp;page=2" in first
    second = client.get("/app/cases/?procedure=complaint&page=2").content.decode()
    assert second.count("/app/cases/") >= 1 and "page=3" not in second
    assert client.get("/app/cases/?page=abc").status_code == 200
    assert client.get("/app/cases/?page=-5").status_code == 200
