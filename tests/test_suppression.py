"""Small-cell suppression (CONTRACT §5): which cells are hidden and what they show."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.suppression import (
    HIDDEN_TEXT,
    hidden_counts,
    small_count_text,
    suppress_counts,
    suppress_ratios,
)


def table(rows: dict[str, list[float]], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns)


def test_counts_below_min_cell_show_the_threshold_zero_included() -> None:
    counts = table({"a": [0, 4, 5, math.nan]}, ["w", "x", "y", "z"])
    result = suppress_counts(counts, 5, lambda value: f"{value:.0f}")
    assert result.text.loc["a"].tolist() == ["<5", "<5", "5", "nan"]
    assert result.hidden.loc["a"].tolist() == [True, True, False, False]
    assert small_count_text(10) == "<10"


def test_one_hidden_cell_in_a_row_with_its_total_hides_the_next_smallest() -> None:
    counts = table({"a": [40, 3, 20, 17], "b": [40, 3, 2, 35], "c": [4, 1, 1, 2]}, ["n", "x", "y", "z"])
    hidden = hidden_counts(counts, 5, total_column="n")
    # a: x hidden -> z (17, the smallest shown) too; b: two hidden already; c: total hidden itself
    assert hidden.loc["a"].tolist() == [False, True, False, True]
    assert hidden.loc["b"].tolist() == [False, True, True, False]
    assert hidden.loc["c"].tolist() == [True, True, True, True]


def test_without_a_shown_total_nothing_more_is_hidden() -> None:
    counts = table({"a": [3, 20, 17]}, ["x", "y", "z"])
    assert hidden_counts(counts, 5).loc["a"].tolist() == [True, False, False]


def test_a_total_row_protects_columns_and_suppression_repeats_until_stable() -> None:
    counts = table(
        {"p1": [30, 3, 10, 17], "p2": [50, 20, 12, 18], "p3": [60, 25, 15, 20], "ALL": [140, 48, 37, 55]},
        ["n", "x", "y", "z"],
    )
    hidden = hidden_counts(counts, 5, total_column="n", total_row="ALL")
    # p1.x is small; its row hides p1.y (10); column x then has one hidden -> p2.x (20);
    # column y has p1.y hidden -> p2.y (12); row p2 now has two hidden: stable.
    assert hidden.loc["p1"].tolist() == [False, True, True, False]
    assert hidden.loc["p2"].tolist() == [False, True, True, False]
    assert not hidden.loc["p3"].any() and not hidden.loc["ALL"].any()


def test_ties_hide_the_first_cell_in_table_order() -> None:
    counts = table({"a": [30, 2, 14, 14]}, ["n", "x", "y", "z"])
    assert hidden_counts(counts, 5, total_column="n").loc["a"].tolist() == [False, True, True, False]


def test_ratios_on_few_youths_or_with_a_hidden_count_are_not_shown() -> None:
    shares = table({"a": [0.5, 0.5], "b": [0.1, 0.9], "c": [0.5, 0.5]}, ["x", "y"])
    denominators = pd.Series({"a": 4, "b": 40, "c": 40})
    count_hidden = table({"a": [True, True], "b": [True, False], "c": [False, False]}, ["x", "y"])
    result = suppress_ratios(shares, denominators, 5, lambda v: f"{v:.0%}", also_hidden=count_hidden)
    assert result.text.loc["a"].tolist() == [HIDDEN_TEXT, HIDDEN_TEXT]
    assert result.text.loc["b"].tolist() == [HIDDEN_TEXT, "90%"]
    assert result.text.loc["c"].tolist() == ["50%", "50%"]
    assert result.hidden.loc["b"].tolist() == [True, False]


def test_ratio_cells_may_hold_a_rate_with_its_interval() -> None:
    rates = pd.DataFrame({"rate": [(0.8, 0.7, 0.9), (0.5, 0.1, 0.9)]}, index=["a", "b"])
    result = suppress_ratios(rates, pd.Series({"a": 50, "b": 2}), 5,
                             lambda r: f"{r[0]:.0%} ({r[1]:.0%}-{r[2]:.0%})", hidden_text="n/a")
    assert result.text["rate"].tolist() == ["80% (70%-90%)", "n/a"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 30), min_size=3, max_size=5), min_size=1, max_size=5).filter(
    lambda rows: len({len(row) for row in rows}) == 1))
def test_no_shown_total_gives_away_a_single_hidden_cell(cells: list[list[int]]) -> None:
    columns = [f"c{i}" for i in range(len(cells[0]))]
    members = pd.DataFrame(cells, columns=columns, index=[f"p{i}" for i in range(len(cells))])
    counts = pd.concat([members, members.sum().to_frame("ALL").T])
    counts.insert(0, "n", counts.sum(axis=1))
    hidden = hidden_counts(counts, 5, total_column="n", total_row="ALL")

    assert ((counts < 5) <= hidden).all().all()  # every small count hidden
    cell_columns = columns
    for row in counts.index:
        if not hidden.loc[row, "n"]:
            assert hidden.loc[row, cell_columns].sum() != 1 or hidden.loc[row, cell_columns].all(), row
    for column in counts.columns:
        if not hidden.loc["ALL", column]:
            member_hidden = hidden.loc[members.index, column]
            assert member_hidden.sum() != 1 or member_hidden.all(), column
