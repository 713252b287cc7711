"""The report's first words: an executive summary of the headline figures and, for a tiny or empty
programme, the sentence that says why nearly everything is hidden. Every figure is a cell's text."""

from __future__ import annotations

from pipeline.reference import job_statuses
from pipeline.release.read import one, pick
from pipeline.reports.context import ReportContext
from pipeline.reports.money import steady_year
from pipeline.reports.tables import ALL
from pipeline.texts import status_label, t

FOUR_CATEGORIES = 4


def total_youths(ctx: ReportContext, report: str, partnership: str = ALL) -> tuple[float | None, str]:
    """All youths (n) of the headline: the value (None when hidden or absent) and its text."""
    cell = one(pick(ctx.cells(report, "outcome_12m"), municipality_code=None), quantity="outcome_12m_count",
               partnership_id=partnership, category="total")
    if cell is None:
        return 0.0, "0"
    return (None if bool(cell["hidden"]) else float(cell["value"])), ctx.text(cell)


def small_programme_note(ctx: ReportContext, report: str, partnership: str = ALL) -> str | None:
    """With fewer than 4 × min_cell youths at least one of the four categories is a small count, so most
    figures are hidden: say so. None for a programme large enough."""
    n, shown = total_youths(ctx, report, partnership)
    if n is not None and n >= FOUR_CATEGORIES * ctx.min_cell:
        return None
    if n is None:
        return t("p.small_programme_hidden", ctx.lang, min_cell=ctx.min_cell)
    return t("p.small_programme", ctx.lang, n=shown, min_cell=ctx.min_cell)


def summary_text(ctx: ReportContext) -> str:
    """The programme report's executive summary (page 2): headline, job types, job-rate, effect against the
    baseline, savings and net per youth, the national figure against HBS, and the three caveats that matter."""
    return "\n".join([_figures_text(ctx), _job_types_text(ctx), _effect_text(ctx), _per_youth_text(ctx),
                      t("p.summary_caveats", ctx.lang, comparison=t(
                          "p.summary_caveat_comparison" if _has_effect(ctx) else "p.summary_caveat_no_comparison",
                          ctx.lang))])


def _job_types_text(ctx: ReportContext) -> str:
    cells = pick(ctx.cells("programme", "job_types"), partnership_id=ALL, quantity="outcome_12m_count")
    parts = [f"{ctx.text(one(cells, category=code))} {status_label(code, ctx.lang).lower()}"
             for code in job_statuses() if one(cells, category=code) is not None]
    return t("p.summary_job_types", ctx.lang, parts=", ".join(parts))


def _has_effect(ctx: ReportContext) -> bool:
    return one(ctx.cells("programme", "effect"), quantity="effect", partnership_id=ALL) is not None


def _effect_text(ctx: ReportContext) -> str:
    comparison = ctx.cells("programme", "published_comparison")
    baseline = ctx.text(one(comparison, quantity="computed_value", item="baseline_share_job_or_education_year1"))
    effect = one(ctx.cells("programme", "effect"), quantity="effect", partnership_id=ALL)
    if effect is None:
        return t("p.summary_effect_assumed", ctx.lang, baseline=baseline)
    if bool(effect["hidden"]):
        return t("p.summary_effect_hidden", ctx.lang, baseline=baseline)
    cells = ctx.cells("programme", "effect")
    return t("p.summary_effect", ctx.lang, baseline=baseline, effect=ctx.text(effect),
             low=ctx.text(one(cells, quantity="effect_ci_low", partnership_id=ALL)),
             high=ctx.text(one(cells, quantity="effect_ci_high", partnership_id=ALL)))


def _per_youth_text(ctx: ReportContext) -> str:
    comparison = pick(ctx.cells("programme", "published_comparison"), quantity="computed_value")
    item = "hbs_year2_net_saving_per_participant_"
    return t("p.summary_per_youth", ctx.lang, year=steady_year(ctx, "programme"),
             total=ctx.text(one(comparison, item=item + "total")),
             municipal=ctx.text(one(comparison, item=item + "municipal")))


def _figures_text(ctx: ReportContext) -> str:
    outcome = ctx.cells("programme", "outcome_12m")
    rate = ctx.cells("programme", "employment_rate")
    summary = ctx.cells("programme", "savings_summary")
    comparison = ctx.cells("programme", "published_comparison")
    return t(
        "p.summary", ctx.lang,
        n=total_youths(ctx, "programme")[1],
        share_job=ctx.text(one(outcome, quantity="outcome_12m_share", partnership_id=ALL, category="job",
                               municipality_code=None)),
        pilot=ctx.text(one(comparison, quantity="published_value", item="pilot_share_job_12m")),
        rate=ctx.text(one(rate, quantity="employment_rate", partnership_id=ALL, cohort=ALL)),
        observable=ctx.text(one(rate, quantity="employment_rate_observable", partnership_id=ALL, cohort=ALL)),
        npv=ctx.text(one(summary, quantity="npv_net_total_dkk", partnership_id=ALL), as_millions=True),
        year=steady_year(ctx, "programme"),
        cohort=ctx.text(one(comparison, quantity="computed_value", item="hbs_national_annual_saving"),
                        as_millions=True),
        hbs=ctx.text(one(comparison, quantity="published_value", item="hbs_national_annual_saving"),
                     as_millions=True),
    )
