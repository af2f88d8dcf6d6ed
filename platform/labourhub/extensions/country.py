"""Apply what the active country packs declare to the ministry being served.

Called inside the ministry's schema when a plugin is activated there, and daily by the beat
task (``tenants.calendar_schedules``), so the calendar always covers this year and the next
``years_ahead`` years and the fine table follows the schedule version in effect. Idempotent.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from labourhub.workflow.services import Actor


@dataclass(frozen=True)
class CountryPackResult:
    holidays_added: int
    fine_rules_changed: int


@transaction.atomic
def country_pack_apply(*, tenant: Any, actor: Actor = None) -> CountryPackResult:
    """Fill the national calendar and the fine table from the active packs (each audited)."""
    from labourhub.enforcement.schedules import fine_schedule_apply
    from labourhub.workflow.national_calendar import national_calendar_fill

    return CountryPackResult(
        holidays_added=national_calendar_fill(tenant=tenant, actor=actor),
        fine_rules_changed=fine_schedule_apply(tenant=tenant, actor=actor),
    )
