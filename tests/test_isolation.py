"""A ministry can never see or touch another ministry's data (the absolute rule)."""

import pytest

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Role
from labourhub.accounts.services import office_create
from labourhub.testing.pytest_plugin import TEST_PASSWORD
from tenants.context import ministry_context

pytestmark = pytest.mark.multi_tenant


def test_a_row_created_in_one_schema_is_invisible_from_another(ministry, second_ministry):
    with ministry_context(ministry):
        office_create(code="ONLY-A", name="Only in A", level="region", actor=None)
        assert Office.objects.filter(code="ONLY-A").exists()
    with ministry_context(second_ministry):
        assert not Office.objects.filter(code="ONLY-A").exists()


def test_token_of_one_ministry_is_rejected_by_another(
    ministry, second_ministry, user_with_role, api_client_for
):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    api_a = api_client_for(ministry, admin)
    token = api_a._credentials["HTTP_AUTHORIZATION"]
    assert api_a.get("/api/v1/users/").status_code == 200
    api_b = api_client_for(second_ministry)
    api_b.credentials(HTTP_AUTHORIZATION=token)
    for path in ("/api/v1/me/", "/api/v1/users/", "/api/v1/audit/events/"):
        assert api_b.get(path).status_code == 401, path
    assert api_b.post(f"/api/v1/users/{admin.pk}/deactivate/", {}).status_code == 401


def test_admin_of_another_ministry_cannot_reach_this_ministrys_users(
    ministry, second_ministry, user_with_role, api_client_for
):
    victim = user_with_role(Role.INSPECTOR, username="victim-in-a")
    with ministry_context(second_ministry):
        from labourhub.accounts.services import user_create

        admin_b = user_create(
            username="admin-b", password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )
        api_b = api_client_for(second_ministry, admin_b)
        listing = api_b.get("/api/v1/users/").json()
        assert "victim-in-a" not in {u["username"] for u in listing["results"]}
        audit_b = api_b.get("/api/v1/audit/events/?actor=victim-in-a").json()
        assert audit_b["count"] == 0
        # the victim's id may exist in B for another person; deactivating by id must not touch A
        api_b.post(f"/api/v1/users/{victim.pk}/deactivate/", {})
    victim.refresh_from_db()
    assert victim.is_active


def test_staff_web_session_of_one_ministry_is_not_valid_in_another(
    client_for, ministry, second_ministry, user_with_role
):
    user = user_with_role(Role.SYSTEM_ADMIN)
    client = client_for(ministry)
    client.force_login(user)
    assert client.get("/app/").status_code == 200
    cookie = client.cookies["sessionid"].value
    other = client_for(second_ministry)
    other.cookies["sessionid"] = cookie
    assert other.get("/app/").status_code == 302
    assert other.get("/app/users/").status_code == 302


def test_public_schema_has_no_ministry_staff(db, user_with_role):
    user_with_role(Role.INSPECTOR, username="staff-only-in-test")
    from tenants.context import public_context

    with public_context():
        assert not User.objects.filter(username="staff-only-in-test").exists()
