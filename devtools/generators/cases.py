"""Generated open cases for benchmarks (a partner listing 10,000 cases page by page).

Rows are bulk-inserted, not opened through ``case_open``: one service call per case writes its
deadlines, alerts and audit event under the chain's lock, minutes for a volume that only has to
exist for reads. The columns the list reads (state, office, next deadline) look like real ones.
"""

import datetime as dt
import random

from django.db import transaction

from labourhub.accounts.models import Office
from labourhub.workflow.models import Case
from labourhub.workflow.procedures import procedure_get
from labourhub.workflow.services import ministry_today

TITLES = ["Unpaid overtime", "Wage arrears", "Unsafe scaffolding", "No contract", "Child labour"]


@transaction.atomic
def cases_generate(*, count: int, seed: int = 7) -> int:
    """Add ``count`` open complaint cases spread over the ministry's offices; returns ``count``."""
    offices = list(Office.objects.order_by("id"))
    procedure = procedure_get("complaint")
    if not offices or procedure is None or count <= 0:
        return 0
    rng = random.Random(seed)  # noqa: S311 (repeatable benchmark data, not a secret)
    start = Case.objects.count()
    today = ministry_today()
    rows = []
    for i in range(count):
        due = today + dt.timedelta(days=rng.randint(-30, 60))
        rows.append(
            Case(
                procedure=procedure.code,
                reference=f"GEN-{start + i + 1:07d}",
                title=rng.choice(TITLES),
                state=procedure.initial,
                office=offices[i % len(offices)],
                next_due_on=due,
                next_warn_on=due - dt.timedelta(days=5),
            )
        )
    Case.objects.bulk_create(rows, batch_size=2000)
    return count
