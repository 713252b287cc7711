"""The bad-input corpus (tests/data/broken/, written by tests/corpus.py) through the command
line, plus random corruptions of valid exports: never a traceback, never a lost row."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest
from corpus import CASES, CORPUS_DIR, CPR, CPR2, export_path, write_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pipeline import readers_xlsx
from pipeline.cli import app
from pipeline.ingest import check_exports
from pipeline.readers import ExportRejected, read_export
from pipeline.reference import load_reference
from pipeline.validation import validate_export

runner = CliRunner(env={"LANG": "en_US.UTF-8"})  # English messages (the LANG rule)
NAMES_A_FILE = re.compile(r"(meta|participants|spells)\.csv|\.xlsx?\b")


def flat(text: str) -> str:
    """Output with the table's line wrapping undone."""
    return " ".join(text.split())


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def warehouse_counts(warehouse: Path) -> tuple[list[tuple], int, int, int, int]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        exports = con.execute("select export_id, rows_read, rows_loaded, rows_quarantined from exports").fetchall()
        rejected = con.execute("select count(*) from rejected_exports").fetchone()[0]
        loaded = sum(con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("participants_all",
                                                                                       "spells_all"))
        quarantined = con.execute("select count(*) from quarantine").fetchone()[0]
        cpr_found = 0
        tables = con.execute("select table_name from information_schema.tables where table_type = 'BASE TABLE'")
        for (table,) in tables.fetchall():
            for row in con.execute(f"select * from {table}").fetchall():
                cpr_found += any(CPR in str(v) or CPR2 in str(v) for v in row)
        return exports, rejected, loaded, quarantined, cpr_found
    finally:
        con.close()


def test_corpus_is_large_enough_and_small() -> None:
    assert len(CASES) >= 40
    size = sum(p.stat().st_size for p in CORPUS_DIR.rglob("*") if p.is_file())
    assert size < 2 * 1024**2
    assert {p.name for p in CORPUS_DIR.iterdir()} == set(CASES)


def test_committed_corpus_is_what_the_generator_writes(tmp_path: Path) -> None:
    write_corpus(tmp_path / "broken")
    for name in CASES:
        ours, committed = export_path(name, tmp_path / "broken"), export_path(name)
        files = sorted(p.relative_to(ours) for p in ours.rglob("*")) if ours.is_dir() else [Path()]
        assert files == (sorted(p.relative_to(committed) for p in committed.rglob("*")) if committed.is_dir()
                         else [Path()]), name
        for file in files:
            assert (ours / file).read_bytes() == (committed / file).read_bytes(), (name, file)


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_case(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    export = export_path(name)
    code, output = invoke("validate", str(export))
    assert code == case.code, output
    assert "Traceback" not in output
    assert case.message in flat(output), output
    if case.code:
        assert NAMES_A_FILE.search(output), output
    assert CPR not in output and CPR2 not in output

    warehouse = tmp_path / "w.duckdb"
    code, output = invoke("ingest", str(export), "--warehouse", str(warehouse))
    assert code == case.code, output
    assert "Traceback" not in output
    exports, rejected, loaded, quarantined, cpr_found = warehouse_counts(warehouse)
    assert cpr_found == 0
    if case.counts is None:
        assert (exports, rejected) == ([], 1)
        return
    ((_, read, rows_loaded, rows_quarantined),) = exports
    assert (read, rows_loaded, rows_quarantined) == case.counts
    assert read == rows_loaded + rows_quarantined
    assert (loaded, quarantined) == (rows_loaded, rows_quarantined)


def test_zip_bomb_is_never_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    def unpacked(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl was asked to open the zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", unpacked)
    with pytest.raises(ExportRejected, match="afvist som usikker"):
        read_export(export_path("zip_bomb"))


def test_a_large_zip_bomb_is_refused_from_its_directory_alone(tmp_path: Path) -> None:
    """A member that claims to unpack beyond the limit is refused without reading it."""
    import zipfile

    bomb = tmp_path / "huge.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 24)
            for _ in range(8):
                member.write(block)
    assert bomb.stat().st_size < 2 * 1024**2
    with pytest.raises(ExportRejected, match="afvist som usikker"):
        readers_xlsx.check_xlsx_container(bomb)


def test_large_malformed_csv_is_handled_in_bounded_time(tmp_path: Path) -> None:
    """20,000 youths with bad rows spread through them: every row accounted for."""
    from corpus import P_HEADER, S_HEADER, csv_export

    youths = [[f"Y{i}", "851" if i % 97 else "999", "2001", "F", "2018-08-01", "2021-06-30"] for i in range(20_000)]
    spells = [[f"Y{i}", "flexjob" if i % 89 else "fleksjb", "2021-08-01", "", "15", ""] for i in range(20_000)]
    export = csv_export("big", participants=youths, spells=spells, p_header=P_HEADER, s_header=S_HEADER)(tmp_path)
    (_, _, (outcome,)) = check_exports([export], set(), lang="en")
    bad = {i for i in range(20_000) if i % 97 == 0 or i % 89 == 0}
    assert (outcome.rows_read, outcome.rows_quarantined) == (40_000, 2 * len(bad))
    assert outcome.rows_loaded == outcome.rows_read - outcome.rows_quarantined


# ----------------------------------------------------------------------------- random corruption


BASE = CORPUS_DIR / "comma_delimiter" / "comma_delimiter"


def _corrupt(data: bytes, draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["flip", "delete", "insert", "delimiter", "encoding", "truncate", "cell"]))
    if not data:
        return data
    at = draw(st.integers(0, len(data) - 1))
    if kind == "flip":
        return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
    if kind == "delete":
        return data[:at] + data[at + draw(st.integers(1, 20)):]
    if kind == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=12)) + data[at:]
    if kind == "delimiter":
        old, new = draw(st.sampled_from([(b",", b";"), (b",", b"\t"), (b"\n", b"\r"), (b"\n", b","),
                                         (b",", b'"')]))
        return data.replace(old, new, draw(st.integers(1, 5)))
    if kind == "encoding":
        text = data.decode("utf-8", errors="replace") + "ø"
        return text.encode(draw(st.sampled_from(["cp1252", "utf-16", "utf-8-sig", "latin-1"])), errors="replace")
    if kind == "truncate":
        return data[:at]
    lines = data.split(b"\n")
    row = draw(st.integers(0, max(0, len(lines) - 1)))
    cells = lines[row].split(b",")
    cells[draw(st.integers(0, len(cells) - 1))] = draw(st.sampled_from(
        [b"", b" ", b"x" * 300, CPR.encode(), b"31-02-2020", b"-5", b"1e400", b"NaN", b'"', b"\x00", b"=1+1"]))
    lines[row] = b",".join(cells)
    return b"\n".join(lines)


@st.composite
def corrupted_exports(draw: st.DrawFn) -> dict[str, bytes]:
    files = {name: (BASE / name).read_bytes() for name in ("meta.csv", "participants.csv", "spells.csv")}
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(sorted(files)))
        files[name] = _corrupt(files[name], draw)
    return files


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=corrupted_exports())
def test_random_corruption_never_raises_and_never_loses_a_row(files: dict[str, bytes], tmp_path: Path) -> None:
    folder = tmp_path / "export"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    try:
        raw = read_export(folder)
        result = validate_export(raw, load_reference(), None)
    except ExportRejected as error:
        assert str(error)
        return
    assert result.rows_read == len(raw.participants.frame) + len(raw.spells.frame)
    assert result.rows_read == result.rows_loaded + result.rows_quarantined
    loaded_rows = set(result.participants.index) | set(result.spells.index)
    assert len(loaded_rows) <= result.rows_loaded


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=corrupted_exports())
def test_random_corruption_through_the_command_line(files: dict[str, bytes], tmp_path: Path) -> None:
    folder = tmp_path / "export"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    warehouse = tmp_path / "w.duckdb"
    warehouse.unlink(missing_ok=True)
    code, output = invoke("ingest", str(folder), "--warehouse", str(warehouse))
    assert code in (0, 1, 3), output
    assert "Traceback" not in output
    exports, rejected, loaded, quarantined, cpr_found = warehouse_counts(warehouse)
    assert cpr_found == 0
    if code == 1:
        assert (exports, rejected) == ([], 1)
    else:
        ((_, read, rows_loaded, rows_quarantined),) = exports
        assert read == rows_loaded + rows_quarantined == loaded + quarantined
