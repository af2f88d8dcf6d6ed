"""The electronic inbox: serve, legal receipt, time limit, answers with checked documents."""

import datetime as dt
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, InternalError, ProgrammingError, transaction
from django.utils import timezone

from labourhub.audit.models import AuditEvent
from labourhub.common.exceptions import ApplicationError
from labourhub.portal.models import Answer, AnswerDocument, Notification, Receipt
from labourhub.portal.services.ebox import (
    notification_answer,
    notification_open,
    notification_review,
    notification_serve,
)
from labourhub.workflow.calendar import WORKING_DAYS, calendar_current
from labourhub.workflow.services import case_open
from tests.portal.conftest import minimal_pdf


def serve(portal, **kw):
    data = {
        "establishment": portal.est_a,
        "kind": "document_requirement",
        "subject": "Remote inspection: payroll",
        "body": "Produce the payroll of the last three months.",
        "requested_documents": ["Payroll", "Contracts"],
        "reply_days": 5,
        "actor": portal.supervisor,
    }
    data.update(kw)
    return notification_serve(**data)


def xlsx_bytes(*, macros: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        if macros:
            archive.writestr("xl/vbaProject.bin", b"\x00" * 100)
    return buffer.getvalue()


@pytest.fixture
def served(portal):
    return serve(portal)


def test_opening_records_one_immutable_receipt_and_starts_the_time_limit(portal, served):
    assert served.due_on is None
    receipt = notification_open(notification=served, actor=portal.employer_a)
    again = notification_open(notification=served, actor=portal.employer_a)
    assert again.pk == receipt.pk and again.opened_at == receipt.opened_at
    served.refresh_from_db()
    opened_on = timezone.localtime(receipt.opened_at).date()
    assert served.due_on == calendar_current().add(opened_on, 5, WORKING_DAYS)
    assert served.due_on > opened_on
    with pytest.raises((InternalError, ProgrammingError, IntegrityError)), transaction.atomic():
        Receipt.objects.filter(pk=receipt.pk).update(opened_at=timezone.now() - dt.timedelta(1))
    with pytest.raises((InternalError, ProgrammingError, IntegrityError)), transaction.atomic():
        Receipt.objects.filter(pk=receipt.pk).delete()
    assert Receipt.objects.get(pk=receipt.pk).opened_at == receipt.opened_at
    opened = AuditEvent.objects.filter(action="ebox_notification.opened")
    assert [e.actor_id for e in opened] == [portal.employer_a.pk]


def test_a_linked_case_gets_a_workflow_deadline_from_the_opening(portal):
    case = case_open(
        procedure="enforcement",
        title="Order",
        office=portal.district,
        establishment=portal.est_a,
        actor=None,
    )
    notification = serve(portal, case=case, reply_days=10)
    notification_open(notification=notification, actor=portal.employer_a)
    deadline = case.deadlines.get(code="ebox_answer")
    notification.refresh_from_db()
    assert deadline.due_on == notification.due_on
    assert deadline.start_on == timezone.localdate()


def test_another_employer_cannot_open_or_answer(portal, served):
    with pytest.raises(PermissionDenied):
        notification_open(notification=served, actor=portal.employer_b)
    with pytest.raises(PermissionDenied):
        notification_answer(
            notification=served,
            note="",
            actor=portal.employer_b,
            files=[SimpleUploadedFile("p.pdf", minimal_pdf())],
        )
    assert not Receipt.objects.filter(notification=served).exists()


def test_answer_stores_documents_with_their_sha256_and_the_inspector_reviews(portal, served):
    with pytest.raises(ApplicationError):  # must be opened first
        notification_answer(
            notification=served,
            note="",
            actor=portal.employer_a,
            files=[SimpleUploadedFile("p.pdf", minimal_pdf())],
        )
    notification_open(notification=served, actor=portal.employer_a)
    csv = b"name,salary\nAna,1200\nLuis,-50.5\n"
    answer = notification_answer(
        notification=served,
        note="Attached",
        actor=portal.employer_a,
        files=[
            SimpleUploadedFile("planilla.pdf", minimal_pdf()),
            SimpleUploadedFile("planilla.xlsx", xlsx_bytes()),
            SimpleUploadedFile("planilla.csv", csv),
        ],
    )
    docs = list(answer.documents.order_by("id"))
    assert [d.content_type for d in docs] == [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "text/csv",
    ]
    import hashlib

    with default_storage.open(docs[2].storage_key, "rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == docs[2].sha256
    notification_review(notification=served, note="Payroll complete", actor=portal.supervisor)
    with pytest.raises(ApplicationError):
        notification_review(notification=served, note="again", actor=portal.supervisor)
    actions = list(
        AuditEvent.objects.filter(subject_type="portal.notification", subject_id=str(served.pk))
        .order_by("id")
        .values_list("action", "actor_id")
    )
    assert actions == [
        ("ebox_notification.served", portal.supervisor.pk),
        ("ebox_notification.opened", portal.employer_a.pk),
        ("ebox_notification.answered", portal.employer_a.pk),
        ("ebox_notification.reviewed", portal.supervisor.pk),
    ]


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("payroll.pdf", b"MZ\x90\x00" + b"\x00" * 100, "program"),
        ("payroll.pdf", minimal_pdf()[:-8], "not a complete PDF"),
        (
            "payroll.pdf",
            minimal_pdf().replace(b"trailer", b"/OpenAction<</S/JavaScript/JS(x)>>trailer"),
            "scripts",
        ),
        ("payroll.xlsx", xlsx_bytes(macros=True), "macros"),
        ("payroll.zip", xlsx_bytes(), "archive"),
        ("payroll.csv", b'name,cmd\nAna,=HYPERLINK("http://x")\n', "formula"),
        ("payroll.csv", b"a,b\n\x00\x01", "not a readable"),
        ("payroll.docx", b"plain text", "not a PDF"),
        ("pay\x07roll.csv", b"a,b\n", "not allowed"),
        ("payroll.csv", b"", "empty"),
    ],
)
def test_hostile_answers_are_refused_and_nothing_is_half_saved(
    portal, served, name, content, fragment
):
    notification_open(notification=served, actor=portal.employer_a)
    good = SimpleUploadedFile("ok.pdf", minimal_pdf())
    before = (
        default_storage.listdir(f"portal/ebox/{served.pk}")[1]
        if default_storage.exists(f"portal/ebox/{served.pk}")
        else []
    )
    with pytest.raises(ValidationError) as exc:
        notification_answer(
            notification=served,
            note="x",
            actor=portal.employer_a,
            files=[good, SimpleUploadedFile(name, content)],
        )
    assert fragment in " ".join(exc.value.messages)
    assert not Answer.objects.filter(notification=served).exists()
    assert not AnswerDocument.objects.exists()
    assert before == []


def test_bad_serve_input_is_refused_with_field_errors(portal):
    with pytest.raises(ValidationError) as exc:
        serve(portal, kind="sql';drop", subject=" ", body="", reply_days=99)
    assert set(exc.value.message_dict) == {"kind", "subject", "body", "reply_days"}
    assert not Notification.objects.exists()


def test_an_inspector_serves_only_within_their_own_work(portal):
    with pytest.raises(PermissionDenied):
        serve(portal, actor=portal.far_inspector)
    with pytest.raises(PermissionDenied):
        serve(portal, actor=portal.inspector)
    with pytest.raises(PermissionDenied):
        serve(portal, actor=portal.clerk)
