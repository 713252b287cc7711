"""The savings model (docs/economics.md) as array arithmetic.

Every array carries a leading draws axis N (N = 1 for the deterministic model), then
partnerships P, years K and statuses S, so the deterministic result, the one-way
sensitivity and the Monte Carlo run are one computation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from pipeline.parameters import ParameterError, baseline_from, status_categories, status_codes


@dataclass(frozen=True)
class Cohorts:
    """What the warehouse says about each partnership's counted youths."""

    partnership_ids: tuple[str, ...]
    n_youth: np.ndarray  # (P,)
    known_cost_dkk: np.ndarray  # (P,) sum of the exports' programme_cost_dkk
    n_cost_missing: np.ndarray  # (P,) youths whose cost is the parameter default
    youth_months: np.ndarray  # (P, K, S) observable youth-months by status
    observable_months: np.ndarray  # (P, K)


@dataclass(frozen=True)
class Structure:
    """The fixed part of the parameters: shapes, distributions and rules."""

    statuses: tuple[str, ...]
    is_job: np.ndarray  # (S,) bool
    is_job_or_education: np.ndarray  # (S,) bool
    loss_to: int  # status index the lost job mass moves to
    horizon: int
    cost_year: int
    min_observed: int
    baseline: np.ndarray  # (K, S)
    programme: np.ndarray | None  # (K, S), replaces the observed distribution
    baseline_replicates: np.ndarray | None = None  # (R, K, S) bootstrap replicates of an estimated baseline


@dataclass(frozen=True)
class Scalars:
    """The parameters that may vary by draw, each with a leading draws axis."""

    cost: np.ndarray  # (N, S) annual_public_cost_dkk
    municipal_share: np.ndarray  # (N, S)
    fte: np.ndarray  # (N, S)
    discount_rate: np.ndarray  # (N,)
    per_youth_cost: np.ndarray  # (N,)
    cost_municipal_share: np.ndarray  # (N,)
    job_retention: np.ndarray  # (N,)
    youths_per_year: np.ndarray  # (N,)
    baseline: np.ndarray | None = None  # (N, K, S) a baseline per draw, replacing Structure.baseline

    @property
    def draws(self) -> int:
        return int(self.cost.shape[0])


SCALAR_FIELDS = {
    "model.discount_rate": "discount_rate",
    "programme_cost.per_youth_dkk": "per_youth_cost",
    "programme_cost.municipal_share": "cost_municipal_share",
    "projection.job_retention": "job_retention",
    "national.youths_per_year": "youths_per_year",
}
STATUS_FIELDS = {"annual_public_cost_dkk": "cost", "municipal_share": "municipal_share", "fte": "fte"}


def distribution_matrix(table: Mapping[str, Any], statuses: tuple[str, ...], horizon: int) -> np.ndarray:
    """[baseline]/[programme] as a (K, S) matrix; the last given year repeats."""
    years = sorted(int(key[4:]) for key in table if key.startswith("year") and not key.endswith("_source"))
    rows = []
    for k in range(1, horizon + 1):
        shares = table[f"year{min(k, years[-1])}"]
        rows.append([float(shares.get(status, 0.0)) for status in statuses])
    return np.array(rows)


class EstimatedBaselineMissing(ParameterError):
    """`[baseline] from = "comparison"` without an estimated counterfactual in the warehouse."""


def extend_years(shares: np.ndarray, horizon: int) -> np.ndarray:
    """(..., K_obs, S) shares as (..., horizon, S): years beyond the observed repeat the last one."""
    observed = shares.shape[-2]
    index = np.minimum(np.arange(horizon), observed - 1)
    return shares[..., index, :]


def structure_from_values(
    values: Mapping[str, Any], estimated: tuple[np.ndarray, np.ndarray] | None = None
) -> Structure:
    """The fixed part of the model; `estimated` = (B̂ (K_obs, S), replicates (R, K_obs, S)) is the
    comparison group's counterfactual, used when the parameters say `[baseline] from = "comparison"`."""
    statuses = status_codes()
    category = status_categories()
    horizon = int(values["model"]["horizon_years"])
    programme = values.get("programme")
    replicates = None
    if baseline_from(values) == "comparison":
        if estimated is None or estimated[0].shape[0] == 0:
            raise EstimatedBaselineMissing(
                "[baseline] from = \"comparison\" needs an estimated counterfactual: no comparison extract is "
                "loaded (or it could not be weighted); ingest one and build, or use the assumed baseline")
        baseline = extend_years(np.asarray(estimated[0], dtype=float), horizon)
        if len(estimated[1]):
            replicates = extend_years(np.asarray(estimated[1], dtype=float), horizon)
    else:
        baseline = distribution_matrix(values["baseline"], statuses, horizon)
    return Structure(
        statuses=statuses,
        is_job=np.array([category[s] == "job" for s in statuses]),
        is_job_or_education=np.array([category[s] in ("job", "education") for s in statuses]),
        loss_to=statuses.index(values["projection"]["job_loss_to"]),
        horizon=horizon,
        cost_year=int(values["programme_cost"]["year"]),
        min_observed=int(values["model"]["min_observed_youth_months"]),
        baseline=baseline,
        programme=None if programme is None else distribution_matrix(programme, statuses, horizon),
        baseline_replicates=replicates,
    )


def scalars_from_values(values: Mapping[str, Any], draws: int = 1) -> Scalars:
    """The parameter values, repeated over `draws` rows."""
    statuses = status_codes()

    def per_status(name: str) -> np.ndarray:
        row = [float(values["status"][s][name]) for s in statuses]
        return np.tile(np.array(row), (draws, 1))

    def scalar(dotted: str) -> np.ndarray:
        table, name = dotted.split(".")
        return np.full(draws, float(values[table][name]))

    fields: dict[str, np.ndarray] = {field: per_status(name) for name, field in STATUS_FIELDS.items()}
    fields.update({field: scalar(dotted) for dotted, field in SCALAR_FIELDS.items()})
    return Scalars(**fields)


def with_column(scalars: Scalars, dotted_key: str, column: np.ndarray) -> Scalars:
    """A copy of `scalars` whose variable `dotted_key` takes one value per draw."""
    fields = {name: getattr(scalars, name) for name in Scalars.__dataclass_fields__}
    fields = {name: None if value is None else value.copy() for name, value in fields.items()}
    if dotted_key in SCALAR_FIELDS:
        fields[SCALAR_FIELDS[dotted_key]][:] = column
    else:
        _, status, name = dotted_key.split(".")
        fields[STATUS_FIELDS[name]][:, status_codes().index(status)] = column
    return Scalars(**fields)


def cohorts_from_frames(cohort: pd.DataFrame, distribution: pd.DataFrame, horizon: int) -> Cohorts:
    """Arrays from the savings_cohort and savings_distribution tables."""
    statuses = status_codes()
    cohort = cohort.sort_values("partnership_id").reset_index(drop=True)
    ids = tuple(str(p) for p in cohort["partnership_id"])
    months = np.zeros((len(ids), horizon, len(statuses)))
    position = {p: i for i, p in enumerate(ids)}
    column = {s: j for j, s in enumerate(statuses)}
    for row in distribution.itertuples(index=False):
        if row.partnership_id in position and 1 <= row.year <= horizon:
            months[position[row.partnership_id], int(row.year) - 1, column[row.status]] += row.youth_months
    return Cohorts(
        partnership_ids=ids,
        n_youth=cohort["n_youth"].to_numpy(dtype=float),
        known_cost_dkk=cohort["known_programme_cost_dkk"].to_numpy(dtype=float),
        n_cost_missing=cohort["n_cost_missing"].to_numpy(dtype=float),
        youth_months=months,
        observable_months=months.sum(axis=2),
    )


@dataclass(frozen=True)
class Paths:
    """The status distribution of every partnership and year, per draw."""

    share: np.ndarray  # (N or 1, P, K, S) D_pk(s)
    source: np.ndarray  # (P, K) 'observed' | 'projected' | 'assumed' | None
    valid: np.ndarray  # (P,) False: all-NULL savings (year 1 neither observed nor assumed)


def project_year(previous: np.ndarray, structure: Structure, retention: np.ndarray | float) -> np.ndarray:
    """A projected year from the year before (..., S): job statuses keep `retention` of their mass, the
    lost mass moves to `job_loss_to`. Linear in `previous`, so a sum of parts projects to the sum."""
    kept = np.where(structure.is_job, previous * retention, previous)
    kept[..., structure.loss_to] += (previous[..., structure.is_job] * (1 - retention)).sum(axis=-1)
    return kept


def status_paths(cohorts: Cohorts, structure: Structure, job_retention: np.ndarray) -> Paths:
    """§4.4 steps 1–3: observed years, projected years, or the scenario's [programme]."""
    n_draws = job_retention.shape[0]
    n_part, horizon = len(cohorts.partnership_ids), structure.horizon
    share = np.zeros((n_draws, n_part, horizon, len(structure.statuses)))
    source = np.full((n_part, horizon), None, dtype=object)
    valid = cohorts.n_youth > 0
    if structure.programme is not None:
        share[:] = structure.programme
        source[valid] = "assumed"
        return Paths(share, source, valid)
    retention = job_retention[:, None]
    for p in range(n_part):
        for k in range(horizon):
            observable = cohorts.observable_months[p, k]
            if observable >= max(structure.min_observed, 1):
                share[:, p, k] = cohorts.youth_months[p, k] / observable
                source[p, k] = "observed"
            elif k == 0:
                valid[p] = False
                break
            else:
                share[:, p, k] = project_year(share[:, p, k - 1], structure, retention)
                source[p, k] = "projected"
    source[~valid] = None
    return Paths(share, source, valid)


@dataclass(frozen=True)
class Money:
    """§4.4 steps 4–6 per draw, partnership and year (kroner)."""

    gross_municipal: np.ndarray  # (N, P, K)
    gross_state: np.ndarray
    cost_municipal: np.ndarray
    cost_state: np.ndarray
    fte_per_youth: np.ndarray  # (N, P, K)
    baseline_fte_per_youth: np.ndarray  # (N, K) Σ_s B_k(s)·fte(s)
    discount_factor: np.ndarray  # (N, K)

    @property
    def net_municipal(self) -> np.ndarray:
        return self.gross_municipal - self.cost_municipal

    @property
    def net_state(self) -> np.ndarray:
        return self.gross_state - self.cost_state

    @property
    def net_total(self) -> np.ndarray:
        return self.net_municipal + self.net_state

    def npv(self, net: np.ndarray) -> np.ndarray:
        """(N, P) present value of a (N, P, K) net path."""
        return (net * self.discount_factor[:, None, :]).sum(axis=2)


def money(cohorts: Cohorts, structure: Structure, scalars: Scalars, share: np.ndarray) -> Money:
    """Gross savings against the baseline, programme costs, discounting."""
    n_draws = scalars.draws
    n_part, horizon = len(cohorts.partnership_ids), structure.horizon
    share = np.broadcast_to(share, (n_draws, *share.shape[1:]))
    weight_municipal = scalars.cost * scalars.municipal_share
    weight_state = scalars.cost * (1 - scalars.municipal_share)
    n_youth = cohorts.n_youth[None, :, None]

    def baseline_sum(weight: np.ndarray) -> np.ndarray:
        """(N, K) Σ_s B_k(s)·weight(s), with the draw's own baseline when the baseline varies."""
        if scalars.baseline is not None:
            return np.einsum("nks,ns->nk", scalars.baseline, weight)
        return (structure.baseline @ weight.T).T

    def gross(weight: np.ndarray) -> np.ndarray:
        programme_part = np.einsum("npks,ns->npk", share, weight)
        return n_youth * (baseline_sum(weight)[:, None, :] - programme_part)

    cost_total = cohorts.known_cost_dkk[None, :] + cohorts.n_cost_missing[None, :] * scalars.per_youth_cost[:, None]
    cost_municipal = np.zeros((n_draws, n_part, horizon))
    cost_state = np.zeros((n_draws, n_part, horizon))
    cost_municipal[:, :, structure.cost_year - 1] = cost_total * scalars.cost_municipal_share[:, None]
    cost_state[:, :, structure.cost_year - 1] = cost_total * (1 - scalars.cost_municipal_share[:, None])
    years = np.arange(horizon)
    return Money(
        gross_municipal=gross(weight_municipal),
        gross_state=gross(weight_state),
        cost_municipal=cost_municipal,
        cost_state=cost_state,
        fte_per_youth=np.einsum("npks,ns->npk", share, scalars.fte),
        baseline_fte_per_youth=baseline_sum(scalars.fte),
        discount_factor=(1 + scalars.discount_rate[:, None]) ** -years[None, :],
    )


def paths_for(cohorts: Cohorts, structure: Structure, scalars: Scalars) -> Paths:
    """status_paths, computed once rather than per draw when the retention does not vary."""
    retention = scalars.job_retention
    if np.all(retention == retention[0]):
        retention = retention[:1]
    return status_paths(cohorts, structure, retention)


def npv_by_partnership(cohorts: Cohorts, structure: Structure, scalars: Scalars) -> tuple[np.ndarray, np.ndarray]:
    """(N, P) NPV of net_total per partnership (NaN without a result) and (N,) that of 'ALL'."""
    paths = paths_for(cohorts, structure, scalars)
    result = money(cohorts, structure, scalars, paths.share)
    npv = result.npv(result.net_total)
    npv[:, ~paths.valid] = np.nan
    total = npv[:, paths.valid].sum(axis=1) if paths.valid.any() else np.full(scalars.draws, np.nan)
    return npv, total

