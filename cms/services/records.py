"""Datasets built from LabourHub's own records (Source.CASE_SYSTEM), for the usual vetting.

An indicator whose source is the case system names, in ``analytics_definition``, an indicator
definition of the analytics (a core one or a plugin's, e.g. the employment service's
``pes_placements``). Building computes its current value for every combination of the
indicator's dimension values and stores them as a *submitted* dataset, exactly as if a partner
agency had uploaded them: the director vets it, sets the release date (the embargo) and the
publication task makes it public, with the site's small-count suppression and downloads.
Cells the definition itself suppresses (``None``) never leave LabourHub.
"""

import csv
import io
import itertools
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cms.models import TOTAL, Dataset, DatasetRow, Flag, Indicator
from cms.parsing import dims_key
from labourhub.accounts.models import Office, User
from labourhub.accounts.permissions import permission_check
from labourhub.accounts.roles import Action
from labourhub.audit.services import AuditAction, audit_record
from labourhub.common.exceptions import ApplicationError
from labourhub.extensions import current_hooks, flatten

NOT_FROM_RECORDS = gettext_noop("This indicator is not computed from LabourHub's records.")
NO_DEFINITION = gettext_noop(
    "The records behind this indicator (%(code)s) are not available in this ministry: the "
    "module that computes them is not active."
)
UNKNOWN_DIMENSION = gettext_noop(
    "LabourHub's records cannot be broken down by “%(dimension)s”; remove that dimension "
    "from the indicator or publish it from an upload."
)
VET_REFUSED = gettext_noop("Your role does not allow vetting indicator data.")

# Indicator dimension code -> the keyword the definition's compute() takes.
DIMENSION_KEYWORDS = {
    "sex": "sex",
    "age": "age_band",
    "occupation": "occupation_major",
    "isco": "occupation_major",
    "region": "region_id",
}


def period_current(*, indicator: Indicator, now: datetime) -> str:
    local = timezone.localtime(now)
    if indicator.periodicity == Indicator.Periodicity.QUARTERLY:
        return f"{local.year}-Q{(local.month - 1) // 3 + 1}"
    if indicator.periodicity == Indicator.Periodicity.MONTHLY:
        return f"{local.year}-{local.month:02d}"
    return str(local.year)


def _keyword_value(dimension: str, code: str) -> Any:
    if dimension == "age":
        return code[1:] if code.startswith("Y") else code  # SDMX "Y15-24" -> "15-24"
    if dimension == "region":
        office = Office.objects.filter(level="region", code=code).first()
        return office.pk if office is not None else -1
    return code


def _definition(indicator: Indicator) -> Any:
    tenant = getattr(connection, "tenant", None)
    found = {
        d.code: d for d in flatten(current_hooks().register_indicator_definitions(tenant=tenant))
    }
    definition = found.get(indicator.analytics_definition)
    if definition is None or definition.compute is None:
        raise ApplicationError(_(NO_DEFINITION) % {"code": indicator.analytics_definition})
    return definition


def records_rows(*, indicator: Indicator, period: str) -> list[tuple[dict[str, str], Decimal]]:
    """(dimension values, value) for every combination the definition does not suppress."""
    definition = _definition(indicator)
    dims = list(indicator.dimensions.prefetch_related("values").order_by("code"))
    for dim in dims:
        if dim.code not in DIMENSION_KEYWORDS:
            raise ApplicationError(_(UNKNOWN_DIMENSION) % {"dimension": dim.name})
    choices = [[v.code for v in dim.values.all()] or [TOTAL] for dim in dims]
    tenant = getattr(connection, "tenant", None)
    found: list[tuple[dict[str, str], Decimal]] = []
    for combo in itertools.product(*choices):
        kwargs = {
            DIMENSION_KEYWORDS[dim.code]: _keyword_value(dim.code, code)
            for dim, code in zip(dims, combo, strict=True)
            if code != TOTAL
        }
        value = definition.compute(tenant=tenant, **kwargs)
        if value is None:
            continue
        found.append(({dim.code: code for dim, code in zip(dims, combo, strict=True)}, value))
    return found


@transaction.atomic(durable=True)
def dataset_build_from_records(
    *, actor: User, indicator: Indicator, now: datetime | None = None
) -> Dataset:
    """Compute the indicator from LabourHub's records into a dataset waiting for vetting."""
    permission_check(actor=actor, action=Action.LMI_VET, message=VET_REFUSED)
    if indicator.source != Indicator.Source.CASE_SYSTEM or not indicator.analytics_definition:
        raise ApplicationError(_(NOT_FROM_RECORDS))
    now = now or timezone.now()
    period = period_current(indicator=indicator, now=now)
    found = records_rows(indicator=indicator, period=period)
    name = f"labourhub-{indicator.code}-{period}.csv"
    dataset = Dataset.objects.create(
        indicator=indicator,
        agency=indicator.agency,
        uploaded_by=actor,
        original_name=name,
        row_count=len(found),
    )
    DatasetRow.objects.bulk_create(
        DatasetRow(
            dataset=dataset,
            line=n + 2,
            period=period,
            dims=dims,
            dims_key=dims_key(dims),
            value=Decimal(value),
            flag=Flag.NORMAL,
        )
        for n, (dims, value) in enumerate(found)
    )
    out = io.StringIO()
    codes = sorted({k for dims, _v in found for k in dims})
    writer = csv.writer(out)
    writer.writerow(["period", *codes, "value"])
    for dims, value in found:
        writer.writerow([period, *(dims[c] for c in codes), value])
    dataset.file.save(name, ContentFile(out.getvalue().encode()), save=True)
    audit_record(
        actor=actor,
        action=AuditAction.LMI_DATASET_SUBMITTED,
        subject=dataset,
        payload={"values": {"indicator": indicator.code, "rows": len(found), "source": "records"}},
    )
    return dataset
