"""Honduras country pack: the STSS inspection procedure, calendar and fines."""

from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import Category, PluginAppConfig
from labourhub.plugin_api import PluginMeta as BaseMeta


class HondurasPackConfig(PluginAppConfig):
    # apps.py also imports PluginAppConfig; Django must know which AppConfig is the plugin's.
    default = True
    name = "labourhub_hn"
    label = "hn_pack"
    verbose_name = _("Honduras country pack")
    default_auto_field = "django.db.models.BigAutoField"

    class PluginMeta(BaseMeta):
        slug = "hn-pack"
        name = _("Honduras country pack")
        version = "0.1.0"
        countries = ["HN"]
        category = Category.PROCEDURE
        requires = ">=0.1,<1"
        description = _(
            "Honduran labour law: the inspection procedure with requerimiento, re-inspection, "
            "sanction and conciliation, its time limits, the national holiday calendar, fines in "
            "lempiras, checklists and documents in Spanish."
        )
