"""Every hookspec needs a test proving its effect on the product, not only that it is called.

A test marks itself with ``@effect_of("register_checklists")`` (the ``hook_effect`` marker);
``test_hook_effects.py`` collects the suite and fails for any hookspec no collected test marks.
"""

import inspect
from collections.abc import Iterable
from types import ModuleType
from typing import Any

import pytest

MARKER = "hook_effect"


def effect_of(hook_name: str) -> Any:
    return getattr(pytest.mark, MARKER)(hook_name)


def hookspec_names(module: ModuleType, project: str = "labourhub") -> set[str]:
    """Names of the hookspecs declared in ``module``."""
    return {
        name
        for name, value in vars(module).items()
        if inspect.isfunction(value) and hasattr(value, f"{project}_spec")
    }


def marked_hooks(items: Iterable[Any]) -> set[str]:
    """Hook names marked on collected pytest items."""
    return {mark.args[0] for item in items for mark in item.iter_markers(MARKER) if mark.args}


def hooks_without_effect_tests(specs: set[str], marked: set[str]) -> list[str]:
    return sorted(specs - marked)


def hook_names_collected_script(out: Any) -> str:
    """Python source that collects the suite and writes the marked hook names to ``out``."""
    return f"""
import json, sys
import pytest
from tests.extensions.effects import marked_hooks

class Recorder:
    names = set()
    def pytest_collection_finish(self, session):
        Recorder.names = marked_hooks(session.items)

code = pytest.main(["--collect-only", "-q", "-p", "no:randomly", "tests", "plugins"],
                   plugins=[Recorder()])
json.dump(sorted(Recorder.names), open({str(out)!r}, "w"))
sys.exit(0 if code in (0, 5) else int(code))
"""
