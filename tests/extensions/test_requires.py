"""A plugin whose ``requires`` excludes the running core refuses to load, naming both versions."""

import types

import pytest

from labourhub.extensions.plugin import (
    IncompatiblePlugin,
    PluginAppConfig,
    PluginMeta,
    core_version,
    meta_problems,
)


def _app_config(requires):
    class Meta(PluginMeta):
        slug = "too-new"
        version = "2.0.0"

    Meta.requires = requires

    class TooNewConfig(PluginAppConfig):
        name = "too_new_plugin"
        PluginMeta = Meta

    module = types.ModuleType("too_new_plugin")
    module.__file__ = "/nonexistent/too_new_plugin/__init__.py"
    module.__path__ = ["/nonexistent/too_new_plugin"]
    return TooNewConfig, module


def test_incompatible_plugin_refuses_to_load_naming_both_versions():
    config_cls, module = _app_config(">=7.0,<8")
    with pytest.raises(IncompatiblePlugin) as exc:
        config_cls("too_new_plugin", module)
    message = str(exc.value)
    assert ">=7.0,<8" in message
    assert core_version() in message
    assert "too-new" in message


def test_compatible_plugin_loads():
    config_cls, module = _app_config(f"=={core_version()}")
    assert config_cls("too_new_plugin", module).PluginMeta.slug == "too-new"


def test_metadata_problems_are_all_reported():
    class Bad(PluginMeta):
        slug = "X"
        version = "one"
        countries = ["Honduras"]
        requires = "~~1"

    problems = meta_problems(Bad, core="0.1.0")
    assert len(problems) == 4, problems


def test_installed_plugin_requires_fits_the_core():
    from labourhub.extensions.registry import plugin_app_configs

    for slug, config in plugin_app_configs().items():
        assert meta_problems(config.PluginMeta, core=core_version()) == [], slug
