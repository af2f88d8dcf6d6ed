"""The worker portal: anonymous complaints, follow-up by code, hostile input, rate limits."""

import pytest
from django.core.cache import cache

from labourhub.complaints.models import Complaint
from labourhub.workflow.models import Case


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


GOOD = {
    "subject": "No safety equipment",
    "description": "We spray pesticides without masks.",
    "employer_text": "Finca El Roble, vereda La Esperanza",
    "anonymous": "on",
}


def test_anonymous_complaint_and_follow_up_by_code(in_ministry, staff, client_for, ministry):
    client = client_for(ministry)
    page = client.get("/portal/complaints/")
    assert page.status_code == 200 and "anonymously" in page.content.decode()
    done = client.post("/portal/complaints/", GOOD)
    assert done.status_code == 200
    complaint = Complaint.objects.get()
    assert complaint.anonymous and complaint.channel == "portal" and not complaint.complainant_name
    code = done.context["code"]
    assert code in done.content.decode()
    found = client.post("/portal/complaints/track/", {"code": code})
    assert "No safety equipment" in found.content.decode()


@pytest.mark.parametrize(
    "payload, field",
    [
        ({**GOOD, "subject": ""}, "subject"),
        ({**GOOD, "description": "x" * 20000}, "description"),
        ({**GOOD, "employer_text": ""}, None),
        ({**GOOD, "anonymous": "", "complainant_name": ""}, None),
        ({**GOOD, "establishment": "'; DROP TABLE workflow_case; --"}, "establishment"),
    ],
)
def test_hostile_portal_input_is_refused_with_a_message(
    in_ministry, client_for, ministry, payload, field, staff
):
    response = client_for(ministry).post("/portal/complaints/", payload)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors
    if field:
        assert field in form.errors
    assert not Complaint.objects.exists() and not Case.objects.exists()


def test_script_in_a_complaint_is_shown_as_text(in_ministry, staff, client_for, ministry):
    client = client_for(ministry)
    done = client.post("/portal/complaints/", {**GOOD, "subject": "<script>alert(1)</script>"})
    found = client.post("/portal/complaints/track/", {"code": done.context["code"]})
    body = found.content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body


def test_wrong_code_gets_a_clear_message(in_ministry, client_for, ministry):
    response = client_for(ministry).post("/portal/complaints/track/", {"code": "ZZZZ-ZZZZ-ZZZZ"})
    assert "No complaint has this code" in response.content.decode()


def test_submissions_are_rate_limited(in_ministry, staff, client_for, ministry):
    client = client_for(ministry)
    for _i in range(5):
        assert client.post("/portal/complaints/", GOOD).status_code == 200
    blocked = client.post("/portal/complaints/", GOOD)
    assert blocked.status_code == 429
    assert "Too many complaints" in blocked.content.decode()
    assert Complaint.objects.count() == 5


def test_tracking_is_rate_limited(in_ministry, client_for, ministry):
    client = client_for(ministry)
    codes = [
        client.post("/portal/complaints/track/", {"code": "AAAA-AAAA-AAAA"}).status_code
        for _i in range(21)
    ]
    assert codes[:20] == [200] * 20 and codes[20] == 429


def test_a_code_from_one_ministry_finds_nothing_in_another(
    in_ministry, staff, client_for, ministry, second_ministry
):
    done = client_for(ministry).post("/portal/complaints/", GOOD)
    other = client_for(second_ministry).post(
        "/portal/complaints/track/", {"code": done.context["code"]}
    )
    assert "No complaint has this code" in other.content.decode()
