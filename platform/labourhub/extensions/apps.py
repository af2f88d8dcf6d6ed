from django.apps import AppConfig
from django.conf import settings


class ExtensionsConfig(AppConfig):
    """Registers the hook modules of discovered plugins once every app is loaded."""

    name = "labourhub.extensions"
    label = "extensions"

    def ready(self) -> None:
        # The test suite registers plugins explicitly (enable_plugin fixture), so what is
        # pip-installed on a developer's machine cannot change test outcomes.
        from labourhub.config.settings import plugins as discovered

        if not getattr(settings, "PLUGINS_AUTOLOAD", discovered.PLUGINS_AUTOLOAD):
            return
        import importlib

        from labourhub.extensions.manager import register_plugin
        from labourhub.extensions.registry import plugin_app_configs

        by_app = {c.name: slug for slug, c in plugin_app_configs().items()}
        for app_name, hooks_path in getattr(
            settings, "PLUGIN_HOOKS", discovered.PLUGIN_HOOKS
        ).items():
            slug = by_app.get(app_name)
            if slug is None:
                raise RuntimeError(
                    f"Entry point {app_name!r} in 'labourhub.plugins' is not a "
                    "PluginAppConfig app; its AppConfig must subclass "
                    "labourhub.extensions.plugin.PluginAppConfig and set "
                    "default = True."
                )
            register_plugin(importlib.import_module(hooks_path), slug)
