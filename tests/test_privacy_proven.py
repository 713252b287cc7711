"""Privacy, proven end to end: an export full of CPR numbers (ids, employer ids, dropped
columns, a header, meta, quarantined rows) is ingested with a key and built; then every
table of the warehouse, every line the commands print, every report file and executed
notebook is scanned for CPR-like strings and for the pseudonymisation key."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app

CPR_LIKE = re.compile(r"(^|[^0-9])(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}-?[0-9]{4}([^0-9]|$)")
KEY = "a-long-test-secret-9f8e7d"
runner = CliRunner()


def cprs(n: int) -> list[str]:
    """n distinct valid CPR numbers, every other one with the hyphen."""
    numbers = []
    for i in range(n):
        digits = f"{1 + i % 28:02d}{1 + i % 12:02d}{(i * 7) % 100:02d}{1000 + i * 37:04d}"
        numbers.append(digits[:6] + "-" + digits[6:] if i % 2 else digits)
    return numbers


def write_cpr_export(folder: Path) -> tuple[Path, list[str]]:
    """A CSV export of 24 youths whose ids are CPR numbers, with CPR numbers everywhere else too."""
    ids = cprs(24)
    employers = cprs(60)[30:]
    folder.mkdir(parents=True)
    (folder / "meta.csv").write_text(
        f"key;value\npartnership_id;mou-hotel-aalborg\nexport_date;2024-09-30\nkontaktperson;{ids[0]}\n")
    youths = [f"participant_id;municipality_code;stu_start_date;stu_end_date;cpr_nummer;navn;{ids[1]}"]
    spells = ["participant_id;status;start_date;end_date;hours_per_week;employer_id;note"]
    for i, cpr in enumerate(ids):
        municipality = ids[(i + 5) % 24] if i == 3 else "851"  # a CPR number in the wrong column: quarantined
        end = "2099-01-01" if i == 4 else f"2022-06-{1 + i:02d}"  # STU ends in the future: quarantined
        youths.append(f"{cpr};{municipality};2019-08-01;{end};{cpr};Navn {i};{cpr}")
        spells.append(f"{cpr};i forløb;2019-08-01;2022-06-{1 + i:02d};;;{cpr}")
        status = ids[i] if i == 6 else ("fleksjob" if i % 3 else "ordinær ansættelse")  # a CPR status
        ongoing = "" if i % 4 else "2023-12-31"
        spells.append(f"{cpr};{status};2022-08-{1 + i:02d};{ongoing};{10 + i};{employers[i]};note {cpr}")
    spells.append(f"{cprs(30)[29]};fleksjob;2022-08-01;;20;{employers[0]};")  # a youth not in participants
    (folder / "participants.csv").write_text("\n".join(youths) + "\n", encoding="utf-8")
    (folder / "spells.csv").write_text("\n".join(spells) + "\n", encoding="utf-8")
    return folder, ids + employers


def assert_clean(text: str, where: str) -> None:
    match = CPR_LIKE.search(text)
    assert match is None, f"CPR-like string in {where}: ...{text[max(0, match.start() - 40):match.end() + 40]}..."
    assert KEY not in text, f"the pseudonymisation key in {where}"


def scan_warehouse(warehouse: Path) -> int:
    """Every value of every table (views only derive from them); returns the number of tables."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = [r[0] for r in con.execute("select table_name from information_schema.tables "
                                            "where table_type = 'BASE TABLE'").fetchall()]
        for table in tables:
            for row in con.execute(f"select * from {table}").fetchall():
                # a DOUBLE's decimals are no identifier; text, integers and dates are scanned
                assert_clean(" | ".join(str(v) for v in row if not isinstance(v, float)), f"table {table}")
    finally:
        con.close()
    return len(tables)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("privacy")
    export, numbers = write_cpr_export(base / "export")
    warehouse = base / "w.duckdb"
    env = {config.PSEUDONYM_KEY_ENV: KEY, "COLUMNS": "200"}
    outputs = {}
    for name, args in (("validate", ["validate", str(export)]),
                       ("ingest", ["ingest", str(export), "--warehouse", str(warehouse)]),
                       ("build", ["build", "--warehouse", str(warehouse)]),
                       ("status", ["status", "--warehouse", str(warehouse)])):
        result = runner.invoke(app, args, env=env)
        outputs[name] = (result.exit_code, result.output, result.exception)
    return {"base": base, "export": export, "warehouse": warehouse, "numbers": numbers, "outputs": outputs}


def test_the_export_is_full_of_cpr_numbers(ingested: dict) -> None:
    text = "".join(p.read_text() for p in ingested["export"].iterdir())
    assert len(CPR_LIKE.findall(text)) > 100


def test_commands_print_no_cpr_number_and_no_key(ingested: dict) -> None:
    outputs = ingested["outputs"]
    assert outputs["validate"][0] == 3 and outputs["ingest"][0] == 3, outputs
    assert outputs["build"][0] == 0, outputs["build"]
    for name, (_, output, _) in outputs.items():
        assert "Traceback" not in output
        assert_clean(output, f"the output of `joballiance {name}`")
    assert "xxxxxx-xxxx" in outputs["ingest"][1]  # the quarantined CPR values are shown masked


def test_no_cpr_number_and_no_key_in_any_table(ingested: dict) -> None:
    assert scan_warehouse(ingested["warehouse"]) >= 10
    con = duckdb.connect(str(ingested["warehouse"]), read_only=True)
    try:
        ids = [r[0] for r in con.execute("select participant_id from participants_all").fetchall()]
        employers = [r[0] for r in con.execute("select employer_id from spells_all where employer_id is not null")
                     .fetchall()]
        read, loaded, quarantined = con.execute(
            "select rows_read, rows_loaded, rows_quarantined from exports").fetchone()
    finally:
        con.close()
    assert ids and all(re.fullmatch(r"p_[0-9a-f]{16}", i) for i in ids)
    assert employers and all(re.fullmatch(r"p_[0-9a-f]{16}", e) for e in employers)
    assert read == loaded + quarantined and quarantined > 0


def test_no_cpr_number_and_no_key_in_any_report(ingested: dict, tmp_path: Path) -> None:
    from pipeline.reports import write_reports

    out = tmp_path / "reports"
    written = write_reports(ingested["warehouse"], config.PARAMS_PATH, out, ["da"], progress=False)
    files = [p for p in out.rglob("*") if p.is_file()]
    assert written and any(p.suffix == ".ipynb" for p in files) and any(p.suffix == ".html" for p in files)
    for path in files:
        if path.suffix == ".pdf":
            from pypdf import PdfReader

            text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
        else:
            text = path.read_bytes().decode("utf-8", errors="replace")
        assert_clean(text, str(path.relative_to(out)))
