"""The register (weekly) form of a comparison extract: meta.csv + weekly.csv.

weekly.csv has one row per person: participant_id, municipality_code, birth_year, sex,
stu_end_date (and optionally stu_start_date), then one column per ISO week (`2019-W32`)
holding a benefit code; empty = no public benefit that week. This is the shape of an
extract from STAR's DREAM register. data/reference/benefit_codes.csv turns the codes into
the status vocabulary; consecutive weeks of one status become one spell from the Monday
of its first week to the Sunday of its last (a run that reaches the file's last week is
ongoing: no end date). A code the mapping does not know becomes a spell whose status is
the code itself, so the ordinary validation quarantines that youth with a message.
The result is shaped exactly like a cohort export's raw frames, so validation applies.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline import config
from pipeline.readers import (
    ExportRejected,
    RawExport,
    RawSheet,
    _text_column,
    canonical_header,
    decode_text,
    detect_delimiter,
    read_csv_table,
)
from pipeline.texts import t

WEEKLY_FILE = "weekly.csv"
META_FILE = "meta.csv"
WEEK_PATTERN = re.compile(r"^(\d{4})-?w(\d{1,2})$")
PERSON_COLUMNS = ("participant_id", "municipality_code", "birth_year", "sex", "stu_start_date", "stu_end_date")
DANISH_PERSON_COLUMNS = {
    "deltager_id": "participant_id", "kommunekode": "municipality_code", "fødselsår": "birth_year",
    "køn": "sex", "stu_start": "stu_start_date", "stu_slut": "stu_end_date",
}
SPELL_COLUMNS = ("participant_id", "status", "start_date", "end_date")


@lru_cache(maxsize=4)
def benefit_codes(directory: Path = config.REFERENCE_DIR) -> dict[str, str]:
    """data/reference/benefit_codes.csv as code → status."""
    frame = pd.read_csv(directory / "benefit_codes.csv", dtype=str, keep_default_na=False)
    return {code.strip(): status.strip() for code, status in zip(frame["code"], frame["status"], strict=True)}


def _files(path: Path) -> dict[str, Path]:
    return {p.name.lower(): p for p in path.iterdir() if p.is_file()}


def is_register_export(path: Path) -> bool:
    """A folder holding meta.csv and weekly.csv."""
    if not Path(path).is_dir():
        return False
    names = _files(Path(path))
    return META_FILE in names and WEEKLY_FILE in names


def week_monday(column: str) -> dt.date | None:
    """The Monday of an ISO week column such as '2019-W32' (None when the name is not a week)."""
    match = WEEK_PATTERN.match(canonical_header(column))
    if not match:
        return None
    try:
        return dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
    except ValueError:
        return None


def label_ids(values: list[object], mapping: dict[str, str], labels: dict[str, int]) -> np.ndarray:
    """Each distinct code of a column as the id of its status (unknown codes stay themselves); −1 = empty."""
    out = np.full(len(values), -1, dtype=np.int64)
    for position, value in enumerate(values):
        code = "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value).strip()
        if code:
            out[position] = labels.setdefault(mapping.get(code, code), len(labels))
    return out


def weeks_to_spells(
    ids: np.ndarray, codes: np.ndarray, mondays: list[dt.date], mapping: dict[str, str]
) -> pd.DataFrame:
    """Runs of one status in consecutive weeks → spells (participant_id, status, start_date, end_date) as text.

    codes: (n, W) benefit codes ('' or None = no benefit), columns in week order.
    """
    codes = np.asarray(codes, dtype=object)
    flat, uniques = pd.factorize(codes.ravel(), use_na_sentinel=True)
    labels: dict[str, int] = {}
    lookup = np.append(label_ids(list(uniques), mapping, labels), -1)  # index −1 (missing) → empty
    status_id = lookup[flat].reshape(codes.shape) if codes.size else np.zeros(codes.shape, dtype=np.int64)
    return runs_to_spells(ids, status_id, list(labels), mondays)


def runs_to_spells(ids: np.ndarray, status_id: np.ndarray, labels: list[str], mondays: list[dt.date]) -> pd.DataFrame:
    """Spells from a (n, W) matrix of status ids (−1 = no benefit) in week order (vectorised)."""
    n, width = status_id.shape
    if n == 0 or width == 0:
        return pd.DataFrame(columns=list(SPELL_COLUMNS))
    empty = status_id < 0
    monday = np.array(mondays, dtype="datetime64[D]")
    gap = np.ones(width, dtype=bool)
    gap[1:] = (monday[1:] - monday[:-1]) != np.timedelta64(7, "D")
    change = np.ones((n, width), dtype=bool)
    change[:, 1:] = (status_id[:, 1:] != status_id[:, :-1]) | gap[None, 1:]
    last = np.ones((n, width), dtype=bool)
    last[:, :-1] = change[:, 1:]
    start_rows, start_cols = np.nonzero(change & ~empty)
    _, end_cols = np.nonzero(last & ~empty)
    ongoing = end_cols == width - 1
    start = monday[start_cols]
    stop = monday[end_cols] + np.timedelta64(6, "D")
    return pd.DataFrame({
        "participant_id": np.asarray(ids, dtype=object)[start_rows],
        "status": np.asarray(labels, dtype=object)[status_id[start_rows, start_cols]],
        "start_date": np.datetime_as_string(start, unit="D").astype(object),
        "end_date": np.where(ongoing, None, np.datetime_as_string(stop, unit="D").astype(object)),
    }, columns=list(SPELL_COLUMNS))


def _read_weekly(path: Path) -> tuple[pd.DataFrame, list[str]]:
    """weekly.csv as text columns (pyarrow: a file of 100,000 × 520 weeks stays small in memory)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    location = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExportRejected(f"{location}: cannot be read ({error.strerror})") from None
    text = decode_text(data, location)
    if not text.strip():
        raise ExportRejected(f"{location}: the file is empty")
    delimiter = detect_delimiter(text)
    header = next(iter(pd.read_csv(io.StringIO(text.split("\n", 1)[0]), sep=delimiter, dtype=str, header=None)
                       .itertuples(index=False)))
    names = [str(name) for name in header]
    if len(set(names)) != len(names):
        raise ExportRejected(f"{location}: a column name appears twice")
    try:
        table = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1),
            parse_options=pacsv.ParseOptions(delimiter=delimiter),
            convert_options=pacsv.ConvertOptions(column_types={name: pa.string() for name in names},
                                                 strings_can_be_null=False))
    except pa.ArrowInvalid as error:
        raise ExportRejected(f"{location}: cannot be read as CSV ({error})") from None
    return table, names


def read_register_export(path: Path, lang: str = "da") -> RawExport:
    """Read a register extract (meta.csv + weekly.csv) into the raw frames of a cohort export."""
    path = Path(path)
    files = _files(path)
    for name in (META_FILE, WEEKLY_FILE):
        if name not in files:
            raise ExportRejected(t("comparison.register_missing_file", lang, folder=path.name, file=name))
    meta = read_csv_table(files[META_FILE], "meta")
    weekly_path = files[WEEKLY_FILE]
    table, header = _read_weekly(weekly_path)
    person: dict[str, str] = {}
    weeks: list[tuple[dt.date, str]] = []
    for column in header:
        name = canonical_header(column)
        canonical = DANISH_PERSON_COLUMNS.get(name, name)
        if canonical in PERSON_COLUMNS:
            person[canonical] = column
            continue
        monday = week_monday(column)
        if monday is not None:
            weeks.append((monday, column))
        elif WEEK_PATTERN.match(name.replace(" ", "")) or re.match(r"^\d{4}-w", name):
            raise ExportRejected(t("comparison.register_bad_week", lang, file=weekly_path.name, column=column))
    if not weeks:
        raise ExportRejected(t("comparison.register_no_weeks", lang, file=weekly_path.name))
    missing = [c for c in ("participant_id", "municipality_code", "birth_year", "sex", "stu_end_date")
               if c not in person]
    if missing:
        raise ExportRejected(f"{weekly_path.name}: required column missing: {', '.join(missing)}")
    weeks.sort()
    index = pd.RangeIndex(2, 2 + table.num_rows, name="row_number")
    participants = pd.DataFrame(
        {c: _text_column(table.column(person[c]).to_numpy(zero_copy_only=False).astype(object))
         for c in PERSON_COLUMNS if c in person}, index=index)
    mapping = benefit_codes()
    labels: dict[str, int] = {}
    status_id = np.full((table.num_rows, len(weeks)), -1, dtype=np.int64, order="F")  # filled column by column
    for j, (_, column) in enumerate(weeks):  # a loop over week columns; rows stay vectorised
        encoded = table.column(column).combine_chunks().dictionary_encode()
        lookup = np.append(label_ids(encoded.dictionary.to_pylist(), mapping, labels), -1)
        status_id[:, j] = lookup[encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)]
    keep = participants.notna().any(axis=1).to_numpy() | (status_id >= 0).any(axis=1)
    participants = participants[keep]
    ids = participants["participant_id"].to_numpy(dtype=object)
    spells = runs_to_spells(ids, status_id[keep], list(labels), [monday for monday, _ in weeks])
    spells = spells[pd.notna(spells["participant_id"])]
    spell_frame = pd.DataFrame({c: _text_column(spells[c].to_numpy(dtype=object)) for c in SPELL_COLUMNS},
                               index=pd.RangeIndex(2, 2 + len(spells), name="row_number"))
    spells_location = t("comparison.register_spells_location", lang, file=weekly_path.name)
    digest = hashlib.sha256()
    for name in (META_FILE, WEEKLY_FILE):
        digest.update(name.encode())
        digest.update(files[name].read_bytes())
    return RawExport(
        path, digest.hexdigest(), meta,
        RawSheet("participants", weekly_path.name, participants),
        RawSheet("spells", spells_location, spell_frame),
    )
