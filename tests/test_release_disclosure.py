"""Disclosure control of the release, audited by an attacker who solves linear programs.

The attacker here is written apart from pipeline.release.disclosure: it builds its own
linear programs with scipy's `linprog` from what a reader has — the published values
(hidden cells unknown, every count ≥ 0) and the relations between the figures — and
bounds every hidden count. A release passes when no hidden count can be pinned to an
interval narrower than min_cell − 1.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from pipeline.reference import municipality_group_map, municipality_groups
from pipeline.release.disclosure import Relation, protect
from pipeline.release.outcomes import OutcomeFrames
from pipeline.release.store import collect_statistics, make_release

MIN_CELL = 5
CATEGORIES = ("job", "education", "in_programme", "public_support", "unknown")
JOBS = ("ordinary_job", "flexjob", "pension_wage_subsidy", "protected_employment")


def attacker_widths(values: np.ndarray, hidden: np.ndarray, unpublished: np.ndarray,
                    relations: list[Relation]) -> dict[int, float]:
    """max − min of every hidden count over the non-negative solutions of the relations."""
    unknown = hidden | unpublished
    columns = {v: i for i, v in enumerate(np.flatnonzero(unknown))}
    eq_rows, eq_rhs, le_rows, le_rhs = [], [], [], []
    for relation in relations:
        row = np.zeros(len(columns))
        rhs = 0.0
        for member, coefficient in zip(relation.members, relation.coefficients, strict=True):
            if unknown[member]:
                row[columns[member]] += coefficient
            else:
                rhs -= coefficient * values[member]
        if not row.any():
            continue
        (eq_rows if relation.kind == "eq" else le_rows).append(row)
        (eq_rhs if relation.kind == "eq" else le_rhs).append(rhs)
    widths = {}
    for variable in np.flatnonzero(hidden):
        objective = np.zeros(len(columns))
        objective[columns[variable]] = 1
        bounds = []
        for sign in (1, -1):
            result = linprog(sign * objective, A_eq=np.array(eq_rows) if eq_rows else None,
                             b_eq=eq_rhs or None, A_ub=np.array(le_rows) if le_rows else None,
                             b_ub=le_rhs or None, bounds=(0, None), method="highs")
            bounds.append(sign * result.fun if result.status == 0 else (np.inf if sign < 0 else 0.0))
        widths[int(variable)] = bounds[1] - bounds[0]
    return widths


def two_partnerships() -> tuple[np.ndarray, list[Relation], list[str]]:
    """The issue's example: A = {20, 3, 7, 6}, B = {30, 8, 9, 7}, their totals and 'ALL'."""
    a, b = [20, 3, 7, 6], [30, 8, 9, 7]
    every = [x + y for x, y in zip(a, b, strict=True)]
    values = np.array([*a, sum(a), *b, sum(b), *every, sum(every)], dtype=float)
    names = [f"{g}.{c}" for g in ("A", "B", "ALL") for c in ("job", "edu", "course", "support", "total")]
    relations = []
    for g in range(3):  # categories add up to the total of each row
        base = 5 * g
        relations.append(Relation((base, base + 1, base + 2, base + 3, base + 4), (1, 1, 1, 1, -1)))
    for c in range(5):  # A + B = ALL in each column
        relations.append(Relation((c, 5 + c, 10 + c), (1, 1, -1)))
    return values, relations, names


def test_the_differencing_example_is_protected() -> None:
    values, relations, names = two_partnerships()
    protection = protect(values, np.ones(len(values), bool), np.ones(len(values), bool), relations, MIN_CELL)
    assert protection.hidden[names.index("A.edu")]
    widths = attacker_widths(values, protection.hidden, np.zeros(len(values), bool), relations)
    assert min(widths.values()) >= MIN_CELL - 1
    # B's education cannot be shown beside 'ALL' (11 − 8 = 3 would give A's away)
    assert protection.hidden[names.index("B.edu")] or protection.hidden[names.index("ALL.edu")]


def test_the_old_row_by_row_suppression_would_have_been_caught() -> None:
    """Each report suppressed its own row (the smallest cell and the next smallest); the attacker
    combines A's report, B's report and the programme's: A's education is 11 − 8 = 3."""
    values, relations, names = two_partnerships()
    hidden = np.zeros(len(values), bool)
    for row in ("A", "B", "ALL"):
        cells = [names.index(f"{row}.{c}") for c in ("job", "edu", "course", "support")]
        small = [i for i in cells if 1 <= values[i] < MIN_CELL]
        if small:
            hidden[small] = True
            rest = sorted((values[i], i) for i in cells if not hidden[i])
            hidden[rest[0][1]] = True
    widths = attacker_widths(values, hidden, np.zeros(len(values), bool), relations)
    assert widths[names.index("A.edu")] == pytest.approx(0)


def youth_frames(groups: list[tuple[str, str, str, str]], old: list[bool]) -> OutcomeFrames:
    """Outcome frames of generated youths: (partnership, cohort, category, municipality) each, the
    newest export 2024-09-30, and an older one (2024-03-31) holding the youths marked `old`."""
    rows = []
    for (partnership, cohort, category, municipality), in_old in zip(groups, old, strict=True):
        status = {"job": "ordinary_job", "education": "education", "in_programme": "in_programme",
                  "public_support": "cash_benefit", "unknown": "other"}[category]
        observable = category != "in_programme"
        rows.append((partnership, cohort, observable, status, category, dt.date(2024, 9, 30), municipality, in_old))
    outcome = pd.DataFrame(rows, columns=["partnership_id", "cohort", "observable", "status", "category",
                                          "export_date", "municipality_code", "in_old"])
    cube = []
    for keys in (["partnership_id", "cohort"], ["partnership_id"], ["cohort"], []):
        grouped = outcome.groupby(keys) if keys else [((), outcome)]
        for key, part in grouped:
            key = key if isinstance(key, tuple) else (key,)
            label = dict(zip(keys, key, strict=True))
            n_obs = int(part["observable"].sum())
            n_job = int((part["category"] == "job").sum())
            rate = n_job / n_obs if n_obs else np.nan
            cube.append((label.get("partnership_id", "ALL"), label.get("cohort", "ALL"), len(part), n_obs, n_job,
                         rate, rate, rate))
    rates = pd.DataFrame(cube, columns=["partnership_id", "cohort", "n", "n_observable", "n_job", "rate", "ci_low",
                                        "ci_high"])
    trend_rows = []
    for partnership, part in outcome.groupby("partnership_id"):
        for date, members in ((dt.date(2024, 3, 31), part[part["in_old"]]), (dt.date(2024, 9, 30), part)):
            if len(members):
                trend_rows.append((partnership, date, len(members),
                                   *[int((members["category"] == c).sum()) for c in CATEGORIES]))
    trend = pd.DataFrame(trend_rows, columns=["partnership_id", "export_date", "n",
                                              *[f"n_{c}" for c in CATEGORIES]])
    programme = []
    for date in sorted(trend["export_date"].unique()):
        snapshot = trend[trend["export_date"] <= date].sort_values("export_date").groupby("partnership_id").last()
        programme.append(("ALL", date, *snapshot[["n", *[f"n_{c}" for c in CATEGORIES]]].sum().tolist()))
    trend = pd.concat([trend, pd.DataFrame(programme, columns=trend.columns)], ignore_index=True)
    empty = pd.DataFrame(columns=["partnership_id", "month", "n_observable", "category", "n", "share"])
    return OutcomeFrames(
        outcome=outcome.drop(columns="in_old"), employment_rate=rates, status_profile=empty,
        retention=pd.DataFrame(columns=["partnership_id", "month", "day", "n_at_risk", "survival", "ci_low",
                                        "ci_high"]),
        funnel=pd.DataFrame(columns=["partnership_id", "phase", "n_reached", "share_reached",
                                     "median_days_from_previous"]),
        trend=trend, categories=CATEGORIES, job_statuses=JOBS,
    )


def audit(frames: OutcomeFrames) -> dict[int, float]:
    reg, partnerships = collect_statistics(frames, None)
    release = make_release(reg, partnerships, MIN_CELL)
    cells = release.cells
    values = np.array(reg.values, dtype=float)
    published = np.zeros(len(values), bool)
    published[cells["statistic_id"].to_numpy()] = True
    # what a reader sees: the published values; the hidden flags of the published cells
    shown = cells.groupby("statistic_id")["hidden"].first()
    hidden = np.zeros(len(values), bool)
    hidden[shown.index.to_numpy()] = shown.to_numpy()
    counts = np.array(reg.protected) & published
    # every non-hidden published count equals its true value (nothing silently altered)
    visible = cells[(cells["unit"] == "count") & ~cells["hidden"]]
    assert (visible["value"].to_numpy() == values[visible["statistic_id"].to_numpy()]).all()
    return attacker_widths(values, hidden & counts, ~published, reg.relations)


youth = st.tuples(
    st.sampled_from(["pmu-morsoe", "mou-hotel-aalborg", "ev-ringkoebing-skjern"]),
    st.sampled_from(["2021", "2022", "2023"]),
    st.sampled_from(CATEGORIES),
    st.sampled_from(["773", "851", "760"]),
)


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(youth, st.booleans()), min_size=1, max_size=40))
def test_no_hidden_count_of_a_generated_release_can_be_pinned(youngsters) -> None:
    groups = [y for y, _ in youngsters]
    old = [o for _, o in youngsters]
    widths = audit(youth_frames(groups, old))
    narrow = {k: w for k, w in widths.items() if w < MIN_CELL - 1 - 1e-7}
    assert not narrow


def test_a_small_release_is_protected() -> None:
    groups = ([("pmu-morsoe", "2022", "job", "773")] * 20 + [("pmu-morsoe", "2022", "education", "773")] * 3
              + [("mou-hotel-aalborg", "2023", "job", "851")] * 30 + [("mou-hotel-aalborg", "2023", "education",
                                                                           "851")] * 8)
    widths = audit(youth_frames(groups, [False] * len(groups)))
    assert widths, "the 3 youths in education must be hidden"
    assert min(widths.values()) >= MIN_CELL - 1


def test_youths_counted_in_the_warehouse_give_the_same_release() -> None:
    """The build hands the release its 12-month outcome counted by group (column n), not youth by
    youth; every statistic, relation and published cell is the same."""
    groups = ([("pmu-morsoe", "2022", "job", "773")] * 12 + [("pmu-morsoe", "2021", "education", "851")] * 3
              + [("mou-hotel-aalborg", "2023", "job", "851")] * 9 + [("mou-hotel-aalborg", "2023", "unknown",
                                                                          "760")] * 2)
    frames = youth_frames(groups, [i % 3 == 0 for i in range(len(groups))])
    counted = frames.outcome.groupby(list(frames.outcome.columns), as_index=False).size().rename(
        columns={"size": "n"})
    assert len(counted) < len(frames.outcome)
    by_youth, _ = collect_statistics(frames, None)
    by_group, partnerships = collect_statistics(dataclasses.replace(frames, outcome=counted), None)
    assert by_group.values == by_youth.values and by_group.index == by_youth.index
    assert by_group.relations == by_youth.relations
    pd.testing.assert_frame_equal(make_release(by_group, partnerships, MIN_CELL).cells,
                                  make_release(by_youth, partnerships, MIN_CELL).cells)


def test_municipalities_with_fewer_than_ten_youths_are_pooled() -> None:
    codes = pd.Series(["773", "851", None, "851", "760"])
    youths = pd.Series([10, 9, 4, 2, 1])  # 851 has 9 + 2 = 11 youths in two rows
    assert list(municipality_groups(codes, youths)) == ["773", "851", "other", "851", "other"]
    assert list(municipality_groups(pd.Series(["773"] * 9 + ["851"]))) == ["other"] * 10
    assert municipality_group_map(pd.Series([10, 9], index=["773", "851"])) == {"773": "773", "851": "other"}
