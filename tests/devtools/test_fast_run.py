"""`make run` serves sooner: unchanged steps are skipped, the first demo ministry is seeded
before serving and the others while it serves, each announced when ready."""

import os
import subprocess
import threading
from concurrent.futures import Future
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from devtools.demo.plugins import DEMO_OPERATOR
from devtools.demo.staff import ROLE_USERNAMES
from devtools.management.commands.seed_demo import (
    DEFAULT_FIRST,
    SLUGS,
    demo_jobs,
    stage_slugs,
)
from tests.test_object_storage_persistence import ROOT, devstack


def test_stages_split_the_demo_into_the_first_ministry_and_the_rest():
    assert DEFAULT_FIRST in SLUGS and len(SLUGS) == 8
    rest = stage_slugs(stage="rest", first="vietnam")
    assert stage_slugs(stage="first", first="vietnam") == ["vietnam"]
    assert sorted(rest) == sorted(s for s in SLUGS if s != "vietnam")
    assert stage_slugs(stage="all", first="vietnam") == ["vietnam", *rest]
    # --only narrows every stage; the first ministry leads only when it is chosen.
    assert stage_slugs(stage="all", first="peru", only=["saintlucia", "peru"]) == [
        "peru",
        "saintlucia",
    ]
    assert stage_slugs(stage="first", first="vietnam", only=["peru"]) == []


def test_jobs_come_from_the_option_then_demo_jobs(monkeypatch):
    monkeypatch.delenv("DEMO_JOBS", raising=False)
    assert demo_jobs() == 1
    monkeypatch.setenv("DEMO_JOBS", "3")
    assert (demo_jobs(), demo_jobs(2), demo_jobs(0)) == (3, 2, 1)
    monkeypatch.setenv("DEMO_JOBS", "many")
    assert demo_jobs() == 1


def test_an_unknown_first_ministry_is_refused(monkeypatch):
    with pytest.raises(CommandError, match="atlantis"):
        call_command("seed_demo", "--first", "atlantis")
    monkeypatch.setenv("DEMO_FIRST", "atlantis")
    with pytest.raises(CommandError, match="DEMO_FIRST='atlantis'"):
        call_command("seed_demo", "--stage", "first", "--quiet")


def test_make_run_seeds_in_the_background_unless_told_not_to():
    stack = devstack()
    assert stack.demo_settings({}) == (True, "2")
    assert stack.demo_settings({"DEMO_BACKGROUND": "0", "DEMO_JOBS": "3"}) == (False, "3")
    assert stack.demo_settings({"DEMO_BACKGROUND": "no", "DEMO_JOBS": "0"}) == (False, "2")
    assert stack.demo_settings({"DEMO_BACKGROUND": "1", "DEMO_JOBS": "two"}) == (True, "2")


def test_the_screenshots_wait_for_every_ministry():
    source = (ROOT / "devtools" / "screenshots.py").read_text()
    assert 'DEMO_BACKGROUND="0"' in source


def test_seeding_that_raced_the_object_store_is_retried_once_it_answers(monkeypatch):
    stack = devstack()
    attempts: list[tuple[str, ...]] = []

    def manage(env: dict[str, str], *args: str) -> None:
        attempts.append(args)
        if len(attempts) == 1:
            raise subprocess.CalledProcessError(1, args)

    monkeypatch.setattr(stack, "manage", manage)
    starting: Future[None] = Future()
    threading.Timer(0.2, starting.set_result, (None,)).start()
    stack.seed_first({}, starting, "seed_demo", "--stage", "first")
    assert attempts == [("seed_demo", "--stage", "first")] * 2 and starting.done()
    # A store that already answered is not the cause: the failure stands.
    attempts.clear()
    answered: Future[None] = Future()
    answered.set_result(None)
    with pytest.raises(subprocess.CalledProcessError):
        stack.seed_first({}, answered, "seed_demo", "--stage", "first")
    assert len(attempts) == 1


def test_a_step_runs_again_only_when_its_inputs_change(tmp_path, monkeypatch):
    stack = devstack()
    monkeypatch.setattr(stack, "RUN", tmp_path)
    runs: list[str] = []
    stack.when_changed("static", "inputs-1", lambda: runs.append("1"), "static files")
    stack.when_changed("static", "inputs-1", lambda: runs.append("again"), "static files")
    assert runs == ["1"]
    stack.when_changed("static", "inputs-2", lambda: runs.append("2"), "static files")
    assert runs == ["1", "2"]
    # Each step has its own stamp.
    stack.when_changed("messages", "inputs-2", lambda: runs.append("m"), "translations")
    assert runs == ["1", "2", "m"]


def test_deleted_output_is_made_again(tmp_path):
    stack = devstack()
    catalogue = tmp_path / "locale" / "es" / "LC_MESSAGES" / "django.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text('msgid "x"')
    assert not stack.messages_compiled(tmp_path)
    catalogue.with_suffix(".mo").write_bytes(b"")
    assert stack.messages_compiled(tmp_path)
    env = {"STATIC_ROOT": str(tmp_path / "collected")}
    assert not stack.static_collected(tmp_path, env)
    (tmp_path / "collected").mkdir()
    (tmp_path / "collected" / "staticfiles.json").write_text("{}")
    assert stack.static_collected(tmp_path, env)


def test_a_failed_step_is_not_stamped(tmp_path, monkeypatch):
    stack = devstack()
    monkeypatch.setattr(stack, "RUN", tmp_path)
    stack.when_changed("migrations", "v1", lambda: None, "migrations")

    def broken() -> None:
        raise RuntimeError("migration failed")

    with pytest.raises(RuntimeError):
        stack.when_changed("migrations", "v2", broken, "migrations")
    # Neither the old nor the new inputs count as done: the next run migrates again.
    assert not stack.stamp_fresh("migrations", "v1")
    assert not stack.stamp_fresh("migrations", "v2")
    runs: list[str] = []
    stack.when_changed("migrations", "v2", lambda: runs.append("retried"), "migrations")
    assert runs == ["retried"]


def test_digests_follow_each_steps_own_inputs(tmp_path):
    stack = devstack()
    root = tmp_path
    migration = root / "app" / "migrations" / "0001_initial.py"
    style = root / "app" / "static" / "app" / "site.css"
    catalogue = root / "app" / "locale" / "es" / "LC_MESSAGES" / "django.po"
    requirements = root / "requirements" / "base.txt"
    ignored = root / ".venv" / "lib" / "pkg" / "migrations" / "0001_initial.py"
    for path, text in (
        (migration, "ops = []"),
        (style, "a {}"),
        (catalogue, 'msgid "x"'),
        (requirements, "django==5.2"),
        (ignored, "ops = []"),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    env = {"DATABASE_URL": "postgres://one", "DJANGO_SETTINGS_MODULE": "s"}

    def digests() -> tuple[str, str, str]:
        return (
            stack.migrations_digest(root, env),
            stack.static_digest(root, env),
            stack.messages_digest(root),
        )

    before = digests()
    assert digests() == before
    ignored.write_text("ops = ['changed']")
    assert digests() == before
    style.write_text("a { color: red }")
    after_style = digests()
    assert after_style[0] == before[0] and after_style[1] != before[1]
    migration.write_text("ops = ['new']")
    after_migration = digests()
    assert after_migration[0] != after_style[0] and after_migration[1] == after_style[1]
    requirements.write_text("django==5.3")
    after_upgrade = digests()
    assert after_upgrade[0] != after_migration[0] and after_upgrade[1] != after_migration[1]
    # Another database needs its own migrations.
    assert (
        stack.migrations_digest(root, {**env, "DATABASE_URL": "postgres://two"})
        != (after_upgrade[0])
    )
    # Only the catalogues count for translations.
    assert after_upgrade[2] == before[2]
    catalogue.write_text('msgid "y"')
    assert stack.messages_digest(root) != before[2]


class _Health(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/health/" else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


class _Serving:
    """Stands in for the web server: a running process whose /health/ answers."""

    def __init__(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def poll(self) -> None:
        return None

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _database_url() -> str:
    s = connection.settings_dict
    host = s.get("HOST") or s.get("OPTIONS", {}).get("host", "")
    url = f"postgres://{s['USER']}@/{s['NAME']}?host={quote(host)}"
    return url + (f"&port={s['PORT']}" if s.get("PORT") else "")


def _drop_demo(cursor) -> None:
    # The coordination unit's demo operator (public schema) stays, as after `make run`: seeding
    # creates it only when missing, and deleting a user reaches into tenant-only tables.
    from tenants.models import Ministry

    Ministry.objects.filter(schema_name__in=SLUGS).delete()
    for slug in SLUGS:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{slug}" CASCADE')


@pytest.fixture
def demo_database(django_db_setup, django_db_blocker):
    """The test database, committed (the seeding runs in other processes), demo-free after."""
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        with connection.cursor() as cursor:
            _drop_demo(cursor)
        yield _database_url()
        connection.set_schema_to_public()
        with connection.cursor() as cursor:
            _drop_demo(cursor)


def test_background_seeding_readies_every_ministry(demo_database, capfd):
    from labourhub.accounts.models import User
    from labourhub.registry.models import Establishment
    from tenants.context import ministry_context
    from tenants.models import Ministry

    stack = devstack()
    web = _Serving()
    env = {
        **os.environ,
        "DATABASE_URL": demo_database,
        "DJANGO_SETTINGS_MODULE": "labourhub.config.settings.test",
        "PYTHONPATH": str(ROOT / "platform"),
        "DEMO_SCALE": "0",
        "DEMO_FIRST": "saintlucia",
        "PORT": str(web.port),
    }
    try:
        stack.manage(env, "seed_demo", "--stage", "first")
        first = capfd.readouterr().out
        assert "[demo] saintlucia ready (1 of 8)" in first
        assert "Ready (1 of 8 demo ministries):" in first
        assert "Still being prepared (7 of 8;" in first and "colombia" in first
        assert list(
            Ministry.objects.filter(schema_name__in=SLUGS).values_list("schema_name", flat=True)
        ) == ["saintlucia"]

        stack.seed_in_background(env, "2", web)  # returns when the other ministries are ready
    finally:
        web.close()
    rest = capfd.readouterr()
    assert "other ministries were ready" in rest.out, rest.err
    assert "[demo] seeding 7 ministries, 2 at a time (1 of 8 ready)" in rest.out
    for slug in SLUGS:
        if slug != "saintlucia":
            assert f"[demo] {slug} ready (" in rest.out
    assert "ready (8 of 8)" in rest.out and "All 8 demo ministries are ready." in rest.out

    assert sorted(
        Ministry.objects.filter(schema_name__in=SLUGS).values_list("schema_name", flat=True)
    ) == sorted(SLUGS)
    for ministry in Ministry.objects.filter(schema_name__in=SLUGS):
        with ministry_context(ministry):
            users = set(User.objects.values_list("username", flat=True))
            assert set(ROLE_USERNAMES.values()) <= users, ministry.schema_name
            assert Establishment.objects.count() >= 30, ministry.schema_name
    assert User.objects.filter(username=DEMO_OPERATOR).exists()


def test_the_public_schema_shortcut_keeps_every_migration_recorded(db):
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    connection.set_schema_to_public()
    before = set(MigrationRecorder(connection).applied_migrations())
    assert set(MigrationLoader(connection).graph.leaf_nodes()) <= before
    call_command("migrate_dev", "--public-only", verbosity=0)
    assert set(MigrationRecorder(connection).applied_migrations()) == before
