"""The empty export workbook: the sheets the reader needs, the contract's headers, drop-downs."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline import config
from pipeline.reference import load_reference
from pipeline.template import PARTICIPANT_COLUMNS, SPELL_COLUMNS, status_choices, write_template


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = write_template(tmp_path_factory.mktemp("template") / "skabelon.xlsx")
    return openpyxl.load_workbook(path)


def _validations(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple[str, str, str]]:
    return [(v.type, v.formula1, str(v.sqref)) for v in sheet.data_validations.dataValidation]


def _named_range_values(workbook: openpyxl.Workbook, name: str) -> list[object]:
    sheet_name, cells = next(iter(workbook.defined_names[name].destinations))
    return [row[0].value for row in workbook[sheet_name][cells.replace("$", "")]]


def test_sheets_and_headers(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == ["Vejledning", "meta", "participants", "spells", "lists"]
    assert workbook["lists"].sheet_state == "hidden"
    assert [c.value for c in workbook["meta"][1]] == ["key", "value"]
    assert [row[0] for row in workbook["meta"].iter_rows(min_row=2, values_only=True)] == [
        "partnership_id", "export_date",
    ]
    assert [c.value for c in workbook["participants"][1]] == list(PARTICIPANT_COLUMNS)
    assert [c.value for c in workbook["spells"][1]] == list(SPELL_COLUMNS)
    assert workbook["participants"].max_row == 1 and workbook["spells"].max_row == 1  # empty


def test_status_and_municipality_drop_downs(workbook: openpyxl.Workbook) -> None:
    spells = _validations(workbook["spells"])
    assert ("list", "list_status", "B2:B5000") in spells
    participants = _validations(workbook["participants"])
    assert ("list", "list_municipality_code", "B2:B5000") in participants
    assert ("list", "list_partnership_id", "B2") in _validations(workbook["meta"])

    reference = load_reference()
    statuses = _named_range_values(workbook, "list_status")
    assert statuses == status_choices(reference)
    lookup = reference.status_lookup
    assert all(str(value).strip().lower() in lookup for value in statuses)  # every choice is accepted
    assert set(reference.statuses["status"]) <= set(statuses)
    assert {"Fleksjob", "Ordinær ansættelse"} <= set(statuses)

    codes = _named_range_values(workbook, "list_municipality_code")
    expected = pd.read_csv(config.REFERENCE_DIR / "municipalities.csv", dtype=str)["municipality_code"]
    assert len(codes) == 98 and {str(code) for code in codes} == set(expected)
    assert _named_range_values(workbook, "list_partnership_id") == list(reference.partnerships["partnership_id"])


def test_date_columns_are_formatted_and_checked(workbook: openpyxl.Workbook) -> None:
    participants = workbook["participants"]
    for letter in "EFGHIJ":
        assert participants.column_dimensions[letter].number_format == "DD-MM-YYYY"
    assert workbook["spells"].column_dimensions["C"].number_format == "DD-MM-YYYY"
    assert workbook["meta"]["B3"].number_format == "DD-MM-YYYY"
    date_checks = [sqref for kind, _, sqref in _validations(participants) if kind == "date"]
    assert date_checks and all(f"{letter}2:{letter}5000" in date_checks[0] for letter in "EFGHIJ")
    assert any(kind == "decimal" and sqref == "E2:E5000" for kind, _, sqref in _validations(workbook["spells"]))


def test_danish_guide(workbook: openpyxl.Workbook) -> None:
    text = " ".join(str(value) for row in workbook["Vejledning"].values for value in row if value)
    for phrase in ("participants", "spells", "DD-MM-ÅÅÅÅ", "fjernes", "CPR", "JOBALLIANCE_PSEUDONYM_KEY",
                   "deltager_id", "kommunekode"):
        assert phrase in text


def test_template_is_reproducible(tmp_path: Path) -> None:
    first = write_template(tmp_path / "a.xlsx")
    second = write_template(tmp_path / "b.xlsx")
    assert first.read_bytes() == second.read_bytes()
