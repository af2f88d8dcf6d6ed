"""Every read the portal makes; each one is scoped to the person asking."""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from labourhub.accounts.models import User
from labourhub.accounts.roles import STAFF_ROLES, Action, Role
from labourhub.accounts.selectors import user_can, user_roles
from labourhub.complaints.models import AccidentNotification, Complaint
from labourhub.documents.models import Document
from labourhub.portal.models import (
    EstablishmentSubmission,
    Notification,
    PortalAccount,
    Receipt,
    Representation,
    SharedDocument,
)
from labourhub.registry.models import Establishment

PORTAL_ROLES = frozenset({Role.EMPLOYER, Role.WORKER})


def user_is_portal_only(*, user: User | AnonymousUser) -> bool:
    """True for an account holding only employer/worker roles (no staff role at all)."""
    if not isinstance(user, User):
        return False
    roles = set(user_roles(user=user))
    return bool(roles & PORTAL_ROLES) and not roles & STAFF_ROLES


def portal_account_get(*, user: User) -> PortalAccount | None:
    return PortalAccount.objects.filter(user=user).first()


def portal_account_review_queue() -> QuerySet[PortalAccount]:
    return (
        PortalAccount.objects.filter(status=PortalAccount.Status.REVIEW_PENDING)
        .select_related("user")
        .annotate(evidence_count=Count("evidence"))
        .order_by("created_at")
    )


def portal_account_for_staff(*, account_id: int) -> PortalAccount | None:
    return (
        PortalAccount.objects.select_related("user", "reviewed_by")
        .prefetch_related("evidence")
        .filter(pk=account_id)
        .first()
    )


def representation_active(*, user: User) -> QuerySet[Representation]:
    return Representation.objects.filter(user=user, removed_at__isnull=True)


def establishment_list_represented(*, user: User) -> QuerySet[Establishment]:
    """The establishments ``user`` acts for now; empty unless the account is verified."""
    account = portal_account_get(user=user)
    if account is None or account.status != PortalAccount.Status.VERIFIED:
        return Establishment.objects.none()
    active = Representation.objects.filter(
        user=user, establishment=OuterRef("pk"), removed_at__isnull=True
    )
    return Establishment.objects.filter(Exists(active)).order_by("name")


def representation_list_for_establishment(
    *, establishment: Establishment
) -> QuerySet[Representation]:
    return (
        Representation.objects.filter(establishment=establishment, removed_at__isnull=True)
        .select_related("user", "user__portal_account")
        .order_by("created_at")
    )


def inbox_for_user(*, user: User) -> QuerySet[Notification]:
    """Notifications of every establishment the employer represents (newest first)."""
    return (
        Notification.objects.filter(establishment__in=establishment_list_represented(user=user))
        .select_related("establishment", "receipt")
        .annotate(answer_count=Count("answers"))
        .order_by("-served_at", "-id")
    )


def inbox_notification_get(*, user: User, notification_id: int) -> Notification | None:
    return inbox_for_user(user=user).filter(pk=notification_id).first()


def inbox_unopened_count(*, user: User) -> int:
    return inbox_for_user(user=user).filter(receipt__isnull=True).count()


def notification_list_for_staff(
    *, user: User, establishment: Establishment
) -> QuerySet[Notification]:
    """What ``user`` may see of an establishment's inbox: all of it on their office (by scope),
    otherwise only what they served or what belongs to their inspections."""
    qs = Notification.objects.filter(establishment=establishment).select_related(
        "establishment", "served_by", "receipt", "receipt__opened_by", "inspection"
    )
    if not user_can(user=user, action=Action.CASE_VIEW, office=establishment.office):
        qs = qs.filter(Q(served_by=user) | Q(inspection__inspector=user))
    return qs.annotate(answer_count=Count("answers")).order_by("-served_at", "-id")


def notification_get_for_staff(*, notification_id: int) -> Notification | None:
    return (
        Notification.objects.select_related(
            "establishment", "served_by", "receipt", "receipt__opened_by", "inspection", "case"
        )
        .prefetch_related("answers__documents", "answers__submitted_by")
        .filter(pk=notification_id)
        .first()
    )


def receipt_get(*, notification: Notification) -> Receipt | None:
    return Receipt.objects.filter(notification=notification).select_related("opened_by").first()


def notification_staff_may(*, user: User, notification: Notification, action: Action) -> bool:
    """Staff on the establishment's office (by their scope), the inspector who served it, or the
    inspector of the linked inspection."""
    if user_can(user=user, action=action, office=notification.establishment.office):
        return True
    owners: list[int | None] = [notification.served_by_id]
    if notification.inspection is not None:
        owners.append(notification.inspection.inspector_id)
    return any(
        user_can(user=user, action=action, owner_id=owner) for owner in owners if owner is not None
    )


def submission_list_for_employer(*, user: User) -> QuerySet[EstablishmentSubmission]:
    """Only what ``user`` filed; another representative's submissions stay theirs."""
    return EstablishmentSubmission.objects.filter(submitted_by=user).select_related("establishment")


def submission_review_queue() -> QuerySet[EstablishmentSubmission]:
    return (
        EstablishmentSubmission.objects.filter(status=EstablishmentSubmission.Status.PENDING)
        .select_related("submitted_by__portal_account", "establishment")
        .order_by("created_at")
    )


def submission_for_staff(*, submission_id: int) -> EstablishmentSubmission | None:
    return (
        EstablishmentSubmission.objects.select_related(
            "submitted_by__portal_account", "establishment", "reviewed_by"
        )
        .filter(pk=submission_id)
        .first()
    )


def submission_candidates(*, submission: EstablishmentSubmission) -> list[dict[str, Any]]:
    """The candidates found on submission, with the records as they are now (merged or
    deleted ones drop out)."""
    ids = [c["id"] for c in submission.duplicate_candidates]
    records = Establishment.objects.select_related("employer").in_bulk(ids)
    return [
        {**c, "establishment": records[c["id"]]}
        for c in submission.duplicate_candidates
        if c["id"] in records
    ]


def complaint_list_followed(*, user: User) -> QuerySet[Complaint]:
    """The complaints a worker filed or claimed from their account, newest first."""
    return (
        Complaint.objects.filter(portal_follower__user=user)
        .select_related("case", "establishment")
        .order_by("-created_at", "-id")
    )


def complaint_followed_get(*, user: User, complaint_id: int) -> Complaint | None:
    return complaint_list_followed(user=user).filter(pk=complaint_id).first()


def complaint_public_status(*, complaint: Complaint) -> dict[str, Any]:
    """What the complainant may know: the stage in the ministry's words, the next step with its
    date, and the documents staff chose to share. Inspectors, findings and notes stay inside."""
    from labourhub.workflow.display import ProcedureWords, label_text, words
    from labourhub.workflow.models import Deadline

    case = complaint.case
    open_limits = Deadline.objects.filter(case=case, status=Deadline.Status.OPEN).order_by("due_on")
    return {
        "state": ProcedureWords().state_text(case.procedure, case.state),
        "closed": case.closed_at is not None,
        "next_steps": [
            {"label": label_text(d.label) if d.label else words(d.code), "due": d.due_on}
            for d in open_limits
        ],
        "shared": list(
            SharedDocument.objects.filter(complaint=complaint)
            .select_related("document")
            .order_by("created_at")
        ),
    }


def shared_document_get(*, complaint: Complaint, share_id: int) -> SharedDocument | None:
    return (
        SharedDocument.objects.filter(complaint=complaint, pk=share_id)
        .select_related("document")
        .first()
    )


def complaint_documents_for_staff(*, complaint: Complaint) -> list[tuple[Document, int | None]]:
    """The documents issued on the complaint's case, each with its share row id (or None)."""
    from django.contrib.contenttypes.models import ContentType

    from labourhub.workflow.models import Case

    documents = Document.objects.filter(
        subject_type=ContentType.objects.get_for_model(Case), subject_id=str(complaint.case_id)
    ).order_by("created_at")
    shares = dict(
        SharedDocument.objects.filter(complaint=complaint).values_list("document_id", "pk")
    )
    return [(doc, shares.get(doc.pk)) for doc in documents]


def accident_list_notified(*, user: User) -> QuerySet[AccidentNotification]:
    """Accidents this portal account notified (not every accident of its establishments)."""
    return (
        AccidentNotification.objects.filter(portal_origin__user=user)
        .select_related("case", "establishment")
        .order_by("-created_at", "-id")
    )
