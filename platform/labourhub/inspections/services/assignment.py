import secrets
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.accounts.roles import Action, Role
from labourhub.accounts.selectors import user_can, user_roles
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.extensions import current_hooks, flatten
from labourhub.inspections.models import Assignment, ConflictOfInterest, Inspection
from labourhub.inspections.selectors import (
    assignment_candidates,
    open_workload,
    random_pick,
)
from labourhub.inspections.services._common import (
    NOT_ALLOWED,
    Actor,
    actor_user,
    inspection_lock,
    inspection_touch,
    require_status,
)
from labourhub.registry.models import Employer

REASON_REQUIRED = gettext_noop(
    "Give the reason for this assignment; it is kept in the audit trail."
)
NO_CANDIDATES = gettext_noop(
    "No inspector of %(office)s can take this inspection (after conflict-of-interest "
    "exclusions). Add inspectors to the office or assign someone by hand."
)
CONFLICTED = gettext_noop(
    "%(name)s has a declared conflict of interest with this employer: %(reason)s"
)
NOT_INSPECTOR = gettext_noop("%(name)s does not hold the inspector role.")
ASSIGNEE_REQUIRED = gettext_noop("Choose the inspector.")
UNKNOWN_RULE = gettext_noop("There is no assignment rule “%(rule)s” in this ministry.")
CONFLICT_EXISTS = gettext_noop("This conflict of interest is already declared.")


def assignment_rules() -> dict[str, Any]:
    """Assignment rules contributed by the ministry's enabled plugins (``register_assignment_rules``)."""
    rules = flatten(
        current_hooks().register_assignment_rules(tenant=getattr(connection, "tenant", None))
    )
    return {rule.code: rule for rule in rules}


def _check_person(inspection: Inspection, user: User) -> None:
    name = user.get_full_name() or user.get_username()
    if Role.INSPECTOR not in user_roles(user=user) or not user.is_active:
        raise ValidationError({"assignee": _(NOT_INSPECTOR) % {"name": name}})
    conflict = ConflictOfInterest.objects.filter(
        inspector=user, employer_id=inspection.establishment.employer_id
    ).first()
    if conflict is not None:
        raise ValidationError(
            {"assignee": _(CONFLICTED) % {"name": name, "reason": conflict.reason}}
        )


def _by_criteria(
    inspection: Inspection, candidates: list[User], rule_code: str
) -> tuple[User | None, list[User]]:
    """Office (already applied), plugin rule, sector speciality, then the lightest workload."""
    if rule_code:
        rule = assignment_rules().get(rule_code)
        if rule is None:
            raise ValidationError({"rule": _(UNKNOWN_RULE) % {"rule": rule_code}})
        candidates = list(rule.pick(candidates, inspection))
    load = open_workload(user_ids=[c.pk for c in candidates])
    isic = inspection.establishment.isic_code

    def speciality(user: User) -> int:
        profile = getattr(user, "inspector_profile", None)
        if profile is None:
            return 1
        return 0 if any(isic.startswith(s) for s in profile.sectors) else 1

    def has_room(user: User) -> bool:
        profile = getattr(user, "inspector_profile", None)
        return profile is None or load.get(user.pk, 0) < profile.max_open

    ranked = sorted(
        (c for c in candidates if has_room(c)),
        key=lambda u: (speciality(u), load.get(u.pk, 0), u.pk),
    )
    return (ranked[0] if ranked else None), candidates


@transaction.atomic
def inspection_assign(
    *,
    inspection: Inspection,
    method: str,
    reason: str,
    expected_version: int,
    actor: User,
    assignee: User | None = None,
    team: Sequence[User] = (),
    rule: str = "",
    seed: str | None = None,
) -> Assignment:
    """Assign (or reassign) the inspection; every call leaves an Assignment row and an event.

    A random draw stores its seed and sorted candidate ids, so ``assignment_replay`` reproduces it.
    """
    if not reason.strip():
        raise ValidationError({"reason": _(REASON_REQUIRED)})
    inspection = inspection_lock(inspection=inspection, expected_version=expected_version)
    require_status(
        inspection,
        Inspection.Status.PLANNED,
        Inspection.Status.AUTHORISED,
        Inspection.Status.ASSIGNED,
        Inspection.Status.IN_PROGRESS,
    )
    if not user_can(user=actor, action=Action.INSPECTION_ASSIGN, office=inspection.office):
        raise ApplicationError(_(NOT_ALLOWED), {"code": "not_allowed"})
    candidate_ids: list[int] = []
    excluded: dict[str, str] = {}
    if method == Assignment.Method.MANUAL:
        if assignee is None:
            raise ValidationError({"assignee": _(ASSIGNEE_REQUIRED)})
        _check_person(inspection, assignee)
    else:
        pool = assignment_candidates(inspection=inspection)
        excluded = pool.excluded
        if method == Assignment.Method.RANDOM:
            candidate_ids = sorted(u.pk for u in pool.users)
            if candidate_ids:
                seed = seed or secrets.token_hex(16)
                chosen = random_pick(seed=seed, candidate_ids=candidate_ids)
                assignee = next(u for u in pool.users if u.pk == chosen)
        elif method == Assignment.Method.CRITERIA:
            assignee, considered = _by_criteria(inspection, pool.users, rule)
            candidate_ids = [u.pk for u in considered]
        else:
            raise ValidationError({"method": _("Unknown assignment method.")})
        if assignee is None:
            raise ApplicationError(
                _(NO_CANDIDATES) % {"office": inspection.office.name},
                {"code": "no_candidates", "excluded": excluded},
            )
    for member in team:
        _check_person(inspection, member)
    previous = inspection.inspector
    assignment = Assignment.objects.create(
        inspection=inspection,
        method=method,
        assignee=assignee,
        team_ids=[m.pk for m in team],
        previous_assignee=previous,
        seed=(seed or "") if method == Assignment.Method.RANDOM else "",
        candidate_ids=candidate_ids,
        excluded=excluded,
        rule=rule,
        reason=reason.strip(),
        assigned_by=actor,
    )
    inspection.inspector = assignee
    before = inspection.status
    if inspection.status in (Inspection.Status.PLANNED, Inspection.Status.AUTHORISED):
        inspection.status = Inspection.Status.ASSIGNED
    inspection_touch(inspection, ["inspector", "status"])
    inspection.team.set(team)
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_REASSIGNED if previous else AuditAction.INSPECTION_ASSIGNED,
        subject=inspection,
        payload={
            "changes": {
                "inspector": (previous.pk if previous else None, assignee.pk),
                "status": (before, inspection.status),
            },
            "values": {
                "method": method,
                "reason": assignment.reason,
                "seed": assignment.seed,
                "candidates": candidate_ids,
                "excluded": excluded,
                "rule": rule,
                "team": [m.pk for m in team],
                "assignment": assignment.pk,
            },
        },
    )
    return assignment


@transaction.atomic
def conflict_declare(
    *, inspector: User, employer: Employer, reason: str, actor: Actor
) -> ConflictOfInterest:
    if ConflictOfInterest.objects.filter(inspector=inspector, employer=employer).exists():
        raise ValidationError({"employer": _(CONFLICT_EXISTS)})
    conflict = ConflictOfInterest(
        inspector=inspector,
        employer=employer,
        reason=reason.strip(),
        declared_by=actor_user(actor),
    )
    conflict.full_clean(exclude=["declared_by"])
    conflict.save()
    audit_record(
        actor=actor,
        action=AuditAction.INSPECTION_CONFLICT_DECLARED,
        subject=conflict,
        payload={
            "values": {
                "inspector": inspector.pk,
                "employer": employer.pk,
                "reason": conflict.reason,
            }
        },
    )
    return conflict
