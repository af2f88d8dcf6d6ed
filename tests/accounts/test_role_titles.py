"""A country pack titles the core roles; every page that names a role shows its title."""

import re

from django.utils import translation

from labourhub.accounts.models import User
from labourhub.accounts.roles import Role
from labourhub.accounts.titles import role_title, role_titles
from labourhub.audit.value_labels import audit_value_labels
from tenants.context import ministry_context
from tenants.models import Ministry
from tests.extensions.effects import effect_of


def _country(ministry, code):
    Ministry.objects.filter(pk=ministry.pk).update(country=code)
    ministry.refresh_from_db()


@effect_of("register_role_titles")
def test_the_pack_s_titles_reach_the_user_list_home_page_and_audit(
    ministry, second_ministry, enable_plugin, user_with_role, client_for
):
    _country(ministry, "PY")
    enable_plugin("py-pack")
    admin = user_with_role(Role.SYSTEM_ADMIN, username="titles-admin")
    minister = user_with_role(Role.AUTHORISING_OFFICIAL, username="titles-minister")
    client = client_for(ministry)
    with translation.override("en"):
        client.force_login(admin)
        users = client.get("/app/users/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        client.force_login(minister)
        home = client.get("/app/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        with ministry_context(ministry):
            assert role_title("authorising_official") == "Ministro"
            assert (
                audit_value_labels("accounts.user")["role"]["inspector"] == "Inspector de Trabajo"
            )
            # A role the pack does not title keeps the core's name.
            assert role_title("analyst") == str(Role.ANALYST.label)
        # The ministry without the pack keeps the generic names.
        assert role_titles(tenant=second_ministry)["authorising_official"] == "Authorising official"
    assert re.search(r"<td[^>]*>Ministro</td>", users)
    assert '<option value="authorising_official">Ministro</option>' in users
    assert "Ministro" in home and "Authorising official" not in home


def test_a_multilingual_pack_titles_roles_in_each_language(ministry, enable_plugin):
    _country(ministry, "LK")
    enable_plugin("lk-pack")
    with ministry_context(ministry):
        with translation.override("si"):
            assert role_title("inspector") == "කම්කරු නිලධාරී"
        with translation.override("ta"):
            assert role_title("inspector") == "தொழில் அலுவலர்"
        with translation.override("en"):
            assert role_title("inspector") == "Labour Officer"
            assert role_title("no-such-role") == "—"


def test_a_forged_role_is_refused_with_a_clear_error_and_nothing_saved(
    ministry, enable_plugin, user_with_role, client_for
):
    _country(ministry, "PY")
    enable_plugin("py-pack")
    admin = user_with_role(Role.SYSTEM_ADMIN, username="titles-admin2")
    client = client_for(ministry)
    client.force_login(admin)
    response = client.post(
        "/app/users/",
        {
            "username": "forged-role",
            "role": "superuser<script>",
            "password": "A-long-enough-password-2026",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    page = response.content.decode()
    # In the ministry's language: Django's own message for a value not among the choices.
    assert "Escoja una opción válida" in page or "Select a valid choice" in page
    with ministry_context(ministry):
        assert not User.objects.filter(username="forged-role").exists()
