"""The savings result for people: a console summary and the reports/savings.xlsx workbook."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.table import Table

from pipeline.economics.tables import ALL, SavingsResult
from pipeline.formatting import fmt_number, fmt_pct

LABELS = {
    "da": {
        "title": "Budgetøkonomisk resultat af Model Joballiancen (SØM-lignende)",
        "params": "Parametre",
        "overrides": "Ændret med --set",
        "summary": "Resultat pr. partnerskab (nutidsværdi over {h} år, {r} % diskonteringsrente)",
        "partnership": "Partnerskab",
        "youths": "Unge",
        "npv_total": "NPV i alt, kr.",
        "npv_municipal": "NPV kommune, kr.",
        "break_even": "Break-even-år",
        "y1": "Kommune pr. ung år 1, kr.",
        "y2": "Kommune pr. ung år 2, kr.",
        "years": "Alle partnerskaber år for år",
        "year": "År",
        "source": "Kilde",
        "share_job": "Andel i job",
        "net_total": "Netto i alt, kr.",
        "net_per_youth": "Netto pr. ung, kr.",
        "cumulative": "Akkumuleret, kr.",
        "national": "National udrulning, {n} unge om året, år {h} ({h} årgange): netto {total} kr., "
        "heraf kommunerne {municipal} kr.; {fte} ekstra fuldtidsbeskæftigede",
        "switching": "Break-even (skifteværdi): {share} i job eller uddannelse i år 1 (λ* = {lam})",
        "no_switching": "Break-even (skifteværdi) kan ikke beregnes",
        "monte_carlo": "Monte Carlo ({draws} træk, seed {seed}): NPV i alt",
        "mean": "Middel",
        "prob": "P(NPV > 0)",
        "comparison": "Offentliggjorte tal sat over for modellens",
        "figure": "Tal",
        "published": "Offentliggjort",
        "computed": "Beregnet",
        "no_youths": "Ingen unge med afsluttet STU i de indlæste data: intet at beregne.",
    },
    "en": {
        "title": "Public-budget result of Model Joballiancen (SØM-style)",
        "params": "Parameters",
        "overrides": "Changed with --set",
        "summary": "Result by partnership (net present value over {h} years, {r} % discount rate)",
        "partnership": "Partnership",
        "youths": "Youths",
        "npv_total": "NPV total, DKK",
        "npv_municipal": "NPV municipal, DKK",
        "break_even": "Break-even year",
        "y1": "Municipal per youth year 1, DKK",
        "y2": "Municipal per youth year 2, DKK",
        "years": "All partnerships year by year",
        "year": "Year",
        "source": "Source",
        "share_job": "Share in job",
        "net_total": "Net total, DKK",
        "net_per_youth": "Net per youth, DKK",
        "cumulative": "Cumulative, DKK",
        "national": "National roll-out, {n} youths a year, year {h} ({h} cohorts): net {total} DKK, "
        "of which municipalities {municipal} DKK; {fte} extra full-time employed",
        "switching": "Break-even (switching value): {share} in job or education in year 1 (λ* = {lam})",
        "no_switching": "Break-even (switching value) cannot be computed",
        "monte_carlo": "Monte Carlo ({draws} draws, seed {seed}): NPV total",
        "mean": "Mean",
        "prob": "P(NPV > 0)",
        "comparison": "Published figures against the model's",
        "figure": "Figure",
        "published": "Published",
        "computed": "Computed",
        "no_youths": "No youths who finished STU in the loaded data: nothing to compute.",
    },
}


def suppress_small(frame: pd.DataFrame, min_cell: int) -> pd.DataFrame:
    """Rows counting fewer than min_cell youths: the count shown as '<min_cell', every figure hidden."""
    frame = frame.astype(object).copy()
    small = pd.to_numeric(frame["n_youth"], errors="coerce") < min_cell
    keep = {"partnership_id", "year", "source", "discount_factor"}
    for column in frame.columns:
        if column == "n_youth":
            frame.loc[small, column] = f"<{min_cell}"
        elif column not in keep:
            frame.loc[small, column] = None
    return frame


SOURCE_LABELS = {
    "da": {"observed": "observeret", "projected": "fremskrevet", "assumed": "antaget"},
    "en": {"observed": "observed", "projected": "projected", "assumed": "assumed"},
}


def _figure(row: pd.Series, column: str, lang: str) -> str:
    unit = row["unit"]
    if unit == "share":
        return fmt_pct(row[column], lang, 1)
    return fmt_number(row[column], lang, 0)


def print_savings(result: SavingsResult, console: Console, lang: str = "da") -> None:
    """The summary, the 'ALL' path, the national scenario, Monte Carlo and the published comparison."""
    text = LABELS[lang]
    params = result.params
    min_cell = int(params.get("suppression.min_cell", 5))
    console.print(f"[bold]{text['title']}[/bold]")
    name = params.get("scenario.name")
    console.print(f"{text['params']}: {params.path or '–'}" + (f" ({name})" if name else ""))
    if params.overrides:
        console.print(f"{text['overrides']}: {', '.join(params.overrides)}")
    summary = suppress_small(result.summary, min_cell)
    if result.summary["npv_net_total_dkk"].isna().all():
        console.print(text["no_youths"])
    horizon = int(params.require("model.horizon_years"))
    rate = fmt_number(100 * float(params.require("model.discount_rate")), lang, 1)
    table = Table(title=text["summary"].format(h=horizon, r=rate))
    for key in ("partnership", "youths", "npv_total", "npv_municipal", "break_even", "y1", "y2"):
        table.add_column(text[key], justify="left" if key == "partnership" else "right")
    for row in summary.itertuples(index=False):
        table.add_row(
            str(row.partnership_id),
            str(row.n_youth) if isinstance(row.n_youth, str) else fmt_number(row.n_youth, lang),
            fmt_number(row.npv_net_total_dkk, lang),
            fmt_number(row.npv_net_municipal_dkk, lang),
            fmt_number(row.break_even_year, lang),
            fmt_number(row.net_municipal_per_youth_year1_dkk, lang),
            fmt_number(row.net_municipal_per_youth_year2_dkk, lang),
        )
    console.print(table)
    _print_all_path(result, console, text, lang, min_cell)
    _print_headlines(result, console, text, lang)
    if result.monte_carlo is not None:
        _print_monte_carlo(result, console, text, lang, min_cell)
    comparison = Table(title=text["comparison"])
    for key in ("figure", "published", "computed"):
        comparison.add_column(text[key], justify="left" if key == "figure" else "right")
    for _, row in result.comparison.iterrows():
        comparison.add_row(row["figure"], _figure(row, "published", lang), _figure(row, "computed", lang))
    console.print(comparison)


def _print_all_path(result: SavingsResult, console: Console, text: dict, lang: str, min_cell: int) -> None:
    path = suppress_small(result.by_year[result.by_year["partnership_id"] == ALL], min_cell)
    table = Table(title=text["years"])
    for key in ("year", "source", "youths", "share_job", "net_total", "net_per_youth", "cumulative"):
        table.add_column(text[key], justify="right")
    for row in path.itertuples(index=False):
        table.add_row(
            str(row.year),
            "–" if pd.isna(row.source) else SOURCE_LABELS[lang].get(str(row.source), str(row.source)),
            str(row.n_youth) if isinstance(row.n_youth, str) else fmt_number(row.n_youth, lang),
            fmt_pct(row.share_job, lang, 1),
            fmt_number(row.net_total_dkk, lang),
            fmt_number(row.net_total_per_youth_dkk, lang),
            fmt_number(row.cumulative_net_total_dkk, lang),
        )
    console.print(table)


def _print_headlines(result: SavingsResult, console: Console, text: dict, lang: str) -> None:
    national = result.national
    if len(national):
        steady = national.iloc[-1]
        console.print(text["national"].format(
            n=fmt_number(result.params.require("national.youths_per_year"), lang),
            h=int(steady["year"]),
            total=fmt_number(steady["net_total_dkk"], lang),
            municipal=fmt_number(steady["net_municipal_dkk"], lang),
            fte=fmt_number(steady["extra_fte"], lang),
        ))
    share, lam = result.switching["switching_share"], result.switching["lambda_star"]
    if share is None:
        console.print(text["no_switching"])
    else:
        console.print(text["switching"].format(share=fmt_pct(share, lang, 1), lam=fmt_number(lam, lang, 2)))


def _print_monte_carlo(result: SavingsResult, console: Console, text: dict, lang: str, min_cell: int) -> None:
    frame = result.monte_carlo
    youths = result.summary.set_index("partnership_id")["n_youth"]
    first = frame.iloc[0]
    table = Table(title=text["monte_carlo"].format(draws=int(first["draws"]), seed=int(first["seed"])))
    for label in (text["partnership"], text["mean"], "P5", "P50", "P95", text["prob"]):
        table.add_column(label, justify="right")
    for row in frame.itertuples(index=False):
        if youths.get(row.partnership_id, 0) < min_cell:
            continue
        table.add_row(
            row.partnership_id,
            fmt_number(row.mean_npv_dkk, lang),
            fmt_number(row.p5_npv_dkk, lang),
            fmt_number(row.p50_npv_dkk, lang),
            fmt_number(row.p95_npv_dkk, lang),
            fmt_pct(row.prob_npv_positive, lang, 1),
        )
    console.print(table)


def write_savings_workbook(result: SavingsResult, path: Path) -> Path:
    """reports/savings.xlsx: summary, years, national, scenario comparison, parameters (+ sensitivity, Monte Carlo)."""
    params = result.params
    min_cell = int(params.get("suppression.min_cell", 5))
    headline = pd.DataFrame(
        [
            ("parameter file", str(params.path or "")),
            ("files (base first)", "; ".join(str(f) for f in params.files)),
            ("sha256", params.sha256 or ""),
            ("overrides", "; ".join(params.overrides)),
            ("scenario", params.get("scenario.name", "")),
            ("switching value: year-1 share in job or education", result.switching["switching_share"]),
            ("switching value: lambda*", result.switching["lambda_star"]),
        ],
        columns=["item", "value"],
    )
    sheets = {
        "summary": suppress_small(result.summary, min_cell),
        "years": suppress_small(result.by_year, min_cell),
        "national": result.national,
        "scenario comparison": result.comparison,
        "parameters": result.parameters,
        "sensitivity": result.sensitivity,
    }
    if result.monte_carlo is not None:
        small = result.summary.loc[pd.to_numeric(result.summary["n_youth"]) < min_cell, "partnership_id"]
        sheets["monte carlo"] = result.monte_carlo[~result.monte_carlo["partnership_id"].isin(small)]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
        headline.to_excel(writer, sheet_name="summary", index=False, startrow=len(sheets["summary"]) + 2)
    return path
