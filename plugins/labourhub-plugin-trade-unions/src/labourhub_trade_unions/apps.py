from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, Field

from labourhub.plugin_api import Category, PluginAppConfig, SecretRef
from labourhub.plugin_api import PluginMeta as BaseMeta


class TradeUnionsSettings(BaseModel):
    """Per-ministry configuration, validated when the coordination unit activates the plugin."""

    model_config = {"extra": "forbid"}
    certificate_prefix: str = Field(default="STSS-SIND", pattern=r"^[A-Z][A-Z0-9-]{1,19}$")
    # The legal minimum number of founding members; the default is the one the Honduran Labour
    # Code sets for unions, but the ministry's legal office confirms it at activation.
    min_members: int = Field(default=30, ge=2, le=10000)
    review_days: int = Field(default=15, ge=1, le=365)
    decision_days: int = Field(default=15, ge=1, le=365)
    # Optional link to the national civil registry to check officers' identity numbers.
    registry_api_key: SecretRef | None = None


class TradeUnionsConfig(PluginAppConfig):
    # apps.py also imports PluginAppConfig; Django must know which AppConfig is the plugin's.
    default = True
    name = "labourhub_trade_unions"
    label = "hn_trade_unions"
    verbose_name = _("Trade-union registration")
    default_auto_field = "django.db.models.BigAutoField"

    class PluginMeta(BaseMeta):
        slug = "trade-unions"
        name = _("Trade-union registration")
        version = "0.1.0"
        countries = ["HN"]
        category = Category.MODULE
        requires = ">=0.1,<1"
        config_schema = TradeUnionsSettings
        description = _(
            "Register trade unions: filing, review, registration or refusal, "
            "with a certificate number."
        )
