"""Monte Carlo draws of the [uncertainty] parameters and one-way sensitivity, vectorised."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from pipeline.economics.engine import Cohorts, Scalars, Structure, npv_by_partnership, scalars_from_values, with_column

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


def monte_carlo_summary(
    cohorts: Cohorts, structure: Structure, values: Mapping[str, Any], draws: int, seed: int
) -> pd.DataFrame:
    """monte_carlo_summary: NPV of net_total per partnership and 'ALL' over the draws."""
    scalars = with_baseline_draws(sample_scalars(values, draws, seed), structure, seed)
    npv, total = npv_by_partnership(cohorts, structure, scalars)
    columns = {pid: npv[:, i] for i, pid in enumerate(cohorts.partnership_ids)}
    columns["ALL"] = total
    rows = []
    for partnership_id, sample in columns.items():
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
        })
    return pd.DataFrame(rows)


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
