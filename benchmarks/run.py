"""Scale benchmark: synthetic exports of 1,600 to 1,000,000 youths through the pipeline.

    .venv/bin/python benchmarks/run.py [--sizes 1600,16000,100000,1000000] [--keep DIR]

Every step runs in its own process (the `joballiance` command itself where there is one),
so its wall time and its own peak resident memory (wait4's ru_maxrss) are measured alone:
generate, ingest, validate, build, savings, and the pandas reference against DuckDB for
the twelve-month outcome, employment rate and retention curve. The table goes to stdout
and to benchmarks/results.md with a description of the machine.
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

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results.md"
DEFAULT_SIZES = (1_600, 16_000, 100_000, 1_000_000)
REFERENCE_MODELS = ("outcome_12m", "outcome_12m_summary", "employment_rate_12m", "retention_curve")


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


def run_size(n_youths: int, work: Path) -> tuple[list[Step], dict]:
    """Every step for one size; returns the steps and the reference comparison."""
    exports, warehouse, logs = work / "exports", work / "warehouse.duckdb", work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    steps: list[Step] = []

    def step(name: str, command: list[str], rows: int, expect: tuple[int, ...] = (0,)) -> str:
        result, output = measured(name, command, rows, logs / f"{name}.log")
        if result.exit_code not in expect:
            raise SystemExit(f"{name} at {n_youths:,} youths ended with {result.exit_code}:\n{output[-3000:]}")
        steps.append(result)
        print(f"  {name:<10} {result.seconds:8.1f} s  {result.peak_rss_mib:8.0f} MiB", flush=True)
        return output

    counts = json.loads(step("generate", child("generate", str(n_youths), str(exports)), 0).splitlines()[-1])
    rows = counts["participants"] + counts["spells"]
    steps[-1].rows = rows
    step("ingest", cli("ingest", str(exports), "--warehouse", str(warehouse)), rows)
    step("validate", cli("validate", str(exports)), rows)
    step("build", cli("build", "--warehouse", str(warehouse)), rows)
    if savings_available():
        step("savings", cli("savings", "--warehouse", str(warehouse)), rows)
    comparison = json.loads(step("reference", child("compare", str(warehouse)), rows).splitlines()[-1])
    return steps, {**counts, **comparison}


def outcome_model(file_name: str) -> bool:
    """The outcome models are numbered below 50; the savings models (5x) are not timed here."""
    return int(file_name.split("_")[0]) < 50


def savings_available() -> bool:
    try:
        from pipeline.economics import savings_report  # noqa: F401
    except ImportError:
        return False
    return True


# ----------------------------------------------------------------------------- child steps


def generate(n_youths: int, target: Path) -> None:
    from synth import synthetic_cohort, write_exports

    participants, spells = synthetic_cohort(n_youths)
    write_exports(participants, spells, target)
    print(json.dumps({"participants": len(participants), "spells": len(spells)}))


def compare(warehouse: Path) -> None:
    """Time the pandas reference and the DuckDB models for the same four tables, and check they agree."""
    import duckdb
    import numpy as np

    from pipeline import pandas_reference as ref
    from pipeline.models import set_sql_variables, sql_models
    from pipeline.parameters import Parameters

    con = duckdb.connect(str(warehouse))
    gap_days = 31
    set_sql_variables(con, Parameters({"retention": {"gap_days": gap_days}}))
    inputs = ref.read_inputs(con)
    started = time.perf_counter()
    outcome = ref.outcome_12m(inputs)
    reference = {"outcome_12m": outcome, "outcome_12m_summary": ref.outcome_12m_summary(outcome),
                 "employment_rate_12m": ref.employment_rate_12m(outcome),
                 "retention_curve": ref.retention_curve(inputs, gap_days)}
    pandas_seconds = time.perf_counter() - started
    models = [m for m in sql_models() if outcome_model(m.path.name)
              and (m.materialisation == "view" or m.name in REFERENCE_MODELS or "attachment" in m.name)]
    started = time.perf_counter()
    for model in models:
        con.execute(model.statement())
    duckdb_seconds = time.perf_counter() - started
    agree = True
    for name, keys in (("outcome_12m_summary", ["partnership_id"]),
                       ("employment_rate_12m", ["partnership_id", "cohort"]),
                       ("retention_curve", ["partnership_id", "month"])):
        ours = reference[name].sort_values(keys).reset_index(drop=True)
        theirs = con.execute(f"select * from {name}").df().sort_values(keys).reset_index(drop=True)
        numeric = [c for c in ours.columns if c not in keys and np.issubdtype(ours[c].dtype, np.number)]
        agree &= len(ours) == len(theirs) and all(
            np.allclose(ours[c].astype(float), theirs[c].astype(float), atol=1e-9, rtol=0, equal_nan=True)
            for c in numeric)
    sql_outcome = con.execute("select count(*) filter (where observable), count(*) from outcome_12m").fetchone()
    agree &= sql_outcome == (int(outcome["observable"].sum()), len(outcome))
    con.close()
    print(json.dumps({"pandas_s": pandas_seconds, "duckdb_s": duckdb_seconds, "agree": bool(agree)}))


# ----------------------------------------------------------------------------- report


def machine() -> dict[str, str]:
    import duckdb
    import pandas

    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "0")
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    return {
        "cpus (nproc)": str(os.cpu_count()), "cpu": cpu, "memory": f"{int(memory) / 1024**2:.1f} GiB",
        "python": platform.python_version(), "duckdb": duckdb.__version__, "pandas": pandas.__version__,
        "os": platform.platform(), "date": dt.date.today().isoformat(),
    }


def markdown(results: dict[int, tuple[list[Step], dict]], about: dict[str, str]) -> str:
    lines = ["# Scale benchmark", "", "Measured by `make bench` (`benchmarks/run.py`): synthetic CSV exports "
             "(benchmarks/synth.py) of five partnerships, every step in its own process; peak RSS is that "
             "process's own maximum resident set (wait4). Rows = participant + spell rows.", "",
             "| machine | |", "|---|---|", *[f"| {k} | {v} |" for k, v in about.items()], "",
             "| youths | rows | step | wall s | rows/s | peak RSS MiB |", "|---:|---:|---|---:|---:|---:|"]
    for n, (steps, _) in results.items():
        for s in steps:
            rate = f"{s.rows / s.seconds:,.0f}" if s.rows and s.name != "generate" else ""
            lines.append(f"| {n:,} | {s.rows:,} | {s.name} | {s.seconds:.1f} | {rate} | {s.peak_rss_mib:,.0f} |")
    lines += ["", "Twelve-month outcome + summary + employment rate + retention curve, computed by the plain-"
              "pandas reference (pipeline/pandas_reference.py) and by the SQL models in DuckDB, from the same "
              "loaded tables:", "", "| youths | pandas s | DuckDB s | pandas / DuckDB | tables agree (1e-9) |",
              "|---:|---:|---:|---:|---|"]
    for n, (_, c) in results.items():
        lines.append(f"| {n:,} | {c['pandas_s']:.2f} | {c['duckdb_s']:.2f} | "
                     f"{c['pandas_s'] / max(c['duckdb_s'], 1e-9):.1f} | {'yes' if c['agree'] else 'NO'} |")
    lines += ["", "Ingest + build of the largest size: "]
    largest = max(results)
    by_name = {s.name: s for s in results[largest][0]}
    total = by_name["ingest"].seconds + by_name["build"].seconds
    peak = max(s.peak_rss_mib for s in results[largest][0] if s.name != "generate")
    lines[-1] += (f"{total:.0f} s for {largest:,} youths (target: under 180 s); highest peak RSS of a pipeline "
                  f"step {peak / 1024:.1f} GiB (target: under 8 GiB).")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="numbers of youths, comma separated")
    parser.add_argument("--keep", type=Path, help="keep the exports and warehouses under this folder")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the Markdown table")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        generate(int(rest[0]), Path(rest[1])) if kind == "generate" else compare(Path(rest[0]))
        return
    base = args.keep or Path(tempfile.mkdtemp(prefix="joballiance-bench-"))
    results = {}
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            print(f"{n:,} youths", flush=True)
            work = base / f"n{n}"
            shutil.rmtree(work, ignore_errors=True)
            results[n] = run_size(n, work)
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
