"""Cell styles and sheet set-up shared by the workbook's sheets (formatting for people)."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

HEADER_ROW = 4  # header of every year-by-year table
FIRST_ROW = 5  # year 1
STATUS_COLUMN = 3  # statuses fill columns C, D, … on the distribution, baseline, gross and input sheets

MONEY = "#,##0"
MONEY_SIGNED = "#,##0;-#,##0"
SHARE = "0.0%"
SHARE_FINE = "0.00%"
FACTOR = "0.0000"
FTE = "#,##0.0"
FTE_FINE = "0.000"
COUNT = "#,##0"
YEAR = "0"

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # yellow: may be changed
DATA_FILL = PatternFill("solid", fgColor="DDEBF7")  # blue: data from the release
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
NOTE_FONT = Font(italic=True, color="595959")
WARNING_FONT = Font(bold=True, color="C00000", size=12)
WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="bottom", horizontal="center")


def column(index: int) -> str:
    """Column letter of a 1-based index."""
    return get_column_letter(index)


def status_column(j: int) -> str:
    """Column letter of the j-th status (0-based)."""
    return column(STATUS_COLUMN + j)


def year_row(k: int) -> int:
    """Row of year k (1-based) on a year-by-year sheet."""
    return FIRST_ROW + k - 1


def title(sheet: Worksheet, text: str, note: str | None = None) -> None:
    sheet["A1"] = text
    sheet["A1"].font = TITLE_FONT
    if note:
        sheet["A2"] = note
        sheet["A2"].font = NOTE_FONT


def header(sheet: Worksheet, row: int, labels: list[str], first_column: int = 1) -> None:
    for offset, label in enumerate(labels):
        cell = sheet.cell(row=row, column=first_column + offset, value=label)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGN
    sheet.row_dimensions[row].height = 45


def widths(sheet: Worksheet, widths_by_column: dict[str, float]) -> None:
    for letter, width in widths_by_column.items():
        sheet.column_dimensions[letter].width = width


def finish(sheet: Worksheet, last_column: int, last_row: int, freeze: str | None) -> None:
    """Frozen headers, a print area, landscape pages fitted to the width, repeated header rows."""
    if freeze:
        sheet.freeze_panes = freeze
    sheet.print_area = f"A1:{column(last_column)}{last_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if freeze:
        sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
