"""The public site and the CMS admin render in the Sri Lankan and Vietnamese languages."""

import pytest
from django.conf import settings

from devtools.demo.cms import cms_demo_seed
from labourhub.accounts.models import User
from labourhub.testing.pytest_plugin import TEST_PASSWORD


@pytest.fixture
def seeded(in_ministry):
    assert cms_demo_seed(slug="test", password=TEST_PASSWORD)
    return in_ministry


@pytest.mark.parametrize(
    ("language", "home"), [("si", "මුල් පිටුව"), ("ta", "முகப்பு"), ("vi", "Trang chủ")]
)
def test_public_site_and_cms_admin_speak_the_chosen_language(seeded, client_for, language, home):
    web = client_for(seeded)
    web.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = web.get("/", follow=True)
    assert page.status_code == 200
    assert page["Content-Language"] == language
    assert home in page.content.decode()
    web.force_login(User.objects.get(username="admin"))
    assert web.get("/cms-admin/").status_code == 200
    assert web.get("/cms-admin/snippets/cms/indicator/").status_code == 200
