"""CVs in object storage and the ministry's retention rule, through the real services and S3."""

import datetime as dt
import hashlib
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from labourhub_employment_services.apps import EmploymentSettings
from labourhub_employment_services.models import JobSeeker, SeekerDocument
from labourhub_employment_services.services import (
    appointment_schedule,
    jobseeker_consent_withdraw,
    jobseeker_erase,
    jobseeker_retention_apply,
    referral_make,
    seeker_document_add,
    seeker_document_delete,
)
from labourhub_employment_services.stats import measure_total
from pes_helpers import cv_pdf, region, seeker, vacancy

from labourhub.audit.models import AuditEvent


@pytest.fixture
def active(enable_plugin):
    return enable_plugin("employment-services")


def _add(s, data: bytes, name: str = "cv.pdf"):
    return seeker_document_add(seeker=s, name=name, file=io.BytesIO(data), actor=None)


def test_a_cv_is_stored_in_object_storage_with_its_sha256(active, in_ministry):
    s = seeker()
    data = cv_pdf("Keisha Joseph, line cook")
    doc = _add(s, data, "Keisha CV.pdf")
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.size == len(data) and doc.content_type == "application/pdf"
    assert doc.storage_key.startswith("pes/documents/") and "Keisha" not in doc.storage_key
    with default_storage.open(doc.storage_key, "rb") as handle:
        assert handle.read() == data
    event = AuditEvent.objects.filter(action="pes_job_seeker.document_added").get()
    assert "Keisha" not in str(event.extra) and doc.sha256 in str(event.extra)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cv.pdf", b"MZ\x90\x00" + b"\x00" * 200, "programa"),
        ("cv.pdf", cv_pdf() + b"/JavaScript (app.alert(1))", "JavaScript"),
        ("cv.xlsx", b"PK\x03\x04" + b"\x00" * 100, "Excel"),
        ("cv.csv", b"name,skills\nKeisha,cooking\n", "PDF"),
        ("cv.docx", b"hello", "PDF"),
        ("cv.pdf", cv_pdf() + b" " * (5 * 1024 * 1024), "5 MB"),
    ],
)
def test_hostile_documents_are_refused_with_nothing_stored(
    active, in_ministry, name, data, message
):
    s = seeker()
    keys_before = set(default_storage.listdir("pes/documents")[1]) if _exists() else set()
    with pytest.raises(ValidationError) as exc:
        _add(s, data, name)
    assert exc.value.messages, "a translated message explains the refusal"
    assert not SeekerDocument.objects.exists()
    keys_after = set(default_storage.listdir("pes/documents")[1]) if _exists() else set()
    assert keys_after == keys_before
    assert not AuditEvent.objects.filter(action="pes_job_seeker.document_added").exists()


def _exists() -> bool:
    try:
        default_storage.listdir("pes/documents")
    except (FileNotFoundError, OSError):
        return False
    return True


def test_deleting_a_document_removes_the_object(
    active, in_ministry, django_capture_on_commit_callbacks
):
    s = seeker()
    doc = _add(s, cv_pdf())
    key = doc.storage_key
    with django_capture_on_commit_callbacks(execute=True):
        seeker_document_delete(document=doc, actor=None)
    assert not default_storage.exists(key)
    assert not SeekerDocument.objects.exists()


def test_erasure_on_request_deletes_the_cv_and_keeps_the_statistics(
    active, in_ministry, django_capture_on_commit_callbacks
):
    s = seeker(region=region())
    doc = _add(s, cv_pdf())
    appointment_schedule(
        seeker=s, starts_at=timezone.now() + dt.timedelta(days=1), purpose="CV review", actor=None
    )
    before = measure_total("jobseekers", sex="F", suppress=False)
    with django_capture_on_commit_callbacks(execute=True):
        jobseeker_erase(seeker=s, actor=None)
    assert not default_storage.exists(doc.storage_key)
    s.refresh_from_db()
    assert not s.documents.exists() and s.appointments.get().purpose == ""
    assert measure_total("jobseekers", sex="F", suppress=False) == before


def test_no_document_for_a_seeker_who_withdrew_all_consent(active, in_ministry):
    s = seeker()
    jobseeker_consent_withdraw(seeker=s, sharing_only=False, actor=None)
    with pytest.raises(ValidationError):
        _add(s, cv_pdf())
    assert not SeekerDocument.objects.exists()


def test_the_retention_rule_erases_expired_and_withdrawn_seekers_only(
    active, in_ministry, django_capture_on_commit_callbacks
):
    rule = EmploymentSettings(retention_months=12, withdrawn_grace_days=30)
    now = timezone.now()
    with time_machine.travel(now - dt.timedelta(days=800), tick=False):
        stale = seeker(first_name="Stale", region=region())
        stale_doc = _add(stale, cv_pdf())
        busy = seeker(first_name="Busy", national_id="B-1")
    with time_machine.travel(now - dt.timedelta(days=60), tick=False):
        gone = seeker(first_name="Gone", national_id="G-1")
        jobseeker_consent_withdraw(seeker=gone, sharing_only=False, actor=None)
        referral_make(seeker=busy, vacancy=vacancy(), actor=None)  # recent activity keeps Busy
    recent_withdrawal = seeker(first_name="Recent", national_id="R-1")
    jobseeker_consent_withdraw(seeker=recent_withdrawal, sharing_only=False, actor=None)
    fresh = seeker(first_name="Fresh", national_id="F-1")
    total_before = measure_total("jobseekers", suppress=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert jobseeker_retention_apply(settings=rule, now=now) == 2
    erased = set(JobSeeker.objects.filter(erased_at__isnull=False).values_list("pk", flat=True))
    assert erased == {stale.pk, gone.pk}
    kept = JobSeeker.objects.filter(pk__in=[busy.pk, recent_withdrawal.pk, fresh.pk])
    assert sorted(kept.values_list("first_name", flat=True)) == ["Busy", "Fresh", "Recent"]
    assert not default_storage.exists(stale_doc.storage_key)
    assert measure_total("jobseekers", suppress=False) == total_before
    events = AuditEvent.objects.filter(action="pes_job_seeker.anonymised")
    assert events.count() == 2
    rules = sorted(
        ("consent_withdrawn" in str(e.extra), "retention_period" in str(e.extra)) for e in events
    )
    assert rules == [(False, True), (True, False)]
    assert jobseeker_retention_apply(settings=rule, now=now) == 0  # idempotent


@pytest.mark.hook_effect("daily_housekeeping")
def test_the_daily_beat_task_applies_each_ministrys_own_rule(
    active, ministry, enable_plugin, second_ministry
):
    from tenants.context import ministry_context
    from tenants.plugin_schedules import plugins_daily_housekeeping_all

    enable_plugin("employment-services", config={"retention_months": 1})
    past = timezone.now() - dt.timedelta(days=90)
    with ministry_context(ministry), time_machine.travel(past, tick=False):
        old = seeker(first_name="Old")
    with ministry_context(second_ministry), time_machine.travel(past, tick=False):
        # The plugin is not active in the second ministry: its data is left alone.
        other = seeker(first_name="Other")
    assert plugins_daily_housekeeping_all() >= 2
    with ministry_context(ministry):
        assert JobSeeker.objects.get(pk=old.pk).erased_at is not None
    with ministry_context(second_ministry):
        assert JobSeeker.objects.get(pk=other.pk).first_name == "Other"


def test_the_retention_setting_is_validated_on_activation(active, enable_plugin):
    from labourhub.plugin_api import ApplicationError

    with pytest.raises((ValidationError, ApplicationError, ValueError)):
        enable_plugin("employment-services", config={"retention_months": 0})


def test_an_uploaded_file_object_is_accepted(active, in_ministry):
    s = seeker()
    upload = SimpleUploadedFile("cv.pdf", cv_pdf(), content_type="application/pdf")
    doc = seeker_document_add(seeker=s, name=upload.name, file=upload, actor=None)
    assert doc.filename == "cv.pdf"
