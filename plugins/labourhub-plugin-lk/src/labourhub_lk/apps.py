from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import Category, PluginAppConfig
from labourhub.plugin_api import PluginMeta as BaseMeta


class SriLankaPackConfig(PluginAppConfig):
    # apps.py also imports PluginAppConfig; Django must know which AppConfig is the plugin's.
    default = True
    name = "labourhub_lk"
    label = "lk_pack"
    verbose_name = _("Sri Lanka country pack")
    default_auto_field = "django.db.models.BigAutoField"

    class PluginMeta(BaseMeta):
        slug = "lk-pack"
        name = _("Sri Lanka country pack")
        version = "0.1.0"
        countries = ["LK"]
        category = Category.PROCEDURE
        requires = ">=0.1,<1"
        description = _(
            "Sri Lankan labour law: inspection, notice to comply, compliance check and "
            "prosecution in the Magistrate's Court, the national holiday calendar with Poya "
            "days, checklists and documents in Sinhala with English."
        )
