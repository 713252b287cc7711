"""The cost-benefit model (docs/economics.md): model tables + parameters → savings tables.

- `build_economics_tables(con, params)`: after the SQL models, writes savings_by_year,
  savings_summary, national_scenario, sensitivity_oneway, monte_carlo_summary,
  published_comparison (and savings_parameters) into the connection.
- `savings_report(con, params, monte_carlo)`: the same figures for a scenario, as
  frames, without touching the warehouse's tables.
"""

from pipeline.economics.store import build_economics_tables, savings_report, scenario_frames
from pipeline.economics.tables import SavingsResult, compute_savings

__all__ = [
    "SavingsResult",
    "build_economics_tables",
    "compute_savings",
    "savings_report",
    "scenario_frames",
]
