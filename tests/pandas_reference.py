"""A second, independent implementation of the headline figures in plain pandas.

Written from the definitions (docs/definitions.md §1-§5) alone, not from the SQL models, so
that the two can be checked against each other (tests/test_pandas_reference.py) and timed
against each other (benchmarks/run.py). It reads the loaded tables (participants, spells,
exports) and gives outcome_12m, outcome_12m_summary, employment_rate_12m and retention_curve
with the models' columns. A test and benchmark tool, not part of the runtime package.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

CATEGORIES = ("job", "education", "in_programme", "public_support", "unknown")
WILSON_Z = 1.959963984540054  # the 97.5 % quantile of the standard normal (scipy's norm.isf(0.025))
MONTHS = np.arange(61)
MONTH_DAYS = np.floor(30.4375 * MONTHS + 0.5).astype(np.int64)


@dataclass(frozen=True)
class Inputs:
    """The newest export of each partnership: its youths, their spells and the export dates."""

    participants: pd.DataFrame  # participant_id, partnership_id, export_id, stu_end_date (datetime64)
    spells: pd.DataFrame  # participant_id, export_id, status, category, start_date, end_date (datetime64)
    exports: pd.DataFrame  # export_id, partnership_id, export_date (datetime64)


def read_inputs(con: duckdb.DuckDBPyConnection) -> Inputs:
    """The current (not superseded) exports with their youths and spells, as frames."""
    exports = con.execute("select export_id, partnership_id, export_date from exports where not superseded").df()
    participants = con.execute(
        "select p.participant_id, p.partnership_id, p.export_id, p.stu_end_date from participants_all p "
        "join exports e using (export_id) where not e.superseded").df()
    spells = con.execute(
        "select s.participant_id, s.export_id, s.status, s.category, s.start_date, s.end_date from spells_all s "
        "join exports e using (export_id) where not e.superseded").df()
    for frame, columns in ((exports, ["export_date"]), (participants, ["stu_end_date"]),
                           (spells, ["start_date", "end_date"])):
        for column in columns:
            frame[column] = pd.to_datetime(frame[column])
    return Inputs(participants, spells, exports)


def add_months(days: pd.Series, months: int) -> pd.Series:
    """Calendar months, the day clamped to the month's end (2020-01-31 + 1 month = 2020-02-29)."""
    total = days.dt.year * 12 + days.dt.month - 1 + months
    first = pd.to_datetime(pd.DataFrame({"year": total // 12, "month": total % 12 + 1, "day": 1}), errors="coerce")
    day = np.minimum(days.dt.day, first.dt.days_in_month)
    return first + pd.to_timedelta(day - 1, unit="D")


def _with_export_date(participants: pd.DataFrame, exports: pd.DataFrame) -> pd.DataFrame:
    return participants.merge(exports[["export_id", "export_date"]], on="export_id", how="left")


def status_on(youths: pd.DataFrame, spells: pd.DataFrame, day_column: str) -> pd.DataFrame:
    """Status and category of each youth on youths[day_column]: the spell covering that day
    (an ongoing spell runs to the export date); none → 'other' / 'unknown'."""
    asked = youths[["export_id", "participant_id", day_column, "export_date"]].dropna(subset=[day_column])
    joined = asked.merge(spells, on=["export_id", "participant_id"], how="inner")
    covers = (joined["start_date"] <= joined[day_column]) & (
        joined[day_column] <= joined["end_date"].fillna(joined["export_date"]))
    found = joined.loc[covers, ["export_id", "participant_id", "status", "category"]]
    found = found.drop_duplicates(["export_id", "participant_id"])
    out = youths[["export_id", "participant_id"]].merge(found, on=["export_id", "participant_id"], how="left")
    out["status"] = out["status"].fillna("other")
    out["category"] = out["category"].fillna("unknown")
    return out


def outcome_12m(inputs: Inputs) -> pd.DataFrame:
    """§4.1: each youth's status 12 months after STU; 'in_programme' and not observable while
    STU is not finished or the reference date lies after the export date."""
    youths = _with_export_date(inputs.participants, inputs.exports)
    youths["reference_date"] = add_months(youths["stu_end_date"], 12)
    youths["observable"] = youths["reference_date"].notna() & (youths["reference_date"] <= youths["export_date"])
    youths["observed_day"] = youths["reference_date"].where(youths["observable"])
    found = status_on(youths, inputs.spells, "observed_day")
    youths["status"] = np.where(youths["observable"], found["status"].to_numpy(), "in_programme")
    youths["category"] = np.where(youths["observable"], found["category"].to_numpy(), "in_programme")
    youths["cohort"] = youths["stu_end_date"].dt.year.astype("Int64").astype("string").fillna("in STU")
    columns = ["participant_id", "partnership_id", "cohort", "reference_date", "observable", "status", "category"]
    return youths[columns].sort_values(["partnership_id", "participant_id"]).reset_index(drop=True)


def _with_all(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows once per partnership and once more as partnership 'ALL'."""
    return pd.concat([frame, frame.assign(partnership_id="ALL")], ignore_index=True)


def outcome_12m_summary(outcome: pd.DataFrame) -> pd.DataFrame:
    """Counts and shares by category over all youths of each partnership (+ 'ALL')."""
    rows = _with_all(outcome)
    counts = pd.crosstab(rows["partnership_id"], rows["category"]).reindex(columns=list(CATEGORIES), fill_value=0)
    summary = pd.DataFrame({"partnership_id": counts.index, "n": counts.sum(axis=1).to_numpy()})
    for category in CATEGORIES:
        summary[f"n_{category}"] = counts[category].to_numpy()
    for category in CATEGORIES:
        summary[f"share_{category}"] = summary[f"n_{category}"] / summary["n"]
    return summary.sort_values("partnership_id").reset_index(drop=True)


def wilson_interval(successes: np.ndarray, n: np.ndarray, z: float = WILSON_Z) -> tuple[np.ndarray, np.ndarray]:
    """The Wilson score interval (as statsmodels' proportion_confint(method='wilson')); NaN where n = 0."""
    successes = np.asarray(successes, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = successes / n
        z2 = z * z
        denominator = 1 + z2 / n
        centre = (p + z2 / (2 * n)) / denominator
        half = z * np.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    return centre - half, centre + half


def employment_rate_12m(outcome: pd.DataFrame) -> pd.DataFrame:
    """§4.2: share in a job among observable youths, by partnership × cohort with 'ALL' margins."""
    rows = outcome.assign(job=outcome["observable"] & (outcome["category"] == "job"),
                          observable=outcome["observable"].astype(bool))
    rows = _with_all(rows)
    rows = pd.concat([rows, rows.assign(cohort="ALL")], ignore_index=True)
    grouped = rows.groupby(["partnership_id", "cohort"], sort=True).agg(
        n_observable=("observable", "sum"), n_job=("job", "sum")).reset_index()
    grouped["n_observable"] = grouped["n_observable"].astype("int64")
    grouped["n_job"] = grouped["n_job"].astype("int64")
    with np.errstate(invalid="ignore", divide="ignore"):
        grouped["rate"] = grouped["n_job"] / grouped["n_observable"].where(grouped["n_observable"] > 0)
    grouped["ci_low"], grouped["ci_high"] = wilson_interval(grouped["n_job"].to_numpy(),
                                                            grouped["n_observable"].to_numpy())
    return grouped


def attachment_episodes(inputs: Inputs, gap_days: int) -> pd.DataFrame:
    """§4.3: each youth's first attachment episode (job spells joined across gaps of at most
    gap_days after the episode's last end): start, duration in days, event (ended) or censored."""
    jobs = inputs.spells[inputs.spells["category"] == "job"]
    jobs = jobs.merge(inputs.exports[["export_id", "partnership_id", "export_date"]], on="export_id")
    jobs = jobs.sort_values(["export_id", "participant_id", "start_date"], kind="stable").reset_index(drop=True)
    new_youth = (jobs["export_id"].ne(jobs["export_id"].shift())
                 | jobs["participant_id"].ne(jobs["participant_id"].shift()))
    previous_end = jobs["end_date"].shift()
    gap = (jobs["start_date"] - previous_end).dt.days
    new_episode = new_youth | previous_end.isna() | (gap > gap_days)
    episode = new_episode.astype(int).groupby(new_youth.cumsum(), sort=False).cumsum()
    first_episode = jobs[(episode == 1).to_numpy()]
    opening = first_episode.drop_duplicates(["export_id", "participant_id"], keep="first")
    closing = first_episode.drop_duplicates(["export_id", "participant_id"], keep="last")
    episodes = pd.DataFrame({
        "partnership_id": opening["partnership_id"].to_numpy(),
        "participant_id": opening["participant_id"].to_numpy(),
        "start_date": opening["start_date"].to_numpy(),
        "end_date": closing["end_date"].to_numpy(),  # the last spell's end; missing = ongoing
        "export_date": opening["export_date"].to_numpy(),
    })
    episodes["event"] = episodes["end_date"].notna()
    episodes["duration"] = (episodes["end_date"].fillna(episodes["export_date"]) - episodes["start_date"]).dt.days
    return episodes


def kaplan_meier(durations: np.ndarray, events: np.ndarray, days: np.ndarray = MONTH_DAYS) -> pd.DataFrame:
    """S(t) = P(duration > t) at each day t, events before censorings at equal times, with
    the 95 % log(-log) interval from Greenwood's variance (as lifelines' KaplanMeierFitter)."""
    durations = np.asarray(durations, dtype=np.int64)
    events = np.asarray(events, dtype=bool)
    times, deaths = np.unique(durations[events], return_counts=True)
    ordered = np.sort(durations)
    at_risk_times = len(ordered) - np.searchsorted(ordered, times, side="left")
    with np.errstate(divide="ignore", invalid="ignore"):  # a first entry of 0 stands for 'before any event'
        log_survival = np.concatenate([[0.0], np.cumsum(np.log1p(-deaths / at_risk_times))])
        greenwood = np.concatenate([[0.0], np.cumsum(deaths / (at_risk_times * (at_risk_times - deaths)))])
    # the number of event times at or before each day
    position = np.searchsorted(times, days, side="right")
    survival = np.exp(log_survival[position])
    variance = greenwood[position]
    with np.errstate(divide="ignore", invalid="ignore"):
        v = np.log(survival)
        spread = WILSON_Z * np.sqrt(variance) / v
        low = np.exp(-np.exp(np.log(-v) - spread))
        high = np.exp(-np.exp(np.log(-v) + spread))
    low = np.where(survival >= 1.0, 1.0, np.where(survival <= 0.0, 0.0, low))
    high = np.where(survival >= 1.0, 1.0, np.where(survival <= 0.0, 0.0, high))
    n_at_risk = len(ordered) - np.searchsorted(ordered, days, side="left")
    return pd.DataFrame({"day": days, "n_at_risk": n_at_risk.astype(np.int64), "survival": survival,
                         "ci_low": low, "ci_high": high})


def retention_curve(inputs: Inputs, gap_days: int = 31) -> pd.DataFrame:
    """§4.3: Kaplan–Meier of the first attachment episode, per partnership (+ 'ALL') × month 0..60."""
    episodes = _with_all(attachment_episodes(inputs, gap_days))
    curves = []
    for partnership_id, group in episodes.groupby("partnership_id", sort=True):
        curve = kaplan_meier(group["duration"].to_numpy(), group["event"].to_numpy())
        curve.insert(0, "month", MONTHS)
        curve.insert(0, "partnership_id", partnership_id)
        curves.append(curve)
    columns = ["partnership_id", "month", "day", "n_at_risk", "survival", "ci_low", "ci_high"]
    if not curves:
        return pd.DataFrame(columns=columns)
    return pd.concat(curves, ignore_index=True)[columns]


def reference_tables(con: duckdb.DuckDBPyConnection, gap_days: int = 31) -> dict[str, pd.DataFrame]:
    """All four tables from the loaded warehouse."""
    inputs = read_inputs(con)
    outcome = outcome_12m(inputs)
    return {
        "outcome_12m": outcome,
        "outcome_12m_summary": outcome_12m_summary(outcome),
        "employment_rate_12m": employment_rate_12m(outcome),
        "retention_curve": retention_curve(inputs, gap_days),
    }

