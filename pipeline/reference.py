"""Reference data shipped with the project: municipalities, partnerships, statuses.

These are facts, kept as CSV files in data/reference/ so a project manager can read
and extend them (a new partnership is a new row in partnerships.csv).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from pipeline import config

if TYPE_CHECKING:
    import duckdb


def _category_codes(directory: Path = config.REFERENCE_DIR) -> tuple[str, ...]:
    frame = pd.read_csv(directory / "categories.csv", dtype=str, keep_default_na=False)
    return tuple(frame.sort_values("sort_order", key=lambda s: s.astype(int))["category"])


CATEGORIES = _category_codes()
"""The status categories in report order, from data/reference/categories.csv."""


def _normalise_label(text: str) -> str:
    return " ".join(str(text).strip().lower().split())


@dataclass(frozen=True)
class Reference:
    """The reference tables, read once."""

    municipalities: pd.DataFrame  # municipality_code (str), name, region
    partnerships: pd.DataFrame  # partnership_id, stu_place, municipality_codes, started
    statuses: pd.DataFrame  # status, category, label_da, label_en, aliases_da

    @property
    def municipality_codes(self) -> frozenset[str]:
        return frozenset(self.municipalities["municipality_code"])

    @property
    def partnership_ids(self) -> frozenset[str]:
        return frozenset(self.partnerships["partnership_id"])

    @property
    def status_lookup(self) -> dict[str, str]:
        """Every accepted spelling (code or Danish label, normalised) → status code."""
        lookup: dict[str, str] = {}
        for row in self.statuses.itertuples():
            lookup[_normalise_label(row.status)] = row.status
            lookup[_normalise_label(row.label_da)] = row.status  # the label the reports and template show
            for alias in str(row.aliases_da).split("|"):
                lookup[_normalise_label(alias)] = row.status
        return lookup

    @property
    def category_of(self) -> dict[str, str]:
        return dict(zip(self.statuses["status"], self.statuses["category"], strict=True))


def normalise_status_label(text: str) -> str:
    """The form a status is compared in: lower case, single spaces."""
    return _normalise_label(text)


REFERENCE_TABLES = {
    "ref_municipalities": "municipalities.csv",
    "ref_partnerships": "partnerships.csv",
    "ref_statuses": "statuses.csv",
    "ref_categories": "categories.csv",
}


def write_reference_tables(con: duckdb.DuckDBPyConnection, directory: Path = config.REFERENCE_DIR) -> list[str]:
    """The reference CSV files as warehouse tables, so the SQL models and anyone querying the
    warehouse read the vocabulary from one place."""
    for table, file in REFERENCE_TABLES.items():
        frame = pd.read_csv(directory / file, dtype=str, keep_default_na=False)
        con.register("reference_rows", frame)
        try:
            con.execute(f"create or replace table {table} as select * from reference_rows")
        finally:
            con.unregister("reference_rows")
    return list(REFERENCE_TABLES)


@lru_cache(maxsize=4)
def load_reference(directory: Path = config.REFERENCE_DIR) -> Reference:
    """Read the reference CSV files (UTF-8)."""
    municipalities = pd.read_csv(directory / "municipalities.csv", dtype=str, keep_default_na=False)
    partnerships = pd.read_csv(directory / "partnerships.csv", dtype=str, keep_default_na=False)
    statuses = pd.read_csv(directory / "statuses.csv", dtype=str, keep_default_na=False)
    for frame in (municipalities, partnerships, statuses):
        for column in frame.columns:
            frame[column] = frame[column].str.strip()
    return Reference(municipalities, partnerships, statuses)


def job_statuses() -> tuple[str, ...]:
    """The status codes of the category 'job' (the job types), in reference order."""
    statuses = load_reference().statuses
    return tuple(statuses.loc[statuses["category"] == "job", "status"])


MUNICIPALITY_MIN_YOUTHS = 10
OTHER_MUNICIPALITIES = "other"


def municipality_group_map(youths: pd.Series) -> dict[str, str]:
    """The one pooling rule: each municipality code (the index of `youths`, its number of youths
    the value) to its group, the code itself, or 'other' for municipalities with fewer than
    MUNICIPALITY_MIN_YOUTHS youths (pooled, so the table is not a wall of hidden cells).
    Small (one entry a municipality): callers count youths in the warehouse and map the counts."""
    sizes = youths[youths.index.notna()].groupby(level=0).sum()
    return {str(code): str(code) if size >= MUNICIPALITY_MIN_YOUTHS else OTHER_MUNICIPALITIES
            for code, size in sizes.items()}


def in_municipality_groups(codes: pd.Series, group_of: dict[str, str]) -> pd.Series:
    """The codes' groups (municipality_group_map); a youth without a code is in 'other'."""
    return codes.astype(object).map(
        lambda code: group_of.get(str(code), OTHER_MUNICIPALITIES) if pd.notna(code) else OTHER_MUNICIPALITIES
    ).astype(str)


def municipality_groups(codes: pd.Series, youths: pd.Series | None = None) -> pd.Series:
    """Each row's municipality group; `youths`: how many youths a row stands for (1 each when not given)."""
    weights = pd.Series(1, index=codes.index) if youths is None else youths
    return in_municipality_groups(codes, municipality_group_map(pd.Series(weights.to_numpy(), index=codes.to_numpy())))
