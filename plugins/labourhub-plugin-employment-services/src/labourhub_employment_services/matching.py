"""Matching, in one SQL query per list: candidates are narrowed by GIN-indexed array overlaps,
scored in the database, and only the best ``limit`` rows come back to Python, where the reasons
are written in the reader's language.

Score (out of 100): occupation wanted 35 (same ISCO major group only: 15), skills asked 25 in
proportion, experience in the occupation 15, years of experience asked 5, education asked 10,
same community 10 (same region only: 6). Only job seekers who are active, available and consent
to sharing with employers (``in_matching``) are ever considered.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, F, FloatField, Func, Q, QuerySet, Value, When
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from labourhub.plugin_api import ministry_today
from labourhub_employment_services.isco import MAJOR_GROUPS, occupation_name
from labourhub_employment_services.models import Education, JobSeeker, Referral, Vacancy

W_OCCUPATION, W_MAJOR, W_SKILLS, W_EXPERIENCE, W_YEARS, W_EDUCATION, W_PLACE, W_REGION = (
    35, 15, 25, 15, 5, 10, 10, 6,
)  # fmt: skip


@dataclass
class Match:
    obj: Any  # a JobSeeker (for a vacancy) or a Vacancy (for a job seeker)
    score: int
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    referred: bool = False


def _flag(condition: Q, points: int) -> Case:
    return Case(When(condition, then=Value(float(points))), default=Value(0.0))


def _same_region(region_id: int | None) -> Q:
    return Q(pk__in=[]) if region_id is None else Q(region_id=region_id)


def _skill_hits(column: str, wanted: list[str]) -> Any:
    """How many of ``wanted`` the row's array holds: one array-containment test per skill
    (at most 30), far cheaper per row than intersecting two unnested arrays."""
    total: Any = Value(0.0)
    for skill in wanted:
        total = total + _flag(Q(**{f"{column}__contains": [skill]}), 1)
    return total


def vacancy_candidates(*, vacancy: Vacancy) -> QuerySet[JobSeeker]:
    """Consenting job seekers scored for ``vacancy``, best first (not yet sliced)."""
    occ, major = vacancy.occupation, vacancy.occupation[:1]
    near = Q(occupation_majors__overlap=[major]) | Q(experience_codes__overlap=[occ])
    if vacancy.skills:
        near |= Q(skills__overlap=vacancy.skills)
    same_place = Q(pk__in=[])
    if vacancy.community_key:
        same_place = Q(community_key=vacancy.community_key)
    return (
        JobSeeker.objects.filter(in_matching=True)
        .filter(near)
        .annotate(
            s_occ=Case(
                When(occupations__contains=[occ], then=Value(float(W_OCCUPATION))),
                When(occupation_majors__contains=[major], then=Value(float(W_MAJOR))),
                default=Value(0.0),
            ),
            s_skills=_skill_hits("skills", vacancy.skills),
            s_exp=_flag(Q(experience_codes__contains=[occ]), W_EXPERIENCE),
            s_years=_flag(Q(experience_years__gte=vacancy.min_experience_years), W_YEARS),
            s_edu=_flag(Q(education__gte=vacancy.min_education), W_EDUCATION),
            s_place=Case(
                When(same_place, then=Value(float(W_PLACE))),
                When(_same_region(vacancy.region_id), then=Value(float(W_REGION))),
                default=Value(0.0),
            ),
        )
        .annotate(
            score=F("s_occ")
            + F("s_skills") * (W_SKILLS / max(len(vacancy.skills), 1))
            + F("s_exp")
            + F("s_years")
            + F("s_edu")
            + F("s_place")
        )
        .order_by("-score", "-experience_years", "id")
    )


def _top(qs: QuerySet[Any], limit: int) -> list[Any]:
    """The best ``limit`` rows: rank narrow (id, score) tuples first, so PostgreSQL keeps a
    top-N heap instead of sorting every candidate's whole row; then load those rows only."""
    ranked = list(qs.values_list("pk", "score")[:limit])
    rows = qs.model._default_manager.select_related("region").in_bulk([pk for pk, _s in ranked])
    found = []
    for pk, score in ranked:
        row = rows[pk]
        row.score = score
        found.append(row)
    return found


def vacancy_matches(*, vacancy: Vacancy, limit: int = 50) -> list[Match]:
    rows = _top(vacancy_candidates(vacancy=vacancy), limit)
    referred = set(
        Referral.objects.filter(vacancy=vacancy, seeker__in=rows).values_list(
            "seeker_id", flat=True
        )
    )
    return [
        Match(s, round(getattr(s, "score", 0)), *_reasons(s, vacancy), referred=s.pk in referred)
        for s in rows
    ]


def seeker_vacancies(*, seeker: JobSeeker) -> QuerySet[Vacancy]:
    """Open, published vacancies scored for ``seeker``, best first (not yet sliced)."""
    near = Q(occupation__in=seeker.occupations + seeker.experience_codes)
    near |= Q(occ_major__in=seeker.occupation_majors)
    if seeker.skills:
        near |= Q(skills__overlap=seeker.skills)
    same_place = Q(pk__in=[])
    if seeker.community_key:
        same_place = Q(community_key=seeker.community_key)
    return (
        Vacancy.objects.filter(
            status=Vacancy.Status.PUBLISHED,
            closing_date__gte=ministry_today(),
            posts_filled__lt=F("posts"),
        )
        .annotate(occ_major=Substr("occupation", 1, 1))
        .filter(near)
        .annotate(
            s_occ=Case(
                When(occupation__in=seeker.occupations, then=Value(float(W_OCCUPATION))),
                When(occ_major__in=seeker.occupation_majors, then=Value(float(W_MAJOR))),
                default=Value(0.0),
            ),
            s_skills=_skill_hits("skills", seeker.skills),
            s_exp=_flag(Q(occupation__in=seeker.experience_codes), W_EXPERIENCE),
            s_years=_flag(Q(min_experience_years__lte=seeker.experience_years), W_YEARS),
            s_edu=_flag(Q(min_education__lte=seeker.education), W_EDUCATION),
            s_place=Case(
                When(same_place, then=Value(float(W_PLACE))),
                When(_same_region(seeker.region_id), then=Value(float(W_REGION))),
                default=Value(0.0),
            ),
        )
        .annotate(
            score=F("s_occ")
            + Case(
                When(skills=[], then=Value(0.0)),
                default=F("s_skills")
                * W_SKILLS
                / Func(F("skills"), function="cardinality", output_field=FloatField()),
            )
            + F("s_exp")
            + F("s_years")
            + F("s_edu")
            + F("s_place")
        )
        .order_by("-score", "closing_date", "id")
    )


def seeker_matches(*, seeker: JobSeeker, limit: int = 50) -> list[Match]:
    if not seeker.in_matching:
        return []
    rows = _top(seeker_vacancies(seeker=seeker), limit)
    referred = set(
        Referral.objects.filter(seeker=seeker, vacancy__in=rows).values_list(
            "vacancy_id", flat=True
        )
    )
    return [
        Match(v, round(getattr(v, "score", 0)), *_reasons(seeker, v), referred=v.pk in referred)
        for v in rows
    ]


def _reasons(seeker: JobSeeker, vacancy: Vacancy) -> tuple[list[str], list[str]]:
    """Why this pair matches, and what falls short, in the active language."""
    reasons: list[str] = []
    warnings: list[str] = []
    occ = vacancy.occupation
    if occ in seeker.occupations:
        reasons.append(_("Wants to work as: %(o)s") % {"o": occupation_name(occ)})
    elif occ[:1] in seeker.occupation_majors:
        group = MAJOR_GROUPS.get(occ[:1])
        reasons.append(
            _("Wants work in the same occupation group: %(g)s")
            % {"g": group.name() if group else ""}
        )
    if occ in seeker.experience_codes:
        reasons.append(_("Has worked as: %(o)s") % {"o": occupation_name(occ)})
    shared = [s for s in vacancy.skills if s in seeker.skills]
    if shared:
        reasons.append(
            _("Has %(n)d of the %(total)d skills asked: %(skills)s")
            % {"n": len(shared), "total": len(vacancy.skills), "skills": ", ".join(shared)}
        )
    if vacancy.min_experience_years:
        values = {"years": seeker.experience_years, "min": vacancy.min_experience_years}
        if seeker.experience_years >= vacancy.min_experience_years:
            reasons.append(_("%(years)d years of experience (%(min)d asked)") % values)
        else:
            warnings.append(_("Only %(years)d years of experience (%(min)d asked)") % values)
    level = Education(vacancy.min_education).label
    if seeker.education >= vacancy.min_education:
        if vacancy.min_education:
            reasons.append(_("Education meets the minimum asked (%(level)s)") % {"level": level})
    else:
        warnings.append(_("Education below the minimum asked (%(level)s)") % {"level": level})
    if vacancy.community_key and seeker.community_key == vacancy.community_key:
        reasons.append(_("Lives in the same community: %(place)s") % {"place": vacancy.community})
    elif vacancy.region_id is not None and seeker.region_id == vacancy.region_id:
        region = vacancy.region.name if vacancy.region else ""
        reasons.append(_("Lives in the same region: %(region)s") % {"region": region})
    return reasons, warnings
