from django.utils.translation import gettext_lazy as _

from labourhub.plugin_api import Category, PluginAppConfig
from labourhub.plugin_api import PluginMeta as BaseMeta


class ParaguayPackConfig(PluginAppConfig):
    # apps.py also imports PluginAppConfig; Django must know which AppConfig is the plugin's.
    default = True
    name = "labourhub_py"
    label = "py_pack"
    verbose_name = _("Paraguay country pack")
    default_auto_field = "django.db.models.BigAutoField"

    class PluginMeta(BaseMeta):
        slug = "py-pack"
        name = _("Paraguay country pack")
        version = "0.1.0"
        countries = ["PY"]
        category = Category.PROCEDURE
        requires = ">=0.1,<1"
        description = _(
            "Paraguayan labour law: the inspection procedure authorised by the Minister, with "
            "its time limits, the national holiday calendar, fines in minimum daily wages, "
            "checklists and documents in Spanish."
        )
