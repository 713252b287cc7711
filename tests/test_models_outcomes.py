"""The outcome models (SQL) on small hand-worked warehouses.

Each test loads a few youths into an in-memory warehouse, builds the models and checks
the figures worked out by hand from the definitions in docs/definitions.md.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from lifelines import KaplanMeierFitter
from statsmodels.stats.proportion import proportion_confint

from pipeline.models import run_sql_models
from pipeline.parameters import Parameters
from pipeline.reference import load_reference

SCHEMA = Path(__file__).resolve().parent.parent / "pipeline" / "warehouse_schema.sql"
Z = 1.959963984540054


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


class Warehouse:
    """An in-memory warehouse filled row by row, as the ingest would leave it."""

    def __init__(self) -> None:
        self.con = duckdb.connect()
        self.con.execute(SCHEMA.read_text(encoding="utf-8"))
        self._category = load_reference().category_of
        self._ingested = 0

    def export(self, export_id: str, partnership_id: str, export_date: str) -> None:
        """An ingested export; which export of a partnership is current follows from the dates."""
        self._ingested += 1
        self.con.execute(
            "insert into exports_loaded (export_id, partnership_id, export_date, source_path, sha256, ingested_at, "
            "rows_read, rows_loaded, rows_quarantined) values (?, ?, ?, 'test', 'sha', "
            "timestamp '2024-01-01' + to_minutes(?), 0, 0, 0)",
            [export_id, partnership_id, export_date, self._ingested],
        )

    def youth(
        self,
        export_id: str,
        participant_id: str,
        stu_end: str | None,
        stu_start: str = "2018-08-01",
        phases: tuple[str | None, ...] = (None, None, None, None),
    ) -> None:
        partnership_id = self.con.execute(
            "select partnership_id from exports where export_id = ?", [export_id]
        ).fetchone()[0]
        self.con.execute(
            "insert into participants_all (participant_id, partnership_id, municipality_code, "
            "stu_start_date, stu_end_date, phase1_start, phase2_start, phase3_start, phase4_start, "
            "export_id) "
            "values (?, ?, '101', ?, ?, ?, ?, ?, ?, ?)",
            [participant_id, partnership_id, stu_start, stu_end, *phases, export_id],
        )

    def spell(self, export_id: str, participant_id: str, status: str, start: str, end: str | None) -> None:
        self.con.execute(
            "insert into spells_all (participant_id, status, category, start_date, end_date, export_id) "
            "values (?, ?, ?, ?, ?, ?)",
            [participant_id, status, self._category[status], start, end, export_id],
        )

    def build(self, gap_days: int = 31) -> duckdb.DuckDBPyConnection:
        run_sql_models(self.con, Parameters({"retention": {"gap_days": gap_days}, "model": {"horizon_years": 10}}))
        return self.con


def rows(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> list[dict]:
    frame = con.execute(sql, list(params)).df()
    return frame.to_dict("records")


def one(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> dict:
    found = rows(con, sql, *params)
    assert len(found) == 1, found
    return found[0]


# ----------------------------------------------------------------------------- twelve-month outcome


def test_reference_date_is_calendar_months_with_end_of_month_clamping() -> None:
    wh = Warehouse()
    wh.export("e1", "p1", "2022-06-30")
    wh.youth("e1", "jan31", "2020-01-31")
    wh.youth("e1", "feb29", "2020-02-29")  # 2020 is a leap year
    wh.spell("e1", "jan31", "flexjob", "2021-01-31", "2021-01-31")  # a one-day spell, on the day
    wh.spell("e1", "feb29", "education", "2021-02-28", None)
    # month 1 after 31 January 2020 is 29 February 2020
    wh.spell("e1", "jan31", "cash_benefit", "2020-02-29", "2020-02-29")
    con = wh.build()

    outcome = {r["participant_id"]: r for r in rows(con, "select * from outcome_12m")}
    assert outcome["jan31"]["reference_date"].date() == day("2021-01-31")
    assert outcome["feb29"]["reference_date"].date() == day("2021-02-28")
    assert (outcome["jan31"]["status"], outcome["jan31"]["category"]) == ("flexjob", "job")
    assert (outcome["feb29"]["status"], outcome["feb29"]["category"]) == ("education", "education")
    assert outcome["jan31"]["cohort"] == "2020" and outcome["jan31"]["observable"]

    month_1 = rows(con, "select category, n from status_profile where partnership_id = 'p1' and month = 1")
    # jan31 on 2020-02-29: cash benefit; feb29 on 2020-03-29: no spell -> unknown
    assert sorted((r["category"], r["n"]) for r in month_1) == [("public_support", 1), ("unknown", 1)]


def test_observability_around_the_export_date() -> None:
    wh = Warehouse()
    wh.export("e1", "p1", "2023-03-15")
    wh.youth("e1", "on", "2022-03-15")  # reference date = export date: observable
    wh.youth("e1", "before", "2022-03-14")  # one day before: observable
    wh.youth("e1", "after", "2022-03-16")  # one day after: not observable
    wh.youth("e1", "in_stu", None)
    for youth in ("on", "before", "after", "in_stu"):
        wh.spell("e1", youth, "ordinary_job", "2022-01-01", None)  # ongoing: runs to the export date
    con = wh.build()

    outcome = {r["participant_id"]: r for r in rows(con, "select * from outcome_12m")}
    assert outcome["on"]["observable"] and outcome["on"]["category"] == "job"
    assert outcome["before"]["observable"] and outcome["before"]["category"] == "job"
    assert not outcome["after"]["observable"]
    assert (outcome["after"]["status"], outcome["after"]["category"]) == ("in_programme", "in_programme")
    assert outcome["after"]["reference_date"].date() == day("2023-03-16")
    assert not outcome["in_stu"]["observable"] and outcome["in_stu"]["cohort"] == "in STU"
    assert outcome["in_stu"]["category"] == "in_programme" and pd.isna(outcome["in_stu"]["reference_date"])

    summary = one(con, "select * from outcome_12m_summary where partnership_id = 'p1'")
    assert (summary["n"], summary["n_job"], summary["n_in_programme"]) == (4, 2, 2)
    assert summary["share_job"] == pytest.approx(0.5)


def test_a_spell_ending_the_day_before_the_reference_date_does_not_cover_it() -> None:
    wh = Warehouse()
    wh.export("e1", "p1", "2023-12-31")
    wh.youth("e1", "ends_before", "2022-05-10")
    wh.youth("e1", "ends_on", "2022-05-10")
    wh.youth("e1", "no_spells", "2022-05-10")
    wh.spell("e1", "ends_before", "ordinary_job", "2022-06-01", "2023-05-09")
    wh.spell("e1", "ends_on", "ordinary_job", "2022-06-01", "2023-05-10")  # dates are inclusive
    con = wh.build()

    outcome = {r["participant_id"]: r for r in rows(con, "select * from outcome_12m")}
    assert (outcome["ends_before"]["status"], outcome["ends_before"]["category"]) == ("other", "unknown")
    assert (outcome["ends_on"]["status"], outcome["ends_on"]["category"]) == ("ordinary_job", "job")
    assert (outcome["no_spells"]["status"], outcome["no_spells"]["category"]) == ("other", "unknown")
    assert outcome["no_spells"]["observable"]

    rate = one(con, "select * from employment_rate_12m where partnership_id = 'p1' and cohort = 'ALL'")
    assert (rate["n"], rate["n_observable"], rate["n_job"]) == (3, 3, 1)
    assert (rate["ci_low"], rate["ci_high"]) == pytest.approx(proportion_confint(1, 3, method="wilson"))
    # no spells at all: not in the retention curve
    assert one(con, "select count(*) as n from attachment_episodes")["n"] == 2


def test_same_participant_id_in_two_partnerships_is_two_youths() -> None:
    wh = Warehouse()
    wh.export("e1", "p1", "2023-12-31")
    wh.export("e2", "p2", "2023-12-31")
    wh.youth("e1", "1", "2022-01-15")
    wh.youth("e2", "1", "2022-01-15")
    wh.spell("e1", "1", "flexjob", "2022-02-01", None)
    wh.spell("e2", "1", "disability_pension", "2022-02-01", None)
    con = wh.build()

    outcome = {r["partnership_id"]: r["category"] for r in rows(con, "select * from outcome_12m")}
    assert outcome == {"p1": "job", "p2": "public_support"}


# ----------------------------------------------------------------------------- employment rate


def test_employment_rate_rows_all_combinations_and_null_when_nobody_is_observable() -> None:
    wh = Warehouse()
    wh.export("e1", "p1", "2023-06-30")
    wh.export("e2", "p2", "2023-06-30")
    for i, (end, status) in enumerate(
        [("2021-06-30", "ordinary_job"), ("2021-09-01", "cash_benefit"), ("2022-01-10", "flexjob"),
         ("2022-03-01", "protected_employment"), ("2022-05-01", "education")]
    ):
        wh.youth("e1", f"y{i}", end)
        wh.spell("e1", f"y{i}", status, "2021-01-01", None)
    wh.youth("e2", "new1", "2023-01-31")  # reference date 2024-01-31: after the export date
    wh.youth("e2", "new2", None)
    con = wh.build()

    found = {(r["partnership_id"], r["cohort"]): r for r in rows(con, "select * from employment_rate_12m")}
    assert set(found) == {
        ("p1", "2021"), ("p1", "2022"), ("p1", "ALL"),
        ("p2", "2023"), ("p2", "in STU"), ("p2", "ALL"),
        ("ALL", "2021"), ("ALL", "2022"), ("ALL", "2023"), ("ALL", "in STU"), ("ALL", "ALL"),
    }
    p1 = found[("p1", "ALL")]
    assert (p1["n_observable"], p1["n_job"]) == (5, 3)
    assert p1["rate"] == pytest.approx(0.6)
    # Wilson by hand: centre (0.6 + z²/10) / (1 + z²/5), half width z·sqrt(0.24/5 + z²/100) / (1 + z²/5)
    centre = (0.6 + Z**2 / 10) / (1 + Z**2 / 5)
    half = Z * math.sqrt(0.24 / 5 + Z**2 / 100) / (1 + Z**2 / 5)
    assert (p1["ci_low"], p1["ci_high"]) == pytest.approx((centre - half, centre + half), abs=1e-12)
    assert (found[("p1", "2021")]["n_observable"], found[("p1", "2021")]["n_job"]) == (2, 1)

    for key in [("p2", "2023"), ("p2", "in STU"), ("p2", "ALL"), ("ALL", "2023")]:
        row = found[key]
        assert row["n_observable"] == 0 and row["n_job"] == 0
        assert all(math.isnan(row[column]) for column in ("rate", "ci_low", "ci_high")), key
    everyone = found[("ALL", "ALL")]
    assert (everyone["n"], everyone["n_observable"], everyone["n_job"]) == (7, 5, 3)

    summary = {r["partnership_id"]: r for r in rows(con, "select * from outcome_12m_summary")}
    assert summary["p2"]["n_in_programme"] == 2 and summary["p2"]["share_in_programme"] == 1.0
    assert (summary["ALL"]["n"], summary["ALL"]["n_job"], summary["ALL"]["n_education"]) == (7, 3, 1)
    assert (summary["ALL"]["n_public_support"], summary["ALL"]["n_in_programme"]) == (1, 2)
    shares = [summary["ALL"][f"share_{c}"] for c in
              ("job", "education", "in_programme", "public_support", "unknown")]
    assert sum(shares) == pytest.approx(1.0)


def test_empty_warehouse_builds() -> None:
    con = Warehouse().build()
    summary = one(con, "select * from outcome_12m_summary")
    assert summary["partnership_id"] == "ALL" and summary["n"] == 0 and pd.isna(summary["share_job"])
    for table in ("employment_rate_12m", "retention_curve", "status_profile", "trend", "phase_funnel"):
        assert one(con, f"select count(*) as n from {table}")["n"] == 0, table


# ----------------------------------------------------------------------------- retention


def _retention_warehouse(gap: int) -> duckdb.DuckDBPyConnection:
    wh = Warehouse()
    wh.export("e1", "p1", "2024-12-31")
    wh.youth("e1", "exact_gap", "2021-06-30")
    wh.youth("e1", "gap_plus_one", "2021-06-30")
    wh.youth("e1", "adjacent", "2021-06-30")
    # gap = next start - last end = exactly `gap` days: one episode 2022-01-01 .. 2022-05-31
    wh.spell("e1", "exact_gap", "ordinary_job", "2022-01-01", "2022-03-31")
    wh.spell("e1", "exact_gap", "flexjob", (day("2022-03-31") + dt.timedelta(days=gap)).isoformat(),
             "2022-05-31")
    # gap + 1 days: the first episode is the first spell only
    wh.spell("e1", "gap_plus_one", "ordinary_job", "2022-01-01", "2022-03-31")
    wh.spell("e1", "gap_plus_one", "flexjob", (day("2022-03-31") + dt.timedelta(days=gap + 1)).isoformat(),
             None)
    # the next day (gap 1), with a non-job spell before and after: one ongoing episode
    wh.spell("e1", "adjacent", "education", "2021-07-01", "2021-12-31")
    wh.spell("e1", "adjacent", "protected_employment", "2022-01-01", "2022-06-30")
    wh.spell("e1", "adjacent", "pension_wage_subsidy", "2022-07-01", None)
    return wh.build(gap_days=gap)


@pytest.mark.parametrize("gap", [31, 10])
def test_attachment_episodes_merge_job_spells_within_the_gap(gap: int) -> None:
    con = _retention_warehouse(gap)
    episodes = {r["participant_id"]: r for r in rows(con, "select * from attachment_episodes")}
    exact = episodes["exact_gap"]
    assert exact["start_date"].date() == day("2022-01-01") and exact["end_date"].date() == day("2022-05-31")
    assert (exact["n_job_spells"], exact["duration_days"], exact["event"]) == (2, 150, True)
    plus_one = episodes["gap_plus_one"]
    assert plus_one["end_date"].date() == day("2022-03-31")
    assert (plus_one["n_job_spells"], plus_one["duration_days"], plus_one["event"]) == (1, 89, True)
    adjacent = episodes["adjacent"]
    # ongoing: no end date, censored at the export date
    assert pd.isna(adjacent["end_date"])
    assert (adjacent["n_job_spells"], adjacent["event"]) == (2, False)
    assert adjacent["duration_days"] == (day("2024-12-31") - day("2022-01-01")).days


def test_retention_curve_ties_events_before_censorings() -> None:
    wh = Warehouse()
    wh.export("e1", "p1", "2024-12-31")
    # durations (days) and whether the episode ended: 30 ended, 30 censored, 30 ended, 61 ended,
    # 100 censored (the censored ones are ongoing at the export date)
    episodes = [(30, True), (30, False), (30, True), (61, True), (100, False)]
    for i, (duration, ended) in enumerate(episodes):
        wh.youth("e1", f"y{i}", "2022-01-01")
        export = day("2024-12-31")
        if ended:
            wh.spell("e1", f"y{i}", "ordinary_job", "2023-01-01",
                     (day("2023-01-01") + dt.timedelta(days=duration)).isoformat())
        else:
            wh.spell("e1", f"y{i}", "ordinary_job", (export - dt.timedelta(days=duration)).isoformat(), None)
    con = wh.build()
    curve = {r["month"]: r for r in rows(con, "select * from retention_curve where partnership_id = 'p1'")}

    assert sorted(curve) == list(range(61))
    assert (curve[0]["day"], curve[1]["day"], curve[2]["day"], curve[12]["day"], curve[24]["day"]) == (
        0, 30, 61, 365, 731)
    assert curve[60]["day"] == 1826
    # day 0: nobody has left, S = 1 and lifelines' interval there is (1, 1)
    start = curve[0]
    assert (start["n_at_risk"], start["survival"], start["ci_low"], start["ci_high"]) == (5, 1, 1, 1)
    # day 30: 5 at risk (duration >= 30), 2 events counted before the tied censoring: S = 3/5
    assert curve[1]["n_at_risk"] == 5 and curve[1]["survival"] == pytest.approx(0.6)
    # day 61: 2 at risk, 1 event: S = 0.6 * 1/2
    assert curve[2]["n_at_risk"] == 2 and curve[2]["survival"] == pytest.approx(0.3)
    # day 365 and after: nobody at risk, S stays at 0.3
    assert curve[12]["n_at_risk"] == 0 and curve[12]["survival"] == pytest.approx(0.3)
    greenwood = 2 / (5 * 3) + 1 / (2 * 1)
    v = math.log(0.3)
    low = math.exp(-math.exp(math.log(-v) - Z * math.sqrt(greenwood) / v))
    high = math.exp(-math.exp(math.log(-v) + Z * math.sqrt(greenwood) / v))
    assert (curve[2]["ci_low"], curve[2]["ci_high"]) == pytest.approx((low, high), abs=1e-12)

    fitter = KaplanMeierFitter().fit([d for d, _ in episodes], [e for _, e in episodes], timeline=[30, 61])
    assert curve[2]["ci_low"] == pytest.approx(fitter.confidence_interval_.iloc[1, 0], abs=1e-12)
    assert curve[1]["survival"] == pytest.approx(fitter.survival_function_.iloc[0, 0], abs=1e-12)
    assert one(con, "select count(distinct partnership_id) as n from retention_curve")["n"] == 2  # p1, ALL


def test_retention_curve_reaching_zero_gives_a_zero_interval() -> None:
    wh = Warehouse()
    wh.export("e1", "p1", "2024-12-31")
    for i, length in enumerate([10, 40]):
        wh.youth("e1", f"y{i}", "2022-01-01")
        end = day("2023-01-01") + dt.timedelta(days=length)
        wh.spell("e1", f"y{i}", "flexjob", "2023-01-01", end.isoformat())
    con = wh.build()
    curve = {r["month"]: r for r in rows(con, "select * from retention_curve where partnership_id = 'ALL'")}
    assert curve[1]["survival"] == pytest.approx(0.5)
    assert (curve[2]["survival"], curve[2]["ci_low"], curve[2]["ci_high"]) == (0, 0, 0)


def test_gap_days_must_be_set() -> None:
    wh = Warehouse()
    wh.export("e1", "p1", "2024-12-31")
    wh.youth("e1", "y", "2022-01-01")
    wh.spell("e1", "y", "flexjob", "2023-01-01", None)
    with pytest.raises(RuntimeError, match="gap_days"):
        run_sql_models(wh.con, Parameters({"model": {"horizon_years": 10}}))


# ----------------------------------------------------------------------------- status profile, phases


def test_status_profile_counts_observable_youths_per_month() -> None:
    wh = Warehouse()
    wh.export("e1", "p1", "2022-12-31")
    wh.youth("e1", "a", "2021-06-30")  # month 18 = 2022-12-30 observable, month 24 not
    wh.youth("e1", "b", "2022-06-30")  # month 6 = 2022-12-30 observable, month 12 not
    wh.youth("e1", "c", None)
    wh.spell("e1", "a", "ordinary_job", "2021-07-01", None)
    wh.spell("e1", "b", "sickness_benefit", "2022-07-01", "2022-09-30")
    con = wh.build()
    profile = {(r["month"], r["category"]): (r["n_observable"], r["n"], r["share"])
               for r in rows(con, "select * from status_profile where partnership_id = 'p1'")}
    assert profile == {
        (1, "job"): (2, 1, 0.5), (1, "public_support"): (2, 1, 0.5),
        (3, "job"): (2, 1, 0.5), (3, "public_support"): (2, 1, 0.5),
        (6, "job"): (2, 1, 0.5), (6, "unknown"): (2, 1, 0.5),
        (12, "job"): (1, 1, 1.0), (18, "job"): (1, 1, 1.0),
    }
    all_rows = rows(con, "select * from status_profile where partnership_id = 'ALL' order by month, category")
    assert len(all_rows) == len(profile)


def test_phase_funnel() -> None:
    wh = Warehouse()
    wh.export("e1", "p1", "2023-12-31")
    wh.youth("e1", "a", None, "2021-08-01", ("2021-08-11", "2022-01-01", "2022-06-01", None))
    wh.youth("e1", "b", None, "2021-08-01", ("2021-08-21", "2022-02-01", None, None))
    wh.youth("e1", "c", None, "2021-08-01", ("2021-09-10", None, None, None))
    wh.youth("e1", "d", None, "2021-08-01", (None, "2022-03-01", None, None))  # phase 1 date missing
    con = wh.build()
    funnel = {r["phase"]: r for r in rows(con, "select * from phase_funnel where partnership_id = 'p1'")}
    assert [funnel[p]["n_reached"] for p in (1, 2, 3, 4)] == [3, 3, 1, 0]
    assert [funnel[p]["share_reached"] for p in (1, 2, 3, 4)] == [0.75, 0.75, 0.25, 0]
    assert funnel[1]["median_days_from_previous"] == 20  # 10, 20, 40 days after STU start
    # a: 143, b: 164 (d has no phase 1 date and is left out) -> mean of the middle two
    assert funnel[2]["median_days_from_previous"] == 153.5
    assert funnel[3]["median_days_from_previous"] == 151
    assert math.isnan(funnel[4]["median_days_from_previous"])
    everyone = rows(con, "select * from phase_funnel where partnership_id = 'ALL' order by phase")
    assert [(r["phase"], r["n_reached"]) for r in everyone] == [(1, 3), (2, 3), (3, 1), (4, 0)]


# ----------------------------------------------------------------------------- trend, newest export


def _trend_warehouse() -> Warehouse:
    wh = Warehouse()
    wh.export("p1_old", "p1", "2022-06-30")
    wh.export("p1_new", "p1", "2023-06-30")
    wh.export("p2_only", "p2", "2023-01-31")
    # p1 old export: y1's twelve months have passed (2022-03-31), y2's not
    wh.youth("p1_old", "y1", "2021-03-31")
    wh.youth("p1_old", "y2", "2021-09-30")
    wh.spell("p1_old", "y1", "ordinary_job", "2021-05-01", None)
    # p1 new export: y1 lost the job, y2 in education at its reference date 2022-09-30
    wh.youth("p1_new", "y1", "2021-03-31")
    wh.youth("p1_new", "y2", "2021-09-30")
    wh.spell("p1_new", "y1", "ordinary_job", "2021-05-01", "2022-03-30")
    wh.spell("p1_new", "y2", "education", "2022-08-01", None)
    wh.youth("p2_only", "z1", "2021-12-31")
    wh.spell("p2_only", "z1", "cash_benefit", "2022-01-01", None)
    return wh


def test_trend_uses_every_export_as_of_its_own_date() -> None:
    con = _trend_warehouse().build()
    trend = {(r["partnership_id"], str(r["export_date"].date())): r for r in rows(con, "select * from trend")}
    assert set(trend) == {("p1", "2022-06-30"), ("p1", "2023-06-30"), ("p2", "2023-01-31"),
                          ("ALL", "2022-06-30"), ("ALL", "2023-01-31"), ("ALL", "2023-06-30")}
    old = trend[("p1", "2022-06-30")]
    assert (old["n"], old["share_job"], old["share_in_programme"]) == (2, 0.5, 0.5)
    new = trend[("p1", "2023-06-30")]
    assert (new["n"], new["share_unknown"], new["share_education"]) == (2, 0.5, 0.5)
    # ALL on 2023-01-31: p1's export of 2022-06-30 plus p2's of 2023-01-31
    mid = trend[("ALL", "2023-01-31")]
    assert (mid["n"], mid["n_job"], mid["n_in_programme"], mid["n_public_support"]) == (3, 1, 1, 1)
    # on the newest date the trend equals the headline table
    latest = trend[("ALL", "2023-06-30")]
    summary = one(con, "select * from outcome_12m_summary where partnership_id = 'ALL'")
    for column in ("n", "share_job", "share_education", "share_in_programme", "share_public_support",
                   "share_unknown"):
        assert latest[column] == summary[column], column


def test_outcome_tables_read_only_the_newest_export() -> None:
    con = _trend_warehouse().build()
    assert one(con, "select count(*) as n from outcome_12m where partnership_id = 'p1'")["n"] == 2
    assert {r["export_id"] for r in rows(con, "select export_id from outcome_12m")} == {"p1_new", "p2_only"}
    summary = one(con, "select * from outcome_12m_summary where partnership_id = 'p1'")
    assert (summary["n_job"], summary["n_education"], summary["n_unknown"]) == (0, 1, 1)


def test_building_twice_gives_identical_tables() -> None:
    wh = _trend_warehouse()
    con = wh.build()
    tables = ("outcome_12m", "outcome_12m_summary", "employment_rate_12m", "retention_curve", "phase_funnel",
              "trend", "status_profile")
    first = {table: con.execute(f"select * from {table}").df() for table in tables}
    con = wh.build()
    for table in tables:
        second = con.execute(f"select * from {table}").df()
        assert first[table].equals(second), table
