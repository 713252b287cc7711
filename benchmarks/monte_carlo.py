"""Time the Monte Carlo run: 10,000 draws of the savings model for every partnership.

    .venv/bin/python benchmarks/monte_carlo.py [--draws N] [--youths N] [--warehouse PATH]

Uses the warehouse given with --warehouse (a built one, opened read-only); otherwise it
builds an in-memory warehouse from synthetic exports (five partnerships, --youths each,
a deterministic random history of job, education and benefit spells) and times that.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import duckdb
import numpy as np

from pipeline import config
from pipeline.economics import savings_report
from pipeline.economics.engine import cohorts_from_frames, structure_from_values
from pipeline.economics.montecarlo import monte_carlo_summary
from pipeline.economics.store import COHORT_MODEL, DISTRIBUTION_MODEL
from pipeline.models import run_sql_models
from pipeline.parameters import Parameters, load_parameters, status_categories
from pipeline.reference import load_reference

EXPORT_DATE = dt.date(2024, 9, 30)
STATUS_WEIGHTS = {
    "ordinary_job": 0.30, "flexjob": 0.30, "pension_wage_subsidy": 0.05, "protected_employment": 0.03,
    "education": 0.04, "in_programme": 0.08, "cash_benefit": 0.08, "resource_programme": 0.04,
    "disability_pension": 0.05, "sickness_benefit": 0.03,
}


def synthetic_warehouse(params: Parameters, youths: int, seed: int = 1) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse with synthetic exports, models built."""
    rng = np.random.default_rng(seed)
    con = duckdb.connect()
    con.execute((config.PROJECT_ROOT / "pipeline" / "warehouse_schema.sql").read_text(encoding="utf-8"))
    category = status_categories()
    statuses, weights = list(STATUS_WEIGHTS), np.array(list(STATUS_WEIGHTS.values()))
    participants, spells = [], []
    for partnership in load_reference().partnerships["partnership_id"]:
        export_id = f"{partnership}-bench"
        con.execute("insert into exports_loaded values (?, ?, ?, 'synthetic', '-', now(), 0, 0, 0, true, null)",
                    [export_id, partnership, EXPORT_DATE])
        for i in range(youths):
            end = EXPORT_DATE - dt.timedelta(days=int(rng.integers(0, 5 * 365)))
            pid = f"{partnership}-{i}"
            participants.append((pid, partnership, end - dt.timedelta(days=3 * 365), end, export_id))
            start = end + dt.timedelta(days=int(rng.integers(1, 60)))
            while start <= EXPORT_DATE:
                status = statuses[rng.choice(len(statuses), p=weights / weights.sum())]
                stop = start + dt.timedelta(days=int(rng.integers(60, 900)))
                spells.append((pid, status, category[status], start, None if stop > EXPORT_DATE else stop, export_id))
                start = stop + dt.timedelta(days=int(rng.integers(1, 45)))
    con.executemany("insert into participants_all (participant_id, partnership_id, municipality_code, "
                    "stu_start_date, stu_end_date, export_id) values (?, ?, '851', ?, ?, ?)", participants)
    con.executemany("insert into spells_all (participant_id, status, category, start_date, end_date, export_id) "
                    "values (?, ?, ?, ?, ?, ?)", spells)
    run_sql_models(con, params)
    return con


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--youths", type=int, default=200, help="synthetic youths per partnership")
    parser.add_argument("--warehouse", type=Path, help="a built warehouse to use instead of synthetic data")
    parser.add_argument("--params", type=Path, default=config.PARAMS_PATH)
    args = parser.parse_args()
    params = load_parameters(args.params)
    started = time.perf_counter()
    if args.warehouse:
        con = duckdb.connect(str(args.warehouse), read_only=True)
        origin = str(args.warehouse)
    else:
        con = synthetic_warehouse(params, args.youths)
        origin = f"synthetic, {args.youths} youths × 5 partnerships"
    print(f"warehouse: {origin} (ready in {time.perf_counter() - started:.2f} s)")
    structure = structure_from_values(params.values)
    cohorts = cohorts_from_frames(
        con.execute(f"select * from {COHORT_MODEL}").df(),
        con.execute(f"select * from {DISTRIBUTION_MODEL}").df(),
        structure.horizon,
    )
    seed = int(params.get("uncertainty.seed", 0))
    monte_carlo_summary(cohorts, structure, params.values, 10, seed)  # warm-up
    started = time.perf_counter()
    summary = monte_carlo_summary(cohorts, structure, params.values, args.draws, seed)
    engine_seconds = time.perf_counter() - started
    started = time.perf_counter()
    savings_report(con, params, args.draws)
    report_seconds = time.perf_counter() - started
    print(f"{args.draws:,} draws × {len(cohorts.partnership_ids)} partnerships × {structure.horizon} years: "
          f"{engine_seconds:.3f} s (Monte Carlo alone), {report_seconds:.3f} s (whole savings_report)")
    every = summary[summary["partnership_id"] == "ALL"].iloc[0]
    print(f"'ALL' NPV: mean {every['mean_npv_dkk']:,.0f} DKK, 90 % interval "
          f"{every['p5_npv_dkk']:,.0f} – {every['p95_npv_dkk']:,.0f}, P(NPV > 0) = {every['prob_npv_positive']:.3f}")


if __name__ == "__main__":
    main()
