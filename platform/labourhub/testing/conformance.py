"""The conformance suite a plugin runs against itself before the coordination unit accepts it.

Static checks (no database) are plain functions returning a list of problems, so CI and the
``startplugin`` test can run them on a plugin that is not installed. ``PluginConformance`` wraps
them, plus the isolation check that needs two ministries, as pytest tests::

    from labourhub.testing.conformance import PluginConformance

    class TestConformance(PluginConformance):
        app_label = "hn_trade_unions"
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pluggy

from labourhub.extensions import hookspecs
from labourhub.extensions.plugin import PluginAppConfig, core_version, meta_problems

LABEL_RE = re.compile(r"^[a-z]{2}_[a-z0-9_]+$")


def check_metadata(config_cls: type[Any]) -> list[str]:
    problems: list[str] = []
    if not issubclass(config_cls, PluginAppConfig):
        return [f"{config_cls.__name__} must subclass labourhub.extensions.plugin.PluginAppConfig."]
    if not getattr(config_cls, "default", False):
        problems.append(f"{config_cls.__name__} must set default = True so Django picks it.")
    label = getattr(config_cls, "label", "") or ""
    if not LABEL_RE.match(label):
        problems.append(f"AppConfig.label {label!r} must be '<cc>_<module>', e.g. 'hn_unions'.")
    return problems + meta_problems(config_cls.PluginMeta, core=core_version())


def check_hook_signatures(hooks_module: ModuleType) -> list[str]:
    """Every @hookimpl must name a hookspec and take only arguments the spec has."""
    manager = pluggy.PluginManager("labourhub")
    manager.add_hookspecs(hookspecs)
    try:
        manager.register(hooks_module, name="under-test")
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        return [str(exc)]
    impls = [
        name for name in dir(hooks_module) if hasattr(getattr(hooks_module, name), "labourhub_impl")
    ]
    if not impls:
        return [f"{hooks_module.__name__} has no @hookimpl functions."]
    return []


def _core_labels() -> set[str]:
    from django.apps import apps

    return {c.label for c in apps.get_app_configs() if not isinstance(c, PluginAppConfig)}


def check_migrations(package: ModuleType, own_label: str) -> list[str]:
    """Migrations may depend on core apps and on their own app only."""
    try:
        migrations = importlib.import_module(f"{package.__name__}.migrations")
    except ModuleNotFoundError:
        return []
    core = _core_labels()
    problems: list[str] = []
    for info in pkgutil.iter_modules(migrations.__path__):
        module = importlib.import_module(f"{migrations.__name__}.{info.name}")
        migration = getattr(module, "Migration", None)
        problems.extend(
            f"Migration {info.name} depends on {app_label!r}, which is not a core app; plugins "
            "may depend only on the core."
            for app_label, _name in getattr(migration, "dependencies", [])
            if app_label not in (own_label, "__setting__") and app_label not in core
        )
        if info.name[5:].startswith("auto_"):
            problems.append(f"Migration {info.name} needs a descriptive name.")
    return problems


def check_namespaced_files(package_dir: Path, package_name: str) -> list[str]:
    """Templates and static files live under a directory named after the package."""
    problems: list[str] = []
    for kind in ("templates", "static"):
        root = package_dir / kind
        if root.is_dir():
            problems.extend(
                f"{kind}/{path.relative_to(root)} must be under {kind}/{package_name}/ so it "
                "cannot override the core's."
                for path in root.rglob("*")
                if path.is_file() and path.relative_to(root).parts[0] != package_name
            )
    return problems


def check_plugin_package(package_dir: Path) -> list[str]:
    """All static checks on an importable plugin package directory."""
    package_name = package_dir.name
    package = importlib.import_module(package_name)
    apps_module = importlib.import_module(f"{package_name}.apps")
    configs = [
        v
        for v in vars(apps_module).values()
        if isinstance(v, type) and issubclass(v, PluginAppConfig) and v is not PluginAppConfig
    ]
    if len(configs) != 1:
        return [f"{package_name}.apps must define exactly one PluginAppConfig subclass."]
    config_cls = configs[0]
    hooks = importlib.import_module(config_cls.hooks_module or f"{package_name}.hooks")
    return (
        check_metadata(config_cls)
        + check_hook_signatures(hooks)
        + check_migrations(package, config_cls.label)
        + check_namespaced_files(package_dir, package_name)
    )


class PluginConformance:
    """Subclass in a plugin's tests and set ``app_label``; pytest runs every check."""

    app_label: str = ""

    def _config(self) -> Any:
        from django.apps import apps

        return apps.get_app_config(self.app_label)

    def test_metadata_and_declared_compatibility(self) -> None:
        assert check_metadata(type(self._config())) == []

    def test_hook_signatures(self) -> None:
        config = self._config()
        assert check_hook_signatures(importlib.import_module(config.hooks_path)) == []

    def test_migrations_depend_only_on_the_core(self) -> None:
        config = self._config()
        assert check_migrations(config.module, config.label) == []

    def test_templates_and_static_are_namespaced(self) -> None:
        config = self._config()
        assert check_namespaced_files(Path(config.path), config.module.__name__) == []

    def test_isolation_between_ministries(
        self, ministry: Any, second_ministry: Any, enable_plugin: Any, client_for: Any
    ) -> None:
        """Active in one ministry, the plugin contributes nothing to the other."""
        from labourhub.extensions import flatten, hooks_for
        from labourhub.extensions.manager import single_plugin_caller

        slug = self._config().PluginMeta.slug
        register_hooks = [
            n
            for n in dir(hookspecs)
            if n.startswith("register_")
            and n
            not in (
                "register_menu_items",
                "register_home_panels",
                "register_urls",
                "register_api_urls",
            )
        ]
        before = {
            h: len(flatten(getattr(hooks_for(second_ministry), h)(tenant=second_ministry)))
            for h in register_hooks
        }
        enable_plugin(slug)
        after = {
            h: len(flatten(getattr(hooks_for(second_ministry), h)(tenant=second_ministry)))
            for h in register_hooks
        }
        assert after == before
        patterns = flatten(single_plugin_caller(slug, "register_urls")(tenant=None))
        client = client_for(second_ministry)
        for pattern in patterns:
            route = str(pattern.pattern)
            if "<" in route:
                continue  # needs an object id; the page list is enough to prove the mount
            assert client.get(f"/app/x/{slug}/{route}").status_code == 404, route
