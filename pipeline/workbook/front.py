"""The first sheet (what the workbook is) and the input sheet (every assumption that may change)."""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.texts import category_label, status_label, t
from pipeline.workbook.inputs import WorkbookInputs, source_kind
from pipeline.workbook.layout import (
    BOLD,
    COUNT,
    DATA_FILL,
    INPUT_FILL,
    MONEY,
    NOTE_FONT,
    SHARE,
    WARNING_FONT,
    WRAP,
    YEAR,
    column,
    finish,
    header,
    status_column,
    title,
    widths,
)

# live scalar parameters: (defined name, dotted key, label text key, unit text key, number format)
SCALARS = (
    ("discount_rate", "model.discount_rate", "wb.p.discount_rate", "wb.unit.share", SHARE),
    ("per_youth_cost", "programme_cost.per_youth_dkk", "wb.p.per_youth", "wb.unit.dkk", MONEY),
    ("cost_municipal_share", "programme_cost.municipal_share", "wb.p.cost_share", "wb.unit.share", SHARE),
    ("cost_year", "programme_cost.year", "wb.p.cost_year", "wb.unit.year", YEAR),
    ("job_retention", "projection.job_retention", "wb.p.retention", "wb.unit.share", SHARE),
    ("job_loss_to", "projection.job_loss_to", "wb.p.loss_to", "wb.unit.code", None),
    ("youths_per_year", "national.youths_per_year", "wb.p.youths_per_year", "wb.unit.youths_year", COUNT),
)
LIVE_PREFIXES = ("status.", "baseline.")
STATUS_FIELDS = (("annual_public_cost_dkk", "cost"), ("municipal_share", "municipal_share"), ("fte", "fte"))


@dataclass(frozen=True)
class StatusRows:
    """Rows of the status table on the input sheet (statuses in columns C, D, …)."""

    code: int
    job: int
    job_edu: int
    cost: int
    municipal_share: int
    fte: int


def quoted(sheet_name: str) -> str:
    return "'" + sheet_name.replace("'", "''") + "'"


def _name(book: Workbook, name: str, sheet: Worksheet, ref: str) -> None:
    book.defined_names[name] = DefinedName(name, attr_text=f"{quoted(sheet.title)}!{ref}")


def write_about(sheet: Worksheet, inputs: WorkbookInputs, lang: str) -> None:
    """What the workbook is, how to use it, the synthetic-data notice and the parameter file."""
    title(sheet, t("wb.title", lang))
    row = 3
    if inputs.synthetic:
        sheet.cell(row=row, column=1, value=t("wb.about.synthetic", lang)).font = WARNING_FONT
        row += 2
    for key in ("wb.about.what", "wb.about.how", "wb.about.exact", "wb.about.limits"):
        cell = sheet.cell(row=row, column=1, value=t(key, lang))
        cell.alignment = WRAP
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        sheet.row_dimensions[row].height = 95
        row += 2
    facts = [
        (t("wb.about.params", lang), inputs.parameter_file or "–"),
        (t("wb.about.sha", lang), inputs.parameter_sha256 or "–"),
        (t("wb.about.overrides", lang), "; ".join(inputs.overrides) or "–"),
        (t("wb.about.youths", lang), inputs.n_youths),
    ]
    for label, value in facts:
        sheet.cell(row=row, column=1, value=label).font = BOLD
        cell = sheet.cell(row=row, column=2, value=value)
        cell.alignment = WRAP
        if isinstance(value, float):
            cell.number_format = COUNT
        row += 1
    row += 1
    sheet.cell(row=row, column=1, value=t("wb.about.sheets", lang)).font = BOLD
    row += 1
    for key in ("input", "distribution", "baseline", "gross", "result", "national", "check"):
        sheet.cell(row=row, column=1, value=t(f"wb.sheet.{key}", lang))
        sheet.cell(row=row, column=2, value=t(f"wb.about.sheet.{key}", lang)).alignment = WRAP
        row += 1
    widths(sheet, {"A": 34, "B": 90})
    finish(sheet, 2, row, None)
    sheet.page_setup.orientation = "portrait"


def _source_cells(sheet: Worksheet, row: int, first_column: int, source: str, lang: str) -> None:
    sheet.cell(row=row, column=first_column, value=source).alignment = WRAP
    kind = source_kind(source)
    sheet.cell(row=row, column=first_column + 1, value=t(f"wb.kind.{kind}", lang))


def write_input(book: Workbook, sheet: Worksheet, inputs: WorkbookInputs, lang: str) -> StatusRows:
    """Scalars (named cells), the release's data, the status table, sources, other parameters."""
    title(sheet, t("wb.input.title", lang), t("wb.legend", lang))
    header(sheet, 4, [t(f"wb.input.col.{c}", lang) for c in ("parameter", "value", "unit", "key", "source", "kind")])
    row = 5
    for name, key, label, unit, number_format in SCALARS:
        raw = inputs.value(key)
        value: object = raw if number_format is None else float(raw or "nan")
        if key == "programme_cost.year":
            value = int(float(raw or "nan"))
        _parameter_row(sheet, row, t(label, lang), value, t(unit, lang), key, number_format, INPUT_FILL)
        _source_cells(sheet, row, 5, inputs.source(key), lang)
        _name(book, name, sheet, f"$B${row}")
        row += 1
    row += 1
    sheet.cell(row=row, column=1, value=t("wb.input.data", lang)).font = BOLD
    row += 1
    data = (
        ("n_youths", "wb.p.n_youths", inputs.n_youths, "wb.unit.youths", COUNT),
        ("known_cost", "wb.p.known_cost", inputs.known_cost_dkk, "wb.unit.dkk", MONEY),
        ("default_cost_youths", "wb.p.default_youths", inputs.default_cost_youths, "wb.unit.youths", COUNT),
        ("release_retention", "wb.p.release_retention", inputs.number("projection.job_retention"),
         "wb.unit.share", SHARE),
        ("release_loss_to", "wb.p.release_loss_to", inputs.value("projection.job_loss_to"), "wb.unit.code", None),
    )
    for name, label, value, unit, number_format in data:
        _parameter_row(sheet, row, t(label, lang), value, t(unit, lang), None, number_format, DATA_FILL)
        _name(book, name, sheet, f"$B${row}")
        row += 1
    row += 1
    rows = _status_table(book, sheet, inputs, row, lang)
    row = rows.fte + 2
    sheet.cell(row=row, column=1, value=t("wb.input.status_sources", lang)).font = BOLD
    row += 1
    for status in inputs.statuses:
        sheet.cell(row=row, column=1, value=status_label(status, lang))
        source = inputs.source(f"status.{status}.annual_public_cost_dkk")
        sheet.cell(row=row, column=2, value=t(f"wb.kind.{source_kind(source)}", lang))
        cell = sheet.cell(row=row, column=3, value=source)
        cell.alignment = WRAP
        sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=6)
        sheet.row_dimensions[row].height = 75
        row += 1
    row += 1
    sheet.cell(row=row, column=1, value=t("wb.input.other", lang)).font = BOLD
    row += 1
    header(sheet, row, [t("wb.input.col.key", lang), t("wb.input.col.value", lang)])
    header(sheet, row, [t("wb.input.col.source", lang), t("wb.input.col.kind", lang)], first_column=5)
    row += 1
    shown = {key for _, key, *_ in SCALARS}
    for item in inputs.parameters.itertuples(index=False):
        if item.key in shown or str(item.key).startswith(LIVE_PREFIXES):
            continue
        sheet.cell(row=row, column=1, value=str(item.key))
        sheet.cell(row=row, column=2, value=_maybe_number(item.value))
        _source_cells(sheet, row, 5, "" if item.source is None else str(item.source), lang)
        row += 1
    widths(sheet, {"A": 44, "B": 16, "C": 16, "D": 30, "E": 70, "F": 14})
    for j in range(6, len(inputs.statuses)):
        sheet.column_dimensions[status_column(j)].width = 14
    finish(sheet, max(6, 2 + len(inputs.statuses)), row, "A5")
    sheet.print_title_rows = None
    return rows


def _parameter_row(sheet: Worksheet, row: int, label: str, value: object, unit: str, key: str | None,
                   number_format: str | None, fill: object) -> None:
    sheet.cell(row=row, column=1, value=label).alignment = WRAP
    cell = sheet.cell(row=row, column=2, value=value)
    cell.fill = fill
    if number_format:
        cell.number_format = number_format
    sheet.cell(row=row, column=3, value=unit)
    if key:
        sheet.cell(row=row, column=4, value=key)


def _status_table(book: Workbook, sheet: Worksheet, inputs: WorkbookInputs, row: int, lang: str) -> StatusRows:
    """Statuses in columns C…: code, category, flags, then the three live rates."""
    sheet.cell(row=row, column=1, value=t("wb.input.status_table", lang)).font = BOLD
    row += 1
    header(sheet, row, [status_label(s, lang) for s in inputs.statuses], first_column=3)
    sheet.cell(row=row, column=2, value=t("wb.input.col.unit", lang)).font = BOLD
    row += 1
    rows = StatusRows(code=row, job=row + 2, job_edu=row + 3, cost=row + 4, municipal_share=row + 5, fte=row + 6)
    labels = {
        rows.code: ("wb.s.code", "wb.unit.code"), row + 1: ("wb.s.category", "wb.unit.none"),
        rows.job: ("wb.s.job", "wb.unit.none"), rows.job_edu: ("wb.s.job_edu", "wb.unit.none"),
        rows.cost: ("wb.s.cost", "wb.unit.dkk_person_year"),
        rows.municipal_share: ("wb.s.municipal_share", "wb.unit.share"),
        rows.fte: ("wb.s.fte", "wb.unit.fte"),
    }
    for r, (label, unit) in labels.items():
        sheet.cell(row=r, column=1, value=t(label, lang))
        sheet.cell(row=r, column=2, value=t(unit, lang))
    for j, status in enumerate(inputs.statuses):
        c = 3 + j
        category = inputs.categories[status]
        sheet.cell(row=rows.code, column=c, value=status)
        sheet.cell(row=row + 1, column=c, value=category_label(category, lang))
        sheet.cell(row=rows.job, column=c, value=int(category == "job"))
        sheet.cell(row=rows.job_edu, column=c, value=int(category in ("job", "education")))
        for name, attr in STATUS_FIELDS:
            cell = sheet.cell(row=getattr(rows, attr), column=c, value=inputs.number(f"status.{status}.{name}"))
            cell.fill = INPUT_FILL
            cell.number_format = {"cost": MONEY, "municipal_share": SHARE, "fte": "0.000"}[attr]
    last = column(2 + len(inputs.statuses))
    for attr in ("code", "job", "job_edu", "cost", "municipal_share", "fte"):
        r = getattr(rows, attr)
        _name(book, f"status_{attr}", sheet, f"$C${r}:${last}${r}")
    for r in (rows.code, row + 1, rows.job, rows.job_edu):
        for j in range(len(inputs.statuses)):
            sheet.cell(row=r, column=3 + j).font = NOTE_FONT
    return rows


def _maybe_number(value: object) -> object:
    try:
        return float(str(value))
    except ValueError:
        return "" if value is None else str(value)
