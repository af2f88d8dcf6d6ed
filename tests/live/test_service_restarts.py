"""Fault test: Redis and PostgreSQL go away and come back while a client keeps writing.

The web server talks to a Redis of this test's own (cache and broker), killed with SIGKILL and
started again, and to PostgreSQL through a TCP relay that this test cuts: every open connection
is severed and new ones are refused for a few seconds, which is what a database restart looks
like from the application. Measured: every write the client was told succeeded is stored,
nothing is written twice, no write reported as failed was applied, and the server answers
normally again within seconds of each component's return, with no restart of its own.
"""

import contextlib
import shutil
import socket
import subprocess
import threading
import time

import pytest
from django.db import connection

from .conftest import _free_port, establishment_write, start_web, temporary_ministry

pytestmark = [pytest.mark.live]

SLUG = "restarts"
WARM_WRITES = 30
OUTAGE_SECONDS = 3.0
RECOVERY_SECONDS = 5.0


class Relay:
    """A TCP relay to PostgreSQL that can be cut (connections severed, new ones refused)."""

    def __init__(self, upstream: tuple[int, object]) -> None:
        self.family, self.address = upstream
        self.port = _free_port()
        self.lock = threading.Lock()
        self.sockets: list[socket.socket] = []
        self.listener: socket.socket | None = None

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        with self.lock:
            if self.listener is not None:
                self.listener.close()
                self.listener = None
            for s in self.sockets:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()
            self.sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _addr = listener.accept()
            except OSError:
                return
            server = socket.socket(self.family, socket.SOCK_STREAM)
            server.connect(self.address)
            with self.lock:
                self.sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)


def _upstream() -> tuple[int, object]:
    s = connection.settings_dict
    host = s.get("HOST") or s.get("OPTIONS", {}).get("host", "") or "/var/run/postgresql"
    port = int(s.get("PORT") or 5432)
    if host.startswith("/"):
        return socket.AF_UNIX, f"{host}/.s.PGSQL.{port}"
    return socket.AF_INET, (host, port)


def _start_redis(port: int) -> subprocess.Popen[bytes]:
    binary = shutil.which("redis-server")
    assert binary, "redis-server is needed (make test installs it)"
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc
        time.sleep(0.05)
    proc.kill()
    pytest.fail("the test's Redis did not start")


@pytest.fixture(scope="module")
def ministry(django_db_setup, django_db_blocker):
    from rest_framework.authtoken.models import Token

    from labourhub.accounts.roles import Role
    from labourhub.accounts.services import office_create, user_create
    from labourhub.registry.services import employer_create
    from labourhub.testing.pytest_plugin import TEST_PASSWORD
    from tenants.context import ministry_context

    with temporary_ministry(
        django_db_blocker,
        slug=SLUG,
        name="Ministry of Labour (restart test)",
        country="LC",
        languages=["en"],
        default_language="en",
        time_zone="America/St_Lucia",
        currency="XCD",
    ) as ministry:
        with django_db_blocker.unblock():
            with ministry_context(ministry):
                office = office_create(code="RS", name="Castries", level="region", actor=None)
                clerk = user_create(
                    username="clerk",
                    password=TEST_PASSWORD,
                    office=office,
                    roles=[Role.CLERK],
                    actor=None,
                )
                employer = employer_create(legal_name="Vieux Fort Ltd", tax_id="", actor=None)
                token = Token.objects.create(user=clerk).key
            upstream = _upstream()
            db = dict(connection.settings_dict)
            connection.set_schema_to_public()
        yield {
            "ministry": ministry,
            "token": token,
            "employer": employer.pk,
            "upstream": upstream,
            "db": db,
        }


def test_redis_and_postgresql_restarts_lose_no_accepted_write(
    ministry, live_env, django_db_blocker
):
    from labourhub.registry.models import Establishment
    from tenants.context import ministry_context

    relay = Relay(ministry["upstream"])
    relay.start()
    redis_port = _free_port()
    redis = _start_redis(redis_port)
    db = ministry["db"]
    env = {
        "DATABASE_URL": f"postgres://{db['USER']}@127.0.0.1:{relay.port}/{db['NAME']}",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
    }
    proc, port, log = start_web(live_env, "test-service-restarts.log", extra_env=env, workers=2)
    outcomes: dict[int, tuple[str, float]] = {}
    back: dict[str, float] = {}
    down_at: dict[str, float] = {}

    def write(n: int) -> str:
        return establishment_write(
            port, SLUG, ministry["token"], ministry["employer"], "RS", f"RS-{n:04d}"
        )

    def down_redis() -> None:
        redis.kill()
        redis.wait(timeout=10)

    def up_redis() -> None:
        nonlocal redis
        redis = _start_redis(redis_port)

    outages = [("redis", down_redis, up_redis), ("postgresql", relay.cut, relay.start)]
    serial = iter(range(100_000))

    def write_for(seconds: float, pause: float = 0.0) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            n = next(serial)
            outcomes[n] = (write(n), time.monotonic())
            time.sleep(pause)

    try:
        for _ in range(WARM_WRITES):
            n = next(serial)
            outcomes[n] = (write(n), time.monotonic())
        for name, down, up in outages:
            down_at[name] = time.monotonic()
            down()
            # Keep writing into the outage: each of these must fail cleanly or succeed.
            write_for(OUTAGE_SECONDS, pause=0.3)
            up()
            back[name] = time.monotonic()
            write_for(RECOVERY_SECONDS + 5)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
        redis.kill()
        redis.wait(timeout=10)
        relay.cut()

    with django_db_blocker.unblock(), ministry_context(ministry["ministry"]):
        numbers = list(
            Establishment.objects.filter(registration_number__startswith="RS-").values_list(
                "registration_number", flat=True
            )
        )
    connection.set_schema_to_public()
    stored = {int(number[3:]) for number in numbers}
    accepted = {n for n, (status, _t) in outcomes.items() if status == "201"}
    failed = set(outcomes) - accepted
    assert set(outcomes) == set(range(len(outcomes)))
    assert all(s == "201" or s.startswith(("failed", "5")) for s, _t in outcomes.values())
    assert len(numbers) == len(stored), "a write was applied twice"
    assert accepted <= stored, f"accepted but lost: {sorted(accepted - stored)}"
    assert not stored - accepted, f"reported failed but applied: {sorted(stored - accepted)}"
    # Recovery without restarting the web server: within RECOVERY_SECONDS of each return,
    # every write succeeds again.
    for component, at in back.items():
        until = min([t for t in down_at.values() if t > at], default=float("inf"))
        late = [s for n, (s, t) in outcomes.items() if at + RECOVERY_SECONDS < t < until]
        assert late and all(s == "201" for s in late), (component, late)
    print(
        f"\nrestart test: {len(outcomes)} writes; Redis killed and restarted, PostgreSQL connections "
        f"cut for {OUTAGE_SECONDS:.0f} s: {len(accepted)} accepted and stored, {len(failed)} "
        "reported failed to the client, 0 of those applied, 0 lost, 0 duplicated"
    )
