"""Who a safety alert reaches, and the alerts waiting in a user's bell."""

from django.db.models import Q, QuerySet

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import POLICY, STAFF_ROLES, Action, Role, Scope
from labourhub.inspections.models import AlertRouting, Inspection, InspectionAlert

# Without a ministry setting, an alert reaches whom it always did.
DEFAULT_ALERT_ROLES: tuple[str, ...] = (Role.SUPERVISOR, Role.OFFICE_HEAD, Role.DIRECTOR)
ALERT_ROLE_CHOICES = tuple(r for r in Role if r in STAFF_ROLES)


def alert_routing_roles(*, kind: str) -> list[str]:
    row = AlertRouting.objects.filter(kind=kind).first()
    return list(row.roles) if row is not None else list(DEFAULT_ALERT_ROLES)


def alert_routing_table() -> dict[str, list[str]]:
    """Each alert kind with the roles it reaches (the configured ones, else the defaults)."""
    rows = {r.kind: list(r.roles) for r in AlertRouting.objects.all()}
    return {k: rows.get(k, list(DEFAULT_ALERT_ROLES)) for k in InspectionAlert.Kind.values}


def _reaches(*, role: str, grant_office: Office | None, user: User, office: Office | None) -> bool:
    # A grant limited to an office (e.g. a director for one region) reaches that office and,
    # for a region, its districts; otherwise the role's scope for cases, from the user's office.
    scope = POLICY.get(Role(role), {}).get(Action.CASE_VIEW, Scope.OFFICE)
    if office is None:
        return grant_office is None and scope == Scope.MINISTRY
    if grant_office is not None:
        return grant_office.pk in (office.pk, office.region_id)
    if scope == Scope.MINISTRY:
        return True
    if user.office is None:
        return False
    if scope == Scope.REGION:
        return user.office.region_id == office.region_id
    return user.office_id == office.pk


def alert_recipients(*, inspection: Inspection, kind: str) -> list[int]:
    """Active users holding a role the ministry routes ``kind`` to, whose reach covers the
    inspection's office (regional roles: its region)."""
    roles = alert_routing_roles(kind=kind)
    users = (
        User.objects.filter(is_active=True, role_grants__role__in=roles)
        .select_related("office")
        .prefetch_related("role_grants__scope_office")
        .distinct()
    )
    found = []
    for user in users:
        for grant in user.role_grants.all():
            if grant.role in roles and _reaches(
                role=grant.role,
                grant_office=grant.scope_office,
                user=user,
                office=inspection.office,
            ):
                found.append(user.pk)
                break
    return sorted(found)


def inspection_alerts_unread(*, user: User) -> QuerySet[InspectionAlert]:
    return InspectionAlert.objects.filter(notified_user_ids__contains=[user.pk]).exclude(
        read_by_ids__contains=[user.pk]
    )


def inspection_alerts_for(*, user: User) -> QuerySet[InspectionAlert]:
    return (
        InspectionAlert.objects.filter(Q(notified_user_ids__contains=[user.pk]))
        .select_related("inspection__establishment")
        .order_by("-created_at")
    )
