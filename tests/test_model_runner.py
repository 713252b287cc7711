"""The SQL model runner: file names, materialisation, stale relations."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline import models
from pipeline.parameters import Parameters


def test_models_are_named_and_ordered_by_file() -> None:
    names = [m.name for m in models.sql_models()]
    assert names[:4] == ["stg_participants_all", "stg_spells_all", "stg_participants", "stg_spells"]
    assert names.index("outcome_12m") < names.index("outcome_12m_summary")
    kinds = {m.name: m.materialisation for m in models.sql_models()}
    assert kinds["stg_spells"] == "view" and kinds["outcome_12m"] == "table"


def test_relations_of_removed_models_are_dropped(tmp_path: Path) -> None:
    sql = tmp_path / "sql"
    sql.mkdir()
    (sql / "10_stg_a.sql").write_text("select 1 as x")
    (sql / "20_b.sql").write_text("select x from stg_a")
    con = duckdb.connect()
    params = Parameters({})
    assert models.run_sql_models(con, params, sql) == ["stg_a", "b"]
    (sql / "20_b.sql").rename(sql / "20_c.sql")
    assert models.run_sql_models(con, params, sql) == ["stg_a", "c"]
    relations = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    assert "b" not in relations and {"stg_a", "c"} <= relations


def test_badly_named_model_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "outcome.sql").write_text("select 1")
    with pytest.raises(ValueError, match="is not named NN_name.sql"):
        models.sql_models(tmp_path)


def test_every_relation_reads_in_a_later_session(tmp_path: Path) -> None:
    """Views that depend on parameters read the values of the last build, not a session's."""
    from typer.testing import CliRunner

    from pipeline import config
    from pipeline.cli import app

    warehouse = tmp_path / "w.duckdb"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(config.DEMO_DIR), "--warehouse", str(warehouse)]).exit_code == 0
    assert runner.invoke(app, ["build", "--warehouse", str(warehouse)]).exit_code == 0
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        relations = [r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()]
        assert {"int_youth_month_status", "int_status_after_stu", "savings_by_year"} <= set(relations)
        for name in relations:
            con.execute(f"select count(*) from {name}").fetchone()
        months = con.execute("select max(month) from int_youth_month_status").fetchone()[0]
        assert months == 12 * 10  # the default horizon, stored by the build
    finally:
        con.close()
