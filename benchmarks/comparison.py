"""Benchmark: a comparison extract of 100,000 youths with ten years of weekly codes, ingested
and weighted (the issue's target: under a minute on 2 cores). Prints the time of each step.

Run: .venv/bin/python benchmarks/comparison.py [--youths 100000] [--replicates 200]
Not a timed test: the figure depends on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

from pipeline import warehouse
from pipeline.cli import ingest_paths
from pipeline.comparison.demo import META_ROWS, comparison_youths, register_frames
from pipeline.comparison.register import read_register_export
from pipeline.comparison.store import comparison_status_matrix
from pipeline.comparison.weighting import covariate_frame, fit_weights
from pipeline.comparison.youth_months import youth_months
from pipeline.demo import build_cohort
from pipeline.parameters import status_codes
from pipeline.reference import load_reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--youths", type=int, default=100_000)
    parser.add_argument("--replicates", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "register"
        folder.mkdir()
        started = time.perf_counter()
        participants, status, mondays = comparison_youths(args.youths, seed=1, cohorts=(2014, 2023))
        pd.DataFrame(META_ROWS, columns=["key", "value"]).to_csv(folder / "meta.csv", index=False)
        register_frames(participants, status, mondays).to_csv(folder / "weekly.csv", index=False)
        size = (folder / "weekly.csv").stat().st_size
        print(f"generated {args.youths:,} youths × {len(mondays)} weeks ({size / 1e6:.0f} MB) "
              f"in {time.perf_counter() - started:.1f} s (not counted)")

        timings: dict[str, float] = {}
        clock = time.perf_counter()
        raw = read_register_export(folder)
        timings["(of which: weekly.csv → spells)"] = time.perf_counter() - clock
        clock = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            code = ingest_paths([folder], Path(tmp) / "bench.duckdb")
        timings["joballiance ingest (read, validate, load)"] = time.perf_counter() - clock
        con = warehouse.connect(Path(tmp) / "bench.duckdb")
        loaded = con.execute("select count(*) from comparison_participants").fetchone()[0]
        if code != 0 or loaded != args.youths:
            raise SystemExit(f"the ingest did not load the extract (exit code {code}, {loaded} youths loaded)")

        clock = time.perf_counter()
        comparison = con.execute("select p.*, e.export_date from comparison_participants p "
                                 "join comparison_current_exports e using (export_id)").df()
        programme, _ = build_cohort()
        programme = programme.dropna(subset=["stu_end_date", "birth_year", "sex"])
        municipalities = load_reference().municipalities
        region_of = dict(zip(municipalities["municipality_code"], municipalities["region"], strict=True))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            weighting = fit_weights(covariate_frame(programme, region_of), covariate_frame(comparison, region_of))
        timings["weights and balance"] = time.perf_counter() - clock

        clock = time.perf_counter()
        spells = con.execute("select participant_id, export_id, status, category, start_date, end_date "
                             "from comparison_spells").df()
        matrix = comparison_status_matrix(comparison, spells, 120)
        youth_months(matrix, 10, len(status_codes()))
        timings["youth-months, 10 years (beyond the target)"] = time.perf_counter() - clock

        for step, seconds in timings.items():
            print(f"{step:<45} {seconds:6.1f} s")
        core = sum(v for k, v in timings.items() if "beyond" not in k and not k.startswith("("))
        print(f"{'ingested and weighted':<45} {core:6.1f} s  (effective n {weighting.effective_n:,.0f}, "
              f"{len(raw.spells.frame):,} spells)")


if __name__ == "__main__":
    main()
