"""Child-labour and refused-entry alerts reach, at once, the roles the ministry chose: in the
inspection's region for regional roles; the setting page refuses bad input and is audited."""

import re

import pytest
from django.conf import settings

from labourhub.accounts.models import RoleGrant
from labourhub.accounts.roles import Role
from labourhub.accounts.services import office_create, user_create
from labourhub.audit.models import AuditEvent
from labourhub.inspections.models import AlertRouting, InspectionAlert
from labourhub.inspections.services.alert_routing import alert_routing_set
from labourhub.inspections.services.visits import visit_refuse_entry
from labourhub.workflow.selectors import alert_unread_count
from tenants.context import ministry_context
from tests.inspections.conftest import build_world, started_inspection

pytestmark = pytest.mark.multi_tenant


def _refused(world):
    inspection = started_inspection(world)
    return visit_refuse_entry(
        inspection=inspection,
        note="The manager locked the gate",
        expected_version=inspection.version,
        actor=inspection.inspector,
    )


def test_without_a_setting_refused_entry_reaches_the_supervisor_as_before(
    in_ministry, user_with_role
):
    world = build_world(user_with_role)
    before = alert_unread_count(user=world.supervisor)
    inspection = _refused(world)
    alert = InspectionAlert.objects.get(inspection=inspection, kind="refused_entry")
    assert world.supervisor.pk in alert.notified_user_ids
    assert alert_unread_count(user=world.supervisor) == before + 1


def test_configured_roles_are_told_at_once_within_their_region(in_ministry, user_with_role):
    world = build_world(user_with_role)
    far = office_create(code="W-REG9", name="Far region", level="region", actor=None)
    far_district = office_create(
        code="W-DIS9", name="Far district", level="district", parent=far, actor=None
    )
    # A legal officer's reach is their region; a director's grant limited to one region makes
    # a regional director.
    near_legal = user_with_role(
        Role.LEGAL_OFFICER, username="legal-near", office=world.other_district
    )
    far_legal = user_with_role(Role.LEGAL_OFFICER, username="legal-far", office=far_district)
    regional = user_with_role(Role.DIRECTOR, username="dir-central", office=world.district)
    RoleGrant.objects.filter(user=regional).update(scope_office=world.region)
    other_regional = user_with_role(Role.DIRECTOR, username="dir-far", office=far_district)
    RoleGrant.objects.filter(user=other_regional).update(scope_office=far)
    alert_routing_set(
        kind="refused_entry", roles=[Role.LEGAL_OFFICER, Role.DIRECTOR], actor=world.admin
    )
    event = AuditEvent.objects.get(action="inspection.alert_routing_set")
    assert event.actor_id == world.admin.pk and "legal_officer" in str(event.changes)

    inspection = _refused(world)
    alert = InspectionAlert.objects.get(inspection=inspection, kind="refused_entry")
    assert sorted(alert.notified_user_ids) == sorted([near_legal.pk, regional.pk])
    assert world.supervisor.pk not in alert.notified_user_ids
    for user in (near_legal, regional):
        assert alert_unread_count(user=user) == 1
    for user in (far_legal, other_regional, world.supervisor):
        assert alert_unread_count(user=user) == 0


def test_hostile_settings_are_refused_and_another_ministry_keeps_its_own(
    in_ministry, user_with_role, client_for, ministry, second_ministry
):
    world = build_world(user_with_role)
    web = client_for(ministry)
    web.force_login(world.admin)
    url = "/app/inspections/alert-routing/"
    page = web.get(url)
    assert page.status_code == 200 and b"data-alert-routing" in page.content
    for bad in (
        {"child_labour": ["root"], "refused_entry": ["director"]},
        {"child_labour": ["director"], "refused_entry": []},
        {"child_labour": ["employer"], "refused_entry": ["<script>"]},
    ):
        response = web.post(url, bad)
        assert response.status_code == 200
        assert b'class="error"' in response.content
        assert not AlertRouting.objects.exists()
    web.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    response = web.post(url, {"child_labour": ["director"], "refused_entry": []})
    assert "Elija al menos un rol" in response.content.decode()
    web.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    saved = web.post(
        url, {"child_labour": ["director", "legal_officer"], "refused_entry": ["supervisor"]}
    )
    assert saved.status_code == 302
    assert AlertRouting.objects.get(kind="child_labour").roles == ["director", "legal_officer"]
    inspector = client_for(ministry)
    inspector.force_login(world.inspectors[0])
    assert inspector.get(url).status_code == 403

    with ministry_context(second_ministry):
        admin = user_create(
            username="admin-routing-2",
            password="Xx-2026-pass!",
            roles=[Role.SYSTEM_ADMIN],
            actor=None,
        )
        assert not AlertRouting.objects.exists()
        other = client_for(second_ministry)
        other.force_login(admin)
        body = other.get(url).content.decode()
        checked = set(re.findall(r'name="child_labour" value="(\w+)"[^>]*checked', body))
        assert checked == {"supervisor", "office_head", "director"}


@pytest.mark.parametrize("active", ["en", None])
def test_refused_entry_is_recorded_in_the_ministry_language(in_ministry, user_with_role, active):
    """An English-speaking inspector, or an offline sync with no language, still leaves the
    finding and the alert in the ministry's language (the test ministry speaks Spanish)."""
    from django.utils import translation

    from labourhub.inspections.models import Finding

    world = build_world(user_with_role)
    with translation.override(active):
        inspection = _refused(world)
    finding = Finding.objects.get(inspection=inspection)
    assert finding.description == "Ingreso denegado: The manager locked the gate"
    assert finding.provision.startswith("Obstrucción a la inspección del trabajo")
    alert = InspectionAlert.objects.get(inspection=inspection, kind="refused_entry")
    assert alert.message.startswith("Ingreso denegado en ")
