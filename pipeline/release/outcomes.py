"""The outcome statistics of a release and their relations (pure: model frames → Registry).

Read from the model tables (outcome_12m, employment_rate_12m, status_profile,
retention_curve, phase_funnel, trend); nothing here redefines a figure. Where two model
tables hold the same number (the trend's newest point and the headline; month 12 of the
status profile and the 12-month outcome), it is registered once and checked equal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from pipeline.formatting import is_missing as fmt_missing
from pipeline.reference import municipality_groups
from pipeline.release.statistics import Key, Registry

ALL = "ALL"
IN_STU = "in STU"
PROFILE_MONTHS = (1, 3, 6, 12, 18, 24, 36)
RETENTION_COUNT_MONTHS = (0, 3, 6, 12, 18, 24, 36, 48, 60)
"""Months at which the number of youths still at risk is published (the curve is published monthly)."""


@dataclass(frozen=True)
class OutcomeFrames:
    """The model tables the outcome statistics are read from."""

    # outcome_12m + municipality_code (newest exports): one row per youth, or per group of
    # youths alike in every column with their number in a column `n`
    outcome: pd.DataFrame
    employment_rate: pd.DataFrame
    status_profile: pd.DataFrame
    retention: pd.DataFrame
    funnel: pd.DataFrame
    trend: pd.DataFrame
    categories: tuple[str, ...]
    job_statuses: tuple[str, ...]
    like_for_like: pd.DataFrame = field(default_factory=pd.DataFrame)  # trend_like_for_like


def export_dates(outcome: pd.DataFrame) -> dict[str, object]:
    """The date of the export each partnership's figures describe; 'ALL': the newest of them."""
    dates = outcome.groupby("partnership_id", observed=True)["export_date"].max().to_dict()
    dates[ALL] = max(dates.values()) if dates else None
    return dates


def _outcome_key(quantity: str, partnership: str, cohort: str, date: object, category: str,
                 municipality: str | None = None) -> Key:
    return Key(quantity, partnership_id=partnership, municipality_code=municipality, cohort=cohort,
               export_date=date, category=category)


def add_outcome(reg: Registry, frames: OutcomeFrames) -> dict[str, object]:
    """12-month outcome counts by partnership × cohort (each with 'ALL') and by municipality,
    with observability, job types, shares and the employment rate. Returns the export dates."""
    outcome, cats, jobs = counted_youths(frames.outcome), frames.categories, frames.job_statuses
    dates = export_dates(outcome)
    partnerships = sorted(outcome["partnership_id"].unique())
    cohorts = sorted(outcome["cohort"].unique())
    groups = [(p, c) for p in [*partnerships, ALL] for c in [*cohorts, ALL]]
    ids: dict[tuple[str, str], dict[str, int]] = {}
    for p, c in groups:
        rows = outcome
        if p != ALL:
            rows = rows[rows["partnership_id"] == p]
        if c != ALL:
            rows = rows[rows["cohort"] == c]
        if p != ALL and c != ALL and rows.empty:
            continue
        ids[(p, c)] = _group_counts(reg, rows, p, c, dates[p], cats, jobs, None)
    for c in [*cohorts, ALL]:  # partnerships add up to the programme
        for name in ids[(ALL, c)]:
            if name in jobs:
                continue
            parts = [ids[(p, c)][name] for p in partnerships if (p, c) in ids]
            reg.sums_to(parts, ids[(ALL, c)][name])
    for p in [*partnerships, ALL]:  # cohorts add up to all cohorts
        for name in ids[(p, ALL)]:
            if name in jobs:
                continue  # job types are published for all cohorts together only
            parts = [ids[(p, c)][name] for c in cohorts if (p, c) in ids]
            reg.sums_to(parts, ids[(p, ALL)][name])
    municipal = {}
    for code, rows in outcome.groupby(municipality_groups(outcome["municipality_code"], outcome["n"])):
        municipal[code] = _group_counts(reg, rows, ALL, ALL, dates[ALL], cats, (), str(code))
    for name in ["total", *cats]:  # municipalities add up to the programme
        if municipal:
            reg.sums_to([m[name] for m in municipal.values()], ids[(ALL, ALL)][name])
    _check_rates(reg, frames.employment_rate, dates)
    return dates


def counted_youths(outcome: pd.DataFrame) -> pd.DataFrame:
    """The outcome rows with `n`, the youths each row stands for (1 a row when youth by youth);
    the codes as categoricals, so the many group filters compare small integers, not strings."""
    counted = outcome if "n" in outcome else outcome.assign(n=1)
    return counted.astype({"partnership_id": "category", "cohort": "category", "category": "category",
                           "status": "category"})


def _group_counts(reg: Registry, rows: pd.DataFrame, p: str, c: str, date: object, cats: Sequence[str],
                  jobs: Sequence[str], municipality: str | None) -> dict[str, int]:
    """Counts of one group; shares of all youths; the employment rate's counts (partitions related)."""
    key = _outcome_key
    youths = rows["n"].astype("int64")
    total = reg.count(key("outcome_12m_count", p, c, date, "total", municipality), int(youths.sum()))
    ids = {"total": total}
    for category in cats:
        ids[category] = reg.count(key("outcome_12m_count", p, c, date, category, municipality),
                                  int(youths[rows["category"] == category].sum()))
    jobs = jobs if p == ALL and c == ALL and municipality is None else ()  # job types: the programme's headline
    for status in jobs:
        ids[status] = reg.count(key("outcome_12m_count", p, c, date, status, municipality),
                                int(youths[rows["status"] == status].sum()))
    reg.sums_to([ids[category] for category in cats], total)
    reg.sums_to([ids[status] for status in jobs], ids["job"])
    for name in ["total", *cats, *jobs]:
        reg.share(key("outcome_12m_share", p, c, date, name, municipality), ids[name], total)
    observable = rows["observable"].astype(bool)
    if municipality is None:
        ids["observable"] = reg.count(key("employment_rate_observable", p, c, date, "total"),
                                      int(youths[observable].sum()))
        reg.alias(key("employment_rate_job", p, c, date, "job"), ids["job"])
        # never published: youths whose 12 months have not passed, and observable youths still in the course
        ids["unobservable"] = reg.count(Key("unobservable_count", p, cohort=c, export_date=date),
                                        int(youths[~observable].sum()))
        ids["observable_in_programme"] = reg.count(
            Key("observable_in_programme_count", p, cohort=c, export_date=date),
            int(youths[observable & (rows["category"] == "in_programme")].sum()))
        reg.sums_to([ids["observable"], ids["unobservable"]], total)
        reg.sums_to([ids["unobservable"], ids["observable_in_programme"]], ids["in_programme"])
    return ids


def _check_rates(reg: Registry, rates: pd.DataFrame, dates: dict[str, object]) -> None:
    """employment_rate_12m: its counts must be the release's; the rate and interval are derived."""
    for row in rates.itertuples(index=False):
        date = dates[row.partnership_id]
        observable = reg.same(_outcome_key("employment_rate_observable", row.partnership_id, row.cohort, date,
                                           "total"), row.n_observable,
                              reg.index[_outcome_key("employment_rate_observable", row.partnership_id,
                                                     row.cohort, date, "total")])
        job = reg.same(_outcome_key("employment_rate_job", row.partnership_id, row.cohort, date, "job"), row.n_job,
                       reg.index[_outcome_key("employment_rate_job", row.partnership_id, row.cohort, date, "job")])
        for quantity, value in (("employment_rate", row.rate), ("employment_rate_ci_low", row.ci_low),
                                ("employment_rate_ci_high", row.ci_high)):
            reg.derived(Key(quantity, row.partnership_id, cohort=row.cohort, export_date=date), value, "rate",
                        (job, observable), observable)


def add_status_profile(reg: Registry, profile: pd.DataFrame, dates: dict[str, object],
                       categories: Sequence[str]) -> None:
    """Status m months after STU; month 12 is the 12-month outcome of the observable youths."""
    if profile.empty:
        return  # no youth has finished STU: no profile to publish
    partnerships = sorted(p for p in profile["partnership_id"].unique() if p != ALL)
    ids: dict[tuple[str, int], dict[str, int]] = {}
    for p in [*partnerships, ALL]:
        rows = profile[profile["partnership_id"] == p]
        for month in PROFILE_MONTHS:
            part = rows[rows["month"] == month]
            date = dates.get(p)
            total_value = int(part["n_observable"].iloc[0]) if len(part) else 0
            found = {"total": _profile_count(reg, p, month, date, "total", total_value)}
            for category in categories:
                value = int(part.loc[part["category"] == category, "n"].sum())
                found[category] = _profile_count(reg, p, month, date, category, value)
            reg.sums_to([found[c] for c in categories], found["total"])
            for name, index in found.items():
                reg.share(Key("status_profile_share", p, month=month, export_date=date, category=name),
                          index, found["total"])
            ids[(p, month)] = found
    for month in PROFILE_MONTHS:
        for name in ids[(ALL, month)]:
            reg.sums_to([ids[(p, month)][name] for p in partnerships], ids[(ALL, month)][name])


def _profile_count(reg: Registry, p: str, month: int, date: object, category: str, value: int) -> int:
    key = Key("status_profile_count", p, month=month, export_date=date, category=category)
    if month == 12 and date is not None:
        if category == "total":
            same = reg.get(_outcome_key("employment_rate_observable", p, ALL, date, "total"))
        elif category == "in_programme":
            same = reg.get(Key("observable_in_programme_count", p, cohort=ALL, export_date=date))
        else:
            same = reg.get(_outcome_key("outcome_12m_count", p, ALL, date, category))
        if same is not None:
            return reg.same(key, value, same)
    return reg.count(key, value)


def add_retention(reg: Registry, retention: pd.DataFrame, dates: dict[str, object]) -> None:
    """Kaplan–Meier retention: youths at risk (counts, non-increasing) and the survival share."""
    partnerships = sorted(p for p in retention["partnership_id"].unique() if p != ALL)
    at_risk: dict[tuple[str, int], int] = {}
    for row in retention.itertuples(index=False):
        p, month, date = row.partnership_id, int(row.month), dates.get(row.partnership_id)
        index = reg.count(Key("retention_at_risk", p, month=month, export_date=date), row.n_at_risk)
        at_risk[(p, month)] = index
        for quantity, value in (("retention_survival", row.survival), ("retention_ci_low", row.ci_low),
                                ("retention_ci_high", row.ci_high)):
            reg.derived(Key(quantity, p, month=month, export_date=date), value, "share", (index,), index)
    months = [m for m in RETENTION_COUNT_MONTHS if any(key[1] == m for key in at_risk)]
    for p in {key[0] for key in at_risk}:
        steps = [at_risk[(p, m)] for m in months if (p, m) in at_risk]
        for earlier, later in zip(steps, steps[1:], strict=False):
            reg.relate([(later, 1.0), (earlier, -1.0)], kind="le")
    for month in months:
        if (ALL, month) in at_risk:
            reg.sums_to([at_risk[(p, month)] for p in partnerships if (p, month) in at_risk], at_risk[(ALL, month)])


def add_funnel(reg: Registry, funnel: pd.DataFrame, dates: dict[str, object]) -> None:
    """Youths who reached each phase, of all youths (the headline's n)."""
    partnerships = sorted(p for p in funnel["partnership_id"].unique() if p != ALL)
    ids: dict[tuple[str, int], int] = {}
    for row in funnel.itertuples(index=False):
        p, phase, date = row.partnership_id, int(row.phase), dates.get(row.partnership_id)
        total = reg.alias(Key("funnel_count", p, export_date=date, category="total"),
                          reg.index[_outcome_key("outcome_12m_count", p, ALL, date, "total")])
        index = reg.count(Key("funnel_count", p, export_date=date, category=f"phase_{phase}"), row.n_reached)
        ids[(p, phase)] = index
        reg.share(Key("funnel_share", p, export_date=date, category=f"phase_{phase}"), index, total)
        reg.derived(Key("funnel_median_days", p, export_date=date, category=f"phase_{phase}"),
                    row.median_days_from_previous, "days", (index,), index)
    for (p, phase), index in ids.items():
        if p == ALL:
            reg.sums_to([ids[(q, phase)] for q in partnerships if (q, phase) in ids], index)


def add_trend(reg: Registry, trend: pd.DataFrame, dates: dict[str, object], categories: Sequence[str]) -> None:
    """The 12-month outcome as of every export; 'ALL' on a date is each partnership's newest
    snapshot on or before it, so it is the sum of those partnership points."""
    ids: dict[tuple[str, object], dict[str, int]] = {}
    for row in trend.itertuples(index=False):
        p, date = row.partnership_id, row.export_date
        found = {}
        for name in ["total", *categories]:
            value = row.n if name == "total" else getattr(row, f"n_{name}")
            key = Key("trend_count", p, export_date=date, category=name)
            current = reg.get(_outcome_key("outcome_12m_count", p, ALL, date, name)) if date == dates.get(p) else None
            found[name] = reg.same(key, value, current) if current is not None else reg.count(key, value)
        reg.sums_to([found[c] for c in categories], found["total"])
        for name, index in found.items():
            reg.share(Key("trend_share", p, export_date=date, category=name), index, found["total"])
        ids[(p, date)] = found
    partner_dates: dict[str, list[object]] = {}
    for p, date in ids:
        if p != ALL:
            partner_dates.setdefault(p, []).append(date)
    for (p, date), found in ids.items():
        if p != ALL:
            continue
        snapshots = [(q, max(d for d in ds if d <= date)) for q, ds in partner_dates.items() if min(ds) <= date]
        for name, index in found.items():
            reg.sums_to([ids[s][name] for s in snapshots], index)


PERIODS = ("previous", "current")


def add_like_for_like(reg: Registry, frame: pd.DataFrame, categories: Sequence[str]) -> None:
    """The change since each partnership's previous export among the cohorts both exports hold
    (trend_like_for_like). Each side is tied to what the release already shows: the previous
    side is part of the trend's point of that date (the rest, cohorts not compared and youths
    in STU, is never published), the current side the sum of the compared cohorts' 12-month
    counts; where a side holds every youth of the point it is that statistic. 'ALL' is the
    sum of the partnerships. So differencing two exports can pin nothing the audit misses."""
    if frame is None or frame.empty:
        return
    names = ["total", *categories]
    ids = {str(p): _partnership_like_for_like(reg, str(p), rows.set_index("category"), categories)
           for p, rows in frame.groupby("partnership_id", sort=False) if p != ALL}
    if ALL not in set(frame["partnership_id"]) or not ids:
        return
    rows = frame[frame["partnership_id"] == ALL].set_index("category")
    found = {}
    for period in PERIODS:
        for name in names:
            key = _like_key("like_for_like_count", ALL, None, name, period)
            parts = [found_p[(period, name)] for found_p in ids.values()]
            value = int(rows.loc[name, f"n_{period}"])
            found[(period, name)] = (reg.same(key, value, parts[0]) if len(parts) == 1 else reg.count(key, value))
            if len(parts) > 1:
                reg.sums_to(parts, found[(period, name)])
    _like_for_like_derived(reg, ALL, {"previous": None, "current": None}, rows, found, categories)


def _partnership_like_for_like(reg: Registry, p: str, rows: pd.DataFrame,
                               categories: Sequence[str]) -> dict[tuple[str, str], int]:
    """One partnership's two sides (counts tied to the release), the cohorts compared, shares and change."""
    first = rows.iloc[0]
    dates = {"previous": first["previous_export_date"], "current": first["current_export_date"]}
    cohorts = [] if fmt_missing(first["cohorts"]) else [c for c in str(first["cohorts"]).split(",") if c]
    values = {period: {name: int(rows.loc[name, f"n_{period}"]) for name in ["total", *categories]}
              for period in PERIODS}
    sides = {"previous": _tie_previous(reg, p, dates["previous"], values["previous"]),
             "current": _tie_current(reg, p, dates["current"], cohorts, values["current"])}
    found = {(period, name): index for period, side in sides.items() for name, index in side.items()}
    for cohort in cohorts:
        reg.derived(Key("like_for_like_cohort", p, cohort=cohort, export_date=dates["current"]), 1, "flag")
    _like_for_like_derived(reg, p, dates, rows, found, categories)
    return found


def _like_key(quantity: str, p: str, date: object, category: str, item: str) -> Key:
    return Key(quantity, p, export_date=date, category=category, item=item)


def _tie_previous(reg: Registry, p: str, date: object, values: dict[str, int]) -> dict[str, int]:
    """The previous side: the trend's point of that date, or part of it (the rest never published)."""
    point = {name: reg.get(Key("trend_count", p, export_date=date, category=name)) for name in values}
    found: dict[str, int] = {}
    whole = point["total"] is not None and reg.values[point["total"]] == values["total"]
    for name, value in values.items():
        key = _like_key("like_for_like_count", p, date, name, "previous")
        if whole:
            found[name] = reg.same(key, value, point[name])  # type: ignore[arg-type]
            continue
        found[name] = reg.count(key, value)
        if point[name] is not None:
            rest = reg.count(_like_key("like_for_like_rest_count", p, date, name, "previous"),
                             reg.values[point[name]] - value)
            reg.sums_to([found[name], rest], point[name])
    if not whole:
        reg.sums_to([found[name] for name in values if name != "total"], found["total"])
    return found


def _tie_current(reg: Registry, p: str, date: object, cohorts: list[str], values: dict[str, int]) -> dict[str, int]:
    """The current side: the sum of the compared cohorts' 12-month counts (the same statistic when
    it is all youths of the partnership, or one cohort). When every cohort of the export is compared,
    only youths still in STU are left out, and they are all 'in_programme' (docs/definitions.md §2):
    every other category is the partnership's headline count itself."""
    found: dict[str, int] = {}
    whole = reg.get(_outcome_key("outcome_12m_count", p, ALL, date, "total"))
    everyone = whole is not None and reg.values[whole] == values["total"]
    years = {k.cohort for k in reg.index if k.quantity == "outcome_12m_count" and k.partnership_id == p
             and k.export_date == date and k.municipality_code is None and k.cohort not in (ALL, IN_STU)}
    every_cohort = whole is not None and set(cohorts) == years
    for name, value in values.items():
        key = _like_key("like_for_like_count", p, date, name, "current")
        if everyone or (every_cohort and name not in ("total", "in_programme")):
            same = _outcome_key("outcome_12m_count", p, ALL, date, name)
        elif len(cohorts) == 1:
            same = _outcome_key("outcome_12m_count", p, cohorts[0], date, name)
        else:
            found[name] = reg.count(key, value)
            reg.sums_to([reg.index[_outcome_key("outcome_12m_count", p, c, date, name)] for c in cohorts],
                        found[name])
            continue
        found[name] = reg.same(key, value, reg.index[same])
    if not everyone:
        reg.sums_to([found[name] for name in values if name != "total"], found["total"])
    return found


def _like_for_like_derived(reg: Registry, p: str, dates: dict[str, object], rows: pd.DataFrame,
                           found: dict[tuple[str, str], int], categories: Sequence[str]) -> None:
    """Shares of each side over its youths, and the change in percentage points (hidden with either side)."""
    for period in PERIODS:
        for name in ["total", *categories]:
            reg.share(_like_key("like_for_like_share", p, dates[period], name, period), found[(period, name)],
                      found[(period, "total")])
    totals = [found[(period, "total")] for period in PERIODS]
    smaller = min(totals, key=lambda index: reg.values[index])
    for name in categories:
        bases = (found[("previous", name)], found[("current", name)], *totals)
        reg.derived(_like_key("like_for_like_change_pp", p, dates["current"], name, "change"),
                    rows.loc[name, "change_pp"], "points", bases, smaller)
