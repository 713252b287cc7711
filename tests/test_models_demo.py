"""The outcome models on the bundled demo data, ingested and built through the CLI.

The demo is calibrated to the published pilot (113 job, 4 education, 16 still in the
course, 7 public support of 140 youths), so the headline table must reproduce it.
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest
from conftest import _built
from lifelines import KaplanMeierFitter

from pipeline import config


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    warehouse = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    con = duckdb.connect(str(_built(config.DEMO_DIR, warehouse)), read_only=True)
    yield con
    con.close()


def test_headline_table_reproduces_the_published_pilot(demo: duckdb.DuckDBPyConnection) -> None:
    everyone = demo.execute(
        "select n, n_job, n_education, n_in_programme, n_public_support, n_unknown "
        "from outcome_12m_summary where partnership_id = 'ALL'"
    ).fetchone()
    assert everyone == (140, 113, 4, 16, 7, 0)
    parts = demo.execute("select sum(n), sum(n_job) from outcome_12m_summary where partnership_id <> 'ALL'")
    assert parts.fetchone() == (140, 113)


def test_newest_trend_point_is_the_headline_table(demo: duckdb.DuckDBPyConnection) -> None:
    latest = demo.execute(
        "select n, share_job, share_in_programme from trend where partnership_id = 'ALL' "
        "order by export_date desc limit 1"
    ).fetchone()
    summary = demo.execute(
        "select n, share_job, share_in_programme from outcome_12m_summary where partnership_id = 'ALL'"
    ).fetchone()
    assert latest == summary
    dates = demo.execute("select count(distinct export_date) from trend where partnership_id = 'ALL'")
    assert dates.fetchone()[0] == 2


def test_retention_curve_equals_lifelines_on_the_demo(demo: duckdb.DuckDBPyConnection) -> None:
    episodes = demo.execute("select partnership_id, duration_days, event from attachment_episodes").df()
    curve = demo.execute("select * from retention_curve order by partnership_id, month").df()
    groups = {"ALL": episodes, **dict(tuple(episodes.groupby("partnership_id")))}
    assert set(curve["partnership_id"]) == set(groups)
    for group, frame in groups.items():
        rows = curve[curve["partnership_id"] == group]
        fitter = KaplanMeierFitter().fit(frame["duration_days"], frame["event"], timeline=rows["day"])
        assert rows["survival"].to_numpy() == pytest.approx(fitter.survival_function_.iloc[:, 0].to_numpy(),
                                                             abs=1e-9, rel=0)
        interval = fitter.confidence_interval_.to_numpy()
        assert rows["ci_low"].to_numpy() == pytest.approx(interval[:, 0], abs=1e-9, rel=0)
        assert rows["ci_high"].to_numpy() == pytest.approx(interval[:, 1], abs=1e-9, rel=0)


def test_demo_build_is_complete(demo: duckdb.DuckDBPyConnection) -> None:
    for table, rows in (("retention_curve", 6 * 61), ("phase_funnel", 6 * 4), ("outcome_12m", 140)):
        assert demo.execute(f"select count(*) from {table}").fetchone()[0] == rows, table
