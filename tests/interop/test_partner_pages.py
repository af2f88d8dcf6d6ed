"""Staff pages for partner systems: register, hostile input, refusals, other ministries."""

import pytest
from oauth2_provider.models import Application

from labourhub.accounts.roles import Role
from labourhub.interop.models import PartnerClient


def test_the_administrator_registers_a_partner_and_sees_the_secret_once(
    in_ministry, ministry, register, client_for, token_for
):
    browser = client_for(ministry)
    browser.force_login(register.admin)
    assert "No partner system is registered yet." in browser.get("/app/partners/").content.decode()
    response = browser.post(
        "/app/partners/",
        {
            "name": "Statistics office",
            "contact": "ict@ine.example",
            "allowed_scopes": ["cases:read"],
        },
    )
    page = response.content.decode()
    partner = PartnerClient.objects.get()
    assert partner.application.client_id in page
    assert "cannot be shown again" in page
    secret = page.split('id="client-secret">')[1].split("<")[0]

    class Creds:
        client_id = partner.application.client_id
        client_secret = secret

    assert token_for(ministry, Creds).status_code == 200
    detail = browser.get(f"/app/partners/{partner.pk}/").content.decode()
    assert secret not in detail and "Replace the secret" in detail
    assert "Read cases" in detail and "cases:read" not in detail  # labels, not codes
    browser.post(f"/app/partners/{partner.pk}/suspend/")
    assert PartnerClient.objects.get().status == "suspended"
    assert token_for(ministry, Creds).status_code == 401


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "contact": "x", "allowed_scopes": ["cases:read"]}, "This field is required"),
        ({"name": "A", "contact": "x", "allowed_scopes": ["cases:write"]}, "not one of"),
        ({"name": "A", "contact": "x", "allowed_scopes": []}, "This field is required"),
        (
            {"name": "\u200b\u200b", "contact": "x", "allowed_scopes": ["cases:read"]},
            "Give the partner system a name.",
        ),
        ({"name": "A" * 500, "contact": "x", "allowed_scopes": ["cases:read"]}, "at most 200"),
    ],
)
def test_hostile_registration_is_refused_with_a_message_and_saves_nothing(
    in_ministry, ministry, register, client_for, data, message
):
    browser = client_for(ministry)
    browser.force_login(register.admin)
    response = browser.post("/app/partners/", data)
    assert response.status_code == 200
    assert message.lower() in response.content.decode().lower()
    assert not PartnerClient.objects.exists() and not Application.objects.exists()


def test_hostile_registration_through_the_service_saves_nothing(in_ministry, register):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        register(["cases:read", "users:write"])
    assert "Unknown scope: users:write." in str(refused.value)
    assert not PartnerClient.objects.exists() and not Application.objects.exists()


def test_only_the_administrator_manages_partners(in_ministry, ministry, staff, client_for):
    browser = client_for(ministry)
    browser.force_login(staff["director"])
    assert browser.get("/app/partners/").status_code == 403
    assert browser.post("/app/partners/", {"name": "X"}).status_code == 403


@pytest.mark.multi_tenant
def test_another_ministrys_administrator_cannot_see_or_touch_a_partner(
    ministry, second_ministry, in_ministry, register, client_for, user_with_role
):
    partner = register().partner
    from tenants.context import ministry_context

    browser = client_for(second_ministry)
    with ministry_context(second_ministry):
        other_admin = user_with_role(Role.SYSTEM_ADMIN, username="otheradmin")
        browser.force_login(other_admin)
    assert browser.get(f"/app/partners/{partner.pk}/").status_code == 404
    assert browser.post(f"/app/partners/{partner.pk}/suspend/").status_code == 404
    assert "Social security" not in browser.get("/app/partners/").content.decode()
    assert PartnerClient.objects.get().status == "active"
