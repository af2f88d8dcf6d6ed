"""Individual performance: only the inspector and their supervisor; every access audited."""

import pytest

from labourhub.accounts.roles import Role
from labourhub.analytics.services import analytics_settings_update
from labourhub.audit.models import AuditEvent


def viewed_events():
    return AuditEvent.objects.filter(action="performance.viewed")


def login(client_for, ministry, user):
    client = client_for(ministry)
    client.force_login(user)
    return client


def test_inspector_sees_own_performance_and_it_is_audited(refreshed, client_for, ministry):
    u1 = refreshed["u1"]
    response = login(client_for, ministry, u1).get(
        f"/app/analytics/performance/{u1.pk}/?start=2025-01&end=2025-12"
    )
    assert response.status_code == 200
    assert response.context["data"]["inspections"] == 2  # I1, I2 in 2025
    event = viewed_events().get()
    assert event.actor_id == u1.pk and event.extra["values"]["inspector"] == u1.pk


def test_inspector_cannot_see_another_inspectors_performance_by_ui_or_api(
    refreshed, client_for, api_client_for, ministry
):
    u1, u2 = refreshed["u1"], refreshed["u2"]
    response = login(client_for, ministry, u1).get(f"/app/analytics/performance/{u2.pk}/")
    assert response.status_code == 403
    api = api_client_for(ministry, user=u1)
    assert api.get(f"/api/v1/analytics/performance/{u2.pk}/").status_code == 403
    assert not viewed_events().exists()  # a refused look is not a look
    assert login(client_for, ministry, u1).get("/app/analytics/team/").context["ranking"] is None


def test_supervisor_sees_their_inspector_and_the_view_is_audited(
    refreshed, client_for, api_client_for, ministry, user_with_role
):
    boss = user_with_role(Role.SUPERVISOR, office=refreshed["offices"]["dis_a"])
    u2 = refreshed["u2"]
    response = login(client_for, ministry, boss).get(
        f"/app/analytics/performance/{u2.pk}/?start=2025-01&end=2025-12"
    )
    assert response.status_code == 200
    assert response.context["data"]["inspections"] == 2  # I3, I4
    api = api_client_for(ministry, user=boss)
    body = api.get(f"/api/v1/analytics/performance/{u2.pk}/?start=2025-01&end=2025-12").json()
    assert body["inspections"] == "2.00"
    events = list(viewed_events().order_by("id"))
    assert [(e.actor_id, e.extra["values"]["inspector"]) for e in events] == [(boss.pk, u2.pk)] * 2


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.SYSTEM_ADMIN, Role.ANALYST])
def test_leadership_does_not_see_individual_performance(
    refreshed, client_for, ministry, user_with_role, role
):
    other = user_with_role(role)
    u1 = refreshed["u1"]
    assert (
        login(client_for, ministry, other).get(f"/app/analytics/performance/{u1.pk}/").status_code
        == 403
    )


def test_supervisor_of_another_office_is_refused(refreshed, client_for, ministry, user_with_role):
    boss = user_with_role(Role.SUPERVISOR, office=refreshed["offices"]["dis_b"])
    u1 = refreshed["u1"]
    assert (
        login(client_for, ministry, boss).get(f"/app/analytics/performance/{u1.pk}/").status_code
        == 403
    )


def test_ministry_can_turn_ranking_off(refreshed, client_for, ministry, user_with_role):
    boss = user_with_role(Role.SUPERVISOR, office=refreshed["offices"]["dis_a"])
    client = login(client_for, ministry, boss)
    ranking = client.get("/app/analytics/team/?start=2025-01&end=2025-12").context["ranking"]
    assert [(u.username, int(v)) for u, v in ranking] == [("insp_one", 2), ("insp_two", 2)]
    assert viewed_events().filter(extra__values__what="office_ranking").count() == 1

    analytics_settings_update(actor=None, ranking_enabled=False, min_wage_patterns=[])
    response = client.get("/app/analytics/team/")
    assert response.context["ranking"] is None
    assert (
        "turned individual ranking off" in response.content.decode()
        or response.context["ranking_enabled"] is False
    )
    assert AuditEvent.objects.filter(action="analytics.settings_updated").count() == 1
