"""`joballiance status`: the headline table in the terminal, read from the release.

One row per partnership and one for the whole programme: youths by category twelve
months after STU (count and share of all youths) and the job-rate among youths followed
for 12 months with its 95 % interval. Every figure is a cell of the release (report
'status'); nothing is computed or suppressed here.
"""

from __future__ import annotations

import duckdb
import pandas as pd
from rich.console import Console
from rich.table import Table

from pipeline.formatting import check_lang
from pipeline.models import ModelsNotBuiltError
from pipeline.reference import CATEGORIES
from pipeline.release import read
from pipeline.texts import category_label, partnership_name, t

_WIDE_TABLE = 140  # columns the table needs with every figure on one line


def headline_table(cells: pd.DataFrame, threshold: int, lang: str = "da") -> pd.DataFrame:
    """The status report's cells as display strings: one row per partnership, 'ALL' last."""
    check_lang(lang)
    outcome = cells[cells["table_name"] == "outcome_12m"]
    rates = cells[cells["table_name"] == "employment_rate"]
    partnerships = sorted(p for p in outcome["partnership_id"].unique() if p != "ALL") + ["ALL"]
    rows = []
    for pid in partnerships:
        mine = read.pick(outcome, partnership_id=pid)
        if mine.empty:
            continue
        row = {
            t("status.partnership", lang): partnership_name(pid, lang),
            t("status.n", lang): _text(read.one(mine, quantity="outcome_12m_count", category="total"), lang, threshold),
        }
        for category in CATEGORIES:
            count = read.one(mine, quantity="outcome_12m_count", category=category)
            share = read.one(mine, quantity="outcome_12m_share", category=category)
            text = _text(count, lang, threshold)
            if share is not None and not share["hidden"] and not pd.isna(share["value"]):
                text += f" ({read.cell_text(share, lang, threshold)})"
            row[category_label(category, lang)] = text
        rate_cells = read.pick(rates, partnership_id=pid)
        rate = read.one(rate_cells, quantity="employment_rate")
        low = read.one(rate_cells, quantity="employment_rate_ci_low")
        high = read.one(rate_cells, quantity="employment_rate_ci_high")
        if rate is None or rate["hidden"] or pd.isna(rate["value"]):
            row[t("status.rate", lang)] = read.HIDDEN_TEXT
        else:
            interval = f"{read.cell_text(low, lang, threshold)}–{read.cell_text(high, lang, threshold)}"
            interval = interval.replace(" %–", "–") if lang == "da" else interval.replace("%–", "–")
            row[t("status.rate", lang)] = f"{read.cell_text(rate, lang, threshold)} ({interval})"
        rows.append(row)
    return pd.DataFrame(rows)


def _text(cell: pd.Series | None, lang: str, threshold: int) -> str:
    return read.HIDDEN_TEXT if cell is None else read.cell_text(cell, lang, threshold)


def print_status(con: duckdb.DuckDBPyConnection, console: Console, lang: str = "da") -> None:
    """Print the headline table; ModelsNotBuiltError when the warehouse has no release."""
    try:
        cells = read.cells(con, "status")
        threshold = read.min_cell(con)
    except read.ReleaseMissing:
        raise ModelsNotBuiltError(t("status.no_release", lang)) from None
    display = headline_table(cells, threshold, lang)
    table = Table(
        title=t("status.title", lang),
        caption=t("status.caption", lang, n=threshold, small=read.small_text(threshold), hidden=read.HIDDEN_TEXT),
        caption_justify="left",
    )
    for position, header in enumerate(display.columns):
        if position == 0:
            table.add_column(header, overflow="fold")
        else:
            table.add_column(header, justify="right")
    # A narrow terminal gets the share (and the interval) on a line of its own.
    narrow = console.width < _WIDE_TABLE
    last_partnership = len(display) - 2
    for position, row in enumerate(display.itertuples(index=False)):
        cells_text = [cell.replace(" (", "\n(") if narrow else cell for cell in row]
        table.add_row(*cells_text, end_section=position == last_partnership)
    console.print(table)
