"""Features of every establishment as known on a given day, from the ministry's own records.

One SQL statement per call, whatever the number of establishments: each source is aggregated
once with GROUP BY and joined to the registry, so there is no per-establishment query. Only
events strictly before ``as_of`` count, which is what lets the backtest train on the past and
test on a later year without leaking the answer into the features.

No personal attribute of any person is used: workforce size and whether minors are employed
describe the workplace; the share of women is deliberately left out (ADR 0022).
"""

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from django.db import connection

from labourhub.registry.isic import isic_section

# Numeric features, in column order. Categorical ones (size, sector, region) are kept apart.
NUMERIC = (
    "years_since_inspection",
    "never_inspected",
    "past_visits",
    "past_breaches",
    "findings_serious",
    "findings_minor",
    "complaints_12m",
    "accidents_36m",
    "unmet_orders",
    "unpaid_fines",
    "workers_log",
    "employs_minors",
    "age_years",
)
CATEGORICAL = ("size_band", "sector", "region")
NEVER_YEARS = 10.0  # "never inspected" counts as ten years, and sets its own flag

_SQL = """
WITH visits AS (
    SELECT i.establishment_id AS est,
           COALESCE(i.scheduled_for, i.submitted_at::date) AS day,
           COUNT(f.id) FILTER (WHERE f.severity IN ('serious', 'very_serious')) AS serious,
           COUNT(f.id) FILTER (WHERE f.severity = 'minor') AS minor,
           COUNT(f.id) > 0 AS breach
      FROM inspections_inspection i
      LEFT JOIN inspections_finding f ON f.inspection_id = i.id AND f.withdrawn_by_id IS NULL
     WHERE i.status = 'completed' AND i.outcome = 'visited'
     GROUP BY i.id
    UNION ALL
    SELECT h.establishment_id, h.inspected_on,
           (h.outcome = 'sanction')::int, (h.outcome = 'order')::int,
           h.outcome IN ('order', 'sanction')
      FROM registry_historicalinspection h
     WHERE h.outcome <> 'closed'
),
past AS (
    SELECT est, MAX(day) AS last_day,
           COUNT(*) FILTER (WHERE day >= %(five_years)s) AS visits,
           COUNT(*) FILTER (WHERE breach AND day >= %(five_years)s) AS breaches,
           COALESCE(SUM(serious) FILTER (WHERE day >= %(five_years)s), 0) AS serious,
           COALESCE(SUM(minor) FILTER (WHERE day >= %(five_years)s), 0) AS minor
      FROM visits WHERE day < %(as_of)s GROUP BY est
),
outcome AS (
    SELECT est, BOOL_OR(breach) AS breach
      FROM visits WHERE day >= %(as_of)s AND day < %(until)s GROUP BY est
),
complaints AS (
    SELECT establishment_id AS est, COUNT(*) AS n FROM complaints_complaint
     WHERE establishment_id IS NOT NULL AND created_at >= %(one_year)s AND created_at < %(as_of)s
     GROUP BY establishment_id
),
accidents AS (
    SELECT establishment_id AS est, COUNT(*) AS n FROM complaints_accidentnotification
     WHERE establishment_id IS NOT NULL AND occurred_on >= %(three_years)s
       AND occurred_on < %(as_of)s
     GROUP BY establishment_id
),
orders AS (
    SELECT establishment_id AS est, COUNT(*) AS n FROM enforcement_complianceorder
     WHERE result IN ('not_complied', 'partly') AND verified_at < %(as_of)s
     GROUP BY establishment_id
),
paid AS (
    SELECT fine_id, SUM(amount) AS amount FROM enforcement_payment
     WHERE paid_on < %(as_of)s GROUP BY fine_id
),
fines AS (
    SELECT fi.establishment_id AS est, COUNT(*) AS n FROM enforcement_fine fi
      LEFT JOIN paid ON paid.fine_id = fi.id
     WHERE NOT fi.annulled AND fi.created_at < %(as_of)s
       AND fi.amount > COALESCE(paid.amount, 0)
     GROUP BY fi.establishment_id
)
SELECT e.id, e.size_band, e.isic_code, COALESCE(o.parent_id, o.id), e.office_id,
       e.workers_female + e.workers_male, e.workers_minors > 0,
       CASE WHEN e.opened_on IS NULL OR e.opened_on > %(as_of)s THEN NULL
            ELSE (%(as_of)s - e.opened_on) / 365.25 END,
       p.last_day, COALESCE(p.visits, 0), COALESCE(p.breaches, 0),
       COALESCE(p.serious, 0), COALESCE(p.minor, 0),
       COALESCE(c.n, 0), COALESCE(a.n, 0), COALESCE(od.n, 0), COALESCE(fn.n, 0),
       out.breach
  FROM registry_establishment e
  JOIN accounts_office o ON o.id = e.office_id
  LEFT JOIN past p ON p.est = e.id
  LEFT JOIN complaints c ON c.est = e.id
  LEFT JOIN accidents a ON a.est = e.id
  LEFT JOIN orders od ON od.est = e.id
  LEFT JOIN fines fn ON fn.est = e.id
  LEFT JOIN outcome out ON out.est = e.id
 WHERE e.status {status_clause}
 ORDER BY e.id
"""


@dataclass
class FeatureTable:
    """Features of many establishments: numeric matrix plus categorical columns."""

    as_of: dt.date
    ids: npt.NDArray[np.int64]
    numeric: npt.NDArray[np.float64]  # shape (n, len(NUMERIC))
    size_band: list[str]
    sector: list[str]
    region: list[int]
    office: list[int]
    # Outcome in [as_of, until): None = not inspected then, else whether a breach was found.
    outcome: list[bool | None] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    def take(self, mask: npt.NDArray[np.bool_]) -> "FeatureTable":
        idx = np.flatnonzero(mask)
        return FeatureTable(
            as_of=self.as_of,
            ids=self.ids[idx],
            numeric=self.numeric[idx],
            size_band=[self.size_band[i] for i in idx],
            sector=[self.sector[i] for i in idx],
            region=[self.region[i] for i in idx],
            office=[self.office[i] for i in idx],
            outcome=[self.outcome[i] for i in idx],
        )

    def labelled(self) -> "FeatureTable":
        """Only the establishments inspected in the outcome window."""
        return self.take(np.array([o is not None for o in self.outcome], dtype=bool))

    def labels(self) -> npt.NDArray[np.int64]:
        return np.array([1 if o else 0 for o in self.outcome], dtype=np.int64)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def risk_features_list(
    *, as_of: dt.date, until: dt.date | None = None, active_only: bool = False
) -> FeatureTable:
    """Features of every establishment as known at the start of ``as_of``.

    ``until`` adds the outcome of inspections made in ``[as_of, until)`` (for training and the
    backtest). ``active_only`` keeps only active establishments (for scoring); merged
    tombstones are always left out.
    """
    status_clause = "= 'active'" if active_only else "<> 'merged'"
    params = {
        "as_of": as_of,
        "until": until or as_of,
        "one_year": _years_before(as_of, 1),
        "three_years": _years_before(as_of, 3),
        "five_years": _years_before(as_of, 5),
    }
    with connection.cursor() as cursor:
        cursor.execute(_SQL.format(status_clause=status_clause), params)
        rows = cursor.fetchall()
    n = len(rows)
    numeric = np.zeros((n, len(NUMERIC)), dtype=np.float64)
    ids = np.zeros(n, dtype=np.int64)
    sizes, sectors, regions, offices, outcome = [], [], [], [], []
    for i, row in enumerate(rows):
        (pk, size, isic, region, office, workers, minors, age, last_day, *counts, breach) = row
        ids[i] = pk
        sizes.append(size)
        sectors.append(isic_section(isic) or "?")
        regions.append(int(region))
        offices.append(int(office))
        outcome.append(None if breach is None else bool(breach))
        years = NEVER_YEARS if last_day is None else (as_of - last_day).days / 365.25
        numeric[i, 0] = min(years, NEVER_YEARS)
        numeric[i, 1] = 1.0 if last_day is None else 0.0
        numeric[i, 2:10] = counts
        numeric[i, 10] = np.log1p(workers)
        numeric[i, 11] = 1.0 if minors else 0.0
        numeric[i, 12] = min(float(age), 50.0) if age is not None else 0.0
    return FeatureTable(
        as_of=as_of,
        ids=ids,
        numeric=numeric,
        size_band=sizes,
        sector=sectors,
        region=regions,
        office=offices,
        outcome=outcome if until else [None] * n,
    )


def risk_history_span() -> tuple[int, int] | None:
    """First and last year with an inspection outcome on record (live or imported)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT MIN(day), MAX(day) FROM (
                   SELECT COALESCE(scheduled_for, submitted_at::date) AS day
                     FROM inspections_inspection
                    WHERE status = 'completed' AND outcome = 'visited'
                   UNION ALL
                   SELECT inspected_on FROM registry_historicalinspection
               ) AS d"""
        )
        first, last = cursor.fetchone()
    if first is None:
        return None
    return first.year, last.year
