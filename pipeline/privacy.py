"""CPR numbers: recognising them, replacing them by pseudonyms, masking them in text.

The rule is deliberately wide ("CPR-like"), because a CPR number reaches an export in
many shapes: 10 digits, or 9 when Excel dropped the leading zero of a number cell;
with or without one separator before the last four digits (a space, a hyphen or any
Unicode dash, as autocorrect writes '151290–1234'); alone or inside a longer token
('JH2407851122', '1512901234-2'). The digits must not continue on either side and the
first six (five when the zero was lost) must be a valid date DDMMYY.

- Ids that are, or contain, a CPR-like number are replaced at ingest by
  'p_' + the first 16 hex digits of HMAC-SHA256(key, the id with each CPR-like part
  written as its 10 digits) — a bare CPR number therefore gives the same pseudonym
  whatever its shape, and the same as before the rule was widened.
- Every text shown in a message or stored (quarantine values and reasons, source paths,
  warnings) goes through `mask_cpr` first.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline import config

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
MASK = "xxxxxx-xxxx"
# Every Unicode dash (category Pd, Unicode 15; tests/test_hostile_cpr.py checks the list
# against unicodedata) and the minus sign; with any single white-space character.
DASHES = ("-\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2e17\u2e1a\u2e3a\u2e3b\u2e40"
          "\u2e5d\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead\u2212")
SEPARATOR = "[\\s" + re.escape(DASHES) + "]"
# Named groups: dd/d (day with or without its leading zero), mm, yy, serial.
CPR_PATTERN = (rf"(?:(?P<dd>0[1-9]|[12]\d|3[01])|(?P<d>[1-9]))(?P<mm>0[1-9]|1[0-2])(?P<yy>\d{{2}})"
               rf"{SEPARATOR}?(?P<serial>\d{{4}})")
_CPR_ANYWHERE = re.compile(rf"(?<!\d){CPR_PATTERN}(?!\d)")
# The vectorised first test, in Arrow's RE2 (\p{Nd} is Python's \d): every value the pattern
# matches has five digits, at most one other character and four digits, so this net is wider.
_CPR_NET = r"\p{Nd}{5}\P{Nd}?\p{Nd}{4}"
# Pseudonyms are HMAC output: their hex digits are not a number anyone typed, so masking
# skips them (a run of digits inside 'p_…' must not turn a pseudonym into a mask).
_PSEUDONYM = re.compile(r"\bp_[0-9a-f]{16}\b")


class PseudonymKeyMissing(RuntimeError):
    """CPR numbers were found but no key is set to pseudonymise them."""


def _valid_ddmmyy(day: int, month: int, year2: int) -> bool:
    if day > _DAYS_IN_MONTH[month - 1]:
        return False
    # 29 February exists in some century for every two-digit year divisible by 4.
    return not (month == 2 and day == 29 and year2 % 4 != 0)


def _valid(match: re.Match[str]) -> bool:
    day = int(match.group("dd") or match.group("d"))
    return _valid_ddmmyy(day, int(match.group("mm")), int(match.group("yy")))


def _cpr_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the 10 digits) of every CPR-like number in the text, outside pseudonyms.
    Overlapping candidates are tried at every start, so a 10-digit run whose own date is
    invalid is not given up for a valid 9-digit reading at the next position (that reading
    would need a digit boundary anyway)."""
    protected = [m.span() for m in _PSEUDONYM.finditer(text)]
    spans = []
    position = 0
    while True:
        match = _CPR_ANYWHERE.search(text, position)
        if match is None:
            return spans
        inside = any(a <= match.start() < b for a, b in protected)
        if _valid(match) and not inside:
            day = match.group("dd") or "0" + match.group("d")
            spans.append((match.start(), match.end(), day + match.group("mm") + match.group("yy")
                          + match.group("serial")))
            position = match.end()
        else:
            position = match.start() + 1


def contains_cpr(value: object) -> bool:
    """Whether a text holds a CPR-like number anywhere (the wide rule above)."""
    return isinstance(value, str) and bool(_cpr_spans(value))


def is_cpr(value: object) -> bool:
    """Whether a value, stripped, is exactly one CPR-like number (9 or 10 digits, one
    optional separator, valid DDMMYY)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    spans = _cpr_spans(text)
    return len(spans) == 1 and spans[0][0] == 0 and spans[0][1] == len(text)


def cpr_digits(value: str) -> str:
    """The value with every CPR-like part written as its 10 digits (the lost zero restored,
    the separator dropped): the form pseudonyms are computed from."""
    text = value.strip()
    out, last = [], 0
    for start, end, digits in _cpr_spans(text):
        out += [text[last:start], digits]
        last = end
    return "".join(out) + text[last:]


def cpr_mask(values: pd.Series) -> pd.Series:
    """Per value: does it contain a CPR-like number? Arrow's RE2 first keeps the values with
    five digits, at most one other character and four digits (every CPR-like shape has them:
    a wider net than the rule, run without a Python object per value); Python's own rule
    then decides for those, once per distinct value."""
    text = values if isinstance(values.dtype, pd.StringDtype) else values.astype("string")
    arrow = pa.array(text.array)
    # Nine characters at least (so nine bytes at least): shorter values are not looked at, and
    # short ids (the common case) cost a length, not a regular expression.
    long_enough = pc.fill_null(pc.greater_equal(pc.binary_length(arrow), 9), False)
    positions = np.flatnonzero(long_enough.to_numpy(zero_copy_only=False))
    result = np.zeros(len(values), dtype=bool)
    if len(positions):
        candidates = arrow if len(positions) == len(arrow) else arrow.filter(long_enough)
        netted = pc.fill_null(pc.match_substring_regex(candidates, _CPR_NET), False)
        if pc.any(netted).as_py():
            chosen = candidates.filter(netted).to_pylist()
            found = {v: contains_cpr(v) for v in set(chosen)}
            result[positions[netted.to_numpy(zero_copy_only=False)]] = [found[v] for v in chosen]
    return pd.Series(result, index=values.index)


def pseudonym_key_from_env() -> bytes | None:
    """The pseudonymisation key from JOBALLIANCE_PSEUDONYM_KEY, or None when unset/empty."""
    key = os.environ.get(config.PSEUDONYM_KEY_ENV, "")
    return key.encode("utf-8") if key else None


def pseudonym(value: str, key: bytes) -> str:
    """'p_' + 16 hex digits of HMAC-SHA256 over the id with its CPR-like parts as 10 digits."""
    return "p_" + hmac.new(key, cpr_digits(value).encode("utf-8"), hashlib.sha256).hexdigest()[:16]


def pseudonymised(values: pd.Series, key: bytes) -> pd.Series:
    """The Series with every value that holds a CPR-like number replaced by its pseudonym."""
    mask = cpr_mask(values)
    if not mask.any():
        return values
    replaced = values[mask].map(lambda v: pseudonym(v, key))
    return values.where(~mask, replaced.reindex(values.index))


def mask_cpr(text: object) -> str:
    """Text safe to show or store: every CPR-like number in it replaced by a mask."""
    value = str(text)
    spans = _cpr_spans(value)
    if not spans:
        return value
    out, last = [], 0
    for start, end, _ in spans:
        out += [value[last:start], MASK]
        last = end
    return "".join(out) + value[last:]


def safe_path(path: object) -> str:
    """A file or folder path as it may be stored or printed: CPR-like parts masked."""
    return mask_cpr(str(path))
