"""The issue's demo: trade-unions active for one ministry (Honduras) and not another (Paraguay)."""

import pytest

from labourhub.accounts.roles import Role
from labourhub.accounts.services import user_create
from labourhub.extensions import flatten, hooks_for
from labourhub.testing.pytest_plugin import TEST_PASSWORD
from tenants.context import ministry_context
from tests.extensions.effects import effect_of

pytestmark = pytest.mark.multi_tenant


@pytest.fixture
def honduras_only(ministry, second_ministry, enable_plugin):
    # "test" is a Honduran ministry (HN), "test2" Paraguayan (PY).
    enable_plugin("trade-unions")
    return ministry, second_ministry


def _admin_client(client_for, target, username):
    client = client_for(target)
    with ministry_context(target):
        user = user_create(
            username=username, password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )
        client.force_login(user)
    return client


@effect_of("register_urls")
def test_pages_answer_200_where_active_and_404_elsewhere(honduras_only, client_for):
    hn, py = honduras_only
    hn_client = _admin_client(client_for, hn, "admin-hn")
    py_client = _admin_client(client_for, py, "admin-py")
    assert hn_client.get("/app/x/trade-unions/").status_code == 200
    assert py_client.get("/app/x/trade-unions/").status_code == 404
    assert py_client.get("/app/x/trade-unions/file/").status_code == 404


@effect_of("register_api_urls")
def test_api_answers_only_where_active(honduras_only, api_client_for):
    hn, py = honduras_only
    with ministry_context(hn):
        a = user_create(
            username="api-hn", password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )
    with ministry_context(py):
        b = user_create(
            username="api-py", password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )
    with ministry_context(hn):
        hn_api = api_client_for(hn, a)
    with ministry_context(py):
        py_api = api_client_for(py, b)
    assert hn_api.get("/api/v1/x/trade-unions/unions/").status_code == 200
    assert py_api.get("/api/v1/x/trade-unions/unions/").status_code == 404


@effect_of("register_menu_items")
def test_menu_shows_the_plugin_only_where_active(honduras_only, client_for):
    hn, py = honduras_only
    hn_page = _admin_client(client_for, hn, "menu-hn").get("/app/").content.decode()
    py_page = _admin_client(client_for, py, "menu-py").get("/app/").content.decode()
    assert 'href="/app/x/trade-unions/"' in hn_page
    assert 'href="/app/x/trade-unions/"' not in py_page


def test_procedures_templates_and_reports_only_where_active(honduras_only):
    hn, py = honduras_only
    for hook in (
        "register_procedure_types",
        "register_document_templates",
        "register_report_definitions",
        "register_indicator_definitions",
    ):
        assert flatten(getattr(hooks_for(hn), hook)(tenant=hn)), hook
        assert flatten(getattr(hooks_for(py), hook)(tenant=py)) == [], hook


def test_procedure_time_limits_follow_the_ministry_config(ministry, enable_plugin):
    enable_plugin("trade-unions", config={"review_days": 10, "decision_days": 20})
    (proc,) = flatten(hooks_for(ministry).register_procedure_types(tenant=ministry))
    limits = {s.code: s.time_limit_days for s in proc.steps}
    # A step's limit runs from the day the case enters it: review, then decision.
    assert limits == {"filed": 10, "reviewed": 20, "registered": None, "refused": None}


def test_anonymous_visitors_are_sent_to_sign_in(honduras_only, client_for):
    hn, _py = honduras_only
    assert client_for(hn).get("/app/x/trade-unions/").status_code == 302
