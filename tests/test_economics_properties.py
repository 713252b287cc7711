"""Properties of the savings model, on random cohorts (hypothesis)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.economics import compute_savings
from pipeline.economics.engine import cohorts_from_frames, structure_from_values
from pipeline.economics.montecarlo import monte_carlo_summary, sample_scalars
from pipeline.economics.store import read_published
from pipeline.parameters import Parameters, load_parameters, status_codes

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = load_parameters(ROOT / "params" / "default.toml").values
STATUSES = status_codes()
PUBLISHED = read_published()
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def cohorts(draw: Any) -> dict[str, Any]:
    """Random partnerships with youth-months by year and status, and a horizon."""
    horizon = draw(st.integers(1, 4))
    n_part = draw(st.integers(1, 3))
    months = draw(st.lists(
        st.lists(st.lists(st.integers(0, 40), min_size=len(STATUSES), max_size=len(STATUSES)),
                 min_size=horizon, max_size=horizon),
        min_size=n_part, max_size=n_part,
    ))
    n_youth = draw(st.lists(st.integers(1, 30), min_size=n_part, max_size=n_part))
    known = draw(st.lists(st.floats(0, 1e6), min_size=n_part, max_size=n_part))
    costs = draw(st.lists(st.floats(-2e5, 3e5), min_size=len(STATUSES), max_size=len(STATUSES)))
    shares = draw(st.lists(st.floats(0, 1), min_size=len(STATUSES), max_size=len(STATUSES)))
    return {"horizon": horizon, "months": months, "n_youth": n_youth, "known": known, "costs": costs,
            "shares": shares, "min_observed": draw(st.integers(0, 60)), "retention": draw(st.floats(0, 1))}


def frames(case: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    ids = [f"p{i}" for i in range(len(case["months"]))]
    cohort = pd.DataFrame({
        "partnership_id": ids,
        "n_youth": case["n_youth"],
        "n_cost_missing": [n // 2 for n in case["n_youth"]],
        "known_programme_cost_dkk": case["known"],
    })
    rows = [
        {"partnership_id": pid, "year": k + 1, "status": status, "youth_months": count}
        for pid, years in zip(ids, case["months"], strict=True)
        for k, counts in enumerate(years)
        for status, count in zip(STATUSES, counts, strict=True)
        if count
    ]
    return cohort, pd.DataFrame(rows, columns=["partnership_id", "year", "status", "youth_months"])


def parameters(case: dict[str, Any], **changes: Any) -> Parameters:
    values = copy.deepcopy(DEFAULT)
    values["model"] |= {"horizon_years": case["horizon"], "min_observed_youth_months": case["min_observed"]}
    values["projection"]["job_retention"] = case["retention"]
    for status, cost, share in zip(STATUSES, case["costs"], case["shares"], strict=True):
        values["status"][status] |= {"annual_public_cost_dkk": cost, "municipal_share": share}
    for dotted, value in changes.items():
        node = values
        *tables, key = dotted.split("/")
        for table in tables:
            node = node[table]
        node[key] = value
    return Parameters(values=values)


def result_of(case: dict[str, Any], params: Parameters, draws: int | None = None):
    cohort, distribution = frames(case)
    return compute_savings(cohort, distribution, params, PUBLISHED, None, draws)


def one_distribution(case: dict[str, Any]) -> dict[str, float]:
    counts = np.array(case["months"][0][0], dtype=float) + 1  # every status present, no empty year
    return {status: float(c / counts.sum()) for status, c in zip(STATUSES, counts, strict=True)}


@SETTINGS
@given(cohorts())
def test_baseline_equal_to_programme_and_zero_cost_saves_nothing(case):
    shares = one_distribution(case)
    params = parameters(
        case, **{"baseline": {"year1": shares}, "programme": {"year1": shares}, "programme_cost/per_youth_dkk": 0}
    )
    case = case | {"known": [0.0] * len(case["known"])}
    by_year = result_of(case, params).by_year
    money = by_year[[c for c in by_year.columns if c.endswith("_dkk")]]
    assert np.allclose(money.to_numpy(dtype=float), 0.0, atol=1e-6)


@SETTINGS
@given(cohorts())
def test_observed_path_equal_to_baseline_and_zero_cost_saves_nothing(case):
    """No [programme]: every partnership's observed distribution equals the baseline."""
    shares = one_distribution(case)
    counts = np.array([shares[s] for s in STATUSES]) * 1000
    case = case | {
        "months": [[list(counts) for _ in range(case["horizon"])] for _ in case["months"]],
        "known": [0.0] * len(case["known"]),
        "min_observed": 0,
    }
    params = parameters(case, **{"baseline": {"year1": shares}, "programme_cost/per_youth_dkk": 0})
    by_year = result_of(case, params).by_year
    assert (by_year["source"] == "observed").all()
    money = by_year[[c for c in by_year.columns if c.endswith("_dkk")]]
    assert np.allclose(money.to_numpy(dtype=float), 0.0, atol=1e-6)


@SETTINGS
@given(cohorts())
def test_doubling_every_unit_cost_doubles_gross_savings(case):
    once = result_of(case, parameters(case)).by_year
    doubled_case = case | {"costs": [2 * c for c in case["costs"]]}
    twice = result_of(doubled_case, parameters(doubled_case)).by_year
    for column in ("gross_municipal_dkk", "gross_state_dkk"):
        first, second = once[column].to_numpy(dtype=float), twice[column].to_numpy(dtype=float)
        assert np.array_equal(np.isnan(first), np.isnan(second))
        valid = ~np.isnan(first)
        assert np.allclose(second[valid], 2 * first[valid], rtol=1e-9, atol=1e-6)


@SETTINGS
@given(cohorts(), st.integers(0, 2**32 - 1))
def test_monte_carlo_mean_is_the_deterministic_npv_when_every_distribution_is_degenerate(case, seed):
    params = parameters(case)
    values = params.values
    values["uncertainty"] = {
        "draws": 50,
        "seed": seed,
        "status.flexjob.annual_public_cost_dkk": {
            "dist": "triangular", "low": case["costs"][1], "mode": case["costs"][1], "high": case["costs"][1]},
        "status.cash_benefit.municipal_share": {
            "dist": "uniform", "low": case["shares"][6], "high": case["shares"][6]},
        "projection.job_retention": {"dist": "normal", "mean": case["retention"], "sd": 0.0},
        "model.discount_rate": {"dist": "triangular", "low": 0.035, "mode": 0.035, "high": 0.035},
    }
    result = result_of(case, params, draws=50)
    deterministic = result.summary.set_index("partnership_id")["npv_net_total_dkk"]
    for row in result.monte_carlo.itertuples(index=False):
        expected = deterministic[row.partnership_id]
        if pd.isna(expected):
            assert pd.isna(row.mean_npv_dkk)
        else:
            assert row.mean_npv_dkk == pytest.approx(expected, rel=1e-9, abs=1e-6)
            assert row.p5_npv_dkk == pytest.approx(expected, rel=1e-9, abs=1e-6)


def test_monte_carlo_is_seeded_and_reproducible():
    case = {"horizon": 3, "months": [[[5] * len(STATUSES)] * 3] * 2, "n_youth": [10, 12], "known": [0.0, 5e4],
            "costs": [-1e5] + [2e5] * (len(STATUSES) - 1), "shares": [0.8] * len(STATUSES), "min_observed": 0,
            "retention": 0.9}
    params = parameters(case)
    structure = structure_from_values(params.values)
    cohort, distribution = frames(case)
    cohorts_ = cohorts_from_frames(cohort, distribution, structure.horizon)
    values = copy.deepcopy(DEFAULT) | {"model": params.values["model"]}
    first = monte_carlo_summary(cohorts_, structure, values, 200, 7)
    second = monte_carlo_summary(cohorts_, structure, values, 200, 7)
    other = monte_carlo_summary(cohorts_, structure, values, 200, 8)
    pd.testing.assert_frame_equal(first, second)
    assert not first["mean_npv_dkk"].equals(other["mean_npv_dkk"])
    draws = sample_scalars(values, 5000, 1)
    assert 0 <= draws.municipal_share.min() and draws.municipal_share.max() <= 1
    assert draws.job_retention.max() <= 1.0


def test_partnership_without_an_observable_first_year_has_null_savings_and_is_left_out_of_all():
    case = {"horizon": 2, "months": [[[6] * len(STATUSES)] * 2, [[0] * len(STATUSES)] * 2], "n_youth": [8, 3],
            "known": [0.0, 0.0], "costs": [1e5] * len(STATUSES), "shares": [0.5] * len(STATUSES),
            "min_observed": 10, "retention": 0.9}
    by_year = result_of(case, parameters(case)).by_year.set_index(["partnership_id", "year"])
    assert by_year.loc[("p1", 1), "source"] is None and pd.isna(by_year.loc[("p1", 2), "net_total_dkk"])
    assert by_year.loc[("ALL", 1), "n_youth"] == 8
    assert by_year.loc[("ALL", 2), "net_total_dkk"] == pytest.approx(by_year.loc[("p0", 2), "net_total_dkk"])
