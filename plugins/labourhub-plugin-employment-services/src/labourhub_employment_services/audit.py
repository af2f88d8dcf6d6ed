"""The audit event kinds this plugin records, declared to the core's audit trail.

Payloads never carry a job seeker's personal data (names, contacts, identity numbers): the
trail outlives an erasure on request, so it records ids, codes and status changes only.
"""

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import audit_action_register

SEEKER_REGISTERED = audit_action_register(
    code="pes_job_seeker.registered", label=_("Job seeker registered")
)
SEEKER_UPDATED = audit_action_register(code="pes_job_seeker.updated", label=_("Job seeker updated"))
SEEKER_CONSENT_WITHDRAWN = audit_action_register(
    code="pes_job_seeker.consent_withdrawn", label=_("Job seeker withdrew consent")
)
SEEKER_ERASED = audit_action_register(
    code="pes_job_seeker.erased", label=_("Job seeker's personal data erased on request")
)
VACANCY_REGISTERED = audit_action_register(
    code="pes_vacancy.registered", label=_("Vacancy registered")
)
VACANCY_PUBLISHED = audit_action_register(
    code="pes_vacancy.published", label=_("Vacancy published")
)
VACANCY_REJECTED = audit_action_register(
    code="pes_vacancy.rejected", label=_("Vacancy rejected at review")
)
VACANCY_CLOSED = audit_action_register(code="pes_vacancy.closed", label=_("Vacancy closed"))
VACANCY_SUBMITTED = audit_action_register(
    code="pes_vacancy.submitted", label=_("Vacancy submitted by an employer through the portal")
)
REFERRAL_MADE = audit_action_register(code="pes_referral.made", label=_("Candidate referred"))
REFERRAL_UPDATED = audit_action_register(
    code="pes_referral.updated", label=_("Referral outcome recorded")
)
DOCUMENT_ADDED = audit_action_register(
    code="pes_job_seeker.document_added", label=_("Job seeker's document stored")
)
DOCUMENT_REMOVED = audit_action_register(
    code="pes_job_seeker.document_removed", label=_("Job seeker's document deleted")
)
SEEKER_ANONYMISED = audit_action_register(
    code="pes_job_seeker.anonymised",
    label=_("Job seeker's personal data erased under the retention rule"),
)
APPOINTMENT_SCHEDULED = audit_action_register(
    code="pes_appointment.scheduled", label=_("Counselling appointment scheduled")
)
APPOINTMENT_RECORDED = audit_action_register(
    code="pes_appointment.recorded", label=_("Counselling appointment recorded")
)
PROGRAMME_CREATED = audit_action_register(
    code="pes_programme.created", label=_("Labour-market programme created")
)
ENROLMENT_MADE = audit_action_register(
    code="pes_enrolment.made", label=_("Job seeker enrolled in a programme")
)
ENROLMENT_ENDED = audit_action_register(
    code="pes_enrolment.ended", label=_("Programme enrolment ended, outcome recorded")
)
DOCUMENT_READ = audit_action_register(
    code="pes_job_seeker.document_read", label=_("Job seeker's document read")
)
