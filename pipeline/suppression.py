"""Small-cell suppression for display (what a table or chart may show about few youths).

The data concern vulnerable youths, so a figure about fewer than `min_cell` of them is
not shown:
- a count below min_cell is shown as "<5" (the threshold), zero included;
- a share or rate computed on fewer than min_cell youths is not shown, nor one whose own
  count is hidden (share x total would give the count back);
- secondary suppression: where a total is shown and exactly one cell adding up to it is
  hidden, the next-smallest cell is hidden too, so the total cannot be used to work the
  first one out. This is done along rows (a total column) and down columns (a total row,
  e.g. 'ALL'), repeated until nothing changes. Such a cell is not small, so it shows the
  hidden marker ("–"), not "<5".

The functions return display strings and a boolean mask (True = hidden), so charts can
leave hidden values out. How numbers look (Danish/English) is the caller's formatter.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import pandas as pd

HIDDEN_TEXT = "–"


@dataclass(frozen=True)
class Suppressed:
    """A table ready for display: the strings to show and where a value was hidden."""

    text: pd.DataFrame
    hidden: pd.DataFrame


def small_count_text(min_cell: int) -> str:
    """What a hidden count shows: '<5' for min_cell 5."""
    return f"<{min_cell}"


def _is_missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # tuples, lists: not a missing scalar
        return False


def _default_format(value: Any) -> str:
    return "" if _is_missing(value) else str(value)


def _hide_next_smallest(hidden: pd.Series, values: pd.Series) -> Hashable | None:
    """The label of the smallest shown, non-missing value: the cell to hide second."""
    candidates = values[~hidden & values.notna()]
    if candidates.empty:
        return None
    return candidates.astype(float).idxmin()  # first of equals, in table order


def hidden_counts(
    counts: pd.DataFrame,
    min_cell: int,
    *,
    total_column: Hashable | None = None,
    total_row: Hashable | None = None,
) -> pd.DataFrame:
    """Mask of the counts to hide: primary (below min_cell) plus secondary suppression.

    `total_column` names the column that is the sum of the other columns of its row, and
    `total_row` the row label (e.g. 'ALL') that is the sum of the other rows; either may
    be None when the table has no such total. Missing counts are never hidden.
    """
    numeric = counts.apply(pd.to_numeric, errors="coerce")
    hidden = (numeric < min_cell).fillna(False).astype(bool)
    cell_columns = [column for column in counts.columns if column != total_column]
    member_rows = [row for row in counts.index if row != total_row]

    changed = True
    while changed:
        changed = False
        if total_column is not None:
            for row in counts.index:
                row_hidden = hidden.loc[row, cell_columns]
                if not hidden.loc[row, total_column] and row_hidden.sum() == 1:
                    label = _hide_next_smallest(row_hidden, numeric.loc[row, cell_columns])
                    if label is not None:
                        hidden.loc[row, label] = True
                        changed = True
        if total_row is not None:
            for column in counts.columns:
                column_hidden = hidden.loc[member_rows, column]
                if not hidden.loc[total_row, column] and column_hidden.sum() == 1:
                    label = _hide_next_smallest(column_hidden, numeric.loc[member_rows, column])
                    if label is not None:
                        hidden.loc[label, column] = True
                        changed = True
    return hidden


def suppress_counts(
    counts: pd.DataFrame,
    min_cell: int,
    formatter: Callable[[Any], str] = _default_format,
    *,
    total_column: Hashable | None = None,
    total_row: Hashable | None = None,
    hidden_text: str = HIDDEN_TEXT,
) -> Suppressed:
    """Counts as display strings: small ones as '<5', those hidden to protect them as
    `hidden_text`, the rest through `formatter`."""
    hidden = hidden_counts(counts, min_cell, total_column=total_column, total_row=total_row)
    small = counts.apply(pd.to_numeric, errors="coerce") < min_cell

    def cell(i: int, j: int) -> str:
        if small.iat[i, j]:
            return small_count_text(min_cell)
        return hidden_text if hidden.iat[i, j] else formatter(counts.iat[i, j])

    text = pd.DataFrame(
        [[cell(i, j) for j in range(counts.shape[1])] for i in range(counts.shape[0])],
        index=counts.index,
        columns=counts.columns,
        dtype=object,
    )
    return Suppressed(text=text, hidden=hidden)


def hidden_ratios(
    values: pd.DataFrame,
    denominators: pd.Series | pd.DataFrame,
    min_cell: int,
    *,
    also_hidden: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Mask of the shares/rates to hide: computed on fewer than min_cell youths.

    `denominators` is one number of youths per row (a Series) or per cell (a DataFrame
    shaped like `values`). `also_hidden` marks further cells to hide, typically the mask
    of the counts the shares are computed from.
    """
    if isinstance(denominators, pd.Series):
        denominators = pd.DataFrame({column: denominators for column in values.columns}, index=values.index)
    numeric = denominators.reindex(index=values.index, columns=values.columns).apply(
        pd.to_numeric, errors="coerce"
    )
    hidden = (numeric < min_cell).fillna(False).astype(bool)
    if also_hidden is not None:
        extra = also_hidden.reindex(index=values.index, columns=values.columns).fillna(False).astype(bool)
        hidden = hidden | extra
    return hidden


def suppress_ratios(
    values: pd.DataFrame,
    denominators: pd.Series | pd.DataFrame,
    min_cell: int,
    formatter: Callable[[Any], str] = _default_format,
    *,
    also_hidden: pd.DataFrame | None = None,
    hidden_text: str = HIDDEN_TEXT,
) -> Suppressed:
    """Shares or rates as display strings: hidden ones as `hidden_text`.

    A cell may hold any value the formatter understands, e.g. a (rate, low, high) tuple
    for a rate with its interval.
    """
    hidden = hidden_ratios(values, denominators, min_cell, also_hidden=also_hidden)
    text = pd.DataFrame(
        [[hidden_text if hidden.iat[i, j] else formatter(values.iat[i, j]) for j in range(values.shape[1])]
         for i in range(values.shape[0])],
        index=values.index,
        columns=values.columns,
        dtype=object,
    )
    return Suppressed(text=text, hidden=hidden)
