"""docs/plugins/tutorial.md builds a working plugin: its Python blocks are the plugin's files.

The test writes every block to the file named on its first line, imports the package, and runs
the tutorial's own test functions with the kit's fixtures.
"""

import importlib
import inspect
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "plugins" / "tutorial.md"
DOCS = [DOC, ROOT / "docs" / "plugins" / "hooks.md", ROOT / "docs" / "plugins" / "api.md"]
BLOCK = re.compile(r"```python\n(.*?)```", re.S)
PACKAGE = "labourhub_lc_work_permits"


def _files() -> dict[str, str]:
    files = {}
    for block in BLOCK.findall(DOC.read_text(encoding="utf-8")):
        first, _newline, _rest = block.partition("\n")
        assert first.startswith("# file: "), f"a tutorial block must name its file: {first!r}"
        files[first.removeprefix("# file: ").strip()] = block
    return files


@pytest.fixture
def tutorial_plugin(tmp_path):
    for relative, text in _files().items():
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (tmp_path / "src" / PACKAGE / "__init__.py").write_text("", encoding="utf-8")
    sys.path[:0] = [str(tmp_path / "src"), str(tmp_path / "tests")]
    yield tmp_path
    sys.path.remove(str(tmp_path / "src"))
    sys.path.remove(str(tmp_path / "tests"))
    for name in [m for m in sys.modules if m.startswith((PACKAGE, "test_work"))]:
        del sys.modules[name]


def test_the_tutorial_blocks_are_a_plugin_whose_tests_pass(
    tutorial_plugin, request, ministry, user_with_role, register_temporary_plugin
):
    # The fixtures above are set up before the body (the database first); the tutorial's tests
    # receive them by name.
    assert set(_files()) >= {
        f"src/{PACKAGE}/apps.py",
        f"src/{PACKAGE}/hooks.py",
        f"src/{PACKAGE}/services.py",
        f"src/{PACKAGE}/views.py",
        "tests/test_work_permits.py",
    }
    for module in ("apps", "hooks", "services", "views", "urls"):
        importlib.import_module(f"{PACKAGE}.{module}")
    tests = importlib.import_module("test_work_permits")
    ran = 0
    for name, function in vars(tests).items():
        if name.startswith("test_") and inspect.isfunction(function):
            args = {a: request.getfixturevalue(a) for a in inspect.signature(function).parameters}
            function(**args)
            ran += 1
    assert ran >= 1


def test_the_plugin_docs_stand_alone():
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert not re.search(r"\bR\d{1,2}\b", text), f"{doc.name} cites a rule number"
        assert "/work/" not in text and "shared/design" not in text, doc.name
        for link in re.findall(r"\]\(([^)#]+)\)", text):
            if not link.startswith("http"):
                assert (doc.parent / link).exists(), f"{doc.name} links to missing {link}"
