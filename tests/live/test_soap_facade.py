"""Live: the SOAP facade answers a real SOAP client (zeep) through gunicorn, per ministry host.

Two ministries are provisioned for this module (a Spanish-speaking one, A, and B) and dropped
afterwards. Requests go to 127.0.0.1 with the ministry's host in the Host header, the way a
partner reaches its ministry's subdomain. One gunicorn worker: the test settings keep rate-limit
counters in each process's memory, so one process sees every call.
"""

import re
import time

import pytest
import requests
import zeep
from django.db import connection
from zeep.exceptions import Fault
from zeep.transports import Transport

from .conftest import start_web, temporary_ministry

pytestmark = [pytest.mark.live]

TNS = "urn:labourhub:partner:v1"
ENVELOPE = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" '
    f'xmlns:p="{TNS}"><soapenv:Body><p:GetCaseStatus><p:reference>{{ref}}</p:reference>'
    "</p:GetCaseStatus></soapenv:Body></soapenv:Envelope>"
)


def _populate(ministry, *, tax_id, registration, scopes_list, cases=1):
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.interop.services import partner_client_register
    from labourhub.registry.services import employer_create, establishment_create
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from labourhub.workflow.services import case_open
    from tenants.context import ministry_context

    with ministry_context(ministry):
        office = office_create(code="OF-1", name="Capital", level="region", actor=None)
        inspector = user_create(
            username="insp", password=TEST_PASSWORD, office=office, roles=[Role.INSPECTOR],
            actor=None,
        )  # fmt: skip
        for _ in range(cases):
            case = case_open(
                procedure="complaint", title="Unpaid overtime", office=office,
                assigned_to=inspector, actor=None,
            )  # fmt: skip
        employer = employer_create(legal_name="Textiles Andinos SA", tax_id=tax_id, actor=None)
        for n in (1, 2):
            establishment_create(
                employer=employer, name=f"Planta {n}", office=office, isic_code="1410",
                registration_number=f"{registration}-{n}", locality="Centro", actor=None,
            )  # fmt: skip
        partners = {
            key: partner_client_register(
                name=f"Partner {key}",
                contact="ict@example.org",
                allowed_scopes=scopes,
                actor=None,
            )
            for key, scopes in scopes_list.items()
        }
    return {"ministry": ministry, "case": case, "partners": partners}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, live_env):
    spec_a = {
        "slug": "soapa", "name": "Ministerio de Trabajo (SOAP)", "country": "CO",
        "languages": ["es"], "default_language": "es", "time_zone": "America/Bogota",
        "currency": "COP",
    }  # fmt: skip
    spec_b = {
        "slug": "soapb", "name": "Ministry of Labour (SOAP)", "country": "LC",
        "languages": ["en"], "default_language": "en", "time_zone": "America/St_Lucia",
        "currency": "XCD",
    }  # fmt: skip
    with (
        temporary_ministry(django_db_blocker, **spec_a) as ministry_a,
        temporary_ministry(django_db_blocker, **spec_b) as ministry_b,
    ):
        with django_db_blocker.unblock():
            a = _populate(
                ministry_a, tax_id="900123456", registration="CO-REG",
                scopes_list={
                    "full": ["cases:read", "establishments:read"],
                    "registry": ["establishments:read"],
                    "limited": ["cases:read"],
                    "suspended": ["cases:read"],
                },
            )  # fmt: skip
            b = _populate(
                ministry_b, tax_id="LC-555", registration="LC-REG",
                scopes_list={"full": ["cases:read", "establishments:read"]},
                cases=2,  # B's newest case reference is one A does not have
            )  # fmt: skip
            connection.set_schema_to_public()
        proc, port, log = start_web(live_env, "soap-web.log", workers=1)
        try:
            # The worker loads the URLconf and every app on its first request: wait for it once.
            warm = requests.get(
                f"http://127.0.0.1:{port}/soap/v1/?wsdl",
                headers={"Host": f"soapa.localhost:{port}"},
                timeout=120,
            )
            assert warm.status_code == 200, warm.text[:500]
            yield {"a": a, "b": b, "port": port}
        finally:
            proc.terminate()
            proc.wait(timeout=20)
            log.close()


@pytest.mark.django_db
def test_the_wsdl_offers_read_operations_only(client_for, ministry):
    # (Also the module's one database test: pytest-django sets the test database up only for a
    # session that has one.)
    response = client_for(ministry).get("/soap/v1/?wsdl")
    assert response.status_code == 200
    document = response.content.decode()
    operations = set(re.findall(r'<wsdl:operation name="(\w+)"', document))
    assert operations == {"GetCaseStatus", "FindEstablishments"}
    assert 'location="http://test.localhost' in document


def _host(world, slug):
    return f"{slug}.localhost:{world['port']}"


def _token(world, slug, credentials):
    response = requests.post(
        f"http://127.0.0.1:{world['port']}/api/v1/oauth/token/",
        data={"grant_type": "client_credentials"},
        auth=(credentials.client_id, credentials.client_secret),
        headers={"Host": _host(world, slug)},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def _service(world, slug, token=None):
    """A zeep client built from the ministry's WSDL, posting to 127.0.0.1 with its Host."""
    session = requests.Session()
    session.headers["Host"] = _host(world, slug)
    if token:
        session.headers["Authorization"] = f"Bearer {token}"
    client = zeep.Client(
        f"http://127.0.0.1:{world['port']}/soap/v1/?wsdl",
        transport=Transport(session=session, timeout=30, operation_timeout=30),
    )
    [binding] = list(client.wsdl.bindings)
    return client, client.create_service(binding, f"http://127.0.0.1:{world['port']}/soap/v1/")


def _fault(call):
    with pytest.raises(Fault) as caught:
        call()
    return caught.value


def _post(world, slug, body, token=None):
    headers = {"Host": _host(world, slug), "Content-Type": "text/xml; charset=utf-8"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return requests.post(
        f"http://127.0.0.1:{world['port']}/soap/v1/", data=body, headers=headers, timeout=30
    )


def test_wsdl_names_the_ministry_host_and_a_partner_reads_a_case_status(world):
    a = world["a"]
    client, service = _service(world, "soapa", _token(world, "soapa", a["partners"]["full"]))
    [wsdl_service] = client.wsdl.services.values()
    [port] = wsdl_service.ports.values()
    assert "soapa.localhost" in port.binding_options["address"]
    status = service.GetCaseStatus(reference=a["case"].reference)
    assert status.reference == a["case"].reference
    assert status.state == a["case"].state
    # The Spanish ministry reads Spanish labels, never the raw codes.
    assert status.state_label and status.state_label != status.state
    assert status.procedure_label == "Denuncia"
    assert status.light in {"green", "amber", "red", "none"}
    assert status.closed_at is None


def test_establishments_by_registration_number_and_by_tax_id(world):
    a = world["a"]
    _client, service = _service(world, "soapa", _token(world, "soapa", a["partners"]["registry"]))
    [one] = service.FindEstablishments(registration_number="CO-REG-1")
    assert (one.name, one.employer_name, one.tax_id) == (
        "Planta 1",
        "Textiles Andinos SA",
        "900123456",
    )
    both = service.FindEstablishments(tax_id="900123456")
    assert [e.registration_number for e in both] == ["CO-REG-1", "CO-REG-2"]
    # A registry-only client may not read cases.
    refused = _fault(lambda: service.GetCaseStatus(reference=a["case"].reference))
    assert refused.code.endswith("Client.Forbidden")
    assert refused.message == "Los permisos de este cliente no lo permiten."


def test_missing_invalid_and_suspended_tokens_get_translated_faults(world, django_db_blocker):
    from labourhub.interop.services import partner_client_suspend
    from tenants.context import ministry_context

    a = world["a"]
    reference = a["case"].reference
    _client, anonymous = _service(world, "soapa")
    missing = _fault(lambda: anonymous.GetCaseStatus(reference=reference))
    assert missing.code.endswith("Client.Authentication")
    assert "Authorization: Bearer" in missing.message and "token de acceso" in missing.message
    _client, forged = _service(world, "soapa", "not-a-real-token")
    invalid = _fault(lambda: forged.GetCaseStatus(reference=reference))
    assert invalid.code.endswith("Client.Authentication")
    assert invalid.message == "El token de acceso no es válido o ha caducado."

    token = _token(world, "soapa", a["partners"]["suspended"])
    _client, service = _service(world, "soapa", token)
    assert service.GetCaseStatus(reference=reference).reference == reference
    with django_db_blocker.unblock(), ministry_context(a["ministry"]):
        partner_client_suspend(partner=a["partners"]["suspended"].partner, actor=None)
    connection.set_schema_to_public()
    suspended = _fault(lambda: service.GetCaseStatus(reference=reference))
    assert suspended.code.endswith("Client.Authentication")


def test_not_found_and_bad_input_are_translated_faults(world):
    a = world["a"]
    _client, service = _service(world, "soapa", _token(world, "soapa", a["partners"]["full"]))
    missing = _fault(lambda: service.GetCaseStatus(reference="CO-0000-999999"))
    assert missing.code.endswith("Client.NotFound")
    assert missing.message == "Ningún caso tiene la referencia CO-0000-999999."
    for bad, text in (
        ("", "Referencia del caso: se requiere un valor"),
        ("   ", "se requiere un valor"),
        ("X" * 65, "como máximo 64 caracteres"),
        ("CO\t2026", "caracteres no permitidos"),
    ):
        fault = _fault(lambda bad=bad: service.GetCaseStatus(reference=bad))
        assert fault.code.endswith("Client.BadInput"), bad
        assert text in fault.message, (bad, fault.message)
    both = _fault(lambda: service.FindEstablishments(registration_number="CO-REG-1", tax_id="9"))
    assert both.code.endswith("Client.BadInput")
    neither = _fault(lambda: service.FindEstablishments())
    assert neither.code.endswith("Client.BadInput")
    assert _fault(lambda: service.FindEstablishments(tax_id="000")).code.endswith("Client.NotFound")


def test_another_ministrys_token_and_references_are_unreachable(world):
    a, b = world["a"], world["b"]
    token_a = _token(world, "soapa", a["partners"]["full"])
    # A's token on B's host: B has never heard of it.
    _client, on_b = _service(world, "soapb", token_a)
    refused = _fault(lambda: on_b.GetCaseStatus(reference=b["case"].reference))
    assert refused.code.endswith("Client.Authentication")
    assert refused.message == "The access token is invalid or has expired."
    # On A's own host, B's case and establishments do not exist.
    assert b["case"].reference != a["case"].reference
    _client, on_a = _service(world, "soapa", token_a)
    assert _fault(lambda: on_a.GetCaseStatus(reference=b["case"].reference)).code.endswith(
        "Client.NotFound"
    )
    assert _fault(lambda: on_a.FindEstablishments(tax_id="LC-555")).code.endswith("Client.NotFound")
    # And B's own partner reads its own case.
    _client, own = _service(world, "soapb", _token(world, "soapb", b["partners"]["full"]))
    assert own.GetCaseStatus(reference=b["case"].reference).reference == b["case"].reference


def test_calls_are_logged_and_rate_limited_like_the_rest_api(world, django_db_blocker):
    from labourhub.interop.models import PartnerClient, PartnerRequest
    from tenants.context import ministry_context

    a = world["a"]
    partner = a["partners"]["limited"].partner
    with django_db_blocker.unblock(), ministry_context(a["ministry"]):
        PartnerClient.objects.filter(pk=partner.pk).update(rate_per_minute=3)
    connection.set_schema_to_public()
    token = _token(world, "soapa", a["partners"]["limited"])
    _client, service = _service(world, "soapa", token)
    for _ in range(3):
        service.GetCaseStatus(reference=a["case"].reference)
    limited = _fault(lambda: service.GetCaseStatus(reference=a["case"].reference))
    assert limited.code.endswith("Client.TooManyRequests")
    assert "Demasiadas solicitudes" in limited.message
    raw = _post(world, "soapa", ENVELOPE.format(ref=a["case"].reference), token)
    assert raw.status_code == 429 and int(raw.headers["Retry-After"]) >= 1
    # The REST API shares the budget: the same client is throttled there too.
    rest = requests.get(
        f"http://127.0.0.1:{world['port']}/api/v1/cases/",
        headers={"Host": _host(world, "soapa"), "Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert rest.status_code == 429
    with django_db_blocker.unblock(), ministry_context(a["ministry"]):
        logged = list(
            PartnerRequest.objects.filter(partner=partner, method="SOAP").values_list(
                "path", flat=True
            )
        )
    connection.set_schema_to_public()
    assert logged.count("/soap/v1/#GetCaseStatus") == 5


def test_hostile_bodies_are_refused_with_faults(world):
    a = world["a"]
    token = _token(world, "soapa", a["partners"]["full"])
    malformed = _post(world, "soapa", b"<soapenv:Envelope><unclosed>", token)
    assert malformed.status_code == 500
    assert b"Client.BadInput" in malformed.content
    assert "no es un documento XML bien formado" in malformed.content.decode()

    laughs = "".join(
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' if n else '<!ENTITY l0 "ha">' for n in range(10)
    )
    bomb = f'<?xml version="1.0"?><!DOCTYPE e [{laughs}]>' + ENVELOPE.split("?>", 1)[1].format(
        ref="&l9;"
    )
    started = time.monotonic()
    refused = _post(world, "soapa", bomb.encode(), token)
    assert time.monotonic() - started < 5
    assert refused.status_code == 500 and b"Client.BadInput" in refused.content
    assert "declaraciones de tipo de documento" in refused.content.decode()

    xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    leaked = _post(world, "soapa", (xxe + ENVELOPE.split("?>", 1)[1].format(ref="&x;")), token)
    assert b"Client.BadInput" in leaked.content and b"root:" not in leaked.content

    oversized = _post(world, "soapa", ENVELOPE.format(ref="A" * 70_000).encode(), token)
    assert oversized.status_code == 413 and b"Client.TooLarge" in oversized.content

    unknown = _post(world, "soapa", ENVELOPE.replace("GetCaseStatus", "DropAllCases"), token)
    assert unknown.status_code == 500 and b"Fault" in unknown.content
    not_post = requests.delete(
        f"http://127.0.0.1:{world['port']}/soap/v1/",
        headers={"Host": _host(world, "soapa")},
        timeout=30,
    )
    assert not_post.status_code == 405
    # After all of that the service still answers.
    _client, service = _service(world, "soapa", token)
    assert service.GetCaseStatus(reference=a["case"].reference).reference == a["case"].reference
