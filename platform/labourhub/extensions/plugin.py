"""``PluginAppConfig``: a plugin's Django app config carries its metadata.

A plugin whose ``requires`` specifier excludes the running core refuses to load, naming both
versions, because a half-working plugin in a ministry is worse than a deployment that stops.
"""

from __future__ import annotations

import re
from enum import StrEnum
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as dist_version
from typing import Any, ClassVar

from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext, gettext_noop
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

import labourhub

SLUG_RE = re.compile(r"^[a-z][a-z0-9-]{1,48}[a-z0-9]$")


class Category(StrEnum):
    PROCEDURE = "procedure"
    MODULE = "module"
    INTEGRATION = "integration"
    REPORT = "report"
    CMS = "cms"


class IncompatiblePlugin(ImproperlyConfigured):
    """The plugin's ``requires`` excludes the core version it is being loaded into."""


def core_version() -> str:
    """The installed core's version; the package attribute when running from a source tree."""
    try:
        return dist_version("labourhub")
    except PackageNotFoundError:  # pragma: no cover - only without `pip install -e .`
        return labourhub.__version__


class PluginMeta:
    """Declared by each plugin as an inner class of its AppConfig; these are the defaults."""

    slug: ClassVar[str] = ""
    name: ClassVar[Any] = ""
    version: ClassVar[str] = "0.0.0"
    countries: ClassVar[list[str]] = ["*"]
    category: ClassVar[Category] = Category.MODULE
    requires: ClassVar[str] = ""
    # A pydantic model class validating per-ministry configuration, or None.
    config_schema: ClassVar[Any] = None
    # May the ministry's own system administrator switch it on, or only the coordination unit?
    ministry_admin_may_activate: ClassVar[bool] = False
    description: ClassVar[Any] = ""


ERR_REQUIRES_INVALID = gettext_noop(
    "Plugin '%(slug)s' declares an invalid core requirement '%(requires)s'."
)
ERR_CORE_INVALID = gettext_noop("The core version '%(core)s' is not a valid version.")
ERR_REQUIRES = gettext_noop(
    "Plugin '%(slug)s' requires labourhub%(requires)s but the core is %(core)s; "
    "install a release of the plugin built for labourhub %(core)s."
)


def requires_problem(
    *, slug: str, requires: str, core: str, translated: bool = False
) -> str | None:
    """Why a plugin with ``requires`` cannot run on ``core``, or None when it can.

    ``translated`` is for messages shown to operators; at boot (app loading) the translation
    machinery is not ready, so the English text is used.
    """
    params = {"slug": slug, "requires": requires, "core": core}
    message = None
    try:
        if Version(core) not in SpecifierSet(requires):
            message = ERR_REQUIRES
    except InvalidSpecifier:
        message = ERR_REQUIRES_INVALID
    except InvalidVersion:
        message = ERR_CORE_INVALID
    if message is None:
        return None
    return (gettext(message) if translated else message) % params


def meta_problems(meta: type[PluginMeta], *, core: str) -> list[str]:
    """Every reason the metadata is unusable (the conformance suite reports all of them)."""
    problems = []
    if not SLUG_RE.match(meta.slug or ""):
        problems.append(
            f"PluginMeta.slug {meta.slug!r} must be 3-50 lower-case letters, digits or hyphens."
        )
    if not meta.requires:
        problems.append(f"Plugin {meta.slug!r} must declare PluginMeta.requires, e.g. '>=0.1,<1'.")
    else:
        problem = requires_problem(slug=meta.slug, requires=meta.requires, core=core)
        if problem:
            problems.append(problem)
    try:
        Version(meta.version)
    except InvalidVersion:
        problems.append(f"PluginMeta.version {meta.version!r} is not a PEP 440 version.")
    if not meta.countries or any(
        c != "*" and not re.match(r"^[A-Z]{2}$", c) for c in meta.countries
    ):
        problems.append("PluginMeta.countries must list ISO 3166-1 alpha-2 codes, or ['*'].")
    if meta.category not in set(Category):
        problems.append(f"PluginMeta.category must be one of {', '.join(Category)}.")
    if meta.config_schema is not None and not hasattr(meta.config_schema, "model_validate"):
        problems.append("PluginMeta.config_schema must be a pydantic model class or None.")
    return problems


class PluginAppConfig(AppConfig):
    """Base class for every plugin's AppConfig; checks compatibility when Django loads it."""

    PluginMeta: ClassVar[type[PluginMeta]] = PluginMeta
    # The module of @hookimpl functions; defaults to "<package>.hooks".
    hooks_module: ClassVar[str] = ""

    def __init__(self, app_name: str, app_module: Any) -> None:
        super().__init__(app_name, app_module)
        meta = self.PluginMeta
        if not meta.slug:
            raise ImproperlyConfigured(f"{type(self).__name__} must define PluginMeta.slug.")
        problem = requires_problem(
            slug=meta.slug, requires=meta.requires or ">=0", core=core_version()
        )
        if problem:
            raise IncompatiblePlugin(problem)

    @property
    def hooks_path(self) -> str:
        from django.conf import settings

        from labourhub.config.settings import plugins as discovered

        hooks: dict[str, str] = getattr(settings, "PLUGIN_HOOKS", discovered.PLUGIN_HOOKS)
        return self.hooks_module or hooks.get(self.name) or f"{self.name}.hooks"
