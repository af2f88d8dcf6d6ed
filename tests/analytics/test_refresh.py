import datetime as dt
from decimal import Decimal

from labourhub.analytics.indicators import INDICATOR_BY_CODE
from labourhub.analytics.models import Fact, RefreshState
from labourhub.analytics.selectors import Filters, drill_rows, indicator_value
from labourhub.analytics.services import summary_refresh
from labourhub.inspections.models import Inspection
from tests.analytics.conftest import EXPECTED, Y, at

YEAR = Filters(start=dt.date(Y, 1, 1), end=dt.date(Y, 12, 1))


def done() -> Decimal | None:
    return indicator_value(INDICATOR_BY_CODE["inspections_done"], YEAR)


def age_all_rows() -> None:
    """Pretend the data set was entered an hour ago and summarised since."""
    from django.utils import timezone

    from labourhub.complaints.models import AccidentNotification, Complaint
    from labourhub.enforcement.models import ComplianceOrder, Fine, Payment
    from labourhub.inspections.models import Finding
    from labourhub.registry.models import Establishment
    from labourhub.workflow.models import Case

    hour_ago = timezone.now() - dt.timedelta(hours=1)
    for model in (
        Inspection,
        Finding,
        ComplianceOrder,
        Fine,
        Payment,
        Complaint,
        AccidentNotification,
        Establishment,
        Case,
    ):
        model.objects.update(updated_at=hour_ago)
    ComplianceOrder.objects.filter(verified_at__gt=hour_ago).update(verified_at=hour_ago)
    summary_refresh(full=True)


def test_incremental_refresh_picks_up_a_change_and_touches_only_its_month(refreshed):
    age_all_rows()
    untouched = set(Fact.objects.filter(month=dt.date(Y, 1, 1)).values_list("pk", flat=True))
    inspection = Inspection.objects.get(reference="AN-I5")  # in progress, February
    inspection.status = Inspection.Status.COMPLETED
    inspection.submitted_at = at(dt.date(Y, 2, 26))
    inspection.save()
    assert done() == EXPECTED["inspections_done"]  # the summary is not live until refreshed

    result = summary_refresh()

    assert done() == EXPECTED["inspections_done"] + 1
    # February (the visit) and this month (the row's created_at, in case it moves).
    assert result.months["inspection"] == 2
    assert result.months["finding"] == 1
    assert "complaint" not in result.months  # nothing changed there: no work
    # January's rows were not rewritten (same primary keys), apart from the yearly metrics.
    january = set(
        Fact.objects.filter(month=dt.date(Y, 1, 1))
        .exclude(metric__in=["establishments_inspected", "workers_covered"])
        .values_list("pk", flat=True)
    )
    assert january <= untouched
    # The newly completed inspection's finding now counts too (the finding source re-read Feb).
    assert indicator_value(INDICATOR_BY_CODE["violations"], YEAR) == EXPECTED["violations"] + 1


def test_a_rescheduled_inspection_is_recounted_in_both_months(refreshed):
    age_all_rows()
    inspection = Inspection.objects.get(reference="AN-I3")  # completed in February
    inspection.submitted_at = at(dt.date(Y, 5, 5))
    inspection.save()
    summary_refresh()
    feb = Filters(start=dt.date(Y, 2, 1), end=dt.date(Y, 2, 1))
    may = Filters(start=dt.date(Y, 5, 1), end=dt.date(Y, 5, 1))
    assert indicator_value(INDICATOR_BY_CODE["inspections_done"], feb) == 1  # I4 only
    assert indicator_value(INDICATOR_BY_CODE["inspections_done"], may) == 1  # I3 moved


def test_first_refresh_builds_everything_and_sets_watermarks(dataset):
    assert not Fact.objects.exists()
    summary_refresh()
    assert done() == EXPECTED["inspections_done"]
    assert RefreshState.objects.filter(watermark__isnull=False).count() >= 5


def test_drill_down_lists_exactly_the_rows_counted(refreshed):
    for code in ("inspections_done", "violations", "complaints_received", "child_labour_cases"):
        indicator = INDICATOR_BY_CODE[code]
        rows = drill_rows(metric=indicator.numerator, f=YEAR)
        if code == "child_labour_cases":
            assert rows.values("a_inspection").distinct().count() == EXPECTED[code]
        else:
            assert rows.count() == EXPECTED[code], code
    refs = set(
        drill_rows(metric="inspections_done", f=YEAR, dim="planned").values_list(
            "reference", flat=True
        )
    )
    assert refs == {"AN-I1", "AN-I4"}
    region_b = refreshed["offices"]["reg_b"].pk
    refs_b = set(
        drill_rows(metric="inspections_done", f=YEAR, region_id=region_b).values_list(
            "reference", flat=True
        )
    )
    assert refs_b == {"AN-I4"}
