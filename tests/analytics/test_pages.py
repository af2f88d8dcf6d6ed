"""Dashboards per role, drill-down, exports, hostile filters and tenant isolation."""

import csv
import io

import pytest
from openpyxl import load_workbook

from labourhub.accounts.roles import Role
from labourhub.analytics.exports import safe_cell

PERIOD = "start=2025-01&end=2025-12"


def as_user(client_for, ministry, user):
    client = client_for(ministry)
    client.force_login(user)
    return client


def card_value(response, code):
    for _label, cards in response.context["sections"]:
        for card in cards:
            if card["indicator"].code == code:
                return card["value"]
    for card in response.context.get("cards", []):
        if card["indicator"].code == code:
            return card["value"]
    raise AssertionError(code)


def test_leadership_sees_the_whole_ministry_with_map_and_charts(
    refreshed, client_for, ministry, user_with_role
):
    director = user_with_role(Role.DIRECTOR)
    response = as_user(client_for, ministry, director).get(f"/app/analytics/?{PERIOD}")
    assert response.status_code == 200
    assert response.context["level"] == "ministry"
    assert card_value(response, "inspections_done") == 4
    html = response.content.decode()
    assert "analytics/chart.umd.min.js" in html and "cdn" not in html.lower()
    shapes = {m["shape"].name: m["shown"] for m in response.context["map_shapes"]}
    assert shapes == {"Test region": "3", "Second region": "1"}
    assert "<svg" in html and 'class="region"' in html
    fills = {m["shape"].name: m["shape"].fill for m in response.context["map_shapes"]}
    assert fills["Test region"] != fills["Second region"]  # 3 and 1 fall in different classes


def test_office_head_sees_only_their_office(refreshed, client_for, ministry, user_with_role):
    head = user_with_role(Role.OFFICE_HEAD, office=refreshed["offices"]["dis_b"])
    response = as_user(client_for, ministry, head).get(f"/app/analytics/?{PERIOD}")
    assert response.context["level"] == "office"
    assert card_value(response, "inspections_done") == 1  # I4 only
    # Asking for the other office's region does not widen the scope.
    other = refreshed["offices"]["reg_a"].pk
    response = as_user(client_for, ministry, head).get(f"/app/analytics/?{PERIOD}&region={other}")
    assert card_value(response, "inspections_done") == 0


def test_inspector_sees_own_work_only(refreshed, client_for, ministry):
    response = as_user(client_for, ministry, refreshed["u1"]).get(f"/app/analytics/?{PERIOD}")
    assert response.context["level"] == "own"
    assert card_value(response, "own_inspections") == 2
    drill = as_user(client_for, ministry, refreshed["u1"]).get(
        f"/app/analytics/drill/inspections_done/?{PERIOD}"
    )
    assert drill.status_code == 404  # ministry indicators are not an inspector's


def test_drill_down_from_a_bar_lists_the_counted_cases(
    refreshed, client_for, ministry, user_with_role
):
    client = as_user(client_for, ministry, user_with_role(Role.DIRECTOR))
    dashboard = client.get(f"/app/analytics/?{PERIOD}")
    card = next(
        c
        for _l, cs in dashboard.context["sections"]
        for c in cs
        if c["indicator"].code == "inspections_done"
    )
    planned = next(p for p in card["points"] if p["key"] == "planned")
    response = client.get(planned["url"])
    assert response.status_code == 200
    refs = {row["cells"][0] for row in response.context["table"]}
    assert refs == {"AN-I1", "AN-I4"} and len(refs) == planned["value"]


@pytest.mark.parametrize(
    "query",
    [
        "start=2025-13&end=zz",
        "start=2026-01&end=2025-01",
        "start=1900-01&end=2099-12",
        "region=999999&office=abc&sector=%3Cscript%3E",
        "start=&end=%27%3B--",
    ],
)
def test_hostile_filters_give_a_clear_error_and_a_working_page(
    refreshed, client_for, ministry, user_with_role, query
):
    client = as_user(client_for, ministry, user_with_role(Role.DIRECTOR))
    response = client.get(f"/app/analytics/?{query}")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "<script>" not in response.content.decode()
    api = client.get(f"/app/analytics/drill/violations/?{query}&page=-5&dim=%3Cb%3E")
    assert api.status_code == 200


def test_nul_in_a_filter_is_refused_with_a_translated_400(client_for, ministry, user_with_role):
    # Control characters are refused for the whole site before any view (web.security).
    client = as_user(client_for, ministry, user_with_role(Role.DIRECTOR))
    response = client.get("/app/analytics/?start=%00&end=%27%3B--")
    assert response.status_code == 400
    assert "caracteres de control" in response.content.decode()


def test_hostile_filters_on_the_api_are_400_with_field_errors(
    refreshed, api_client_for, ministry, user_with_role
):
    api = api_client_for(ministry, user=user_with_role(Role.DIRECTOR))
    response = api.get("/api/v1/analytics/indicators/?start=2025-13")
    assert response.status_code == 400
    ok = api.get(f"/api/v1/analytics/indicators/?{PERIOD}").json()
    assert {i["code"]: i["value"] for i in ok}["inspections_done"] == "4.00"


def test_safe_cell_neutralises_formulas_but_keeps_numbers():
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    for bad in ("+1", "-1+2", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(bad) == "'" + bad
    assert safe_cell(-5) == -5 and safe_cell("Art. 10") == "Art. 10"


def test_exports_are_filtered_streamed_and_neutralised(
    refreshed, client_for, ministry, user_with_role
):
    from labourhub.inspections.models import Finding

    Finding.objects.filter(provision="Art. 20 working hours").update(
        provision="=cmd|' /C calc'!A0", description="@SUM(1)"
    )
    from labourhub.analytics.services import summary_refresh

    summary_refresh(full=True)
    client = as_user(client_for, ministry, user_with_role(Role.DIRECTOR))
    response = client.get(f"/app/analytics/drill/violations/export/?{PERIOD}&format=csv")
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 1 + 4  # header + the four violations of 2025
    assert any(r[1] == "'=cmd|' /C calc'!A0" for r in rows[1:])
    assert not any(c.startswith(("=", "@", "+")) for r in rows for c in r)

    response = client.get(f"/app/analytics/export/violations/?{PERIOD}&format=xlsx")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [c.value for row in book.active.iter_rows() for c in row]
    assert "'=cmd|' /C calc'!A0" in values and 4 in values  # the total


def test_another_ministry_sees_none_of_this_ministrys_figures(
    refreshed, client_for, second_ministry, api_client_for
):
    from labourhub.accounts.models import User
    from labourhub.accounts.services import user_create
    from labourhub.analytics.services import summary_refresh
    from tenants.context import ministry_context

    with ministry_context(second_ministry):
        summary_refresh(full=True)
        director = user_create(
            username="dir2",
            password="Test-password-2026",
            office=None,
            roles=[Role.DIRECTOR],
            actor=None,
        )
        client = client_for(second_ministry)
        client.force_login(director)
        response = client.get(f"/app/analytics/?{PERIOD}")
        assert card_value(response, "inspections_done") == 0
        drill = client.get(f"/app/analytics/drill/inspections_done/?{PERIOD}")
        assert drill.context["table"] == []
        csv_text = b"".join(
            client.get(
                f"/app/analytics/drill/inspections_done/export/?{PERIOD}&format=csv"
            ).streaming_content
        ).decode()
        assert "AN-I1" not in csv_text
        api = api_client_for(second_ministry, user=director)
        values = {
            i["code"]: i["value"] for i in api.get(f"/api/v1/analytics/indicators/?{PERIOD}").json()
        }
        assert values["inspections_done"] == "0.00"
        report = api.get("/api/v1/analytics/reports/ilo_c81/?period=2025").json()
        assert report["rows"] and all(r[1] in ("0", "") for r in report["rows"])
        # A user of the first ministry cannot even be addressed here.
        u1_pk = refreshed["u1"].pk
        assert not User.objects.filter(username="insp_one").exists()
        assert client.get(f"/app/analytics/performance/{u1_pk}/").status_code in (403, 404)
    # A session from the first ministry is not valid on the second's host.
    first = client_for(second_ministry)
    first.force_login(refreshed["u1"])
    assert first.get("/app/analytics/").status_code in (302, 403, 404)
