"""Deadline alerts: the daily sweep, digests, escalation and extra deadlines."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.background import task_enqueue_on_commit
from labourhub.common.localtime import person_language
from labourhub.workflow.calendar import calendar_current
from labourhub.workflow.models import Alert, Case, Deadline
from labourhub.workflow.procedures import TimeLimit
from labourhub.workflow.services.base import (
    Actor,
    _case_refresh_next,
    _deadline_start,
    _event,
    ministry_today,
)

# -- alerts --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SweepResult:
    warnings: int
    expired: int
    escalations: int


_SWEEP_SQL = {
    Alert.Kind.WARNING: """
        SELECT d.id, d.case_id, c.assigned_to_id FROM workflow_deadline d
        JOIN workflow_case c ON c.id = d.case_id
        WHERE d.status = 'open' AND d.warn_on <= %(today)s AND d.due_on >= %(today)s
          AND d.warn_on < d.due_on AND c.assigned_to_id IS NOT NULL""",
    Alert.Kind.EXPIRED: """
        SELECT d.id, d.case_id, c.assigned_to_id FROM workflow_deadline d
        JOIN workflow_case c ON c.id = d.case_id
        WHERE d.status = 'open' AND d.due_on < %(today)s AND c.assigned_to_id IS NOT NULL""",
    Alert.Kind.ESCALATION: """
        SELECT d.id, d.case_id, c.supervisor_id FROM workflow_deadline d
        JOIN workflow_case c ON c.id = d.case_id
        WHERE d.status = 'open' AND d.escalate_on <= %(today)s AND d.due_on < %(today)s
          AND c.supervisor_id IS NOT NULL""",
}


@transaction.atomic
def deadline_sweep(*, today: dt.date | None = None) -> SweepResult:
    """Raise the warning, expiry and escalation alerts that are due; idempotent.

    Each kind is one INSERT ... SELECT ... ON CONFLICT DO NOTHING against the unique
    (deadline, kind, recipient) constraint: a second sweep running concurrently blocks on the
    first one's index entries and then inserts nothing, and a sweep killed mid-way rolls back
    whole, so the next run raises exactly what it would have.
    """
    today = today or ministry_today()
    now = timezone.now()
    counts: dict[str, int] = {}
    with connection.cursor() as cursor:
        for kind, select in _SWEEP_SQL.items():
            cursor.execute(
                f"""INSERT INTO workflow_alert (deadline_id, case_id, recipient_id, kind, created_at)
                    SELECT s.id, s.case_id, s.rcpt, %(kind)s, %(now)s
                    FROM ({select}) AS s(id, case_id, rcpt)
                    ON CONFLICT (deadline_id, kind, recipient_id) DO NOTHING""",  # noqa: S608
                {"today": today, "kind": kind.value, "now": now},
            )
            counts[kind.value] = cursor.rowcount
    result = SweepResult(counts["warning"], counts["expired"], counts["escalation"])
    if any(counts.values()):
        audit_record(
            actor=None,
            action=AuditAction.DEADLINE_SWEPT,
            payload={"values": {"today": today, **counts}},
        )
        task_enqueue_on_commit("labourhub.workflow.tasks.alert_digest_send_task")
    return result


def alert_digest_send(*, limit_users: int = 500) -> int:
    """E-mail each recipient one digest of their alerts not yet e-mailed; returns mails sent.

    Per recipient, the alerts are locked (SKIP LOCKED, so concurrent senders split the work)
    and stamped in the same transaction as the send: a crash before commit re-sends that
    digest on the next run (at-least-once e-mail), never skips it.
    """
    sent = 0
    recipients = list(
        Alert.objects.filter(emailed_at=None)
        .values_list("recipient_id", flat=True)
        .distinct()[:limit_users]
    )
    for recipient_id in recipients:
        with transaction.atomic():
            alerts = list(
                Alert.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(recipient_id=recipient_id, emailed_at=None)
                .select_related("case", "deadline", "recipient")
                .order_by("case__reference", "kind")
            )
            if not alerts:
                continue
            user = alerts[0].recipient
            if user.email:
                tenant = getattr(connection, "tenant", None)
                with translation.override(person_language(user, tenant)):
                    lines = [
                        f"- {a.case.reference} · {_(a.deadline.label)} · "
                        f"{formats.date_format(a.deadline.due_on, 'DATE_FORMAT')} · "
                        f"{a.get_kind_display()}"
                        for a in alerts
                    ]
                    subject = _("LabourHub: %(n)d deadline alerts") % {"n": len(alerts)}
                send_mail(
                    subject=subject,
                    message="\n".join(lines),
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    recipient_list=[user.email],
                )
                sent += 1
            Alert.objects.filter(pk__in=[a.pk for a in alerts]).update(emailed_at=timezone.now())
            audit_record(
                actor=None,
                action=AuditAction.ALERT_EMAILED,
                subject=user,
                payload={"values": {"alerts": [a.pk for a in alerts], "mailed": bool(user.email)}},
            )
    return sent


@transaction.atomic
def alert_mark_read(*, user: User, alert_ids: list[int] | None = None) -> int:
    from labourhub.inspections.services.alert_routing import inspection_alerts_mark_read

    qs = Alert.objects.filter(recipient=user, read_at=None)
    if alert_ids is not None:
        qs = qs.filter(pk__in=alert_ids)
    ids = list(qs.values_list("pk", flat=True))
    count = Alert.objects.filter(pk__in=ids).update(read_at=timezone.now())
    if alert_ids is None:
        # "Mark all read" includes the safety alerts (child labour, refused entry) in the bell.
        count += inspection_alerts_mark_read(user=user)
    if count:
        audit_record(
            actor=user,
            action=AuditAction.ALERT_READ,
            subject=user,
            payload={"values": {"alerts": ids}},
        )
    return count


@transaction.atomic
def deadline_add(
    *,
    case: Case,
    code: str,
    label: str,
    amount: int,
    unit: str,
    actor: Actor,
    start_on: dt.date | None = None,
    warn_before: int = 3,
    escalate_after: int = 2,
) -> Deadline:
    """An extra deadline outside the procedure's transitions (e.g. a conciliation agreement)."""
    limit = TimeLimit(
        code=code,
        label=str(label),
        amount=amount,
        unit=unit,
        warn_before=warn_before,
        escalate_after=escalate_after,
    )
    deadline = _deadline_start(
        case=case, limit=limit, start_on=start_on or ministry_today(), cal=calendar_current()
    )
    _case_refresh_next([case.pk])
    deadline_alerts_now(deadlines=[deadline])
    _event(
        case=case,
        actor=actor,
        kind="deadline",
        text=_("New deadline “%(l)s” on %(d)s") % {"l": _(deadline.label), "d": deadline.due_on},
    )
    audit_record(
        actor=actor,
        action=AuditAction.DEADLINE_ADDED,
        subject=deadline,
        payload={"values": {"code": code, "due_on": deadline.due_on}},
    )
    return deadline


def deadline_alerts_now(*, deadlines: list[Deadline]) -> int:
    """Tell the case's assignee and supervisor at once that a step set a deadline.

    Each recipient gets one "new deadline set" alert in their bell right after the step (not an
    hour later); the alert links to the case page, which shows the warning and due dates. The
    warning, expiry and escalation alerts stay the sweep's, on their dates. Idempotent through
    the same unique constraint as the sweep; runs inside the caller's transaction.
    """
    if not deadlines:
        return 0
    now = timezone.now()
    cases = {
        c.pk: c
        for c in Case.objects.filter(pk__in={d.case_id for d in deadlines}).only(
            "id", "assigned_to_id", "supervisor_id"
        )
    }
    created = 0
    with connection.cursor() as cursor:
        for deadline in deadlines:
            case = cases.get(deadline.case_id)
            if case is None:
                continue
            for rcpt in dict.fromkeys(r for r in (case.assigned_to_id, case.supervisor_id) if r):
                cursor.execute(
                    """INSERT INTO workflow_alert
                           (deadline_id, case_id, recipient_id, kind, created_at)
                       VALUES (%s, %s, %s, %s, %s)
                       ON CONFLICT (deadline_id, kind, recipient_id) DO NOTHING""",
                    [deadline.pk, case.pk, rcpt, Alert.Kind.SCHEDULED.value, now],
                )
                created += cursor.rowcount
    return created


@transaction.atomic
def alert_escalate_now(*, deadline: Deadline, recipients: list[User], actor: Actor) -> int:
    """Escalate at once (e.g. child labour), without waiting for the sweep; idempotent too."""
    now = timezone.now()
    created = 0
    with connection.cursor() as cursor:
        for user in recipients:
            cursor.execute(
                """INSERT INTO workflow_alert (deadline_id, case_id, recipient_id, kind, created_at)
                   VALUES (%s, %s, %s, %s, %s)
                   ON CONFLICT (deadline_id, kind, recipient_id) DO NOTHING""",
                [deadline.pk, deadline.case_id, user.pk, Alert.Kind.ESCALATION.value, now],
            )
            created += cursor.rowcount
    if created:
        audit_record(
            actor=actor,
            action=AuditAction.ALERT_ESCALATED,
            subject=deadline,
            payload={"values": {"recipients": [u.pk for u in recipients]}},
        )
        task_enqueue_on_commit("labourhub.workflow.tasks.alert_digest_send_task")
    return created
