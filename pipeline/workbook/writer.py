"""reports/savings.xlsx: a SØM-style workbook whose figures are live formulas of its inputs."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.formatting import check_lang
from pipeline.texts import t
from pipeline.workbook.calc import (
    NATIONAL_COLUMNS,
    RESULT_COLUMNS,
    Names,
    write_baseline,
    write_distribution,
    write_gross,
    write_national,
    write_result,
)
from pipeline.workbook.front import quoted, write_about, write_input
from pipeline.workbook.inputs import PROGRAMME_RESULTS, YEAR_RESULTS, WorkbookInputs
from pipeline.workbook.layout import (
    DATA_FILL,
    FACTOR,
    FTE,
    FTE_FINE,
    HEADER_ROW,
    MONEY_SIGNED,
    SHARE,
    YEAR,
    finish,
    header,
    title,
    widths,
    year_row,
)

# where each published quantity is recomputed: (sheet key, column) by year, or a key figure
YEAR_CELLS = {
    "gross_municipal_dkk": ("result", "gross_m"), "gross_state_dkk": ("result", "gross_s"),
    "cost_municipal_dkk": ("result", "cost_m"), "cost_state_dkk": ("result", "cost_s"),
    "net_municipal_dkk": ("result", "net_m"), "net_state_dkk": ("result", "net_s"), "net_total_dkk": ("result", "net"),
    "net_municipal_per_youth_dkk": ("result", "net_m_youth"), "net_total_per_youth_dkk": ("result", "net_youth"),
    "discount_factor": ("result", "discount"), "cumulative_net_total_dkk": ("result", "cum"),
    "cumulative_npv_total_dkk": ("result", "cum_pv"), "share_job": ("result", "share_job"),
    "share_job_or_education": ("result", "share_je"), "fte_per_youth": ("result", "fte"),
    "national_cohort_net_total_dkk": ("national", "cohort_net"),
    "national_cohort_net_municipal_dkk": ("national", "cohort_net_m"),
    "national_cohort_extra_fte": ("national", "cohort_fte"), "national_stock_net_total_dkk": ("national", "stock_net"),
    "national_stock_net_municipal_dkk": ("national", "stock_net_m"),
    "national_stock_extra_fte": ("national", "stock_fte"),
}
PROGRAMME_CELLS = {"npv_net_total_dkk": "npv", "npv_net_municipal_dkk": "npv_m", "npv_net_state_dkk": "npv_s",
                   "break_even_year": "break_even"}
assert set(YEAR_CELLS) == set(YEAR_RESULTS) and set(PROGRAMME_CELLS) == set(PROGRAMME_RESULTS)


def write_workbook(inputs: WorkbookInputs, path: Path, lang: str = "da") -> Path:
    """Write the workbook (Danish; English with lang='en'); returns its path."""
    lang = check_lang(lang)
    book = Workbook()
    sheets = {"about": book.active}
    sheets["about"].title = t("wb.sheet.about", lang)
    for key in ("input", "distribution", "baseline", "gross", "result", "national", "check"):
        sheets[key] = book.create_sheet(t(f"wb.sheet.{key}", lang))
    names = Names(**{key: quoted(sheets[key].title) for key in Names.__dataclass_fields__})
    write_about(sheets["about"], inputs, lang)
    rows = write_input(book, sheets["input"], inputs, lang)
    write_distribution(sheets["distribution"], inputs, rows, names, lang)
    write_baseline(sheets["baseline"], inputs, lang)
    write_gross(sheets["gross"], inputs, rows, names, lang)
    key_cells = write_result(sheets["result"], inputs, names, lang)
    write_national(sheets["national"], inputs, names, lang)
    write_check(sheets["check"], inputs, names, key_cells, lang)
    book.calculation.fullCalcOnLoad = True  # the file carries formulas only: compute on opening
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _format(quantity: str) -> str:
    if quantity.startswith("share"):
        return SHARE
    if quantity == "discount_factor":
        return FACTOR
    if quantity == "break_even_year":
        return YEAR
    if quantity.endswith("extra_fte"):
        return FTE
    if quantity == "fte_per_youth":
        return FTE_FINE
    return MONEY_SIGNED


def _label(quantity: str, lang: str) -> str:
    if quantity in YEAR_CELLS:
        sheet, key = YEAR_CELLS[quantity]
        columns = RESULT_COLUMNS if sheet == "result" else NATIONAL_COLUMNS
        return t(columns[key][1], lang)
    return t(f"wb.res.{PROGRAMME_CELLS[quantity]}", lang)


def write_check(sheet: Worksheet, inputs: WorkbookInputs, names: Names, key_cells: dict[str, str], lang: str) -> None:
    """Each published result beside the workbook's live value and their difference."""
    title(sheet, t("wb.chk.title", lang))
    header(sheet, HEADER_ROW, [t("wb.chk.figure", lang), t("wb.col.year", lang), t("wb.chk.key", lang),
                               t("wb.chk.published", lang), t("wb.chk.workbook", lang), t("wb.chk.difference", lang)])
    row = HEADER_ROW + 1
    wanted = [(q, None) for q in PROGRAMME_RESULTS] + [(q, k) for q in YEAR_RESULTS
                                                       for k in range(1, inputs.horizon + 1)]
    for quantity, year in wanted:
        if (quantity, year) not in inputs.results:
            continue
        if year is None:
            reference = f"={names.result}!{key_cells[PROGRAMME_CELLS[quantity]]}"
        else:
            sheet_key, column_key = YEAR_CELLS[quantity]
            columns = RESULT_COLUMNS if sheet_key == "result" else NATIONAL_COLUMNS
            reference = f"={getattr(names, sheet_key)}!{columns[column_key][0]}{year_row(year)}"
        number_format = _format(quantity)
        sheet.cell(row=row, column=1, value=_label(quantity, lang))
        sheet.cell(row=row, column=2, value=year if year is not None else t("wb.chk.programme", lang))
        sheet.cell(row=row, column=3, value=quantity)
        published = sheet.cell(row=row, column=4, value=inputs.results[(quantity, year)])
        published.fill = DATA_FILL
        workbook = sheet.cell(row=row, column=5, value=reference)
        difference = sheet.cell(row=row, column=6, value=f'=IF(ISNUMBER(E{row}),E{row}-D{row},"–")')
        for cell in (published, workbook, difference):
            cell.number_format = number_format
        row += 1
    widths(sheet, {"A": 44, "B": 16, "C": 34, "D": 18, "E": 18, "F": 14})
    finish(sheet, 6, row - 1, "A5")
