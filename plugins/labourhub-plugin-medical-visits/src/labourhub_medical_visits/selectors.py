from typing import Any

from django.db.models import Count, Q, QuerySet

from labourhub_medical_visits.models import Examination, MedicalVisit


def visit_list(*, status: str = "", search: str = "") -> QuerySet[MedicalVisit]:
    qs = MedicalVisit.objects.select_related("establishment", "physician").annotate(
        examined=Count("examinations")
    )
    if status:
        qs = qs.filter(status=status)
    if search:
        qs = qs.filter(Q(number__icontains=search) | Q(establishment__name__icontains=search))
    return qs.order_by("-planned_for", "-id")


def visit_get(*, visit_id: int) -> MedicalVisit | None:
    return (
        MedicalVisit.objects.select_related("establishment", "physician")
        .prefetch_related("findings__case")
        .filter(pk=visit_id)
        .first()
    )


def examination_list(*, visit: MedicalVisit) -> QuerySet[Examination]:
    """Health data: callers check ``health_data.view`` and audit the read first."""
    return visit.examinations.order_by("id")


def visit_status_counts() -> dict[str, int]:
    counts = dict.fromkeys(MedicalVisit.Status.values, 0)
    for row in MedicalVisit.objects.values("status").annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    return counts


def workers_examined_count() -> int:
    return Examination.objects.count()


def examination_list_for_worker(*, user: Any) -> QuerySet[Examination]:
    """The examinations a worker opened in their portal account, newest first."""
    return (
        Examination.objects.filter(portal_user_id=user.pk)
        .select_related("visit", "visit__establishment")
        .order_by("-visit__visited_on", "-id")
    )
