"""The physician's home page lists their planned visits, only where the module is active."""

import datetime as dt
import re

import pytest
from django.conf import settings
from labourhub_medical_visits.models import MedicalVisit
from labourhub_medical_visits.services import visit_plan

from labourhub.plugin_api import Role, ministry_today

PANEL = re.compile(r'id="queue-medical_visits_planned"(.*?)</section>', re.S)


def _home(client_for, ministry, user) -> str:
    client = client_for(ministry)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(user)
    page = client.get("/app/")
    assert page.status_code == 200
    return page.content.decode()


@pytest.mark.hook_effect("register_home_panels")
def test_physician_home_lists_planned_visits_where_active(
    active, maquila, physician, client_for, ministry
):
    visit = visit_plan(
        registration_number=maquila.registration_number,
        planned_for=ministry_today(),
        purpose="Vigilancia de la salud",
        actor=physician,
    )
    # The day passes without the visit: planning refuses past dates, so move it back directly.
    MedicalVisit.objects.filter(pk=visit.pk).update(
        planned_for=ministry_today() - dt.timedelta(days=1)
    )
    found = PANEL.search(_home(client_for, ministry, physician))
    assert found, "the physician's home has no medical visits panel"
    assert visit.number in found.group(1)
    assert f'href="/app/x/medical-visits/{visit.pk}/"' in found.group(1)
    assert "Late" in found.group(1)


def test_no_panel_for_other_roles_nor_where_the_module_is_off(
    maquila, physician, user_with_role, client_for, ministry
):
    # The plugin is not enabled: even the physician gets no medical panel.
    assert not PANEL.search(_home(client_for, ministry, physician))


def test_other_roles_never_get_the_physicians_panel(
    active, maquila, physician, user_with_role, client_for, ministry
):
    visit_plan(
        registration_number=maquila.registration_number,
        planned_for=ministry_today(),
        purpose="Vigilancia",
        actor=physician,
    )
    for role in (Role.INSPECTOR, Role.SYSTEM_ADMIN, Role.ANALYST):
        assert not PANEL.search(_home(client_for, ministry, user_with_role(role)))


def test_empty_state_when_nothing_is_planned(active, physician, client_for, ministry):
    found = PANEL.search(_home(client_for, ministry, physician))
    assert found and "No medical visit is planned for you." in found.group(1)


@pytest.mark.multi_tenant
def test_the_panel_stays_in_the_ministry_where_the_module_is_active(
    active, maquila, physician, second_ministry, user_with_role, client_for
):
    from tenants.context import ministry_context

    visit = visit_plan(
        registration_number=maquila.registration_number,
        planned_for=ministry_today(),
        purpose="Vigilancia",
        actor=physician,
    )
    with ministry_context(second_ministry):
        other = user_with_role(Role.OCCUPATIONAL_PHYSICIAN, username="other-physician")
        page = _home(client_for, second_ministry, other)
    assert not PANEL.search(page)
    assert visit.number not in page
