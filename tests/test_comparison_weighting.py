"""Odds weights for the comparison group: an independent statsmodels fit as oracle, hand-worked
balance figures, refusal without overlap, loud warnings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.comparison.weighting import (
    BalanceWarning,
    NoOverlapError,
    balance_table,
    build_design,
    cell_counts,
    fit_logit_batched,
    fit_logit_cells,
    fit_weights,
    kish_effective_n,
)


def _groups(seed: int, n_t: int = 250, n_c: int = 900) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)

    def group(n: int, p_male: float, ages: list[float], regions: list[float]) -> pd.DataFrame:
        return pd.DataFrame({
            "sex": np.where(rng.random(n) < p_male, "M", "F"),
            "age_at_stu_end": rng.choice([19.0, 20.0, 21.0, 22.0, 23.0], size=n, p=ages),
            "cohort": rng.choice(["2020", "2021", "2022"], size=n),
            "region": rng.choice(["Nord", "Midt", "Syd"], size=n, p=regions),
        })

    return (group(n_t, 0.65, [0.1, 0.2, 0.3, 0.25, 0.15], [0.5, 0.3, 0.2]),
            group(n_c, 0.40, [0.3, 0.3, 0.2, 0.1, 0.1], [0.2, 0.3, 0.5]))


def test_weights_equal_an_independent_statsmodels_logit_to_1e6() -> None:
    programme, comparison = _groups(1)
    weighting = fit_weights(programme, comparison, warn=False)
    pooled = pd.concat([programme, comparison], ignore_index=True)
    design = pd.get_dummies(pooled[["sex", "cohort", "region"]], drop_first=True, dtype=float)
    design["age"] = pooled["age_at_stu_end"]
    design = sm.add_constant(design)
    y = np.r_[np.ones(len(programme)), np.zeros(len(comparison))]
    fitted = sm.Logit(y, design).fit(disp=0, tol=1e-12, maxiter=200)
    p = np.asarray(fitted.predict(design))[len(programme):]
    odds = p / (1 - p)
    assert np.abs(weighting.weights - odds / odds.mean()).max() < 1e-6
    assert np.abs(weighting.propensity - p).max() < 1e-6


def test_vectorised_bootstrap_refit_equals_the_statsmodels_fit() -> None:
    programme, comparison = _groups(2)
    design = build_design(programme, comparison)
    n_cells = len(design.cells)
    n_t = cell_counts(design.programme_cell, n_cells)
    n_c = cell_counts(design.comparison_cell, n_cells)
    exact = fit_logit_cells(design.cells, n_t[0], n_c[0])
    batched = fit_logit_batched(design.cells, np.vstack([n_t, 2 * n_t]), np.vstack([n_c, 2 * n_c]))
    assert np.abs(batched - exact).max() < 1e-5  # the 1e-6 ridge moves a coefficient by ~1e-8
    # resampling counts: each youth counted as often as it is drawn
    counts = np.array([[2.0] + [1.0] * (len(programme) - 1)])
    expected = np.bincount(design.programme_cell, weights=counts[0], minlength=n_cells)
    assert np.allclose(cell_counts(design.programme_cell, n_cells, counts)[0], expected)


def test_balance_after_weighting_on_a_saturated_model_is_exact() -> None:
    """With one categorical covariate the logit is saturated: weighted means equal the programme's."""
    programme = pd.DataFrame({"sex": ["M", "M", "M", "F"]})
    comparison = pd.DataFrame({"sex": ["M", "F", "F", "F", "F", "F"]})
    weighting = fit_weights(programme, comparison, warn=False)
    # odds: M 3/1, F 1/5 → weights ∝ 3 and 0.2 → weighted share of M = 3 / (3 + 5·0.2) = 0.75
    row = weighting.balance.set_index("covariate").loc["sex=M"]
    assert row["mean_comparison_weighted"] == pytest.approx(0.75, abs=1e-9)
    assert row["smd_weighted"] == pytest.approx(0.0, abs=1e-9)


def test_smd_and_kish_by_hand() -> None:
    programme = pd.DataFrame({"sex": ["M", "M", "F"]})
    comparison = pd.DataFrame({"sex": ["M", "F", "F", "F"]})
    table = balance_table(programme, comparison, np.array([3.0, 1.0, 1.0, 1.0])).set_index("covariate")
    # programme: mean 2/3, var (ddof 1) 1/3; comparison: mean 1/4, var 1/4; weighted mean 3/6
    scale = np.sqrt((1 / 3 + 1 / 4) / 2)
    assert table.at["sex=M", "smd_raw"] == pytest.approx((2 / 3 - 1 / 4) / scale)
    assert table.at["sex=M", "mean_comparison_weighted"] == pytest.approx(0.5)
    assert table.at["sex=M", "smd_weighted"] == pytest.approx((2 / 3 - 1 / 2) / scale)
    assert kish_effective_n(np.array([1.0, 1.0, 2.0])) == pytest.approx(16 / 6)
    assert kish_effective_n(np.ones(7)) == pytest.approx(7)


def test_no_overlap_is_refused_with_a_sentence_for_the_user() -> None:
    programme = pd.DataFrame({"sex": ["M", "F"], "region": ["Nord", "Hovedstaden"]})
    comparison = pd.DataFrame({"sex": ["M", "F", "F"], "region": ["Nord", "Nord", "Syd"]})
    with pytest.raises(NoOverlapError, match="region = Hovedstaden.*1 af programmets unge"):
        fit_weights(programme, comparison, warn=False)
    with pytest.raises(NoOverlapError, match="region = Hovedstaden, but 1 programme youths"):
        fit_weights(programme, comparison, lang="en", warn=False)
    with pytest.raises(NoOverlapError):
        fit_weights(programme, comparison.iloc[:0], warn=False)


def test_comparison_youths_outside_the_programmes_support_weigh_nothing() -> None:
    programme = pd.DataFrame({"cohort": ["2021", "2022", "2022"]})
    comparison = pd.DataFrame({"cohort": ["2019", "2021", "2022", "2022"]})
    weighting = fit_weights(programme, comparison, warn=False)
    assert weighting.weights[0] == 0.0
    assert weighting.design.comparison_cell[0] == -1
    assert (weighting.weights[1:] > 0).all()


def test_loud_warnings_for_imbalance_and_a_small_effective_n() -> None:
    programme, comparison = _groups(3, n_t=60, n_c=80)
    with pytest.warns(BalanceWarning) as small_n:  # this group is also unbalanced: both warnings come
        fit_weights(programme, comparison, min_effective_n=1000)
    assert any("effektiv stikprøvestørrelse" in str(w.message) for w in small_n)
    with pytest.warns(BalanceWarning) as unbalanced:
        fit_weights(programme, comparison, smd_threshold=0.0)
    assert any("ubalanceret" in str(w.message) for w in unbalanced)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("MF"), st.sampled_from(["a", "b", "c"])), min_size=1, max_size=15),
       st.lists(st.tuples(st.sampled_from("MF"), st.sampled_from(["a", "b", "c", "d"])), min_size=1, max_size=30))
def test_any_groups_are_refused_for_missing_overlap_or_weighted(programme_rows: list, comparison_rows: list) -> None:
    programme = pd.DataFrame(programme_rows, columns=["sex", "region"])
    comparison = pd.DataFrame(comparison_rows, columns=["sex", "region"])
    missing = any(not set(programme[c]) <= set(comparison[c]) for c in ("sex", "region"))
    try:
        weighting = fit_weights(programme, comparison, warn=False)
    except NoOverlapError as error:
        # a missing level, no comparison youth inside the programme's levels, or near-complete separation
        inside = comparison["sex"].isin(programme["sex"]) & comparison["region"].isin(programme["region"])
        assert missing or not inside.any() or "overlapper næsten ikke" in str(error)
        return
    assert not missing
    assert np.isfinite(weighting.weights).all() and (weighting.weights >= 0).all()
    assert weighting.weights.mean() == pytest.approx(1.0)
    assert (weighting.weights[~comparison["region"].isin(programme["region"]).to_numpy()] == 0).all()
