"""The development data app is installed by the dev and test settings only, never by prod."""

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
from django.conf import settings
from django.core.management import get_commands
django.setup()
print(json.dumps({"apps": list(settings.INSTALLED_APPS), "commands": sorted(get_commands())}))
"""
DEV_COMMANDS = {"seed_demo", "registry_generate", "inspections_bench"}


def _settings(module: str) -> dict[str, list[str]]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "platform"),
        "DJANGO_SETTINGS_MODULE": module,
        "SECRET_KEY": "probe-only-not-a-secret-value-0123456789abcdef",
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": "postgres://probe@localhost:1/probe",
    }
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_production_settings_do_not_install_devtools_or_its_commands():
    prod = _settings("labourhub.config.settings.prod")
    assert "devtools" not in prod["apps"]
    assert not DEV_COMMANDS & set(prod["commands"])
    # the product's own commands are still there: the probe really listed them
    assert "provision_ministry" in prod["commands"]


@pytest.mark.parametrize("profile", ["dev", "local"])
def test_dev_settings_install_devtools_with_its_commands(profile):
    # `make run` uses the local profile and runs seed_demo: it must find the command.
    dev = _settings(f"labourhub.config.settings.{profile}")
    assert "devtools" in dev["apps"]
    assert set(dev["commands"]) >= DEV_COMMANDS


def test_devtools_is_not_packaged_with_the_product():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    assert not [p for p in include if p.startswith("devtools")]
    contracts = config["tool"]["importlinter"]["contracts"]
    assert [
        c
        for c in contracts
        if c["forbidden_modules"] == ["devtools"]
        and set(c["source_modules"]) == {"labourhub", "tenants", "cms"}
    ]
