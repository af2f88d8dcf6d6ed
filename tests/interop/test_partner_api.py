"""Partner clients: client credentials, scopes on every endpoint, expiry, suspension, isolation."""

import datetime as dt

import pytest
from django.utils import timezone
from oauth2_provider.models import AccessToken, Application

from labourhub.interop.models import PartnerClient, PartnerRequest
from labourhub.interop.services import (
    partner_client_reactivate,
    partner_client_rotate_secret,
    partner_client_suspend,
)
from labourhub.workflow.services import case_open
from tests.test_isolation_sweep import _staff_paths


def _case(staff):
    return case_open(
        procedure="complaint",
        title="Wage arrears",
        office=staff["inspector"].office,
        assigned_to=staff["inspector"],
        actor=None,
    )


def test_cases_read_client_reads_cases_and_nothing_else(
    in_ministry, ministry, staff, register, partner_client
):
    case = _case(staff)
    client = partner_client(ministry, register(["cases:read"]))
    assert client.token["token_type"] == "Bearer"
    assert client.token["scope"] == "cases:read"
    assert 0 < client.token["expires_in"] <= 3600
    listing = client.get("/api/v1/cases/")
    assert listing.status_code == 200
    assert case.reference in {row["reference"] for row in listing.json()["results"]}
    assert client.get(f"/api/v1/cases/{case.pk}/").status_code == 200
    # Other kinds of data, people and the trail are closed to it.
    for path in (
        "/api/v1/registry/establishments/",
        "/api/v1/users/",
        "/api/v1/me/",
        "/api/v1/audit/events/",
    ):
        assert client.get(path).status_code == 403, path
    refused = client.post(
        f"/api/v1/cases/{case.pk}/transition/", {"transition": "triage_inspection"}, format="json"
    )
    assert refused.status_code == 403
    assert refused.json()["message"] == "This client's scopes do not allow this."


def test_cases_read_client_gets_403_on_every_write_of_the_api(
    in_ministry, ministry, staff, register, partner_client
):
    _case(staff)
    client = partner_client(ministry, register(["cases:read"]))
    writes = {}
    # Document verification is public (anyone holding a printed letter); nothing else is.
    paths = [p for p in _staff_paths("/api/v1/") if not p.startswith("/api/v1/documents/verify/")]
    for path in paths:
        for method in ("post", "put", "patch", "delete"):
            status = getattr(client, method)(path, {}, format="json").status_code
            if status not in (403, 405):
                writes[(method, path)] = status
    assert writes == {}


def test_a_scope_not_allowed_is_refused_at_the_token_endpoint(
    in_ministry, ministry, register, token_for
):
    credentials = register(["cases:read"])
    refused = token_for(ministry, credentials, scope="cases:read complaints:write")
    assert refused.status_code == 400
    assert refused.json()["error"] == "invalid_scope"
    assert token_for(ministry, credentials, secret="wrong").status_code == 401


def test_expired_and_suspended_tokens_get_401(in_ministry, ministry, register, partner_client):
    credentials = register(["cases:read"])
    client = partner_client(ministry, credentials)
    assert client.get("/api/v1/cases/").status_code == 200
    AccessToken.objects.filter(application__partner=credentials.partner).update(
        expires=timezone.now() - dt.timedelta(seconds=1)
    )
    assert client.get("/api/v1/cases/").status_code == 401

    client = partner_client(ministry, credentials)
    partner_client_suspend(partner=credentials.partner, actor=register.admin)
    assert client.get("/api/v1/cases/").status_code == 401
    assert not AccessToken.objects.filter(application__partner=credentials.partner).exists()


def test_a_suspended_client_gets_no_token_until_reactivated(
    in_ministry, ministry, register, token_for
):
    credentials = register(["cases:read"])
    partner_client_suspend(partner=credentials.partner, actor=register.admin)
    refused = token_for(ministry, credentials)
    assert refused.status_code == 401
    assert refused.json()["error"] == "invalid_client"
    partner_client_reactivate(partner=credentials.partner, actor=register.admin)
    assert token_for(ministry, credentials).status_code == 200


def test_rotating_the_secret_ends_the_old_secret_and_its_tokens(
    in_ministry, ministry, register, token_for, partner_client
):
    credentials = register(["cases:read"])
    client = partner_client(ministry, credentials)
    rotated = partner_client_rotate_secret(partner=credentials.partner, actor=register.admin)
    assert rotated.client_id == credentials.client_id
    assert rotated.client_secret != credentials.client_secret
    assert client.get("/api/v1/cases/").status_code == 401
    assert token_for(ministry, credentials).status_code == 401
    assert token_for(ministry, rotated).status_code == 200
    # The secret is stored hashed: the database never holds the text handed to the partner.
    stored = Application.objects.get(client_id=credentials.client_id).client_secret
    assert rotated.client_secret not in stored


def test_each_client_is_rate_limited_and_its_requests_logged(
    in_ministry, ministry, register, partner_client
):
    credentials = register(["cases:read"])
    PartnerClient.objects.filter(pk=credentials.partner.pk).update(rate_per_minute=3)
    client = partner_client(ministry, credentials)
    statuses = [client.get("/api/v1/cases/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert PartnerRequest.objects.filter(partner=credentials.partner).count() == 4
    # Another client keeps its own budget.
    other = partner_client(ministry, register(["cases:read"], name="Statistics office"))
    assert other.get("/api/v1/cases/").status_code == 200


@pytest.mark.multi_tenant
def test_a_client_of_one_ministry_is_unknown_to_another(
    ministry, second_ministry, in_ministry, register, partner_client, token_for, api_client_for
):
    credentials = register(["cases:read"])
    client = partner_client(ministry, credentials)
    bearer = client._credentials["HTTP_AUTHORIZATION"]
    other = api_client_for(second_ministry)
    other.credentials(HTTP_AUTHORIZATION=bearer)
    assert other.get("/api/v1/cases/").status_code == 401
    refused = token_for(second_ministry, credentials)
    assert refused.status_code == 401
    assert refused.json()["error"] == "invalid_client"


def test_a_staff_token_stops_working_at_sign_out(
    in_ministry, ministry, staff, api_client_for, client_for
):
    api = api_client_for(ministry, staff["supervisor"])
    assert api.get("/api/v1/cases/").status_code == 200
    browser = client_for(ministry)
    browser.force_login(staff["supervisor"])
    browser.post("/app/logout/")
    assert api.get("/api/v1/cases/").status_code == 401


def test_openapi_states_the_scope_of_each_operation_and_the_token_request(
    in_ministry, ministry, staff, api_client_for
):
    schema = api_client_for(ministry, staff["admin"]).get("/api/v1/schema/?format=json").json()
    scheme = schema["components"]["securitySchemes"]["partnerOAuth2"]
    flow = scheme["flows"]["clientCredentials"]
    assert flow["tokenUrl"] == "/api/v1/oauth/token/"
    assert set(flow["scopes"]) == {
        "cases:read",
        "establishments:read",
        "inspections:read",
        "complaints:write",
        "indicators:read",
    }

    def security(path, method):
        return schema["paths"][path][method].get("security", [])

    assert {"partnerOAuth2": ["cases:read"]} in security("/api/v1/cases/", "get")
    assert {"partnerOAuth2": ["establishments:read"]} in security(
        "/api/v1/registry/establishments/", "get"
    )
    transition = security("/api/v1/cases/{case_id}/transition/", "post")
    assert not any("partnerOAuth2" in s for s in transition)
    assert not any("partnerOAuth2" in s for s in security("/api/v1/users/", "get"))
    token = schema["paths"]["/api/v1/auth/token/"]["post"]["requestBody"]["content"]
    body = token["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    assert set(schema["components"]["schemas"][body]["properties"]) == {
        "username",
        "password",
        "otp",
    }


def test_a_complaints_write_client_files_a_complaint_and_reads_nothing(
    in_ministry, ministry, staff, register, partner_client
):
    from labourhub.complaints.models import Complaint
    from labourhub.registry.services import employer_create, establishment_create

    employer = employer_create(legal_name="Textiles SA", actor=None)
    establishment = establishment_create(
        employer=employer,
        name="Textiles SA plant",
        office=staff["inspector"].office,
        isic_code="1410",
        registration_number="EST-1",
        actor=None,
    )
    client = partner_client(ministry, register(["complaints:write"]))
    filed = client.post(
        "/api/v1/complaints/",
        {
            "subject": "Unpaid wages",
            "description": "Reported by social security",
            "establishment": "EST-1",
            "anonymous": True,
        },
        format="json",
    )
    assert filed.status_code == 201, filed.content
    assert Complaint.objects.get().case.office == establishment.office
    assert client.get("/api/v1/complaints/").status_code == 403
    assert client.get("/api/v1/cases/").status_code == 403
    hostile = client.post(
        "/api/v1/complaints/", {"subject": "x" * 5000, "description": ""}, format="json"
    )
    assert hostile.status_code == 400
    assert Complaint.objects.count() == 1
