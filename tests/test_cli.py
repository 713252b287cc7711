"""The command line: a user's mistake ends in a sentence and an exit code, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app

runner = CliRunner(env={"LANG": "en_US.UTF-8"})  # English messages (the LANG rule)


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_every_command_has_help() -> None:
    for command in ("run", "ingest", "validate", "build", "status", "report", "savings", "template", "demo-data"):
        code, output = invoke(command, "--help")
        assert code == 0 and "Usage" in output


def test_build_without_a_warehouse_creates_none(tmp_path: Path) -> None:
    code, output = invoke("build", "--warehouse", str(tmp_path / "w.duckdb"))
    assert code == 2 and "does not exist yet; run `joballiance ingest` first" in output
    assert not (tmp_path / "w.duckdb").exists()


def test_status_and_savings_before_build_say_what_to_do(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    assert invoke("ingest", str(config.DEMO_DIR), "--warehouse", str(warehouse))[0] == 0
    code, output = invoke("status", "--warehouse", str(warehouse))
    assert code == 2 and "joballiance build" in output
    code, output = invoke("savings", "--warehouse", str(warehouse))
    assert code == 2 and "joballiance build" in output


def test_status_after_build_and_a_note_when_an_ingest_came_later(tmp_path: Path) -> None:
    from conftest import write_csv_export

    warehouse = tmp_path / "w.duckdb"
    invoke("ingest", str(config.DEMO_DIR), "--warehouse", str(warehouse))
    assert invoke("build", "--warehouse", str(warehouse))[0] == 0
    code, output = invoke("status", "--warehouse", str(warehouse), "--lang", "en")
    assert code == 0 and "Status 12 months after STU" in output and "after the last build" not in output
    newer = write_csv_export(tmp_path / "e", [["A1", "851", "2019-08-01", "2022-06-30"]], export_date="2024-10-31")
    invoke("ingest", str(newer), "--warehouse", str(warehouse))
    code, output = invoke("status", "--warehouse", str(warehouse))
    assert code == 0 and "exports were ingested after the last build" in output


def test_wrong_values_are_explained(tmp_path: Path) -> None:
    assert "--lang must be 'da' or 'en', not 'fr'" in invoke("report", "--lang", "fr")[1]
    code, output = invoke("savings", "--set", "model.nope=1")
    assert code == 2 and "no such parameter" in output
    code, output = invoke("build", "--params", str(tmp_path / "missing.toml"))
    assert code == 2 and "cannot read parameter file" in output
    code, output = invoke("template", str(tmp_path / "x.txt"))
    assert code == 2 and "should end in .xlsx" in output


def test_unwritable_targets_are_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, output = invoke("demo-data", str(blocker / "demo"))
    assert code == 2 and "error:" in output and "Traceback" not in output
    code, output = invoke("template", str(blocker / "t.xlsx"))
    assert code == 2 and "error:" in output


def test_template_and_demo_data_write_files(tmp_path: Path) -> None:
    assert invoke("template", str(tmp_path / "t.xlsx"))[0] == 0
    assert (tmp_path / "t.xlsx").exists()
    code, output = invoke("demo-data", str(tmp_path / "demo"))
    assert code == 0 and "synthetic" in output
    assert invoke("validate", str(tmp_path / "demo"))[0] == 0


def test_run_does_not_tell_the_user_to_run_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import cli

    monkeypatch.setattr(cli, "build_warehouse", lambda *args, **kwargs: ["a", "b"])
    monkeypatch.setattr(cli, "write_all_reports", lambda *args, **kwargs: None)
    export = tmp_path / "e"
    from conftest import write_csv_export

    write_csv_export(export, [["A1", "851", "2019-08-01", "2022-06-30"]])
    code, output = invoke("run", str(export), "--warehouse", str(tmp_path / "w.duckdb"))
    assert code == 0 and "the models are built next" in output and "run `joballiance build`" not in output
    code, output = invoke("run", str(export), "--warehouse", str(tmp_path / "w2.duckdb"), "--lang", "da")
    assert "modellerne bygges nu" in output and "kør `joballiance build`" not in output


def test_the_quarantine_keeps_the_language_of_the_command(tmp_path: Path) -> None:
    import duckdb
    from conftest import write_csv_export

    export = write_csv_export(tmp_path / "e", [["A1", "999", "2019-08-01", "2022-06-30"]])
    for lang, expected in (("da", "er ikke en af de 98 kommunekoder"), ("en", "is not one of the 98 municipality")):
        warehouse = tmp_path / f"{lang}.duckdb"
        code, output = invoke("ingest", str(export), "--warehouse", str(warehouse), "--lang", lang)
        assert code == 3
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            (reason,) = con.execute("select reason from quarantine").fetchone()
        finally:
            con.close()
        assert expected in reason and expected in " ".join(output.split())
