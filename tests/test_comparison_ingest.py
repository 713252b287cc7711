"""Comparison extracts through the ordinary ingest: meta `group = comparison` (or Danish
`gruppe = sammenligning`) and `source` instead of a partnership; the same validation,
row accounting and CPR handling; STU end, birth year and sex required; written to the
comparison tables only, never to the programme's."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import duckdb
from conftest import write_csv_export
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app

runner = CliRunner(env={"LANG": "en_US.UTF-8", "COLUMNS": "200"})
HEADER = ["participant_id", "municipality_code", "birth_year", "sex", "stu_start_date", "stu_end_date"]
SPELL_HEADER = ["participant_id", "status", "start_date", "end_date"]
META = [["group", "comparison"], ["source", "DREAM-udtræk 2024"], ["export_date", "2024-09-30"]]


def comparison_export(folder: Path, youths: list[list[str]], meta: list[list[str]] = META,
                      header: list[str] = HEADER) -> Path:
    spells = [[y[0], "flexjob", "2022-08-01", ""] for y in youths]
    return write_csv_export(folder, youths, spells, participant_header=header, spell_header=SPELL_HEADER,
                            meta_rows=meta)


def ingest(path: Path, warehouse: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["ingest", str(path), "--warehouse", str(warehouse)])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def query(warehouse: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_a_comparison_extract_goes_to_the_comparison_tables_only(tmp_path: Path) -> None:
    youths = [["S1", "851", "2001", "F", "2018-08-01", "2021-06-30"], ["S2", "773", "2000", "M", "", "2020-06-30"]]
    warehouse = tmp_path / "w.duckdb"
    code, output = ingest(comparison_export(tmp_path / "c", youths), warehouse)
    assert code == 0, output
    assert query(warehouse, "select source, form, rows_read, rows_loaded, rows_quarantined from comparison_exports") \
        == [("DREAM-udtræk 2024", "export", 4, 4, 0)]
    assert query(warehouse, "select count(*) from comparison_participants") == [(2,)]
    assert query(warehouse, "select count(*) from comparison_spells") == [(2,)]
    for table in ("exports", "participants_all", "spells_all"):
        assert query(warehouse, f"select count(*) from {table}") == [(0,)], table


def test_danish_decomposed_meta_is_recognised(tmp_path: Path) -> None:
    meta = [[unicodedata.normalize("NFD", "Gruppe"), unicodedata.normalize("NFD", "Sammenligning")],
            ["kilde", unicodedata.normalize("NFD", "Registerudtræk")], ["export_date", "2024-09-30"]]
    warehouse = tmp_path / "w.duckdb"
    code, output = ingest(comparison_export(tmp_path / "c", [["S1", "851", "2001", "K", "", "2021-06-30"]], meta),
                          warehouse)
    assert code == 0, output
    assert query(warehouse, "select source from comparison_exports") == [("Registerudtræk",)]
    assert query(warehouse, "select sex from comparison_participants") == [("F",)]


def test_stu_end_birth_year_and_sex_are_required(tmp_path: Path) -> None:
    youths = [["S1", "851", "2001", "F", "", "2021-06-30"], ["S2", "851", "", "M", "", "2021-06-30"],
              ["S3", "851", "2001", "", "", "2021-06-30"], ["S4", "851", "2001", "M", "", ""]]
    warehouse = tmp_path / "w.duckdb"
    code, output = ingest(comparison_export(tmp_path / "c", youths), warehouse)
    text = " ".join(output.split())
    assert code == 3
    for row, column in ((3, "birth_year"), (4, "sex"), (5, "stu_end_date")):
        assert f"participants.csv row {row} (youth S{row - 1}), {column}: is empty, but {column} is required" in text
    read, loaded, quarantined = query(warehouse, "select rows_read, rows_loaded, rows_quarantined "
                                                 "from comparison_exports")[0]
    assert (read, loaded, quarantined) == (8, 2, 6)
    assert query(warehouse, "select count(*) from quarantine") == [(6,)]
    missing = comparison_export(tmp_path / "d", [["S1", "851", "2021-06-30"]],
                                header=["participant_id", "municipality_code", "stu_end_date"])
    code, output = ingest(missing, warehouse)
    assert code == 1 and "a comparison extract needs the columns birth_year, sex" in " ".join(output.split())


def test_a_comparison_extract_without_a_source_is_refused(tmp_path: Path) -> None:
    code, output = ingest(comparison_export(tmp_path / "c", [["S1", "851", "2001", "F", "", "2021-06-30"]],
                                            [["group", "comparison"], ["export_date", "2024-09-30"]]),
                          tmp_path / "w.duckdb")
    assert code == 1 and "needs the key 'source'" in " ".join(output.split())


def test_cpr_numbers_in_a_comparison_extract_are_pseudonymised(tmp_path: Path, pseudonym_key: str) -> None:
    warehouse = tmp_path / "w.duckdb"
    code, output = ingest(comparison_export(tmp_path / "c", [["0107851234", "851", "1985", "F", "", "2005-06-30"]]),
                          warehouse)
    assert code == 0, output
    ((pid,),) = query(warehouse, "select participant_id from comparison_participants_all")
    assert pid.startswith("p_") and "0107851234" not in output


def test_the_demo_extract_and_the_register_form(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    assert ingest(config.DEMO_DIR / "comparison", warehouse)[0] == 0
    register = config.EXAMPLES_DIR / "comparison-register"
    code, output = ingest(register, warehouse)
    assert code == 0, output
    forms = query(warehouse, "select form, rows_read = rows_loaded + rows_quarantined from comparison_exports "
                             "order by form")
    assert forms == [("export", True), ("register", True)]
