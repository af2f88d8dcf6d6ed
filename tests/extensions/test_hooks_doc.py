"""docs/plugins/hooks.md documents every hookspec with its exact signature (R31)."""

import inspect
import re
from pathlib import Path

from labourhub.extensions import hookspecs

DOC = Path(__file__).resolve().parents[2] / "docs" / "plugins" / "hooks.md"
HEADING = re.compile(r"^### `(\w+)\(([^)]*)\)`( \(firstresult\))?\s*$")


def _specs():
    specs = {}
    for name in dir(hookspecs):
        function = getattr(hookspecs, name)
        options = getattr(function, "labourhub_spec", None)
        if options is not None:
            specs[name] = (
                list(inspect.signature(function).parameters),
                bool(options.get("firstresult")),
                function,
            )
    return specs


def _documented():
    found = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = HEADING.match(line)
        if match:
            args = [a.strip() for a in match.group(2).split(",") if a.strip()]
            found[match.group(1)] = (args, bool(match.group(3)))
    return found


def test_every_hookspec_is_documented_with_its_signature():
    specs, documented = _specs(), _documented()
    assert sorted(documented) == sorted(specs)
    for name, (args, firstresult, _function) in specs.items():
        assert documented[name] == (args, firstresult), name


def test_every_hookspec_has_a_one_line_docstring_and_takes_tenant():
    for name, (args, _firstresult, function) in _specs().items():
        doc = (function.__doc__ or "").strip()
        assert doc and "\n" not in doc, name
        assert args[0] == "tenant", name


def test_the_issue_s_hook_families_are_all_present():
    names = set(_specs())
    assert {
        "register_procedure_types",
        "register_checklists",
        "register_document_templates",
        "register_assignment_rules",
        "register_case_fields",
        "register_menu_items",
        "register_urls",
        "register_api_urls",
        "register_report_definitions",
        "register_indicator_definitions",
        "case_opened",
        "case_status_changed",
        "case_closed",
        "plugin_is_available",
        "plugin_enabled",
        "plugin_disabled",
    } <= names
