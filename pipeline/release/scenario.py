"""The release of a scenario: the savings model with other parameters, published through the
same disclosure control as a build, without changing the warehouse.

`joballiance savings --set ...` prints from this: the outcome statistics of the last build
and the scenario's savings are registered and protected together, exactly as `build` does.
Without overrides, with the parameter file the warehouse was built with and its Monte Carlo,
`savings` shows the build's own release (`savings_cells`): the same figures, no recomputation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import duckdb
import pandas as pd

from pipeline.economics import scenario_frames
from pipeline.parameters import Parameters
from pipeline.release.read import out_of_date
from pipeline.release.store import (
    Release,
    collect_statistics,
    make_release,
    read_comparison_frames,
    read_outcome_frames,
    savings_frames,
)


def scenario_release(con: duckdb.DuckDBPyConnection, tables: Mapping[str, pd.DataFrame], min_cell: int) -> Release:
    """Outcome statistics of the warehouse's last build + the scenario's savings tables
    (`pipeline.economics.scenario_frames`), protected together."""
    comparison = read_comparison_frames(con)
    if comparison is not None:  # the scenario's own savings on the other baseline
        comparison = replace(comparison, other_baseline=tables["savings_summary_other_baseline"])
    reg, partnerships = collect_statistics(read_outcome_frames(con), savings_frames(tables), comparison)
    return make_release(reg, partnerships, min_cell)


SAVINGS_REPORTS = ["economics", "workbook"]  # what `savings` prints and writes with --excel


@dataclass(frozen=True)
class SavingsCells:
    """What `savings` shows: the published cells and the parameter values (key, value, source) behind them."""

    cells: pd.DataFrame
    parameters: pd.DataFrame
    from_build: bool


def built_with(con: duckdb.DuckDBPyConnection, params: Parameters) -> bool:
    """Whether the warehouse's last build used exactly these parameters (same files' checksum, no overrides)
    and no export was loaded since (then its release holds this scenario already)."""
    if params.overrides or out_of_date(con):
        return False
    row = con.execute("select params_sha256, overrides from build_log order by built_at desc limit 1").fetchall()
    return bool(row) and row[0][0] == params.sha256 and not row[0][1]


def savings_cells(con: duckdb.DuckDBPyConnection, params: Parameters, monte_carlo: int | None = None) -> SavingsCells:
    """The build's release when it was built with these parameters, else the scenario's own release."""
    if monte_carlo is None and built_with(con, params):
        cells = con.execute("select * from published_cells where list_contains(?, report)", [SAVINGS_REPORTS]).df()
        values = con.execute("select key, value, source from savings_parameters").df()
        return SavingsCells(cells, values, from_build=True)
    result, tables = scenario_frames(con, params, monte_carlo)
    cells = scenario_release(con, tables, int(params.require("suppression.min_cell"))).cells
    return SavingsCells(cells[cells["report"].isin(SAVINGS_REPORTS)], result.parameters, from_build=False)

