"""The reports' "Effect" section: the programme against a weighted comparison group, from published cells.

The release publishes the counterfactual (the weighted comparison group's statuses by year after
STU), the effect at 12 months, the balance of the covariates and, in 'economics', the savings on
the assumed and on the estimated baseline. Here they only become display tables and one chart
frame: every figure shown is the text of one published cell; nothing is computed or hidden here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from pipeline import formatting as fmt
from pipeline.reference import load_reference
from pipeline.release.read import one, pick
from pipeline.reports.charts import OKABE_ITO, WIDTH_IN
from pipeline.reports.context import ReportContext, label_partnership
from pipeline.reports.tables import ALL, col, grid, numeric
from pipeline.texts import status_label, t

JOB_OR_EDUCATION = ("job", "education")  # the categories whose statuses make up the baseline share
COVARIATES = {"sex": "value.covariate_sex", "age_at_stu_end": "value.covariate_age_at_stu_end",
              "cohort": "value.covariate_cohort", "region": "value.covariate_region"}
LEVELS = {("sex", "F"): "value.sex_F", ("sex", "M"): "value.sex_M"}
EFFECT_COLUMNS = (("col.eff_programme", "effect_programme_share"),
                  ("col.eff_comparison", "effect_counterfactual_share"), ("col.eff_effect", "effect"),
                  ("col.ci_low", "effect_ci_low"), ("col.ci_high", "effect_ci_high"))
BALANCE_COLUMNS = (("col.eff_programme_n", "balance_programme_count"),
                   ("col.eff_programme_mean", "balance_mean_programme"), ("col.eff_raw", "balance_mean_comparison"),
                   ("col.eff_weighted", "balance_mean_comparison_weighted"), ("col.eff_smd_raw", "balance_smd_raw"),
                   ("col.eff_smd_weighted", "balance_smd_weighted"))
SAVINGS_COLUMNS = (("col.eff_npv_total_assumed", "npv_net_total_dkk"),
                   ("col.eff_npv_total_estimated", "estimated_baseline_npv_net_total_dkk"),
                   ("col.eff_npv_municipal_assumed", "npv_net_municipal_dkk"),
                   ("col.eff_npv_municipal_estimated", "estimated_baseline_npv_net_municipal_dkk"))


def has_comparison(ctx: ReportContext, report: str) -> bool:
    """Whether the release holds a comparison group (no extract loaded → the tables have no cells)."""
    return any(not ctx.cells(report, name).empty for name in ("counterfactual", "effect", "balance"))


def job_or_education_statuses() -> list[str]:
    """The status codes of the categories job and education, in the reference's order."""
    statuses = load_reference().statuses
    return list(statuses.loc[statuses["category"].isin(JOB_OR_EDUCATION), "status"])


def intro_text(ctx: ReportContext, report: str) -> str:
    """The section's first paragraph: the comparison group's size and effective size (cell texts)."""
    cells = ctx.cells(report, "counterfactual")
    return t("p.effect_intro", ctx.lang, youths=ctx.text(one(cells, quantity="comparison_youths")),
             effective_n=ctx.text(one(cells, quantity="comparison_effective_n")))


def effect_hidden_note(ctx: ReportContext, report: str) -> str | None:
    """The sentence saying the effect is hidden, when the programme's effect cell is hidden (or absent)."""
    cell = one(ctx.cells(report, "effect"), quantity="effect", partnership_id=ALL)
    if cell is not None and not bool(cell["hidden"]) and not fmt.is_missing(cell["value"]):
        return None
    return t("p.effect_hidden", ctx.lang, n=ctx.min_cell)


def _years(cells: pd.DataFrame) -> list[int]:
    """The counterfactual's years (the programme's by-year cells are published for the same years)."""
    counterfactual = cells[cells["quantity"].str.startswith("counterfactual")]
    return sorted({int(y) for y in counterfactual["year"].dropna()})


PROGRAMME_BY_YEAR = "share_job_or_education"
SOURCE_TEXTS = {"observed": "value.observed", "projected": "value.projected", "assumed": "value.assumed"}


def programme_source(cells: pd.DataFrame, year: int) -> str | None:
    """How the programme's distribution of a year after STU was obtained: 'observed', 'projected', 'assumed'."""
    found = pick(cells, quantity="savings_year_source", year=year)
    return None if found.empty else str(found["item"].iloc[0])


def counterfactual_table(ctx: ReportContext, report: str) -> pd.DataFrame:
    """Year by year after STU: the share of each job and education status with its 95 % interval, then
    the share in a job or education in all (its own published cell; no interval is published for it, so
    those two places are empty, not hidden), with the programme's own share of the same definition beside
    it and whether that year of the programme is observed or projected."""
    lang = ctx.lang
    cells = ctx.cells(report, "counterfactual")
    statuses = job_or_education_statuses()
    rows = []
    for year in _years(cells):
        of_year = pick(cells, year=year)
        for status in statuses:
            part = pick(of_year, category=status)
            rows.append([t("value.year_n", lang, n=year), status_label(status, lang),
                         *(ctx.text(one(part, quantity=q)) for q in ("counterfactual_share", "counterfactual_ci_low",
                                                                     "counterfactual_ci_high")), "", ""])
        total = one(of_year, quantity="counterfactual_share_job_or_education")
        programme = one(of_year, quantity=PROGRAMME_BY_YEAR, partnership_id=ALL)
        source = programme_source(of_year, year)
        rows.append([t("value.year_n", lang, n=year), t("value.eff_job_or_education", lang), ctx.text(total),
                     "", "", ctx.text(programme) if programme is not None else fmt.MISSING,
                     t(SOURCE_TEXTS[source], lang) if source in SOURCE_TEXTS else ""])
    columns = [t("col.year", lang), t("col.eff_status", lang), t("col.eff_share", lang), t("col.ci_low", lang),
               t("col.ci_high", lang), t("col.eff_programme_by_year", lang), t("col.eff_programme_source", lang)]
    return pd.DataFrame(rows, columns=columns)


def counterfactual_frame(ctx: ReportContext, report: str) -> pd.DataFrame:
    """The chart frame: year, share (the comparison group's job-or-education share), programme (the
    programme's own share of the same definition) and projected (the programme's year is projected);
    NaN where hidden or not published."""
    all_cells = ctx.cells(report, "counterfactual")
    cells = pick(all_cells, quantity="counterfactual_share_job_or_education")
    if cells.empty:
        return pd.DataFrame(columns=["year", "share", "programme", "projected"])
    frame = numeric(cells, "year").sort_index()
    programme = numeric(pick(all_cells, quantity=PROGRAMME_BY_YEAR, partnership_id=ALL), "year")
    years = [int(y) for y in frame.index]
    shares = programme[PROGRAMME_BY_YEAR] if PROGRAMME_BY_YEAR in programme else pd.Series(dtype=float)
    return pd.DataFrame({"year": years, "share": frame["counterfactual_share_job_or_education"].to_numpy(),
                         "programme": [float(shares.get(y, np.nan)) for y in years],
                         "projected": [programme_source(all_cells, y) in ("projected", "assumed") for y in years]})


def programme_share(ctx: ReportContext, report: str) -> float | None:
    """The programme's share in a job or education at 12 months (None when hidden or absent)."""
    cell = one(ctx.cells(report, "effect"), quantity="effect_programme_share", partnership_id=ALL)
    if cell is None or bool(cell["hidden"]) or fmt.is_missing(cell["value"]):
        return None
    return float(cell["value"])


def counterfactual_chart(frame: pd.DataFrame, programme: float | None, lang: str) -> Figure:
    """The comparison group's and the programme's job-or-education share by year after STU (a hidden year
    is left out; the programme's projected years drawn open and dashed), and the programme's share at 12
    months as one point at year 1 when it is shown."""
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 2.8), layout="constrained")
    shown = frame.dropna(subset=["share"])
    ax.plot(shown["year"], shown["share"], marker="o", color=OKABE_ITO["blue"], lw=1.6,
            label=t("chart.effect_comparison", lang))
    by_year = frame.dropna(subset=["programme"]) if "programme" in frame else frame.iloc[0:0]
    colour = OKABE_ITO["bluish_green"]
    observed = by_year[~by_year["projected"].astype(bool)] if len(by_year) else by_year
    if len(observed):
        ax.plot(observed["year"], observed["programme"], marker="s", color=colour, lw=1.6,
                label=t("chart.effect_programme_by_year", lang))
    projected = by_year[by_year["projected"].astype(bool)] if len(by_year) else by_year
    if len(projected):
        joined = by_year[by_year["year"] >= observed["year"].max()] if len(observed) else projected
        ax.plot(joined["year"], joined["programme"], ls="--", color=colour, lw=1.2)
        ax.plot(projected["year"], projected["programme"], marker="s", mfc="white", ls="--", color=colour, lw=1.2,
                label=t("chart.effect_programme_projected", lang))
    if programme is not None:
        ax.plot([1], [programme], marker="D", ls="none", color=OKABE_ITO["vermillion"], ms=7,
                label=t("chart.effect_programme", lang))
    values = [*frame["share"].dropna(), *by_year.get("programme", pd.Series(dtype=float)), programme or 0.0]
    top = max([0.0, *values])
    ax.set_ylim(0, min(1.0, max(0.2, top * 1.2)))
    ax.set_xticks(list(frame["year"]))
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _pos: fmt.fmt_pct(v, lang)))
    ax.set_xlabel(t("chart.effect_x", lang))
    ax.set_ylabel(t("chart.effect_y", lang))
    ax.set_title(t("chart.effect_title", lang), loc="left")
    ax.legend(loc="center right", fontsize=7.5)
    return fig


def effect_table(ctx: ReportContext, report: str, partnerships: Sequence[str] | None = None) -> pd.DataFrame:
    """The effect at 12 months per partnership (and 'ALL', last): programme share, weighted comparison
    share, the difference and its 95 % interval."""
    return _by_partnership(ctx, ctx.cells(report, "effect"), EFFECT_COLUMNS, partnerships)


def _by_partnership(ctx: ReportContext, cells: pd.DataFrame, spec: Sequence[tuple[str, str]],
                    partnerships: Sequence[str] | None, *, as_millions: bool = False) -> pd.DataFrame:
    """One row per partnership of the cells (in `partnerships`' order if given) and 'ALL' last, one column
    per (text key, quantity)."""
    found = {p for p in cells["partnership_id"].dropna()}
    ids = [p for p in (partnerships or sorted(found - {ALL})) if p in found and p != ALL]
    order = [*ids, ALL] if ALL in found else ids
    columns = [col(t(key, ctx.lang), quantity=q) for key, q in spec]
    return grid(ctx, cells, "partnership_id", columns,
                (t("col.partnership", ctx.lang), lambda p: label_partnership(ctx, p)), order, as_millions=as_millions)


def covariate_label(item: Any, lang: str) -> str:
    """'Køn = kvinde', 'Årgang = 2021', 'Region Syddanmark', 'Alder ved STU-afslutning (år)' for a balance item."""
    name, _, level = str(item).partition("=")
    shown = t(COVARIATES[name], lang) if name in COVARIATES else name
    if not level:
        return shown
    if name == "region" and level.startswith("Region "):  # 'Region Syddanmark' names itself
        return level
    return f"{shown} = {t(LEVELS[(name, level)], lang) if (name, level) in LEVELS else level}"


def balance_table(ctx: ReportContext, report: str) -> pd.DataFrame:
    """Each covariate (level): programme youths with it, the programme's mean, the comparison group's mean
    before and after weighting, and the SMD before and after; last, all the programme's youths."""
    lang = ctx.lang
    cells = ctx.cells(report, "balance")
    items = [i for i in dict.fromkeys(cells["item"]) if i is not None and not fmt.is_missing(i)]
    items = sorted(items, key=lambda i: (list(COVARIATES).index(i.partition("=")[0])
                                         if i.partition("=")[0] in COVARIATES else len(COVARIATES), i))
    columns = [col(t(key, lang), quantity=q) for key, q in BALANCE_COLUMNS]
    table = grid(ctx, cells, "item", columns, (t("col.eff_covariate", lang), lambda i: covariate_label(i, lang)),
                 items)
    if table.empty and one(cells, quantity="balance_programme_youths") is None:
        return table
    count = t(BALANCE_COLUMNS[0][0], lang)  # a continuous covariate (no level) has no count: left empty
    table[count] = [shown if "=" in str(i) else "" for i, shown in zip(items, table[count], strict=True)]
    total = [t("value.eff_all_youths", lang), ctx.text(one(cells, quantity="balance_programme_youths"))]
    total += [""] * (len(table.columns) - 2)
    table.loc[len(table)] = total
    return table


def savings_table(ctx: ReportContext, report: str = "economics",
                  partnerships: Sequence[str] | None = None) -> pd.DataFrame:
    """The 10-year NPV (public and municipal net) on the assumed and on the estimated baseline, side by
    side, per partnership and 'ALL' (last)."""
    return _by_partnership(ctx, ctx.cells(report, "savings_by_baseline"), SAVINGS_COLUMNS, partnerships,
                           as_millions=True)
