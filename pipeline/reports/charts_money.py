"""Charts of the budget-economic savings, in the style of `charts`: the cumulative net with the
undiscounted and the discounted (present value) sums named apart, and the histogram of the
Monte Carlo draws with the main calculation marked.

Every chart takes a frame made from published cells (`pipeline.reports.money`); a hidden cell is
NaN and is never drawn.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from pipeline import formatting as fmt
from pipeline.reports.charts import OKABE_ITO, _figure, _mio_axis
from pipeline.texts import t


def cumulative_savings(frame: pd.DataFrame, lang: str) -> Figure:
    """The year's net of the municipality and the state (bars) and the cumulative net total (line), every
    series named undiscounted, and the cumulative present value beside it (`money.by_year_frame`), in mio. kr."""
    fig, ax = _figure(3.0)
    shown = frame.dropna(subset=["net_total_dkk"])
    x = shown["year"].to_numpy()
    ax.bar(x - 0.2, shown["net_municipal_dkk"], width=0.4, color=OKABE_ITO["blue"],
           label=t("money.chart.net_municipal", lang))
    ax.bar(x + 0.2, shown["net_state_dkk"], width=0.4, color=OKABE_ITO["sky_blue"],
           label=t("money.chart.net_state", lang))
    ax.plot(x, shown["cumulative_net_total_dkk"], marker="o", color=OKABE_ITO["black"], ms=4,
            label=t("money.col.cumulative_net", lang))
    if "cumulative_npv_total_dkk" in shown:
        ax.plot(x, shown["cumulative_npv_total_dkk"], marker="s", color=OKABE_ITO["vermillion"], ms=3.5, ls="--",
                label=t("money.col.cumulative_pv", lang))
    ax.axhline(0, color="#444444", lw=0.8)
    ax.set_xticks(x, [str(int(v)) for v in x])
    ax.yaxis.set_major_formatter(_mio_axis(lang))
    ax.set_xlabel(t("chart.savings_x", lang))
    ax.set_ylabel(t("chart.savings_y", lang))
    ax.set_title(t("money.chart.cumulative_title", lang), loc="left")
    ax.legend(loc="upper left", fontsize=7)
    return fig


def npv_histogram(frame: pd.DataFrame, marks: dict[str, float | None], lang: str) -> Figure:
    """The programme's Monte Carlo NPV draws as a histogram (`money.histogram_frame`: low_dkk, high_dkk,
    draws), with the main calculation as a vertical line, the median dashed and the 5–95 % interval
    shaded (`money.monte_carlo_marks`; a hidden mark is not drawn)."""
    fig, ax = _figure(3.0)
    shown = frame.dropna()
    if not shown.empty:
        ax.bar(shown["low_dkk"], shown["draws"], width=shown["high_dkk"] - shown["low_dkk"], align="edge",
               color=OKABE_ITO["sky_blue"], edgecolor="white", linewidth=0.4)
    if marks.get("p5") is not None and marks.get("p95") is not None:
        ax.axvspan(marks["p5"], marks["p95"], color=OKABE_ITO["grey"], alpha=0.15,
                   label=t("money.chart.interval", lang))
    if marks.get("median") is not None:
        ax.axvline(marks["median"], color=OKABE_ITO["blue"], lw=1.2, ls="--",
                   label=f"{t('money.chart.median', lang)} ({fmt.fmt_mio_dkk(marks['median'], lang, 1)})")
    if marks.get("headline") is not None:
        ax.axvline(marks["headline"], color=OKABE_ITO["vermillion"], lw=1.8,
                   label=f"{t('money.chart.headline', lang)} ({fmt.fmt_mio_dkk(marks['headline'], lang, 1)})")
    if not shown.empty and (shown["low_dkk"].min() <= 0 <= shown["high_dkk"].max()):
        ax.axvline(0, color="#444444", lw=0.6, ls=":")
    ax.xaxis.set_major_formatter(_mio_axis(lang))
    ax.set_xlabel(t("money.chart.histogram_x", lang))
    ax.set_ylabel(t("money.chart.histogram_y", lang))
    draws = marks.get("draws")
    ax.set_title(t("money.chart.histogram_title", lang, n=fmt.fmt_int(draws, lang) if draws is not None
                   else fmt.MISSING), loc="left")
    ax.grid(axis="x", visible=False)
    if np.isfinite(shown["draws"].to_numpy(dtype=float)).any():
        ax.legend(loc="upper left", fontsize=7)
    return fig
