"""Privacy, proven end to end: an export full of CPR numbers (ids, employer ids, dropped
columns, a header, meta, quarantined rows, the folder's name, a number column, ids that
hold one inside, 9-digit ones that lost their leading zero, separators that are spaces
or dashes) is ingested with a key and built; then every table of the warehouse, every
line the commands print, every report file and executed notebook is scanned for
CPR-like strings and for the pseudonymisation key.

The scan's rule is written here independently of pipeline/privacy.py and is wider still
(no date check): 9 or 10 digits not continued by a digit on either side, with at most
one space or dash before the last four, the first two (or one) a day 1-31 and the
next two a month 01-12."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app

DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
CPR_LIKE = re.compile(rf"(?<![0-9])(0[1-9]|[12][0-9]|3[01]|[1-9])(0[1-9]|1[0-2])[0-9]{{2}}"
                      rf"[\s{DASHES}]?[0-9]{{4}}(?![0-9])")
# Not typed by anyone, so not scanned: checksums (64 hex digits) and pseudonyms (HMAC output).
MACHINE_MADE = re.compile(r"\b[0-9a-f]{64}\b|\bp_[0-9a-f]{16}\b")
KEY = "a-long-test-secret-9f8e7d"
LOADED_TABLES = {"participants_all", "spells_all", "comparison_participants_all", "comparison_spells_all",
                 "quarantine", "ingest_warnings", "exports_loaded", "comparison_exports", "rejected_exports"}
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
    # ids holding a CPR number in other shapes: inside a longer id, with a suffix, 9 digits
    # (Excel dropped the leading zero), a space or an en dash as the separator
    ids[8], ids[9], ids[10], ids[11], ids[12] = "JH2407851122", "1512901234-2", "107851234", "030405 1234", \
        "151290\u20131234"
    employers = cprs(60)[30:]
    folder.mkdir(parents=True)
    (folder / "meta.csv").write_text(
        f"key;value\npartnership_id;mou-hotel-aalborg\nexport_date;2024-09-30\nkontaktperson;{ids[0]}\n")
    youths = [f"participant_id;municipality_code;stu_start_date;stu_end_date;cpr_nummer;navn;{ids[1]};"
              "programme_cost_dkk"]
    spells = ["participant_id;status;start_date;end_date;hours_per_week;employer_id;note"]
    for i, cpr in enumerate(ids):
        municipality = ids[(i + 5) % 24] if i == 3 else "851"  # a CPR number in the wrong column: quarantined
        end = "2099-01-01" if i == 4 else f"2022-06-{1 + i:02d}"  # STU ends in the future: quarantined
        cost = "1512901234" if i == 13 else ("2207851234,00" if i == 14 else "65.714")  # a CPR number as a cost
        youths.append(f"{cpr};{municipality};2019-08-01;{end};{cpr};Navn {i};{cpr};{cost}")
        spells.append(f"{cpr};i forløb;2019-08-01;2022-06-{1 + i:02d};;;{cpr}")
        status = {6: ids[i], 7: "151290\u20131234", 15: "151290 1234"}.get(
            i, "fleksjob" if i % 3 else "ordinær ansættelse")  # CPR numbers as a status
        ongoing = "" if i % 4 else "2023-12-31"
        spells.append(f"{cpr};{status};2022-08-{1 + i:02d};{ongoing};{10 + i};{employers[i]};note {cpr}")
    spells.append(f"{cprs(30)[29]};fleksjob;2022-08-01;;20;{employers[0]};")  # a youth not in participants
    (folder / "participants.csv").write_text("\n".join(youths) + "\n", encoding="utf-8")
    (folder / "spells.csv").write_text("\n".join(spells) + "\n", encoding="utf-8")
    planted = ids + employers + ["1512901234", "2207851234", "151290\u20131234", "151290 1234", "2407851122"]
    return folder, planted


def ten_digits(match: re.Match[str]) -> str:
    digits = re.sub(r"[^0-9]", "", match.group(0))
    return digits if len(digits) == 10 else "0" + digits


def assert_none_planted(text: str, planted: set[str], where: str) -> None:
    """None of the CPR numbers put into the export, in any shape (9 or 10 digits, any separator)."""
    for match in CPR_LIKE.finditer(MACHINE_MADE.sub("#", text)):
        assert ten_digits(match) not in planted, f"a planted CPR number in {where}: {match.group(0)!r}"
    assert KEY not in text, f"the pseudonymisation key in {where}"


def assert_clean(text: str, where: str) -> None:
    text = MACHINE_MADE.sub("#", text)
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
            # In the loaded tables a whole DOUBLE is scanned too: a CPR number typed into a number
            # column would land there. Elsewhere doubles are computed amounts (an NPV of
            # 105,142,400 kr. has nine digits) and the decimals of a share are no identifier.
            loaded = table in LOADED_TABLES
            for row in con.execute(f"select * from {table}").fetchall():
                assert_clean(" | ".join(str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
                                        for v in row
                                        if not isinstance(v, float) or (loaded and v.is_integer())),
                             f"table {table}")
    finally:
        con.close()
    return len(tables)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("privacy")
    export, numbers = write_cpr_export(base / "eksport 2407851122")  # a CPR number in the folder's name
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
    """Reports publish computed amounts, and an amount such as 212.734.878 kr. has the shape
    of a 9-digit CPR-like number: reports are scanned for the CPR numbers put into the export
    (in every shape) and for 10-digit CPR-like numbers; the wide rule holds for everything
    that comes from the input (tables of the loaded layer, messages, paths), tested above."""
    from pipeline.reports import write_reports

    planted = {ten_digits(m) for number in ingested["numbers"] for m in CPR_LIKE.finditer(number)}
    assert len(planted) >= 50
    out = tmp_path / "reports"
    written = write_reports(ingested["warehouse"], out, ["da"], progress=False)
    files = [p for p in out.rglob("*") if p.is_file()]
    assert written and any(p.suffix == ".ipynb" for p in files) and any(p.suffix == ".html" for p in files)
    for path in files:
        if path.suffix == ".pdf":
            from pypdf import PdfReader

            text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
        else:
            text = path.read_bytes().decode("utf-8", errors="replace")
        assert_none_planted(text, planted, str(path.relative_to(out)))
        whole = re.sub(r"(?<=[0-9])[.,][0-9]+", "", MACHINE_MADE.sub("#", text))  # decimals are no identifier
        ten = [m.group(0) for m in CPR_LIKE.finditer(whole) if len(re.sub(r"[^0-9]", "", m.group(0))) == 10]
        assert not ten, f"a 10-digit CPR-like number in {path.relative_to(out)}: {ten[:3]}"
