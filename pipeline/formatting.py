"""Number and date formats for everything users read (reports, status, savings), in Danish and English.

Danish: "1.234.567 kr.", "81 %", "0,5"; English: "DKK 1,234,567", "81%", "0.5".
Missing values (None, NaN) format as an en dash.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd

MISSING = "–"
MINUS = "−"

_MONTHS = {
    "da": (
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def check_lang(lang: str) -> str:
    """The language code, or ValueError if it is not 'da' or 'en'."""
    if lang not in ("da", "en"):
        raise ValueError(f"language must be 'da' or 'en', not {lang!r}")
    return lang


def is_missing(value: Any) -> bool:
    """True for None, NaN and pandas' missing markers."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def fmt_number(value: Any, lang: str, decimals: int = 0) -> str:
    """A number with thousands separators: da '1.234,5', en '1,234.5'."""
    if is_missing(value):
        return MISSING
    number = float(value)
    if math.isinf(number):
        return MISSING
    text = f"{abs(number):,.{decimals}f}"
    if check_lang(lang) == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    # no "−0" after rounding
    if number < 0 and any(ch not in "0.," for ch in text):
        text = MINUS + text
    return text


def fmt_int(value: Any, lang: str) -> str:
    """A count: '1.234' / '1,234'."""
    return fmt_number(value, lang, 0)


def fmt_pct(share: Any, lang: str, decimals: int = 0) -> str:
    """A share in 0..1 as a percentage: da '81 %', en '81%'."""
    if is_missing(share):
        return MISSING
    text = fmt_number(float(share) * 100, lang, decimals)
    return f"{text} %" if lang == "da" else f"{text}%"


def fmt_pct_range(low: Any, high: Any, lang: str, decimals: int = 0) -> str:
    """An interval of shares: da '65–87 %', en '65–87%'."""
    if is_missing(low) or is_missing(high):
        return MISSING
    low_text = fmt_number(float(low) * 100, lang, decimals)
    high_text = fmt_number(float(high) * 100, lang, decimals)
    return f"{low_text}–{high_text} %" if lang == "da" else f"{low_text}–{high_text}%"


def fmt_dkk(value: Any, lang: str, decimals: int = 0) -> str:
    """Kroner: da '1.234.567 kr.', en 'DKK 1,234,567'."""
    if is_missing(value):
        return MISSING
    text = fmt_number(value, lang, decimals)
    return f"{text} kr." if lang == "da" else f"DKK {text}"


def fmt_mio_dkk(value: Any, lang: str, decimals: int = 0) -> str:
    """Millions of kroner: da '150 mio. kr.', en 'DKK 150 million'."""
    if is_missing(value):
        return MISSING
    text = fmt_number(float(value) / 1e6, lang, decimals)
    return f"{text} mio. kr." if lang == "da" else f"DKK {text} million"


def fmt_date(value: Any, lang: str, long: bool = False) -> str:
    """A date: short da '15.03.2024', en '2024-03-15'; long da '15. marts 2024', en '15 March 2024'."""
    if is_missing(value):
        return MISSING
    day = pd.Timestamp(value).date() if not isinstance(value, dt.date) else value
    if isinstance(day, dt.datetime):
        day = day.date()
    if long:
        month = _MONTHS[check_lang(lang)][day.month - 1]
        return f"{day.day}. {month} {day.year}" if lang == "da" else f"{day.day} {month} {day.year}"
    return day.strftime("%d.%m.%Y") if check_lang(lang) == "da" else day.isoformat()


_SHORT_MONTHS = {
    "da": ("jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def fmt_date_tick(value: Any, lang: str) -> str:
    """A date with the month abbreviated, short enough for a chart's axis: da '31. mar. 2026', en '31 Mar 2026'."""
    if is_missing(value):
        return MISSING
    day = pd.Timestamp(value)
    month = _SHORT_MONTHS[check_lang(lang)][day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == "da" else f"{day.day} {month} {day.year}"


def fmt_ratio(value: Any, lang: str, decimals: int = 2) -> str:
    """A plain decimal (e.g. a parameter): da '0,94', en '0.94'; trailing zeros dropped."""
    if is_missing(value):
        return MISSING
    text = fmt_number(value, lang, decimals)
    sep = "," if lang == "da" else "."
    if sep in text:
        text = text.rstrip("0").rstrip(sep)
    return text
