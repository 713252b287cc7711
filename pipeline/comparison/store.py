"""The comparison tables at the warehouse's edge: read the loaded youths, write the estimates.

`build_comparison_tables(con, params)` runs inside the build's transaction, after the SQL
models (it reads outcome_12m) and before the economics (which may read the estimated
baseline). With no comparison extract loaded it writes the tables empty, with their
columns, so reports and the economics can tell "nothing loaded" from "not built".
When the groups do not overlap the tables stay empty and `comparison_summary.message`
holds the refusal; the economics then refuses `[baseline] from = "comparison"` with it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from pipeline.comparison.counterfactual import (
    BY_YEAR_COLUMNS,
    EFFECT_COLUMNS,
    REPLICATE_COLUMNS,
    EffectInput,
    counterfactual_by_year,
    effect_12m,
)
from pipeline.comparison.weighting import (
    BALANCE_COLUMNS,
    DEFAULT_COVARIATES,
    MIN_EFFECTIVE_N,
    SMD_THRESHOLD,
    NoOverlapError,
    covariate_frame,
)
from pipeline.comparison.youth_months import YouthMonths, status_matrix, youth_months, youth_months_from_long
from pipeline.parameters import Parameters, status_categories, status_codes
from pipeline.reference import load_reference
from pipeline.warehouse import has_relation, write_frame

LOG = logging.getLogger(__name__)
ALL = "ALL"
DEFAULT_REPLICATES = 200
DEFAULT_SEED = 20240101

TABLE_TYPES: dict[str, dict[str, str]] = {
    "comparison_weights": {
        "participant_id": "varchar", "export_id": "varchar", "weight": "double", "propensity": "double",
        "in_support": "boolean",
    },
    "comparison_balance": dict(zip(BALANCE_COLUMNS, ["varchar"] + ["double"] * 5, strict=True)),
    "counterfactual_by_year": dict(zip(
        BY_YEAR_COLUMNS, ["bigint", "varchar", "double", "double", "double", "bigint", "double"], strict=True)),
    "counterfactual_replicates": dict(zip(REPLICATE_COLUMNS, ["bigint", "bigint", "varchar", "double"], strict=True)),
    "effect_12m": dict(zip(
        EFFECT_COLUMNS, ["varchar", "bigint", "double", "double", "double", "double", "double", "varchar"],
        strict=True)),
    "comparison_summary": {
        "n_programme": "bigint", "n_comparison": "bigint", "effective_n": "double", "replicates": "bigint",
        "seed": "bigint", "covariates": "varchar", "youth_month_source": "varchar", "message": "varchar",
    },
}


@dataclass(frozen=True)
class ComparisonSettings:
    """The [comparison] table of the parameter file, with its defaults."""

    covariates: tuple[str, ...] = DEFAULT_COVARIATES
    replicates: int = DEFAULT_REPLICATES
    seed: int = DEFAULT_SEED
    smd_threshold: float = SMD_THRESHOLD
    min_effective_n: float = MIN_EFFECTIVE_N

    @classmethod
    def from_params(cls, params: Parameters) -> ComparisonSettings:
        table = params.get("comparison", {}) or {}
        return cls(
            covariates=tuple(table.get("covariates", DEFAULT_COVARIATES)),
            replicates=int(table.get("bootstrap_replicates", DEFAULT_REPLICATES)),
            seed=int(table.get("seed", DEFAULT_SEED)),
            smd_threshold=float(table.get("smd_threshold", SMD_THRESHOLD)),
            min_effective_n=float(table.get("min_effective_n", MIN_EFFECTIVE_N)),
        )


def write_table(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
    """Create or replace `name` with the frame's rows cast to the table's declared types."""
    write_frame(con, name, frame, TABLE_TYPES[name])


def load_comparison(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The current comparison extracts' youths (with their export date) and spells; empty when none."""
    if not has_relation(con, "comparison_participants"):
        return pd.DataFrame(), pd.DataFrame()
    participants = con.execute(
        "select p.*, e.export_date from comparison_participants p join comparison_current_exports e "
        "using (export_id) where p.stu_end_date <= e.export_date order by p.export_id, p.participant_id").df()
    spells = con.execute("select participant_id, export_id, status, category, start_date, end_date "
                         "from comparison_spells").df()
    return participants, spells


def load_programme(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The programme's counted youths (current exports, STU ended by the export date) with covariates."""
    return con.execute(
        "select p.participant_id, p.partnership_id, p.municipality_code, p.birth_year, p.sex, p.stu_end_date, "
        "e.export_date from participants p join exports e using (export_id) "
        "where p.stu_end_date is not null and p.stu_end_date <= e.export_date "
        "and p.birth_year is not null and p.sex is not null order by p.partnership_id, p.participant_id").df()


def comparison_status_matrix(participants: pd.DataFrame, spells: pd.DataFrame, months: int) -> np.ndarray:
    """(n, months) status index of each comparison youth by month after STU (the pandas definition)."""
    spells = spells.copy()
    # a youth id is unique within one extract; two sources may reuse an id, so key by both
    spells["participant_id"] = spells["export_id"].astype(str) + "\x1f" + spells["participant_id"].astype(str)
    keyed = participants.assign(
        participant_id=participants["export_id"].astype(str) + "\x1f" + participants["participant_id"].astype(str))
    return status_matrix(keyed, spells, participants["export_date"], months, status_codes())


YOUTH_MONTH_MODEL = "comparison_youth_months"


def comparison_youth_months(
    con: duckdb.DuckDBPyConnection, comparison: pd.DataFrame, spells: pd.DataFrame, horizon: int
) -> tuple[YouthMonths, str]:
    """The comparison youths' youth-months by year and status: from the SQL model (the programme's
    own definition, shared with savings_distribution) when it is built, else the pandas twin."""
    statuses = status_codes()
    if has_relation(con, YOUTH_MONTH_MODEL):
        long = con.execute(
            f"select export_id, participant_id, year, status, youth_months from {YOUTH_MONTH_MODEL}").df()
        long["participant_id"] = long["export_id"].astype(str) + "\x1f" + long["participant_id"].astype(str)
        keys = (comparison["export_id"].astype(str) + "\x1f" + comparison["participant_id"].astype(str)).tolist()
        return youth_months_from_long(long, keys, horizon, statuses), f"sql model {YOUTH_MONTH_MODEL}"
    matrix = comparison_status_matrix(comparison, spells, 12 * max(horizon, 1))
    return youth_months(matrix, horizon, len(statuses)), "pandas (pipeline.comparison.youth_months)"


def build_comparison_tables(con: duckdb.DuckDBPyConnection, params: Parameters, lang: str = "da") -> list[str]:
    """Write comparison_weights, comparison_balance, counterfactual_by_year (and its replicates),
    effect_12m and comparison_summary; empty tables when no comparison extract is loaded."""
    settings = ComparisonSettings.from_params(params)
    frames = {name: pd.DataFrame(columns=list(types)) for name, types in TABLE_TYPES.items()}
    comparison, spells = load_comparison(con)
    programme = load_programme(con) if len(comparison) else pd.DataFrame()  # no comparison: nothing to weigh
    summary = {"n_programme": len(programme), "n_comparison": len(comparison), "effective_n": None,
               "replicates": settings.replicates, "seed": settings.seed,
               "covariates": ", ".join(settings.covariates), "youth_month_source": "pandas", "message": None}
    if len(comparison):
        try:
            frames |= _estimate(con, params, settings, programme, comparison, spells, summary, lang)
        except NoOverlapError as error:
            LOG.error("%s", error)
            summary["message"] = str(error)
    frames["comparison_summary"] = pd.DataFrame([summary]) if len(comparison) else frames["comparison_summary"]
    for name, frame in frames.items():
        write_table(con, name, frame)
    return list(frames)


def _estimate(
    con: duckdb.DuckDBPyConnection, params: Parameters, settings: ComparisonSettings, programme: pd.DataFrame,
    comparison: pd.DataFrame, spells: pd.DataFrame, summary: dict, lang: str,
) -> dict[str, pd.DataFrame]:
    region_of = dict(zip(load_reference().municipalities["municipality_code"],
                         load_reference().municipalities["region"], strict=True))
    horizon = int(params.require("model.horizon_years"))
    statuses = status_codes()
    x_t = covariate_frame(programme, region_of, settings.covariates)
    x_c = covariate_frame(comparison, region_of, settings.covariates)
    months, source = comparison_youth_months(con, comparison, spells, horizon)
    summary["youth_month_source"] = source
    matrix = comparison_status_matrix(comparison, spells, 12)  # month 12 for the effect at 12 months
    counterfactual, weighting = counterfactual_by_year(
        x_t.reset_index(drop=True), x_c.reset_index(drop=True), months, statuses,
        replicates=settings.replicates, seed=settings.seed,
        min_observed=int(params.get("model.min_observed_youth_months", 1) or 1), lang=lang)
    summary["effective_n"] = weighting.effective_n
    summary["message"] = " ".join(weighting.messages) or None
    weights = pd.DataFrame({
        "participant_id": comparison["participant_id"], "export_id": comparison["export_id"],
        "weight": weighting.weights, "propensity": weighting.propensity,
        "in_support": weighting.design.comparison_cell >= 0,
    })
    effect = _effects(con, programme, x_t, x_c, matrix, settings, lang)
    return {
        "comparison_weights": weights,
        "comparison_balance": weighting.balance,
        "counterfactual_by_year": counterfactual.table,
        "counterfactual_replicates": counterfactual.replicate_table(),
        "effect_12m": effect,
    }


def _effects(
    con: duckdb.DuckDBPyConnection, programme: pd.DataFrame, x_t: pd.DataFrame, x_c: pd.DataFrame,
    matrix: np.ndarray, settings: ComparisonSettings, lang: str,
) -> pd.DataFrame:
    """effect_12m from outcome_12m (observable programme youths) and the comparison youths' month 12."""
    if not has_relation(con, "outcome_12m") or matrix.shape[1] < 12:
        return pd.DataFrame(columns=EFFECT_COLUMNS)
    outcome = con.execute("select participant_id, partnership_id, category from outcome_12m where observable").df()
    keyed = programme.assign(_row=np.arange(len(programme))).merge(
        outcome, on=["partnership_id", "participant_id"], how="inner")
    success = keyed["category"].isin(["job", "education"]).to_numpy()
    groups = []
    for partnership_id in [*sorted(keyed["partnership_id"].unique()), ALL]:
        mask = np.ones(len(keyed), bool) if partnership_id == ALL else (keyed["partnership_id"] == partnership_id)
        mask = np.asarray(mask)
        rows = keyed.loc[mask, "_row"].to_numpy()
        groups.append(EffectInput(partnership_id, x_t.iloc[rows].reset_index(drop=True), success[mask]))
    seen = matrix[:, 11] >= 0
    category = status_categories()
    job_or_education = np.array([category[s] in ("job", "education") for s in status_codes()])
    y_c = job_or_education[np.maximum(matrix[seen, 11], 0)]
    return effect_12m(groups, x_c[seen].reset_index(drop=True), y_c, replicates=settings.replicates,
                      seed=settings.seed, lang=lang)


def estimated_baseline(con: duckdb.DuckDBPyConnection, statuses: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """B̂_k(s) (K_obs, S) and its bootstrap replicates (B, K_obs, S) from the built tables.

    Raises LookupError (with the reason) when no estimate is in the warehouse.
    """
    from pipeline.texts import t

    if not has_relation(con, "counterfactual_by_year"):
        raise LookupError(t("comparison.baseline_missing", "da"))
    table = con.execute("select year, status, share from counterfactual_by_year").df()
    if table.empty:
        reason = None
        if has_relation(con, "comparison_summary"):
            found = con.execute("select max(message) from comparison_summary").fetchone()
            reason = found[0] if found else None
        raise LookupError(t("comparison.baseline_missing", "da") + (f" ({reason})" if reason else ""))
    code = {s: j for j, s in enumerate(statuses)}
    years = int(table["year"].max())
    point = np.zeros((years, len(statuses)))
    point[table["year"].to_numpy() - 1, table["status"].map(code).to_numpy()] = table["share"].to_numpy(float)
    reps = con.execute("select replicate, year, status, share from counterfactual_replicates").df()
    count = int(reps["replicate"].max()) if len(reps) else 0
    replicates = np.zeros((count, years, len(statuses)))
    if count:
        replicates[reps["replicate"].to_numpy() - 1, reps["year"].to_numpy() - 1,
                   reps["status"].map(code).to_numpy()] = reps["share"].to_numpy(float)
    return point, replicates
