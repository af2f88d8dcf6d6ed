from typing import Any

from django.db.models import BooleanField, F, Func, Q, QuerySet, Value

from labourhub_employment_services.isco import fold
from labourhub_employment_services.models import JobSeeker, Referral, Vacancy


class WordSimilar(Func):
    """``query <% column``: some extent of the column is trigram-similar to the query (pg_trgm)."""

    arg_joiner = " <%% "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _similar(column: str, query: str) -> Q:
    return Q(WordSimilar(Value(query), F(column)))


def _words(query: str) -> str:
    return " ".join(fold(query[:100]).split())


def jobseeker_list(*, search: str = "", status: str = "") -> QuerySet[JobSeeker]:
    """Accent-insensitive on names (contains), typo-tolerant (trigram word similarity)."""
    qs = JobSeeker.objects.select_related("region").order_by("-created_at", "-id")
    if status:
        qs = qs.filter(status=status)
    q = _words(search)
    if q:
        qs = qs.filter(Q(name_key__contains=q) | _similar("name_key", q) | Q(national_id=q.upper()))
    return qs


def jobseeker_get(*, seeker_id: int) -> JobSeeker | None:
    return (
        JobSeeker.objects.select_related("region")
        .prefetch_related("experience", "documents", "appointments", "enrolments__programme")
        .filter(pk=seeker_id)
        .first()
    )


def vacancy_list(*, search: str = "", status: str = "") -> QuerySet[Vacancy]:
    qs = Vacancy.objects.select_related("region").order_by("-created_at", "-id")
    if status:
        qs = qs.filter(status=status)
    q = _words(search)
    if q:
        qs = qs.filter(
            Q(search_key__contains=q) | _similar("search_key", q) | Q(reference=q.upper())
        )
    return qs


def vacancy_list_for_employer(*, user: Any) -> QuerySet[Vacancy]:
    """Vacancies of the establishments ``user`` represents now, whoever of them submitted."""
    from labourhub.plugin_api import establishment_list_represented

    represented = establishment_list_represented(user=user).values("pk")
    return (
        Vacancy.objects.filter(establishment__in=represented)
        .select_related("region", "establishment")
        .order_by("-created_at", "-id")
    )


def vacancy_list_public() -> QuerySet[Vacancy]:
    """Published vacancies still open today, soonest closing first."""
    from labourhub.plugin_api import ministry_today

    return (
        Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED, closing_date__gte=ministry_today())
        .select_related("region")
        .order_by("closing_date", "id")
    )


def vacancy_get(*, vacancy_id: int) -> Vacancy | None:
    return Vacancy.objects.select_related("region").filter(pk=vacancy_id).first()


def referral_list(*, seeker: Any = None, vacancy: Any = None) -> QuerySet[Referral]:
    qs = Referral.objects.select_related("seeker", "vacancy")
    if seeker is not None:
        qs = qs.filter(seeker=seeker)
    if vacancy is not None:
        qs = qs.filter(vacancy=vacancy)
    return qs


def referral_get(*, referral_id: int) -> Referral | None:
    return Referral.objects.select_related("seeker", "vacancy").filter(pk=referral_id).first()


def region_choices() -> list[tuple[int, str]]:
    """The ministry's regions (top-level offices), for forms."""
    office = JobSeeker._meta.get_field("region").related_model
    return list(
        office._default_manager.filter(level="region").order_by("name").values_list("pk", "name")
    )


def region_by_id(region_id: int | None) -> Any:
    if not region_id:
        return None
    office = JobSeeker._meta.get_field("region").related_model
    return office._default_manager.filter(level="region", pk=region_id).first()


def programme_list(*, open_only: bool = False) -> QuerySet[Any]:
    from labourhub_employment_services.models import Programme

    qs = Programme.objects.order_by("-starts_on", "name")
    if open_only:
        from labourhub.plugin_api import ministry_today

        qs = qs.filter(ends_on__gte=ministry_today())
    return qs


def programme_get(*, programme_id: int) -> Any:
    from labourhub_employment_services.models import Programme

    return Programme.objects.filter(pk=programme_id).first()


def appointment_get(*, seeker: JobSeeker, appointment_id: int) -> Any:
    return seeker.appointments.filter(pk=appointment_id).first()


def enrolment_get(*, seeker: JobSeeker, enrolment_id: int) -> Any:
    return seeker.enrolments.select_related("programme").filter(pk=enrolment_id).first()


def document_get(*, seeker: JobSeeker, document_id: int) -> Any:
    return seeker.documents.filter(pk=document_id).first()
