"""The savings model worked by hand: two partnerships, three statuses, two years observed, one projected.

Data (export date 2023-07-01 for both partnerships, every counted youth ends STU on
2021-01-01, so months 1..30 after STU are observable: years 1 and 2 fully, 24
youth-months each for two youths; year 3 only months 25..30, 12 youth-months < 20 =
min_observed_youth_months, so year 3 is projected):
  A (pmu-morsoe):  A1 ordinary_job throughout (programme_cost_dkk 30,000);
                   A2 cash_benefit to 2022-01-15 (month 12 is 2022-01-01), then ordinary_job.
  B (ev-ringkoebing-skjern): B1 disability_pension throughout;
                   B2 cash_benefit to 2022-01-31, then disability_pension;
                   B3 still in STU (not counted, its cost 99,999 is not booked).
Parameters: horizon 3, discount 10 %, job_retention 0.9 (lost jobs → cash_benefit),
programme cost 10,000 a youth where missing, 50 % municipal, booked in year 1.
  ordinary_job       cost −10,000, municipal 0.5,  fte 1 → w_m = −5,000, w_s = −5,000
  cash_benefit       cost 100,000, municipal 0.8,  fte 0 → w_m = 80,000, w_s = 20,000
  disability_pension cost 200,000, municipal 0.75, fte 0 → w_m = 150,000, w_s = 50,000
Baseline year1 = {cash 0.5, dp 0.5}; year2 = {ordinary 0.2, cash 0.3, dp 0.5} (repeats in year 3).
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.economics import build_economics_tables
from pipeline.models import run_sql_models
from pipeline.parameters import Parameters, load_parameters, status_codes, validate_parameters

ROOT = Path(__file__).resolve().parent.parent
EXPORT_DATE = dt.date(2023, 7, 1)
END = dt.date(2021, 1, 1)


def handworked_parameters() -> Parameters:
    values = copy.deepcopy(load_parameters(ROOT / "params" / "default.toml").values)
    values.pop("sensitivity")
    values.pop("uncertainty")
    values["model"] |= {"horizon_years": 3, "discount_rate": 0.10, "min_observed_youth_months": 20}
    values["programme_cost"] |= {"per_youth_dkk": 10_000, "municipal_share": 0.5, "year": 1}
    values["projection"] |= {"job_retention": 0.9, "job_loss_to": "cash_benefit"}
    values["national"]["youths_per_year"] = 100
    for status in status_codes():
        values["status"][status] |= {"annual_public_cost_dkk": 1.0, "municipal_share": 0.5, "fte": 0.0}
    values["status"]["ordinary_job"] |= {"annual_public_cost_dkk": -10_000, "municipal_share": 0.5, "fte": 1.0}
    values["status"]["cash_benefit"] |= {"annual_public_cost_dkk": 100_000, "municipal_share": 0.8}
    values["status"]["disability_pension"] |= {"annual_public_cost_dkk": 200_000, "municipal_share": 0.75}
    values["baseline"] = {
        "year1": {"cash_benefit": 0.5, "disability_pension": 0.5},
        "year2": {"ordinary_job": 0.2, "cash_benefit": 0.3, "disability_pension": 0.5},
    }
    validate_parameters(values)
    return Parameters(values=values)


def load_rows(con: duckdb.DuckDBPyConnection, partnership: str, participants: list, spells: list) -> None:
    export_id = f"{partnership}-1"
    con.execute(
        "insert into exports_loaded values (?, ?, ?, 'test', 'sha', now(), 0, 0, 0, true, null)",
        [export_id, partnership, EXPORT_DATE],
    )
    for pid, end, cost in participants:
        con.execute(
            "insert into participants_all (participant_id, partnership_id, municipality_code, stu_start_date, "
            "stu_end_date, programme_cost_dkk, export_id) values (?, ?, '773', date '2018-08-01', ?, ?, ?)",
            [pid, partnership, end, cost, export_id],
        )
    categories = {"ordinary_job": "job", "cash_benefit": "public_support", "disability_pension": "public_support"}
    for pid, status, start, end in spells:
        con.execute(
            "insert into spells_all (participant_id, status, category, start_date, end_date, export_id) "
            "values (?, ?, ?, ?, ?, ?)",
            [pid, status, categories[status], start, end, export_id],
        )


@pytest.fixture(scope="module")
def warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute((ROOT / "pipeline" / "warehouse_schema.sql").read_text())
    load_rows(con, "pmu-morsoe", [("A1", END, 30_000.0), ("A2", END, None)], [
        ("A1", "ordinary_job", dt.date(2020, 9, 1), None),
        ("A2", "cash_benefit", dt.date(2020, 9, 1), dt.date(2022, 1, 15)),
        ("A2", "ordinary_job", dt.date(2022, 1, 16), None),
    ])
    load_rows(con, "ev-ringkoebing-skjern", [("B1", END, None), ("B2", END, None), ("B3", None, 99_999.0)], [
        ("B1", "disability_pension", dt.date(2020, 6, 1), None),
        ("B2", "cash_benefit", dt.date(2021, 1, 1), dt.date(2022, 1, 31)),
        ("B2", "disability_pension", dt.date(2022, 2, 1), None),
    ])
    params = handworked_parameters()
    run_sql_models(con, params)
    build_economics_tables(con, params)
    return con


def frame(con: duckdb.DuckDBPyConnection, sql: str):
    return con.execute(sql).df()


def test_distribution_counts_youth_months(warehouse):
    rows = warehouse.execute(
        "select partnership_id, year, status, youth_months, observable_youth_months from savings_distribution "
        "order by all"
    ).fetchall()
    assert rows == [
        ("ev-ringkoebing-skjern", 1, "cash_benefit", 12, 24),
        ("ev-ringkoebing-skjern", 1, "disability_pension", 12, 24),
        ("ev-ringkoebing-skjern", 2, "disability_pension", 24, 24),
        ("ev-ringkoebing-skjern", 3, "disability_pension", 12, 12),  # months 25..30 of two youths
        ("pmu-morsoe", 1, "cash_benefit", 12, 24),
        ("pmu-morsoe", 1, "ordinary_job", 12, 24),
        ("pmu-morsoe", 2, "ordinary_job", 24, 24),
        ("pmu-morsoe", 3, "ordinary_job", 12, 12),
    ]
    cohort = warehouse.execute(
        "select partnership_id, n_youth, n_cost_missing, known_programme_cost_dkk from savings_cohort order by 1"
    ).fetchall()
    assert cohort == [("ev-ringkoebing-skjern", 2, 2, 0.0), ("pmu-morsoe", 2, 1, 30_000.0)]


# expected savings_by_year: (partnership, year) -> column values
EXPECTED = {
    # A year 1: D = (ordinary .5, cash .5, dp 0), B = (0, .5, .5), B−D = (−.5, 0, .5)
    #   gross_m = 2·(−.5·−5,000 + .5·150,000) = 155,000; gross_s = 2·(−.5·−5,000 + .5·50,000) = 55,000
    #   cost = 30,000 + 10,000 = 40,000, half municipal; net_m = 135,000, net_s = 35,000, total 170,000
    ("pmu-morsoe", 1): dict(source="observed", n_youth=2, observable_youth_months=24, share_job=0.5,
                            fte_per_youth=0.5, gross_municipal_dkk=155_000, gross_state_dkk=55_000,
                            cost_municipal_dkk=20_000, cost_state_dkk=20_000, net_municipal_dkk=135_000,
                            net_state_dkk=35_000, net_total_dkk=170_000, net_municipal_per_youth_dkk=67_500,
                            net_total_per_youth_dkk=85_000, discount_factor=1.0,
                            cumulative_net_total_dkk=170_000, cumulative_npv_total_dkk=170_000),
    # A year 2: D = (1, 0, 0), B = (.2, .3, .5), B−D = (−.8, .3, .5)
    #   gross_m = 2·(4,000 + 24,000 + 75,000) = 206,000; gross_s = 2·(4,000 + 6,000 + 25,000) = 70,000
    ("pmu-morsoe", 2): dict(source="observed", n_youth=2, observable_youth_months=24, share_job=1.0,
                            fte_per_youth=1.0, gross_municipal_dkk=206_000, gross_state_dkk=70_000,
                            cost_municipal_dkk=0, cost_state_dkk=0, net_municipal_dkk=206_000,
                            net_state_dkk=70_000, net_total_dkk=276_000, net_municipal_per_youth_dkk=103_000,
                            net_total_per_youth_dkk=138_000, discount_factor=1 / 1.1,
                            cumulative_net_total_dkk=446_000, cumulative_npv_total_dkk=170_000 + 276_000 / 1.1),
    # A year 3 projected: D = (1·.9, 0 + 1·.1, 0) = (.9, .1, 0), B−D = (−.7, .2, .5)
    #   gross_m = 2·(3,500 + 16,000 + 75,000) = 189,000; gross_s = 2·(3,500 + 4,000 + 25,000) = 65,000
    ("pmu-morsoe", 3): dict(source="projected", n_youth=2, observable_youth_months=12, share_job=0.9,
                            fte_per_youth=0.9, gross_municipal_dkk=189_000, gross_state_dkk=65_000,
                            cost_municipal_dkk=0, cost_state_dkk=0, net_municipal_dkk=189_000,
                            net_state_dkk=65_000, net_total_dkk=254_000, net_municipal_per_youth_dkk=94_500,
                            net_total_per_youth_dkk=127_000, discount_factor=1 / 1.21,
                            cumulative_net_total_dkk=700_000,
                            cumulative_npv_total_dkk=170_000 + 276_000 / 1.1 + 254_000 / 1.21),
    # B year 1: D = (0, .5, .5) = B → gross 0; cost 2·10,000 = 20,000, half municipal
    ("ev-ringkoebing-skjern", 1): dict(source="observed", n_youth=2, observable_youth_months=24, share_job=0.0,
                                       fte_per_youth=0.0, gross_municipal_dkk=0, gross_state_dkk=0,
                                       cost_municipal_dkk=10_000, cost_state_dkk=10_000,
                                       net_municipal_dkk=-10_000, net_state_dkk=-10_000, net_total_dkk=-20_000,
                                       net_municipal_per_youth_dkk=-5_000, net_total_per_youth_dkk=-10_000,
                                       discount_factor=1.0, cumulative_net_total_dkk=-20_000,
                                       cumulative_npv_total_dkk=-20_000),
    # B year 2: D = (0, 0, 1), B−D = (.2, .3, −.5)
    #   gross_m = 2·(−1,000 + 24,000 − 75,000) = −104,000; gross_s = 2·(−1,000 + 6,000 − 25,000) = −40,000
    ("ev-ringkoebing-skjern", 2): dict(source="observed", n_youth=2, observable_youth_months=24, share_job=0.0,
                                       fte_per_youth=0.0, gross_municipal_dkk=-104_000, gross_state_dkk=-40_000,
                                       cost_municipal_dkk=0, cost_state_dkk=0, net_municipal_dkk=-104_000,
                                       net_state_dkk=-40_000, net_total_dkk=-144_000,
                                       net_municipal_per_youth_dkk=-52_000, net_total_per_youth_dkk=-72_000,
                                       discount_factor=1 / 1.1, cumulative_net_total_dkk=-164_000,
                                       cumulative_npv_total_dkk=-20_000 - 144_000 / 1.1),
    # B year 3 projected: no job mass to lose, D stays (0, 0, 1): as year 2
    ("ev-ringkoebing-skjern", 3): dict(source="projected", n_youth=2, observable_youth_months=12, share_job=0.0,
                                       fte_per_youth=0.0, gross_municipal_dkk=-104_000, gross_state_dkk=-40_000,
                                       cost_municipal_dkk=0, cost_state_dkk=0, net_municipal_dkk=-104_000,
                                       net_state_dkk=-40_000, net_total_dkk=-144_000,
                                       net_municipal_per_youth_dkk=-52_000, net_total_per_youth_dkk=-72_000,
                                       discount_factor=1 / 1.21, cumulative_net_total_dkk=-308_000,
                                       cumulative_npv_total_dkk=-20_000 - 144_000 / 1.1 - 144_000 / 1.21),
    # ALL = A + B; n_youth 4; share_job and fte weighted: (2·.5 + 2·0)/4 = .25, (2·1)/4 = .5, (2·.9)/4 = .45
    ("ALL", 1): dict(source="observed", n_youth=4, observable_youth_months=48, share_job=0.25, fte_per_youth=0.25,
                     gross_municipal_dkk=155_000, gross_state_dkk=55_000, cost_municipal_dkk=30_000,
                     cost_state_dkk=30_000, net_municipal_dkk=125_000, net_state_dkk=25_000, net_total_dkk=150_000,
                     net_municipal_per_youth_dkk=31_250, net_total_per_youth_dkk=37_500, discount_factor=1.0,
                     cumulative_net_total_dkk=150_000, cumulative_npv_total_dkk=150_000),
    ("ALL", 2): dict(source="observed", n_youth=4, observable_youth_months=48, share_job=0.5, fte_per_youth=0.5,
                     gross_municipal_dkk=102_000, gross_state_dkk=30_000, cost_municipal_dkk=0, cost_state_dkk=0,
                     net_municipal_dkk=102_000, net_state_dkk=30_000, net_total_dkk=132_000,
                     net_municipal_per_youth_dkk=25_500, net_total_per_youth_dkk=33_000, discount_factor=1 / 1.1,
                     cumulative_net_total_dkk=282_000, cumulative_npv_total_dkk=150_000 + 132_000 / 1.1),
    ("ALL", 3): dict(source="projected", n_youth=4, observable_youth_months=24, share_job=0.45, fte_per_youth=0.45,
                     gross_municipal_dkk=85_000, gross_state_dkk=25_000, cost_municipal_dkk=0, cost_state_dkk=0,
                     net_municipal_dkk=85_000, net_state_dkk=25_000, net_total_dkk=110_000,
                     net_municipal_per_youth_dkk=21_250, net_total_per_youth_dkk=27_500, discount_factor=1 / 1.21,
                     cumulative_net_total_dkk=392_000,
                     cumulative_npv_total_dkk=150_000 + 132_000 / 1.1 + 110_000 / 1.21),
}


def test_savings_by_year_by_hand(warehouse):
    table = frame(warehouse, "select * from savings_by_year").set_index(["partnership_id", "year"])
    assert set(table.index) == set(EXPECTED)
    for key, expected in EXPECTED.items():
        for column, value in expected.items():
            actual = table.at[key, column]
            if isinstance(value, str):
                assert actual == value, (key, column)
            else:
                assert actual == pytest.approx(value, abs=1e-6), (key, column)


def test_all_rows_are_the_sums(warehouse):
    table = frame(warehouse, "select * from savings_by_year")
    parts = table[table["partnership_id"] != "ALL"].groupby("year").sum(numeric_only=True)
    whole = table[table["partnership_id"] == "ALL"].set_index("year")
    for column in ("n_youth", "observable_youth_months", "gross_municipal_dkk", "gross_state_dkk",
                   "cost_municipal_dkk", "cost_state_dkk", "net_municipal_dkk", "net_state_dkk", "net_total_dkk"):
        assert list(whole[column]) == pytest.approx(list(parts[column])), column


def test_savings_summary_by_hand(warehouse):
    summary = frame(warehouse, "select * from savings_summary").set_index("partnership_id")
    # A: NPV = 170,000 + 276,000/1.1 + 254,000/1.21; municipal 135,000 + 206,000/1.1 + 189,000/1.21
    a = summary.loc["pmu-morsoe"]
    assert a["n_youth"] == 2
    assert a["npv_net_total_dkk"] == pytest.approx(170_000 + 276_000 / 1.1 + 254_000 / 1.21)
    assert a["npv_net_municipal_dkk"] == pytest.approx(135_000 + 206_000 / 1.1 + 189_000 / 1.21)
    assert a["break_even_year"] == 1  # cumulative 170,000 ≥ 0 already in year 1
    assert a["net_municipal_per_youth_year1_dkk"] == pytest.approx(67_500)
    assert a["net_municipal_per_youth_year2_dkk"] == pytest.approx(103_000)
    # B: cumulative −20,000, −164,000, −308,000: never ≥ 0
    b = summary.loc["ev-ringkoebing-skjern"]
    assert b["npv_net_total_dkk"] == pytest.approx(-20_000 - 144_000 / 1.1 - 144_000 / 1.21)
    assert b["npv_net_municipal_dkk"] == pytest.approx(-10_000 - 104_000 / 1.1 - 104_000 / 1.21)
    assert pd.isna(b["break_even_year"])
    assert b["net_municipal_per_youth_year1_dkk"] == pytest.approx(-5_000)
    assert b["net_municipal_per_youth_year2_dkk"] == pytest.approx(-52_000)
    every = summary.loc["ALL"]
    assert every["n_youth"] == 4
    assert every["npv_net_total_dkk"] == pytest.approx(150_000 + 132_000 / 1.1 + 110_000 / 1.21)
    assert every["npv_net_total_dkk"] == pytest.approx(a["npv_net_total_dkk"] + b["npv_net_total_dkk"])
    assert every["npv_net_municipal_dkk"] == pytest.approx(125_000 + 102_000 / 1.1 + 85_000 / 1.21)
    assert every["break_even_year"] == 1
    assert every["net_municipal_per_youth_year1_dkk"] == pytest.approx(31_250)
    assert every["net_municipal_per_youth_year2_dkk"] == pytest.approx(25_500)


def test_national_scenario_by_hand(warehouse):
    national = frame(warehouse, "select * from national_scenario order by year")
    # 100 youths a year on the 'ALL' per-youth path 37,500 / 33,000 / 27,500 (municipal 31,250 / 25,500 / 21,250)
    assert list(national["cohorts_active"]) == [1, 2, 3]
    assert list(national["net_total_dkk"]) == pytest.approx([3_750_000, 7_050_000, 9_800_000])
    assert list(national["net_municipal_dkk"]) == pytest.approx([3_125_000, 5_675_000, 7_800_000])
    # extra fte: fte_per_youth .25/.5/.45 minus baseline fte 0/.2/.2 → .25, .3, .25 a youth
    assert list(national["extra_fte"]) == pytest.approx([25, 55, 80])


def test_national_cohort_year_by_hand(warehouse):
    cohort = frame(warehouse, "select * from national_cohort_year order by year")
    # ONE intake of 100 youths on the 'ALL' per-youth path, year by year (no stacking of cohorts)
    assert list(cohort["net_total_dkk"]) == pytest.approx([3_750_000, 3_300_000, 2_750_000])
    assert list(cohort["net_municipal_dkk"]) == pytest.approx([3_125_000, 2_550_000, 2_125_000])
    assert list(cohort["extra_fte"]) == pytest.approx([25, 30, 25])
    # the cost of one intake: 100 · 60,000 / 4 youths; gross of year 2: 100 · 132,000 / 4
    assert list(cohort["cost_total_dkk"]) == pytest.approx([1_500_000, 0, 0])
    assert cohort.loc[1, "gross_total_dkk"] == pytest.approx(3_300_000)


def test_switching_value_by_hand(warehouse):
    comparison = frame(warehouse, "select * from published_comparison").set_index("figure")
    # NPV(λ) = λ·PV(gross) − PV(cost); PV(gross) = 210,000 + 132,000/1.1 + 110,000/1.21, PV(cost) = 60,000
    lambda_star = 60_000 / (210_000 + 132_000 / 1.1 + 110_000 / 1.21)
    # year-1 job+education share: baseline 0, 'ALL' 0.25
    assert comparison.at["hbs_break_even_share_job_or_education", "computed"] == pytest.approx(0.25 * lambda_star)
    assert comparison.at["hbs_year2_net_saving_per_participant_total", "computed"] == pytest.approx(33_000)
    assert comparison.at["hbs_year2_net_saving_per_participant_municipal", "computed"] == pytest.approx(25_500)
    # like for like: one annual intake (100 youths) in the steady year 2 = 100 · 33,000, not the stock
    assert comparison.at["hbs_national_annual_saving", "computed"] == pytest.approx(3_300_000)
    assert comparison.at["hbs_national_annual_saving", "note"] == "one_cohort_year_2"
    assert comparison.at["hbs_national_extra_full_time_employed", "computed"] == pytest.approx(100 * (0.5 - 0.2))
    assert comparison.at["hbs_national_extra_full_time_employed", "published"] == 700
    # the outcome models ran too, so the pilot shares are set against outcome_12m_summary
    assert "pilot_share_job_12m" in comparison.index


def test_monte_carlo_table_is_empty_without_uncertainty(warehouse):
    assert warehouse.execute("select count(*) from monte_carlo_summary").fetchone() == (0,)
    columns = [row[0] for row in warehouse.execute("describe monte_carlo_summary").fetchall()]
    assert columns[:8] == ["partnership_id", "draws", "seed", "mean_npv_dkk", "p5_npv_dkk", "p50_npv_dkk",
                           "p95_npv_dkk", "prob_npv_positive"]
