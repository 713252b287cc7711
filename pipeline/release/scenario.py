"""The release of a scenario: the savings model with other parameters, published through the
same disclosure control as a build, without changing the warehouse.

`joballiance savings --set ...` prints from this: the outcome statistics of the last build
and the scenario's savings are registered and protected together, exactly as `build` does.
Without overrides, with the parameter file the warehouse was built with and its Monte Carlo,
`savings` shows the build's own release (`savings_cells`): the same figures, no recomputation.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from pipeline.economics import SavingsResult, savings_report
from pipeline.parameters import Parameters
from pipeline.release.read import out_of_date
from pipeline.release.savings import SavingsFrames
from pipeline.release.store import (
    Release,
    collect_statistics,
    make_release,
    read_comparison_frames,
    read_outcome_frames,
)


def savings_frames(result: SavingsResult, cohort) -> SavingsFrames:  # noqa: ANN001 - a DataFrame
    """The savings tables of a computed scenario, as the release reads them from a warehouse."""
    return SavingsFrames(
        by_year=result.by_year,
        summary=result.summary,
        national=result.national,
        national_cohort=result.national_cohort,
        monte_carlo=result.monte_carlo if result.monte_carlo is not None else result.summary.iloc[0:0],
        sensitivity=result.sensitivity,
        comparison=result.comparison,
        distribution=result.distribution[result.distribution["partnership_id"] == "ALL"],
        baseline=result.baseline,
        cohort=cohort,
        switching=result.switching_frame(),
    )



def scenario_release(con: duckdb.DuckDBPyConnection, result: SavingsResult, min_cell: int) -> Release:
    """Outcome statistics of the warehouse's last build + the scenario's savings, protected together."""
    cohort = con.execute("select * from savings_cohort").df()
    reg, partnerships = collect_statistics(read_outcome_frames(con), savings_frames(result, cohort),
                                           read_comparison_frames(con))
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
    result = savings_report(con, params, monte_carlo)
    cells = scenario_release(con, result, int(params.require("suppression.min_cell"))).cells
    return SavingsCells(cells[cells["report"].isin(SAVINGS_REPORTS)], result.parameters, from_build=False)

