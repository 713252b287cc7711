"""Which cells each published table holds: the catalogue of the release (pure).

A table is a selection of statistics (by quantity and dimensions) shown in one report.
The same statistic may appear in many tables and reports; it has one value and one
hidden flag everywhere, because the cells point at the one statistic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline import reference
from pipeline.release.outcomes import ALL, IN_STU, RETENTION_COUNT_MONTHS
from pipeline.release.statistics import KEY_COLUMNS, Registry

CELL_COLUMNS = [
    "report", "table_name", *KEY_COLUMNS, "unit", "value", "decimals", "hidden", "denominator_n",
]
DECIMALS = {"flag": 0, "points": 0, "count": 0, "share": 2, "rate": 2, "dkk": 0, "fte": 0, "days": 0, "year": 0,
            "factor": 4, "draws": 0}  # draws: of the Monte Carlo simulation, never youths

Select = Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class TableSpec:
    """A published table: its id, the quantities it shows and which of their rows."""

    table_name: str
    quantities: tuple[str, ...]
    where: Select
    decimals: dict[str, int] | None = None  # by unit, overriding DECIMALS


def _is(column: str, *values: object) -> Select:
    return lambda f: f[column].isin(values)


def _null(column: str) -> Select:
    return lambda f: f[column].isna()


def _and(*selects: Select) -> Select:
    def both(f: pd.DataFrame) -> pd.Series:
        mask = pd.Series(True, index=f.index)
        for select in selects:
            mask &= select(f)
        return mask
    return both


def _everything(f: pd.DataFrame) -> pd.Series:
    return pd.Series(True, index=f.index)


OUTCOME = ("outcome_12m_count", "outcome_12m_share")
CATEGORIES = (*reference.CATEGORIES, "total")
JOB_TYPES = (*reference.job_statuses(), "job")
RATE = ("employment_rate_observable", "employment_rate_job", "employment_rate", "employment_rate_ci_low",
        "employment_rate_ci_high")
PROFILE = ("status_profile_count", "status_profile_share")
RETENTION = ("retention_at_risk", "retention_survival", "retention_ci_low", "retention_ci_high")
FUNNEL = ("funnel_count", "funnel_share", "funnel_median_days")
TREND = ("trend_count", "trend_share")
LIKE_FOR_LIKE = ("like_for_like_count", "like_for_like_share", "like_for_like_change_pp", "like_for_like_cohort")
SUMMARY = ("savings_youths", "npv_net_total_dkk", "npv_net_municipal_dkk", "npv_net_state_dkk", "break_even_year",
           "break_even_year_municipal")
BY_YEAR = ("savings_youths", "savings_year_source", "share_job", "share_job_or_education", "fte_per_youth",
           "gross_municipal_dkk", "gross_state_dkk", "cost_municipal_dkk", "cost_state_dkk", "net_municipal_dkk",
           "net_state_dkk", "net_total_dkk", "net_municipal_per_youth_dkk", "net_total_per_youth_dkk",
           "cumulative_net_total_dkk", "cumulative_npv_total_dkk", "discount_factor")
NATIONAL = tuple(f"national_{basis}_{column}" for basis in ("cohort", "stock")
                 for column in ("net_total_dkk", "net_municipal_dkk", "extra_fte"))
MONTE_CARLO = ("mc_mean_npv_dkk", "mc_p5_npv_dkk", "mc_p50_npv_dkk", "mc_p95_npv_dkk", "mc_prob_npv_positive",
               "mc_draws", "mc_positive_draws", "mc_headline_npv_dkk", "mc_headline_percentile")
MC_HISTOGRAM = ("mc_histogram_low_dkk", "mc_histogram_high_dkk", "mc_histogram_draws")
MC_INPUTS = ("mc_input_point", "mc_input_draws_mean", "mc_input_npv_dkk")
COMPARISON = ("published_value", "computed_value", "break_even_share")
EFFECT = tuple(f"effect{suffix}" for suffix in ("_programme_share", "_counterfactual_share", "", "_ci_low", "_ci_high"))
PROGRAMME_BY_YEAR = ("share_job_or_education", "savings_year_source", "counterfactual_share_job_or_education")
"""The programme's own share in a job or education by year after STU, beside the counterfactual's (the
last quantity only says which years: it is in the table through COUNTERFACTUAL)."""
COUNTERFACTUAL = ("counterfactual_share", "counterfactual_ci_low", "counterfactual_ci_high", "comparison_youths",
                  "comparison_effective_n", "counterfactual_share_job_or_education")
BALANCE = ("balance_programme_youths", "balance_programme_count",
           *(f"balance_{c}" for c in ("mean_programme", "mean_comparison", "mean_comparison_weighted", "smd_raw",
                                      "smd_weighted")))
ESTIMATED = ("estimated_baseline_npv_net_total_dkk", "estimated_baseline_npv_net_municipal_dkk")
FULL = {"share": 12, "dkk": 6, "fte": 9, "factor": 12}  # the workbook recomputes from its inputs


def _programme(f: pd.DataFrame) -> pd.Series:
    """Rows of the whole programme (and figures that have no partnership)."""
    return f["partnership_id"].isin([ALL]) | f["partnership_id"].isna()


def _programme_by_year(f: pd.DataFrame) -> pd.Series:
    """The programme's by-year figures in the years the counterfactual has."""
    years = f.loc[f["quantity"] == PROGRAMME_BY_YEAR[-1], "year"]
    return f["partnership_id"].isin([ALL]) & f["year"].isin(years) & (f["quantity"] != PROGRAMME_BY_YEAR[-1])


def _headline(partnerships: tuple[str, ...]) -> Select:
    return _and(_is("partnership_id", *partnerships), _is("cohort", ALL), _null("municipality_code"),
                _is("category", *CATEGORIES))


def _job_types(partnerships: tuple[str, ...]) -> Select:
    return _and(_is("partnership_id", *partnerships), _is("cohort", ALL), _null("municipality_code"),
                _is("category", *JOB_TYPES))


def _retention(partnerships: tuple[str, ...]) -> Select:
    """The curve every month; the youths at risk at the months of RETENTION_COUNT_MONTHS."""
    return _and(_is("partnership_id", *partnerships),
                lambda f: (f["quantity"] != "retention_at_risk") | f["month"].isin(RETENTION_COUNT_MONTHS))


def report_tables(partnership_ids: list[str]) -> dict[str, list[TableSpec]]:
    """Every report of the release with its tables."""
    every = tuple([*partnership_ids, ALL])
    programme_only = (ALL,)
    reports: dict[str, list[TableSpec]] = {
        "status": [
            TableSpec("outcome_12m", OUTCOME, _headline(every)),
            TableSpec("employment_rate", RATE, _and(_is("partnership_id", *every), _is("cohort", ALL))),
        ],
        "programme": [
            TableSpec("outcome_12m", OUTCOME, _headline(programme_only)),
            TableSpec("job_types", OUTCOME, _job_types(programme_only)),
            TableSpec("employment_rate", RATE, _and(_is("partnership_id", *every), _is("cohort", ALL))),
            TableSpec("status_profile", PROFILE, _is("partnership_id", ALL)),
            TableSpec("retention", RETENTION, _retention(every)),
            TableSpec("funnel", FUNNEL, _is("partnership_id", ALL)),
            TableSpec("trend", TREND, _is("partnership_id", *every)),
            TableSpec("trend_like_for_like", LIKE_FOR_LIKE, _is("partnership_id", *every)),
            TableSpec("municipalities", (*OUTCOME, "municipal_npv_per_youth_dkk"),
                      lambda f: f["municipality_code"].notna()),
            TableSpec("savings_summary", SUMMARY, _is("partnership_id", *every)),
            TableSpec("national", NATIONAL, _everything),
            TableSpec("published_comparison", COMPARISON, _everything),
            TableSpec("effect", EFFECT, _is("partnership_id", *every)),
            TableSpec("counterfactual", COUNTERFACTUAL, _everything),
            TableSpec("counterfactual", PROGRAMME_BY_YEAR, _programme_by_year),
            TableSpec("balance", BALANCE, _everything),
        ],
        "economics": [
            TableSpec("savings_by_year", BY_YEAR, _programme),
            TableSpec("savings_summary", SUMMARY, _is("partnership_id", *every)),
            TableSpec("distribution", ("savings_status_share", "savings_baseline_share"),
                      _programme),
            TableSpec("national", NATIONAL, _everything),
            TableSpec("sensitivity", ("sensitivity_npv_low_dkk", "sensitivity_npv_high_dkk"), _everything),
            TableSpec("monte_carlo", MONTE_CARLO, _is("partnership_id", *every), {"share": 4}),
            TableSpec("monte_carlo_histogram", MC_HISTOGRAM, _everything),
            TableSpec("monte_carlo_inputs", MC_INPUTS, _everything),
            TableSpec("sensitivity_no_effect", ("sensitivity_no_effect",), _everything),
            TableSpec("published_comparison", COMPARISON, _everything),
            TableSpec("effect", EFFECT, _is("partnership_id", ALL)),
            TableSpec("counterfactual", COUNTERFACTUAL, _everything),
            TableSpec("counterfactual", PROGRAMME_BY_YEAR, _programme_by_year),
            TableSpec("balance", BALANCE, _everything),
            TableSpec("savings_by_baseline", (*SUMMARY[1:3], *ESTIMATED), _is("partnership_id", *every)),
        ],
        "workbook": [
            TableSpec("distribution", ("savings_status_share", "savings_year_source"), _is("partnership_id", ALL),
                      FULL),
            TableSpec("baseline", ("savings_baseline_share",), _everything, FULL),
            TableSpec("cohort", ("savings_youths", "programme_cost_known_dkk", "programme_cost_default_youths"),
                      _is("partnership_id", ALL), FULL),
            TableSpec("results", BY_YEAR + SUMMARY[1:] + NATIONAL,
                      _programme, FULL),
        ],
        "dashboard": [
            TableSpec("employment_rate_cohort", RATE, _is("partnership_id", *every)),
            TableSpec("savings_by_year", ("savings_youths", "net_municipal_per_youth_dkk", "net_total_per_youth_dkk"),
                      _is("partnership_id", *every)),
        ],
    }
    for pid in partnership_ids:
        own = (pid, ALL)
        reports[f"partnership-{pid}"] = [
            TableSpec("outcome_12m", OUTCOME, _headline(own)),
            TableSpec("job_types", OUTCOME, _job_types((pid,))),
            TableSpec("employment_rate_cohort", RATE, _is("partnership_id", pid)),
            TableSpec("status_profile", PROFILE, _is("partnership_id", *own)),
            TableSpec("retention", RETENTION, _retention(own)),
            TableSpec("funnel", FUNNEL, _is("partnership_id", *own)),
            TableSpec("trend", TREND, _is("partnership_id", *own)),
            TableSpec("trend_like_for_like", LIKE_FOR_LIKE, _is("partnership_id", *own)),
            TableSpec("savings_by_year", BY_YEAR, lambda f, pid=pid: f["partnership_id"].isin([pid])
                      | (f["quantity"] == "discount_factor")),
            TableSpec("savings_summary", SUMMARY, _is("partnership_id", *own)),
        ]
    return reports


def key_frame(reg: Registry) -> pd.DataFrame:
    """Every key of the registry (aliases included) with the statistic it names."""
    items = sorted(reg.index.items(), key=lambda item: item[1])
    frame = pd.DataFrame([key.as_dict() for key, _ in items], columns=list(KEY_COLUMNS))
    frame["statistic_id"] = [index for _, index in items]
    return frame


def published_cells(reg: Registry, hidden: np.ndarray, partnership_ids: list[str]) -> pd.DataFrame:
    """One row per cell of every table of every report; hidden cells carry no value.

    Youths still in STU have no cohort and no 12-month outcome of their own: no table has a
    row for them (they are counted in the headline as still in the course)."""
    keys = key_frame(reg)
    keys = keys[keys["cohort"].ne(IN_STU) | keys["cohort"].isna()]
    values = np.array(reg.values, dtype=float)
    parts = []
    for report, tables in report_tables(partnership_ids).items():
        for spec in tables:
            rows = keys[keys["quantity"].isin(spec.quantities)]
            rows = rows[spec.where(rows)].copy()
            if rows.empty:
                continue
            rows.insert(0, "table_name", spec.table_name)
            rows.insert(0, "report", report)
            parts.append(_with_values(rows, reg, values, hidden, spec.decimals or {}))
    if not parts:
        return pd.DataFrame(columns=CELL_COLUMNS)
    cells = pd.concat(parts, ignore_index=True)
    return cells[CELL_COLUMNS + ["statistic_id"]]


def _with_values(rows: pd.DataFrame, reg: Registry, values: np.ndarray, hidden: np.ndarray,
                 decimals: dict[str, int]) -> pd.DataFrame:
    ids = rows["statistic_id"].to_numpy()
    units = [reg.units[i] for i in ids]
    rows["unit"] = units
    rows["decimals"] = [decimals.get(u, DECIMALS[u]) for u in units]
    rows["hidden"] = hidden[ids]
    shown = [None if h or np.isnan(v) else round(float(v), d)
             for v, h, d in zip(values[ids], hidden[ids], rows["decimals"], strict=True)]
    rows["value"] = pd.array(shown, dtype="Float64")
    denominators = []
    for i in ids:  # an amount in kroner shows none: its base may be an unpublished count
        d = reg.denominators[i] if reg.units[i] != "dkk" else None
        denominators.append(None if d is None or hidden[d] else values[d])
    rows["denominator_n"] = pd.array(denominators, dtype="Int64")
    return rows
