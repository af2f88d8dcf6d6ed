"""Live components: a real Celery worker on Redis and a real web server for the browser.

These tests use committed data (the session's test ministries), never the per-test transaction,
so separate processes can see it.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_env(django_db_setup, django_db_blocker):
    if not os.environ.get("REDIS_URL"):
        pytest.fail("REDIS_URL is not set: run the suite with `make test`, which starts Redis.")
    with django_db_blocker.unblock():
        s = connection.settings_dict
    host = s.get("HOST") or s.get("OPTIONS", {}).get("host", "")
    url = f"postgres://{s['USER']}@/{s['NAME']}?host={quote(host)}"
    if s.get("PORT"):
        url += f"&port={s['PORT']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "labourhub.config.settings.test",
        "PYTHONPATH": str(ROOT / "platform"),
    }


def start_worker(live_env, log_name, extra_env=None, node=None):
    """A real Celery worker process (solo pool) in its own process group; returns (proc, log)."""
    log = open(ROOT / ".run" / log_name, "w")  # noqa: SIM115
    command = [sys.executable, "-m", "celery", "-A", "labourhub.config", "worker",
               "--pool=solo", "--concurrency=1", "-l", "info", "--without-gossip",
               "--without-mingle"]  # fmt: skip
    if node:
        command += ["-n", f"{node}@%h"]
    proc = subprocess.Popen(
        command,
        env={**live_env, "CELERY_WORKER": "1", **(extra_env or {})},
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return proc, log


@pytest.fixture(scope="session")
def celery_worker(live_env):
    proc, log = start_worker(live_env, "test-celery.log")
    yield proc
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


def start_web(live_env, log_name, extra_env=None, workers=2):
    """gunicorn on a free port; returns (proc, port, log) once it accepts connections."""
    port = _free_port()
    log = open(ROOT / ".run" / log_name, "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "labourhub.config.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", str(workers), "--timeout", "60"],
        env={**live_env, "PLATFORM_PORT": str(port), **(extra_env or {})},
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc, port, log
        time.sleep(0.2)
    proc.kill()
    pytest.fail(f"gunicorn did not start; see {log.name}")


@pytest.fixture(scope="session")
def live_server_url(live_env):
    proc, port, log = start_web(live_env, "test-web.log")
    yield f"http://test.localhost:{port}"
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


def drop_ministry(slug):
    from tenants.models import Ministry

    Ministry.objects.filter(schema_name=slug).delete()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{slug}" CASCADE')


@contextmanager
def temporary_ministry(django_db_blocker, **spec):
    """A committed ministry for one test module, dropped afterwards (even after a failure), so
    no committed row leaks into the shared test ministries; its admin is ``admin``."""
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.services import MinistrySpec, ministry_provision

    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        drop_ministry(spec["slug"])
        ministry = ministry_provision(
            spec=MinistrySpec(**spec),
            admin_username="admin",
            admin_password=TEST_PASSWORD,
            actor=None,
        )
    try:
        yield ministry
    finally:
        with django_db_blocker.unblock():
            connection.set_schema_to_public()
            drop_ministry(spec["slug"])


@contextmanager
def temporary_demo_ministry(django_db_blocker, *, slug, like):
    """A temporary ministry set up like the demo ministry ``like``: its country, languages, time
    zone and currency, its offices, and the demo's people, one login per role."""
    from devtools.demo.staff import demo_staff_seed
    from devtools.ministries import DEMO
    from tenants.context import ministry_context

    spec, offices = next((s, o) for s, o in DEMO if s.slug == like)
    with temporary_ministry(
        django_db_blocker,
        slug=slug,
        name=spec.name,
        country=spec.country,
        languages=list(spec.languages),
        default_language=spec.default_language,
        time_zone=spec.time_zone,
        currency=spec.currency,
    ) as ministry:
        with django_db_blocker.unblock(), ministry_context(ministry):
            demo_staff_seed(offices=offices)
        yield ministry


# Debian's Chromium, never a downloaded browser; the flags every live browser test launches with.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]


def establishment_write(port, slug, token, employer_id, office, number):
    """POST one establishment through the API; returns the status, or "failed: <error>" when
    the connection broke (what a client of a crashing server sees)."""
    import http.client
    import json
    import urllib.error
    import urllib.request

    body = json.dumps(
        {
            "name": f"Shop {number}",
            "office": office,
            "isic_code": "4711",
            "registration_number": number,
            "employer_id": employer_id,
        }
    ).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/registry/establishments/create/",
        data=body,
        method="POST",
        headers={
            "Host": f"{slug}.localhost:{port}",
            "Authorization": f"Token {token}",
            "Content-Type": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return str(response.status)
    except urllib.error.HTTPError as exc:
        return str(exc.code)
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        return f"failed: {type(exc).__name__}"


AXE_JS = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"


def axe_violations(page, impacts=("serious", "critical")):
    """Runs the vendored axe-core (WCAG 2.0/2.1 A and AA rules) on the open page.

    Returns the violations of the given impacts as (rule id, impact, first target) tuples, so a
    failing assertion names what to fix.
    """
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values:"
        " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        (v["id"], v["impact"], v["nodes"][0]["target"] if v["nodes"] else None)
        for v in result["violations"]
        if v["impact"] in impacts
    ]
