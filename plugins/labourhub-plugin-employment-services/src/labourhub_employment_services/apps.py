from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, Field

from labourhub.plugin_api import Category, PluginAppConfig
from labourhub.plugin_api import PluginMeta as BaseMeta


class EmploymentSettings(BaseModel):
    """Per-ministry configuration, validated when the plugin is activated for a ministry."""

    model_config = {"extra": "forbid"}
    # How many candidates (or vacancies) a match list shows, best first.
    match_limit: int = Field(default=50, ge=5, le=200)
    # The ministry's retention rule: a job seeker's personal data is erased (statistics kept)
    # this many months after their last contact with the service, and this many days after
    # they withdrew consent to all processing.
    retention_months: int = Field(default=24, ge=1, le=120)
    withdrawn_grace_days: int = Field(default=30, ge=0, le=365)
    # The public list of published, open vacancies (no login), linked from the LMI website.
    public_vacancy_list: bool = False


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
