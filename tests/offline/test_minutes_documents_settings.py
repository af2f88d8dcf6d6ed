"""What the offline app needs beyond answers: the drawn signature and written minutes, the signed
order to inspect and the legal provisions kept with the assignment, the "keep the next N days"
flag, and the administrator's settings page (hostile input, other ministries untouched)."""

import hashlib
import io

from django.utils import translation
from PIL import Image

from labourhub.audit.models import AuditEvent
from labourhub.inspections.models import Evidence
from labourhub.inspections.services import authorisation_issue, inspection_assign
from labourhub.offline.models import OfflineSettings
from labourhub.offline.services.batch import NO_SIGNATURE
from labourhub.offline.services.settings import KEEP_DAYS
from tests.offline.conftest import answer, build_world, key

REQUIRED = [
    answer("contracts-written", "no"),
    answer("payroll-kept", "no"),
    answer("workers-present", "12"),
    answer("minimum-wage", "yes"),
    answer("weekly-rest", "yes"),
]


def _signature_png() -> bytes:
    image = Image.new("RGBA", (480, 180), (0, 0, 0, 0))
    for x in range(40, 400):
        image.putpixel((x, 90 + (x % 30) - 15), (16, 32, 64, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _send_signature(api, inspection, data):
    start = api.post(
        "/api/v1/offline/uploads/",
        {"inspection": inspection.pk, "sha256": hashlib.sha256(data).hexdigest(),
         "size": len(data), "name": "signature.png", "question": "",
         "caption": "Signature of Ana on the minutes", "device_time": "2026-12-03T09:00:00Z"},
        format="json",
    ).json()  # fmt: skip
    return api.put(
        f"/api/v1/offline/uploads/{start['id']}/chunk/?offset=0",
        data,
        content_type="application/octet-stream",
    )


def _submit(api, inspection, **submit):
    body = {
        "key": key(),
        "visits": [{"inspection": inspection.pk, "base_version": inspection.version,
                    "answers": REQUIRED,
                    "submit": {"signed_by": "Ana Inspectora",
                               "device_time": "2026-12-03T09:00:00Z", **submit}}],
    }  # fmt: skip
    return api.post("/api/v1/offline/sync/", body, format="json").json()["visits"][0]


def test_drawn_signature_and_written_minutes_reach_the_server(
    world, in_progress, ministry, api_client_for
):
    api = api_client_for(ministry, world.inspectors[0])
    png = _signature_png()
    digest = hashlib.sha256(png).hexdigest()
    minutes = "Se constató falta de contratos escritos. El empleador se compromete a regularizar."

    # Minutes that name a signature the server never received are not signed.
    early = _submit(api, in_progress, minutes=minutes, signature_sha256=digest)
    assert early["status"] == "conflict"
    with translation.override("es"):  # the test ministry works in Spanish
        assert early["conflicts"][-1]["message"] == translation.gettext(NO_SIGNATURE)
    in_progress.refresh_from_db()
    assert in_progress.status == "in_progress" and in_progress.minutes is None

    assert _send_signature(api, in_progress, png).json()["status"] == "done"
    in_progress.refresh_from_db()
    done = _submit(api, in_progress, minutes=minutes, signature_sha256=digest)
    assert done["status"] == "applied", done
    in_progress.refresh_from_db()
    assert in_progress.status == "completed" and in_progress.notes == minutes
    assert in_progress.minutes is not None
    signature = Evidence.objects.get(inspection=in_progress, sha256=digest)
    assert signature.question is None and signature.content_type == "image/png"
    event = AuditEvent.objects.filter(action="inspection.offline_synced").order_by("-id").first()
    assert event.extra["values"]["step"] == "minutes_signed"
    assert event.extra["values"]["signature_sha256"] == digest


def test_hostile_minutes_are_refused(world, in_progress, ministry, api_client_for):
    api = api_client_for(ministry, world.inspectors[0])
    for bad in ({"minutes": "x" * 5001}, {"signature_sha256": "../../etc/passwd"}):
        body = {
            "key": key(),
            "visits": [{"inspection": in_progress.pk, "base_version": in_progress.version,
                        "submit": {"device_time": "2026-12-03T09:00:00Z", **bad}}],
        }  # fmt: skip
        assert api.post("/api/v1/offline/sync/", body, format="json").status_code == 400
    in_progress.refresh_from_db()
    assert in_progress.status == "in_progress" and in_progress.notes == ""


def _authorised(world):
    inspection = world.new_inspection()
    authorisation = authorisation_issue(
        inspection=inspection, signer=world.minister, expected_version=inspection.version,
        actor=world.minister,
    )  # fmt: skip
    inspection.refresh_from_db()
    inspection_assign(
        inspection=inspection, method="manual", assignee=world.inspectors[0], reason="x",
        expected_version=inspection.version, actor=world.supervisor,
    )  # fmt: skip
    return inspection, authorisation


def test_the_order_to_inspect_and_the_provisions_travel_with_the_assignment(
    world, ministry, api_client_for, second_ministry, user_with_role
):
    from tenants.context import ministry_context

    inspection, authorisation = _authorised(world)
    api = api_client_for(ministry, world.inspectors[0])
    listed = api.get("/api/v1/offline/assignments/").json()
    assert [(r["id"], r["keep"]) for r in listed] == [(inspection.pk, True)]
    pack = api.get(f"/api/v1/offline/assignments/{inspection.pk}/").json()
    order = pack["authorisation"]
    assert order["number"] == authorisation.number
    pdf = api.get(f"/api/v1/offline/{order['pdf']}")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert hashlib.sha256(pdf.content).hexdigest() == order["sha256"]
    provisions = {p["provision"]: p for p in pack["provisions"]}
    assert provisions and all(p["questions"] for p in provisions.values())
    # Another inspector of the same ministry, and another ministry, get nothing.
    other = api_client_for(ministry, world.inspectors[1])
    assert other.get(f"/api/v1/offline/{order['pdf']}").status_code in (403, 404)
    with ministry_context(second_ministry):
        outsider = build_world(user_with_role).inspectors[0]
        api2 = api_client_for(second_ministry, outsider)
        assert api2.get(f"/api/v1/offline/{order['pdf']}").status_code == 404


def test_the_settings_page_saves_and_refuses_hostile_input(world, ministry, client_for):
    client = client_for(ministry)
    client.force_login(world.inspectors[0])
    assert client.get("/app/offline/settings/").status_code == 403
    client.force_login(world.admin)
    page = client.get("/app/offline/settings/")
    assert page.status_code == 200 and 'name="keep_days"' in page.content.decode()
    with translation.override("es"):  # the test ministry works in Spanish
        expected = translation.gettext(KEEP_DAYS)
    assert expected != KEEP_DAYS
    for bad in ("abc", "0", "61", "-3", "<script>alert(1)</script>", ""):
        response = client.post(
            "/app/offline/settings/", {"record_location": "on", "keep_days": bad}
        )
        assert response.status_code == 200
        assert expected in response.content.decode(), bad
        assert "<script>alert" not in response.content.decode()
    assert not OfflineSettings.objects.exists()  # nothing was saved
    response = client.post("/app/offline/settings/", {"record_location": "on", "keep_days": "3"})
    assert response.status_code == 302
    row = OfflineSettings.objects.get(pk=1)
    assert row.record_location is True and row.keep_days == 3
    assert 'href="/app/offline/settings/"' in client.get("/app/").content.decode()


def test_another_ministry_s_settings_are_untouched(
    world, ministry, second_ministry, client_for, user_with_role
):
    from tenants.context import ministry_context

    client = client_for(ministry)
    client.force_login(world.admin)
    client.post("/app/offline/settings/", {"keep_days": "12"})
    assert OfflineSettings.objects.get(pk=1).keep_days == 12
    with ministry_context(second_ministry):
        assert not OfflineSettings.objects.exists()
        admin2 = build_world(user_with_role).admin
        other = client_for(second_ministry)
        other.force_login(admin2)
        page = other.get("/app/offline/settings/").content.decode()
        assert 'value="7"' in page and 'value="12"' not in page
