"""How every output reads the release: cells of a published table, and the text a cell shows.

Reports, the terminal, CSV downloads, the workbook and the dashboard select cells here and
format them with `cell_text`; none of them computes, recomputes or suppresses a figure.
A hidden count shows as "<5" (the threshold), any other hidden figure as "–".
"""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from pipeline import formatting as fmt

HIDDEN_TEXT = "–"


class ReleaseMissing(LookupError):
    """The warehouse has no release yet (no build since the release layer existed)."""


def has_release(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute(
        "select count(*) from information_schema.tables where table_name = 'published_cells'").fetchone()
    return bool(found and found[0])


def out_of_date(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether an export was ingested after the last build (the model tables do not show it yet)."""
    has_log = con.execute(
        "select count(*) from information_schema.tables where table_name = 'build_log'").fetchone()[0]
    if not has_log:
        return True
    last_ingest, last_build = con.execute(
        "select (select max(ingested_at) from exports), (select max(built_at) from build_log)").fetchone()
    return last_build is None or (last_ingest is not None and last_ingest > last_build)


def cells(con: duckdb.DuckDBPyConnection, report: str, table_name: str | None = None) -> pd.DataFrame:
    """The cells of one report (one table of it), in a stable order."""
    if not has_release(con):
        raise ReleaseMissing("the warehouse has no published figures yet: run `joballiance build`")
    sql = "select * from published_cells where report = ?"
    args: list[Any] = [report]
    if table_name is not None:
        sql += " and table_name = ?"
        args.append(table_name)
    order = ("table_name, quantity, partnership_id = 'ALL', partnership_id, municipality_code, cohort, month, "
             "year, export_date, category, item")
    return con.execute(f"{sql} order by {order}", args).df()


def min_cell(con: duckdb.DuckDBPyConnection) -> int:
    """The threshold the release was built with."""
    row = con.execute("select value from model_parameters where name = 'min_cell'").fetchone()
    if row is None:
        raise ReleaseMissing("the warehouse has no published figures yet: run `joballiance build`")
    return int(row[0])


def small_text(threshold: int) -> str:
    return f"<{threshold}"


def cell_text(cell: Any, lang: str, threshold: int, *, as_millions: bool = False) -> str:
    """The text a cell shows: its value formatted by unit and decimals, or the hidden mark."""
    hidden = bool(cell["hidden"])
    unit = cell["unit"]
    value = cell["value"]
    if hidden:
        return small_text(threshold) if unit == "count" else HIDDEN_TEXT
    if fmt.is_missing(value):
        return fmt.MISSING
    decimals = int(cell["decimals"])
    if unit in ("share", "rate"):
        return fmt.fmt_pct(value, lang, max(decimals - 2, 0))
    if unit == "dkk":
        if as_millions:
            return fmt.fmt_mio_dkk(value, lang, 1)
        return fmt.fmt_dkk(value, lang, max(decimals, 0))
    if unit in ("count", "year", "days", "flag"):
        return fmt.fmt_int(value, lang)
    if unit == "fte":
        return fmt.fmt_number(value, lang, max(decimals, 0))
    return fmt.fmt_number(value, lang, max(decimals, 0))


def pick(frame: pd.DataFrame, **where: Any) -> pd.DataFrame:
    """Rows of a cells frame matching every given dimension (None matches NULL)."""
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column].isna() if value is None else frame[column] == value
    return frame[mask]


def one(frame: pd.DataFrame, **where: Any) -> pd.Series | None:
    """The single cell matching `where`, or None."""
    rows = pick(frame, **where)
    if len(rows) > 1:
        raise ValueError(f"{len(rows)} cells match {where}")
    return None if rows.empty else rows.iloc[0]


def value(frame: pd.DataFrame, **where: Any) -> float | None:
    """The shown value of one cell (None when hidden or absent)."""
    cell = one(frame, **where)
    if cell is None or bool(cell["hidden"]) or fmt.is_missing(cell["value"]):
        return None
    return float(cell["value"])
