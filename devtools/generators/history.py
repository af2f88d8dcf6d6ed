"""Three years of a demo ministry's work, bulk-inserted: inspections and their findings,
complaints, and enforcement cases (with fines in the ministry's currency).

The volume only has to exist for dashboards, maps and lists, so rows are written with
``bulk_create`` in batches, not through the services: one service call per row writes its
deadlines, alerts and audit event under the audit chain's lock, minutes per ministry. One audit
event records the whole batch, so the chain stays verifiable and says what was generated.
Open cases get real ``Deadline`` rows computed on the ministry's calendar (never a holiday), so
the case pages and traffic lights agree with the list. The hand-made showcase records are still
written by the services (``devtools.demo``).
"""

import datetime as dt
import hashlib
import random
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from devtools.data.countries import COUNTRIES, person_name
from labourhub.accounts.models import Office, RoleGrant, User
from labourhub.accounts.roles import Role
from labourhub.audit.services import AuditAction, audit_record
from labourhub.complaints.models import Complaint
from labourhub.enforcement.models import Fine, FineRule
from labourhub.inspections.models import Finding, Inspection
from labourhub.registry.models import Establishment
from labourhub.workflow.calendar import MinistryCalendar, calendar_current
from labourhub.workflow.models import Case, CaseEvent, Deadline
from labourhub.workflow.procedure_types import Procedure, TimeLimit
from labourhub.workflow.procedures import procedure_get
from labourhub.workflow.services import ministry_today

MARK = "H"  # references of generated history: INS-2025-H000123, COM-2025-H000045
BATCH = 2000
# Per ministry at scale 1: about 2,000 establishments (registry), and over three years:
INSPECTIONS, COMPLAINTS, CASES = 1800, 700, 450
ORIGINS = [("planned", 55), ("complaint", 25), ("follow_up", 10), ("accident", 5), ("request", 5)]
GENERIC_PROVISIONS = ("Minimum wage", "Occupational safety and health", "Working hours")


@dataclass
class HistoryCounts:
    inspections: int = 0
    findings: int = 0
    complaints: int = 0
    cases: int = 0
    deadlines: int = 0
    fines: int = 0
    seconds: float = 0.0


def demo_scale(default: float = 1.0) -> float:
    """``DEMO_SCALE`` from the environment (1 = about 2,000 establishments a ministry)."""
    import os

    try:
        return max(0.0, float(os.environ.get("DEMO_SCALE", default)))
    except ValueError:
        return default


def _pick(rnd: random.Random, weighted: list[tuple[Any, int]]) -> Any:
    items, weights = zip(*weighted, strict=True)
    return rnd.choices(items, weights=weights, k=1)[0]


def _working_day(cal: MinistryCalendar, day: dt.date) -> dt.date:
    return cal.next_working(day)


def _history_staff(conv: Any, rnd: random.Random, districts: list[Office]) -> dict[int, list[int]]:
    """Two inspectors per district office who did the past visits (no password: they never
    sign in, but they appear in workloads and assignment lists like real colleagues)."""
    existing = {
        u.username: u
        for u in User.objects.filter(username__startswith="hist.").only("id", "username")
    }
    unusable = make_password(None)
    fresh = []
    for office in districts:
        for k in (1, 2):
            username = f"hist.{office.code.lower()}.{k}"
            if username in existing:
                continue
            first, _sep, last = person_name(conv, rnd).partition(" ")
            if not conv.given_first:
                first, last = last, first
            fresh.append(
                User(
                    username=username,
                    password=unusable,
                    first_name=first[:150],
                    last_name=last[:150],
                    office=office,
                    is_active=True,
                    status=User.Status.ACTIVE,
                )
            )
    User.objects.bulk_create(fresh, batch_size=BATCH)
    RoleGrant.objects.bulk_create(
        [RoleGrant(user=u, role=Role.INSPECTOR) for u in fresh], batch_size=BATCH
    )
    staff: dict[int, list[int]] = {}
    for pk, office_id in User.objects.filter(username__startswith="hist.").values_list(
        "pk", "office_id"
    ):
        staff.setdefault(office_id, []).append(pk)
    return staff


def _limit_for(proc: Procedure, state: str) -> TimeLimit | None:
    """The time limit that runs while a case waits in ``state``."""
    if state == proc.initial and proc.initial_limits:
        return proc.initial_limits[0]
    for transition in proc.transitions:
        if transition.target == state and transition.starts:
            return transition.starts[0]
    return None


def _deadline(case: Case, limit: TimeLimit, start: dt.date, cal: MinistryCalendar) -> Deadline:
    due = cal.add(start, limit.amount, limit.unit)
    warn = max(start, cal.subtract_working_days(due, limit.warn_before))
    return Deadline(
        case=case,
        code=limit.code,
        label=limit.label,
        amount=limit.amount,
        unit=limit.unit,
        start_on=start,
        due_on=due,
        warn_on=warn,
        escalate_on=None,
    )


def _reference_seq(n: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval('inspections_reference_seq') FROM generate_series(1, %s)", [n]
        )
        return [row[0] for row in cursor.fetchall()]


@transaction.atomic
def history_generate(
    *, scale: float = 1.0, years: int = 3, seed: int = 13, procedure: str = ""
) -> HistoryCounts:
    """Generate ``years`` of history in the current ministry, once (a no-op when it has some).

    ``procedure`` names the enforcement procedure the cases follow (a country pack's), else
    the core's; complaints always follow the core complaint procedure.
    """
    t0 = time.perf_counter()
    counts = HistoryCounts()
    if scale <= 0 or Inspection.objects.filter(reference__contains=f"-{MARK}").exists():
        return counts
    tenant = getattr(connection, "tenant", None)
    country = str(getattr(tenant, "country", "") or "PH")
    currency = str(getattr(tenant, "currency", "") or "USD")
    conv = COUNTRIES.get(country, COUNTRIES["PH"])
    rnd = random.Random(f"{connection.schema_name}:{seed}")  # type: ignore[attr-defined]  # noqa: S311 - demo data
    districts = list(Office.objects.filter(level=Office.Level.DISTRICT).order_by("code"))
    sites = list(
        Establishment.objects.filter(status="active").values_list(
            "pk", "office_id", "workers_female", "workers_male"
        )
    )
    if not districts or not sites:
        return counts
    cal = calendar_current()
    today = ministry_today()
    span = years * 365
    staff = _history_staff(conv, rnd, districts)
    everyone = [pk for pks in staff.values() for pk in pks]
    rules = list(FineRule.objects.exclude(provision__in=(*GENERIC_PROVISIONS, "Child labour")))
    rules = rules or list(FineRule.objects.all())
    provisions = [r.provision for r in rules] or list(GENERIC_PROVISIONS)
    zone = timezone.get_current_timezone()

    def at(day: dt.date, hour: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, rnd.randint(0, 59)), tzinfo=zone)

    # -- inspections and findings --------------------------------------------------------------
    n_insp = round(INSPECTIONS * scale)
    seq = _reference_seq(n_insp) if n_insp else []
    inspections: list[Inspection] = []
    created_on: dict[str, dt.date] = {}
    for i in range(n_insp):
        site, office, wf, wm = rnd.choice(sites)
        ahead = rnd.random() < 0.04
        day = _working_day(
            cal,
            today + dt.timedelta(days=rnd.randint(1, 30))
            if ahead
            else today - dt.timedelta(days=rnd.randint(1, span)),
        )
        recent = (today - day).days < 10
        status, outcome, cancelled = "completed", "visited", ""
        roll = rnd.random()
        if ahead:
            status, outcome = rnd.choice(["planned", "authorised", "assigned"]), ""
        elif recent and roll < 0.5:
            status, outcome = "in_progress", ""
        elif roll < 0.04:
            status, outcome, cancelled = "cancelled", "", "Establishment closed"
        elif roll < 0.07:
            outcome = "refused_entry"
        inspector = rnd.choice(staff.get(office) or everyone) if status != "planned" else None
        visited = status in ("completed", "in_progress")
        ref = f"INS-{day.year}-{MARK}{seq[i]:06d}"
        created_on[ref] = day - dt.timedelta(days=rnd.randint(3, 20))
        inspections.append(
            Inspection(
                reference=ref,
                establishment_id=site,
                office_id=office,
                origin=_pick(rnd, ORIGINS),
                status=status,
                scheduled_for=day,
                inspector_id=inspector,
                arrived_at=at(day, 9) if visited else None,
                submitted_at=at(day, 15) if status == "completed" else None,
                workers_interviewed_female=min(wf, rnd.randint(0, 4)) if visited else 0,
                workers_interviewed_male=min(wm, rnd.randint(0, 4)) if visited else 0,
                outcome=outcome,
                cancelled_reason=cancelled,
            )
        )
    Inspection.objects.bulk_create(inspections, batch_size=BATCH)
    counts.inspections = len(inspections)
    findings = []
    for insp in inspections:
        if insp.status != "completed" or insp.outcome != "visited":
            continue
        for _k in range(_pick(rnd, [(0, 40), (1, 30), (2, 20), (3, 10)])):
            provision = rnd.choice(provisions)
            findings.append(
                Finding(
                    inspection=insp,
                    provision=provision,
                    description=provision,
                    workers_affected_female=rnd.randint(0, 3),
                    workers_affected_male=rnd.randint(0, 3),
                    severity=_pick(rnd, [("minor", 4), ("serious", 5), ("very_serious", 1)]),
                )
            )
    Finding.objects.bulk_create(findings, batch_size=BATCH)
    counts.findings = len(findings)

    # -- complaints ------------------------------------------------------------------------------
    complaint_proc = procedure_get("complaint")
    cases: list[Case] = []
    complaint_rows: list[tuple[Case, dict[str, Any]]] = []
    deadlines: list[Deadline] = []
    events: list[CaseEvent] = []
    n_comp = round(COMPLAINTS * scale) if complaint_proc is not None else 0
    for i in range(n_comp):
        site, office, _wf, _wm = rnd.choice(sites)
        received = _working_day(cal, today - dt.timedelta(days=rnd.randint(0, span)))
        age = (today - received).days
        if age < 6:
            state, triage = "received", "pending"
        elif age < 25:
            state, triage = "to_inspection", "inspection"
        else:
            state, triage = _pick(
                rnd,
                [
                    (("closed", "inspection"), 70),
                    (("inadmissible", "inadmissible"), 15),
                    (("closed", "conciliation"), 15),
                ],
            )
        final = state in ("closed", "inadmissible")
        case = Case(
            procedure="complaint",
            reference=f"COM-{received.year}-{MARK}{i + 1:06d}",
            title=rnd.choice(conv.subjects or ("Complaint",)),
            state=state,
            office_id=office,
            establishment_id=site,
            assigned_to_id=rnd.choice(staff.get(office) or everyone),
            closed_at=at(received + dt.timedelta(days=rnd.randint(10, 60)), 16) if final else None,
        )
        cases.append(case)
        created_on[case.reference] = received
        anonymous = rnd.random() < 0.3
        complaint_rows.append(
            (
                case,
                {
                    "channel": _pick(rnd, [("staff", 5), ("portal", 3), ("phone", 2)]),
                    "establishment_id": site,
                    "subject": case.title,
                    "description": case.title,
                    "anonymous": anonymous,
                    "complainant_name": "" if anonymous else person_name(conv, rnd),
                    "triage": triage,
                },
            )
        )
    counts.complaints = n_comp

    # -- enforcement cases on the ministry's procedure ------------------------------------------
    proc = procedure_get(procedure) if procedure else None
    proc = proc or procedure_get("enforcement")
    fines: list[tuple[Case, FineRule, int]] = []
    if proc is not None:
        finals = [s.code for s in proc.states if s.final]
        opens = [s.code for s in proc.states if not s.final]
        prefix = "".join(ch for ch in proc.code if ch.isalnum())[:3].upper() or "CAS"
        for i in range(round(CASES * scale)):
            site, office, wf, wm = rnd.choice(sites)
            opened = _working_day(cal, today - dt.timedelta(days=rnd.randint(0, span)))
            old = (today - opened).days > 120
            state = rnd.choice(finals if old and finals else opens)
            case = Case(
                procedure=proc.code,
                reference=f"{prefix}-{opened.year}-{MARK}{i + 1:06d}",
                title=f"{rnd.choice(provisions)}"[:300],
                state=state,
                office_id=office,
                establishment_id=site,
                assigned_to_id=rnd.choice(staff.get(office) or everyone),
                closed_at=at(opened + dt.timedelta(days=rnd.randint(60, 200)), 16)
                if state in finals
                else None,
            )
            cases.append(case)
            created_on[case.reference] = opened
            if rules and (state in finals or rnd.random() < 0.3):
                fines.append((case, rnd.choice(rules), rnd.randint(1, max(1, (wf + wm) // 4))))
        counts.cases = len(cases) - n_comp

    Case.objects.bulk_create(cases, batch_size=BATCH)
    Complaint.objects.bulk_create(
        [
            Complaint(
                case=case,
                tracking_code_hash=hashlib.sha256(
                    f"{connection.schema_name}:{case.reference}".encode()  # type: ignore[attr-defined]
                ).hexdigest(),
                **fields,
            )
            for case, fields in complaint_rows
        ],
        batch_size=BATCH,
    )
    procs = {"complaint": complaint_proc, **({proc.code: proc} if proc is not None else {})}
    for case in cases:
        opened = created_on[case.reference]
        events.append(
            CaseEvent(
                case=case,
                at=at(opened, 10),
                kind="opened",
                to_state=procs[case.procedure].initial,  # type: ignore[union-attr]
            )
        )
        if case.closed_at is not None:
            continue
        limit = _limit_for(procs[case.procedure], case.state)  # type: ignore[arg-type]
        if limit is None:
            continue
        # The running limit started on a working day recently enough to be live.
        start = _working_day(cal, max(opened, today - dt.timedelta(days=rnd.randint(0, 20))))
        deadline = _deadline(case, limit, start, cal)
        deadlines.append(deadline)
        case.next_due_on, case.next_warn_on = deadline.due_on, deadline.warn_on
    Deadline.objects.bulk_create(deadlines, batch_size=BATCH)
    CaseEvent.objects.bulk_create(events, batch_size=BATCH)
    Case.objects.bulk_update(
        [c for c in cases if c.next_due_on], ["next_due_on", "next_warn_on"], batch_size=BATCH
    )
    counts.deadlines = len(deadlines)
    fine_rows = []
    for case, rule, workers in fines:
        amount = rule.base_amount + rule.per_worker_amount * workers
        if rule.maximum is not None:
            amount = min(amount, rule.maximum)
        fine_rows.append(
            Fine(
                case=case,
                establishment_id=int(case.establishment_id or 0),
                provision=rule.provision,
                workers_affected=workers,
                computed_amount=amount,
                amount=amount,
                currency=currency,
                interest_rate_pct=rule.interest_rate_pct or Decimal(0),
            )
        )
    Fine.objects.bulk_create(fine_rows, batch_size=BATCH)
    counts.fines = len(fine_rows)
    _backdate(created_on)
    audit_record(
        actor=None,
        action=AuditAction.REGISTRY_SHOWCASE_SEEDED,
        payload={
            "values": {
                "inspections": counts.inspections,
                "findings": counts.findings,
                "complaints": counts.complaints,
                "cases": counts.cases,
                "fines": counts.fines,
                "years": years,
            }
        },
    )
    counts.seconds = time.perf_counter() - t0
    return counts


def _backdate(created_on: dict[str, dt.date]) -> None:
    """Give the generated rows the creation dates of their history (bulk_create stamps now)."""
    if not created_on:
        return
    refs = list(created_on)
    days = [created_on[r].isoformat() for r in refs]
    with connection.cursor() as cursor:
        for table, col in (
            (Inspection._meta.db_table, "reference"),
            (Case._meta.db_table, "reference"),
        ):
            cursor.execute(
                f"UPDATE {table} t SET created_at = v.day::date + time '09:00', "  # noqa: S608 - table names from models
                "updated_at = v.day::date + time '09:00' "
                f"FROM unnest(%s::text[], %s::text[]) AS v(ref, day) WHERE t.{col} = v.ref",
                [refs, days],
            )
        cursor.execute(
            f"UPDATE {Complaint._meta.db_table} c SET created_at = k.created_at "  # noqa: S608
            f"FROM {Case._meta.db_table} k WHERE c.case_id = k.id AND k.reference LIKE %s",
            [f"%-{MARK}%"],
        )
