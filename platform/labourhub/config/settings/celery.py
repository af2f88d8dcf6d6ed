from labourhub.config.env import env

_REDIS_URL = env("REDIS_URL", default="")
# Redis is the broker unless CELERY_BROKER_URL names another (RabbitMQ on several nodes, ADR 0032).
_BROKER_URL = env("CELERY_BROKER_URL", default="") or _REDIS_URL
CELERY_BROKER_URL = _BROKER_URL or "memory://"
CELERY_RESULT_BACKEND = _REDIS_URL or None
# Without a broker tasks run in-process so the platform still works.
CELERY_TASK_ALWAYS_EAGER = not _BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
# Several stacks may share one broker (the multi-node test on a machine's RabbitMQ): each sends
# to and consumes from its own queue.
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    "audit-verify-all-ministries": {
        "task": "tenants.tasks.audit_verify_all",
        "schedule": 6 * 60 * 60,
    },
    # Embargoed LMI data go public within a minute of their release date.
    "cms-publish-due-all-ministries": {
        "task": "tenants.cms_schedules.cms_publish_due_all",
        "schedule": 60,
    },
    # Deadline alerts: hourly is enough for day-granular legal limits, and the sweep is
    # idempotent, so overlapping runs are harmless.
    "workflow-deadline-sweep-all-ministries": {
        "task": "tenants.workflow_schedules.deadline_sweep_all",
        "schedule": 60 * 60,
    },
    # The opt-in daily e-mail digest goes out at the hour each user chose in the ministry's
    # local time; a quarter-hourly tick is close enough and sends each user one a day.
    "workflow-daily-digest-all-ministries": {
        "task": "tenants.workflow_schedules.alert_daily_digest_all",
        "schedule": 15 * 60,
    },
    # Dashboards: a change in a case shows within a minute (incremental, locked per ministry);
    # a nightly full rebuild corrects anything the incremental pass cannot see (deleted rows).
    "analytics-refresh-all-ministries": {
        "task": "tenants.analytics_schedules.analytics_refresh_all",
        "schedule": 60,
    },
    "analytics-rebuild-all-ministries": {
        "task": "tenants.analytics_schedules.analytics_rebuild_all",
        "schedule": 24 * 60 * 60,
    },
    "analytics-scheduled-reports-all-ministries": {
        "task": "tenants.analytics_schedules.analytics_reports_all",
        "schedule": 60 * 60,
    },
    # National calendars roll forward (this year + the next two) and fine tables follow the
    # schedule version in effect; idempotent, so a daily run is enough.
    "country-packs-apply-all-ministries": {
        "task": "tenants.calendar_schedules.country_packs_apply_all_task",
        "schedule": 24 * 60 * 60,
    },
    # Risk scores follow the day's complaints, accidents and unpaid fines (the model stays).
    # Webhook deliveries whose retry message was lost (or whose worker died) go out again.
    "interop-deliveries-due-all-ministries": {
        "task": "tenants.interop_schedules.deliveries_due_all",
        "schedule": 60,
    },
    # Unopened e-box notifications: reminders and deemed service are day-granular; hourly is
    # plenty and the sweep is idempotent.
    "portal-ebox-sweep-all-ministries": {
        "task": "tenants.portal_schedules.ebox_sweep_all",
        "schedule": 60 * 60,
    },
    # Plugins' periodic work, e.g. the employment service's retention rule (idempotent).
    "plugins-daily-housekeeping-all-ministries": {
        "task": "tenants.plugin_schedules.plugins_daily_housekeeping_all_task",
        "schedule": 24 * 60 * 60,
    },
    "targeting-rescore-all-ministries": {
        "task": "tenants.targeting_schedules.risk_scores_refresh_all",
        "schedule": 24 * 60 * 60,
    },
}
# Not a ``tasks`` module, so autodiscovery would miss it.
CELERY_IMPORTS = [
    "tenants.cms_schedules",
    "tenants.workflow_schedules",
    "tenants.analytics_schedules",
    "tenants.calendar_schedules",
    "tenants.targeting_schedules",
    "tenants.interop_schedules",
    "tenants.portal_schedules",
    "tenants.plugin_schedules",
]
# With Redis, a task whose worker died unacknowledged (acks_late) is redelivered once this many
# seconds have passed since it was taken; long tasks (imports) must report progress meanwhile.
# The restore sweep runs about every interval x throttle seconds (kombu defaults: 10 x 10).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": env.int("CELERY_UNACKED_RESTORE_THROTTLE", default=10),
}
