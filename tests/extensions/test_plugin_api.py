"""The facade: one export list, every name resolves, static and lazy exports agree."""

import ast
import importlib
import warnings
from pathlib import Path

import pytest

import labourhub.plugin_api as api

SOURCE = Path(api.__file__).read_text(encoding="utf-8")


def test_every_export_resolves_to_its_declared_module():
    for name, module in api.EXPORTS.items():
        assert getattr(api, name) is getattr(importlib.import_module(module), name), name


def test_static_imports_match_the_export_list():
    tree = ast.parse(SOURCE)
    guarded = next(n for n in tree.body if isinstance(n, ast.If))
    static = {
        alias.name: node.module
        for node in guarded.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert static == api.EXPORTS


def test_an_unknown_name_says_where_to_look():
    with pytest.raises(AttributeError, match=r"docs/plugins/api\.md"):
        api.no_such_thing  # noqa: B018


def test_a_deprecated_name_still_works_and_warns(monkeypatch):
    monkeypatch.setitem(api.EXPORTS, "old_case_open", "labourhub.workflow.services")
    monkeypatch.setitem(api.DEPRECATED, "old_case_open", ("case_open", "2.0.0"))
    import labourhub.workflow.services as services

    monkeypatch.setattr(services, "old_case_open", services.case_open, raising=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert api.__getattr__("old_case_open") is services.case_open
    assert any("case_open" in str(w.message) and "2.0.0" in str(w.message) for w in caught)
    api.__dict__.pop("old_case_open", None)


def test_the_facade_has_a_semantic_version():
    parts = [int(p) for p in api.__version__.split(".")]
    assert len(parts) == 3 and parts[0] >= 1
