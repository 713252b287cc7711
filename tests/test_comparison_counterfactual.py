"""The estimated counterfactual: a simulation with a known truth, hand-worked weighted shares."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from pipeline.comparison.counterfactual import (
    EffectInput,
    counterfactual_by_year,
    effect_12m,
    resample_counts,
    weighted_shares,
)
from pipeline.comparison.youth_months import YouthMonths

TRUE_EFFECT = 0.20


def _job_probability(frame: pd.DataFrame) -> np.ndarray:
    """The truth: men and older youths get a job more often."""
    return (0.05 + 0.15 * (frame["sex"] == "M") + 0.03 * (frame["age_at_stu_end"] - 19)).to_numpy()


def _world(seed: int, n_t: int = 250, n_c: int = 1000) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)

    def group(n: int, p_male: float, ages: list[float]) -> pd.DataFrame:
        return pd.DataFrame({"sex": np.where(rng.random(n) < p_male, "M", "F"),
                             "age_at_stu_end": rng.choice([19.0, 20.0, 21.0, 22.0], size=n, p=ages)})

    programme = group(n_t, 0.8, [0.1, 0.2, 0.3, 0.4])
    comparison = group(n_c, 0.4, [0.4, 0.3, 0.2, 0.1])
    y_c = rng.random(n_c) < _job_probability(comparison)
    y_t = rng.random(n_t) < _job_probability(programme) + TRUE_EFFECT
    return programme, comparison, y_t, y_c


def test_weighted_counterfactual_recovers_the_truth_the_unweighted_mean_does_not() -> None:
    programme, comparison, _, y_c = _world(7, n_t=300, n_c=1500)
    truth = _job_probability(programme).mean()  # what the programme youths would have had
    months = YouthMonths(np.stack([y_c, ~y_c], axis=1)[:, None, :].astype(float) * 12, np.full((len(y_c), 1), 12.0))
    result, _ = counterfactual_by_year(programme, comparison, months, ["job", "none"], replicates=300, seed=1,
                                       warn=False)
    row = result.table.iloc[0]
    assert row["ci_low"] <= truth <= row["ci_high"]
    assert not row["ci_low"] <= y_c.mean() <= row["ci_high"]
    assert abs(row["share"] - truth) < abs(y_c.mean() - truth) / 3


def test_the_effects_95_interval_covers_the_truth_in_at_least_90_of_100_replications() -> None:
    covered = 0
    for replication in range(100):
        programme, comparison, y_t, y_c = _world(1000 + replication)
        effect = effect_12m([EffectInput("ALL", programme, y_t)], comparison, y_c, replicates=200,
                            seed=replication).iloc[0]
        covered += effect["ci_low"] <= TRUE_EFFECT <= effect["ci_high"]
    assert covered >= 90


def test_weighted_shares_by_hand() -> None:
    # youth 1: year 1 all 12 months in s0; youth 2: 6 months s0, 6 months s1; youth 3 unobserved
    months = YouthMonths(np.array([[[12.0, 0.0]], [[6.0, 6.0]], [[0.0, 0.0]]]), np.array([[12.0], [12.0], [0.0]]))
    shares = weighted_shares(np.array([[1.0, 3.0, 5.0]]), months)[0, 0]
    assert shares == pytest.approx([(12 + 18) / 48, 18 / 48])


def test_equal_covariates_give_unit_weights_and_the_plain_shares() -> None:
    frame = pd.DataFrame({"sex": ["M", "F", "M", "F"]})
    months = YouthMonths(np.array([[[12.0, 0.0]], [[0.0, 12.0]], [[3.0, 9.0]], [[12.0, 0.0]]]), np.full((4, 1), 12.0))
    result, weighting = counterfactual_by_year(frame, frame, months, ["a", "b"], replicates=50, seed=3, warn=False)
    assert np.allclose(weighting.weights, 1.0)
    assert result.table["share"].tolist() == pytest.approx([27 / 48, 21 / 48])
    assert result.table["effective_n"].iloc[0] == pytest.approx(4.0)
    assert result.replicates.shape == (50, 1, 2)


def test_years_without_weighted_observation_are_left_out() -> None:
    """A cohort the programme does not have weighs nothing: its later years are not 'observed'."""
    programme = pd.DataFrame({"cohort": ["2022", "2022"]})
    comparison = pd.DataFrame({"cohort": ["2019", "2022", "2022"]})
    observable = np.array([[12.0, 12.0], [12.0, 0.0], [12.0, 0.0]])
    months = YouthMonths(np.stack([observable, np.zeros_like(observable)], axis=2), observable)
    result, _ = counterfactual_by_year(programme, comparison, months, ["a", "b"], replicates=10, warn=False)
    assert result.table["year"].unique().tolist() == [1]


def test_resampling_counts_draw_n_youths_per_replicate() -> None:
    counts = resample_counts(50, 30, np.random.default_rng(0))
    assert counts.shape == (30, 50)
    assert (counts.sum(axis=1) == 50).all()
