"""Demo dashboards: the summaries of a demo ministry, built once its other demo data are in."""

from labourhub.analytics.services import summary_refresh


def analytics_demo_seed() -> int:
    """Build a demo ministry's summaries once its other demo data are in (run last)."""
    return summary_refresh(full=True).rows_written
