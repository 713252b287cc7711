"""Status of comparison youths month by month after STU: hand-worked cases of the definition."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipeline.comparison.youth_months import (
    NOT_OBSERVABLE,
    add_months,
    status_matrix,
    youth_months,
    youth_months_from_long,
)

STATUSES = ("cash_benefit", "disability_pension", "other")


def test_month_arithmetic_clamps_at_the_end_of_a_month() -> None:
    days = np.array(["2020-01-31", "2021-01-31", "2019-12-15", "2020-08-31"], dtype="datetime64[D]")
    assert add_months(days, 1).astype(str).tolist() == ["2020-02-29", "2021-02-28", "2020-01-15", "2020-09-30"]
    assert add_months(days, 12).astype(str).tolist() == ["2021-01-31", "2022-01-31", "2020-12-15", "2021-08-31"]


def test_status_on_each_months_day_with_gaps_ongoing_spells_and_the_export_date() -> None:
    participants = pd.DataFrame({"participant_id": ["a", "b"], "stu_end_date": ["2020-01-31", "2020-03-15"]})
    spells = pd.DataFrame({
        "participant_id": ["a", "a", "b"],
        "status": ["cash_benefit", "disability_pension", "cash_benefit"],
        "start_date": ["2020-02-01", "2020-03-31", "2020-04-16"],
        "end_date": ["2020-02-29", None, "2020-05-14"],
    })
    export = pd.Series(["2020-05-31", "2020-05-31"])
    matrix = status_matrix(participants, spells, export, 4, STATUSES)
    # a: 02-29 cash (last day), 03-31 pension (first day), 04-30 pension (ongoing), 05-31 pension (= export date)
    # b: 04-15 no spell → other, 05-15 the spell ended the day before → other, 06-15 after the export date
    assert matrix.tolist() == [[0, 1, 1, 1], [2, 2, NOT_OBSERVABLE, NOT_OBSERVABLE]]
    months = youth_months(np.pad(matrix, ((0, 0), (0, 8)), constant_values=NOT_OBSERVABLE), 1, 3)
    assert months.months[:, 0].tolist() == [[1, 3, 0], [0, 0, 2]]
    assert months.observable[:, 0].tolist() == [4, 2]


def test_an_ongoing_spell_runs_to_the_export_date_only() -> None:
    participants = pd.DataFrame({"participant_id": ["a"], "stu_end_date": ["2020-01-10"]})
    spells = pd.DataFrame({"participant_id": ["a"], "status": ["cash_benefit"], "start_date": ["2020-01-01"],
                           "end_date": [None]})
    matrix = status_matrix(participants, spells, pd.Series(["2020-03-09"]), 3, STATUSES)
    assert matrix.tolist() == [[0, NOT_OBSERVABLE, NOT_OBSERVABLE]]


def test_the_long_form_gives_the_same_arrays() -> None:
    long = pd.DataFrame({"participant_id": ["a", "a", "b"], "year": [1, 2, 1],
                         "status": ["cash_benefit", "other", "disability_pension"], "youth_months": [12, 5, 7]})
    months = youth_months_from_long(long, ["a", "b"], 2, STATUSES)
    assert months.months[0].tolist() == [[12, 0, 0], [0, 0, 5]]
    assert months.observable.tolist() == [[12, 5], [7, 0]]
