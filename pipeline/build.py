"""Build: every model table from what is loaded, in one transaction.

The SQL models come first (outcomes), then the economics that turn their distributions
and the parameter file into savings, then the release: every published cell, with
disclosure control over all of them and the release's data tests. A failed build (a
failing data test included) leaves the previous tables intact.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from pipeline.comparison.store import build_comparison_tables
from pipeline.economics import build_economics_tables
from pipeline.models import run_sql_models
from pipeline.parameters import Parameters
from pipeline.reference import write_reference_tables
from pipeline.release import build_release


def build_models(con: duckdb.DuckDBPyConnection, params: Parameters) -> list[str]:
    """(Re)build every model table; returns their names."""
    con.execute("begin transaction")
    try:
        built = write_reference_tables(con)
        built += run_sql_models(con, params)
        built += build_comparison_tables(con, params)
        built += build_economics_tables(con, params)
        build_release(con, int(params.require("suppression.min_cell")))
        built += ["published_cells", "release_statistics", "release_relations"]
        con.execute("create table if not exists build_log (built_at timestamp, params_path varchar, "
                    "params_sha256 varchar, overrides varchar, tables varchar)")
        con.execute("insert into build_log values (?, ?, ?, ?, ?)", [
            dt.datetime.now(), str(params.path) if params.path else None,
            params.sha256, " ".join(params.overrides) or None, ", ".join(built)])
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return built
