"""@hookimpl functions only (R28): thin, delegating to this plugin's modules."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from labourhub.extensions import hookimpl, plugin_config
from labourhub.extensions.types import (
    DocumentTemplate,
    IndicatorDefinition,
    ProcedureType,
    ReportDefinition,
    WorkflowStep,
)

SLUG = "trade-unions"


@hookimpl
def register_menu_items(tenant: Any, user: Any) -> list[Any]:
    from labourhub.accounts.roles import Action
    from labourhub.web.menu import MenuItem

    return [MenuItem(_("Trade unions"), reverse("x:trade-unions:list"), Action.CASE_VIEW)]


@hookimpl
def register_urls() -> list[Any]:
    from labourhub_trade_unions.urls import urlpatterns

    return list(urlpatterns)


@hookimpl
def register_api_urls() -> list[Any]:
    from labourhub_trade_unions.api_urls import urlpatterns

    return list(urlpatterns)


@hookimpl
def register_procedure_types(tenant: Any) -> list[ProcedureType]:
    from labourhub_trade_unions.apps import TradeUnionsSettings

    conf = TradeUnionsSettings.model_validate(plugin_config(tenant, SLUG))
    return [
        ProcedureType(
            code="hn_trade_union_registration",
            label=_("Trade-union registration"),
            steps=(
                WorkflowStep("filed", _("Application filed"), next_steps=("reviewed",)),
                WorkflowStep(
                    "reviewed",
                    _("Documents reviewed"),
                    time_limit_days=conf.review_days,
                    next_steps=("registered", "refused"),
                ),
                WorkflowStep(
                    "registered",
                    _("Registered, certificate issued"),
                    time_limit_days=conf.decision_days,
                ),
                WorkflowStep(
                    "refused", _("Refused with reasons"), time_limit_days=conf.decision_days
                ),
            ),
        )
    ]


@hookimpl
def register_document_templates(tenant: Any) -> list[DocumentTemplate]:
    return [
        DocumentTemplate(
            "hn_union_certificate",
            _("Union registration certificate"),
            "labourhub_trade_unions/certificate.html",
            ("es",),
        )
    ]


@hookimpl
def register_report_definitions(tenant: Any) -> list[ReportDefinition]:
    from labourhub_trade_unions.selectors import union_status_counts

    return [
        ReportDefinition(
            "hn_unions_by_status",
            _("Trade unions by registration status"),
            ("status", "count"),
            rows=lambda **_kw: [
                {"status": s, "count": n} for s, n in union_status_counts().items()
            ],
        )
    ]


@hookimpl
def register_indicator_definitions(tenant: Any) -> list[IndicatorDefinition]:
    from labourhub_trade_unions.selectors import union_status_counts

    return [
        IndicatorDefinition(
            "hn_registered_unions",
            _("Registered trade unions"),
            "unions",
            compute=lambda **_kw: union_status_counts()["registered"],
        )
    ]


@hookimpl
def plugin_is_available(tenant: Any) -> bool:
    return str(getattr(tenant, "country", "")) == "HN"
