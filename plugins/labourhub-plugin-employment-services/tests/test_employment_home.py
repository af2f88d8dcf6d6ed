"""The employment service officer's home page: vacancies to review, referrals to follow up."""

import re

import pytest
from django.conf import settings
from pes_helpers import region, vacancy

from labourhub.plugin_api import Role

PANEL = re.compile(r'id="queue-pes_vacancies"(.*?)</section>', re.S)


@pytest.fixture
def active(enable_plugin):
    return enable_plugin("employment-services")


def _home(client_for, ministry, user) -> str:
    client = client_for(ministry)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user)
    page = client.get("/app/")
    assert page.status_code == 200
    return page.content.decode()


@pytest.mark.hook_effect("register_home_panels")
def test_officer_sees_vacancies_awaiting_review(active, client_for, ministry, user_with_role):
    region()
    pending = vacancy(publish=False, title="Pastry chef")
    vacancy(publish=True, title="Housekeeper")
    page = _home(client_for, ministry, user_with_role(Role.PES_OFFICER))
    found = PANEL.search(page)
    assert found, "the officer's home has no vacancies panel"
    assert "Pastry chef" in found.group(1)
    assert "Housekeeper" not in found.group(1)
    assert f'href="/app/x/employment-services/vacancies/{pending.pk}/"' in found.group(1)
    assert 'id="queue-pes_referrals"' in page
    assert "Every referral has its outcome." in page


def test_inspectors_do_not_get_the_officers_panels(active, client_for, ministry, user_with_role):
    region()
    vacancy(publish=False, title="Pastry chef")
    page = _home(client_for, ministry, user_with_role(Role.INSPECTOR))
    assert "queue-pes_" not in page
    assert "Pastry chef" not in page
