"""Live components: a real Celery worker on Redis and a real web server for the browser.

These tests use committed data (the session's test ministries), never the per-test transaction,
so separate processes can see it.
"""

import os
import socket
import subprocess
import sys
import time
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


@pytest.fixture(scope="session")
def celery_worker(live_env):
    log = open(ROOT / ".run" / "test-celery.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "labourhub.config",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "-l",
            "info",
            "--without-gossip",
            "--without-mingle",
        ],
        env={**live_env, "CELERY_WORKER": "1"},
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    yield proc
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


@pytest.fixture(scope="session")
def live_server_url(live_env):
    port = _free_port()
    log = open(ROOT / ".run" / "test-web.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "labourhub.config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--timeout",
            "60",
        ],
        env={**live_env, "PLATFORM_PORT": str(port)},
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail(f"gunicorn did not start; see {log.name}")
    yield f"http://test.localhost:{port}"
    proc.terminate()
    proc.wait(timeout=20)
    log.close()
