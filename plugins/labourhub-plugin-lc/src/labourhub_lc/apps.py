from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import Category, PluginAppConfig
from labourhub.plugin_api import PluginMeta as BaseMeta


class SaintLuciaPackConfig(PluginAppConfig):
    # apps.py also imports PluginAppConfig; Django must know which AppConfig is the plugin's.
    default = True
    name = "labourhub_lc"
    label = "lc_pack"
    verbose_name = _("Saint Lucia country pack")
    default_auto_field = "django.db.models.BigAutoField"

    class PluginMeta(BaseMeta):
        slug = "lc-pack"
        name = _("Saint Lucia country pack")
        version = "0.1.0"
        countries = ["LC"]
        category = Category.PROCEDURE
        requires = ">=0.1,<1"
        description = _(
            "Saint Lucian labour law: inspections, orders to comply and prosecutions under the "
            "Labour Act, the Labour Commissioner's handling of individual disputes with its time "
            "limits, the national holiday calendar, fines in Eastern Caribbean dollars, "
            "checklists and documents."
        )
