from django.db.models import Count, QuerySet

from labourhub_trade_unions.models import TradeUnion


def union_list(*, status: str = "", search: str = "") -> QuerySet[TradeUnion]:
    qs = TradeUnion.objects.prefetch_related("officers").order_by("-created_at")
    if status:
        qs = qs.filter(status=status)
    if search:
        qs = qs.filter(name__icontains=search) | qs.filter(file_number__icontains=search)
    return qs


def union_get(*, union_id: int) -> TradeUnion | None:
    return TradeUnion.objects.prefetch_related("officers").filter(pk=union_id).first()


def union_status_counts() -> dict[str, int]:
    counts = dict.fromkeys(TradeUnion.Status.values, 0)
    for row in TradeUnion.objects.values("status").annotate(n=Count("id")):
        counts[row["status"]] = row["n"]
    return counts
