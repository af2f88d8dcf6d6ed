"""What operators watch: readiness per component, bounded Prometheus metrics, structured logs.

Health checks come from django-health-check and metrics from django-prometheus; this module only
chooses which components are checked and adds the two labels operators need per request (the
ministry and the kind of page), keeping both bounded: a ministry label is a provisioned schema
name (never a raw Host header), and the kind is one of a handful of fixed values.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from prometheus_client import Counter, Histogram

from labourhub.common.db import current_schema
from labourhub.common.middleware import request_id_var

REQUESTS = Counter(
    "labourhub_requests_total",
    "Requests answered, by ministry, kind of page and status class.",
    ["ministry", "kind", "status"],
)
LATENCY = Histogram(
    "labourhub_request_seconds",
    "Time to answer a request, by ministry and kind of page.",
    ["ministry", "kind"],
    buckets=(0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4),
)
KINDS = (
    ("/api/", "api"),
    ("/app/", "staff"),
    ("/portal/", "portal"),
    ("/console/", "console"),
    ("/cms/", "cms_admin"),
    ("/static/", "static"),
    ("/health/", "health"),
)


def request_kind(path: str) -> str:
    for prefix, kind in KINDS:
        if path.startswith(prefix):
            return kind
    return "public_site"


def readiness_checks() -> list[Any]:
    """The components a web node needs before it takes traffic."""
    checks: list[Any] = [
        "health_check.checks.Database",
        "health_check.checks.Cache",
        "health_check.checks.Storage",
    ]
    if settings.REDIS_URL:
        from redis.asyncio import Redis

        url = settings.REDIS_URL
        checks.append(
            ("health_check.contrib.redis.Redis", {"client_factory": lambda: Redis.from_url(url)})
        )
    return checks


def worker_checks() -> list[Any]:
    """Background work: at least one Celery worker answers a ping."""
    return ["health_check.contrib.celery.Ping"]


class MetricsMiddleware:
    """Counts and times every request by ministry and kind (bounded labels)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        kind = request_kind(request.path)
        with LATENCY.labels(current_schema(), kind).time():
            response = self.get_response(request)
        REQUESTS.labels(current_schema(), kind, f"{response.status_code // 100}xx").inc()
        return response


def metrics_allowed(request: HttpRequest) -> bool:
    """Metrics name every ministry: only a scraper holding METRICS_TOKEN may read them."""
    token = settings.METRICS_TOKEN
    if not token:
        return bool(settings.DEBUG)
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return secrets.compare_digest(given.encode(), token.encode())


def metrics_view(request: HttpRequest) -> HttpResponse:
    from django_prometheus.exports import ExportToDjangoView

    if not metrics_allowed(request):
        return HttpResponseForbidden(
            "metrics need the scraper's token\n", content_type="text/plain"
        )
    return ExportToDjangoView(request)  # type: ignore[no-any-return]


class ContextFilter(logging.Filter):
    """Adds the ministry and the request id to every log record (JSON logs carry both)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.ministry = current_schema()
        record.request_id = request_id_var.get() or ""
        return True
