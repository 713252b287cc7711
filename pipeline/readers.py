"""Readers: an export on disk → raw text frames, exactly as the user typed them.

Two forms are accepted (CONTRACT §1): an .xlsx workbook with sheets meta, participants,
spells; or a folder with meta.csv, participants.csv, spells.csv. Every cell comes back
as text (or missing); native Excel dates become ISO dates. Column names are matched
case-insensitively, Danish aliases are mapped to the canonical names, and columns
outside the format are dropped here, so their values never travel further.
The frame index is the row number the user sees (header = row 1).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

SHEETS = ("meta", "participants", "spells")

PARTICIPANT_COLUMNS = {
    "participant_id": "deltager_id",
    "municipality_code": "kommunekode",
    "birth_year": "fødselsår",
    "sex": "køn",
    "stu_start_date": "stu_start",
    "stu_end_date": "stu_slut",
    "phase1_start": "fase1_start",
    "phase2_start": "fase2_start",
    "phase3_start": "fase3_start",
    "phase4_start": "fase4_start",
    "programme_cost_dkk": "forløbsudgift_kr",
}
SPELL_COLUMNS = {
    "participant_id": "deltager_id",
    "status": "status",
    "start_date": "start",
    "end_date": "slut",
    "hours_per_week": "timer_pr_uge",
    "employer_id": "arbejdsgiver_id",
}
META_COLUMNS = {"key": "nøgle", "value": "værdi"}
REQUIRED_COLUMNS = {
    "meta": ("key", "value"),
    "participants": ("participant_id", "municipality_code", "stu_start_date"),
    "spells": ("participant_id", "status", "start_date"),
}
COLUMNS = {"meta": META_COLUMNS, "participants": PARTICIPANT_COLUMNS, "spells": SPELL_COLUMNS}

# Guards against files that would exhaust memory before anything could be said about them.
MAX_XLSX_UNCOMPRESSED_BYTES = 2 * 1024**3
MAX_XLSX_COMPRESSION_RATIO = 200
MAX_COLUMNS = 200


class ExportRejected(Exception):
    """The export cannot be read or lacks what every row depends on: nothing is loaded."""


@dataclass
class RawSheet:
    """One table of an export as text, indexed by the row number the user sees."""

    name: str
    location: str  # how the user finds it: 'spells.csv' or 'x.xlsx, sheet spells'
    frame: pd.DataFrame
    dropped_columns: list[str] = field(default_factory=list)


@dataclass
class RawExport:
    source_path: Path
    sha256: str
    meta: RawSheet
    participants: RawSheet
    spells: RawSheet

    @property
    def display_name(self) -> str:
        return self.source_path.name


def canonical_header(name: object) -> str:
    """How a header is compared: surrounding white space dropped, lower case."""
    return " ".join(str(name if name is not None else "").split()).lower()


def _alias_map(sheet: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for canonical, danish in COLUMNS[sheet].items():
        mapping[canonical] = canonical
        mapping[danish] = canonical
    return mapping


def _sheet_frame(
    sheet: str, location: str, header: list[object], grid: pd.DataFrame, text_cells: bool = False,
    dropped: list[str] | None = None,
) -> RawSheet:
    """Rename known columns, drop the others (names kept for the warning), index by user row.
    `grid` holds the data rows, its columns the positions 0, 1, ... (missing cells None/NaN)."""
    if len(header) > MAX_COLUMNS:
        raise ExportRejected(f"{location}: {len(header)} columns; an export has at most {MAX_COLUMNS}")
    aliases = _alias_map(sheet)
    keep: list[tuple[int, str]] = []
    dropped = list(dropped or [])
    seen: dict[str, str] = {}
    for position, raw_name in enumerate(header):
        name = canonical_header(raw_name)
        if not name:
            if position in grid.columns and _has_content(grid[position]):
                dropped.append(f"(column {position + 1} without a name)")
            continue
        if name not in aliases:
            dropped.append(str(raw_name).strip())
            continue
        canonical = aliases[name]
        if canonical in seen:
            raise ExportRejected(
                f"{location}: column '{canonical}' appears twice ('{seen[canonical]}' and "
                f"'{str(raw_name).strip()}'); keep one of them"
            )
        seen[canonical] = str(raw_name).strip()
        keep.append((position, canonical))
    missing = [c for c in REQUIRED_COLUMNS[sheet] if c not in seen]
    if missing:
        expected = ", ".join(f"'{c}' (Danish '{COLUMNS[sheet][c]}')" for c in missing)
        hint = ""
        if len(header) == 1 and "\t" in str(header[0]):
            hint = " (the values seem to be separated by tabs; save the file with ';' or ',' between values)"
        raise ExportRejected(f"{location}: required column missing: {expected}{hint}")
    index = pd.RangeIndex(2, 2 + len(grid), name="row_number")
    clean = _text_column if text_cells else _cell_column
    empty = np.full(len(grid), None, dtype=object)
    data = {canonical: clean(grid[p].to_numpy(dtype=object) if p in grid.columns else empty) for p, canonical in keep}
    frame = pd.DataFrame(data, index=index)
    frame = frame[frame.notna().any(axis=1)]
    return RawSheet(sheet, location, frame, dropped)


def _has_content(column: pd.Series) -> bool:
    """Whether a column holds anything but empty cells ('' and None/NaN are empty)."""
    values = column.to_numpy(dtype=object)
    return bool((pd.notna(values) & (values != "")).any())


def _grid(rows: list[list[object]]) -> pd.DataFrame:
    """Rows of unequal length as a frame with positional columns; short rows padded with None."""
    if not rows:
        return pd.DataFrame(index=range(0), dtype=object)
    return pd.DataFrame(rows, dtype=object)


def _text_column(values: np.ndarray) -> pd.arrays.StringArray:
    """Text cells stripped, '' and missing cells as missing."""
    cleaned = np.array([v.strip() if isinstance(v, str) else None for v in values], dtype=object)
    if len(cleaned):
        cleaned[cleaned == ""] = None
    return pd.array(cleaned, dtype="string")


def _cell_column(values: np.ndarray) -> pd.arrays.StringArray:
    """Workbook cells (numbers, dates, text) as text; '' as missing."""
    cleaned = np.array([_cell_text(v) for v in values], dtype=object)
    if len(cleaned):
        cleaned[cleaned == ""] = None
    return pd.array(cleaned, dtype="string")


def _cell_text(value: object) -> str | None:
    """A cell as the text a user would read: dates as ISO, whole numbers without '.0'."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


# ----------------------------------------------------------------------------- CSV


def decode_text(data: bytes, location: str) -> str:
    """UTF-8 (with or without BOM) or, failing that, Windows-1252."""
    if b"\x00" in data[:4096]:
        raise ExportRejected(f"{location}: this is not a text (CSV) file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ExportRejected(f"{location}: the text is neither UTF-8 nor Windows-1252") from None


def detect_delimiter(text: str) -> str:
    """';' or ',' — whichever splits the header line into more fields."""
    first_line = text.split("\n", 1)[0]
    return ";" if first_line.count(";") >= first_line.count(",") and ";" in first_line else ","


def read_csv_table(path: Path, sheet: str) -> RawSheet:
    location = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExportRejected(f"{location}: cannot be read ({error.strerror})") from None
    text = decode_text(data, location)
    if not text.strip():
        raise ExportRejected(f"{location}: the file is empty")
    delimiter = detect_delimiter(text)
    parsed = _fast_csv(text, delimiter, location)
    if parsed is None:
        header, grid = _careful_csv(text, delimiter, location)
    else:
        header, grid = parsed
    return _sheet_frame(sheet, location, header, grid, text_cells=True)


def _fast_csv(text: str, delimiter: str, location: str) -> tuple[list[object], pd.DataFrame] | None:
    """pandas' C parser for the common, well-formed file; None when the file needs the careful
    reader (NUL characters, rows wider than the header, leading blank lines)."""
    if "\x00" in text:
        return None  # the C parser would cut a cell at a NUL character
    try:
        table = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, dtype=str, na_filter=False,
                            skip_blank_lines=False, engine="c", quoting=csv.QUOTE_MINIMAL)
    except pd.errors.ParserError as error:
        opened = re.search(r"EOF inside string starting at row (\d+)", str(error))
        if opened:
            raise ExportRejected(
                f"{location} row {int(opened.group(1)) + 1}: a quote (\") opens a value that never ends; "
                "the rest of the file would be read as one cell") from None
        return None
    except (pd.errors.EmptyDataError, ValueError):
        return None
    table.columns = range(table.shape[1])
    return table.iloc[0].tolist(), table.iloc[1:].reset_index(drop=True)


def _careful_csv(text: str, delimiter: str, location: str) -> tuple[list[object], pd.DataFrame]:
    """The csv module's reader, row by row; refuses rows with values beyond the header."""
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ExportRejected(f"{location}: cannot be read as CSV ({error})") from None
    header, rows = records[0], records[1:]
    width = len(header)
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    for position in np.flatnonzero(lengths > width):  # only the rows that are too wide are looked at
        row, number = rows[position], int(position) + 2
        if any(cell.strip() for cell in row[width:]):
            raise ExportRejected(
                f"{location} row {number}: {len(row)} fields but the header has {width} "
                f"(is the delimiter '{delimiter}' used inside a value without quotes?)"
            )
        rows[position] = row[:width]
    return header, _grid(rows)


def read_csv_folder(folder: Path) -> dict[str, RawSheet]:
    found = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
    sheets = {}
    for sheet in SHEETS:
        path = found.get(f"{sheet}.csv")
        if path is None:
            raise ExportRejected(f"{folder.name}: the file {sheet}.csv is missing (an export folder holds "
                                 "meta.csv, participants.csv and spells.csv)")
        sheets[sheet] = read_csv_table(path, sheet)
    return sheets


# ----------------------------------------------------------------------------- xlsx


def check_xlsx_container(path: Path) -> None:
    """Refuse files that are not workbooks, or would unpack to absurd sizes (zip bombs)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise ExportRejected(f"{path.name}: this is not an Excel workbook (.xlsx); "
                             "save it again from Excel as .xlsx") from None
    total = sum(i.file_size for i in infos)
    compressed = max(1, sum(i.compress_size for i in infos))
    if total > MAX_XLSX_UNCOMPRESSED_BYTES or total / compressed > MAX_XLSX_COMPRESSION_RATIO:
        raise ExportRejected(f"{path.name}: the workbook would unpack to {total:,} bytes "
                             f"({total / compressed:.0f} times its size); refused as unsafe")


def read_xlsx(path: Path) -> dict[str, RawSheet]:
    import openpyxl  # imported here: only the xlsx form needs it

    check_xlsx_container(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for damaged files
        raise ExportRejected(f"{path.name}: the workbook cannot be opened ({type(error).__name__})") from None
    try:
        names = {canonical_header(n): n for n in workbook.sheetnames}
        sheets = {}
        for sheet in SHEETS:
            if sheet not in names:
                raise ExportRejected(f"{path.name}: the sheet '{sheet}' is missing (found: "
                                     f"{', '.join(workbook.sheetnames)})")
            location = f"{path.name}, sheet {sheet}"
            header, rows, beyond = _worksheet_rows(workbook[names[sheet]], location)
            sheets[sheet] = _sheet_frame(sheet, location, header, _grid(rows), dropped=beyond)
        return sheets
    finally:
        workbook.close()


def _worksheet_rows(worksheet: object, location: str) -> tuple[list[object], list[list[object]], list[str]]:
    """Header and rows of a sheet, cut at the header's last named column; values found right
    of it are dropped and named (a stray cell far to the right must not blow up every row)."""
    iterator = worksheet.iter_rows(values_only=True)  # type: ignore[attr-defined]
    first = next(iterator, None)
    if first is None:
        raise ExportRejected(f"{location}: the sheet is empty (no header row)")
    header = list(first)
    while header and (header[-1] is None or str(header[-1]).strip() == ""):
        header.pop()
    if len(header) > MAX_COLUMNS:
        raise ExportRejected(f"{location}: {len(header)} columns; an export has at most {MAX_COLUMNS}")
    width = len(header)
    rows: list[list[object]] = []
    beyond: set[int] = set()
    for values in iterator:
        if len(values) > width:
            beyond.update(width + i for i, v in enumerate(values[width:]) if v is not None and v != "")
        rows.append(list(values[:width]))
    dropped = [f"(column {position + 1} without a name)" for position in sorted(beyond)[:5]]
    if len(beyond) > 5:
        dropped.append(f"({len(beyond) - 5} more columns without a name)")
    return header, rows, dropped


# ----------------------------------------------------------------------------- export


def export_sha256(path: Path) -> str:
    """Checksum of an export: the file's bytes, or a folder's three CSV files in order."""
    digest = hashlib.sha256()
    if path.is_dir():
        for sheet in SHEETS:
            file = next((p for p in path.iterdir() if p.name.lower() == f"{sheet}.csv"), None)
            digest.update(sheet.encode())
            if file is not None:
                digest.update(file.read_bytes())
    else:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def is_csv_export_folder(path: Path) -> bool:
    return path.is_dir() and any(p.name.lower() == "meta.csv" for p in path.iterdir())


def find_exports(paths: list[Path]) -> list[Path]:
    """Exports under the given files/folders: .xlsx files and folders holding meta.csv."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such file or folder")
        if path.is_file() or is_csv_export_folder(path):
            found.append(path)
            continue
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() == ".xlsx" and not child.name.startswith("~$"):
                found.append(child)
            elif is_csv_export_folder(child):
                found.append(child)
    return found


def read_export(path: Path) -> RawExport:
    """Read one export (xlsx file or CSV folder) into raw text sheets."""
    if path.is_dir():
        sheets = read_csv_folder(path)
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        sheets = read_xlsx(path)
    elif path.suffix.lower() == ".xls":
        raise ExportRejected(f"{path.name}: the old .xls format is not supported; save it as .xlsx")
    else:
        raise ExportRejected(f"{path.name}: an export is an .xlsx workbook or a folder with "
                             "meta.csv, participants.csv and spells.csv")
    return RawExport(path, export_sha256(path), sheets["meta"], sheets["participants"], sheets["spells"])
