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
from pipeline.texts import has_text, status_label, t

SOURCES = ("observed", "projected", "assumed")
SUMMARY_COLUMNS = (("col.n_youth", "savings_youths"), ("col.npv_total", "npv_net_total_dkk"),
                   ("col.npv_municipal", "npv_net_municipal_dkk"), ("col.npv_state", "npv_net_state_dkk"),
                   ("col.break_even", "break_even_year"))
COLUMNS_SHORT = (("col.share_job", "share_job"), ("col.net_municipal", "net_municipal_dkk"),
                 ("col.net_state", "net_state_dkk"), ("col.net_total", "net_total_dkk"),
                 ("col.net_municipal_per_youth", "net_municipal_per_youth_dkk"),
                 ("col.cumulative_net", "cumulative_net_total_dkk"))
COLUMNS_GROSS = (("col.share_job", "share_job"), ("col.share_job_or_education", "share_job_or_education"),
                 ("col.fte_per_youth", "fte_per_youth"), ("col.gross_municipal", "gross_municipal_dkk"),
                 ("col.gross_state", "gross_state_dkk"), ("col.cost_municipal", "cost_municipal_dkk"),
                 ("col.cost_state", "cost_state_dkk"))
COLUMNS_NET = (("col.net_municipal", "net_municipal_dkk"), ("col.net_state", "net_state_dkk"),
               ("col.net_total", "net_total_dkk"), ("col.net_total_per_youth", "net_total_per_youth_dkk"),
               ("col.discount_factor", "discount_factor"), ("col.cumulative_npv", "cumulative_npv_total_dkk"))
MC_COLUMNS = (("col.mean_npv", "mc_mean_npv_dkk"), ("col.p5", "mc_p5_npv_dkk"), ("col.p50", "mc_p50_npv_dkk"),
              ("col.p95", "mc_p95_npv_dkk"), ("col.prob_positive", "mc_prob_npv_positive"))


def _partnership_order(cells: pd.DataFrame, partnerships: Sequence[str] | None) -> list[str]:
    found = {p for p in cells["partnership_id"].dropna()}
    ids = [p for p in (partnerships or sorted(found - {ALL})) if p in found and p != ALL]
    return [*ids, ALL] if ALL in found and (partnerships is None or ALL in partnerships) else ids


def summary_table(ctx: ReportContext, report: str, partnerships: Sequence[str] | None = None) -> pd.DataFrame:
    """Youths counted, 10-year NPV (total, municipal, state) and break-even year, per partnership and 'ALL'."""
    cells = ctx.cells(report, "savings_summary")
    columns = [col(t(key, ctx.lang), quantity=q) for key, q in SUMMARY_COLUMNS]
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
                  columns: Sequence[tuple[str, str]] = COLUMNS_SHORT) -> pd.DataFrame:
    """Year by year: the year's source (observed, projected, assumed) and `columns` ((label key, quantity))."""
    lang = ctx.lang
    cells = _year_cells(ctx, report, partnership)
    years = sorted({int(y) for y in cells["year"].dropna()})
    table = grid(ctx, cells, "year", [col(t(key, lang), quantity=q) for key, q in columns],
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
    """The chart frame: year, net_municipal_dkk, net_state_dkk, net_total_dkk, cumulative_net_total_dkk."""
    cells = _year_cells(ctx, report, partnership)
    cells = cells[cells["quantity"].isin(["net_municipal_dkk", "net_state_dkk", "net_total_dkk",
                                          "cumulative_net_total_dkk"])]
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


def parameter_label(key: str, lang: str) -> str:
    """A parameter's name for readers ('Fleksjob: offentlig udgift pr. helårsperson'), the key if unnamed."""
    parts = key.split(".")
    if len(parts) == 3 and parts[0] == "status" and has_text(f"param.{parts[2]}"):
        return f"{status_label(parts[1], lang)}: {t(f'param.{parts[2]}', lang)}"
    return t(f"param.{key}", lang) if has_text(f"param.{key}") else key


def sensitivity_table(ctx: ReportContext, report: str = "economics") -> pd.DataFrame:
    lang = ctx.lang
    cells = ctx.cells(report, "sensitivity")
    order = list(sensitivity_frame(ctx, report).get("parameter", []))
    return grid(ctx, cells, "item", [col(t("col.npv_low", lang), quantity="sensitivity_npv_low_dkk"),
                                     col(t("col.npv_high", lang), quantity="sensitivity_npv_high_dkk")],
                (t("col.parameter", lang), lambda key: parameter_label(key, lang)), order, as_millions=True)


def monte_carlo_table(ctx: ReportContext, report: str = "economics") -> pd.DataFrame:
    cells = ctx.cells(report, "monte_carlo")
    return grid(ctx, cells, "partnership_id", [col(t(key, ctx.lang), quantity=q) for key, q in MC_COLUMNS],
                (t("col.partnership", ctx.lang), lambda p: label_partnership(ctx, p)),
                _partnership_order(cells, None), as_millions=True)


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
