"""Every kind of audit event the core records, and the plugins' own kinds.

Codes are stable, lower case, ``<subject>.<past-tense verb>``; they are stored in the trail and
matched by filters and tests, so a code is never renamed once released. Events recorded before
this list existed carry older codes; ``LEGACY_ACTIONS`` maps each of them to its member so old
rows display with the same label (the trail is append-only and hash-chained, so its rows are
never rewritten).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    ACCIDENT_NOTIFIED = "accident.notified", _("Workplace accident notified")
    ALERT_EMAILED = "alert.emailed", _("Deadline alerts e-mailed")
    ALERT_ESCALATED = "alert.escalated", _("Deadline escalated to supervisors")
    ALERT_READ = "alert.read", _("Alerts marked as read")
    ALERT_DIGEST_CHOSEN = "alert.digest_chosen", _("Daily e-mail digest switched on or off")
    ALERT_DIGEST_SENT = "alert.digest_sent", _("Daily e-mail digest sent")
    ANALYTICS_SETTINGS_UPDATED = "analytics.settings_updated", _("Analytics settings changed")
    ANALYTICS_SUMMARY_REBUILT = "analytics.summary_rebuilt", _("Analytics summaries rebuilt")
    APPEAL_DECIDED = "appeal.decided", _("Appeal decided")
    APPEAL_FILED = "appeal.filed", _("Appeal filed")
    AUTH_LOGGED_IN = "auth.logged_in", _("Signed in")
    AUTH_LOGIN_FAILED = "auth.login_failed", _("Failed sign-in attempt")
    CALENDAR_DAY_ADDED = "calendar_day.added", _("Non-working day added")
    CALENDAR_DAY_REMOVED = "calendar_day.removed", _("Non-working day removed")
    CALENDAR_DAY_SEEDED = "calendar_day.seeded", _("Public holidays loaded")
    CAMPAIGN_CREATED = "campaign.created", _("Inspection campaign created")
    CAMPAIGN_ESTABLISHMENTS_ADDED = (
        "campaign.establishments_added",
        _("Establishments added to a campaign"),
    )
    CAMPAIGN_ESTABLISHMENTS_IMPORTED = (
        "campaign.establishments_imported",
        _("Establishments imported into a campaign"),
    )
    CAMPAIGN_TARGET_SET = "campaign.target_set", _("Campaign target set for an office")
    CASE_ASSIGNED = "case.assigned", _("Case assigned")
    CASE_FIELDS_UPDATED = "case.fields_updated", _("Case details updated")
    CASE_NOTE_ADDED = "case.note_added", _("Note added to a case")
    CASE_OPENED = "case.opened", _("Case opened")
    CASE_TRANSITIONED = "case.transitioned", _("Case moved to another step")
    CHECKLIST_CREATED = "checklist.created", _("Checklist created")
    CHECKLIST_DRAFT_STARTED = "checklist.draft_started", _("Checklist draft started")
    CHECKLIST_PUBLISHED = "checklist.published", _("Checklist published")
    CHECKLIST_QUESTION_ADDED = "checklist.question_added", _("Checklist question added")
    CHECKLIST_QUESTION_REMOVED = "checklist.question_removed", _("Checklist question removed")
    CHECKLIST_SECTION_ADDED = "checklist.section_added", _("Checklist section added")
    COMPLAINT_REGISTERED = "complaint.registered", _("Complaint registered")
    COMPLAINT_TRIAGED = "complaint.triaged", _("Complaint triaged")
    COMPLIANCE_ORDER_ISSUED = "compliance_order.issued", _("Compliance order issued")
    COMPLIANCE_ORDER_VERIFIED = "compliance_order.verified", _("Compliance order verified")
    DEADLINE_ADDED = "deadline.added", _("Deadline added")
    DEADLINE_RECOMPUTED = "deadline.recomputed", _("Deadline recomputed")
    DEADLINE_SWEPT = "deadline.swept", _("Deadlines checked")
    DISPUTE_FILED = "dispute.filed", _("Labour dispute filed")
    DIVISION_MAP_UPLOADED = "division_map.uploaded", _("Map outlines uploaded")
    DIVISION_MAP_WITHDRAWN = "division_map.withdrawn", _("Map outlines withdrawn")
    INSPECTION_LINKED = "inspection.linked", _("Inspection opened from a complaint or accident")
    INSPECTION_RESULT_RETURNED = (
        "inspection.result_returned",
        _("Inspection result returned to its complaint or accident"),
    )
    DISPUTE_OPENED_FROM_COMPLAINT = (
        "dispute.opened_from_complaint",
        _("Labour dispute opened from a complaint"),
    )
    DISPUTE_SETTLED = "dispute.settled", _("Labour dispute settled")
    COURT_PROCEEDING_OPENED = "court_proceeding.opened", _("Court proceedings recorded")
    COURT_HEARING_RECORDED = "court_hearing.recorded", _("Court hearing recorded")
    COURT_JUDGEMENT_RECORDED = "court_judgement.recorded", _("Court judgement recorded")
    ORDER_PROPOSED = "order.proposed", _("Compliance order proposed from findings")
    ORDER_PROPOSAL_DECIDED = "order_proposal.decided", _("Proposed compliance order decided")
    PENALTY_ADJUSTED = "penalty.adjusted", _("Penalty for a violation adjusted")
    LEGAL_PERIOD_OVERRIDDEN = (
        "legal_period.overridden",
        _("Step taken before the other party's period ended"),
    )
    DOCUMENT_BATCH_QUEUED = "document.batch_queued", _("Document batch queued")
    DOCUMENT_ISSUED = "document.issued", _("Document issued")
    DOCUMENT_SIGNED = "document.signed", _("Document signed")
    DOCUMENT_TEMPLATE_VERSION_SAVED = (
        "document_template.version_saved",
        _("Document template version saved"),
    )
    EMPLOYER_CREATED = "employer.created", _("Employer registered")
    EMPLOYER_LINKED = "employer.linked", _("Employers linked")
    ESTABLISHMENT_CREATED = "establishment.created", _("Establishment registered")
    ESTABLISHMENT_MERGE_UNDONE = "establishment.merge_undone", _("Establishment merge undone")
    ESTABLISHMENT_MERGED = "establishment.merged", _("Establishments merged")
    ESTABLISHMENT_UPDATED = "establishment.updated", _("Establishment changed")
    FINE_IMPOSED = "fine.imposed", _("Fine imposed")
    FINE_RULE_SEEDED = "fine_rule.seeded", _("Fine rules loaded")
    HEARING_RECORDED = "hearing.recorded", _("Hearing outcome recorded")
    HEARING_SCHEDULED = "hearing.scheduled", _("Hearing scheduled")
    IMPORT_CHECKED = "import.checked", _("Import checked")
    IMPORT_FAILED = "import.failed", _("Import failed")
    IMPORT_FINISHED = "import.finished", _("Import finished")
    IMPORT_MAPPED = "import.mapped", _("Import columns mapped")
    IMPORT_ROWS_WRITTEN = "import.rows_written", _("Imported rows written")
    IMPORT_UPLOADED = "import.uploaded", _("Import file uploaded")
    IMPORT_MAPPING_SAVED = "import_mapping.saved", _("Import column mapping saved")
    INSPECTION_ALERT_ACKNOWLEDGED = "inspection.alert_acknowledged", _("Safety alert acknowledged")
    INSPECTION_ALERT_RAISED = "inspection.alert_raised", _("Safety alert raised")
    INSPECTION_ALERT_ROUTING_SET = (
        "inspection.alert_routing_set",
        _("Roles reached by safety alerts changed"),
    )
    INSPECTION_ANSWERS_SAVED = "inspection.answers_saved", _("Inspection answers saved")
    INSPECTION_ASSIGNED = "inspection.assigned", _("Inspection assigned")
    INSPECTION_AUTHORISATION_REVOKED = (
        "inspection.authorisation_revoked",
        _("Inspection order revoked"),
    )
    INSPECTION_AUTHORISED = "inspection.authorised", _("Inspection authorised")
    INSPECTION_CANCELLED = "inspection.cancelled", _("Inspection cancelled")
    INSPECTION_CORRECTION_APPROVED = (
        "inspection.correction_approved",
        _("Inspection correction approved"),
    )
    INSPECTION_CORRECTION_REJECTED = (
        "inspection.correction_rejected",
        _("Inspection correction rejected"),
    )
    INSPECTION_CORRECTION_REQUESTED = (
        "inspection.correction_requested",
        _("Inspection correction requested"),
    )
    INSPECTION_CREATED = "inspection.created", _("Inspection planned")
    INSPECTION_ENTRY_REFUSED = "inspection.entry_refused", _("Entry refused to the inspector")
    INSPECTION_EVIDENCE_ADDED = "inspection.evidence_added", _("Inspection evidence added")
    INSPECTION_FINDING_UPDATED = "inspection.finding_updated", _("Inspection finding changed")
    INSPECTION_OFFLINE_SYNCED = (
        "inspection.offline_synced",
        _("Inspector's offline work synced"),
    )
    INSPECTION_REASSIGNED = "inspection.reassigned", _("Inspection reassigned")
    INSPECTION_SCHEDULED = "inspection.scheduled", _("Inspection scheduled")
    INSPECTION_SUBMITTED = "inspection.submitted", _("Inspection report submitted")
    INSPECTION_VISIT_STARTED = "inspection.visit_started", _("Inspection visit started")
    INSPECTION_CONFLICT_DECLARED = (
        "inspection_conflict.declared",
        _("Conflict of interest declared"),
    )
    INSPECTION_PROCEDURE_UPDATED = (
        "inspection_procedure.updated",
        _("Inspection procedure changed"),
    )
    LMI_DEMO_SEEDED = "lmi.demo_seeded", _("Labour market demonstration data loaded")
    LMI_DATASET_APPROVED = "lmi_dataset.approved", _("Labour market dataset approved")
    LMI_DATASET_PUBLISHED = "lmi_dataset.published", _("Labour market dataset published")
    LMI_DATASET_RETURNED = "lmi_dataset.returned", _("Labour market dataset returned")
    LMI_DATASET_SUBMITTED = "lmi_dataset.submitted", _("Labour market dataset submitted")
    MINISTRY_BACKED_UP = "ministry.backed_up", _("Ministry backed up")
    MINISTRY_PROVISIONED = "ministry.provisioned", _("Ministry provisioned")
    MINISTRY_RESTORED = "ministry.restored", _("Ministry restored from a backup")
    OFFICE_CREATED = "office.created", _("Office created")
    PAYMENT_RECORDED = "payment.recorded", _("Payment recorded")
    PERFORMANCE_VIEWED = "performance.viewed", _("Inspector performance viewed")
    PLUGIN_ACTIVATED = "plugin.activated", _("Plugin activated")
    PLUGIN_CONFIGURED = "plugin.configured", _("Plugin settings changed")
    PLUGIN_DEACTIVATED = "plugin.deactivated", _("Plugin deactivated")
    PROCEDURE_SAVED = "procedure.saved", _("Procedure definition saved")
    REFERRAL_MADE = "referral.made", _("Case referred")
    REGISTRY_GENERATED = "registry.generated", _("Demonstration registry generated")
    REGISTRY_SHOWCASE_SEEDED = "registry.showcase_seeded", _("Demonstration records loaded")
    RELEASE_CREATED = "release.created", _("Release recorded")
    RELEASE_ROLLOUT_QUEUED = "release.rollout_queued", _("Upgrade to a release queued")
    RELEASE_ROLLOUT_RETRIED = "release.rollout_retried", _("Release rollout retried")
    RELEASE_ROLLOUT_STARTED = "release.rollout_started", _("Release rollout started")
    REPORT_SCHEDULE_CREATED = "report_schedule.created", _("Report schedule created")
    REPORT_SCHEDULE_SENT = "report_schedule.sent", _("Scheduled report sent")
    RISK_DRAW_MADE = "risk_draw.made", _("Campaign targets drawn from the risk ranking")
    RISK_MODEL_ACTIVATED = "risk_model.activated", _("Risk model switched on")
    RISK_MODEL_REQUESTED = "risk_model.requested", _("Risk model training requested")
    RISK_MODEL_TRAINED = "risk_model.trained", _("Risk model trained and evaluated")
    RISK_SCORES_REFRESHED = "risk_scores.refreshed", _("Risk scores recomputed")
    ROLE_GRANTED = "role.granted", _("Role granted")
    ROLE_REVOKED = "role.revoked", _("Role revoked")
    UPGRADE_FAILED = "upgrade.failed", _("Ministry upgrade failed")
    UPGRADE_STARTED = "upgrade.started", _("Ministry upgrade started")
    UPGRADE_SUCCEEDED = "upgrade.succeeded", _("Ministry upgrade finished")
    USER_CREATED = "user.created", _("User created")
    USER_DEACTIVATED = "user.deactivated", _("User deactivated")
    USER_REACTIVATED = "user.reactivated", _("User reactivated")
    USER_TOKEN_ISSUED = "user.token_issued", _("API token issued")
    USER_TOKEN_REVOKED = "user.token_revoked", _("API tokens revoked")
    USER_TOTP_DISABLED = "user.totp_disabled", _("Two-step sign-in switched off")
    USER_TOTP_ENABLED = "user.totp_enabled", _("Two-step sign-in enabled")
    USER_TOTP_STARTED = "user.totp_started", _("Two-step sign-in set-up started")
    USER_UPDATED = "user.updated", _("User changed")


A = AuditAction
# Codes written before the list above existed (present tense, or named after the hook).
LEGACY_ACTIONS: dict[str, AuditAction] = {
    "accident.notify": A.ACCIDENT_NOTIFIED,
    "alert.email": A.ALERT_EMAILED,
    "alert.escalate": A.ALERT_ESCALATED,
    "analytics.settings_update": A.ANALYTICS_SETTINGS_UPDATED,
    "appeal.decide": A.APPEAL_DECIDED,
    "appeal.file": A.APPEAL_FILED,
    "auth.login": A.AUTH_LOGGED_IN,
    "calendar_day.add": A.CALENDAR_DAY_ADDED,
    "calendar_day.remove": A.CALENDAR_DAY_REMOVED,
    "calendar_day.seed": A.CALENDAR_DAY_SEEDED,
    "case.assign": A.CASE_ASSIGNED,
    "case.fields": A.CASE_FIELDS_UPDATED,
    "case.hearing": A.CASE_NOTE_ADDED,
    "case.note": A.CASE_NOTE_ADDED,
    "case.open": A.CASE_OPENED,
    "case.payment": A.CASE_NOTE_ADDED,
    "case.transition": A.CASE_TRANSITIONED,
    "complaint.register": A.COMPLAINT_REGISTERED,
    "complaint.triage": A.COMPLAINT_TRIAGED,
    "compliance_order.issue": A.COMPLIANCE_ORDER_ISSUED,
    "compliance_order.verify": A.COMPLIANCE_ORDER_VERIFIED,
    "deadline.add": A.DEADLINE_ADDED,
    "deadline.recompute": A.DEADLINE_RECOMPUTED,
    "deadline.sweep": A.DEADLINE_SWEPT,
    "dispute.file": A.DISPUTE_FILED,
    "fine.impose": A.FINE_IMPOSED,
    "fine_rule.seed": A.FINE_RULE_SEEDED,
    "hearing.record": A.HEARING_RECORDED,
    "hearing.schedule": A.HEARING_SCHEDULED,
    "lmi.demo_seed": A.LMI_DEMO_SEEDED,
    "lmi_dataset.approve": A.LMI_DATASET_APPROVED,
    "lmi_dataset.publish": A.LMI_DATASET_PUBLISHED,
    "lmi_dataset.return": A.LMI_DATASET_RETURNED,
    "lmi_dataset.submit": A.LMI_DATASET_SUBMITTED,
    "payment.record": A.PAYMENT_RECORDED,
    "procedure.save": A.PROCEDURE_SAVED,
    "referral.make": A.REFERRAL_MADE,
    "registry.demo_showcase": A.REGISTRY_SHOWCASE_SEEDED,
    "report_schedule.create": A.REPORT_SCHEDULE_CREATED,
    "upgrade.done": A.UPGRADE_SUCCEEDED,
}
del A


@dataclass(frozen=True)
class AuditActionType:
    """An audit event kind a plugin declares; pass it to ``audit_record`` like a core member."""

    code: str
    label: str | Promise


_PLUGIN_ACTIONS: dict[str, AuditActionType] = {}


def audit_action_register(*, code: str, label: str | Promise) -> AuditActionType:
    """Declare a plugin's audit event kind; call at import time of the plugin's module.

    ``code`` follows the core's form (``<subject>.<past-tense verb>``) and must not collide with
    a core code; the label is a lazy translation. Registering the same pair twice is harmless.
    """
    if "." not in code or code != code.strip().lower() or len(code) > 100:
        raise ValueError(f"Audit action code {code!r} must look like 'subject.verb_past'.")
    if code in AuditAction.values or code in LEGACY_ACTIONS:
        raise ValueError(f"Audit action code {code!r} belongs to the core.")
    action = AuditActionType(code=code, label=label)
    known = _PLUGIN_ACTIONS.setdefault(code, action)
    if known != action:
        raise ValueError(f"Audit action code {code!r} is already registered with another label.")
    return known


def audit_action_is_registered(action: object) -> bool:
    # Takes any object: untyped callers may still pass a free string, which must be refused.
    return isinstance(action, AuditActionType) and _PLUGIN_ACTIONS.get(action.code) == action


def audit_action_resolve(code: str) -> AuditAction | AuditActionType | None:
    """The member (core or plugin) a stored code stands for, legacy codes included."""
    if code in AuditAction.values:
        return AuditAction(code)
    return LEGACY_ACTIONS.get(code) or _PLUGIN_ACTIONS.get(code)


def audit_action_label(code: str) -> str:
    """Translated label of a stored code; an unknown code (a removed plugin) stays readable."""
    action = audit_action_resolve(code)
    if action is None:
        return gettext("Other event (%(code)s)") % {"code": code}
    return str(action.label)


def audit_action_codes(code: str) -> list[str]:
    """Every stored code that means ``code``: itself and the legacy codes mapped to it."""
    return [code, *(old for old, new in LEGACY_ACTIONS.items() if new.value == code)]


def audit_action_choices() -> list[tuple[str, str]]:
    """Core and plugin kinds as (code, translated label), sorted by label, for filters."""
    pairs = [(a.value, str(a.label)) for a in AuditAction]
    pairs += [(a.code, str(a.label)) for a in _PLUGIN_ACTIONS.values()]
    return sorted(pairs, key=lambda pair: pair[1].casefold())
