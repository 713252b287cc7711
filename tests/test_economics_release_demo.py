"""The budget-economic figures of the demo's release: municipal net by home municipality, the Monte
Carlo histogram (draws, never youths), the sensitivity parameters that move nothing, and the text
that says where the main calculation lies among the draws."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app
from pipeline.reports import money
from pipeline.reports.context import open_context

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    warehouse = tmp_path_factory.mktemp("economics") / "demo.duckdb"
    runner = CliRunner()
    exports = [str(p) for p in sorted(config.DEMO_DIR.iterdir()) if p.suffix == ".xlsx" or p.is_dir()
               and p.name != "comparison"]
    for command in (["ingest", *exports], ["build"]):
        result = runner.invoke(app, [*command, "--warehouse", str(warehouse)])
        assert result.exit_code == 0, result.output
    yield str(warehouse)


def query(warehouse: str, sql: str) -> list[tuple]:
    con = duckdb.connect(warehouse, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_municipal_net_by_home_municipality(demo: str) -> None:
    groups = query(demo, "select municipality_code, n_youth, npv_net_municipal_dkk from savings_by_municipality")
    shown = {code for (code,) in query(demo, "select distinct municipality_code from published_cells "
                                             "where table_name = 'municipalities' and municipality_code is not null")}
    assert {code for code, _, _ in groups} == shown  # one grouping: the outcome table's
    programme = query(demo, "select npv_net_municipal_dkk from savings_summary where partnership_id = 'ALL'")[0][0]
    assert sum(v for _, _, v in groups) == pytest.approx(programme, rel=1e-9)
    # an amount is hidden exactly when the municipality's youth count beside it is (or its base is small)
    rows = query(demo, """
        select a.municipality_code, a.hidden, c.hidden, s.value
        from published_cells as a
        join published_cells as c on c.report = a.report and c.table_name = a.table_name
            and c.municipality_code = a.municipality_code and c.quantity = 'outcome_12m_count'
            and c.category = 'total'
        join release_statistics as s on s.quantity = 'municipal_savings_youths'
            and s.municipality_code = a.municipality_code
        where a.quantity = 'municipal_npv_per_youth_dkk'""")
    assert len(rows) == len(groups)
    for code, amount_hidden, count_hidden, counted in rows:
        assert amount_hidden == (count_hidden or counted < 5), code
    assert not query(demo, "select * from published_cells where quantity = 'municipal_savings_youths'")


def test_the_histogram_counts_draws_not_youths(demo: str) -> None:
    draws = query(demo, "select value from published_cells where report = 'economics' and quantity = 'mc_draws' "
                        "and partnership_id = 'ALL'")[0][0]
    bins = query(demo, "select value, hidden, unit from published_cells where quantity = 'mc_histogram_draws'")
    assert len(bins) == 30 and sum(v for v, _, _ in bins) == draws
    assert all(not hidden and unit == "draws" for _, hidden, unit in bins)
    assert any(0 < v < 5 for v, _, _ in bins)  # small bins are shown: these are simulation draws


def test_only_parameters_that_move_the_result_are_in_the_tornado(demo: str) -> None:
    oneway = query(demo, "select parameter, greatest(abs(npv_low_dkk - npv_base_dkk), "
                         "abs(npv_high_dkk - npv_base_dkk)) from sensitivity_oneway")
    published = {i for (i,) in query(demo, "select distinct item from published_cells where table_name = "
                                           "'sensitivity'")}
    dropped = {i for (i,) in query(demo, "select item from published_cells where table_name = "
                                         "'sensitivity_no_effect'")}
    assert published == {p for p, swing in oneway if swing >= 1}
    assert dropped == {p for p, swing in oneway if swing < 1} == {"status.disability_pension.municipal_share"}
    ctx = open_context(demo, "da")
    assert set(money.sensitivity_frame(ctx)["parameter"]) == published


def test_the_main_calculation_among_the_draws(demo: str) -> None:
    ctx = open_context(demo, "da")
    marks = money.monte_carlo_marks(ctx)
    assert marks["headline"] == money.base_npv(ctx)
    assert marks["percentile"] > 0.75 and marks["median"] < marks["headline"]
    text = money.monte_carlo_text(ctx)
    assert "punktværdi" in text and "Ordinær" in text
    assert "100 %" not in text and "sandsynlighed" not in text
    assert money.positive_draws_text(ctx) == "alle 1.000"
    assert "Kommunen alene: år 2" in money.paid_back_text(ctx, "economics")
