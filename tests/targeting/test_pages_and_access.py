"""Who sees scores: planners in their area only; never inspectors, employers, the portal or
the API; never another ministry."""

import re

import pytest

from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_create
from labourhub.targeting.models import RiskModelVersion, RiskScore
from tenants.context import ministry_context
from tests.targeting.conftest import generate, train_and_activate


@pytest.fixture
def ranked(regions):
    generate(regions, n=500, signal=True)
    return train_and_activate("learned")


def _client(client_for, ministry, user):
    client = client_for(ministry)
    client.force_login(user)
    return client


def _names(page):
    return {line for line in re.split(r"<td[^>]*>", page) if "Workplace" in line}


def test_the_ranking_lists_scores_bands_and_reasons_with_filters(
    ranked, user_with_role, client_for, ministry, regions
):
    client = _client(client_for, ministry, user_with_role(Role.DIRECTOR))
    page = client.get("/app/targeting/").content.decode()
    top = (
        RiskScore.objects.filter(version=ranked).order_by("rank").select_related("establishment")[0]
    )
    assert top.establishment.name in page and "High" in page
    assert "planning aid" in page
    north, _d = regions["north"]
    filtered = client.get("/app/targeting/", {"region": north.pk, "size_band": "large"})
    shown = filtered.context["page"].object_list
    assert shown and all(
        s.establishment.office.parent_id == north.pk and s.establishment.size_band == "large"
        for s in shown
    )
    sector = client.get("/app/targeting/", {"sector": "F"}).context["page"].object_list
    assert sector and all(s.establishment.isic_code == "4100" for s in sector)


def test_hostile_filters_are_ignored_not_executed(ranked, user_with_role, client_for, ministry):
    client = _client(client_for, ministry, user_with_role(Role.DIRECTOR))
    for params in (
        {"region": "1 OR 1=1"},
        {"sector": "<script>alert(1)</script>"},
        {"size_band": "x" * 5000, "page": "-1"},
        {"region": "99999999999999999999999"},
        {"sector": "C'; DROP TABLE targeting_riskscore; --"},
    ):
        response = client.get("/app/targeting/", params)
        assert response.status_code == 200
        assert "<script>alert(1)" not in response.content.decode()
    assert RiskScore.objects.filter(version=ranked).exists()


def test_a_regional_supervisor_sees_only_their_region(
    ranked, user_with_role, client_for, ministry, regions
):
    _north, north_district = regions["north"]
    south, _sd = regions["south"]
    supervisor = user_with_role(Role.SUPERVISOR, office=north_district)
    client = _client(client_for, ministry, supervisor)
    shown = []
    for n in (1, 2, 3):
        shown += list(client.get("/app/targeting/", {"page": n}).context["page"].object_list)
    assert shown and {s.establishment.office_id for s in shown} == {north_district.pk}
    # Asking for the other region's ranking gives nothing, not the other region.
    assert not client.get("/app/targeting/", {"region": south.pk}).context["page"].object_list
    southern = RiskScore.objects.filter(version=ranked, establishment__office__parent=south).first()
    assert (
        client.get(f"/app/targeting/establishments/{southern.establishment_id}/").status_code == 404
    )
    page = client.get(f"/app/establishments/{southern.establishment_id}/").content.decode()
    assert "Inspection priority" not in page


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.EMPLOYER, Role.CLERK, Role.LEGAL_OFFICER])
def test_roles_without_the_right_never_see_a_score(
    ranked, user_with_role, client_for, ministry, role
):
    user = user_with_role(role)
    client = _client(client_for, ministry, user)
    assert client.get("/app/targeting/").status_code in (403, 302)
    score = RiskScore.objects.filter(version=ranked).first()
    assert client.get(f"/app/targeting/establishments/{score.establishment_id}/").status_code in (
        403,
        302,
    )
    if role != Role.EMPLOYER:
        page = client.get(f"/app/establishments/{score.establishment_id}/").content.decode()
        assert "Inspection priority" not in page and "Main reasons" not in page


def test_only_the_director_trains_and_switches_models(ranked, user_with_role, client_for, ministry):
    for role in (Role.SUPERVISOR, Role.ANALYST, Role.OFFICE_HEAD):
        client = _client(client_for, ministry, user_with_role(role))
        assert client.get("/app/targeting/").status_code == 200
        assert client.get("/app/targeting/models/").status_code == 403
        assert client.post(f"/app/targeting/models/{ranked.pk}/").status_code == 403


def test_the_api_and_the_portal_never_carry_a_score(
    ranked, user_with_role, api_client_for, client_for, ministry
):
    from django.urls import URLResolver, get_resolver

    def routes(resolver, prefix=""):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                yield from routes(entry, prefix + str(entry.pattern))
            else:
                yield prefix + str(entry.pattern)

    api = [r for r in routes(get_resolver("labourhub.config.urls_tenant")) if r.startswith("api/")]
    assert len(api) > 40
    assert not [r for r in api if "risk" in r or "targeting" in r]
    score = RiskScore.objects.filter(version=ranked).order_by("rank").first()
    api = api_client_for(ministry, user_with_role(Role.DIRECTOR))
    body = api.get(f"/api/v1/registry/establishments/{score.establishment_id}/").json()
    assert body["registration_number"] == score.establishment.registration_number
    assert not {"score", "risk_score", "band", "rank", "reasons"} & set(body)
    assert f"{score.score:.4f}" not in str(body)
    portal = client_for(ministry).get("/portal/complaints/").content.decode()
    assert "priority" not in portal.lower() and "score" not in portal.lower()


@pytest.mark.multi_tenant
def test_another_ministry_reaches_none_of_it(
    ranked, user_with_role, client_for, ministry, second_ministry
):
    director = user_with_role(Role.DIRECTOR)
    score = RiskScore.objects.filter(version=ranked).first()
    # A's session on B's host is not a B session.
    mine = _client(client_for, ministry, director)
    stray = client_for(second_ministry)
    stray.cookies["sessionid"] = mine.cookies["sessionid"].value
    for path in (
        "/app/targeting/",
        f"/app/targeting/models/{ranked.pk}/",
        "/app/targeting/draw/",
        f"/app/targeting/establishments/{score.establishment_id}/",
    ):
        response = stray.get(path)
        assert response.status_code == 404 or "/app/login/" in response.get("Location", "")
    with ministry_context(second_ministry):
        assert not RiskModelVersion.objects.exists() and not RiskScore.objects.exists()
        other = user_create(
            username="dir-b-risk", password="Xx-2026-pass!b", roles=[Role.DIRECTOR], actor=None
        )
        client = _client(client_for, second_ministry, other)
    page = client.get("/app/targeting/")
    assert page.status_code == 200 and "No risk model is switched on yet" in page.content.decode()
    assert client.get(f"/app/targeting/models/{ranked.pk}/").status_code == 404
    assert client.get(f"/app/targeting/establishments/{score.establishment_id}/").status_code == 404


def test_hostile_ids_in_paths_answer_404(ranked, user_with_role, client_for, ministry):
    client = _client(client_for, ministry, user_with_role(Role.DIRECTOR))
    for path in (
        "/app/targeting/establishments/99999999999999999999999/",
        "/app/targeting/models/99999999999999999999999/",
        "/app/targeting/establishments/0/",
        "/app/targeting/models/0/",
    ):
        assert client.get(path).status_code == 404, path
    assert client.post("/app/targeting/models/99999999999999999999999/").status_code == 404


def test_the_ranking_page_costs_the_same_queries_whatever_the_page(
    ranked, user_with_role, client_for, ministry
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client(client_for, ministry, user_with_role(Role.DIRECTOR))
    counts = []
    for params in ({"page": "1", "region": "999"}, {"page": "2", "size_band": "small"}):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/app/targeting/", params)
        counts.append(sum(1 for q in ctx.captured_queries if not q["sql"].startswith("SET ")))
    assert len(response.context["rows"]) == 50
    assert counts[1] - counts[0] <= 1, counts  # 50 rows cost no more than none
    assert counts[1] <= 16, counts
