"""Parsing the text of an export's cells: dates, numbers, status labels, and how a value
is shown in a message. Pure functions on pandas Series; every reason is in the
language asked for (texts from pipeline/texts/ingest.toml)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from functools import partial

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline import privacy
from pipeline.texts import t

# Text cells are kept as Arrow strings: factorising, comparing, sorting and loading them run
# in Arrow's C++ without a Python object per cell. Wherever Python's own string semantics
# decide a result (white space, case, Unicode normalisation, regular expressions with
# Unicode classes), the Python function is applied to the few values that need it or to
# each distinct value once, so every result is exactly the one Python gives.
TEXT = pd.StringDtype("pyarrow")
_SIMPLE_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_SIMPLE_DAY_FIRST = r"^[0-9]{2}[-./][0-9]{2}[-./][0-9]{4}$"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
FIRST_YEAR, LAST_YEAR = 1900, 2100  # the years a date of an export may have (else a message)


def as_text(values: pd.Series) -> pd.Series:
    """The Series as Arrow-backed text (missing stays missing); no copy when it already is."""
    return values if values.dtype == TEXT else values.astype(TEXT)


def text_array(values: object) -> pa.ChunkedArray | pa.Array:
    """Cells (an object array, a Series or Arrow strings) as an Arrow string array."""
    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        return values if pa.types.is_string(values.type) else values.cast(pa.string())
    if isinstance(values, pd.Series):
        return pa.array(as_text(values).array)
    try:
        return pa.array(values, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # anything but text counts as missing
        return pa.array([v if isinstance(v, str) else None for v in values], type=pa.string())


def stripped(values: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    """str.strip() of every value, exactly: Arrow finds the values its own trim would change
    (its white space is Python's: Unicode's Zs and bidi classes WS, B, S — tests/
    test_ingest_fast_paths.py checks every character), and Python strips just those."""
    suspect = pc.fill_null(pc.not_equal(pc.utf8_trim_whitespace(values), values), False)
    if not pc.any(suspect).as_py():
        return values
    chosen = values.filter(suspect).to_pylist()
    return pc.replace_with_mask(values, suspect, pa.array([v.strip() for v in chosen], type=values.type))


def clean_text(values: object) -> pd.arrays.ArrowStringArray:
    """Cells as the readers keep them: stripped, '' and missing cells as missing."""
    array = stripped(text_array(values))
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks() if array.num_chunks != 1 else array.chunk(0)
    filled = pc.fill_null(pc.greater(pc.binary_length(array), 0), False)
    if array.offset == 0 and filled.offset == 0:  # the same values, '' marked missing in the validity bitmap
        _, offsets, data = array.buffers()
        array = pa.Array.from_buffers(array.type, len(array), [filled.buffers()[1], offsets, data])
    else:
        array = pc.if_else(filled, array, pa.scalar(None, array.type))
    return pd.arrays.ArrowStringArray(array)


def is_in(values: pd.Series, allowed: pd.Series | list | set | dict) -> pd.Series:
    """`values.isin(allowed)` for text, in Arrow (pandas walks the allowed values in Python)."""
    allowed = list(allowed) if isinstance(allowed, (set, dict)) else allowed
    chosen = text_array(allowed if isinstance(allowed, pd.Series) else pd.Series(allowed, dtype=object)).unique()
    found = pc.fill_null(pc.is_in(text_array(values), value_set=chosen.drop_null()), False)
    return pd.Series(found.to_numpy(zero_copy_only=False), index=values.index)


def lookup_distinct(values: pd.Series, mapping: dict[str, str]) -> pd.Series:
    """`values.map(mapping)` as Arrow text (missing where missing or not in the mapping), looked
    up once per distinct value: no Python object per row, and loaded by DuckDB as it stands."""
    codes, uniques = pd.factorize(as_text(values), use_na_sentinel=True)
    results = pa.array([mapping.get(u) for u in np.asarray(uniques, dtype=object)], type=pa.string())
    taken = results.take(pa.array(codes, mask=codes < 0))
    return pd.Series(pd.arrays.ArrowStringArray(taken), index=values.index)


def map_distinct(values: pd.Series, function: Callable[[str], object]) -> pd.Series:
    """`function` of each distinct text value, computed once and spread over the rows
    (missing stays missing); Arrow text out."""
    codes, uniques = pd.factorize(as_text(values), use_na_sentinel=True)
    results = pa.array([function(str(u)) for u in uniques], type=pa.string())
    taken = results.take(pa.array(codes, mask=codes < 0))
    return pd.Series(pd.arrays.ArrowStringArray(taken), index=values.index)


def shown(value: object) -> str:
    """A value as it may appear in a message: quoted, CPR-like numbers masked, long text cut."""
    text = privacy.mask_cpr(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def did_you_mean(value: str, candidates: list[str], lang: str = "da") -> str:
    match = difflib.get_close_matches(value.strip().lower(), candidates, n=1, cutoff=0.6)
    return t("ingest.did_you_mean", lang, value=match[0]) if match else ""


def _per_distinct(
    parse: Callable[[pd.Series], tuple[pd.Series, pd.Series]], text: pd.Series
) -> tuple[pd.Series, pd.Series]:
    """Apply `parse` to each distinct value once and spread the results back over the rows:
    a column of a large export holds few distinct dates or numbers. The reasons come back as
    Arrow text (finding the few rows with one reads a validity bitmap, not an object per row)."""
    codes, uniques = pd.factorize(as_text(text), use_na_sentinel=True)
    if len(uniques) * 2 > len(text):
        values, errors = parse(text)
        return values, errors.astype(TEXT)
    values, errors = parse(pd.Series(np.asarray(uniques, dtype=object), dtype="string"))
    missing = codes < 0
    taken = np.where(missing, 0, codes)
    out_values = values.iloc[taken] if len(values) else values.reindex(range(len(codes)))
    out_values = out_values.where(~missing) if out_values.dtype != "datetime64[ns]" else out_values.mask(missing)
    if errors.notna().any():
        out_errors = errors.iloc[taken] if len(errors) else errors.reindex(range(len(codes)))
        out_errors = out_errors.mask(missing).astype(TEXT).set_axis(text.index)
    else:  # the common case: no value is wrong, nothing to spread
        out_errors = no_errors(text.index)
    return out_values.set_axis(text.index), out_errors


def no_errors(index: pd.Index) -> pd.Series:
    """A reason per row, none given (Arrow text, all missing: made without a value per row)."""
    return pd.Series(pd.arrays.ArrowStringArray(pa.nulls(len(index), pa.large_string())), index=index)


def parse_dates(text: pd.Series, lang: str = "da") -> tuple[pd.Series, pd.Series]:
    """Dates in the accepted forms (YYYY-MM-DD or day first DD-MM-YYYY, DD.MM.YYYY,
    DD/MM/YYYY); returns the dates and, for text that is not one, the reason."""
    plain = _plain_date_column(text)
    if plain is not None:
        return plain, no_errors(text.index)
    return _per_distinct(partial(_parse_dates, lang=lang), text)


def _plain_date_column(text: pd.Series) -> pd.Series | None:
    """The dates of a column whose every value is a plain ISO date ('2024-09-30', years
    1900-2100), read by one Arrow cast (no text hashed); None for any other column. Arrow reads
    a ten-character value as a date only in exactly that shape (four digits, '-', two digits,
    '-', two digits) and only when the date exists."""
    array = text_array(text)
    # The first values are looked at first: a cast that fails costs far more than one that works.
    head = array.slice(0, 1000).drop_null().to_pylist()
    if not head or not all(_ISO_DATE.fullmatch(value) for value in head):
        return None
    if not pc.all(pc.equal(pc.binary_length(array), 10)).as_py():
        return None
    try:
        days = array.cast(pa.date32())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    if not _years_accepted(days):
        return None
    return pd.Series(days.to_numpy(zero_copy_only=False).astype("datetime64[ns]"), index=text.index)


def _parse_dates(text: pd.Series, lang: str) -> tuple[pd.Series, pd.Series]:
    """The plain dates in Arrow, the full rules for the others."""
    simple = _simple_dates(text)
    if simple is None:
        return _parse_dates_fully(text, lang)
    chosen, days = simple
    dates = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    dates[chosen] = days
    errors = pd.Series(pd.NA, index=text.index, dtype="string")
    rest = ~chosen & text.notna().to_numpy()
    if rest.any():
        rest_dates, rest_errors = _parse_dates_fully(text[rest], lang)
        dates[rest] = rest_dates.to_numpy(dtype="datetime64[ns]")
        errors[rest] = rest_errors
    return dates, errors


def _simple_dates(text: pd.Series) -> tuple[np.ndarray, np.ndarray] | None:
    """The plain dates ('2024-09-30' or day first '30-09-2024', '30.09.2024', '30/09/2024' with
    two-digit day and month; ASCII digits, years 1900-2100), read in Arrow: which rows hold
    one and their dates (datetime64[ns]). None when no row does, or when one of them is not
    a real date (the full rules then read the column and name the problem)."""
    array = text_array(text)
    iso = pc.fill_null(pc.match_substring_regex(array, _SIMPLE_DATE), False)
    day_first = pc.fill_null(pc.match_substring_regex(array, _SIMPLE_DAY_FIRST), False)
    chosen = pc.or_(iso, day_first)
    if not pc.any(chosen).as_py():
        return None
    picked = array.filter(chosen)
    if pc.any(day_first).as_py():
        flipped = pc.binary_join_element_wise(pc.utf8_slice_codeunits(picked, 6, 10),
                                              pc.utf8_slice_codeunits(picked, 3, 5),
                                              pc.utf8_slice_codeunits(picked, 0, 2),
                                              pa.scalar("-", picked.type))
        picked = pc.if_else(day_first.filter(chosen), flipped, picked)
    try:
        days = picked.cast(pa.date32())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    if not _years_accepted(days):
        return None
    return chosen.to_numpy(zero_copy_only=False), days.to_numpy(zero_copy_only=False).astype("datetime64[ns]")


def _years_accepted(days: pa.Array | pa.ChunkedArray) -> bool:
    """Whether every date read in Arrow lies in FIRST_YEAR .. LAST_YEAR (else the full rules name the year)."""
    years = pc.min_max(pc.year(days))
    return years["min"].as_py() is None or FIRST_YEAR <= years["min"].as_py() <= years["max"].as_py() <= LAST_YEAR


def _parse_dates_fully(text: pd.Series, lang: str) -> tuple[pd.Series, pd.Series]:
    text = text.astype("string").str.strip()
    dates = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    iso = text.str.extract(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?$")
    dmy = text.str.extract(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")
    parts = pd.DataFrame({
        "year": iso[0].fillna(dmy[2]),
        "month": iso[1].fillna(dmy[1]),
        "day": iso[2].fillna(dmy[0]),
    })
    shaped = parts["year"].notna()
    if shaped.any():
        numbers = parts[shaped].astype(int)
        in_range = numbers["year"].between(FIRST_YEAR, LAST_YEAR)
        candidate = pd.to_datetime(numbers[in_range][["year", "month", "day"]], errors="coerce")
        dates.loc[candidate.index] = candidate
    errors = pd.Series(pd.NA, index=text.index, dtype="string")
    bad = text.notna() & dates.isna()
    for index in bad[bad].index:
        errors[index] = _date_error(text[index], parts.loc[index], lang)
    return dates, errors


def _date_error(value: str, parts: pd.Series, lang: str) -> str:
    if privacy.contains_cpr(value):
        return t("ingest.cpr_in_cell", lang, value=shown(value))
    if value.isdigit() and 4 <= len(value) <= 6:
        return t("ingest.date_serial", lang, value=shown(value))
    if pd.notna(parts["year"]):
        year, month, day = int(parts["year"]), int(parts["month"]), int(parts["day"])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return t("ingest.date_year", lang, value=shown(value), year=year)
        if month > 12 and day <= 12:
            return t("ingest.date_day_first", lang, value=shown(value), month=month)
        return t("ingest.date_not_exists", lang, value=shown(value))
    return t("ingest.date_not_date", lang, value=shown(value))


def parse_numbers(text: pd.Series, lang: str = "da") -> tuple[pd.Series, pd.Series]:
    """Numbers with a decimal comma or point; '.' between groups of three digits is
    read as the Danish thousands separator (65.714 = 65714). Not-a-number, infinity and
    anything CPR-like are errors, never numbers (a CPR number must not be stored as one)."""
    text = as_text(text)
    # Up to eight ASCII digits: a whole number as it stands (never CPR-like, which takes
    # nine or ten), converted in Arrow; only the other values go through the full rules.
    array = text_array(text)
    simple = _whole_numbers(array)
    if not pc.any(simple).as_py():
        return _per_distinct(partial(_parse_numbers, lang=lang), text)
    numbers = np.full(len(text), np.nan)
    chosen = simple.to_numpy(zero_copy_only=False)
    numbers[chosen] = array.filter(simple).cast(pa.float64()).to_numpy(zero_copy_only=False)
    errors = no_errors(text.index)
    rest = ~chosen & text.notna().to_numpy()  # missing cells are missing numbers, nothing to parse
    if rest.any():
        rest_numbers, rest_errors = _per_distinct(partial(_parse_numbers, lang=lang), text[rest])
        numbers[rest] = rest_numbers.to_numpy(dtype="float64", na_value=np.nan)
        if rest_errors.notna().any():
            errors[rest] = rest_errors
    return pd.Series(numbers, index=text.index), errors


def _whole_numbers(array: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Which values are one to eight ASCII digits (the regular expression ^[0-9]{1,8}$, as
    two byte-wise kernels: much faster than a regular expression per value)."""
    digits = pc.and_(pc.ascii_is_decimal(array), pc.less_equal(pc.binary_length(array), 8))
    return pc.fill_null(digits, False)


def _parse_numbers(text: pd.Series, lang: str) -> tuple[pd.Series, pd.Series]:
    text = text.astype("string").str.strip()
    cleaned = text.str.replace(r"(?i)\s*(kr\.?|dkk)$", "", regex=True).str.replace(r"[\s\u00a0]", "", regex=True)
    has_comma = cleaned.str.contains(",", regex=False).fillna(False)
    cleaned = cleaned.where(~has_comma, cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    thousands = cleaned.str.fullmatch(r"-?\d{1,3}(\.\d{3})+").fillna(False)
    cleaned = cleaned.where(~thousands, cleaned.str.replace(".", "", regex=False))
    # Only plain decimal notation (with an optional exponent) is a number: 'inf', 'nan',
    # 'Infinity', hex and the like are not.
    plain = cleaned.str.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?").fillna(False).astype(bool)
    numbers = pd.to_numeric(cleaned.where(plain), errors="coerce").astype("float64")
    cpr = privacy.cpr_mask(text)
    numbers = numbers.mask(cpr | ~np.isfinite(numbers.fillna(0.0)))
    bad = text.notna() & numbers.isna()
    errors = pd.Series(pd.NA, index=text.index, dtype="string")
    for index in bad[bad].index:
        value = text[index]
        if cpr[index]:
            errors[index] = t("ingest.cpr_in_cell", lang, value=shown(value))
        elif plain[index] or value.strip().lower().lstrip("+-") in ("inf", "infinity", "nan", "∞"):
            errors[index] = t("ingest.number_not_finite", lang, value=shown(value))
        else:
            errors[index] = t("ingest.number_not_number", lang, value=shown(value))
    return numbers, errors


def nfc_series(text: pd.Series) -> pd.Series:
    """Unicode NFC of every value (a + combining ring becomes 'å'), once per distinct value."""
    return map_distinct(text, partial(unicodedata.normalize, "NFC"))


def normalised_labels(text: pd.Series) -> pd.Series:
    """How a status label is matched: NFC, lower case, single spaces (once per distinct label)."""
    return map_distinct(text, _label)


def _label(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).lower().split())
