"""What every report reads from: the warehouse (read-only), the language and the release's threshold.

A report states the parameter values the warehouse was BUILT with (the tables
`savings_parameters` and `build_log`), never those of a file handed to it: a scenario is a
warehouse built with other parameters (`joballiance build --params X --warehouse Y`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from pipeline import formatting as fmt
from pipeline.release import read
from pipeline.texts import partnership_name, t


class BuildMissing(LookupError):
    """The warehouse lacks a table every report needs (it has not been built)."""


@dataclass
class ReportContext:
    """The warehouse, the language, the suppression threshold of the release and the build's parameters."""

    con: duckdb.DuckDBPyConnection
    lang: str
    min_cell: int
    built: dict[str, str]
    build: dict[str, Any]
    cache: dict[tuple[str, str | None], pd.DataFrame] = field(default_factory=dict)

    def small(self) -> str:
        """The display of a hidden count, e.g. '<5'."""
        return read.small_text(self.min_cell)

    def param(self, key: str) -> str:
        """A parameter value the warehouse was built with (text as stored); a missing key is an error."""
        if key not in self.built:
            raise BuildMissing(f"the warehouse was built without the parameter '{key}'")
        return self.built[key]

    def number(self, key: str) -> float:
        return float(self.param(key))

    def cells(self, report: str, table_name: str | None = None) -> pd.DataFrame:
        """The published cells of one report's table (the report's cells read once, kept for the notebook's run)."""
        if (report, None) not in self.cache:
            self.cache[(report, None)] = read.cells(self.con, report)
        key = (report, table_name)
        if key not in self.cache:  # the report's cells are in table order: one table's keep theirs
            whole = self.cache[(report, None)]
            self.cache[key] = whole[whole["table_name"] == table_name].reset_index(drop=True)
        return self.cache[key]

    def text(self, cell: Any, *, as_millions: bool = False) -> str:
        """The text of one cell (the hidden mark when hidden, or absent); with `as_millions`, amounts of a
        million or more in mio. kr."""
        if cell is None:
            return fmt.MISSING
        if as_millions and not fmt.is_missing(cell["value"]) and abs(float(cell["value"])) < 1e6:
            as_millions = False  # an amount per youth stays in kroner
        return read.cell_text(cell, self.lang, self.min_cell, as_millions=as_millions)


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the warehouse holds a table or view of that name."""
    found = con.execute("select count(*) from information_schema.tables where table_name = ?", [name]).fetchone()
    return bool(found and found[0])


def current_exports_sql(con: duckdb.DuckDBPyConnection) -> str:
    """The one definition of "the current export of each partnership": the `current_exports` view
    where the warehouse has it, else the exports not marked superseded."""
    if has_table(con, "current_exports"):
        return "select * from current_exports"
    return "select * from exports where not superseded"


def current_partnerships(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Partnerships with a current export, in id order."""
    if not has_table(con, "exports"):
        return []
    rows = con.execute(f"select distinct partnership_id from ({current_exports_sql(con)}) order by 1").fetchall()
    return [row[0] for row in rows]


def _built_parameters(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, str], dict[str, Any]]:
    if not has_table(con, "savings_parameters") or not has_table(con, "build_log"):
        raise BuildMissing("the warehouse has not been built: run `joballiance build`")
    values = {str(k): str(v) for k, v in con.execute("select key, value from savings_parameters").fetchall()}
    row = con.execute(
        "select built_at, params_path, params_sha256, overrides from build_log order by built_at desc limit 1"
    ).fetchone()
    if row is None:
        raise BuildMissing("the warehouse has not been built: run `joballiance build`")
    build = {
        "built_at": row[0],
        "params_file": Path(str(row[1])).name if row[1] else fmt.MISSING,
        "params_sha256": str(row[2] or fmt.MISSING),
        "overrides": [o for o in str(row[3] or "").split(",") if o.strip()],
    }
    return values, build


def open_context(warehouse: str | Path, lang: str = "da") -> ReportContext:
    """Open the warehouse read-only with the threshold and parameters of its last build."""
    fmt.check_lang(lang)
    con = duckdb.connect(str(warehouse), read_only=True)
    values, build = _built_parameters(con)
    return ReportContext(con=con, lang=lang, min_cell=read.min_cell(con), built=values, build=build)


def label_partnership(ctx: ReportContext, partnership_id: str) -> str:
    return partnership_name(partnership_id, ctx.lang)


def partnership_ids(ctx: ReportContext) -> list[str]:
    """Partnerships that have a report in the release, in id order."""
    rows = ctx.con.execute(
        "select distinct report from published_cells where report like 'partnership-%' order by 1"
    ).fetchall()
    return [row[0].removeprefix("partnership-") for row in rows]


def suppression_note(ctx: ReportContext) -> str:
    return t("table.note", ctx.lang, small=ctx.small(), hidden=read.HIDDEN_TEXT, n=ctx.min_cell)
