"""`joballiance savings`: the build's own release when nothing differs from the build, a scenario otherwise.

Without overrides, with the parameter file the warehouse was built with, the command prints the
published cells of the build (no recomputation); the figures must be exactly those a recomputed
scenario with the same parameters publishes.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from conftest import _built
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app
from pipeline.parameters import load_parameters
from pipeline.release.scenario import built_with, savings_cells

pytestmark = pytest.mark.slow

runner = CliRunner(env={"LANG": "da_DK.UTF-8"})


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _built(config.DEMO_DIR, tmp_path_factory.mktemp("savings") / "demo.duckdb")


def _sorted(cells: pd.DataFrame) -> pd.DataFrame:
    """The cells as text in one order; statistic ids are internal numbering, numbers compared as floats."""
    frame = cells.drop(columns="statistic_id").assign(export_date=lambda f: pd.to_datetime(f["export_date"]))
    for column in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[column]) and not pd.api.types.is_bool_dtype(frame[column]):
            frame[column] = frame[column].astype("float64")
    frame = frame[sorted(frame.columns)].astype(str)
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def test_without_overrides_the_build_release_is_shown_and_equals_a_recomputed_scenario(built: Path) -> None:
    params = load_parameters(config.PARAMS_PATH)
    con = duckdb.connect(str(built), read_only=True)
    try:
        assert built_with(con, params)
        shown = savings_cells(con, params)
        draws = int(params.require("uncertainty.draws"))
        recomputed = savings_cells(con, params, monte_carlo=draws)
    finally:
        con.close()
    assert shown.from_build and not recomputed.from_build
    pd.testing.assert_frame_equal(_sorted(shown.cells), _sorted(recomputed.cells), check_dtype=False)
    assert set(shown.parameters["key"]) == set(recomputed.parameters["key"])


def test_an_override_or_a_newer_export_makes_it_a_scenario(built: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(built), read_only=True)
    try:
        assert not built_with(con, load_parameters(config.PARAMS_PATH, ["model.discount_rate=0.04"]))
        other = tmp_path / "other.toml"
        other.write_text(config.PARAMS_PATH.read_text(encoding="utf-8") + "\n# another file\n", encoding="utf-8")
        assert not built_with(con, load_parameters(other))
    finally:
        con.close()
    result = runner.invoke(app, ["savings", "--warehouse", str(built), "--set", "model.discount_rate=0.04"])
    assert result.exit_code == 0, result.output
    assert "4,0 %" in result.output and "Budgetøkonomisk" in result.output
