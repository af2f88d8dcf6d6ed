from django.db.models import QuerySet
from django.utils import timezone

from labourhub.accounts.models import Office, User
from labourhub.accounts.roles import Action
from labourhub.accounts.selectors import user_can
from labourhub.complaints.models import AccidentNotification, Complaint
from labourhub.workflow.models import Case
from labourhub.workflow.selectors import case_list

PROTECTED = "•••"


def complaint_list(*, user: User) -> QuerySet[Complaint]:
    visible: QuerySet[Case] = case_list(
        user=user, filters={"procedure": "complaint", "open": False}, today=timezone.localdate()
    )
    return (
        Complaint.objects.filter(case__in=visible.values("pk"))
        .select_related("case", "establishment")
        .order_by("-id")
    )


def complaint_get(*, user: User, complaint_id: int) -> Complaint | None:
    return complaint_list(user=user).filter(pk=complaint_id).first()


def complainant_visible(*, user: User, complaint: Complaint) -> bool:
    """Identity is shown only to roles that triage or decide, within their scope."""
    return user_can(user=user, action=Action.COMPLAINANT_VIEW, office=complaint.case.office)


def complainant_identity(*, user: User, complaint: Complaint) -> dict[str, str]:
    if complaint.anonymous:
        return {"name": "", "contact": ""}
    if not complainant_visible(user=user, complaint=complaint):
        return {"name": PROTECTED, "contact": PROTECTED}
    return {"name": complaint.complainant_name, "contact": complaint.complainant_contact}


def accident_list(*, user: User) -> QuerySet[AccidentNotification]:
    visible = case_list(
        user=user, filters={"procedure": "accident", "open": False}, today=timezone.localdate()
    )
    return (
        AccidentNotification.objects.filter(case__in=visible.values("pk"))
        .select_related("case", "establishment")
        .order_by("-occurred_on", "-id")
    )


def portal_intake_office() -> Office | None:
    """Where portal complaints land when no registered establishment is named: the first region."""
    return (
        Office.objects.filter(level="region").order_by("code").first()
        or Office.objects.order_by("code").first()
    )
