"""Reference data shipped with the project: municipalities, partnerships, statuses.

These are facts, kept as CSV files in data/reference/ so a project manager can read
and extend them (a new partnership is a new row in partnerships.csv).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from pipeline import config

CATEGORIES = ("job", "education", "in_programme", "public_support", "unknown")


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
