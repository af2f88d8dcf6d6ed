"""Matching: ranked both ways, with reasons in the reader's language; consent decides who is in."""

import pytest
from django.utils import translation
from labourhub_employment_services.matching import seeker_matches, vacancy_matches
from labourhub_employment_services.services import (
    jobseeker_availability_set,
    jobseeker_consent_withdraw,
    jobseeker_erase,
    jobseeker_experience_add,
)
from pes_helpers import region, seeker, vacancy


@pytest.fixture
def active(enable_plugin):
    return enable_plugin("employment-services")


def test_candidates_are_ranked_by_occupation_skills_experience_education_and_place(
    active, in_ministry
):
    north, south = region("N", "North"), region("S", "South")
    v = vacancy(
        occupation="51",
        skills="food safety, knife skills",
        min_education=3,
        min_experience_years=2,
        region=north,
        community="Gros Islet",
    )
    best = seeker(first_name="Best", skills="Food safety, knife skills", region=north)
    jobseeker_experience_add(seeker=best, job_title="Cook", occupation="51", years=4, actor=None)
    same_group = seeker(first_name="Group", occupations=["52"], skills="", region=south,
                        community="Vieux Fort", education=1)  # fmt: skip
    skills_only = seeker(first_name="Skills", occupations=["93"], skills="knife skills",
                         region=south, community="Soufrière")  # fmt: skip
    seeker(first_name="Unrelated", occupations=["25"], skills="python")
    ranked = vacancy_matches(vacancy=v)
    # Group: same ISCO major group only (15). Skills: half the skills (12.5) + education (10).
    assert [m.obj.first_name for m in ranked] == ["Best", "Skills", "Group"]
    assert ranked[0].score > ranked[1].score > 0
    top = ranked[0].reasons
    assert "Wants to work as: Personal service workers" in top
    assert any("2 of the 2 skills" in r for r in top)
    assert any("Has worked as" in r for r in top)
    assert any("same community: Gros Islet" in r for r in top)
    assert any("Education below the minimum" in w for w in ranked[2].warnings)
    assert any("same occupation group" in r for r in ranked[2].reasons)
    assert ranked[1].obj.pk == skills_only.pk and ranked[2].obj.pk == same_group.pk


def test_reasons_are_written_in_the_users_language(active, in_ministry):
    v = vacancy(occupation="51")
    seeker()
    with translation.override("es"):
        reasons = vacancy_matches(vacancy=v)[0].reasons
    assert any("Trabajadores de los servicios personales" in r for r in reasons)
    with translation.override("fr"):
        reasons = vacancy_matches(vacancy=v)[0].reasons
    assert any("Personnel des services directs aux particuliers" in r for r in reasons)


def test_withdrawn_unavailable_and_erased_seekers_leave_matching(active, in_ministry):
    v = vacancy(occupation="51")
    a, b, c, d = (seeker(first_name=n) for n in ("A", "B", "C", "D"))
    assert len(vacancy_matches(vacancy=v)) == 4
    jobseeker_consent_withdraw(seeker=a, actor=None)
    jobseeker_consent_withdraw(seeker=b, sharing_only=False, actor=None)
    jobseeker_availability_set(seeker=c, availability="not_available", actor=None)
    jobseeker_erase(seeker=d, actor=None)
    assert vacancy_matches(vacancy=v) == []
    d.refresh_from_db()
    assert seeker_matches(seeker=d) == []


def test_a_seeker_sees_open_published_vacancies_ranked(active, in_ministry):
    s = seeker(occupations=["51", "94"], skills="food safety", region=region())
    cook = vacancy(title="Cook", occupation="51", region=region())
    vacancy(title="Kitchen helper", occupation="94", skills="")
    vacancy(title="Waiting review", occupation="51", publish=False)
    vacancy(title="Programmer", occupation="25", skills="python")
    found = seeker_matches(seeker=s)
    assert [m.obj.title for m in found] == ["Cook", "Kitchen helper"]
    assert found[0].obj.pk == cook.pk and found[0].reasons
