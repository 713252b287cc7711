"""`joballiance status`: the headline table as printed, Danish and English, suppressed."""

from __future__ import annotations

import duckdb
import pytest
from rich.console import Console

from pipeline.status import ModelsNotBuiltError, headline_frame, headline_table, print_status

CATEGORIES = ("job", "education", "in_programme", "public_support", "unknown")


def model_tables(rows: list[tuple[str, int, int, int, int, int, int, int, float, float, float]]):
    """outcome_12m_summary and employment_rate_12m ('ALL' cohort rows) as the build leaves them.

    Each row: partnership, n, five category counts, n_observable, rate, ci_low, ci_high.
    """
    con = duckdb.connect()
    con.execute(
        "create table outcome_12m_summary (partnership_id varchar, n bigint, "
        + ", ".join(f"n_{c} bigint" for c in CATEGORIES) + ", "
        + ", ".join(f"share_{c} double" for c in CATEGORIES) + ")"
    )
    con.execute(
        "create table employment_rate_12m (partnership_id varchar, cohort varchar, n bigint, "
        "n_observable bigint, n_job bigint, rate double, ci_low double, ci_high double)"
    )
    for partnership, n, *rest in rows:
        counts, (n_observable, rate, low, high) = rest[:5], rest[5:]
        shares = [count / n for count in counts]
        con.execute("insert into outcome_12m_summary values (" + ", ".join(["?"] * 12) + ")",
                    [partnership, n, *counts, *shares])
        con.execute("insert into employment_rate_12m values (?, 'ALL', ?, ?, ?, ?, ?, ?)",
                    [partnership, n, n_observable, counts[0], rate, low, high])
    return con


PILOT = [
    ("pmu-morsoe", 1200, 1000, 40, 100, 50, 10, 1100, 1000 / 1100, 0.89, 0.92),
    ("mou-hotel-aalborg", 30, 20, 3, 4, 3, 0, 26, 20 / 26, 0.59, 0.89),
    ("ALL", 1230, 1020, 43, 104, 53, 10, 1126, 1020 / 1126, 0.888, 0.923),
]


def printed(con: duckdb.DuckDBPyConnection, lang: str) -> str:
    console = Console(record=True, width=250, color_system=None)
    print_status(con, 5, console, lang)
    return console.export_text()


def test_danish_headers_and_number_format() -> None:
    text = printed(model_tables(PILOT), "da")
    for header in ("Partnerskab", "Job", "Uddannelse", "Stadig i forløb", "Offentlig forsørgelse", "Ukendt",
                   "Beskæftigelsesfrekvens 12 mdr. (95 % CI)"):
        assert header in text
    assert "1.200" in text and "1.000 (83 %)" in text  # thousands point, '83 %'
    assert "91 % (89–92 %)" in text
    assert "Hele programmet" in text


def test_english_headers_and_number_format() -> None:
    text = printed(model_tables(PILOT), "en")
    assert "Partnership" in text and "Still in the course" in text and "Public support" in text
    assert "1,200" in text and "1,000 (83%)" in text and "91% (89–92%)" in text


def test_small_cells_are_suppressed_with_their_shares() -> None:
    display = headline_table(headline_frame(model_tables(PILOT)), 5, "da").set_index("Partnerskab")
    small = display.loc["mou-hotel-aalborg"]
    # education 3, in course 4, public support 3 and unknown 0 are below 5: shown as '<5',
    # without a share
    others = ("Uddannelse", "Stadig i forløb", "Offentlig forsørgelse", "Ukendt")
    assert [small[c] for c in others] == ["<5"] * 4
    assert small["Job"] == "20 (67 %)"
    # each of those columns has one hidden partnership, which 'ALL' minus pmu-morsoe would give
    # away: pmu-morsoe's cells (the next smallest) are hidden too, with the hidden marker
    pmu = display.loc["pmu-morsoe"]
    assert [pmu[c] for c in others] == ["–"] * 4
    assert pmu["Job"] == "1.000 (83 %)"
    assert display.loc["Hele programmet", "Uddannelse"] == "43 (3 %)"


def test_a_rate_on_few_observable_youths_is_not_shown() -> None:
    tiny = (6, 5, 1, 0, 0, 0, 4, 1.0, 0.51, 1.0)  # 4 observable youths
    con = model_tables([("tiny", *tiny), ("ALL", *tiny)])
    display = headline_table(headline_frame(con), 5, "da")
    assert display.iloc[0, -1] == "–"


def test_missing_model_tables_say_to_run_build() -> None:
    with pytest.raises(ModelsNotBuiltError, match="joballiance build"):
        print_status(duckdb.connect(), 5, Console(), "da")
    with pytest.raises(ModelsNotBuiltError, match="run `joballiance build`"):
        print_status(duckdb.connect(), 5, Console(), "en")
