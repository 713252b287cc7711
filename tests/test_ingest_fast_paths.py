"""The fast paths of ingest give exactly what the careful paths give: Arrow's CSV reader what
pandas' C parser reads, Arrow-side stripping what str.strip() does, the RE2 net for CPR
numbers never letting one through that the Python rule catches, and whole numbers read in
Arrow what the full number rules read."""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from pipeline import parsing, privacy, readers

# Every character Python strips, and a few it does not (zero-width space, Mongolian vowel separator).
WHITE = [chr(i) for i in range(0x110000) if chr(i).isspace()]
NOT_WHITE = ["\u200b", "\u180e", "\ufeff", "x", "ø", "\x00"]


def test_stripping_is_pythons_for_every_white_space_character() -> None:
    values = [f"{c}a{c}" for c in WHITE + NOT_WHITE] + [f"{c}{c}" for c in WHITE] + ["a b", "", "  ", "ø ", " Å"]
    got = parsing.stripped(pa.array(values + [None])).to_pylist()
    assert got == [v.strip() for v in values] + [None]
    cleaned = pd.Series(parsing.clean_text(np.array(values, dtype=object)))
    expected = [v.strip() or None for v in values]
    assert [None if pd.isna(v) else v for v in cleaned] == expected


@pytest.mark.parametrize("delimiter,line_end", [(",", "\n"), (";", "\r\n")])
def test_arrow_reads_a_plain_csv_as_pandas_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                delimiter: str, line_end: str) -> None:
    rng = random.Random(7)
    cells = ["Y1", " Y2 ", "", "851", "\u00a0851", "2019-08-01", "01.08.2019 ", "i forløb", "Å\u2003", "12,5",
             "\x1f", "x y", "0101901234", "\u3000"]
    cells = [c for c in cells if delimiter not in c]
    rows = [delimiter.join(rng.choice(cells) for _ in range(4)) for _ in range(300)]
    text = line_end.join(["participant_id;municipality_code;stu_start_date;x".replace(";", delimiter), *rows])
    path = tmp_path / "participants.csv"
    path.write_text(text + line_end, encoding="utf-8")
    fast = readers.read_csv_table(path, "participants")
    assert readers._arrow_csv(path.read_text(encoding="utf-8"), delimiter) is not None  # the fast path was taken
    monkeypatch.setattr(readers, "_arrow_csv", lambda text, delimiter, encoded=None: None)
    careful = readers.read_csv_table(path, "participants")
    pd.testing.assert_frame_equal(fast.frame, careful.frame)
    assert (fast.dropped_columns, fast.stray_rows) == (careful.dropped_columns, careful.stray_rows)


@pytest.mark.parametrize("text", ["a,b\n1,2\n\n3,4\n", "a,b\n1,\"2\"\n", "a,b\n1,2,3\n", "a,b\n1\n", "a,b\r1,2\n",
                                  "\na,b\n1,2\n"])
def test_arrow_leaves_every_unusual_file_to_pandas(text: str) -> None:
    assert readers._arrow_csv(text, ",") is None


def test_the_cpr_net_catches_everything_the_rule_catches() -> None:
    digits = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "０１２３４５６７８９", "߀߁߂߃߄߅߆߇߈߉"]  # ASCII, Arabic-Indic, full width, N'Ko
    separators = ["", " ", "\u00a0", "\u2003", "\t", *privacy.DASHES]
    rng = random.Random(11)
    values = []
    for _ in range(3000):
        numerals = rng.choice(digits)
        day, month = rng.choice(["01", "15", "29", "31", "7", "32", "00"]), rng.choice(["02", "12", "13", "06"])
        body = "".join(numerals[int(d)] if rng.random() < 0.3 else d for d in f"{day}{month}{rng.randint(0, 99):02d}")
        serial = "".join(numerals[rng.randint(0, 9)] for _ in range(4))
        values.append(rng.choice(["", "JH", "x ", "1"]) + body + rng.choice(separators) + serial
                      + rng.choice(["", "-2", "1", " y"]))
    found = privacy.cpr_mask(pd.Series(values, dtype="string"))
    assert list(found) == [privacy.contains_cpr(v) for v in values]
    assert 200 < found.sum() < len(values) - 200  # both kinds were tried


def test_whole_numbers_read_in_arrow_as_the_full_rules_read_them() -> None:
    rng = random.Random(3)
    values = [str(rng.randint(0, 10 ** rng.randint(1, 10))).zfill(rng.choice([0, 0, 3, 9])) for _ in range(2000)]
    values += ["", "12,5", "1.250.000", "00000000", "123456789", "0101901234", "٣", "１２"]
    text = pd.Series(values, dtype="string", index=range(5, 5 + len(values)))
    numbers, errors = parsing.parse_numbers(text, "en")
    full_numbers, full_errors = parsing._parse_numbers(text, "en")
    pd.testing.assert_series_equal(numbers, full_numbers, check_names=False)
    pd.testing.assert_series_equal(errors, full_errors.astype(parsing.TEXT), check_names=False)


def test_plain_dates_read_in_arrow_as_the_full_rules_read_them() -> None:
    rng = random.Random(5)
    shapes = ["2024-09-30", "30-09-2024", "30.09.2024", "30/09/2024", "2023-02-29", "29.02.2024", "31-04-2020",
              "13-13-2020", "1899-12-31", "2101-01-01", "01.02.1899", "2100-12-31", "1900-01-01", "2024-9-30",
              "1-2-2020", "30/09-2024", "٢٠٢٤-٠٩-٣٠", "2024-09-30T10:00", "0101901234", "x", " 30-09-2024", ""]
    for _ in range(300):
        values = [rng.choice(shapes) for _ in range(rng.randint(1, 40))]
        text = pd.Series([v or None for v in values], dtype="string", index=range(2, 2 + len(values)))
        dates, errors = parsing.parse_dates(text, "da")
        full_dates, full_errors = parsing._parse_dates_fully(text, "da")
        pd.testing.assert_series_equal(dates, full_dates, check_names=False)
        pd.testing.assert_series_equal(errors, full_errors.astype(parsing.TEXT), check_names=False)


def test_a_file_read_from_its_own_bytes_reads_as_one_encoded_again(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    rows = ["participant_id;municipality_code;stu_start_date", "Ø1;851;2019-08-01", "Å2 ; 0851 ;01.08.2019"]
    path = tmp_path / "participants.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode("utf-8"))
    given = []
    original = readers._arrow_csv
    monkeypatch.setattr(readers, "_arrow_csv", lambda text, delimiter, encoded=None: (
        given.append(encoded), original(text, delimiter, encoded))[1])
    from_bytes = readers.read_csv_table(path, "participants")
    assert given[-1] is not None and not given[-1].startswith(b"\xef")  # the file's bytes, its BOM left out
    monkeypatch.setattr(readers, "_arrow_csv", lambda text, delimiter, encoded=None: original(text, delimiter))
    encoded_again = readers.read_csv_table(path, "participants")
    pd.testing.assert_frame_equal(from_bytes.frame, encoded_again.frame)
    assert list(from_bytes.frame["participant_id"]) == ["Ø1", "Å2"]


def _overlaps_by_hand(spells: list[tuple[str, int, int | None, int]], export_day: int
                      ) -> list[tuple[int, int, int, int]]:
    """Per youth, spells in (start, row) order; one overlaps when it starts on or before the latest
    end so far (open = the export date, ending before its start = its start)."""
    found = []
    for youth in {s[0] for s in spells}:
        own = sorted((start, row, end) for y, start, end, row in spells if y == youth)
        reach, previous = None, None
        for start, row, end in own:
            effective = export_day if end is None else (start if end < start else end)
            if reach is not None and start <= reach:
                found.append((row, start, previous[0], previous[1]))
            reach = effective if reach is None else max(reach, effective)
            previous = (row, effective)
    return sorted(found)


@pytest.mark.parametrize("order", ["sorted", "grouped", "shuffled"])
def test_overlaps_found_in_numpy_are_the_ones_found_by_hand(order: str) -> None:
    """Sorted rows take the path without a sort; the others are sorted first."""
    from pipeline.validation_rows import _overlaps

    grouped = order != "shuffled"
    rng = random.Random(len(order))
    day = pd.Timestamp("2020-01-01")
    for _ in range(50):
        spells = []
        for youth in range(rng.randint(1, 8)):
            start = rng.randint(0, 30)
            for _ in range(rng.randint(1, 5)):
                end = None if rng.random() < 0.2 else start + rng.randint(-3, 20)
                spells.append((f"Y{youth}", start, end))
                start = (end or start) + rng.randint(-5, 10) if grouped else rng.randint(0, 60)
        if order == "shuffled":
            rng.shuffle(spells)
        elif order == "sorted":
            spells.sort(key=lambda spell: (int(spell[0][1:]), spell[1]))
        rows = [(y, s, e, row) for row, (y, s, e) in enumerate(spells, start=2)]
        typed = pd.DataFrame({
            "participant_id": pd.array([r[0] for r in rows], dtype=parsing.TEXT),
            "start_date": pd.array([day + pd.Timedelta(days=r[1]) for r in rows], dtype="datetime64[ns]"),
            "end_date": pd.array([pd.NaT if r[2] is None else day + pd.Timedelta(days=r[2]) for r in rows],
                                 dtype="datetime64[ns]"),
        }, index=pd.RangeIndex(2, 2 + len(rows)))
        end_before = typed["end_date"] < typed["start_date"]
        got = sorted((row, (start - day).days, other, (end - day).days)
                     for row, start, other, end in _overlaps(typed, end_before, day + pd.Timedelta(days=90)))
        assert got == _overlaps_by_hand(rows, 90)


def test_the_cpr_net_looks_past_short_values_without_missing_a_long_one() -> None:
    rng = random.Random(23)
    shapes = ["Y0000001", "E36448", "", "0101901234", "010190-1234", "x0101901234", "1010901234", "٠١٠١٩٠١٢٣٤",
              "12345678", "101901234", "ab", "0101901234 JH"]
    for size in (1, 5, 40):
        values = [rng.choice(shapes) for _ in range(size)]
        found = privacy.cpr_mask(pd.Series(values, dtype="string", index=range(3, 3 + size)))
        assert list(found) == [privacy.contains_cpr(v) for v in values]
        assert list(found.index) == list(range(3, 3 + size))


def test_whole_numbers_are_told_apart_byte_by_byte_as_the_expression_does() -> None:
    values = ["1", "12345678", "123456789", "", "٣", "１２", "1a", "-1", " 1", "0", "²", "1²", "½", "\u0661", "+1",
              None]
    array = pa.array(values, type=pa.large_string())
    expected = [None if v is None else bool(re.fullmatch(r"[0-9]{1,8}", v, flags=re.ASCII)) for v in values]
    assert parsing._whole_numbers(array).to_pylist() == [bool(e) for e in expected]


@pytest.mark.parametrize("odd", [None, "2023-02-29", "0024-09-30", "2101-01-01", "2024-9-300", "30-09-2024", ""])
def test_a_column_of_plain_iso_dates_is_read_by_one_cast_as_the_full_rules_read_it(odd: str | None) -> None:
    values = ["2024-09-30", "1900-01-01", "2100-12-31", None, "2000-02-29", odd]
    text = pd.Series([v or None for v in values], dtype="string", index=range(2, 2 + len(values)))
    assert (parsing._plain_date_column(text) is not None) == (odd in (None, ""))
    dates, errors = parsing.parse_dates(text, "en")
    full_dates, full_errors = parsing._parse_dates_fully(text, "en")
    pd.testing.assert_series_equal(dates, full_dates, check_names=False)
    pd.testing.assert_series_equal(errors, full_errors.astype(parsing.TEXT), check_names=False)
