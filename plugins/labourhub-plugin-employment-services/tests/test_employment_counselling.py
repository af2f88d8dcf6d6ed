"""Counselling appointments and labour-market programmes: services, pages, roles, isolation."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from labourhub_employment_services.models import Appointment, Enrolment, Programme
from labourhub_employment_services.services import (
    appointment_record,
    appointment_schedule,
    enrolment_end,
    enrolment_make,
    jobseeker_consent_withdraw,
    jobseeker_erase,
    programme_create,
    seeker_document_add,
)
from pes_helpers import cv_pdf, seeker

from labourhub.audit.models import AuditEvent
from labourhub.plugin_api import Role, ministry_today

BASE = "/app/x/employment-services"


@pytest.fixture
def active(enable_plugin):
    return enable_plugin("employment-services")


def _programme(**kw):
    today = ministry_today()
    data = {
        "name": "Culinary arts certificate",
        "kind": "training",
        "provider": "Sir Arthur Lewis Community College",
        "starts_on": today,
        "ends_on": today + dt.timedelta(days=90),
        "places": 2,
        "actor": None,
    }
    data.update(kw)
    return programme_create(**data)


def test_appointments_are_scheduled_and_recorded_with_a_note(active, in_ministry):
    s = seeker()
    a = appointment_schedule(
        seeker=s, starts_at=timezone.now() + dt.timedelta(days=2), purpose="Career plan", actor=None
    )
    with pytest.raises(ValidationError):
        appointment_record(appointment=a, status="missed", note="Was late", actor=None)
    with pytest.raises(ValidationError):
        appointment_record(appointment=a, status="scheduled", actor=None)
    a = appointment_record(appointment=a, status="attended", note="Wants pastry work", actor=None)
    assert a.status == Appointment.Status.ATTENDED and a.note == "Wants pastry work"
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"pes_appointment.scheduled", "pes_appointment.recorded"} <= actions
    assert "pastry" not in str(list(AuditEvent.objects.values_list("extra", "changes")))


def test_enrolment_respects_places_dates_and_outcomes(active, in_ministry):
    p = _programme(places=1)
    first, second = seeker(), seeker(first_name="Marcus", sex="M")
    e = enrolment_make(seeker=first, programme=p, actor=None)
    with pytest.raises(ValidationError):
        enrolment_make(seeker=first, programme=p, actor=None)
    with pytest.raises(ValidationError):
        enrolment_make(seeker=second, programme=p, actor=None)  # full
    with pytest.raises(ValidationError):
        enrolment_end(
            enrolment=e, status="completed", outcome="employed",
            ended_on=ministry_today() + dt.timedelta(days=5), actor=None,
        )  # fmt: skip
    e = enrolment_end(
        enrolment=e, status="completed", outcome="employed", ended_on=ministry_today(), actor=None
    )
    assert e.status == Enrolment.Status.COMPLETED and e.outcome == "employed"
    with pytest.raises(ValidationError):
        enrolment_end(
            enrolment=e, status="dropped_out", outcome="", ended_on=ministry_today(), actor=None
        )
    with pytest.raises(ValidationError):
        _programme(starts_on=ministry_today(), ends_on=ministry_today() - dt.timedelta(days=1))


def test_no_counselling_once_consent_to_processing_is_withdrawn(active, in_ministry):
    s = seeker()
    jobseeker_consent_withdraw(seeker=s, sharing_only=False, actor=None)
    with pytest.raises(ValidationError):
        appointment_schedule(seeker=s, starts_at=timezone.now(), purpose="x", actor=None)
    with pytest.raises(ValidationError):
        enrolment_make(seeker=s, programme=_programme(), actor=None)


def test_erasure_empties_counselling_notes_and_keeps_programme_outcomes(active, in_ministry):
    s = seeker()
    a = appointment_schedule(seeker=s, starts_at=timezone.now(), purpose="Review", actor=None)
    appointment_record(appointment=a, status="attended", note="Personal situation", actor=None)
    e = enrolment_make(seeker=s, programme=_programme(), actor=None)
    enrolment_end(
        enrolment=e, status="completed", outcome="employed", ended_on=ministry_today(), actor=None
    )
    jobseeker_erase(seeker=s, actor=None)
    a.refresh_from_db()
    e.refresh_from_db()
    assert a.note == "" and a.purpose == "" and a.status == "attended"
    assert e.outcome == "employed"


def test_roles_for_counselling_and_programmes(active, in_ministry, user_with_role):
    s = seeker()
    with pytest.raises(PermissionDenied):
        appointment_schedule(
            seeker=s, starts_at=timezone.now(), purpose="x", actor=user_with_role(Role.ANALYST)
        )
    with pytest.raises(PermissionDenied):
        _programme(actor=user_with_role(Role.PES_OFFICER))  # creating is for supervisors
    p = _programme(actor=user_with_role(Role.SUPERVISOR))
    officer = user_with_role(Role.PES_OFFICER)
    assert enrolment_make(seeker=s, programme=p, actor=officer).pk


def _client(client_for, ministry, user_with_role, role=Role.PES_OFFICER):
    client = client_for(ministry)
    client.force_login(user_with_role(role))
    return client


def test_the_officer_counsels_enrols_and_uploads_from_the_page(
    active, client_for, ministry, user_with_role
):
    s = seeker()
    p = _programme()
    web = _client(client_for, ministry, user_with_role)
    url = f"{BASE}/seekers/{s.pk}/counselling"
    assert (
        web.post(
            f"{url}/appointment/",
            {"starts_at": "2030-05-04T09:30", "purpose": "Interview coaching"},
        ).status_code
        == 302
    )
    a = s.appointments.get()
    # Typed in the ministry's local time and stored as an instant.
    local = timezone.localtime(a.starts_at, timezone=_zone(ministry))
    assert (local.hour, local.minute) == (9, 30)
    assert (
        web.post(
            f"{url}/appointment-record/{a.pk}/", {"status": "attended", "note": "Good progress"}
        ).status_code
        == 302
    )
    assert web.post(f"{url}/enrol/", {"programme": p.pk}).status_code == 302
    e = s.enrolments.get()
    assert (
        web.post(
            f"{url}/enrolment-end/{e.pk}/",
            {
                "status": "completed",
                "outcome": "employed",
                "ended_on": ministry_today().isoformat(),
            },
        ).status_code
        == 302
    )
    upload = SimpleUploadedFile("cv.pdf", cv_pdf(), content_type="application/pdf")
    assert web.post(f"{url}/document/", {"kind": "cv", "file": upload}).status_code == 302
    doc = s.documents.get()
    page = web.get(f"{BASE}/seekers/{s.pk}/").content.decode()
    assert "Good progress" in page and "Culinary arts certificate" in page and "cv.pdf" in page
    got = web.get(f"{BASE}/seekers/{s.pk}/documents/{doc.pk}/")
    assert got.status_code == 200 and got["Content-Type"] == "application/pdf"
    assert AuditEvent.objects.filter(action="pes_job_seeker.document_read").count() == 1


def _zone(ministry):
    import zoneinfo

    return zoneinfo.ZoneInfo(ministry.time_zone or "UTC")


def test_hostile_counselling_input_is_refused_on_the_page(
    active, client_for, ministry, user_with_role
):
    s = seeker()
    web = _client(client_for, ministry, user_with_role)
    url = f"{BASE}/seekers/{s.pk}/counselling"
    bad = web.post(f"{url}/appointment/", {"starts_at": "tomorrow", "purpose": "x" * 300})
    assert bad.status_code == 400 and not Appointment.objects.exists()
    exe = SimpleUploadedFile("cv.pdf", b"MZ" + b"\x00" * 100)
    refused = web.post(f"{url}/document/", {"kind": "cv", "file": exe})
    assert refused.status_code == 400 and not s.documents.exists()
    assert "cv.pdf" in refused.content.decode()  # the error names the file
    assert web.post(f"{url}/enrol/", {"programme": "99999"}).status_code == 400
    assert web.post(f"{url}/nonsense/").status_code == 404
    assert web.post(f"{url}/appointment-record/99999/", {"status": "attended"}).status_code == 404
    p = web.post(f"{BASE}/programmes/", {"name": "", "kind": "training", "places": 0})
    assert p.status_code in (400, 403) and not Programme.objects.exists()


def test_supervisors_create_programmes_from_the_page(active, client_for, ministry, user_with_role):
    web = _client(client_for, ministry, user_with_role, Role.SUPERVISOR)
    today = ministry_today()
    bad = web.post(
        f"{BASE}/programmes/",
        {"name": "Apprentice electricians", "kind": "apprenticeship", "places": 5,
         "starts_on": today.isoformat(), "ends_on": (today - dt.timedelta(days=3)).isoformat()},
    )  # fmt: skip
    assert bad.status_code == 400 and not Programme.objects.exists()
    ok = web.post(
        f"{BASE}/programmes/",
        {"name": "Apprentice electricians", "kind": "apprenticeship", "places": 5,
         "starts_on": today.isoformat(), "ends_on": (today + dt.timedelta(days=300)).isoformat()},
    )  # fmt: skip
    assert ok.status_code == 302
    assert "Apprentice electricians" in web.get(f"{BASE}/programmes/").content.decode()


@pytest.mark.multi_tenant
def test_another_ministry_cannot_reach_counselling_or_documents(
    active, enable_plugin, client_for, ministry, second_ministry, user_with_role
):
    from labourhub.accounts.services import user_create
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.context import ministry_context

    s = seeker()
    doc = seeker_document_add(seeker=s, name="cv.pdf", file=io.BytesIO(cv_pdf()), actor=None)
    a = appointment_schedule(seeker=s, starts_at=timezone.now(), purpose="x", actor=None)
    enable_plugin("employment-services", ministry=second_ministry)
    web = client_for(second_ministry)
    with ministry_context(second_ministry):
        web.force_login(
            user_create(
                username="pes-b", password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
            )
        )
    url = f"{BASE}/seekers/{s.pk}"
    assert web.get(f"{url}/documents/{doc.pk}/").status_code == 404
    assert (
        web.post(
            f"{url}/counselling/appointment-record/{a.pk}/", {"status": "attended", "note": "x"}
        ).status_code
        == 404
    )
    assert web.post(f"{url}/counselling/document-delete/{doc.pk}/").status_code == 404
    a.refresh_from_db()
    assert a.status == "scheduled" and s.documents.count() == 1
