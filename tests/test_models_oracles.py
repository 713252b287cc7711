"""The outcome models against independent oracles on random cohorts (hypothesis).

retention_curve must equal lifelines' KaplanMeierFitter (survival and its log(-log)
interval), employment_rate_12m statsmodels' Wilson interval, and both must rest on the
episodes and twelve-month statuses worked out here in plain Python from the same spells.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lifelines import KaplanMeierFitter
from statsmodels.stats.proportion import proportion_confint

from pipeline.models import set_sql_variables, sql_models
from pipeline.parameters import Parameters
from pipeline.reference import load_reference

SCHEMA = Path(__file__).resolve().parent.parent / "pipeline" / "warehouse_schema.sql"
EXPORT_DATE = dt.date(2024, 6, 30)
JOB_STATUSES = ["ordinary_job", "flexjob", "pension_wage_subsidy", "protected_employment"]
OTHER_STATUSES = ["education", "in_programme", "cash_benefit", "disability_pension", "other"]
CATEGORY = load_reference().category_of
MONTH_DAYS = [math.floor(30.4375 * month + 0.5) for month in range(61)]


@dataclass(frozen=True)
class Youth:
    partnership_id: str
    participant_id: str
    stu_end: dt.date | None
    spells: tuple[tuple[str, dt.date, dt.date | None], ...]  # status, start, end (None = ongoing)


@st.composite
def youth_histories(draw: st.DrawFn, partnership_id: str, participant_id: str, gap_days: int) -> Youth:
    """A youth with non-overlapping spells, some ending in ties, gaps near gap_days, ongoing ones."""
    in_stu = draw(st.integers(0, 9)) == 0
    stu_end = None if in_stu else EXPORT_DATE - dt.timedelta(days=draw(st.integers(0, 1500)))
    offset = draw(st.one_of(st.sampled_from([0, 30, 200, 365, 400]), st.integers(0, 1500)))
    start = EXPORT_DATE - dt.timedelta(days=offset)
    spells = []
    for i in range(draw(st.integers(0, 4))):
        if i:
            gap = draw(st.one_of(st.sampled_from([1, gap_days, gap_days + 1]), st.integers(1, 90)))
            start = spells[-1][2] + dt.timedelta(days=gap)
        if start > EXPORT_DATE:
            break
        status = draw(st.sampled_from(JOB_STATUSES * 2 + OTHER_STATUSES))
        length = draw(st.one_of(st.sampled_from([0, 30, 61]), st.integers(0, 400)))
        end = start + dt.timedelta(days=length)
        if end >= EXPORT_DATE or draw(st.integers(0, 5)) == 0:
            spells.append((status, start, None))
            break
        spells.append((status, start, end))
    return Youth(partnership_id, participant_id, stu_end, tuple(spells))


@st.composite
def cohorts(draw: st.DrawFn) -> tuple[int, list[Youth]]:
    gap_days = draw(st.sampled_from([0, 1, 31, 45]))
    youths = []
    for p in range(draw(st.integers(1, 3))):
        for y in range(draw(st.integers(1, 20))):
            youths.append(draw(youth_histories(f"p{p}", f"y{y}", gap_days)))
    return gap_days, youths


# The models these oracles check and what they read; the rest of the build is left out to keep
# 200 examples fast.
MODELS_CHECKED = {
    "stg_participants", "stg_spells", "stg_participants_all", "stg_spells_all", "int_status_after_stu",
    "int_outcome_12m_by_export", "attachment_episodes", "outcome_12m", "employment_rate_12m",
    "retention_curve",
}


@functools.cache
def warehouse() -> duckdb.DuckDBPyConnection:
    """One in-memory warehouse for all examples, emptied before each (a new one costs more)."""
    con = duckdb.connect()
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    con.execute("set threads = 1")  # tiny tables: parallelism only adds overhead
    return con


def build_warehouse(youths: list[Youth], gap_days: int) -> duckdb.DuckDBPyConnection:
    con = warehouse()
    for table in ("exports_loaded", "participants_all", "spells_all"):
        con.execute(f"delete from {table}")
    partnerships = sorted({youth.partnership_id for youth in youths})
    exports = pd.DataFrame({
        "export_id": [f"e_{p}" for p in partnerships], "partnership_id": partnerships,
        "export_date": EXPORT_DATE, "source_path": "test", "sha256": "sha",
        "ingested_at": dt.datetime(2024, 7, 1), "rows_read": 0, "rows_loaded": 0, "rows_quarantined": 0,
    })
    participants = pd.DataFrame({
        "participant_id": [y.participant_id for y in youths],
        "partnership_id": [y.partnership_id for y in youths],
        "municipality_code": "101",
        "stu_start_date": dt.date(2015, 8, 1),
        "stu_end_date": pd.Series([y.stu_end for y in youths], dtype=object),
        "export_id": [f"e_{y.partnership_id}" for y in youths],
    })
    spells = pd.DataFrame(
        [(y.participant_id, status, CATEGORY[status], start, end, f"e_{y.partnership_id}")
         for y in youths for status, start, end in y.spells],
        columns=["participant_id", "status", "category", "start_date", "end_date", "export_id"],
    )
    for table, frame in (("exports_loaded", exports), ("participants_all", participants), ("spells_all", spells)):
        con.register("frame", frame)
        con.execute(f"insert into {table} by name select * from frame")
        con.unregister("frame")
    set_sql_variables(con, Parameters({"retention": {"gap_days": gap_days}}))
    for model in sql_models():
        if model.name in MODELS_CHECKED:
            con.execute(model.statement())
    return con


def first_episode(youth: Youth, gap_days: int) -> tuple[int, bool] | None:
    """(duration in days, ended) of the youth's first attachment episode, None without a job."""
    jobs = [(start, end) for status, start, end in youth.spells if CATEGORY[status] == "job"]
    if not jobs:
        return None
    episode_start, last_end = jobs[0][0], jobs[0][1] or EXPORT_DATE
    ended = jobs[0][1] is not None
    for start, end in jobs[1:]:
        if (start - last_end).days > gap_days:
            break
        last_end, ended = end or EXPORT_DATE, end is not None
    return (last_end - episode_start).days, ended


def outcome_12m(youth: Youth) -> tuple[str, bool, bool]:
    """(cohort, observable, in a job) twelve months after STU."""
    if youth.stu_end is None:
        return "in STU", False, False
    reference = (pd.Timestamp(youth.stu_end) + pd.DateOffset(months=12)).date()
    if reference > EXPORT_DATE:
        return str(youth.stu_end.year), False, False
    category = "unknown"
    for status, start, end in youth.spells:
        if start <= reference <= (end or EXPORT_DATE):
            category = CATEGORY[status]
    return str(youth.stu_end.year), True, category == "job"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cohorts())
def test_retention_curve_and_employment_rate_equal_the_oracles(cohort: tuple[int, list[Youth]]) -> None:
    gap_days, youths = cohort
    con = build_warehouse(youths, gap_days)

    # ---- retention: lifelines on episodes merged here in Python
    episodes: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for youth in youths:
        episode = first_episode(youth, gap_days)
        if episode is not None:
            episodes[youth.partnership_id].append(episode)
            episodes["ALL"].append(episode)
    curve = con.execute("select * from retention_curve order by partnership_id, month").df()
    assert set(curve["partnership_id"]) == set(episodes)
    for group, durations in episodes.items():
        rows = curve[curve["partnership_id"] == group].reset_index(drop=True)
        assert rows["month"].tolist() == list(range(61))
        assert rows["day"].tolist() == MONTH_DAYS
        fitter = KaplanMeierFitter().fit(
            [d for d, _ in durations], [e for _, e in durations], timeline=MONTH_DAYS
        )
        assert rows["survival"].to_numpy() == pytest.approx(fitter.survival_function_.iloc[:, 0].to_numpy(),
                                                             abs=1e-9, rel=0)
        assert rows["ci_low"].to_numpy() == pytest.approx(fitter.confidence_interval_.iloc[:, 0].to_numpy(),
                                                           abs=1e-9, rel=0)
        assert rows["ci_high"].to_numpy() == pytest.approx(fitter.confidence_interval_.iloc[:, 1].to_numpy(),
                                                            abs=1e-9, rel=0)
        assert rows["n_at_risk"].tolist() == [sum(d >= day for d, _ in durations) for day in MONTH_DAYS]

    # ---- employment rate: counts from the statuses worked out here, interval from statsmodels
    expected: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for youth in youths:
        cohort_label, observable, in_job = outcome_12m(youth)
        for key in ((youth.partnership_id, cohort_label), (youth.partnership_id, "ALL"),
                    ("ALL", cohort_label), ("ALL", "ALL")):
            expected[key][0] += 1
            expected[key][1] += observable
            expected[key][2] += in_job
    rates = con.execute("select * from employment_rate_12m").df()
    assert {(r.partnership_id, r.cohort) for r in rates.itertuples()} == set(expected)
    for row in rates.itertuples():
        assert [row.n, row.n_observable, row.n_job] == expected[(row.partnership_id, row.cohort)]
        if row.n_observable == 0:
            assert math.isnan(row.rate) and math.isnan(row.ci_low) and math.isnan(row.ci_high)
            continue
        low, high = proportion_confint(row.n_job, row.n_observable, alpha=0.05, method="wilson")
        assert row.rate == pytest.approx(row.n_job / row.n_observable, abs=1e-12)
        assert (row.ci_low, row.ci_high) == pytest.approx((low, high), abs=1e-9, rel=0)
