"""The cost-benefit model (CONTRACT §4.4–4.6): model tables + parameters → savings tables.

- `build_economics_tables(con, params)`: after the SQL models, writes savings_by_year,
  savings_summary, national_scenario, sensitivity_oneway, monte_carlo_summary,
  published_comparison (and savings_parameters) into the connection.
- `savings_report(con, params, monte_carlo)`: the same figures for a scenario, as
  frames, without touching the warehouse's tables.
- `print_savings(result, console, lang)` and `write_savings_workbook(result, path)`.
"""

from pipeline.economics.report import print_savings, write_savings_workbook
from pipeline.economics.store import build_economics_tables, savings_report
from pipeline.economics.tables import SavingsResult, compute_savings

__all__ = [
    "SavingsResult",
    "build_economics_tables",
    "compute_savings",
    "print_savings",
    "savings_report",
    "write_savings_workbook",
]
