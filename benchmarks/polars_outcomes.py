"""The four outcome tables in polars: the peer the DuckDB models are timed against.

Written from docs/definitions.md (§1-§3 and §5), like the pandas reference in
tests/pandas_reference.py, so the benchmark can check that DuckDB, pandas and polars give the
same tables and time all three on the same loaded rows: outcome_12m, outcome_12m_summary,
employment_rate_12m and retention_curve, with the SQL models' columns.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import duckdb
import polars as pl

CATEGORIES = ("job", "education", "in_programme", "public_support", "unknown")
WILSON_Z = 1.959963984540054
MONTH_DAYS = [math.floor(30.4375 * month + 0.5) for month in range(61)]


@dataclass(frozen=True)
class Inputs:
    """The newest export of each partnership: youths, spells and export dates, as polars frames."""

    participants: pl.DataFrame  # participant_id, partnership_id, export_id, stu_end_date
    spells: pl.DataFrame  # participant_id, export_id, status, category, start_date, end_date
    exports: pl.DataFrame  # export_id, partnership_id, export_date


def read_inputs(con: duckdb.DuckDBPyConnection) -> Inputs:
    """The current (not superseded) exports with their youths and spells."""
    def frame(query: str) -> pl.DataFrame:
        return pl.from_arrow(con.sql(query).to_arrow_table())

    exports = frame("select export_id, partnership_id, export_date from exports where not superseded")
    participants = frame(
        "select p.participant_id, p.partnership_id, p.export_id, p.stu_end_date from participants_all p "
        "join exports e using (export_id) where not e.superseded")
    spells = frame(
        "select s.participant_id, s.export_id, s.status, s.category, s.start_date, s.end_date from spells_all s "
        "join exports e using (export_id) where not e.superseded")
    return Inputs(participants, spells, exports)


def outcome_12m(inputs: Inputs) -> pl.DataFrame:
    """Status 12 calendar months after STU (polars' month offset clamps month ends); not
    observable (and 'in_programme') while STU runs or the day lies after the export date."""
    youths = inputs.participants.join(inputs.exports.select("export_id", "export_date"), on="export_id", how="left")
    youths = youths.with_columns(reference_date=pl.col("stu_end_date").dt.offset_by("12mo")).with_columns(
        observable=pl.col("reference_date").is_not_null() & (pl.col("reference_date") <= pl.col("export_date")))
    asked = youths.filter("observable").select("export_id", "participant_id", "reference_date", "export_date")
    found = (
        asked.join(inputs.spells, on=["export_id", "participant_id"], how="inner")
        .filter((pl.col("start_date") <= pl.col("reference_date"))
                & (pl.col("reference_date") <= pl.coalesce("end_date", "export_date")))
        .sort("start_date")
        .group_by("export_id", "participant_id")
        .agg(pl.col("status").last(), pl.col("category").last())  # the later-started spell wins
    )
    youths = youths.join(found, on=["export_id", "participant_id"], how="left")
    return youths.select(
        "participant_id", "partnership_id",
        cohort=pl.col("stu_end_date").dt.year().cast(pl.String).fill_null("in STU"),
        reference_date="reference_date", observable="observable",
        status=pl.when("observable").then(pl.col("status").fill_null("other")).otherwise(pl.lit("in_programme")),
        category=pl.when("observable").then(pl.col("category").fill_null("unknown"))
        .otherwise(pl.lit("in_programme")),
    ).sort("partnership_id", "participant_id")


def _with_all(frame: pl.DataFrame) -> pl.DataFrame:
    return pl.concat([frame, frame.with_columns(partnership_id=pl.lit("ALL"))])


def outcome_12m_summary(outcome: pl.DataFrame) -> pl.DataFrame:
    """Counts and shares by category over every youth of each partnership (+ 'ALL')."""
    counts = _with_all(outcome).group_by("partnership_id").agg(
        n=pl.len(), **{f"n_{c}": (pl.col("category") == c).sum() for c in CATEGORIES})
    return counts.with_columns(**{f"share_{c}": pl.col(f"n_{c}") / pl.col("n") for c in CATEGORIES}).sort(
        "partnership_id")


def employment_rate_12m(outcome: pl.DataFrame) -> pl.DataFrame:
    """Job share among observable youths by partnership x cohort with 'ALL' margins, Wilson interval."""
    rows = _with_all(outcome.with_columns(job=pl.col("observable") & (pl.col("category") == "job")))
    rows = pl.concat([rows, rows.with_columns(cohort=pl.lit("ALL"))])
    grouped = rows.group_by("partnership_id", "cohort").agg(
        n=pl.len(), n_observable=pl.col("observable").sum().cast(pl.Int64), n_job=pl.col("job").sum().cast(pl.Int64))
    z2 = WILSON_Z * WILSON_Z
    n = pl.col("n_observable").cast(pl.Float64)
    p = pl.when(n > 0).then(pl.col("n_job") / n)
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = WILSON_Z * ((p * (1 - p) / n + z2 / (4 * n * n)).sqrt()) / (1 + z2 / n)
    return grouped.with_columns(rate=p, ci_low=(centre - half).clip(0.0, 1.0),
                                ci_high=(centre + half).clip(0.0, 1.0)).sort("partnership_id", "cohort")


def attachment_episodes(inputs: Inputs, gap_days: int) -> pl.DataFrame:
    """Each youth's first episode of job spells joined across gaps of at most gap_days."""
    youth = ["export_id", "participant_id"]
    jobs = (inputs.spells.filter(pl.col("category") == "job")
            .join(inputs.exports, on="export_id").sort([*youth, "start_date"]))
    # sorted by youth, so shifts over the whole frame replace per-youth windows (much faster
    # with a million small groups)
    new_youth = (pl.col("export_id") != pl.col("export_id").shift()) | (
        pl.col("participant_id") != pl.col("participant_id").shift())
    previous_end = pl.col("end_date").shift()
    new_episode = new_youth.fill_null(True) | previous_end.is_null() | (
        (pl.col("start_date") - previous_end).dt.total_days() > gap_days)
    jobs = jobs.with_columns(new_youth=new_youth.fill_null(True), running=new_episode.cast(pl.Int64).cum_sum())
    jobs = jobs.with_columns(
        episode=pl.col("running") - pl.when("new_youth").then(pl.col("running")).forward_fill() + 1)
    episodes = jobs.filter(pl.col("episode") == 1).group_by(youth, maintain_order=True).agg(
        pl.col("partnership_id").first(), pl.col("start_date").first(), pl.col("end_date").last(),
        pl.col("export_date").first())
    return episodes.with_columns(
        event=pl.col("end_date").is_not_null(),
        duration=(pl.coalesce("end_date", "export_date") - pl.col("start_date")).dt.total_days())


def retention_curve(inputs: Inputs, gap_days: int = 31) -> pl.DataFrame:
    """Kaplan-Meier of the first episode per partnership (+ 'ALL') at months 0..60, with the
    log(-log) Greenwood interval (events before censorings at equal durations)."""
    episodes = _with_all(attachment_episodes(inputs, gap_days).select("partnership_id", "duration", "event"))
    removals = (episodes.group_by("partnership_id", "duration")
                .agg(d=pl.col("event").sum().cast(pl.Int64), removed=pl.len().cast(pl.Int64))
                .sort("partnership_id", "duration")
                .with_columns(n_t=pl.col("removed").cum_sum(reverse=True).over("partnership_id")))
    steps = removals.filter(pl.col("d") > 0).with_columns(
        log_survival=(pl.col("n_t") - pl.col("d")).log().sub(pl.col("n_t").log()).cum_sum().over("partnership_id"),
        greenwood=pl.when(pl.col("n_t") > pl.col("d"))
        .then(pl.col("d") / (pl.col("n_t") * (pl.col("n_t") - pl.col("d")))).otherwise(0.0)
        .cum_sum().over("partnership_id"))
    grid = (removals.select("partnership_id").unique()
            .join(pl.DataFrame({"month": range(61), "day": MONTH_DAYS}, schema={"month": pl.Int64, "day": pl.Int64}),
                  how="cross").sort("partnership_id", "day"))
    curve = (grid.join_asof(steps.select("partnership_id", t="duration", log_survival="log_survival",
                                         greenwood="greenwood").sort("partnership_id", "t"),
                            left_on="day", right_on="t", by="partnership_id", strategy="backward",
                            check_sortedness=False)
             .join_asof(removals.select("partnership_id", t_next="duration", n_at_risk="n_t")
                        .sort("partnership_id", "t_next"),
                        left_on="day", right_on="t_next", by="partnership_id", strategy="forward",
                        check_sortedness=False))
    survival = pl.col("log_survival").fill_null(0.0).exp()
    v = survival.log()
    spread = WILSON_Z * pl.col("greenwood").fill_null(0.0).sqrt() / v
    def bound(sign: int) -> pl.Expr:
        value = (-((-v).log() + sign * spread).exp()).exp()
        return pl.when(survival >= 1.0).then(1.0).when(survival <= 0.0).then(0.0).otherwise(value)
    return curve.select(
        "partnership_id", "month", "day", n_at_risk=pl.col("n_at_risk").fill_null(0), survival=survival,
        ci_low=bound(-1), ci_high=bound(1)).sort("partnership_id", "month")


def polars_tables(inputs: Inputs, gap_days: int = 31) -> dict[str, pl.DataFrame]:
    """All four tables from the loaded rows."""
    outcome = outcome_12m(inputs)
    return {"outcome_12m": outcome, "outcome_12m_summary": outcome_12m_summary(outcome),
            "employment_rate_12m": employment_rate_12m(outcome), "retention_curve": retention_curve(inputs, gap_days)}
