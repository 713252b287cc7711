"""The release of a scenario: the savings model with other parameters, published through the
same disclosure control as a build, without changing the warehouse.

`joballiance savings --set ...` prints from this: the outcome statistics of the last build
and the scenario's savings are registered and protected together, exactly as `build` does.
"""

from __future__ import annotations

import duckdb

from pipeline.economics import SavingsResult
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
