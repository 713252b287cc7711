"""Readers: an export on disk → raw text frames, exactly as the user typed them.

Two forms are accepted (docs/export-format.md): an .xlsx workbook with sheets meta,
participants, spells; or a folder with meta.csv, participants.csv, spells.csv (and a
comparison extract's register form, read by pipeline/comparison/register.py). Every cell
comes back as text (Arrow strings, see pipeline/parsing.py) or missing; native Excel dates
become ISO dates. Column names are
matched after NFC normalisation and case-insensitively, Danish aliases are mapped to the
canonical names, and columns outside the format are dropped here, so their values never
travel further — rows whose only content was there are kept as `stray_rows` (column
names only) so they are counted and quarantined, not lost.
The frame index is the row number the user sees (header = row 1)."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from pipeline.parsing import clean_text

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
    # stu_start_date too for a cohort export (a comparison extract may lack it): checked in validation
    "participants": ("participant_id", "municipality_code"),
    "spells": ("participant_id", "status", "start_date"),
}
COLUMNS = {"meta": META_COLUMNS, "participants": PARTICIPANT_COLUMNS, "spells": SPELL_COLUMNS}

# Guards against files that would exhaust memory before anything could be said about them
# (the limits of workbooks are in pipeline/readers_xlsx.py).
MAX_COLUMNS = 200
ARROW_BLOCK = 1 << 22  # bytes per block of Arrow's CSV reader


class ExportRejected(Exception):
    """The export cannot be read or lacks what every row depends on: nothing is loaded.
    Raised with a text key of pipeline/texts/ingest.toml and its fields (so the command can
    say it in its language), or with a finished sentence."""

    def __init__(self, message: str = "", *, key: str | None = None, **fields: object) -> None:
        self.key, self.fields = key, fields
        super().__init__(message or self.text("da"))

    def text(self, lang: str) -> str:
        """The sentence in `lang` (a finished sentence is returned as it is)."""
        if self.key is None:
            return str(self)
        from pipeline.texts import t

        fields = dict(self.fields)
        if "location" in fields:
            fields["location"] = localised_location(str(fields["location"]), lang)
        return t(self.key, lang, **fields)


def localised_location(location: str, lang: str) -> str:
    """'x.xlsx, sheet spells' as the user's language says it ('x.xlsx, ark spells')."""
    return location.replace(", sheet ", ", ark ") if lang == "da" else location


@dataclass
class RawSheet:
    """One table of an export as text, indexed by the row number the user sees."""

    name: str
    location: str  # how the user finds it: 'spells.csv' or 'x.xlsx, sheet spells'
    frame: pd.DataFrame
    dropped_columns: list[str] = field(default_factory=list)
    # Rows with content only in columns outside the format: row number -> those columns
    # (a header's name, or the 1-based number of a column without one; never the values).
    # They count as read and are quarantined, not lost.
    stray_rows: dict[int, list[str | int]] = field(default_factory=dict)


@dataclass
class RawExport:
    source_path: Path
    sha256: str
    meta: RawSheet
    participants: RawSheet
    spells: RawSheet
    form: str = "export"  # 'export' (the cohort-export form) or 'register' (weekly benefit codes)

    @property
    def display_name(self) -> str:
        from pipeline.privacy import mask_cpr

        return mask_cpr(self.source_path.name)


def nfc(text: str) -> str:
    """Unicode NFC: 'å' typed as a + combining ring (macOS, some web forms) becomes one 'å'."""
    return unicodedata.normalize("NFC", text)


def canonical_header(name: object) -> str:
    """How a header is compared: NFC, surrounding white space dropped, lower case."""
    return nfc(" ".join(str(name if name is not None else "").split())).lower()


def _alias_map(sheet: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for canonical, danish in COLUMNS[sheet].items():
        mapping[canonical] = canonical
        mapping[danish] = canonical
    return mapping


def _sheet_frame(
    sheet: str, location: str, header: list[object], grid: pd.DataFrame, text_cells: bool = False,
    dropped: list[str] | None = None, beyond: dict[int, list[int]] | None = None,
) -> RawSheet:
    """Rename known columns, drop the others (names kept for the warning), index by user row.
    `grid` holds the data rows, its columns the positions 0, 1, ... (missing cells None/NaN);
    `beyond` the 0-based grid rows with content right of the header (-> their column positions)."""
    if len(header) > MAX_COLUMNS:
        raise ExportRejected(key="readers.too_many_columns", location=location, n=len(header), most=MAX_COLUMNS)
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
            raise ExportRejected(key="readers.column_twice", location=location, column=canonical,
                                 first=seen[canonical], second=str(raw_name).strip())
        seen[canonical] = str(raw_name).strip()
        keep.append((position, canonical))
    missing = [c for c in REQUIRED_COLUMNS[sheet] if c not in seen]
    if missing:
        expected = ", ".join(f"'{c}' ('{COLUMNS[sheet][c]}')" for c in missing)
        tabs = len(header) == 1 and "\t" in str(header[0])
        raise ExportRejected(key="readers.required_missing_tabs" if tabs else "readers.required_missing",
                             location=location, expected=expected)
    index = pd.RangeIndex(2, 2 + len(grid), name="row_number")
    empty = np.full(len(grid), None, dtype=object)
    if text_cells:
        data = {canonical: _text_column(grid[p] if p in grid.columns else empty) for p, canonical in keep}
    else:
        data = {canonical: _cell_column(grid[p].to_numpy(dtype=object) if p in grid.columns else empty)
                for p, canonical in keep}
    frame = pd.DataFrame(data, index=index)
    kept = frame.notna().any(axis=1)
    names: list[str | int] = [("" if n is None else str(n).strip()) or p + 1 for p, n in enumerate(header)]
    stray = _stray_rows(grid, kept.to_numpy(), {p for p, _ in keep}, names, beyond or {})
    return RawSheet(sheet, location, frame[kept], dropped, stray)


def _stray_rows(grid: pd.DataFrame, kept: np.ndarray, known: set[int], names: list[str | int],
                beyond: dict[int, list[int]]) -> dict[int, list[str | int]]:
    """Rows with nothing in the format's columns but something elsewhere (a remark, a name):
    user row number -> the columns that hold it (at most three)."""
    unknown = [p for p in grid.columns if p not in known]
    stray: dict[int, list[str | int]] = {}
    empty_rows = np.flatnonzero(~kept)  # only rows with nothing in the format's columns are looked at
    if unknown and len(empty_rows):
        values = grid.iloc[empty_rows][unknown].to_numpy(dtype=object, na_value=None)
        filled = np.array([[v is not None and not (isinstance(v, float) and np.isnan(v)) and str(v).strip() != ""
                            for v in row] for row in values], dtype=bool).reshape(values.shape)
        for i in np.flatnonzero(filled.any(axis=1)):
            columns = [names[unknown[j]] if unknown[j] < len(names) else int(unknown[j]) + 1
                       for j in np.flatnonzero(filled[i])]
            stray[int(empty_rows[i]) + 2] = columns[:3]
    for position, columns in beyond.items():
        if not kept[position] and position + 2 not in stray:
            stray[position + 2] = [c + 1 for c in columns[:3]]
    return stray


def _has_content(column: pd.Series) -> bool:
    """Whether a column holds anything but empty cells ('' and None/NaN are empty)."""
    values = column.to_numpy(dtype=object)
    return bool((pd.notna(values) & (values != "")).any())


def _grid(rows: list[list[object]]) -> pd.DataFrame:
    """Rows of unequal length as a frame with positional columns; short rows padded with None."""
    if not rows:
        return pd.DataFrame(index=range(0), dtype=object)
    return pd.DataFrame(rows, dtype=object)


def _text_column(values: np.ndarray | pd.Series) -> pd.arrays.ArrowStringArray:
    """Text cells stripped, '' and missing cells as missing (anything but text is missing)."""
    return clean_text(values)


def _cell_column(values: np.ndarray) -> pd.arrays.ArrowStringArray:
    """Workbook cells (numbers, dates, text) as text; '' as missing."""
    return clean_text(np.array([_cell_text(v) for v in values], dtype=object))


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
    return _decoded(data, location)[0]


def _decoded(data: bytes, location: str) -> tuple[str, bool]:
    """The text, and whether it was UTF-8 (then the bytes after a BOM are the text's UTF-8)."""
    if b"\x00" in data[:4096]:
        raise ExportRejected(key="readers.not_text", location=location)
    try:
        return data.decode("utf-8-sig"), True
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), False
    except UnicodeDecodeError:
        raise ExportRejected(key="readers.encoding", location=location) from None


def _first_line(text: str) -> str:
    end = text.find("\n")
    return text if end < 0 else text[:end]


def detect_delimiter(text: str) -> str:
    """';' or ',' — whichever splits the header line into more fields."""
    first_line = _first_line(text)
    return ";" if first_line.count(";") >= first_line.count(",") and ";" in first_line else ","


def read_csv_table(path: Path, sheet: str) -> RawSheet:
    location = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExportRejected(key="readers.cannot_read", location=location, error=error.strerror) from None
    text, utf8 = _decoded(data, location)
    if not text or text.isspace():
        raise ExportRejected(key="readers.empty_file", location=location)
    hint = re.match(r"(?i)\s*sep=(.)[ \t]*\r?\n", text)
    encoded = None  # the text's UTF-8 when the file's bytes are just that (no need to encode it again)
    if hint:  # Excel's delimiter hint: read, and not a row (Excel shows the header as row 1)
        delimiter, text = hint.group(1), text[hint.end():]
    else:
        delimiter = detect_delimiter(text)
        encoded = (data[3:] if data.startswith(codecs.BOM_UTF8) else data) if utf8 else None
    parsed = _fast_csv(text, delimiter, location, encoded)
    if parsed is None:
        header, grid = _careful_csv(text, delimiter, location)
    else:
        header, grid = parsed
    return _sheet_frame(sheet, location, header, grid, text_cells=True)


def _fast_csv(text: str, delimiter: str, location: str, encoded: bytes | None = None
              ) -> tuple[list[object], pd.DataFrame] | None:
    """Arrow's reader for the plainest files, else pandas' C parser for the common, well-formed
    file; None when the file needs the careful reader (NUL characters, rows wider than the
    header, leading blank lines)."""
    if "\x00" in text:
        return None  # the C parser would cut a cell at a NUL character
    plain = _arrow_csv(text, delimiter, encoded)
    if plain is not None:
        return plain
    try:
        table = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, dtype=str, na_filter=False,
                            skip_blank_lines=False, engine="c", quoting=csv.QUOTE_MINIMAL)
    except pd.errors.ParserError as error:
        opened = re.search(r"EOF inside string starting at row (\d+)", str(error))
        if opened:
            raise ExportRejected(key="readers.open_quote", location=location,
                                 row=int(opened.group(1)) + 1) from None
        return None
    except (pd.errors.EmptyDataError, ValueError):
        return None
    table.columns = range(table.shape[1])
    return table.iloc[0].tolist(), table.iloc[1:].reset_index(drop=True)


def _arrow_csv(text: str, delimiter: str, encoded: bytes | None = None) -> tuple[list[object], pd.DataFrame] | None:
    """Arrow's multi-threaded CSV reader for the plainest files: no quote character, no blank
    line, no carriage return but in CRLF line ends, every row as wide as the header. There
    it reads exactly what pandas' C parser reads, without a Python object per cell; any
    other file (or an Arrow error) returns None and goes to pandas. `encoded`: the text's UTF-8
    when the caller has it. One thread and large blocks: a file of a few tens of megabytes
    reads fastest so, and the other core is loading the previous export meanwhile."""
    carriage = "\r" in text
    if ('"' in text or text.startswith(("\n", "\r\n")) or "\n\n" in text
            or (carriage and (text.count("\r") != text.count("\r\n") or "\n\r\n" in text))):
        return None
    width = _first_line(text).count(delimiter) + 1
    names = [f"c{i}" for i in range(width)]
    try:
        table = pa_csv.read_csv(
            pa.py_buffer(text.encode("utf-8") if encoded is None else encoded),
            read_options=pa_csv.ReadOptions(column_names=names, use_threads=False, block_size=ARROW_BLOCK),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, quote_char=False, escape_char=False,
                                              newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()),
                                                  strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    if table.num_rows == 0:
        return None
    header = [column[0].as_py() for column in table.columns]
    rest = table.slice(1)
    grid = pd.DataFrame({i: pd.arrays.ArrowStringArray(column.combine_chunks())
                         for i, column in enumerate(rest.columns)}, index=pd.RangeIndex(rest.num_rows))
    return header, grid


def _careful_csv(text: str, delimiter: str, location: str) -> tuple[list[object], pd.DataFrame]:
    """The csv module's reader, row by row; refuses rows with values beyond the header."""
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ExportRejected(key="readers.not_csv", location=location, error=error) from None
    header, rows = records[0], records[1:]
    width = len(header)
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    for position in np.flatnonzero(lengths > width):  # only the rows that are too wide are looked at
        row, number = rows[position], int(position) + 2
        if any(cell.strip() for cell in row[width:]):
            raise ExportRejected(key="readers.row_too_wide", location=location, row=number, n=len(row),
                                 width=width, delimiter=delimiter)
        rows[position] = row[:width]
    return header, _grid(rows)


def read_csv_folder(folder: Path) -> dict[str, RawSheet]:
    found = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
    sheets = {}
    for sheet in SHEETS:
        path = found.get(f"{sheet}.csv")
        if path is None:
            raise ExportRejected(key="readers.csv_missing", folder=folder.name, sheet=sheet)
        sheets[sheet] = read_csv_table(path, sheet)
    return sheets


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


def _register_module():  # noqa: ANN202 - a module or None
    """pipeline.comparison.register when it is installed (imported lazily: only register
    extracts need it, and every other export must read without it)."""
    try:
        from pipeline.comparison import register
    except ImportError:
        return None
    return register


def is_register_folder(path: Path) -> bool:
    """A comparison extract in the register form (meta.csv + weekly.csv)."""
    module = _register_module()
    return module is not None and path.is_dir() and bool(module.is_register_export(path))


def is_side_file(path: Path) -> bool:
    """Files an export folder may hold that are not exports: macOS resource forks
    ('._name.xlsx', written next to every file copied from a Mac to a USB stick) and Excel's
    lock files ('~$name.xlsx', present while the workbook is open)."""
    return path.name.startswith(("._", "~$"))


def find_exports(paths: list[Path], skipped: list[Path] | None = None) -> list[Path]:
    """Exports under the given files/folders: .xlsx files and folders holding meta.csv.
    Side files (see `is_side_file`) are left out and appended to `skipped`, so the
    caller can say so."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            from pipeline.privacy import safe_path

            raise FileNotFoundError(f"{safe_path(path)}: no such file or folder")
        if path.is_file() and is_side_file(path):
            if skipped is not None:
                skipped.append(path)
            continue
        if path.is_file() or is_csv_export_folder(path):
            found.append(path)
            continue
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in (".xlsx", ".xlsm"):
                if is_side_file(child):
                    if skipped is not None:
                        skipped.append(child)
                    continue
                found.append(child)
            elif is_csv_export_folder(child):
                found.append(child)
    return found


def read_export(path: Path, sha256: str | None = None) -> RawExport:
    """Read one export (xlsx file, CSV folder or register extract) into raw text sheets
    (`sha256`: its checksum when the caller has computed it already)."""
    if path.is_dir() and is_register_folder(path):
        module = _register_module()
        raw = module.read_register_export(path)
        raw.form = "register"
        return raw
    if path.is_dir():
        sheets = read_csv_folder(path)
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        from pipeline.readers_xlsx import read_xlsx

        sheets = read_xlsx(path)
    elif path.suffix.lower() == ".xls":
        raise ExportRejected(key="readers.old_xls", name=path.name)
    else:
        raise ExportRejected(key="readers.not_an_export", name=path.name)
    return RawExport(path, sha256 or export_sha256(path), sheets["meta"], sheets["participants"], sheets["spells"])
