"""The offline API over HTTP: idempotent batches, hostile input, uploads that resume and are
checked by hash, and another ministry's data out of reach."""

import hashlib
import json
from pathlib import Path

from django.utils import translation

from labourhub.audit.models import AuditEvent
from labourhub.inspections.models import Answer, Evidence
from labourhub.inspections.services.evidence import EXECUTABLE
from labourhub.offline.models import EvidenceUpload, EvidenceUploadChunk
from labourhub.offline.services.uploads import DAMAGED
from tests.inspections.images import jpeg_bytes
from tests.offline.conftest import answer, build_world, key


def _batch(inspection, *answers, **extra):
    return {
        "key": key(),
        "visits": [
            {"inspection": inspection.pk, "base_version": inspection.version,
             "answers": list(answers), **extra}
        ],
    }  # fmt: skip


def test_posting_the_same_batch_twice_applies_once(world, in_progress, ministry, api_client_for):
    api = api_client_for(ministry, world.inspectors[0])
    body = _batch(in_progress, answer("contracts-written", "no"), answer("payroll-kept", "yes"))
    first = api.post("/api/v1/offline/sync/", body, format="json")
    assert first.status_code == 200, first.json()
    events = AuditEvent.objects.count()
    second = api.post("/api/v1/offline/sync/", body, format="json")
    assert second.status_code == 200
    assert second.json()["replayed"] is True
    assert second.json()["visits"] == first.json()["visits"]
    assert AuditEvent.objects.count() == events
    assert Answer.objects.filter(inspection=in_progress).count() == 2


def test_hostile_batches_are_refused_with_clear_messages(
    world, in_progress, ministry, api_client_for
):
    api = api_client_for(ministry, world.inspectors[0])
    good = answer("payroll-kept", "yes")
    cases = [
        ({"key": "../../etc", "visits": []}, "key"),
        ({"key": key(), "visits": "all of them"}, "visits"),
        ({"key": key(), "visits": [{"inspection": "1 OR 1=1", "base_version": 1}]}, "visits"),
        (_batch(in_progress, {**good, "value": "x" * 6000}), "visits"),
        (_batch(in_progress, {**good, "device_time": "yesterday"}), "visits"),
        (_batch(in_progress, {**good, "resolution": "theirs-overwrite"}), "visits"),
        (
            {"key": key(), "visits": [{"inspection": in_progress.pk, "base_version": 1}] * 51},
            "visits",
        ),
    ]
    for body, field in cases:
        response = api.post("/api/v1/offline/sync/", body, format="json")
        assert response.status_code == 400, (body, response.content)
        assert field in json.dumps(response.json()), response.json()
    response = api.post(
        "/api/v1/offline/sync/", _batch(in_progress, {**good, "note": "a\x00b"}), format="json"
    )
    assert response.status_code == 400
    response = api.post("/api/v1/offline/sync/", "{not json", content_type="application/json")
    assert response.status_code == 400
    # A value the checklist refuses: the visit is rejected with the checklist's own message.
    response = api.post(
        "/api/v1/offline/sync/",
        _batch(in_progress, answer("workers-present", "fifty"), answer("no-such-code", "yes")),
        format="json",
        HTTP_ACCEPT_LANGUAGE="es",
    )
    visit = response.json()["visits"][0]
    assert visit["status"] == "rejected"
    assert set(visit["errors"]) == {"workers-present", "no-such-code"}
    assert Answer.objects.filter(inspection=in_progress).count() == 0


def test_someone_else_s_inspection_is_not_synced(world, in_progress, ministry, api_client_for):
    api = api_client_for(ministry, world.inspectors[1])
    response = api.post(
        "/api/v1/offline/sync/", _batch(in_progress, answer("payroll-kept", "no")), format="json"
    )
    # Never theirs: they are not even told it exists.
    assert response.json()["visits"][0]["status"] == "rejected"
    assert response.json()["visits"][0]["conflicts"][0]["kind"] == "missing"
    assert api.get(f"/api/v1/offline/assignments/{in_progress.pk}/").status_code == 403
    assert not Answer.objects.filter(inspection=in_progress).exists()


def test_the_assignment_pack_is_small_and_complete(world, in_progress, ministry, api_client_for):
    api = api_client_for(ministry, world.inspectors[0])
    listed = api.get("/api/v1/offline/assignments/").json()
    assert [row["id"] for row in listed] == [in_progress.pk]
    response = api.get(f"/api/v1/offline/assignments/{in_progress.pk}/")
    assert response.status_code == 200
    assert len(response.content) < 200 * 1024
    pack = response.json()
    codes = [q["code"] for s in pack["checklist"]["sections"] for q in s["questions"]]
    assert "contracts-written" in codes and "payroll-photo" in codes
    assert pack["establishment"]["name"] == world.establishment.name
    assert pack["version"] == in_progress.version and pack["record_location"] is False


def _upload(api, inspection, data, **extra):
    return api.post(
        "/api/v1/offline/uploads/",
        {
            "inspection": inspection.pk,
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "name": "planilla.jpg",
            "question": "payroll-photo",
            "device_time": "2026-12-03T08:20:00Z",
            **extra,
        },
        format="json",
    )


def _said(response, message, **args):
    """The refusal names the problem in the reader's language (English or the ministry's)."""
    text = json.dumps(response.json(), ensure_ascii=False)
    for language in ("en", "es", "fr"):
        with translation.override(language):
            if translation.gettext(message) % args in text:
                return True
    return False


def _chunk(api, upload_id, offset, data):
    return api.put(
        f"/api/v1/offline/uploads/{upload_id}/chunk/?offset={offset}",
        data,
        content_type="application/octet-stream",
    )


def test_an_interrupted_upload_resumes_and_is_checked_by_hash(
    world, in_progress, ministry, api_client_for
):
    api = api_client_for(ministry, world.inspectors[0])
    photo = jpeg_bytes(size=(400, 300))
    digest = hashlib.sha256(photo).hexdigest()
    started = _upload(api, in_progress, photo).json()
    assert started["received"] == 0
    assert _chunk(api, started["id"], 0, photo[:1000]).json()["received"] == 1000
    # The connection drops; the device asks again and goes on from where the server is.
    again = _upload(api, in_progress, photo).json()
    assert again["id"] == started["id"] and again["received"] == 1000
    wrong = _chunk(api, started["id"], 0, photo[:1000])
    assert wrong.status_code == 409 and wrong.json()["extra"]["received"] == 1000
    done = _chunk(api, started["id"], 1000, photo[1000:]).json()
    assert done["status"] == "done"
    evidence = Evidence.objects.get(pk=done["evidence"])
    assert evidence.sha256 == digest and evidence.question.code == "payroll-photo"
    assert not EvidenceUploadChunk.objects.exists()
    event = AuditEvent.objects.filter(action="inspection.offline_synced").get()
    assert event.extra["values"]["step"] == "evidence_added"
    assert event.extra["values"]["device_time"].startswith("2026-12-03T08:20:00")
    assert event.extra["values"]["sha256"] == digest
    # Sending it all again changes nothing.
    assert _upload(api, in_progress, photo).json()["status"] == "done"
    assert Evidence.objects.filter(inspection=in_progress).count() == 1


def test_hostile_uploads_store_nothing(world, in_progress, ministry, api_client_for):
    api = api_client_for(ministry, world.inspectors[0])
    photo = jpeg_bytes()
    # A file that does not match its announced fingerprint is dropped, to be sent again.
    upload = _upload(api, in_progress, photo).json()
    damaged = bytearray(photo)
    damaged[-10] ^= 0xFF
    response = _chunk(api, upload["id"], 0, bytes(damaged))
    assert response.status_code == 400
    assert _said(response, DAMAGED)
    assert EvidenceUpload.objects.get(pk=upload["id"]).received == 0
    # A program that calls itself a photo, with a correct hash, is refused by the evidence checks.
    program = b"MZ" + b"\x00" * 500
    upload = _upload(api, in_progress, program).json()
    response = _chunk(api, upload["id"], 0, program)
    assert response.status_code == 400 and _said(response, EXECUTABLE, name="planilla.jpg")
    for body in (
        {"sha256": "nothex"},
        {"size": 10**10},
        {"name": "x" * 200},
        {"question": "not-a-question"},
    ):
        assert _upload(api, in_progress, photo, **body).status_code == 400, body
    big = _upload(api, in_progress, b"\xff\xd8\xff" + b"0" * 100).json()
    assert _chunk(api, big["id"], 0, b"\xff\xd8\xff" + b"0" * 200).status_code == 400
    assert _chunk(api, big["id"], "abc", b"0").status_code == 400
    assert not Evidence.objects.filter(inspection=in_progress).exists()


def test_another_ministry_cannot_reach_offline_data(
    world, in_progress, second_ministry, api_client_for, user_with_role
):
    from tenants.context import ministry_context

    photo = jpeg_bytes()
    with ministry_context(second_ministry):
        outsider = build_world(user_with_role).inspectors[0]
        api = api_client_for(second_ministry, outsider)
        assert api.get(f"/api/v1/offline/assignments/{in_progress.pk}/").status_code == 404
        assert api.get("/api/v1/offline/assignments/").json() == []
        response = api.post(
            "/api/v1/offline/sync/",
            _batch(in_progress, answer("payroll-kept", "no")),
            format="json",
        )
        assert response.json()["visits"][0]["status"] == "rejected"
        assert _upload(api, in_progress, photo).status_code == 404
    assert not Answer.objects.filter(inspection=in_progress).exists()
    assert not EvidenceUpload.objects.exists()


def test_the_app_shell_manifest_and_service_worker(world, ministry, client_for):
    client = client_for(ministry)
    assert client.get("/app/offline/").status_code == 302  # sign in first
    client.force_login(world.inspectors[0])
    page = client.get("/app/offline/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'rel="manifest"' in html and "offline/app.js" in html
    assert "geolocation=()" in page["Permissions-Policy"]
    manifest = client.get("/app/offline/manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    body = manifest.json()
    assert body["start_url"] == "/app/offline/" and len(body["icons"]) == 2
    worker = client.get("/app/offline/sw.js")
    assert worker["Content-Type"].startswith("text/javascript")
    assert "/static/offline/app.js" in worker.content.decode()


def test_the_sync_and_submit_together_produce_signed_minutes(
    world, in_progress, ministry, api_client_for
):
    api = api_client_for(ministry, world.inspectors[0])
    body = _batch(
        in_progress,
        answer("contracts-written", "no"),
        answer("payroll-kept", "no"),
        answer("workers-present", "12"),
        answer("minimum-wage", "yes"),
        answer("weekly-rest", "yes"),
        submit={"signed_by": "Ana Inspectora", "device_time": "2026-12-03T09:00:00Z"},
    )
    response = api.post("/api/v1/offline/sync/", body, format="json")
    visit = response.json()["visits"][0]
    assert visit["status"] == "applied", visit
    assert visit["inspection_status"] == "completed"
    in_progress.refresh_from_db()
    assert in_progress.minutes is not None
    steps = [
        e.extra["values"]["step"]
        for e in AuditEvent.objects.filter(action="inspection.offline_synced").order_by("id")
    ]
    assert steps == ["answers_saved", "minutes_signed"]


def test_location_recording_is_a_ministry_setting_only_managers_change(
    world, ministry, api_client_for
):
    inspector = api_client_for(ministry, world.inspectors[0])
    assert inspector.get("/api/v1/offline/settings/").json() == {
        "record_location": False,
        "keep_days": 7,
    }
    refused = inspector.put(
        "/api/v1/offline/settings/", {"record_location": True, "keep_days": 7}, format="json"
    )
    assert refused.status_code == 403
    admin = api_client_for(ministry, world.admin)
    bad = admin.put(
        "/api/v1/offline/settings/", {"record_location": "maybe", "keep_days": 900}, format="json"
    )
    assert bad.status_code == 400
    assert set(bad.json()["extra"]["fields"]) == {"record_location", "keep_days"}
    ok = admin.put(
        "/api/v1/offline/settings/", {"record_location": True, "keep_days": 3}, format="json"
    )
    assert ok.json() == {"record_location": True, "keep_days": 3}
    event = AuditEvent.objects.order_by("-id").first()
    assert event.changes["record_location"] == [False, True]


def test_the_app_shell_stays_under_500_kb(world, ministry, client_for):
    from django.contrib.staticfiles import finders

    from labourhub.offline.views import SHELL_ASSETS

    client = client_for(ministry)
    client.force_login(world.inspectors[0])
    total = len(client.get("/app/offline/").content)
    total += sum(Path(finders.find(name)).stat().st_size for name in SHELL_ASSETS)
    assert total < 500 * 1024, total
