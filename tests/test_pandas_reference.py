"""The plain-pandas reference (tests/pandas_reference.py) and the SQL models agree
exactly on random cohorts, edges included: month ends and leap days, censoring ties,
gaps of exactly gap_days, youths still in STU, partnerships sharing participant ids."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pandas_reference as ref
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lifelines import KaplanMeierFitter

from pipeline.models import set_sql_variables, sql_models
from pipeline.parameters import Parameters
from pipeline.reference import load_reference

SCHEMA = Path(__file__).resolve().parent.parent / "pipeline" / "warehouse_schema.sql"
CATEGORY = load_reference().category_of
STATUSES = sorted(CATEGORY)
JOBS = [s for s in STATUSES if CATEGORY[s] == "job"]
NEEDED = {"outcome_12m", "outcome_12m_summary", "employment_rate_12m", "retention_curve"}
EXPORT_DATES = [dt.date(2024, 2, 29), dt.date(2024, 6, 30), dt.date(2023, 12, 31)]
EDGE_DAYS = [dt.date(2020, 1, 31), dt.date(2020, 2, 29), dt.date(2021, 2, 28), dt.date(2023, 3, 31),
             dt.date(2023, 2, 28), dt.date(2022, 12, 31), dt.date(2023, 1, 29)]


@st.composite
def youth(draw: st.DrawFn, export_date: dt.date, gap_days: int) -> tuple[dt.date | None, list[tuple]]:
    """A youth's STU end and non-overlapping spells, drawn towards the edges."""
    stu_end = draw(st.one_of(
        st.none(), st.sampled_from(EDGE_DAYS + [export_date, export_date - dt.timedelta(days=365)]),
        st.dates(dt.date(2018, 1, 1), export_date)))
    stu_end = stu_end if stu_end is None or stu_end <= export_date else export_date
    day = draw(st.one_of(st.sampled_from(EDGE_DAYS), st.dates(dt.date(2017, 1, 1), export_date)))
    spells = []
    for _ in range(draw(st.integers(0, 5))):
        if day > export_date:
            break
        status = draw(st.sampled_from(JOBS * 3 + STATUSES))
        length = draw(st.one_of(st.sampled_from([0, 29, 30, 365, 366, 730, 731]), st.integers(0, 900)))
        end = day + dt.timedelta(days=length)
        if end > export_date or draw(st.integers(0, 6)) == 0:
            spells.append((status, day, None))
            break
        if end == export_date and draw(st.booleans()):
            spells.append((status, day, None))
            break
        spells.append((status, day, end))
        gap = draw(st.one_of(st.sampled_from([1, gap_days, gap_days + 1, 2]), st.integers(1, 120)))
        day = end + dt.timedelta(days=max(gap, 1))
    return stu_end, spells


@st.composite
def cohorts(draw: st.DrawFn) -> tuple[int, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    gap_days = draw(st.sampled_from([0, 1, 31, 45]))
    n_partnerships = draw(st.integers(1, 3))
    exports, participants, spells = [], [], []
    for p in range(n_partnerships):
        export_date = draw(st.sampled_from(EXPORT_DATES))
        export_id = f"e{p}"
        exports.append({"export_id": export_id, "partnership_id": f"p{p}", "export_date": export_date})
        for y in range(draw(st.integers(1, 25))):
            stu_end, history = draw(youth(export_date, gap_days))
            participants.append({"participant_id": f"y{y}", "partnership_id": f"p{p}", "export_id": export_id,
                                 "stu_end_date": stu_end})
            spells += [{"participant_id": f"y{y}", "export_id": export_id, "status": status,
                        "category": CATEGORY[status], "start_date": start, "end_date": end}
                       for status, start, end in history]
    spell_columns = ["participant_id", "export_id", "status", "category", "start_date", "end_date"]
    return gap_days, pd.DataFrame(exports), pd.DataFrame(participants), pd.DataFrame(spells, columns=spell_columns)


@functools.cache
def _connection() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    con.execute("set threads = 1")
    return con


def sql_tables(gap_days: int, exports: pd.DataFrame, participants: pd.DataFrame,
               spells: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The SQL models' four tables for these loaded rows (an in-memory warehouse)."""
    con = _connection()
    for table in ("exports_loaded", "participants_all", "spells_all"):
        con.execute(f"delete from {table}")
    frames = {
        "exports_loaded": exports.assign(source_path="test", sha256="sha", ingested_at=dt.datetime(2024, 7, 1),
                                         rows_read=0, rows_loaded=0, rows_quarantined=0),
        "participants_all": participants.assign(municipality_code="851", stu_start_date=dt.date(2015, 8, 1),
                                                stu_end_date=participants["stu_end_date"].astype(object)),
        "spells_all": spells.astype({"end_date": object}),
    }
    for table, frame in frames.items():
        con.register("incoming", frame)
        con.execute(f"insert into {table} by name select * from incoming")
        con.unregister("incoming")
    set_sql_variables(con, Parameters({"retention": {"gap_days": gap_days}}))
    for model in sql_models():
        if int(model.path.name.split("_")[0]) < 50 and (  # 5x: the savings models, not needed here
                model.materialisation == "view" or model.name in NEEDED or "attachment" in model.name):
            con.execute(model.statement())
    return {name: con.execute(f"select * from {name}").df() for name in NEEDED}


def reference_tables(gap_days: int, exports: pd.DataFrame, participants: pd.DataFrame,
                     spells: pd.DataFrame) -> dict[str, pd.DataFrame]:
    as_time = {"export_date": "datetime64[ns]"}
    inputs = ref.Inputs(
        participants.assign(stu_end_date=pd.to_datetime(participants["stu_end_date"])),
        spells.assign(start_date=pd.to_datetime(spells["start_date"]), end_date=pd.to_datetime(spells["end_date"])),
        exports.astype(as_time),
    )
    outcome = ref.outcome_12m(inputs)
    return {"outcome_12m": outcome, "outcome_12m_summary": ref.outcome_12m_summary(outcome),
            "employment_rate_12m": ref.employment_rate_12m(outcome),
            "retention_curve": ref.retention_curve(inputs, gap_days)}


KEYS = {"outcome_12m": ["partnership_id", "participant_id"], "outcome_12m_summary": ["partnership_id"],
        "employment_rate_12m": ["partnership_id", "cohort"], "retention_curve": ["partnership_id", "month"]}


def assert_same(name: str, ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
    keys = KEYS[name]
    ours = ours.sort_values(keys).reset_index(drop=True)
    theirs = theirs.sort_values(keys).reset_index(drop=True)
    assert len(ours) == len(theirs), (name, ours, theirs)
    for column in ours.columns:
        a, b = ours[column], theirs[column]
        if column.endswith("date"):
            a, b = pd.to_datetime(a), pd.to_datetime(b)
            assert ((a == b) | (a.isna() & b.isna())).all(), (name, column, ours[~(a == b)], theirs[~(a == b)])
        elif pd.api.types.is_float_dtype(a) or pd.api.types.is_float_dtype(b):
            assert np.allclose(a.astype(float), b.astype(float), atol=1e-9, rtol=0, equal_nan=True), (
                name, column, pd.concat([ours[keys], a, b], axis=1))
        else:
            assert list(a.astype(str)) == list(b.astype(str)), (name, column, pd.concat([ours[keys], a, b], axis=1))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(cohort=cohorts())
def test_reference_and_sql_agree(cohort: tuple[int, pd.DataFrame, pd.DataFrame, pd.DataFrame]) -> None:
    gap_days, exports, participants, spells = cohort
    ours = reference_tables(gap_days, exports, participants, spells)
    theirs = sql_tables(gap_days, exports, participants, spells)
    for name in sorted(NEEDED):
        assert_same(name, ours[name], theirs[name])


@pytest.mark.parametrize(("day", "months", "expected"), [
    ("2020-01-31", 1, "2020-02-29"), ("2021-01-31", 1, "2021-02-28"), ("2020-02-29", 12, "2021-02-28"),
    ("2019-03-31", 11, "2020-02-29"), ("2023-12-31", 12, "2024-12-31"), ("2024-08-31", 1, "2024-09-30"),
])
def test_add_months_clamps_like_duckdb(day: str, months: int, expected: str) -> None:
    result = ref.add_months(pd.Series(pd.to_datetime([day])), months)
    assert result.iloc[0] == pd.Timestamp(expected)
    duck = duckdb.connect().execute(f"select cast(date '{day}' + interval ({months}) month as date)").fetchone()[0]
    assert duck.isoformat() == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1900), st.booleans()), min_size=1, max_size=40))
def test_kaplan_meier_is_lifelines(observations: list[tuple[int, bool]]) -> None:
    durations = np.array([d for d, _ in observations])
    events = np.array([e for _, e in observations])
    ours = ref.kaplan_meier(durations, events)
    fitter = KaplanMeierFitter().fit(durations, events, timeline=ref.MONTH_DAYS)
    assert ours["survival"].to_numpy() == pytest.approx(fitter.survival_function_.iloc[:, 0].to_numpy(), abs=1e-9)
    interval = fitter.confidence_interval_survival_function_
    assert ours["ci_low"].to_numpy() == pytest.approx(interval.iloc[:, 0].to_numpy(), abs=1e-9, nan_ok=True)
    assert ours["ci_high"].to_numpy() == pytest.approx(interval.iloc[:, 1].to_numpy(), abs=1e-9, nan_ok=True)


def test_wilson_is_statsmodels() -> None:
    from statsmodels.stats.proportion import proportion_confint

    for n in (1, 2, 7, 140):
        for k in range(n + 1):
            low, high = ref.wilson_interval(np.array([k]), np.array([n]))
            expected = proportion_confint(k, n, method="wilson")
            assert (low[0], high[0]) == pytest.approx(expected, abs=1e-12)


# ----------------------------------------------------------------------------- youth-months by year
# savings_distribution (programme, per partnership) and comparison_youth_months (comparison group,
# per youth) sum month ranges of spells; the oracle here walks every month of every youth, with
# pandas' DateOffset for the calendar months (it clamps month ends as the definition does).


@st.composite
def month_cohorts(draw: st.DrawFn) -> tuple[int, dt.date, list[tuple], list[tuple]]:
    """Youths of one export per population, with month-end STU ends and spells that sometimes
    overlap (refused at ingest, but the definition says the later-started spell wins)."""
    export_date = draw(st.sampled_from(EXPORT_DATES))
    youths, spells = [], []
    for population in ("programme", "comparison"):
        for y in range(draw(st.integers(0, 6))):
            stu_end = draw(st.one_of(st.sampled_from(EDGE_DAYS + [export_date]),
                                     st.dates(dt.date(2019, 1, 1), export_date + dt.timedelta(days=40))))
            partnership = f"p{draw(st.integers(0, 1))}" if population == "programme" else None
            youths.append((population, f"y{y}", partnership, stu_end))
            starts = draw(st.lists(st.one_of(st.sampled_from(EDGE_DAYS), st.dates(dt.date(2018, 1, 1), export_date)),
                                   max_size=4, unique=True))
            for start in starts:
                length = draw(st.one_of(st.sampled_from([0, 27, 28, 29, 30, 31, 365]), st.integers(0, 1500)))
                end = None if draw(st.integers(0, 4)) == 0 else start + dt.timedelta(days=length)
                spells.append((population, f"y{y}", draw(st.sampled_from(STATUSES)), start, end))
    return draw(st.integers(1, 4)), export_date, youths, spells


def youth_months_oracle(horizon: int, export_date: dt.date, youths: list[tuple],
                        spells: list[tuple]) -> dict[tuple, int]:
    """(population, partnership or youth, year, status) -> observable youth-months, month by month."""
    counts: dict[tuple, int] = {}
    for population, youth_id, partnership, stu_end in youths:
        if stu_end > export_date:
            continue
        own = [(start, end or export_date, status) for p, y, status, start, end in spells
               if p == population and y == youth_id]
        for month in range(1, 12 * horizon + 1):
            day = (pd.Timestamp(stu_end) + pd.DateOffset(months=month)).date()
            if day > export_date:
                break
            covering = [(start, status) for start, end, status in own if start <= day <= end]
            status = max(covering)[1] if covering else "other"
            key = (population, partnership if population == "programme" else youth_id, (month - 1) // 12 + 1, status)
            counts[key] = counts.get(key, 0) + 1
    return counts


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(cohort=month_cohorts())
def test_youth_months_by_year_are_the_month_by_month_counts(cohort: tuple[int, dt.date, list, list]) -> None:
    horizon, export_date, youths, spells = cohort
    con = _connection()
    for table in ("exports_loaded", "participants_all", "spells_all", "comparison_exports",
                  "comparison_participants_all", "comparison_spells_all"):
        con.execute(f"delete from {table}")
    con.execute("insert into exports_loaded (export_id, partnership_id, export_date, source_path, sha256, ingested_at, "
                "rows_read, rows_loaded, rows_quarantined) values "
                "('e0', 'p0', ?, 't', 's', timestamp '2024-07-01', 0, 0, 0), "
                "('e1', 'p1', ?, 't', 's', timestamp '2024-07-01', 0, 0, 0)", [export_date, export_date])
    con.execute("insert into comparison_exports (export_id, source, export_date, source_path, sha256, ingested_at, "
                "rows_read, rows_loaded, rows_quarantined, form) values "
                "('c0', 'register', ?, 't', 's', timestamp '2024-07-01', 0, 0, 0, 'register')", [export_date])
    for population, youth_id, partnership, stu_end in youths:
        if population == "programme":
            con.execute("insert into participants_all (participant_id, partnership_id, municipality_code, "
                        "stu_start_date, stu_end_date, export_id) values (?, ?, '851', date '2015-08-01', ?, ?)",
                        [youth_id, partnership, stu_end, "e" + partnership[1:]])
        else:
            con.execute("insert into comparison_participants_all (participant_id, municipality_code, birth_year, "
                        "sex, stu_end_date, export_id) values (?, '851', 2000, 'F', ?, 'c0')", [youth_id, stu_end])
    export_of = {(p, y): ("e" + part[1:] if p == "programme" else "c0") for p, y, part, _ in youths}
    for population, youth_id, status, start, end in spells:
        table = "spells_all" if population == "programme" else "comparison_spells_all"
        con.execute(f"insert into {table} (participant_id, status, category, start_date, end_date, export_id) "
                    "values (?, ?, ?, ?, ?, ?)",
                    [youth_id, status, CATEGORY[status], start, end, export_of[(population, youth_id)]])
    set_sql_variables(con, Parameters({"model": {"horizon_years": horizon}}))
    for model in sql_models():
        if model.materialisation == "view" or model.name in (
                "savings_months_by_municipality", "savings_distribution", "comparison_youth_months", "status_profile"):
            con.execute(model.statement())
    expected = youth_months_oracle(horizon, export_date, youths, spells)
    for population, unit, table in (("programme", "partnership_id", "savings_distribution"),
                                    ("comparison", "participant_id", "comparison_youth_months")):
        rows = con.execute(f"select {unit}, year, status, youth_months, observable_youth_months "
                           f"from {table}").fetchall()
        assert {(population, u, k, s): n for u, k, s, n, _ in rows} == {
            key: n for key, n in expected.items() if key[0] == population}
        for who, year, _, _, observable in rows:
            assert observable == sum(n for (pop, u, k, _), n in expected.items()
                                     if pop == population and u == who and k == year)
    # the audit view, month by month, agrees with the look-ups of int_status_after_stu
    mismatches = con.execute("""
        select count(*) from int_youth_month_status as months
        join int_status_after_stu as lookups using (export_id, participant_id, month)
        where months.observable is distinct from lookups.observable or months.status is distinct from lookups.status
    """).fetchone()[0]
    assert mismatches == 0
    # the status profile, counted from spell month ranges, is the recount of those look-ups
    recount = con.execute("""
        with observed as (
            select partnership_id, month, category from int_status_after_stu
            where not superseded and observable
            union all
            select 'ALL', month, category from int_status_after_stu where not superseded and observable
        )
        select partnership_id, month, count(*) over (partition by partnership_id, month), category,
               count(*) over (partition by partnership_id, month, category)
        from observed
    """).fetchall()
    profile = con.execute("select partnership_id, month, n_observable, category, n from status_profile").fetchall()
    assert sorted(profile) == sorted(set(recount))
