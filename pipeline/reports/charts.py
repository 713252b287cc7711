"""Matplotlib charts for the reports: Okabe–Ito colours, titles, axis labels with units.

Every chart takes a frame made from published cells (`pipeline.reports.tables`, `money`), in
which a hidden cell is NaN or absent, and leaves NaN out: a hidden value is never drawn.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from pipeline import formatting as fmt  # noqa: E402
from pipeline.texts import category_label, category_order, t  # noqa: E402

# Okabe & Ito (2008), "Color Universal Design": safe for the common colour-vision deficiencies.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}
CATEGORY_COLOURS = {
    "job": OKABE_ITO["bluish_green"],
    "education": OKABE_ITO["blue"],
    "in_programme": OKABE_ITO["orange"],
    "public_support": OKABE_ITO["vermillion"],
    "unknown": OKABE_ITO["grey"],
}
SERIES_COLOURS = [
    OKABE_ITO[k]
    for k in ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "yellow")
]
SUPPRESSED_COLOUR = "#DDDDDD"
WIDTH_IN = 6.7  # the A4 text width of the PDF

plt.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "font.size": 8.5,
        "axes.titlesize": 10,
        "axes.titleweight": "bold",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": "#E5E5E5",
        "grid.linewidth": 0.6,
        "legend.frameon": False,
        "axes.axisbelow": True,
        "svg.hashsalt": "joballiance",
    }
)


def _pct_axis(lang: str) -> FuncFormatter:
    return FuncFormatter(lambda value, _pos: fmt.fmt_pct(value, lang))


def _mio_axis(lang: str) -> FuncFormatter:
    return FuncFormatter(lambda value, _pos: fmt.fmt_number(value / 1e6, lang, 0))


NOTICE_COLOUR = "#8a3300"
NOTICE_STRIP_IN = 0.16  # the strip under a chart kept free for the synthetic-data notice


def fit_title(fig: Figure) -> None:
    """A one-plot figure's left title that runs past the figure's right edge (a plot pushed right by
    long tick labels) becomes the figure's title, which starts at the figure's left edge instead."""
    axes = fig.get_axes()
    if len(axes) != 1 or not axes[0].get_title(loc="left") or fig.get_suptitle():
        return
    fig.canvas.draw()
    if axes[0]._left_title.get_window_extent().x1 <= fig.bbox.x1:  # matplotlib keeps no public handle
        return
    text = axes[0].get_title(loc="left")
    axes[0].set_title("", loc="left")
    fig.suptitle(text, x=0.01, ha="left", fontweight="bold", fontsize=plt.rcParams["axes.titlesize"])


def mark_synthetic(fig: Figure, notice: str) -> float:
    """The synthetic-data notice at the right, in a strip of its own under the figure (where no legend
    or label can be); returns the strip's height in inches, for savefig to take in."""
    fig.text(0.995, -(NOTICE_STRIP_IN - 0.03) / fig.get_figheight(), notice, ha="right", va="bottom",
             fontsize=6.5, color=NOTICE_COLOUR)
    return NOTICE_STRIP_IN


def _legend_below(fig: Figure, ncol: int) -> None:
    """The legend under the plot, outside it, so it never covers a bar or a value label."""
    fig.legend(loc="outside lower center", ncol=ncol, fontsize=7.5)


def _figure(height: float) -> tuple[Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=(WIDTH_IN, height), layout="constrained")
    return fig, ax


def rate_dot_whisker(
    rates: pd.DataFrame,
    lang: str,
    reference: float | None = None,
    baseline: tuple[float, float] | None = None,
    reference_label: str | None = None,
) -> Figure:
    """Employment rate per row (`label`, `rate`, `ci_low`, `ci_high`, `is_total`) with its 95 % interval.

    Rows whose rate is suppressed are listed with 'not shown'; `reference` (the pilot's 81 %) and
    `baseline` (the national 12–15 %) are drawn as guides; `reference_label` names the reference line."""
    rows = rates.iloc[::-1].reset_index(drop=True)
    fig, ax = _figure(0.45 * len(rows) + 1.3)
    y = np.arange(len(rows))
    if baseline is not None:
        ax.axvspan(
            baseline[0],
            baseline[1],
            color=OKABE_ITO["grey"],
            alpha=0.25,
            lw=0,
            label=t("chart.baseline", lang),
        )
    if reference is not None:
        ax.axvline(
            reference,
            color=OKABE_ITO["orange"],
            ls="--",
            lw=1.2,
            label=reference_label or t("chart.pilot", lang),
        )
    for i, row in rows.iterrows():
        if pd.isna(row["rate"]):
            ax.text(
                0.01, i, t("p.suppressed_chart", lang), va="center", ha="left", color="#555555", fontsize=7.5
            )
            continue
        colour = OKABE_ITO["black"] if row["is_total"] else OKABE_ITO["blue"]
        ax.errorbar(
            row["rate"],
            i,
            xerr=[[row["rate"] - row["ci_low"]], [row["ci_high"] - row["rate"]]],
            fmt="o",
            color=colour,
            ecolor=colour,
            capsize=3,
            ms=6 if row["is_total"] else 5,
            lw=1.4,
        )
    ax.set_yticks(y, [str(label) for label in rows["label"]])
    for tick, total in zip(ax.get_yticklabels(), rows["is_total"], strict=True):
        if total:
            tick.set_fontweight("bold")
    ax.set_xlim(0, 1.02)
    ax.xaxis.set_major_formatter(_pct_axis(lang))
    ax.set_xlabel(t("chart.rate_x", lang))
    ax.set_title(t("chart.rate_title", lang), loc="left")
    ax.grid(axis="y", visible=False)
    if reference is not None or baseline is not None:
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.02), ncol=2, fontsize=7.5)
        ax.set_title(t("chart.rate_title", lang), loc="left", pad=22)
    return fig


def status_profile_bars(profiles: Mapping[str, pd.DataFrame], lang: str) -> Figure:
    """Stacked bars of the status shares 1–36 months after STU, one panel per profile (title → frame).

    A frame has `month`, one column per category (NaN = suppressed) and `suppressed`, the combined share
    of the hidden categories, drawn as one hatched grey segment."""
    panels = len(profiles)
    fig, axes = plt.subplots(
        1, panels, figsize=(WIDTH_IN, 3.3), layout="constrained", sharey=True, squeeze=False
    )
    handles: dict[str, object] = {}
    for ax, (title, frame) in zip(axes[0], profiles.items(), strict=True):
        x = np.arange(len(frame))
        bottom = np.zeros(len(frame))
        for cat in category_order():
            values = frame[cat].fillna(0).to_numpy()
            if not values.any():
                continue
            handles[category_label(cat, lang)] = ax.bar(
                x, values, bottom=bottom, color=CATEGORY_COLOURS[cat], width=0.72, edgecolor="white", lw=0.5
            )
            bottom += values
        hidden = frame["suppressed"].fillna(0).to_numpy()
        if hidden.any():
            handles[t("value.suppressed_segment", lang)] = ax.bar(
                x,
                hidden,
                bottom=bottom,
                color=SUPPRESSED_COLOUR,
                hatch="///",
                edgecolor="#888888",
                width=0.72,
                lw=0.5,
            )
        for i, month_hidden in enumerate(frame["month_hidden"]):
            if month_hidden:
                ax.text(i, 0.02, "–", ha="center", va="bottom", color="#555555")
        ax.set_xticks(x, [str(m) for m in frame["month"]])
        ax.set_ylim(0, 1)
        ax.yaxis.set_major_formatter(_pct_axis(lang))
        ax.set_xlabel(t("chart.profile_x", lang))
        ax.set_title(title, loc="left", fontsize=9)
        ax.grid(axis="x", visible=False)
    axes[0][0].set_ylabel(t("chart.share_y", lang))
    if handles:  # a tiny programme may have nothing shown at all
        fig.legend(
            list(handles.values()),
            list(handles.keys()),
            loc="outside lower center",
            ncol=min(len(handles), 6),
            fontsize=7.5,
        )
    fig.suptitle(t("chart.profile_title", lang), x=0.01, ha="left", fontweight="bold", fontsize=10)
    return fig


def retention_curves(curves: Mapping[str, pd.DataFrame], lang: str, highlight: str | None = None) -> Figure:
    """Kaplan–Meier step curves (label → frame with month, survival, ci_low, ci_high), already cut
    where too few are at risk; the `highlight` curve is black with its interval shaded."""
    fig, ax = _figure(3.2)
    colours = iter(SERIES_COLOURS)
    drawn = False
    for label, frame in curves.items():
        if frame is None or frame.empty:
            continue
        drawn = True
        is_main = label == highlight
        colour = OKABE_ITO["black"] if is_main else next(colours)
        ax.step(
            frame["month"],
            frame["survival"],
            where="post",
            color=colour,
            lw=2.0 if is_main else 1.2,
            label=label,
        )
        if is_main:
            ax.fill_between(
                frame["month"], frame["ci_low"], frame["ci_high"], step="post", color=colour, alpha=0.12, lw=0
            )
    if not drawn:
        ax.text(0.5, 0.5, t("p.suppressed_chart", lang), ha="center", va="center", transform=ax.transAxes)
    ax.set_ylim(0, 1.02)
    ax.set_xlim(left=0)
    ax.yaxis.set_major_formatter(_pct_axis(lang))
    ax.set_xlabel(t("chart.retention_x", lang))
    ax.set_ylabel(t("chart.retention_y", lang))
    ax.set_title(t("chart.retention_title", lang), loc="left")
    if drawn:
        ax.legend(loc="lower left", fontsize=7.5)
    return fig


def funnel_bars(funnels: Mapping[str, pd.DataFrame], lang: str) -> Figure:
    """Horizontal bars of the share that reached each phase, one bar group per funnel (label → frame)."""
    fig, ax = _figure(2.9)
    count = len(funnels)
    height = 0.8 / max(count, 1)
    phases = [1, 2, 3, 4]
    for k, (label, frame) in enumerate(funnels.items()):
        shares = frame.set_index("phase")["share_reached"].reindex(phases)
        y = np.arange(len(phases)) + (k - (count - 1) / 2) * height
        colour = SERIES_COLOURS[k] if k < len(SERIES_COLOURS) else OKABE_ITO["grey"]
        ax.barh(y, shares.fillna(0).to_numpy(), height=height * 0.9, color=colour, label=label)
        for yi, value in zip(y, shares, strict=True):
            text = fmt.fmt_pct(value, lang) if not pd.isna(value) else "–"
            ax.text((0 if pd.isna(value) else value) + 0.01, yi, text, va="center", fontsize=7)
    ax.set_yticks(np.arange(len(phases)), [f"{p}. {t(f'phase.{p}', lang)}" for p in phases])
    ax.invert_yaxis()
    ax.set_xlim(0, 1.1)
    ax.xaxis.set_major_formatter(_pct_axis(lang))
    ax.set_xlabel(t("chart.funnel_x", lang))
    ax.set_title(t("chart.funnel_title", lang), loc="left")
    ax.grid(axis="y", visible=False)
    if count > 1:
        _legend_below(fig, count)
    return fig


def trend_lines(series: Mapping[str, pd.DataFrame], lang: str, highlight: str | None = None) -> Figure:
    """Share in a job 12 months after STU by export date (label → frame with export_date, share_job).

    Points only at the export dates (a line joins a series' consecutive exports and breaks at a
    hidden one; nothing is drawn between months without an export), and the x axis ticks are
    those dates, labelled in `lang`."""
    fig, ax = _figure(3.0)
    colours = iter(SERIES_COLOURS)
    drawn = False
    dates: set[pd.Timestamp] = set()
    for label, frame in series.items():
        points = frame.sort_values("export_date")
        dates.update(pd.to_datetime(points["export_date"]))
        if points["share_job"].isna().all():
            continue
        drawn = True
        is_main = label == highlight
        colour = OKABE_ITO["black"] if is_main else next(colours, OKABE_ITO["grey"])
        ax.plot(
            pd.to_datetime(points["export_date"]),
            points["share_job"],
            marker="o",
            ms=4,
            color=colour,
            lw=2.0 if is_main else 1.2,
            label=label,
        )
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(_pct_axis(lang))
    ax.set_xlabel(t("chart.trend_x", lang))
    ax.set_ylabel(t("chart.trend_y", lang))
    ax.set_title(t("chart.trend_title", lang), loc="left")
    if drawn:
        ax.legend(loc="lower left", fontsize=7, ncol=2)
    else:
        ax.text(0.5, 0.5, t("p.suppressed_chart", lang), ha="center", va="center", transform=ax.transAxes)
    ticks = sorted(dates)
    ax.set_xticks(ticks, [fmt.fmt_date_tick(d, lang) for d in ticks])
    if ticks:
        margin = max((ticks[-1] - ticks[0]) * 0.08, pd.Timedelta(days=30))
        ax.set_xlim(ticks[0] - margin, ticks[-1] + margin)
    ax.grid(axis="x", visible=False)
    return fig


def npv_bars(frame: pd.DataFrame, lang: str) -> Figure:
    """NPV of the public net total per partnership (`label`, `npv_net_total_dkk`; NaN = suppressed)."""
    rows = frame.iloc[::-1].reset_index(drop=True)
    fig, ax = _figure(0.4 * len(rows) + 1.1)
    y = np.arange(len(rows))
    values = rows["npv_net_total_dkk"]
    ax.barh(
        y,
        values.fillna(0),
        color=[OKABE_ITO["bluish_green"] if v >= 0 else OKABE_ITO["vermillion"] for v in values.fillna(0)],
        height=0.6,
    )
    for i, value in enumerate(values):
        if pd.isna(value):
            ax.text(0, i, " " + t("p.suppressed_chart", lang), va="center", fontsize=7.5, color="#555555")
    ax.axvline(0, color="#444444", lw=0.8)
    ax.set_yticks(y, list(rows["label"]))
    ax.xaxis.set_major_formatter(_mio_axis(lang))
    ax.set_xlabel(t("chart.npv_x", lang))
    ax.set_title(t("chart.npv_title", lang), loc="left")
    ax.grid(axis="y", visible=False)
    return fig


def tornado(frame: pd.DataFrame, base: float | None, lang: str) -> Figure:
    """One-way sensitivity: NPV at each parameter's low and high value around the base NPV."""
    rows = frame.iloc[::-1].reset_index(drop=True)
    fig, ax = _figure(0.42 * len(rows) + 1.2)
    centre = base if base is not None else 0.0
    y = np.arange(len(rows))
    for column, colour, label in (("npv_low_dkk", "vermillion", "chart.low"), ("npv_high_dkk", "blue", "chart.high")):
        ax.barh(y, rows[column] - centre, left=centre, color=OKABE_ITO[colour], height=0.6, label=t(label, lang))
    if base is not None:
        ax.axvline(base, color=OKABE_ITO["black"], lw=1)
    ax.axvline(0, color="#444444", lw=0.6, ls=":")
    ax.set_yticks(y, list(rows["parameter"]))
    ax.xaxis.set_major_formatter(_mio_axis(lang))
    ax.set_xlabel(t("chart.tornado_x", lang))
    ax.set_title(t("chart.tornado_title", lang), loc="left")
    ax.grid(axis="y", visible=False)
    _legend_below(fig, 2)
    return fig


def monte_carlo_intervals(frame: pd.DataFrame, lang: str) -> Figure:
    """The 5–95 % NPV interval and median per partnership (`label`, `p5_npv_dkk`, `p50_npv_dkk`,
    `p95_npv_dkk`; NaN = hidden): the release publishes these, not the draws."""
    rows = frame.iloc[::-1].reset_index(drop=True)
    fig, ax = _figure(0.4 * len(rows) + 1.2)
    for i, row in rows.iterrows():
        if pd.isna(row["p50_npv_dkk"]):
            ax.text(0, i, " " + t("p.suppressed_chart", lang), va="center", fontsize=7.5, color="#555555")
            continue
        ax.plot([row["p5_npv_dkk"], row["p95_npv_dkk"]], [i, i], color=OKABE_ITO["blue"], lw=2)
        ax.plot(row["p50_npv_dkk"], i, "o", color=OKABE_ITO["black"], ms=5)
    ax.axvline(0, color=OKABE_ITO["vermillion"], lw=1, ls="--")
    ax.set_yticks(np.arange(len(rows)), list(rows["label"]))
    ax.xaxis.set_major_formatter(_mio_axis(lang))
    ax.set_xlabel(t("chart.mc_x", lang))
    ax.set_title(t("chart.mc_title", lang), loc="left")
    ax.grid(axis="y", visible=False)
    return fig
