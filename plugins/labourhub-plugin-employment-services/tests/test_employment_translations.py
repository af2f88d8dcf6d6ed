"""The plugin ships its own catalogues (es, fr): pages, reasons and audit labels are translated."""

import pytest
from django.utils import translation
from labourhub_employment_services import audit

from labourhub.audit.events import audit_action_label
from labourhub.plugin_api import Role

ACTIONS = [
    audit.SEEKER_REGISTERED, audit.SEEKER_UPDATED, audit.SEEKER_CONSENT_WITHDRAWN,
    audit.SEEKER_ERASED, audit.VACANCY_REGISTERED, audit.VACANCY_PUBLISHED,
    audit.VACANCY_REJECTED, audit.VACANCY_CLOSED, audit.VACANCY_SUBMITTED, audit.REFERRAL_MADE,
    audit.REFERRAL_UPDATED,
]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "title"),
    [("es", "Servicio público de empleo"), ("fr", "Service public de l'emploi")],
)
def test_plugin_catalogue_is_loaded(language, title):
    with translation.override(language):
        assert translation.gettext("Public employment service") == title


def test_every_audit_action_is_registered_and_translated():
    for action in ACTIONS:
        english = audit_action_label(action.code)
        assert english == str(action.label) and english != action.code
        for language in ("es", "fr"):
            with translation.override(language):
                assert audit_action_label(action.code) != english, (action.code, language)


def test_pages_speak_the_users_language(enable_plugin, client_for, ministry, user_with_role):
    from labourhub.accounts.services import user_create
    from labourhub.testing.pytest_plugin import TEST_PASSWORD

    enable_plugin("employment-services")
    client = client_for(ministry)
    client.force_login(user_with_role(Role.OFFICE_HEAD))
    page = client.get("/app/x/employment-services/").content.decode()
    assert "<h1>Personas que buscan empleo</h1>" in page  # the ministry's language
    french = user_create(
        username="agent-fr",
        password=TEST_PASSWORD,
        roles=[Role.OFFICE_HEAD],
        preferred_language="fr",
        actor=None,
    )
    client.force_login(french)
    page = client.get("/app/x/employment-services/vacancies/").content.decode()
    assert "<h1>Offres d&#x27;emploi</h1>" in page or "<h1>Offres d'emploi</h1>" in page
