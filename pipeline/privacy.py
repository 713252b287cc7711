"""CPR numbers: recognising them, replacing them by pseudonyms, masking them in text.

A CPR number is 10 digits, optionally with '-' after the sixth, whose first six digits
form a valid date DDMMYY. Ids that are CPR numbers are replaced at ingest by
'p_' + the first 16 hex digits of HMAC-SHA256(key, the 10 digits); every value shown
in a message or stored in the quarantine goes through `mask_cpr` first.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re

import pandas as pd

from pipeline import config

CPR_PATTERN = r"(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(\d{2})-?(\d{4})"
_CPR_FULL = re.compile(rf"^{CPR_PATTERN}$")
_CPR_ANYWHERE = re.compile(rf"(?<!\d){CPR_PATTERN}(?!\d)")
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
MASK = "xxxxxx-xxxx"


class PseudonymKeyMissing(RuntimeError):
    """CPR numbers were found but no key is set to pseudonymise them."""


def _valid_ddmmyy(day: int, month: int, year2: int) -> bool:
    if day > _DAYS_IN_MONTH[month - 1]:
        return False
    # 29 February exists in some century for every two-digit year divisible by 4.
    return not (month == 2 and day == 29 and year2 % 4 != 0)


def is_cpr(value: object) -> bool:
    """Whether a value is a CPR number (10 digits, optional '-', valid DDMMYY)."""
    if not isinstance(value, str):
        return False
    match = _CPR_FULL.match(value.strip())
    return bool(match) and _valid_ddmmyy(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def cpr_mask(values: pd.Series) -> pd.Series:
    """Vectorised `is_cpr` over a Series of strings (missing values are not CPR numbers)."""
    text = values.astype("string").str.strip()
    parts = text.str.extract(rf"^{CPR_PATTERN}$")
    matched = parts[0].notna()
    if not matched.any():
        return matched.fillna(False).astype(bool)
    day = pd.to_numeric(parts[0], errors="coerce")
    month = pd.to_numeric(parts[1], errors="coerce")
    year2 = pd.to_numeric(parts[2], errors="coerce")
    max_day = month.map(lambda m: _DAYS_IN_MONTH[int(m) - 1] if pd.notna(m) else 0)
    valid = matched & (day <= max_day) & ~((month == 2) & (day == 29) & (year2 % 4 != 0))
    return valid.fillna(False).astype(bool)


def pseudonym_key_from_env() -> bytes | None:
    """The pseudonymisation key from JOBALLIANCE_PSEUDONYM_KEY, or None when unset/empty."""
    key = os.environ.get(config.PSEUDONYM_KEY_ENV, "")
    return key.encode("utf-8") if key else None


def pseudonym(cpr: str, key: bytes) -> str:
    """'p_' + 16 hex digits of HMAC-SHA256 over the CPR number's 10 digits."""
    digits = cpr.strip().replace("-", "")
    return "p_" + hmac.new(key, digits.encode("ascii"), hashlib.sha256).hexdigest()[:16]


def pseudonymised(values: pd.Series, key: bytes) -> pd.Series:
    """The Series with every CPR number replaced by its pseudonym; other values unchanged."""
    mask = cpr_mask(values)
    if not mask.any():
        return values
    replaced = values[mask].map(lambda v: pseudonym(v, key))
    return values.where(~mask, replaced.reindex(values.index))


def mask_cpr(text: object) -> str:
    """Text safe to show: every CPR-like number in it replaced by a mask."""
    return _CPR_ANYWHERE.sub(MASK, str(text))
