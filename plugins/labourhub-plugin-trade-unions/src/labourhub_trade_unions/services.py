"""Trade-union registration: filed -> reviewed -> registered (with a certificate) | refused.

Each union's registration is a case of the declared procedure ``codes.REGISTRATION``; the core
engine decides which step may follow which, who may take it (deciding needs
``registration.decide``), starts the legal time limits on the ministry's calendar and audits
every step. This module adds the union's own records and its domain audit events.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from labourhub.plugin_api import (
    Actor,
    audit_record,
    case_open,
    case_transition,
    document_issue,
    office_root,
    plugin_config,
)
from labourhub_trade_unions import audit
from labourhub_trade_unions.apps import TradeUnionsSettings
from labourhub_trade_unions.codes import CERTIFICATE, REGISTRATION
from labourhub_trade_unions.models import TradeUnion, UnionOfficer

SLUG = "trade-unions"
ERR_TOO_FEW_MEMBERS = "A union needs at least %(min)d founding members; %(n)d were declared."
ERR_NO_OFFICERS = "List at least one officer (name and position)."
ERR_EMPLOYER_REQUIRED = "An enterprise union must name its employer."
ERR_REASON_REQUIRED = "Give the reason for the refusal; it is notified to the applicants."


def settings_for_current_ministry() -> TradeUnionsSettings:
    return TradeUnionsSettings.model_validate(
        plugin_config(getattr(connection, "tenant", None), SLUG)
    )


def _next_number(prefix: str, field: str) -> str:
    # Numbers are legal identifiers: serialise issuers so two clerks never get the same one.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"hn_tu:{field}"])
    year = timezone.now().year
    start = f"{prefix}-{year}-"
    taken = TradeUnion.objects.filter(**{f"{field}__startswith": start}).count()
    return f"{start}{taken + 1:05d}"


@transaction.atomic
def union_file(
    *,
    name: str,
    kind: str,
    municipality: str,
    members_count: int,
    officers: list[tuple[str, str]],
    acronym: str = "",
    employer_name: str = "",
    actor: Actor,
) -> TradeUnion:
    """File an application; validates against the ministry's configured legal minimum."""
    conf = settings_for_current_ministry()
    errors: dict[str, list[str]] = {}
    if members_count < conf.min_members:
        errors["members_count"] = [
            _(ERR_TOO_FEW_MEMBERS) % {"min": conf.min_members, "n": members_count}
        ]
    if not officers:
        errors["officers"] = [_(ERR_NO_OFFICERS)]
    if kind == TradeUnion.Kind.ENTERPRISE and not employer_name.strip():
        errors["employer_name"] = [_(ERR_EMPLOYER_REQUIRED)]
    if errors:
        raise ValidationError(errors)
    union = TradeUnion(
        file_number=_next_number("EXP", "file_number"),
        name=name.strip(),
        kind=kind,
        acronym=acronym.strip(),
        employer_name=employer_name.strip(),
        municipality=municipality.strip(),
        members_count=members_count,
        filed_by_id=getattr(actor, "pk", None),
    )
    union.case = case_open(
        procedure=REGISTRATION,
        title=union.name,
        office=getattr(actor, "office", None) or office_root(),
        actor=actor,
    )
    union.full_clean()
    union.save()
    for full_name, position in officers:
        officer = UnionOfficer(union=union, full_name=full_name.strip(), position=position.strip())
        officer.full_clean(exclude=["union"])
        officer.save()
    audit_record(
        actor=actor,
        action=audit.UNION_FILED,
        subject=union,
        payload={
            "values": {
                "name": union.name,
                "members_count": members_count,
                "officers": [list(o) for o in officers],
            }
        },
    )
    return union


def _step(union: TradeUnion, step: str, actor: Actor, note: str = "") -> TradeUnion:
    """Move the union's case to ``step``; the engine refuses a step that may not follow."""
    locked = (
        TradeUnion.objects.select_for_update(of=("self",)).select_related("case").get(pk=union.pk)
    )
    assert locked.case is not None  # every union is filed with its case
    locked.case = case_transition(case=locked.case, transition=step, actor=actor, note=note)
    locked.status = locked.case.state
    return locked


@transaction.atomic
def union_review(*, union: TradeUnion, notes: str = "", actor: Actor) -> TradeUnion:
    union = _step(union, TradeUnion.Status.REVIEWED, actor, notes)
    union.review_notes = notes.strip()
    union.reviewed_at = timezone.now()
    union.save(update_fields=["status", "review_notes", "reviewed_at", "updated_at"])
    audit_record(
        actor=actor,
        action=audit.UNION_REVIEWED,
        subject=union,
        payload={"changes": {"status": ("filed", "reviewed")}, "values": {"notes": notes}},
    )
    return union


@transaction.atomic
def union_register(*, union: TradeUnion, actor: Actor) -> TradeUnion:
    """Register a reviewed union and issue its certificate number (PREFIX-YEAR-NNNNN).

    A staff member registering also gets the numbered certificate letter (documents service).
    """
    union = _step(union, TradeUnion.Status.REGISTERED, actor)
    conf = settings_for_current_ministry()
    union.certificate_number = _next_number(conf.certificate_prefix, "certificate_number")
    union.decided_at = timezone.now()
    union.save(update_fields=["status", "certificate_number", "decided_at", "updated_at"])
    audit_record(
        actor=actor,
        action=audit.UNION_REGISTERED,
        subject=union,
        payload={
            "changes": {"status": ("reviewed", "registered")},
            "values": {"certificate_number": union.certificate_number},
        },
    )
    if getattr(actor, "is_authenticated", False):
        document_issue(
            kind=CERTIFICATE,
            officer=actor,  # type: ignore[arg-type]
            subject=union,
            extra={
                "union_name": union.name,
                "certificate_number": union.certificate_number,
                "file_number": union.file_number,
            },
            actor=actor,
        )
    return union


@transaction.atomic
def union_refuse(*, union: TradeUnion, reason: str, actor: Actor) -> TradeUnion:
    if not reason.strip():
        raise ValidationError({"reason": [_(ERR_REASON_REQUIRED)]})
    union = _step(union, TradeUnion.Status.REFUSED, actor, reason.strip())
    union.refusal_reason = reason.strip()
    union.decided_at = timezone.now()
    union.save(update_fields=["status", "refusal_reason", "decided_at", "updated_at"])
    audit_record(
        actor=actor,
        action=audit.UNION_REFUSED,
        subject=union,
        payload={
            "changes": {"status": ("reviewed", "refused")},
            "values": {"reason": union.refusal_reason},
        },
    )
    return union


def parse_officers(text: str) -> list[tuple[str, str]]:
    """'Name; Position' per line -> pairs; raises ValidationError naming the bad line."""
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts: list[Any] = [p.strip() for p in line.split(";")]
        if len(parts) != 2 or not all(parts):
            raise ValidationError(
                {"officers": [_("Line %(n)d: write 'Full name; Position'.") % {"n": number}]}
            )
        pairs.append((parts[0][:200], parts[1][:100]))
    return pairs
