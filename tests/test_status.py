"""`joballiance status`: the headline table printed from the release, Danish and English."""

from __future__ import annotations

import duckdb
import pytest
from rich.console import Console
from test_release_disclosure import youth_frames

from pipeline.models import ModelsNotBuiltError
from pipeline.release.store import collect_statistics, make_release, write_release
from pipeline.status import print_status


def released(groups: list[tuple[str, str, str, str]]) -> duckdb.DuckDBPyConnection:
    """A warehouse holding only the release of these youths (as `build` writes it)."""
    reg, partnerships = collect_statistics(youth_frames(groups, [False] * len(groups)), None)
    con = duckdb.connect()
    write_release(con, make_release(reg, partnerships, 5))
    con.execute("create table model_parameters as select 'min_cell' as name, 'suppression.min_cell' as parameter, "
                "5.0 as value")
    return con


BIG = ([("pmu-morsoe", "2022", "job", "773")] * 1000 + [("pmu-morsoe", "2022", "education", "773")] * 40
       + [("pmu-morsoe", "2023", "in_programme", "773")] * 100 + [("pmu-morsoe", "2022", "public_support", "773")] * 60)
THIRD = ([("ev-ringkoebing-skjern", "2022", "job", "760")] * 500
         + [("ev-ringkoebing-skjern", "2022", "education", "760")] * 30
         + [("ev-ringkoebing-skjern", "2023", "in_programme", "760")] * 50
         + [("ev-ringkoebing-skjern", "2022", "public_support", "760")] * 20)
SMALL = ([("mou-hotel-aalborg", "2023", "job", "851")] * 20 + [("mou-hotel-aalborg", "2023", "education", "851")] * 3
         + [("mou-hotel-aalborg", "2023", "in_programme", "851")] * 4)


def printed(con: duckdb.DuckDBPyConnection, lang: str) -> str:
    console = Console(record=True, width=250, color_system=None)
    print_status(con, console, lang)
    return console.export_text()


def test_danish_headers_and_number_format() -> None:
    text = printed(released(BIG + THIRD + SMALL), "da")
    for header in ("Partnerskab", "Job", "Uddannelse", "Stadig i forløb", "Offentlig forsørgelse", "Ukendt",
                   "Jobandel blandt unge, der kan følges i 12 mdr. (95 %-interval)", "Hele programmet"):
        assert header in text
    assert "1.200" in text and "1.000 (83 %)" in text  # thousands point, '83 %' of all youths


def test_english_headers_and_number_format() -> None:
    text = printed(released(BIG + THIRD + SMALL), "en")
    assert "Partnership" in text and "Still in the course" in text and "Public support" in text
    assert "Job-rate among youths followed for 12 months" in text
    assert "1,200" in text and "1,000 (83%)" in text


def test_small_cells_are_hidden_with_their_shares_and_never_given_away() -> None:
    text = printed(released(BIG + THIRD + SMALL), "da")
    small = next(line for line in text.splitlines() if "Mou Hotel" in line)
    assert small.count("<5") >= 2  # education 3 and in the course 4
    assert "(11 %)" not in small and "(15 %)" not in small  # no share of a hidden count
    # 'ALL' minus the others would give mou-hotel-aalborg's education away: another one is hidden too
    rows = [line for line in text.splitlines() if "PMU" in line or "Erhvervsskolen" in line or "Hele" in line]
    educations = [line.split("│")[4].strip() for line in rows]
    assert sum(cell in ("<5", "–") for cell in educations) >= 1


def test_a_warehouse_without_a_release_says_to_run_build() -> None:
    with pytest.raises(ModelsNotBuiltError, match="joballiance build"):
        print_status(duckdb.connect(), Console(), "da")
    with pytest.raises(ModelsNotBuiltError, match="run `joballiance build`"):
        print_status(duckdb.connect(), Console(), "en")
