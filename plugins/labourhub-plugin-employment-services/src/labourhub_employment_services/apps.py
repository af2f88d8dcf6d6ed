from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, Field

from labourhub.plugin_api import Category, PluginAppConfig
from labourhub.plugin_api import PluginMeta as BaseMeta


class EmploymentSettings(BaseModel):
    """Per-ministry configuration, validated when the plugin is activated for a ministry."""

    model_config = {"extra": "forbid"}
    # How many candidates (or vacancies) a match list shows, best first.
    match_limit: int = Field(default=50, ge=5, le=200)


class EmploymentServicesConfig(PluginAppConfig):
    # apps.py also imports PluginAppConfig; Django must know which AppConfig is the plugin's.
    default = True
    name = "labourhub_employment_services"
    label = "xx_employment_services"
    verbose_name = _("Public employment service")
    default_auto_field = "django.db.models.BigAutoField"

    class PluginMeta(BaseMeta):
        slug = "employment-services"
        name = _("Public employment service")
        version = "0.1.0"
        countries = ["*"]
        category = Category.MODULE
        requires = ">=0.1,<1"
        config_schema = EmploymentSettings
        description = _(
            "Register job seekers (with consent) and vacancies, match them, refer candidates "
            "and record placements; the figures feed the labour market indicators."
        )
