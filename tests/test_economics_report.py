"""The youth-month model's edge cases, savings_report (scenarios), the console print and the workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from rich.console import Console

from pipeline.economics import build_economics_tables, savings_report, scenario_frames
from pipeline.models import ModelsNotBuiltError, run_sql_models
from pipeline.parameters import load_parameters
from pipeline.release.scenario import scenario_release
from pipeline.savings_view import print_savings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "params" / "default.toml"
HBS = ROOT / "params" / "scenarios" / "hbs-2024.toml"
EXPORT_DATE = dt.date(2024, 6, 30)


def insert_export(con: duckdb.DuckDBPyConnection, partnership: str, participants: list, spells: list) -> None:
    export_id = f"{partnership}-x"
    con.execute("insert into exports_loaded values (?, ?, ?, 't', 's', now(), 0, 0, 0, true, null)",
                [export_id, partnership, EXPORT_DATE])
    for pid, end in participants:
        con.execute("insert into participants_all (participant_id, partnership_id, municipality_code, "
                    "stu_start_date, stu_end_date, export_id) values (?, ?, '851', date '2017-08-01', ?, ?)",
                    [pid, partnership, end, export_id])
    for pid, status, category, start, end in spells:
        con.execute("insert into spells_all (participant_id, status, category, start_date, end_date, export_id) "
                    "values (?, ?, ?, ?, ?, ?)", [pid, status, category, start, end, export_id])


@pytest.fixture(scope="module")
def warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute((ROOT / "pipeline" / "warehouse_schema.sql").read_text())
    youths = [(f"y{i}", dt.date(2019, 1, 31) + dt.timedelta(days=40 * i)) for i in range(12)]
    spells = [(f"y{i}", "flexjob" if i % 3 else "ordinary_job", "job", end + dt.timedelta(days=20), None)
              for i, (_, end) in enumerate(youths) if i % 4]
    insert_export(con, "mou-hotel-aalborg", [*youths, ("still", None)], spells)
    # one youth ending 2020-01-31: month 1 is 2020-02-29 (end of month clamps); spell from 2020-03-01
    insert_export(con, "pmu-morsoe", [("z", dt.date(2020, 1, 31))],
                  [("z", "education", "education", dt.date(2020, 3, 1), dt.date(2024, 1, 31))])
    params = load_parameters(DEFAULT)
    run_sql_models(con, params)
    build_economics_tables(con, params)
    return con


def test_youth_months_follow_calendar_months_and_default_to_other(warehouse):
    rows = warehouse.execute(
        "select month, day, observable, status from int_youth_month_status "
        "where participant_id = 'z' and month in (1, 2, 48, 49, 53, 54) order by month"
    ).fetchall()
    assert rows == [
        (1, dt.date(2020, 2, 29), True, "other"),  # no spell covers 2020-02-29
        (2, dt.date(2020, 3, 31), True, "education"),
        (48, dt.date(2024, 1, 31), True, "education"),  # the spell's last day is covered
        (49, dt.date(2024, 2, 29), True, "other"),
        (53, dt.date(2024, 6, 30), True, "other"),  # the export date itself is observable
        (54, dt.date(2024, 7, 31), False, None),
    ]
    counted = warehouse.execute(
        "select count(distinct participant_id) from int_youth_month_status where partnership_id = 'mou-hotel-aalborg'"
    ).fetchone()
    assert counted == (12,)  # 'still' has no stu_end_date


def test_savings_report_leaves_the_tables_alone(warehouse):
    before = warehouse.execute("select * from savings_by_year order by all").fetchall()
    params = load_parameters(HBS, ["model.horizon_years=12", "programme_cost.per_youth_dkk=50000"])
    result = savings_report(warehouse, params, monte_carlo=200)
    assert warehouse.execute("select * from savings_by_year order by all").fetchall() == before
    assert warehouse.execute("select getvariable('horizon_years')").fetchone() == (10,)
    assert result.by_year["year"].max() == 12
    assert set(result.by_year["source"].dropna()) == {"assumed"}
    every = result.by_year[result.by_year["partnership_id"] == "ALL"]
    assert every["share_job"].iloc[0] == pytest.approx(0.60)  # 22 % + 32 % + 6 % of the HBS programme
    assert every["share_job_or_education"].iloc[0] == pytest.approx(0.64)
    assert len(result.monte_carlo) == 3 and (result.monte_carlo["draws"] == 200).all()
    assert result.switching["switching_share"] is not None
    rows = result.parameters.set_index("key")
    assert "override --set programme_cost.per_youth_dkk=50000" in rows.at["programme_cost.per_youth_dkk", "source"]


def test_savings_report_needs_built_models():
    con = duckdb.connect()
    with pytest.raises(ModelsNotBuiltError, match="joballiance build"):
        savings_report(con, load_parameters(DEFAULT), None)


def test_the_savings_printout_reads_the_scenario_release(warehouse):
    params = load_parameters(DEFAULT)
    cells = scenario_release(warehouse, scenario_frames(warehouse, params, monte_carlo=100)[1], 5).cells
    console = Console(record=True, width=200)
    print_savings(cells[cells["report"] == "economics"], params, 5, console, lang="da")
    text = console.export_text()
    assert "Budgetøkonomisk resultat" in text and "{" not in text
    # pmu-morsoe has one youth: its count is hidden, and so is every figure that would give it away
    pmu = next(line for line in text.splitlines() if line.startswith("│ PMU"))
    assert "<5" in pmu and "kr." not in pmu
    english = Console(record=True, width=200)
    print_savings(cells[cells["report"] == "economics"], params, 5, english, lang="en")
    assert "Published figures against the model's" in english.export_text()
    assert "hbs_" not in english.export_text()  # figures have names, not keys


def test_empty_warehouse_builds_null_savings():
    con = duckdb.connect()
    con.execute((ROOT / "pipeline" / "warehouse_schema.sql").read_text())
    params = load_parameters(DEFAULT)
    run_sql_models(con, params)
    build_economics_tables(con, params)
    rows = con.execute("select count(*), count(net_total_dkk), min(n_youth) from savings_by_year").fetchone()
    assert rows == (10, 0, 0)  # the 'ALL' rows only, every saving NULL
    assert con.execute("select npv_net_total_dkk from savings_summary").fetchall() == [(None,)]
