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


def case_links(*, case: Case, user: User) -> list[dict[str, str]]:
    """The records a complaint, accident or dispute case is linked to, as label/text/url rows.

    Only what ``user`` may see is linked: the inspection's page is behind its own scope check,
    and a linked case is listed only when it is visible to the user.
    """
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from labourhub.complaints.models import Dispute
    from labourhub.enforcement.models import OrderProposal

    rows: list[dict[str, str]] = []
    visible = case_list(user=user, filters={"open": False}, today=timezone.localdate())

    def case_row(label: str, linked: Case | None) -> None:
        if linked is not None and visible.filter(pk=linked.pk).exists():
            rows.append(
                {
                    "label": label,
                    "text": f"{linked.reference} · {linked.title}",
                    "url": reverse("workflow:case-detail", args=[linked.pk]),
                }
            )

    source = (
        Complaint.objects.filter(case=case).select_related("inspection").first()
        or AccidentNotification.objects.filter(case=case).select_related("inspection").first()
    )
    inspection = getattr(source, "inspection", None)
    if inspection is not None:
        findings = inspection.findings.filter(withdrawn_by__isnull=True).count()
        rows.append(
            {
                "label": _("Inspection"),
                "text": _("%(ref)s · %(status)s · %(outcome)s · %(n)d findings")
                % {
                    "ref": inspection.reference,
                    "status": inspection.get_status_display(),
                    "outcome": inspection.get_outcome_display(),
                    "n": findings,
                },
                "url": reverse("inspections:detail", args=[inspection.pk]),
            }
        )
        proposal = OrderProposal.objects.filter(inspection=inspection).first()
        if proposal is not None:
            case_row(_("Compliance order"), proposal.case)
    if isinstance(source, Complaint):
        dispute = Dispute.objects.filter(complaint=source).select_related("case").first()
        case_row(_("Labour dispute"), dispute.case if dispute else None)
    dispute = Dispute.objects.filter(case=case).select_related("complaint__case").first()
    if dispute is not None and dispute.complaint is not None:
        case_row(_("Complaint"), dispute.complaint.case)
    return rows
