"""End to end: the demo (programme and comparison extract) ingested into a warehouse and built."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from pipeline import config, warehouse
from pipeline.build import build_models
from pipeline.cli import ingest_paths
from pipeline.comparison.store import build_comparison_tables, comparison_status_matrix, load_comparison
from pipeline.comparison.youth_months import youth_months, youth_months_from_long
from pipeline.economics import savings_report
from pipeline.economics.engine import EstimatedBaselineMissing
from pipeline.parameters import load_parameters, status_categories, status_codes
from pipeline.readers import find_exports

pytestmark = pytest.mark.slow
SCENARIO = config.SCENARIOS_DIR / "comparison.toml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    path = tmp_path_factory.mktemp("comparison") / "warehouse.duckdb"
    assert ingest_paths([config.DEMO_DIR], path) == 0
    con = warehouse.connect(path)
    build_models(con, load_parameters(config.PARAMS_PATH))
    return con


def test_both_forms_ingest_to_identical_tables(built: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    path = tmp_path / "register.duckdb"
    assert ingest_paths([config.EXAMPLES_DIR / "comparison-register"], path) == 0
    register = warehouse.connect(path)
    assert register.execute("select form from comparison_exports").fetchone()[0] == "register"
    for table, key in (("comparison_participants", "participant_id"),
                       ("comparison_spells", "participant_id, start_date")):
        query = f"select * exclude (export_id) from {table} order by {key}"
        pd.testing.assert_frame_equal(built.execute(query).df(), register.execute(query).df())
    assert built.execute("select count(*) from comparison_participants").fetchone()[0] == 3000


def test_weighting_balances_the_demo_and_matters(built: duckdb.DuckDBPyConnection) -> None:
    balance = built.execute("select * from comparison_balance").df()
    assert balance["smd_weighted"].abs().max() < 0.05
    assert balance["smd_raw"].abs().max() > 0.3  # the mixes differ: weighting visibly matters
    summary = built.execute("select * from comparison_summary").df().iloc[0]
    assert summary["n_comparison"] == 3000 and summary["effective_n"] > 500
    weights = built.execute("select * from comparison_weights").df()
    assert len(weights) == 3000 and weights["weight"].mean() == pytest.approx(1.0)


def test_counterfactual_by_year_is_a_distribution_with_intervals(built: duckdb.DuckDBPyConnection) -> None:
    table = built.execute("select * from counterfactual_by_year").df()
    assert table["year"].max() >= 4
    assert np.allclose(table.groupby("year")["share"].sum(), 1.0)
    assert (table["ci_low"] <= table["share"] + 1e-12).all() and (table["share"] <= table["ci_high"] + 1e-12).all()
    replicates = built.execute("select count(distinct replicate) from counterfactual_replicates").fetchone()[0]
    assert replicates == 200


def test_the_demo_is_calibrated_to_the_national_picture(built: duckdb.DuckDBPyConnection) -> None:
    comparison, spells = load_comparison(built)
    matrix = comparison_status_matrix(comparison, spells, 48)
    codes = np.array(status_codes())
    categories = status_categories()
    job_or_education = np.isin(codes, [s for s in codes if categories[s] in ("job", "education")])
    at_12 = matrix[matrix[:, 11] >= 0, 11]
    at_48 = matrix[matrix[:, 47] >= 0, 47]
    assert 0.12 <= job_or_education[at_12].mean() <= 0.15
    assert 0.22 <= job_or_education[at_48].mean() <= 0.28
    assert 0.35 <= (codes[at_48] == "disability_pension").mean() <= 0.45


def test_the_pandas_youth_months_equal_the_sql_model(built: duckdb.DuckDBPyConnection) -> None:
    comparison, spells = load_comparison(built)
    horizon = int(load_parameters(config.PARAMS_PATH).require("model.horizon_years"))
    ours = youth_months(comparison_status_matrix(comparison, spells, 12 * horizon), horizon, len(status_codes()))
    long = built.execute("select * from comparison_youth_months").df()
    theirs = youth_months_from_long(long, comparison["participant_id"].tolist(), horizon, status_codes())
    assert np.array_equal(ours.months, theirs.months)


def test_effect_12m_per_partnership_and_all(built: duckdb.DuckDBPyConnection) -> None:
    effect = built.execute("select * from effect_12m").df().set_index("partnership_id")
    assert "ALL" in effect.index and len(effect) == 6
    everyone = effect.loc["ALL"]
    assert everyone["effect"] == pytest.approx(
        everyone["share_job_or_education"] - everyone["counterfactual_share_job_or_education"])
    assert everyone["ci_low"] < everyone["effect"] < everyone["ci_high"]
    assert 0.10 < everyone["counterfactual_share_job_or_education"] < 0.16


def test_savings_on_the_estimated_baseline(built: duckdb.DuckDBPyConnection) -> None:
    result = savings_report(built, load_parameters(SCENARIO), monte_carlo=300)
    counterfactual = built.execute("select year, status, share from counterfactual_by_year").df()
    last = counterfactual["year"].max()
    baseline = result.baseline.merge(counterfactual, on=["year", "status"], how="left", suffixes=("", "_estimated"))
    observed = baseline["year"] <= last
    assert np.allclose(baseline.loc[observed, "share"], baseline.loc[observed, "share_estimated"])
    repeated = result.baseline[result.baseline["year"] > last].merge(
        counterfactual[counterfactual["year"] == last][["status", "share"]], on="status")
    assert np.allclose(repeated["share_x"], repeated["share_y"])
    everyone = result.monte_carlo.set_index("partnership_id").loc["ALL"]
    assert everyone["p5_npv_dkk"] < everyone["p95_npv_dkk"]
    assumed = savings_report(built, load_parameters(config.PARAMS_PATH))
    assert result.summary.set_index("partnership_id").at["ALL", "npv_net_total_dkk"] != pytest.approx(
        assumed.summary.set_index("partnership_id").at["ALL", "npv_net_total_dkk"])


def test_without_a_comparison_extract_the_tables_are_empty_and_the_estimate_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "warehouse.duckdb"
    ingest_paths([p for p in find_exports([config.DEMO_DIR]) if p.name != "comparison"][:1], path)
    con = warehouse.connect(path)
    assert con.execute("select count(*) from comparison_exports").fetchone()[0] == 0
    build_models(con, load_parameters(config.PARAMS_PATH))
    for table in ("comparison_weights", "comparison_balance", "counterfactual_by_year", "effect_12m"):
        assert con.execute(f"select count(*) from {table}").fetchone()[0] == 0
    assert "share" in con.execute("select * from counterfactual_by_year").df().columns
    with pytest.raises(EstimatedBaselineMissing, match="sammenligningsudtræk"):
        savings_report(con, load_parameters(SCENARIO))
    assert build_comparison_tables(con, load_parameters(config.PARAMS_PATH))[0] == "comparison_weights"
