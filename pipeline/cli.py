"""The `joballiance` command: the one place that wires readers, validation, warehouse,
models, economics and reports together.

A user's mistake (a bad file, a wrong option, a busy warehouse) ends in a sentence and
an exit code, never a traceback. Exit codes of ingest/validate (docs/export-format.md):
0 all rows good; 3 some rows quarantined; 1 an export rejected whole; 2 wrong usage.
The ingest itself is pipeline/ingest.py; this module parses arguments and prints.
It speaks Danish, or English with `--lang en` or when the environment's LANG starts with 'en'.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pipeline import config
from pipeline.ingest import EXIT_OK, EXIT_QUARANTINED, EXIT_REJECTED, EXIT_USAGE, ExportOutcome
from pipeline.texts import t

app = typer.Typer(
    help="Joballiance outcomes: ingest cohort exports, build the outcome and savings models, write the reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

__all__ = ["EXIT_OK", "EXIT_QUARANTINED", "EXIT_REJECTED", "EXIT_USAGE", "app", "ingest_paths"]
LangOption = Annotated[str | None, typer.Option(
    "--lang", help="da or en (default: da, or en when the environment's LANG starts with 'en').")]
_language = {"lang": "da"}  # the language of the running command, for `fail`

WarehouseOption = Annotated[Path, typer.Option("--warehouse", help="The DuckDB warehouse file.")]
ParamsOption = Annotated[Path, typer.Option("--params", help="The parameter file (TOML).")]
OutOption = Annotated[Path, typer.Option("--out", help="The folder the reports are written to.")]


class UserError(Exception):
    """A problem the user can fix; shown as a sentence with an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def resolve_lang(lang: str | None) -> str:
    """--lang if given, else English when LANG starts with 'en', else Danish; remembered for `fail`."""
    default = "en" if os.environ.get("LANG", "").lower().startswith("en") else "da"
    if lang is None:
        lang = default
    if lang not in ("da", "en"):
        _language["lang"] = default
        raise UserError(t("cli.bad_lang", default, value=lang))
    _language["lang"] = lang
    return lang


def fail(error: Exception, code: int = EXIT_USAGE) -> typer.Exit:
    from pipeline.privacy import mask_cpr

    text = str(error)
    if isinstance(error, OSError) and error.strerror:  # "[Errno 2] ..." says less than the file and the reason
        text = f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    label = t("cli.error", _language["lang"])
    errors.print(f"[bold red]{label}[/] {escape(mask_cpr(text))}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _user_errors() -> tuple[type[Exception], ...]:
    from pipeline.ingest import IngestUsageError
    from pipeline.models import ModelsNotBuiltError
    from pipeline.parameters import ParameterError
    from pipeline.release.read import ReleaseMissing
    from pipeline.release.store import ReleaseCheckFailed
    from pipeline.reports.render import ReportError
    from pipeline.warehouse import WarehouseError
    from pipeline.workbook import WorkbookError

    return (UserError, ParameterError, WarehouseError, OSError, ReportError, ModelsNotBuiltError, IngestUsageError,
            ReleaseMissing, ReleaseCheckFailed, WorkbookError)


# ----------------------------------------------------------------------------- ingest / validate


def print_outcomes(outcomes: list[ExportOutcome], verb: str, lang: str, max_messages: int = 10,
                   notes: list[str] | None = None) -> None:
    """A short table per export, then the first messages of each export that has any."""
    table = Table(title=t(f"cli.title_{verb}", lang), title_justify="left")
    table.add_column(t("cli.col_export", lang), overflow="fold")
    table.add_column(t("cli.col_result", lang))
    for column in ("cli.col_read", "cli.col_loaded", "cli.col_quarantined"):
        table.add_column(t(column, lang), justify="right")
    for o in outcomes:
        state = t({"loaded": "cli.state_ok" if not o.rows_quarantined else "cli.state_partly",
                   "rejected": "cli.state_rejected", "unchanged": "cli.state_unchanged"}[o.state], lang)
        if verb == "validated" and o.state == "loaded" and not o.rows_quarantined:
            state = t("cli.state_valid", lang)
        counts = [str(o.rows_read), str(o.rows_loaded), str(o.rows_quarantined)] if o.state == "loaded" else ["-"] * 3
        table.add_row(o.name, state, *counts)
    console.print(table)
    for note in notes or []:
        console.print(note, highlight=False, markup=False, soft_wrap=True)
    for o in outcomes:
        notes = o.messages + o.warnings
        if not notes or o.state == "unchanged":
            continue
        console.print(f"[bold]{o.name}[/]", highlight=False)
        for note in notes[:max_messages]:
            console.print(f"  - {note}", highlight=False, markup=False, soft_wrap=True)
        if len(notes) > max_messages:
            console.print(t("cli.more_messages", lang, n=len(notes) - max_messages), highlight=False)


def ingest_paths(paths: list[Path], warehouse: Path, lang: str = "da", then_build: bool = False) -> int:
    """Ingest, print the outcome, return the exit code. `then_build`: the caller builds next
    (`run`), so the user is not told to run `build`."""
    from rich.progress import Progress

    from pipeline.ingest import ingest as ingest_exports

    with Progress(console=errors, transient=True) as progress:
        task = progress.add_task(t("cli.reading", lang, name=""), total=None)
        result = ingest_exports(paths, warehouse, lang,
                                lambda name: progress.update(task, description=t("cli.reading", lang, name=name)))
    print_outcomes(result.outcomes, "ingested", lang, notes=result.notes)
    if result.export_ids:
        from pipeline.privacy import safe_path

        key = "cli.loaded_then_build" if then_build else "cli.loaded_build_next"
        console.print(t(key, lang, n=len(result.export_ids), warehouse=safe_path(warehouse)), soft_wrap=True)
    return result.exit_code


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Export files (.xlsx) or folders (searched for exports).")],
    warehouse: WarehouseOption = config.WAREHOUSE_PATH,
    lang: LangOption = None,
) -> None:
    """Validate exports and load their good rows into the warehouse (bad rows are quarantined)."""
    try:
        code = ingest_paths(paths, warehouse, resolve_lang(lang))
    except _user_errors() as error:
        raise fail(error) from None
    raise typer.Exit(code)


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Export files (.xlsx) or folders (searched for exports).")],
    lang: LangOption = None,
) -> None:
    """Check exports against the format and report every problem; loads nothing."""
    from pipeline.ingest import check_exports, exports_under, worst_exit_code

    try:
        lang = resolve_lang(lang)
        found = exports_under(paths, lang)
        _, _, outcomes = check_exports(found.exports, set(), lang=lang)
    except _user_errors() as error:
        raise fail(error) from None
    print_outcomes(outcomes, "validated", lang, max_messages=50, notes=found.notes)
    raise typer.Exit(worst_exit_code(outcomes))


# ----------------------------------------------------------------------------- build / status / savings


def build_warehouse(warehouse: Path, params_path: Path, overrides: list[str], lang: str = "da",
                    export_dir: Path | None = None) -> list[str]:
    from pipeline import warehouse as wh
    from pipeline.build import build_models
    from pipeline.parameters import load_parameters

    params = load_parameters(params_path, overrides)
    if not warehouse.exists():
        raise UserError(t("cli.no_warehouse", lang, warehouse=warehouse))
    con = wh.connect(warehouse)
    try:
        if not con.execute("select count(*) from exports").fetchall()[0][0]:
            raise UserError(t("cli.no_exports_yet", lang, warehouse=warehouse))
        built = build_models(con, params)
        if export_dir is not None:  # the published figures for R, Stata, SAS: Parquet and CSV
            wh.export_tables(con, export_dir, wh.RELEASE_TABLES)
        return built
    finally:
        con.close()


@app.command()
def build(
    warehouse: WarehouseOption = config.WAREHOUSE_PATH,
    params: ParamsOption = config.PARAMS_PATH,
    set_: Annotated[list[str], typer.Option("--set", help="Override a parameter: dotted.key=value.")] = [],  # noqa: B006
    export_dir: Annotated[Path | None, typer.Option(
        "--export-dir", help="Also write the published figures as Parquet and CSV to this folder.")] = None,
    lang: LangOption = None,
) -> None:
    """(Re)build every model table (outcomes and savings) and the release of published figures."""
    try:
        lang = resolve_lang(lang)
        built = build_warehouse(warehouse, params, set_, lang, export_dir)
    except _user_errors() as error:
        raise fail(error) from None
    console.print(t("cli.built_in", lang, n=len(built), warehouse=warehouse))


@app.command()
def status(
    warehouse: WarehouseOption = config.WAREHOUSE_PATH,
    lang: LangOption = None,
) -> None:
    """Print the headline table: the status of each partnership's youths 12 months after STU
    (the published figures of the last build)."""
    from pipeline import warehouse as wh
    from pipeline.release.read import out_of_date
    from pipeline.status import print_status
    from pipeline.texts import t

    try:
        lang = resolve_lang(lang)
        con = wh.connect(warehouse, read_only=True)
        try:
            print_status(con, console, lang)
            if out_of_date(con):
                errors.print(t("status.out_of_date", lang), soft_wrap=True)
        finally:
            con.close()
    except _user_errors() as error:
        raise fail(error) from None


@app.command()
def savings(
    warehouse: WarehouseOption = config.WAREHOUSE_PATH,
    params: ParamsOption = config.PARAMS_PATH,
    set_: Annotated[list[str], typer.Option("--set", help="Override a parameter: dotted.key=value.")] = [],  # noqa: B006
    monte_carlo: Annotated[int | None, typer.Option("--monte-carlo", help="Number of Monte Carlo draws.")] = None,
    excel: Annotated[Path | None, typer.Option("--excel", help="Also write the workbook to this path.")] = None,
    lang: LangOption = None,
) -> None:
    """The cost-benefit model with a parameter file and overrides; prints the summary.

    The scenario is published through the same disclosure control as a build; the warehouse
    is not changed (to keep a scenario, build it: `joballiance build --params X --warehouse Y`)."""
    from pipeline import warehouse as wh
    from pipeline.parameters import load_parameters
    from pipeline.release.scenario import savings_cells
    from pipeline.savings_view import print_savings

    try:
        lang = resolve_lang(lang)
        if monte_carlo is not None and monte_carlo < 1:
            raise UserError(t("cli.bad_monte_carlo", lang, n=monte_carlo))
        parameters = load_parameters(params, set_)
        threshold = int(parameters.require("suppression.min_cell"))
        con = wh.connect(warehouse, read_only=True)
        try:
            shown = savings_cells(con, parameters, monte_carlo)
        finally:
            con.close()
        cells = shown.cells
        print_savings(cells[cells["report"] == "economics"], parameters, threshold, console, lang)
        if excel:
            from pipeline.workbook import WorkbookInputs, write_workbook

            inputs = WorkbookInputs.from_release(cells[cells["report"] == "workbook"], shown.parameters)
            console.print(t("cli.wrote", lang, path=write_workbook(inputs, excel, lang)))
    except _user_errors() as error:
        raise fail(error) from None


# ----------------------------------------------------------------------------- reports / run


def write_all_reports(warehouse: Path, out: Path, langs: list[str], partnership: str | None) -> None:
    """The reports (with their CSV tables and the dashboard) and the workbook, all from the release."""
    from pipeline import warehouse as wh
    from pipeline.reports import write_reports
    from pipeline.workbook import WorkbookError, write_workbook_from_warehouse

    written = write_reports(warehouse, out, langs, partnership, progress=True)
    con = wh.connect(warehouse, read_only=True)
    try:
        for lang in langs:  # the Danish workbook beside the reports, the English one in en/
            target = out / "savings.xlsx" if lang == "da" else out / lang / "savings.xlsx"
            try:
                written.append(write_workbook_from_warehouse(con, target, lang))
            except WorkbookError as error:  # a programme too small to publish its savings
                errors.print(t("cli.no_workbook", lang, reason=str(error)), soft_wrap=True)
    finally:
        con.close()
    console.print(t("cli.wrote_files", _language["lang"], n=len(written), out=out))


@app.command()
def report(
    lang: LangOption = None,
    partnership: Annotated[str | None, typer.Option("--partnership", help="Only this partnership's report.")] = None,
    warehouse: WarehouseOption = config.WAREHOUSE_PATH,
    out: OutOption = config.REPORTS_DIR,
) -> None:
    """Write the evaluation reports (HTML and PDF), their CSV tables, the dashboard and the workbook from
    the warehouse's published figures. For other parameters, build another warehouse:
    `joballiance build --params X --warehouse Y`, then `joballiance report --warehouse Y`."""
    try:
        lang = resolve_lang(lang)
        write_all_reports(warehouse, out, [lang], partnership)
    except _user_errors() as error:
        raise fail(error) from None


@app.command()
def run(
    path: Annotated[Path, typer.Argument(help="Folder of exports.")] = config.RAW_DIR,
    warehouse: WarehouseOption = config.WAREHOUSE_PATH,
    params: ParamsOption = config.PARAMS_PATH,
    out: OutOption = config.REPORTS_DIR,
    lang: LangOption = None,
) -> None:
    """The main job: ingest every export under PATH, build the models, write every report (Danish and English)."""
    try:
        lang = resolve_lang(lang)
        code = ingest_paths([path], warehouse, lang, then_build=True)
        built = build_warehouse(warehouse, params, [], lang)
        console.print(t("cli.built", lang, n=len(built)))
        write_all_reports(warehouse, out, ["da", "en"], None)
    except _user_errors() as error:
        raise fail(error) from None
    raise typer.Exit(code)


# ----------------------------------------------------------------------------- template / demo


@app.command()
def template(path: Annotated[Path, typer.Argument(help="Where to write the workbook (.xlsx).")],
             lang: LangOption = None) -> None:
    """Write an empty export workbook with drop-down lists for status and municipality."""
    from pipeline.template import write_template

    try:
        resolve_lang(lang)
    except UserError as error:
        raise fail(error) from None
    if path.suffix.lower() != ".xlsx":
        raise fail(UserError(t("cli.template_suffix", _language["lang"], path=path)))
    try:
        console.print(t("cli.wrote", _language["lang"], path=write_template(path)))
    except OSError as error:
        raise fail(error) from None


@app.command("demo-data")
def demo_data(path: Annotated[Path, typer.Argument(help="Folder to write the synthetic exports to.")],
              lang: LangOption = None) -> None:
    """Write the synthetic demo exports (deterministic: the same files every time)."""
    from pipeline.demo_files import write_demo_exports

    try:
        resolve_lang(lang)
        written = write_demo_exports(path)
    except (OSError, UserError) as error:
        raise fail(error) from None
    console.print(t("cli.wrote_demo", _language["lang"], n=len(written), path=path))


if __name__ == "__main__":
    app()
