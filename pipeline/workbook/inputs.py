"""What the savings workbook is made from: the release's 'workbook' cells and the parameter set.

Why a separate class: the workbook must show only published, disclosure-controlled figures
(docs/release.md), so it is built from `published_cells` (report 'workbook') and the stored
`savings_parameters`, never from the model tables themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

import numpy as np
import pandas as pd

from pipeline.parameters import status_categories, status_codes
from pipeline.texts import t

ALL = "ALL"
SOURCES = ("observed", "projected", "assumed")
# released results the workbook recomputes, by year ('year') or for the programme (None)
YEAR_RESULTS = (
    "gross_municipal_dkk", "gross_state_dkk", "cost_municipal_dkk", "cost_state_dkk", "net_municipal_dkk",
    "net_state_dkk", "net_total_dkk", "net_municipal_per_youth_dkk", "net_total_per_youth_dkk", "discount_factor",
    "cumulative_net_total_dkk", "cumulative_npv_total_dkk", "share_job", "share_job_or_education", "fte_per_youth",
    "national_cohort_net_total_dkk", "national_cohort_net_municipal_dkk", "national_cohort_extra_fte",
    "national_stock_net_total_dkk", "national_stock_net_municipal_dkk", "national_stock_extra_fte",
)
# optional: job shares by the year they are projected from (makes a changed job retention exact)
PROJECTION_BASE = "savings_projection_base_share"
# the release's 'workbook' table each input is read from
INPUT_TABLES = {
    "savings_status_share": "distribution", "savings_year_source": "distribution", "savings_baseline_share": "baseline",
    "savings_youths": "cohort", "programme_cost_known_dkk": "cohort", "programme_cost_default_youths": "cohort",
}
PROGRAMME_RESULTS = ("npv_net_total_dkk", "npv_net_municipal_dkk", "npv_net_state_dkk", "break_even_year")


class WorkbookError(ValueError):
    """The release does not hold what the workbook needs (hidden or missing cells)."""


@dataclass(frozen=True)
class WorkbookInputs:
    """The programme's ('ALL') savings inputs and published results, and the parameters."""

    statuses: tuple[str, ...]
    categories: dict[str, str]
    distribution: np.ndarray  # (K, S) D̄_k(s) as published
    year_source: tuple[str, ...]  # (K,) observed | projected | assumed
    baseline: np.ndarray  # (K, S) B_k(s)
    n_youths: float
    known_cost_dkk: float
    default_cost_youths: float
    parameters: pd.DataFrame  # key, value (text), source
    results: dict[tuple[str, int | None], float]  # published (quantity, year) -> value
    projection_base: np.ndarray | None = None  # (K, S) J_L(s), None: estimated (see projection_base_or_estimate)
    synthetic: bool = False
    parameter_file: str = ""
    parameter_sha256: str = ""
    overrides: tuple[str, ...] = field(default_factory=tuple)

    @property
    def horizon(self) -> int:
        return int(self.distribution.shape[0])

    def projection_base_or_estimate(self) -> tuple[np.ndarray, bool]:
        """(K, S) job shares J_L(s) projected from year L, and whether they come from the release.

        J_L(s) = Σ_p n_p·D_pL(s) / Σ_p n_p over the partnerships whose last observed year is L
        (job statuses only). Without it in the release, the whole programme's job shares of the
        last year observed for every partnership stand in for it: exact when every partnership is
        projected from that year, an approximation otherwise.
        """
        if self.projection_base is not None:
            return self.projection_base, True
        base = np.zeros_like(self.distribution)
        projected = [k for k, source in enumerate(self.year_source) if source == "projected"]
        if projected:
            last = projected[0] - 1
            is_job = np.array([self.categories[s] == "job" for s in self.statuses])
            base[last] = np.where(is_job, self.distribution[last], 0.0)
        return base, False

    def value(self, key: str) -> str | None:
        """A parameter's value as stored (text), None when absent."""
        match = self.parameters.loc[self.parameters["key"] == key, "value"]
        return None if match.empty or pd.isna(match.iloc[0]) else str(match.iloc[0])

    def number(self, key: str) -> float:
        text = self.value(key)
        if text is None:
            raise WorkbookError(f"parameter {key} is missing from savings_parameters")
        return float(text)

    def source(self, key: str) -> str:
        match = self.parameters.loc[self.parameters["key"] == key, "source"]
        return "" if match.empty or pd.isna(match.iloc[0]) else str(match.iloc[0])

    @classmethod
    def from_release(
        cls,
        cells: pd.DataFrame,
        parameters: pd.DataFrame,
        *,
        synthetic: bool = False,
        parameter_file: str | None = None,
        parameter_sha256: str | None = None,
        overrides: tuple[str, ...] | list[str] = (),
        lang: str = "da",
    ) -> WorkbookInputs:
        """From the rows of `published_cells` with report 'workbook' and the `savings_parameters` table.

        Only the file name of `parameter_file` is kept: the workbook never shows a machine path.
        """
        cells = cells[cells["report"] == "workbook"] if "report" in cells.columns else cells
        statuses = status_codes()
        horizon = int(float(_parameter(parameters, "model.horizon_years")))

        def pick(quantity: str) -> pd.DataFrame:
            rows = _programme(cells[cells["quantity"] == quantity])
            if "table_name" in rows.columns:
                rows = rows[rows["table_name"] == INPUT_TABLES[quantity]]
            if rows.empty or rows["hidden"].fillna(False).astype(bool).any() or rows["value"].isna().any():
                raise WorkbookError(t("wb.error.hidden", lang, what=quantity))
            return rows.drop_duplicates(subset=[c for c in ("year", "category", "item") if c in rows.columns])

        distribution = _matrix(pick("savings_status_share"), statuses, horizon, lang)
        baseline = _matrix(pick("savings_baseline_share"), statuses, horizon, lang)
        sources = pick("savings_year_source")
        by_year = {int(row.year): str(row.item) for row in sources.itertuples(index=False)}
        if sorted(by_year) != list(range(1, horizon + 1)) or not set(by_year.values()) <= set(SOURCES):
            raise WorkbookError(t("wb.error.hidden", lang, what="savings_year_source"))

        def scalar(quantity: str) -> float:
            return float(pick(quantity)["value"].iloc[0])

        results: dict[tuple[str, int | None], float] = {}
        for quantity in YEAR_RESULTS + PROGRAMME_RESULTS:
            rows = _programme(cells[(cells["quantity"] == quantity) & cells["value"].notna()])
            for row in rows.itertuples(index=False):
                year = None if pd.isna(row.year) else int(row.year)
                results[(quantity, year)] = float(row.value)
        base_rows = _programme(cells[cells["quantity"] == PROJECTION_BASE])
        projection_base = None
        if len(base_rows) and not base_rows["hidden"].fillna(False).astype(bool).any():
            projection_base = np.zeros((horizon, len(statuses)))
            column = {s: j for j, s in enumerate(statuses)}
            for row in base_rows.itertuples(index=False):
                if row.category in column and 1 <= int(row.year) <= horizon and pd.notna(row.value):
                    projection_base[int(row.year) - 1, column[row.category]] = float(row.value)
        return cls(
            statuses=statuses,
            categories=status_categories(),
            distribution=distribution,
            year_source=tuple(by_year[k] for k in range(1, horizon + 1)),
            baseline=baseline,
            n_youths=scalar("savings_youths"),
            known_cost_dkk=scalar("programme_cost_known_dkk"),
            default_cost_youths=scalar("programme_cost_default_youths"),
            parameters=parameters[["key", "value", "source"]].reset_index(drop=True),
            results=results,
            projection_base=projection_base,
            synthetic=synthetic,
            parameter_file=PurePath(str(parameter_file)).name if parameter_file else "",
            parameter_sha256=parameter_sha256 or "",
            overrides=tuple(overrides),
        )


def _programme(rows: pd.DataFrame) -> pd.DataFrame:
    """The programme's rows: partnership 'ALL', or none for figures not by partnership."""
    return rows[rows["partnership_id"].isna() | (rows["partnership_id"] == ALL)]


def _parameter(parameters: pd.DataFrame, key: str) -> str:
    match = parameters.loc[parameters["key"] == key, "value"]
    if match.empty:
        raise WorkbookError(f"parameter {key} is missing from savings_parameters")
    return str(match.iloc[0])


def _matrix(rows: pd.DataFrame, statuses: tuple[str, ...], horizon: int, lang: str) -> np.ndarray:
    """(K, S) from year × category rows; a status without a row is 0."""
    matrix = np.zeros((horizon, len(statuses)))
    column = {s: j for j, s in enumerate(statuses)}
    for row in rows.itertuples(index=False):
        year = int(row.year)
        if row.category not in column or not 1 <= year <= horizon:
            raise WorkbookError(t("wb.error.hidden", lang, what=f"{row.quantity} {row.category} {year}"))
        matrix[year - 1, column[row.category]] = float(row.value)
    cells = set(zip(rows["year"].astype(int), rows["category"], strict=True))
    if cells != {(k, s) for k in range(1, horizon + 1) for s in statuses}:
        raise WorkbookError(t("wb.error.hidden", lang, what=str(rows["quantity"].iloc[0])))
    return matrix


def source_kind(source: str, overridden: bool = False) -> str:
    """primary | secondary | derived | assumption | override | none, for the 'kind of source' column.

    A figure resting on a secondary web page (a union blog, a private handbook) has a source that
    starts with "sekundær kilde:" / "secondary source:"; that mark wins over "derived"/"assumption"
    so the reader sees it. A secondary page cited only in support, inside the text, does not.
    """
    text = source.strip().lower()
    if overridden or text.startswith("override"):
        return "override"
    if not text:
        return "none"
    if text.startswith(("sekundær kilde", "secondary source")):
        return "secondary"
    if text.startswith("derived"):
        return "derived"
    if text.startswith("assumption"):
        return "assumption"
    return "primary"
