from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import Category, PluginAppConfig
from labourhub.plugin_api import PluginMeta as BaseMeta


class ColombiaPackConfig(PluginAppConfig):
    # apps.py also imports PluginAppConfig; Django must know which AppConfig is the plugin's.
    default = True
    name = "labourhub_co"
    label = "co_pack"
    verbose_name = _("Colombia country pack")
    default_auto_field = "django.db.models.BigAutoField"

    class PluginMeta(BaseMeta):
        slug = "co-pack"
        name = _("Colombia country pack")
        version = "0.1.0"
        countries = ["CO"]
        category = Category.PROCEDURE
        requires = ">=0.1,<1"
        description = _(
            "Colombian labour law: the administrative sanction procedure with its legal time "
            "limits, the national holiday calendar, fines in minimum monthly wages, checklists "
            "and documents in Spanish."
        )
