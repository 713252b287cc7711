"""`joballiance savings`: the savings model in the terminal, read from the release of the scenario.

The scenario (parameter file plus --set overrides) is computed and published through the
same disclosure control as a build (pipeline.release.scenario); this module only picks
cells of the 'economics' report and prints them.
"""

from __future__ import annotations

import pandas as pd
from rich.console import Console
from rich.table import Table

from pipeline import formatting as fmt
from pipeline.parameters import Parameters
from pipeline.release import read
from pipeline.texts import partnership_name, t


def print_savings(cells: pd.DataFrame, params: Parameters, threshold: int, console: Console,
                  lang: str = "da") -> None:
    """The summary, the programme's path, the national figures, Monte Carlo and the published comparison."""

    def text(cell: pd.Series | None, **options: bool) -> str:
        return fmt.MISSING if cell is None else read.cell_text(cell, lang, threshold, **options)

    console.print(f"[bold]{t('savings.title', lang)}[/bold]")
    name = params.get("scenario.name")
    path = params.path.name if params.path else fmt.MISSING
    console.print(t("savings.params", lang, path=path + (f" ({name})" if name else "")), highlight=False)
    if params.overrides:
        console.print(t("savings.overrides", lang, items=", ".join(params.overrides)), highlight=False)
    summary = cells[cells["table_name"] == "savings_summary"]
    if read.value(summary, quantity="npv_net_total_dkk", partnership_id="ALL") is None:
        console.print(t("savings.no_youths", lang))
    horizon = int(params.require("model.horizon_years"))
    rate = fmt.fmt_pct(params.require("model.discount_rate"), lang, 1)
    table = Table(title=t("savings.summary", lang, h=horizon, r=rate))
    columns = (("savings.youths", "savings_youths"), ("savings.npv_total", "npv_net_total_dkk"),
               ("savings.npv_municipal", "npv_net_municipal_dkk"), ("savings.break_even", "break_even_year"))
    table.add_column(t("savings.partnership", lang), overflow="fold")
    for key, _ in columns:
        table.add_column(t(key, lang), justify="right")
    ids = sorted(p for p in summary["partnership_id"].dropna().unique() if p != "ALL") + ["ALL"]
    for pid in ids:
        mine = read.pick(summary, partnership_id=pid)
        table.add_row(partnership_name(pid, lang), *[text(read.one(mine, quantity=q)) for _, q in columns],
                      end_section=pid == ids[-2] if len(ids) > 1 else False)
    console.print(table)
    _print_path(cells, console, lang, text)
    _print_national(cells, params, console, lang, text)
    _print_monte_carlo(cells, console, lang, text)
    _print_comparison(cells, console, lang, text)


def _print_path(cells: pd.DataFrame, console: Console, lang: str, text) -> None:  # noqa: ANN001
    years = cells[(cells["table_name"] == "savings_by_year") & (cells["partnership_id"] == "ALL")]
    table = Table(title=t("savings.years", lang))
    for key in ("year", "source", "share_job", "net_total", "net_per_youth", "cumulative_npv"):
        table.add_column(t(f"savings.{key}", lang), justify="right")
    for year in sorted(years["year"].dropna().unique()):
        mine = read.pick(years, year=year)
        sources = read.pick(mine, quantity="savings_year_source")
        source = "–"
        if len(sources) and not sources["hidden"].iloc[0]:
            source = t(f"savings.source.{sources['item'].iloc[0]}", lang)
        table.add_row(str(int(year)), source, text(read.one(mine, quantity="share_job")),
                      text(read.one(mine, quantity="net_total_dkk")),
                      text(read.one(mine, quantity="net_total_per_youth_dkk")),
                      text(read.one(mine, quantity="cumulative_npv_total_dkk")))
    console.print(table)


def _print_national(cells: pd.DataFrame, params: Parameters, console: Console, lang: str, text) -> None:  # noqa: ANN001
    national = cells[cells["table_name"] == "national"]
    comparison = cells[cells["table_name"] == "published_comparison"]
    steady = read.one(comparison, quantity="break_even_share", item="steady_year")
    horizon = int(params.require("model.horizon_years"))
    if steady is not None and not pd.isna(steady["year"]):
        k = int(steady["year"])

        def cohort(column: str, **options: bool) -> str:
            return text(read.one(national, quantity=f"national_cohort_{column}", year=k), **options)

        youths = fmt.fmt_int(params.require("national.youths_per_year"), lang)
        console.print(t("savings.national", lang, n=youths, k=k, total=cohort("net_total_dkk", as_millions=True),
                        municipal=cohort("net_municipal_dkk", as_millions=True), fte=cohort("extra_fte")),
                      highlight=False)
        console.print(t("savings.switching", lang, h=horizon, k=k,
                        npv=text(read.one(comparison, quantity="break_even_share", item="npv")), steady=text(steady)),
                      highlight=False)
    console.print(t("savings.stock", lang, k=horizon,
                    total=text(read.one(national, quantity="national_stock_net_total_dkk", year=horizon),
                               as_millions=True)), highlight=False)


def _print_monte_carlo(cells: pd.DataFrame, console: Console, lang: str, text) -> None:  # noqa: ANN001
    from pipeline.reports.money import positive_draws_wording

    runs = cells[cells["table_name"] == "monte_carlo"]
    if runs.empty:
        return
    table = Table(title=t("savings.monte_carlo", lang))
    table.add_column(t("savings.partnership", lang), overflow="fold")
    for label in (t("savings.mean", lang), "P5", "P50", "P95", t("money.col.positive", lang)):
        table.add_column(label, justify="right")
    for pid in sorted(p for p in runs["partnership_id"].unique() if p != "ALL") + ["ALL"]:
        mine = read.pick(runs, partnership_id=pid)
        table.add_row(partnership_name(pid, lang), *[
            text(read.one(mine, quantity=q), as_millions=True)
            for q in ("mc_mean_npv_dkk", "mc_p5_npv_dkk", "mc_p50_npv_dkk", "mc_p95_npv_dkk")
        ], positive_draws_wording(mine, lang))
    console.print(table)


def _print_comparison(cells: pd.DataFrame, console: Console, lang: str, text) -> None:  # noqa: ANN001
    comparison = cells[cells["table_name"] == "published_comparison"]
    table = Table(title=t("savings.comparison", lang))
    for key in ("figure", "published", "computed"):
        table.add_column(t(f"savings.{key}", lang), justify="left" if key == "figure" else "right")
    steady = read.one(comparison, quantity="break_even_share", item="steady_year")
    year = int(steady["year"]) if steady is not None and not pd.isna(steady["year"]) else 2
    for item in comparison.loc[comparison["quantity"] == "published_value", "item"]:
        label = t(f"fig.{item}", lang, year=year) if f"fig.{item}" in _known_keys() else item
        table.add_row(label, text(read.one(comparison, quantity="published_value", item=item)),
                      text(read.one(comparison, quantity="computed_value", item=item)))
    console.print(table)


def _known_keys() -> set[str]:
    from pipeline.texts import TEXTS

    return set(TEXTS)
