"""Fields a plugin adds to cases: validated, stored, shown on the case page and in the API."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from labourhub.audit.models import AuditEvent
from labourhub.extensions import hookimpl
from labourhub.extensions.types import ExtraField
from labourhub.workflow.fields import case_extra_update
from labourhub.workflow.models import Case
from labourhub.workflow.services import case_open
from tests.extensions.effects import effect_of


class CaseFields:
    @hookimpl
    def register_case_fields(self, tenant):
        return [
            ExtraField("nis_number", "NIS number", pattern=r"\d{6}", required=True),
            ExtraField(
                "sector",
                "Sector",
                type="choice",
                choices=(("tourism", "Tourism"), ("agri", "Agri")),
            ),
        ]


@pytest.fixture
def fields_plugin(register_temporary_plugin, ministry):
    return register_temporary_plugin(CaseFields(), slug="lc-case-fields", active_for=(ministry,))


def _open(staff, **kw):
    return case_open(
        procedure="accident",
        title="Fall from scaffolding",
        office=staff["inspector"].office,
        actor=staff["supervisor"],
        **kw,
    )


@effect_of("register_case_fields")
def test_case_fields_are_stored_shown_and_served(
    fields_plugin, in_ministry, ministry, staff, client_for, api_client_for
):
    case = _open(staff, extra={"nis_number": "123456", "sector": "tourism"})
    assert case.extra == {"nis_number": "123456", "sector": "tourism"}
    opened = AuditEvent.objects.get(action="case.opened", subject_id=str(case.pk))
    assert opened.extra["values"]["fields"] == {"nis_number": "123456", "sector": "tourism"}

    web = client_for(ministry)
    web.force_login(staff["supervisor"])
    page = web.get(f"/app/cases/{case.pk}/").content.decode()
    assert "NIS number" in page and "123456" in page and "Tourism" in page

    api = api_client_for(ministry, staff["supervisor"])
    body = api.get(f"/api/v1/cases/{case.pk}/").json()
    assert body["extra"] == {"nis_number": "123456", "sector": "tourism"}

    export = web.get("/app/cases/export.csv")
    assert export["Content-Type"].startswith("text/csv")
    lines = export.content.decode().splitlines()
    assert lines[0].endswith("NIS number,Sector")
    assert any(
        line.startswith(case.reference) and line.endswith("123456,tourism") for line in lines
    )

    case = case_extra_update(case=case, values={"sector": "agri"}, actor=staff["supervisor"])
    assert case.extra == {"nis_number": "123456", "sector": "agri"}
    change = AuditEvent.objects.get(action="case.fields_updated", subject_id=str(case.pk))
    assert change.changes == {"sector": ["tourism", "agri"]}


def test_hostile_values_are_refused_in_spanish_and_nothing_is_saved(
    fields_plugin, in_ministry, staff
):
    before = Case.objects.count()
    with translation.override("es"), pytest.raises(ValidationError) as exc:
        _open(staff, extra={"nis_number": "<script>", "sector": "mining", "rogue": "x"})
    errors = exc.value.message_dict
    assert set(errors) == {"nis_number", "sector", "rogue"}
    assert "formato" in errors["nis_number"][0]
    assert Case.objects.count() == before

    case = _open(staff, extra={"nis_number": "654321"})
    with pytest.raises(ValidationError):
        case_extra_update(case=case, values={"nis_number": "12"}, actor=staff["supervisor"])
    case.refresh_from_db()
    assert case.extra == {"nis_number": "654321"}


def test_fields_of_a_plugin_inactive_here_are_unknown(
    register_temporary_plugin, in_ministry, staff
):
    register_temporary_plugin(CaseFields(), slug="lc-case-fields", active_for=())
    with pytest.raises(ValidationError):
        _open(staff, extra={"nis_number": "123456"})


@pytest.mark.multi_tenant
def test_the_export_shows_nothing_of_another_ministry(
    fields_plugin, ministry, second_ministry, staff, client_for
):
    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import user_create
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.context import ministry_context

    case = _open(staff, extra={"nis_number": "123456"})
    other = client_for(second_ministry)
    with ministry_context(second_ministry):
        admin = user_create(
            username="export-b", password=TEST_PASSWORD, roles=[Role.SYSTEM_ADMIN], actor=None
        )
        other.force_login(admin)
    body = other.get("/app/cases/export.csv").content.decode()
    assert case.reference not in body and "123456" not in body


def test_a_formula_typed_as_a_title_is_exported_as_text(in_ministry, ministry, staff, client_for):
    case = case_open(
        procedure="accident",
        title="=1+2",
        office=staff["inspector"].office,
        actor=staff["supervisor"],
    )
    web = client_for(ministry)
    web.force_login(staff["supervisor"])
    body = web.get("/app/cases/export.csv").content.decode()
    assert f"{case.reference},Accident / occupational disease,'=1+2," in body
