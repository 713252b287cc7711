"""The DuckDB warehouse: schema, loading validated exports, lineage.

Everything one ingest writes happens in one transaction: the warehouse afterwards is
either exactly the one before or the one with every export of the command loaded.
DuckDB's own file lock serialises processes; a second writer waits, then gives up with
a message that says who holds the warehouse.
"""

from __future__ import annotations

import datetime as dt
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
    if not read_only:
        con.execute(schema_sql())
    return con


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
    now = now or dt.datetime.now().replace(microsecond=0)
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
    except BaseException:
        con.execute("rollback")
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
