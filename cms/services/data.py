"""Writing indicator data: contributions, vetting, scheduled publication, cache invalidation."""

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cms.models import (
    CACHE_VERSION_KEY,
    Dataset,
    DatasetRow,
    Flag,
    Indicator,
    Observation,
    ObservationRevision,
    Release,
)
from cms.parsing import ParsedRow, dims_key, parse_upload
from cms.selectors import dataset_list_due, user_can_contribute
from labourhub.accounts.models import User
from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError

# gettext_noop marks them for extraction; they are translated when raised.
NOT_YOUR_INDICATOR = gettext_noop("Your agency is not responsible for this indicator.")
VET_REFUSED = gettext_noop("Your role does not allow vetting indicator data.")
WRONG_STATE = gettext_noop("This dataset is %(status)s and cannot be changed this way.")


def cache_bump() -> None:
    """Invalidate every cached public page of the current ministry (keys carry the version)."""
    try:
        cache.incr(CACHE_VERSION_KEY)
    except ValueError:
        cache.set(CACHE_VERSION_KEY, 2, timeout=None)


def _status_check(dataset: Dataset, *allowed: str) -> None:
    if dataset.status not in allowed:
        raise ApplicationError(_(WRONG_STATE) % {"status": dataset.get_status_display()})


@transaction.atomic(durable=True)
def dataset_submit(*, actor: User, indicator: Indicator, upload: UploadedFile[Any]) -> Dataset:
    """Check the actor's agency owns ``indicator``, validate every row, store file and rows.

    Raises ``DatasetInvalidError`` (row-level errors) or ``ApplicationError``; nothing is saved then.
    """
    if not user_can_contribute(user=actor, indicator=indicator):
        raise ApplicationError(_(NOT_YOUR_INDICATOR))
    data = upload.read()
    name = upload.name or "upload.csv"
    rows = parse_upload(indicator=indicator, name=name, data=data)
    dataset = Dataset.objects.create(
        indicator=indicator,
        agency=indicator.agency,
        uploaded_by=actor,
        original_name=name[:255],
        row_count=len(rows),
    )
    DatasetRow.objects.bulk_create(
        DatasetRow(
            dataset=dataset,
            line=r.line,
            period=r.period,
            dims=r.dims,
            dims_key=dims_key(r.dims),
            value=r.value,
            flag=r.flag,
        )
        for r in rows
    )
    dataset.file.save(name.rsplit("/", 1)[-1], ContentFile(data), save=True)
    audit_record(
        actor=actor,
        action=AuditAction.LMI_DATASET_SUBMITTED,
        subject=dataset,
        payload={"values": {"indicator": indicator.code, "rows": len(rows)}},
    )
    return dataset


@transaction.atomic(durable=True)
def dataset_return(*, actor: User, dataset: Dataset, comment: str) -> Dataset:
    permission_check(actor=actor, action=Action.LMI_VET, message=VET_REFUSED)
    _status_check(dataset, Dataset.Status.SUBMITTED)
    if not comment.strip():
        raise ApplicationError(_("Say what the agency must fix before returning the upload."))
    dataset.status, dataset.comment, dataset.reviewed_by = Dataset.Status.RETURNED, comment, actor
    dataset.save(update_fields=["status", "comment", "reviewed_by", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.LMI_DATASET_RETURNED,
        subject=dataset,
        payload={"changes": {"status": ("submitted", "returned")}, "values": {"comment": comment}},
    )
    return dataset


@transaction.atomic(durable=True)
def dataset_approve(
    *, actor: User, dataset: Dataset, release_at: datetime, comment: str = ""
) -> Dataset:
    """Approve for publication on ``release_at``; the upload stays embargoed until then."""
    permission_check(actor=actor, action=Action.LMI_VET, message=VET_REFUSED)
    _status_check(dataset, Dataset.Status.SUBMITTED)
    release = Release.objects.create(
        indicator=dataset.indicator,
        scheduled_for=release_at,
        title=_("%(indicator)s: new data") % {"indicator": dataset.indicator.name},
    )
    dataset.status, dataset.release, dataset.reviewed_by = Dataset.Status.APPROVED, release, actor
    dataset.comment = comment
    dataset.save(update_fields=["status", "release", "reviewed_by", "comment", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.LMI_DATASET_APPROVED,
        subject=dataset,
        payload={
            "changes": {"status": ("submitted", "approved")},
            "values": {"release_at": release_at.isoformat()},
        },
    )
    cache_bump()  # the release calendar shows the new date
    return dataset


def observations_apply(
    *,
    indicator: Indicator,
    rows: Iterable[ParsedRow | DatasetRow],
    dataset: Dataset | None,
    now: datetime,
) -> int:
    """Upsert published values, keeping a revision for every value that changes.

    Also the entry point for the case-system statistics (analytics issue), which pass their
    computed rows with ``dataset=None``. Returns the number of revised values.
    """
    existing = {(o.period, o.dims_key): o for o in Observation.objects.filter(indicator=indicator)}
    new, revisions = [], []
    revised = 0
    for r in rows:
        key = (r.period, dims_key(r.dims))
        value, flag = Decimal(r.value), r.flag
        obs = existing.get(key)
        if obs is None:
            new.append(
                Observation(
                    indicator=indicator,
                    period=r.period,
                    dims=r.dims,
                    dims_key=key[1],
                    value=value,
                    flag=flag,
                    dataset=dataset,
                )
            )
        elif obs.value != value or obs.flag != flag:
            if obs.value != value:
                revisions.append(
                    ObservationRevision(
                        observation=obs,
                        dataset=dataset,
                        old_value=obs.value,
                        new_value=value,
                        revised_at=now,
                    )
                )
                revised += 1
                # A changed value is "revised" unless the agency gave a more specific flag.
                flag = Flag.REVISED if flag == Flag.NORMAL else flag
            obs.value, obs.flag, obs.dataset = value, flag, dataset
            obs.save(update_fields=["value", "flag", "dataset", "updated_at"])
    Observation.objects.bulk_create(new)
    ObservationRevision.objects.bulk_create(revisions)
    return revised


@transaction.atomic
def _dataset_publish(*, dataset: Dataset, now: datetime) -> None:
    revised = observations_apply(
        indicator=dataset.indicator, rows=dataset.rows.all(), dataset=dataset, now=now
    )
    dataset.status, dataset.published_at = Dataset.Status.PUBLISHED, now
    dataset.save(update_fields=["status", "published_at", "updated_at"])
    if dataset.release is not None:
        dataset.release.status, dataset.release.published_at = Release.Status.PUBLISHED, now
        dataset.release.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(
        actor=None,
        action=AuditAction.LMI_DATASET_PUBLISHED,
        subject=dataset,
        payload={
            "changes": {"status": ("approved", "published")},
            "values": {"rows": dataset.row_count, "revised": revised},
        },
    )


@transaction.atomic(durable=True)
def dataset_publish_due(*, now: datetime | None = None) -> list[int]:
    """Publish every approved dataset whose release date has come; returns their ids.

    Run by the per-ministry beat task. Locks the rows so two overlapping runs cannot apply the
    same dataset twice.
    """
    now = now or timezone.now()
    due = list(dataset_list_due(now=now).select_for_update(skip_locked=True, of=("self",)))
    for dataset in due:
        _dataset_publish(dataset=dataset, now=now)
    if due:
        cache_bump()
    return [d.pk for d in due]
