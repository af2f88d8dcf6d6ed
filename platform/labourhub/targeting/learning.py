"""The two scoring models, as plain arithmetic over a ``FeatureTable``.

Both return, for every establishment, a score in [0, 1] and each factor's contribution to it,
so the reasons shown to planners are the model's own arithmetic, not a separate guess. Fitted
parameters are plain lists and dicts (stored as JSON on the model version), never pickles.
"""

from typing import Any

import numpy as np
import numpy.typing as npt

from labourhub.targeting.features import CATEGORICAL, NEVER_YEARS, NUMERIC, FeatureTable

FACTORS = (*NUMERIC, *CATEGORICAL)
Params = dict[str, Any]
Floats = npt.NDArray[np.float64]

# Baseline: published weights over rates and capped signals (like OSHA's site-specific
# targeting: transparent, explainable without any statistics).
BASELINE_WEIGHTS = {
    "past_breaches": 0.25,
    "sector": 0.15,
    "size_band": 0.10,
    "region": 0.05,
    "complaints_12m": 0.15,
    "findings_serious": 0.05,
    "unmet_orders": 0.10,
    "unpaid_fines": 0.05,
    "years_since_inspection": 0.10,
}
SMOOTHING = 20.0  # a group's rate leans on the overall rate until it has ~20 inspections


def _category_values(table: FeatureTable, name: str) -> list[str]:
    return [str(v) for v in getattr(table, name)]


def _group_rates(table: FeatureTable, y: npt.NDArray[np.int64], prior: float) -> dict[str, Any]:
    rates: dict[str, dict[str, float]] = {}
    for name in CATEGORICAL:
        values = _category_values(table, name)
        hits: dict[str, float] = {}
        seen: dict[str, float] = {}
        for value, label in zip(values, y, strict=True):
            seen[value] = seen.get(value, 0.0) + 1
            hits[value] = hits.get(value, 0.0) + float(label)
        rates[name] = {
            v: (hits[v] + SMOOTHING * prior) / (seen[v] + SMOOTHING) for v in sorted(seen)
        }
    return rates


def _baseline_components(params: Params, table: FeatureTable) -> dict[str, Floats]:
    col = {name: table.numeric[:, i] for i, name in enumerate(NUMERIC)}
    prior = float(params["prior"])
    comps: dict[str, Floats] = {
        "past_breaches": (col["past_breaches"] + prior) / (col["past_visits"] + 1.0),
        "complaints_12m": np.minimum(col["complaints_12m"] / 3.0, 1.0),
        "findings_serious": np.minimum(col["findings_serious"] / 3.0, 1.0),
        "unmet_orders": np.minimum(col["unmet_orders"], 1.0),
        "unpaid_fines": np.minimum(col["unpaid_fines"], 1.0),
        "years_since_inspection": np.minimum(col["years_since_inspection"] / 5.0, 1.0),
    }
    for name in CATEGORICAL:
        rates = params["rates"][name]
        comps[name] = np.array(
            [rates.get(v, prior) for v in _category_values(table, name)], dtype=np.float64
        )
    return comps


def baseline_fit(table: FeatureTable) -> Params:
    y = table.labels()
    prior = float(y.mean()) if len(y) else 0.0
    params: Params = {"kind": "baseline", "prior": prior, "weights": BASELINE_WEIGHTS}
    params["rates"] = _group_rates(table, y, prior)
    comps = _baseline_components(params, table)
    params["means"] = {k: float(v.mean()) if len(v) else 0.0 for k, v in comps.items()}
    return params


def _baseline_score(params: Params, table: FeatureTable) -> tuple[Floats, Floats]:
    comps = _baseline_components(params, table)
    contrib = np.zeros((len(table), len(FACTORS)))
    score = np.zeros(len(table))
    for name, weight in params["weights"].items():
        score += weight * comps[name]
        contrib[:, FACTORS.index(name)] = weight * (comps[name] - params["means"][name])
    return score, contrib


def _design(params: Params, table: FeatureTable) -> tuple[Floats, list[int]]:
    """Numeric columns then one-hot columns; and each column's factor index."""
    blocks = [table.numeric]
    factor_of = list(range(len(NUMERIC)))
    for name in CATEGORICAL:
        levels = params["levels"][name]
        position = {v: j for j, v in enumerate(levels)}
        onehot = np.zeros((len(table), len(levels)))
        for i, value in enumerate(_category_values(table, name)):
            j = position.get(value)
            if j is not None:
                onehot[i, j] = 1.0
        blocks.append(onehot)
        factor_of += [FACTORS.index(name)] * len(levels)
    return np.hstack(blocks), factor_of


def learned_fit(table: FeatureTable, *, seed: int = 0) -> Params:
    y = table.labels()
    params: Params = {"kind": "learned", "levels": {}}
    for name in CATEGORICAL:
        params["levels"][name] = sorted(set(_category_values(table, name)))
    x, _factors = _design(params, table)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    if len(set(y.tolist())) < 2:
        # Nothing to learn from (every inspection found the same thing): a constant score.
        coef, intercept = np.zeros(x.shape[1]), 0.0
    else:
        # Imported here: scikit-learn adds seconds and tens of MB to every web worker's start,
        # and only model training (a background task) needs it.
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=0.5, max_iter=2000, random_state=seed)
        model.fit(z, y)
        coef, intercept = model.coef_[0], float(model.intercept_[0])
    params.update(mean=mean.tolist(), scale=scale.tolist(), coef=coef.tolist(), intercept=intercept)
    return params


def _learned_score(params: Params, table: FeatureTable) -> tuple[Floats, Floats]:
    x, factor_of = _design(params, table)
    z = (x - np.array(params["mean"])) / np.array(params["scale"])
    terms = z * np.array(params["coef"])
    logit = terms.sum(axis=1) + float(params["intercept"])
    # Contributions in log-odds, summed per factor (one-hot columns fold into their factor).
    fold = np.zeros((x.shape[1], len(FACTORS)))
    fold[np.arange(x.shape[1]), factor_of] = 1.0
    return 1.0 / (1.0 + np.exp(-logit)), terms @ fold


def model_fit(kind: str, table: FeatureTable) -> Params:
    return baseline_fit(table) if kind == "baseline" else learned_fit(table)


def model_score(params: Params, table: FeatureTable) -> tuple[Floats, Floats]:
    """Scores in [0, 1] and an (n x len(FACTORS)) matrix of contributions."""
    if len(table) == 0:
        return np.zeros(0), np.zeros((0, len(FACTORS)))
    if params["kind"] == "baseline":
        return _baseline_score(params, table)
    return _learned_score(params, table)


def top_reasons(table: FeatureTable, contrib: Floats, *, limit: int = 3) -> list[list[list[Any]]]:
    """Each row's strongest positive factors as [factor, raw value, contribution]."""
    order = np.argsort(-contrib, axis=1)[:, :limit]
    out: list[list[list[Any]]] = []
    for i in range(len(table)):
        reasons: list[list[Any]] = []
        for j in order[i]:
            weight = float(contrib[i, j])
            if weight <= 1e-6:
                break
            reasons.append([FACTORS[j], _raw_value(table, i, FACTORS[j]), round(weight, 4)])
        out.append(reasons)
    return out


def _raw_value(table: FeatureTable, i: int, factor: str) -> Any:
    if factor in CATEGORICAL:
        return getattr(table, factor)[i]
    value = float(table.numeric[i, NUMERIC.index(factor)])
    if factor == "workers_log":
        return round(float(np.expm1(value)))
    if factor == "years_since_inspection":
        return None if value >= NEVER_YEARS else round(value, 1)
    return round(value, 1) if factor == "age_years" else int(value)
