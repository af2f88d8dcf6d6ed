"""Time-split backtest: train on earlier years, test on the last one, compare with chance.

Precision at k is the share of the k top-ranked establishments (among those inspected in the
held-out year) where the inspection found a breach; a random draw of k would find the base
rate. A model only "beats chance" when the lower end of its 95% interval is above that rate,
so a lucky draw on little data is not reported as a success.
"""

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from labourhub.targeting.features import FeatureTable, risk_features_list
from labourhub.targeting.learning import Params, model_fit, model_score

DEFAULT_K = 100
MAX_TRAINING_YEARS = 6


def _concat(tables: Sequence[FeatureTable]) -> FeatureTable:
    return FeatureTable(
        as_of=tables[-1].as_of,
        ids=np.concatenate([t.ids for t in tables]),
        numeric=np.vstack([t.numeric for t in tables]),
        size_band=[v for t in tables for v in t.size_band],
        sector=[v for t in tables for v in t.sector],
        region=[v for t in tables for v in t.region],
        office=[v for t in tables for v in t.office],
        outcome=[v for t in tables for v in t.outcome],
    )


def yearly_tables(*, first_year: int, last_year: int) -> list[FeatureTable]:
    """One labelled table per year: features on 1 January, outcome of that year's visits."""
    tables = []
    for year in range(max(first_year, last_year - MAX_TRAINING_YEARS), last_year + 1):
        table = risk_features_list(as_of=dt.date(year, 1, 1), until=dt.date(year + 1, 1, 1))
        tables.append(table.labelled())
    return tables


def wilson_interval(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 0.0
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def _ranked(scores: np.ndarray[Any, Any], ids: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    # Highest score first; ties broken by id so the ranking is reproducible.
    return np.lexsort((ids, -scores))


def _groups(values: Sequence[Any], y: np.ndarray[Any, Any], top: set[int]) -> list[dict[str, Any]]:
    out = []
    for value in sorted({str(v) for v in values}):
        idx = [i for i, v in enumerate(values) if str(v) == value]
        chosen = [i for i in idx if i in top]
        out.append(
            {
                "group": value,
                "inspected": len(idx),
                "base_rate": float(np.mean(y[idx])) if idx else 0.0,
                "selected": len(chosen),
                "hit_rate": float(np.mean(y[chosen])) if chosen else None,
            }
        )
    return out


def evaluate(params: Params, test: FeatureTable, *, k: int = DEFAULT_K) -> dict[str, Any]:
    y = test.labels()
    scores, _contrib = model_score(params, test)
    order = _ranked(scores, test.ids)
    k = min(k, len(test))
    top = order[:k]
    hits = int(y[top].sum()) if k else 0
    precision = hits / k if k else 0.0
    base = float(y.mean()) if len(y) else 0.0
    low, high = wilson_interval(hits, k)
    top_set = {int(i) for i in top}
    return {
        "k": k,
        "test_rows": len(test),
        "hits": hits,
        "precision_at_k": round(precision, 4),
        "base_rate": round(base, 4),
        "lift": round(precision / base, 3) if base else None,
        "interval": [round(low, 4), round(high, 4)],
        "beats_chance": bool(k and low > base),
        "by_region": _groups(test.region, y, top_set),
        "by_size": _groups(test.size_band, y, top_set),
    }


def backtest(
    kind: str, tables: Sequence[FeatureTable], *, k: int = DEFAULT_K
) -> tuple[Params, dict[str, Any]]:
    """Fit on every table but the last, evaluate on the last; return (params, metrics)."""
    train = [t for t in tables[:-1] if len(t)]
    if not train or not len(tables[-1]):
        return {}, {"k": 0, "test_rows": len(tables[-1]) if tables else 0, "beats_chance": False}
    joined = _concat(train)
    params = model_fit(kind, joined)
    metrics = evaluate(params, tables[-1], k=k)
    metrics["training_rows"] = len(joined)
    return params, metrics


def fit_all(kind: str, tables: Sequence[FeatureTable]) -> tuple[Params, int]:
    """The version that scores today: fitted on every year, the held-out one included."""
    joined = _concat([t for t in tables if len(t)])
    return model_fit(kind, joined), len(joined)
