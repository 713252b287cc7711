"""The estimated counterfactual: what the programme's youths would have had without it.

`counterfactual_by_year`: the comparison group's status distribution in years 1.. after
STU, weighted to the programme's covariate mix, on the savings model's youth-month
definition: B̂_k(s) = Σ_i w_i · months_i(k, s) / Σ_i w_i · observable_i(k).
`effect_12m`: the programme's share in job or education 12 months after STU (observable
youths) minus the weighted comparison share, per partnership and for 'ALL'.

Uncertainty: a seeded bootstrap that resamples youths within each group and re-fits the
weights in every replicate (percentile intervals). The replicates are vectorised: youth
multiplicities are a (B, n) count matrix, the refits run on covariate cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.comparison.weighting import (
    NoOverlapError,
    Weighting,
    cell_counts,
    fit_logit_batched,
    fit_weights,
    kish_effective_n,
    odds_weights,
)
from pipeline.comparison.youth_months import YouthMonths

BY_YEAR_COLUMNS = ["year", "status", "share", "ci_low", "ci_high", "n_comparison", "effective_n"]
EFFECT_COLUMNS = [
    "partnership_id", "n_observable", "share_job_or_education", "counterfactual_share_job_or_education",
    "effect", "ci_low", "ci_high", "method",
]
REPLICATE_COLUMNS = ["replicate", "year", "status", "share"]
ALPHA = 0.05


def resample_counts(n: int, replicates: int, rng: np.random.Generator) -> np.ndarray:
    """(B, n) how often each youth is drawn in each bootstrap replicate (n draws with replacement)."""
    if n == 0:
        return np.zeros((replicates, 0))
    drawn = rng.integers(0, n, size=(replicates, n)) + (np.arange(replicates) * n)[:, None]
    return np.bincount(drawn.ravel(), minlength=replicates * n).reshape(replicates, n).astype(float)


def bootstrap_weights(
    weighting: Weighting, counts_programme: np.ndarray, counts_comparison: np.ndarray
) -> np.ndarray:
    """(B, n_C) odds weights re-fitted on each replicate's resampled youths (times their multiplicity)."""
    design = weighting.design
    n_cells = len(design.cells)
    n_t = cell_counts(design.programme_cell, n_cells, counts_programme)
    n_c = cell_counts(design.comparison_cell, n_cells, counts_comparison)
    beta = fit_logit_batched(design.cells, n_t, n_c)
    return odds_weights(beta, design.cells, design.comparison_cell) * counts_comparison


def _percentiles(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    low, high = np.nanpercentile(values, [100 * ALPHA / 2, 100 * (1 - ALPHA / 2)], axis=0)
    return low, high


@dataclass(frozen=True)
class Counterfactual:
    """B̂_k(s) with its bootstrap replicates."""

    table: pd.DataFrame  # BY_YEAR_COLUMNS
    replicates: np.ndarray  # (B, K_observed, S)
    statuses: tuple[str, ...]

    def replicate_table(self) -> pd.DataFrame:
        b, k, s = self.replicates.shape
        index = np.indices((b, k, s)).reshape(3, -1)
        return pd.DataFrame({
            "replicate": index[0] + 1, "year": index[1] + 1,
            "status": np.array(self.statuses, dtype=object)[index[2]], "share": self.replicates.reshape(-1),
        }, columns=REPLICATE_COLUMNS)


def weighted_shares(weights: np.ndarray, months: YouthMonths) -> np.ndarray:
    """(B, K, S) Σ w·months / Σ w·observable for each row of a (B, n) weight matrix (NaN: nothing observed)."""
    weights = np.atleast_2d(weights)
    n, k, s = months.months.shape
    numerator = (weights @ months.months.reshape(n, k * s)).reshape(-1, k, s)
    denominator = weights @ months.observable
    with np.errstate(invalid="ignore", divide="ignore"):
        return numerator / denominator[:, :, None]


def counterfactual_by_year(
    programme: pd.DataFrame, comparison: pd.DataFrame, months: YouthMonths, statuses: Sequence[str],
    replicates: int = 200, seed: int = 0, min_observed: int = 1, lang: str = "da", warn: bool = True,
) -> tuple[Counterfactual, Weighting]:
    """B̂_k(s) for the years the comparison group observes (≥ min_observed youth-months), with intervals.

    programme / comparison: covariate frames (one row per youth); months: the comparison
    youths' youth-months, in the same order as `comparison`.
    """
    weighting = fit_weights(programme, comparison, lang=lang, warn=warn)
    # a year counts while enough youth-months are observed and some of them carry weight (a
    # cohort the programme does not have weighs nothing); later years repeat the last one
    observed = (months.observable.sum(axis=0) >= max(min_observed, 1)) & (weighting.weights @ months.observable > 0)
    years = int(np.argmin(np.append(observed, False)))
    trimmed = YouthMonths(months.months[:, :years], months.observable[:, :years])
    point = weighted_shares(weighting.weights, trimmed)[0]
    rng = np.random.default_rng(seed)
    counts_t = resample_counts(len(programme), replicates, rng)
    counts_c = resample_counts(len(comparison), replicates, rng)
    boot = weighted_shares(bootstrap_weights(weighting, counts_t, counts_c), trimmed)
    low, high = _percentiles(boot) if replicates else (np.full_like(point, np.nan), np.full_like(point, np.nan))
    rows = []
    for k in range(years):
        seen = trimmed.observable[:, k] > 0
        effective = kish_effective_n(weighting.weights[seen])
        for j, status in enumerate(statuses):
            rows.append((k + 1, status, point[k, j], low[k, j], high[k, j], int(seen.sum()), effective))
    table = pd.DataFrame(rows, columns=BY_YEAR_COLUMNS)
    return Counterfactual(table, boot, tuple(statuses)), weighting


@dataclass(frozen=True)
class EffectInput:
    """One programme group's observable youths at 12 months: covariates and job-or-education flags."""

    partnership_id: str
    covariates: pd.DataFrame
    job_or_education: np.ndarray  # (n_T,) bool


def effect_12m(
    groups: Sequence[EffectInput], comparison: pd.DataFrame, comparison_job_or_education: np.ndarray,
    replicates: int = 200, seed: int = 0, lang: str = "da",
) -> pd.DataFrame:
    """Programme share in job or education at 12 months minus the weighted comparison share, per group.

    comparison / comparison_job_or_education: the comparison youths observable at 12 months.
    The interval resamples both groups and re-fits the weights in each replicate.
    """
    rows = []
    y_c = np.asarray(comparison_job_or_education, dtype=float)
    method = f"odds weights (logistic regression, ATT); bootstrap B={replicates}, percentile 95 %"
    for number, group in enumerate(groups):
        y_t = np.asarray(group.job_or_education, dtype=float)
        row = {"partnership_id": group.partnership_id, "n_observable": len(y_t),
               "share_job_or_education": float(y_t.mean()) if len(y_t) else None,
               "counterfactual_share_job_or_education": None, "effect": None, "ci_low": None, "ci_high": None,
               "method": method}
        try:
            weighting = fit_weights(group.covariates, comparison, lang=lang, warn=False)
        except NoOverlapError as error:
            rows.append(row | {"method": str(error)})
            continue
        counterfactual = float((weighting.weights * y_c).sum() / weighting.weights.sum())
        rng = np.random.default_rng([seed, number])
        counts_t = resample_counts(len(y_t), replicates, rng)
        counts_c = resample_counts(len(y_c), replicates, rng)
        weights = bootstrap_weights(weighting, counts_t, counts_c)
        with np.errstate(invalid="ignore", divide="ignore"):
            boot = (counts_t @ y_t) / counts_t.sum(axis=1) - (weights @ y_c) / weights.sum(axis=1)
        low, high = _percentiles(boot) if replicates else (None, None)
        rows.append(row | {
            "counterfactual_share_job_or_education": counterfactual,
            "effect": row["share_job_or_education"] - counterfactual,
            "ci_low": None if low is None else float(low), "ci_high": None if high is None else float(high),
        })
    return pd.DataFrame(rows, columns=EFFECT_COLUMNS)
