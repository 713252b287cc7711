"""Every validation rule: a bad file and an assertion on the message it gets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import write_csv_export, write_xlsx_export

from pipeline.readers import ExportRejected, read_export
from pipeline.reference import load_reference
from pipeline.validation import ValidatedExport, parse_dates, parse_numbers, validate_export

TODAY = dt.date(2026, 11, 22)
GOOD_YOUTH = ["A1", "851", "2019-08-01", "2022-06-30"]
GOOD_SPELLS = [["A1", "in_programme", "2022-07-01", "2022-07-31", ""], ["A1", "flexjob", "2022-08-01", "", "15"]]


def check(path: Path, key: bytes | None = None) -> ValidatedExport:
    result = validate_export(read_export(path), load_reference(), key, TODAY, lang="en")
    assert result.rows_read == result.rows_loaded + result.rows_quarantined
    return result


def messages(result: ValidatedExport) -> str:
    return "\n".join(result.messages())


def test_good_export_loads_every_row(tmp_path: Path) -> None:
    result = check(write_csv_export(tmp_path / "e", [GOOD_YOUTH], GOOD_SPELLS))
    assert (result.rows_read, result.rows_loaded, result.rows_quarantined) == (3, 3, 0)
    assert list(result.spells["status"]) == ["in_programme", "flexjob"]
    assert list(result.spells["category"]) == ["in_programme", "job"]
    assert result.partnership_id == "mou-hotel-aalborg"
    assert result.export_date == dt.date(2024, 9, 30)


def test_unknown_status_suggests_the_closest_label(tmp_path: Path) -> None:
    spells = [["A1", "fleksjb", "2022-08-01", "", "15"]]
    result = check(write_csv_export(tmp_path / "e", [GOOD_YOUTH], spells))
    assert ("spells.csv row 2 (youth A1), status: 'fleksjb' is not a known status (did you mean 'fleksjob'?)"
            in messages(result))
    assert result.rows_quarantined == 2  # the spell and its youth


def test_danish_labels_and_codes_are_read_case_and_space_insensitively(tmp_path: Path) -> None:
    spells = [["A1", "  Ordinær   Ansættelse ", "2022-07-01", "2022-07-31", "37"],
              ["A1", "SKÅNEJOB", "2022-08-01", "", "20"]]
    result = check(write_csv_export(tmp_path / "e", [GOOD_YOUTH], spells))
    assert list(result.spells["status"]) == ["ordinary_job", "pension_wage_subsidy"]


def test_unknown_municipality_names_the_code_of_a_municipality_name(tmp_path: Path) -> None:
    result = check(write_csv_export(tmp_path / "e", [["A1", "Aalborg", "2019-08-01", ""]]))
    assert ("participants.csv row 2 (youth A1), municipality_code: 'Aalborg' is not one of the 98 municipality codes "
            "(did you mean 851, the code of Aalborg?)") in messages(result)


def test_unknown_municipality_code_suggests_a_close_code(tmp_path: Path) -> None:
    result = check(write_csv_export(tmp_path / "e", [["A1", "852", "2019-08-01", ""]]))
    assert "'852' is not one of the 98 municipality codes (did you mean" in messages(result)


def test_overlapping_spells_quarantine_the_youth(tmp_path: Path) -> None:
    spells = [["A1", "flexjob", "2022-08-01", "2022-12-31", "15"], ["A1", "ordinary_job", "2022-12-31", "", "37"]]
    result = check(write_csv_export(tmp_path / "e", [GOOD_YOUTH, ["A2", "851", "2019-08-01", ""]], spells))
    text = messages(result)
    assert "spells.csv row 3 (youth A1), start_date: the spell starting 2022-12-31 overlaps the spell in row 2" in text
    assert result.rows_quarantined == 3 and result.rows_loaded == 1
    assert list(result.participants["participant_id"]) == ["A2"]


def test_an_ongoing_spell_overlaps_every_later_spell(tmp_path: Path) -> None:
    spells = [["A1", "flexjob", "2022-08-01", "", "15"], ["A1", "education", "2023-01-01", "2023-06-30", ""]]
    result = check(write_csv_export(tmp_path / "e", [GOOD_YOUTH], spells))
    assert "(which ends ongoing)" in messages(result)


def test_adjacent_spells_do_not_overlap(tmp_path: Path) -> None:
    spells = [["A1", "flexjob", "2022-08-01", "2022-12-31", "15"], ["A1", "ordinary_job", "2023-01-01", "", "37"]]
    assert check(write_csv_export(tmp_path / "e", [GOOD_YOUTH], spells)).rows_quarantined == 0


def test_phases_out_of_order(tmp_path: Path) -> None:
    header = ["participant_id", "municipality_code", "stu_start_date", "phase1_start", "phase2_start",
              "phase3_start"]
    result = check(write_csv_export(tmp_path / "e", [["A1", "851", "2019-08-01", "2021-08-01", "", "2021-01-01"]],
                                    participant_header=header))
    assert ("participants.csv row 2 (youth A1), phase3_start: phase3_start 2021-01-01 is before phase1_start "
            "2021-08-01; "
            "phases start in the order 1, 2, 3, 4") in messages(result)


def test_dates_after_the_export_date(tmp_path: Path) -> None:
    youths = [["A1", "851", "2024-10-01", ""], ["A2", "851", "2019-08-01", "2024-12-31"]]
    spells = [["A3", "flexjob", "2024-10-01", "", "10"]]
    result = check(write_csv_export(tmp_path / "e", youths + [["A3", "851", "2019-08-01", ""]], spells))
    text = messages(result)
    assert "participants.csv row 2 (youth A1), stu_start_date: '2024-10-01' is after the export date 2024-09-30" in text
    assert "participants.csv row 3 (youth A2), stu_end_date: '2024-12-31' is after the export date 2024-09-30" in text
    assert "spells.csv row 2 (youth A3), start_date: '2024-10-01' is after the export date 2024-09-30" in text
    assert result.rows_loaded == 0


def test_spell_end_after_export_date_is_read_as_ongoing_with_a_warning(tmp_path: Path) -> None:
    spells = [["A1", "flexjob", "2022-08-01", "2025-01-31", "15"]]
    result = check(write_csv_export(tmp_path / "e", [GOOD_YOUTH], spells))
    assert result.rows_quarantined == 0
    assert result.spells["end_date"].isna().all()
    assert "is after the export date 2024-09-30; the spell is read as ongoing" in result.warnings["message"].iloc[0]


def test_spells_of_an_unknown_youth(tmp_path: Path) -> None:
    spells = GOOD_SPELLS + [["B7", "flexjob", "2022-08-01", "", "15"]]
    result = check(write_csv_export(tmp_path / "e", [GOOD_YOUTH], spells))
    assert ("spells.csv row 4 (youth B7), participant_id: 'B7' is not a youth in the participants sheet"
            in messages(result))
    assert (result.rows_loaded, result.rows_quarantined) == (3, 1)


def test_duplicate_participant_quarantines_both_rows_and_their_spells(tmp_path: Path) -> None:
    result = check(write_csv_export(tmp_path / "e", [GOOD_YOUTH, GOOD_YOUTH], GOOD_SPELLS))
    assert ("participants.csv row 2 (youth A1), participant_id: 'A1' also appears in row 3; each youth has one row"
            in messages(result))
    assert (result.rows_loaded, result.rows_quarantined) == (0, 4)


def test_end_before_start(tmp_path: Path) -> None:
    spells = [["A1", "flexjob", "2022-08-01", "2022-07-01", "15"]]
    result = check(write_csv_export(tmp_path / "e", [["A1", "851", "2019-08-01", "2019-07-01"]], spells))
    text = messages(result)
    assert "stu_end_date: STU ends (2019-07-01) before it starts (2019-08-01)" in text
    assert "spells.csv row 2 (youth A1), end_date: the spell ends (2022-07-01) before it starts (2022-08-01)" in text


def test_hours_birth_year_sex_cost_rules(tmp_path: Path) -> None:
    header = ["participant_id", "municipality_code", "stu_start_date", "birth_year", "sex", "programme_cost_dkk"]
    youths = [["A1", "851", "2019-08-01", "1940", "X", "-5"], ["A2", "851", "2019-08-01", "2001", "k", "65.714"]]
    spells = [["A2", "flexjob", "2022-08-01", "", "61"]]
    result = check(write_csv_export(tmp_path / "e", youths, spells, participant_header=header))
    text = messages(result)
    assert "birth_year: '1940' is not a plausible birth year (expected 1950–2010)" in text
    assert "sex: 'X' is not a sex code (expected F, M or K, or empty)" in text
    assert "programme_cost_dkk: '-5' is negative" in text
    assert "hours_per_week: '61' hours a week is outside the range above 0 and at most 60" in text


def test_required_cell_empty(tmp_path: Path) -> None:
    result = check(write_csv_export(tmp_path / "e", [["A1", "", "2019-08-01", ""]]))
    assert "municipality_code: is empty, but municipality_code is required" in messages(result)


def test_us_style_date_is_explained(tmp_path: Path) -> None:
    result = check(write_csv_export(tmp_path / "e", [["A1", "851", "12/31/2019", ""]]))
    assert "'12/31/2019' is not a valid date: dates are read day first (DD-MM-YYYY)" in messages(result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024-02-29", "2024-02-29"), ("29-02-2024", "2024-02-29"), ("1.3.2024", "2024-03-01"),
     ("31/01/2020", "2020-01-31"), ("2024-03-31 00:00:00", "2024-03-31")],
)
def test_accepted_date_forms(text: str, expected: str) -> None:
    import pandas as pd

    dates, errors = parse_dates(pd.Series([text], dtype="string"), "en")
    assert str(dates.iloc[0].date()) == expected and pd.isna(errors.iloc[0])


@pytest.mark.parametrize(
    ("text", "reason"),
    [("2023-02-29", "is not a date that exists"), ("45123", "looks like an Excel date number"),
     ("next week", "is not a date"), ("01-01-1850", "cannot be right")],
)
def test_rejected_date_forms(text: str, reason: str) -> None:
    import pandas as pd

    dates, errors = parse_dates(pd.Series([text], dtype="string"), "en")
    assert pd.isna(dates.iloc[0]) and reason in errors.iloc[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("65714", 65714.0), ("65.714", 65714.0), ("65.714,50", 65714.5), ("1234,5", 1234.5), ("12.5", 12.5),
     ("65 714 kr.", 65714.0)],
)
def test_danish_numbers(text: str, expected: float) -> None:
    import pandas as pd

    numbers, errors = parse_numbers(pd.Series([text], dtype="string"), "en")
    assert numbers.iloc[0] == expected and pd.isna(errors.iloc[0])


# ----------------------------------------------------------------------------- export level


def rejected(path: Path, key: bytes | None = None) -> str:
    with pytest.raises(ExportRejected) as caught:
        check(path, key)
    return caught.value.text("en")


def test_unknown_partnership_is_rejected_with_a_suggestion(tmp_path: Path) -> None:
    text = rejected(write_csv_export(tmp_path / "e", [GOOD_YOUTH], partnership_id="mou-hotel-alborg"))
    assert "'mou-hotel-alborg' is not in data/reference/partnerships.csv (did you mean 'mou-hotel-aalborg'?)" in text


@pytest.mark.parametrize(
    ("export_date", "reason"),
    [("", "the key 'export_date' is missing or empty"), ("30-13-2024", "is not a date that exists"),
     ("2027-01-01", "is in the future")],
)
def test_bad_export_date_is_rejected(tmp_path: Path, export_date: str, reason: str) -> None:
    assert reason in rejected(write_csv_export(tmp_path / "e", [GOOD_YOUTH], export_date=export_date))


def test_missing_required_column_is_rejected(tmp_path: Path) -> None:
    text = rejected(write_csv_export(tmp_path / "e", [["A1", "2019-08-01"]],
                                     participant_header=["participant_id", "stu_start_date"]))
    assert "participants.csv: required column missing: 'municipality_code' ('kommunekode')" in text


def test_duplicated_column_is_rejected(tmp_path: Path) -> None:
    header = ["participant_id", "deltager_id", "municipality_code", "stu_start_date"]
    text = rejected(write_csv_export(tmp_path / "e", [["A1", "A1", "851", "2019-08-01"]], participant_header=header))
    assert "column 'participant_id' appears twice" in text


def test_missing_sheet_is_rejected(tmp_path: Path) -> None:
    path = write_xlsx_export(tmp_path / "e.xlsx", [GOOD_YOUTH], sheets=("meta", "participants"))
    assert "e.xlsx: the sheet 'spells' is missing" in rejected(path)


def test_missing_csv_file_is_rejected(tmp_path: Path) -> None:
    folder = write_csv_export(tmp_path / "e", [GOOD_YOUTH])
    (folder / "spells.csv").unlink()
    assert "the file spells.csv is missing" in rejected(folder)


def test_export_without_youths_is_rejected(tmp_path: Path) -> None:
    assert "no youths" in rejected(write_csv_export(tmp_path / "e", []))


def test_binary_junk_named_xlsx_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "junk.xlsx"
    path.write_bytes(bytes(range(256)) * 10)
    assert "this is not an Excel workbook" in rejected(path)


# ----------------------------------------------------------------------------- forms and encodings


def test_danish_csv_export_windows_1252(tmp_path: Path) -> None:
    header = ["deltager_id", "kommunekode", "fødselsår", "køn", "stu_start", "stu_slut", "forløbsudgift_kr"]
    youths = [["A1", "851", "2001", "K", "01-08-2019", "30-06-2022", "65.714,50"]]
    spells = [["A1", "I forløb", "01-07-2022", "31-07-2022", ""], ["A1", "Fleksjob", "01-08-2022", "", "12,5"]]
    folder = write_csv_export(tmp_path / "e", youths, spells, participant_header=header,
                              spell_header=["deltager_id", "status", "start", "slut", "timer_pr_uge"],
                              meta_rows=[["partnership_id", "mou-hotel-aalborg"], ["export_date", "30-09-2024"]],
                              encoding="cp1252")
    (folder / "meta.csv").write_bytes("nøgle;værdi\npartnership_id;mou-hotel-aalborg\nexport_date;30-09-2024\n"
                                      .encode("cp1252"))
    result = check(folder)
    assert result.rows_quarantined == 0
    row = result.participants.iloc[0]
    assert (row["sex"], row["birth_year"], row["programme_cost_dkk"]) == ("F", 2001, 65714.5)
    assert row["stu_end_date"] == dt.date(2022, 6, 30)
    assert result.spells["hours_per_week"].iloc[1] == 12.5


def test_comma_separated_utf8_with_bom(tmp_path: Path) -> None:
    folder = write_csv_export(tmp_path / "e", [GOOD_YOUTH], GOOD_SPELLS, sep=",", encoding="utf-8-sig")
    assert check(folder).rows_loaded == 3


def test_xlsx_with_native_dates_and_extra_sheets(tmp_path: Path) -> None:
    youths = [["A1", 851, dt.datetime(2019, 8, 1), dt.datetime(2022, 6, 30)]]
    spells = [["A1", "flexjob", dt.datetime(2022, 8, 1), None, 15]]
    path = write_xlsx_export(tmp_path / "e.xlsx", youths, spells, export_date=dt.datetime(2024, 9, 30))
    result = check(path)
    assert result.rows_loaded == 2 and result.participants["municipality_code"].iloc[0] == "851"
    assert "e.xlsx, sheet participants" in result.locations["participants"]


def test_extra_columns_are_dropped_and_named(tmp_path: Path) -> None:
    header = PARTICIPANT_HEADER_WITH_NAME = ["participant_id", "municipality_code", "stu_start_date", "Navn",
                                             "Diagnose"]
    folder = write_csv_export(tmp_path / "e", [["A1", "851", "2019-08-01", "Hans Hansen", "autisme"]],
                              participant_header=PARTICIPANT_HEADER_WITH_NAME)
    result = check(folder)
    assert result.dropped_columns == ["participants.Navn", "participants.Diagnose"]
    assert "Navn" not in result.participants.columns and header[3] not in result.participants.columns
    assert any("the column 'Diagnose' is not part of the format" in m for m in result.warnings["message"])


def test_blank_rows_are_not_counted(tmp_path: Path) -> None:
    folder = write_csv_export(tmp_path / "e", [GOOD_YOUTH, [None, None, None, None]], GOOD_SPELLS)
    result = check(folder)
    assert result.rows_read == 3


# ----------------------------------------------------------------------------- CPR numbers


def test_cpr_ids_without_a_key_reject_the_export_without_showing_the_number(tmp_path: Path) -> None:
    text = rejected(write_csv_export(tmp_path / "e", [["010203-1234", "851", "2019-08-01", ""]]))
    assert "CPR numbers" in text and "JOBALLIANCE_PSEUDONYM_KEY" in text
    assert "010203" not in text and "1234" not in text


def test_cpr_ids_are_pseudonymised_in_participants_and_spells_alike(tmp_path: Path) -> None:
    from pipeline.privacy import pseudonym

    youths = [["0102031234", "851", "2019-08-01", ""]]
    spells = [["010203-1234", "flexjob", "2022-08-01", "", "15"]]
    result = check(write_csv_export(tmp_path / "e", youths, spells), key=b"k")
    expected = pseudonym("0102031234", b"k")
    assert expected.startswith("p_") and len(expected) == 18
    assert list(result.participants["participant_id"]) == [expected]
    assert list(result.spells["participant_id"]) == [expected]


def test_quarantine_values_mask_cpr_numbers(tmp_path: Path) -> None:
    youths = [["A1", "010203-1234", "2019-08-01", ""]]
    result = check(write_csv_export(tmp_path / "e", youths))
    assert "xxxxxx-xxxx" in messages(result)
    assert "010203" not in messages(result) + str(result.quarantine.to_dict())


def test_a_partnership_added_to_the_reference_file_is_accepted(tmp_path: Path) -> None:
    import shutil

    from pipeline import config

    reference_dir = tmp_path / "reference"
    shutil.copytree(config.REFERENCE_DIR, reference_dir)
    with (reference_dir / "partnerships.csv").open("a", encoding="utf-8") as handle:
        handle.write("ny-partner-odense,STU Odense,461,2025-08-01\n")
    export = write_csv_export(tmp_path / "e", [GOOD_YOUTH], GOOD_SPELLS, partnership_id="ny-partner-odense")
    result = validate_export(read_export(export), load_reference(reference_dir), None, TODAY)
    assert result.partnership_id == "ny-partner-odense" and result.rows_quarantined == 0


def test_the_display_labels_of_the_reports_are_accepted_too(tmp_path: Path) -> None:
    spells = [["A1", "Job med løntilskud for førtidspensionister (skånejob)", "2022-07-01", "2022-07-31", "20"],
              ["A1", "Andet/ukendt", "2022-08-01", "", ""]]
    result = check(write_csv_export(tmp_path / "e", [GOOD_YOUTH], spells))
    assert list(result.spells["status"]) == ["pension_wage_subsidy", "other"]


def test_id_with_characters_outside_the_format(tmp_path: Path) -> None:
    result = check(write_csv_export(tmp_path / "e", [["Anne Hansen", "851", "2019-08-01", ""]]))
    assert ("participants.csv row 2 (youth Anne Hansen), participant_id: 'Anne Hansen' is not a valid id "
            "(1–64 characters of "
            "A–Z, a–z, 0–9, _ - .)") in messages(result)


@pytest.mark.parametrize("values", [["E1"], ["12", "E1"], ["x", "y", "3"]])
def test_text_that_is_not_a_number_gets_a_message(values: list[str]) -> None:
    import pandas as pd

    numbers, errors = parse_numbers(pd.Series(values, dtype="string"), "en")
    for value, number, error in zip(values, numbers, errors, strict=True):
        if value.isdigit():
            assert number == float(value) and pd.isna(error)
        else:
            assert pd.isna(number) and error == f"'{value}' is not a number"


def test_every_ingest_text_exists_in_both_languages_with_the_same_fields() -> None:
    """Every key the ingest code looks up exists (dynamic ones listed here), in Danish and English
    with the same {fields}; and no ingest text is left unused."""
    import re
    import string

    from pipeline import config
    from pipeline.texts import TEXTS, domain_texts

    dynamic = {"ingest.check_": ["id_chars", "whole_year", "sex_code", "non_negative", "hours_range"],
               "cli.title_": ["ingested", "validated"]}
    for key, (da, en) in domain_texts("ingest").items():
        fields = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (da, en)]
        assert da.strip() and en.strip() and fields[0] == fields[1], key
    used: set[str] = set()
    for name in ("readers.py", "readers_xlsx.py", "parsing.py", "validation.py", "validation_rows.py", "ingest.py",
                 "cli.py"):
        text = (config.PROJECT_ROOT / "pipeline" / name).read_text(encoding="utf-8")
        used |= set(re.findall(r"""["']((?:ingest|readers|cli)\.[a-z_]+)["']""", text))
        for prefix in re.findall(r"""f["']((?:ingest|readers|cli)\.[a-z_]+)\{""", text):
            assert prefix in dynamic, prefix
    used |= {prefix + value for prefix, values in dynamic.items() for value in values}
    assert not sorted(used - set(TEXTS))
    assert not sorted(set(domain_texts("ingest")) - used)
