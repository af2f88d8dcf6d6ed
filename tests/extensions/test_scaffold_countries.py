"""`startplugin` works for any country: three generated plugins install, pass their own tests
and the conformance suite, and are ruff, ruff-format and mypy clean, with no edits."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
# One name long enough that a careless template line would pass the 100-character limit.
PLUGINS = [
    ("lc", "osh-checklist"),
    ("vn", "labour-contract-registration-follow-ups"),
    ("ph", "dole"),
]
TIMEOUT = 900


def _run(args, **kw):
    result = subprocess.run(
        args, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, check=False, **kw
    )
    errors = [line for line in result.stdout.splitlines() if line.startswith("E  ")][:40]
    assert result.returncode == 0, (
        f"{' '.join(map(str, args))}\n" + "\n".join(errors) + f"\n{result.stdout[-3000:]}"
        f"\n{result.stderr[-3000:]}"
    )
    return result


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    base = tmp_path_factory.mktemp("scaffolds")
    dists = []
    for cc, name in PLUGINS:
        call_command("startplugin", cc, name, directory=str(base))
        dists.append(base / f"labourhub-plugin-{cc}-{name}")
    # A real (non-editable) install of each distribution into its own directory: the wheel's
    # entry points are what the settings discover, and the shared virtualenv stays untouched.
    site = base / "site"
    _run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", site, *dists])
    return dists, site


@pytest.mark.slow
def test_generated_plugins_pass_their_own_tests_and_the_conformance_suite(generated):
    dists, site = generated
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT / "platform")])}
    for dist in dists:
        # Each plugin on its own, under the repository's pytest configuration, as `make test`
        # runs plugins/*/tests (it reuses the test database instead of recreating it).
        result = _run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:randomly",
                "-c",
                ROOT / "pyproject.toml",
                "--rootdir",
                ROOT,
                dist / "tests",
            ],
            env=env,
        )
        # 2 own tests + 5 conformance checks; none skipped.
        assert "7 passed" in result.stdout, result.stdout[-2000:]
        assert "skipped" not in result.stdout


@pytest.mark.slow
def test_generated_plugins_are_lint_and_type_clean(generated):
    dists, _site = generated
    config = ROOT / "pyproject.toml"
    ruff = Path(sys.executable).parent / "ruff"
    _run([ruff, "check", "--config", config, "--no-cache", *dists])
    _run([ruff, "format", "--check", "--config", config, "--no-cache", *dists])
    sources = [d / "src" for d in dists]
    env = {**os.environ, "MYPYPATH": os.pathsep.join(map(str, sources))}
    mypy = Path(sys.executable).parent / "mypy"
    _run([mypy, "--config-file", config, *sources], env=env)


def test_the_test_ministry_takes_the_plugin_s_country(generated):
    from labourhub.testing.pytest_plugin import _plugin_apps_of

    dists, _site = generated
    assert _plugin_apps_of(dists[0] / "tests") == ("labourhub_lc_osh_checklist",)
    assert _plugin_apps_of(ROOT / "tests") == ()
