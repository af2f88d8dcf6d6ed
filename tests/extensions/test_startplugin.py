"""`startplugin` output installs, passes the conformance checks and shows a page when active."""

import importlib
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings

from labourhub.accounts.roles import Role
from labourhub.testing.conformance import check_plugin_package
from tenants.context import ministry_context

pytestmark = pytest.mark.multi_tenant


@pytest.fixture
def generated(tmp_path):
    call_command("startplugin", "hn", "child-labour", directory=str(tmp_path))
    root = tmp_path / "labourhub-plugin-hn-child-labour"
    sys.path.insert(0, str(root / "src"))
    yield root
    sys.path.remove(str(root / "src"))
    for name in [m for m in sys.modules if m.startswith("labourhub_hn_child_labour")]:
        del sys.modules[name]


def test_scaffold_passes_the_static_conformance_checks(generated):
    assert check_plugin_package(generated / "src" / "labourhub_hn_child_labour") == []
    assert (generated / "tests" / "test_hn_child_labour_plugin.py").exists()


def test_scaffold_builds_as_a_distribution(generated, tmp_path):
    # The same build the Makefile's `pip install -e plugins/*/` performs.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "-w",
            str(tmp_path / "dist"),
            str(generated),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    wheels = list((tmp_path / "dist").glob("labourhub_plugin_hn_child_labour-0.1.0-*.whl"))
    assert len(wheels) == 1
    import zipfile

    names = zipfile.ZipFile(wheels[0]).namelist()
    assert "labourhub_hn_child_labour/templates/labourhub_hn_child_labour/index.html" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheels[0]).read(entry_points).decode()
    assert "[labourhub.plugins]" in text and "labourhub_hn_child_labour.hooks" in text


def test_scaffold_page_shows_only_where_activated(
    generated, ministry, second_ministry, register_temporary_plugin, client_for
):
    # Installing it as an app would reload every URLconf (Wagtail's API refuses a re-mount), so
    # the test serves its templates directory the way the app loader would.
    templates = generated / "src" / "labourhub_hn_child_labour" / "templates"
    engine = {**settings.TEMPLATES[0], "DIRS": [str(templates)]}
    with override_settings(TEMPLATES=[engine]):
        hooks = importlib.import_module("labourhub_hn_child_labour.hooks")
        register_temporary_plugin(hooks, "hn-child-labour", active_for=(ministry,))
        from labourhub.accounts.services import user_create
        from labourhub.testing.pytest_plugin import TEST_PASSWORD

        pages = {}
        for target in (ministry, second_ministry):
            client = client_for(target)
            with ministry_context(target):
                user = user_create(
                    username=f"sa-{target.schema_name}",
                    password=TEST_PASSWORD,
                    roles=[Role.SYSTEM_ADMIN],
                    actor=None,
                )
                client.force_login(user)
            pages[target.schema_name] = client.get("/app/x/hn-child-labour/")
    assert pages["test"].status_code == 200
    assert "hn-child-labour" in pages["test"].content.decode()
    assert pages["test2"].status_code == 404


def test_scaffold_refuses_bad_names_and_existing_directories(tmp_path):
    with pytest.raises(CommandError):
        call_command("startplugin", "honduras", "x", directory=str(tmp_path))
    with pytest.raises(CommandError):
        call_command("startplugin", "hn", "Bad Name!", directory=str(tmp_path))
    call_command("startplugin", "xx", "reports", directory=str(tmp_path))
    with pytest.raises(CommandError, match="already exists"):
        call_command("startplugin", "xx", "reports", directory=str(tmp_path))
