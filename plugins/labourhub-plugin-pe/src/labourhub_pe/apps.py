"""Peru country pack: the SUNAFIL inspection and sanction procedure, calendar and fines."""

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import Category, PluginAppConfig
from labourhub.plugin_api import PluginMeta as BaseMeta


class PeruPackConfig(PluginAppConfig):
    # apps.py also imports PluginAppConfig; Django must know which AppConfig is the plugin's.
    default = True
    name = "labourhub_pe"
    label = "pe_pack"
    verbose_name = _("Peru country pack")
    default_auto_field = "django.db.models.BigAutoField"

    class PluginMeta(BaseMeta):
        slug = "pe-pack"
        name = _("Peru country pack")
        version = "0.1.0"
        countries = ["PE"]
        category = Category.PROCEDURE
        requires = ">=0.1,<1"
        description = _(
            "Peruvian labour law: the inspection and two-phase sanction procedure with its time "
            "limits, the national holiday calendar, fines in tax units (UIT) by severity, company "
            "size and workers affected, checklists and documents in Spanish."
        )
