"""Content checks of the data-quality report, on a hand-worked export (export date 30.09.2024).

Y1 ended STU 30.06.2023 and has no spell since: 458 days unknown. Y2 started STU 01.08.2020 and has no
end date: four years. Y3 has 60 uncovered days between two jobs, Y6 61 uncovered days before the export
date. Y4 has no programme cost. Y5 is still in STU and Y7 is complete: neither is listed.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from conftest import PARTICIPANT_HEADER, write_csv_export
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.reports import quality
from pipeline.reports.context import open_context

runner = CliRunner(env={"LANG": "da_DK.UTF-8"})
END, COST = "2023-06-30", "100000"
PARTICIPANTS = [
    ["Y1", "851", "2019-08-01", END, COST],
    ["Y2", "851", "2020-08-01", "", COST],
    ["Y3", "851", "2019-08-01", END, COST],
    ["Y4", "851", "2019-08-01", END, ""],
    ["Y5", "851", "2023-08-01", "", COST],
    ["Y6", "851", "2019-08-01", END, COST],
    ["Y7", "851", "2019-08-01", END, COST],
]
SPELLS = [
    ["Y3", "ordinary_job", "2023-07-01", "2023-12-31", "37"],
    ["Y3", "ordinary_job", "2024-03-01", "", "37"],
    ["Y4", "flexjob", "2023-07-01", "", "20"],
    ["Y6", "education", "2023-07-01", "2024-07-31", ""],
    ["Y7", "education", "2023-07-01", "2024-01-31", ""],
    ["Y7", "cash_benefit", "2024-02-01", "", ""],
]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dq")
    export = write_csv_export(root / "mou-hotel-aalborg_2024-09-30", PARTICIPANTS, SPELLS,
                              participant_header=[*PARTICIPANT_HEADER, "programme_cost_dkk"])
    path = root / "w.duckdb"
    for args in (["ingest", str(export)], ["build"]):
        result = runner.invoke(app, [*args, "--warehouse", str(path)])
        assert result.exit_code == 0, result.output
    return path


def test_each_check_finds_exactly_the_hand_worked_youths(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute("select participant_id, check_name, priority, size from data_quality_checks "
                           "order by priority, participant_id").fetchall()
    finally:
        con.close()
    assert rows == [
        ("Y1", "no_spells_after_stu", 1, 458),
        ("Y2", "missing_stu_end", 1, 4),
        ("Y3", "gap_in_history", 2, 60),
        ("Y6", "gap_in_history", 2, 61),
        ("Y4", "missing_cost", 3, None),
    ]


def test_the_report_lists_what_to_fix_first_in_plain_words(warehouse: Path) -> None:
    ctx = open_context(warehouse, "da")
    summary = quality.content_summary_table(ctx)
    assert list(summary.iloc[:, 0]) == ["1", "1", "2", "3"]  # priority order
    assert "Ingen forløb efter STU" in summary.to_string()
    detail = quality.content_rows_table(ctx)
    assert list(detail.iloc[:, 2]) == ["Y2", "Y1", "Y3", "Y6", "Y4"]  # priority, then problem
    assert "458 dage" in detail.to_string() and "4 år" in detail.to_string()
    english = quality.content_rows_table(open_context(warehouse, "en"))
    assert "60 days" in english.to_string() and "dage" not in english.to_string()


def test_a_long_list_shows_the_most_important_first_and_says_how_many_more(warehouse: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = open_context(warehouse, "da")
    assert quality.content_rows_note(ctx) is None
    monkeypatch.setattr(quality, "CONTENT_ROWS_SHOWN", 2)
    assert list(quality.content_rows_table(ctx).iloc[:, 2]) == ["Y2", "Y1"]
    assert quality.content_rows_note(ctx) == (
        "Listen viser de første 2 af 5 problemer, de vigtigste først. Ret dem, indlæs udtrækket igen, og se listen "
        "på ny.")
