"""The bundled demo data ingest without a single quarantined row."""

from __future__ import annotations

from pathlib import Path

import duckdb
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app


def test_demo_ingests_cleanly(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(config.DEMO_DIR), "--warehouse", str(warehouse)])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        exports = con.execute("select count(*), sum(rows_read), sum(rows_loaded), sum(rows_quarantined), "
                              "bool_and(synthetic), count(distinct partnership_id), sum(superseded::int) "
                              "from exports").fetchone()
        n_exports, read, loaded, quarantined, synthetic, partnerships, superseded = exports
        assert quarantined == 0 and read == loaded
        assert synthetic and partnerships == 5 and superseded >= 2
        assert con.execute("select count(*) from participants").fetchone()[0] == 140
        assert con.execute("select count(*) from quarantine").fetchone()[0] == 0
    finally:
        con.close()
