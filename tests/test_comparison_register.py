"""The register (weekly) form of a comparison extract: hand-worked week → spell cases, unknown
codes through the ordinary validation, and the demo's two forms giving identical tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import config
from pipeline.comparison.register import (
    benefit_codes,
    is_register_export,
    read_register_export,
    week_monday,
    weeks_to_spells,
)
from pipeline.readers import ExportRejected, read_export
from pipeline.reference import load_reference
from pipeline.validation import validate_export

MAPPING = {"701": "cash_benefit", "702": "cash_benefit", "783": "disability_pension", "E": "ordinary_job"}


def _mondays(first: str, count: int) -> list[dt.date]:
    start = dt.date.fromisoformat(first)
    return [start + dt.timedelta(weeks=i) for i in range(count)]


def _spells(codes: list[list[str]], mondays: list[dt.date]) -> list[tuple]:
    frame = weeks_to_spells(np.array([f"y{i}" for i in range(len(codes))], dtype=object),
                            np.array(codes, dtype=object), mondays, MAPPING)
    return [tuple(row) for row in frame.itertuples(index=False)]


def test_iso_week_columns() -> None:
    assert week_monday("2019-W32") == dt.date(2019, 8, 5)
    assert week_monday("2020-w53") == dt.date(2020, 12, 28)  # 2020 has 53 ISO weeks
    assert week_monday("2019-W53") is None  # 2019 has 52
    assert week_monday("birth_year") is None


def test_a_run_across_a_month_end_is_one_spell_from_monday_to_sunday() -> None:
    # 2020-W05 = Mon 27 Jan .. Sun 2 Feb, 2020-W06 = 3 .. 9 Feb; the third week has no benefit
    assert _spells([["701", "701", ""]], _mondays("2020-01-27", 3)) == [
        ("y0", "cash_benefit", "2020-01-27", "2020-02-09")]


def test_gaps_split_and_two_codes_of_one_status_merge() -> None:
    mondays = _mondays("2021-03-01", 6)
    assert _spells([["701", "", "702", "702", "783", ""]], mondays) == [
        ("y0", "cash_benefit", "2021-03-01", "2021-03-07"),
        ("y0", "cash_benefit", "2021-03-15", "2021-03-28"),
        ("y0", "disability_pension", "2021-03-29", "2021-04-04"),
    ]


def test_a_run_reaching_the_last_week_is_ongoing_and_missing_week_columns_split() -> None:
    mondays = [dt.date(2022, 1, 3), dt.date(2022, 1, 10), dt.date(2022, 1, 24)]  # week 2022-W03 absent
    assert _spells([["E", "E", "E"], ["", "", "783"]], mondays) == [
        ("y0", "ordinary_job", "2022-01-03", "2022-01-16"),
        ("y0", "ordinary_job", "2022-01-24", None),
        ("y1", "disability_pension", "2022-01-24", None),
    ]


def test_an_unknown_code_becomes_a_spell_with_the_code_itself() -> None:
    assert _spells([["999", "999", "701"]], _mondays("2020-06-01", 3)) == [
        ("y0", "999", "2020-06-01", "2020-06-14"), ("y0", "cash_benefit", "2020-06-15", None)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["", "701", "702", "783", "E", "x1"]), min_size=5, max_size=5),
                min_size=1, max_size=6))
def test_spells_cover_exactly_the_weeks_with_a_benefit(rows: list[list[str]]) -> None:
    mondays = _mondays("2023-01-02", 5)
    frame = weeks_to_spells(np.array([f"y{i}" for i in range(len(rows))], dtype=object),
                            np.array(rows, dtype=object), mondays, MAPPING)
    rebuilt = [[""] * 5 for _ in rows]
    for spell in frame.itertuples(index=False):
        start = dt.date.fromisoformat(spell.start_date)
        end = dt.date.fromisoformat(spell.end_date) if spell.end_date else mondays[-1] + dt.timedelta(days=6)
        assert start.weekday() == 0 and end.weekday() == 6
        for week, monday in enumerate(mondays):
            if start <= monday <= end:
                assert rebuilt[int(spell.participant_id[1:])][week] == ""  # no overlap
                rebuilt[int(spell.participant_id[1:])][week] = spell.status
    assert rebuilt == [[MAPPING.get(code, code) for code in row] for row in rows]


def test_every_mapping_row_names_a_status_and_a_source() -> None:
    frame = pd.read_csv(config.REFERENCE_DIR / "benefit_codes.csv", dtype=str, keep_default_na=False)
    statuses = set(load_reference().statuses["status"])
    assert set(frame["status"]) <= statuses
    assert frame["code"].is_unique
    assert all(len(source) > 20 for source in frame["source"])
    assert benefit_codes()["783"] == "disability_pension"


def _register_folder(folder: Path, weekly: str, meta: str) -> Path:
    folder.mkdir()
    (folder / "meta.csv").write_text(meta, encoding="utf-8")
    (folder / "weekly.csv").write_text(weekly, encoding="utf-8")
    return folder


def test_unknown_codes_are_quarantined_by_the_ordinary_validation(tmp_path: Path) -> None:
    weekly = ("participant_id;municipality_code;birth_year;sex;stu_start_date;stu_end_date;2023-W01;2023-W02;2023-W03\n"
              "R-1;851;2002;M;2019-08-12;2022-12-23;701;701;\n"
              "R-2;851;2001;F;2019-08-12;2022-12-23;783;XYZ;XYZ\n")
    meta = "key;value\npartnership_id;mou-hotel-aalborg\nexport_date;2024-09-30\n"
    raw = read_register_export(_register_folder(tmp_path / "reg", weekly, meta))
    result = validate_export(raw, load_reference(), None, today=dt.date(2024, 10, 1))
    assert result.participants["participant_id"].tolist() == ["R-1"]
    assert any("XYZ" in message for message in result.messages())
    assert result.rows_quarantined == 3  # R-2 and both its spells


def test_a_folder_without_week_columns_is_rejected(tmp_path: Path) -> None:
    folder = _register_folder(tmp_path / "reg", "participant_id,municipality_code,birth_year,sex,stu_end_date\n"
                              "R-1,851,2002,M,2022-12-23\n", "key,value\nexport_date,2024-09-30\n")
    assert is_register_export(folder)
    with pytest.raises(ExportRejected, match="ISO-uge"):
        read_register_export(folder)


def test_the_demos_two_forms_give_identical_tables() -> None:
    export_form = read_export(config.DEMO_DIR / "comparison")
    register_form = read_register_export(config.EXAMPLES_DIR / "comparison-register")
    assert not is_register_export(config.DEMO_DIR / "comparison")
    assert is_register_export(config.EXAMPLES_DIR / "comparison-register")
    pd.testing.assert_frame_equal(export_form.meta.frame, register_form.meta.frame)
    for sheet in ("participants", "spells"):
        a = getattr(export_form, sheet).frame
        b = getattr(register_form, sheet).frame
        pd.testing.assert_frame_equal(a, b[a.columns])
    assert len(register_form.participants.frame) == 3000


def test_danish_headers_semicolons_and_windows_1252(tmp_path: Path) -> None:
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "meta.csv").write_bytes("nøgle;værdi\ngruppe;sammenligning\n".encode("cp1252"))
    (folder / "weekly.csv").write_bytes(
        "deltager_id;kommunekode;fødselsår;køn;stu_slut;2023-W01;2023-W02\nR-1;851;2002;K;2022-12-23;;783\n"
        .encode("cp1252"))
    raw = read_register_export(folder)
    assert raw.participants.frame.loc[2, ["participant_id", "sex", "stu_end_date"]].tolist() == [
        "R-1", "K", "2022-12-23"]
    assert raw.spells.frame.loc[2, ["participant_id", "status", "start_date"]].tolist() == [
        "R-1", "disability_pension", "2023-01-09"]
    assert pd.isna(raw.spells.frame.at[2, "end_date"])
    assert raw.meta.frame["key"].tolist() == ["gruppe"]


@pytest.mark.parametrize("header, message", [
    ("participant_id,municipality_code,birth_year,sex,stu_end_date,2019-W60", "2019-W60"),
    ("participant_id,municipality_code,birth_year,stu_end_date,2019-W10", "sex"),
    ("participant_id,municipality_code,birth_year,sex,stu_end_date,2019-W10,2019-W10", "twice"),
])
def test_bad_weekly_headers_are_rejected_with_a_message(tmp_path: Path, header: str, message: str) -> None:
    width = header.count(",") + 1
    folder = _register_folder(tmp_path / "reg", f"{header}\n" + ",".join(["1"] * width) + "\n",
                              "key,value\nexport_date,2024-09-30\n")
    with pytest.raises(ExportRejected, match=message):
        read_register_export(folder)
