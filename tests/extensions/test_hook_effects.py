"""Each hookspec has a collected test of its effect (see tests/extensions/effects.py)."""

import json
import subprocess
import sys
import types
from pathlib import Path

import pluggy
import pytest

from labourhub.extensions import hookspecs
from tests.extensions.effects import (
    hook_names_collected_script,
    hooks_without_effect_tests,
    hookspec_names,
)

ROOT = Path(__file__).resolve().parents[2]


def _collected_marks(tmp_path: Path) -> set[str]:
    """Collect the whole suite (tests and every plugin's tests) in a fresh pytest run."""
    out = tmp_path / "marks.json"
    result = subprocess.run(
        [sys.executable, "-c", hook_names_collected_script(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return set(json.loads(out.read_text(encoding="utf-8")))


@pytest.mark.slow
def test_plugin_hooks_have_effect_tests(tmp_path):
    missing = hooks_without_effect_tests(hookspec_names(hookspecs), _collected_marks(tmp_path))
    assert missing == [], f"hookspecs without an @effect_of test: {missing}"


def test_a_new_hookspec_without_an_effect_test_is_reported():
    spec = pluggy.HookspecMarker("labourhub")
    synthetic = types.ModuleType("synthetic_hookspecs")

    @spec
    def register_widgets(tenant):
        """Return widgets."""

    @spec
    def register_gadgets(tenant):
        """Return gadgets."""

    synthetic.register_widgets = register_widgets
    synthetic.register_gadgets = register_gadgets
    names = hookspec_names(synthetic)
    assert names == {"register_widgets", "register_gadgets"}
    assert hooks_without_effect_tests(names, {"register_gadgets"}) == ["register_widgets"]
    assert hooks_without_effect_tests(names, names) == []
