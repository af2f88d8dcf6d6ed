"""Kinds of establishment report and the reads that serve them; the kinds come from the pack."""

from django.db import connection
from django.db.models import Count, Q, QuerySet, Sum

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Action, Scope
from labourhub.accounts.selectors import user_can, user_scope_for
from labourhub.extensions import current_hooks, flatten
from labourhub.extensions.types import EstablishmentReportKind
from labourhub.portal.models import EstablishmentReport
from labourhub.portal.selectors import establishment_list_represented


def report_kinds() -> dict[str, EstablishmentReportKind]:
    """The kinds the active ministry's plugins declare (first declaration of a code wins)."""
    tenant = getattr(connection, "tenant", None)
    found: list[EstablishmentReportKind] = flatten(
        current_hooks().register_establishment_report_kinds(tenant=tenant)
    )
    kinds: dict[str, EstablishmentReportKind] = {}
    for kind in found:
        kinds.setdefault(kind.code, kind)
    return kinds


def report_list_for_employer(*, user: User) -> QuerySet[EstablishmentReport]:
    """Reports on the establishments ``user`` represents now, whoever of them filed it."""
    return (
        EstablishmentReport.objects.filter(
            establishment__in=establishment_list_represented(user=user)
        )
        .select_related("establishment")
        .order_by("-created_at", "-id")
    )


def report_list_for_staff(*, user: User) -> QuerySet[EstablishmentReport]:
    """Reports on establishments whose office is within the user's case scope; staff of a
    regional office also see the reports of its districts, which they review."""
    qs = EstablishmentReport.objects.select_related("establishment", "establishment__office")
    scope = user_scope_for(user=user, action=Action.CASE_VIEW)
    if scope is None:
        return qs.none()
    if scope != Scope.MINISTRY:
        if user.office is None or scope < Scope.TEAM:
            return qs.none()
        mine = Q(establishment__office_id=user.office_id)
        if scope >= Scope.OFFICE:
            mine |= Q(establishment__office__parent_id=user.office_id)
        if scope == Scope.REGION:
            region = user.office.region_id
            mine |= Q(establishment__office_id=region) | Q(establishment__office__parent_id=region)
        qs = qs.filter(mine)
    return qs.order_by("status", "-created_at", "-id")


def report_office_may_review(*, user: User, office: Office) -> bool:
    """``case.edit`` on the establishment's office, or office-wide on the region above it."""
    if user_can(user=user, action=Action.CASE_EDIT, office=office):
        return True
    scope = user_scope_for(user=user, action=Action.CASE_EDIT)
    return (
        scope is not None
        and scope >= Scope.OFFICE
        and user.office_id is not None
        and office.parent_id == user.office_id
    )


def establishment_report_totals(*, kind: str, year: int) -> dict[str, int]:
    """Reports of ``kind`` filed in ``year`` and the workers they affect (returned ones do not
    count): the public read a country pack's indicator uses."""
    rows = EstablishmentReport.objects.filter(kind=kind, created_at__year=year).exclude(
        status=EstablishmentReport.Status.RETURNED
    )
    totals = rows.aggregate(
        reports=Count("id"), women=Sum("workers_female"), men=Sum("workers_male")
    )
    women, men = totals["women"] or 0, totals["men"] or 0
    return {"reports": totals["reports"], "women": women, "men": men, "workers": women + men}
