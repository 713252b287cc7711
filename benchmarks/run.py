"""Scale benchmark: synthetic exports of 1,600 to 1,000,000 youths, the pipeline against its floor and peers.

    .venv/bin/python benchmarks/run.py [--large] [--sizes 1600,16000,100000] [--keep DIR]

For each size, in one run and on the same CSV files: a bare DuckDB load of the CSVs (the
floor: what reading the bytes costs), the project's own commands (ingest, validate, build,
savings), and the four outcome tables (outcome_12m, outcome_12m_summary, employment_rate_12m,
retention_curve) computed from the same loaded rows by the SQL models in DuckDB, the pandas
reference (tests/pandas_reference.py) and polars (benchmarks/polars_outcomes.py), checked to
be identical. Every step runs in its own process, so its wall time and its own peak resident
memory (wait4's ru_maxrss) are measured alone. Prints ratios to the floor and to the peers
and the growth from one size to the next; writes benchmarks/results.md with the machine.
`--large` adds 1,000,000 youths (minutes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results.md"
DEFAULT_SIZES = (1_600, 16_000, 100_000)
LARGE_SIZE = 1_000_000
REFERENCE_MODELS = ("outcome_12m", "outcome_12m_summary", "employment_rate_12m", "retention_curve")
KEYS = {"outcome_12m": ["partnership_id", "participant_id"], "outcome_12m_summary": ["partnership_id"],
        "employment_rate_12m": ["partnership_id", "cohort"], "retention_curve": ["partnership_id", "month"]}
PIPELINE_STEPS = ("ingest", "validate", "build", "savings", "report")


@dataclass
class Step:
    name: str
    seconds: float
    peak_rss_mib: float
    exit_code: int
    rows: int


def measured(name: str, command: list[str], rows: int, log: Path) -> tuple[Step, str]:
    """Run one step in a child process; its wall time, peak RSS and output."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "COLUMNS": "200"}
    with log.open("w+") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    return Step(name, seconds, usage.ru_maxrss / 1024, process.returncode, rows), output


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", *args]


def child(*args: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child", *args]


def run_size(n_youths: int, work: Path, only: set[str] | None = None) -> tuple[list[Step], dict]:
    """Every step for one size (or, with `only`, the generation, the floor and those steps);
    returns the steps and the peer comparison."""
    exports, warehouse, logs = work / "exports", work / "warehouse.duckdb", work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    steps: list[Step] = []

    def step(name: str, command: list[str], rows: int, expect: tuple[int, ...] | None = (0,)) -> str:
        if only is not None and name not in only | {"generate", "floor"}:
            return "{}"
        result, output = measured(name, command, rows, logs / f"{name}.log")
        if expect is not None and result.exit_code not in expect:
            raise SystemExit(f"{name} at {n_youths:,} youths ended with {result.exit_code}:\n{output[-3000:]}")
        steps.append(result)
        print(f"  {name:<10} {result.seconds:8.1f} s  {result.peak_rss_mib:8.0f} MiB"
              + (f"  (exit {result.exit_code})" if result.exit_code else ""), flush=True)
        return output

    counts = json.loads(step("generate", child("generate", str(n_youths), str(exports)), 0).splitlines()[-1])
    rows = counts["participants"] + counts["spells"]
    steps[-1].rows = rows
    step("floor", child("floor", str(exports), str(work / "floor.duckdb")), rows)
    step("ingest", cli("ingest", str(exports), "--warehouse", str(warehouse)), rows)
    # a command that fails is recorded with its exit code (and its log kept under --keep), and the
    # run goes on: the floor, the SQL models and the peers are still measured
    step("validate", cli("validate", str(exports)), rows, expect=None)
    step("build", cli("build", "--warehouse", str(warehouse)), rows, expect=None)
    step("models", child("models", str(warehouse)), rows)
    step("savings", cli("savings", "--warehouse", str(warehouse)), rows, expect=None)
    # the reports render PDFs with a browser; a failure there is recorded (exit code), not fatal
    step("report", cli("report", "--warehouse", str(warehouse), "--out", str(work / "reports")), rows, expect=None)
    # what `report` computes, without the rendering (benchmarks/report_data.py)
    report_data = json.loads(step("report data", [sys.executable, str(HERE / "report_data.py"), str(warehouse)],
                                  rows).splitlines()[-1])
    comparison = json.loads(step("peers", child("compare", str(warehouse)), rows).splitlines()[-1])
    return steps, {**counts, **comparison, "report_data": report_data}


# ----------------------------------------------------------------------------- child steps


def generate(n_youths: int, target: Path) -> None:
    from synth import synthetic_cohort, write_exports

    participants, spells = synthetic_cohort(n_youths)
    write_exports(participants, spells, target)
    print(json.dumps({"participants": len(participants), "spells": len(spells)}))


def floor(exports: Path, database: Path) -> None:
    """The floor: DuckDB's own CSV reader loads every file of every export into a table, with
    nothing checked, mapped or pseudonymised (the same encodings and separators as ingest meets)."""
    import duckdb

    con = duckdb.connect(str(database))
    for number, path in enumerate(sorted(exports.glob("*/*.csv"))):
        danish = path.read_bytes()[:200].count(b";") > 0
        options = ", delim = ';', encoding = 'latin-1'" if danish else ", delim = ','"
        con.execute(f"create table t{number} as select * from read_csv('{path}', header = true, all_varchar = false"
                    f"{options})")
    con.close()


def models(warehouse: Path) -> None:
    """The SQL models alone (pipeline/models/sql, what `build` runs before the economics and the
    release), rebuilt on the built warehouse, so their share of `build` can be told apart."""
    from pipeline import config
    from pipeline.models import run_sql_models
    from pipeline.parameters import load_parameters
    from pipeline.warehouse import connect

    con = connect(warehouse)
    run_sql_models(con, load_parameters(config.PARAMS_PATH))
    con.close()


def _same(ours, theirs, keys: list[str]) -> bool:  # noqa: ANN001 - two pandas frames
    """Identical tables: same rows by key, same text, numbers within 1e-9, same dates."""
    import numpy as np
    import pandas as pd

    ours = ours.sort_values(keys).reset_index(drop=True)
    theirs = theirs.sort_values(keys).reset_index(drop=True)
    if len(ours) != len(theirs):
        return False
    for column in ours.columns:
        a, b = ours[column], theirs[column]
        if column.endswith("date"):
            a, b = pd.to_datetime(a), pd.to_datetime(b)
            if not ((a == b) | (a.isna() & b.isna())).all():
                return False
        elif pd.api.types.is_numeric_dtype(a) and not pd.api.types.is_bool_dtype(a):
            if not np.allclose(a.astype(float), b.astype(float), atol=1e-9, rtol=0, equal_nan=True):
                return False
        elif list(a.astype(str)) != list(b.astype(str)):
            return False
    return True


def compare(warehouse: Path) -> None:
    """Time the four outcome tables in DuckDB (the SQL models), pandas and polars from the same
    loaded rows, and check the three give identical tables. The SQL models write their tables into
    the warehouse (the pipeline must: every later step reads them there), so each peer's time
    includes writing its four tables into the warehouse too (`*_compute_s`: without the writing)."""
    import pandas_reference as ref
    from polars_outcomes import polars_tables
    from polars_outcomes import read_inputs as polars_inputs

    from pipeline.models import set_sql_variables, sql_models
    from pipeline.parameters import Parameters
    from pipeline.warehouse import connect

    con = connect(warehouse)
    gap_days = 31
    set_sql_variables(con, Parameters({"retention": {"gap_days": gap_days}}))
    inputs = ref.read_inputs(con)
    started = time.perf_counter()
    outcome = ref.outcome_12m(inputs)
    pandas_tables = {"outcome_12m": outcome, "outcome_12m_summary": ref.outcome_12m_summary(outcome),
                     "employment_rate_12m": ref.employment_rate_12m(outcome),
                     "retention_curve": ref.retention_curve(inputs, gap_days)}
    pandas_compute = time.perf_counter() - started
    _write_peer_tables(con, "pandas", pandas_tables)
    pandas_seconds = time.perf_counter() - started
    del inputs
    polars_in = polars_inputs(con)
    started = time.perf_counter()
    polars_result = polars_tables(polars_in, gap_days)
    polars_compute = time.perf_counter() - started
    _write_peer_tables(con, "polars", {name: frame.to_arrow() for name, frame in polars_result.items()})
    polars_seconds = time.perf_counter() - started
    del polars_in
    models = [m for m in sql_models() if int(m.path.name.split("_")[0]) < 50
              and (m.materialisation == "view" or m.name in REFERENCE_MODELS or "attachment" in m.name)]
    started = time.perf_counter()
    con.execute("begin transaction")  # as `joballiance build` runs them: one transaction, one commit
    for model in models:
        con.execute(model.statement())
    con.execute("commit")
    duckdb_seconds = time.perf_counter() - started
    duckdb_compute = _duckdb_computing_only(con, models)
    agree_pandas = agree_polars = True
    for name, keys in KEYS.items():
        ours = con.execute(f"select * from {name}").df()
        columns = [c for c in ours.columns if c in pandas_tables[name].columns]
        agree_pandas &= _same(pandas_tables[name][columns], ours[columns], keys)
        agree_polars &= _same(polars_result[name].to_pandas()[columns], ours[columns], keys)
    for peer in ("pandas", "polars"):
        for name in KEYS:
            con.execute(f"drop table {peer}_{name}")
    con.close()
    print(json.dumps({"pandas_s": pandas_seconds, "polars_s": polars_seconds, "duckdb_s": duckdb_seconds,
                      "pandas_compute_s": pandas_compute, "polars_compute_s": polars_compute,
                      "duckdb_compute_s": duckdb_compute,
                      "pandas_agree": bool(agree_pandas), "polars_agree": bool(agree_polars)}))


def _duckdb_computing_only(con: duckdb.DuckDBPyConnection, models: list) -> float:
    """The same models computed into in-memory temporary tables (each shadowing its warehouse
    table for the models after it), as the peers hold their frames: DuckDB's computing alone."""
    tables = [m for m in models if m.materialisation == "table"]
    started = time.perf_counter()
    for model in tables:
        con.execute(f"create or replace temp table {model.name} as\n{model.select()}")
    seconds = time.perf_counter() - started
    for model in tables:
        con.execute(f"drop table temp.{model.name}")
    return seconds


def _write_peer_tables(con: duckdb.DuckDBPyConnection, peer: str, tables: dict[str, object]) -> None:
    """Write a peer's frames into the warehouse as tables `<peer>_<table>`, as the SQL models write theirs."""
    con.execute("begin transaction")
    for name, frame in tables.items():
        con.register("peer_frame", frame)
        con.execute(f"create or replace table {peer}_{name} as select * from peer_frame")
        con.unregister("peer_frame")
    con.execute("commit")


# ----------------------------------------------------------------------------- report


def machine() -> dict[str, str]:
    import duckdb
    import pandas
    import polars

    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "0")
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    return {
        "cpus (nproc)": str(os.cpu_count()), "cpu": cpu, "memory": f"{int(memory) / 1024**2:.1f} GiB",
        "python": platform.python_version(), "duckdb": duckdb.__version__, "pandas": pandas.__version__,
        "polars": polars.__version__, "os": platform.platform(), "date": dt.date.today().isoformat(),
        # other work on the machine slows every step: the 1-, 5- and 15-minute load at the end
        "load average (end)": " / ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def markdown(results: dict[int, tuple[list[Step], dict]], about: dict[str, str]) -> str:
    from pipeline.warehouse import memory_limit

    lines = ["# Scale benchmark", "", "Measured by `make bench` (`benchmarks/run.py`, `--large` for 1,000,000 youths): "
             "synthetic CSV exports (benchmarks/synth.py) of five partnerships, every step in its own process; "
             "peak RSS is that process's own maximum resident set (wait4). Rows = participant + spell rows. "
             "*floor* = DuckDB's CSV reader loading the same files into tables, nothing checked; *models* = the "
             "SQL models alone (the part of *build* before the economics and the release), rebuilt on the built "
             "warehouse. "
             f"DuckDB memory limit of the pipeline: {memory_limit()}, 2 threads.", "",
             "| machine | |", "|---|---|", *[f"| {k} | {v} |" for k, v in about.items()], "",
             "| youths | rows | step | wall s | × floor | growth × | rows/s | peak RSS MiB |",
             "|---:|---:|---|---:|---:|---:|---:|---:|"]
    previous: dict[str, float] = {}
    for n, (steps, _) in results.items():
        floor_s = next(s.seconds for s in steps if s.name == "floor")
        for s in steps:
            rate = f"{s.rows / s.seconds:,.0f}" if s.rows and s.name != "generate" else ""
            growth = f"{s.seconds / previous[s.name]:.1f}" if s.name in previous else ""
            ratio = f"{s.seconds / floor_s:.1f}" if s.name != "generate" else ""
            name = s.name if s.exit_code == 0 else f"{s.name} (exit {s.exit_code})"
            lines.append(f"| {n:,} | {s.rows:,} | {name} | {s.seconds:.1f} | {ratio} | {growth} | {rate} | "
                         f"{s.peak_rss_mib:,.0f} |")
        previous = {s.name: s.seconds for s in steps}
    lines += ["", "The four outcome tables (outcome_12m, outcome_12m_summary, employment_rate_12m, retention_curve) "
              "from the same loaded rows: the SQL models in DuckDB, the pandas reference (tests/pandas_reference.py) "
              "and polars (benchmarks/polars_outcomes.py); times exclude reading the rows into frames and include "
              "writing the four tables into the warehouse (the SQL models do; the peers' frames are written the same "
              "way):", "",
              "| youths | DuckDB s | pandas s | polars s | pandas / DuckDB | polars / DuckDB | computing only: "
              "DuckDB / polars s (polars / DuckDB) | identical (1e-9) |",
              "|---:|---:|---:|---:|---:|---:|---:|---|"]
    for n, (_, c) in results.items():
        if "duckdb_s" not in c:  # the peers were not run (--steps)
            continue
        same = "yes" if c["pandas_agree"] and c["polars_agree"] else (
            f"pandas {'yes' if c['pandas_agree'] else 'NO'}, polars {'yes' if c['polars_agree'] else 'NO'}")
        lines.append(f"| {n:,} | {c['duckdb_s']:.2f} | {c['pandas_s']:.2f} | {c['polars_s']:.2f} | "
                     f"{c['pandas_s'] / max(c['duckdb_s'], 1e-9):.1f} | "
                     f"{c['polars_s'] / max(c['duckdb_s'], 1e-9):.1f} | {c['duckdb_compute_s']:.2f} / "
                     f"{c['polars_compute_s']:.2f} ({c['polars_compute_s'] / max(c['duckdb_compute_s'], 1e-9):.1f}) "
                     f"| {same} |")
    largest = max(results)
    by_name = {s.name: s for s in results[largest][0]}
    if not {"ingest", "build", "models", "savings"} <= set(by_name):  # a partial run (--steps)
        return "\n".join([*lines, "", NOTES]) + "\n"
    floor_s = by_name["floor"].seconds
    total = by_name["ingest"].seconds + by_name["build"].seconds
    with_models = by_name["ingest"].seconds + by_name["models"].seconds
    peak = max(s.peak_rss_mib for s in results[largest][0] if s.name in PIPELINE_STEPS)
    failed = [f"{s.name} (exit {s.exit_code})" for s in results[largest][0] if s.exit_code]
    lines += ["", f"Largest size, {largest:,} youths: ingest + build {total:.1f} s = {total / floor_s:.1f} × the "
              f"floor ({floor_s:.1f} s); ingest + SQL models {with_models:.1f} s = {with_models / floor_s:.1f} × the "
              f"floor; savings {by_name['savings'].seconds:.1f} s; report data preparation "
              f"{results[largest][1].get('report_data', {}).get('total', float('nan')):.1f} s (rendering excluded; "
              f"{by_name['report data'].seconds if 'report data' in by_name else float('nan'):.1f} s with Python's "
              f"start and imports; benchmarks/report_data.py); highest peak RSS of a pipeline command "
              f"{peak / 1024:.2f} GiB." + (f" Failed: {', '.join(failed)} (see the step logs)." if failed else "")]
    lines += ["", NOTES]
    return "\n".join(lines) + "\n"


NOTES = """Reading the table: *build* is the whole command (SQL models, comparison group, economics, the
release with its disclosure control); *models* re-runs only the SQL models on the built warehouse
(replacing tables, so a little more than their share of *build*). *savings* and *report* spend much
of their time in the release's disclosure control and in rendering, not in DuckDB. *peers* is the
process that times DuckDB, pandas and polars on the four outcome tables and holds all three
results at once, so its peak RSS is not a pipeline command's. The machine's other work slows every
step (see its load average above); ratios within one size are measured minutes apart."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="numbers of youths, comma separated")
    parser.add_argument("--large", action="store_true", help=f"add {LARGE_SIZE:,} youths (takes minutes)")
    parser.add_argument("--keep", type=Path, help="keep the exports and warehouses under this folder")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the Markdown table")
    parser.add_argument("--steps", help="only these steps (comma separated, e.g. ingest,validate); the "
                        "generation and the floor always run")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path[:0] = [str(HERE), str(ROOT / "tests"), str(ROOT)]  # synth, polars_outcomes, pandas_reference
    if args.child:
        kind, *rest = args.child
        if kind == "generate":
            generate(int(rest[0]), Path(rest[1]))
        elif kind == "floor":
            floor(Path(rest[0]), Path(rest[1]))
        elif kind == "models":
            models(Path(rest[0]))
        else:
            compare(Path(rest[0]))
        return
    sizes = [int(s) for s in args.sizes.split(",")] + ([LARGE_SIZE] if args.large else [])
    base = args.keep or Path(tempfile.mkdtemp(prefix="joballiance-bench-"))
    results = {}
    try:
        for n in sizes:
            print(f"{n:,} youths", flush=True)
            work = base / f"n{n}"
            shutil.rmtree(work, ignore_errors=True)
            results[n] = run_size(n, work, set(args.steps.split(",")) if args.steps else None)
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    text = markdown(results, machine())
    args.results.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
