"""`make loadtest`: a bounded, mixed load on one node, across many ministries, on loopback.

Starts its own stack the way `make run` does (PostgreSQL, Redis, S3, gunicorn with the
production configuration, one Celery worker), provisions LOAD_MINISTRIES ministries (default 30) with staff and establishments, runs
the Locust workload in bench/load/locustfile.py headless for LOAD_SECONDS, and prints throughput
and p95 per kind of request, the web workers' memory and the database size per ministry.

Environment: LOAD_MINISTRIES (30), LOAD_USERS (60), LOAD_SECONDS (120), LOAD_ESTABLISHMENTS (300).
Results go to .run/load/result-<ministries>.json as well as the terminal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import devstack

ROOT = devstack.ROOT
PY = devstack.PY
OUT = devstack.RUN / "load"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def web_memory(master: int) -> dict[str, float]:
    workers = children(master)
    sizes = [rss_mb(w) for w in workers]
    return {"master_mb": round(rss_mb(master), 1), "workers_mb": [round(s, 1) for s in sizes]}


def schema_bytes(env: dict[str, str]) -> tuple[int, int]:
    """Total and per-ministry bytes of the load-test schemas (tables, indexes, TOAST)."""
    script = (
        "from django.db import connection\n"
        "with connection.cursor() as c:\n"
        '    c.execute("SELECT n.nspname, sum(pg_total_relation_size(c.oid)) FROM pg_class c '
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 'load%%' "
        "AND c.relkind IN ('r','m') GROUP BY 1\")\n"
        "    rows = c.fetchall()\n"
        "print(sum(int(r[1]) for r in rows), len(rows))\n"
    )
    out = (
        subprocess.run(
            [PY, str(ROOT / "manage.py"), "shell", "-c", script],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.splitlines()[-1]
        .split()
    )  # the shell may print its auto-imports first
    return int(out[0]), int(out[1])


def _warm(port: int, ministries: list[dict[str, str]]) -> None:
    """Wait until the workers answer (they load the application on start), one call per host."""
    import urllib.request

    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/health/", headers={"Host": ministries[0]["host"]}
            )
            with urllib.request.urlopen(request, timeout=60):  # noqa: S310 (fixed http URL)
                return
        except OSError:
            time.sleep(1)
    raise SystemExit("[loadtest] the web server never answered /health/")


def main() -> int:
    ministries = int(os.environ.get("LOAD_MINISTRIES", "30"))
    users = int(os.environ.get("LOAD_USERS", "60"))
    seconds = int(os.environ.get("LOAD_SECONDS", "120"))
    establishments = int(os.environ.get("LOAD_ESTABLISHMENTS", "300"))
    devstack.RUN.mkdir(exist_ok=True)
    OUT.mkdir(exist_ok=True)
    import atexit

    atexit.register(devstack.stop_children)
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", str(ROOT / "platform"))
    env["DJANGO_SETTINGS_MODULE"] = "labourhub.config.settings.local"
    devstack.ensure_secret_key(env)
    devstack.compile_messages(env)
    devstack.start_postgres(env, "pg-load", fast=False)
    devstack.start_redis(env, required=True)
    devstack.start_s3(env, persistent=False)
    t0 = time.monotonic()
    devstack.manage(env, "migrate_schemas", "--executor=standard", "-v", "0")
    devstack.log(f"migrations: {time.monotonic() - t0:.1f}s")
    spec = OUT / f"ministries-{ministries}.json"
    t0 = time.monotonic()
    devstack.manage(
        env,
        "loadtest_prepare",
        "--ministries",
        str(ministries),
        "--establishments",
        str(establishments),
        "--out",
        str(spec),
    )
    prepare_s = time.monotonic() - t0
    port = devstack.free_port(8600)
    env["PLATFORM_PORT"] = str(port)
    # The production configuration (workers = 2 x cores + 1), bound to loopback.
    web = devstack.spawn(
        [PY, "-m", "gunicorn", "labourhub.config.wsgi", "-c", str(ROOT / "infra/gunicorn.conf.py"),
         "-b", f"127.0.0.1:{port}", "--timeout", "120"],
        env=env, cwd=ROOT, stdout=(OUT / "web.log").open("wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    worker = devstack.spawn(
        [
            PY,
            "-m",
            "celery",
            "-A",
            "labourhub.config",
            "worker",
            "-l",
            "warning",
            "--concurrency",
            "1",
        ],
        env=env,
        cwd=ROOT,
        stdout=(OUT / "worker.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    devstack.wait_port(port, timeout=60)
    _warm(port, json.loads(spec.read_text())["ministries"])
    before = web_memory(web.pid)
    results = OUT / f"samples-{ministries}.json"
    load_env = {**env, "LOAD_MINISTRIES": str(spec), "LOAD_RESULTS": str(results)}
    devstack.log(f"load: {users} simulated people across {ministries} ministries for {seconds}s")
    rc = subprocess.run(
        [
            str(ROOT / ".venv/bin/locust"),
            "-f",
            str(ROOT / "bench/load/locustfile.py"),
            "--headless",
            "-u",
            str(users),
            "-r",
            str(max(1, users // 10)),
            "-t",
            f"{seconds}s",
            "--host",
            f"http://127.0.0.1:{port}",
            "--only-summary",
            "--stop-timeout",
            "30",
        ],
        env=load_env,
        cwd=ROOT,
    ).returncode
    after = web_memory(web.pid)
    total_bytes, schemas = schema_bytes(env)
    kinds = json.loads(results.read_text())
    report = {
        "ministries": ministries,
        "simulated_people": users,
        "seconds": seconds,
        "prepare_seconds": round(prepare_s, 1),
        "kinds": kinds,
        "web_memory_before": before,
        "web_memory_after": after,
        "worker_mb": round(rss_mb(worker.pid), 1),
        "database_mb_per_ministry": round(total_bytes / max(1, schemas) / 2**20, 2),
        "locust_exit_code": rc,
    }
    (OUT / f"result-{ministries}.json").write_text(json.dumps(report, indent=1))
    print(f"\n{'kind':<10} {'requests':>9} {'failed':>7} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for kind, k in sorted(kinds.items()):
        print(
            f"{kind:<10} {k['count']:>9} {k['failures']:>7} {k['per_second']:>7.1f}"
            f" {k['p50_ms']:>8.0f} {k['p95_ms']:>8.0f}"
        )
    print(f"\nweb workers (MB) before {before['workers_mb']} after {after['workers_mb']}")
    print(f"database per ministry: {report['database_mb_per_ministry']} MB over {schemas} schemas")
    failed = sum(k["failures"] for k in kinds.values())
    return 1 if failed or not kinds else 0


if __name__ == "__main__":
    sys.exit(main())
