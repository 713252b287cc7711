"""The release of the bundled demo: one value (or one hidden mark) per statistic everywhere,
and no hidden count that an attacker can pin down from everything published."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import numpy as np
import pytest
from test_release_disclosure import MIN_CELL, attacker_widths
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app
from pipeline.release.disclosure import Relation

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    warehouse = tmp_path_factory.mktemp("release") / "demo.duckdb"
    runner = CliRunner()
    exports = [str(p) for p in sorted(config.DEMO_DIR.iterdir()) if p.name.startswith(("aspit", "castberg", "ev-",
                                                                                          "mou", "pmu"))]
    for command in (["ingest", *exports], ["build"]):
        result = runner.invoke(app, [*command, "--warehouse", str(warehouse)])
        assert result.exit_code == 0, result.output
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def test_the_four_headline_categories_read_the_same_everywhere(demo: duckdb.DuckDBPyConnection) -> None:
    """113 / 4 / 16 / 7 of 140: each is shown with one value or one hidden mark in every table."""
    truth = dict(demo.execute(
        "select category, value from release_statistics where quantity = 'outcome_12m_count' "
        "and partnership_id = 'ALL' and cohort = 'ALL' and municipality_code is null").fetchall())
    assert (truth["total"], truth["job"], truth["education"], truth["in_programme"], truth["public_support"]) == (
        140, 113, 4, 16, 7)
    for category in ("job", "education", "in_programme", "public_support"):
        ids = demo.execute(
            "select statistic_id from release_statistics where partnership_id = 'ALL' and category = ? and "
            "quantity in ('outcome_12m_count', 'outcome_12m_share') and cohort = 'ALL' "
            "and municipality_code is null", [category]).fetchall()
        for (statistic_id,) in ids:
            shown = demo.execute("select distinct hidden, value from published_cells where statistic_id = ?",
                                 [statistic_id]).fetchall()
            assert len(shown) == 1, (category, shown)
    # the small education count (4) is hidden, and so is its share wherever it is published
    hidden = demo.execute(
        "select bool_and(hidden), count(*), count(distinct report || table_name) from published_cells "
        "where statistic_id in (select statistic_id from release_statistics where partnership_id = 'ALL' "
        "and category = 'education' and cohort = 'ALL' and municipality_code is null)").fetchone()
    assert hidden[0] and hidden[2] >= 3  # the headline, the trend's newest point, the comparison with the pilot


def test_no_hidden_count_of_the_demo_can_be_pinned(demo: duckdb.DuckDBPyConnection) -> None:
    stats = demo.execute("select statistic_id, value, protected from release_statistics order by 1").df()
    cells = demo.execute("select statistic_id, bool_or(hidden) as hidden, max(value) as shown "
                         "from published_cells group by 1").df()
    values = stats["value"].to_numpy(dtype=float)
    published = np.zeros(len(values), bool)
    published[cells["statistic_id"].to_numpy()] = True
    hidden = np.zeros(len(values), bool)
    hidden[cells["statistic_id"].to_numpy()] = cells["hidden"].to_numpy()
    # the attacker knows only the shown values
    known = values.copy()
    known[~published | hidden] = np.nan
    relations = [Relation(tuple(int(m) for m in part["statistic_id"]), tuple(part["coefficient"]),
                          part["kind"].iloc[0])
                 for _, part in demo.execute("select * from release_relations").df().groupby("relation_id")]
    counts = stats["protected"].to_numpy(dtype=bool)
    widths = attacker_widths(np.nan_to_num(known), hidden & counts, ~published, relations)
    assert widths
    narrow = {i: w for i, w in widths.items() if w < MIN_CELL - 1 - 1e-7}
    assert not narrow


def test_the_release_data_tests_ran_and_pass(demo: duckdb.DuckDBPyConnection) -> None:
    from pipeline.release.store import release_checks

    for name, sql in release_checks():
        assert demo.execute(f"select count(*) from ({sql})").fetchone()[0] == 0, name


def test_savings_of_a_partnership_are_hidden_with_its_youth_count(demo: duckdb.DuckDBPyConnection) -> None:
    rows = demo.execute(
        "select c.partnership_id, bool_and(c.hidden) = bool_or(c.hidden) as consistent, bool_or(c.hidden) as hidden, "
        "(select bool_or(hidden) from published_cells y where y.quantity = 'savings_youths' "
        " and y.partnership_id = c.partnership_id) as youths_hidden "
        "from published_cells c where c.quantity like 'npv_%' group by 1").fetchall()
    for partnership, consistent, hidden, youths_hidden in rows:
        assert consistent and hidden == youths_hidden, partnership
    hidden_partnerships = [p for p, _, h, _ in rows if h and p != "ALL"]
    assert len(hidden_partnerships) != 1  # never one alone: 'ALL' minus the others would give it away


def test_the_published_figures_export_for_r_stata_and_sas(tmp_path) -> None:
    """`build --export-dir` writes the release as Parquet and CSV: hidden cells without values."""
    import pandas as pd

    warehouse = tmp_path / "w.duckdb"
    runner = CliRunner()
    export = str(config.DEMO_DIR / "pmu-morsoe_2024-09-30.xlsx")
    assert runner.invoke(app, ["ingest", export, "--warehouse", str(warehouse)]).exit_code == 0
    result = runner.invoke(app, ["build", "--warehouse", str(warehouse), "--export-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    cells = pd.read_parquet(tmp_path / "out" / "parquet" / "published_cells.parquet")
    assert len(cells) == len(pd.read_csv(tmp_path / "out" / "csv" / "published_cells.csv"))
    assert cells["hidden"].any() and cells.loc[cells["hidden"], "value"].isna().all()
    assert not (tmp_path / "out" / "csv" / "participants.csv").exists()  # youths' rows never leave
