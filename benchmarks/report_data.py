"""The data preparation of `joballiance report`, timed apart from rendering (issue 12: ≤ 5 s).

Everything `report` computes from the warehouse, in one process: the CSV download of every
published table, each dashboard's data (not the page's chart library), and every report notebook's code for every report
`report` plans (programme, economics, each partnership, data quality), run in this process
with its parameters. What is left out is only the rendering: the Jupyter kernel, drawing the
charts (`blocks.chart` is given the chart's data but draws nothing), HTML conversion and PDF.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _without_drawing(*args: Any, **kwargs: Any) -> None:
    """Stands in for `blocks.chart`: the data were computed as its arguments; nothing is drawn."""


def run_notebook_code(notebook: Path, parameters: dict[str, Any]) -> None:
    """Run a notebook's code cells in this process with papermill's parameters; display is a no-op."""
    import IPython.display
    import nbformat

    from pipeline.reports import blocks

    namespace: dict[str, Any] = {}
    cells = [c for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code"]
    saved = IPython.display.display, blocks.chart
    IPython.display.display, blocks.chart = (lambda *a, **k: None), _without_drawing
    try:
        for cell in cells:
            exec(compile(cell.source, f"{notebook.name}", "exec"), namespace)  # noqa: S102 - our own notebooks
            if "parameters" in cell.metadata.get("tags", []):
                namespace.update(parameters)
    finally:
        IPython.display.display, blocks.chart = saved


def dashboard_data(warehouse: Path, langs: tuple[str, ...]) -> None:
    """What each dashboard page embeds (its cells, labels and texts), without the page around it."""
    import duckdb

    from pipeline.dashboard.data import dashboard_cells, is_synthetic, min_cell_of, payload

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        cells = dashboard_cells(con)
        for lang in langs:
            payload(cells, lang, min_cell_of(con), is_synthetic(con))
    finally:
        con.close()


def report_data(warehouse: Path, langs: tuple[str, ...] = ("da",)) -> dict[str, float]:
    """Seconds per part of the report's data preparation (and their total)."""
    import matplotlib

    matplotlib.use("Agg")
    from pipeline.reports.render import _write_tables, plan_reports

    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="report-data-") as out:
        started = time.perf_counter()
        _write_tables(warehouse, Path(out), langs)
        seconds["csv downloads"] = time.perf_counter() - started
        started = time.perf_counter()
        dashboard_data(warehouse, langs)
        seconds["dashboard data"] = time.perf_counter() - started
        for job in plan_reports(warehouse, Path(out), langs):
            started = time.perf_counter()
            run_notebook_code(job.notebook, job.parameters)
            seconds[job.kind] = seconds.get(job.kind, 0.0) + time.perf_counter() - started
    seconds["total"] = sum(seconds.values())
    return seconds


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(report_data(Path(sys.argv[1]))))
