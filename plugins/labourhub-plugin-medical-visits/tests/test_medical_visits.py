"""A medical visit from plan to certificate and case, and who may read the health data."""

import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from labourhub_medical_visits.models import Examination, MedicalVisit
from labourhub_medical_visits.services import examination_record, finding_raise, visit_plan
from pypdf import PdfReader

from conftest import EXAM
from labourhub.audit.models import AuditEvent
from labourhub.documents.models import Document
from labourhub.documents.services import document_pdf_bytes
from labourhub.plugin_api import Role, ministry_today


def test_examination_issues_a_numbered_verifiable_certificate_pdf(visited, physician):
    from django.db import connection

    # The verdict is written in the ministry's language, whatever the physician's screen shows.
    connection.tenant.default_language = "es"
    exam = examination_record(visit=visited, **EXAM, actor=physician)
    assert re.fullmatch(r"CAM-\d{4}-000001", exam.certificate_number)
    document = Document.objects.get(pk=exam.document_id)
    pdf = PdfReader(io.BytesIO(document_pdf_bytes(document=document)))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Karla Yolibeth Mejía Castro" in text
    assert exam.certificate_number in text
    assert "Apto con restricciones" in text
    # The certificate goes to the employer: the clinical findings never appear on it.
    assert "Hipoacusia" not in text
    assert document.verification_code


def test_audit_records_the_steps_without_the_clinical_findings(visited, physician):
    examination_record(visit=visited, **EXAM, actor=physician)
    events = AuditEvent.objects.filter(action__startswith="medical_visit.").order_by("id")
    assert list(events.values_list("action", flat=True)) == [
        "medical_visit.planned",
        "medical_visit.recorded",
        "medical_visit.examination_recorded",
    ]
    assert all("Hipoacusia" not in str(e.payload) for e in events)


def test_a_finding_opens_a_case_on_the_establishment(visited, physician):
    finding = finding_raise(
        visit=visited,
        description="Ruido de 92 dB(A) en la línea de costura sin protección auditiva",
        legal_provision="Reglamento General de Medidas Preventivas, art. 112",
        corrective_measure="Dotar de protectores auditivos y medir el ruido en 30 días",
        actor=physician,
    )
    assert finding.case.establishment_id == visited.establishment_id
    assert finding.case.procedure == "enforcement"
    assert finding.case.assigned_to_id == physician.pk


@pytest.mark.parametrize("role", [Role.CLERK, Role.INSPECTOR, Role.ANALYST, Role.SYSTEM_ADMIN])
def test_other_roles_cannot_record_or_read_health_data(visited, user_with_role, role):
    from labourhub_medical_visits.services import health_data_read

    other = user_with_role(role)
    with pytest.raises(PermissionDenied):
        examination_record(visit=visited, **EXAM, actor=other)
    with pytest.raises(PermissionDenied):
        health_data_read(visit=visited, actor=other)
    assert not Examination.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "error_field"),
    [
        ("birth_year", 2024, "birth_year"),
        ("restrictions", "", "restrictions"),
        ("exposures", ["radiation'; DROP TABLE x;--"], "exposures"),
    ],
)
def test_hostile_examination_input_is_refused_and_nothing_is_saved(
    visited, physician, field, value, error_field
):
    with pytest.raises(ValidationError) as raised:
        examination_record(visit=visited, **{**EXAM, field: value}, actor=physician)
    assert error_field in raised.value.message_dict
    assert not Examination.objects.exists()
    assert not Document.objects.exists()


def test_a_worker_is_examined_once_per_visit(visited, physician):
    examination_record(visit=visited, **EXAM, actor=physician)
    with pytest.raises(ValidationError) as raised:
        examination_record(visit=visited, **EXAM, actor=physician)
    assert "worker_id_number" in raised.value.message_dict
    assert Examination.objects.count() == 1


def test_planning_needs_a_known_establishment_and_a_future_date(active, maquila, physician):
    import datetime as dt

    with pytest.raises(ValidationError) as raised:
        visit_plan(
            registration_number="NO-EXISTE",
            planned_for=ministry_today(),
            purpose="x",
            actor=physician,
        )
    assert "registration_number" in raised.value.message_dict
    with pytest.raises(ValidationError) as raised:
        visit_plan(
            registration_number=maquila.registration_number,
            planned_for=ministry_today() - dt.timedelta(days=1),
            purpose="x",
            actor=physician,
        )
    assert "planned_for" in raised.value.message_dict
    assert not MedicalVisit.objects.exists()
