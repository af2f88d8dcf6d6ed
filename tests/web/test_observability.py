"""Readiness per component, bounded per-ministry metrics, and logs that name ministry and request."""

import json
import logging

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings
from django.test import Client, override_settings

from labourhub.common.observability import ContextFilter, readiness_checks, request_kind
from tenants.context import ministry_context


@pytest.fixture
def platform_client():
    return Client(HTTP_HOST=settings.PLATFORM_DOMAIN)


def test_readiness_checks_every_component_and_reports_json(db, platform_client):
    response = platform_client.get("/health/ready/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content
    body = response.json()
    names = " ".join(body)
    for component in ("Database", "Cache", "Storage"):
        assert component in names
    if settings.REDIS_URL:
        assert "Redis" in names
    assert all(value == "OK" for value in body.values()), body


def test_readiness_fails_and_names_the_component_that_is_down(db):
    from django.test import RequestFactory
    from health_check.views import HealthCheckView

    with override_settings(REDIS_URL="redis://127.0.0.1:1/0"):
        view = HealthCheckView.as_view(checks=readiness_checks())
    request = RequestFactory().get("/health/ready/", HTTP_ACCEPT="application/json")
    response = async_to_sync(view)(request)
    assert response.status_code == 500
    body = json.loads(response.content)
    failing = [name for name, state in body.items() if state != "OK"]
    assert len(failing) == 1 and "Redis" in failing[0]


def test_metrics_need_the_scrapers_token(db, platform_client):
    with override_settings(METRICS_TOKEN="", DEBUG=False):
        assert platform_client.get("/metrics").status_code == 403
    with override_settings(METRICS_TOKEN="s3cret-token"):
        assert platform_client.get("/metrics").status_code == 403
        wrong = platform_client.get("/metrics", HTTP_AUTHORIZATION="Bearer guess")
        assert wrong.status_code == 403


def test_metrics_count_requests_per_ministry_with_bounded_labels(
    ministry, client_for, platform_client
):
    client_for(ministry).get("/health/")
    client_for(ministry).get("/app/login/")
    # A hostile Host header never becomes a label: unknown hosts are not ministries.
    Client(HTTP_HOST="evil-<script>.localhost").get("/health/")
    with override_settings(METRICS_TOKEN="s3cret-token"):
        text = platform_client.get(
            "/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token"
        ).content.decode()
    assert 'labourhub_requests_total{kind="health",ministry="test",status="2xx"}' in text
    assert 'kind="staff",ministry="test"' in text
    assert "evil" not in text and "<script>" not in text


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/api/v1/cases/", "api"),
        ("/app/", "staff"),
        ("/portal/x", "portal"),
        ("/es/", "public_site"),
    ],
)
def test_request_kinds_are_a_fixed_set(path, kind):
    assert request_kind(path) == kind


def test_json_logs_carry_the_ministry_and_request_id(ministry, capsys):
    from pythonjsonlogger.json import JsonFormatter

    from labourhub.common.middleware import request_id_var

    handler = logging.StreamHandler()
    handler.addFilter(ContextFilter())
    handler.setFormatter(
        JsonFormatter("%(levelname)s %(name)s %(ministry)s %(request_id)s %(message)s")
    )
    logger = logging.getLogger("labourhub.test.observability")
    logger.addHandler(handler)
    token = request_id_var.set("req-123")
    try:
        with ministry_context(ministry):
            logger.warning("visit saved")
    finally:
        request_id_var.reset(token)
        logger.removeHandler(handler)
    record = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert record["ministry"] == "test" and record["request_id"] == "req-123"
    assert record["message"] == "visit saved"
