"""Like for like (trend_like_for_like): the change since each partnership's previous export among the
cohorts both exports hold, worked out by hand; its release (relations to the trend and the headline,
audited by the linear-programming attacker of test_release_disclosure); the trend chart's date axis."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from test_models_outcomes import Warehouse, rows
from test_release_disclosure import CATEGORIES, MIN_CELL, audit, youth_frames

from pipeline import formatting as fmt
from pipeline.release.outcomes import add_like_for_like
from pipeline.release.statistics import Key, Registry
from pipeline.release.store import collect_statistics, read_outcome_frames
from pipeline.reports.charts import trend_lines
from pipeline.reports.tables import cohort_span


def _warehouse() -> Warehouse:
    """p1: an old export (ignored), the previous one (re-sent: the later one counts) and the current one;
    p2: one export only; p3: two exports with one youth."""
    wh = Warehouse()
    wh.export("p1_old", "p1", "2021-12-31")
    wh.export("p1_prev_first", "p1", "2022-06-30")
    wh.export("p1_prev", "p1", "2022-06-30")  # same date, ingested later: the previous export
    wh.export("p1_cur", "p1", "2023-06-30")
    wh.export("p2_only", "p2", "2023-06-30")
    wh.export("p3_prev", "p3", "2023-01-31")
    wh.export("p3_cur", "p3", "2023-06-30")
    wh.youth("p1_old", "x", "2021-03-31")
    wh.youth("p1_prev_first", "x", "2021-03-31")
    # previous export (2022-06-30): a job (2021), b cash benefit (2021), c not yet observable (2022),
    # d a job (2020, a cohort the current export does not hold), e still in STU
    for youth, end in (("a", "2021-03-31"), ("b", "2021-05-31"), ("c", "2022-01-31"), ("d", "2020-06-30"),
                       ("e", None)):
        wh.youth("p1_prev", youth, end)
    wh.spell("p1_prev", "a", "ordinary_job", "2022-01-01", None)
    wh.spell("p1_prev", "b", "cash_benefit", "2021-06-01", None)
    wh.spell("p1_prev", "d", "flexjob", "2020-08-01", None)
    # current export (2023-06-30): a job, b cash benefit, c a job at 2023-01-31, f (2023) not observable,
    # e still in STU
    for youth, end in (("a", "2021-03-31"), ("b", "2021-05-31"), ("c", "2022-01-31"), ("f", "2023-01-31"),
                       ("e", None)):
        wh.youth("p1_cur", youth, end)
    wh.spell("p1_cur", "a", "ordinary_job", "2022-01-01", None)
    wh.spell("p1_cur", "b", "cash_benefit", "2021-06-01", None)
    wh.spell("p1_cur", "c", "ordinary_job", "2022-12-01", None)
    wh.youth("p2_only", "z", "2021-12-31")
    for export in ("p3_prev", "p3_cur"):
        wh.youth(export, "g", "2021-06-30")
        wh.spell(export, "g", "education", "2021-08-01", None)
    return wh


def _table(con) -> dict[tuple[str, str], dict]:
    return {(r["partnership_id"], r["category"]): r for r in rows(con, "select * from trend_like_for_like")}


def test_like_for_like_is_worked_out_by_hand() -> None:
    table = _table(_warehouse().build())
    assert {p for p, _ in table} == {"p1", "p3", "ALL"}  # p2 has one export only
    p1 = {c: (r["n_previous"], r["n_current"]) for (p, c), r in table.items() if p == "p1"}
    # cohorts 2021 and 2022 are in both exports (a, b, c); d (2020), f (2023) and e (in STU) are not
    assert p1 == {"job": (1, 2), "education": (0, 0), "in_programme": (1, 0), "public_support": (1, 1),
                  "unknown": (0, 0), "total": (3, 3)}
    first = table[("p1", "job")]
    assert str(first["previous_export_date"].date()) == "2022-06-30"
    assert str(first["current_export_date"].date()) == "2023-06-30"
    assert first["cohorts"] == "2021,2022"
    assert first["share_previous"] == pytest.approx(1 / 3) and first["share_current"] == pytest.approx(2 / 3)
    assert first["change_pp"] == pytest.approx(100 / 3)
    assert table[("p1", "in_programme")]["change_pp"] == pytest.approx(-100 / 3)
    assert table[("p1", "public_support")]["change_pp"] == pytest.approx(0)
    assert math.isnan(table[("p1", "total")]["change_pp"])
    assert table[("p3", "education")]["n_previous"] == table[("p3", "education")]["n_current"] == 1
    programme = {c: (r["n_previous"], r["n_current"]) for (p, c), r in table.items() if p == "ALL"}
    assert programme["total"] == (4, 4) and programme["job"] == (1, 2) and programme["education"] == (1, 1)
    assert table[("ALL", "job")]["change_pp"] == pytest.approx(25.0)
    assert pd.isna(table[("ALL", "job")]["cohorts"])


def test_the_release_ties_each_side_to_what_it_already_shows() -> None:
    """The current side is the compared cohorts' sum of the 12-month counts; the previous side is the trend's
    point of that date less youths never published (the old cohort, youths in STU)."""
    con = _warehouse().build()
    reg, _ = collect_statistics(read_outcome_frames(con), None)
    date = pd.Timestamp("2023-06-30")
    job = reg.index[Key("like_for_like_count", "p1", export_date=date, category="job", item="current")]
    parts = [reg.index[Key("outcome_12m_count", "p1", cohort=c, export_date=date, category="job")]
             for c in ("2021", "2022")]
    assert any(set(r.members) == {job, *parts} for r in reg.relations)
    previous = reg.index[Key("like_for_like_count", "p1", export_date=pd.Timestamp("2022-06-30"), category="total",
                             item="previous")]
    rest = reg.index[Key("like_for_like_rest_count", "p1", export_date=pd.Timestamp("2022-06-30"), category="total",
                         item="previous")]
    assert reg.values[previous] == 3 and reg.values[rest] == 2  # d and e
    # p3's sides hold every youth of its points: the same statistics, not new ones
    p3 = Key("like_for_like_count", "p3", export_date=date, category="education", item="current")
    assert reg.index[p3] == reg.index[Key("outcome_12m_count", "p3", cohort="ALL", export_date=date,
                                          category="education")]
    change = reg.index[Key("like_for_like_change_pp", "p1", export_date=date, category="job", item="change")]
    assert reg.values[change] == pytest.approx(100 / 3) and reg.units[change] == "points"


def test_generated_like_for_like_releases_cannot_be_differenced() -> None:
    """Partnerships whose previous export held part of the cohorts: every hidden count of the release with
    the like-for-like table keeps an interval of at least min_cell − 1 for the attacker."""
    rng = np.random.default_rng(7)
    rests = 0
    for _ in range(15):
        groups, old = [], []
        for _youth in range(int(rng.integers(8, 40))):
            cohort = str(rng.choice(["2021", "2022", "in STU"]))
            category = "in_programme" if cohort == "in STU" else str(rng.choice(CATEGORIES))
            groups.append((str(rng.choice(["pmu-morsoe", "mou-hotel-aalborg"])), cohort, category, "773"))
            old.append(bool(rng.random() < 0.6))
        frames = youth_frames(groups, old)
        like = _generated_like_for_like(groups, old)
        frames = dataclasses.replace(frames, like_for_like=like)
        widths = audit(frames)
        assert not {k: w for k, w in widths.items() if w < MIN_CELL - 1 - 1e-7}
        reg, _ = collect_statistics(frames, None)
        assert any(key.quantity == "like_for_like_count" for key in reg.keys) or like.empty
        rests += sum(key.quantity == "like_for_like_rest_count" for key in reg.keys)
    assert rests  # some previous export held youths the comparison leaves out (youths in STU)


def test_when_only_youths_in_stu_are_left_out_the_other_categories_are_the_headline() -> None:
    """Every cohort compared: the youths left out are still in STU, all 'in_programme'; so the job count of
    the current side is the partnership's headline job count (one statistic), the course count is not."""
    wh = Warehouse()
    wh.export("prev", "p4", "2022-06-30")
    wh.export("cur", "p4", "2023-06-30")
    for export in ("prev", "cur"):
        wh.youth(export, "h", "2021-03-31")
        wh.spell(export, "h", "ordinary_job", "2021-06-01", None)
    wh.youth("cur", "i", None)
    reg, _ = collect_statistics(read_outcome_frames(wh.build()), None)
    date = pd.Timestamp("2023-06-30")

    def index(quantity: str, category: str, **dims: object) -> int:
        return reg.index[Key(quantity, "p4", export_date=date, category=category, **dims)]

    assert index("like_for_like_count", "job", item="current") == index("outcome_12m_count", "job", cohort="ALL")
    course = index("like_for_like_count", "in_programme", item="current")
    assert course != index("outcome_12m_count", "in_programme", cohort="ALL") and reg.values[course] == 0


def _generated_like_for_like(groups: list[tuple[str, str, str, str]], old: list[bool]) -> pd.DataFrame:
    """youth_frames' exports as trend_like_for_like: previous = the youths marked old (2024-03-31), current =
    every youth (2024-09-30), each with the category it has in youth_frames."""
    youths = pd.DataFrame(groups, columns=["partnership_id", "cohort", "category", "municipality"])
    youths["old"] = old
    out = []
    names = [*CATEGORIES, "total"]
    sums = {"previous": dict.fromkeys(names, 0), "current": dict.fromkeys(names, 0)}
    for p, part in youths.groupby("partnership_id"):
        before = part[part["old"]]
        if before.empty:
            continue
        cohorts = sorted(set(before["cohort"]) & set(part["cohort"]) - {"in STU"})
        sides = {"previous": before[before["cohort"].isin(cohorts)], "current": part[part["cohort"].isin(cohorts)]}
        for name in names:
            counts = {s: (len(f) if name == "total" else int((f["category"] == name).sum())) for s, f in sides.items()}
            for side in sums:
                sums[side][name] += counts[side]
            out.append(_like_row(p, dt.date(2024, 3, 31), dt.date(2024, 9, 30), ",".join(cohorts), name, counts,
                                 {s: len(f) for s, f in sides.items()}))
    if out:
        totals = {s: sums[s]["total"] for s in sums}
        out += [_like_row("ALL", None, None, None, name, {s: sums[s][name] for s in sums}, totals) for name in names]
    return pd.DataFrame(out)


def _like_row(p: str, previous: object, current: object, cohorts: str | None, name: str, counts: dict[str, int],
              totals: dict[str, int]) -> dict:
    shares = {s: counts[s] / totals[s] if totals[s] else np.nan for s in counts}
    return {"partnership_id": p, "previous_export_date": previous, "current_export_date": current,
            "cohorts": cohorts, "category": name, "n_previous": counts["previous"], "n_current": counts["current"],
            "share_previous": shares["previous"], "share_current": shares["current"],
            "change_pp": np.nan if name == "total" else 100 * (shares["current"] - shares["previous"])}


def test_an_empty_like_for_like_table_adds_nothing() -> None:
    reg = Registry()
    add_like_for_like(reg, pd.DataFrame(), CATEGORIES)
    assert not reg.keys


def test_the_trend_axis_ticks_are_the_export_dates_in_danish_and_english() -> None:
    frame = pd.DataFrame({"export_date": [dt.date(2026, 3, 31), dt.date(2026, 9, 30)], "share_job": [0.5, np.nan]})
    for lang, expected in (("da", ["31. mar. 2026", "30. sep. 2026"]), ("en", ["31 Mar 2026", "30 Sep 2026"])):
        fig = trend_lines({"A": frame}, lang)
        ax = fig.axes[0]
        assert [label.get_text() for label in ax.get_xticklabels()] == expected
        line = ax.get_lines()[0]
        assert len(line.get_xdata()) == 2 and np.isnan(line.get_ydata()[1])  # the hidden point is not drawn
    assert fmt.fmt_date_tick(dt.date(2024, 5, 1), "da") == "1. maj 2024"


def test_cohort_span() -> None:
    assert cohort_span(["2020", "2021", "2022"]) == "2020–2022"
    assert cohort_span(["2020", "2022"]) == "2020, 2022"
    assert cohort_span(["2021", "2022"]) == "2021, 2022"
