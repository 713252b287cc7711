"""The municipal net by home municipality, worked by hand, and its sum over the municipalities.

Hand-worked case (the parameters of test_economics_handworked: horizon 3, discount 10 %,
min_observed 20, default cost 10,000 a youth, 50 % municipal, booked in year 1, retention 0.9
to cash_benefit; w_m = cost · municipal share: ordinary_job −5,000, cash_benefit 80,000,
disability_pension 150,000; baseline municipal cost Σ B·w_m = 115,000 in year 1, 98,000 after).
One partnership, three counted youths:
  Y1 (municipality A) ordinary_job, observed 24 months;  Y2 (A) cash_benefit, 24 months;
  Y3 (B) ordinary_job, observed 12 months (year 1 only).
Partnership: D_1 = (oj 2/3, cash 1/3) over O_1 = 36, D_2 = (½, ½) over O_2 = 24, year 3 projected
(oj .45, cash .55). Municipal net 260,000 / 181,500 / 168,750 → NPV 564,462.81.
Groups, mass = n_g·D + (n_p/O)·(ym_g − O_g·D):
  A: year 1 (oj 1, cash 1), year 2 (oj 1, cash 1), year 3 (oj .9, cash 1.1)
     net 230,000 − 75,000 − 10,000 = 145,000; 196,000 − 75,000 = 121,000; 196,000 − 83,500 = 112,500
     NPV 145,000 + 110,000 + 92,975.21 = 347,975.21, per youth 173,987.60
  B: year 1 (oj 1), year 2 not observed → the partnership's (oj ½, cash ½), year 3 (oj .45, cash .55)
     net 120,000 − 5,000 = 115,000; 98,000 − 37,500 = 60,500; 98,000 − 41,750 = 56,250
     NPV 115,000 + 55,000 + 46,487.60 = 216,487.60
A + B = 564,462.81, the programme's municipal NPV.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from test_economics_handworked import handworked_parameters

from pipeline.economics import build_economics_tables, compute_savings
from pipeline.economics.municipal import youth_groups
from pipeline.economics.store import municipal_inputs, read_published
from pipeline.models import run_sql_models
from pipeline.reference import MUNICIPALITY_MIN_YOUTHS
from pipeline.release.store import release_checks

ROOT = Path(__file__).resolve().parent.parent
P = "pmu-morsoe"


def handworked_frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    youths = pd.DataFrame({
        "partnership_id": P, "export_id": "e1", "participant_id": ["Y1", "Y2", "Y3"],
        "municipality_code": ["A", "A", "B"], "counted": True, "programme_cost_dkk": [float("nan")] * 3})
    months = pd.DataFrame([
        ("e1", "Y1", 1, "ordinary_job", 12), ("e1", "Y1", 2, "ordinary_job", 12),
        ("e1", "Y2", 1, "cash_benefit", 12), ("e1", "Y2", 2, "cash_benefit", 12),
        ("e1", "Y3", 1, "ordinary_job", 12),
    ], columns=["export_id", "participant_id", "year", "status", "youth_months"])
    cohort = pd.DataFrame({"partnership_id": [P], "n_youth": [3], "n_cost_missing": [3],
                           "known_programme_cost_dkk": [0.0]})
    distribution = months.groupby(["year", "status"], as_index=False)["youth_months"].sum().assign(partnership_id=P)
    return cohort, distribution, youths, months


def test_municipal_net_by_hand() -> None:
    cohort, distribution, youths, months = handworked_frames()
    result = compute_savings(cohort, distribution, handworked_parameters(), read_published(),
                             municipal_inputs=(youths, months))
    summary = result.summary.set_index("partnership_id")
    assert summary.at["ALL", "npv_net_municipal_dkk"] == pytest.approx(260_000 + 165_000 + 168_750 / 1.21)
    municipal = result.municipal.set_index("municipality_code")
    assert list(municipal["n_youth"]) == [2, 1]
    assert municipal.at["A", "npv_net_municipal_dkk"] == pytest.approx(145_000 + 110_000 + 112_500 / 1.21)
    assert municipal.at["B", "npv_net_municipal_dkk"] == pytest.approx(115_000 + 55_000 + 56_250 / 1.21)
    assert municipal.at["A", "npv_net_municipal_per_youth_dkk"] == pytest.approx(347_975.2066 / 2)
    assert municipal["npv_net_municipal_dkk"].sum() == pytest.approx(summary.at["ALL", "npv_net_municipal_dkk"])
    assert municipal["npv_net_total_dkk"].sum() == pytest.approx(summary.at["ALL", "npv_net_total_dkk"])


def test_a_group_observed_like_the_partnership_gets_its_own_distribution() -> None:
    """Year 1: A's youths are observed 12 months each, like B's, so A's mass is its own (oj 1, cash 1):
    its year-1 municipal net is 2·115,000 − (−5,000 + 80,000) − 10,000 whatever B does."""
    cohort, distribution, youths, months = handworked_frames()
    params = handworked_parameters()
    params.values["model"]["horizon_years"] = 1
    months = months[months["year"] == 1]
    distribution = distribution[distribution["year"] == 1]
    result = compute_savings(cohort, distribution, params, read_published(), municipal_inputs=(youths, months))
    municipal = result.municipal.set_index("municipality_code")
    assert municipal.at["A", "npv_net_municipal_dkk"] == pytest.approx(145_000)
    assert municipal.at["B", "npv_net_municipal_dkk"] == pytest.approx(115_000)


def test_youths_still_in_stu_and_partnerships_without_a_result_are_left_out() -> None:
    cohort, distribution, youths, months = handworked_frames()
    youths = pd.concat([youths, pd.DataFrame({
        "partnership_id": [P, "ev-ringkoebing-skjern"], "export_id": ["e1", "e2"], "participant_id": ["Y4", "Z1"],
        "municipality_code": ["B", "C"], "counted": [False, True], "programme_cost_dkk": [99_999.0, None]})])
    cohort = pd.concat([cohort, pd.DataFrame({"partnership_id": ["ev-ringkoebing-skjern"], "n_youth": [1],
                                              "n_cost_missing": [1], "known_programme_cost_dkk": [0.0]})])
    result = compute_savings(cohort, distribution, handworked_parameters(), read_published(),
                             municipal_inputs=(youths, months))
    municipal = result.municipal.set_index("municipality_code")
    assert municipal.at["B", "n_youth"] == 1  # Y4 is still in STU
    assert municipal.at["C", "n_youth"] == 0  # Z1's partnership has no observable year 1
    assert pd.isna(municipal.at["C", "npv_net_municipal_per_youth_dkk"])
    assert municipal.at["B", "npv_net_municipal_dkk"] == pytest.approx(115_000 + 55_000 + 56_250 / 1.21)


# ----------------------------------------------------------------------------- in a warehouse

EXPORT_DATE = dt.date(2023, 7, 1)


def _load(con: duckdb.DuckDBPyConnection, partnership: str, youths: list[tuple]) -> None:
    export_id = f"{partnership}-1"
    con.execute("insert into exports_loaded values (?, ?, ?, 'test', 'sha', now(), 0, 0, 0, true, null)",
                [export_id, partnership, EXPORT_DATE])
    for pid, municipality, end, status in youths:
        con.execute(
            "insert into participants_all (participant_id, partnership_id, municipality_code, stu_start_date, "
            "stu_end_date, programme_cost_dkk, export_id) values (?, ?, ?, date '2018-08-01', ?, null, ?)",
            [pid, partnership, municipality, end, export_id])
        if status is not None:
            category = "job" if status == "ordinary_job" else "public_support"
            con.execute("insert into spells_all (participant_id, status, category, start_date, end_date, export_id) "
                        "values (?, ?, ?, ?, null, ?)", [pid, status, category, end, export_id])


@pytest.fixture(scope="module")
def warehouse() -> duckdb.DuckDBPyConnection:
    """Twelve youths of Morsø (773) over two partnerships, two of Aalborg (851: pooled as 'other'),
    STU ended at different dates (so observed unequally), one still in STU."""
    con = duckdb.connect()
    con.execute((ROOT / "pipeline" / "warehouse_schema.sql").read_text())
    statuses = ["ordinary_job", "cash_benefit", "disability_pension"]
    ends = [dt.date(2021, 1, 1), dt.date(2021, 9, 1), dt.date(2022, 3, 1)]
    _load(con, P, [(f"M{i}", "773", ends[i % 3], statuses[i % 3]) for i in range(8)]
          + [("A1", "851", ends[0], "ordinary_job"), ("A2", "851", ends[2], "cash_benefit"),
             ("S1", "773", None, None)])
    _load(con, "ev-ringkoebing-skjern", [(f"R{i}", "773", ends[i % 2], statuses[(i + 1) % 3]) for i in range(3)])
    params = handworked_parameters()
    run_sql_models(con, params)
    build_economics_tables(con, params)
    return con


def test_the_groups_are_those_of_the_outcome_table_and_add_up(warehouse: duckdb.DuckDBPyConnection) -> None:
    municipal = warehouse.execute("select * from savings_by_municipality order by 1").df()
    assert 12 >= MUNICIPALITY_MIN_YOUTHS > 2
    assert list(municipal["municipality_code"]) == ["773", "other"]
    assert list(municipal["n_youth"]) == [11, 2]  # S1 is still in STU
    programme = warehouse.execute(
        "select npv_net_municipal_dkk, npv_net_total_dkk from savings_summary where partnership_id = 'ALL'").fetchone()
    assert municipal["npv_net_municipal_dkk"].sum() == pytest.approx(programme[0], rel=1e-12)
    assert municipal["npv_net_total_dkk"].sum() == pytest.approx(programme[1], rel=1e-12)
    youths, _ = municipal_inputs(warehouse)
    assert youths.groupby("municipality_code")["n_youth"].sum().to_dict() == {"773": 12, "other": 2}


def test_the_data_test_catches_groups_that_do_not_add_up(warehouse: duckdb.DuckDBPyConnection) -> None:
    check = dict(release_checks())["municipal_net_adds_up"]
    assert warehouse.execute(f"select count(*) from ({check})").fetchone() == (0,)
    warehouse.execute("create temp table saved as select * from savings_by_municipality")
    try:
        warehouse.execute("update savings_by_municipality set npv_net_municipal_dkk = npv_net_municipal_dkk + 1 "
                          "where municipality_code = 'other'")
        assert warehouse.execute(f"select count(*) from ({check})").fetchone() == (1,)
    finally:
        warehouse.execute("delete from savings_by_municipality")
        warehouse.execute("insert into savings_by_municipality select * from saved")


def test_youths_and_months_summed_by_municipality_give_the_same_result() -> None:
    """The warehouse hands the municipal split its youths and months already summed by home
    municipality (a million youths' rows never reach pandas); the result is the youth-by-youth one."""
    cohort, distribution, youths, months = handworked_frames()
    youths = youths.assign(programme_cost_dkk=[12_000.0, None, 7_000.0])
    cohort = cohort.assign(n_cost_missing=[1], known_programme_cost_dkk=[19_000.0])
    by_youth = compute_savings(cohort, distribution, handworked_parameters(), read_published(),
                               municipal_inputs=(youths, months)).municipal
    summed_youths = youth_groups(youths)
    assert summed_youths.set_index("municipality_code")[["n_youth", "known_programme_cost_dkk", "n_cost_missing"]
                                                        ].to_dict("index") == {
        "A": {"n_youth": 2, "known_programme_cost_dkk": 12_000.0, "n_cost_missing": 1},
        "B": {"n_youth": 1, "known_programme_cost_dkk": 7_000.0, "n_cost_missing": 0}}
    homes = youths[["export_id", "participant_id", "partnership_id", "municipality_code"]]
    summed_months = months.merge(homes).groupby(["partnership_id", "municipality_code", "year", "status"],
                                                as_index=False)["youth_months"].sum()
    summed = compute_savings(cohort, distribution, handworked_parameters(), read_published(),
                             municipal_inputs=(summed_youths, summed_months)).municipal
    pd.testing.assert_frame_equal(summed, by_youth, check_exact=False, rtol=1e-12)
    # the cost of A is 12,000 known + one default of 10,000 (booked in year 1, half municipal)
    assert by_youth.set_index("municipality_code").at["A", "npv_net_municipal_dkk"] == pytest.approx(
        145_000 + 10_000 - 11_000 + 110_000 + 112_500 / 1.21)
