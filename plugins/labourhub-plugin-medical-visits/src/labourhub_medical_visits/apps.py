from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel, Field

from labourhub.plugin_api import Category, PluginAppConfig
from labourhub.plugin_api import PluginMeta as BaseMeta


class MedicalVisitsSettings(BaseModel):
    """Per-ministry configuration, validated when the plugin is switched on."""

    model_config = {"extra": "forbid"}
    visit_prefix: str = Field(default="VM", pattern=r"^[A-Z][A-Z0-9-]{0,9}$")
    # The procedure an OSH finding opens a case in; the core's enforcement procedure by default,
    # or a country pack's inspection procedure (Honduras: "hn_inspeccion").
    finding_procedure: str = Field(default="enforcement", pattern=r"^[a-z][a-z0-9_]{1,59}$")


class MedicalVisitsConfig(PluginAppConfig):
    default = True
    name = "labourhub_medical_visits"
    label = "hn_medical_visits"
    verbose_name = _("Occupational medical visits")
    default_auto_field = "django.db.models.BigAutoField"

    class PluginMeta(BaseMeta):
        slug = "medical-visits"
        name = _("Occupational medical visits")
        version = "0.1.0"
        countries = ["HN"]
        category = Category.MODULE
        requires = ">=0.1,<1"
        config_schema = MedicalVisitsSettings
        description = _(
            "The occupational physician plans and records medical visits to establishments, "
            "issues numbered fitness certificates and raises OSH findings as cases. Health data "
            "is visible to physicians only and every read is audited."
        )
