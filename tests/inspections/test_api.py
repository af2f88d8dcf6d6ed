from django.utils import timezone

from labourhub.inspections.models import Assignment, ConflictOfInterest, Inspection
from labourhub.inspections.services import conflict_declare
from tests.inspections.conftest import build_world, started_inspection


def test_api_flow_with_version_conflict(world, ministry, api_client_for):
    planner = api_client_for(ministry, world.supervisor)
    response = planner.post(
        "/api/v1/inspections/create/",
        {
            "establishment": world.establishment.pk,
            "origin": "complaint",
            "origin_reference": "DEN-2026-17",
            "checklist": world.general.pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "planned" and body["version"] == 1
    iid = body["id"]
    minister = api_client_for(ministry, world.minister)
    response = minister.post(f"/api/v1/inspections/{iid}/authorise/", {"version": 1}, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["authorisations"][0]["sha256"] and body["status"] == "authorised"
    # Supervisor still holds version 1: a clear 409 with the current version.
    response = planner.post(
        f"/api/v1/inspections/{iid}/assign/",
        {"version": 1, "method": "random", "reason": "Anti-corruption draw"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["extra"] == {"code": "version_conflict", "current_version": 2}
    assert Inspection.objects.get(pk=iid).inspector is None
    response = planner.post(
        f"/api/v1/inspections/{iid}/assign/",
        {"version": 2, "method": "random", "reason": "Anti-corruption draw"},
        format="json",
    )
    assert response.status_code == 200
    assignment = response.json()["assignments"][0]
    replay = planner.get(f"/api/v1/inspections/{iid}/assignments/{assignment['id']}/replay/")
    assert replay.json()["matches"] is True
    assert replay.json()["replayed_assignee"] == assignment["assignee"]


def test_random_draw_excludes_conflicts_and_replays(world):
    conflict_declare(
        inspector=world.inspectors[0],
        employer=world.employer,
        reason="Brother-in-law is the owner",
        actor=None,
    )
    from labourhub.inspections.services import inspection_assign

    inspection = world.new_inspection()
    assignment = inspection_assign(
        inspection=inspection,
        method=Assignment.Method.RANDOM,
        reason="draw",
        expected_version=1,
        actor=world.supervisor,
        seed="fixed-seed-42",
    )
    assert world.inspectors[0].pk not in assignment.candidate_ids
    assert str(world.inspectors[0].pk) in assignment.excluded
    import random

    expected = random.Random("fixed-seed-42").choice(sorted(assignment.candidate_ids))
    assert assignment.assignee_id == expected
    assert ConflictOfInterest.objects.count() == 1


def test_manual_assignment_of_conflicted_inspector_is_refused(world, ministry, api_client_for):
    conflict_declare(
        inspector=world.inspectors[1], employer=world.employer, reason="Shares", actor=None
    )
    inspection = world.new_inspection()
    api = api_client_for(ministry, world.supervisor)
    response = api.post(
        f"/api/v1/inspections/{inspection.pk}/assign/",
        {"version": 1, "method": "manual", "assignee": world.inspectors[1].pk, "reason": "x"},
        format="json",
    )
    assert response.status_code == 400
    assert "assignee" in response.json()["extra"]["fields"]
    assert Inspection.objects.get(pk=inspection.pk).inspector is None


def test_criteria_assignment_prefers_lightest_workload(world):
    from labourhub.inspections.services import inspection_assign

    for _ in range(2):
        busy = world.new_inspection()
        inspection_assign(
            inspection=busy,
            method="manual",
            assignee=world.inspectors[0],
            reason="x",
            expected_version=1,
            actor=world.supervisor,
        )
    inspection = world.new_inspection()
    assignment = inspection_assign(
        inspection=inspection,
        method="criteria",
        reason="load",
        expected_version=1,
        actor=world.supervisor,
    )
    assert assignment.assignee_id != world.inspectors[0].pk


def test_hostile_api_input_is_refused_cleanly(world, ministry, api_client_for):
    inspection = started_inspection(world)
    api = api_client_for(ministry, world.inspectors[0])
    response = api.post(
        f"/api/v1/inspections/{inspection.pk}/answers/",
        {
            "version": inspection.version,
            "values": {
                "workers-present": "1e999999",
                "last-pay-date": "2026-13-45",
                "contracts-written": "'; DROP TABLE x; --",
            },
        },
        format="json",
    )
    assert response.status_code == 400
    fields = response.json()["extra"]["fields"]
    assert set(fields) == {"workers-present", "last-pay-date", "contracts-written"}
    assert inspection.answers.count() == 0
    response = api.post(
        f"/api/v1/inspections/{inspection.pk}/answers/",
        {"version": "x", "values": "nope"},
        format="json",
    )
    assert response.status_code == 400


def test_api_other_ministry_cannot_read_or_write(
    world, second_ministry, api_client_for, user_with_role
):
    inspection = started_inspection(world)
    from tenants.context import ministry_context

    with ministry_context(second_ministry):
        outsider = build_world(user_with_role).admin
        api = api_client_for(second_ministry, outsider)
        assert api.get(f"/api/v1/inspections/{inspection.pk}/").status_code == 404
        response = api.post(
            f"/api/v1/inspections/{inspection.pk}/answers/",
            {"version": inspection.version, "values": {"contracts-written": "no"}},
            format="json",
        )
        assert response.status_code == 404
        listed = api.get("/api/v1/inspections/").json()["results"]
        assert inspection.reference not in [row["reference"] for row in listed]
    assert inspection.answers.count() == 0


def test_inspector_token_cannot_touch_someone_elses_inspection(world, ministry, api_client_for):
    inspection = started_inspection(world, inspector=world.inspectors[1])
    api = api_client_for(ministry, world.inspectors[0])
    assert api.get(f"/api/v1/inspections/{inspection.pk}/").status_code == 403
    response = api.post(
        f"/api/v1/inspections/{inspection.pk}/submit/",
        {"version": inspection.version},
        format="json",
    )
    assert response.status_code == 403


def test_visit_start_api_requires_authorisation_under_procedure(world, ministry, api_client_for):
    from labourhub.inspections.services import inspection_assign

    inspection = world.new_inspection()
    inspection_assign(
        inspection=inspection,
        method="manual",
        assignee=world.inspectors[0],
        reason="x",
        expected_version=1,
        actor=world.supervisor,
    )
    api = api_client_for(ministry, world.inspectors[0])
    response = api.post(
        f"/api/v1/inspections/{inspection.pk}/visit/start/",
        {
            "version": 2,
            "arrived_at": timezone.now().isoformat(),
            "persons_met": "Owner",
            "workers_interviewed_female": 0,
            "workers_interviewed_male": 1,
        },
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["extra"]["code"] == "no_authorisation"


def test_schema_lists_inspection_endpoints(world, ministry, api_client_for):
    api = api_client_for(ministry, world.admin)
    schema = api.get("/api/v1/schema/?format=json").json()
    assert "/api/v1/inspections/{inspection_id}/answers/" in schema["paths"]
