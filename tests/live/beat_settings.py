"""Settings for the beat kill test's scheduler and worker: the test profile, tasks sent to a
real broker, and one schedule entry ticking every second (the production entry ticks hourly).

The entry is the production one (scheduled report e-mails), whose work is idempotent per
period: each schedule remembers the last period it sent.
"""

from labourhub.config.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CELERY_BEAT_SCHEDULE = {
    "analytics-scheduled-reports-all-ministries": {
        "task": "tenants.analytics_schedules.analytics_reports_all",
        "schedule": 1.0,
    },
}
