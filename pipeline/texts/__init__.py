"""The one text catalog: every user-facing string, in Danish and English.

`t(key, lang, **values)` returns the text with `{name}` fields filled in. The entries are
kept in one TOML file per domain (`pipeline/texts/reports.toml`, ...), one table per key with
`da` and `en`, so a translator edits text, not code. They are merged here into one catalog; a
key may appear in only one file, and every entry holds both languages (checked when read).
Category, status and partnership labels come from data/reference/*.csv.
"""

from __future__ import annotations

import tomllib
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd

from pipeline import config
from pipeline.formatting import check_lang
from pipeline.reference import load_reference

_FOLDER = Path(__file__).parent
DOMAINS = tuple(sorted(path.stem for path in _FOLDER.glob("*.toml")))  # every file of the folder is a domain


def domain_texts(domain: str) -> dict[str, tuple[str, str]]:
    """The texts of one domain file: key -> (Danish, English)."""
    path = _FOLDER / f"{domain}.toml"
    with path.open("rb") as handle:
        entries = tomllib.load(handle)
    texts = {}
    for key, entry in entries.items():
        if not isinstance(entry, dict) or set(entry) != {"da", "en"} or not all(isinstance(v, str) for v in
                                                                                  entry.values()):
            raise RuntimeError(f"text {key!r} in {path.name} must have exactly a Danish (da) and an English (en) text")
        texts[key] = (entry["da"], entry["en"])
    return texts


def _merged() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for domain in DOMAINS:
        for key, value in domain_texts(domain).items():
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


@cache  # reference data do not change while a process runs
def category_label(code: str, lang: str) -> str:
    """A category's label from data/reference/categories.csv."""
    row = _categories().set_index("category").loc[code]
    return str(row["label_da"] if check_lang(lang) == "da" else row["label_en"])


@cache  # reference data do not change while a process runs
def status_label(code: str, lang: str) -> str:
    """A status code's label from data/reference/statuses.csv (the code itself if unknown)."""
    statuses = load_reference().statuses.set_index("status")
    if code not in statuses.index:
        return code
    return str(statuses.loc[code, "label_da" if check_lang(lang) == "da" else "label_en"])


@cache  # reference data do not change while a process runs
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


# ----------------------------------------------------------------------------- parameters for readers

_FIELDS = ("dist", "low", "mode", "high", "mean", "sd")  # the fields of an [uncertainty] distribution


@lru_cache(maxsize=1)
def _units() -> dict[str, str]:
    """Parameter (dotted key, or for status.<code>.<name> the name) -> unit code: data/reference/parameter_units.csv."""
    frame = pd.read_csv(config.REFERENCE_DIR / "parameter_units.csv", dtype=str, keep_default_na=False)
    return dict(zip(frame["parameter"], frame["unit"], strict=True))


def _wrapped(key: str) -> tuple[str, str, str | None] | None:
    """(kind, inner key, field) of a 'sensitivity.<key>' or 'uncertainty.<key>[.<field>]' key."""
    head, _, inner = key.partition(".")
    if head == "sensitivity" and inner:
        return head, inner, None
    if head == "uncertainty" and inner not in ("draws", "seed"):
        stem, _, field = inner.rpartition(".")
        return (head, stem, field) if field in _FIELDS and stem else None
    return None


def _year_share(parts: list[str]) -> bool:
    """baseline.yearN.<status> or programme.yearN.<status>: a status's share in year N."""
    return len(parts) == 3 and parts[0] in ("baseline", "programme") and parts[1].removeprefix("year").isdigit()


def parameter_label(key: str, lang: str) -> str:
    """A parameter's name for readers ('Fleksjob: offentlig udgift pr. helårsperson'), the key if unnamed."""
    wrapped = _wrapped(key)
    parts = key.split(".")
    if wrapped:
        kind, inner, field = wrapped
        name = parameter_label(inner, lang)
        if name == inner:
            return key
        return t(f"param.{kind}", lang, name=name, field=t(f"param.field.{field}", lang) if field else "")
    if has_text(f"param.{key}"):
        return t(f"param.{key}", lang)
    if len(parts) == 3 and parts[0] == "status" and has_text(f"param.{parts[2]}"):
        return f"{status_label(parts[1], lang)}: {t(f'param.{parts[2]}', lang)}"
    if _year_share(parts):
        return t("param.year_share", lang, table=t(f"param.table.{parts[0]}", lang), n=parts[1][4:],
                 status=status_label(parts[2], lang))
    return key


def parameter_unit(key: str, lang: str) -> str:
    """The unit a parameter's value is given in ('kr. pr. år', 'andel', 'dage'); '' if unknown."""
    wrapped = _wrapped(key)
    if wrapped:
        _, inner, field = wrapped
        return t("unit.distribution", lang) if field == "dist" else parameter_unit(inner, lang)
    parts = key.split(".")
    if _year_share(parts):
        return t("unit.share", lang)
    code = _units().get(key) or (_units().get(parts[2]) if len(parts) == 3 and parts[0] == "status" else None)
    return t(f"unit.{code}", lang) if code else ""
