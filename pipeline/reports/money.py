"""Display tables and chart frames of the budget-economic savings, made from published cells.

Like-for-like with HBS Economics: its 150 mio. kr. and 700 full-time employed a year are one
annual cohort's yearly effect, so they stand against one cohort's steady year
(`national_cohort_*`); the stock of all cohorts active in a year (`national_stock_*`) is a
second, separately named figure with no published counterpart.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from pipeline import formatting as fmt
from pipeline.release.read import one, pick, value
from pipeline.reports.context import ReportContext, label_partnership
from pipeline.reports.tables import ALL, col, grid, numeric
from pipeline.texts import has_text, parameter_label, t

SOURCES = ("observed", "projected", "assumed")
# the column title (text key) of every quantity a money table shows; the column sets below are quantities
COLUMN_TEXT = {
    "savings_youths": "col.n_youth", "npv_net_total_dkk": "col.npv_total", "npv_net_municipal_dkk": "col.npv_municipal",
    "npv_net_state_dkk": "col.npv_state", "break_even_year": "money.col.break_even",
    "break_even_year_municipal": "money.col.break_even_municipal", "share_job": "col.share_job",
    "share_job_or_education": "col.share_job_or_education", "fte_per_youth": "col.fte_per_youth",
    "gross_municipal_dkk": "col.gross_municipal", "gross_state_dkk": "col.gross_state",
    "cost_municipal_dkk": "col.cost_municipal", "cost_state_dkk": "col.cost_state",
    "net_municipal_dkk": "col.net_municipal", "net_state_dkk": "col.net_state", "net_total_dkk": "col.net_total",
    "net_municipal_per_youth_dkk": "col.net_municipal_per_youth", "net_total_per_youth_dkk": "col.net_total_per_youth",
    "discount_factor": "col.discount_factor", "cumulative_net_total_dkk": "money.col.cumulative_net",
    "cumulative_npv_total_dkk": "money.col.cumulative_pv", "mc_mean_npv_dkk": "col.mean_npv",
    "mc_p5_npv_dkk": "col.p5", "mc_p50_npv_dkk": "col.p50", "mc_p95_npv_dkk": "col.p95",
    "mc_headline_npv_dkk": "money.col.headline",
}
SUMMARY_COLUMNS = ("savings_youths", "npv_net_total_dkk", "npv_net_municipal_dkk", "npv_net_state_dkk",
                   "break_even_year", "break_even_year_municipal")
COLUMNS_SHORT = ("share_job", "net_municipal_dkk", "net_state_dkk", "net_total_dkk", "net_municipal_per_youth_dkk",
                 "cumulative_net_total_dkk", "cumulative_npv_total_dkk")
COLUMNS_GROSS = ("share_job", "share_job_or_education", "fte_per_youth", "gross_municipal_dkk", "gross_state_dkk",
                 "cost_municipal_dkk", "cost_state_dkk")
COLUMNS_NET = ("net_municipal_dkk", "net_state_dkk", "net_total_dkk", "net_total_per_youth_dkk", "discount_factor",
               "cumulative_net_total_dkk", "cumulative_npv_total_dkk")
MC_COLUMNS = ("mc_mean_npv_dkk", "mc_p5_npv_dkk", "mc_p50_npv_dkk", "mc_p95_npv_dkk", "mc_headline_npv_dkk")


def columns_of(quantities: Sequence[str], lang: str) -> list[tuple[str, dict[str, str], str]]:
    """The grid columns of these quantities, each titled with its text."""
    return [col(t(COLUMN_TEXT[q], lang), quantity=q) for q in quantities]


def _partnership_order(cells: pd.DataFrame, partnerships: Sequence[str] | None) -> list[str]:
    found = {p for p in cells["partnership_id"].dropna()}
    ids = [p for p in (partnerships or sorted(found - {ALL})) if p in found and p != ALL]
    return [*ids, ALL] if ALL in found and (partnerships is None or ALL in partnerships) else ids


def summary_table(ctx: ReportContext, report: str, partnerships: Sequence[str] | None = None) -> pd.DataFrame:
    """Youths counted, 10-year NPV (total, municipal, state) and break-even year, per partnership and 'ALL'."""
    cells = ctx.cells(report, "savings_summary")
    columns = columns_of(SUMMARY_COLUMNS, ctx.lang)
    return grid(ctx, cells, "partnership_id", columns,
                (t("col.partnership", ctx.lang), lambda p: label_partnership(ctx, p)),
                _partnership_order(cells, partnerships))


def npv_frame(ctx: ReportContext, report: str) -> pd.DataFrame:
    """The chart frame of the partnerships' NPV: label, npv_net_total_dkk (NaN hidden)."""
    cells = pick(ctx.cells(report, "savings_summary"), quantity="npv_net_total_dkk")
    cells = cells[cells["partnership_id"] != ALL]
    if cells.empty:
        return pd.DataFrame()
    frame = numeric(cells, "partnership_id").sort_index()
    return pd.DataFrame({"label": [label_partnership(ctx, p) for p in frame.index],
                         "npv_net_total_dkk": frame["npv_net_total_dkk"].to_numpy()})


def _year_cells(ctx: ReportContext, report: str, partnership: str) -> pd.DataFrame:
    cells = ctx.cells(report, "savings_by_year")
    return cells[(cells["partnership_id"] == partnership) | (cells["quantity"] == "discount_factor")]


def by_year_table(ctx: ReportContext, report: str, partnership: str = ALL,
                  quantities: Sequence[str] = COLUMNS_SHORT) -> pd.DataFrame:
    """Year by year: the year's source (observed, projected, assumed) and the `quantities`' columns."""
    lang = ctx.lang
    cells = _year_cells(ctx, report, partnership)
    years = sorted({int(y) for y in cells["year"].dropna()})
    table = grid(ctx, cells, "year", columns_of(quantities, lang),
                 (t("col.year", lang), lambda y: t("value.year_n", lang, n=y)), years)
    sources = pick(cells, quantity="savings_year_source")
    shown = []
    for year in years:
        rows = pick(sources, year=year)
        if rows["hidden"].astype(bool).any():
            shown.append(fmt.MISSING if rows.empty else "–")
            continue
        found = [s for s in SOURCES if not pick(rows, item=s).empty and value(rows, item=s)]
        shown.append(t(f"value.{found[0]}", lang) if found else fmt.MISSING)
    table.insert(1, t("col.source", lang), shown)
    return table


def by_year_frame(ctx: ReportContext, report: str, partnership: str = ALL) -> pd.DataFrame:
    """The chart frame: year, net_municipal_dkk, net_state_dkk, net_total_dkk, cumulative_net_total_dkk
    (undiscounted), cumulative_npv_total_dkk (discounted)."""
    cells = _year_cells(ctx, report, partnership)
    cells = cells[cells["quantity"].isin(["net_municipal_dkk", "net_state_dkk", "net_total_dkk",
                                          "cumulative_net_total_dkk", "cumulative_npv_total_dkk"])]
    if cells.empty:
        return pd.DataFrame()
    return numeric(cells, "year").sort_index().rename_axis("year").reset_index()


def youths_counted(ctx: ReportContext, report: str, partnership: str = ALL) -> str:
    """The text of the 'youths counted in the savings' cell."""
    return ctx.text(one(_year_cells(ctx, report, partnership), quantity="savings_youths", year=None))


# ----------------------------------------------------------------------------- national scenario and HBS


def steady_year(ctx: ReportContext, report: str) -> int | None:
    """The year k at which one cohort's yearly effect is set against HBS (the break-even row's year)."""
    cell = one(ctx.cells(report, "published_comparison"), quantity="break_even_share", item="steady_year")
    return None if cell is None or fmt.is_missing(cell["year"]) else int(cell["year"])


def national_table(ctx: ReportContext, report: str) -> pd.DataFrame:
    """Year by year: one annual cohort's effect in its year k, and the stock of all cohorts active in year t."""
    lang = ctx.lang
    cells = ctx.cells(report, "national")
    years = sorted({int(y) for y in cells["year"].dropna()})
    columns = [col(t(f"col.{q}", lang), quantity=f"national_{q}") for q in (
        "cohort_net_total_dkk", "cohort_extra_fte", "stock_net_total_dkk", "stock_net_municipal_dkk",
        "stock_extra_fte")]
    return grid(ctx, cells, "year", columns, (t("col.year", lang), lambda y: t("value.year_n", lang, n=y)), years,
                as_millions=True)


HBS_ROWS = (("hbs_national_annual_saving", "national_cohort_net_total_dkk"),
            ("hbs_national_extra_full_time_employed", "national_cohort_extra_fte"))


def hbs_table(ctx: ReportContext, report: str) -> pd.DataFrame:
    """HBS's national figures against ONE cohort's steady year; the stock of the last year as its own
    rows; the break-even share on both bases (HBS's 26 % beside the NPV basis it was computed on)."""
    lang = ctx.lang
    comparison = ctx.cells(report, "published_comparison")
    national = ctx.cells(report, "national")
    year = steady_year(ctx, report)
    horizon = max((int(y) for y in national["year"].dropna()), default=None)
    rows = []
    for figure, _ in HBS_ROWS:
        rows.append([t(f"fig.{figure}", lang, year=year),
                     ctx.text(one(comparison, quantity="published_value", item=figure), as_millions=True),
                     ctx.text(one(comparison, quantity="computed_value", item=figure), as_millions=True)])
    for quantity in ("national_stock_net_total_dkk", "national_stock_extra_fte"):
        rows.append([t(f"fig.{quantity}", lang, year=horizon), fmt.MISSING,
                     ctx.text(one(national, quantity=quantity, year=horizon), as_millions=True)])
    # HBS's break-even share is on the NPV basis (as published_comparison computes it); the steady year's
    # break-even has no published counterpart
    published = {"npv": one(comparison, quantity="published_value", item="hbs_break_even_share_job_or_education"),
                 "steady_year": None}
    for basis in ("npv", "steady_year"):
        rows.append([t(f"fig.break_even_{basis}", lang, year=year), ctx.text(published[basis]),
                     ctx.text(one(comparison, quantity="break_even_share", item=basis))])
    return pd.DataFrame(rows, columns=[t("col.figure", lang), t("col.published", lang), t("col.computed", lang)])


def comparison_table(ctx: ReportContext, report: str) -> pd.DataFrame:
    """Every published figure of the comparison with the value computed here."""
    lang = ctx.lang
    cells = ctx.cells(report, "published_comparison")
    cells = cells[cells["quantity"] != "break_even_share"]
    items = list(dict.fromkeys(i for i in cells["item"] if i))
    year = steady_year(ctx, report)

    def label(item: str) -> str:
        return t(f"fig.{item}", lang, year=year) if has_text(f"fig.{item}") else item

    return grid(ctx, cells, "item", [col(t("col.published", lang), quantity="published_value"),
                                     col(t("col.computed", lang), quantity="computed_value")],
                (t("col.figure", lang), label), items, as_millions=True)


# ----------------------------------------------------------------------------- uncertainty


def sensitivity_frame(ctx: ReportContext, report: str = "economics") -> pd.DataFrame:
    """One-way sensitivity: parameter, npv_low_dkk, npv_high_dkk, widest swing first (hidden → NaN)."""
    cells = ctx.cells(report, "sensitivity")
    if cells.empty:
        return pd.DataFrame()
    frame = numeric(cells, "item").rename(columns={"sensitivity_npv_low_dkk": "npv_low_dkk",
                                                    "sensitivity_npv_high_dkk": "npv_high_dkk"})
    frame["swing"] = (frame["npv_high_dkk"] - frame["npv_low_dkk"]).abs()
    frame = frame.sort_values("swing", ascending=False)
    return frame.rename_axis("parameter").reset_index()


def sensitivity_chart_frame(ctx: ReportContext, report: str = "economics") -> pd.DataFrame:
    """`sensitivity_frame` with the parameters named for readers (the tornado's labels)."""
    frame = sensitivity_frame(ctx, report)
    if not frame.empty:
        frame["parameter"] = [parameter_label(k, ctx.lang) for k in frame["parameter"]]
    return frame


def sensitivity_table(ctx: ReportContext, report: str = "economics") -> pd.DataFrame:
    lang = ctx.lang
    cells = ctx.cells(report, "sensitivity")
    order = list(sensitivity_frame(ctx, report).get("parameter", []))
    return grid(ctx, cells, "item", [col(t("col.npv_low", lang), quantity="sensitivity_npv_low_dkk"),
                                     col(t("col.npv_high", lang), quantity="sensitivity_npv_high_dkk")],
                (t("col.parameter", lang), lambda key: parameter_label(key, lang)), order, as_millions=True)


def monte_carlo_table(ctx: ReportContext, report: str = "economics") -> pd.DataFrame:
    """Per partnership: mean, percentiles, the main calculation, its percentile among the draws, and how
    many draws are positive (worded so that 'all draws' never reads as a certainty)."""
    lang = ctx.lang
    cells = ctx.cells(report, "monte_carlo")
    order = _partnership_order(cells, None)
    table = grid(ctx, cells, "partnership_id", columns_of(MC_COLUMNS, lang),
                 (t("col.partnership", lang), lambda p: label_partnership(ctx, p)), order, as_millions=True)
    table[t("money.col.headline_percentile", lang)] = [
        _percent(one(cells, quantity="mc_headline_percentile", partnership_id=p), lang) for p in order]
    table[t("money.col.positive", lang)] = [positive_draws_text(ctx, report, p) for p in order]
    return table


def _percent(cell: pd.Series | None, lang: str) -> str:
    if cell is None or bool(cell["hidden"]):
        return fmt.MISSING if cell is None else "–"
    return fmt.fmt_pct(cell["value"], lang, 0)


def positive_draws_text(ctx: ReportContext, report: str = "economics", partnership: str = ALL) -> str:
    """'all 1.000', 'over 99,9 % of 1.000', '97 % of 1.000' or 'none of 1.000': the draws with a positive NPV."""
    return positive_draws_wording(pick(ctx.cells(report, "monte_carlo"), partnership_id=partnership), ctx.lang)


def positive_draws_wording(cells: pd.DataFrame, lang: str) -> str:
    """The wording of `positive_draws_text` from one partnership's Monte Carlo cells (the terminal uses it too)."""
    share, positive, draws = (one(cells, quantity=q) for q in ("mc_prob_npv_positive", "mc_positive_draws",
                                                               "mc_draws"))
    if any(c is None for c in (share, positive, draws)):
        return fmt.MISSING
    if any(bool(c["hidden"]) for c in (share, positive, draws)):
        return "–"
    n = fmt.fmt_int(draws["value"], lang)
    if positive["value"] == draws["value"]:
        return t("money.value.all_draws", lang, n=n)
    if positive["value"] == 0:
        return t("money.value.no_draws", lang, n=n)
    if share["value"] > 0.999:
        return t("money.value.over", lang, pct=fmt.fmt_pct(0.999, lang, 1), n=n)
    if share["value"] < 0.001:
        return t("money.value.under", lang, pct=fmt.fmt_pct(0.001, lang, 1), n=n)
    return t("money.value.share_of", lang, pct=fmt.fmt_pct(share["value"], lang, 0), n=n)


def monte_carlo_frame(ctx: ReportContext, report: str = "economics") -> pd.DataFrame:
    """The chart frame: label, p5_npv_dkk, p50_npv_dkk, p95_npv_dkk (NaN hidden)."""
    cells = ctx.cells(report, "monte_carlo")
    if cells.empty:
        return pd.DataFrame()
    order = _partnership_order(cells, None)
    frame = numeric(cells, "partnership_id").reindex(order)
    return pd.DataFrame({"label": [label_partnership(ctx, p) for p in order],
                         "p5_npv_dkk": frame["mc_p5_npv_dkk"].to_numpy(),
                         "p50_npv_dkk": frame["mc_p50_npv_dkk"].to_numpy(),
                         "p95_npv_dkk": frame["mc_p95_npv_dkk"].to_numpy()})


def base_npv(ctx: ReportContext, report: str = "economics") -> float | None:
    """The programme's NPV of the net total in the main calculation (None when hidden)."""
    return value(ctx.cells(report, "savings_summary"), quantity="npv_net_total_dkk", partnership_id=ALL)


def histogram_frame(ctx: ReportContext, report: str = "economics") -> pd.DataFrame:
    """The chart frame of the programme's Monte Carlo draws: low_dkk, high_dkk, draws (one row a bin)."""
    cells = ctx.cells(report, "monte_carlo_histogram")
    if cells.empty:
        return pd.DataFrame(columns=["low_dkk", "high_dkk", "draws"])
    frame = numeric(cells, "item").sort_index()
    return pd.DataFrame({"low_dkk": frame["mc_histogram_low_dkk"].to_numpy(),
                         "high_dkk": frame["mc_histogram_high_dkk"].to_numpy(),
                         "draws": frame["mc_histogram_draws"].to_numpy()})


def histogram_table(ctx: ReportContext, report: str = "economics") -> pd.DataFrame:
    """The histogram's bins: from and to (NPV, mio. kr.) and the number of draws in the bin."""
    lang = ctx.lang
    cells = ctx.cells(report, "monte_carlo_histogram")
    bins = sorted(i for i in cells["item"].dropna().unique()) if not cells.empty else []
    low = pick(cells, quantity="mc_histogram_low_dkk")
    return grid(ctx, cells, "item", [col(t("money.col.bin_to", lang), quantity="mc_histogram_high_dkk"),
                                     col(t("money.chart.histogram_y", lang), quantity="mc_histogram_draws")],
                (t("money.col.bin_from", lang), lambda item: ctx.text(one(low, item=item), as_millions=True)), bins,
                as_millions=True)


def monte_carlo_marks(ctx: ReportContext, report: str = "economics") -> dict[str, float | None]:
    """The programme's main calculation, median, 5th and 95th percentile and number of draws (None hidden)."""
    cells = pick(ctx.cells(report, "monte_carlo"), partnership_id=ALL)
    names = {"headline": "mc_headline_npv_dkk", "median": "mc_p50_npv_dkk", "p5": "mc_p5_npv_dkk",
             "p95": "mc_p95_npv_dkk", "draws": "mc_draws", "percentile": "mc_headline_percentile"}
    return {name: value(cells, quantity=quantity) for name, quantity in names.items()}


CENTRAL = (0.25, 0.75)
"""Percentiles of the draws between which the main calculation counts as central."""


def monte_carlo_text(ctx: ReportContext, report: str = "economics") -> str:
    """Where the main calculation lies among the draws, why when it is not central, and how many are positive."""
    lang = ctx.lang
    cells = pick(ctx.cells(report, "monte_carlo"), partnership_id=ALL)
    marks = monte_carlo_marks(ctx, report)
    if marks["headline"] is None or marks["percentile"] is None:
        return ""

    def text(quantity: str) -> str:
        return ctx.text(one(cells, quantity=quantity), as_millions=True)

    parts = [t("money.p.position", lang, headline=text("mc_headline_npv_dkk"),
               pct=fmt.fmt_pct(marks["percentile"], lang, 0), n=text("mc_draws"), median=text("mc_p50_npv_dkk"),
               p5=text("mc_p5_npv_dkk"), p95=text("mc_p95_npv_dkk"))]
    if not CENTRAL[0] <= marks["percentile"] <= CENTRAL[1]:
        reasons = _input_reasons(ctx, report, marks)
        if reasons:
            parts.append(t("money.p.not_central", lang, reasons="; ".join(reasons)))
    positive = one(cells, quantity="mc_positive_draws")
    draws = one(cells, quantity="mc_draws")
    if positive is not None and draws is not None and not bool(positive["hidden"]) \
            and positive["value"] == draws["value"]:
        parts.append(t("money.p.positive_all", lang, n=ctx.text(draws)))
    else:
        parts.append(t("money.p.positive_share", lang, share=positive_draws_text(ctx, report, ALL)))
    return " ".join(parts)


def _input_reasons(ctx: ReportContext, report: str, marks: dict[str, float | None], most: int = 3) -> list[str]:
    """The inputs whose draws' mean moves the NPV the way the draws lie from the main calculation, largest
    first: 'name (point value …, mean of the draws …: NPV …)'."""
    cells = ctx.cells(report, "monte_carlo_inputs")
    if cells.empty or marks["median"] is None or marks["headline"] is None:
        return []
    direction = marks["median"] - marks["headline"]
    moved = numeric(cells, "item")
    moved = moved[(moved["mc_input_npv_dkk"] - marks["headline"]) * direction > 0]
    order = (moved["mc_input_npv_dkk"] - marks["headline"]).abs().sort_values(ascending=False).index[:most]
    return [t("money.p.reason", ctx.lang, parameter=parameter_label(key, ctx.lang),
              point=ctx.text(one(cells, quantity="mc_input_point", item=key)),
              mean=ctx.text(one(cells, quantity="mc_input_draws_mean", item=key)),
              npv=ctx.text(one(cells, quantity="mc_input_npv_dkk", item=key), as_millions=True))
            for key in order]


def sensitivity_dropped_text(ctx: ReportContext, report: str = "economics") -> str:
    """The note naming the sensitivity parameters left out because they do not move the result ('' if none)."""
    cells = ctx.cells(report, "sensitivity_no_effect")
    keys = [key for key in cells["item"].dropna()] if not cells.empty else []
    if not keys:
        return ""
    return t("money.p.sensitivity_dropped", ctx.lang, names=", ".join(parameter_label(k, ctx.lang) for k in keys))


def paid_back_text(ctx: ReportContext, report: str) -> str:
    """What 'paid back in year N' is computed on, and the municipalities' own payback year."""
    lang = ctx.lang
    cell = one(ctx.cells(report, "savings_summary"), quantity="break_even_year_municipal", partnership_id=ALL)
    if cell is None or bool(cell["hidden"]):
        municipal = ctx.text(cell)
    elif not fmt.is_missing(cell["value"]):
        municipal = t("money.p.paid_back_year", lang, year=ctx.text(cell))
    else:
        municipal = t("money.p.paid_back_never", lang, horizon=ctx.param("model.horizon_years"))
    return t("money.p.paid_back", lang, municipal=municipal,
             rate=fmt.fmt_pct(ctx.number("model.discount_rate"), lang, 1))
