"""The case list as CSV: the core columns plus the fields the ministry's plugins add to cases."""

import csv
import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from labourhub.accounts.models import User
from labourhub.workflow.display import ProcedureWords
from labourhub.workflow.fields import case_fields
from labourhub.workflow.selectors import case_list

EXPORT_LIMIT = 50_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: Any) -> str:
    # A value typed by a user must not become a live formula in a spreadsheet.
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def case_export_lines(*, user: User, filters: dict[str, Any], today: dt.date) -> Iterator[str]:
    """CSV lines of the cases ``user`` may see, filtered like the case list."""
    fields = case_fields()
    words = ProcedureWords()
    writer = csv.writer(_Echo())
    yield writer.writerow(
        [
            _("Reference"),
            _("Procedure"),
            _("Title"),
            _("State"),
            _("Office"),
            _("Next deadline"),
            *(str(f.label) for f in fields),
        ]
    )
    cases = case_list(user=user, filters=filters, today=today).select_related("office")
    for case in cases[:EXPORT_LIMIT].iterator(chunk_size=2000):
        yield writer.writerow(
            [
                _safe(case.reference),
                _safe(words.procedure_text(case.procedure)),
                _safe(case.title),
                _safe(words.state_text(case.procedure, case.state)),
                _safe(case.office.code),
                _safe(case.next_due_on),
                *(_safe(case.extra.get(f.key)) for f in fields),
            ]
        )
