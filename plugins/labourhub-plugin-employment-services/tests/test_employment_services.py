"""Job seekers, vacancies and referrals through the real services, each step audited."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from labourhub_employment_services.models import JobSeeker, Referral, Vacancy, WorkExperience
from labourhub_employment_services.services import (
    jobseeker_consent_withdraw,
    jobseeker_erase,
    jobseeker_experience_add,
    referral_make,
    referral_record,
    vacancy_publish,
    vacancy_reject,
)
from labourhub_employment_services.stats import measure_total
from pes_helpers import region, seeker, vacancy

from labourhub.audit.models import AuditEvent
from labourhub.plugin_api import ApplicationError, Role, ministry_today


@pytest.fixture
def active(enable_plugin):
    return enable_plugin("employment-services")


def _actions(prefix):
    return list(
        AuditEvent.objects.filter(action__startswith=prefix)
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_registration_needs_consent_to_processing_and_saves_nothing_without(active, in_ministry):
    before = (JobSeeker.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as exc:
        seeker(consent_processing=False)
    assert "consent_processing" in exc.value.message_dict
    assert (JobSeeker.objects.count(), AuditEvent.objects.count()) == before


def test_bad_occupation_and_birth_year_are_refused(active, in_ministry):
    with pytest.raises(ValidationError) as exc:
        seeker(occupations=["99"])
    assert "occupations" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        seeker(occupations=[])
    assert "occupations" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        seeker(birth_year=ministry_today().year - 5)
    assert "birth_year" in exc.value.message_dict


def test_a_consenting_seeker_is_matchable_and_the_audit_holds_no_name(active, in_ministry):
    s = seeker(region=region())
    assert s.in_matching and s.occupation_majors == ["5"]
    assert s.skills == ["food safety", "customer service"]
    event = AuditEvent.objects.get(action="pes_job_seeker.registered")
    assert "Keisha" not in str(event.extra) + str(event.changes)
    without = seeker(first_name="Marcus", consent_sharing=False)
    assert not without.in_matching


def test_work_history_feeds_experience(active, in_ministry):
    s = seeker()
    jobseeker_experience_add(seeker=s, job_title="Cook", occupation="51", years=3, actor=None)
    jobseeker_experience_add(seeker=s, job_title="Porter", occupation="96", years=2, actor=None)
    s.refresh_from_db()
    assert (s.experience_codes, s.experience_years) == (["51", "96"], 5)


def test_vacancy_is_reviewed_before_publication(active, in_ministry, user_with_role):
    v = vacancy(publish=False)
    assert v.status == Vacancy.Status.PENDING and v.reference.startswith("VAC-")
    with pytest.raises(PermissionDenied):
        vacancy_publish(vacancy=v, actor=user_with_role(Role.CLERK))
    with pytest.raises(ValidationError):
        vacancy_reject(vacancy=v, reason=" ", actor=None)
    v = vacancy_publish(vacancy=v, actor=user_with_role(Role.SUPERVISOR))
    assert v.status == Vacancy.Status.PUBLISHED
    with pytest.raises(ApplicationError):
        vacancy_publish(vacancy=v, actor=None)
    assert _actions("pes_vacancy.") == ["pes_vacancy.registered", "pes_vacancy.published"]


def test_vacancy_with_bad_values_is_refused_with_nothing_saved(active, in_ministry):
    with pytest.raises(ValidationError) as exc:
        vacancy(
            occupation="00",
            sector="Z",
            wage_min=5000,
            wage_max=100,
            closing_date=ministry_today() - dt.timedelta(days=1),
        )
    assert set(exc.value.message_dict) == {"occupation", "sector", "wage_min", "closing_date"}
    assert Vacancy.objects.count() == 0


def test_referral_to_placement_fills_the_post_and_counts(active, in_ministry):
    v = vacancy(posts=1)
    s = seeker()
    r = referral_make(seeker=s, vacancy=v, actor=None)
    with pytest.raises(ApplicationError):
        referral_make(seeker=s, vacancy=v, actor=None)  # only once
    with pytest.raises(ApplicationError):
        referral_record(referral=r, status=Referral.Status.PLACED, actor=None)  # interview first
    with pytest.raises(ValidationError):
        referral_record(
            referral=r,
            status=Referral.Status.INTERVIEWED,
            on=ministry_today() + dt.timedelta(days=1),
            actor=None,
        )
    r = referral_record(referral=r, status=Referral.Status.INTERVIEWED, actor=None)
    r = referral_record(referral=r, status=Referral.Status.PLACED, actor=None)
    assert (r.interviewed_on, r.outcome_on) == (ministry_today(), ministry_today())
    v.refresh_from_db()
    s.refresh_from_db()
    assert (v.posts_filled, v.status) == (1, Vacancy.Status.CLOSED)
    assert (s.status, s.in_matching) == (JobSeeker.Status.PLACED, False)
    assert measure_total("placements", suppress=False) == 1
    assert _actions("pes_referral.") == [
        "pes_referral.made",
        "pes_referral.updated",
        "pes_referral.updated",
    ]


def test_a_seeker_without_consent_to_sharing_cannot_be_referred(active, in_ministry):
    v = vacancy()
    s = seeker()
    jobseeker_consent_withdraw(seeker=s, actor=None)
    with pytest.raises(ApplicationError):
        referral_make(seeker=s, vacancy=v, actor=None)
    assert not Referral.objects.exists()


def test_erasure_removes_personal_data_and_keeps_the_statistics(active, in_ministry):
    s = seeker(national_id="123456", phone="758 555 0101", email="k@example.lc", region=region())
    jobseeker_experience_add(
        seeker=s,
        job_title="Cook",
        employer_name="Bay Gardens",
        occupation="51",
        years=2,
        actor=None,
    )
    r = referral_make(seeker=s, vacancy=vacancy(), note="Good references", actor=None)
    counts = {m: measure_total(m, suppress=False) for m in ("jobseekers", "referrals")}
    by_sex = measure_total("jobseekers", sex="F", suppress=False)
    jobseeker_erase(seeker=s, actor=None)
    s.refresh_from_db()
    r.refresh_from_db()
    assert (s.first_name, s.last_name, s.national_id, s.phone, s.email, s.name_key) == (
        "", "", "", "", "", "",
    )  # fmt: skip
    assert s.status == JobSeeker.Status.ERASED and not s.in_matching
    assert "Keisha" not in s.display_name
    assert WorkExperience.objects.get(seeker=s).employer_name == ""
    assert r.note == ""
    assert {m: measure_total(m, suppress=False) for m in counts} == counts
    assert measure_total("jobseekers", sex="F", suppress=False) == by_sex
    assert _actions("pes_job_seeker.")[-1] == "pes_job_seeker.erased"
    with pytest.raises(ValidationError):
        jobseeker_consent_withdraw(seeker=s, actor=None)


def test_small_counts_are_suppressed(active, in_ministry):
    seeker()
    assert measure_total("jobseekers", suppress=False) == 1
    assert measure_total("jobseekers") is None  # under the default threshold of 5
    for n in range(4):
        seeker(first_name=f"Seeker {n}")
    assert measure_total("jobseekers") == 5
