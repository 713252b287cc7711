"""Savings on the estimated counterfactual: parameters, the baseline per draw, hand-worked money."""

from __future__ import annotations

import copy
import dataclasses

import numpy as np
import pytest

from pipeline import config
from pipeline.economics.engine import (
    Cohorts,
    EstimatedBaselineMissing,
    extend_years,
    money,
    scalars_from_values,
    structure_from_values,
)
from pipeline.economics.montecarlo import sample_scalars, with_baseline_draws
from pipeline.parameters import ParameterError, load_parameters, status_codes, validate_parameters

S = len(status_codes())


def _values(**baseline: object) -> dict:
    values = copy.deepcopy(load_parameters(config.PARAMS_PATH).values)
    values["model"]["horizon_years"] = 3
    values["baseline"] = dict(baseline)
    return values


def _shares(*pairs: tuple[str, float]) -> np.ndarray:
    row = np.zeros(S)
    for status, share in pairs:
        row[status_codes().index(status)] = share
    return row


def test_the_scenario_file_switches_to_the_estimate_and_validates() -> None:
    params = load_parameters(config.SCENARIOS_DIR / "comparison.toml")
    assert params.get("baseline.from") == "comparison"
    assert params.get("comparison.bootstrap_replicates") == 200
    assert load_parameters(config.PARAMS_PATH).get("baseline.from") is None  # the default keeps the assumption


@pytest.mark.parametrize("change, message", [
    ({"baseline": {"from": "register"}}, "baseline.from"),
    ({"baseline": {"from": "comparison", "year1": {"cash_benefit": 0.5}}}, "sum to"),
    ({"comparison": {"covariates": ["sex", "shoe_size"]}}, "shoe_size"),
    ({"comparison": {"covariates": ["sex", "sex"]}}, "twice"),
    ({"comparison": {"bootstrap_replicates": -1}}, "bootstrap_replicates"),
    ({"comparison": {"draws": 3}}, "comparison.draws"),
])
def test_bad_comparison_parameters_are_refused_naming_the_key(change: dict, message: str) -> None:
    values = copy.deepcopy(load_parameters(config.PARAMS_PATH).values)
    for table, content in change.items():
        values[table] = content if table != "baseline" else {**content}
    with pytest.raises(ParameterError, match=message):
        validate_parameters(values)


def test_the_estimated_baseline_repeats_its_last_year_and_is_required() -> None:
    values = _values(**{"from": "comparison"})
    point = np.vstack([_shares(("cash_benefit", 1.0)), _shares(("cash_benefit", 0.6), ("ordinary_job", 0.4))])
    structure = structure_from_values(values, (point, point[None]))
    assert np.array_equal(structure.baseline, point[[0, 1, 1]])
    assert structure.baseline_replicates.shape == (1, 3, S)
    with pytest.raises(EstimatedBaselineMissing, match="comparison"):
        structure_from_values(values)
    assert np.array_equal(extend_years(point, 1), point[:1])


def test_money_with_a_baseline_per_draw_equals_one_run_per_baseline() -> None:
    values = _values(**{"from": "comparison"})
    first = np.tile(_shares(("cash_benefit", 1.0)), (3, 1))
    second = np.tile(_shares(("disability_pension", 0.5), ("ordinary_job", 0.5)), (3, 1))
    cohorts = Cohorts(("p",), np.array([10.0]), np.array([0.0]), np.array([10.0]),
                      np.zeros((1, 3, S)), np.zeros((1, 3)))
    share = np.tile(_shares(("ordinary_job", 1.0)), (1, 1, 3, 1))
    structure = structure_from_values(values, (first, first[None]))
    both = money(cohorts, structure, dataclasses.replace(scalars_from_values(values, 2),
                                                         baseline=np.stack([first, second])), share)
    for draw, baseline in enumerate((first, second)):
        alone = money(cohorts, structure_from_values(values, (baseline, baseline[None])),
                      scalars_from_values(values, 1), share)
        assert np.allclose(both.gross_municipal[draw], alone.gross_municipal[0])
        assert np.allclose(both.baseline_fte_per_youth[draw], alone.baseline_fte_per_youth[0])
    # by hand, year 1, draw 1: 10 youths × (cash 1.0 − ordinary job 1.0) in municipal money
    cost = {s: load_parameters(config.PARAMS_PATH).get(f"status.{s}.annual_public_cost_dkk") for s in status_codes()}
    share_m = {s: load_parameters(config.PARAMS_PATH).get(f"status.{s}.municipal_share") for s in status_codes()}
    expected = 10 * (cost["cash_benefit"] * share_m["cash_benefit"] - cost["ordinary_job"] * share_m["ordinary_job"])
    assert both.gross_municipal[0, 0, 0] == pytest.approx(expected)


def test_monte_carlo_draws_the_baseline_from_the_replicates_and_keeps_the_other_draws() -> None:
    values = load_parameters(config.PARAMS_PATH).values
    replicates = np.stack([np.tile(_shares(("cash_benefit", 1.0 - x), ("education", x)), (2, 1))
                           for x in (0.1, 0.2, 0.3)])
    structure = structure_from_values(values | {"baseline": {"from": "comparison"}}, (replicates[0], replicates))
    plain = sample_scalars(values, 400, 5)
    drawn = with_baseline_draws(plain, structure, 5)
    assert np.array_equal(drawn.cost, plain.cost)  # the parameters' draws are unchanged
    education = drawn.baseline[:, 0, status_codes().index("education")]
    assert set(np.round(education, 6)) == {0.1, 0.2, 0.3}
    assert drawn.baseline.shape == (400, structure.horizon, S)
    assumed = structure_from_values(values)
    assert with_baseline_draws(plain, assumed, 5).baseline is None
