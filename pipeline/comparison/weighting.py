"""Odds weights that make the comparison group look like the programme's youths (ATT).

Why logistic odds weights (not entropy balancing): the propensity model is a plain
statsmodels GLM that an economist can re-fit and inspect, its weights have a closed form
p/(1−p), and the bootstrap re-fits it cheaply because the covariates are categorical (or
integer) and the fit runs on covariate cells with counts. Balance is checked afterwards
and reported (standardised mean differences), with a loud warning when it is not reached.

The fit pools both groups: y = 1 for programme youths, 0 for comparison youths. A
comparison youth in a covariate level no programme youth has gets weight 0 (it describes
nobody the programme served); a programme level without any comparison youth means there
is no overlap, and the estimate is refused.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.texts import t

LOG = logging.getLogger(__name__)

DEFAULT_COVARIATES = ("sex", "age_at_stu_end", "cohort", "region")
NUMERIC_COVARIATES = frozenset({"age_at_stu_end"})
SMD_THRESHOLD = 0.1
MIN_EFFECTIVE_N = 50.0
MAX_PROGRAMME_PROBABILITY = 0.999
BALANCE_COLUMNS = [
    "covariate", "mean_programme", "mean_comparison", "mean_comparison_weighted", "smd_raw", "smd_weighted",
]


class NoOverlapError(ValueError):
    """The comparison group has nobody like (some of) the programme's youths: no estimate."""


class BalanceWarning(UserWarning):
    """Weighting left a covariate unbalanced or the effective sample small."""


def covariate_frame(
    participants: pd.DataFrame, region_of: Mapping[str, str], covariates: Sequence[str] = DEFAULT_COVARIATES
) -> pd.DataFrame:
    """One row per youth: the covariates the weighting balances, derived from a participants table.

    sex, age_at_stu_end (year of STU end − birth year), cohort (year of STU end) and region
    (of the home municipality) are built in; any other name is taken as a categorical
    column of the participants table (configuration: `[comparison] covariates`).
    """
    end = pd.to_datetime(participants["stu_end_date"])
    out = pd.DataFrame(index=participants.index)
    for name in covariates:
        if name == "sex":
            out[name] = participants["sex"].astype("string").str.upper()
        elif name == "age_at_stu_end":
            out[name] = (end.dt.year - pd.to_numeric(participants["birth_year"])).astype("float")
        elif name == "cohort":
            out[name] = end.dt.year.astype("Int64").astype("string")
        elif name == "region":
            out[name] = participants["municipality_code"].astype("string").map(region_of).astype("string")
        elif name in participants.columns:
            out[name] = participants[name].astype("string")
        else:
            raise KeyError(name)
    return out


@dataclass(frozen=True)
class Design:
    """The pooled design: covariate cells, each youth's cell, and the columns' names."""

    columns: tuple[str, ...]  # 'intercept', 'sex=M', 'age_at_stu_end', ...
    cells: np.ndarray  # (C, p) distinct design rows
    programme_cell: np.ndarray  # (n_T,) cell of each programme youth
    comparison_cell: np.ndarray  # (n_C,) cell of each comparison youth, −1 when outside the support
    levels: dict[str, list[str]]  # categorical covariate -> its levels (programme's support)


def build_design(programme: pd.DataFrame, comparison: pd.DataFrame, lang: str = "da") -> Design:
    """Dummy-code the covariates (first level dropped), numeric ones centred; refuse without overlap."""
    if len(programme) == 0 or len(comparison) == 0:
        raise NoOverlapError(t("comparison.no_youths", lang, n_programme=len(programme),
                               n_comparison=len(comparison)))
    for name, frame in (("programme", programme), ("comparison", comparison)):
        if frame.isna().any().any():
            raise ValueError(f"the {name} covariates have missing values; drop those youths before weighting")
    names = ["intercept"]
    blocks_t = [np.ones((len(programme), 1))]
    blocks_c = [np.ones((len(comparison), 1))]
    inside = np.ones(len(comparison), dtype=bool)
    levels: dict[str, list[str]] = {}
    for column in programme.columns:
        if column in NUMERIC_COVARIATES:
            centre = float(programme[column].mean())
            blocks_t.append(programme[[column]].to_numpy(float) - centre)
            blocks_c.append(comparison[[column]].to_numpy(float) - centre)
            names.append(column)
            continue
        seen_t = sorted(programme[column].dropna().unique())
        present_c = set(comparison[column].dropna().unique())
        missing = [level for level in seen_t if level not in present_c]
        if missing:
            count = int(programme[column].isin(missing).sum())
            raise NoOverlapError(t("comparison.no_overlap", lang, covariate=column,
                                   levels=", ".join(map(str, missing)), n=count))
        levels[column] = seen_t
        inside &= comparison[column].isin(seen_t).to_numpy()
        for level in seen_t[1:]:
            names.append(f"{column}={level}")
            blocks_t.append((programme[column] == level).to_numpy(float)[:, None])
            blocks_c.append((comparison[column] == level).fillna(False).to_numpy(float)[:, None])
    x_t = np.hstack(blocks_t)
    x_c = np.hstack(blocks_c)
    cells, inverse = np.unique(np.vstack([x_t, x_c[inside]]), axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    comparison_cell = np.full(len(comparison), -1, dtype=np.int64)
    comparison_cell[inside] = inverse[len(programme):]
    if not inside.any():
        raise NoOverlapError(t("comparison.no_support", lang, n=len(comparison), covariates=", ".join(levels)))
    return Design(tuple(names), cells, inverse[: len(programme)].astype(np.int64), comparison_cell, levels)


def cell_counts(cells: np.ndarray, n_cells: int, counts: np.ndarray | None = None) -> np.ndarray:
    """(B, C) youths per cell, from each youth's cell and optional (B, n) resampling counts."""
    valid = cells >= 0
    if counts is None:
        return np.bincount(cells[valid], minlength=n_cells)[None, :].astype(float)
    from scipy import sparse

    rows = np.flatnonzero(valid)
    onehot = sparse.csr_matrix((np.ones(len(rows)), (rows, cells[valid])), shape=(len(cells), n_cells))
    return np.asarray((onehot.T @ counts.T).T, dtype=float)


def fit_logit_cells(cells: np.ndarray, n_programme: np.ndarray, n_comparison: np.ndarray) -> np.ndarray:
    """The logistic MLE on cell counts, fitted by statsmodels (binomial GLM, successes/failures)."""
    from statsmodels.genmod.families import Binomial
    from statsmodels.genmod.generalized_linear_model import GLM

    keep = (n_programme + n_comparison) > 0
    endog = np.column_stack([n_programme[keep], n_comparison[keep]])
    with warnings.catch_warnings(), np.errstate(invalid="ignore", divide="ignore"):
        warnings.simplefilter("ignore")  # saturated cell models (no residual df); separation is checked below
        result = GLM(endog, cells[keep], family=Binomial()).fit(tol=1e-12, maxiter=200)
    return np.asarray(result.params)


def fit_logit_batched(
    cells: np.ndarray, n_programme: np.ndarray, n_comparison: np.ndarray, iterations: int = 30,
    ridge: float = 1e-6,
) -> np.ndarray:
    """(B, p) logistic MLEs for B count vectors at once (Newton, vectorised): the bootstrap's refits.

    A tiny ridge keeps a replicate finite when resampling empties a level (its weight then
    goes to ~0, which is what the unpenalised fit would approach).
    """
    n_t = np.atleast_2d(n_programme)
    n_c = np.atleast_2d(n_comparison)
    total = n_t + n_c
    b, p = n_t.shape[0], cells.shape[1]
    beta = np.zeros((b, p))
    penalty = np.full(p, ridge)
    penalty[0] = 0.0
    for _ in range(iterations):
        prob = 1.0 / (1.0 + np.exp(-np.clip(beta @ cells.T, -35, 35)))  # (B, C)
        gradient = (n_t - total * prob) @ cells - penalty * beta
        weight = total * prob * (1 - prob)
        hessian = (weight[:, :, None] * cells[None]).transpose(0, 2, 1) @ cells + np.diag(penalty)
        step = np.linalg.solve(hessian + 1e-12 * np.eye(p), gradient[..., None])[..., 0]
        beta += step
        if np.abs(step).max() < 1e-10:
            break
    return beta


def odds_weights(beta: np.ndarray, cells: np.ndarray, comparison_cell: np.ndarray) -> np.ndarray:
    """(B, n_C) weights p/(1−p) = exp(xβ) of each comparison youth; 0 outside the support."""
    beta = np.atleast_2d(beta)
    odds = np.exp(np.clip(beta @ cells.T, -700, 700))  # (B, C)
    weights = np.where(comparison_cell >= 0, odds[:, np.maximum(comparison_cell, 0)], 0.0)
    return weights


def kish_effective_n(weights: np.ndarray) -> float:
    """(Σw)² / Σw²: how many unweighted youths the weighted group is worth."""
    weights = np.asarray(weights, dtype=float)
    square = float((weights**2).sum())
    return float(weights.sum() ** 2 / square) if square > 0 else 0.0


@dataclass(frozen=True)
class Weighting:
    """The fitted weights and what the balance check found."""

    design: Design
    beta: np.ndarray  # (p,)
    weights: np.ndarray  # (n_C,) normalised to mean 1 over the comparison group (0 outside the support)
    propensity: np.ndarray  # (n_C,) fitted P(programme | covariates)
    balance: pd.DataFrame
    effective_n: float
    messages: tuple[str, ...]


def fit_weights(
    programme: pd.DataFrame, comparison: pd.DataFrame, lang: str = "da",
    smd_threshold: float = SMD_THRESHOLD, min_effective_n: float = MIN_EFFECTIVE_N, warn: bool = True,
) -> Weighting:
    """Fit P(programme | covariates), weight the comparison youths by the odds, check balance."""
    design = build_design(programme, comparison, lang)
    n_cells = len(design.cells)
    n_t = cell_counts(design.programme_cell, n_cells)[0]
    n_c = cell_counts(design.comparison_cell, n_cells)[0]
    beta = fit_logit_cells(design.cells, n_t, n_c)
    raw = odds_weights(beta, design.cells, design.comparison_cell)[0]
    p_programme = 1.0 / (1.0 + np.exp(-(design.cells[design.programme_cell] @ beta)))
    if float(np.quantile(p_programme, 0.5)) > MAX_PROGRAMME_PROBABILITY:
        raise NoOverlapError(t("comparison.no_overlap_fit", lang))
    weights = raw / raw.mean()
    balance = balance_table(programme, comparison, weights)
    effective = kish_effective_n(weights)
    messages = balance_messages(balance, effective, lang, smd_threshold, min_effective_n)
    if warn:
        for message in messages:
            LOG.warning(message)
            warnings.warn(message, BalanceWarning, stacklevel=2)
    propensity = raw / (1 + raw)
    return Weighting(design, beta, weights, propensity, balance, effective, tuple(messages))


def _indicators(frame: pd.DataFrame, levels_from: pd.DataFrame) -> pd.DataFrame:
    """Each categorical covariate as 0/1 columns 'name=level' (levels of either group), numeric as is."""
    columns: dict[str, np.ndarray] = {}
    for column in levels_from.columns:
        if column in NUMERIC_COVARIATES:
            columns[column] = frame[column].to_numpy(float)
            continue
        for level in sorted(levels_from[column].dropna().unique()):
            columns[f"{column}={level}"] = (frame[column] == level).fillna(False).to_numpy(float)
    return pd.DataFrame(columns)


def balance_table(programme: pd.DataFrame, comparison: pd.DataFrame, weights: np.ndarray) -> pd.DataFrame:
    """Standardised mean differences per covariate level, before and after weighting.

    SMD = (mean_programme − mean_comparison) / sqrt((var_programme + var_comparison) / 2),
    with the unweighted variances in the denominator both times, so the two are comparable.
    """
    pooled = pd.concat([programme, comparison], ignore_index=True)
    x_t = _indicators(programme, pooled)
    x_c = _indicators(comparison, pooled)
    rows = []
    total = weights.sum()
    for column in x_t.columns:
        a, c = x_t[column].to_numpy(), x_c[column].to_numpy()
        mean_t, mean_c = a.mean(), c.mean()
        mean_w = float((weights * c).sum() / total) if total > 0 else float("nan")
        scale = np.sqrt((a.var(ddof=1 if len(a) > 1 else 0) + c.var(ddof=1 if len(c) > 1 else 0)) / 2)
        rows.append({
            "covariate": column,
            "mean_programme": mean_t,
            "mean_comparison": mean_c,
            "mean_comparison_weighted": mean_w,
            "smd_raw": _smd(mean_t - mean_c, scale),
            "smd_weighted": _smd(mean_t - mean_w, scale),
        })
    return pd.DataFrame(rows, columns=BALANCE_COLUMNS)


def _smd(difference: float, scale: float) -> float:
    if scale > 0:
        return float(difference / scale)
    return 0.0 if abs(difference) < 1e-12 else float("nan")


def balance_messages(
    balance: pd.DataFrame, effective_n: float, lang: str = "da",
    smd_threshold: float = SMD_THRESHOLD, min_effective_n: float = MIN_EFFECTIVE_N,
) -> list[str]:
    """The loud warnings: covariates still unbalanced after weighting, a small effective n."""
    messages = []
    bad = balance[~(balance["smd_weighted"].abs() <= smd_threshold)]
    if len(bad):
        listed = ", ".join(f"{r.covariate} ({r.smd_weighted:+.2f})" for r in bad.itertuples())
        messages.append(t("comparison.unbalanced", lang, threshold=smd_threshold, covariates=listed))
    if effective_n < min_effective_n:
        messages.append(t("comparison.small_effective_n", lang, n=f"{effective_n:.0f}", minimum=min_effective_n))
    return messages
