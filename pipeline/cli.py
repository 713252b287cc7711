"""The `joballiance` command: the one place that wires readers, validation, warehouse,
models, economics and reports together.

A user's mistake (a bad file, a wrong option, a busy warehouse) ends in a sentence and
an exit code, never a traceback. Exit codes of ingest/validate (CONTRACT §2): 0 all rows
good; 3 some rows quarantined; 1 an export rejected whole; 2 wrong usage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pipeline import config

app = typer.Typer(
    help="Joballiance outcomes: ingest cohort exports, build the outcome and savings models, write the reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_QUARANTINED = 0, 1, 2, 3

WarehouseOption = Annotated[Path, typer.Option("--warehouse", help="The DuckDB warehouse file.")]
ParamsOption = Annotated[Path, typer.Option("--params", help="The parameter file (TOML).")]
OutOption = Annotated[Path, typer.Option("--out", help="The folder the reports are written to.")]


class UserError(Exception):
    """A problem the user can fix; shown as a sentence with an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def fail(error: Exception, code: int = EXIT_USAGE) -> typer.Exit:
    text = str(error)
    if isinstance(error, OSError) and error.strerror:  # "[Errno 2] ..." says less than the file and the reason
        text = f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    errors.print(f"[bold red]error:[/] {escape(text)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _user_errors() -> tuple[type[Exception], ...]:
    from pipeline.models import ModelsNotBuiltError
    from pipeline.parameters import ParameterError
    from pipeline.reports.render import ReportError
    from pipeline.warehouse import WarehouseError

    return (UserError, ParameterError, WarehouseError, OSError, ReportError, ModelsNotBuiltError)


# ----------------------------------------------------------------------------- ingest / validate


@dataclass
class ExportOutcome:
    """What happened to one export, for the result table."""

    name: str
    state: str  # loaded | rejected | unchanged
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.state == "rejected":
            return EXIT_REJECTED
        return EXIT_QUARANTINED if self.rows_quarantined else EXIT_OK


def worst_exit_code(outcomes: list[ExportOutcome]) -> int:
    """Rejected beats quarantined beats clean."""
    codes = {o.exit_code for o in outcomes}
    for code in (EXIT_REJECTED, EXIT_QUARANTINED):
        if code in codes:
            return code
    return EXIT_OK


def exports_under(paths: list[Path]) -> list[Path]:
    """Every export under the given files and folders; none is a usage error."""
    from pipeline import readers

    found = readers.find_exports(paths)
    if not found:
        raise UserError(f"no exports found under {', '.join(str(p) for p in paths)} "
                        "(an export is an .xlsx workbook or a folder holding meta.csv)")
    return found


def check_exports(found: list[Path], known_sha256: set[str], today: dt.date | None = None):
    """Read and validate each export (nothing is written).
    Returns the validated exports, the rejections and one outcome per export."""
    from rich.progress import Progress

    from pipeline import privacy, readers
    from pipeline.reference import load_reference
    from pipeline.validation import validate_export
    from pipeline.warehouse import Rejection

    reference = load_reference()
    key = privacy.pseudonym_key_from_env()
    validated, rejections, outcomes = [], [], []
    seen = set(known_sha256)
    with Progress(console=errors, transient=True, disable=len(found) < 3) as progress:
        task = progress.add_task("Reading exports", total=len(found))
        for path in found:
            progress.update(task, description=f"Reading {path.name}")
            sha = None
            try:
                sha = readers.export_sha256(path)
                if sha in seen:
                    outcomes.append(ExportOutcome(path.name, "unchanged", messages=[
                        "already ingested (same contents); nothing changed"]))
                    continue
                export = validate_export(readers.read_export(path), reference, key, today)
            except readers.ExportRejected as error:
                reason = privacy.mask_cpr(str(error))
                rejections.append(Rejection(str(path), sha, reason))
                outcomes.append(ExportOutcome(path.name, "rejected", messages=[reason]))
            except (MemoryError, RecursionError, ValueError, TypeError, KeyError, IndexError, AttributeError,
                    OverflowError, UnicodeError, OSError) as error:
                # A file that trips a bug must not stop the other exports or end in a traceback.
                reason = privacy.mask_cpr(
                    f"{path.name}: could not be read ({type(error).__name__}: {str(error)[:200]}); nothing of it "
                    "was loaded. This is a fault in joballiance, not in the file: please report it")
                rejections.append(Rejection(str(path), sha, reason))
                outcomes.append(ExportOutcome(path.name, "rejected", messages=[reason]))
            else:
                seen.add(sha)
                validated.append(export)
                outcomes.append(ExportOutcome(
                    path.name, "loaded", export.rows_read, export.rows_loaded, export.rows_quarantined,
                    export.messages(), list(export.warnings["message"])))
            finally:
                progress.advance(task)
    return validated, rejections, outcomes


def print_outcomes(outcomes: list[ExportOutcome], verb: str, max_messages: int = 10) -> None:
    """A short table per export, then the first messages of each export that has any."""
    table = Table(title=f"Exports {verb}", title_justify="left")
    table.add_column("export", overflow="fold")
    table.add_column("result")
    for column in ("rows read", "loaded", "quarantined"):
        table.add_column(column, justify="right")
    for o in outcomes:
        state = {"loaded": "ok" if not o.rows_quarantined else "partly quarantined",
                 "rejected": "rejected: nothing loaded", "unchanged": "already ingested"}[o.state]
        if verb == "validated" and state == "ok":
            state = "valid"
        counts = [str(o.rows_read), str(o.rows_loaded), str(o.rows_quarantined)] if o.state == "loaded" else ["-"] * 3
        table.add_row(o.name, state, *counts)
    console.print(table)
    for o in outcomes:
        notes = o.messages + o.warnings
        if not notes or o.state == "unchanged":
            continue
        console.print(f"[bold]{o.name}[/]", highlight=False)
        for note in notes[:max_messages]:
            console.print(f"  - {note}", highlight=False, markup=False, soft_wrap=True)
        if len(notes) > max_messages:
            console.print(f"  ... and {len(notes) - max_messages} more (all are in the quarantine table and the "
                          "data-quality report)", highlight=False)


def ingest_paths(paths: list[Path], warehouse: Path) -> int:
    from pipeline import warehouse as wh

    found = exports_under(paths)
    con = wh.connect(warehouse)
    try:
        known = {row[0] for row in con.execute("select sha256 from exports").fetchall()}
        validated, rejections, outcomes = check_exports(found, known)
        try:
            ids = wh.write_ingest(con, validated, rejections)
        except OSError as error:
            raise wh.WarehouseError(f"could not write to the warehouse {warehouse}: {error.strerror or error}; "
                                    "nothing of this ingest was loaded") from None
    finally:
        try:
            con.close()
        except Exception:  # closing a warehouse whose disk is full may fail as well
            pass
    print_outcomes(outcomes, "ingested")
    if ids:
        console.print(f"Loaded {len(ids)} export(s) into {warehouse}. The models are now out of date: "
                      "run `joballiance build` (or `joballiance run`).", soft_wrap=True)
    return worst_exit_code(outcomes)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Export files (.xlsx) or folders (searched for exports).")],
    warehouse: WarehouseOption = config.WAREHOUSE_PATH,
) -> None:
    """Validate exports and load their good rows into the warehouse (bad rows are quarantined)."""
    try:
        code = ingest_paths(paths, warehouse)
    except _user_errors() as error:
        raise fail(error) from None
    raise typer.Exit(code)


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Export files (.xlsx) or folders (searched for exports).")],
) -> None:
    """Check exports against the format and report every problem; loads nothing."""
    try:
        _, _, outcomes = check_exports(exports_under(paths), set())
    except _user_errors() as error:
        raise fail(error) from None
    print_outcomes(outcomes, "validated", max_messages=50)
    raise typer.Exit(worst_exit_code(outcomes))


# ----------------------------------------------------------------------------- build / status / savings


def build_warehouse(warehouse: Path, params_path: Path, overrides: list[str]) -> list[str]:
    from pipeline import warehouse as wh
    from pipeline.build import build_models
    from pipeline.parameters import load_parameters

    params = load_parameters(params_path, overrides)
    if not warehouse.exists():
        raise UserError(f"the warehouse {warehouse} does not exist yet; run `joballiance ingest` first")
    con = wh.connect(warehouse)
    try:
        if not con.execute("select count(*) from exports").fetchone()[0]:
            raise UserError(f"the warehouse {warehouse} holds no exports yet; run `joballiance ingest` first")
        return build_models(con, params)
    finally:
        con.close()


@app.command()
def build(
    warehouse: WarehouseOption = config.WAREHOUSE_PATH,
    params: ParamsOption = config.PARAMS_PATH,
    set_: Annotated[list[str], typer.Option("--set", help="Override a parameter: dotted.key=value.")] = [],  # noqa: B006
) -> None:
    """(Re)build every model table (outcomes and savings) from what is loaded."""
    try:
        built = build_warehouse(warehouse, params, set_)
    except _user_errors() as error:
        raise fail(error) from None
    console.print(f"Built {len(built)} models in {warehouse}.")


@app.command()
def status(
    warehouse: WarehouseOption = config.WAREHOUSE_PATH,
    params: ParamsOption = config.PARAMS_PATH,
    lang: Annotated[str, typer.Option("--lang", help="da or en.")] = "da",
) -> None:
    """Print the headline table: the status of each partnership's youths 12 months after STU."""
    from pipeline import warehouse as wh
    from pipeline.build import models_out_of_date
    from pipeline.parameters import load_parameters
    from pipeline.status import print_status

    try:
        _check_lang(lang)
        min_cell = int(load_parameters(params).get("suppression.min_cell", 5))
        con = wh.connect(warehouse, read_only=True)
        try:
            print_status(con, min_cell, console, lang)
            if models_out_of_date(con):
                errors.print("Note: exports were ingested after the last build; run `joballiance build` to "
                             "include them.", soft_wrap=True)
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
    lang: Annotated[str, typer.Option("--lang", help="da or en.")] = "da",
) -> None:
    """The cost-benefit model with a parameter file and overrides; prints the summary."""
    from pipeline import warehouse as wh
    from pipeline.economics import print_savings, savings_report, write_savings_workbook
    from pipeline.parameters import load_parameters

    try:
        _check_lang(lang)
        parameters = load_parameters(params, set_)
        con = wh.connect(warehouse, read_only=True)
        try:
            result = savings_report(con, parameters, monte_carlo)
        finally:
            con.close()
        print_savings(result, console, lang)
        if excel:
            console.print(f"Wrote {write_savings_workbook(result, excel)}")
    except _user_errors() as error:
        raise fail(error) from None


# ----------------------------------------------------------------------------- reports / run


def _check_lang(lang: str) -> None:
    if lang not in ("da", "en"):
        raise UserError(f"--lang must be 'da' or 'en', not '{lang}'")


def write_all_reports(warehouse: Path, params: Path, out: Path, langs: list[str], partnership: str | None) -> None:
    from pipeline import warehouse as wh
    from pipeline.economics import savings_report, write_savings_workbook
    from pipeline.parameters import load_parameters
    from pipeline.reports import write_reports

    written = write_reports(warehouse, params, out, langs, partnership, progress=True)
    con = wh.connect(warehouse, read_only=True)
    try:
        result = savings_report(con, load_parameters(params), None)
    finally:
        con.close()
    written.append(write_savings_workbook(result, out / "savings.xlsx"))
    console.print(f"Wrote {len(written)} files under {out}/")


@app.command()
def report(
    lang: Annotated[str, typer.Option("--lang", help="da (default) or en.")] = "da",
    partnership: Annotated[str | None, typer.Option("--partnership", help="Only this partnership's report.")] = None,
    warehouse: WarehouseOption = config.WAREHOUSE_PATH,
    params: ParamsOption = config.PARAMS_PATH,
    out: OutOption = config.REPORTS_DIR,
) -> None:
    """Write the evaluation reports (HTML and PDF) from the warehouse."""
    try:
        _check_lang(lang)
        write_all_reports(warehouse, params, out, [lang], partnership)
    except _user_errors() as error:
        raise fail(error) from None


@app.command()
def run(
    path: Annotated[Path, typer.Argument(help="Folder of exports.")] = config.RAW_DIR,
    warehouse: WarehouseOption = config.WAREHOUSE_PATH,
    params: ParamsOption = config.PARAMS_PATH,
    out: OutOption = config.REPORTS_DIR,
) -> None:
    """The main job: ingest every export under PATH, build the models, write every report (Danish and English)."""
    try:
        code = ingest_paths([path], warehouse)
        built = build_warehouse(warehouse, params, [])
        console.print(f"Built {len(built)} models.")
        write_all_reports(warehouse, params, out, ["da", "en"], None)
    except _user_errors() as error:
        raise fail(error) from None
    raise typer.Exit(code)


# ----------------------------------------------------------------------------- template / demo


@app.command()
def template(path: Annotated[Path, typer.Argument(help="Where to write the workbook (.xlsx).")]) -> None:
    """Write an empty export workbook with drop-down lists for status and municipality."""
    from pipeline.template import write_template

    if path.suffix.lower() != ".xlsx":
        raise fail(UserError(f"{path} should end in .xlsx"))
    try:
        console.print(f"Wrote {write_template(path)}")
    except OSError as error:
        raise fail(error) from None


@app.command("demo-data")
def demo_data(path: Annotated[Path, typer.Argument(help="Folder to write the synthetic exports to.")]) -> None:
    """Write the synthetic demo exports (deterministic: the same files every time)."""
    from pipeline.demo import write_demo_exports

    try:
        written = write_demo_exports(path)
    except OSError as error:
        raise fail(error) from None
    console.print(f"Wrote {len(written)} synthetic exports under {path}")


if __name__ == "__main__":
    app()
