"""Render the report notebooks: papermill → self-contained HTML (nbconvert) → A4 PDF (WeasyPrint).

Every file is written under a temporary name in the target folder and renamed into place
when complete, so a failing notebook never leaves a half-written report. Notebooks run in
parallel worker processes (each papermill run starts its own kernel).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from pipeline import config
from pipeline.formatting import check_lang
from pipeline.reports import context
from pipeline.texts import partnership_name, t

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "joballiance"
KERNEL_NAME = "python3"
# the kernel's own log: none (not the warning about local TCP transport on every start, nor the
# "KeyboardInterrupt caught in kernel" it logs as an error when papermill shuts it down)
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
REPORT_KINDS = ("programme", "partnership", "economics", "data-quality")
NOTEBOOKS = {kind: config.NOTEBOOKS_DIR / f"{kind}.ipynb" for kind in REPORT_KINDS}
_EXTERNAL_SRC = re.compile(r"""\bsrc\s*=\s*["']?\s*(https?:)?//""", re.IGNORECASE)
_EXTERNAL_HREF = re.compile(r"""\s+href\s*=\s*(["'])\s*(https?:)?//[^"']*\1""", re.IGNORECASE)


class ReportError(RuntimeError):
    """A report could not be rendered; the message names the report and the failing cell's error."""


@dataclass(frozen=True)
class ReportJob:
    """One report in one language: which notebook, with which parameters, to which files."""

    kind: str
    stem: str
    lang: str
    out_dir: Path
    parameters: dict[str, Any] = field(default_factory=dict)

    @property
    def notebook(self) -> Path:
        return NOTEBOOKS[self.kind]

    @property
    def pdf(self) -> bool:
        return self.kind != "data-quality"

    @property
    def label(self) -> str:
        return f"{self.lang}/{self.stem}"

    def outputs(self) -> list[Path]:
        files = [self.out_dir / f"{self.stem}.html"]
        if self.pdf:
            files.append(self.out_dir / f"{self.stem}.pdf")
        return files

    def title(self) -> str:
        title = t(f"title.{self.kind.replace('-', '_')}", self.lang)
        partnership = self.parameters.get("partnership")
        return f"{title} – {partnership_name(partnership, self.lang)}" if partnership else title


def current_partnerships(warehouse: Path) -> list[str]:
    """Partnerships with a current export in the warehouse (the one definition of the current
    export: pipeline.reports.context.current_exports_sql), in id order."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return context.current_partnerships(con)
    finally:
        con.close()


def plan_reports(
    warehouse: Path,
    out_dir: Path,
    langs: Sequence[str] = ("da",),
    partnership: str | None = None,
) -> list[ReportJob]:
    """The reports to render: with `partnership`, only that partnership's report; else programme,
    one per partnership, economics and data quality, in each language (longest first). A report
    reads only the warehouse: its figures, threshold and parameter values are those it was built with."""
    if not Path(warehouse).exists():
        raise ReportError(
            f"warehouse {warehouse} does not exist: run 'joballiance ingest' and 'joballiance build'"
        )
    known = current_partnerships(Path(warehouse))
    if partnership is not None and partnership not in known:
        raise ReportError(
            f"partnership '{partnership}' has no export in {warehouse} (known: {', '.join(known) or 'none'})"
        )
    base = {"warehouse": str(Path(warehouse).resolve())}
    jobs = []
    for lang in langs:
        check_lang(lang)
        target = Path(out_dir) / lang

        def job(
            kind: str, stem: str, pid: str | None = None, lang: str = lang, target: Path = target
        ) -> ReportJob:
            return ReportJob(kind, stem, lang, target, {**base, "lang": lang, "partnership": pid})

        if partnership is not None:
            jobs.append(job("partnership", f"partnership-{partnership}", partnership))
            continue
        jobs.append(job("programme", "programme"))
        jobs.append(job("economics", "economics"))
        jobs += [job("partnership", f"partnership-{pid}", pid) for pid in known]
        jobs.append(job("data-quality", "data-quality"))
    return jobs


def _clean_html(text: str, label: str) -> str:
    """Unlink any external href; an external src would make the page depend on the network: error."""
    text = _EXTERNAL_HREF.sub("", text)
    if _EXTERNAL_SRC.search(text):
        raise ReportError(f"report {label}: the HTML loads an external resource")
    return text


def notebook_to_html(notebook: Any, lang: str, title: str) -> str:
    """An executed notebook as one self-contained HTML page: outputs only, inline CSS, embedded images."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(notebook, resources={"report_lang": lang, "report_title": title})
    return body


def html_to_pdf(html_text: str, target: Path) -> None:
    """An A4 PDF of the page (page size, numbers and title page come from the report CSS)."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    HTML(string=html_text, base_url=str(target.parent)).write_pdf(target)


KERNEL_START_ATTEMPTS = 3


def _execute(job: ReportJob, output: Path) -> Any:
    """Run the notebook; a kernel that dies while starting (two kernels started at the same
    moment can pick the same free ports) is started again, an error in a cell is not."""
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        try:
            return _execute_once(job, output)
        except _KernelStartError as error:
            if attempt == KERNEL_START_ATTEMPTS:
                raise ReportError(
                    f"report {job.label} ({job.notebook.name}) could not start its Python kernel: {error}"
                ) from None
    raise AssertionError("unreachable")


class _KernelStartError(Exception):
    pass


def _execute_once(job: ReportJob, output: Path) -> Any:
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        return papermill.execute_notebook(
            str(job.notebook),
            str(output),
            parameters=job.parameters,
            kernel_name=KERNEL_NAME,
            progress_bar=False,
            log_output=False,
            cwd=str(config.PROJECT_ROOT),
            report_mode=True,
            extra_arguments=KERNEL_ARGUMENTS,
        )
    except PapermillExecutionError as error:
        raise ReportError(
            f"report {job.label} ({job.notebook.name}) failed in cell {error.exec_count}: "
            f"{error.ename}: {error.evalue}"
        ) from None
    except RuntimeError as error:
        if "kernel" in str(error).lower():
            raise _KernelStartError(str(error)) from None
        raise ReportError(
            f"report {job.label} ({job.notebook.name}) could not run: {type(error).__name__}: {error}"
        ) from None
    except Exception as error:  # notebook unreadable, ...
        raise ReportError(
            f"report {job.label} ({job.notebook.name}) could not run: {type(error).__name__}: {error}"
        ) from None


def render_report(job: ReportJob) -> list[Path]:
    """Execute one notebook and write its HTML (and PDF); returns the files written."""
    import nbformat

    executed_dir = job.out_dir / "executed"
    executed_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{job.stem}-", dir=job.out_dir))
    try:
        executed = staging / f"{job.stem}.ipynb"
        _execute(job, executed)
        notebook = nbformat.read(executed, as_version=4)
        html_text = _clean_html(notebook_to_html(notebook, job.lang, job.title()), job.label)
        (staging / f"{job.stem}.html").write_text(html_text, encoding="utf-8")
        if job.pdf:
            try:
                html_to_pdf(html_text, staging / f"{job.stem}.pdf")
            except Exception as error:
                raise ReportError(
                    f"report {job.label}: PDF failed: {type(error).__name__}: {error}"
                ) from None
        written = []
        for path in job.outputs():
            os.replace(staging / path.name, path)
            written.append(path)
        os.replace(executed, executed_dir / executed.name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_reports(
    warehouse: Path,
    out_dir: Path,
    langs: Sequence[str] = ("da",),
    partnership: str | None = None,
    progress: bool = True,
    workers: int | None = None,
) -> list[Path]:
    """Write every report (see `plan_reports`) to out_dir/<lang>/, the executed notebooks to
    out_dir/<lang>/executed/, and every published table as CSV to out_dir/<lang>/tables/ (the reports
    link them); returns the files written. Raises ReportError naming the failing report."""
    jobs = plan_reports(Path(warehouse), Path(out_dir), langs, partnership)
    for job in jobs:
        job.out_dir.mkdir(parents=True, exist_ok=True)
    written_tables = _write_tables(Path(warehouse), Path(out_dir), langs)
    written = _render_all(jobs, progress, workers)
    if partnership is None:
        written += _write_dashboards(Path(warehouse), Path(out_dir), langs)
    return written + written_tables


def _write_tables(warehouse: Path, out_dir: Path, langs: Sequence[str]) -> list[Path]:
    """The CSV downloads, one folder per language (written before the reports that link them)."""
    from pipeline.release.downloads import write_table_csvs

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return [path for lang in langs for path in write_table_csvs(con, out_dir / lang, lang)]
    finally:
        con.close()


def _write_dashboards(warehouse: Path, out_dir: Path, langs: Sequence[str]) -> list[Path]:
    """The dashboard, one self-contained page per language (out_dir/dashboard.html, out_dir/en/...)."""
    from pipeline.dashboard import write_dashboard

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return [write_dashboard(con, out_dir, lang) for lang in langs]
    finally:
        con.close()


def _render_all(jobs: list[ReportJob], progress: bool, workers: int | None) -> list[Path]:
    workers = max(1, min(workers or 2, os.cpu_count() or 1, len(jobs)))
    written: list[Path] = []
    with _progress(progress, len(jobs)) as advance:
        if workers == 1:
            for job in jobs:
                written += render_report(job)
                advance(job)
            return written
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=spawn) as pool:
            futures: dict[Future[list[Path]], ReportJob] = {
                pool.submit(render_report, job): job for job in jobs
            }
            pending = set(futures)
            while pending:
                done, pending = wait(pending, return_when=FIRST_EXCEPTION)
                for future in done:
                    error = future.exception()
                    if error is not None:
                        for other in pending:
                            other.cancel()
                        if isinstance(error, ReportError):
                            raise ReportError(str(error)) from None
                        raise ReportError(f"report {futures[future].label} failed: {error}") from error
                    written += future.result()
                    advance(futures[future])
    order = {path: i for i, path in enumerate(p for job in jobs for p in job.outputs())}
    return sorted(written, key=lambda p: order.get(p, len(order)))


class _progress:
    """A rich progress bar over the reports (or nothing), used as `with _progress(on, n) as advance`."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled = enabled
        self.total = total
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self):  # noqa: ANN204
        if self.enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                TextColumn("[bold]Reports"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
            )
            self.bar.start()
            self.task = self.bar.add_task("", total=self.total)
        return self.advance

    def advance(self, job: ReportJob) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=job.label)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
