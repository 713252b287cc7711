"""The evaluation reports: notebooks run with papermill, exported to HTML and PDF.

`write_reports` is the entry point. The notebooks read only the release (`published_cells`)
through `tables` and `money` (display tables and chart frames from cells), `summary` (the first
page), `provenance` (exports and build parameters) and `quality` (the data-quality report's
lineage tables); `context` opens the warehouse; `charts` draws, `blocks` builds the HTML pieces;
`pipeline.texts` and `formatting` hold the Danish/English text and number formats.
"""

from pipeline.reports.render import ReportError, plan_reports, render_report, write_reports

__all__ = ["ReportError", "plan_reports", "render_report", "write_reports"]
