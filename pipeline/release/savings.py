"""The savings statistics of a release (pure: economics tables → Registry).

Every amount of a partnership rests on the count of youths it is computed over
(`savings_youths`): it is hidden when that count is. That count is tied to the
headline: youths whose STU has ended = all youths − youths still in STU.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.release.outcomes import ALL, IN_STU
from pipeline.release.statistics import Key, Registry

BY_YEAR_QUANTITIES = {
    "share_job": "share", "share_job_or_education": "share", "fte_per_youth": "fte",
    "gross_municipal_dkk": "dkk", "gross_state_dkk": "dkk", "cost_municipal_dkk": "dkk", "cost_state_dkk": "dkk",
    "net_municipal_dkk": "dkk", "net_state_dkk": "dkk", "net_total_dkk": "dkk",
    "net_municipal_per_youth_dkk": "dkk", "net_total_per_youth_dkk": "dkk",
    "cumulative_net_total_dkk": "dkk", "cumulative_npv_total_dkk": "dkk",
}
SUMMARY_QUANTITIES = {
    "npv_net_total_dkk": "dkk", "npv_net_municipal_dkk": "dkk", "npv_net_state_dkk": "dkk", "break_even_year": "year",
    "break_even_year_municipal": "year",
}
MONTE_CARLO_QUANTITIES = {
    "mean_npv_dkk": ("mc_mean_npv_dkk", "dkk"), "p5_npv_dkk": ("mc_p5_npv_dkk", "dkk"),
    "p50_npv_dkk": ("mc_p50_npv_dkk", "dkk"), "p95_npv_dkk": ("mc_p95_npv_dkk", "dkk"),
    "prob_npv_positive": ("mc_prob_npv_positive", "share"),
    # draws of the simulation, not youths: unit 'draws', never a protected count
    "draws": ("mc_draws", "draws"), "positive_draws": ("mc_positive_draws", "draws"),
    "headline_npv_dkk": ("mc_headline_npv_dkk", "dkk"), "headline_percentile": ("mc_headline_percentile", "share"),
}
NO_EFFECT_DKK = 1.0
"""A sensitivity parameter whose low and high NPV are both within this of the base moves nothing: it is
left out of the tornado and named in `sensitivity_no_effect` (decided here, so every reader agrees)."""


@dataclass(frozen=True)
class SavingsFrames:
    """The economics tables the savings statistics are read from."""

    by_year: pd.DataFrame
    summary: pd.DataFrame
    national: pd.DataFrame
    national_cohort: pd.DataFrame
    monte_carlo: pd.DataFrame
    sensitivity: pd.DataFrame
    comparison: pd.DataFrame
    distribution: pd.DataFrame  # partnership_id ('ALL'), year, status, share, source
    baseline: pd.DataFrame  # year, status, share
    cohort: pd.DataFrame  # savings_cohort: partnership_id, n_youth, n_cost_missing, known_programme_cost_dkk
    switching: pd.DataFrame  # basis ('npv' | 'steady_year'), year, lambda_star, share
    histogram: pd.DataFrame | None = None  # monte_carlo_histogram: bin, low_dkk, high_dkk, draws
    monte_carlo_inputs: pd.DataFrame | None = None  # parameter, point, draws_mean, npv_at_draws_mean_dkk
    municipal: pd.DataFrame | None = None  # savings_by_municipality


def add_savings(reg: Registry, frames: SavingsFrames, dates: dict[str, object]) -> int | None:
    """Register every savings figure; returns the statistic of the programme's youth count."""
    youths: dict[str, int] = {}
    valid = []
    for row in frames.summary.itertuples(index=False):
        p = row.partnership_id
        youths[p] = reg.count(Key("savings_youths", p, export_date=dates.get(p)), row.n_youth)
        if p != ALL and pd.notna(row.npv_net_total_dkk):
            valid.append(youths[p])
        total = reg.get(Key("outcome_12m_count", p, cohort=ALL, export_date=dates.get(p), category="total"))
        in_stu = reg.get(Key("outcome_12m_count", p, cohort=IN_STU, export_date=dates.get(p), category="total"))
        if total is not None and p != ALL:
            reg.relate([(youths[p], 1.0), (total, -1.0)] + ([(in_stu, 1.0)] if in_stu is not None else []))
    if ALL not in youths:
        return None
    reg.sums_to(valid, youths[ALL])
    for row in frames.summary.itertuples(index=False):
        base = youths[row.partnership_id]
        for quantity, unit in SUMMARY_QUANTITIES.items():
            reg.derived(Key(quantity, row.partnership_id), getattr(row, quantity), unit, (base,), base)
    for row in frames.by_year.itertuples(index=False):
        base = youths[row.partnership_id]
        year = int(row.year)
        for quantity, unit in BY_YEAR_QUANTITIES.items():
            reg.derived(Key(quantity, row.partnership_id, year=year), getattr(row, quantity), unit, (base,), base)
        if pd.notna(row.source):
            reg.derived(Key("savings_year_source", row.partnership_id, year=year, item=row.source), 1, "flag",
                        (base,), base)
        if row.partnership_id == ALL:
            reg.derived(Key("discount_factor", year=year), row.discount_factor, "factor")
    for row in frames.monte_carlo.itertuples(index=False):
        base = youths.get(row.partnership_id, youths[ALL])
        for column, (quantity, unit) in MONTE_CARLO_QUANTITIES.items():
            same = reg.get(Key("npv_net_total_dkk", row.partnership_id)) if column == "headline_npv_dkk" else None
            if same is not None:  # the main calculation is the NPV of the summary, reached again
                reg.same(Key(quantity, row.partnership_id), getattr(row, column), same)
            else:
                reg.derived(Key(quantity, row.partnership_id), getattr(row, column), unit, (base,), base)
    programme = youths[ALL]
    with_result = {row.partnership_id for row in frames.summary.itertuples(index=False)
                   if row.partnership_id != ALL and pd.notna(row.npv_net_total_dkk)}
    _programme_level(reg, frames, programme, dates, with_result)
    _simulation(reg, frames, programme)
    _municipal(reg, frames, dates, programme)
    return programme


def _simulation(reg: Registry, frames: SavingsFrames, programme: int) -> None:
    """The histogram of the programme's Monte Carlo draws and the centre of each input's draws."""
    histogram = frames.histogram if frames.histogram is not None else pd.DataFrame()
    for row in histogram.itertuples(index=False):
        item = f"{int(row.bin):02d}"
        for quantity, value, unit in (("mc_histogram_low_dkk", row.low_dkk, "dkk"),
                                      ("mc_histogram_high_dkk", row.high_dkk, "dkk"),
                                      ("mc_histogram_draws", row.draws, "draws")):
            reg.derived(Key(quantity, ALL, item=item), value, unit, (programme,), programme)
    inputs = frames.monte_carlo_inputs if frames.monte_carlo_inputs is not None else pd.DataFrame()
    for row in inputs.itertuples(index=False):
        unit = "dkk" if row.parameter.endswith("_dkk") else "factor"
        figures = (("mc_input_point", row.point, unit), ("mc_input_draws_mean", row.draws_mean, unit),
                   ("mc_input_npv_dkk", row.npv_at_draws_mean_dkk, "dkk"))
        for quantity, value, shown in figures:
            reg.derived(Key(quantity, ALL, item=row.parameter), value, shown, (programme,), programme)


def _municipal(reg: Registry, frames: SavingsFrames, dates: dict[str, object], programme: int) -> None:
    """The municipal NPV per youth by home municipality: hidden with the municipality's youth count in the
    table beside it (a shown amount would tell that a hidden count is not small), and when the youths it is
    computed over (STU ended; an unpublished count) are fewer than the threshold."""
    municipal = frames.municipal if frames.municipal is not None else pd.DataFrame()
    for row in municipal.itertuples(index=False):
        code = str(row.municipality_code)
        youths = reg.get(Key("outcome_12m_count", ALL, municipality_code=code, cohort=ALL,
                             export_date=dates.get(ALL), category="total"))
        counted = reg.count(Key("municipal_savings_youths", ALL, municipality_code=code), row.n_youth)
        bases = (programme, counted) if youths is None else (youths, counted)
        reg.derived(Key("municipal_npv_per_youth_dkk", ALL, municipality_code=code, cohort=ALL),
                    row.npv_net_municipal_per_youth_dkk, "dkk", bases, counted)


def moves_result(row: object) -> bool:
    """Whether a sensitivity parameter moves the NPV at either end of its range (by NO_EFFECT_DKK or more)."""
    low, high, base = (getattr(row, name) for name in ("npv_low_dkk", "npv_high_dkk", "npv_base_dkk"))
    if any(pd.isna(v) for v in (low, high, base)):
        return True
    return abs(low - base) >= NO_EFFECT_DKK or abs(high - base) >= NO_EFFECT_DKK


PILOT_FIGURES = {
    "pilot_youths": ("outcome_12m_count", "total"), "pilot_share_job_12m": ("outcome_12m_share", "job"),
    "pilot_share_education_12m": ("outcome_12m_share", "education"),
    "pilot_share_in_course_12m": ("outcome_12m_share", "in_programme"),
    "pilot_share_public_support_12m": ("outcome_12m_share", "public_support"),
}
"""The pilot's published headline figures and the release's statistics they are set against."""


def _same_as(reg: Registry, figure: str, dates: dict[str, object]) -> int | None:
    """The statistic a computed comparison figure is (so it is shown or hidden with it)."""
    if figure not in PILOT_FIGURES:
        return None
    quantity, category = PILOT_FIGURES[figure]
    return reg.get(Key(quantity, ALL, cohort=ALL, export_date=dates.get(ALL), category=category))


def _programme_level(reg: Registry, frames: SavingsFrames, programme: int, dates: dict[str, object],
                     with_result: set[str]) -> None:
    """Figures of the programme as a whole: hidden only if the programme itself is too small."""
    for row in frames.national.itertuples(index=False):
        for column, unit in (("net_total_dkk", "dkk"), ("net_municipal_dkk", "dkk"), ("extra_fte", "fte")):
            reg.derived(Key(f"national_stock_{column}", year=int(row.year)), getattr(row, column), unit,
                        (programme,), programme)
    for row in frames.national_cohort.itertuples(index=False):
        for column, unit in (("net_total_dkk", "dkk"), ("net_municipal_dkk", "dkk"), ("extra_fte", "fte")):
            reg.derived(Key(f"national_cohort_{column}", year=int(row.year)), getattr(row, column), unit,
                        (programme,), programme)
    for row in frames.sensitivity.itertuples(index=False):
        if not moves_result(row):
            reg.derived(Key("sensitivity_no_effect", item=row.parameter), 1, "flag", (programme,), programme)
            continue
        for column in ("npv_low_dkk", "npv_high_dkk"):
            reg.derived(Key(f"sensitivity_{column}", item=row.parameter), getattr(row, column), "dkk",
                        (programme,), programme)
    for row in frames.comparison.itertuples(index=False):
        unit = {"share": "share", "DKK": "dkk", "FTE": "fte", "persons": "count"}.get(row.unit, "count")
        reg.derived(Key("published_value", item=row.figure), row.published, unit)
        key = Key("computed_value", item=row.figure)
        same = _same_as(reg, row.figure, dates)
        if same is not None:
            reg.same(key, row.computed, same)
        else:
            reg.derived(key, row.computed, unit, (programme,), programme)
    for row in frames.distribution.itertuples(index=False):
        reg.derived(Key("savings_status_share", row.partnership_id, year=int(row.year), category=row.status),
                    row.share, "share", (programme,), programme)
    for row in frames.switching.itertuples(index=False):
        reg.derived(Key("break_even_share", item=row.basis, year=None if pd.isna(row.year) else int(row.year)),
                    row.share, "share", (programme,), programme)
    for row in frames.baseline.itertuples(index=False):
        reg.derived(Key("savings_baseline_share", year=int(row.year), category=row.status), row.share, "share")
    everyone = frames.cohort[frames.cohort["partnership_id"].isin(with_result)]  # as 'ALL' of the model
    reg.derived(Key("programme_cost_known_dkk", ALL), everyone["known_programme_cost_dkk"].sum(), "dkk",
                (programme,), programme)
    reg.count(Key("programme_cost_default_youths", ALL), int(everyone["n_cost_missing"].sum()))
