"""The plugin ships its own catalogues, so its pages speak the ministry's language."""

import re

import pytest
from django.utils import translation

from labourhub.accounts.roles import Role


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("es", "Registro de sindicatos"),
        ("fr", "Enregistrement des syndicats"),
        ("si", "වෘත්තීය සමිති ලියාපදිංචිය"),
        ("ta", "தொழிற்சங்கப் பதிவு"),
        ("vi", "Đăng ký công đoàn"),
    ],
)
def test_plugin_catalogue_is_loaded(language, title):
    with translation.override(language):
        assert translation.gettext("Trade-union registration") == title


def test_case_file_column_is_not_the_computer_file(
    enable_plugin, client_for, ministry, user_with_role
):
    # "File" means the application's file number here, not an uploaded file ("Archivo").
    enable_plugin("trade-unions", config={"certificate_prefix": "STSS-SIND", "min_members": 30})
    client = client_for(ministry)
    client.force_login(user_with_role(Role.INSPECTOR))
    page = client.get("/app/x/trade-unions/").content.decode()
    assert "<h1>Registro de sindicatos</h1>" in page
    assert re.search(r'<th [^>]*scope="col">Expediente</th>', page)
