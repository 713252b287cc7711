"""The dashboard for project managers: one self-contained HTML page per language.

`write_dashboard(con, out_dir, lang)` writes `<out_dir>/dashboard.html` (Danish) or
`<out_dir>/en/dashboard.html` (English) from the release (`published_cells`) alone; the page
selects and formats published cells and computes no figure (docs/dashboard.md).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import duckdb

from pipeline.dashboard.data import DashboardDataError, dashboard_cells, is_synthetic, min_cell_of, payload
from pipeline.dashboard.page import render_page
from pipeline.formatting import check_lang
from pipeline.privacy import contains_cpr

__all__ = ["DashboardDataError", "dashboard_path", "write_dashboard"]


def dashboard_path(out_dir: Path, lang: str) -> Path:
    """Where the page of `lang` goes: Danish at the top of out_dir, English under en/."""
    return Path(out_dir) / "dashboard.html" if check_lang(lang) == "da" else Path(out_dir) / "en" / "dashboard.html"


def write_dashboard(con: duckdb.DuckDBPyConnection, out_dir: Path, lang: str = "da",
                    min_cell: int | None = None) -> Path:
    """Write the dashboard of the warehouse's release in `lang`; returns the file written.

    Written to a temporary file and renamed, so a reader never sees half a page."""
    target = dashboard_path(out_dir, lang)
    cells = dashboard_cells(con)
    threshold = min_cell if min_cell is not None else min_cell_of(con)
    page = render_page(payload(cells, lang, threshold, is_synthetic(con)), lang)
    if contains_cpr(page):  # no output of the project may hold anything CPR-like
        raise DashboardDataError("the dashboard would hold a CPR-like number; nothing was written")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(prefix=".dashboard-", suffix=".html", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(page)
        os.chmod(staging, 0o644)  # a report to be read and copied, like the other reports
        os.replace(staging, target)
    except BaseException:
        Path(staging).unlink(missing_ok=True)
        raise
    return target
