"""@hookimpl functions only: thin, delegating to this plugin's modules."""

from typing import Any

from django.urls import URLPattern, URLResolver, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import (
    Action,
    DocumentTemplate,
    HomePanel,
    HomeRow,
    IndicatorDefinition,
    MenuItem,
    PortalPage,
    ReportDefinition,
    hookimpl,
    ministry_today,
    small_count_threshold,
)
from labourhub_medical_visits.codes import CERTIFICATE, CERTIFICATE_TEXT_EN, CERTIFICATE_TEXT_ES


@hookimpl
def register_menu_items(tenant: Any, user: Any) -> list[MenuItem]:
    return [MenuItem(_("Medical visits"), reverse("x:medical-visits:list"), Action.CASE_VIEW)]


@hookimpl
def register_portal_pages(tenant: Any) -> list[PortalPage]:
    from labourhub_medical_visits.portal import worker_examinations_view

    return [
        PortalPage("examinations", _("My medical examinations"), worker_examinations_view, "worker")
    ]


@hookimpl
def register_urls() -> list[URLPattern | URLResolver]:
    from labourhub_medical_visits.urls import urlpatterns

    return list(urlpatterns)


@hookimpl
def register_api_urls() -> list[URLPattern | URLResolver]:
    from labourhub_medical_visits.api_urls import urlpatterns

    return list(urlpatterns)


@hookimpl
def register_document_templates(tenant: Any) -> list[DocumentTemplate]:
    return [
        DocumentTemplate(
            CERTIFICATE,
            _("Occupational fitness certificate"),
            prefix="CAM",
            texts={"es": CERTIFICATE_TEXT_ES, "en": CERTIFICATE_TEXT_EN},
        )
    ]


@hookimpl
def register_report_definitions(tenant: Any) -> list[ReportDefinition]:
    from labourhub_medical_visits.models import MedicalVisit
    from labourhub_medical_visits.selectors import visit_status_counts

    return [
        ReportDefinition(
            "medical_visits_by_status",
            _("Medical visits by status"),
            ("status", "count"),
            rows=lambda **_kw: [
                {"status": str(MedicalVisit.Status(s).label), "count": n}
                for s, n in visit_status_counts().items()
            ],
        )
    ]


def _workers_examined(**_kw: Any) -> int | None:
    from labourhub_medical_visits.selectors import workers_examined_count

    # A count of people's health records: small counts are not published.
    n = workers_examined_count()
    return n if n >= small_count_threshold() else None


@hookimpl
def register_indicator_definitions(tenant: Any) -> list[IndicatorDefinition]:
    return [
        IndicatorDefinition(
            "medical_workers_examined",
            _("Workers examined on medical visits"),
            "workers",
            compute=_workers_examined,
        )
    ]


def _my_planned_visits(user: Any) -> list[HomeRow]:
    from labourhub_medical_visits.models import MedicalVisit

    today = ministry_today()
    visits = (
        MedicalVisit.objects.filter(physician=user, status=MedicalVisit.Status.PLANNED)
        .select_related("establishment")
        .order_by("planned_for", "id")[:9]
    )
    return [
        HomeRow(
            f"{v.number} · {v.establishment.name}",
            reverse("x:medical-visits:detail", args=[v.pk]),
            detail=_("Planned for %(day)s")
            % {"day": date_format(v.planned_for, "SHORT_DATE_FORMAT")},
            tag=_("Late") if v.planned_for < today else _("Planned"),
            tone="red" if v.planned_for < today else "blue",
        )
        for v in visits
    ]


@hookimpl
def register_home_panels(tenant: Any, user: Any) -> list[HomePanel]:
    # Visit numbers and workplaces only: no worker's health data reaches the home page.
    return [
        HomePanel(
            "medical_visits_planned",
            _("Your planned medical visits"),
            Action.HEALTH_DATA_VIEW,
            _my_planned_visits,
            url=reverse("x:medical-visits:list") + "?status=planned",
            empty=_("No medical visit is planned for you."),
            roles=("occupational_physician",),
        )
    ]
