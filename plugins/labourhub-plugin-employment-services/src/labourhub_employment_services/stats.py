"""Statistics for the labour market information: anonymous counts with small counts suppressed.

Every count comes from rows an erasure keeps (sex, year of birth, region, dates, outcomes), so an
erasure on request never changes a published figure. Counts below the ministry's small-count
threshold are returned as ``None``, as the LMI website does.
"""

from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from labourhub.plugin_api import ministry_today, small_count_threshold
from labourhub_employment_services.isco import MAJOR_GROUPS
from labourhub_employment_services.models import JobSeeker, Referral, Vacancy

MEASURES = ("jobseekers", "vacancies", "referrals", "placements")
# Age bands of the LMI tables (ILO youth is 15-24), as (lowest, highest) ages.
AGE_BANDS: dict[str, tuple[int, int]] = {
    "15-24": (15, 24),
    "25-34": (25, 34),
    "35-54": (35, 54),
    "55+": (55, 120),
    # The LMI website's bands (SDMX Y25-54, Y55-64), for datasets computed from the records.
    "25-54": (25, 54),
    "55-64": (55, 64),
}


def _suppress(value: int | None, threshold: int) -> int | None:
    return None if value is None or value < threshold else value


# The path from each measure's rows to the ISCO-08 occupation they count under.
OCCUPATION_PATHS = {
    "jobseekers": "occupation_majors",
    "vacancies": "occupation",
    "referrals": "vacancy__occupation",
    "placements": "vacancy__occupation",
}


def _occupation_filter(measure: str, major: str) -> dict[str, Any]:
    path = OCCUPATION_PATHS[measure]
    if measure == "jobseekers":
        return {f"{path}__contains": [major]}
    return {f"{path}__startswith": major}


def _base(measure: str) -> tuple[QuerySet[Any], str, str]:
    """The rows of ``measure``, and the paths to their sex and region."""
    if measure == "jobseekers":
        return JobSeeker.objects.all(), "sex", "region"
    if measure == "vacancies":
        return Vacancy.objects.exclude(status=Vacancy.Status.REJECTED), "", "region"
    if measure == "referrals":
        return Referral.objects.all(), "seeker__sex", "seeker__region"
    if measure == "placements":
        qs = Referral.objects.filter(status=Referral.Status.PLACED)
        return qs, "seeker__sex", "seeker__region"
    raise ValueError(measure)


def measure_total(
    measure: str,
    *,
    sex: str = "",
    region_id: int | None = None,
    age_band: str = "",
    occupation_major: str = "",
    suppress: bool = True,
) -> int | None:
    """One count (vacancies count their posts), optionally for one sex, region, age band (age
    reached this year, from the year of birth an erasure keeps) and ISCO-08 major group (a job
    seeker counts under each group they want; referrals under the vacancy's)."""
    qs, sex_path, region_path = _base(measure)
    if occupation_major:
        if occupation_major not in MAJOR_GROUPS:
            return None
        qs = qs.filter(**_occupation_filter(measure, occupation_major))
    if (sex or age_band) and not sex_path:
        return None  # vacancies have no sex or age
    if sex:
        qs = qs.filter(**{sex_path: sex})
    if age_band:
        if age_band not in AGE_BANDS:
            return None
        low, high = AGE_BANDS[age_band]
        year = ministry_today().year
        birth = sex_path.replace("sex", "birth_year")
        qs = qs.filter(**{f"{birth}__gte": year - high, f"{birth}__lte": year - low})
    if region_id is not None:
        qs = qs.filter(**{f"{region_path}_id": region_id})
    is_posts = measure == "vacancies"
    value = int(qs.aggregate(n=Sum("posts"))["n"] or 0) if is_posts else qs.count()
    return _suppress(value, small_count_threshold()) if suppress else value


SUPPRESSED = "—"


def report_columns() -> tuple[str, str, str, str]:
    """The report's column headings, in the active language (they key the rows too)."""
    return (_("Measure"), _("Sex"), _("Region"), _("Count"))


def breakdown_rows(columns: tuple[str, str, str, str]) -> list[dict[str, Any]]:
    """Every measure by sex and region, labelled for people; small counts shown as a dash."""
    measure_col, sex_col, region_col, count_col = columns
    threshold = small_count_threshold()
    rows: list[dict[str, Any]] = []
    labels = dict(JobSeeker.Sex.choices)
    names = {
        "jobseekers": _("Registered job seekers"),
        "vacancies": _("Posts notified in vacancies"),
        "referrals": _("Referrals"),
        "placements": _("Placements"),
    }
    for measure in MEASURES:
        qs, sex_path, region_path = _base(measure)
        keys = [p for p in (sex_path, f"{region_path}__name") if p]
        agg = Sum("posts") if measure == "vacancies" else Count("pk")
        grouped = qs.values(*keys).annotate(n=agg).order_by(*keys)
        rows.extend(
            {
                measure_col: str(names[measure]),
                sex_col: str(labels.get(row.get(sex_path, ""), _("All"))) if sex_path else _("All"),
                region_col: row.get(f"{region_path}__name") or _("Region not stated"),
                count_col: _suppress(int(row["n"] or 0), threshold) or SUPPRESSED,
            }
            for row in grouped
        )
    return rows


def occupation_columns() -> tuple[str, str, str, str]:
    return (_("Measure"), _("Sex"), _("Occupation (ISCO-08 major group)"), _("Count"))


def occupation_rows(columns: tuple[str, str, str, str]) -> list[dict[str, Any]]:
    """Every measure by ISCO-08 major group (the report's "Region" column holds the group)."""
    measure_col, sex_col, group_col, count_col = columns
    names = {
        "jobseekers": _("Registered job seekers"),
        "vacancies": _("Posts notified in vacancies"),
        "referrals": _("Referrals"),
        "placements": _("Placements"),
    }
    rows: list[dict[str, Any]] = []
    for measure in MEASURES:
        for code, group in MAJOR_GROUPS.items():
            value = measure_total(measure, occupation_major=code)
            rows.append(
                {
                    measure_col: str(names[measure]),
                    sex_col: _("All"),
                    group_col: f"{code} {group.name()}",
                    count_col: SUPPRESSED if value is None else value,
                }
            )
    return rows


def placements_summary() -> dict[str, int]:
    """Unsuppressed counts for staff pages (not for publication)."""
    return {
        "active": JobSeeker.objects.filter(status=JobSeeker.Status.ACTIVE).count(),
        "matchable": JobSeeker.objects.filter(in_matching=True).count(),
        "vacancies_open": Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED).count(),
        "pending": Vacancy.objects.filter(status=Vacancy.Status.PENDING).count(),
        "placed": Referral.objects.filter(Q(status=Referral.Status.PLACED)).count(),
    }
