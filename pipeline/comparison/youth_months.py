"""Status of comparison youths month by month after STU, on the programme's definition.

The same rule as the savings model's youth-months: month m's day = stu_end_date + m
calendar months (the end of a month clamps: 31 Jan + 1 month = 28/29 Feb); the month is
observable when that day is on or before the extract's export date; the status is that of
the spell covering the day (an ongoing spell runs to the export date), else 'other'.
Year k holds months 12(k−1)+1 … 12k. Everything is vectorised over youths × months.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

NOT_OBSERVABLE = -1


def add_months(days: np.ndarray, months: int) -> np.ndarray:
    """datetime64[D] + `months` calendar months, the day clamped to the target month's length."""
    days = days.astype("datetime64[D]")
    month_start = days.astype("datetime64[M]")
    day_of_month = (days - month_start.astype("datetime64[D]")).astype(np.int64)
    target = month_start + np.timedelta64(months, "M")
    length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(
        np.int64)
    return target.astype("datetime64[D]") + np.minimum(day_of_month, length - 1).astype("timedelta64[D]")


def status_matrix(
    participants: pd.DataFrame, spells: pd.DataFrame, export_dates: pd.Series, months: int,
    statuses: Sequence[str],
) -> np.ndarray:
    """(n, months) index into `statuses` of each youth's status in month m = 1..months, −1 when not observable.

    participants: participant_id, stu_end_date (one row per youth, in the output's order);
    spells: participant_id, status, start_date, end_date; export_dates: one per youth (same index).
    """
    n = len(participants)
    code = {s: j for j, s in enumerate(statuses)}
    other = code["other"]
    end = pd.to_datetime(participants["stu_end_date"]).to_numpy("datetime64[D]")
    export = pd.to_datetime(export_dates).to_numpy("datetime64[D]")
    days = np.column_stack([add_months(end, m) for m in range(1, months + 1)]) if months else np.zeros((n, 0))
    observable = days <= export[:, None]
    result = np.where(observable, other, NOT_OBSERVABLE).astype(np.int64)
    if len(spells) == 0 or n == 0 or months == 0:
        return result
    position = pd.Series(np.arange(n), index=pd.Index(participants["participant_id"].astype(str)))
    youth = position.reindex(spells["participant_id"].astype(str)).to_numpy()
    keep = ~np.isnan(youth)
    youth = youth[keep].astype(np.int64)
    start = pd.to_datetime(spells["start_date"]).to_numpy("datetime64[D]")[keep]
    stop = pd.to_datetime(spells["end_date"]).to_numpy("datetime64[D]")[keep]
    stop = np.where(np.isnat(stop), export[youth], stop)
    status = spells["status"].map(code).to_numpy()[keep]
    # the latest-starting spell that starts on or before the day covers it when it has not ended
    order = np.lexsort((start, youth))
    youth, start, stop, status = youth[order], start[order], stop[order], status[order]
    key_spell = youth.astype(np.int64) * (1 << 32) + (start - np.datetime64("1900-01-01")).astype(np.int64)
    rows, cols = np.nonzero(observable)
    key_day = rows.astype(np.int64) * (1 << 32) + (days[rows, cols] - np.datetime64("1900-01-01")).astype(np.int64)
    found = np.searchsorted(key_spell, key_day, side="right") - 1
    valid = found >= 0
    valid[valid] &= youth[found[valid]] == rows[valid]
    valid[valid] &= stop[found[valid]] >= days[rows[valid], cols[valid]]
    valid[valid] &= ~pd.isna(status[found[valid]])
    result[rows[valid], cols[valid]] = status[found[valid]].astype(np.int64)
    return result


@dataclass(frozen=True)
class YouthMonths:
    """Youth-months of each comparison youth by year after STU and status."""

    months: np.ndarray  # (n, K, S) youth-months in status s in year k
    observable: np.ndarray  # (n, K) observable youth-months in year k


def youth_months(matrix: np.ndarray, horizon: int, n_statuses: int) -> YouthMonths:
    """Sum a status matrix (n, 12·horizon) into youth-months by year and status."""
    n = matrix.shape[0]
    counts = np.zeros((n, horizon, n_statuses))
    for k in range(horizon):  # a loop over years, never over youths
        block = matrix[:, 12 * k: 12 * (k + 1)]
        for s in range(n_statuses):
            counts[:, k, s] = (block == s).sum(axis=1)
    return YouthMonths(counts, counts.sum(axis=2))


def youth_months_from_long(
    frame: pd.DataFrame, participant_ids: Sequence[str], horizon: int, statuses: Sequence[str]
) -> YouthMonths:
    """The same arrays from a long table (participant_id, year, status, youth_months), e.g. a SQL model's."""
    position = {p: i for i, p in enumerate(participant_ids)}
    code = {s: j for j, s in enumerate(statuses)}
    counts = np.zeros((len(position), horizon, len(code)))
    rows = frame["participant_id"].map(position)
    keep = rows.notna() & frame["year"].between(1, horizon) & frame["status"].isin(code)
    np.add.at(counts, (rows[keep].astype(int).to_numpy(), frame.loc[keep, "year"].astype(int).to_numpy() - 1,
                       frame.loc[keep, "status"].map(code).to_numpy()), frame.loc[keep, "youth_months"].to_numpy(float))
    return YouthMonths(counts, counts.sum(axis=2))
