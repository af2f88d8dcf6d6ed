"""@hookimpl functions only: thin, delegating to this plugin's modules."""

from typing import Any

from django.urls import URLPattern, URLResolver, reverse
from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import (
    Action,
    DocumentTemplate,
    IndicatorDefinition,
    MenuItem,
    ProcedureType,
    ReportDefinition,
    WorkflowStep,
    hookimpl,
    plugin_config,
)
from labourhub_trade_unions.codes import CERTIFICATE, CERTIFICATE_TEXT_ES, REGISTRATION

SLUG = "trade-unions"


@hookimpl
def register_menu_items(tenant: Any, user: Any) -> list[MenuItem]:
    return [
        MenuItem(_("Trade unions"), reverse("x:trade-unions:list"), Action.CASE_VIEW, group="cases")
    ]


@hookimpl
def register_urls() -> list[URLPattern | URLResolver]:
    from labourhub_trade_unions.urls import urlpatterns

    return list(urlpatterns)


@hookimpl
def register_api_urls() -> list[URLPattern | URLResolver]:
    from labourhub_trade_unions.api_urls import urlpatterns

    return list(urlpatterns)


@hookimpl
def register_procedure_types(tenant: Any) -> list[ProcedureType]:
    from labourhub_trade_unions.apps import TradeUnionsSettings

    conf = TradeUnionsSettings.model_validate(plugin_config(tenant, SLUG))
    decide = Action.REGISTRATION_DECIDE.value
    return [
        ProcedureType(
            code=REGISTRATION,
            label=_("Trade-union registration"),
            steps=(
                WorkflowStep(
                    "filed",
                    _("Application filed"),
                    time_limit_days=conf.review_days,
                    next_steps=("reviewed",),
                ),
                WorkflowStep(
                    "reviewed",
                    _("Documents reviewed"),
                    time_limit_days=conf.decision_days,
                    next_steps=("registered", "refused"),
                ),
                WorkflowStep("registered", _("Registered, certificate issued"), action=decide),
                WorkflowStep("refused", _("Refused with reasons"), action=decide),
            ),
        )
    ]


@hookimpl
def register_document_templates(tenant: Any) -> list[DocumentTemplate]:
    return [
        DocumentTemplate(
            CERTIFICATE,
            _("Union registration certificate"),
            prefix="SIND",
            texts={"es": CERTIFICATE_TEXT_ES},
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
