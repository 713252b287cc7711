"""The report's first words: an executive summary of the headline figures and, for a tiny or empty
programme, the sentence that says why nearly everything is hidden. Every figure is a cell's text."""

from __future__ import annotations

from pipeline.release.read import one, pick
from pipeline.reports.context import ReportContext
from pipeline.reports.money import steady_year
from pipeline.reports.tables import ALL
from pipeline.texts import t

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
    """The programme report's executive summary (page 2): headline, job-rate, savings, HBS."""
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
