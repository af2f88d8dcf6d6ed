"""`make run` and production settings: DEBUG off, loopback bind, own secret key, HTTPS only."""

import json
import os
import stat
import subprocess
import sys

import pytest

from tests.test_object_storage_persistence import ROOT, devstack

DEFAULT_KEY = "dev-only-insecure-key-change-me"


def settings_of(module: str, names: list[str], **env: str) -> dict[str, object]:
    code = (
        f"import json, importlib; m = importlib.import_module({module!r}); "
        f"print(json.dumps({{n: getattr(m, n, None) for n in {names!r}}}, default=str))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "PYTHONPATH": str(ROOT / "platform"), **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def test_make_run_serves_on_loopback_unless_asked(tmp_path, monkeypatch):
    stack = devstack()
    monkeypatch.setattr(stack, "RUN", tmp_path)
    web = stack.procfile({"PORT": "8000"}).read_text().splitlines()[0]
    assert "-b 127.0.0.1:8000" in web and "0.0.0.0" not in web
    web = stack.procfile({"PORT": "8000", "BIND": "0.0.0.0"}).read_text().splitlines()[0]
    assert "-b 0.0.0.0:8000" in web


def test_each_installation_gets_its_own_secret_key_kept_in_run(tmp_path, monkeypatch):
    stack = devstack()
    monkeypatch.setattr(stack, "RUN", tmp_path)
    first: dict[str, str] = {}
    stack.ensure_secret_key(first)
    again: dict[str, str] = {}
    stack.ensure_secret_key(again)
    key_file = tmp_path / "secret_key"
    assert first["SECRET_KEY"] == again["SECRET_KEY"] == key_file.read_text().strip()
    assert len(first["SECRET_KEY"]) >= 50 and first["SECRET_KEY"] != DEFAULT_KEY
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    given = {"SECRET_KEY": "from-the-environment"}
    stack.ensure_secret_key(given)
    assert given["SECRET_KEY"] == "from-the-environment"


def test_make_run_profile_has_debug_off_and_needs_a_key():
    values = settings_of(
        "labourhub.config.settings.local", ["DEBUG", "SECRET_KEY"], SECRET_KEY="k" * 50
    )
    assert values == {"DEBUG": False, "SECRET_KEY": "k" * 50}
    # Even DEBUG=1 in a stray .env cannot turn the traceback pages back on here.
    assert (
        settings_of("labourhub.config.settings.local", ["DEBUG"], SECRET_KEY="k", DEBUG="1")[
            "DEBUG"
        ]
        is False
    )


def test_the_published_development_key_is_refused_outside_dev_and_tests():
    for module in ("labourhub.config.settings.local", "labourhub.config.settings.prod"):
        with pytest.raises(subprocess.CalledProcessError) as exc:
            settings_of(
                module,
                ["DEBUG"],
                SECRET_KEY=DEFAULT_KEY,
                ALLOWED_HOSTS="x",
                DATABASE_URL="postgres://u@db/x",
            )
        assert "published development key" in exc.value.stderr


def test_production_forces_https_with_hsts():
    values = settings_of(
        "labourhub.config.settings.prod",
        [
            "DEBUG",
            "SECURE_SSL_REDIRECT",
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SESSION_COOKIE_SECURE",
            "DOCUMENT_SIGNING_DEMO_CA",
        ],
        SECRET_KEY="k" * 50,
        ALLOWED_HOSTS="labour.example",
        DATABASE_URL="postgres://u@db/labourhub",
    )
    assert values == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 365 * 24 * 60 * 60,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SESSION_COOKIE_SECURE": True,
        "DOCUMENT_SIGNING_DEMO_CA": False,
    }


def test_whole_suite_runs_in_two_halves_but_a_chosen_test_in_one():
    stack = devstack()
    # CI's arguments and the README's: the whole suite, so the live tests get their own process.
    assert not stack.chooses_tests(["--create-db"])
    assert not stack.chooses_tests(["-q", "--create-db", "-p", "no:cacheprovider"])
    # A path, a node id, a marker or a keyword picks tests: one process, as asked.
    assert stack.chooses_tests(["tests/web"])
    assert stack.chooses_tests(["-q", "tests/test_layout.py::test_x"])
    assert stack.chooses_tests(["-m", "live"])
    assert stack.chooses_tests(["-k", "sweep"])
    assert stack.chooses_tests(["--lf"])
    assert not stack.chooses_tests(["no-such-directory"])


def test_the_live_half_keeps_its_own_database_redis_bucket_and_secrets(tmp_path, monkeypatch):
    stack = devstack()
    monkeypatch.setattr(stack, "RUN", tmp_path)
    assert stack.redis_database("redis://127.0.0.1:6390/0", 1) == "redis://127.0.0.1:6390/1"
    assert stack.redis_database("redis://127.0.0.1:6390", 1) == "redis://127.0.0.1:6390/1"
    env = {"REDIS_URL": "redis://127.0.0.1:6390/0", "S3_BUCKET": "lh", "DATABASE_URL": "x"}
    live = stack.live_half_env(env)
    assert live["TEST_DB_NAME"] != env.get("TEST_DB_NAME")
    assert live["REDIS_URL"] == "redis://127.0.0.1:6390/1"
    assert live["S3_BUCKET"] == "lh-live"
    assert live["SECRETS_DIR"] == str(tmp_path / "secrets-test-live")
    assert env["REDIS_URL"].endswith("/0"), "the other half's environment is left as it was"
    settings = settings_of(
        "labourhub.config.settings.test", ["SECRETS_DIR"], SECRETS_DIR=live["SECRETS_DIR"]
    )
    assert str(settings["SECRETS_DIR"]) == live["SECRETS_DIR"]
