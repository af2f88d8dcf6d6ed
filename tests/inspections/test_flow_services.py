import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.inspections.models import Assignment, Finding, Inspection, InspectionAlert
from labourhub.inspections.selectors import assignment_replay
from labourhub.inspections.services import (
    answers_save,
    authorisation_issue,
    evidence_upload,
    inspection_assign,
    inspection_submit,
    visit_start,
)
from tests.inspections.images import jpeg_bytes


def _start(world, inspection):
    inspection = visit_start(
        inspection=inspection,
        arrived_at=timezone.now(),
        persons_met="HR manager",
        workers_interviewed_female=3,
        workers_interviewed_male=2,
        expected_version=inspection.version,
        actor=inspection.inspector,
    )
    return inspection


def _authorised_and_started(world):
    """Authorised by the minister, assigned by hand to the first inspector, visit started."""
    inspection = world.new_inspection()
    authorisation_issue(
        inspection=inspection,
        signer=world.minister,
        expected_version=inspection.version,
        actor=world.minister,
    )
    inspection.refresh_from_db()
    inspection_assign(
        inspection=inspection,
        method="manual",
        assignee=world.inspectors[0],
        reason="x",
        expected_version=inspection.version,
        actor=world.supervisor,
    )
    inspection.refresh_from_db()
    return _start(world, inspection)


def test_full_flow_authorise_random_assign_fill_submit(world):
    inspection = world.new_inspection()
    assert inspection.status == Inspection.Status.PLANNED
    auth = authorisation_issue(
        inspection=inspection,
        signer=world.minister,
        expected_version=inspection.version,
        actor=world.minister,
    )
    inspection.refresh_from_db()
    assert inspection.status == Inspection.Status.AUTHORISED
    assert len(auth.sha256) == 64 and auth.number.startswith("OI-")
    assignment = inspection_assign(
        inspection=inspection,
        method=Assignment.Method.RANDOM,
        reason="Random draw",
        expected_version=inspection.version,
        actor=world.supervisor,
    )
    inspection.refresh_from_db()
    assert inspection.inspector_id == assignment.assignee_id
    assert assignment.seed and len(assignment.candidate_ids) == 4
    assert assignment_replay(assignment=assignment) == assignment.assignee_id

    inspection = _start(world, inspection)
    evidence_upload(
        inspection=inspection,
        name="payroll.jpg",
        file=ContentFile(jpeg_bytes()),
        actor=inspection.inspector,
        question=inspection.checklist_version.sections.first().questions.get(code="payroll-photo"),
    )
    inspection = answers_save(
        inspection=inspection,
        expected_version=inspection.version,
        actor=inspection.inspector,
        values={
            "contracts-written": "no",
            "payroll-kept": "yes",
            "workers-present": "40",
            "minimum-wage": "yes",
            "weekly-rest": "yes",
            "pay-method": "Bank transfer",
        },
    )
    findings = list(Finding.objects.filter(inspection=inspection))
    assert [f.question.code for f in findings] == ["contracts-written"]
    assert "C181" in findings[0].provision
    inspection = inspection_submit(
        inspection=inspection, expected_version=inspection.version, actor=inspection.inspector
    )
    assert inspection.status == Inspection.Status.COMPLETED
    inspection.minutes.refresh_from_db()
    assert inspection.minutes.status == "signed"
    actions = list(
        AuditEvent.objects.filter(
            subject_type="inspections.inspection", subject_id=str(inspection.pk)
        )
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "inspection.created",
        "inspection.authorised",
        "inspection.assigned",
        "inspection.visit_started",
        "inspection.evidence_added",
        "inspection.answers_saved",
        "inspection.submitted",
    ]


def test_stale_version_is_a_conflict_and_saves_nothing(world):
    inspection = world.new_inspection()
    authorisation_issue(
        inspection=inspection,
        signer=world.minister,
        expected_version=inspection.version,
        actor=world.minister,
    )
    inspection.refresh_from_db()
    inspection_assign(
        inspection=inspection,
        method="manual",
        assignee=world.inspectors[0],
        reason="Specialist",
        expected_version=inspection.version,
        actor=world.supervisor,
    )
    inspection.refresh_from_db()
    inspection = _start(world, inspection)
    seen = inspection.version
    answers_save(
        inspection=inspection,
        expected_version=seen,
        actor=world.inspectors[0],
        values={"contracts-written": "yes"},
    )
    with pytest.raises(ApplicationError) as exc:
        answers_save(
            inspection=inspection,
            expected_version=seen,
            actor=world.inspectors[0],
            values={"contracts-written": "no"},
        )
    assert exc.value.extra["code"] == "version_conflict"
    assert "Nothing of yours was saved" in exc.value.message
    assert inspection.answers.get(question__code="contracts-written").value == "yes"


def test_visit_cannot_start_without_authorisation(world):
    inspection = world.new_inspection()
    inspection_assign(
        inspection=inspection,
        method="manual",
        assignee=world.inspectors[0],
        reason="x",
        expected_version=inspection.version,
        actor=world.supervisor,
    )
    inspection.refresh_from_db()
    with pytest.raises(ApplicationError) as exc:
        _start(world, inspection)
    assert exc.value.extra["code"] == "no_authorisation"


def test_only_the_procedures_role_authorises(world, user_with_role):
    from labourhub.accounts.roles import Role

    head = user_with_role(Role.OFFICE_HEAD, office=world.district)
    inspection = world.new_inspection()
    with pytest.raises(ApplicationError) as exc:
        authorisation_issue(
            inspection=inspection, signer=head, expected_version=inspection.version, actor=head
        )
    assert exc.value.extra["code"] == "wrong_role"


def test_child_labour_escalates_immediately(world, django_capture_on_commit_callbacks):
    inspection = world.new_inspection(checklist=world.child)
    authorisation_issue(
        inspection=inspection,
        signer=world.minister,
        expected_version=inspection.version,
        actor=world.minister,
    )
    inspection.refresh_from_db()
    inspection_assign(
        inspection=inspection,
        method="manual",
        assignee=world.inspectors[1],
        reason="x",
        expected_version=inspection.version,
        actor=world.supervisor,
    )
    inspection.refresh_from_db()
    inspection = _start(world, inspection)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        answers_save(
            inspection=inspection,
            expected_version=inspection.version,
            actor=world.inspectors[1],
            values={"minors-present": "yes", "under-min-age": "yes"},
        )
    alert = InspectionAlert.objects.get(inspection=inspection)
    assert alert.kind == "child_labour" and world.supervisor.pk in alert.notified_user_ids
    assert len(callbacks) == 1


def test_conditional_answer_is_cleared_when_condition_goes_away(world):
    inspection = world.new_inspection(checklist=world.child)
    authorisation_issue(
        inspection=inspection,
        signer=world.minister,
        expected_version=inspection.version,
        actor=world.minister,
    )
    inspection.refresh_from_db()
    inspection_assign(
        inspection=inspection,
        method="manual",
        assignee=world.inspectors[1],
        reason="x",
        expected_version=inspection.version,
        actor=world.supervisor,
    )
    inspection.refresh_from_db()
    inspection = _start(world, inspection)
    inspection = answers_save(
        inspection=inspection,
        expected_version=inspection.version,
        actor=world.inspectors[1],
        values={"minors-present": "yes", "minors-register": "no"},
    )
    assert inspection.findings.count() == 1
    inspection = answers_save(
        inspection=inspection,
        expected_version=inspection.version,
        actor=world.inspectors[1],
        values={"minors-present": "no"},
    )
    assert inspection.findings.count() == 0
    assert inspection.answers.get(question__code="minors-register").value is None


def test_bad_values_save_nothing_and_name_each_field(world):
    inspection = _authorised_and_started(world)
    with pytest.raises(ValidationError) as exc:
        answers_save(
            inspection=inspection,
            expected_version=inspection.version,
            actor=world.inspectors[0],
            values={
                "contracts-written": "yes",
                "workers-present": "lots",
                "last-pay-date": "31/02/2026",
                "pay-method": "<script>",
                "no-such-question": "x",
            },
        )
    assert set(exc.value.message_dict) == {
        "workers-present",
        "last-pay-date",
        "pay-method",
        "no-such-question",
    }
    assert inspection.answers.count() == 0


def test_submit_refuses_missing_required_answers(world):
    inspection = _authorised_and_started(world)
    with pytest.raises(ValidationError) as exc:
        inspection_submit(
            inspection=inspection, expected_version=inspection.version, actor=world.inspectors[0]
        )
    # The question as the ministry wrote it: the test ministry speaks Spanish.
    assert "contrato escrito" in str(exc.value.message_dict["answers"])
    inspection.refresh_from_db()
    assert inspection.status == Inspection.Status.IN_PROGRESS and inspection.minutes is None


def test_scheduled_for_unchanged(world):
    inspection = world.new_inspection(scheduled_for=dt.date(2026, 12, 1))
    assert inspection.scheduled_for == dt.date(2026, 12, 1)
