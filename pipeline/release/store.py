"""The release at the warehouse's edge: read the model and economics tables, write the
publication tables, run the release's data tests.

Tables written (inside the build's transaction):
- `published_cells`: every cell of every published table (docs/release.md);
- `release_statistics`: every statistic with its true value, hidden flag and the attacker's
  interval (for audits and tests; no report reads it);
- `release_relations`: the linear relations the disclosure control protected against.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

import duckdb
import numpy as np
import pandas as pd

from pipeline.reference import CATEGORIES, job_statuses
from pipeline.release.cells import published_cells
from pipeline.release.comparison import ComparisonFrames, add_comparison
from pipeline.release.disclosure import Protection, derived_hidden, protect
from pipeline.release.outcomes import (
    ALL,
    OutcomeFrames,
    add_funnel,
    add_like_for_like,
    add_outcome,
    add_retention,
    add_status_profile,
    add_trend,
)
from pipeline.release.savings import SavingsFrames, add_savings
from pipeline.release.statistics import Registry
from pipeline.warehouse import has_relation


class ReleaseCheckFailed(RuntimeError):
    """A data test of the release found failing rows; the message names the test."""


@dataclass(frozen=True)
class Release:
    registry: Registry
    protection: Protection
    hidden: np.ndarray  # counts and derived figures
    cells: pd.DataFrame
    partnership_ids: list[str]


def _frame(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    return con.execute(sql).df()


def read_outcome_frames(con: duckdb.DuckDBPyConnection) -> OutcomeFrames:
    return OutcomeFrames(
        outcome=_frame(con, """
            select o.partnership_id, o.cohort, o.observable, o.status, o.category, o.export_date,
                   p.municipality_code, count(*) as n
            from outcome_12m as o join stg_participants as p using (export_id, participant_id)
            group by all"""),  # the youths counted in the warehouse: a million never reach pandas
        employment_rate=_frame(con, "select * from employment_rate_12m"),
        status_profile=_frame(con, "select * from status_profile"),
        retention=_frame(con, "select * from retention_curve"),
        funnel=_frame(con, "select * from phase_funnel"),
        trend=_frame(con, "select * from trend"),
        like_for_like=_frame(con, "select * from trend_like_for_like"),
        categories=CATEGORIES,
        job_statuses=job_statuses(),
    )


# SavingsFrames field -> the economics table it is read from (a build's warehouse or a scenario's frames)
SAVINGS_TABLES = {
    "by_year": "savings_by_year", "summary": "savings_summary", "national": "national_scenario",
    "national_cohort": "national_cohort_year", "monte_carlo": "monte_carlo_summary",
    "sensitivity": "sensitivity_oneway", "comparison": "published_comparison",
    "distribution": "savings_status_distribution", "baseline": "savings_baseline", "cohort": "savings_cohort",
    "switching": "savings_switching", "histogram": "monte_carlo_histogram",
    "monte_carlo_inputs": "monte_carlo_inputs", "municipal": "savings_by_municipality",
}


def savings_frames(tables: Mapping[str, pd.DataFrame]) -> SavingsFrames:
    """The savings statistics' input from economics tables by name (only the programme's distribution)."""
    frames = {field: tables.get(name, pd.DataFrame()) for field, name in SAVINGS_TABLES.items()}
    distribution = frames["distribution"]
    if "partnership_id" in distribution:
        frames["distribution"] = distribution[distribution["partnership_id"] == "ALL"]
    return SavingsFrames(**frames)


def read_savings_frames(con: duckdb.DuckDBPyConnection) -> SavingsFrames:
    return savings_frames({name: _frame(con, f"select * from {name}") for name in SAVINGS_TABLES.values()
                           if has_relation(con, name)})


def _optional(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    return _frame(con, f"select * from {name}") if has_relation(con, name) else pd.DataFrame()


def read_comparison_frames(con: duckdb.DuckDBPyConnection) -> ComparisonFrames | None:
    if not has_relation(con, "effect_12m"):
        return None
    other = "savings_summary_other_baseline"
    return ComparisonFrames(
        effect=_frame(con, "select * from effect_12m"),
        counterfactual=_frame(con, "select * from counterfactual_by_year"),
        balance=_frame(con, "select * from comparison_balance"),
        other_baseline=_optional(con, other),
        summary=_optional(con, "comparison_summary"),
    )


def collect_statistics(outcome: OutcomeFrames, savings: SavingsFrames | None,
                       comparison: ComparisonFrames | None = None) -> tuple[Registry, list[str]]:
    """Every statistic of the release and its relations."""
    reg = Registry()
    dates = add_outcome(reg, outcome)
    add_status_profile(reg, outcome.status_profile, dates, outcome.categories)
    add_retention(reg, outcome.retention, dates)
    add_funnel(reg, outcome.funnel, dates)
    add_trend(reg, outcome.trend, dates, outcome.categories)
    add_like_for_like(reg, outcome.like_for_like, outcome.categories)
    programme = add_savings(reg, savings, dates) if savings is not None else None
    if comparison is not None:
        add_comparison(reg, comparison, dates, programme)
    partnerships = sorted(p for p in dates if p != ALL)
    return reg, partnerships


def make_release(reg: Registry, partnership_ids: list[str], min_cell: int) -> Release:
    """Disclosure control over every statistic, then the cells of every report."""
    values, protected = reg.arrays()
    placeholder = published_cells(reg, np.zeros(len(values), dtype=bool), partnership_ids)
    published = np.zeros(len(values), dtype=bool)
    published[placeholder["statistic_id"].to_numpy()] = True
    weights = complement_weights(reg)
    protection = protect(values, protected, published, reg.relations, min_cell, weights=weights)
    protection = _protect_amounts(reg, values, protected, published, protection, min_cell, weights)
    hidden = derived_hidden(protection.hidden, reg.bases, reg.denominators, values, min_cell)
    cells = published_cells(reg, hidden, partnership_ids)
    return Release(reg, protection, hidden, cells, partnership_ids)


COMPLEMENT_WEIGHTS = {"savings_youths": 1000.0, "employment_rate_observable": 10.0}
"""How much dearer a count is to hide than its size says: a partnership's savings rest on its
youth count, and totals and denominators take every share of their table along. The
headline's n and job count are the dearest of all (`complement_weights`)."""


def complement_weights(reg: Registry) -> np.ndarray:
    weights = np.ones(len(reg.keys))
    for index, key in enumerate(reg.keys):
        weight = COMPLEMENT_WEIGHTS.get(key.quantity, 10.0 if key.category == "total" else 1.0)
        headline = key.quantity == "outcome_12m_count" and key.cohort == ALL and key.municipality_code is None
        weights[index] = weight * (100.0 if headline and key.category in ("job", "total") else 1.0)
    return weights


def _protect_amounts(reg: Registry, values: np.ndarray, protected: np.ndarray, published: np.ndarray,
                     protection: Protection, min_cell: int, weights: np.ndarray) -> Protection:
    """Amounts add up over partnerships to 'ALL' as counts do: where exactly one partnership's
    youth count (and so its amounts) is hidden, hide the next smallest one's as well."""
    youths = {k.partnership_id: i for k, i in reg.index.items() if k.quantity == "savings_youths"}
    parts = [(values[i], i) for p, i in youths.items() if p != ALL and values[i] > 0]
    hidden_parts = [i for _, i in parts if protection.hidden[i]]
    if len(hidden_parts) != 1 or len(parts) < 2:
        return protection
    complement = min((v, i) for v, i in parts if not protection.hidden[i])[1]
    forced = protection.hidden.copy()
    forced[complement] = True
    return protect(values, protected, published, reg.relations, min_cell, forced=forced, weights=weights)


def build_release(con: duckdb.DuckDBPyConnection, min_cell: int) -> Release:
    """The release of the built models, written to the warehouse; the data tests run on it."""
    savings = read_savings_frames(con) if has_relation(con, "savings_summary") else None
    reg, partnerships = collect_statistics(read_outcome_frames(con), savings, read_comparison_frames(con))
    release = make_release(reg, partnerships, min_cell)
    write_release(con, release)
    run_release_checks(con)
    return release


def statistics_frame(release: Release) -> pd.DataFrame:
    frame = release.registry.frame()
    frame["hidden"] = release.hidden
    frame["primary_hidden"] = release.protection.primary
    frame["attacker_low"] = release.protection.low
    frame["attacker_high"] = release.protection.high
    return frame


def relations_frame(release: Release) -> pd.DataFrame:
    rows = [(r, member, coefficient, relation.kind)
            for r, relation in enumerate(release.registry.relations)
            for member, coefficient in zip(relation.members, relation.coefficients, strict=True)]
    return pd.DataFrame(rows, columns=["relation_id", "statistic_id", "coefficient", "kind"])


TABLE_SQL = {
    "published_cells": """
        select report, table_name, quantity, partnership_id, municipality_code, cohort,
               cast(month as bigint) as month, cast(year as bigint) as year, cast(export_date as date) as export_date,
               category, item, unit, cast(value as double) as value, cast(decimals as integer) as decimals,
               cast(hidden as boolean) as hidden, cast(denominator_n as bigint) as denominator_n,
               cast(statistic_id as bigint) as statistic_id
        from incoming""",
    "release_statistics": """
        select cast(statistic_id as bigint) as statistic_id, quantity, partnership_id, municipality_code, cohort,
               cast(month as bigint) as month, cast(year as bigint) as year, cast(export_date as date) as export_date,
               category, item, unit, cast(value as double) as value, protected, hidden, primary_hidden,
               attacker_low, attacker_high
        from incoming""",
    "release_relations": "select * from incoming",
}


def write_release(con: duckdb.DuckDBPyConnection, release: Release) -> None:
    frames = {
        "published_cells": release.cells,
        "release_statistics": statistics_frame(release),
        "release_relations": relations_frame(release),
    }
    for name, frame in frames.items():
        frame = frame.astype(object).where(frame.notna(), None)
        con.register("incoming", frame)
        try:
            con.execute(f"create or replace table {name} as {TABLE_SQL[name]}")
        finally:
            con.unregister("incoming")


def release_checks() -> list[tuple[str, str]]:
    """The release's data tests: (name, SQL returning failing rows), from pipeline/release/checks/."""
    folder = resources.files("pipeline.release").joinpath("checks")
    return sorted((path.name.removesuffix(".sql"), path.read_text(encoding="utf-8"))
                  for path in folder.iterdir() if path.name.endswith(".sql"))


def run_release_checks(con: duckdb.DuckDBPyConnection) -> None:
    """Every data test must return no rows; the first that does fails the build, named."""
    for name, sql in release_checks():
        failing = con.execute(f"select count(*) from ({sql.strip().rstrip(';')})").fetchall()[0][0]
        if failing:
            example = con.execute(f"select * from ({sql.strip().rstrip(';')}) limit 3").df().to_string(index=False)
            raise ReleaseCheckFailed(f"data test '{name}' failed on {failing} row(s):\n{example}")
