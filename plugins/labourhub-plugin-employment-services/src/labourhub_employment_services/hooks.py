"""@hookimpl functions only: thin, delegating to this plugin's modules."""

from typing import Any

from django.urls import URLPattern, URLResolver, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import (
    Action,
    HomePanel,
    HomeRow,
    IndicatorDefinition,
    MenuItem,
    PortalPage,
    ReportDefinition,
    hookimpl,
)

SLUG = "employment-services"

INDICATORS = (
    ("pes_jobseekers_registered", _("Registered job seekers"), "people", "jobseekers"),
    ("pes_vacancies_notified", _("Posts notified in vacancies"), "posts", "vacancies"),
    ("pes_referrals", _("Referrals to vacancies"), "referrals", "referrals"),
    ("pes_placements", _("Placements"), "placements", "placements"),
)


@hookimpl
def register_menu_items(tenant: Any, user: Any) -> list[MenuItem]:
    return [
        MenuItem(_("Job seekers"), reverse("x:employment-services:seekers"), Action.PES_VIEW),
        MenuItem(_("Vacancies"), reverse("x:employment-services:vacancies"), Action.PES_VIEW),
        MenuItem(
            _("Employment programmes"),
            reverse("x:employment-services:programmes"),
            Action.PES_VIEW,
        ),
    ]


@hookimpl
def register_portal_pages(tenant: Any) -> list[PortalPage]:
    from labourhub_employment_services.views import portal, worker

    return [
        PortalPage("vacancies", _("My vacancies"), portal.employer_vacancies_view, "employer"),
        PortalPage(
            "new-vacancy", _("New vacancy"), portal.employer_vacancy_submit_view, "employer"
        ),
        PortalPage("profile", _("My job seeker profile"), worker.worker_profile_view, "worker"),
    ]


@hookimpl
def register_urls() -> list[URLPattern | URLResolver]:
    from labourhub_employment_services.urls import urlpatterns

    return list(urlpatterns)


@hookimpl
def register_api_urls() -> list[URLPattern | URLResolver]:
    from labourhub_employment_services.api_urls import urlpatterns

    return list(urlpatterns)


def _compute(measure: str) -> Any:
    def compute(
        *, sex: str = "", region_id: int | None = None, age_band: str = "",
        occupation_major: str = "", **_kw: Any,
    ) -> int | None:  # fmt: skip
        from labourhub_employment_services.stats import measure_total

        return measure_total(
            measure,
            sex=sex,
            region_id=region_id,
            age_band=age_band,
            occupation_major=occupation_major,
        )

    return compute


@hookimpl
def register_indicator_definitions(tenant: Any) -> list[IndicatorDefinition]:
    # compute(sex="F", region_id=..., age_band="15-24", occupation_major="5") gives the
    # breakdowns; counts under the ministry's small-count threshold come back as None
    # (suppressed), as on the LMI website.
    return [
        IndicatorDefinition(code, label, unit, compute=_compute(measure), tags=("employment",))
        for code, label, unit, measure in INDICATORS
    ]


@hookimpl
def register_report_definitions(tenant: Any) -> list[ReportDefinition]:
    from labourhub_employment_services.stats import (
        breakdown_rows,
        occupation_columns,
        occupation_rows,
        report_columns,
    )

    columns = report_columns()  # called per request, so in the reader's language
    by_group = occupation_columns()
    return [
        ReportDefinition(
            "pes_by_sex_region",
            _("Employment service by sex and region"),
            columns,
            rows=lambda **_kw: breakdown_rows(columns),
        ),
        ReportDefinition(
            "pes_by_occupation",
            _("Employment service by occupation (ISCO-08 major group)"),
            by_group,
            rows=lambda **_kw: occupation_rows(by_group),
        ),
    ]


@hookimpl
def daily_housekeeping(tenant: Any) -> None:
    # The ministry's retention rule: erase personal data past consent or the retention period.
    from labourhub.plugin_api import plugin_config
    from labourhub_employment_services.apps import EmploymentSettings
    from labourhub_employment_services.services import jobseeker_retention_apply

    settings = EmploymentSettings.model_validate(plugin_config(tenant, SLUG))
    jobseeker_retention_apply(settings=settings)


def _vacancies_to_review(user: Any) -> list[HomeRow]:
    from labourhub_employment_services.selectors import vacancy_list

    return [
        HomeRow(
            f"{v.reference} · {v.title}",
            reverse("x:employment-services:vacancy", args=[v.pk]),
            detail=v.employer_name,
            tag=_("Awaiting review"),
            tone="yellow",
        )
        for v in vacancy_list(status="pending").order_by("created_at", "id")[:9]
    ]


def _referrals_open(user: Any) -> list[HomeRow]:
    from labourhub_employment_services.selectors import referral_list

    rows = referral_list().filter(status__in=("referred", "interviewed")).order_by("referred_on")
    return [
        HomeRow(
            f"{r.vacancy.reference} · {r.vacancy.title}",
            reverse("x:employment-services:vacancy", args=[r.vacancy_id]),
            detail=_("Referred on %(day)s")
            % {"day": date_format(r.referred_on, "SHORT_DATE_FORMAT")},
            tag=r.get_status_display(),
            tone="blue",
        )
        for r in rows[:9]
    ]


@hookimpl
def register_home_panels(tenant: Any, user: Any) -> list[HomePanel]:
    # Job seekers' names stay on their own pages: the home page lists vacancies only.
    return [
        HomePanel(
            "pes_vacancies",
            _("Vacancies awaiting review"),
            Action.PES_EDIT,
            _vacancies_to_review,
            url=reverse("x:employment-services:vacancies") + "?status=pending",
            empty=_("No vacancy is waiting for review."),
            roles=("pes_officer",),
        ),
        HomePanel(
            "pes_referrals",
            _("Referrals waiting for an outcome"),
            Action.PES_EDIT,
            _referrals_open,
            url=reverse("x:employment-services:vacancies"),
            empty=_("Every referral has its outcome."),
            roles=("pes_officer",),
        ),
    ]
