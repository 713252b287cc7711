"""Hostile inputs, round two (classes 2, 4 and 7 of the issue): non-finite and absurd
numbers, two different exports of one partnership and date in one call, decomposed
Unicode, macOS resource files and Excel lock files, Excel's `sep=` line."""

from __future__ import annotations

import datetime as dt
import math
import shutil
import unicodedata
from pathlib import Path

from conftest import write_csv_export, write_xlsx_export
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import check_exports, exports_under
from pipeline.readers import read_export
from pipeline.reference import load_reference
from pipeline.validation import validate_export
from pipeline.validation_rows import MAX_COST_DKK

TODAY = dt.date(2026, 11, 22)
runner = CliRunner(env={"LANG": "en_US.UTF-8", "COLUMNS": "200"})
P_HEADER = ["participant_id", "municipality_code", "birth_year", "stu_start_date", "stu_end_date",
            "programme_cost_dkk"]
S_HEADER = ["participant_id", "status", "start_date", "end_date", "hours_per_week"]


def check(path: Path, lang: str = "en"):  # noqa: ANN201 - a ValidatedExport
    result = validate_export(read_export(path), load_reference(), None, TODAY, lang)
    assert result.rows_read == result.rows_loaded + result.rows_quarantined
    return result


def one_youth(folder: Path, birth_year: str = "2001", cost: str = "65714", hours: str = "15") -> Path:
    return write_csv_export(folder, [["A1", "851", birth_year, "2019-08-01", "2022-06-30", cost]],
                            [["A1", "flexjob", "2022-08-01", "", hours]], participant_header=P_HEADER,
                            spell_header=S_HEADER)


# ----------------------------------------------------------------------------- numbers

NON_FINITE = ["inf", "Infinity", "-inf", "+Infinity", "nan", "NaN", "1e308", "1e400", "-1e400", "∞", "1E999"]


def test_the_issue_examples_of_non_finite_costs(tmp_path: Path) -> None:
    for i, value in enumerate(["inf", "Infinity", "nan", "1e308"]):
        result = check(one_youth(tmp_path / str(i), cost=value))
        assert result.rows_loaded == 0 and result.rows_quarantined == 2, value
        assert "programme_cost_dkk" in "\n".join(result.messages())


@st.composite
def bad_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """(column, text) of a number no one would believe, or no finite number at all."""
    column = draw(st.sampled_from(["birth_year", "programme_cost_dkk", "hours_per_week"]))
    if draw(st.booleans()):
        return column, draw(st.sampled_from(NON_FINITE))
    low, high = {"birth_year": (1950, TODAY.year - 14), "programme_cost_dkk": (0, MAX_COST_DKK),
                 "hours_per_week": (0, 60)}[column]
    outside = st.one_of(st.floats(max_value=low - 1e-6, allow_nan=False, allow_infinity=False, min_value=-1e300),
                        st.floats(min_value=high + 1, max_value=1e300, allow_nan=False, allow_infinity=False))
    if column == "hours_per_week":
        outside = st.one_of(outside, st.just(0.0))
    value = draw(outside)
    text = repr(value) if column != "birth_year" or not value.is_integer() else str(int(value))
    return column, text.replace("e+", "e")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=bad_numbers())
def test_every_number_is_finite_and_believable_or_the_row_is_quarantined(case: tuple[str, str],
                                                                         tmp_path: Path) -> None:
    column, text = case
    base = tmp_path / "run"
    shutil.rmtree(base, ignore_errors=True)
    kwargs = {"birth_year": {"birth_year": text}, "programme_cost_dkk": {"cost": text},
              "hours_per_week": {"hours": text}}[column]
    result = check(one_youth(base, **kwargs))
    assert result.rows_loaded == 0 and result.rows_quarantined == 2, (column, text, result.messages())
    assert any(f", {column}: " in line for line in result.messages())
    for frame in (result.participants, result.spells):
        for name in frame.select_dtypes("number"):
            assert all(math.isfinite(v) for v in frame[name].dropna())


def test_believable_numbers_still_load(tmp_path: Path) -> None:
    result = check(one_youth(tmp_path / "e", birth_year="2001", cost="1.250.000", hours="37,5"))
    assert result.rows_quarantined == 0
    assert result.participants["programme_cost_dkk"].iloc[0] == 1_250_000
    assert result.spells["hours_per_week"].iloc[0] == 37.5


# ----------------------------------------------------------------------------- same partnership, same date


def test_two_exports_of_one_date_with_different_contents_are_both_refused(tmp_path: Path) -> None:
    first = one_youth(tmp_path / "first")
    second = write_csv_export(tmp_path / "second", [["A1", "851", "2019-08-01", "2022-06-30"],
                                                    ["A2", "851", "2019-08-01", "2022-06-30"]])
    result = runner.invoke(app, ["ingest", str(first), str(second), "--warehouse", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 1, result.output
    text = " ".join(result.output.split())
    assert "first: mou-hotel-aalborg has another export with the same date 2024-09-30" in text
    assert "(second)" in text and "(first)" in text and "Keep the right one and remove the other" in text


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dates=st.lists(st.sampled_from(["2024-03-31", "2024-06-30", "2024-09-30"]), min_size=2, max_size=4))
def test_only_same_date_groups_are_refused(dates: list[str], tmp_path: Path) -> None:
    base = tmp_path / "run"
    shutil.rmtree(base, ignore_errors=True)
    paths = [write_csv_export(base / f"e{i}", [[f"A{j}", "851", "2019-08-01", "2022-06-30"] for j in range(i + 1)],
                              export_date=date) for i, date in enumerate(dates)]
    validated, rejections, outcomes = check_exports(paths, set(), lang="en")
    clashing = {i for i, d in enumerate(dates) if dates.count(d) > 1}
    assert {i for i, o in enumerate(outcomes) if o.state == "rejected"} == clashing
    assert len(validated) == len(dates) - len(clashing) and len(rejections) == len(clashing)


# ----------------------------------------------------------------------------- Unicode, side files, sep=


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(status=st.sampled_from(["ordinær ansættelse", "fleksjob", "ressourceforløb", "Ordinær Ansættelse"]),
       upper=st.booleans(), spaces=st.booleans())
def test_decomposed_headers_statuses_and_meta_keys_are_recognised(status: str, upper: bool, spaces: bool,
                                                                   tmp_path: Path) -> None:
    base = tmp_path / "run"
    shutil.rmtree(base, ignore_errors=True)
    header = ["deltager_id", "kommunekode", "fødselsår", "stu_start", "stu_slut"]
    header = [nfd(h.upper() if upper else h) for h in header]
    label = nfd(status) if not spaces else "  " + nfd(status).replace(" ", "   ") + " "
    export = write_csv_export(base, [["A1", "851", "2001", "2019-08-01", "2022-06-30"]],
                              [["A1", label, "2022-08-01", "", "15"]], participant_header=header,
                              meta_rows=[["partnership_id", "mou-hotel-aalborg"], ["export_date", "2024-09-30"],
                                         [nfd("Gruppe"), nfd("programme")]])
    result = check(export)
    assert (result.rows_loaded, result.rows_quarantined) == (2, 0), result.messages()
    assert result.participants["birth_year"].iloc[0] == 2001


def test_the_issue_example_a_decomposed_a_ring(tmp_path: Path) -> None:
    assert nfd("å") != "å" and len(nfd("å")) == 2
    export = write_csv_export(tmp_path / "e", [["A1", "851", "2019-08-01", "2022-06-30"]],
                              [["A1", nfd("ordinær ansættelse"), "2022-08-01", "", "37"]])
    assert check(export).rows_quarantined == 0


def test_mac_resource_files_and_lock_files_are_skipped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    good = write_xlsx_export(tmp_path / "in" / "e.xlsx", [["A1", "851", "2019-08-01", "2022-06-30"]])
    (tmp_path / "in" / "._e.xlsx").write_bytes(b"\x00\x05\x16\x07 Mac OS X resource fork")
    (tmp_path / "in" / "~$e.xlsx").write_bytes(b"lock")
    found = exports_under([tmp_path / "in"], "en")
    assert found.exports == [good] and len(found.notes) == 2
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--warehouse", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 0, result.output
    assert "._e.xlsx: skipped (a macOS resource file or an Excel lock file, not an export)" in result.output


def test_excels_sep_line_is_read_as_the_delimiter(tmp_path: Path) -> None:
    export = write_csv_export(tmp_path / "e", [["A1", "851", "2019-08-01", "2022-06-30"]],
                              [["A1", "fleksjob", "2022-08-01", "", "15"]], sep=",")
    for name in ("participants.csv", "spells.csv", "meta.csv"):
        path = export / name
        path.write_text("sep=,\n" + path.read_text())
    result = check(export)
    assert (result.rows_read, result.rows_loaded) == (2, 2)
    path = export / "participants.csv"
    path.write_text("SEP=;\r\n" + path.read_text().split("\n", 1)[1].replace(",", ";"))
    assert check(export).rows_loaded == 2


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.text("abcdefghij-_ 0123456789", min_size=1, max_size=10), min_size=1, max_size=4,
                      unique=True),
       prefixes=st.lists(st.sampled_from(["._", "~$", ""]), min_size=4, max_size=4))
def test_side_files_are_skipped_whatever_their_names(names: list[str], prefixes: list[str], tmp_path: Path) -> None:
    base = tmp_path / "run"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir()
    real = []
    for name, prefix in zip(names, prefixes, strict=False):
        path = base / f"{prefix}{name}.xlsx"
        if prefix:
            path.write_bytes(b"\x00\x05\x16\x07 not a workbook")
        else:
            real.append(write_xlsx_export(path, [["A1", "851", "2019-08-01", "2022-06-30"]]))
    if not real:
        return  # nothing to ingest is a usage error, tested in test_hostile_cli.py
    found = exports_under([base], "en")
    assert sorted(found.exports) == sorted(real)
    assert len(found.notes) == len(names) - len(real)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sep=st.sampled_from([";", ",", "\t", "|"]), case=st.sampled_from(["sep", "SEP", "Sep"]),
       newline=st.sampled_from(["\n", "\r\n"]))
def test_any_sep_line_is_read(sep: str, case: str, newline: str, tmp_path: Path) -> None:
    base = tmp_path / "run"
    shutil.rmtree(base, ignore_errors=True)
    export = write_csv_export(base, [["A1", "851", "2019-08-01", "2022-06-30"]],
                              [["A1", "fleksjob", "2022-08-01", "", "15"]], sep=sep)
    for name in ("meta.csv", "participants.csv", "spells.csv"):
        path = export / name
        path.write_bytes((f"{case}={sep}{newline}" + path.read_text().replace("\n", newline)).encode())
    result = check(export)
    assert (result.rows_read, result.rows_loaded) == (2, 2)
