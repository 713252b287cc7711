"""The evaluation reports: notebooks run with papermill, exported to HTML and PDF.

`write_reports` is the entry point; `data` reads the warehouse for the notebooks, `charts`
draws, `blocks` builds the HTML pieces, `pipeline.texts` and `formatting` hold the Danish/English text
and number formats.
"""

from pipeline.reports.render import ReportError, plan_reports, render_report, write_reports

__all__ = ["ReportError", "plan_reports", "render_report", "write_reports"]
