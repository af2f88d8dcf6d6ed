from datetime import UTC, datetime

from django.test import Client

from cms.models import Agency, Indicator
from cms.services import observations_apply
from tenants.context import ministry_context
from tests.cms.conftest import make_indicator, rows

NOW = datetime(2030, 1, 1, tzinfo=UTC)


def test_portal_shows_only_published_and_consented_indicators(lmi, second_ministry):
    observations_apply(
        indicator=lmi.unemployment, dataset=None, now=NOW, rows=rows(("2024", {"sex": "_T"}, 7.7))
    )
    # Published but not shared: must not appear.
    observations_apply(indicator=lmi.fatal, dataset=None, now=NOW, rows=rows(("2024", {}, 4.4)))
    with ministry_context(second_ministry):
        agency = Agency.objects.create(code="INE", name="INE")
        shared_unpublished = make_indicator(
            "unemployment-rate", agency, [], ilo_code="UNE_DEAP_SEX_AGE_RT", share_regionally=True
        )
        private = make_indicator("lfpr", agency, [], name="Participation (private)")
        observations_apply(indicator=private, dataset=None, now=NOW, rows=rows(("2024", {}, 61.2)))
        assert shared_unpublished.pk and Indicator.objects.count() == 2
    html = Client(HTTP_HOST="localhost").get("/lmi/").content.decode()
    assert "Unemployment rate" in html and "7.7" in html
    assert "Test Ministry of Labour" in html
    assert "Second Test Ministry" not in html  # nothing published that it shares
    assert "4.4" not in html and "Participation (private)" not in html and "61.2" not in html
    combined = Client(HTTP_HOST="localhost").get("/lmi/regional.csv").content.decode()
    assert "Test Ministry of Labour" in combined and "7.7" in combined and "61.2" not in combined


def test_portal_empty_state(db):
    html = Client(HTTP_HOST="localhost").get("/lmi/").content.decode()
    assert "No ministry has shared" in html
