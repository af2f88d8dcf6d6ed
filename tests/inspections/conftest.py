from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from labourhub.accounts.models import Office
from labourhub.accounts.roles import Role
from labourhub.accounts.services import office_create
from labourhub.documents.services import document_templates_seed
from labourhub.inspections.models import Checklist, Inspection
from labourhub.inspections.services import (
    checklists_seed,
    inspection_create,
    procedure_update,
)
from labourhub.registry.services import employer_create, establishment_create


@dataclass
class World:
    region: Office
    district: Office
    other_district: Office
    establishment: Any
    employer: Any
    minister: Any
    supervisor: Any
    inspectors: list[Any]
    admin: Any
    general: Checklist
    child: Checklist

    def new_inspection(self, **kw: Any) -> Inspection:
        return inspection_create(
            establishment=kw.pop("establishment", self.establishment),
            origin=kw.pop("origin", Inspection.Origin.PLANNED),
            checklist=kw.pop("checklist", self.general),
            scheduled_for=kw.pop("scheduled_for", timezone.localdate()),
            actor=self.supervisor,
            **kw,
        )


def build_world(user_with_role) -> World:
    region = office_create(code="W-REG", name="Central region", level="region", actor=None)
    district = office_create(
        code="W-DIS", name="Asunción district", level="district", parent=region, actor=None
    )
    other = office_create(
        code="W-DIS2", name="Other district", level="district", parent=region, actor=None
    )
    employer = employer_create(legal_name="Textiles del Sur SA", tax_id="W-800100", actor=None)
    est = establishment_create(
        employer=employer,
        name="Textiles del Sur - planta 1",
        office=district,
        isic_code="1410",
        workers_female=30,
        workers_male=12,
        actor=None,
    )
    document_templates_seed(actor=None)
    checklists_seed(actor=None)
    procedure_update(
        require_authorisation=True,
        authorising_roles=["authorising_official"],
        authorisation_valid_days=30,
        actor=None,
    )
    return World(
        region=region,
        district=district,
        other_district=other,
        establishment=est,
        employer=employer,
        minister=user_with_role(Role.AUTHORISING_OFFICIAL, username="minister", office=district),
        supervisor=user_with_role(Role.SUPERVISOR, username="supervisor", office=district),
        inspectors=[
            user_with_role(Role.INSPECTOR, username=f"insp{i}", office=district)
            for i in range(1, 5)
        ],
        admin=user_with_role(Role.SYSTEM_ADMIN, username="chkadmin", office=district),
        general=Checklist.objects.get(code="general-labour-standards"),
        child=Checklist.objects.get(code="child-labour"),
    )


@pytest.fixture
def world(in_ministry, user_with_role) -> World:
    return build_world(user_with_role)


def started_inspection(
    world: World, *, checklist: Checklist | None = None, inspector: Any = None
) -> Inspection:
    """An inspection in progress, without the (PDF-rendering) authorisation step."""
    from labourhub.inspections.services import inspection_assign, visit_start

    procedure_update(
        require_authorisation=False, authorising_roles=[], authorisation_valid_days=30, actor=None
    )
    inspection = world.new_inspection(checklist=checklist or world.general)
    inspector = inspector or world.inspectors[0]
    inspection_assign(
        inspection=inspection,
        method="manual",
        assignee=inspector,
        reason="test",
        expected_version=inspection.version,
        actor=world.supervisor,
    )
    inspection.refresh_from_db()
    return visit_start(
        inspection=inspection,
        arrived_at=timezone.now(),
        persons_met="Manager",
        workers_interviewed_female=1,
        workers_interviewed_male=1,
        expected_version=inspection.version,
        actor=inspector,
    )


@pytest.fixture
def in_progress(world) -> Inspection:
    return started_inspection(world)
