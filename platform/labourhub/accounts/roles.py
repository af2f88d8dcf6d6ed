"""Roles, actions and scopes: the one place where 'who may do what, where' is decided."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", _("System administrator")
    AUTHORISING_OFFICIAL = "authorising_official", _("Authorising official")
    DIRECTOR = "director", _("Director")
    OFFICE_HEAD = "office_head", _("Office head")
    SUPERVISOR = "supervisor", _("Supervisor")
    INSPECTOR = "inspector", _("Inspector")
    LEGAL_OFFICER = "legal_officer", _("Legal officer")
    OSH_ENGINEER = "osh_engineer", _("OSH engineer")
    OCCUPATIONAL_PHYSICIAN = "occupational_physician", _("Occupational physician")
    CLERK = "clerk", _("Clerk")
    ANALYST = "analyst", _("Analyst (read-only)")
    PES_OFFICER = "pes_officer", _("Employment service officer")
    EMPLOYER = "employer", _("Employer")
    WORKER = "worker", _("Worker")


class Scope(models.IntegerChoices):
    """Ordered from narrowest to widest, so the widest grant wins with ``max``."""

    OWN = 1, _("Own")
    TEAM = 2, _("Team")
    OFFICE = 3, _("Office")
    REGION = 4, _("Region")
    MINISTRY = 5, _("Whole ministry")


class Action(models.TextChoices):
    DASHBOARD_VIEW = "dashboard.view", _("See the dashboard")
    AUDIT_VIEW = "audit.view", _("Read the audit trail")
    USER_MANAGE = "user.manage", _("Manage users and roles")
    OFFICE_VIEW = "office.view", _("See offices")
    ESTABLISHMENT_VIEW = "establishment.view", _("See establishments")
    ESTABLISHMENT_EDIT = "establishment.edit", _("Edit establishments")
    CASE_VIEW = "case.view", _("See cases")
    CASE_EDIT = "case.edit", _("Work on cases")
    INSPECTION_AUTHORISE = "inspection.authorise", _("Authorise inspections")
    INSPECTION_ASSIGN = "inspection.assign", _("Assign inspections")
    SANCTION_DECIDE = "sanction.decide", _("Decide sanctions")
    REPORT_VIEW = "report.view", _("See reports")
    PORTAL_USE = "portal.use", _("Use the employer and worker portal")
    LMI_CONTRIBUTE = "lmi.contribute", _("Upload indicator data for a partner agency")
    LMI_VET = "lmi.vet", _("Vet and schedule indicator data for publication")
    DOCUMENT_VIEW = "document.view", _("See letters and documents")
    DOCUMENT_ISSUE = "document.issue", _("Issue letters and documents")
    DOCUMENT_SIGN = "document.sign", _("Sign letters and documents")
    DOCUMENT_TEMPLATE_MANAGE = "document_template.manage", _("Edit letter templates")
    PLATFORM_MANAGE = "platform.manage", _("Run the platform: ministries, plugins, releases")
    REGISTRATION_DECIDE = "registration.decide", _("Decide registrations (e.g. trade unions)")
    PLUGIN_MANAGE = "plugin.manage", _("Switch plugins on or off for the ministry, where allowed")
    INSPECTION_PLAN = "inspection.plan", _("Plan inspections and campaigns")
    CHECKLIST_MANAGE = "checklist.manage", _("Edit and publish inspection checklists")
    CALENDAR_MANAGE = "calendar.manage", _("Edit holidays, closure days and procedures")
    CASE_SUPERVISE = "case.supervise", _("See the overdue board and escalations")
    COMPLAINANT_VIEW = "complainant.view", _("See complainants' identities")
    ESTABLISHMENT_IMPORT = "establishment.import", _("Import establishments and archives")
    ESTABLISHMENT_MERGE = "establishment.merge", _("Merge duplicate establishments")
    PERFORMANCE_VIEW = "performance.view", _("See an inspector's individual performance")
    ANALYTICS_CONFIGURE = "analytics.configure", _("Configure dashboards and reports")
    RISK_VIEW = "risk.view", _("See risk scores and the inspection ranking")
    RISK_MANAGE = "risk.manage", _("Train, evaluate and switch risk models")
    LEGAL_PERIOD_OVERRIDE = (
        "legal_period.override",
        _("Take a step before a period granted to the other party ends, with a reason"),
    )
    PORTAL_ACCOUNT_VERIFY = "portal_account.verify", _("Check and verify employer portal accounts")
    HEALTH_DATA_VIEW = "health_data.view", _("See workers' health data (medical examinations)")
    PES_VIEW = "pes.view", _("See job seekers, vacancies and referrals (employment service)")
    PES_EDIT = "pes.edit", _("Register job seekers and vacancies, refer and counsel")


STAFF_ROLES = frozenset(Role) - {Role.EMPLOYER, Role.WORKER}

_M, _R, _O, _T, _W = Scope.MINISTRY, Scope.REGION, Scope.OFFICE, Scope.TEAM, Scope.OWN
_STAFF_BASE = {Action.DASHBOARD_VIEW: _W, Action.OFFICE_VIEW: _M, Action.ESTABLISHMENT_VIEW: _M}

# role -> action -> widest scope. Inspectors read every establishment (Philippine inspectors asked
# to see an establishment's history even when the cases are not theirs) but edit only their own.
POLICY: dict[Role, dict[Action, Scope]] = {
    Role.SYSTEM_ADMIN: {a: _M for a in Action if a != Action.PORTAL_USE},
    Role.AUTHORISING_OFFICIAL: {
        **_STAFF_BASE,
        Action.DASHBOARD_VIEW: _M,
        Action.CASE_VIEW: _M,
        Action.INSPECTION_AUTHORISE: _M,
        Action.REPORT_VIEW: _M,
    },
    Role.DIRECTOR: {
        **_STAFF_BASE,
        Action.DASHBOARD_VIEW: _M,
        Action.CASE_VIEW: _M,
        Action.REPORT_VIEW: _M,
        Action.AUDIT_VIEW: _M,
        Action.SANCTION_DECIDE: _M,
    },
    Role.OFFICE_HEAD: {
        **_STAFF_BASE,
        Action.DASHBOARD_VIEW: _O,
        Action.CASE_VIEW: _O,
        Action.CASE_EDIT: _O,
        Action.INSPECTION_ASSIGN: _O,
        Action.INSPECTION_AUTHORISE: _O,
        Action.REPORT_VIEW: _O,
    },
    Role.SUPERVISOR: {
        **_STAFF_BASE,
        Action.DASHBOARD_VIEW: _T,
        Action.CASE_VIEW: _T,
        Action.CASE_EDIT: _T,
        Action.INSPECTION_ASSIGN: _T,
        Action.REPORT_VIEW: _T,
    },
    Role.INSPECTOR: {
        **_STAFF_BASE,
        Action.CASE_VIEW: _W,
        Action.CASE_EDIT: _W,
        Action.ESTABLISHMENT_EDIT: _O,
    },
    Role.LEGAL_OFFICER: {
        **_STAFF_BASE,
        Action.CASE_VIEW: _R,
        Action.CASE_EDIT: _R,
        Action.SANCTION_DECIDE: _R,
    },
    Role.OSH_ENGINEER: {**_STAFF_BASE, Action.CASE_VIEW: _W, Action.CASE_EDIT: _W},
    Role.OCCUPATIONAL_PHYSICIAN: {**_STAFF_BASE, Action.CASE_VIEW: _W, Action.CASE_EDIT: _W},
    Role.CLERK: {**_STAFF_BASE, Action.CASE_VIEW: _O, Action.ESTABLISHMENT_EDIT: _O},
    Role.ANALYST: {**_STAFF_BASE, Action.DASHBOARD_VIEW: _M, Action.REPORT_VIEW: _M},
    Role.PES_OFFICER: {**_STAFF_BASE},
    Role.EMPLOYER: {Action.PORTAL_USE: _W},
    Role.WORKER: {Action.PORTAL_USE: _W},
}

# LMI website (cms): the director vets partner data; analysts may contribute, but only for the
# indicators of the agencies they belong to (checked in cms.selectors).
POLICY[Role.DIRECTOR][Action.LMI_VET] = _M
POLICY[Role.ANALYST][Action.LMI_CONTRIBUTE] = _M

# Documents: whoever works on cases issues their letters; signing is for officers who carry
# legal authority. Template editing stays with the system administrator (granted above).
for _role in (Role.DIRECTOR, Role.AUTHORISING_OFFICIAL, Role.ANALYST):
    POLICY[_role][Action.DOCUMENT_VIEW] = _M
for _role in (
    Role.OFFICE_HEAD,
    Role.SUPERVISOR,
    Role.INSPECTOR,
    Role.LEGAL_OFFICER,
    Role.OSH_ENGINEER,
    Role.OCCUPATIONAL_PHYSICIAN,
    Role.CLERK,
):
    POLICY[_role][Action.DOCUMENT_VIEW] = POLICY[_role][Action.CASE_VIEW]
    POLICY[_role][Action.DOCUMENT_ISSUE] = POLICY[_role][Action.CASE_VIEW]
for _role in (
    Role.DIRECTOR,
    Role.AUTHORISING_OFFICIAL,
    Role.OFFICE_HEAD,
    Role.SUPERVISOR,
    Role.INSPECTOR,
    Role.LEGAL_OFFICER,
):
    POLICY[_role][Action.DOCUMENT_SIGN] = POLICY[_role].get(Action.CASE_VIEW, _M)

# Registrations filed with the ministry (trade unions and similar plugin procedures) are decided
# by officers with legal authority; everyone who works on cases may file and review them.
POLICY[Role.DIRECTOR][Action.REGISTRATION_DECIDE] = _M
POLICY[Role.LEGAL_OFFICER][Action.REGISTRATION_DECIDE] = _M

# Inspections: planning follows the assignment chain; checklists are edited by the system
# administrator (granted above) and the director, without developers (Sri Lanka, Honduras).
POLICY[Role.DIRECTOR][Action.INSPECTION_PLAN] = _M
POLICY[Role.DIRECTOR][Action.CHECKLIST_MANAGE] = _M
POLICY[Role.OFFICE_HEAD][Action.INSPECTION_PLAN] = _O
POLICY[Role.SUPERVISOR][Action.INSPECTION_PLAN] = _T

# Enforcement and complaints: supervisors and heads watch the overdue board; a complainant's
# identity is shown only to those who triage or decide (never to the inspector who visits the
# employer, so it cannot leak on site). Calendars are the director's and the administrator's.
POLICY[Role.DIRECTOR][Action.CALENDAR_MANAGE] = _M
for _role, _scope in (
    (Role.DIRECTOR, _M),
    (Role.OFFICE_HEAD, _O),
    (Role.SUPERVISOR, _T),
    (Role.LEGAL_OFFICER, _R),
):
    POLICY[_role][Action.CASE_SUPERVISE] = _scope
for _role, _scope in (
    (Role.OFFICE_HEAD, _O),
    (Role.SUPERVISOR, _T),
    (Role.LEGAL_OFFICER, _R),
    (Role.CLERK, _O),
):
    POLICY[_role][Action.COMPLAINANT_VIEW] = _scope

# Registry: clerks digitise the paper archives and office heads clean up duplicates; both act
# ministry-wide because an import or a merge is not tied to one office.
POLICY[Role.CLERK][Action.ESTABLISHMENT_IMPORT] = _M
POLICY[Role.DIRECTOR][Action.ESTABLISHMENT_MERGE] = _M
POLICY[Role.OFFICE_HEAD][Action.ESTABLISHMENT_MERGE] = _M
POLICY[Role.OFFICE_HEAD][Action.ESTABLISHMENT_EDIT] = _O

# Analytics: individual performance is seen by the inspector (own) and by whoever supervises
# them (their office), never ministry-wide, not even by the system administrator: inspectors'
# unions opposed performance surveillance (issue 8). Every view is audited.
POLICY[Role.INSPECTOR][Action.PERFORMANCE_VIEW] = _W
POLICY[Role.SUPERVISOR][Action.PERFORMANCE_VIEW] = _T
POLICY[Role.OFFICE_HEAD][Action.PERFORMANCE_VIEW] = _O
POLICY[Role.SYSTEM_ADMIN].pop(Action.PERFORMANCE_VIEW, None)
POLICY[Role.DIRECTOR][Action.ANALYTICS_CONFIGURE] = _M

# Risk targeting: scores are a planning aid for those who plan, never shown to the inspector
# who visits (so the score cannot colour the visit) nor to employers. A regional supervisor sees
# the ranking of their own region; only the director (and the administrator) switches models.
for _role, _scope in (
    (Role.DIRECTOR, _M),
    (Role.ANALYST, _M),
    (Role.OFFICE_HEAD, _O),
    (Role.SUPERVISOR, _R),
):
    POLICY[_role][Action.RISK_VIEW] = _scope
POLICY[Role.DIRECTOR][Action.RISK_MANAGE] = _M

# Legal guards: a step the law makes wait for the other party's period (e.g. the employer's
# right to respond) is taken early only by the director (and the administrator), with a reason.
POLICY[Role.DIRECTOR][Action.LEGAL_PERIOD_OVERRIDE] = _M
# Employer portal: clerks check the accounts employers open (their evidence) for the whole
# ministry, because an employer is not tied to one office; the director may too.
POLICY[Role.CLERK][Action.PORTAL_ACCOUNT_VERIFY] = _M
POLICY[Role.DIRECTOR][Action.PORTAL_ACCOUNT_VERIFY] = _M
# Workers' health data (medical examinations) is medical confidentiality: only the occupational
# physician reads it, not the administrator, the inspector or the analyst; every read is audited
# by the module that holds the data.
POLICY[Role.SYSTEM_ADMIN].pop(Action.HEALTH_DATA_VIEW, None)
POLICY[Role.OCCUPATIONAL_PHYSICIAN][Action.HEALTH_DATA_VIEW] = _O
# Public employment service (a plugin module): the employment service officer works on the
# national register of job seekers and vacancies, not on inspection cases, so they get no case
# actions. Staff who work on cases keep the access they had to the module, at the same scope;
# publishing a vacancy or creating a programme stays with those who supervise (case.supervise).
for _role, _grants in POLICY.items():
    if _role == Role.SYSTEM_ADMIN:
        continue
    if Action.CASE_VIEW in _grants:
        _grants[Action.PES_VIEW] = _grants[Action.CASE_VIEW]
    if Action.CASE_EDIT in _grants:
        _grants[Action.PES_EDIT] = _grants[Action.CASE_EDIT]
POLICY[Role.PES_OFFICER].update({Action.PES_VIEW: _M, Action.PES_EDIT: _M, Action.REPORT_VIEW: _M})
