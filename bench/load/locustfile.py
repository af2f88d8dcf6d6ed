"""Mixed workload for `make loadtest`: staff pages, API reads and writes, public LMI pages, imports.

Every simulated person belongs to one ministry, dealt in turn from the prepared list (so with at
least as many people as ministries, every ministry is in use and the memory per ministry is
measured over all of them), and talks to the same server through that ministry's host name, as browsers on the ministries' subdomains
would. Request names start with their kind ("staff:", "api-read:", "api-write:", "public:",
"import:"), so the report gives throughput and p95 per kind.
"""

from __future__ import annotations

import json
import os
import random
import time
from itertools import count
from pathlib import Path

from locust import HttpUser, between, events, task

SPEC = json.loads(Path(os.environ.get("LOAD_MINISTRIES", ".run/load/ministries.json")).read_text())
PASSWORD = SPEC["password"]
MINISTRIES = SPEC["ministries"]
SERIAL = count(1)
DEAL = count()
IMPORT_HEADER = (
    "registration_number,name,employer_name,employer_tax_id,address,office,isic_code,"
    "workers_female,workers_male,workers_minors,opened_on\n"
)


class MinistryUser(HttpUser):
    abstract = True
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.ministry = MINISTRIES[next(DEAL) % len(MINISTRIES)]
        self.client.headers["Host"] = self.ministry["host"]


class StaffUser(MinistryUser):
    weight = 5

    def on_start(self) -> None:
        super().on_start()
        self.client.get("/app/login/", name="staff: login page")
        self.client.post(
            "/app/login/",
            data={
                "username": "staff",
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
            headers={"Referer": f"http://{self.ministry['host']}/app/login/"},
            name="staff: sign in",
        )
        self.ids = self.ministry["establishments"]

    @task(3)
    def dashboard(self) -> None:
        self.client.get("/app/", name="staff: dashboard")

    @task(3)
    def establishments(self) -> None:
        self.client.get("/app/establishments/", name="staff: establishment list")

    @task(2)
    def search(self) -> None:
        self.client.get(
            "/app/establishments/?q=" + random.choice(["bakery", "farm", "hotel", "store"]),
            name="staff: establishment search",
        )

    @task(4)
    def establishment(self) -> None:
        self.client.get(
            f"/app/establishments/{random.choice(self.ids)}/", name="staff: establishment page"
        )

    @task(2)
    def cases(self) -> None:
        self.client.get("/app/cases/", name="staff: case list")


class ApiUser(MinistryUser):
    weight = 3

    def on_start(self) -> None:
        super().on_start()
        self.client.headers["Authorization"] = f"Token {self.ministry['token']}"

    @task(6)
    def list_establishments(self) -> None:
        page = random.randint(1, 5)
        self.client.get(
            f"/api/v1/registry/establishments/?page={page}", name="api-read: establishments"
        )

    @task(2)
    def list_cases(self) -> None:
        self.client.get("/api/v1/cases/", name="api-read: cases")

    @task(1)
    def create_establishment(self) -> None:
        n = next(SERIAL)
        self.client.post(
            "/api/v1/registry/establishments/create/",
            json={
                "name": f"Load test shop {os.getpid()}-{n}",
                "office": self.ministry["office"],
                "isic_code": "4711",
                "employer_legal_name": f"Load test employer {os.getpid()}-{n}",
                "workers_female": 3,
                "workers_male": 4,
            },
            name="api-write: create establishment",
        )


class PublicUser(MinistryUser):
    weight = 3
    wait_time = between(1, 4)

    @task(3)
    def home(self) -> None:
        self.client.get("/", name="public: LMI home")

    @task(1)
    def indicators(self) -> None:
        self.client.get("/api/v1/open/indicators/", name="public: open indicators")


class ImportUser(MinistryUser):
    """A clerk uploading a small registry file now and then; timed from upload to done."""

    weight = 1
    wait_time = between(20, 40)

    def on_start(self) -> None:
        super().on_start()
        self.client.headers["Authorization"] = f"Token {self.ministry['token']}"

    @task
    def upload(self) -> None:
        tag = f"{os.getpid()}-{next(SERIAL)}"
        office = self.ministry["office"]
        rows = [
            f"LT-{tag}-{n:03d},Load shop {tag} {n},Load employer {tag},,Main street {n},"
            f"{office},4711,2,3,0,"
            for n in range(50)
        ]
        body = (IMPORT_HEADER + "\n".join(rows) + "\n").encode()
        t0 = time.perf_counter()
        created = self.client.post(
            "/api/v1/registry/imports/",
            data={"kind": "establishments"},
            files={"file": ("load.csv", body, "text/csv")},
            name="import: upload",
        )
        if created.status_code != 201:
            return
        batch = created.json()["id"]
        self.client.post(f"/api/v1/registry/imports/{batch}/check/", json={}, name="import: check")
        if not self._wait(batch, {"checked", "failed"}):
            return
        self.client.post(f"/api/v1/registry/imports/{batch}/run/", name="import: run")
        ok = self._wait(batch, {"done", "failed"}) == "done"
        events.request.fire(
            request_type="JOB",
            name="import: 50 rows end to end",
            response_time=(time.perf_counter() - t0) * 1000,
            response_length=len(body),
            exception=None if ok else RuntimeError("import did not finish"),
            context={},
        )

    def _wait(self, batch: int, final: set[str], timeout: float = 120) -> str | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = (
                self.client.get(f"/api/v1/registry/imports/{batch}/", name="import: poll")
                .json()
                .get("status")
            )
            if status in final:
                return status
            time.sleep(1)
        return None


# Exact p50/p95 per kind (Locust's own CSV gives them per request name only).
SAMPLES: dict[str, list[float]] = {}
FAILURES: dict[str, int] = {}
STARTED = time.monotonic()


@events.request.add_listener
def _record(name: str, response_time: float, exception: object, **_kw: object) -> None:
    kind = name.split(":", 1)[0]
    SAMPLES.setdefault(kind, []).append(response_time)
    if exception is not None:
        FAILURES[kind] = FAILURES.get(kind, 0) + 1


@events.quitting.add_listener
def _write(**_kw: object) -> None:
    target = os.environ.get("LOAD_RESULTS")
    if not target:
        return
    elapsed = max(1e-6, time.monotonic() - STARTED)
    report = {}
    for kind, samples in SAMPLES.items():
        ordered = sorted(samples)
        report[kind] = {
            "count": len(ordered),
            "failures": FAILURES.get(kind, 0),
            "per_second": round(len(ordered) / elapsed, 2),
            "p50_ms": round(ordered[len(ordered) // 2], 1),
            "p95_ms": round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 1),
        }
    Path(target).write_text(json.dumps(report, indent=1))
