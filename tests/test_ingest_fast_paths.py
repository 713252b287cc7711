"""The fast paths of ingest give exactly what the careful paths give: Arrow's CSV reader what
pandas' C parser reads, Arrow-side stripping what str.strip() does, the RE2 net for CPR
numbers never letting one through that the Python rule catches, and whole numbers read in
Arrow what the full number rules read."""

from __future__ import annotations

import random
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
    monkeypatch.setattr(readers, "_arrow_csv", lambda text, delimiter: None)
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
    pd.testing.assert_series_equal(errors, full_errors, check_names=False)
