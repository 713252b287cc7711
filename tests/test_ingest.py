"""Ingest through the command line: exit codes, lineage, superseding, atomicity, privacy."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from conftest import write_csv_export
from typer.testing import CliRunner

from pipeline import warehouse as wh
from pipeline.cli import app

runner = CliRunner(env={"LANG": "en_US.UTF-8"})  # English messages (the LANG rule)
YOUTH = ["A1", "851", "2019-08-01", "2022-06-30"]
SPELLS = [["A1", "in_programme", "2022-07-01", "2022-07-31", ""], ["A1", "flexjob", "2022-08-01", "", "15"]]
CPR_LIKE = re.compile(r"(^|[^0-9])(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}-?[0-9]{4}([^0-9]|$)")


def ingest(*paths: Path, warehouse: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["ingest", *map(str, paths), "--warehouse", str(warehouse)])
    return result.exit_code, result.output


def table(warehouse: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_clean_export_exits_0_and_records_lineage(tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "e", [YOUTH], SPELLS)
    code, output = ingest(export, warehouse=tmp_path / "w.duckdb")
    assert code == 0, output
    rows = table(tmp_path / "w.duckdb", "select partnership_id, rows_read, rows_loaded, rows_quarantined, "
                                        "superseded, length(sha256) from exports")
    assert rows == [("mou-hotel-aalborg", 3, 3, 0, False, 64)]
    assert table(tmp_path / "w.duckdb", "select count(*) from spells")[0][0] == 2


def test_quarantined_rows_exit_3_and_land_in_quarantine(tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "e", [YOUTH, ["A2", "999", "2019-08-01", ""]], SPELLS)
    code, output = ingest(export, warehouse=tmp_path / "w.duckdb")
    assert code == 3
    assert ("participants.csv row 3 (youth A2), municipality_code: '999' is not one of the 98 municipality codes"
            in output)
    rows = table(tmp_path / "w.duckdb", "select sheet, row_number, column_name, value from quarantine")
    assert rows == [("participants", 3, "municipality_code", "999")]
    read, loaded, quarantined = table(tmp_path / "w.duckdb",
                                      "select rows_read, rows_loaded, rows_quarantined from exports")[0]
    assert (read, loaded, quarantined) == (4, 3, 1)


def test_rejected_export_exits_1_loads_nothing_and_is_recorded(tmp_path: Path) -> None:
    good = write_csv_export(tmp_path / "good", [YOUTH], SPELLS)
    bad = write_csv_export(tmp_path / "bad", [YOUTH], partnership_id="nowhere")
    code, output = ingest(good, bad, warehouse=tmp_path / "w.duckdb")
    assert code == 1 and "rejected" in output
    assert table(tmp_path / "w.duckdb", "select count(*) from exports")[0][0] == 1
    reasons = table(tmp_path / "w.duckdb", "select reason from rejected_exports")
    assert "'nowhere' is not in data/reference/partnerships.csv" in reasons[0][0]


def test_wrong_usage_exits_2(tmp_path: Path) -> None:
    code, output = ingest(tmp_path / "missing", warehouse=tmp_path / "w.duckdb")
    assert code == 2 and "no such file or folder" in output
    (tmp_path / "empty").mkdir()
    code, output = ingest(tmp_path / "empty", warehouse=tmp_path / "w.duckdb")
    assert code == 2 and "no exports found" in output
    assert runner.invoke(app, ["ingest"]).exit_code == 2


def test_validate_loads_nothing(tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "e", [YOUTH, ["A2", "999", "2019-08-01", ""]], SPELLS)
    result = runner.invoke(app, ["validate", str(export)])
    assert result.exit_code == 3 and "'999' is not one of the 98 municipality codes" in result.output
    assert not (tmp_path / "w.duckdb").exists()


def test_same_file_twice_changes_nothing(tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "e", [YOUTH], SPELLS)
    warehouse = tmp_path / "w.duckdb"
    ingest(export, warehouse=warehouse)
    before = table(warehouse, "select * from exports")
    code, output = ingest(export, warehouse=warehouse)
    assert code == 0 and "already ingested" in output
    assert table(warehouse, "select * from exports") == before
    assert table(warehouse, "select count(*) from participants_all")[0][0] == 1


def test_newest_export_supersedes_whatever_the_order_of_ingest(tmp_path: Path) -> None:
    old = write_csv_export(tmp_path / "old", [YOUTH], SPELLS[:1], export_date="2024-03-31")
    new = write_csv_export(tmp_path / "new", [YOUTH, ["A2", "851", "2019-08-01", ""]], SPELLS,
                           export_date="2024-09-30")
    warehouse = tmp_path / "w.duckdb"
    ingest(new, warehouse=warehouse)
    ingest(old, warehouse=warehouse)  # an older snapshot arriving late stays superseded
    rows = table(warehouse, "select export_date::varchar, superseded from exports order by export_date")
    assert rows == [("2024-03-31", True), ("2024-09-30", False)]
    assert table(warehouse, "select count(*) from participants")[0][0] == 2
    assert table(warehouse, "select count(*) from participants_all")[0][0] == 3
    assert table(warehouse, "select count(*) from spells_all")[0][0] == 3


def test_failed_ingest_leaves_the_warehouse_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warehouse = tmp_path / "w.duckdb"
    ingest(write_csv_export(tmp_path / "a", [YOUTH], SPELLS, export_date="2024-03-31"), warehouse=warehouse)
    before = {t: table(warehouse, f"select * from {t} order by all") for t in ("exports", "participants_all")}
    calls = {"n": 0}
    original = wh._insert_export

    def fail_on_second(con, export, now):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        return original(con, export, now)

    monkeypatch.setattr(wh, "_insert_export", fail_on_second)
    first = write_csv_export(tmp_path / "b", [YOUTH], SPELLS, export_date="2024-09-30")
    second = write_csv_export(tmp_path / "c", [YOUTH], SPELLS, partnership_id="pmu-morsoe")
    with pytest.raises(OSError):
        wh.write_ingest(wh.connect(warehouse), [
            _validated(first), _validated(second)], [])
    after = {t: table(warehouse, f"select * from {t} order by all") for t in ("exports", "participants_all")}
    assert after == before


def _validated(path: Path):  # type: ignore[no-untyped-def]
    from pipeline.readers import read_export
    from pipeline.reference import load_reference
    from pipeline.validation import validate_export

    return validate_export(read_export(path), load_reference(), None)


def test_no_cpr_number_anywhere_in_the_warehouse(tmp_path: Path, pseudonym_key: str) -> None:
    header = ["participant_id", "municipality_code", "stu_start_date", "stu_end_date", "cpr_nummer", "navn"]
    youths = [["010203-1234", "851", "2019-08-01", "2022-06-30", "010203-1234", "Hans"],
              ["1112131234", "851", "2019-08-01", "", "1112131234", "Grete"],
              ["A3", "010203-1234", "2019-08-01", "", "", ""]]  # a CPR number in the wrong column: quarantined
    spells = [["010203-1234", "flexjob", "2022-08-01", "", "15"], ["1112131234", "flexjob", "2099-01-01", "", "15"]]
    export = write_csv_export(tmp_path / "e", youths, spells, participant_header=header)
    warehouse = tmp_path / "w.duckdb"
    code, output = ingest(export, warehouse=warehouse)
    assert code == 3
    assert not CPR_LIKE.search(output)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = [r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()]
        for name in tables:
            for row in con.execute(f"select * from {name}").fetchall():
                for value in row:
                    assert not CPR_LIKE.search(str(value)), (name, value)
                    assert "Hans" not in str(value) and pseudonym_key not in str(value)
    finally:
        con.close()


def test_busy_warehouse_gives_a_clear_message(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    warehouse = tmp_path / "w.duckdb"
    wh.connect(warehouse).close()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(30)"),
        str(warehouse)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(wh.WarehouseError, match="in use by another joballiance command; nothing was changed"):
            wh.connect(warehouse, wait_seconds=1)
        assert time.monotonic() - started >= 1
    finally:
        holder.kill()
        holder.wait()


def test_the_loaded_table_is_never_rewritten(tmp_path: Path) -> None:
    """exports_loaded only grows; `superseded` and the current export are computed (the
    views exports and current_exports), one definition for every reader."""
    warehouse = tmp_path / "w.duckdb"
    old = write_csv_export(tmp_path / "old", [YOUTH], export_date="2024-03-31")
    ingest(old, warehouse=warehouse)
    before = table(warehouse, "select * from exports_loaded")
    new = write_csv_export(tmp_path / "new", [YOUTH, ["A2", "851", "2019-08-01", ""]], export_date="2024-09-30")
    ingest(new, warehouse=warehouse)
    after = table(warehouse, "select * from exports_loaded order by export_date")
    assert after[0] == before[0] and len(after) == 2
    assert table(warehouse, "select export_date, superseded from exports order by export_date") == [
        (before[0][2], True), (after[1][2], False)]
    assert table(warehouse, "select count(*) from current_exports") == [(1,)]
    assert table(warehouse, "select count(*) from participants") == [(2,)]
    columns = [r[0] for r in table(warehouse, "select column_name from information_schema.columns "
                                              "where table_name = 'exports' order by ordinal_position")]
    assert columns == ["export_id", "partnership_id", "export_date", "source_path", "sha256", "ingested_at",
                       "rows_read", "rows_loaded", "rows_quarantined", "superseded", "synthetic", "dropped_columns"]


def test_a_resent_export_of_the_same_date_wins_by_ingest_time(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    ingest(write_csv_export(tmp_path / "a", [YOUTH]), warehouse=warehouse)
    ingest(write_csv_export(tmp_path / "b", [YOUTH, ["A2", "851", "2019-08-01", ""]]), warehouse=warehouse)
    assert table(warehouse, "select rows_read from current_exports") == [(2,)]
    assert table(warehouse, "select count(*) from exports where superseded") == [(1,)]


def test_an_old_warehouse_with_a_stored_superseded_column_is_migrated(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    con = duckdb.connect(str(warehouse))
    con.execute("create table exports (export_id varchar primary key, partnership_id varchar, export_date date, "
                "source_path varchar, sha256 varchar, ingested_at timestamp, rows_read bigint, rows_loaded bigint, "
                "rows_quarantined bigint, superseded boolean, synthetic boolean, dropped_columns varchar)")
    con.execute("insert into exports values ('x_1', 'mou-hotel-aalborg', '2024-03-31', 'p', 'abc', "
                "'2024-04-01 10:00', 1, 1, 0, false, false, null)")
    con.close()
    ingest(write_csv_export(tmp_path / "new", [YOUTH]), warehouse=warehouse)
    assert table(warehouse, "select export_id, superseded from exports order by export_date") == [
        ("x_1", True), (table(warehouse, "select export_id from current_exports")[0][0], False)]
    assert table(warehouse, "select table_type from information_schema.tables where table_name = 'exports'") == [
        ("VIEW",)]
