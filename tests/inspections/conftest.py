import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

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
            scheduled_for=kw.pop("scheduled_for", dt.date.today()),
            actor=self.supervisor, **kw)


def build_world(user_with_role) -> World:
    region = office_create(code="W-REG", name="Central region", level="region", actor=None)
    district = office_create(code="W-DIS", name="Asunción district", level="district",
                             parent=region, actor=None)
    other = office_create(code="W-DIS2", name="Other district", level="district",
                          parent=region, actor=None)
    employer = employer_create(legal_name="Textiles del Sur SA", tax_id="W-800100", actor=None)
    est = establishment_create(employer=employer, name="Textiles del Sur – planta 1",
                               office=district, isic_code="1410", workers_female=30,
                               workers_male=12, actor=None)
    document_templates_seed(actor=None)
    checklists_seed(actor=None)
    procedure_update(require_authorisation=True, authorising_roles=["authorising_official"],
                     authorisation_valid_days=30, actor=None)
    return World(
        region=region, district=district, other_district=other, establishment=est,
        employer=employer,
        minister=user_with_role(Role.AUTHORISING_OFFICIAL, username="minister", office=district),
        supervisor=user_with_role(Role.SUPERVISOR, username="supervisor", office=district),
        inspectors=[user_with_role(Role.INSPECTOR, username=f"insp{i}", office=district)
                    for i in range(1, 5)],
        admin=user_with_role(Role.SYSTEM_ADMIN, username="chkadmin", office=district),
        general=Checklist.objects.get(code="general-labour-standards"),
        child=Checklist.objects.get(code="child-labour"),
    )


@pytest.fixture
def world(in_ministry, user_with_role) -> World:
    return build_world(user_with_role)
