"""The budget-economic presentation: the Monte Carlo histogram and where the main calculation lies
in it (worked by hand), the wording of the positive draws, the sensitivity parameters that move
nothing, the payback year and the labels."""

from __future__ import annotations

import string
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from test_economics_handworked import handworked_parameters
from test_economics_municipal import handworked_frames
from test_reports_units import _cell, _release

from pipeline.economics import compute_savings
from pipeline.economics.montecarlo import histogram, sample_scalars
from pipeline.economics.store import read_published
from pipeline.release.savings import moves_result
from pipeline.reports import money
from pipeline.reports.context import open_context
from pipeline.texts import TEXTS, domain_texts, t

# ----------------------------------------------------------------------------- computed at build time


def test_histogram_bins_by_hand() -> None:
    frame = histogram(np.arange(10.0), bins=3)  # edges 0, 3, 6, 9; the last bin holds 6, 7, 8 and 9
    assert list(frame["low_dkk"]) == [0.0, 3.0, 6.0]
    assert list(frame["high_dkk"]) == [3.0, 6.0, 9.0]
    assert list(frame["draws"]) == [3, 3, 4]
    assert list(frame["bin"]) == [1, 2, 3]
    equal = histogram(np.full(7, 1e8), bins=30)  # every draw alike: one narrow bin holds them all
    assert equal["draws"].sum() == 7 and (equal["draws"] > 0).sum() == 1
    assert equal["low_dkk"].iloc[0] < 1e8 < equal["high_dkk"].iloc[-1]


UNIFORM_EXTRA = 600_000.0


def monte_carlo_case(draws: int = 400):
    """The hand-worked municipal case with the default programme cost per youth drawn uniform on
    [10,000, 610,000]: the cost (3 youths, booked in year 1, discount factor 1) lowers the NPV by
    3 kr. per krone above the point value 10,000, so every draw lies at or below the main calculation."""
    cohort, distribution, youths, months = handworked_frames()
    params = handworked_parameters()
    params.values["uncertainty"] = {
        "draws": draws, "seed": 11,
        "programme_cost.per_youth_dkk": {"dist": "uniform", "low": 10_000, "high": 10_000 + UNIFORM_EXTRA}}
    result = compute_savings(cohort, distribution, params, read_published(), monte_carlo_draws=draws,
                             municipal_inputs=(youths, months))
    costs = sample_scalars(params.values, draws, 11).per_youth_cost
    return result, costs


def test_where_the_main_calculation_lies_among_the_draws_by_hand() -> None:
    result, costs = monte_carlo_case()
    headline = result.summary.set_index("partnership_id").at["ALL", "npv_net_total_dkk"]
    npv = headline - 3 * (costs - 10_000)
    row = result.monte_carlo.set_index("partnership_id").loc["ALL"]
    assert row["headline_npv_dkk"] == pytest.approx(headline)
    assert row["headline_percentile"] == pytest.approx(np.mean(npv <= headline + 1e-6)) == 1.0
    assert row["positive_draws"] == int((npv > 0).sum())
    assert 0 < row["positive_draws"] < 400  # the range crosses zero: some draws are losses
    assert row["prob_npv_positive"] == pytest.approx(row["positive_draws"] / 400)
    hist = result.histogram
    assert hist["draws"].sum() == 400 and len(hist) == 30
    assert hist["low_dkk"].iloc[0] == pytest.approx(npv.min()) and hist["high_dkk"].iloc[-1] == pytest.approx(
        npv.max())
    inputs = result.monte_carlo_inputs.set_index("parameter").loc["programme_cost.per_youth_dkk"]
    assert inputs["point"] == 10_000 and inputs["draws_mean"] == pytest.approx(costs.mean())
    assert inputs["npv_at_draws_mean_dkk"] == pytest.approx(headline - 3 * (costs.mean() - 10_000))


def test_the_municipal_payback_year_by_hand() -> None:
    """Municipal net 260,000 / 181,500 / 168,750 (test_economics_municipal): paid back in year 1; with a
    programme cost of 200,000 a youth (300,000 municipal) it is year 2 (−40,000, then +141,500)."""
    cohort, distribution, youths, months = handworked_frames()
    params = handworked_parameters()
    assert compute_savings(cohort, distribution, params, read_published()).summary.set_index(
        "partnership_id").at["ALL", "break_even_year_municipal"] == 1
    params.values["programme_cost"]["per_youth_dkk"] = 200_000
    summary = compute_savings(cohort, distribution, params, read_published()).summary.set_index("partnership_id")
    assert summary.at["ALL", "break_even_year_municipal"] == 2


def test_a_sensitivity_parameter_moves_the_result_from_one_krone() -> None:
    def row(low: float, high: float) -> object:
        return pd.Series({"npv_low_dkk": low, "npv_high_dkk": high, "npv_base_dkk": 100.0})

    assert not moves_result(row(100.0, 100.0))
    assert not moves_result(row(99.5, 100.9))
    assert moves_result(row(100.0, 101.0))
    assert moves_result(row(98.0, 100.0))


# ----------------------------------------------------------------------------- read from the release


def _mc(quantity: str, unit: str, value: float, partnership: str = "ALL") -> dict[str, object]:
    return _cell("economics", "monte_carlo", quantity, unit, value, partnership_id=partnership)


def mc_release(tmp_path: Path, positive: int, draws: int, share: float) -> Path:
    rows = [_mc("mc_p5_npv_dkk", "dkk", 65.8e6), _mc("mc_p50_npv_dkk", "dkk", 88.3e6),
            _mc("mc_p95_npv_dkk", "dkk", 105.5e6), _mc("mc_headline_npv_dkk", "dkk", 102.8e6),
            _mc("mc_headline_percentile", "share", 0.9), _mc("mc_draws", "draws", draws),
            _mc("mc_positive_draws", "draws", positive), _mc("mc_prob_npv_positive", "share", share)]
    rows[-1]["decimals"] = 4
    for key, point, mean, npv in (("status.cash_benefit.annual_public_cost_dkk", 147_912, 125_556, 100.6e6),
                                  ("programme_cost.per_youth_dkk", 65_714, 71_905, 97.0e6),
                                  ("model.discount_rate", 0.035, 0.03, 110.0e6)):
        unit = "dkk" if key.endswith("_dkk") else "factor"
        rows += [_cell("economics", "monte_carlo_inputs", "mc_input_point", unit, point, partnership_id="ALL",
                       item=key),
                 _cell("economics", "monte_carlo_inputs", "mc_input_draws_mean", unit, mean, partnership_id="ALL",
                       item=key),
                 _cell("economics", "monte_carlo_inputs", "mc_input_npv_dkk", "dkk", npv, partnership_id="ALL",
                       item=key)]
    rows += [_cell("economics", "sensitivity_no_effect", "sensitivity_no_effect", "flag", 1,
                   item="status.disability_pension.municipal_share")]
    rows += [_cell("economics", "monte_carlo_histogram", q, u, v, partnership_id="ALL", item=f"{b:02d}")
             for b, (low, count) in enumerate(((60e6, 3), (80e6, 2)), start=1)
             for q, u, v in (("mc_histogram_low_dkk", "dkk", low), ("mc_histogram_high_dkk", "dkk", low + 20e6),
                             ("mc_histogram_draws", "draws", count))]
    return _release(tmp_path, rows)


@pytest.mark.parametrize(("positive", "share", "da", "en"), [
    (2000, 1.0, "alle 2.000", "all 2,000"),
    (1999, 0.9995, "over 99,9 % af 2.000", "over 99.9% of 2,000"),
    (1940, 0.97, "97 % af 2.000", "97% of 2,000"),
    (1, 0.0005, "under 0,1 % af 2.000", "under 0.1% of 2,000"),
    (0, 0.0, "ingen af 2.000", "none of 2,000"),
])
def test_positive_draws_never_read_as_a_certainty(tmp_path: Path, positive: int, share: float, da: str,
                                                   en: str) -> None:
    path = mc_release(tmp_path, positive, 2000, share)
    assert money.positive_draws_text(open_context(path, "da")) == da
    assert money.positive_draws_text(open_context(path, "en")) == en
    for lang in ("da", "en"):
        table = money.monte_carlo_table(open_context(path, lang))
        assert "100 %" not in " ".join(table.iloc[0].astype(str)) and "100%" not in " ".join(
            table.iloc[0].astype(str))


def test_the_monte_carlo_text_says_where_and_why(tmp_path: Path) -> None:
    ctx = open_context(mc_release(tmp_path, 2000, 2000, 1.0), "da")
    text = money.monte_carlo_text(ctx)
    assert "102,8 mio. kr." in text and "90 %" in text and "88,3 mio. kr." in text
    assert "punktværdi" in text  # not central (the 90th percentile): the reason is given
    # the inputs that move the NPV towards the median (below the main calculation), the largest first;
    # the discount rate moves it up and is not a reason
    reasons = text[text.index("Størst betydning har:"):]
    assert reasons.index("97,0 mio. kr.") < reasons.index("100,6 mio. kr.")
    assert "0,0300" not in reasons and "110" not in reasons
    assert "Alle 2.000 trækninger" in text
    marks = money.monte_carlo_marks(ctx)
    assert marks == {"headline": 102.8e6, "median": 88.3e6, "p5": 65.8e6, "p95": 105.5e6, "draws": 2000.0,
                     "percentile": 0.9}
    frame = money.histogram_frame(ctx)
    assert list(frame["draws"]) == [3, 2] and list(frame["low_dkk"]) == [60e6, 80e6]
    assert money.histogram_table(ctx).values.tolist() == [["60,0 mio. kr.", "80,0 mio. kr.", "3"],
                                                          ["80,0 mio. kr.", "100,0 mio. kr.", "2"]]
    assert money.sensitivity_dropped_text(ctx).endswith("Førtidspension: kommunal andel.")


def test_the_histogram_chart_marks_the_main_calculation(tmp_path: Path) -> None:
    from pipeline.reports.charts_money import npv_histogram

    ctx = open_context(mc_release(tmp_path, 2000, 2000, 1.0), "en")
    fig = npv_histogram(money.histogram_frame(ctx), money.monte_carlo_marks(ctx), "en")
    ax = fig.axes[0]
    lines = {line.get_label(): line.get_xdata()[0] for line in ax.get_lines()}
    assert lines["Main calculation (DKK 102.8 million)"] == 102.8e6
    assert lines["Median (DKK 88.3 million)"] == 88.3e6
    assert [p.get_height() for p in ax.patches if p.get_width() == 20e6] == [3, 2]
    assert "2,000" in ax.get_title(loc="left")


# ----------------------------------------------------------------------------- labels


def test_money_texts_in_both_languages_with_the_same_fields() -> None:
    for key, (da, en) in domain_texts("report_money").items():
        assert da.strip() and en.strip(), key
        assert {f for _, f, _, _ in string.Formatter().parse(da) if f} == {
            f for _, f, _, _ in string.Formatter().parse(en) if f}, key


def test_budget_economic_naming_and_discounting_labels() -> None:
    danish = " ".join(da for da, _ in TEXTS.values()).lower()
    assert "samfundsøkonomisk" not in danish
    for key in ("money.col.cumulative_net", "q.cumulative_net_total_dkk", "money.chart.net_municipal"):
        assert "udiskonteret" in t(key, "da") and "undiscounted" in t(key, "en")
    for key in ("money.col.cumulative_pv", "q.cumulative_npv_total_dkk", "money.col.municipal_npv_per_youth"):
        assert "diskonteret (nutidsværdi)" in t(key, "da") and "discounted (present value)" in t(key, "en")
    assert "stat + kommune" in t("money.col.break_even", "da")
    labels = [t(money.COLUMN_TEXT[q], "da") for q in (*money.COLUMNS_SHORT, *money.COLUMNS_NET)]
    assert all("diskonteret" in label for label in labels if "kumul" in label)


def test_the_cumulative_chart_names_undiscounted_and_discounted_apart() -> None:
    from pipeline.reports.charts_money import cumulative_savings

    frame = pd.DataFrame({"year": [1, 2], "net_municipal_dkk": [-3.6e6, 7.9e6], "net_state_dkk": [3.1e6, 5.2e6],
                          "net_total_dkk": [-0.5e6, 13.1e6], "cumulative_net_total_dkk": [-0.5e6, 12.6e6],
                          "cumulative_npv_total_dkk": [-0.5e6, 12.2e6]})
    ax = cumulative_savings(frame, "da").axes[0]
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["Akkumuleret netto i alt, udiskonteret", "Akkumuleret netto i alt, diskonteret (nutidsværdi)",
                      "Årets netto, kommune (udiskonteret)", "Årets netto, stat (udiskonteret)"]
    lines = {line.get_label(): list(line.get_ydata()) for line in ax.get_lines()}
    assert lines["Akkumuleret netto i alt, diskonteret (nutidsværdi)"] == [-0.5e6, 12.2e6]
