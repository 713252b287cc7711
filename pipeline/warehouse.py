"""The DuckDB warehouse: schema, loading validated exports, lineage.

Everything one ingest writes happens in one transaction: the warehouse afterwards is
either exactly the one before or the one with every export of the command loaded.
DuckDB's own file lock serialises processes; a second writer waits, then gives up with
a message that says who holds the warehouse.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.validation import ValidatedExport

PARTICIPANT_COLUMNS = [
    "participant_id", "partnership_id", "municipality_code", "birth_year", "sex", "stu_start_date",
    "stu_end_date", "phase1_start", "phase2_start", "phase3_start", "phase4_start", "programme_cost_dkk",
    "export_id",
]
SPELL_COLUMNS = [
    "participant_id", "status", "category", "start_date", "end_date", "hours_per_week", "employer_id",
    "export_id",
]


MEMORY_LIMIT_ENV = "JOBALLIANCE_DUCKDB_MEMORY_LIMIT"


class WarehouseError(RuntimeError):
    """The warehouse cannot be opened or written; the message says why in plain words."""


def schema_sql() -> str:
    return resources.files("pipeline").joinpath("warehouse_schema.sql").read_text(encoding="utf-8")


def connect(path: Path, read_only: bool = False, wait_seconds: float = 60.0) -> duckdb.DuckDBPyConnection:
    """Open the warehouse (creating it and its schema when writing), waiting for another
    joballiance process to finish with it rather than failing at once."""
    if read_only and not path.exists():
        raise WarehouseError(f"the warehouse {path} does not exist yet; run `joballiance ingest` first")
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WarehouseError(f"cannot create the folder {path.parent}: {error.strerror}") from None
    deadline = time.monotonic() + wait_seconds
    announced = False
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as error:
            text = str(error)
            if "lock" not in text.lower():
                raise WarehouseError(f"cannot open the warehouse {path}: {_plain(text)}") from None
            if time.monotonic() >= deadline:
                raise WarehouseError(
                    f"the warehouse {path} is in use by another joballiance command; nothing was changed. "
                    "Try again when it has finished."
                ) from None
            if not announced:
                print(f"Waiting for another joballiance command to finish with {path.name} ...", flush=True)
                announced = True
            time.sleep(0.5)
        except duckdb.Error as error:
            raise WarehouseError(f"cannot open the warehouse {path}: {_plain(str(error))}") from None
    try:
        con.execute(f"set memory_limit = '{memory_limit()}'")
        if not read_only:
            con.execute(schema_sql())
    except duckdb.Error as error:  # e.g. a full disk or a read-only file
        con.close()
        raise WarehouseError(f"cannot write to the warehouse {path}: {_plain(str(error))}") from None
    return con


def memory_limit() -> str:
    """How much memory DuckDB may use before it spills to disk: JOBALLIANCE_DUCKDB_MEMORY_LIMIT
    (e.g. '12GB'), else a quarter of the machine's memory (DuckDB's own default, 80 %, leaves
    too little for the Python side of a large build)."""
    configured = os.environ.get(MEMORY_LIMIT_ENV, "").strip()
    if configured:
        if not re.fullmatch(r"\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)", configured, flags=re.IGNORECASE):
            raise WarehouseError(f"{MEMORY_LIMIT_ENV}={configured!r} is not an amount of memory such as '8GB'")
        return configured
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        return "4GB"
    return f"{max(1, total // 4 // 1024**2)}MB"


def _plain(text: str) -> str:
    return text.splitlines()[0] if text else "unknown error"


def make_export_id(partnership_id: str, export_date: dt.date, sha256: str) -> str:
    return f"{partnership_id}_{export_date:%Y%m%d}_{sha256[:8]}"


def ingested_export_id(con: duckdb.DuckDBPyConnection, sha256: str) -> str | None:
    """The id of an export already loaded with these exact bytes, if any."""
    row = con.execute("select export_id from exports where sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class Rejection:
    source_path: str
    sha256: str | None
    reason: str


def write_ingest(
    con: duckdb.DuckDBPyConnection,
    exports: list[ValidatedExport],
    rejections: list[Rejection],
    now: dt.datetime | None = None,
) -> list[str]:
    """Load validated exports and record rejections, all in one transaction; returns the export ids."""
    now = now or dt.datetime.now()
    ids: list[str] = []
    con.execute("begin transaction")
    try:
        for export in exports:
            ids.append(_insert_export(con, export, now))
        for rejection in rejections:
            con.execute("insert into rejected_exports values (?, ?, ?, ?)",
                        [rejection.source_path, rejection.sha256, now, rejection.reason])
        refresh_superseded(con)
        con.execute("commit")
    except BaseException as error:
        try:
            con.execute("rollback")
        except duckdb.Error:
            pass  # a failed commit has already ended the transaction (or the database refuses all work)
        if isinstance(error, duckdb.Error):  # e.g. the disk is full: say so, not a traceback
            raise WarehouseError(f"could not write to the warehouse: {_plain(str(error))}; nothing of this "
                                 "ingest was loaded") from None
        raise
    return ids


def _insert_export(con: duckdb.DuckDBPyConnection, export: ValidatedExport, now: dt.datetime) -> str:
    export_id = make_export_id(export.partnership_id, export.export_date, export.sha256)
    con.execute(
        "insert into exports values (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)",
        [export_id, export.partnership_id, export.export_date, export.source_path, export.sha256, now,
         export.rows_read, export.rows_loaded, export.rows_quarantined, export.synthetic,
         ", ".join(export.dropped_columns) or None],
    )
    participants = export.participants.assign(export_id=export_id)[PARTICIPANT_COLUMNS]
    spells = export.spells.assign(export_id=export_id)[SPELL_COLUMNS]
    quarantine = export.quarantine.assign(export_id=export_id, source_path=export.source_path)
    warnings = export.warnings.assign(export_id=export_id, source_path=export.source_path)
    for table, frame in (("participants_all", participants), ("spells_all", spells),
                         ("quarantine", quarantine), ("ingest_warnings", warnings)):
        if len(frame):
            con.register("incoming", frame)
            try:
                con.execute(f"insert into {table} by name select * from incoming")
            finally:
                con.unregister("incoming")
    return export_id


def refresh_superseded(con: duckdb.DuckDBPyConnection) -> None:
    """The newest export of each partnership (by export_date; a re-sent export of the same
    date wins by the time it was ingested) is current, every other one superseded."""
    con.execute("""
        update exports set superseded = export_id not in (
            select arg_max(export_id, strftime(export_date, '%Y%m%d') || strftime(ingested_at, '%Y%m%d%H%M%S')
                                      || export_id)
            from exports
            group by partnership_id
        )
    """)


def exports_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("select * from exports order by partnership_id, export_date").df()
