"""Parsing the text of an export's cells: dates, numbers, status labels, and how a value
is shown in a message. Pure functions on pandas Series; every reason is in the
language asked for (texts from pipeline/texts/ingest.py)."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable
from functools import partial

import numpy as np
import pandas as pd

from pipeline import privacy
from pipeline.texts import t


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
    a column of a large export holds few distinct dates or numbers."""
    codes, uniques = pd.factorize(text.astype("string"), use_na_sentinel=True)
    if len(uniques) * 2 > len(text):
        return parse(text)
    values, errors = parse(pd.Series(uniques, dtype="string"))
    missing = codes < 0
    taken = np.where(missing, 0, codes)
    out_values = values.iloc[taken] if len(values) else values.reindex(range(len(codes)))
    out_values = out_values.where(~missing) if out_values.dtype != "datetime64[ns]" else out_values.mask(missing)
    out_errors = errors.iloc[taken] if len(errors) else errors.reindex(range(len(codes)))
    out_errors = out_errors.mask(missing)
    return out_values.set_axis(text.index), out_errors.set_axis(text.index)


def parse_dates(text: pd.Series, lang: str = "da") -> tuple[pd.Series, pd.Series]:
    """Dates in the accepted forms (YYYY-MM-DD or day first DD-MM-YYYY, DD.MM.YYYY,
    DD/MM/YYYY); returns the dates and, for text that is not one, the reason."""
    return _per_distinct(partial(_parse_dates, lang=lang), text)


def _parse_dates(text: pd.Series, lang: str) -> tuple[pd.Series, pd.Series]:
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
        in_range = numbers["year"].between(1900, 2100)
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
        if not 1900 <= year <= 2100:
            return t("ingest.date_year", lang, value=shown(value), year=year)
        if month > 12 and day <= 12:
            return t("ingest.date_day_first", lang, value=shown(value), month=month)
        return t("ingest.date_not_exists", lang, value=shown(value))
    return t("ingest.date_not_date", lang, value=shown(value))


def parse_numbers(text: pd.Series, lang: str = "da") -> tuple[pd.Series, pd.Series]:
    """Numbers with a decimal comma or point; '.' between groups of three digits is
    read as the Danish thousands separator (65.714 = 65714). Not-a-number, infinity and
    anything CPR-like are errors, never numbers (a CPR number must not be stored as one)."""
    return _per_distinct(partial(_parse_numbers, lang=lang), text)


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
    codes, uniques = pd.factorize(text.astype("string"), use_na_sentinel=True)
    normal = pd.Series([unicodedata.normalize("NFC", str(u)) for u in uniques], dtype="string")
    spread = normal.reindex(codes).to_numpy(dtype=object, na_value=None) if len(codes) else np.array([], dtype=object)
    return pd.Series(pd.array(spread, dtype="string"), index=text.index)


def normalised_labels(text: pd.Series) -> pd.Series:
    """How a status label is matched: NFC, lower case, single spaces (once per distinct label)."""
    codes, uniques = pd.factorize(text.astype("string"), use_na_sentinel=True)
    labels = pd.Series([" ".join(unicodedata.normalize("NFC", str(u)).lower().split()) for u in uniques],
                       dtype="string")
    spread = labels.reindex(codes).to_numpy(dtype=object, na_value=None) if len(codes) else np.array([], dtype=object)
    return pd.Series(pd.array(spread, dtype="string"), index=text.index)
