"""The case page shows the fine the schedule suggests, with its legal basis."""

from typing import Any

from django.utils import timezone

from labourhub.plugin_api import current_ministry, fine_suggestions
from labourhub_lc.fines import ec_dollars

TEMPLATE = "labourhub_lc/fine_panel.html"


def fine_panel_context(case: Any, user: Any) -> dict[str, Any]:
    """Suggestions of the schedule in effect on the day the case was opened."""
    establishment = getattr(case, "establishment", None)
    suggestions = fine_suggestions(
        tenant=current_ministry(),
        on=timezone.localdate(case.created_at),
        size_band=getattr(establishment, "size_band", "") or "",
    )
    return {
        "suggestions": [
            {
                "s": s,
                "amount": ec_dollars(s.amount) if s.amount is not None else "",
                "minimum": ec_dollars(s.minimum),
                "maximum": ec_dollars(s.maximum),
            }
            for s in suggestions
        ]
    }
