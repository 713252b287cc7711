"""Faults: `joballiance ingest` killed at random moments, two ingests at once, a warehouse
that cannot be written, a full disk. The warehouse is always exactly the one before or
the one after; the user gets a sentence and an exit code, never a traceback."""

from __future__ import annotations

import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline import warehouse as wh
from pipeline.cli import app

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, "-m", "pipeline.cli", "ingest", "--lang", "en"]
TIMESTAMPS = {"ingested_at", "attempted_at"}  # differ between two runs by their nature
# The ordinary size, and a 100,000-youth export (300,000 rows) where the load is a real bulk
# write: there the warehouse is compared by a fingerprint per table, and fewer kills are tried.
SIZES = [pytest.param(12_000, id="12k"), pytest.param(100_000, id="100k", marks=pytest.mark.slow)]
KILLS = {12_000: 20, 100_000: 6}
LARGE = 100_000
runner = CliRunner(env={"LANG": "en_US.UTF-8"})  # English messages (the LANG rule)


def write_export(folder: Path, n_youths: int, partnership_id: str = "mou-hotel-aalborg") -> Path:
    """A valid CSV export of n youths with two spells each (one youth in 50 quarantined)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "meta.csv").write_text(f"key;value\npartnership_id;{partnership_id}\nexport_date;2024-09-30\n")
    youths = ["participant_id;municipality_code;stu_start_date;stu_end_date"]
    spells = ["participant_id;status;start_date;end_date;hours_per_week"]
    for i in range(n_youths):
        youths.append(f"Y{i:06d};{'851' if i % 50 else '999'};2019-08-01;2022-06-30")
        spells.append(f"Y{i:06d};i forløb;2019-08-01;2022-06-30;")
        spells.append(f"Y{i:06d};fleksjob;2022-08-{1 + i % 28:02d};;{10 + i % 20}")
    (folder / "participants.csv").write_text("\n".join(youths) + "\n")
    (folder / "spells.csv").write_text("\n".join(spells) + "\n")
    return folder


def _columns(con: duckdb.DuckDBPyConnection, base_tables_only: bool) -> dict[str, list[str]]:
    """Each table (and view, unless base_tables_only) with its columns, wall-clock columns left out."""
    kind = "where table_type = 'BASE TABLE' " if base_tables_only else ""
    tables = [r[0] for r in con.execute(f"select table_name from information_schema.tables {kind}"
                                        "order by table_name").fetchall()]
    return {table: [r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_name = ? order by ordinal_position",
        [table]).fetchall() if r[0] not in TIMESTAMPS] for table in tables}


def dump(warehouse: Path) -> dict[str, list[tuple]]:
    """Every table and view, rows sorted; only the wall-clock columns are left out."""
    con = duckdb.connect(str(warehouse))
    try:
        return {table: sorted(con.execute(f"select {', '.join(columns)} from {table}").fetchall(), key=repr)
                for table, columns in _columns(con, base_tables_only=False).items()}
    finally:
        con.close()


def fingerprint(warehouse: Path) -> dict[str, tuple]:
    """Every table's row count and an order-free hash of its rows (wall-clock columns left out):
    equal for the same rows, cheap on a large warehouse."""
    con = duckdb.connect(str(warehouse))
    try:
        return {table: con.execute(f"select count(*), sum(hash({', '.join(columns)})::hugeint) from {table}"
                                   ).fetchone()
                for table, columns in _columns(con, base_tables_only=True).items()}
    finally:
        con.close()


def snapshot(warehouse: Path, n_youths: int) -> dict:
    """The warehouse's state: every row for the ordinary size, a fingerprint for the large one."""
    return fingerprint(warehouse) if n_youths >= LARGE else dump(warehouse)


def ingest_process(export: Path, warehouse: Path) -> subprocess.Popen:
    return subprocess.Popen([*COMMAND, str(export), "--warehouse", str(warehouse)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.fixture(scope="module", params=SIZES)
def states(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A warehouse before (one small export loaded), the export to ingest, and the state after."""
    n_youths = request.param
    base = tmp_path_factory.mktemp("faults")
    before = base / "before.duckdb"
    first = write_export(base / "first", 20, "pmu-morsoe")
    assert subprocess.run([*COMMAND, str(first), "--warehouse", str(before)], cwd=ROOT,
                          capture_output=True).returncode == 3
    export = write_export(base / "big", n_youths)
    after = base / "after.duckdb"
    shutil.copy(before, after)
    started = time.monotonic()
    finished = ingest_process(export, after)
    output, _ = finished.communicate()
    assert finished.returncode == 3, output
    return {"base": base, "before": before, "export": export, "seconds": time.monotonic() - started,
            "n_youths": n_youths, "before_dump": snapshot(before, n_youths), "after_dump": snapshot(after, n_youths)}


def test_sigkill_at_random_moments_leaves_before_or_after(states: dict) -> None:
    rng = random.Random(20240930)
    seen = {"before": 0, "after": 0}
    trials = KILLS[states["n_youths"]]
    for trial in range(trials):
        warehouse = states["base"] / f"kill{trial}.duckdb"
        shutil.copy(states["before"], warehouse)
        process = ingest_process(states["export"], warehouse)
        # half of the kills aimed at the end of the run, where the transaction is written
        time.sleep((rng.uniform(0.8, 1.0) if trial % 2 else rng.uniform(0.3, 1.05)) * states["seconds"])
        process.send_signal(signal.SIGKILL)
        process.communicate()
        state = snapshot(warehouse, states["n_youths"])
        if state == states["before_dump"]:
            seen["before"] += 1
        else:
            assert state == states["after_dump"], f"trial {trial}: a state that is neither before nor after"
            seen["after"] += 1
        for leftover in warehouse.parent.glob(f"{warehouse.name}*"):
            leftover.unlink()
    print(f"SIGKILL outcomes: {seen}")
    assert sum(seen.values()) == trials


def test_two_concurrent_ingests_are_serialised(states: dict) -> None:
    warehouse = states["base"] / "concurrent.duckdb"
    shutil.copy(states["before"], warehouse)
    processes = [ingest_process(states["export"], warehouse) for _ in range(2)]
    outputs = [p.communicate(timeout=300)[0] for p in processes]
    codes = sorted(p.returncode for p in processes)
    assert codes == [0, 3], outputs  # one loads (with its quarantined rows), the other finds it done
    assert sum("already ingested" in o for o in outputs) == 1, outputs
    assert all("Traceback" not in o for o in outputs)
    assert snapshot(warehouse, states["n_youths"]) == states["after_dump"]


def test_a_warehouse_in_a_folder_that_cannot_be_created(tmp_path: Path) -> None:
    export = write_export(tmp_path / "e", 3)
    result = runner.invoke(app, ["ingest", str(export), "--warehouse", "/proc/joballiance/w.duckdb"])
    assert result.exit_code == 2
    assert "cannot create the folder /proc/joballiance" in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


def test_a_warehouse_file_that_cannot_be_written(tmp_path: Path) -> None:
    export = write_export(tmp_path / "e", 3)
    for target in ("/proc/version", str(tmp_path)):  # a read-only file (even for root); a folder
        result = runner.invoke(app, ["ingest", str(export), "--warehouse", target])
        assert result.exit_code == 2, result.output
        assert "cannot open the warehouse" in result.output or "cannot write to the warehouse" in result.output
        assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


def test_a_full_disk_changes_nothing(tmp_path: Path) -> None:
    """The warehouse's write-ahead log on /dev/full: every write fails with ENOSPC."""
    export = write_export(tmp_path / "e", 30)
    warehouse = tmp_path / "w.duckdb"
    wh.connect(warehouse).close()
    before = dump(warehouse)
    (tmp_path / "w.duckdb.wal").symlink_to("/dev/full")
    process = subprocess.run([*COMMAND, str(export), "--warehouse", str(warehouse)], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    output = process.stdout + process.stderr
    assert process.returncode == 2, output
    assert "No space left on device" in output and "Traceback" not in output
    (tmp_path / "w.duckdb.wal").unlink()
    assert dump(warehouse) == before


@pytest.mark.parametrize("n_youths", [pytest.param(30, id="30"), pytest.param(LARGE, id="100k",
                                                                            marks=pytest.mark.slow)])
def test_a_disk_that_fills_during_the_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n_youths: int) -> None:
    export = write_export(tmp_path / "e", n_youths)
    warehouse = tmp_path / "w.duckdb"
    wh.connect(warehouse).close()
    before = dump(warehouse)
    original = wh._insert_export

    def full(con: duckdb.DuckDBPyConnection, export: object, now: object) -> str:
        original(con, export, now)
        raise duckdb.IOException('Could not write file "w.duckdb.wal": No space left on device')

    monkeypatch.setattr(wh, "_insert_export", full)
    result = runner.invoke(app, ["ingest", str(export), "--warehouse", str(warehouse)])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.exception
    assert "could not write to the warehouse" in result.output and "No space left on device" in result.output
    assert dump(warehouse) == before


@pytest.mark.slow
def test_a_disk_that_fills_in_the_middle_of_a_large_load(tmp_path: Path) -> None:
    """100,000 youths, and the files may grow by 3 MB only (a file size limit on the process,
    the way a nearly full disk behaves): the bulk load has written part of its rows when a
    write fails. A sentence, exit 2, and the warehouse exactly as before."""
    export = write_export(tmp_path / "e", LARGE)
    warehouse = tmp_path / "w.duckdb"
    wh.connect(warehouse).close()
    before = dump(warehouse)
    size_before = warehouse.stat().st_size
    limit = size_before + 3 * 2**20

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), not the process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    process = subprocess.run([*COMMAND, str(export), "--warehouse", str(warehouse)], cwd=ROOT, capture_output=True,
                             text=True, timeout=300, preexec_fn=small_disk)
    output = process.stdout + process.stderr
    assert process.returncode == 2, output
    assert "could not write to the warehouse" in output and "File too large" in output, output
    assert "Traceback" not in output
    assert warehouse.stat().st_size > size_before  # rows were written before the failure
    assert dump(warehouse) == before
