import pytest

from labourhub.accounts.models import Office
from labourhub.accounts.services import office_create
from labourhub.registry.services import employer_create, establishment_create


@pytest.fixture
def offices(in_ministry):
    region = Office.objects.filter(code="R-CEN").first() or office_create(
        code="R-CEN", name="Región Central", level="region", actor=None
    )
    district = Office.objects.filter(code="D-TGU").first() or office_create(
        code="D-TGU", name="Tegucigalpa", level="district", parent=region, actor=None
    )
    return region, district


@pytest.fixture
def make_establishment(offices):
    _region, district = offices
    counter = {"n": 0}

    def make(name="Taller Uno", **kwargs):
        counter["n"] += 1
        employer = kwargs.pop("employer", None) or employer_create(
            legal_name=kwargs.pop("employer_name", f"{name} S.A."),
            tax_id=kwargs.pop("tax_id", ""),
            actor=None,
        )
        kwargs.setdefault("office", district)
        kwargs.setdefault("isic_code", "1071")
        return establishment_create(employer=employer, name=name, actor=None, **kwargs)

    return make
