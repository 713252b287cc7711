"""`joballiance status`: the headline table in the terminal, small cells suppressed.

One row per partnership and one for the whole programme: youths by category twelve
months after STU (count and share of all youths) and the twelve-month employment rate
with its 95 % interval, read from the built model tables.
"""

from __future__ import annotations

import duckdb
import pandas as pd
from rich.console import Console
from rich.table import Table

from pipeline.formatting import check_lang, fmt_int, fmt_pct, fmt_pct_range
from pipeline.models import ModelsNotBuiltError
from pipeline.suppression import HIDDEN_TEXT, hidden_ratios, small_count_text, suppress_counts
from pipeline.texts import category_label, partnership_name

REQUIRED_TABLES = ("outcome_12m_summary", "employment_rate_12m")
CATEGORIES = ("job", "education", "in_programme", "public_support", "unknown")

_TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Status 12 måneder efter STU", "Status 12 months after STU"),
    "partnership": ("Partnerskab", "Partnership"),
    "n": ("Unge", "Youths"),
    "rate": ("Beskæftigelsesfrekvens 12 mdr. (95 % CI)", "Employment rate 12 months (95% CI)"),
    "caption": (
        "Antal under {n} vises som {small}. {hidden} = skjult: et tal, som en total ellers ville afsløre "
        "et lille tal ud fra, eller en andel på færre end {n} unge. "
        "Stadig i forløb: STU ikke afsluttet, eller 12 måneder er ikke gået.",
        "Counts below {n} show as {small}. {hidden} = hidden: a figure from which a total would give a "
        "small count away, or a share of fewer than {n} youths. "
        "Still in the course: STU not finished, or 12 months have not passed.",
    ),
    "missing": (
        "Modeltabellerne mangler ({tables}): kør `joballiance build` først.",
        "The model tables are missing ({tables}): run `joballiance build` first.",
    ),
}


_WIDE_TABLE = 140  # columns the table needs with every figure on one line


def _text(key: str, lang: str, **values: object) -> str:
    danish, english = _TEXTS[key]
    return (danish if check_lang(lang) == "da" else english).format(**values)


def missing_model_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables status needs that the warehouse does not have."""
    present = {
        row[0]
        for row in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main'"
        ).fetchall()
    }
    return [table for table in REQUIRED_TABLES if table not in present]


def headline_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Counts by category and the employment rate, one row per partnership, 'ALL' last."""
    return con.execute(
        """
        select
            summary.partnership_id,
            summary.n,
            summary.n_job, summary.n_education, summary.n_in_programme,
            summary.n_public_support, summary.n_unknown,
            summary.share_job, summary.share_education, summary.share_in_programme,
            summary.share_public_support, summary.share_unknown,
            rates.n_observable, rates.rate, rates.ci_low, rates.ci_high
        from outcome_12m_summary as summary
        left join employment_rate_12m as rates
            on rates.partnership_id = summary.partnership_id and rates.cohort = 'ALL'
        order by summary.partnership_id = 'ALL', summary.partnership_id
        """
    ).df()


def headline_table(frame: pd.DataFrame, min_cell: int, lang: str = "da") -> pd.DataFrame:
    """The headline table as display strings, small cells suppressed (CONTRACT §5).

    Each category cell reads 'count (share)'. The counts are suppressed along each row
    (n is their total) and down each column ('ALL' is the total of the partnerships); a
    share is hidden with its count, and the rate when its job count is hidden or it rests
    on fewer than min_cell observable youths.
    """
    check_lang(lang)
    frame = frame.set_index("partnership_id")
    count_columns = ["n"] + [f"n_{category}" for category in CATEGORIES]
    total_row = "ALL" if "ALL" in frame.index else None
    counts = suppress_counts(
        frame[count_columns], min_cell, lambda value: fmt_int(value, lang),
        total_column="n", total_row=total_row,
    )
    shares = frame[[f"share_{category}" for category in CATEGORIES]].set_axis(count_columns[1:], axis=1)
    share_hidden = hidden_ratios(shares, frame["n"], min_cell, also_hidden=counts.hidden[count_columns[1:]])
    job_count_hidden = counts.hidden[["n_job"]].set_axis(["rate"], axis=1)
    rate_hidden = hidden_ratios(
        frame[["rate"]], frame["n_observable"], min_cell, also_hidden=job_count_hidden
    )

    rows = []
    for partnership_id, record in frame.iterrows():
        row = {
            _text("partnership", lang): partnership_name(str(partnership_id), lang)
            if partnership_id == "ALL" else str(partnership_id),
            _text("n", lang): counts.text.loc[partnership_id, "n"],
        }
        for category in CATEGORIES:
            column = f"n_{category}"
            cell = counts.text.loc[partnership_id, column]
            if not share_hidden.loc[partnership_id, column] and pd.notna(shares.loc[partnership_id, column]):
                cell += f" ({fmt_pct(shares.loc[partnership_id, column], lang)})"
            row[category_label(category, lang)] = cell
        if rate_hidden.loc[partnership_id, "rate"] or pd.isna(record["rate"]):  # hidden, or no one observable
            row[_text("rate", lang)] = HIDDEN_TEXT
        else:
            interval = fmt_pct_range(record["ci_low"], record["ci_high"], lang)
            row[_text("rate", lang)] = f"{fmt_pct(record['rate'], lang)} ({interval})"
        rows.append(row)
    return pd.DataFrame(rows, columns=_headers(lang))


def _headers(lang: str) -> list[str]:
    return (
        [_text("partnership", lang), _text("n", lang)]
        + [category_label(category, lang) for category in CATEGORIES]
        + [_text("rate", lang)]
    )


def print_status(con: duckdb.DuckDBPyConnection, min_cell: int, console: Console, lang: str = "da") -> None:
    """Print the headline table; ModelsNotBuiltError when the models have not been built."""
    missing = missing_model_tables(con)
    if missing:
        raise ModelsNotBuiltError(_text("missing", lang, tables=", ".join(missing)))
    display = headline_table(headline_frame(con), min_cell, lang)
    table = Table(
        title=_text("title", lang),
        caption=_text("caption", lang, n=min_cell, small=small_count_text(min_cell), hidden=HIDDEN_TEXT),
        caption_justify="left",
    )
    for position, header in enumerate(display.columns):
        if position == 0:  # partnership ids have no spaces: fold them rather than cut them off
            table.add_column(header, overflow="fold")
        else:
            table.add_column(header, justify="right")
    # A narrow terminal gets the share (and the interval) on a line of its own, rather than
    # wherever the text happens to wrap.
    narrow = console.width < _WIDE_TABLE
    last_partnership = len(display) - 2  # the row above 'ALL' ends the partnerships' section
    for position, row in enumerate(display.itertuples(index=False)):
        cells = [cell.replace(" (", "\n(") if narrow else cell for cell in row]
        table.add_row(*cells, end_section=position == last_partnership)
    console.print(table)
