"""Monte Carlo draws of the [uncertainty] parameters and one-way sensitivity, vectorised."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from pipeline.economics.engine import (
    SCALAR_FIELDS,
    STATUS_FIELDS,
    Cohorts,
    Scalars,
    Structure,
    npv_by_partnership,
    scalars_from_values,
    with_column,
)
from pipeline.parameters import status_codes

# the range a drawn value is clipped to, by the last part of its key
_NATURAL_BOUNDS = {
    "municipal_share": (0.0, 1.0),
    "job_retention": (0.0, 1.0),
    "fte": (0.0, np.inf),
    "per_youth_dkk": (0.0, np.inf),
    "youths_per_year": (0.0, np.inf),
    "discount_rate": (0.0, 0.999),
}


def uncertainty_specs(values: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The distribution of each varied key in [uncertainty], by dotted key (sorted)."""
    table = values.get("uncertainty", {})
    return {key: table[key] for key in sorted(table) if isinstance(table[key], dict)}


def draw(spec: Mapping[str, Any], draws: int, rng: np.random.Generator) -> np.ndarray:
    """`draws` values from one distribution; degenerate ones give a constant."""
    if spec["dist"] == "triangular":
        low, mode, high = float(spec["low"]), float(spec["mode"]), float(spec["high"])
        return np.full(draws, mode) if low == high else rng.triangular(low, mode, high, draws)
    if spec["dist"] == "uniform":
        return rng.uniform(float(spec["low"]), float(spec["high"]), draws)
    values = rng.normal(float(spec["mean"]), float(spec["sd"]), draws)
    return np.clip(values, spec.get("low", -np.inf), spec.get("high", np.inf))


def sample_scalars(values: Mapping[str, Any], draws: int, seed: int) -> Scalars:
    """The parameter values with every [uncertainty] key drawn `draws` times (seeded)."""
    rng = np.random.default_rng(seed)
    scalars = scalars_from_values(values, draws)
    for key, spec in uncertainty_specs(values).items():
        low, high = _NATURAL_BOUNDS.get(key.rsplit(".", 1)[-1], (-np.inf, np.inf))
        scalars = with_column(scalars, key, np.clip(draw(spec, draws, rng), low, high))
    return scalars


def with_baseline_draws(scalars: Scalars, structure: Structure, seed: int) -> Scalars:
    """Each draw takes the baseline of one bootstrap replicate of the estimated counterfactual
    (drawn with its own seeded stream, so the other parameters' draws are unchanged); an
    assumed baseline stays fixed."""
    replicates = structure.baseline_replicates
    if replicates is None or len(replicates) == 0:
        return scalars
    rng = np.random.default_rng([seed, 1])
    chosen = replicates[rng.integers(0, len(replicates), scalars.draws)]
    return dataclasses.replace(scalars, baseline=chosen)


HISTOGRAM_BINS = 30
HISTOGRAM_COLUMNS = ["partnership_id", "bin", "low_dkk", "high_dkk", "draws"]
INPUT_COLUMNS = ["parameter", "point", "draws_mean", "npv_at_draws_mean_dkk", "npv_base_dkk"]


@dataclass(frozen=True)
class MonteCarlo:
    """The Monte Carlo run: the summary per partnership, the histogram of the programme's draws and,
    per [uncertainty] key, where its distribution's centre lies against the point value."""

    summary: pd.DataFrame
    histogram: pd.DataFrame
    inputs: pd.DataFrame


def histogram(sample: np.ndarray, bins: int = HISTOGRAM_BINS) -> pd.DataFrame:
    """Draw counts in `bins` equal bins over [min, max] of the draws (the last bin closed); equal draws
    get a narrow range around their value."""
    low, high = float(sample.min()), float(sample.max())
    if not high - low > max(abs(low), abs(high)) * 1e-9:
        width = max(abs(low) * 1e-6, 0.5)
        low, high = low - width, high + width
    counts, edges = np.histogram(sample, bins=np.linspace(low, high, bins + 1))
    return pd.DataFrame({"partnership_id": "ALL", "bin": np.arange(1, bins + 1), "low_dkk": edges[:-1],
                         "high_dkk": edges[1:], "draws": counts}, columns=HISTOGRAM_COLUMNS)


def input_centres(cohorts: Cohorts, structure: Structure, values: Mapping[str, Any], scalars: Scalars) -> pd.DataFrame:
    """Per [uncertainty] key: its point value, the mean of its draws, and the programme's NPV with the key
    at that mean (the rest at their point values) — why the headline need not be central in the draws."""
    base = scalars_from_values(values)
    base_npv = npv_by_partnership(cohorts, structure, base)[1][0]
    rows = []
    for key in uncertainty_specs(values):
        mean = float(_column(scalars, key).mean())
        moved = npv_by_partnership(cohorts, structure, with_column(base, key, np.array([mean])))[1][0]
        rows.append({"parameter": key, "point": float(_lookup(values, key)), "draws_mean": mean,
                     "npv_at_draws_mean_dkk": moved, "npv_base_dkk": base_npv})
    return pd.DataFrame(rows, columns=INPUT_COLUMNS)


def _column(scalars: Scalars, dotted_key: str) -> np.ndarray:
    """The draws of one varied key."""
    if dotted_key in SCALAR_FIELDS:
        return getattr(scalars, SCALAR_FIELDS[dotted_key])
    _, status, name = dotted_key.split(".")
    return getattr(scalars, STATUS_FIELDS[name])[:, status_codes().index(status)]


def monte_carlo(cohorts: Cohorts, structure: Structure, values: Mapping[str, Any], draws: int,
                seed: int) -> MonteCarlo:
    """The NPV of net_total per partnership and 'ALL' over the draws: mean, percentiles, the share and
    number of positive draws, and where the headline (every parameter at its point value) lies among
    the draws (the share of draws at or below it)."""
    scalars = with_baseline_draws(sample_scalars(values, draws, seed), structure, seed)
    npv, total = npv_by_partnership(cohorts, structure, scalars)
    headline, headline_total = npv_by_partnership(cohorts, structure, scalars_from_values(values))
    columns = {pid: (npv[:, i], headline[0, i]) for i, pid in enumerate(cohorts.partnership_ids)}
    columns["ALL"] = (total, headline_total[0])
    rows = []
    for partnership_id, (sample, point) in columns.items():
        valid = not np.isnan(sample).any()
        p5, p50, p95 = np.percentile(sample, [5, 50, 95]) if valid else (None, None, None)
        rows.append({
            "partnership_id": partnership_id,
            "draws": draws,
            "seed": seed,
            "mean_npv_dkk": float(sample.mean()) if valid else None,
            "p5_npv_dkk": p5,
            "p50_npv_dkk": p50,
            "p95_npv_dkk": p95,
            "prob_npv_positive": float((sample > 0).mean()) if valid else None,
            "positive_draws": int((sample > 0).sum()) if valid else None,
            "headline_npv_dkk": float(point) if valid else None,
            "headline_percentile": float((sample <= point).mean()) if valid else None,
        })
    valid_total = draws > 0 and not np.isnan(total).any()
    return MonteCarlo(
        summary=pd.DataFrame(rows),
        histogram=histogram(total) if valid_total else pd.DataFrame(columns=HISTOGRAM_COLUMNS),
        inputs=input_centres(cohorts, structure, values, scalars) if valid_total
        else pd.DataFrame(columns=INPUT_COLUMNS),
    )


def monte_carlo_summary(
    cohorts: Cohorts, structure: Structure, values: Mapping[str, Any], draws: int, seed: int
) -> pd.DataFrame:
    """monte_carlo_summary: NPV of net_total per partnership and 'ALL' over the draws."""
    return monte_carlo(cohorts, structure, values, draws, seed).summary


def sensitivity_oneway(cohorts: Cohorts, structure: Structure, values: Mapping[str, Any]) -> pd.DataFrame:
    """sensitivity_oneway: NPV of 'ALL' net_total at each end of every [sensitivity] range."""
    table = values.get("sensitivity", {})
    ranges = {key: value for key, value in table.items() if isinstance(value, list)}
    base = scalars_from_values(values)
    base_npv = npv_by_partnership(cohorts, structure, base)[1][0]
    rows = []
    for key, (low, high) in ranges.items():
        scalars = with_column(scalars_from_values(values, 2), key, np.array([low, high], dtype=float))
        npv_low, npv_high = npv_by_partnership(cohorts, structure, scalars)[1]
        rows.append({
            "parameter": key,
            "base": float(_lookup(values, key)),
            "low": float(low),
            "high": float(high),
            "npv_low_dkk": npv_low,
            "npv_high_dkk": npv_high,
            "npv_base_dkk": base_npv,
        })
    columns = ["parameter", "base", "low", "high", "npv_low_dkk", "npv_high_dkk", "npv_base_dkk"]
    return pd.DataFrame(rows, columns=columns)


def _lookup(values: Mapping[str, Any], dotted_key: str) -> Any:
    node: Any = values
    for part in dotted_key.split("."):
        node = node[part]
    return node
