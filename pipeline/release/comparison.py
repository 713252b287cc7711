"""The comparison-group statistics of a release (pure: comparison tables → Registry).

The effect at 12 months rests on the programme's observable youths: its programme share is
(job + education) / observable, so it is hidden with those counts. The counterfactual and
the balance describe the comparison group (a register extract), not programme youths.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.reference import load_reference
from pipeline.release.outcomes import ALL
from pipeline.release.statistics import Key, Registry


@dataclass(frozen=True)
class ComparisonFrames:
    effect: pd.DataFrame  # effect_12m
    counterfactual: pd.DataFrame  # counterfactual_by_year
    balance: pd.DataFrame  # comparison_balance
    other_baseline: pd.DataFrame  # savings_summary_other_baseline
    summary: pd.DataFrame  # comparison_summary (n_programme, ...)


JOB_OR_EDUCATION = ("job", "education")  # the categories of the baseline share
EFFECT_QUANTITIES = {
    "share_job_or_education": "effect_programme_share", "counterfactual_share_job_or_education":
    "effect_counterfactual_share", "effect": "effect", "ci_low": "effect_ci_low", "ci_high": "effect_ci_high",
}


def add_comparison(reg: Registry, frames: ComparisonFrames, dates: dict[str, object], programme: int | None) -> None:
    """Effect, counterfactual by year, balance and the savings on the estimated baseline."""
    for row in frames.effect.itertuples(index=False):
        p, date = row.partnership_id, dates.get(row.partnership_id)
        bases = tuple(i for i in (
            reg.get(Key("outcome_12m_count", p, cohort=ALL, export_date=date, category="job")),
            reg.get(Key("outcome_12m_count", p, cohort=ALL, export_date=date, category="education")),
        ) if i is not None)
        observable = reg.get(Key("employment_rate_observable", p, cohort=ALL, export_date=date, category="total"))
        for column, quantity in EFFECT_QUANTITIES.items():
            reg.derived(Key(quantity, p, export_date=date), getattr(row, column), "share",
                        (*bases, *(() if observable is None else (observable,))), observable)
    for row in frames.counterfactual.itertuples(index=False):
        for column, quantity in (("share", "counterfactual_share"), ("ci_low", "counterfactual_ci_low"),
                                 ("ci_high", "counterfactual_ci_high")):
            reg.derived(Key(quantity, year=int(row.year), category=row.status), getattr(row, column), "share")
    _add_job_or_education(reg, frames.counterfactual)
    if len(frames.counterfactual):
        first = frames.counterfactual.iloc[0]
        reg.derived(Key("comparison_youths"), first["n_comparison"], "count")
        reg.derived(Key("comparison_effective_n"), first["effective_n"], "count")
    _add_balance(reg, frames)
    for row in frames.other_baseline.itertuples(index=False):
        youths = reg.get(Key("savings_youths", row.partnership_id, export_date=dates.get(row.partnership_id)))
        base = youths if youths is not None else programme
        for column in ("npv_net_total_dkk", "npv_net_municipal_dkk"):
            reg.derived(Key(f"estimated_baseline_{column}", row.partnership_id), getattr(row, column), "dkk",
                        () if base is None else (base,), base)


def _add_job_or_education(reg: Registry, counterfactual: pd.DataFrame) -> None:
    """The counterfactual share in a job or education per year: the sum of the shares of the statuses
    whose category is job or education (the figure the savings' baseline stands for). Its interval is
    not the sum of the statuses' intervals, so none is published."""
    if counterfactual.empty:
        return
    category = load_reference().category_of
    wanted = counterfactual["status"].map(category).isin(JOB_OR_EDUCATION)
    for year, share in counterfactual[wanted].groupby("year")["share"].sum().items():
        reg.derived(Key("counterfactual_share_job_or_education", year=int(year)), float(share), "share")


def _add_balance(reg: Registry, frames: ComparisonFrames) -> None:
    """The balance table. A level's programme mean times the programme's youths is a count of
    programme youths (e.g. from one region): it is published as a count, and every figure of
    the level that would give it back (its means and standardised differences) goes with it.
    The levels of one covariate add up to all the programme's youths."""
    if frames.balance.empty or frames.summary.empty:
        return
    n_programme = int(frames.summary["n_programme"].iloc[0])
    youths = reg.count(Key("balance_programme_youths"), n_programme)
    levels: dict[str, list[int]] = {}
    for row in frames.balance.itertuples(index=False):
        covariate = str(row.covariate)
        base: tuple[int, ...] = ()
        if "=" in covariate:  # a level (a share of youths), not a continuous covariate's mean
            count = reg.count(Key("balance_programme_count", item=covariate), round(row.mean_programme * n_programme))
            levels.setdefault(covariate.split("=", 1)[0], []).append(count)
            base = (count,)
        for column in ("mean_programme", "mean_comparison", "mean_comparison_weighted", "smd_raw", "smd_weighted"):
            reg.derived(Key(f"balance_{column}", item=covariate), getattr(row, column), "factor", base,
                        youths if base else None)
    for parts in levels.values():
        reg.sums_to(parts, youths)
