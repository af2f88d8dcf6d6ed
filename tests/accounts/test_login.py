import pytest
from django.conf import settings

from labourhub.accounts.roles import Role
from labourhub.testing.pytest_plugin import TEST_PASSWORD


def test_login_page_speaks_the_ministry_default_language(client_for, ministry):
    response = client_for(ministry).get("/app/login/")
    assert response.status_code == 200
    assert response["Content-Language"] == "es"
    assert "Iniciar sesión" in response.content.decode()
    assert '<html lang="es">' in response.content.decode()


def test_language_switcher_changes_the_language(client_for, ministry):
    client = client_for(ministry)
    response = client.post("/app/language/", {"language": "fr", "next": "/app/login/"})
    assert response.status_code == 302
    assert response["Location"] == "/app/login/"
    page = client.get("/app/login/")
    assert page["Content-Language"] == "fr"
    assert "Se connecter" in page.content.decode()


def test_language_switcher_refuses_unknown_language_and_offsite_redirect(client_for, ministry):
    client = client_for(ministry)
    response = client.post("/app/language/", {"language": "xx", "next": "//evil.example/"})
    assert response["Location"] == "/"
    assert client.get("/app/login/")["Content-Language"] == "es"


def test_staff_sign_in_and_see_their_dashboard(client_for, ministry, user_with_role):
    user = user_with_role(Role.SUPERVISOR)
    client = client_for(ministry)
    response = client.post("/app/login/", {"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 302
    page = client.get("/app/")
    assert page.status_code == 200
    assert user.username in page.content.decode()


def test_wrong_password_many_times_locks_the_account(client_for, ministry, user_with_role):
    user = user_with_role(Role.INSPECTOR)
    client = client_for(ministry)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/app/login/", {"username": user.username, "password": "wrong"})
        assert response.status_code == 200
        assert "nombre de usuario y clave correctos" in response.content.decode()
    response = client.post("/app/login/", {"username": user.username, "password": "wrong"})
    assert response.status_code == 429
    assert "bloqueada" in response.content.decode()
    # even the right password is refused while locked
    response = client.post("/app/login/", {"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert client.get("/app/").status_code == 302


def test_user_of_one_ministry_cannot_sign_in_to_another(
    client_for, ministry, second_ministry, user_with_role
):
    user = user_with_role(Role.SYSTEM_ADMIN, username="only-in-first")
    client = client_for(second_ministry)
    response = client.post("/app/login/", {"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 200  # the form again, with an error
    assert 'class="error"' in response.content.decode()
    assert client.get("/app/").status_code == 302


def test_hostile_login_input_gets_a_clear_error(client_for, ministry):
    client = client_for(ministry)
    response = client.post("/app/login/", {"username": "x" * 5000, "password": "' OR 1=1 --"})
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()


def test_pages_require_sign_in(client_for, ministry):
    response = client_for(ministry).get("/app/")
    assert response.status_code == 302
    assert response["Location"].startswith("/app/login/")


@pytest.mark.parametrize("path", ["/app/users/", "/app/audit/"])
def test_inspector_cannot_open_admin_pages(client_for, ministry, user_with_role, path):
    user = user_with_role(Role.INSPECTOR)
    client = client_for(ministry)
    client.force_login(user)
    assert client.get(path).status_code == 403


def test_password_reset_sends_a_link_on_the_ministry_domain(
    client_for, ministry, user_with_role, mailoutbox
):
    user = user_with_role(Role.CLERK)
    user.email = "clerk@example.org"
    user.save(update_fields=["email"])
    response = client_for(ministry).post("/app/password-reset/", {"email": "clerk@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "http://test.localhost/app/password-reset/" in mailoutbox[0].body
