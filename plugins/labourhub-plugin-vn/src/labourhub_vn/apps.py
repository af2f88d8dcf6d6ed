from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import Category, PluginAppConfig
from labourhub.plugin_api import PluginMeta as BaseMeta


class VietnamPackConfig(PluginAppConfig):
    # apps.py also imports PluginAppConfig; Django must know which AppConfig is the plugin's.
    default = True
    name = "labourhub_vn"
    label = "vn_pack"
    verbose_name = _("Vietnam country pack")
    default_auto_field = "django.db.models.BigAutoField"

    class PluginMeta(BaseMeta):
        slug = "vn-pack"
        name = _("Vietnam country pack")
        version = "0.1.0"
        countries = ["VN"]
        category = Category.PROCEDURE
        requires = ">=0.1,<1"
        description = _(
            "Vietnamese labour law: inspection decision, inspection, record of the "
            "administrative violation, penalty decision and complaint with their legal time "
            "limits, the national holiday calendar, fines in VND from Decree 12/2022, "
            "checklists and documents in Vietnamese."
        )
