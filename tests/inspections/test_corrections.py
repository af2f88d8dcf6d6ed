import pytest

from labourhub.common.exceptions import ApplicationError
from labourhub.inspections.models import Correction
from labourhub.inspections.services import (
    answers_save,
    correction_decide,
    correction_request,
    inspection_submit,
)
from tests.inspections.conftest import started_inspection


@pytest.fixture
def submitted(world):
    inspection = started_inspection(world)
    inspection = answers_save(
        inspection=inspection,
        expected_version=inspection.version,
        actor=world.inspectors[0],
        values={
            "contracts-written": "no",
            "payroll-kept": "yes",
            "workers-present": "9",
            "minimum-wage": "yes",
        },
    )
    return inspection_submit(
        inspection=inspection, expected_version=inspection.version, actor=world.inspectors[0]
    )


def test_submitted_report_is_locked(world, submitted):
    with pytest.raises(ApplicationError) as exc:
        answers_save(
            inspection=submitted,
            expected_version=submitted.version,
            actor=world.inspectors[0],
            values={"contracts-written": "yes"},
        )
    assert exc.value.extra["code"] == "locked"


def test_correction_approved_by_supervisor_keeps_original(world, submitted):
    question = submitted.checklist_version.sections.first().questions.get(code="contracts-written")
    correction = correction_request(
        inspection=submitted,
        question=question,
        new_value="yes",
        reason="Contracts were in the head office",
        actor=world.inspectors[0],
    )
    with pytest.raises(ApplicationError) as exc:
        correction_decide(correction=correction, approve=True, note="", actor=world.inspectors[0])
    assert exc.value.extra["code"] in ("not_allowed", "own_correction")
    correction_decide(
        correction=correction, approve=True, note="Seen the contracts", actor=world.supervisor
    )
    correction.refresh_from_db()
    assert correction.status == Correction.Status.APPROVED and correction.original_value == "no"
    answer = submitted.answers.get(question=question)
    assert answer.value == "yes" and answer.amended
    finding = submitted.findings.get(question=question)
    assert finding.withdrawn_by == correction
    submitted.minutes.refresh_from_db()
    assert submitted.minutes.status == "signed"  # the signed minutes are never rewritten
    with pytest.raises(ApplicationError):
        correction_decide(correction=correction, approve=False, note="", actor=world.supervisor)
