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
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

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
COMPARISON_PARTICIPANT_COLUMNS = [
    "participant_id", "municipality_code", "birth_year", "sex", "stu_start_date", "stu_end_date", "export_id",
]
COMPARISON_SPELL_COLUMNS = ["participant_id", "status", "category", "start_date", "end_date", "export_id"]


MEMORY_LIMIT_ENV = "JOBALLIANCE_DUCKDB_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "1GB"
THREADS = 2
# The on-disk format new warehouses are written in: DuckDB 1.0's, which every DuckDB 1.x
# client (Python, R, the CLI, DBeaver, ...) opens, as well as DuckDB 2. A warehouse file keeps
# the format it was created with; `make clean` and a new ingest rewrite an older one.
STORAGE_VERSION = "v1.0.0"


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
            con = duckdb.connect(str(path), read_only=read_only, config=connection_config(path))
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
        if not read_only:
            migrate_loaded_exports(con)
            con.execute(schema_sql())
    except duckdb.Error as error:  # e.g. a full disk or a read-only file
        con.close()
        raise WarehouseError(f"cannot write to the warehouse {path}: {_plain(str(error))}") from None
    return con


def connection_config(path: Path) -> dict[str, str | int | bool]:
    """DuckDB settings of every warehouse connection, chosen rather than left to the machine:
    a fixed memory budget with spilling to a folder next to the warehouse (so a large build
    stays under it instead of taking 80 % of whatever machine it runs on), two threads (the
    machines it runs on; more threads also means more memory), and a storage format that
    DuckDB 1.x clients open (it only applies when the file is created). Insertion order stays
    preserved: the summary tables are written sorted and read in that order (the youth-level
    tables are not sorted; whoever shows their rows sorts them), and a million youths fit the
    budget with it."""
    return {
        "memory_limit": memory_limit(),
        "temp_directory": str(temp_directory(path)),
        "threads": THREADS,
        "storage_compatibility_version": STORAGE_VERSION,
    }


def temp_directory(path: Path) -> Path:
    """Where DuckDB spills what does not fit in the memory budget: `<warehouse>.tmp` beside it
    (same disk, removed by DuckDB when the connection closes)."""
    return path.with_name(path.name + ".tmp")


def memory_limit() -> str:
    """How much memory DuckDB may use before it spills to disk: JOBALLIANCE_DUCKDB_MEMORY_LIMIT
    (e.g. '4GB'), else 1 GB — a budget, not a share of the machine, so every command stays
    well under 2 GiB resident at a million youths together with its Python side."""
    configured = os.environ.get(MEMORY_LIMIT_ENV, "").strip()
    if configured:
        if not re.fullmatch(r"\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)", configured, flags=re.IGNORECASE):
            raise WarehouseError(f"{MEMORY_LIMIT_ENV}={configured!r} is not an amount of memory such as '8GB'")
        return configured
    return DEFAULT_MEMORY_LIMIT


def _plain(text: str) -> str:
    return text.splitlines()[0] if text else "unknown error"


def make_export_id(partnership_id: str, export_date: dt.date, sha256: str) -> str:
    return f"{partnership_id}_{export_date:%Y%m%d}_{sha256[:8]}"


def ingested_export_id(con: duckdb.DuckDBPyConnection, sha256: str) -> str | None:
    """The id of an export already loaded with these exact bytes, if any."""
    row = con.execute("select export_id from exports_loaded where sha256 = ? union all "
                      "select export_id from comparison_exports where sha256 = ?", [sha256, sha256]).fetchone()
    return row[0] if row else None


def loaded_sha256(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Checksums of every export loaded so far (programme and comparison)."""
    return {row[0] for row in con.execute(
        "select sha256 from exports_loaded union select sha256 from comparison_exports").fetchall()}


def migrate_loaded_exports(con: duckdb.DuckDBPyConnection) -> None:
    """A warehouse written before the loaded table became immutable has a table `exports`
    with a stored `superseded` column; move its rows into `exports_loaded` (created as the
    schema defines it) so `exports` can become the view. Does nothing on a current warehouse."""
    kind = con.execute("select table_type from information_schema.tables "
                       "where table_schema = 'main' and table_name = 'exports'").fetchone()
    if not kind or kind[0] != "BASE TABLE":
        return
    schema = schema_sql()
    start = schema.index("create table if not exists exports_loaded")
    create = schema[start:schema.index(");", start) + 2]
    con.execute("begin transaction")
    try:
        con.execute(create)
        con.execute("insert into exports_loaded by name select * exclude (superseded) from exports")
        con.execute("drop table exports")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


@dataclass(frozen=True)
class Rejection:
    source_path: str
    sha256: str | None
    reason: str


def write_ingest(
    con: duckdb.DuckDBPyConnection,
    exports: Iterable[ValidatedExport],
    rejections: Iterable[Rejection],
    now: dt.datetime | None = None,
) -> list[str]:
    """Load validated exports and record rejections, all in one transaction; returns the export ids.
    Both may be generators: ingest hands each export over as soon as it is validated."""
    now = now or dt.datetime.now()
    ids: list[str] = []
    con.execute("begin transaction")
    try:
        for export in exports:
            ids.append(_insert_export(con, export, now))
        for rejection in rejections:
            con.execute("insert into rejected_exports values (?, ?, ?, ?)",
                        [rejection.source_path, rejection.sha256, now, rejection.reason])
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
    """One export's rows, appended (nothing loaded earlier is changed). A comparison extract
    goes to the comparison tables only, never to the programme's."""
    if export.is_comparison:
        export_id = make_export_id("comparison", export.export_date, export.sha256)
        con.execute(
            "insert into comparison_exports by name select ? as export_id, ? as source, ? as export_date, "
            "? as source_path, ? as sha256, ? as ingested_at, ? as rows_read, ? as rows_loaded, "
            "? as rows_quarantined, ? as synthetic, ? as form",
            [export_id, export.source, export.export_date, export.source_path, export.sha256, now,
             export.rows_read, export.rows_loaded, export.rows_quarantined, export.synthetic, export.form],
        )
        columns = (COMPARISON_PARTICIPANT_COLUMNS, COMPARISON_SPELL_COLUMNS)
        tables = ("comparison_participants_all", "comparison_spells_all")
    else:
        export_id = make_export_id(export.partnership_id, export.export_date, export.sha256)
        con.execute(
            "insert into exports_loaded by name select ? as export_id, ? as partnership_id, ? as export_date, "
            "? as source_path, ? as sha256, ? as ingested_at, ? as rows_read, ? as rows_loaded, "
            "? as rows_quarantined, ? as synthetic, ? as dropped_columns",
            [export_id, export.partnership_id, export.export_date, export.source_path, export.sha256, now,
             export.rows_read, export.rows_loaded, export.rows_quarantined, export.synthetic,
             ", ".join(export.dropped_columns) or None],
        )
        columns = (PARTICIPANT_COLUMNS, SPELL_COLUMNS)
        tables = ("participants_all", "spells_all")
    # The export's constants (export id, partnership, source path) are added by DuckDB, not
    # as a column of Python strings per row.
    constants = {"export_id": export_id, "partnership_id": export.partnership_id, "source_path": export.source_path}
    for table, frame, wanted in ((tables[0], export.participants, columns[0]), (tables[1], export.spells, columns[1]),
                                 ("quarantine", export.quarantine, None), ("ingest_warnings", export.warnings, None)):
        if not len(frame):
            continue
        wanted = wanted or [*frame.columns, "export_id", "source_path"]
        added = [c for c in wanted if c in constants]
        con.register("incoming", _arrow(frame[[c for c in wanted if c not in constants]]))
        try:
            con.execute(f"insert into {table} by name select *, {', '.join(f'? as {c}' for c in added)} from incoming",
                        [constants[c] for c in added])
        finally:
            con.unregister("incoming")
    return export_id


def _arrow(frame: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """The frame as an Arrow table, DuckDB's bulk path: it scans typed Arrow columns instead of
    inspecting a Python object per cell (strings once, dates as date32). A frame Arrow cannot
    type (mixed objects in one column) is handed over as it is."""
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return frame


RELEASE_TABLES = ("published_cells", "savings_parameters", "ref_categories", "ref_statuses", "ref_partnerships",
                  "ref_municipalities")
"""What `joballiance build --export-dir` writes: the published figures and what names them."""


def export_tables(con: duckdb.DuckDBPyConnection, folder: Path, only: tuple[str, ...] | None = None) -> list[Path]:
    """Write the warehouse's tables as Parquet and as CSV (UTF-8, ',' separated, header, ISO
    dates), for analysts in R, Stata, SAS or a spreadsheet who do not use DuckDB:
    `folder/parquet/<name>.parquet` and `folder/csv/<name>.csv`. Every table and the schema's
    views (exports, participants, spells, ...) are written; the models' staging and
    intermediate views (stg_*, int_*) are not: they are steps, and some expand one row per
    youth-month. With `only`, just those tables. Returns the files written, in name order."""
    names = [row[0] for row in con.execute(
        "select table_name from duckdb_tables() where database_name = current_database() "
        "and schema_name = 'main' and not temporary "
        "union all select view_name from duckdb_views() where database_name = current_database() "
        "and schema_name = 'main' and not internal and not temporary "
        "and not starts_with(view_name, 'stg_') and not starts_with(view_name, 'int_') order by 1"
    ).fetchall()]
    if only is not None:
        names = [name for name in names if name in only]
    written: list[Path] = []
    for kind, options in (("parquet", "(format parquet, compression zstd)"),
                          ("csv", "(format csv, header true, delimiter ',', dateformat '%Y-%m-%d')")):
        target = folder / kind
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            path = target / f"{name}.{kind}"
            quoted_name = name.replace('"', '""')
            quoted_path = str(path).replace("'", "''")
            con.execute(f"copy (select * from \"{quoted_name}\") to '{quoted_path}' {options}")
            written.append(path)
    return written


def has_relation(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the warehouse holds a table or view of that name (the result is read to its end:
    a pending one would block the next `register`)."""
    found = con.execute(
        "select count(*) from information_schema.tables where table_name = ? and table_schema = current_schema()",
        [name],
    ).fetchall()
    return bool(found and found[0][0])


def write_frame(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame, types: dict[str, str]) -> None:
    """Create or replace the table `name` with the frame's rows cast to the declared column types
    (columns in the declared order; missing values as NULL)."""
    frame = frame.reindex(columns=list(types))
    frame = frame.astype(object).where(frame.notna(), None)
    selects = ", ".join(f'cast("{column}" as {kind}) as "{column}"' for column, kind in types.items())
    relation = f"_incoming_{name}"
    con.register(relation, frame)
    try:
        con.execute(f"create or replace table {name} as select {selects} from {relation}")
    finally:
        con.unregister(relation)
