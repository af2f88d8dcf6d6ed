"""An administrator deactivates many users at once: confirm first, then one outcome per user."""

import pytest
from django.utils import translation
from rest_framework.authtoken.models import Token

from labourhub.accounts.models import User
from labourhub.audit.models import AuditEvent
from tenants.context import ministry_context

URL = "/app/users/deactivate/"


@pytest.fixture
def admin_client(client_for, ministry, user_with_role):
    admin = user_with_role("system_admin", username="admin.bulk")
    client = client_for(ministry)
    client.force_login(admin)
    return client, admin


def test_confirm_then_deactivate_each_and_report_each(admin_client, user_with_role):
    client, admin = admin_client
    leaving = [user_with_role("inspector", username=f"leaving{n}") for n in (1, 2)]
    Token.objects.create(user=leaving[0])
    ids = [str(u.pk) for u in [*leaving, admin]]

    confirm = client.post(URL, {"user": ids})
    assert confirm.status_code == 200
    # The test ministry speaks Spanish: the warning and the outcomes are in Spanish.
    assert "No se puede deshacer" in confirm.content.decode()
    assert User.objects.filter(pk__in=[u.pk for u in leaving], is_active=True).count() == 2

    done = client.post(URL, {"user": ids, "confirm": "yes", "reason": "Contract ended"})
    page = done.content.decode()
    assert done.status_code == 200
    assert page.count("Ya no puede iniciar sesión.") == 2
    assert "No puede desactivar su propia cuenta." in page
    assert not User.objects.filter(pk__in=[u.pk for u in leaving], is_active=True).exists()
    assert User.objects.get(pk=admin.pk).is_active
    assert not Token.objects.filter(user=leaving[0]).exists()
    events = AuditEvent.objects.filter(action="user.deactivated", actor_id=admin.pk)
    assert events.count() == 2
    assert {e.extra["values"]["reason"] for e in events} == {"Contract ended"}


@pytest.mark.parametrize(
    "hostile",
    [[], ["abc"], ["1;DROP TABLE accounts_user"], ["9" * 40], ["-1"], ["1\x00"]],
)
def test_hostile_selections_get_a_translated_error_and_change_nothing(admin_client, hostile):
    client, _admin = admin_client
    active = User.objects.filter(is_active=True).count()
    with translation.override("es"):
        response = client.post(URL, {"user": hostile, "confirm": "yes"}, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    assert User.objects.filter(is_active=True).count() == active


def test_a_user_of_another_ministry_cannot_be_reached(admin_client, second_ministry):
    client, _admin = admin_client
    with ministry_context(second_ministry):
        other = User.objects.create(username="other.ministry.user")
    response = client.post(URL, {"user": [str(other.pk)], "confirm": "yes"})
    # The id means nothing in this ministry (or names one of its own users, never the other's).
    with ministry_context(second_ministry):
        assert User.objects.get(username="other.ministry.user").is_active
    assert response.status_code in (200, 400)


def test_only_user_managers_may_deactivate(client_for, ministry, user_with_role):
    supervisor = user_with_role("supervisor")
    target = user_with_role("inspector")
    client = client_for(ministry)
    client.force_login(supervisor)
    response = client.post(URL, {"user": [str(target.pk)], "confirm": "yes"})
    assert response.status_code == 403
    assert User.objects.get(pk=target.pk).is_active


def test_the_user_list_offers_the_bulk_action(admin_client, user_with_role):
    client, admin = admin_client
    other = user_with_role("inspector", username="listed.user")
    page = client.get("/app/users/").content.decode()
    assert f'value="{other.pk}" form="bulk"' in page
    assert f'value="{admin.pk}" form="bulk"' not in page  # never one's own account
