"""Which published cells the dashboard embeds, and the labels it shows with them.

The dashboard reads only the release (`published_cells`, docs/release.md): the cells of the
`programme` and `dashboard` reports and of every `partnership-<id>` report. The same statistic
can sit in several tables; it has one value and one hidden flag everywhere, so the cells are
deduplicated on their identity. A hidden cell keeps its identity and loses its value.
"""

from __future__ import annotations

import json
import math
from typing import Any

import duckdb
import pandas as pd

from pipeline.texts import category_label, category_order, domain_texts, partnership_name, status_label, t

QUANTITIES = (
    "outcome_12m_count", "outcome_12m_share",
    "employment_rate_observable", "employment_rate_job", "employment_rate",
    "employment_rate_ci_low", "employment_rate_ci_high",
    "status_profile_count", "status_profile_share",
    "retention_at_risk", "retention_survival", "retention_ci_low", "retention_ci_high",
    "funnel_count", "funnel_share", "funnel_median_days",
    "trend_count", "trend_share",
    "savings_youths", "net_municipal_per_youth_dkk", "net_total_per_youth_dkk",
)
"""Every quantity a section of the dashboard shows (docs/dashboard.md)."""

IDENTITY = ["quantity", "partnership_id", "municipality_code", "cohort", "month", "year", "export_date",
            "category", "item"]
COLUMNS = [*IDENTITY, "unit", "value", "decimals", "hidden", "denominator_n"]
JOB_TYPES = ("ordinary_job", "flexjob", "pension_wage_subsidy", "protected_employment")
PHASES = ("phase_1", "phase_2", "phase_3", "phase_4")
DEFAULT_MIN_CELL = 5

_SELECT = f"""
    select distinct {", ".join(COLUMNS)}
    from published_cells
    where (report in ('programme', 'dashboard') or report like 'partnership-%')
      and quantity in ({", ".join("'" + q + "'" for q in QUANTITIES)})
      and municipality_code is null
      and (cohort is null or cohort <> 'in STU')
"""


class DashboardDataError(RuntimeError):
    """The warehouse has no release, or the release contradicts itself."""


def dashboard_cells(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The published cells the dashboard shows, one row per statistic; hidden ones without a value."""
    exists = con.execute("select count(*) from information_schema.tables where table_name = 'published_cells'")
    if not exists.fetchone()[0]:
        raise DashboardDataError("the warehouse has no table published_cells: run `joballiance build` first")
    cells = con.execute(_SELECT + " order by all").df()
    duplicated = cells.duplicated(IDENTITY, keep=False)
    if duplicated.any():
        example = cells[duplicated].head(2).to_string(index=False)
        raise DashboardDataError(f"one statistic has two different published values:\n{example}")
    cells.loc[cells["hidden"].astype(bool), "value"] = None
    return cells.reset_index(drop=True)


def min_cell_of(con: duckdb.DuckDBPyConnection) -> int:
    """suppression.min_cell as the last build used it (the table model_parameters)."""
    try:
        row = con.execute("select value from model_parameters where parameter = 'suppression.min_cell'").fetchone()
    except duckdb.Error:
        row = None
    return int(row[0]) if row and row[0] is not None else DEFAULT_MIN_CELL


def _plain(value: Any) -> Any:
    """A JSON-safe scalar: NaN, NaT and pandas' NA become null, dates ISO text, numpy numbers Python ones."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if hasattr(value, "item"):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


def cell_rows(cells: pd.DataFrame) -> list[list[Any]]:
    """The cells as rows of plain values in COLUMNS order (what the page embeds)."""
    frame = cells[COLUMNS].astype(object)
    return [[_plain(v) for v in row] for row in frame.itertuples(index=False, name=None)]


def labels(cells: pd.DataFrame, lang: str) -> dict[str, dict[str, str]]:
    """Names for every code the page shows: partnerships, categories, job types, phases."""
    partnerships = sorted(p for p in cells["partnership_id"].dropna().unique() if p != "ALL")
    return {
        "partnership": {pid: partnership_name(pid, lang) for pid in ["ALL", *partnerships]},
        "category": {
            **{code: category_label(code, lang) for code in category_order()},
            **{code: status_label(code, lang) for code in JOB_TYPES},
            **{phase: t(f"phase.{phase[-1]}", lang) for phase in PHASES},
            "total": t("dash.total", lang),
        },
    }


def payload(cells: pd.DataFrame, lang: str, min_cell: int, synthetic: bool) -> dict[str, Any]:
    """Everything the page's script reads: the cells, the labels and the page's texts in one language."""
    index = 0 if lang == "da" else 1
    return {
        "lang": lang,
        "min_cell": min_cell,
        "synthetic": synthetic,
        "columns": COLUMNS,
        "cells": cell_rows(cells),
        "labels": labels(cells, lang),
        "category_order": category_order(),
        "job_types": list(JOB_TYPES),
        "phases": list(PHASES),
        "texts": {key: pair[index] for key, pair in domain_texts("dashboard").items()},
    }


def embed_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no '<' at all, so nothing can close it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c")


def is_synthetic(con: duckdb.DuckDBPyConnection) -> bool:
    """True when any current export behind the figures is synthetic demo data."""
    try:
        row = con.execute("select coalesce(bool_or(synthetic), false) from exports where not superseded").fetchone()
    except duckdb.Error:
        return False
    return bool(row[0])
