from labourhub.accounts.models import User
from labourhub.accounts.roles import Role
from labourhub.audit.models import AuditEvent


def test_menu_is_role_aware(client_for, ministry, user_with_role):
    admin, inspector = user_with_role(Role.SYSTEM_ADMIN), user_with_role(Role.INSPECTOR)
    client = client_for(ministry)
    client.force_login(admin)
    page = client.get("/app/").content.decode()
    assert 'href="/app/users/"' in page and 'href="/app/audit/"' in page
    client.force_login(inspector)
    page = client.get("/app/").content.decode()
    assert 'href="/app/users/"' not in page and 'href="/app/audit/"' not in page


def test_dashboard_shows_real_counts(client_for, ministry, user_with_role, in_ministry):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    client = client_for(ministry)
    client.force_login(admin)
    page = client.get("/app/").content.decode()
    active = User.objects.filter(is_active=True).count()
    assert f'<span class="num">{active}</span>' in page


def test_audit_page_filters_by_user(client_for, ministry, user_with_role):
    admin = user_with_role(Role.SYSTEM_ADMIN, username="auditor-x")
    client = client_for(ministry)
    client.force_login(admin)
    client.get("/app/account/?totp=start")  # writes user.totp_started by auditor-x
    page = client.get("/app/audit/?actor=auditor-x").content.decode()
    assert "Configuración de verificación en dos pasos iniciada" in page
    page = client.get("/app/audit/?actor=nobody-at-all").content.decode()
    assert "No se registró ningún cambio" in page or "empty" in page


def test_audit_page_rejects_bad_filters_with_a_translated_error(
    client_for, ministry, user_with_role
):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    client = client_for(ministry)
    client.force_login(admin)
    response = client.get("/app/audit/?date_from=2026-13-45&date_to=zzz")
    assert response.status_code == 400
    assert "Introduzca una fecha válida" in response.content.decode()
    response = client.get("/app/audit/?date_from=2026-05-02&date_to=2026-05-01")
    assert response.status_code == 400


def test_audit_page_htmx_returns_only_rows(client_for, ministry, user_with_role):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    client = client_for(ministry)
    client.force_login(admin)
    response = client.get("/app/audit/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.content.decode()


def test_user_form_hostile_input_keeps_nothing(client_for, ministry, user_with_role, in_ministry):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    client = client_for(ministry)
    client.force_login(admin)
    before = (User.objects.count(), AuditEvent.objects.count())
    response = client.post(
        "/app/users/", {"username": "ok.name", "role": "inspector", "password": "password"}
    )
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()
    assert 'value="ok.name"' in response.content.decode()  # what was typed is kept
    response = client.post("/app/users/", {"username": "<b>x</b>", "role": "god", "password": ""})
    assert response.status_code == 400
    assert (User.objects.count(), AuditEvent.objects.count()) == before


def test_user_form_creates_a_user(client_for, ministry, user_with_role, in_ministry):
    admin = user_with_role(Role.SYSTEM_ADMIN)
    client = client_for(ministry)
    client.force_login(admin)
    response = client.post(
        "/app/users/", {"username": "nuevo", "role": "clerk", "password": "Contraseña-segura-2026"}
    )
    assert response.status_code == 302
    assert User.objects.get(username="nuevo").role_grants.get().role == "clerk"


def test_totp_setup_rejects_a_wrong_code(client_for, ministry, user_with_role):
    user = user_with_role(Role.INSPECTOR)
    client = client_for(ministry)
    client.force_login(user)
    page = client.get("/app/account/?totp=start")
    assert "<svg" in page.content.decode()
    response = client.post("/app/account/", {"token": "000000"})
    assert response.status_code == 400


def test_totp_required_after_setup(client_for, ministry, user_with_role):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from labourhub.testing.pytest_plugin import TEST_PASSWORD

    user = user_with_role(Role.INSPECTOR)
    client = client_for(ministry)
    client.force_login(user)
    client.get("/app/account/?totp=start")
    device = TOTPDevice.objects.get(user=user)
    code = f"{totp(device.bin_key):06d}"
    assert client.post("/app/account/", {"token": code}).status_code == 302
    fresh = client_for(ministry)
    response = fresh.post("/app/login/", {"username": user.username, "password": TEST_PASSWORD})
    assert response["Location"] == "/app/login/otp/"
    assert fresh.get("/app/").status_code == 302  # password alone is not enough
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    code = f"{totp(device.bin_key):06d}"
    assert fresh.post("/app/login/otp/", {"token": code}).status_code == 302
    assert fresh.get("/app/").status_code == 200


def test_public_home_lists_ministries(client, db):
    response = client.get("/", HTTP_HOST="localhost")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Test Ministry of Labour" in body and "Second Test Ministry" in body
    assert "Template" not in body


def test_ministry_public_site_is_served(client_for, ministry):
    response = client_for(ministry).get("/", follow=True)
    assert response.status_code == 200
    assert "Test Ministry of Labour" in response.content.decode()


def test_every_core_menu_item_resolves_on_a_ministry_host(in_ministry):
    # The menu leaves out names a URLconf lacks (so the apex host works); on a ministry host a
    # missing name would be a typo, not a design choice.
    from django.urls import reverse

    from labourhub.web.menu import CORE_ITEMS

    for _label, name, _suffix, _action, _group in CORE_ITEMS:
        if name and not name.startswith("console:"):
            reverse(name, urlconf="labourhub.config.urls_tenant")
