"""Train, evaluate, score, switch and draw: every write of the targeting app."""

import datetime as dt
import hashlib
import json
import random
import secrets
from decimal import Decimal
from typing import Any

import numpy as np
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from labourhub.accounts.models import User
from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.background import task_enqueue_on_commit
from labourhub.common.exceptions import ApplicationError
from labourhub.inspections.models import Campaign, CampaignEstablishment
from labourhub.targeting.evaluation import backtest, fit_all, yearly_tables
from labourhub.targeting.features import risk_features_list, risk_history_span
from labourhub.targeting.learning import Params, model_score, top_reasons
from labourhub.targeting.models import Band, ModelKind, RiskDraw, RiskDrawEntry, RiskModelVersion
from labourhub.targeting.selectors import risk_draw_pool
from labourhub.workflow.services import ministry_today

Actor = User | AnonymousUser | None

NO_HISTORY = gettext_noop(
    "There are not enough inspections on record to train a model: at least two years of "
    "inspection results are needed (imported paper records count)."
)
TRAINING_ERROR = gettext_noop(
    "Training stopped on an unexpected error; the platform's administrators have the details."
)
NOT_READY = gettext_noop("Only a trained model can be switched on.")
NO_ACTIVE = gettext_noop("No risk model is switched on yet: the director must switch one on.")
BAD_COUNT = gettext_noop("Ask for between 1 and %(max)d establishments.")
BAD_SHARE = gettext_noop("The control share must be between 0% and 50%.")
BAD_SEED = gettext_noop("The seed must be a whole number between 0 and %(max)d.")
CAMPAIGN_CLOSED = gettext_noop("Targets can only be added to a campaign that is not closed.")
MAX_DRAW = 5000
MAX_SEED = 2**62
HIGH_SHARE, MEDIUM_SHARE = 0.10, 0.30  # top 10% high, next 20% medium, the rest low


def _user(actor: Actor) -> User | None:
    return actor if isinstance(actor, User) else None


@transaction.atomic
def risk_model_request(*, kind: str, actor: Actor) -> RiskModelVersion:
    """Queue training of a new version of ``kind``; the worker trains it after commit."""
    permission_check(actor=actor, action=Action.RISK_MANAGE)
    if kind not in ModelKind.values:
        raise ValidationError({"kind": _("Choose one of the offered kinds of model.")})
    version = RiskModelVersion.objects.create(kind=kind, requested_by=_user(actor))
    audit_record(
        actor=actor,
        action=AuditAction.RISK_MODEL_REQUESTED,
        subject=version,
        payload={"values": {"kind": kind}},
    )
    task_enqueue_on_commit("labourhub.targeting.tasks.risk_model_train_task", version_id=version.pk)
    return version


def _band(rank: int, total: int) -> str:
    share = rank / max(total, 1)
    if share <= HIGH_SHARE:
        return Band.HIGH
    return Band.MEDIUM if share <= MEDIUM_SHARE else Band.LOW


def _write_scores(version: RiskModelVersion, params: Params, as_of: dt.date) -> int:
    table = risk_features_list(as_of=as_of, active_only=True)
    scores, contrib = model_score(params, table)
    reasons = top_reasons(table, contrib)
    order = np.lexsort((table.ids, -scores))
    total = len(table)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM targeting_riskscore WHERE version_id = %s", [version.pk])
        copy_sql = (
            "COPY targeting_riskscore (version_id, establishment_id, office_id_at_scoring,"
            " region_id_at_scoring, sector, size_band, score, rank, band, reasons) FROM STDIN"
        )
        with cursor.cursor.copy(copy_sql) as copy:
            for rank, i in enumerate(order, start=1):
                copy.write_row(
                    (
                        version.pk,
                        int(table.ids[i]),
                        table.office[i],
                        table.region[i],
                        table.sector[i][:1],
                        table.size_band[i],
                        round(float(scores[i]), 6),
                        rank,
                        _band(rank, total),
                        json.dumps(reasons[i]),
                    )
                )
        # Fresh statistics after a bulk load, or the ranking's plans are guessed from an empty
        # table until autovacuum comes by.
        cursor.execute("ANALYZE targeting_riskscore")
    return total


def risk_model_train(*, version_id: int) -> RiskModelVersion:
    """Backtest on the last year, refit on all years, score every active establishment.

    A ministry without two years of results gets a FAILED version with the reason, not an
    exception: the director sees why on the models page. An unexpected error also marks the
    version FAILED (so it never stays "waiting") and is raised again for the worker's log.
    """
    try:
        return _train(version_id)
    except Exception:
        with transaction.atomic():
            RiskModelVersion.objects.filter(pk=version_id).update(
                status=RiskModelVersion.Status.FAILED, failure=TRAINING_ERROR
            )
            audit_record(
                actor=None,
                action=AuditAction.RISK_MODEL_TRAINED,
                subject=RiskModelVersion.objects.get(pk=version_id),
                payload={"values": {"failed": True}},
            )
        raise


@transaction.atomic
def _train(version_id: int) -> RiskModelVersion:
    version = RiskModelVersion.objects.select_for_update().get(pk=version_id)
    span = risk_history_span()
    today = ministry_today()
    if span is None or span[1] - span[0] < 1:
        version.status = RiskModelVersion.Status.FAILED
        version.failure = NO_HISTORY
        version.save(update_fields=["status", "failure", "updated_at"])
        return version
    first, last = span
    tables = yearly_tables(first_year=first, last_year=last)
    _params, metrics = backtest(version.kind, tables)
    params, rows = fit_all(version.kind, tables)
    version.parameters = params
    version.metrics = metrics
    version.training_rows = rows
    version.data_from = tables[0].as_of
    version.data_to = dt.date(last, 12, 31)
    version.test_from = dt.date(last, 1, 1)
    version.status = RiskModelVersion.Status.READY
    version.trained_at = timezone.now()
    version.save()
    scored = _write_scores(version, params, today + dt.timedelta(days=1))
    audit_record(
        actor=None,
        action=AuditAction.RISK_MODEL_TRAINED,
        subject=version,
        payload={
            "values": {
                "kind": version.kind,
                "training_rows": rows,
                "precision_at_k": metrics.get("precision_at_k"),
                "lift": metrics.get("lift"),
                "scored": scored,
            }
        },
    )
    return version


@transaction.atomic
def risk_scores_refresh(*, version_id: int) -> int:
    """Re-score with today's records (new complaints, unpaid fines) under the same model."""
    version = RiskModelVersion.objects.select_for_update().get(pk=version_id)
    if version.status != RiskModelVersion.Status.READY:
        return 0
    scored = _write_scores(version, version.parameters, ministry_today() + dt.timedelta(days=1))
    audit_record(
        actor=None,
        action=AuditAction.RISK_SCORES_REFRESHED,
        subject=version,
        payload={"values": {"scored": scored}},
    )
    return scored


@transaction.atomic
def risk_model_activate(*, version_id: int, actor: Actor) -> RiskModelVersion:
    permission_check(actor=actor, action=Action.RISK_MANAGE)
    version = RiskModelVersion.objects.select_for_update().get(pk=version_id)
    if version.status != RiskModelVersion.Status.READY:
        raise ApplicationError(_(NOT_READY))
    previous = RiskModelVersion.objects.select_for_update().filter(is_active=True).first()
    if previous is not None and previous.pk == version.pk:
        return version
    if previous is not None:
        previous.is_active = False
        previous.save(update_fields=["is_active", "updated_at"])
    version.is_active = True
    version.activated_at = timezone.now()
    version.save(update_fields=["is_active", "activated_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.RISK_MODEL_ACTIVATED,
        subject=version,
        payload={"changes": {"active_version": (previous.pk if previous else None, version.pk)}},
    )
    return version


def risk_draw_control(*, pool: list[int], count: int, seed: int) -> list[int]:
    """The control sample: ``count`` ids drawn uniformly from ``pool`` with ``seed``.

    Pure and deterministic, so anyone holding the recorded seed and pool redraws the same set.
    """
    return random.Random(seed).sample(sorted(pool), min(count, len(pool)))  # noqa: S311


def _check_draw(count: int, control_share: Decimal, seed: int | None) -> None:
    if not 1 <= count <= MAX_DRAW:
        raise ValidationError({"count": _(BAD_COUNT) % {"max": MAX_DRAW}})
    if not Decimal(0) <= control_share <= Decimal("0.5"):
        raise ValidationError({"control_share": _(BAD_SHARE)})
    if seed is not None and not 0 <= seed < MAX_SEED:
        raise ValidationError({"seed": _(BAD_SEED) % {"max": MAX_SEED - 1}})


@transaction.atomic
def risk_draw_make(
    *,
    campaign: Campaign,
    count: int,
    control_share: Decimal = Decimal("0.10"),
    seed: int | None = None,
    actor: Actor,
) -> RiskDraw:
    """Add ``count`` establishments to ``campaign``: the top of the ranking plus a random
    control share drawn (with a recorded seed) from the rest of the eligible ranking.

    Both kinds enter the campaign the same way, so inspectors cannot tell which visit is a
    control; only the draw record (seen by planners) says so.
    """
    permission_check(actor=actor, action=Action.INSPECTION_PLAN, region=campaign.region)
    permission_check(actor=actor, action=Action.RISK_VIEW)
    _check_draw(count, control_share, seed)
    if campaign.status == Campaign.Status.CLOSED:
        raise ApplicationError(_(CAMPAIGN_CLOSED))
    version = RiskModelVersion.objects.filter(is_active=True).first()
    if version is None:
        raise ApplicationError(_(NO_ACTIVE))
    eligible = risk_draw_pool(version=version, campaign=campaign, user=_user(actor))
    n_control = int((Decimal(count) * control_share).to_integral_value())
    ranked = eligible[: count - n_control]
    pool = [est for est, _score in eligible[count - n_control :]]
    seed = secrets.randbelow(MAX_SEED) if seed is None else seed
    control = set(risk_draw_control(pool=pool, count=n_control, seed=seed))
    draw = RiskDraw.objects.create(
        campaign=campaign,
        version=version,
        requested=count,
        control_share=control_share,
        seed=seed,
        pool_size=len(pool),
        drawn_by=_user(actor),
    )
    scores = dict(eligible)
    entries = [
        RiskDrawEntry(draw=draw, establishment_id=e, kind="ranked", score=s) for e, s in ranked
    ]
    entries += [
        RiskDrawEntry(draw=draw, establishment_id=e, kind="control", score=scores[e])
        for e in sorted(control)
    ]
    RiskDrawEntry.objects.bulk_create(entries)
    CampaignEstablishment.objects.bulk_create(
        CampaignEstablishment(
            campaign=campaign,
            establishment_id=entry.establishment_id,
            source=CampaignEstablishment.Source.RISK,
        )
        for entry in entries
    )
    audit_record(
        actor=actor,
        action=AuditAction.RISK_DRAW_MADE,
        subject=campaign,
        payload={"values": _draw_values(draw, len(ranked), sorted(control), pool)},
    )
    return draw


def _draw_values(
    draw: RiskDraw, ranked: int, control: list[int], pool: list[int]
) -> dict[str, Any]:
    digest = hashlib.sha256(",".join(map(str, sorted(pool))).encode()).hexdigest()
    return {
        "model_version": draw.version_id,
        "ranked": ranked,
        "control": len(control),
        "control_share": str(draw.control_share),
        "seed": draw.seed,
        "pool_size": len(pool),
        "pool_sha256": digest,
    }
