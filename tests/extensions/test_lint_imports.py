"""The generated import contracts cover every plugin under plugins/, with no list to edit."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "infra"))
import lint_imports  # noqa: E402

PYPROJECT = """
[tool.importlinter]
root_packages = ["labourhub"]
include_external_packages = true
"""


def _package(path: Path, source: str = "") -> None:
    path.mkdir(parents=True, exist_ok=True)
    (path / "__init__.py").write_text(source, encoding="utf-8")


def _project(tmp_path: Path, plugin_source: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    core = tmp_path / "platform" / "labourhub"
    _package(core)
    _package(core / "plugin_api", "from labourhub import accounts\n")
    _package(core / "accounts")
    _package(
        tmp_path / "plugins" / "labourhub-plugin-lc-a" / "src" / "labourhub_lc_a", plugin_source
    )
    _package(tmp_path / "plugins" / "labourhub-plugin-vn-b" / "src" / "labourhub_vn_b")
    return tmp_path


def test_every_plugin_directory_becomes_a_root_package_and_a_contract(tmp_path):
    root = _project(tmp_path, "")
    found = lint_imports.plugin_packages(root / "plugins")
    assert sorted(found) == ["labourhub_lc_a", "labourhub_vn_b"]
    config = lint_imports.contracts_for(
        base={"root_packages": ["labourhub"], "contracts": []},
        packages=sorted(found),
        core_modules=lint_imports.core_modules_besides_facade(root / "platform"),
    )
    assert config["root_packages"] == ["labourhub", "labourhub_lc_a", "labourhub_vn_b"]
    facade_rule = config["contracts"][1]
    assert facade_rule["source_modules"] == ["labourhub_lc_a", "labourhub_vn_b"]
    assert "labourhub.accounts" in facade_rule["forbidden_modules"]
    assert not any("plugin_api" in m for m in facade_rule["forbidden_modules"])


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    script = f"import sys; sys.path.insert(0, {str(ROOT / 'infra')!r}); import lint_imports; "
    script += f"from pathlib import Path; sys.exit(lint_imports.main(Path({str(root)!r})))"
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_plugin_reaching_past_the_facade_breaks_the_contract(tmp_path):
    bad = _lint(_project(tmp_path, "from labourhub import accounts\n"))
    assert bad.returncode != 0, bad.stdout
    assert "labourhub_lc_a is not allowed to import labourhub.accounts" in bad.stdout


def test_a_plugin_using_the_facade_keeps_the_contract(tmp_path):
    good = _lint(_project(tmp_path, "from labourhub import plugin_api\n"))
    assert good.returncode == 0, good.stdout + good.stderr
