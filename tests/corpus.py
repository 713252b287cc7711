"""The bad-input corpus: malformed exports, each with what the pipeline must make of it.

    .venv/bin/python tests/corpus.py        # (re)writes tests/data/broken/

Every case is written by a function here, so the committed files can be reproduced;
tests/test_corpus.py checks the committed files against CASES (exit code of validate
and ingest, a message that names the file, and rows read = loaded + quarantined).
Decisions the corpus pins down:
- a hidden (or very hidden) sheet is read like any other: visibility is presentation;
- a formula cell is read as the value Excel cached when it last calculated; a formula
  that was never calculated (a file written by a program, not Excel) has no value and
  reads as an empty cell;
- merged cells hold their value in the top-left cell only, as Excel stores them;
- cells far to the right of the last named column are dropped with a warning.
"""

from __future__ import annotations

import io
import re
import shutil
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "data" / "broken"
CPR = "010203-1234"
CPR2 = "1112131234"

P_HEADER = ["participant_id", "municipality_code", "birth_year", "sex", "stu_start_date", "stu_end_date"]
S_HEADER = ["participant_id", "status", "start_date", "end_date", "hours_per_week", "employer_id"]
YOUTHS = [
    ["A1", "851", "2001", "F", "2018-08-01", "2021-06-30"],
    ["A2", "851", "2002", "M", "2018-08-01", "2021-06-30"],
    ["A3", "773", "2002", "K", "2019-08-01", ""],
]
SPELLS = [
    ["A1", "in_programme", "2018-08-01", "2021-06-30", "", ""],
    ["A1", "flexjob", "2021-08-01", "", "15", "E1"],
    ["A2", "in_programme", "2018-08-01", "2021-06-30", "", ""],
    ["A2", "ordinary_job", "2021-09-01", "2022-05-31", "37", "E2"],
    ["A3", "in_programme", "2019-08-01", "", "", ""],
]
META = [["partnership_id", "mou-hotel-aalborg"], ["export_date", "2024-09-30"]]
ROWS = len(YOUTHS) + len(SPELLS)


@dataclass(frozen=True)
class Case:
    """One malformed export and what must come of it."""

    write: Callable[[Path], Path]  # writes the export under a folder, returns its path
    code: int  # exit code of validate and ingest
    message: str  # a fragment the output must hold
    counts: tuple[int, int, int] | None = None  # rows read, loaded, quarantined (None: rejected)
    names: str | None = None  # the file name the message must show (default: the export's name)


def _csv_text(rows: list[list[str]], sep: str = ";") -> str:
    return "".join(sep.join(row) + "\n" for row in rows)


def csv_export(
    name: str, *, participants: list[list[str]] | None = None, spells: list[list[str]] | None = None,
    p_header: list[str] = P_HEADER, s_header: list[str] = S_HEADER, meta: list[list[str]] = META,
    sep: str = ";", encoding: str = "utf-8", raw: dict[str, bytes] | None = None, omit: tuple[str, ...] = (),
) -> Callable[[Path], Path]:
    """A CSV folder from rows; `raw` replaces a file's bytes, `omit` leaves files out."""
    def write(target: Path) -> Path:
        folder = target / name
        folder.mkdir(parents=True, exist_ok=True)
        files = {
            "meta.csv": _csv_text([["key", "value"], *meta], sep).encode(encoding),
            "participants.csv": _csv_text([p_header, *(YOUTHS if participants is None else participants)],
                                          sep).encode(encoding),
            "spells.csv": _csv_text([s_header, *(SPELLS if spells is None else spells)], sep).encode(encoding),
            **(raw or {}),
        }
        for file, data in files.items():
            if file not in omit:
                (folder / file).write_bytes(data)
        return folder
    return write


def xlsx_export(name: str, edit: Callable[[object], None] | None = None,
                patch: Callable[[dict[str, bytes]], None] | None = None,
                participants: list[list[object]] | None = None) -> Callable[[Path], Path]:
    """A workbook from the base rows; `edit` changes the openpyxl workbook, `patch` the zip members."""
    def write(target: Path) -> Path:
        import openpyxl

        workbook = openpyxl.Workbook()
        workbook.remove(workbook.active)
        for title, header, rows in (("meta", ["key", "value"], META),
                                    ("participants", P_HEADER, YOUTHS if participants is None else participants),
                                    ("spells", S_HEADER, SPELLS)):
            sheet = workbook.create_sheet(title)
            sheet.append(header)
            for row in rows:
                sheet.append(list(row))
        if edit:
            edit(workbook)
        buffer = io.BytesIO()
        workbook.save(buffer)
        data = buffer.getvalue()
        if patch:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                members = {info.filename: archive.read(info) for info in archive.infolist()}
            patch(members)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for member, content in members.items():
                    archive.writestr(zipfile.ZipInfo(member, date_time=(2024, 1, 1, 0, 0, 0)), content,
                                     compress_type=zipfile.ZIP_DEFLATED)
            data = buffer.getvalue()
        target.mkdir(parents=True, exist_ok=True)
        path = target / f"{name}.xlsx"
        path.write_bytes(_stable_zip(data))
        return path
    return write


def _stable_zip(data: bytes) -> bytes:
    """The workbook with fixed timestamps, so regenerating the corpus gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members:
            if member == "docProps/core.xml":
                content = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", content)
            archive.writestr(zipfile.ZipInfo(member, date_time=(2024, 1, 1, 0, 0, 0)), content,
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def raw_file(name: str, data: bytes) -> Callable[[Path], Path]:
    def write(target: Path) -> Path:
        target.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(data)
        return target / name
    return write


def _zip_bomb() -> bytes:
    """64 MB of zeros in one member (a few tens of kB packed): far beyond the 200:1 ratio."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(zipfile.ZipInfo("[Content_Types].xml", date_time=(2024, 1, 1, 0, 0, 0)), b"<Types/>")
        archive.writestr(zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=(2024, 1, 1, 0, 0, 0)),
                         b"\0" * (64 * 1024**2), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


def _not_a_workbook_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("notes.txt", date_time=(2024, 1, 1, 0, 0, 0)), b"just a text file\n")
    return buffer.getvalue()


def _hide(sheet: str, state: str = "hidden") -> Callable[[object], None]:
    def edit(workbook: object) -> None:
        workbook[sheet].sheet_state = state  # type: ignore[index]
    return edit


def _merge(workbook: object) -> None:
    sheet = workbook["participants"]  # type: ignore[index]
    sheet.merge_cells("B2:B3")  # municipality of A1 and A2 merged: A2's cell is empty


def _formula_without_cache(workbook: object) -> None:
    workbook["participants"]["B3"] = "=850+1"  # type: ignore[index]


def _cached_formula(members: dict[str, bytes]) -> None:
    """Cell B3 of participants becomes a formula with the value Excel cached (851)."""
    name = next(m for m in members if m.startswith("xl/worksheets/sheet2"))
    xml = members[name].decode()
    xml, count = re.subn(r'<c r="B3"([^>]*)>.*?</c>', '<c r="B3"><f>850+1</f><v>851</v></c>', xml, count=1)
    assert count == 1
    members[name] = xml.encode()


def _stray_far_right(workbook: object) -> None:
    workbook["participants"].cell(row=3, column=10_000, value="forgotten note")  # type: ignore[index]


def _serial_number_date(workbook: object) -> None:
    workbook["participants"]["E2"] = 43313  # a date typed as a plain number  # type: ignore[index]


def _rename_sheet(workbook: object) -> None:
    workbook["participants"].title = " Participants "  # type: ignore[index]


def _empty_sheet(workbook: object) -> None:
    workbook.remove(workbook["participants"])  # type: ignore[index, attr-defined]
    workbook.create_sheet("participants", 1)  # type: ignore[attr-defined]


def _drop_sheet(workbook: object) -> None:
    workbook.remove(workbook["spells"])  # type: ignore[index, attr-defined]


def _shrink_dimensions(members: dict[str, bytes]) -> None:
    """Every sheet's recorded size (<dimension ref>) made too small, as some programs write it."""
    for name in members:
        if name.startswith("xl/worksheets/sheet"):
            members[name] = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:B2"/>', members[name])


def _remark_only_row(workbook: object) -> None:
    sheet = workbook["participants"]  # type: ignore[index]
    sheet.cell(row=1, column=7, value="bemærkning")
    sheet.cell(row=5, column=7, value="flyttet til Odense")


def _with_column(rows: list[list[str]], values: list[str]) -> list[list[str]]:
    return [row + [value] for row, value in zip(rows, values, strict=True)]


def _cells(rows: list[list[str]], row: int, column: int, value: str) -> list[list[str]]:
    copy = [list(r) for r in rows]
    copy[row][column] = value
    return copy


LONG = "x" * 60_000
TAB = {f: _csv_text([h, *r], "\t").encode() for f, h, r in (
    ("meta.csv", ["key", "value"], META), ("participants.csv", P_HEADER, YOUTHS), ("spells.csv", S_HEADER, SPELLS))}
INVALID_BYTES = b"\x81\x8d\x8f\x90\x9d"  # undefined in Windows-1252, invalid as UTF-8

CASES: dict[str, Case] = {
    # --- delimiters, encodings, line structure
    "tab_delimiter": Case(csv_export("tab_delimiter", raw=TAB), 1, "separated by tabs", names="meta.csv"),
    "tab_delimiter_participants_only": Case(
        csv_export("tab_delimiter_participants_only", raw={"participants.csv": TAB["participants.csv"]}), 1,
        "required column missing", names="participants.csv"),
    "comma_delimiter": Case(csv_export("comma_delimiter", sep=","), 0, "", (ROWS, ROWS, 0)),
    "mixed_encodings": Case(csv_export(
        "mixed_encodings",
        p_header=["deltager_id", "kommunekode", "fødselsår", "køn", "stu_start", "stu_slut"],
        raw={"spells.csv": _csv_text([S_HEADER, *_cells(SPELLS, 1, 1, "Ordinær ansættelse")]).encode("cp1252")},
    ), 0, "", (ROWS, ROWS, 0)),
    "invalid_bytes_both": Case(csv_export("invalid_bytes_both", raw={
        "participants.csv": _csv_text([P_HEADER, *YOUTHS]).encode() + INVALID_BYTES,
        "spells.csv": _csv_text([S_HEADER, *SPELLS]).encode() + INVALID_BYTES,
    }), 1, "neither UTF-8 nor Windows-1252", names="participants.csv"),
    "bom_utf8": Case(csv_export("bom_utf8", encoding="utf-8-sig"), 0, "", (ROWS, ROWS, 0)),
    "utf16": Case(csv_export("utf16", encoding="utf-16"), 1, "is not a text (CSV) file", names="meta.csv"),
    "crlf_and_cr_line_ends": Case(csv_export("crlf_and_cr_line_ends", raw={
        "participants.csv": _csv_text([P_HEADER, *YOUTHS]).replace("\n", "\r\n").encode(),
        "spells.csv": _csv_text([S_HEADER, *SPELLS]).replace("\n", "\r").encode(),
    }), 0, "", (ROWS, ROWS, 0)),
    "blank_lines_between_rows": Case(csv_export("blank_lines_between_rows", raw={
        "participants.csv": _csv_text([P_HEADER, *YOUTHS]).replace("\n", "\n\n;;\n").encode(),
    }), 0, "", (ROWS, ROWS, 0)),
    "quoted_newlines_and_delimiters": Case(csv_export(
        "quoted_newlines_and_delimiters", p_header=P_HEADER + ["note"],
        participants=_with_column(YOUTHS, ['"line one\nline two; still the note"', '"a ""quoted"" word"', ""]),
    ), 0, "the column 'note' is not part of the format", (ROWS, ROWS, 0)),
    "trailing_empty_columns": Case(csv_export("trailing_empty_columns", raw={
        name: _csv_text([row + ["", "", ""] for row in [header, *rows]]).encode()
        for name, header, rows in (("participants.csv", P_HEADER, YOUTHS), ("spells.csv", S_HEADER, SPELLS))
    }), 0, "", (ROWS, ROWS, 0)),
    "nul_byte_early": Case(csv_export("nul_byte_early", raw={
        "participants.csv": _csv_text([P_HEADER, *YOUTHS]).encode().replace(b"A2", b"A\x002")}), 1,
        "is not a text (CSV) file", names="participants.csv"),
    "nul_byte_late": Case(csv_export("nul_byte_late", p_header=P_HEADER + ["note"], participants=_cells(
        _with_column(YOUTHS, ["y" * 5000, "", ""]), 2, 0, "A\x003"), spells=SPELLS[:4]), 3,
        "participants.csv row 4 (youth A?3), participant_id", (7, 6, 1)),
    "unterminated_quote": Case(csv_export("unterminated_quote", participants=[
        YOUTHS[0], ['"A2', *YOUTHS[1][1:]], YOUTHS[2]]), 1, "row 3: a quote", names="participants.csv"),
    "delimiter_inside_unquoted_value": Case(csv_export("delimiter_inside_unquoted_value", participants=[
        YOUTHS[0], YOUTHS[1][:3] + ["M;F"] + YOUTHS[1][4:], YOUTHS[2]]), 1,
        "participants.csv row 3: 7 fields but the header has 6"),
    "wide_row_10000_fields": Case(csv_export("wide_row_10000_fields", participants=[
        YOUTHS[0], YOUTHS[1] + ["v"] * 9_994, YOUTHS[2]]), 1, "row 3: 10000 fields but the header has 6"),
    "wide_row_10000_empty_fields": Case(csv_export("wide_row_10000_empty_fields", participants=[
        YOUTHS[0], YOUTHS[1] + [""] * 9_994, YOUTHS[2]]), 0, "", (ROWS, ROWS, 0)),
    "header_10000_columns": Case(csv_export("header_10000_columns", p_header=P_HEADER + [
        f"c{i}" for i in range(9_994)]), 1, "10000 columns; an export has at most 200"),
    "cell_60000_characters": Case(csv_export("cell_60000_characters", p_header=P_HEADER + ["note"],
                                             participants=_with_column(YOUTHS, [LONG, "", ""])),
                                  0, "the column 'note' is not part of the format", (ROWS, ROWS, 0)),
    "id_60000_characters": Case(csv_export("id_60000_characters", participants=_cells(YOUTHS, 2, 0, LONG),
                                           spells=SPELLS[:4]), 3, "is not a valid id", (7, 6, 1)),
    # --- files and folders
    "empty_participants_file": Case(csv_export("empty_participants_file", raw={"participants.csv": b""}), 1,
                                    "participants.csv: the file is empty"),
    "all_files_empty": Case(csv_export("all_files_empty", raw={f: b"" for f in ("meta.csv", "participants.csv",
                                                                                  "spells.csv")}),
                            1, "meta.csv: the file is empty"),
    "whitespace_only_file": Case(csv_export("whitespace_only_file", raw={"spells.csv": b" \r\n\r\n  \n"}), 1,
                                 "spells.csv: the file is empty"),
    "header_only": Case(csv_export("header_only", participants=[], spells=[]), 1, "no youths",
                        names="participants.csv"),
    "header_only_spells": Case(csv_export("header_only_spells", spells=[]), 0, "", (3, 3, 0)),
    "missing_spells_file": Case(csv_export("missing_spells_file", omit=("spells.csv",)), 1,
                                "the file spells.csv is missing"),
    "missing_meta_key": Case(csv_export("missing_meta_key", meta=META[:1]), 1, "'export_date' is missing",
                             names="meta.csv"),
    "duplicate_meta_key": Case(csv_export("duplicate_meta_key", meta=META + [META[0]]), 1, "is given twice",
                               names="meta.csv"),
    "lone_csv_file": Case(raw_file("participants.csv", _csv_text([P_HEADER, *YOUTHS]).encode()), 1,
                          "an export is an .xlsx workbook or a folder"),
    "old_xls_file": Case(raw_file("old_format.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)), 1,
                         "the old .xls format is not supported"),
    # --- cells and rows
    "excel_serial_dates_as_text": Case(csv_export("excel_serial_dates_as_text", participants=_cells(
        YOUTHS, 0, 4, "43313")), 3, "'43313' looks like an Excel date number stored as text", (ROWS, ROWS - 3, 3)),
    "us_style_dates": Case(csv_export("us_style_dates", spells=_cells(SPELLS, 3, 3, "12/31/2021")), 3,
                           "dates are read day first", (ROWS, ROWS - 3, 3)),
    "duplicated_ids": Case(csv_export("duplicated_ids", participants=YOUTHS + [YOUTHS[0]]), 3,
                           "'A1' also appears in row 5", (ROWS + 1, ROWS - 3, 4)),
    "duplicated_columns_alias": Case(csv_export("duplicated_columns_alias", p_header=P_HEADER + ["deltager_id"],
                                                participants=_with_column(YOUTHS, ["A1", "A2", "A3"])),
                                     1, "column 'participant_id' appears twice"),
    "duplicated_columns_case": Case(csv_export("duplicated_columns_case", s_header=S_HEADER + [" STATUS "],
                                               spells=_with_column(SPELLS, ["x"] * 5)),
                                    1, "column 'status' appears twice"),
    "spell_of_unknown_youth": Case(csv_export("spell_of_unknown_youth", spells=SPELLS + [
        ["B9", "flexjob", "2022-01-01", "", "20", ""]]), 3, "'B9' is not a youth", (ROWS + 1, ROWS, 1)),
    # --- CPR numbers where they do not belong
    "cpr_in_municipality_code": Case(csv_export("cpr_in_municipality_code", participants=_cells(
        YOUTHS, 1, 1, CPR)), 3, "'xxxxxx-xxxx' is not one of the 98 municipality codes", (ROWS, ROWS - 3, 3)),
    "cpr_in_status": Case(csv_export("cpr_in_status", spells=_cells(SPELLS, 4, 1, CPR2)), 3,
                          "'xxxxxx-xxxx' is not a known status", (ROWS, ROWS - 2, 2)),
    "cpr_in_employer_id": Case(csv_export("cpr_in_employer_id", spells=_cells(SPELLS, 1, 5, CPR)), 1,
                               "employer_id: 1 value(s) are or contain CPR numbers (xxxxxx-xxxx)"),
    "cpr_in_dropped_column": Case(csv_export("cpr_in_dropped_column", p_header=P_HEADER + ["cpr_nummer"],
                                             participants=_with_column(YOUTHS, [CPR, CPR2, ""])),
                                  0, "the column 'cpr_nummer' is not part of the format", (ROWS, ROWS, 0)),
    "cpr_in_meta": Case(csv_export("cpr_in_meta", meta=[["partnership_id", CPR], META[1]]), 1,
                        "'xxxxxx-xxxx' is not in data/reference/partnerships.csv", names="meta.csv"),
    "cpr_in_header": Case(csv_export("cpr_in_header", p_header=P_HEADER + [CPR],
                                     participants=_with_column(YOUTHS, ["", "", ""])), 0, "", (ROWS, ROWS, 0)),
    # --- workbooks
    "binary_junk": Case(raw_file("binary_junk.xlsx", bytes(range(256)) * 64), 1, "is not an Excel workbook"),
    "empty_file": Case(raw_file("empty_file.xlsx", b""), 1, "is not an Excel workbook"),
    "zip_bomb": Case(raw_file("zip_bomb.xlsx", _zip_bomb()), 1, "refused as unsafe"),
    "zip_without_workbook": Case(raw_file("zip_without_workbook.xlsx", _not_a_workbook_zip()), 1,
                                 "the workbook cannot be opened"),
    "missing_sheet": Case(xlsx_export("missing_sheet", _drop_sheet), 1, "the sheet 'spells' is missing"),
    "empty_sheet": Case(xlsx_export("empty_sheet", _empty_sheet), 1, "the sheet is empty"),
    "hidden_spells_sheet": Case(xlsx_export("hidden_spells_sheet", _hide("spells")), 0, "", (ROWS, ROWS, 0)),
    "very_hidden_meta_sheet": Case(xlsx_export("very_hidden_meta_sheet", _hide("meta", "veryHidden")), 0, "",
                                   (ROWS, ROWS, 0)),
    "merged_cells": Case(xlsx_export("merged_cells", _merge), 3,
                         "sheet participants row 3 (youth A2), municipality_code: is empty", (ROWS, ROWS - 3, 3)),
    "formula_with_cached_value": Case(xlsx_export("formula_with_cached_value", patch=_cached_formula), 0, "",
                                      (ROWS, ROWS, 0)),
    "formula_without_cached_value": Case(xlsx_export("formula_without_cached_value", _formula_without_cache), 3,
                                         "row 3 (youth A2), municipality_code: is empty", (ROWS, ROWS - 3, 3)),
    "stray_cell_far_right": Case(xlsx_export("stray_cell_far_right", _stray_far_right), 0,
                                 "(column 10000 without a name)", (ROWS, ROWS, 0)),
    "serial_number_date_cell": Case(xlsx_export("serial_number_date_cell", _serial_number_date), 3,
                                    "looks like an Excel date number", (ROWS, ROWS - 3, 3)),
    "sheet_name_case_and_spaces": Case(xlsx_export("sheet_name_case_and_spaces", _rename_sheet), 0, "",
                                       (ROWS, ROWS, 0)),
    # --- round two: rows that must not be lost, numbers that must not load, Unicode, Excel hints
    "wrong_dimension_ref": Case(xlsx_export("wrong_dimension_ref", patch=_shrink_dimensions), 0, "",
                                (ROWS, ROWS, 0)),
    "remark_only_row": Case(xlsx_export("remark_only_row", _remark_only_row), 3,
                            "row 5: the row has content only in columns outside the format (bemærkning)",
                            (ROWS + 1, ROWS, 1)),
    "note_only_csv_row": Case(csv_export("note_only_csv_row", p_header=P_HEADER + ["note"], participants=[
        *_with_column(YOUTHS, ["", "", ""]), ["", "", "", "", "", "", "ring til Anne"]]), 3,
        "row 5: the row has content only in columns outside the format (note)", (ROWS + 1, ROWS, 1)),
    "non_finite_birth_year": Case(csv_export("non_finite_birth_year", participants=_cells(YOUTHS, 0, 2, "Infinity")),
                                  3, "birth_year: 'Infinity' is not a finite number", (ROWS, ROWS - 3, 3)),
    "absurd_hours": Case(csv_export("absurd_hours", spells=_cells(SPELLS, 1, 4, "1e308")), 3,
                         "'1e308' hours a week is outside the range", (ROWS, ROWS - 3, 3)),
    "excel_sep_line": Case(csv_export("excel_sep_line", sep=",", raw={
        "participants.csv": ("sep=,\n" + _csv_text([P_HEADER, *YOUTHS], ",")).encode()}), 0, "", (ROWS, ROWS, 0)),
    "decomposed_unicode": Case(csv_export(
        "decomposed_unicode",
        p_header=[unicodedata.normalize("NFD", h) for h in
                  ["deltager_id", "kommunekode", "fødselsår", "køn", "stu_start", "stu_slut"]],
        spells=_cells(SPELLS, 3, 1, unicodedata.normalize("NFD", "Ordinær ansættelse"))), 0, "", (ROWS, ROWS, 0)),
    "cpr_with_en_dash_in_status": Case(csv_export("cpr_with_en_dash_in_status", spells=_cells(
        SPELLS, 1, 1, CPR.replace("-", "\u2013"))), 3, "status: 'xxxxxx-xxxx' is not a known status",
        (ROWS, ROWS - 3, 3)),
}


def export_path(name: str, folder: Path = CORPUS_DIR) -> Path:
    """Where a case's export lies: the one entry of folder/<case>/."""
    (path,) = (folder / name).iterdir()
    return path


def write_corpus(target: Path = CORPUS_DIR) -> list[Path]:
    """Write every case, each in its own folder target/<case>/ (the export inside it)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    return [case.write(target / name) for name, case in CASES.items()]


if __name__ == "__main__":
    written = write_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS_DIR)
    size = sum(p.stat().st_size for p in CORPUS_DIR.rglob("*") if p.is_file())
    print(f"wrote {len(written)} cases under {CORPUS_DIR} ({size / 1024:.0f} kB)")
