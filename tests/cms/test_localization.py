"""The LMI site in the ministry's languages: content, addresses, footer, labels, embargo time."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from wagtail.models import Locale

from cms.models import Dataset, HomePage, IndicatorText
from cms.selectors import dims_label
from cms.services import dataset_publish_due
from devtools.demo.cms import cms_demo_seed
from labourhub.accounts.models import User
from labourhub.testing.pytest_plugin import TEST_PASSWORD
from tenants.context import ministry_context
from tests.cms.conftest import english, upload


@pytest.fixture
def seeded(in_ministry):
    assert cms_demo_seed(slug="test", password=TEST_PASSWORD)
    return in_ministry


def test_address_without_language_goes_to_the_ministry_default(seeded, client_for):
    web = client_for(seeded)  # the test ministry speaks Spanish by default
    response = web.get("/data/?page=2")
    assert response.status_code == 302 and response["Location"] == "/es/data/?page=2"
    assert english(client_for(seeded)).get("/")["Location"] == "/en/"
    # The staff app, the portal and the downloads keep their addresses.
    assert web.get("/es/app/").status_code == 404
    assert web.get("/lmi/data/unemployment-rate.csv").status_code == 200


def test_spanish_home_shows_translated_names_legends_and_footer(seeded, client_for):
    web = client_for(seeded)
    html = web.get("/es/").content.decode()
    assert 'lang="es"' in html
    assert "Tasa de desocupación" in html and "Unemployment rate" not in html
    assert "Mujeres" in html and "Hombres" in html  # the chart's legend and table heads
    assert "Tasa de desocupación por sexo" in html  # the chart block's own title
    for title in (
        "Contacto",
        "Calendario de publicaciones",
        "Declaración de accesibilidad",
        "Licencia de datos abiertos",
    ):
        assert f">{title}</a>" in html.split('class="site-footer"')[1]
    english_html = web.get("/en/").content.decode()
    assert "Unemployment rate" in english_html and "Tasa de desocupación" not in english_html
    assert "Accessibility statement" in english_html.split('class="site-footer"')[1]


def test_spanish_indicator_page_and_catalogue(seeded, client_for):
    web = client_for(seeded)
    page = web.get("/es/employment-and-unemployment/unemployment-rate/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Tasa de desocupación</h1>" in html and "fuerza de trabajo" in html
    catalogue = web.get("/es/data/").content.decode()
    assert "Relación empleo-población" in catalogue
    # Links from the Spanish catalogue stay in Spanish.
    assert 'href="/es/employment-and-unemployment/unemployment-rate/"' in catalogue


def test_language_switcher_keeps_the_page(seeded, client_for):
    web = client_for(seeded)
    response = web.post(
        "/app/language/",
        {"language": "en", "next": "/es/employment-and-unemployment/unemployment-rate/"},
    )
    assert response["Location"] == "/en/employment-and-unemployment/unemployment-rate/"
    assert web.get(response["Location"]).status_code == 200
    staff = web.post("/app/language/", {"language": "es", "next": "/app/cases/"})
    assert staff["Location"] == "/app/cases/"


def test_dimension_keys_read_as_words_in_each_language(seeded):
    from django.utils import translation

    with translation.override("en"):
        assert dims_label("age=_T|sex=F") == "Total age group, Women"
        assert dims_label("") == "Total"
    with translation.override("es"):
        assert dims_label("age=_T|sex=F") == "Grupo de edad (total), Mujeres"
        assert dims_label("sector=AGR") == "Agricultura"


def test_editing_a_translation_refreshes_the_cached_page(seeded, client_for):
    web = client_for(seeded)
    assert "Tasa de desocupación" in web.get("/es/").content.decode()
    text = IndicatorText.objects.get(
        indicator__code="unemployment-rate", locale__language_code="es"
    )
    text.name = "Tasa de paro"
    text.save()
    html = web.get("/es/").content.decode()
    assert "Tasa de paro" in html and "Tasa de desocupación<" not in html


def test_hostile_wording_is_refused_or_escaped_and_nothing_half_saved(seeded, client_for):
    web = english(client_for(seeded))
    web.force_login(User.objects.get(username="admin"))
    before = IndicatorText.objects.count()
    url = f"/cms-admin/snippets/cms/indicatortext/add/?locale={Locale.get_default().language_code}"
    refused = web.post(url, {"indicator": "999999", "name": "x" * 5000, "definition": "d"})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "error-message" in page and "200" in page  # the length limit, named on the field
    nul = web.post(url, {"indicator": "", "name": "a\x00b", "definition": ""})
    assert nul.status_code == 400
    assert IndicatorText.objects.count() == before
    # A name with markup is text: it is stored, then shown escaped on the public page.
    hostile = '<script>alert("x")</script>'
    text = IndicatorText.objects.get(
        indicator__code="unemployment-rate", locale=Locale.get_default()
    )
    text.name = hostile
    text.save()
    html = web.get("/en/").content.decode()
    assert hostile not in html and "&lt;script&gt;" in html


def test_a_ministry_never_shows_another_ministrys_wording(seeded, client_for, second_ministry):
    IndicatorText.objects.filter(
        indicator__code="unemployment-rate", locale__language_code="es"
    ).update(name="Desocupación exclusiva del primer ministerio")
    with ministry_context(second_ministry):
        assert cms_demo_seed(slug="test2", password=TEST_PASSWORD)
    other = client_for(second_ministry)
    for path in ("/es/", "/es/data/", "/es/employment-and-unemployment/unemployment-rate/"):
        response = other.get(path)
        assert response.status_code == 200, path
        assert "primer ministerio" not in response.content.decode()
    assert "primer ministerio" in client_for(seeded).get("/es/").content.decode()


def test_embargo_time_is_entered_and_kept_in_saint_lucia_time(lmi, client_for, ministry):
    from cms.services import dataset_submit

    ministry.time_zone = "America/St_Lucia"
    ministry.save(update_fields=["time_zone"])
    dataset = dataset_submit(
        actor=lmi.stats, indicator=lmi.unemployment, upload=upload("period,sex,value\n2024,F,9\n")
    )
    web = english(client_for(ministry))
    web.force_login(lmi.editor)
    form = web.get(f"/lmi/datasets/{dataset.pk}/").content.decode()
    assert "America/St_Lucia" in form  # the field names the zone it is read in
    response = web.post(f"/lmi/datasets/{dataset.pk}/approve/", {"release_at": "2031-03-10T13:06"})
    assert response.status_code == 302
    dataset.refresh_from_db()
    st_lucia = ZoneInfo("America/St_Lucia")
    assert dataset.release.scheduled_for == datetime(2031, 3, 10, 13, 6, tzinfo=st_lucia)
    with time_machine.travel(datetime(2031, 3, 10, 13, 5, 59, tzinfo=st_lucia), tick=False):
        assert dataset_publish_due() == []
    dataset.refresh_from_db()
    assert dataset.status == Dataset.Status.APPROVED
    with time_machine.travel(datetime(2031, 3, 10, 13, 6, tzinfo=st_lucia), tick=False):
        assert dataset_publish_due() == [dataset.pk]
    dataset.refresh_from_db()
    assert dataset.status == Dataset.Status.PUBLISHED
    # The detail page shows the time back in Saint Lucia's clock, with its zone.
    detail = web.get(f"/lmi/datasets/{dataset.pk}/").content.decode()
    assert "1:06 p.m." in detail and "AST" in detail  # 13:06 in the English date format


def test_home_page_of_each_language_is_a_translation_of_the_source(seeded):
    home = HomePage.objects.get(locale=Locale.get_default())
    spanish = home.get_translation(Locale.objects.get(language_code="es"))
    assert spanish.live and spanish.translation_key == home.translation_key
    assert settings.WAGTAIL_I18N_ENABLED


def test_untranslated_language_keeps_its_address_from_page_to_page(seeded, client_for):
    web = client_for(seeded)
    web.cookies[settings.LANGUAGE_COOKIE_NAME] = "si"
    home = web.get("/", follow=True)
    assert home.redirect_chain[0][0] == "/si/"
    html = home.content.decode()
    assert 'href="/si/data/"' in html and 'href="/en/data/"' not in html
    assert web.get("/si/data/").status_code == 200
