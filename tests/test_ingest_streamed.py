"""Ingest loads each export while the next is validated (pipeline/ingest.py, `_Streamed`): the
warehouse it leaves is the one loading everything after validation leaves, a same-date pair
refused at the end is not in it, and a failure half way leaves the warehouse as it was."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from conftest import write_csv_export

from pipeline import ingest as ingest_module
from pipeline import validation
from pipeline import warehouse as wh

YOUTHS = [["A1", "851", "2019-08-01", "2022-06-30"], ["A2", "851", "2019-08-01", ""], ["A3", "0851", "x", ""]]
SPELLS = [["A1", "in_programme", "2022-07-01", "2022-07-31", ""], ["A1", "flexjob", "2022-08-01", "", "15"],
          ["A2", "in_programme", "2019-08-01", "", ""], ["A9", "flexjob", "2022-08-01", "", ""]]
TABLES = ("exports_loaded", "participants_all", "spells_all", "quarantine", "ingest_warnings", "rejected_exports")


def contents(warehouse: Path) -> dict[str, list[tuple]]:
    """Every row of the ingest tables, without the time of the ingest."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {name: con.execute(f"select * exclude ({_time(name)}) from {name} order by all").fetchall()
                if _time(name) else con.execute(f"select * from {name} order by all").fetchall() for name in TABLES}
    finally:
        con.close()


def _time(name: str) -> str:
    return {"exports_loaded": "ingested_at", "rejected_exports": "attempted_at"}.get(name, "")


def exports(base: Path) -> list[Path]:
    return [write_csv_export(base / "a", YOUTHS, SPELLS, export_date="2024-03-31"),
            write_csv_export(base / "b", YOUTHS[:2], SPELLS[:3], partnership_id="pmu-morsoe"),
            write_csv_export(base / "c", YOUTHS[1:], SPELLS[2:], export_date="2024-06-30")]


def test_the_streamed_load_leaves_what_loading_after_validation_leaves(tmp_path: Path) -> None:
    paths = exports(tmp_path / "e")
    streamed = tmp_path / "streamed.duckdb"
    result = ingest_module.ingest(paths, streamed)
    assert result.exit_code == ingest_module.EXIT_QUARANTINED and len(result.export_ids) == 3
    after = tmp_path / "after.duckdb"
    con = wh.connect(after)
    try:
        validated, rejections, _ = ingest_module.check_exports(paths, set())
        wh.write_ingest(con, validated, rejections)
    finally:
        con.close()
    got, expected = contents(streamed), contents(after)
    assert got == expected and len(got["participants_all"]) > 3 and got["quarantine"]


def test_a_same_date_pair_refused_at_the_end_is_not_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, _ = exports(tmp_path / "e")
    clash = write_csv_export(tmp_path / "e" / "d", YOUTHS[:1], SPELLS[:2], export_date="2024-03-31")
    warehouse = tmp_path / "w.duckdb"
    original, loads = wh.write_ingest, []
    monkeypatch.setattr(wh, "write_ingest", lambda *args: (loads.append(1), original(*args))[1])
    result = ingest_module.ingest([first, clash, second], warehouse)
    assert [o.state for o in result.outcomes] == ["rejected", "rejected", "loaded"]
    assert len(loads) == 2  # the streamed load was rolled back and the kept export loaded again
    got = contents(warehouse)
    assert [row[1] for row in got["exports_loaded"]] == ["pmu-morsoe"]
    assert {row[1] for row in got["participants_all"]} == {"pmu-morsoe"}
    assert len(got["rejected_exports"]) == 2


def test_a_failure_while_validating_a_later_export_leaves_the_warehouse_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, _ = exports(tmp_path / "e")
    warehouse = tmp_path / "w.duckdb"
    ingest_module.ingest([tmp_path / "e" / "c"], warehouse)
    before = contents(warehouse)
    original, calls = validation.validate_export, []

    def fail_on_second(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("stopped")
        return original(*args, **kwargs)

    monkeypatch.setattr(validation, "validate_export", fail_on_second)
    with pytest.raises(RuntimeError, match="stopped"):
        ingest_module.ingest([first, second], warehouse)
    assert len(calls) == 2 and contents(warehouse) == before
