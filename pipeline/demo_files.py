"""The demo exports as files: workbooks and a Danish CSV folder (Windows-1252, `;`, decimal
commas, day-first dates), written deterministically by `write_demo_exports`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from pipeline import config
from pipeline.demo import _PARTICIPANT_DATES, DANISH_PARTICIPANT_COLUMNS, DemoExport, demo_exports
from pipeline.reference import load_reference
from pipeline.template import save_workbook_stable


def _danish_number(value: object) -> str:
    """A number as Danish Excel writes it to CSV: decimal comma, no thousands separator."""
    if value is None or pd.isna(value):
        return ""
    text = f"{float(value):.2f}".replace(".", ",")
    return text.rstrip("0").rstrip(",")


def _danish_date(value: object) -> str:
    return value.strftime("%d-%m-%Y") if isinstance(value, date) else ""


def danish_status_labels() -> dict[str, str]:
    """Status code → the Danish label a user types (the first accepted alias, capitalised)."""
    statuses = load_reference().statuses
    labels = {}
    for code, aliases in zip(statuses["status"], statuses["aliases_da"], strict=True):
        first = aliases.split("|")[0].strip()
        labels[code] = first[:1].upper() + first[1:]
    return labels


def danish_csv_frames(export: DemoExport) -> dict[str, pd.DataFrame]:
    """The export as text frames the way a Danish Excel user saves it: Danish names, labels and dates."""
    meta = pd.DataFrame(
        [(key, _danish_date(value) if isinstance(value, date) else str(value)) for key, value in export.meta],
        columns=["nøgle", "værdi"],
    )
    participants = pd.DataFrame({
        "deltager_id": export.participants["participant_id"],
        "kommunekode": export.participants["municipality_code"],
        "fødselsår": export.participants["birth_year"].map(lambda year: "" if pd.isna(year) else str(int(year))),
        "køn": export.participants["sex"].map({"F": "K", "M": "M"}).fillna(""),
        **{DANISH_PARTICIPANT_COLUMNS[column]: export.participants[column].map(_danish_date)
           for column in _PARTICIPANT_DATES},
        "forløbsudgift_kr": export.participants["programme_cost_dkk"].map(_danish_number),
    })
    labels = danish_status_labels()
    spells = pd.DataFrame({
        "deltager_id": export.spells["participant_id"],
        "status": export.spells["status"].map(labels),
        "start": export.spells["start_date"].map(_danish_date),
        "slut": export.spells["end_date"].map(_danish_date),
        "timer_pr_uge": export.spells["hours_per_week"].map(_danish_number),
        "arbejdsgiver_id": export.spells["employer_id"].fillna(""),
    })
    return {"meta": meta, "participants": participants, "spells": spells}


def _cell(value: object) -> object:
    """A frame value as an Excel cell value: missing → empty, whole numbers as integers."""
    if value is None or (not isinstance(value, str | date) and pd.isna(value)):
        return None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return int(value) if float(value).is_integer() else float(value)
    if isinstance(value, str) and value.isdigit() and len(value) <= 4:
        return int(value)  # municipality codes typed in Excel are numbers
    return value


def _fill_sheet(sheet: Worksheet, columns: list[str], rows: list[list[object]]) -> None:
    sheet.append(columns)
    for row in rows:
        sheet.append([_cell(value) for value in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, date):
                cell.number_format = "DD-MM-YYYY"
    sheet.freeze_panes = "A2"


def export_workbook(
    meta: list[tuple[str, object]], participants: pd.DataFrame | None, spells: pd.DataFrame | None
) -> Workbook:
    """An export workbook with sheets meta, participants and spells (a sheet given as None is left out)."""
    workbook = Workbook()
    meta_sheet = workbook.active
    meta_sheet.title = "meta"
    _fill_sheet(meta_sheet, ["key", "value"], [list(pair) for pair in meta])
    for name, frame in (("participants", participants), ("spells", spells)):
        if frame is not None:
            _fill_sheet(workbook.create_sheet(name), list(frame.columns), frame.astype(object).values.tolist())
    workbook.properties.creator = "joballiance-outcomes demo"
    return workbook


def _write_csv_folder(frames: dict[str, pd.DataFrame], folder: Path, encoding: str, sep: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    line_end = "\r\n" if encoding == "cp1252" else "\n"
    for name, frame in frames.items():
        frame.to_csv(folder / f"{name}.csv", sep=sep, index=False, encoding=encoding, lineterminator=line_end)
    return folder


_DEMO_README = """# Syntetiske demodata / synthetic demo data

**Alle data i denne mappe er syntetiske.** De er dannet af `pipeline/demo.py`
(`joballiance demo-data PATH`) fra et fast seed og beskriver ingen virkelige personer.
Hver eksport har meta-nøglen `synthetic` = `ja`.

**All data in this folder are synthetic.** They are generated by `pipeline/demo.py`
(`joballiance demo-data PATH`) from a fixed seed and describe no real person. Every
export carries the meta key `synthetic` = `ja`.

The data are calibrated to the published pilot of Model Joballiancen: 140 youths in 5
partnerships from 35 home municipalities; twelve months after STU (docs/definitions.md, newest
export of each partnership) 113 are in a job, 4 in education, 16 still in the course and
7 on public support (81/3/11/5 %).

| export | form |
|---|---|
{rows}

Three partnerships have two exports (31-03-2024 and 30-09-2024) so the trend has two
points; the older one is an earlier snapshot of the same histories. The CSV folder is
saved the way a Danish Excel user saves it: `;`, Windows-1252, DD-MM-YYYY dates, Danish
column names and status labels, decimal comma.
"""


def write_demo_exports(target: Path) -> list[Path]:
    """Write every demo export (xlsx files and one Danish CSV folder) and a README into `target`."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for export in demo_exports():
        if export.form == "csv":
            paths.append(_write_csv_folder(danish_csv_frames(export), target / export.name, "cp1252", ";"))
        else:
            workbook = export_workbook(export.meta, export.participants, export.spells)
            paths.append(save_workbook_stable(workbook, target / f"{export.name}.xlsx"))
    rows = "\n".join(
        f"| `{path.name}{'/' if path.is_dir() else ''}` | {'CSV folder' if path.is_dir() else 'Excel workbook'} |"
        for path in paths
    )
    (target / "README.md").write_text(_DEMO_README.format(rows=rows), encoding="utf-8")
    _write_comparison_demo(target)
    return paths


def _write_comparison_demo(target: Path) -> None:
    """The synthetic comparison extract: its export form in target/comparison; its register
    (weekly) form in data/examples/comparison-register when the committed demo is written."""
    from pipeline.comparison.demo import write_comparison_demo

    default = target.resolve() == config.DEMO_DIR.resolve()
    register = config.EXAMPLES_DIR / "comparison-register" if default else None
    write_comparison_demo(target / "comparison", register)


# --- broken examples -------------------------------------------------------------------
