"""The beat entries: one refresh per active ministry, each in its own schema."""

import datetime as dt

from django.conf import settings

from labourhub.analytics.indicators import INDICATOR_BY_CODE
from labourhub.analytics.models import Fact
from labourhub.analytics.selectors import Filters, indicator_value
from tenants.analytics_schedules import analytics_refresh_enqueue
from tenants.context import ministry_context
from tests.analytics.conftest import EXPECTED, Y


def test_beat_refreshes_every_ministry_in_its_own_schema(dataset, second_ministry, ministry):
    assert settings.CELERY_BEAT_SCHEDULE["analytics-refresh-all-ministries"]["schedule"] <= 60
    assert analytics_refresh_enqueue() >= 2
    with ministry_context(ministry):
        year = Filters(start=dt.date(Y, 1, 1), end=dt.date(Y, 12, 1))
        assert (
            indicator_value(INDICATOR_BY_CODE["inspections_done"], year)
            == EXPECTED["inspections_done"]
        )
    with ministry_context(second_ministry):
        assert not Fact.objects.filter(metric="inspections_done").exists()
