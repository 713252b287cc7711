"""Warehouse reads for the report notebooks: frames ready to show, small cells suppressed.

Every function takes a `ReportContext` (read-only warehouse connection, language,
min_cell, parameters) and returns either a display frame (text cells, formatted and
suppressed, CONTRACT §5) or a numeric frame for a chart in which every suppressed value
is NaN. Functions return None when the table they read does not exist.
"""

from __future__ import annotations

import datetime as dt
import math
import platform
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from pipeline import config, suppression
from pipeline import formatting as fmt
from pipeline.parameters import Parameters, load_parameters
from pipeline.texts import category_label, category_order, partnership_name, t
from pipeline.texts import status_label as status_label  # re-exported for the notebooks

SUPPRESSED = suppression.HIDDEN_TEXT
"""Shown for a hidden value that is not itself a small count (a share, or a count hidden second)."""

PROFILE_MONTHS = (1, 3, 6, 12, 18, 24, 36)
RETENTION_MONTHS = (3, 6, 12, 24, 36)
REPORT_PACKAGES = (
    "joballiance-outcomes",
    "duckdb",
    "pandas",
    "numpy",
    "matplotlib",
    "papermill",
    "nbconvert",
    "ipykernel",
    "weasyprint",
)


@dataclass(frozen=True)
class ReportContext:
    """What every report function needs: the warehouse, the language and the suppression threshold."""

    con: duckdb.DuckDBPyConnection
    lang: str
    min_cell: int
    params: Parameters
    cache: dict[str, Any] = field(default_factory=dict)

    def small(self) -> str:
        """The display of a suppressed count, e.g. '<5'."""
        return f"<{self.min_cell}"


def open_context(
    warehouse: str | Path, params_path: str | Path, lang: str = "da", min_cell: int | None = None
) -> ReportContext:
    """Open the warehouse read-only; min_cell from the parameter file unless given."""
    fmt.check_lang(lang)
    params = load_parameters(Path(params_path))
    if min_cell is None:
        min_cell = int(params.get("suppression.min_cell", 5))
    con = duckdb.connect(str(warehouse), read_only=True)
    return ReportContext(con=con, lang=lang, min_cell=int(min_cell), params=params)


# ----------------------------------------------------------------------------- helpers


def has_table(ctx: ReportContext, name: str) -> bool:
    """Whether the warehouse holds a table or view of that name."""
    found = ctx.con.execute(
        "select count(*) from information_schema.tables where table_name = ?", [name]
    ).fetchone()
    return bool(found and found[0])


def _read(ctx: ReportContext, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
    return ctx.con.execute(sql, params or []).df()


def _count(ctx: ReportContext, value: Any, hidden: bool) -> str:
    """A count for display: '<5' when small, '–' when hidden to protect another cell."""
    if fmt.is_missing(value):
        return fmt.MISSING
    if hidden:
        return ctx.small() if value < ctx.min_cell else SUPPRESSED
    return fmt.fmt_int(value, ctx.lang)


def _pct(ctx: ReportContext, value: Any, hidden: bool) -> str:
    return SUPPRESSED if hidden else fmt.fmt_pct(value, ctx.lang)


def partition_hidden(counts: pd.Series, min_cell: int) -> pd.Series:
    """Cells of one partition (they add up to a shown total) to hide: counts below min_cell, plus
    the next-smallest cell where exactly one would be hidden (pipeline.suppression.hidden_counts)."""
    values = pd.to_numeric(counts, errors="coerce").fillna(0)
    frame = pd.DataFrame([list(values) + [values.sum()]], columns=[*range(len(values)), "total"])
    hidden = suppression.hidden_counts(frame, min_cell, total_column="total")
    return pd.Series(list(hidden.iloc[0, :-1]), index=counts.index, dtype=bool)


def small_hidden(counts: pd.Series, min_cell: int) -> pd.Series:
    """Counts below min_cell (primary suppression only; for cells that are not a partition)."""
    values = pd.to_numeric(counts, errors="coerce")
    return values.notna() & (values < min_cell)


def suppression_note(ctx: ReportContext) -> str:
    return t("table.note", ctx.lang, small=ctx.small(), hidden=SUPPRESSED, n=ctx.min_cell)


def label_partnership(ctx: ReportContext, partnership_id: str) -> str:
    return partnership_name(partnership_id, ctx.lang)


def partnership_ids(ctx: ReportContext) -> list[str]:
    """Partnerships with a current (not superseded) export, in id order."""
    if not has_table(ctx, "exports"):
        return []
    frame = _read(ctx, "select distinct partnership_id from exports where not superseded order by 1")
    return list(frame["partnership_id"])


# ----------------------------------------------------------------------------- title page


def current_exports(ctx: ReportContext, partnership: str | None = None) -> pd.DataFrame:
    """The exports the models use (newest per partnership), optionally of one partnership."""
    sql = (
        "select export_id, partnership_id, export_date, source_path, sha256, synthetic "
        "from exports where not superseded"
    )
    args: list[Any] = []
    if partnership:
        sql += " and partnership_id = ?"
        args.append(partnership)
    return _read(ctx, sql + " order by partnership_id", args)


def exports_for_title(ctx: ReportContext, partnership: str | None = None) -> tuple[pd.DataFrame, str]:
    """The title page's export table and its note on synthetic data ('' when all data are real)."""
    frame = current_exports(ctx, partnership)
    shown = pd.DataFrame(
        {
            t("col.partnership", ctx.lang): [label_partnership(ctx, p) for p in frame["partnership_id"]],
            t("col.export_date", ctx.lang): [fmt.fmt_date(d, ctx.lang) for d in frame["export_date"]],
            t("col.data", ctx.lang): [
                t("synthetic.yes" if s else "synthetic.no", ctx.lang) for s in frame["synthetic"]
            ],
        }
    )
    if frame.empty:
        note = t("title.no_exports", ctx.lang)
    elif frame["synthetic"].all():
        note = t("title.synthetic", ctx.lang)
    elif frame["synthetic"].any():
        note = t("title.partly_synthetic", ctx.lang)
    else:
        note = ""
    return shown, note


# ----------------------------------------------------------------------------- headline


def _summary(ctx: ReportContext, partnership: str) -> pd.Series | None:
    frame = _read(ctx, "select * from outcome_12m_summary where partnership_id = ?", [partnership])
    return None if frame.empty else frame.iloc[0]


BASELINE_RANGE = (0.12, 0.15)
"""National share in a job or education in year 1 after STU without the model (HBS 2024: 12 %;
Ligeværd 2012–15: 12–15 %; data/reference/published_figures.csv)."""


def published_value(name: str) -> float | None:
    """A number from data/reference/published_figures.csv (None if absent or not a number)."""
    return _published(name)


def _published(name: str) -> float | None:
    frame = pd.read_csv(config.REFERENCE_DIR / "published_figures.csv", dtype={"value": str})
    rows = frame[frame["figure"] == name]
    if rows.empty:
        return None
    try:
        return float(rows.iloc[0]["value"])
    except ValueError:
        return None


PILOT_FIGURES = {
    "job": "pilot_share_job_12m",
    "education": "pilot_share_education_12m",
    "in_programme": "pilot_share_in_course_12m",
    "public_support": "pilot_share_public_support_12m",
}


def _headline_categories(ctx: ReportContext) -> list[str]:
    """Categories of the headline table; 'unknown' only where the programme has any."""
    overall = _summary(ctx, "ALL")
    cats = [c for c in category_order() if c != "unknown"]
    if overall is not None and overall.get("n_unknown", 0) and overall["n_unknown"] > 0:
        cats.append("unknown")
    return cats


def headline_shares(ctx: ReportContext, partnership: str = "ALL") -> pd.DataFrame | None:
    """Numeric headline for one partnership: category, n, share, hidden."""
    if not has_table(ctx, "outcome_12m_summary"):
        return None
    row = _summary(ctx, partnership)
    if row is None:
        return None
    cats = _headline_categories(ctx)
    counts = pd.Series([row[f"n_{c}"] for c in cats], index=cats, dtype="float")
    hidden = partition_hidden(counts, ctx.min_cell)
    if row["n"] < ctx.min_cell:
        hidden[:] = True
    shares = pd.Series([row[f"share_{c}"] for c in cats], index=cats, dtype="float")
    return pd.DataFrame(
        {
            "category": cats,
            "n": counts.values,
            "share": shares.where(~hidden).values,
            "hidden": hidden.values,
            "total": row["n"],
        }
    )


def headline_table(ctx: ReportContext, partnership: str = "ALL") -> pd.DataFrame | None:
    """Status 12 months after STU: count and share per category, total, and the pilot's published shares;
    with a partnership, the programme's shares beside it."""
    own = headline_shares(ctx, partnership)
    if own is None:
        return None
    lang = ctx.lang
    rows = []
    overall = headline_shares(ctx, "ALL") if partnership != "ALL" else None
    for i, item in own.iterrows():
        cat = item["category"]
        row = {
            t("col.category", lang): category_label(cat, lang),
            t("col.n", lang): _count(ctx, item["n"], item["hidden"]),
            t("col.share", lang): _pct(ctx, item["share"], item["hidden"]),
        }
        if overall is not None:
            match = overall[overall["category"] == cat]
            all_item = match.iloc[0] if not match.empty else None
            row[t("col.programme_avg", lang)] = (
                _pct(ctx, all_item["share"], all_item["hidden"]) if all_item is not None else fmt.MISSING
            )
        pilot = _published(PILOT_FIGURES[cat]) if cat in PILOT_FIGURES else None
        row[t("col.published_pilot", lang)] = fmt.fmt_pct(pilot, lang)
        rows.append(row)
        del i
    total_n = own["total"].iloc[0]
    total = {
        t("col.category", lang): t("value.total", lang),
        t("col.n", lang): _count(ctx, total_n, total_n < ctx.min_cell),
        t("col.share", lang): fmt.fmt_pct(1.0, lang) if total_n >= ctx.min_cell else SUPPRESSED,
    }
    if overall is not None:
        total[t("col.programme_avg", lang)] = fmt.fmt_pct(1.0, lang)
    total[t("col.published_pilot", lang)] = (
        fmt.fmt_int(_published("pilot_youths"), lang) + " " + ("unge" if lang == "da" else "youths")
    )
    rows.append(total)
    return pd.DataFrame(rows)


def baseline_text(ctx: ReportContext) -> str:
    """The national baseline share in a job or education in year 1: '12–15 %' / '12–15%'."""
    return fmt.fmt_pct_range(*BASELINE_RANGE, ctx.lang)


# ----------------------------------------------------------------------------- employment rate


def _suppress_rates(ctx: ReportContext, frame: pd.DataFrame, total_mask: pd.Series) -> pd.DataFrame:
    """Suppression of a rate table whose member rows add up to its total row (`total_mask`).

    Adds `row_hidden` (n_observable hidden: the whole row goes) and `job_hidden` (n_job hidden, so
    the rate and its interval are not shown either); secondary suppression runs down both columns."""
    frame = frame.reset_index(drop=True).copy()
    total_rows = list(frame.index[total_mask.to_numpy()])
    total_row = total_rows[0] if total_rows else None
    counts = frame[["n_observable", "n_job"]].astype(float)
    first = suppression.hidden_counts(counts, ctx.min_cell, total_row=total_row)
    row_hidden = first["n_observable"]
    counts.loc[row_hidden, "n_job"] = 0.0  # a hidden row hides its job count too
    second = suppression.hidden_counts(counts, ctx.min_cell, total_row=total_row)
    frame["row_hidden"] = row_hidden
    frame["job_hidden"] = second["n_job"] | row_hidden
    for column in ("rate", "ci_low", "ci_high"):
        frame[column] = frame[column].where(~frame["job_hidden"])
    return frame


def employment_rates(
    ctx: ReportContext, by: str = "partnership", partnership: str = "ALL"
) -> pd.DataFrame | None:
    """Numeric 12-month employment rates with suppression applied (NaN where hidden).

    by='partnership': one row per partnership (cohort 'ALL') and the programme last;
    by='cohort': one row per cohort of `partnership` and its all-cohort total last."""
    if not has_table(ctx, "employment_rate_12m"):
        return None
    if by == "partnership":
        frame = _read(
            ctx,
            "select * from employment_rate_12m where cohort = 'ALL' "
            "order by partnership_id = 'ALL', partnership_id",
        )
        is_total = frame["partnership_id"] == "ALL"
        labels = [label_partnership(ctx, p) for p in frame["partnership_id"]]
    else:
        # youths still in STU are never observable (n_observable 0 by definition): no row of their own
        frame = _read(
            ctx,
            "select * from employment_rate_12m where partnership_id = ? and cohort <> 'in STU' "
            "order by cohort = 'ALL', cohort",
            [partnership],
        )
        is_total = frame["cohort"] == "ALL"
        labels = [
            t("value.total", ctx.lang) if c == "ALL" else t("value.in_stu", ctx.lang) if c == "in STU" else c
            for c in frame["cohort"]
        ]
    result = _suppress_rates(ctx, frame, is_total)
    result["label"] = labels
    result["is_total"] = is_total.to_numpy()
    return result


def employment_rate_table(
    ctx: ReportContext, by: str = "partnership", partnership: str = "ALL"
) -> pd.DataFrame | None:
    """The employment-rate table for display (see `employment_rates`)."""
    rates = employment_rates(ctx, by, partnership)
    if rates is None:
        return None
    lang = ctx.lang
    first = t("col.partnership", lang) if by == "partnership" else t("col.cohort", lang)
    return pd.DataFrame(
        {
            first: rates["label"],
            t("col.n_observable", lang): [
                _count(ctx, n, h) for n, h in zip(rates["n_observable"], rates["row_hidden"], strict=True)
            ],
            t("col.n_job", lang): [
                _count(ctx, n, h) for n, h in zip(rates["n_job"], rates["job_hidden"], strict=True)
            ],
            t("col.rate", lang): [
                SUPPRESSED if h else fmt.fmt_pct(r, lang)
                for r, h in zip(rates["rate"], rates["job_hidden"], strict=True)
            ],
            t("col.interval", lang): [
                SUPPRESSED if h else fmt.fmt_pct_range(lo, hi, lang)
                for lo, hi, h in zip(rates["ci_low"], rates["ci_high"], rates["job_hidden"], strict=True)
            ],
        }
    )


# ----------------------------------------------------------------------------- status profile


def status_profile(ctx: ReportContext, partnership: str = "ALL") -> pd.DataFrame | None:
    """Shares by month (rows) × category (columns) with suppressed cells NaN, plus
    'suppressed' (their combined share), 'n_observable' and 'month_hidden'."""
    if not has_table(ctx, "status_profile"):
        return None
    frame = _read(ctx, "select * from status_profile where partnership_id = ? order by month", [partnership])
    cats = category_order()
    rows = []
    for month in PROFILE_MONTHS:
        part = frame[frame["month"] == month]
        n_obs = int(part["n_observable"].iloc[0]) if not part.empty else 0
        counts = pd.Series({c: float(part.loc[part["category"] == c, "n"].sum()) for c in cats})
        # zero counts are small counts too (CONTRACT §5: '<5', zero included)
        hidden = (
            pd.Series(True, index=cats) if n_obs < ctx.min_cell else partition_hidden(counts, ctx.min_cell)
        )
        shares = counts / n_obs if n_obs else counts * np.nan
        row = {"month": month, "n_observable": n_obs, "month_hidden": n_obs < ctx.min_cell}
        for c in cats:
            row[c] = np.nan if hidden[c] else shares[c]
        row["suppressed"] = np.nan if n_obs < ctx.min_cell else float(shares[hidden & (counts > 0)].sum())
        rows.append(row)
    return pd.DataFrame(rows)


def status_profile_table(ctx: ReportContext, partnership: str = "ALL") -> pd.DataFrame | None:
    """Status profile for display: months as rows, shares per category."""
    profile = status_profile(ctx, partnership)
    if profile is None:
        return None
    lang = ctx.lang
    table = pd.DataFrame({t("col.month", lang): [t("value.month_n", lang, n=m) for m in profile["month"]]})
    table[t("col.youths", lang)] = [
        _count(ctx, n, h) for n, h in zip(profile["n_observable"], profile["month_hidden"], strict=True)
    ]
    for cat in category_order():
        if (
            cat == "unknown"
            and not (profile[cat].fillna(0) > 0).any()
            and not (profile["suppressed"] > 0).any()
        ):
            continue
        table[category_label(cat, lang)] = [
            SUPPRESSED if pd.isna(v) else fmt.fmt_pct(v, lang) for v in profile[cat]
        ]
    return table


# ----------------------------------------------------------------------------- retention


def retention(ctx: ReportContext, partnership: str = "ALL") -> pd.DataFrame | None:
    """The Kaplan–Meier curve, cut where fewer than min_cell youths are at risk; None if absent."""
    if not has_table(ctx, "retention_curve"):
        return None
    frame = _read(ctx, "select * from retention_curve where partnership_id = ? order by month", [partnership])
    if frame.empty or frame["n_at_risk"].iloc[0] < ctx.min_cell:
        return frame.iloc[0:0]
    keep = frame["n_at_risk"] >= ctx.min_cell
    # the curve stops at the first month with too few at risk
    cut = keep.cumprod().astype(bool)
    return frame[cut].reset_index(drop=True)


def retention_table(ctx: ReportContext, partnerships: list[str]) -> pd.DataFrame | None:
    """Share still in the first job at 3, 6, 12, 24 and 36 months, one row per partnership."""
    if not has_table(ctx, "retention_curve"):
        return None
    lang = ctx.lang
    rows = []
    for pid in partnerships:
        curve = retention(ctx, pid)
        row = {t("col.partnership", lang): label_partnership(ctx, pid)}
        full = _read(
            ctx, "select n_at_risk from retention_curve where partnership_id = ? and month = 0", [pid]
        )
        n0 = int(full["n_at_risk"].iloc[0]) if not full.empty else 0
        row[t("col.youths", lang)] = _count(ctx, n0, n0 < ctx.min_cell)
        for month in RETENTION_MONTHS:
            point = curve[curve["month"] == month] if curve is not None else pd.DataFrame()
            row[t("value.month_n", lang, n=month)] = (
                fmt.fmt_pct(point["survival"].iloc[0], lang) if not point.empty else SUPPRESSED
            )
        rows.append(row)
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- phase funnel


def phase_funnel(ctx: ReportContext, partnership: str = "ALL") -> pd.DataFrame | None:
    """Numeric funnel: phase, n_reached, share (NaN where suppressed), median days, hidden."""
    if not has_table(ctx, "phase_funnel"):
        return None
    frame = _read(ctx, "select * from phase_funnel where partnership_id = ? order by phase", [partnership])
    frame["hidden"] = small_hidden(frame["n_reached"], ctx.min_cell)
    frame["share_reached"] = frame["share_reached"].where(~frame["hidden"])
    frame["median_days_from_previous"] = frame["median_days_from_previous"].where(~frame["hidden"])
    return frame


def phase_funnel_table(ctx: ReportContext, partnership: str = "ALL") -> pd.DataFrame | None:
    frame = phase_funnel(ctx, partnership)
    if frame is None:
        return None
    lang = ctx.lang
    table = pd.DataFrame(
        {
            t("col.phase", lang): [f"{int(p)}. {t(f'phase.{int(p)}', lang)}" for p in frame["phase"]],
            t("col.n_reached", lang): [
                _count(ctx, n, h) for n, h in zip(frame["n_reached"], frame["hidden"], strict=True)
            ],
            t("col.share_reached", lang): [
                _pct(ctx, s, h) for s, h in zip(frame["share_reached"], frame["hidden"], strict=True)
            ],
            t("col.median_days", lang): [
                SUPPRESSED if h else fmt.fmt_int(d, lang)
                for d, h in zip(frame["median_days_from_previous"], frame["hidden"], strict=True)
            ],
        }
    )
    if partnership != "ALL":
        overall = phase_funnel(ctx, "ALL")
        if overall is not None:
            shares = dict(
                zip(
                    overall["phase"],
                    zip(overall["share_reached"], overall["hidden"], strict=True),
                    strict=True,
                )
            )
            table[t("col.programme_avg", lang)] = [
                _pct(ctx, *shares[p]) if p in shares else fmt.MISSING for p in frame["phase"]
            ]
    return table


# ----------------------------------------------------------------------------- trend

_SHARE_CATS = ("job", "education", "in_programme", "public_support", "unknown")


def trend(ctx: ReportContext, partnership: str | None = None) -> pd.DataFrame | None:
    """Numeric trend rows (partnership_id, export_date, n, share_* with NaN where suppressed)."""
    if not has_table(ctx, "trend"):
        return None
    sql = "select * from trend"
    args: list[Any] = []
    if partnership:
        sql += " where partnership_id = ?"
        args.append(partnership)
    frame = _read(ctx, sql + " order by partnership_id, export_date", args)
    for index, row in frame.iterrows():
        counts = pd.Series({c: round(float(row[f"share_{c}"] or 0) * row["n"]) for c in _SHARE_CATS})
        hidden = partition_hidden(counts, ctx.min_cell) if row["n"] >= ctx.min_cell else counts >= -1
        for c in _SHARE_CATS:
            if hidden[c]:
                frame.loc[index, f"share_{c}"] = np.nan
    frame["n_hidden"] = frame["n"] < ctx.min_cell
    return frame


def trend_table(ctx: ReportContext, partnership: str = "ALL") -> pd.DataFrame | None:
    frame = trend(ctx, partnership)
    if frame is None:
        return None
    lang = ctx.lang
    table = pd.DataFrame(
        {
            t("col.export_date", lang): [fmt.fmt_date(d, lang) for d in frame["export_date"]],
            t("col.youths", lang): [
                _count(ctx, n, h) for n, h in zip(frame["n"], frame["n_hidden"], strict=True)
            ],
        }
    )
    for cat in _SHARE_CATS:
        values = frame[f"share_{cat}"]
        if cat == "unknown" and (frame["share_unknown"].fillna(0) == 0).all():
            continue
        table[category_label(cat, lang)] = [
            SUPPRESSED if pd.isna(v) else fmt.fmt_pct(v, lang) for v in values
        ]
    return table


# ----------------------------------------------------------------------------- savings source

SAVINGS_TABLES = {
    "savings_by_year": "by_year",
    "savings_summary": "summary",
    "national_scenario": "national",
    "sensitivity_oneway": "sensitivity",
    "monte_carlo_summary": "monte_carlo",
    "published_comparison": "comparison",
}


def savings_recomputed(ctx: ReportContext) -> bool:
    """Whether the savings figures are recomputed for this parameter file: true unless the warehouse's
    last build used the very same file (same SHA-256, no overrides)."""
    if "recomputed" not in ctx.cache:
        same = False
        if has_table(ctx, "build_log") and not ctx.params.overrides:
            row = ctx.con.execute(
                "select params_sha256, overrides from build_log order by built_at desc limit 1"
            ).fetchone()
            same = bool(row) and row[0] == ctx.params.sha256 and not row[1]
        ctx.cache["recomputed"] = not same and has_table(ctx, "int_youth_month_status")
    return bool(ctx.cache["recomputed"])


def _savings_result(ctx: ReportContext) -> Any:
    if "savings" not in ctx.cache:
        from pipeline.economics import savings_report

        draws = ctx.params.get("uncertainty.draws")
        ctx.cache["savings"] = savings_report(ctx.con, ctx.params, int(draws) if draws else None)
    return ctx.cache["savings"]


def savings_table(ctx: ReportContext, name: str) -> pd.DataFrame | None:
    """A savings table (CONTRACT §4.4–4.6) for the report's parameter file: the warehouse's table when
    the warehouse was built with that file, else recomputed from the warehouse's loaded data with
    pipeline.economics.savings_report. None when neither is possible."""
    if savings_recomputed(ctx):
        frame = getattr(_savings_result(ctx), SAVINGS_TABLES[name])
        return None if frame is None else frame.copy()
    if not has_table(ctx, name):
        return None
    return _read(ctx, f"select * from {name}")


def switching_value(ctx: ReportContext) -> float | None:
    """The year-1 share in a job or education at which the programme's NPV is zero (CONTRACT §4.6)."""
    if savings_recomputed(ctx):
        value = _savings_result(ctx).switching.get("switching_share")
        return None if fmt.is_missing(value) else float(value)
    frame = savings_table(ctx, "published_comparison")
    if frame is None:
        return None
    rows = frame[frame["figure"] == "hbs_break_even_share_job_or_education"]
    value = rows["computed"].iloc[0] if not rows.empty else None
    return None if fmt.is_missing(value) else float(value)


# ----------------------------------------------------------------------------- savings


def _savings_hidden(ctx: ReportContext, n_youth: Any) -> bool:
    return fmt.is_missing(n_youth) or n_youth < ctx.min_cell


def savings_summary_table(ctx: ReportContext, partnerships: list[str] | None = None) -> pd.DataFrame | None:
    """NPV, break-even year and municipal net per youth in years 1 and 2, per partnership and 'ALL'."""
    frame = savings_table(ctx, "savings_summary")
    if frame is None:
        return None
    frame = _all_last(frame)
    if partnerships is not None:
        frame = frame[frame["partnership_id"].isin(partnerships)]
    lang = ctx.lang
    rows = []
    for _, row in frame.iterrows():
        hide = _savings_hidden(ctx, row["n_youth"])

        def money(value: Any, hide: bool = hide) -> str:
            return SUPPRESSED if hide else fmt.fmt_dkk(value, lang)

        year = row["break_even_year"]
        rows.append(
            {
                t("col.partnership", lang): label_partnership(ctx, row["partnership_id"]),
                t("col.n_youth", lang): _count(ctx, row["n_youth"], hide),
                t("col.npv_total", lang): money(row["npv_net_total_dkk"]),
                t("col.npv_municipal", lang): money(row["npv_net_municipal_dkk"]),
                t("col.break_even", lang): SUPPRESSED
                if hide
                else (
                    t("value.year_n", lang, n=int(year))
                    if not fmt.is_missing(year)
                    else t("value.no_break_even", lang)
                ),
                t("col.mun_per_youth_y1", lang): money(row["net_municipal_per_youth_year1_dkk"]),
                t("col.mun_per_youth_y2", lang): money(row["net_municipal_per_youth_year2_dkk"]),
            }
        )
    return pd.DataFrame(rows)


def savings_npv(ctx: ReportContext) -> pd.DataFrame | None:
    """Numeric NPV per partnership (NaN where suppressed), for the chart."""
    frame = savings_table(ctx, "savings_summary")
    if frame is None:
        return None
    frame = frame[frame["partnership_id"] != "ALL"].sort_values("partnership_id").reset_index(drop=True)
    hide = frame["n_youth"].isna() | (frame["n_youth"] < ctx.min_cell)
    frame["npv_net_total_dkk"] = frame["npv_net_total_dkk"].where(~hide)
    frame["npv_net_municipal_dkk"] = frame["npv_net_municipal_dkk"].where(~hide)
    frame["label"] = [label_partnership(ctx, p) for p in frame["partnership_id"]]
    return frame


def savings_by_year(ctx: ReportContext, partnership: str = "ALL") -> pd.DataFrame | None:
    """Numeric savings_by_year rows of one partnership; money NaN where n_youth < min_cell."""
    frame = savings_table(ctx, "savings_by_year")
    if frame is None:
        return None
    frame = frame[frame["partnership_id"] == partnership].sort_values("year").reset_index(drop=True)
    hide = frame["n_youth"].isna() | (frame["n_youth"] < ctx.min_cell)
    money = [c for c in frame.columns if c.endswith("_dkk") or c in ("share_job", "fte_per_youth")]
    for column in money:
        frame[column] = frame[column].where(~hide)
    frame["hidden"] = hide
    return frame


SAVINGS_COLUMNS_SHORT = (
    ("net_municipal_dkk", "col.net_municipal"),
    ("net_state_dkk", "col.net_state"),
    ("net_total_dkk", "col.net_total"),
    ("net_municipal_per_youth_dkk", "col.net_municipal_per_youth"),
    ("cumulative_net_total_dkk", "col.cumulative_net"),
)
SAVINGS_COLUMNS_GROSS = (
    ("share_job", "col.n_job"),
    ("fte_per_youth", "col.fte_per_youth"),
    ("gross_municipal_dkk", "col.gross_municipal"),
    ("gross_state_dkk", "col.gross_state"),
    ("cost_municipal_dkk", "col.cost_municipal"),
    ("cost_state_dkk", "col.cost_state"),
)
SAVINGS_COLUMNS_NET = (
    ("net_municipal_dkk", "col.net_municipal"),
    ("net_state_dkk", "col.net_state"),
    ("net_total_dkk", "col.net_total"),
    ("net_total_per_youth_dkk", "col.net_total_per_youth"),
    ("discount_factor", "col.discount_factor"),
    ("cumulative_npv_total_dkk", "col.cumulative_npv"),
)


def savings_by_year_table(
    ctx: ReportContext, partnership: str = "ALL", columns: tuple[tuple[str, str], ...] = SAVINGS_COLUMNS_SHORT
) -> pd.DataFrame | None:
    """Year-by-year savings for display: year, source and `columns` ((column, label key) pairs;
    SAVINGS_COLUMNS_SHORT, SAVINGS_COLUMNS_GROSS or SAVINGS_COLUMNS_NET)."""
    frame = savings_by_year(ctx, partnership)
    if frame is None:
        return None
    lang = ctx.lang
    table = pd.DataFrame(
        {
            t("col.year", lang): [t("value.year_n", lang, n=int(y)) for y in frame["year"]],
            t("col.source", lang): [
                t(f"value.{s}", lang) if s in ("observed", "projected", "assumed") else str(s)
                for s in frame["source"]
            ],
        }
    )
    for column, key in columns:
        values = frame[column]
        if column == "share_job":
            shown = [
                SUPPRESSED if h else fmt.fmt_pct(v, lang)
                for v, h in zip(values, frame["hidden"], strict=True)
            ]
            table[t("col.share_job", lang)] = shown
            continue
        if column in ("fte_per_youth", "discount_factor"):
            shown = [
                SUPPRESSED if h else fmt.fmt_number(v, lang, 3)
                for v, h in zip(values, frame["hidden"], strict=True)
            ]
        else:
            shown = [
                SUPPRESSED if h else fmt.fmt_dkk(v, lang)
                for v, h in zip(values, frame["hidden"], strict=True)
            ]
        table[t(key, lang)] = shown
    return table


def unobserved_months_table(ctx: ReportContext, partnership: str) -> pd.DataFrame | None:
    """Per savings year: possible youth-months (n_youth · 12), observed, not yet observable, and the source.

    Observed and not-yet-observable youth-months add up to the possible ones, so they are suppressed as a
    partition of that total."""
    frame = savings_by_year(ctx, partnership)
    if frame is None:
        return None
    lang = ctx.lang
    rows = []
    for _, row in frame.iterrows():
        source = (
            t(f"value.{row['source']}", lang)
            if row["source"] in ("observed", "projected", "assumed")
            else str(row["source"])
        )
        year = t("value.year_n", lang, n=int(row["year"]))
        if row["hidden"] or fmt.is_missing(row["n_youth"]):
            rows.append([year, SUPPRESSED, SUPPRESSED, SUPPRESSED, source])
            continue
        possible = int(row["n_youth"]) * 12
        observed = int(row["observable_youth_months"] or 0)
        parts = pd.Series([observed, possible - observed], index=["observed", "unobserved"])
        hidden = partition_hidden(parts, ctx.min_cell)
        rows.append(
            [
                year,
                fmt.fmt_int(possible, lang),
                _count(ctx, observed, hidden["observed"]),
                _count(ctx, possible - observed, hidden["unobserved"]),
                source,
            ]
        )
    columns = [
        t("col.year", lang),
        t("col.possible_months", lang),
        t("col.observable_months", lang),
        t("col.unobserved_months", lang),
        t("col.source", lang),
    ]
    return pd.DataFrame(rows, columns=columns)


def unobserved_youths_table(ctx: ReportContext, partnership: str) -> pd.DataFrame | None:
    """Youths whose 12-month status is not yet observable, by the half-year it becomes observable."""
    if not has_table(ctx, "outcome_12m"):
        return None
    frame = _read(
        ctx,
        """
        select case when reference_date is null then null
                    else year(reference_date) || '-'
                                         || case when month(reference_date) <= 6 then 'H1' else 'H2' end
               end as due, count(*) as n
        from outcome_12m where partnership_id = ? and not observable
        group by all order by due nulls last""",
        [partnership],
    )
    if frame.empty:
        return frame
    lang = ctx.lang
    hidden = partition_hidden(frame["n"], ctx.min_cell)
    labels = []
    for due in frame["due"]:
        if due is None or (isinstance(due, float) and math.isnan(due)):
            labels.append(t("value.in_stu", lang))
        else:
            year, half = str(due).split("-")
            labels.append(
                f"{'1. halvår' if half == 'H1' else '2. halvår'} {year}"
                if lang == "da"
                else f"{'first' if half == 'H1' else 'second'} half of {year}"
            )
    table = pd.DataFrame(
        {
            t("col.due", lang): labels,
            t("col.youths", lang): [_count(ctx, n, h) for n, h in zip(frame["n"], hidden, strict=True)],
        }
    )
    total = int(frame["n"].sum())
    table.loc[len(table)] = [t("value.total", lang), _count(ctx, total, total < ctx.min_cell)]
    return table


# ----------------------------------------------------------------------------- national scenario


def national_table(ctx: ReportContext) -> tuple[pd.DataFrame, int] | None:
    """The national scenario year by year, and the steady-state year (all cohorts active)."""
    frame = savings_table(ctx, "national_scenario")
    if frame is None or frame.empty:
        return None
    frame = frame.sort_values("year").reset_index(drop=True)
    if frame.empty:
        return None
    lang = ctx.lang
    table = pd.DataFrame(
        {
            t("col.year", lang): [t("value.year_n", lang, n=int(y)) for y in frame["year"]],
            t("col.cohorts_active", lang): [fmt.fmt_int(c, lang) for c in frame["cohorts_active"]],
            t("col.net_total", lang): [fmt.fmt_mio_dkk(v, lang, 1) for v in frame["net_total_dkk"]],
            t("col.net_municipal", lang): [fmt.fmt_mio_dkk(v, lang, 1) for v in frame["net_municipal_dkk"]],
            t("col.extra_fte", lang): [fmt.fmt_int(v, lang) for v in frame["extra_fte"]],
        }
    )
    steady = int(frame.loc[frame["cohorts_active"].idxmax(), "year"])
    return table, steady


def national_vs_hbs(ctx: ReportContext) -> pd.DataFrame | None:
    """The steady-state year of the national scenario against HBS's 150 mio. kr. and 700 FTE."""
    frame = savings_table(ctx, "national_scenario")
    if frame is None or frame.empty:
        return None
    frame = frame.sort_values(["cohorts_active", "year"], ascending=[False, True]).head(1)
    if frame.empty:
        return None
    row = frame.iloc[0]
    lang = ctx.lang
    return pd.DataFrame(
        {
            t("col.figure", lang): [
                t("fig.hbs_national_annual_saving", lang),
                t("fig.hbs_national_extra_full_time_employed", lang),
            ],
            t("col.published", lang): [
                fmt.fmt_mio_dkk(_published("hbs_national_annual_saving"), lang),
                fmt.fmt_int(_published("hbs_national_extra_full_time_employed"), lang),
            ],
            t("col.computed", lang): [
                fmt.fmt_mio_dkk(row["net_total_dkk"], lang),
                fmt.fmt_int(row["extra_fte"], lang),
            ],
        }
    )


# ----------------------------------------------------------------------------- economics


def _format_published(ctx: ReportContext, unit: str, value: Any) -> str:
    if fmt.is_missing(value):
        return fmt.MISSING
    if unit == "share":
        return fmt.fmt_pct(value, ctx.lang)
    if unit == "DKK":
        return (
            fmt.fmt_mio_dkk(value, ctx.lang, 1) if abs(float(value)) >= 1e6 else fmt.fmt_dkk(value, ctx.lang)
        )
    if isinstance(value, str):
        return value
    return fmt.fmt_number(value, ctx.lang, 0 if float(value).is_integer() else 2)


def published_comparison_table(ctx: ReportContext) -> pd.DataFrame | None:
    """Published figure, its value, the value computed here, and the source."""
    frame = savings_table(ctx, "published_comparison")
    if frame is None:
        return None
    lang = ctx.lang
    from pipeline.texts import has_text

    table = pd.DataFrame(
        {
            t("col.figure", lang): [
                t(f"fig.{f}", lang) if has_text(f"fig.{f}") else str(f) for f in frame["figure"]
            ],
            t("col.published", lang): [
                _format_published(ctx, u, v) for u, v in zip(frame["unit"], frame["published"], strict=True)
            ],
            t("col.computed", lang): [
                _format_published(ctx, u, v) for u, v in zip(frame["unit"], frame["computed"], strict=True)
            ],
            t("col.source", lang): [str(s) for s in frame["source"]],
        }
    )
    if "note" in frame.columns:
        table[t("col.computed_from", lang)] = [
            fmt.MISSING if fmt.is_missing(v) else str(v) for v in frame["note"]
        ]
    return table


def _is_leaf_table(key: str, value: dict[str, Any]) -> bool:
    """A distribution of [uncertainty] or a year of [baseline]/[programme]: shown as one value."""
    return "dist" in value or ("." in key and key.split(".", 1)[0] in ("baseline", "programme"))


def _walk(tree: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any, dict[str, Any]]]:
    for key, value in tree.items():
        if isinstance(value, dict) and not _is_leaf_table(f"{prefix}{key}", value):
            yield from _walk(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value, tree


def _format_param(ctx: ReportContext, value: Any) -> str:
    if isinstance(value, bool) or isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return fmt.fmt_int(value, ctx.lang) if abs(value) >= 10000 else str(value)
    if isinstance(value, float):
        return fmt.fmt_ratio(value, ctx.lang, 4) if abs(value) < 100 else fmt.fmt_number(value, ctx.lang, 0)
    if isinstance(value, list):
        return " – ".join(_format_param(ctx, v) for v in value)
    if isinstance(value, dict):
        if "dist" in value:
            args = ", ".join(
                f"{k} {_format_param(ctx, v)}" for k, v in value.items() if k not in ("dist", "source")
            )
            return f"{value['dist']}({args})"
        return ", ".join(f"{k} {_format_param(ctx, v)}" for k, v in value.items() if k != "source")
    return str(value)


def parameter_table(ctx: ReportContext) -> pd.DataFrame:
    """Every value of the parameter file with its source: the `key_source` sibling, else the source of the
    entry itself (an [uncertainty] distribution) or of the nearest enclosing table; a table's shared source
    is written once and then referred to."""
    values = ctx.params.values
    rows = []
    last_shared: str | None = None
    for key, value, table in _walk(values):
        name = key.rsplit(".", 1)[-1]
        if name == "source" or name.endswith("_source"):
            continue
        own = table.get(f"{name}_source")
        if own is None and isinstance(value, dict):
            own = value.get("source")
        source = own
        if source is None:
            parts = key.split(".")[:-1]
            chain: list[Any] = [values]
            node: Any = values
            for part in parts:
                node = node.get(part, {}) if isinstance(node, dict) else {}
                chain.append(node)
            shared = next(
                (n.get("source") for n in reversed(chain) if isinstance(n, dict) and "source" in n), None
            )
            if shared is not None and shared == last_shared:
                source = t("value.as_above", ctx.lang)
            else:
                source = shared
            last_shared = shared
        else:
            last_shared = None
        rows.append(
            {
                t("col.parameter", ctx.lang): key,
                t("col.value", ctx.lang): _format_param(ctx, value),
                t("col.source", ctx.lang): str(source or fmt.MISSING),
            }
        )
    return pd.DataFrame(rows)


def sensitivity(ctx: ReportContext) -> pd.DataFrame | None:
    """sensitivity_oneway sorted by the width of its NPV swing (widest first)."""
    frame = savings_table(ctx, "sensitivity_oneway")
    if frame is None:
        return None
    frame["swing"] = (frame["npv_high_dkk"] - frame["npv_low_dkk"]).abs()
    return frame.sort_values("swing", ascending=False).reset_index(drop=True)


def sensitivity_table(ctx: ReportContext) -> pd.DataFrame | None:
    frame = sensitivity(ctx)
    if frame is None:
        return None
    lang = ctx.lang
    return pd.DataFrame(
        {
            t("col.parameter", lang): frame["parameter"],
            t("col.low", lang): [_format_param(ctx, _plain(v)) for v in frame["low"]],
            t("col.high", lang): [_format_param(ctx, _plain(v)) for v in frame["high"]],
            t("col.npv_low", lang): [fmt.fmt_mio_dkk(v, lang, 1) for v in frame["npv_low_dkk"]],
            t("col.npv_high", lang): [fmt.fmt_mio_dkk(v, lang, 1) for v in frame["npv_high_dkk"]],
        }
    )


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer() and abs(value) >= 100:
        return int(value)
    return value


def base_npv(ctx: ReportContext) -> float | None:
    """NPV of the programme's net total in the main calculation."""
    frame = savings_table(ctx, "savings_summary")
    if frame is None:
        return None
    rows = frame[frame["partnership_id"] == "ALL"]
    return (
        None
        if rows.empty or fmt.is_missing(rows["npv_net_total_dkk"].iloc[0])
        else float(rows["npv_net_total_dkk"].iloc[0])
    )


def monte_carlo_table(ctx: ReportContext) -> pd.DataFrame | None:
    """Monte Carlo NPV summary per partnership and the programme, for display."""
    frame = monte_carlo_numeric(ctx)
    if frame is None:
        return None
    lang = ctx.lang
    hidden = frame["hidden"]

    def mio(column: str) -> list[str]:
        return [
            SUPPRESSED if h else fmt.fmt_mio_dkk(v, lang, 1)
            for v, h in zip(frame[column], hidden, strict=True)
        ]

    return pd.DataFrame(
        {
            t("col.partnership", lang): frame["label"],
            t("col.draws", lang): [fmt.fmt_int(v, lang) for v in frame["draws"]],
            t("col.mean_npv", lang): mio("mean_npv_dkk"),
            t("col.p5", lang): mio("p5_npv_dkk"),
            t("col.p50", lang): mio("p50_npv_dkk"),
            t("col.p95", lang): mio("p95_npv_dkk"),
            t("col.prob_positive", lang): [
                SUPPRESSED if h else fmt.fmt_pct(v, lang)
                for v, h in zip(frame["prob_npv_positive"], hidden, strict=True)
            ],
        }
    )


def _all_last(frame: pd.DataFrame) -> pd.DataFrame:
    """Partnership rows in id order, then the 'ALL' row."""
    order = frame["partnership_id"].eq("ALL").astype(int)
    return (
        frame.assign(_o=order).sort_values(["_o", "partnership_id"]).drop(columns="_o").reset_index(drop=True)
    )


def monte_carlo_numeric(ctx: ReportContext) -> pd.DataFrame | None:
    """monte_carlo_summary with `label` and `hidden`; figures NaN where the partnership has too few youths."""
    frame = savings_table(ctx, "monte_carlo_summary")
    if frame is None or frame.empty:
        return None
    frame = _all_last(frame)
    summary = savings_table(ctx, "savings_summary")
    youths = (
        dict(zip(summary["partnership_id"], summary["n_youth"], strict=True)) if summary is not None else {}
    )
    frame["hidden"] = [_savings_hidden(ctx, youths.get(p)) for p in frame["partnership_id"]]
    for column in ("mean_npv_dkk", "p5_npv_dkk", "p50_npv_dkk", "p95_npv_dkk", "prob_npv_positive"):
        frame[column] = frame[column].where(~frame["hidden"])
    frame["label"] = [label_partnership(ctx, p) for p in frame["partnership_id"]]
    return frame


def programme_rate(ctx: ReportContext) -> float | None:
    """The programme's 12-month employment rate (all cohorts), None if suppressed or absent."""
    rates = employment_rates(ctx)
    if rates is None:
        return None
    total = rates[rates["is_total"]]
    return None if total.empty or pd.isna(total["rate"].iloc[0]) else float(total["rate"].iloc[0])


def monte_carlo_settings(ctx: ReportContext) -> tuple[int, int] | None:
    """(draws, seed) of the stored Monte Carlo run for the programme."""
    frame = savings_table(ctx, "monte_carlo_summary")
    if frame is None or frame.empty:
        return None
    row = frame[frame["partnership_id"] == "ALL"]
    return None if row.empty else (int(row["draws"].iloc[0]), int(row["seed"].iloc[0]))


def monte_carlo_draws(ctx: ReportContext) -> np.ndarray | None:
    """The programme's Monte Carlo NPV draws with the stored seed, if pipeline.economics offers them."""
    settings = monte_carlo_settings(ctx)
    if settings is None:
        return None
    try:
        from pipeline import economics
    except ImportError:
        return None
    draw = getattr(economics, "monte_carlo_draws", None)
    if draw is None:
        return None
    draws, seed = settings
    result = draw(ctx.con, ctx.params, draws=draws, seed=seed)
    values = np.asarray(result["ALL"] if isinstance(result, dict) else result, dtype=float)
    return values


def reproducibility(ctx: ReportContext) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Input exports with SHA-256, package versions, and the parameter file's path, SHA-256 and date."""
    lang = ctx.lang
    exports = current_exports(ctx)
    exports_table = pd.DataFrame(
        {
            t("col.partnership", lang): [label_partnership(ctx, p) for p in exports["partnership_id"]],
            t("col.export_date", lang): [fmt.fmt_date(d, lang) for d in exports["export_date"]],
            t("col.file", lang): [Path(str(p)).name for p in exports["source_path"]],
            t("col.sha256", lang): list(exports["sha256"]),
        }
    )
    versions = []
    for package in REPORT_PACKAGES:
        try:
            versions.append((package, metadata.version(package)))
        except metadata.PackageNotFoundError:
            versions.append((package, fmt.MISSING))
    versions.append(("python", platform.python_version()))
    packages = pd.DataFrame(versions, columns=[t("col.package", lang), t("col.version", lang)])
    info = {
        "params_path": str(ctx.params.path.name if ctx.params.path else fmt.MISSING),
        "params_sha256": str(ctx.params.sha256 or fmt.MISSING),
        "date": fmt.fmt_date(dt.date.today(), lang, long=True),
    }
    return exports_table, packages, info


def params_scalar(ctx: ReportContext, key: str, default: Any = None) -> Any:
    return ctx.params.get(key, default)


def read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


# ----------------------------------------------------------------------------- data quality


def dq_summary(ctx: ReportContext) -> dict[str, int]:
    """Counts of exports, rows and rejections for the data-quality summary."""
    if not has_table(ctx, "exports"):
        return {}
    row = _read(
        ctx,
        """
        select count(*) as exports, count(*) filter (where not superseded) as current,
               coalesce(sum(rows_read), 0) as rows_read, coalesce(sum(rows_loaded), 0) as rows_loaded,
               coalesce(sum(rows_quarantined), 0) as rows_quarantined from exports""",
    ).iloc[0]
    result = {k: int(v) for k, v in row.items()}
    result["rejected"] = (
        int(_read(ctx, "select count(*) from rejected_exports").iloc[0, 0])
        if has_table(ctx, "rejected_exports")
        else 0
    )
    result["warnings"] = (
        int(_read(ctx, "select count(*) from ingest_warnings").iloc[0, 0])
        if has_table(ctx, "ingest_warnings")
        else 0
    )
    return result


def dq_summary_text(ctx: ReportContext) -> str:
    counts = dq_summary(ctx)
    if not counts:
        return t("p.no_data", ctx.lang)
    return t("p.dq_summary", ctx.lang, **{k: fmt.fmt_int(v, ctx.lang) for k, v in counts.items()})


def exports_table(ctx: ReportContext) -> pd.DataFrame:
    """Every export ever loaded: rows read / loaded / quarantined, superseded, synthetic."""
    lang = ctx.lang
    frame = _read(ctx, "select * from exports order by partnership_id, export_date")
    yes, no = t("value.yes", lang), t("value.no", lang)
    return pd.DataFrame(
        {
            t("col.partnership", lang): list(frame["partnership_id"]),
            t("col.export_date", lang): [fmt.fmt_date(d, lang) for d in frame["export_date"]],
            t("col.file", lang): [str(p) for p in frame["source_path"]],
            t("col.rows_read", lang): [fmt.fmt_int(v, lang) for v in frame["rows_read"]],
            t("col.rows_loaded", lang): [fmt.fmt_int(v, lang) for v in frame["rows_loaded"]],
            t("col.rows_quarantined", lang): [fmt.fmt_int(v, lang) for v in frame["rows_quarantined"]],
            t("col.superseded", lang): [yes if s else no for s in frame["superseded"]],
            t("col.data", lang): [
                t("synthetic.yes" if s else "synthetic.no", lang)
                for s in frame.get("synthetic", pd.Series(False, index=frame.index))
            ],
        }
    )


def quarantine_table(ctx: ReportContext) -> pd.DataFrame:
    lang = ctx.lang
    frame = _read(ctx, "select * from quarantine order by source_path, sheet, row_number")
    return pd.DataFrame(
        {
            t("col.file", lang): [Path(str(p)).name for p in frame["source_path"]],
            t("col.sheet", lang): list(frame["sheet"]),
            t("col.row", lang): [fmt.fmt_int(v, lang) for v in frame["row_number"]],
            t("col.column", lang): [
                fmt.MISSING if fmt.is_missing(v) else str(v) for v in frame["column_name"]
            ],
            t("col.value", lang): [fmt.MISSING if fmt.is_missing(v) else str(v) for v in frame["value"]],
            t("col.reason", lang): list(frame["reason"]),
        }
    )


def dropped_columns_table(ctx: ReportContext) -> pd.DataFrame:
    lang = ctx.lang
    frame = _read(
        ctx,
        "select partnership_id, export_date, source_path, dropped_columns from exports "
        "where coalesce(dropped_columns, '') <> '' order by partnership_id, export_date",
    )
    return pd.DataFrame(
        {
            t("col.partnership", lang): list(frame["partnership_id"]),
            t("col.export_date", lang): [fmt.fmt_date(d, lang) for d in frame["export_date"]],
            t("col.file", lang): [Path(str(p)).name for p in frame["source_path"]],
            t("col.dropped_columns", lang): list(frame["dropped_columns"]),
        }
    )


def warnings_table(ctx: ReportContext) -> pd.DataFrame:
    lang = ctx.lang
    frame = _read(ctx, "select * from ingest_warnings order by source_path, sheet, row_number")
    return pd.DataFrame(
        {
            t("col.file", lang): [Path(str(p)).name for p in frame["source_path"]],
            t("col.sheet", lang): [fmt.MISSING if fmt.is_missing(v) else str(v) for v in frame["sheet"]],
            t("col.row", lang): [
                fmt.MISSING if fmt.is_missing(v) else fmt.fmt_int(v, lang) for v in frame["row_number"]
            ],
            t("col.column", lang): [
                fmt.MISSING if fmt.is_missing(v) else str(v) for v in frame["column_name"]
            ],
            t("col.message", lang): list(frame["message"]),
        }
    )


def rejected_table(ctx: ReportContext) -> pd.DataFrame:
    lang = ctx.lang
    frame = _read(ctx, "select * from rejected_exports order by attempted_at")
    return pd.DataFrame(
        {
            t("col.file", lang): [str(p) for p in frame["source_path"]],
            t("col.attempted_at", lang): [fmt.fmt_date(d, lang) for d in frame["attempted_at"]],
            t("col.reason", lang): list(frame["reason"]),
        }
    )


def superseded_table(ctx: ReportContext) -> pd.DataFrame:
    lang = ctx.lang
    frame = _read(
        ctx,
        """
        select o.partnership_id, o.export_date, o.source_path, n.export_date as newer_date
        from exports o join exports n on n.partnership_id = o.partnership_id and not n.superseded
        where o.superseded order by o.partnership_id, o.export_date""",
    )
    return pd.DataFrame(
        {
            t("col.partnership", lang): list(frame["partnership_id"]),
            t("col.export_date", lang): [fmt.fmt_date(d, lang) for d in frame["export_date"]],
            t("col.file", lang): [Path(str(p)).name for p in frame["source_path"]],
            t("col.superseded_by", lang): [fmt.fmt_date(d, lang) for d in frame["newer_date"]],
        }
    )
