import pytest

from labourhub.accounts.models import User
from labourhub.accounts.roles import Role
from labourhub.accounts.services import USER_DEPARTED_FINAL, user_deactivate, user_reactivate
from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError


def test_deactivation_ends_open_session_and_token_on_next_request(
    client_for, api_client_for, ministry, user_with_role
):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    leaver = user_with_role(Role.SUPERVISOR)
    browser = client_for(ministry)
    browser.force_login(leaver)
    api = api_client_for(ministry, leaver)
    assert browser.get("/app/").status_code == 200
    assert api.get("/api/v1/me/").status_code == 200

    user_deactivate(user=leaver, actor=admin, reason="retired")

    assert browser.get("/app/").status_code == 302
    assert api.get("/api/v1/me/").status_code == 401
    leaver.refresh_from_db()
    assert leaver.status == User.Status.DEPARTED and not leaver.is_active
    event = AuditEvent.objects.get(action="user.deactivated", subject_id=str(leaver.pk))
    assert event.actor_id == admin.pk and event.extra["values"]["reason"] == "retired"


def test_departed_user_can_never_be_reactivated(in_ministry, user_with_role):
    user = user_with_role(Role.CLERK)
    user_deactivate(user=user, actor=None)
    with pytest.raises(ApplicationError) as exc:
        user_reactivate(user=user, actor=None)
    assert exc.value.message == USER_DEPARTED_FINAL


def test_database_refuses_an_active_departed_user(in_ministry, user_with_role):
    from django.db import IntegrityError, transaction

    user = user_with_role(Role.CLERK)
    user_deactivate(user=user, actor=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=user.pk).update(is_active=True)


def test_suspended_user_can_be_reactivated(in_ministry, user_with_role):
    user = user_with_role(Role.CLERK)
    user_deactivate(user=user, actor=None, departed=False)
    user_reactivate(user=user, actor=None)
    user.refresh_from_db()
    assert user.is_active


def test_admin_deactivates_from_the_users_page(client_for, ministry, user_with_role):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    target = user_with_role(Role.CLERK)
    client = client_for(ministry)
    client.force_login(admin)
    response = client.post(f"/app/users/{target.pk}/deactivate/", {"reason": "left"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert not target.is_active
