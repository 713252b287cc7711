"""The one text catalog: every user-facing string, in Danish and English.

`t(key, lang, **values)` returns the text with `{name}` fields filled in. The entries are
kept in one module per domain (`reports`, ...), merged here into one catalog; a key may
appear in only one of them, and every entry holds both languages (tests check both).
Category, status and partnership labels come from data/reference/*.csv.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from pipeline import config
from pipeline.formatting import check_lang
from pipeline.reference import load_reference
from pipeline.texts import comparison, dashboard, ingest, report_effect, report_tables, reports, terminal, workbook

_DOMAINS = (reports.TEXTS, report_tables.TEXTS, terminal.TEXTS, comparison.TEXTS, workbook.TEXTS, dashboard.TEXTS,
            ingest.TEXTS, report_effect.TEXTS)


def _merged() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for domain in _DOMAINS:
        for key, value in domain.items():
            if key in merged:
                raise RuntimeError(f"text key {key!r} is defined twice in pipeline/texts")
            merged[key] = value
    return merged


TEXTS: dict[str, tuple[str, str]] = _merged()


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang`, with `{name}` fields filled from `values`."""
    da, en = TEXTS[key]
    text = da if check_lang(lang) == "da" else en
    return text.format(**values) if values else text


def has_text(key: str) -> bool:
    return key in TEXTS


@lru_cache(maxsize=1)
def _categories() -> pd.DataFrame:
    frame = pd.read_csv(config.REFERENCE_DIR / "categories.csv", dtype=str, keep_default_na=False)
    frame["sort_order"] = frame["sort_order"].astype(int)
    return frame.sort_values("sort_order")


def category_order() -> list[str]:
    """Category codes in report order (job, education, in_programme, public_support, unknown)."""
    return list(_categories()["category"])


def category_label(code: str, lang: str) -> str:
    """A category's label from data/reference/categories.csv."""
    row = _categories().set_index("category").loc[code]
    return str(row["label_da"] if check_lang(lang) == "da" else row["label_en"])


def status_label(code: str, lang: str) -> str:
    """A status code's label from data/reference/statuses.csv (the code itself if unknown)."""
    statuses = load_reference().statuses.set_index("status")
    if code not in statuses.index:
        return code
    return str(statuses.loc[code, "label_da" if check_lang(lang) == "da" else "label_en"])


def partnership_name(partnership_id: str, lang: str) -> str:
    """'STU place (municipality)' for a partnership id; 'Hele programmet' / 'Whole programme' for ALL."""
    if partnership_id == "ALL":
        return t("value.all", lang)
    reference = load_reference()
    rows = reference.partnerships.set_index("partnership_id")
    if partnership_id not in rows.index:
        return partnership_id
    municipalities = reference.municipalities.set_index("municipality_code")["name"]
    codes = str(rows.loc[partnership_id, "municipality_codes"]).split()
    names = [str(municipalities.get(code, code)) for code in codes]
    return f"{rows.loc[partnership_id, 'stu_place']} ({', '.join(names)})"
