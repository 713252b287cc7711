"""Display tables and chart frames made from published cells (pipeline/release/read.py).

One generic pivot (`grid`) turns the cells of a published table into a display frame of
cell texts (a hidden count "<5", any other hidden figure "–"), and `numeric` into the frame
a chart draws (hidden → NaN, never drawn). Nothing here computes or suppresses a figure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from pipeline import formatting as fmt
from pipeline.release.downloads import municipality_name
from pipeline.release.read import one, pick
from pipeline.reports.context import ReportContext, label_partnership
from pipeline.texts import category_label, category_order, status_label, t

ALL = "ALL"
PHASES = ("phase_1", "phase_2", "phase_3", "phase_4")
RETENTION_MONTHS = (3, 6, 12, 24, 36)
JOB_TYPES = ("ordinary_job", "flexjob", "pension_wage_subsidy", "protected_employment")
Label = Callable[[Any], str]


def _key(value: Any) -> Any:
    """A dimension value as a dictionary key (NULL → None, numpy scalars → Python)."""
    if fmt.is_missing(value):
        return None
    return value.item() if isinstance(value, np.generic) else value


def grid(ctx: ReportContext, cells: pd.DataFrame, rows: str, columns: Sequence[tuple[str, dict[str, Any], str]],
         first: tuple[str, Label], row_order: Sequence[Any] | None = None, *,
         as_millions: bool = False) -> pd.DataFrame:
    """A display frame: one row per value of the cell column `rows` (in `row_order`, else as found),
    a first column labelling it, then one column per (header, cell filter, …): the text of the one
    cell of that row matching the filter ('·' where the release has no such cell)."""
    keys = list(row_order) if row_order is not None else list(dict.fromkeys(_key(v) for v in cells[rows]))
    header, label = first
    out: dict[str, list[str]] = {header: [label(k) for k in keys]}
    for title, where, _ in columns:
        part = pick(cells, **where)
        out[title] = [ctx.text(cell, as_millions=as_millions) for cell in _cells_by_key(part, rows, keys)]
    return pd.DataFrame(out)


def _cells_by_key(part: pd.DataFrame, rows: str, keys: Sequence[Any]) -> list[pd.Series | None]:
    """`one(part, rows=k)` for every k, from one pass over the part (a key the pass does not find,
    e.g. a date given as another type, is looked up by `one` itself)."""
    positions: dict[Any, list[int]] = {}
    for position, found in enumerate(part[rows]):
        positions.setdefault(_key(found), []).append(position)
    cells: list[pd.Series | None] = []
    for k in keys:
        at = positions.get(k)
        if at is not None and len(at) == 1:
            cells.append(part.iloc[at[0]])
        else:
            cells.append(one(part, **{rows: k}))  # absent, or several (`one` says so)
    return cells


def numeric(cells: pd.DataFrame, rows: str, column: str = "quantity") -> pd.DataFrame:
    """A chart frame: rows × values of `column`, the cell values, hidden (or absent) → NaN."""
    if cells.empty:
        return pd.DataFrame()
    shown = cells.assign(v=cells["value"].astype(float).where(~cells["hidden"].astype(bool)))
    return shown.pivot_table(index=rows, columns=column, values="v", aggfunc="first", dropna=False)


def col(title: str, **where: Any) -> tuple[str, dict[str, Any], str]:
    """One column of a `grid`: its header and the cell filter."""
    return (title, where, "")


# ----------------------------------------------------------------------------- the headline


def headline_categories(cells: pd.DataFrame) -> list[str]:
    """The four categories of the pilot, and 'unknown' only where it is hidden or not zero."""
    cats = [c for c in category_order() if c != "unknown"]
    unknown = one(cells, quantity="outcome_12m_count", partnership_id=ALL, category="unknown")
    if unknown is not None and (bool(unknown["hidden"]) or (unknown["value"] or 0) > 0):
        cats.append("unknown")
    return [*cats, "total"]


PILOT = {"job": "pilot_share_job_12m", "education": "pilot_share_education_12m",
         "in_programme": "pilot_share_in_course_12m", "public_support": "pilot_share_public_support_12m",
         "total": "pilot_youths"}


def headline_table(ctx: ReportContext, report: str, partnership: str = ALL) -> pd.DataFrame:
    """Status 12 months after STU over all youths (n): count and share per category, the programme's share
    beside a partnership's, and the pilot's published figure of the same definition."""
    lang = ctx.lang
    cells = ctx.cells(report, "outcome_12m")
    cells = cells[cells["municipality_code"].isna()]
    pilot = ctx.cells("programme", "published_comparison")
    pilot = pick(pilot, quantity="published_value")

    def label(cat: str) -> str:
        return t("value.total", lang) if cat == "total" else category_label(cat, lang)

    columns = [col(t("col.n", lang), quantity="outcome_12m_count", partnership_id=partnership),
               col(t("col.share", lang), quantity="outcome_12m_share", partnership_id=partnership)]
    if partnership != ALL:
        columns.append(col(t("col.programme_avg", lang), quantity="outcome_12m_share", partnership_id=ALL))
    cats = headline_categories(cells)
    table = grid(ctx, cells, "category", columns, (t("col.category", lang), label), cats)
    table[t("col.published_pilot", lang)] = [ctx.text(one(pilot, item=PILOT[c])) if c in PILOT else fmt.MISSING
                                            for c in cats]
    return table


def job_types_table(ctx: ReportContext, report: str, partnership: str = ALL) -> pd.DataFrame:
    """The kinds of job behind 'in a job' at 12 months (ordinary job, flexjob, …) and their sum."""
    lang = ctx.lang
    cells = ctx.cells(report, "job_types")
    columns = [col(t("col.n", lang), quantity="outcome_12m_count", partnership_id=partnership),
               col(t("col.share", lang), quantity="outcome_12m_share", partnership_id=partnership)]

    def label(code: str) -> str:
        return category_label("job", lang) if code == "job" else status_label(code, lang)

    return grid(ctx, cells, "category", columns, (t("col.status", lang), label), [*JOB_TYPES, "job"])


# ----------------------------------------------------------------------------- job-rate of observable youths

RATE_COLUMNS = (("col.n_observable", "employment_rate_observable"), ("col.n_job", "employment_rate_job"),
                ("col.rate", "employment_rate"), ("col.ci_low", "employment_rate_ci_low"),
                ("col.ci_high", "employment_rate_ci_high"))


def _rate_cells(ctx: ReportContext, report: str, table_name: str, by: str, partnership: str) -> pd.DataFrame:
    cells = ctx.cells(report, table_name)
    if by == "partnership":
        return pick(cells, cohort=ALL)
    return pick(cells, partnership_id=partnership)


def _row_order(cells: pd.DataFrame, column: str) -> list[Any]:
    keys = sorted({_key(v) for v in cells[column]} - {ALL, None}, key=str)
    return [*keys, ALL] if ALL in set(cells[column]) else keys


def _row_label(ctx: ReportContext, by: str) -> Label:
    if by == "partnership":
        return lambda p: label_partnership(ctx, p)
    return lambda c: t("value.total", ctx.lang) if c == ALL else str(c)


def rate_table(ctx: ReportContext, report: str, table_name: str = "employment_rate", by: str = "partnership",
               partnership: str = ALL) -> pd.DataFrame:
    """The job-rate among youths followed for 12 months with its 95 % interval, per partnership or cohort."""
    cells = _rate_cells(ctx, report, table_name, by, partnership)
    rows = "partnership_id" if by == "partnership" else "cohort"
    columns = [col(t(key, ctx.lang), quantity=q) for key, q in RATE_COLUMNS]
    first = t("col.partnership", ctx.lang) if by == "partnership" else t("col.cohort", ctx.lang)
    return grid(ctx, cells, rows, columns, (first, _row_label(ctx, by)), _row_order(cells, rows))


def rate_frame(ctx: ReportContext, report: str, table_name: str = "employment_rate", by: str = "partnership",
               partnership: str = ALL) -> pd.DataFrame:
    """The chart frame of `rate_table`: label, rate, ci_low, ci_high (NaN when hidden), is_total."""
    cells = _rate_cells(ctx, report, table_name, by, partnership)
    rows = "partnership_id" if by == "partnership" else "cohort"
    if cells.empty:
        return pd.DataFrame()
    frame = numeric(cells, rows).reindex(_row_order(cells, rows))
    label = _row_label(ctx, by)
    return pd.DataFrame({
        "label": [label(k) for k in frame.index],
        "rate": frame.get("employment_rate"),
        "ci_low": frame.get("employment_rate_ci_low"),
        "ci_high": frame.get("employment_rate_ci_high"),
        "is_total": [k == ALL for k in frame.index],
    }).reset_index(drop=True)


def programme_rate(ctx: ReportContext, report: str, table_name: str) -> float | None:
    """The programme's job-rate among youths followed for 12 months (None when hidden or absent)."""
    from pipeline.release.read import value

    return value(ctx.cells(report, table_name), quantity="employment_rate", partnership_id=ALL, cohort=ALL)


# ----------------------------------------------------------------------------- status profile


def _profile_cells(ctx: ReportContext, report: str, partnership: str) -> pd.DataFrame:
    return pick(ctx.cells(report, "status_profile"), partnership_id=partnership)


def _shown_categories(cells: pd.DataFrame) -> list[str]:
    """Categories in report order; 'unknown' only where some cell of it is hidden or not zero."""
    cats = []
    for cat in category_order():
        part = pick(cells, category=cat)
        if cat == "unknown" and not (part["hidden"].astype(bool) | (part["value"].fillna(0) > 0)).any():
            continue
        cats.append(cat)
    return cats


def status_profile_table(ctx: ReportContext, report: str, partnership: str = ALL) -> pd.DataFrame:
    """Status m months after STU among the youths observable that long: months as rows, shares per category."""
    lang = ctx.lang
    cells = _profile_cells(ctx, report, partnership)
    months = sorted({int(m) for m in cells["month"].dropna()})
    columns = [col(t("col.youths", lang), quantity="status_profile_count", category="total")]
    columns += [col(category_label(c, lang), quantity="status_profile_share", category=c)
                for c in _shown_categories(cells)]
    return grid(ctx, cells, "month", columns, (t("col.month", lang), lambda m: t("value.month_n", lang, n=m)),
                months)


def status_profile_frame(ctx: ReportContext, report: str, partnership: str = ALL) -> pd.DataFrame:
    """The chart frame: month, one share column per category (NaN hidden), `suppressed` (what the hidden
    categories of a month hold together: 1 minus the shown shares) and `month_hidden`."""
    cells = pick(_profile_cells(ctx, report, partnership), quantity="status_profile_share")
    if cells.empty:
        return pd.DataFrame()
    frame = numeric(cells, "month", "category")
    cats = category_order()
    frame = frame.reindex(columns=[*cats, "total"])
    shown = frame[cats].sum(axis=1, min_count=1)
    month_hidden = frame["total"].isna() & frame[cats].isna().all(axis=1)
    out = frame[cats].copy()
    out["suppressed"] = (1 - shown.fillna(0)).clip(lower=0).where(~month_hidden & frame[cats].isna().any(axis=1), 0)
    out["month_hidden"] = month_hidden
    return out.rename_axis("month").reset_index()


# ----------------------------------------------------------------------------- retention


def retention_table(ctx: ReportContext, report: str, partnerships: Sequence[str]) -> pd.DataFrame:
    """Youths starting a first job and the share still in it at 3, 6, 12, 24 and 36 months."""
    lang = ctx.lang
    cells = pick(ctx.cells(report, "retention"), quantity="retention_survival")
    at_risk = pick(ctx.cells(report, "retention"), quantity="retention_at_risk", month=0)
    table = grid(ctx, at_risk, "partnership_id", [col(t("col.youths", lang))],
                 (t("col.partnership", lang), lambda p: label_partnership(ctx, p)), list(partnerships))
    for month in RETENTION_MONTHS:
        part = pick(cells, month=month)
        table[t("value.month_n", lang, n=month)] = [ctx.text(one(part, partnership_id=p)) for p in partnerships]
    return table


def retention_curve(ctx: ReportContext, report: str, partnership: str = ALL) -> pd.DataFrame:
    """The Kaplan–Meier curve (month, survival, ci_low, ci_high), cut at the first hidden month."""
    cells = pick(ctx.cells(report, "retention"), partnership_id=partnership)
    cells = cells[cells["quantity"] != "retention_at_risk"]
    if cells.empty:
        return pd.DataFrame()
    frame = numeric(cells, "month").sort_index()
    frame = frame.rename(columns={"retention_survival": "survival", "retention_ci_low": "ci_low",
                                  "retention_ci_high": "ci_high"})
    keep = frame["survival"].notna().cumprod().astype(bool)
    return frame[keep].rename_axis("month").reset_index()


# ----------------------------------------------------------------------------- phase funnel


def funnel_table(ctx: ReportContext, report: str, partnership: str = ALL) -> pd.DataFrame:
    """Youths who reached each phase, their share and the median days from the previous phase."""
    lang = ctx.lang
    cells = ctx.cells(report, "funnel")
    columns = [col(t("col.n_reached", lang), quantity="funnel_count", partnership_id=partnership),
               col(t("col.share_reached", lang), quantity="funnel_share", partnership_id=partnership),
               col(t("col.median_days", lang), quantity="funnel_median_days", partnership_id=partnership)]
    if partnership != ALL:
        columns.append(col(t("col.programme_avg", lang), quantity="funnel_share", partnership_id=ALL))

    def label(phase: str) -> str:
        n = int(phase.rsplit("_", 1)[1])
        return f"{n}. {t(f'phase.{n}', lang)}"

    return grid(ctx, cells, "category", columns, (t("col.phase", lang), label), list(PHASES))


def funnel_frame(ctx: ReportContext, report: str, partnership: str = ALL) -> pd.DataFrame:
    """The chart frame: phase (1–4) and share_reached (NaN hidden)."""
    cells = pick(ctx.cells(report, "funnel"), quantity="funnel_share", partnership_id=partnership)
    if cells.empty:
        return pd.DataFrame()
    frame = numeric(cells, "category").reindex(list(PHASES))
    return pd.DataFrame({"phase": [1, 2, 3, 4], "share_reached": frame["funnel_share"].to_numpy()})


# ----------------------------------------------------------------------------- trend


def trend_table(ctx: ReportContext, report: str, partnership: str = ALL) -> pd.DataFrame:
    """The 12-month outcome over all youths as of each export: youths and shares per category."""
    lang = ctx.lang
    cells = pick(ctx.cells(report, "trend"), partnership_id=partnership)
    dates = sorted({_key(d) for d in cells["export_date"]} - {None})
    columns = [col(t("col.youths", lang), quantity="trend_count", category="total")]
    columns += [col(category_label(c, lang), quantity="trend_share", category=c) for c in _shown_categories(cells)]
    return grid(ctx, cells.assign(export_date=[_key(d) for d in cells["export_date"]]), "export_date", columns,
                (t("col.export_date", lang), lambda d: fmt.fmt_date(d, lang)), dates)


def trend_frame(ctx: ReportContext, report: str, partnership: str = ALL) -> pd.DataFrame:
    """The chart frame: export_date and share_job (NaN hidden)."""
    cells = pick(ctx.cells(report, "trend"), partnership_id=partnership, quantity="trend_share", category="job")
    if cells.empty:
        return pd.DataFrame(columns=["export_date", "share_job"])
    frame = numeric(cells, "export_date").sort_index()
    return pd.DataFrame({"export_date": frame.index, "share_job": frame["trend_share"].to_numpy()})


# ----------------------------------------------------------------------------- like for like


def like_for_like_partnerships(ctx: ReportContext, report: str) -> list[str]:
    """The partnerships the like-for-like table compares (those with a previous export), in id order."""
    cells = pick(ctx.cells(report, "trend_like_for_like"), quantity="like_for_like_count")
    return sorted({str(p) for p in cells["partnership_id"].dropna()} - {ALL})


def like_for_like_table(ctx: ReportContext, report: str, partnership: str = ALL) -> pd.DataFrame:
    """The 12-month status among the compared cohorts at the previous and at the newest export: number and
    share per category (and all youths), then the change in percentage points."""
    lang = ctx.lang
    cells = pick(ctx.cells(report, "trend_like_for_like"), partnership_id=partnership)
    if cells.empty:
        return pd.DataFrame()
    cats = [*_shown_categories(pick(cells, quantity="like_for_like_count")), "total"]
    columns = [col(t("col.lfl_previous_n", lang), quantity="like_for_like_count", item="previous"),
               col(t("col.lfl_previous_share", lang), quantity="like_for_like_share", item="previous"),
               col(t("col.lfl_current_n", lang), quantity="like_for_like_count", item="current"),
               col(t("col.lfl_current_share", lang), quantity="like_for_like_share", item="current")]

    def label(cat: str) -> str:
        return t("value.total", lang) if cat == "total" else category_label(cat, lang)

    table = grid(ctx, cells, "category", columns, (t("col.category", lang), label), cats)
    change = pick(cells, quantity="like_for_like_change_pp")
    table[t("col.lfl_change", lang)] = ["" if c == "total" else ctx.text(one(change, category=c)) for c in cats]
    return table


def like_for_like_dates(ctx: ReportContext, report: str, partnership: str) -> tuple[Any, Any, list[str]]:
    """The previous and the newest export's dates and the cohorts compared (cell dimensions)."""
    cells = pick(ctx.cells(report, "trend_like_for_like"), partnership_id=partnership)
    dates = {}
    for period in ("previous", "current"):
        found = pick(cells, quantity="like_for_like_count", item=period, category="total")
        dates[period] = _key(found["export_date"].iloc[0]) if len(found) else None
    cohorts = sorted(str(c) for c in pick(cells, quantity="like_for_like_cohort")["cohort"].dropna())
    return dates["previous"], dates["current"], cohorts


def cohort_span(cohorts: Sequence[str]) -> str:
    """'2020–2023' for consecutive years, else '2020, 2022'."""
    years = [int(c) for c in cohorts if str(c).isdigit()]
    if len(years) == len(cohorts) and len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(cohorts)


def like_for_like_text(ctx: ReportContext, report: str, partnership: str) -> str:
    """The sentence above a partnership's table: the two export dates and the cohorts compared."""
    lang = ctx.lang
    previous, current, cohorts = like_for_like_dates(ctx, report, partnership)
    if previous is None:
        return t("p.like_for_like_none", lang)
    return t("p.like_for_like_partnership", lang, previous=fmt.fmt_date(previous, lang, long=True),
             current=fmt.fmt_date(current, lang, long=True),
             cohorts=cohort_span(cohorts) if cohorts else t("value.no_cohorts", lang))


def like_for_like_overview(ctx: ReportContext, report: str = "programme") -> pd.DataFrame:
    """One row per compared partnership and the programme (last): the two export dates, the cohorts
    compared, the youths at each export and the share in a job then and now with the change."""
    lang = ctx.lang
    cells = ctx.cells(report, "trend_like_for_like")
    ids = like_for_like_partnerships(ctx, report)
    if not ids:
        return pd.DataFrame()
    order = [*ids, ALL]
    columns = [col(t("col.lfl_youths_previous", lang), quantity="like_for_like_count", item="previous",
                   category="total"),
               col(t("col.lfl_youths_current", lang), quantity="like_for_like_count", item="current",
                   category="total"),
               col(t("col.lfl_job_previous", lang), quantity="like_for_like_share", item="previous", category="job"),
               col(t("col.lfl_job_current", lang), quantity="like_for_like_share", item="current", category="job")]
    table = grid(ctx, cells, "partnership_id", columns,
                 (t("col.partnership", lang), lambda p: label_partnership(ctx, p)), order)
    change = pick(cells, quantity="like_for_like_change_pp", category="job")
    table[t("col.lfl_job_change", lang)] = [ctx.text(one(change, partnership_id=p)) for p in order]
    found = [like_for_like_dates(ctx, report, p) if p != ALL else (None, None, []) for p in order]
    table.insert(1, t("col.lfl_previous_date", lang), [fmt.fmt_date(d[0], lang) if d[0] else "" for d in found])
    table.insert(2, t("col.lfl_current_date", lang), [fmt.fmt_date(d[1], lang) if d[1] else "" for d in found])
    return table


def like_for_like_programme_text(ctx: ReportContext, report: str = "programme") -> str:
    """The sentence above the programme's tables: how many partnerships, the export dates and cohorts each."""
    lang = ctx.lang
    ids = like_for_like_partnerships(ctx, report)
    if not ids:
        return t("p.like_for_like_none", lang)
    found = {p: like_for_like_dates(ctx, report, p) for p in ids}
    pairs = [t("p.like_for_like_pair", lang, name=label_partnership(ctx, p),
               previous=fmt.fmt_date(previous, lang, long=True), current=fmt.fmt_date(current, lang, long=True),
               cohorts=cohort_span(cohorts) if cohorts else t("value.no_cohorts", lang))
             for p, (previous, current, cohorts) in found.items()]
    return t("p.like_for_like_programme", lang, n=len(ids), pairs="; ".join(pairs))


# ----------------------------------------------------------------------------- municipalities


def municipality_table(ctx: ReportContext, report: str = "programme") -> pd.DataFrame:
    """The 12-month outcome by the youths' home municipality (handlekommune), and the municipal net per youth
    (the home municipality pays) where the release has it."""
    lang = ctx.lang
    cells = ctx.cells(report, "municipalities")
    if cells.empty:
        return pd.DataFrame()
    columns = [col(t("col.youths", lang), quantity="outcome_12m_count", category="total")]
    columns += [col(category_label(c, lang), quantity="outcome_12m_share", category=c)
                for c in _shown_categories(cells[cells["quantity"] != "municipal_npv_per_youth_dkk"])]
    if (cells["quantity"] == "municipal_npv_per_youth_dkk").any():
        columns.append(col(t("money.col.municipal_npv_per_youth", lang), quantity="municipal_npv_per_youth_dkk"))
    codes = sorted({_key(m) for m in cells["municipality_code"]} - {None}, key=str)
    return grid(ctx, cells, "municipality_code", columns,
                (t("col.municipality", lang), lambda code: municipality_name(code, lang)), codes)

