"""The workbook's inputs read from a built warehouse (the release, the parameters, the build log)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.workbook.inputs import WorkbookInputs
from pipeline.workbook.writer import write_workbook


def inputs_from_warehouse(con: duckdb.DuckDBPyConnection, lang: str = "da") -> WorkbookInputs:
    """WorkbookInputs of the last build: its 'workbook' cells, its parameters, its parameter file
    (name only) and checksum, and whether any export in use is synthetic."""
    cells = con.execute("select * from published_cells where report = 'workbook'").df()
    parameters = con.execute("select key, value, source from savings_parameters").df()
    build = con.execute(
        "select params_path, params_sha256, overrides from build_log order by built_at desc limit 1").fetchone()
    synthetic = con.execute("select coalesce(bool_or(synthetic), false) from exports where not superseded").fetchone()
    path, sha256, overrides = build if build else (None, None, None)
    return WorkbookInputs.from_release(
        cells, parameters, synthetic=bool(synthetic[0]), parameter_file=path, parameter_sha256=sha256,
        overrides=tuple(str(overrides).split()) if overrides else (), lang=lang)


def write_workbook_from_warehouse(con: duckdb.DuckDBPyConnection, path: Path, lang: str = "da") -> Path:
    """reports/savings.xlsx of a built warehouse."""
    return write_workbook(inputs_from_warehouse(con, lang), path, lang)
