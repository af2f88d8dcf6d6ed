import pytest

from labourhub.accounts.models import User
from labourhub.accounts.roles import Role
from labourhub.audit.models import AuditEvent
from labourhub.testing.pytest_plugin import TEST_PASSWORD


@pytest.fixture
def admin_api(ministry, user_with_role, api_client_for):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    return api_client_for(ministry, admin)


def test_token_login_and_me(ministry, user_with_role, api_client_for):
    user = user_with_role(Role.LEGAL_OFFICER)
    api = api_client_for(ministry)
    response = api.post(
        "/api/v1/auth/token/", {"username": user.username, "password": TEST_PASSWORD}, format="json"
    )
    assert response.status_code == 200
    api.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    me = api.get("/api/v1/me/").json()
    assert me["username"] == user.username and me["roles"] == ["legal_officer"]


def test_token_login_with_bad_credentials_is_refused(ministry, api_client_for):
    response = api_client_for(ministry).post(
        "/api/v1/auth/token/", {"username": "nobody", "password": "x"}, format="json"
    )
    assert response.status_code in (401, 403)
    assert response.json()["message"]


def test_anonymous_requests_are_denied(ministry, api_client_for):
    assert api_client_for(ministry).get("/api/v1/users/").status_code == 401


def test_worker_portal_role_cannot_use_staff_api(ministry, user_with_role, api_client_for):
    worker = user_with_role(Role.WORKER)
    assert api_client_for(ministry, worker).get("/api/v1/me/").status_code == 403


def test_admin_creates_a_user(admin_api, in_ministry):
    response = admin_api.post(
        "/api/v1/users/create/",
        {
            "username": "new.inspector",
            "password": "Another-strong-2026",
            "roles": ["inspector"],
            "office": None,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    user = User.objects.get(username="new.inspector")
    assert AuditEvent.objects.filter(action="user.created", subject_id=str(user.pk)).exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"username": "a", "password": "Another-strong-2026", "roles": ["inspector"]}, "username"),
        (
            {"username": "<script>", "password": "Another-strong-2026", "roles": ["inspector"]},
            "username",
        ),
        ({"username": "ok.user", "password": "123", "roles": ["inspector"]}, "password"),
        ({"username": "ok.user", "password": "Another-strong-2026", "roles": []}, "roles"),
        ({"username": "ok.user", "password": "Another-strong-2026", "roles": ["emperor"]}, "roles"),
        (
            {
                "username": "ok.user",
                "password": "Another-strong-2026",
                "roles": ["inspector"],
                "office": "NOPE",
            },
            "office",
        ),
        (
            {
                "username": "ok.user",
                "password": "Another-strong-2026",
                "roles": ["inspector"],
                "email": "not-an-email",
            },
            "email",
        ),
    ],
)
def test_hostile_user_input_gets_field_errors_and_writes_nothing(
    admin_api, in_ministry, payload, field
):
    users, events = User.objects.count(), AuditEvent.objects.count()
    response = admin_api.post("/api/v1/users/create/", payload, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["message"] and field in body["extra"]["fields"]
    assert User.objects.count() == users
    assert AuditEvent.objects.count() == events


def test_duplicate_username_is_refused(admin_api, in_ministry, user_with_role):
    existing = user_with_role(Role.CLERK)
    response = admin_api.post(
        "/api/v1/users/create/",
        {
            "username": existing.username.upper(),
            "password": "Another-strong-2026",
            "roles": ["clerk"],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "username" in response.json()["extra"]["fields"]


def test_malformed_json_gets_a_clear_error(admin_api):
    response = admin_api.generic(
        "POST", "/api/v1/users/create/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["message"]


def test_self_deactivation_is_refused(ministry, user_with_role, api_client_for):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    api = api_client_for(ministry, admin)
    response = api.post(f"/api/v1/users/{admin.pk}/deactivate/", {}, format="json")
    assert response.status_code == 409
    admin.refresh_from_db()
    assert admin.is_active


def test_user_list_query_count_does_not_grow_with_users(admin_api, in_ministry, user_with_role):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert admin_api.get("/api/v1/users/").status_code == 200
        return len(ctx.captured_queries)

    user_with_role(Role.INSPECTOR)
    few = queries()
    for _ in range(6):
        user_with_role(Role.INSPECTOR)
    assert queries() == few


def test_audit_api_filters_and_rejects_bad_dates(admin_api):
    assert admin_api.get("/api/v1/audit/events/?action=user.").status_code == 200
    response = admin_api.get("/api/v1/audit/events/?date_from=yesterday")
    assert response.status_code == 400
    assert "date_from" in response.json()["extra"]["fields"]


def test_openapi_schema_lists_the_endpoints(ministry, api_client_for):
    schema = api_client_for(ministry).get("/api/v1/schema/?format=json").json()
    assert "/api/v1/users/create/" in schema["paths"]
    assert "/api/v1/audit/events/" in schema["paths"]
