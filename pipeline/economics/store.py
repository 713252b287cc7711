"""The economics at the warehouse's edge: read the SQL models' frames, write the savings tables."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from pipeline import config
from pipeline.economics.tables import SavingsResult, compute_savings
from pipeline.models import SQL_VARIABLES, ModelsNotBuiltError, sql_models
from pipeline.parameters import Parameters, baseline_from, status_codes
from pipeline.reference import in_municipality_groups, municipality_group_map  # the one pooling
from pipeline.warehouse import has_relation, write_frame

COHORT_MODEL = "savings_cohort"
DISTRIBUTION_MODEL = "savings_distribution"

# table -> (frame attribute, column types); the contract's columns first, in its order
TABLE_TYPES: dict[str, dict[str, str]] = {
    "savings_by_year": {
        "partnership_id": "varchar", "year": "bigint", "source": "varchar", "n_youth": "bigint",
        "observable_youth_months": "bigint", "share_job": "double", "fte_per_youth": "double",
        "gross_municipal_dkk": "double", "gross_state_dkk": "double", "cost_municipal_dkk": "double",
        "cost_state_dkk": "double", "net_municipal_dkk": "double", "net_state_dkk": "double",
        "net_total_dkk": "double", "net_municipal_per_youth_dkk": "double", "net_total_per_youth_dkk": "double",
        "discount_factor": "double", "cumulative_net_total_dkk": "double", "cumulative_npv_total_dkk": "double",
        "share_job_or_education": "double", "baseline_share_job_or_education": "double",
        "baseline_fte_per_youth": "double",
    },
    "savings_summary": {
        "partnership_id": "varchar", "n_youth": "bigint", "npv_net_total_dkk": "double",
        "npv_net_municipal_dkk": "double", "break_even_year": "bigint",
        "net_municipal_per_youth_year1_dkk": "double", "net_municipal_per_youth_year2_dkk": "double",
        "npv_net_state_dkk": "double", "break_even_year_municipal": "bigint",
    },
    "national_scenario": {
        "year": "bigint", "cohorts_active": "bigint", "net_total_dkk": "double", "net_municipal_dkk": "double",
        "extra_fte": "double",
    },
    "national_cohort_year": {
        "year": "bigint", "net_total_dkk": "double", "net_municipal_dkk": "double", "extra_fte": "double",
        "gross_total_dkk": "double", "cost_total_dkk": "double",
    },
    "savings_status_distribution": {
        "partnership_id": "varchar", "year": "bigint", "status": "varchar", "share": "double", "source": "varchar",
    },
    "savings_baseline": {"year": "bigint", "status": "varchar", "share": "double"},
    "savings_switching": {"basis": "varchar", "year": "bigint", "lambda_star": "double", "share": "double"},
    "sensitivity_oneway": {
        "parameter": "varchar", "low": "double", "high": "double", "npv_low_dkk": "double",
        "npv_high_dkk": "double", "base": "double", "npv_base_dkk": "double",
    },
    "monte_carlo_summary": {
        "partnership_id": "varchar", "draws": "bigint", "seed": "bigint", "mean_npv_dkk": "double",
        "p5_npv_dkk": "double", "p50_npv_dkk": "double", "p95_npv_dkk": "double", "prob_npv_positive": "double",
        "positive_draws": "bigint", "headline_npv_dkk": "double", "headline_percentile": "double",
    },
    "monte_carlo_histogram": {
        "partnership_id": "varchar", "bin": "bigint", "low_dkk": "double", "high_dkk": "double", "draws": "bigint",
    },
    "monte_carlo_inputs": {
        "parameter": "varchar", "point": "double", "draws_mean": "double", "npv_at_draws_mean_dkk": "double",
        "npv_base_dkk": "double",
    },
    "savings_by_municipality": {
        "municipality_code": "varchar", "n_youth": "bigint", "npv_net_municipal_dkk": "double",
        "npv_net_municipal_per_youth_dkk": "double", "npv_net_total_dkk": "double",
    },
    "published_comparison": {
        "figure": "varchar", "unit": "varchar", "published": "double", "computed": "double",
        "source": "varchar", "note": "varchar",
    },
    "savings_parameters": {"key": "varchar", "value": "varchar", "source": "varchar"},
}


def read_published(directory: Path = config.REFERENCE_DIR) -> pd.DataFrame:
    """data/reference/published_figures.csv (figure, unit, value, source, note)."""
    return pd.read_csv(directory / "published_figures.csv", dtype=str, keep_default_na=False)


def _outcome_summary(con: duckdb.DuckDBPyConnection) -> pd.DataFrame | None:
    return con.execute("select * from outcome_12m_summary").df() if has_relation(con, "outcome_12m_summary") else None


def _result_frames(result: SavingsResult) -> dict[str, pd.DataFrame]:
    return {
        "savings_by_year": result.by_year,
        "savings_summary": result.summary,
        "national_scenario": result.national,
        "national_cohort_year": result.national_cohort,
        "savings_status_distribution": result.distribution,
        "savings_baseline": result.baseline,
        "savings_switching": result.switching_frame(),
        "sensitivity_oneway": result.sensitivity,
        "monte_carlo_summary": result.monte_carlo if result.monte_carlo is not None else pd.DataFrame(),
        "monte_carlo_histogram": result.histogram,
        "monte_carlo_inputs": result.monte_carlo_inputs,
        "savings_by_municipality": result.municipal,
        "published_comparison": result.comparison,
        "savings_parameters": result.parameters.assign(value=result.parameters["value"].astype(str)),
    }


def _estimated_baseline(con: duckdb.DuckDBPyConnection, params: Parameters) -> tuple | None:
    """B̂ and its replicates from the comparison tables when `[baseline] from = "comparison"`."""
    if baseline_from(params.values) != "comparison":
        return None
    from pipeline.comparison.store import estimated_baseline
    from pipeline.economics.engine import EstimatedBaselineMissing

    try:
        return estimated_baseline(con, status_codes())
    except LookupError as error:
        raise EstimatedBaselineMissing(str(error)) from None


MUNICIPAL_MODEL = "savings_months_by_municipality"


def municipal_inputs(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The youths of the current exports by partnership and municipality group (the grouping of
    the per-municipality outcome table, over the same youths): n_youth, counted (STU ended by the
    export date), known_programme_cost_dkk and n_cost_missing; and the observable youth-months of
    the counted youths by partnership, group, year and status (the SQL model
    savings_months_by_municipality, pooled). Both arrive summed by home municipality: a million
    youths' rows never reach pandas."""
    youths = con.execute("""
        select partnership_id, municipality_code, coalesce(stu_end_date <= export_date, false) as counted,
               count(*) as n_youth,
               cast(coalesce(sum(programme_cost_dkk), 0) as double) as known_programme_cost_dkk,
               count(*) filter (where programme_cost_dkk is null) as n_cost_missing
        from stg_participants
        group by all""").df()
    months = con.execute(f"select partnership_id, municipality_code, year, status, youth_months "
                         f"from {MUNICIPAL_MODEL}").df()
    group_of = municipality_group_map(youths.set_index("municipality_code")["n_youth"])
    keys = ["partnership_id", "municipality_code"]
    youths = youths.assign(municipality_code=in_municipality_groups(youths["municipality_code"], group_of)).groupby(
        [*keys, "counted"], as_index=False)[["n_youth", "known_programme_cost_dkk", "n_cost_missing"]].sum()
    months = months.assign(municipality_code=in_municipality_groups(months["municipality_code"], group_of)).groupby(
        [*keys, "year", "status"], as_index=False)["youth_months"].sum()
    return youths, months


def economics_frames(con: duckdb.DuckDBPyConnection, params: Parameters, cohort: pd.DataFrame,
                     distribution: pd.DataFrame, monte_carlo: int | None,
                     municipal: tuple[pd.DataFrame, pd.DataFrame] | None = None,
                     ) -> tuple[SavingsResult, dict[str, pd.DataFrame]]:
    """Every savings table of one parameter set, by table name: what a build writes and a scenario publishes
    (the one list, so a scenario can never publish less, or other, than a build)."""
    result = compute_savings(
        cohort, distribution, params, read_published(), _outcome_summary(con), monte_carlo,
        _estimated_baseline(con, params), municipal if municipal is not None else municipal_inputs(con),
    )
    frames = {**_result_frames(result), "savings_cohort": cohort}
    other = _other_baseline(con, params, cohort, distribution)
    frames["savings_summary_other_baseline"] = (
        other.summary.assign(baseline=baseline_from(other.params.values)) if other is not None
        else pd.DataFrame(columns=list(OTHER_BASELINE_TYPES)))
    return result, frames


def build_economics_tables(con: duckdb.DuckDBPyConnection, params: Parameters) -> list[str]:
    """Write every savings table from the built SQL models (the caller holds the transaction)."""
    cohort = con.execute(f"select * from {COHORT_MODEL}").df()
    distribution = con.execute(f"select * from {DISTRIBUTION_MODEL}").df()
    draws = params.get("uncertainty.draws")
    _, frames = economics_frames(con, params, cohort, distribution, None if draws is None else int(draws))
    frames.pop("savings_cohort")  # a SQL model's table already
    for name, frame in frames.items():
        write_frame(con, name, frame, TABLE_TYPES.get(name, OTHER_BASELINE_TYPES))
    return list(frames)


OTHER_BASELINE_TYPES = {**TABLE_TYPES["savings_summary"], "baseline": "varchar"}


def _other_baseline(con: duckdb.DuckDBPyConnection, params: Parameters, cohort: pd.DataFrame,
                    distribution: pd.DataFrame) -> SavingsResult | None:
    """The savings on the estimated baseline when the parameters assume one and a comparison
    extract is loaded, so the reports set the two side by side (table
    savings_summary_other_baseline; empty otherwise)."""
    if baseline_from(params.values) == "comparison":
        return None  # the assumed shares were replaced whole: the default file holds them
    if not has_relation(con, "counterfactual_by_year") or not con.execute(
            "select count(*) from counterfactual_by_year").fetchall()[0][0]:
        return None
    values = {**params.values, "baseline": {"from": "comparison"}}
    other = Parameters(values=values, path=params.path, sha256=params.sha256, overrides=params.overrides,
                       files=params.files)
    return compute_savings(cohort, distribution, other, read_published(), _outcome_summary(con), None,
                           _estimated_baseline(con, other))


def _model_sql(name: str) -> str:
    """A model's SELECT (its file's text)."""
    for model in sql_models():
        if model.name == name:
            return model.select()
    raise LookupError(f"no SQL model named {name}")


def _model_frame(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    """A model's SELECT run as a query: its rows under the session's variables, nothing stored."""
    return con.execute(_model_sql(name)).df()


def savings_report(
    con: duckdb.DuckDBPyConnection, params: Parameters, monte_carlo: int | None = None
) -> SavingsResult:
    """The savings model on the warehouse's loaded data with these parameters; no table is changed."""
    return scenario_frames(con, params, monte_carlo)[0]


def scenario_frames(
    con: duckdb.DuckDBPyConnection, params: Parameters, monte_carlo: int | None = None
) -> tuple[SavingsResult, dict[str, pd.DataFrame]]:
    """`economics_frames` for a scenario on a built warehouse; no table is changed.

    The distribution is recomputed from the staging/intermediate views with the
    parameters' horizon, so a scenario with another horizon works on a built warehouse.
    The session variables are restored afterwards.
    """
    if not has_relation(con, "int_youth_month_status"):
        raise ModelsNotBuiltError("the warehouse has no built models: run 'joballiance build' first")
    previous = {
        variable: con.execute(f"select getvariable('{variable}')").fetchone()[0]
        for variable in SQL_VARIABLES.values()
    }
    try:
        for key, variable in SQL_VARIABLES.items():
            if params.get(key) is not None:
                con.execute(f"set variable {variable} = ?", [params.get(key)])
        cohort = _model_frame(con, COHORT_MODEL)
        # the youth-months under the scenario's horizon, held (for this session only) in a temporary
        # table that the distribution and the municipal inputs read in place of the built one
        con.execute(f"create or replace temp table {MUNICIPAL_MODEL} as {_model_sql(MUNICIPAL_MODEL)}")
        distribution = _model_frame(con, DISTRIBUTION_MODEL)
        municipal = municipal_inputs(con)
    finally:
        con.execute(f"drop table if exists temp.{MUNICIPAL_MODEL}")
        for variable, value in previous.items():
            if value is None:
                con.execute(f"reset variable {variable}")
            else:
                con.execute(f"set variable {variable} = ?", [value])
    return economics_frames(con, params, cohort, distribution, monte_carlo, municipal)
