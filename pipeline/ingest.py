"""Ingest orchestration: find exports, read and validate them, decide what is loaded,
write it in one transaction. No printing here: the command line shows the outcomes.

Exit codes (docs/export-format.md): 0 every row good; 3 some rows quarantined (the rest
loaded); 1 an export refused whole; 2 wrong usage (raised as IngestUsageError).
Rules decided here, each with a message the user sees:
- an export whose bytes are already in the warehouse is recognised and changes nothing;
- macOS resource files ('._x.xlsx') and Excel lock files ('~$x.xlsx') are skipped;
- two exports of one partnership with the same export date but different contents in
  one call are both refused: which one is right cannot be told from the files, so the
  message names both and asks the user to keep one (or give the newer a later date).
"""

from __future__ import annotations

import datetime as dt
import queue
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import privacy, readers
from pipeline.texts import t

if TYPE_CHECKING:  # imported lazily at run time: validation and the warehouse load pandera and DuckDB
    from pipeline.validation import ValidatedExport
    from pipeline.warehouse import Rejection

Checked = tuple[list["ValidatedExport"], list["Rejection"], list["ExportOutcome"]]

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_QUARANTINED = 0, 1, 2, 3


class IngestUsageError(Exception):
    """Nothing to ingest under the given paths (a usage error, exit 2)."""


@dataclass
class ExportOutcome:
    """What happened to one export, for the result table."""

    name: str  # CPR-like parts masked
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


@dataclass
class Found:
    exports: list[Path]
    notes: list[str]  # files skipped on purpose, one sentence each


def exports_under(paths: list[Path], lang: str = "da") -> Found:
    """Every export under the given files and folders; none is a usage error."""
    skipped: list[Path] = []
    found = readers.find_exports(paths, skipped)
    notes = [t("ingest.skipped_side_file", lang, path=privacy.safe_path(p)) for p in skipped]
    if not found:
        raise IngestUsageError(t("ingest.no_exports", lang, paths=privacy.safe_path(", ".join(map(str, paths)))))
    return Found(found, notes)


def _rejected_text(error: readers.ExportRejected, lang: str) -> str:
    return privacy.mask_cpr(error.text(lang))


def check_exports(
    found: list[Path], known_sha256: set[str], today: dt.date | None = None, lang: str = "da",
    progress: Callable[[str], None] | None = None, on_valid: Callable[[ValidatedExport], None] | None = None,
) -> Checked:
    """Read and validate each export (nothing is written; `on_valid` is given each export that
    passed validation as soon as it has). Returns the validated exports, the rejections and one
    outcome per export."""
    from pipeline.reference import load_reference
    from pipeline.validation import validate_export
    from pipeline.warehouse import Rejection

    reference = load_reference()
    key = privacy.pseudonym_key_from_env()
    validated, rejections, outcomes = [], [], []
    real_paths: list[Path] = []
    seen = set(known_sha256)
    with ThreadPoolExecutor(1, thread_name_prefix="ingest-read") as reading:
        ahead = reading.submit(_read, found[0]) if found else None
        for position, path in enumerate(found):
            name = privacy.mask_cpr(path.name)
            if progress:
                progress(name)
            sha, raw, failure = ahead.result()
            # The next export is read (Arrow's CSV reader and the checksum release the GIL) while this
            # one is validated.
            ahead = reading.submit(_read, found[position + 1]) if position + 1 < len(found) else None
            try:
                if failure is not None and sha is None:
                    raise failure
                if sha in seen:
                    outcomes.append(ExportOutcome(name, "unchanged", messages=[t("ingest.already", lang)]))
                    continue
                if failure is not None:
                    raise failure
                export = validate_export(raw, reference, key, today, lang)
            except readers.ExportRejected as error:
                reason = _rejected_text(error, lang)
                rejections.append(Rejection(privacy.safe_path(path), sha, reason))
                outcomes.append(ExportOutcome(name, "rejected", messages=[reason]))
            except (MemoryError, RecursionError, ValueError, TypeError, KeyError, IndexError, AttributeError,
                    OverflowError, UnicodeError, OSError) as error:
                # A file that trips a bug must not stop the other exports or end in a traceback.
                reason = privacy.mask_cpr(t("ingest.fault", lang, name=name, error=type(error).__name__,
                                            detail=str(error)[:200]))
                rejections.append(Rejection(privacy.safe_path(path), sha, reason))
                outcomes.append(ExportOutcome(name, "rejected", messages=[reason]))
            else:
                seen.add(sha)
                validated.append(export)
                if on_valid:
                    on_valid(export)
                real_paths.append(path)
                outcomes.append(ExportOutcome(
                    name, "loaded", export.rows_read, export.rows_loaded, export.rows_quarantined,
                    export.messages(), list(export.warnings["message"])))
    return refuse_same_date_pairs(validated, real_paths, rejections, outcomes, lang)


def _read(path: Path) -> tuple[str | None, readers.RawExport | None, Exception | None]:
    """The checksum and raw sheets of one export, or what reading it raised (raised again by
    `check_exports` in the export's turn, so it is handled exactly as before)."""
    sha = None
    try:
        sha = readers.export_sha256(path)
        return sha, readers.read_export(path, sha), None
    except Exception as error:  # noqa: BLE001 - handed over, not swallowed
        return sha, None, error


def refuse_same_date_pairs(validated: list[ValidatedExport], paths: list[Path], rejections: list[Rejection],
                           outcomes: list[ExportOutcome], lang: str) -> Checked:
    """Two or more exports of one partnership (or comparison source) with one export date but
    different contents, in one call: all are refused, each with a message naming the others."""
    from pipeline.warehouse import Rejection

    groups: dict[tuple, list[int]] = {}
    for i, export in enumerate(validated):
        owner = ("comparison", export.source) if export.is_comparison else ("programme", export.partnership_id)
        groups.setdefault((owner, export.export_date), []).append(i)
    clash = {i for members in groups.values() if len(members) > 1 for i in members}
    if not clash:
        return validated, rejections, outcomes
    loaded = [o for o in outcomes if o.state == "loaded"]  # in the order of `validated`
    kept = []
    for i, export in enumerate(validated):
        if i not in clash:
            kept.append(export)
            continue
        (owner, date) = next(k for k, members in groups.items() if i in members)
        others = [j for j in groups[(owner, date)] if j != i]
        reason = privacy.mask_cpr(t(
            "ingest.same_date_pair", lang, name=paths[i].name, others=", ".join(paths[j].name for j in others),
            owner=owner[1], date=date, newest=_newest_name(paths, groups[(owner, date)])))
        rejections.append(Rejection(export.source_path, export.sha256, reason))
        outcome = loaded[i]
        outcome.state, outcome.messages, outcome.warnings = "rejected", [reason], []
        outcome.rows_read = outcome.rows_loaded = outcome.rows_quarantined = 0
    return kept, rejections, outcomes


def _newest_name(paths: list[Path], members: list[int]) -> str:
    """The file of the group modified last (a hint; the user decides)."""
    def modified(i: int) -> tuple[float, str]:
        try:
            return paths[i].stat().st_mtime, paths[i].name
        except OSError:
            return 0.0, paths[i].name

    return paths[max(members, key=modified)].name


@dataclass
class IngestResult:
    outcomes: list[ExportOutcome]
    export_ids: list[str]
    notes: list[str]

    @property
    def exit_code(self) -> int:
        return worst_exit_code(self.outcomes)


def ingest(paths: list[Path], warehouse: Path, lang: str = "da",
           progress: Callable[[str], None] | None = None) -> IngestResult:
    """Validate every export under `paths` and load the good rows, in one transaction. Each
    export is loaded while the next one is read and validated (see `_Streamed`)."""
    from pipeline import warehouse as wh

    found = exports_under(paths, lang)
    con = wh.connect(warehouse)
    try:
        known = wh.loaded_sha256(con)
        now = dt.datetime.now()
        with _Streamed(con, now) as streamed:
            validated, rejections, outcomes = check_exports(found.exports, known, lang=lang, progress=progress,
                                                            on_valid=streamed.put)
            try:
                ids = streamed.finish(validated, rejections)
            except OSError as error:
                raise wh.WarehouseError(t("ingest.write_failed", lang, warehouse=warehouse,
                                          error=error.strerror or error)) from None
    finally:
        try:
            con.close()
        except Exception:  # closing a warehouse whose disk is full may fail as well
            pass
    return IngestResult(outcomes, ids, found.notes)


_END, _ABORT = object(), object()


class _Restart(Exception):
    """An export already loaded was refused after all (a same-date pair): start the load again."""


class _Streamed:
    """`warehouse.write_ingest` on a worker thread, fed each export as soon as it is validated:
    DuckDB loads one export (releasing the GIL) while Python reads and validates the next. It is
    still one transaction with the same error handling; the rejections follow at the end. If an
    export already loaded is refused at the end (two exports of one date), that transaction is
    rolled back and the kept exports are loaded again in a new one."""

    def __init__(self, con: object, now: dt.datetime) -> None:
        from pipeline import warehouse as wh

        self.con, self.now, self.handed = con, now, []
        self.queue: queue.SimpleQueue = queue.SimpleQueue()
        self.rejections: list[Rejection] = []
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="ingest-load")
        self.done = self.pool.submit(wh.write_ingest, con, self._exports(), self._rejections(), now)
        self.finished = False

    def _exports(self):  # noqa: ANN202 - a generator of ValidatedExport, run on the worker thread
        while (item := self.queue.get()) is not _END:
            if item is _ABORT:
                raise _Restart
            yield item

    def _rejections(self):  # noqa: ANN202 - a generator of Rejection, read after the last export
        yield from self.rejections

    def put(self, export: ValidatedExport) -> None:
        self.handed.append(export)
        self.queue.put(export)

    def finish(self, validated: list[ValidatedExport], rejections: list[Rejection]) -> list[str]:
        """Load the rest and commit; the ids of the loaded exports."""
        from pipeline import warehouse as wh

        self.finished = True
        kept = {id(export) for export in validated}
        if any(id(export) not in kept for export in self.handed):
            self.queue.put(_ABORT)
            try:
                self.done.result()
            except _Restart:
                pass
            return wh.write_ingest(self.con, validated, rejections, self.now)
        self.rejections = rejections
        self.queue.put(_END)
        return self.done.result()

    def __enter__(self) -> _Streamed:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.finished:  # validation stopped with an exception: roll back, then let it travel on
            self.queue.put(_ABORT)
            try:
                self.done.result()
            except Exception:  # noqa: BLE001 - the exception that stopped validation is the one to report
                pass
        self.pool.shutdown(wait=True)
