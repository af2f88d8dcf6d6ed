"""State changes of the employment service; each is one audited transaction."""

from labourhub_employment_services.services.counselling import (
    appointment_record,
    appointment_schedule,
    enrolment_end,
    enrolment_make,
    programme_create,
)
from labourhub_employment_services.services.documents import (
    seeker_document_add,
    seeker_document_delete,
    seeker_document_read,
)
from labourhub_employment_services.services.employer import vacancy_submit
from labourhub_employment_services.services.jobseekers import (
    jobseeker_availability_set,
    jobseeker_consent_withdraw,
    jobseeker_erase,
    jobseeker_experience_add,
    jobseeker_register,
    skills_parse,
)
from labourhub_employment_services.services.referrals import referral_make, referral_record
from labourhub_employment_services.services.retention import jobseeker_retention_apply
from labourhub_employment_services.services.vacancies import (
    vacancy_close,
    vacancy_publish,
    vacancy_register,
    vacancy_reject,
)

__all__ = [
    "appointment_record",
    "appointment_schedule",
    "enrolment_end",
    "enrolment_make",
    "jobseeker_availability_set",
    "jobseeker_consent_withdraw",
    "jobseeker_erase",
    "jobseeker_experience_add",
    "jobseeker_register",
    "jobseeker_retention_apply",
    "programme_create",
    "referral_make",
    "referral_record",
    "seeker_document_add",
    "seeker_document_delete",
    "seeker_document_read",
    "skills_parse",
    "vacancy_close",
    "vacancy_publish",
    "vacancy_register",
    "vacancy_reject",
    "vacancy_submit",
]
