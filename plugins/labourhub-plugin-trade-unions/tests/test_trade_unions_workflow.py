import re

import pytest
from django.core.exceptions import ValidationError
from labourhub_trade_unions.models import TradeUnion, UnionOfficer
from labourhub_trade_unions.services import (
    union_file,
    union_refuse,
    union_register,
    union_review,
)

from labourhub.audit.models import AuditEvent
from labourhub.plugin_api import ApplicationError, Role

OFFICERS = [("María López", "Secretaria general"), ("Juan Pérez", "Tesorero")]


@pytest.fixture
def active(enable_plugin):
    return enable_plugin(
        "trade-unions", config={"certificate_prefix": "STSS-SIND", "min_members": 30}
    )


def _file(**kw):
    data = {
        "name": "Sindicato de Trabajadores de la Maquila",
        "kind": "industry",
        "municipality": "San Pedro Sula",
        "members_count": 35,
        "officers": OFFICERS,
        "actor": None,
    }
    data.update(kw)
    return union_file(**data)


def test_filed_reviewed_registered_with_certificate(active, in_ministry):
    union = _file()
    assert re.fullmatch(r"EXP-\d{4}-00001", union.file_number)
    union_review(union=union, notes="Estatutos conformes", actor=None)
    union = union_register(union=union, actor=None)
    assert union.status == TradeUnion.Status.REGISTERED
    assert re.fullmatch(r"STSS-SIND-\d{4}-00001", union.certificate_number)
    assert list(
        AuditEvent.objects.filter(action__startswith="trade_union.")
        .values_list("action", flat=True)
        .order_by("id")
    ) == ["trade_union.filed", "trade_union.reviewed", "trade_union.registered"]


def test_the_registration_runs_as_a_case_of_the_declared_procedure(active, in_ministry):
    from labourhub.workflow.models import Deadline

    union = _file()
    case = union.case
    assert (case.procedure, case.state) == ("hn_trade_union_registration", "filed")
    review = Deadline.objects.get(case=case, status="open")
    assert (review.code, review.amount, review.unit) == ("filed", 15, "working_days")
    union = union_review(union=union, actor=None)
    union = union_register(union=union, actor=None)
    assert union.case.state == "registered" and union.case.closed_at is not None
    transitions = AuditEvent.objects.filter(
        action="case.transitioned", subject_id=str(case.pk)
    ).order_by("id")
    assert [e.changes["state"][1] for e in transitions] == ["reviewed", "registered"]


def test_refusal_needs_a_reason_and_a_review_first(active, in_ministry):
    union = _file()
    with pytest.raises(ApplicationError):
        union_register(union=union, actor=None)  # not reviewed yet
    union_review(union=union, actor=None)
    with pytest.raises(ValidationError):
        union_refuse(union=union, reason="  ", actor=None)
    union = union_refuse(union=union, reason="Menos de 30 afiliados verificados", actor=None)
    assert union.status == TradeUnion.Status.REFUSED and union.certificate_number is None


def test_too_few_members_is_refused_with_nothing_saved(active, in_ministry):
    before = (TradeUnion.objects.count(), UnionOfficer.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as exc:
        _file(members_count=12, officers=[])
    assert set(exc.value.message_dict) == {"members_count", "officers"}
    assert (
        TradeUnion.objects.count(),
        UnionOfficer.objects.count(),
        AuditEvent.objects.count(),
    ) == before


def _staff(client_for, ministry, user_with_role, role):
    client = client_for(ministry)
    client.force_login(user_with_role(role))
    return client


def test_web_form_hostile_input_is_refused_in_spanish_and_kept(
    active, client_for, ministry, user_with_role
):
    client = _staff(client_for, ministry, user_with_role, Role.OFFICE_HEAD)
    response = client.post(
        "/app/x/trade-unions/file/",
        {
            "name": "<script>alert(1)</script>",
            "kind": "enterprise",
            "municipality": "Choloma",
            "members_count": "5",
            "officers": "sin punto y coma",
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Línea 1" in body or "Line 1" in body
    assert "&lt;script&gt;" in body and "<script>alert" not in body
    response = client.post(
        "/app/x/trade-unions/file/",
        {
            "name": "Sindicato X",
            "kind": "enterprise",
            "municipality": "Choloma",
            "members_count": "5",
            "officers": "Ana Ruiz; Presidenta",
        },
    )
    assert response.status_code == 400
    assert TradeUnion.objects.count() == 0


def test_web_workflow_and_permissions(active, client_for, ministry, user_with_role):
    head = _staff(client_for, ministry, user_with_role, Role.OFFICE_HEAD)
    response = head.post(
        "/app/x/trade-unions/file/",
        {
            "name": "Sindicato Bananero",
            "kind": "industry",
            "municipality": "La Ceiba",
            "members_count": "45",
            "officers": "Ana Ruiz; Presidenta\nLuis Mejía; Secretario",
        },
    )
    assert response.status_code == 302
    union = TradeUnion.objects.get()
    assert head.post(f"/app/x/trade-unions/{union.pk}/review/", {"notes": "ok"}).status_code == 302
    assert head.post(f"/app/x/trade-unions/{union.pk}/register/").status_code == 403
    legal = _staff(client_for, ministry, user_with_role, Role.LEGAL_OFFICER)
    assert legal.post(f"/app/x/trade-unions/{union.pk}/register/").status_code == 302
    union.refresh_from_db()
    page = legal.get(f"/app/x/trade-unions/{union.pk}/").content.decode()
    assert union.certificate_number in page
    from labourhub.documents.models import Document

    certificate = Document.objects.get(kind="hn_union_certificate")
    assert re.fullmatch(r"SIND-\d{4}-000001", certificate.number)


def test_list_page_has_a_helpful_empty_state(active, client_for, ministry, user_with_role):
    page = _staff(client_for, ministry, user_with_role, Role.INSPECTOR).get("/app/x/trade-unions/")
    assert page.status_code == 200
    assert re.search(r'class="[^"]*\bempty\b', page.content.decode())


def test_api_files_and_lists(active, api_client_for, ministry, user_with_role):
    api = api_client_for(ministry, user_with_role(Role.OFFICE_HEAD))
    bad = api.post(
        "/api/v1/x/trade-unions/unions/file/",
        {"name": "S", "kind": "guild", "municipality": "", "members_count": -1, "officers": []},
        format="json",
    )
    assert bad.status_code == 400
    assert set(bad.json()["extra"]["fields"]) >= {
        "kind",
        "municipality",
        "members_count",
        "officers",
    }
    ok = api.post(
        "/api/v1/x/trade-unions/unions/file/",
        {
            "name": "Sindicato API",
            "kind": "craft",
            "municipality": "Comayagua",
            "members_count": 31,
            "officers": [{"full_name": "Rosa Díaz", "position": "Presidenta"}],
        },
        format="json",
    )
    assert ok.status_code == 201, ok.content
    listing = api.get("/api/v1/x/trade-unions/unions/?status=filed").json()
    assert [u["name"] for u in listing["results"]] == ["Sindicato API"]


@pytest.mark.multi_tenant
def test_another_ministry_cannot_reach_a_union(
    active, client_for, ministry, second_ministry, user_with_role
):
    from labourhub.accounts.services import user_create
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.context import ministry_context

    union = _file_in(ministry)
    other = client_for(second_ministry)
    with ministry_context(second_ministry):
        admin = user_create(
            username="admin-b", password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )
        other.force_login(admin)
    assert other.get(f"/app/x/trade-unions/{union.pk}/").status_code == 404
    assert other.post(f"/app/x/trade-unions/{union.pk}/review/").status_code == 404
    with ministry_context(ministry):
        union.refresh_from_db()
    assert union.status == TradeUnion.Status.FILED


def _file_in(ministry):
    from tenants.context import ministry_context

    with ministry_context(ministry):
        return _file()


@pytest.mark.multi_tenant
def test_unions_stay_in_their_ministry_even_with_the_plugin_active_in_both(
    active, client_for, api_client_for, ministry, second_ministry
):
    from labourhub.accounts.services import user_create
    from labourhub.extensions import activation_cache_clear
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.context import ministry_context
    from tenants.models import PluginActivation

    # Bypasses the country check on purpose: the point is schema isolation, not availability.
    PluginActivation.objects.create(ministry=second_ministry, plugin_slug="trade-unions")
    activation_cache_clear()
    union = _file_in(ministry)
    web = client_for(second_ministry)
    with ministry_context(second_ministry):
        admin = user_create(
            username="admin-b2", password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )
        web.force_login(admin)
        api = api_client_for(second_ministry, admin)
    assert web.get("/app/x/trade-unions/").status_code == 200
    assert union.name not in web.get("/app/x/trade-unions/").content.decode()
    assert web.get(f"/app/x/trade-unions/{union.pk}/").status_code == 404
    assert web.post(f"/app/x/trade-unions/{union.pk}/register/").status_code == 404
    assert api.get("/api/v1/x/trade-unions/unions/").json()["count"] == 0
    with ministry_context(ministry):
        union.refresh_from_db()
    assert union.status == TradeUnion.Status.FILED
