from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import Category, PluginAppConfig
from labourhub.plugin_api import PluginMeta as BaseMeta


class PhilippinesPackConfig(PluginAppConfig):
    # apps.py also imports PluginAppConfig; Django must know which AppConfig is the plugin's.
    default = True
    name = "labourhub_ph"
    label = "ph_pack"
    verbose_name = _("Philippines country pack")
    default_auto_field = "django.db.models.BigAutoField"

    class PluginMeta(BaseMeta):
        slug = "ph-pack"
        name = _("Philippines country pack")
        version = "0.1.0"
        countries = ["PH"]
        category = Category.PROCEDURE
        requires = ">=0.1,<1"
        description = _(
            "Philippine labour law: DOLE's labour standards enforcement from the Authority to "
            "Inspect to the Compliance Order and the appeal, with its time limits, the national "
            "holiday calendar, administrative fines in pesos, checklists and documents."
        )
