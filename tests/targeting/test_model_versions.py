"""Versions are trained by the worker, kept, and switched one at a time with an audit record."""

import pytest
from django.core.exceptions import PermissionDenied

from labourhub.accounts.roles import Role
from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.targeting.models import RiskModelVersion
from labourhub.targeting.services import risk_model_activate, risk_model_request
from tests.targeting.conftest import generate, train


def test_the_director_queues_training_and_the_worker_trains_after_commit(
    regions, user_with_role, django_capture_on_commit_callbacks
):
    generate(regions, n=400, signal=True)
    director = user_with_role(Role.DIRECTOR)
    with django_capture_on_commit_callbacks(execute=True):
        version = risk_model_request(kind="baseline", actor=director)
    version.refresh_from_db()
    assert version.status == "ready" and version.scores.count() == 400
    assert version.parameters["kind"] == "baseline" and version.metrics["k"] == 100
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions[-2:] == ["risk_model.requested", "risk_model.trained"]


def test_switching_keeps_one_active_version_and_is_audited(regions, user_with_role):
    generate(regions, n=300, signal=True)
    director = user_with_role(Role.DIRECTOR)
    first, second = train("baseline"), train("learned")
    risk_model_activate(version_id=first.pk, actor=director)
    risk_model_activate(version_id=second.pk, actor=director)
    assert list(RiskModelVersion.objects.filter(is_active=True)) == [second]
    assert RiskModelVersion.objects.count() == 2  # the old version is kept
    event = AuditEvent.objects.filter(action="risk_model.activated").latest("id")
    assert event.actor_id == director.pk
    assert event.changes == {"active_version": [first.pk, second.pk]}


def test_only_a_trained_version_can_be_switched_on_and_only_by_the_director(
    regions, user_with_role
):
    failed = train("learned")  # no history: fails with a reason
    with pytest.raises(ApplicationError):
        risk_model_activate(version_id=failed.pk, actor=None)
    with pytest.raises(PermissionDenied):
        risk_model_activate(version_id=failed.pk, actor=user_with_role(Role.SUPERVISOR))
    with pytest.raises(PermissionDenied):
        risk_model_request(kind="learned", actor=user_with_role(Role.ANALYST))


def test_the_models_page_refuses_a_hostile_kind(regions, user_with_role, client_for, ministry):
    client = client_for(ministry)
    client.force_login(user_with_role(Role.DIRECTOR))
    for kind in ("x'; DROP TABLE targeting_riskmodelversion; --", "<b>", "", "learned" * 100):
        response = client.post("/app/targeting/models/", {"kind": kind})
        assert response.status_code == 200
    assert not RiskModelVersion.objects.exists()
    page = client.get("/app/targeting/models/").content.decode()
    assert "No model trained yet" in page


def test_the_nightly_job_rescores_with_the_active_model_only(
    regions, django_capture_on_commit_callbacks
):
    from labourhub.audit.models import AuditEvent as Event
    from tenants.targeting_schedules import risk_scores_refresh_enqueue

    generate(regions, n=200, signal=True)
    version = train("baseline")
    assert risk_scores_refresh_enqueue() == 0  # nothing is switched on yet
    from labourhub.targeting.services import risk_model_activate as activate

    activate(version_id=version.pk, actor=None)
    assert risk_scores_refresh_enqueue() >= 1
    assert Event.objects.filter(action="risk_scores.refreshed").exists()


def test_an_unexpected_training_error_marks_the_version_failed(regions, monkeypatch):
    from labourhub.targeting import services

    generate(regions, n=200, signal=True)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "fit_all", broken)
    with pytest.raises(RuntimeError):
        train("learned")
    version = RiskModelVersion.objects.get()
    assert version.status == "failed" and "unexpected error" in version.failure
