"""Reading the workbook form of an export (.xlsx) into raw text sheets (see pipeline/readers.py).

openpyxl in read-only mode streams the rows; the sheet's recorded size is not trusted, and
a file that is no workbook, or would unpack to an absurd size, is refused before openpyxl
opens it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.readers import MAX_COLUMNS, SHEETS, ExportRejected, RawSheet, _grid, _sheet_frame, canonical_header

MAX_XLSX_UNCOMPRESSED_BYTES = 2 * 1024**3
MAX_XLSX_COMPRESSION_RATIO = 200


def check_xlsx_container(path: Path) -> None:
    """Refuse files that are not workbooks, or would unpack to absurd sizes (zip bombs)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise ExportRejected(key="readers.not_xlsx", name=path.name) from None
    total = sum(i.file_size for i in infos)
    compressed = max(1, sum(i.compress_size for i in infos))
    if total > MAX_XLSX_UNCOMPRESSED_BYTES or total / compressed > MAX_XLSX_COMPRESSION_RATIO:
        raise ExportRejected(key="readers.zip_bomb", name=path.name, total=f"{total:,}",
                             ratio=f"{total / compressed:.0f}")


def read_xlsx(path: Path) -> dict[str, RawSheet]:
    import openpyxl  # imported here: only the xlsx form needs it

    check_xlsx_container(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for damaged files
        raise ExportRejected(key="readers.cannot_open", name=path.name, error=type(error).__name__) from None
    try:
        names = {canonical_header(n): n for n in workbook.sheetnames}
        sheets = {}
        for sheet in SHEETS:
            if sheet not in names:
                raise ExportRejected(key="readers.sheet_missing", name=path.name, sheet=sheet,
                                     found=", ".join(workbook.sheetnames))
            location = f"{path.name}, sheet {sheet}"
            header, rows, dropped, beyond = _worksheet_rows(workbook[names[sheet]], location)
            sheets[sheet] = _sheet_frame(sheet, location, header, _grid(rows), dropped=dropped, beyond=beyond)
        return sheets
    finally:
        workbook.close()


def _worksheet_rows(
    worksheet: object, location: str
) -> tuple[list[object], list[list[object]], list[str], dict[int, list[int]]]:
    """Header and rows of a sheet, cut at the header's last named column; values found right
    of it are dropped and named (a stray cell far to the right must not blow up every row),
    and the rows holding them returned (0-based -> column positions) so none is lost unseen.
    The sheet's recorded size (`<dimension ref>`) is not trusted: some programs write it
    wrong, and read-only openpyxl would then stop early and lose rows and columns."""
    worksheet.reset_dimensions()  # type: ignore[attr-defined]
    iterator = worksheet.iter_rows(values_only=True)  # type: ignore[attr-defined]
    first = next(iterator, None)
    if first is None:
        raise ExportRejected(key="readers.empty_sheet", location=location)
    header = list(first)
    while header and (header[-1] is None or str(header[-1]).strip() == ""):
        header.pop()
    if len(header) > MAX_COLUMNS:
        raise ExportRejected(key="readers.too_many_columns", location=location, n=len(header), most=MAX_COLUMNS)
    width = len(header)
    rows: list[list[object]] = []
    beyond: set[int] = set()
    beyond_rows: dict[int, list[int]] = {}
    for values in iterator:
        if len(values) > width:
            found = [width + i for i, v in enumerate(values[width:]) if v is not None and str(v).strip() != ""]
            if found:
                beyond.update(found)
                beyond_rows[len(rows)] = found
        rows.append(list(values[:width]))
    while rows and all(v is None or str(v).strip() == "" for v in rows[-1]) and len(rows) - 1 not in beyond_rows:
        rows.pop()  # trailing empty rows (a sheet without a size can report formatted, empty rows)
    dropped = [f"(column {position + 1} without a name)" for position in sorted(beyond)[:5]]
    if len(beyond) > 5:
        dropped.append(f"({len(beyond) - 5} more columns without a name)")
    return header, rows, dropped, beyond_rows
