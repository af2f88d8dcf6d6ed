"""The audit event kinds this plugin records, declared to the core's audit trail."""

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import audit_action_register

VISIT_PLANNED = audit_action_register(
    code="medical_visit.planned", label=_("Medical visit planned")
)
VISIT_RECORDED = audit_action_register(
    code="medical_visit.recorded", label=_("Medical visit recorded")
)
VISIT_CANCELLED = audit_action_register(
    code="medical_visit.cancelled", label=_("Medical visit cancelled")
)
EXAMINATION_RECORDED = audit_action_register(
    code="medical_visit.examination_recorded",
    label=_("Medical examination recorded, certificate issued"),
)
# Reads are audited too: health data is confidential, and the trail shows who looked at whose.
HEALTH_DATA_READ = audit_action_register(
    code="medical_visit.health_data_read", label=_("Health data read")
)
FINDING_RAISED = audit_action_register(
    code="medical_visit.finding_raised", label=_("OSH finding raised from a medical visit")
)
EXAMINATION_CLAIMED = audit_action_register(
    code="medical_visit.examination_claimed",
    label=_("Worker opened their examination in the portal"),
)
