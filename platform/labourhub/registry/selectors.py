"""Reads of the registry: search (fast at 200k rows), detail, history, duplicates, imports."""

import base64
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, TypedDict

from django.db import connection
from django.db.models import F, FloatField, Func, Q, QuerySet, Value

from labourhub.accounts.models import Office
from labourhub.audit.models import AuditEvent
from labourhub.audit.selectors import audit_event_list
from labourhub.registry.fields import extra_fields
from labourhub.registry.isic import isic_divisions_of
from labourhub.registry.models import (
    Employer,
    EmployerLink,
    Establishment,
    EstablishmentMerge,
    HistoricalInspection,
    ImportBatch,
    ImportMapping,
    ImportRowError,
)

MAX_TEXT_RESULTS = 500


class EstablishmentFilters(TypedDict, total=False):
    q: str
    sector: str  # ISIC section letter, division (2 digits) or class (4 digits)
    office: int  # a region includes its districts
    size_band: str
    risk_level: str
    status: str
    inspected_before: dt.date
    inspected_after: dt.date
    never_inspected: bool
    include_merged: bool


@dataclass(frozen=True)
class EstablishmentPage:
    items: list[Any]  # Establishment rows, possibly annotated with ``rank``
    next_cursor: str | None
    has_more: bool


def normalise(text: str) -> str:
    """The query text folded exactly as the index folds the column (same SQL function)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT public.lh_norm(%s)", [text])
        row = cursor.fetchone()
    return str(row[0]) if row and row[0] is not None else ""


def _encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


def _decode_cursor(cursor: str) -> list[Any] | None:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, TypeError):
        return None
    if not isinstance(values, list) or len(values) != 2:
        return None
    return values


def establishment_base() -> QuerySet[Establishment]:
    return Establishment.objects.select_related("employer", "office", "office__parent")


def establishment_filter(*, filters: EstablishmentFilters) -> QuerySet[Establishment]:
    """Every filter except the text query; shared by search, API and exports."""
    qs = establishment_base()
    if not filters.get("include_merged"):
        qs = qs.exclude(status=Establishment.Status.MERGED)
    if status := filters.get("status"):
        qs = qs.filter(status=status)
    if sector := (filters.get("sector") or "").strip().upper():
        if sector.isalpha() and len(sector) == 1:
            qs = qs.filter(isic_code__regex=r"^(" + "|".join(isic_divisions_of(sector)) + ")")
        else:
            qs = qs.filter(isic_code__startswith=sector)
    if office_id := filters.get("office"):
        qs = qs.filter(Q(office_id=office_id) | Q(office__parent_id=office_id))
    if size := filters.get("size_band"):
        qs = qs.filter(size_band=size)
    if risk := filters.get("risk_level"):
        qs = qs.filter(risk_level=risk)
    if before := filters.get("inspected_before"):
        qs = qs.filter(Q(last_inspected_on__lt=before) | Q(last_inspected_on__isnull=True))
    if after := filters.get("inspected_after"):
        qs = qs.filter(last_inspected_on__gte=after)
    if filters.get("never_inspected"):
        qs = qs.filter(last_inspected_on__isnull=True)
    return qs


def establishment_search(
    *, filters: EstablishmentFilters, cursor: str = "", limit: int = 50
) -> EstablishmentPage:
    """Filtered list, accent-insensitive and typo-tolerant on names.

    Without a text query the list is keyset-paginated on (name, id), so page 4,000 costs what
    page 1 costs. With a query, results are ranked by trigram word similarity and capped at
    ``MAX_TEXT_RESULTS`` (nobody reads past that; refine the query instead).
    """
    limit = max(1, min(limit, 200))
    qs = establishment_filter(filters=filters)
    q = (filters.get("q") or "").strip()[:200]
    if q:
        qn = normalise(q)
        # Every branch of the OR must hit an index of this table, so the planner can BitmapOr
        # them; a join condition (employer tax id) in the OR would force a sequential scan.
        employer_ids = list(Employer.objects.filter(tax_id=q).values_list("pk", flat=True)[:50])
        qs = qs.filter(
            Q(registration_number=q)
            | Q(employer_id__in=employer_ids)
            | Q(name_norm__contains=qn)
            | Q(name_norm__word_similar=qn)
        )
        qs = qs.annotate(
            rank=Func(
                Value(qn), F("name_norm"), function="word_similarity", output_field=FloatField()
            )
        ).order_by("-rank", "id")
        offset = 0
        if cursor.isdigit():
            offset = min(int(cursor), MAX_TEXT_RESULTS)
        ranked = list(qs[offset : offset + limit + 1])
        has_more = len(ranked) > limit and offset + limit < MAX_TEXT_RESULTS
        return EstablishmentPage(
            items=ranked[:limit],
            next_cursor=str(offset + limit) if has_more else None,
            has_more=has_more,
        )
    qs = qs.order_by("name", "id")
    if cursor and (after := _decode_cursor(cursor)) is not None:
        name, pk = after
        qs = qs.filter(Q(name__gt=name) | Q(name=name, id__gt=pk))
    items = list(qs[: limit + 1])
    has_more = len(items) > limit
    items = items[:limit]
    next_cursor = _encode_cursor([items[-1].name, items[-1].pk]) if has_more else None
    return EstablishmentPage(items=items, next_cursor=next_cursor, has_more=has_more)


def establishment_get(*, establishment_id: int) -> Establishment | None:
    return establishment_base().filter(pk=establishment_id).first()


def establishment_get_by_registration(*, registration_number: str) -> Establishment | None:
    return establishment_base().filter(registration_number=registration_number).first()


def establishment_history(*, establishment: Establishment) -> QuerySet[AuditEvent]:
    """Change history of the record and of every record merged into it."""
    ids = [str(establishment.pk)] + [
        str(pk)
        for pk in Establishment.objects.filter(merged_into=establishment).values_list(
            "pk", flat=True
        )
    ]
    return audit_event_list(filters={"subject_type": "registry.establishment"}).filter(
        subject_id__in=ids
    )


def historical_inspection_list(*, establishment: Establishment) -> QuerySet[HistoricalInspection]:
    return HistoricalInspection.objects.filter(establishment=establishment)


def employer_links(*, employer_id: int) -> QuerySet[EmployerLink]:
    """Contractor, subcontractor and supplier links in both directions."""
    return (
        EmployerLink.objects.filter(Q(principal_id=employer_id) | Q(partner_id=employer_id))
        .select_related("principal", "partner")
        .order_by("kind", "id")
    )


def establishment_merges(*, establishment: Establishment) -> QuerySet[EstablishmentMerge]:
    return EstablishmentMerge.objects.filter(
        Q(survivor=establishment) | Q(duplicate=establishment)
    ).select_related("survivor", "duplicate", "merged_by", "undone_by")


@dataclass(frozen=True)
class DuplicateCandidate:
    establishment: Establishment
    score: float
    reasons: list[str]


def establishment_duplicate_candidates(
    *, establishment: Establishment, limit: int = 10
) -> list[DuplicateCandidate]:
    """Other live records that look like the same site: the same plugin identifier, or a
    trigram-similar name (weighted 0.7) and address (0.3)."""
    base = (
        establishment_base()
        .exclude(pk=establishment.pk)
        .exclude(status=Establishment.Status.MERGED)
    )
    name_n = normalise(establishment.name)
    addr_n = normalise(establishment.address or "")
    similar = (
        base.filter(name_norm__similar=name_n)
        .annotate(
            name_sim=Func(
                F("name_norm"), Value(name_n), function="similarity", output_field=FloatField()
            ),
            addr_sim=Func(
                F("address_norm"), Value(addr_n), function="similarity", output_field=FloatField()
            ),
        )
        .order_by("-name_sim")[:50]
    )
    found: dict[int, DuplicateCandidate] = {}
    other: Any
    for other in similar:
        score = 0.7 * float(other.name_sim) + 0.3 * float(other.addr_sim if addr_n else 0)
        reasons = ["name"] + (["address"] if addr_n and other.addr_sim > 0.5 else [])
        found[other.pk] = DuplicateCandidate(other, round(score, 3), reasons)
    # Employer tax ids are unique, so identifier clashes show up in plugin identifiers
    # (employer registration numbers, social-security numbers...) marked ``unique_id``.
    id_keys = {f.key for f in extra_fields() if f.unique_id}
    same_ids = Q()
    for key, value in establishment.extra.items():
        if key in id_keys and isinstance(value, str) and value:
            same_ids |= Q(**{f"extra__{key}": value})
    if same_ids:
        for other in base.filter(same_ids)[:20]:
            existing = found.get(other.pk)
            reasons = [*(existing.reasons if existing else []), "identifier"]
            found[other.pk] = DuplicateCandidate(other, 1.0, reasons)
    return sorted(found.values(), key=lambda c: -c.score)[:limit]


def establishment_duplicates_recent(
    *, limit: int = 100
) -> list[tuple[Establishment, DuplicateCandidate]]:
    """Candidate pairs among the most recently added records (imports are where duplicates
    come from); each pair is reported once."""
    pairs: list[tuple[Establishment, DuplicateCandidate]] = []
    seen: set[frozenset[int]] = set()
    recent = (
        establishment_base().exclude(status=Establishment.Status.MERGED).order_by("-id")[:limit]
    )
    for est in recent:
        for cand in establishment_duplicate_candidates(establishment=est, limit=3):
            key = frozenset({est.pk, cand.establishment.pk})
            if cand.score >= 0.6 and key not in seen:
                seen.add(key)
                pairs.append((est, cand))
    return pairs


def office_choices() -> list[Office]:
    return list(Office.objects.select_related("parent").order_by("code"))


def import_batch_list() -> QuerySet[ImportBatch]:
    return ImportBatch.objects.select_related("created_by").order_by("-id")


def import_batch_get(*, batch_id: int) -> ImportBatch | None:
    return ImportBatch.objects.filter(pk=batch_id).first()


def import_row_errors(*, batch: ImportBatch) -> QuerySet[ImportRowError]:
    return ImportRowError.objects.filter(batch=batch).order_by("row_number", "id")


def import_mapping_list(*, kind: str | None = None) -> QuerySet[ImportMapping]:
    qs = ImportMapping.objects.all()
    return qs.filter(kind=kind) if kind else qs
