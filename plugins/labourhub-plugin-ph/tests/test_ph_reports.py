"""The pack declares DOLE's four establishment reports and counts retrenchments in an indicator."""

from labourhub_ph import reports
from labourhub_ph.hooks import SLUG

from labourhub.extensions import current_hooks, flatten


def test_report_kinds_and_indicators_are_declared_where_active(
    ministry, in_ministry, enable_plugin
):
    assert flatten(current_hooks().register_establishment_report_kinds(tenant=ministry)) == []
    enable_plugin(SLUG)
    kinds = {
        k.code: k
        for k in flatten(current_hooks().register_establishment_report_kinds(tenant=ministry))
    }
    assert set(kinds) == {
        reports.FLEXIBLE, reports.TEMPORARY_CLOSURE, reports.RETRENCHMENT,
        reports.PERMANENT_CLOSURE,
    }  # fmt: skip
    # Measures that end ask for their last day; retrenchment and permanent closure do not.
    assert kinds[reports.TEMPORARY_CLOSURE].has_end and not kinds[reports.RETRENCHMENT].has_end
    codes = {
        d.code: d for d in flatten(current_hooks().register_indicator_definitions(tenant=ministry))
    }
    assert codes["ph_workers_retrenched"].compute(tenant=ministry) == 0
