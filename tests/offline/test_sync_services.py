"""The batch sync service: base versions, conflicts, idempotency, audit with device times."""

import datetime as dt

from labourhub.audit.models import AuditEvent
from labourhub.inspections.models import Answer, Finding, Inspection
from labourhub.inspections.services import answers_save, inspection_assign
from labourhub.offline.models import OfflineSettings, SyncBatch
from labourhub.offline.services import offline_batch_apply_checked
from tests.offline.conftest import answer, key

DEVICE = "2026-12-03T08:15:00+00:00"


def _synced(inspection):
    return AuditEvent.objects.filter(
        action="inspection.offline_synced", subject_id=str(inspection.pk)
    ).order_by("id")


def test_unchanged_records_apply_with_device_and_sync_times(world, in_progress):
    inspector = world.inspectors[0]
    result = offline_batch_apply_checked(
        user=inspector,
        key=key(),
        visits=[
            {
                "inspection": in_progress.pk,
                "base_version": in_progress.version,
                "answers": [
                    answer(
                        "contracts-written",
                        "no",
                        when=dt.datetime(2026, 12, 3, 8, 15, tzinfo=dt.UTC),
                    ),
                    answer(
                        "workers-present",
                        "50.0",
                        when=dt.datetime(2026, 12, 3, 8, 16, tzinfo=dt.UTC),
                    ),
                ],
            }
        ],
    )
    visit = result["visits"][0]
    assert visit["status"] == "applied", visit
    assert visit["answers"] == {"contracts-written": "no", "workers-present": "50"}
    assert Finding.objects.filter(
        inspection=in_progress, question__code="contracts-written"
    ).exists()
    event = _synced(in_progress).get()
    values = event.extra["values"]
    assert values["step"] == "answers_saved"
    assert values["device_time"].startswith("2026-12-03T08:16:00")
    assert values["device_times"]["contracts-written"].startswith("2026-12-03T08:15:00")
    assert values["synced_at"] > values["device_time"]
    assert event.actor_id == inspector.pk


def test_a_batch_posted_twice_applies_once(world, in_progress):
    batch = {
        "user": world.inspectors[0],
        "key": key(),
        "visits": [
            {
                "inspection": in_progress.pk,
                "base_version": in_progress.version,
                "answers": [answer("payroll-kept", "yes")],
            }
        ],
    }
    first = offline_batch_apply_checked(**batch)
    version = Inspection.objects.get(pk=in_progress.pk).version
    events = AuditEvent.objects.count()
    second = offline_batch_apply_checked(**batch)
    assert first["replayed"] is False and second["replayed"] is True
    assert second["visits"] == first["visits"]
    assert Inspection.objects.get(pk=in_progress.pk).version == version
    assert AuditEvent.objects.count() == events
    assert SyncBatch.objects.filter(key=batch["key"]).count() == 1


def test_an_answer_changed_on_the_server_is_a_conflict_not_an_overwrite(world, in_progress):
    inspector = world.inspectors[0]
    base_version = in_progress.version
    # While the inspector is offline (base: no answer), the supervisor records "yes".
    answers_save(
        inspection=in_progress,
        values={"contracts-written": "yes"},
        expected_version=in_progress.version,
        actor=world.supervisor,
    )
    result = offline_batch_apply_checked(
        user=inspector,
        key=key(),
        visits=[
            {
                "inspection": in_progress.pk,
                "base_version": base_version,
                "answers": [answer("contracts-written", "no"), answer("payroll-kept", "yes")],
                "submit": {"signed_by": "Ana", "device_time": DEVICE},
            }
        ],
    )
    visit = result["visits"][0]
    assert visit["status"] == "conflict"
    assert visit["applied"] == ["payroll-kept"]  # the unchanged record still applies
    conflict = visit["conflicts"][0]
    assert conflict["kind"] == "answer" and conflict["code"] == "contracts-written"
    assert (conflict["mine"], conflict["theirs"], conflict["base"]) == ("no", "yes", None)
    assert "supervisor" in conflict["message"]
    assert visit["conflicts"][1]["kind"] == "not_submitted"
    assert (
        Answer.objects.get(inspection=in_progress, question__code="contracts-written").value
        == "yes"
    )
    assert Inspection.objects.get(pk=in_progress.pk).status == "in_progress"

    # The inspector chooses their answer, knowingly: it now applies, and the trail says so.
    again = offline_batch_apply_checked(
        user=inspector,
        key=key(),
        visits=[
            {
                "inspection": in_progress.pk,
                "base_version": visit["version"],
                "answers": [answer("contracts-written", "no", base="yes", resolution="mine")],
            }
        ],
    )
    assert again["visits"][0]["status"] == "applied"
    assert (
        Answer.objects.get(inspection=in_progress, question__code="contracts-written").value == "no"
    )
    steps = [e.extra["values"]["step"] for e in _synced(in_progress)]
    assert steps[-2:] == ["answers_saved", "answer_kept_mine"]


def test_the_same_answer_on_both_sides_is_no_conflict(world, in_progress):
    answers_save(
        inspection=in_progress,
        values={"payroll-kept": "yes"},
        expected_version=in_progress.version,
        actor=world.supervisor,
    )
    result = offline_batch_apply_checked(
        user=world.inspectors[0],
        key=key(),
        visits=[
            {
                "inspection": in_progress.pk,
                "base_version": 1,
                "answers": [answer("payroll-kept", "yes")],
            }
        ],
    )
    assert result["visits"][0]["status"] == "applied"
    assert result["visits"][0]["applied"] == []


def test_a_reassigned_inspection_applies_nothing(world, in_progress):
    inspection_assign(
        inspection=in_progress,
        method="manual",
        assignee=world.inspectors[1],
        reason="Urgent change of plan",
        expected_version=in_progress.version,
        actor=world.supervisor,
    )
    events = AuditEvent.objects.count()
    result = offline_batch_apply_checked(
        user=world.inspectors[0],
        key=key(),
        visits=[
            {
                "inspection": in_progress.pk,
                "base_version": 3,
                "answers": [answer("payroll-kept", "no")],
            }
        ],
    )
    visit = result["visits"][0]
    assert visit["status"] == "conflict"
    assert visit["conflicts"][0]["kind"] == "reassigned"
    assert (
        "Insp2" in visit["conflicts"][0]["message"] or "insp2" in visit["conflicts"][0]["message"]
    )
    assert not Answer.objects.filter(inspection=in_progress).exists()
    assert AuditEvent.objects.count() == events


def test_a_bad_value_saves_nothing_of_that_visit_but_the_other_visit_applies(world, in_progress):
    from tests.offline.conftest import started_inspection

    other = started_inspection(world)
    result = offline_batch_apply_checked(
        user=world.inspectors[0],
        key=key(),
        visits=[
            {
                "inspection": in_progress.pk,
                "base_version": 1,
                "answers": [answer("payroll-kept", "yes"), answer("contracts-written", "maybe")],
            },
            {"inspection": other.pk, "base_version": 1, "answers": [answer("payroll-kept", "yes")]},
        ],
    )
    bad, good = result["visits"]
    assert bad["status"] == "rejected"
    assert bad["errors"] == {"contracts-written": ["Answer yes, no or not applicable."]}
    assert not Answer.objects.filter(inspection=in_progress).exists()
    assert not _synced(in_progress).exists()
    assert good["status"] == "applied"
    assert Answer.objects.get(inspection=other, question__code="payroll-kept").value == "yes"


def test_visit_start_offline_records_location_only_when_the_ministry_enables_it(world):
    from labourhub.inspections.services import procedure_update

    procedure_update(
        require_authorisation=False, authorising_roles=[], authorisation_valid_days=30, actor=None
    )
    location = {"latitude": -25.3, "longitude": -57.6, "accuracy": 20.0}

    def start(inspection):
        inspection_assign(
            inspection=inspection, method="manual", assignee=world.inspectors[0], reason="t",
            expected_version=inspection.version, actor=world.supervisor,
        )  # fmt: skip
        inspection.refresh_from_db()
        start = {
            "arrived_at": dt.datetime(2026, 12, 3, 8, 0, tzinfo=dt.UTC),
            "persons_met": "Sra. Benítez",
            "workers_interviewed_female": 2,
            "workers_interviewed_male": 1,
            "device_time": dt.datetime(2026, 12, 3, 8, 1, tzinfo=dt.UTC),
            "location": location,
        }
        offline_batch_apply_checked(
            user=world.inspectors[0],
            key=key(),
            visits=[
                {"inspection": inspection.pk, "base_version": inspection.version, "start": start}
            ],
        )
        inspection.refresh_from_db()
        assert inspection.status == "in_progress" and inspection.persons_met == "Sra. Benítez"
        return _synced(inspection).get().extra["values"]

    assert "location" not in start(world.new_inspection())
    OfflineSettings.objects.create(pk=1, record_location=True)
    assert start(world.new_inspection())["location"] == location
