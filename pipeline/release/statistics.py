"""The statistics of a release and the relations between them (pure: frames in, registry out).

A statistic is one number identified by a key (quantity and dimensions, see
docs/release.md). The same number reached along two definitions (the trend's newest
point and the headline, the 12-month job count and the employment rate's numerator) is
registered once under an alias, so it can never be hidden in one table and shown in
another, and the two definitions are checked to agree. Counts of youths are protected;
every other figure names the counts it is computed from (`bases`) and, for a share or
rate, its denominator.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from pipeline.release.disclosure import Relation

KEY_COLUMNS = (
    "quantity", "partnership_id", "municipality_code", "cohort", "month", "year", "export_date", "category", "item",
)


@dataclass(frozen=True)
class Key:
    """The identity of a statistic (unused dimensions are None)."""

    quantity: str
    partnership_id: str | None = None
    municipality_code: str | None = None
    cohort: str | None = None
    month: int | None = None
    year: int | None = None
    export_date: Any = None
    category: str | None = None
    item: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {column: getattr(self, column) for column in KEY_COLUMNS}


class AliasMismatch(ValueError):
    """Two definitions of the same statistic disagree: a bug in a model, never ignored."""


@dataclass
class Registry:
    """Every statistic of a release with its value, unit and what it rests on."""

    keys: list[Key] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    protected: list[bool] = field(default_factory=list)
    bases: list[tuple[int, ...]] = field(default_factory=list)
    denominators: list[int | None] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    index: dict[Key, int] = field(default_factory=dict)

    def count(self, key: Key, value: float) -> int:
        """A count of youths (protected)."""
        return self._add(key, value, "count", True, (), None)

    def derived(self, key: Key, value: float, unit: str, bases: tuple[int, ...] = (),
                denominator: int | None = None) -> int:
        """A figure computed from counts: hidden when they are (or the denominator is small)."""
        return self._add(key, value, unit, False, tuple(bases), denominator)

    def share(self, key: Key, numerator: int, denominator: int, unit: str = "share") -> int:
        """numerator / denominator, both registered counts."""
        d = self.values[denominator]
        value = self.values[numerator] / d if d else float("nan")
        return self.derived(key, value, unit, (numerator,), denominator)

    def alias(self, key: Key, existing: int) -> int:
        """`key` names the statistic `existing` (checked equal when both are computed)."""
        if key in self.index and self.index[key] != existing:
            raise AliasMismatch(f"{key} is registered twice")
        self.index[key] = existing
        return existing

    def same(self, key: Key, value: float, existing: int) -> int:
        """`key` is `existing` reached along another definition: the values must agree."""
        known = self.values[existing]
        if not _close(known, value):
            raise AliasMismatch(f"{key} = {value} but the same statistic {self.keys[existing]} = {known}")
        return self.alias(key, existing)

    def relate(self, members: list[tuple[int, float]], kind: str = "eq") -> None:
        """Σ coefficient·statistic = 0 ('eq') or ≤ 0 ('le')."""
        if len(members) > 1:
            indices, coefficients = zip(*members, strict=True)
            self.relations.append(Relation(tuple(indices), tuple(float(c) for c in coefficients), kind))

    def sums_to(self, parts: list[int], total: int) -> None:
        """Σ parts = total."""
        self.relate([(p, 1.0) for p in parts] + [(total, -1.0)])

    def _add(self, key: Key, value: float, unit: str, protected: bool, bases: tuple[int, ...],
             denominator: int | None) -> int:
        value = float("nan") if value is None or _missing(value) else float(value)
        if key in self.index:
            existing = self.index[key]
            if not _close(self.values[existing], value):
                raise AliasMismatch(f"{key} computed twice: {self.values[existing]} and {value}")
            return existing
        self.index[key] = len(self.keys)
        self.keys.append(key)
        self.values.append(value)
        self.units.append(unit)
        self.protected.append(protected)
        self.bases.append(bases)
        self.denominators.append(denominator)
        return self.index[key]

    def get(self, key: Key) -> int | None:
        return self.index.get(key)

    def frame(self) -> pd.DataFrame:
        """One row per statistic: key columns, value, unit, protected."""
        frame = pd.DataFrame([k.as_dict() for k in self.keys], columns=list(KEY_COLUMNS))
        frame["statistic_id"] = np.arange(len(self.keys))
        frame["value"] = self.values
        frame["unit"] = self.units
        frame["protected"] = self.protected
        return frame

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        return np.array(self.values, dtype=float), np.array(self.protected, dtype=bool)


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _close(a: float, b: float) -> bool:
    if math.isnan(a) and math.isnan(b):
        return True
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
