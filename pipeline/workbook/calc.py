"""The calculation sheets: live formulas from the input sheet to net present value and the check.

Every figure here is a formula of the input sheet, the baseline sheet and the release's data,
so that changing an input in Excel or LibreOffice recomputes the whole chain.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.worksheet.worksheet import Worksheet

from pipeline.texts import status_label, t
from pipeline.workbook import layout
from pipeline.workbook.front import StatusRows
from pipeline.workbook.inputs import WorkbookInputs
from pipeline.workbook.layout import (
    BOLD,
    COUNT,
    DATA_FILL,
    FACTOR,
    FIRST_ROW,
    FTE,
    FTE_FINE,
    HEADER_ROW,
    INPUT_FILL,
    MONEY_SIGNED,
    NOTE_FONT,
    SHARE,
    SHARE_FINE,
    WRAP,
    YEAR,
    column,
    status_column,
    year_row,
)

# columns of the result sheet: key -> (letter, header text key, number format)
RESULT_COLUMNS = {
    "year": ("A", "wb.col.year", YEAR), "source": ("B", "wb.col.source", None),
    "gross_m": ("C", "wb.res.gross_m", MONEY_SIGNED), "gross_s": ("D", "wb.res.gross_s", MONEY_SIGNED),
    "cost_m": ("E", "wb.res.cost_m", MONEY_SIGNED), "cost_s": ("F", "wb.res.cost_s", MONEY_SIGNED),
    "net_m": ("G", "wb.res.net_m", MONEY_SIGNED), "net_s": ("H", "wb.res.net_s", MONEY_SIGNED),
    "net": ("I", "wb.res.net", MONEY_SIGNED), "net_m_youth": ("J", "wb.res.net_m_youth", MONEY_SIGNED),
    "net_youth": ("K", "wb.res.net_youth", MONEY_SIGNED), "discount": ("L", "wb.res.discount", FACTOR),
    "pv": ("M", "wb.res.pv", MONEY_SIGNED), "cum": ("N", "wb.res.cum", MONEY_SIGNED),
    "cum_pv": ("O", "wb.res.cum_pv", MONEY_SIGNED), "paid": ("P", "wb.res.paid", YEAR),
    "share_job": ("Q", "wb.col.share_job", SHARE), "share_je": ("R", "wb.col.share_job_edu", SHARE),
    "fte": ("S", "wb.col.fte", FTE_FINE), "base_fte": ("T", "wb.res.base_fte", FTE_FINE),
    "extra_fte": ("U", "wb.res.extra_fte", FTE_FINE),
}
NATIONAL_COLUMNS = {
    "year": ("A", "wb.col.year", YEAR), "youths": ("B", "wb.nat.youths", COUNT),
    "cohort_net": ("C", "wb.nat.cohort_net", MONEY_SIGNED), "cohort_net_m": ("D", "wb.nat.cohort_net_m", MONEY_SIGNED),
    "cohort_fte": ("E", "wb.nat.cohort_fte", FTE), "stock_net": ("F", "wb.nat.stock_net", MONEY_SIGNED),
    "stock_net_m": ("G", "wb.nat.stock_net_m", MONEY_SIGNED), "stock_fte": ("H", "wb.nat.stock_fte", FTE),
}


@dataclass(frozen=True)
class Names:
    """Quoted sheet names for cross-sheet references."""

    input: str
    distribution: str
    baseline: str
    gross: str
    result: str
    national: str


def _status_cells(inputs: WorkbookInputs) -> tuple[str, str]:
    return status_column(0), status_column(len(inputs.statuses) - 1)


def _year_labels(sheet: Worksheet, inputs: WorkbookInputs, lang: str, with_source: bool = True) -> None:
    for k in range(1, inputs.horizon + 1):
        sheet.cell(row=year_row(k), column=1, value=k).number_format = YEAR
        if with_source:
            sheet.cell(row=year_row(k), column=2, value=t(f"wb.source.{inputs.year_source[k - 1]}", lang))


def _share_columns(sheet: Worksheet, inputs: WorkbookInputs, row: int) -> None:
    """Sum, share in job, in job or education and FTE per youth of one distribution row."""
    first, last = _status_cells(inputs)
    after = 3 + len(inputs.statuses)
    span = f"{first}{row}:{last}{row}"
    formulas = (f"=SUM({span})", f"=SUMPRODUCT(status_job,{span})", f"=SUMPRODUCT(status_job_edu,{span})",
                f"=SUMPRODUCT(status_fte,{span})")
    for offset, (formula, number_format) in enumerate(zip(formulas, (SHARE, SHARE, SHARE, FTE_FINE), strict=True)):
        cell = sheet.cell(row=row, column=after + offset, value=formula)
        cell.number_format = number_format


def _distribution_header(sheet: Worksheet, inputs: WorkbookInputs, row: int, lang: str, second: str) -> None:
    labels = [t("wb.col.year", lang), second, *(status_label(s, lang) for s in inputs.statuses)]
    layout.header(sheet, row, labels + [t("wb.col.sum", lang), t("wb.col.share_job", lang),
                                 t("wb.col.share_job_edu", lang), t("wb.col.fte", lang)])


def distribution_rows(inputs: WorkbookInputs) -> tuple[int, int]:
    """First row of the published distribution and of the projection base on the distribution sheet."""
    published = year_row(inputs.horizon) + 4
    return published, published + inputs.horizon + 3


def write_distribution(sheet: Worksheet, inputs: WorkbookInputs, rows: StatusRows, names: Names, lang: str) -> None:
    """D_k(s): the published distribution, plus — in projected years — what a changed job retention
    or status after a lost job changes, computed from the job shares J_L(s) projected from year L."""
    layout.title(sheet, t("wb.dist.title", lang), t("wb.dist.note", lang))
    _distribution_header(sheet, inputs, HEADER_ROW, lang, t("wb.col.source", lang))
    _year_labels(sheet, inputs, lang)
    horizon, n_status = inputs.horizon, len(inputs.statuses)
    published, base = distribution_rows(inputs)
    projection_base, exact = inputs.projection_base_or_estimate()
    total = column(3 + n_status)
    for k in range(1, horizon + 1):
        row = year_row(k)
        for j in range(n_status):
            letter = status_column(j)
            formula = f"={letter}{published + k - 1}"
            if inputs.year_source[k - 1] == "projected":
                shares = f"{letter}${base}:{letter}${base + k - 2}"
                totals = f"${total}${base}:${total}${base + k - 2}"
                age = f"($A{row}-$A${base}:$A${base + k - 2})"
                formula += (
                    f"+IF({names.input}!{letter}${rows.job}=1,"
                    f"SUMPRODUCT({shares},job_retention^{age}-release_retention^{age}),0)"
                    f"+IF({names.input}!{letter}${rows.code}=job_loss_to,SUMPRODUCT({totals},1-job_retention^{age}),0)"
                    f"-IF({names.input}!{letter}${rows.code}=release_loss_to,"
                    f"SUMPRODUCT({totals},1-release_retention^{age}),0)"
                )
            sheet.cell(row=row, column=3 + j, value=formula).number_format = SHARE_FINE
        _share_columns(sheet, inputs, row)
    blocks = (
        (published, "wb.dist.published", inputs.distribution),
        (base, "wb.dist.base_exact" if exact else "wb.dist.base_estimated", projection_base),
    )
    for first, text, matrix in blocks:
        sheet.cell(row=first - 2, column=1, value=t(text, lang)).font = NOTE_FONT
        layout.header(sheet, first - 1, [t("wb.col.year", lang), "", *(status_label(s, lang) for s in inputs.statuses)]
               + ([t("wb.col.total", lang)] if first == base else []))
        for k in range(1, horizon + 1):
            r = first + k - 1
            sheet.cell(row=r, column=1, value=k).number_format = YEAR
            for j in range(n_status):
                cell = sheet.cell(row=r, column=3 + j, value=float(matrix[k - 1, j]))
                cell.fill = DATA_FILL
                cell.number_format = SHARE_FINE
        if first == base:
            for r in range(first, first + horizon):
                span = f"{status_column(0)}{r}:{status_column(n_status - 1)}{r}"
                sheet.cell(row=r, column=3 + n_status, value=f"=SUM({span})").number_format = SHARE_FINE
    _widths(sheet, inputs)
    layout.finish(sheet, 6 + n_status, base + horizon - 1, "C5")


def _widths(sheet: Worksheet, inputs: WorkbookInputs) -> None:
    layout.widths(sheet, {"A": 9, "B": 14})
    for offset in range(len(inputs.statuses) + 4):
        sheet.column_dimensions[column(3 + offset)].width = 13


def write_baseline(sheet: Worksheet, inputs: WorkbookInputs, lang: str) -> None:
    """B_k(s) for every year (the parameter file's last year repeats), editable."""
    layout.title(sheet, t("wb.base.title", lang), inputs.source("baseline.year1.cash_benefit") or None)
    sheet["A2"].alignment = WRAP
    _distribution_header(sheet, inputs, HEADER_ROW, lang, "")
    _year_labels(sheet, inputs, lang, with_source=False)
    for k in range(1, inputs.horizon + 1):
        row = year_row(k)
        for j in range(len(inputs.statuses)):
            cell = sheet.cell(row=row, column=3 + j, value=float(inputs.baseline[k - 1, j]))
            cell.fill = INPUT_FILL
            cell.number_format = SHARE_FINE
        _share_columns(sheet, inputs, row)
    _widths(sheet, inputs)
    layout.finish(sheet, 6 + len(inputs.statuses), year_row(inputs.horizon), "C5")


def gross_rows(inputs: WorkbookInputs) -> tuple[int, int]:
    """First data row of the municipal and of the state block on the gross sheet."""
    return FIRST_ROW, year_row(inputs.horizon) + 4


def write_gross(sheet: Worksheet, inputs: WorkbookInputs, rows: StatusRows, names: Names, lang: str) -> None:
    """Gross saving by status, year and budget: N · (B − D) · cost · (municipal) share."""
    layout.title(sheet, t("wb.gross.title", lang))
    labels = [t("wb.col.year", lang), "", *(status_label(s, lang) for s in inputs.statuses), t("wb.col.total", lang)]
    first, last = _status_cells(inputs)
    total_column = 3 + len(inputs.statuses)
    for block, start in zip(("municipal", "state"), gross_rows(inputs), strict=True):
        layout.header(sheet, start - 1, labels)
        sheet.cell(row=start - 1, column=2, value=t(f"wb.gross.{block}", lang))
        for k in range(1, inputs.horizon + 1):
            row = start + k - 1
            distribution_row = year_row(k)
            sheet.cell(row=row, column=1, value=k).number_format = YEAR
            for j in range(len(inputs.statuses)):
                letter = status_column(j)
                share = f"{names.input}!{letter}${rows.municipal_share}"
                budget = share if block == "municipal" else f"(1-{share})"
                formula = (f"=n_youths*({names.baseline}!{letter}{distribution_row}"
                           f"-{names.distribution}!{letter}{distribution_row})"
                           f"*{names.input}!{letter}${rows.cost}*{budget}")
                sheet.cell(row=row, column=3 + j, value=formula).number_format = MONEY_SIGNED
            cell = sheet.cell(row=row, column=total_column, value=f"=SUM({first}{row}:{last}{row})")
            cell.number_format = MONEY_SIGNED
            cell.font = BOLD
    layout.widths(sheet, {"A": 9, "B": 14})
    for offset in range(len(inputs.statuses) + 1):
        sheet.column_dimensions[column(3 + offset)].width = 14
    layout.finish(sheet, total_column, gross_rows(inputs)[1] + inputs.horizon - 1, "C5")


def write_result(sheet: Worksheet, inputs: WorkbookInputs, names: Names, lang: str) -> dict[str, str]:
    """Year-by-year money, discounting, NPV and break-even; returns the key figures' cells."""
    layout.title(sheet, t("wb.res.title", lang))
    layout.header(sheet, HEADER_ROW, [t(text, lang) for _, text, _ in RESULT_COLUMNS.values()])
    _year_labels(sheet, inputs, lang)
    c = {key: letter for key, (letter, _, _) in RESULT_COLUMNS.items()}
    municipal, state = gross_rows(inputs)
    total = column(3 + len(inputs.statuses))
    first, last = _status_cells(inputs)
    top, bottom = FIRST_ROW, year_row(inputs.horizon)
    share_column = 3 + len(inputs.statuses)
    for k in range(1, inputs.horizon + 1):
        r = year_row(k)
        cost = "(known_cost+default_cost_youths*per_youth_cost)"
        formulas = {
            "gross_m": f"={names.gross}!{total}{municipal + k - 1}",
            "gross_s": f"={names.gross}!{total}{state + k - 1}",
            "cost_m": f"=IF({c['year']}{r}=cost_year,{cost}*cost_municipal_share,0)",
            "cost_s": f"=IF({c['year']}{r}=cost_year,{cost}*(1-cost_municipal_share),0)",
            "net_m": f"={c['gross_m']}{r}-{c['cost_m']}{r}",
            "net_s": f"={c['gross_s']}{r}-{c['cost_s']}{r}",
            "net": f"={c['net_m']}{r}+{c['net_s']}{r}",
            "net_m_youth": f"={c['net_m']}{r}/n_youths",
            "net_youth": f"={c['net']}{r}/n_youths",
            "discount": f"=(1+discount_rate)^-({c['year']}{r}-1)",
            "pv": f"={c['net']}{r}*{c['discount']}{r}",
            "cum": f"=SUM({c['net']}${top}:{c['net']}{r})",
            "cum_pv": f"=SUM({c['pv']}${top}:{c['pv']}{r})",
            "paid": f'=IF({c["cum"]}{r}>=0,{c["year"]}{r},"")',
            "share_job": f"={names.distribution}!{column(share_column + 1)}{r}",
            "share_je": f"={names.distribution}!{column(share_column + 2)}{r}",
            "fte": f"={names.distribution}!{column(share_column + 3)}{r}",
            "base_fte": f"=SUMPRODUCT(status_fte,{names.baseline}!{first}{r}:{last}{r})",
            "extra_fte": f"={c['fte']}{r}-{c['base_fte']}{r}",
        }
        _write_formulas(sheet, RESULT_COLUMNS, r, formulas)
    span = {key: f"{c[key]}{top}:{c[key]}{bottom}" for key in c}
    row = bottom + 2
    sheet.cell(row=row, column=1, value=t("wb.res.summary", lang)).font = BOLD
    never = t("wb.res.never", lang).replace('"', "'")
    baseline_je = f"SUMPRODUCT(status_job_edu,{names.baseline}!{first}{top}:{last}{top})"
    figures = (
        ("npv", f"=SUM({span['pv']})", MONEY_SIGNED),
        ("npv_m", f"=SUMPRODUCT({span['net_m']},{span['discount']})", MONEY_SIGNED),
        ("npv_s", f"=SUMPRODUCT({span['net_s']},{span['discount']})", MONEY_SIGNED),
        ("break_even", f'=IF(COUNT({span["paid"]})=0,"{never}",MIN({span["paid"]}))', YEAR),
        ("lambda", f"=IFERROR(SUMPRODUCT({span['cost_m']}+{span['cost_s']},{span['discount']})"
                   f"/SUMPRODUCT({span['gross_m']}+{span['gross_s']},{span['discount']}),\"–\")", "0.000"),
        ("switching", f"=IFERROR({baseline_je}+C{row + 5}*({c['share_je']}{top}-{baseline_je}),\"–\")", SHARE),
    )
    cells: dict[str, str] = {}
    for offset, (key, formula, number_format) in enumerate(figures, start=1):
        r = row + offset
        sheet.cell(row=r, column=1, value=t(f"wb.res.{key}", lang)).alignment = WRAP
        sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        cell = sheet.cell(row=r, column=3, value=formula)
        cell.number_format = number_format
        cell.font = BOLD
        sheet.row_dimensions[r].height = 30
        cells[key] = f"C{r}"
    layout.widths(sheet, {"A": 9, "B": 14, **{letter: 15 for letter, _, _ in list(RESULT_COLUMNS.values())[2:]}})
    layout.finish(sheet, len(RESULT_COLUMNS), row + len(figures), "C5")
    return cells


def write_national(sheet: Worksheet, inputs: WorkbookInputs, names: Names, lang: str) -> None:
    """One annual intake in its year k, and every cohort under way in year t (running sums)."""
    layout.title(sheet, t("wb.nat.title", lang), t("wb.nat.note", lang))
    layout.header(sheet, HEADER_ROW, [t(text, lang) for _, text, _ in NATIONAL_COLUMNS.values()])
    _year_labels(sheet, inputs, lang, with_source=False)
    n = {key: letter for key, (letter, _, _) in NATIONAL_COLUMNS.items()}
    r_col = {key: letter for key, (letter, _, _) in RESULT_COLUMNS.items()}
    for k in range(1, inputs.horizon + 1):
        r = year_row(k)
        formulas = {
            "youths": "=youths_per_year",
            "cohort_net": f"={n['youths']}{r}*{names.result}!{r_col['net_youth']}{r}",
            "cohort_net_m": f"={n['youths']}{r}*{names.result}!{r_col['net_m_youth']}{r}",
            "cohort_fte": f"={n['youths']}{r}*{names.result}!{r_col['extra_fte']}{r}",
            "stock_net": f"=SUM({n['cohort_net']}${FIRST_ROW}:{n['cohort_net']}{r})",
            "stock_net_m": f"=SUM({n['cohort_net_m']}${FIRST_ROW}:{n['cohort_net_m']}{r})",
            "stock_fte": f"=SUM({n['cohort_fte']}${FIRST_ROW}:{n['cohort_fte']}{r})",
        }
        _write_formulas(sheet, NATIONAL_COLUMNS, r, formulas)
    layout.widths(sheet, {"A": 9, **{letter: 20 for letter, _, _ in list(NATIONAL_COLUMNS.values())[1:]}})
    layout.finish(sheet, len(NATIONAL_COLUMNS), year_row(inputs.horizon), "B5")


def _write_formulas(sheet: Worksheet, columns: dict[str, tuple], r: int, formulas: dict[str, str]) -> None:
    """One row of live formulas, each in its column (columns: key -> (letter, header, number format))."""
    for key, formula in formulas.items():
        letter, _, number_format = columns[key]
        cell = sheet[f"{letter}{r}"]
        cell.value = formula
        cell.number_format = number_format
