"""Workers follow and file complaints and notify accidents; employers notify accidents."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from labourhub.audit.models import AuditEvent
from labourhub.complaints.models import AccidentNotification, Complaint
from labourhub.complaints.services import complaint_register
from labourhub.documents.models import Document
from labourhub.portal.models import ComplaintFollower, PortalAccident, SharedDocument
from labourhub.workflow.models import Case
from tests.portal.conftest import minimal_pdf, signup, token_from_outbox


def _worker_client(portal, client_for, ministry, user=None):
    client = client_for(ministry)
    client.force_login(user or portal.worker)
    return client


def _second_worker(capture):
    from labourhub.portal.services.accounts import portal_email_confirm

    with capture(execute=True):
        account = signup("worker", "wrk2")
    portal_email_confirm(token=token_from_outbox())
    return account.user


def _file(client, portal, **extra):
    data = {
        "subject": "Unpaid overtime",
        "description": "We worked Sundays for three months without pay.",
        "establishment": portal.est_a.registration_number,
    }
    data.update(extra)
    return client.post("/portal/my-complaints/new/", data)


def test_worker_files_a_named_complaint_and_follows_it(portal, client_for, ministry):
    client = _worker_client(portal, client_for, ministry)
    response = _file(client, portal)
    assert response.status_code == 200
    complaint = Complaint.objects.get(subject="Unpaid overtime")
    assert complaint.channel == "portal" and complaint.complainant_contact == "wrk@example.org"
    assert ComplaintFollower.objects.get(complaint=complaint).user == portal.worker
    listing = client.get("/portal/my-complaints/").content.decode()
    assert "Unpaid overtime" in listing
    client.cookies["django_language"] = "es"
    page = client.get(f"/portal/my-complaints/{complaint.pk}/").content.decode()
    assert complaint.case.reference in page
    assert "Próximo paso" in page or "Siguiente paso" in page
    # The trail says the worker followed a complaint, never which one.
    event = AuditEvent.objects.filter(action="portal_complaint.filed").get()
    assert event.actor_id == portal.worker.pk
    # "format" is the trail's own version number: a small complaint id would match it.
    extra = {key: value for key, value in event.extra.items() if key != "format"}
    assert str(complaint.pk) not in str(event.changes) + str(extra)
    assert event.subject_id != str(complaint.pk)
    registered = AuditEvent.objects.filter(action="complaint.registered").get()
    assert registered.actor_id is None
    # The inspector working on the complaint does not see who complained; the supervisor does.
    Case.objects.filter(pk=complaint.case_id).update(assigned_to=portal.inspector)
    inspector = client_for(ministry)
    inspector.force_login(portal.inspector)
    detail = inspector.get(f"/app/complaints/{complaint.pk}/")
    assert detail.status_code == 200 and "Unpaid overtime" in detail.content.decode()
    assert "wrk@example.org" not in detail.content.decode()
    supervisor = client_for(ministry)
    supervisor.force_login(portal.supervisor)
    assert "wrk@example.org" in supervisor.get(f"/app/complaints/{complaint.pk}/").content.decode()


def test_anonymous_complaint_is_not_tied_to_the_account(portal, client_for, ministry):
    client = _worker_client(portal, client_for, ministry)
    response = _file(client, portal, anonymous="on", subject="Children at night")
    assert response.status_code == 200
    complaint = Complaint.objects.get(subject="Children at night")
    assert complaint.anonymous and complaint.complainant_name == ""
    assert not ComplaintFollower.objects.filter(complaint=complaint).exists()
    assert not AuditEvent.objects.filter(
        actor_id=portal.worker.pk, action__startswith="portal_complaint"
    ).exists()
    # The code is shown once and does follow it on the public tracking page.
    code = response.context["code"]
    tracked = client_for(ministry).post("/portal/complaints/track/", {"code": code})
    assert "Children at night" in tracked.content.decode()


def test_hostile_complaint_is_refused_in_spanish_and_nothing_saved(portal, client_for, ministry):
    client = _worker_client(portal, client_for, ministry)
    client.cookies["django_language"] = "es"
    before = Complaint.objects.count()
    # Control characters are refused at the door for every form, in the reader's language.
    control = _file(client, portal, description="\x1b[31m red terminal text \x07")
    assert control.status_code == 400
    assert "La solicitud contiene caracteres de control" in control.content.decode()
    response = _file(
        client,
        portal,
        subject="<script>alert(1)</script>",
        establishment="NO-SUCH-NUMBER",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in body
    assert "Ningún establecimiento tiene este número de registro." in body
    fixed = _file(client, portal, subject="<b>overtime</b>", description="<img src=x onerror=1>")
    assert "No se permiten aquí los signos" in fixed.content.decode()
    assert Complaint.objects.count() == before
    assert Case.objects.filter(procedure="complaint").count() == before


def test_claim_by_code_and_isolation_between_workers(
    portal, client_for, ministry, django_capture_on_commit_callbacks
):
    complaint, code = complaint_register(
        office=portal.district,
        subject="Dismissed while pregnant",
        description="I was dismissed the day I told them.",
        channel="staff",
        actor=portal.supervisor,
        establishment=portal.est_b,
        complainant_name="Ana Wrk",
    )
    anonymous, anonymous_code = complaint_register(
        office=portal.district,
        subject="Anonymous one",
        description="Something happened there.",
        channel="staff",
        actor=portal.supervisor,
        establishment=portal.est_b,
        anonymous=True,
    )
    client = _worker_client(portal, client_for, ministry)
    client.cookies["django_language"] = "fr"
    wrong = client.post("/portal/my-complaints/", {"code": "ABCD-EFGH-JKMN"})
    assert "Aucune plainte ne porte ce code" in wrong.content.decode()
    refused = client.post("/portal/my-complaints/", {"code": anonymous_code})
    assert "anonyme" in refused.content.decode()
    assert not ComplaintFollower.objects.filter(complaint=anonymous).exists()
    claimed = client.post("/portal/my-complaints/", {"code": code.lower()})
    assert claimed.status_code == 302
    assert ComplaintFollower.objects.get(complaint=complaint).user == portal.worker
    other = _second_worker(django_capture_on_commit_callbacks)
    intruder = _worker_client(portal, client_for, ministry, other)
    assert intruder.get(f"/portal/my-complaints/{complaint.pk}/").status_code == 404
    assert b"Dismissed while pregnant" not in intruder.get("/portal/my-complaints/").content
    taken = intruder.post("/portal/my-complaints/", {"code": code})
    assert taken.status_code == 200
    assert ComplaintFollower.objects.get(complaint=complaint).user == portal.worker
    employer = _worker_client(portal, client_for, ministry, portal.employer_a)
    for path in ("/portal/my-complaints/", f"/portal/my-complaints/{complaint.pk}/"):
        assert employer.get(path).status_code == 403


def _document_on(case, number="DOC-1"):
    key = default_storage.save(f"test/{number}.pdf", ContentFile(minimal_pdf("decision")))
    from labourhub.documents.models import DocumentTemplate, Layout, TemplateVersion

    template, _created = DocumentTemplate.objects.get_or_create(kind="minutes")
    version = TemplateVersion.objects.filter(template=template).first()
    if version is None:
        version = TemplateVersion.objects.create(
            template=template, number=1, layout=Layout.values[0], languages=["es"], texts={}
        )
    return Document.objects.create(
        number=number,
        kind="minutes",
        template_version=version,
        title="Decision on your complaint",
        subject_type=ContentType.objects.get_for_model(Case),
        subject_id=str(case.pk),
        verification_code=f"v-{number}",
        pdf_file=key,
        pdf_sha256="0" * 64,
    )


def test_staff_share_a_document_the_worker_then_reads(
    portal, client_for, ministry, django_capture_on_commit_callbacks
):
    client = _worker_client(portal, client_for, ministry)
    _file(client, portal)
    complaint = Complaint.objects.get(subject="Unpaid overtime")
    document = _document_on(complaint.case)
    other_case_doc = _document_on(
        complaint_register(
            office=portal.district,
            subject="Other",
            description="Another complaint here.",
            channel="staff",
            actor=portal.supervisor,
            employer_text="Somewhere",
            anonymous=True,
        )[0].case,
        "DOC-2",
    )
    far = client_for(ministry)
    far.force_login(portal.far_inspector)
    assert far.get(f"/app/portal/complaints/{complaint.pk}/documents/").status_code == 404
    assert (
        far.post(
            f"/app/portal/complaints/{complaint.pk}/documents/", {"document": document.pk}
        ).status_code
        == 404
    )
    staff = client_for(ministry)
    staff.force_login(portal.supervisor)
    page = staff.get(f"/app/portal/complaints/{complaint.pk}/documents/")
    assert page.status_code == 200 and "DOC-1" in page.content.decode()
    assert "DOC-2" not in page.content.decode()
    # Another case's document cannot be shared through this complaint.
    assert (
        staff.post(
            f"/app/portal/complaints/{complaint.pk}/documents/", {"document": other_case_doc.pk}
        ).status_code
        == 404
    )
    assert (
        staff.post(
            f"/app/portal/complaints/{complaint.pk}/documents/", {"document": "'; drop"}
        ).status_code
        == 404
    )
    assert not SharedDocument.objects.exists()
    staff.post(f"/app/portal/complaints/{complaint.pk}/documents/", {"document": document.pk})
    share = SharedDocument.objects.get()
    detail = client.get(f"/portal/my-complaints/{complaint.pk}/").content.decode()
    assert "Decision on your complaint" in detail
    download = client.get(f"/portal/my-complaints/{complaint.pk}/documents/{share.pk}/")
    assert download.status_code == 200 and download.content.startswith(b"%PDF-")
    other = _worker_client(
        portal, client_for, ministry, _second_worker(django_capture_on_commit_callbacks)
    )
    assert (
        other.get(f"/portal/my-complaints/{complaint.pk}/documents/{share.pk}/").status_code == 404
    )
    staff.post(f"/app/portal/complaints/{complaint.pk}/documents/", {"document": document.pk})
    assert not SharedDocument.objects.exists()
    assert (
        client.get(f"/portal/my-complaints/{complaint.pk}/documents/{share.pk}/").status_code == 404
    )
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"portal_complaint.document_shared", "portal_complaint.document_unshared"} <= actions


def _accident(**extra):
    data = {
        "kind": "accident",
        "severity": "serious",
        "occurred_on": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "victims_female": 1,
        "victims_male": 0,
        "fatalities": 0,
        "description": "A worker fell from a ladder in the warehouse.",
    }
    data.update(extra)
    return data


def test_employer_notifies_an_accident_into_the_register_and_case_chain(
    portal, client_for, ministry
):
    client = _worker_client(portal, client_for, ministry, portal.employer_a)
    response = client.post("/portal/accidents/new/", _accident(establishment=portal.est_a.pk))
    assert response.status_code == 302
    accident = AccidentNotification.objects.get()
    assert accident.establishment == portal.est_a and accident.case.procedure == "accident"
    assert PortalAccident.objects.get(accident=accident).user == portal.employer_a
    event = AuditEvent.objects.get(action="portal_accident.notified")
    assert event.actor_id == portal.employer_a.pk
    assert accident.case.reference in client.get("/portal/accidents/").content.decode()
    # A fatal one opens its investigation at once, as at the office.
    client.post(
        "/portal/accidents/new/",
        _accident(establishment=portal.est_a.pk, severity="fatal", fatalities=1, victims_male=1),
    )
    fatal = AccidentNotification.objects.get(severity="fatal")
    assert fatal.inspection is not None
    # Employer B sees none of it and cannot notify for A's establishment.
    other = _worker_client(portal, client_for, ministry, portal.employer_b)
    assert accident.case.reference not in other.get("/portal/accidents/").content.decode()
    refused = other.post("/portal/accidents/new/", _accident(establishment=portal.est_a.pk))
    assert refused.status_code == 200
    assert AccidentNotification.objects.count() == 2


def test_worker_notifies_an_accident_and_hostile_values_are_refused(portal, client_for, ministry):
    client = _worker_client(portal, client_for, ministry)
    client.cookies["django_language"] = "es"
    number = portal.est_b.registration_number
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    bad = [
        _accident(establishment=number, occurred_on=future),
        _accident(establishment=number, description="<script>x</script> fell"),
        _accident(establishment=number, fatalities=3, severity="fatal"),
        _accident(establishment="'; DROP TABLE x; --"),
        _accident(establishment=number, occurred_on="2026-02-31", victims_male="-4"),
        _accident(establishment=number, kind="meteor"),
    ]
    for data in bad:
        response = client.post("/portal/accidents/new/", data)
        assert response.status_code == 200
        assert "<script>x</script>" not in response.content.decode()
    assert AccidentNotification.objects.count() == 0
    assert Case.objects.filter(procedure="accident").count() == 0
    first = client.post("/portal/accidents/new/", bad[0]).content.decode()
    assert "La fecha no puede ser futura." in first
    ok = client.post("/portal/accidents/new/", _accident(establishment=number))
    assert ok.status_code == 302
    event = AuditEvent.objects.get(action="portal_accident.notified")
    assert event.actor_id == portal.worker.pk
    assert event.subject_id != str(AccidentNotification.objects.get().pk)
