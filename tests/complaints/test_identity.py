"""A complainant's identity never reaches the employer-facing inspector, in the UI or the API."""

from labourhub.audit.models import AuditEvent
from labourhub.complaints.models import Complaint
from labourhub.complaints.services import complaint_register
from tests.workflow.helpers import make_establishment

NAME, CONTACT = "María Fernanda Quispe", "+57 300 555 0101"


def _complaint(staff, **kw):
    est = make_establishment()
    complaint, _code = complaint_register(
        office=staff["inspector"].office,
        subject="Unpaid overtime",
        description="Twelve-hour shifts, overtime never paid.",
        channel="staff",
        actor=staff["clerk"],
        establishment=est,
        complainant_name=NAME,
        complainant_contact=CONTACT,
        **kw,
    )
    return complaint


def test_inspector_sees_neither_name_nor_contact(
    in_ministry, staff, client_for, api_client_for, ministry
):
    complaint = _complaint(staff)
    # The inspector is assigned the case so that they may see it at all.
    complaint.case.assigned_to = staff["inspector"]
    complaint.case.save(update_fields=["assigned_to"])
    client = client_for(ministry)
    client.force_login(staff["inspector"])
    page = client.get(f"/app/complaints/{complaint.pk}/").content.decode()
    assert "Unpaid overtime" in page
    assert NAME not in page and CONTACT not in page and "•••" in page
    api = api_client_for(ministry, user=staff["inspector"])
    body = api.get(f"/api/v1/complaints/{complaint.pk}/").content.decode()
    assert NAME not in body and CONTACT not in body
    listing = api.get("/api/v1/complaints/").content.decode()
    assert "Unpaid overtime" in listing and NAME not in listing
    # A supervisor who triages does see it.
    api = api_client_for(ministry, user=staff["supervisor"])
    assert api.get(f"/api/v1/complaints/{complaint.pk}/").json()["complainant"]["name"] == NAME


def test_identity_is_not_in_the_audit_trail(in_ministry, staff):
    complaint = _complaint(staff)
    event = AuditEvent.objects.get(action="complaint.registered", subject_id=str(complaint.pk))
    assert NAME not in str(event.changes) + str(event.extra)


def test_anonymous_complaints_store_no_identity(in_ministry, staff):
    complaint = _complaint(staff, anonymous=True)
    complaint.refresh_from_db()
    assert complaint.complainant_name == "" and complaint.complainant_contact == ""
    assert not Complaint.objects.filter(complainant_name=NAME).exists()


def test_api_intake_refuses_hostile_input_and_isolates_ministries(
    in_ministry, staff, api_client_for, ministry, second_ministry
):
    api = api_client_for(ministry, user=staff["clerk"])
    bad = api.post(
        "/api/v1/complaints/",
        {"subject": "", "description": "x" * 20001, "establishment": "NOPE"},
        format="json",
    )
    assert bad.status_code == 400
    assert {"subject", "description", "establishment"} <= set(bad.json()["extra"]["fields"])
    incomplete = api.post(
        "/api/v1/complaints/",
        {"subject": "Wages", "description": "Not paid for two months."},
        format="json",
    )
    assert incomplete.status_code == 400 and "employer_text" in incomplete.json()["extra"]["fields"]
    assert not Complaint.objects.exists()
    ok = api.post(
        "/api/v1/complaints/",
        {
            "subject": "Wages",
            "description": "Not paid for two months.",
            "employer_text": "Shop",
            "anonymous": True,
        },
        format="json",
    )
    assert ok.status_code == 201 and len(ok.json()["tracking_code"]) == 14
    complaint_id = ok.json()["id"]
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import user_create
    from tenants.context import ministry_context

    with ministry_context(second_ministry):
        outsider = user_create(
            username="outsider-c", password="Xx-2026-pass!", roles=[Role.SYSTEM_ADMIN], actor=None
        )
        other = api_client_for(second_ministry, user=outsider)
        assert other.get(f"/api/v1/complaints/{complaint_id}/").status_code == 404
        assert other.get("/api/v1/complaints/").json() == []
