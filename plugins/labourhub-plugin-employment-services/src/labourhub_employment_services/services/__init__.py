"""State changes of the employment service; each is one audited transaction."""

from labourhub_employment_services.services.jobseekers import (
    jobseeker_availability_set,
    jobseeker_consent_withdraw,
    jobseeker_erase,
    jobseeker_experience_add,
    jobseeker_register,
    skills_parse,
)
from labourhub_employment_services.services.referrals import referral_make, referral_record
from labourhub_employment_services.services.vacancies import (
    vacancy_close,
    vacancy_publish,
    vacancy_register,
    vacancy_reject,
)

__all__ = [
    "jobseeker_availability_set",
    "jobseeker_consent_withdraw",
    "jobseeker_erase",
    "jobseeker_experience_add",
    "jobseeker_register",
    "referral_make",
    "referral_record",
    "skills_parse",
    "vacancy_close",
    "vacancy_publish",
    "vacancy_register",
    "vacancy_reject",
]
