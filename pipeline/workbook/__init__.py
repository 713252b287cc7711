"""The SØM-style savings workbook (reports/savings.xlsx) with live Excel formulas.

`WorkbookInputs.from_release(cells, parameters)` reads the release's 'workbook' cells and the
stored parameters; `write_workbook(inputs, path, lang)` writes the workbook;
`write_workbook_from_warehouse(con, path, lang)` does both for a built warehouse. docs/economics.md
("The workbook") says what an economist may change and what is exact.
"""

from pipeline.workbook.inputs import WorkbookError, WorkbookInputs, source_kind
from pipeline.workbook.warehouse import inputs_from_warehouse, write_workbook_from_warehouse
from pipeline.workbook.writer import write_workbook

__all__ = [
    "WorkbookError", "WorkbookInputs", "inputs_from_warehouse", "source_kind", "write_workbook",
    "write_workbook_from_warehouse",
]
