"""Placements reach the LMI website as a dataset: computed, vetted, embargoed, published, CSV."""

import csv
import io
from datetime import UTC, datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from labourhub_employment_services.services import referral_make, referral_record
from pes_helpers import seeker, vacancy

from cms.models import TOTAL, Agency, Dataset, Dimension, DimensionValue, Indicator, LmiSettings
from cms.services import dataset_approve, dataset_build_from_records
from labourhub.plugin_api import ApplicationError, Role, ministry_today
from tenants.cms_schedules import cms_publish_due_enqueue

RELEASE = datetime(2030, 3, 2, 13, 0, tzinfo=UTC)


def _dimension(code, values):
    dim = Dimension.objects.create(code=code, name=code.title())
    for n, v in enumerate(values):
        DimensionValue.objects.create(dimension=dim, code=v, label=f"{code}:{v}", order=n)
    return dim


def _indicator(code="pes-placements", definition="pes_placements", dims=("sex", "age", "isco")):
    agency = Agency.objects.get_or_create(code="DOL", defaults={"name": "Department of Labour"})[0]
    ind = Indicator.objects.create(
        code=code,
        name="Placements by the employment service",
        definition="Job seekers placed in a vacancy by the public employment service.",
        unit=Indicator.Unit.COUNT,
        decimals=0,
        agency=agency,
        source=Indicator.Source.CASE_SYSTEM,
        analytics_definition=definition,
    )
    ind.dimensions.set(Dimension.objects.filter(code__in=dims))
    return ind


@pytest.fixture
def lmi(enable_plugin, in_ministry):
    enable_plugin("employment-services")
    LmiSettings.objects.create(suppression_threshold=5)
    _dimension("sex", ["F", "M", TOTAL])
    _dimension("age", ["Y15-24", "Y25-54", TOTAL])
    _dimension("isco", ["4", "5", TOTAL])
    _dimension("sector", ["AGR", TOTAL])
    return _indicator()


def _place_young_women(n=6):
    year = ministry_today().year
    v = vacancy(posts=n, occupation="51")
    for k in range(n):
        s = seeker(first_name=f"W{k}", birth_year=year - 20, occupations=["51"])
        r = referral_make(seeker=s, vacancy=v, actor=None)
        r = referral_record(referral=r, status="interviewed", actor=None)
        referral_record(referral=r, status="placed", actor=None)


def _csv(response):
    reader = csv.DictReader(io.StringIO(response.content.decode()))
    return {(r["sex"], r["age"], r["isco"]): r["value"] for r in reader}


def test_placements_are_published_after_the_embargo_with_small_counts_kept_out(
    lmi, user_with_role, client_for, ministry
):
    _place_young_women()
    seeker(first_name="Lone man", sex="M")  # registered, never placed
    director = user_with_role(Role.DIRECTOR)
    dataset = dataset_build_from_records(actor=director, indicator=lmi)
    assert dataset.status == Dataset.Status.SUBMITTED
    rows = {tuple(r.dims[k] for k in ("sex", "age", "isco")): r.value for r in dataset.rows.all()}
    assert rows[("F", "Y15-24", "5")] == 6
    assert rows[(TOTAL, TOTAL, TOTAL)] == 6
    assert ("M", TOTAL, TOTAL) not in rows  # 0 placements: under the threshold, never stored
    assert ("F", "Y15-24", "4") not in rows
    assert "Lone man" not in dataset.file.read().decode()
    dataset_approve(actor=director, dataset=dataset, release_at=RELEASE)
    web = client_for(ministry)
    with time_machine.travel(datetime(2030, 3, 2, 12, 59, tzinfo=UTC), tick=False):
        cms_publish_due_enqueue()
        assert _csv(web.get("/lmi/data/pes-placements.csv")) == {}
    with time_machine.travel(datetime(2030, 3, 2, 13, 1, tzinfo=UTC), tick=False):
        cms_publish_due_enqueue()
        response = web.get("/lmi/data/pes-placements.csv")
        assert response.status_code == 200 and "text/csv" in response["Content-Type"]
        values = _csv(response)
    assert Decimal(values[("F", "Y15-24", "5")]) == 6
    assert Decimal(values[(TOTAL, TOTAL, TOTAL)]) == 6
    assert not any(k[0] == "M" for k in values)


def test_building_is_for_the_director_and_refuses_what_it_cannot_compute(lmi, user_with_role):
    director = user_with_role(Role.DIRECTOR)
    with pytest.raises(PermissionDenied):
        dataset_build_from_records(actor=user_with_role(Role.PES_OFFICER), indicator=lmi)
    survey = _indicator(code="survey-thing", definition="")
    Indicator.objects.filter(pk=survey.pk).update(source=Indicator.Source.SURVEY)
    survey.refresh_from_db()
    with pytest.raises(ApplicationError):
        dataset_build_from_records(actor=director, indicator=survey)
    by_sector = _indicator(code="pes-by-sector", dims=("sector",))
    with pytest.raises(ApplicationError) as exc:
        dataset_build_from_records(actor=director, indicator=by_sector)
    assert "Sector" in str(exc.value.message)
    unknown = _indicator(code="pes-nothing", definition="no_such_definition")
    with pytest.raises(ApplicationError):
        dataset_build_from_records(actor=director, indicator=unknown)
    assert not Dataset.objects.exists()


def test_the_director_computes_from_the_page_and_hostile_posts_save_nothing(
    lmi, client_for, ministry, user_with_role
):
    _place_young_women()
    web = client_for(ministry)
    web.force_login(user_with_role(Role.DIRECTOR))
    page = web.get("/lmi/contribute/").content.decode()
    assert "Placements by the employment service" in page
    for bad in ("", "abc", "999999", "1 OR 1=1", "-1", "9" * 40, "٣"):
        response = web.post("/lmi/contribute/records/", {"indicator": bad})
        assert response.status_code == 302 and response["Location"].endswith("/lmi/contribute/")
    assert not Dataset.objects.exists()
    response = web.post("/lmi/contribute/records/", {"indicator": lmi.pk})
    assert response.status_code == 302
    dataset = Dataset.objects.get()
    assert response["Location"].endswith(f"/lmi/datasets/{dataset.pk}/")
    officer = client_for(ministry)
    officer.force_login(user_with_role(Role.PES_OFFICER))
    assert officer.post("/lmi/contribute/records/", {"indicator": lmi.pk}).status_code == 403
    assert Dataset.objects.count() == 1


@pytest.mark.multi_tenant
def test_another_ministry_cannot_reach_the_dataset(
    lmi, client_for, ministry, second_ministry, user_with_role
):
    from labourhub.accounts.services import user_create
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.context import ministry_context

    _place_young_women()
    dataset = dataset_build_from_records(actor=user_with_role(Role.DIRECTOR), indicator=lmi)
    other = client_for(second_ministry)
    with ministry_context(second_ministry):
        other.force_login(
            user_create(username="dir-b", password=TEST_PASSWORD, roles=[Role.DIRECTOR], actor=None)
        )
    assert other.get(f"/lmi/datasets/{dataset.pk}/").status_code == 404
    assert other.post("/lmi/contribute/records/", {"indicator": lmi.pk}).status_code == 302
    assert other.get("/lmi/data/pes-placements.csv").status_code == 404
    assert Dataset.objects.count() == 1
