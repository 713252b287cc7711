"""The savings tables (docs/economics.md) as data frames (pure functions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from pipeline.economics.engine import (
    Cohorts,
    Money,
    Paths,
    Structure,
    cohorts_from_frames,
    money,
    scalars_from_values,
    status_paths,
    structure_from_values,
)
from pipeline.economics.montecarlo import HISTOGRAM_COLUMNS, INPUT_COLUMNS, monte_carlo, sensitivity_oneway
from pipeline.economics.municipal import MUNICIPAL_COLUMNS, municipal_savings
from pipeline.parameters import Parameters, iter_leaves

ALL = "ALL"
BY_YEAR_COLUMNS = [
    "partnership_id", "year", "source", "n_youth", "observable_youth_months", "share_job",
    "fte_per_youth", "gross_municipal_dkk", "gross_state_dkk", "cost_municipal_dkk", "cost_state_dkk",
    "net_municipal_dkk", "net_state_dkk", "net_total_dkk", "net_municipal_per_youth_dkk",
    "net_total_per_youth_dkk", "discount_factor", "cumulative_net_total_dkk", "cumulative_npv_total_dkk",
    # beyond the contract: what the figures are set against
    "share_job_or_education", "baseline_share_job_or_education", "baseline_fte_per_youth",
]
MONEY_COLUMNS = [
    "gross_municipal_dkk", "gross_state_dkk", "cost_municipal_dkk", "cost_state_dkk",
    "net_municipal_dkk", "net_state_dkk", "net_total_dkk",
]
SUMMARY_COLUMNS = [
    "partnership_id", "n_youth", "npv_net_total_dkk", "npv_net_municipal_dkk", "break_even_year",
    "net_municipal_per_youth_year1_dkk", "net_municipal_per_youth_year2_dkk", "npv_net_state_dkk",
    "break_even_year_municipal",
]
NATIONAL_COLUMNS = ["year", "cohorts_active", "net_total_dkk", "net_municipal_dkk", "extra_fte"]
COHORT_YEAR_COLUMNS = ["year", "net_total_dkk", "net_municipal_dkk", "extra_fte", "gross_total_dkk", "cost_total_dkk"]
DISTRIBUTION_COLUMNS = ["partnership_id", "year", "status", "share", "source"]
COMPARISON_COLUMNS = ["figure", "unit", "published", "computed", "source", "note"]


@dataclass(frozen=True)
class SavingsResult:
    """Every savings table of one parameter set, plus what the report prints."""

    params: Parameters
    by_year: pd.DataFrame
    summary: pd.DataFrame
    national: pd.DataFrame
    national_cohort: pd.DataFrame  # one annual intake, year by year (HBS Economics' "per year")
    distribution: pd.DataFrame  # D_k(s) of 'ALL' (youth-weighted mix of the partnerships), by year and status
    baseline: pd.DataFrame  # B_k(s): year, status, share
    sensitivity: pd.DataFrame
    monte_carlo: pd.DataFrame | None
    comparison: pd.DataFrame
    switching: dict[str, float | None]  # lambda_star, switching_share (NPV basis), steady_year, steady_share
    parameters: pd.DataFrame  # key, value, source
    histogram: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=HISTOGRAM_COLUMNS))
    monte_carlo_inputs: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=INPUT_COLUMNS))
    municipal: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=MUNICIPAL_COLUMNS))

    def switching_frame(self) -> pd.DataFrame:
        """The break-even shares on both bases (table savings_switching)."""
        return pd.DataFrame([
            {"basis": "npv", "year": None, "lambda_star": self.switching["lambda_star"],
             "share": self.switching["switching_share"]},
            {"basis": "steady_year", "year": self.switching["steady_year"], "lambda_star": None,
             "share": self.switching["steady_share"]},
        ], columns=["basis", "year", "lambda_star", "share"])


def savings_by_year(cohorts: Cohorts, structure: Structure, paths: Paths, result: Money) -> pd.DataFrame:
    """savings_by_year: one row per partnership and year, then the 'ALL' rows."""
    share = np.broadcast_to(paths.share, (1, *paths.share.shape[1:]))[0]  # (P, K, S)
    baseline_je = structure.baseline[:, structure.is_job_or_education].sum(axis=1)
    rows: list[dict[str, Any]] = []
    for p, partnership_id in enumerate(cohorts.partnership_ids):
        n_youth = cohorts.n_youth[p]
        for k in range(structure.horizon):
            row = {
                "partnership_id": partnership_id,
                "year": k + 1,
                "source": paths.source[p, k],
                "n_youth": n_youth,
                "observable_youth_months": cohorts.observable_months[p, k],
                "discount_factor": result.discount_factor[0, k],
                "baseline_share_job_or_education": baseline_je[k],
                "baseline_fte_per_youth": result.baseline_fte_per_youth[0, k],
            }
            if paths.valid[p]:
                row |= {
                    "share_job": share[p, k, structure.is_job].sum(),
                    "share_job_or_education": share[p, k, structure.is_job_or_education].sum(),
                    "fte_per_youth": result.fte_per_youth[0, p, k],
                    **{column: _money_column(result, column)[0, p, k] for column in MONEY_COLUMNS},
                }
            rows.append(row)
    frame = pd.DataFrame(rows, columns=BY_YEAR_COLUMNS)
    every = _all_rows(frame, cohorts, structure, paths)
    for k in range(structure.horizon):
        every.loc[k, "discount_factor"] = result.discount_factor[0, k]
        every.loc[k, "baseline_share_job_or_education"] = baseline_je[k]
        every.loc[k, "baseline_fte_per_youth"] = result.baseline_fte_per_youth[0, k]
    frame = pd.concat([frame, every], ignore_index=True) if len(frame) else every
    numeric = frame.columns.difference(["partnership_id", "source", "year"])
    frame[numeric] = frame[numeric].astype(float)
    frame["year"] = frame["year"].astype(int)
    frame["source"] = frame["source"].astype(object).where(frame["source"].notna(), None)
    return _per_youth_and_cumulative(frame)


def _money_column(result: Money, column: str) -> np.ndarray:
    return getattr(result, column.removesuffix("_dkk"))


def _all_rows(frame: pd.DataFrame, cohorts: Cohorts, structure: Structure, paths: Paths) -> pd.DataFrame:
    """'ALL': sums over the partnerships with a result; shares and fte weighted by n_youth.

    The year's discount factor and baseline columns are filled in by the caller.
    """
    valid_ids = {pid for pid, ok in zip(cohorts.partnership_ids, paths.valid, strict=True) if ok}
    rows = []
    for k in range(structure.horizon):
        year = frame[frame["year"] == k + 1]
        part = year[year["partnership_id"].isin(valid_ids)]
        n_youth = part["n_youth"].sum()
        row: dict[str, Any] = {"partnership_id": ALL, "year": k + 1, "n_youth": n_youth}
        row["observable_youth_months"] = part["observable_youth_months"].sum()
        if n_youth > 0:
            sources = set(part["source"])
            row["source"] = (
                "assumed" if "assumed" in sources else "observed" if sources == {"observed"} else "projected"
            )
            for column in ("share_job", "share_job_or_education", "fte_per_youth"):
                row[column] = (part[column] * part["n_youth"]).sum() / n_youth
            for column in MONEY_COLUMNS:
                row[column] = part[column].sum()
        rows.append(row)
    return pd.DataFrame(rows, columns=BY_YEAR_COLUMNS)


def _per_youth_and_cumulative(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    has_youth = frame["n_youth"] > 0
    for column in ("net_municipal", "net_total"):
        frame[f"{column}_per_youth_dkk"] = (frame[f"{column}_dkk"] / frame["n_youth"]).where(has_youth)
    frame["_all"] = frame["partnership_id"] == ALL
    frame = frame.sort_values(["_all", "partnership_id", "year"]).reset_index(drop=True)
    grouped = frame.groupby("partnership_id", sort=False)
    frame["cumulative_net_total_dkk"] = grouped["net_total_dkk"].cumsum(skipna=False)
    frame["cumulative_npv_total_dkk"] = (
        (frame["net_total_dkk"] * frame["discount_factor"]).groupby(frame["partnership_id"]).cumsum(skipna=False)
    )
    return frame[BY_YEAR_COLUMNS]


def savings_summary(by_year: pd.DataFrame) -> pd.DataFrame:
    """savings_summary from savings_by_year."""
    rows = []
    for partnership_id, years in by_year.groupby("partnership_id", sort=False):
        years = years.sort_values("year")
        has_result = years["net_total_dkk"].notna().all()
        discounted = years["discount_factor"]

        def per_youth(year: int, years: pd.DataFrame = years) -> float | None:
            match = years.loc[years["year"] == year, "net_municipal_per_youth_dkk"]
            return match.iloc[0] if len(match) else None

        break_even = years.loc[years["cumulative_net_total_dkk"] >= 0, "year"]
        municipal = years.loc[years["net_municipal_dkk"].cumsum() >= 0, "year"]
        rows.append({
            "partnership_id": partnership_id,
            "n_youth": years["n_youth"].iloc[0],
            "npv_net_total_dkk": (years["net_total_dkk"] * discounted).sum() if has_result else None,
            "npv_net_municipal_dkk": (years["net_municipal_dkk"] * discounted).sum() if has_result else None,
            "break_even_year": int(break_even.iloc[0]) if has_result and len(break_even) else None,
            "net_municipal_per_youth_year1_dkk": per_youth(1),
            "net_municipal_per_youth_year2_dkk": per_youth(2),
            "npv_net_state_dkk": (years["net_state_dkk"] * discounted).sum() if has_result else None,
            "break_even_year_municipal": int(municipal.iloc[0]) if has_result and len(municipal) else None,
        })
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def national_scenario(by_year: pd.DataFrame, youths_per_year: float) -> pd.DataFrame:
    """The national scenario: a cohort of youths_per_year a year, each on the 'ALL' per-youth path."""
    path = by_year[by_year["partnership_id"] == ALL].sort_values("year")
    extra_fte = path["fte_per_youth"] - path["baseline_fte_per_youth"]
    rows = []
    for t in range(1, len(path) + 1):
        active = path.iloc[:t]
        rows.append({
            "year": t,
            "cohorts_active": t,
            "net_total_dkk": youths_per_year * active["net_total_per_youth_dkk"].sum(skipna=False),
            "net_municipal_dkk": youths_per_year * active["net_municipal_per_youth_dkk"].sum(skipna=False),
            "extra_fte": youths_per_year * extra_fte.iloc[:t].sum(skipna=False),
        })
    return pd.DataFrame(rows, columns=NATIONAL_COLUMNS)


def national_cohort_year(by_year: pd.DataFrame, youths_per_year: float) -> pd.DataFrame:
    """One annual intake of youths_per_year youths in its year k (the 'ALL' per-youth path)."""
    path = by_year[by_year["partnership_id"] == ALL].sort_values("year")
    n = path["n_youth"].where(path["n_youth"] > 0)
    frame = pd.DataFrame({
        "year": path["year"].astype(int),
        "net_total_dkk": youths_per_year * path["net_total_per_youth_dkk"],
        "net_municipal_dkk": youths_per_year * path["net_municipal_per_youth_dkk"],
        "extra_fte": youths_per_year * (path["fte_per_youth"] - path["baseline_fte_per_youth"]),
        "gross_total_dkk": youths_per_year * (path["gross_municipal_dkk"] + path["gross_state_dkk"]) / n,
        "cost_total_dkk": youths_per_year * (path["cost_municipal_dkk"] + path["cost_state_dkk"]) / n,
    })
    return frame[COHORT_YEAR_COLUMNS].reset_index(drop=True)


def steady_year(params_values: dict[str, Any]) -> int:
    """The year of one cohort set against HBS Economics' 'per year' figures: the first year
    after the programme cost is booked (a year with the full effect and no start-up cost)."""
    return min(int(params_values["programme_cost"]["year"]) + 1, int(params_values["model"]["horizon_years"]))


def steady_break_even_share(by_year: pd.DataFrame, national_cohort: pd.DataFrame, year: int) -> float | None:
    """The year-k share in job or education at which one cohort's steady year pays for one annual
    intake's programme cost: B + λ·(D − B) with λ·gross_k = cost of one intake."""
    path = by_year[by_year["partnership_id"] == ALL].set_index("year")
    cohort = national_cohort.set_index("year")
    if year not in path.index or year not in cohort.index:
        return None
    gross = cohort.at[year, "gross_total_dkk"]
    cost = cohort["cost_total_dkk"].sum()
    if pd.isna(gross) or gross <= 0 or pd.isna(cost):
        return None
    baseline = path.at[year, "baseline_share_job_or_education"]
    return float(baseline + cost / gross * (path.at[year, "share_job_or_education"] - baseline))


def status_distribution(cohorts: Cohorts, structure: Structure, paths: Paths) -> pd.DataFrame:
    """D_k(s) of every partnership with a result and of 'ALL' (weighted by n_youth), with the year's source."""
    share = np.broadcast_to(paths.share, (1, *paths.share.shape[1:]))[0]
    rows = []
    weights = np.where(paths.valid, cohorts.n_youth, 0.0)
    for k in range(structure.horizon):
        for p, partnership_id in enumerate(cohorts.partnership_ids):
            if paths.valid[p]:
                rows += [(partnership_id, k + 1, s, share[p, k, j], paths.source[p, k])
                         for j, s in enumerate(structure.statuses)]
        if weights.sum() > 0:
            mix = (share[:, k, :] * weights[:, None]).sum(axis=0) / weights.sum()
            sources = {paths.source[p, k] for p in range(len(weights)) if paths.valid[p]}
            source = "assumed" if "assumed" in sources else "observed" if sources == {"observed"} else "projected"
            rows += [(ALL, k + 1, s, mix[j], source) for j, s in enumerate(structure.statuses)]
    return pd.DataFrame(rows, columns=DISTRIBUTION_COLUMNS)


def baseline_table(structure: Structure) -> pd.DataFrame:
    rows = [(k + 1, s, structure.baseline[k, j]) for k in range(structure.horizon)
            for j, s in enumerate(structure.statuses)]
    return pd.DataFrame(rows, columns=["year", "status", "share"])


def switching_value(by_year: pd.DataFrame) -> dict[str, float | None]:
    """The switching value: λ* with NPV(λ) = λ·PV(gross) − PV(cost) = 0, and the year-1 job+education share at λ*."""
    path = by_year[by_year["partnership_id"] == ALL].sort_values("year")
    gross = (path["gross_municipal_dkk"] + path["gross_state_dkk"]) * path["discount_factor"]
    cost = (path["cost_municipal_dkk"] + path["cost_state_dkk"]) * path["discount_factor"]
    if path["net_total_dkk"].isna().any() or gross.sum() == 0:
        return {"lambda_star": None, "switching_share": None}
    lambda_star = float(cost.sum() / gross.sum())
    first = path.iloc[0]
    baseline = first["baseline_share_job_or_education"]
    share = baseline + lambda_star * (first["share_job_or_education"] - baseline)
    return {"lambda_star": lambda_star, "switching_share": float(share)}


def published_comparison(
    published: pd.DataFrame,
    by_year: pd.DataFrame,
    national_cohort: pd.DataFrame,
    switching: dict[str, float | None],
    outcome_summary: pd.DataFrame | None,
    steady: int,
) -> pd.DataFrame:
    """Each published figure the model can compute, set against it like for like: HBS Economics'
    'per year' national figures are one annual intake of youths in a steady year (`steady`), not
    the stock of every cohort active at once. `note` names the basis of the computed figure."""
    path = by_year[by_year["partnership_id"] == ALL].set_index("year")
    cohort = national_cohort.set_index("year")

    def at(year: int, column: str) -> float | None:
        return path.at[year, column] if year in path.index else None

    def one_cohort(column: str) -> float | None:
        return cohort.at[steady, column] if steady in cohort.index else None

    computed: dict[str, tuple[float | None, str]] = {
        "hbs_national_annual_saving": (one_cohort("net_total_dkk"), f"one_cohort_year_{steady}"),
        "hbs_national_extra_full_time_employed": (one_cohort("extra_fte"), f"one_cohort_year_{steady}"),
        "hbs_year1": (at(1, "net_total_per_youth_dkk"), "per_youth_year_1"),
        "hbs_year2_net_saving_per_participant_total": (at(2, "net_total_per_youth_dkk"), "per_youth_year_2"),
        "hbs_year2_net_saving_per_participant_municipal": (at(2, "net_municipal_per_youth_dkk"), "per_youth_year_2"),
        "hbs_break_even_share_job_or_education": (switching["switching_share"], "npv_switching_value"),
        "hbs_assumed_share_job_or_education": (at(1, "share_job_or_education"), "year_1"),
        "baseline_share_job_or_education_year1": (at(1, "baseline_share_job_or_education"), "parameter"),
    }
    if outcome_summary is not None:
        pilot = outcome_summary[outcome_summary["partnership_id"] == ALL]
        if len(pilot):
            first = pilot.iloc[0]
            note = "headline_all_youths"
            computed |= {
                "pilot_youths": (first["n"], note),
                "pilot_share_job_12m": (first["share_job"], note),
                "pilot_share_education_12m": (first["share_education"], note),
                "pilot_share_in_course_12m": (first["share_in_programme"], note),
                "pilot_share_public_support_12m": (first["share_public_support"], note),
            }
    rows = []
    for figure in published.itertuples(index=False):
        if figure.figure not in computed:
            continue
        value, note = computed[figure.figure]
        number = pd.to_numeric(figure.value, errors="coerce")
        unit = figure.unit
        if figure.figure == "hbs_year1":
            number, unit = 0.0, "DKK"
        rows.append({
            "figure": figure.figure,
            "unit": unit,
            "published": None if pd.isna(number) else float(number),
            "computed": None if value is None or pd.isna(value) else float(value),
            "source": figure.source,
            "note": note,
        })
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def parameter_rows(params: Parameters) -> pd.DataFrame:
    """Every parameter used: dotted key, value (as text for lists and strings), source."""
    overridden = {item.split("=", 1)[0].strip(): item for item in params.overrides}
    rows = []
    for key, value, source in iter_leaves(params.values):
        if key in overridden:
            source = f"override --set {overridden[key]} (file: {source or 'no source'})"
        shown = value if isinstance(value, int | float) and not isinstance(value, bool) else str(value)
        rows.append({"key": key, "value": shown, "source": source})
    return pd.DataFrame(rows, columns=["key", "value", "source"])


def compute_savings(
    cohort: pd.DataFrame,
    distribution: pd.DataFrame,
    params: Parameters,
    published: pd.DataFrame,
    outcome_summary: pd.DataFrame | None = None,
    monte_carlo_draws: int | None = None,
    estimated_baseline: tuple[np.ndarray, np.ndarray] | None = None,
    municipal_inputs: tuple[pd.DataFrame, pd.DataFrame] | None = None,
) -> SavingsResult:
    """Every savings table from the warehouse's cohort and distribution frames and the parameters.

    `estimated_baseline` (B̂ and its bootstrap replicates) is used with `[baseline] from = "comparison"`;
    `municipal_inputs` (youths with their municipality group, their observable youth-months) gives the
    municipal net by home municipality (`municipal_savings`).
    """
    values = params.values
    structure = structure_from_values(values, estimated_baseline)
    cohorts = cohorts_from_frames(cohort, distribution, structure.horizon)
    scalars = scalars_from_values(values)
    paths = status_paths(cohorts, structure, scalars.job_retention)
    result = money(cohorts, structure, scalars, paths.share)
    by_year = savings_by_year(cohorts, structure, paths, result)
    municipal = (municipal_savings(cohorts, structure, scalars, paths, result, *municipal_inputs)
                 if municipal_inputs is not None else pd.DataFrame(columns=MUNICIPAL_COLUMNS))
    youths_per_year = float(values["national"]["youths_per_year"])
    national = national_scenario(by_year, youths_per_year)
    cohort_year = national_cohort_year(by_year, youths_per_year)
    steady = steady_year(values)
    switching = switching_value(by_year) | {
        "steady_year": steady, "steady_share": steady_break_even_share(by_year, cohort_year, steady)}
    simulation = None
    if monte_carlo_draws is not None:
        seed = int(values.get("uncertainty", {}).get("seed", 0))
        simulation = monte_carlo(cohorts, structure, values, monte_carlo_draws, seed)
    return SavingsResult(
        params=params,
        by_year=by_year,
        summary=savings_summary(by_year),
        national=national,
        national_cohort=cohort_year,
        distribution=status_distribution(cohorts, structure, paths),
        baseline=baseline_table(structure),
        sensitivity=sensitivity_oneway(cohorts, structure, values),
        monte_carlo=None if simulation is None else simulation.summary,
        comparison=published_comparison(published, by_year, cohort_year, switching, outcome_summary, steady),
        switching=switching,
        parameters=parameter_rows(params),
        **({} if simulation is None else {"histogram": simulation.histogram,
                                          "monte_carlo_inputs": simulation.inputs}),
        municipal=municipal,
    )
