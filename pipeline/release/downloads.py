"""CSV downloads: every published table of every report, one file each, with the same hidden cells.

`reports/<lang>/tables/<report>/<table_name>.csv`, one row per cell. Danish files are
`;`-separated with decimal commas and UTF-8 with a byte-order mark, so Excel opens them
as they are; English files are `,`-separated with decimal points. A hidden cell has an
empty value and shows "<5" (a count) or "–" (anything else), as in the reports.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from pipeline import formatting as fmt
from pipeline.reference import load_reference
from pipeline.release.read import ReleaseMissing, cell_text, cells, has_release, min_cell
from pipeline.texts import category_label, category_order, has_text, partnership_name, status_label, t

DIMENSIONS = ("partnership_id", "municipality_code", "cohort", "month", "year", "export_date", "category", "item")
REPORTS = ("programme", "economics", "status", "workbook", "dashboard")


@cache  # reference data do not change while a process runs
def municipality_name(code: str, lang: str) -> str:
    """A municipality's name from data/reference/municipalities.csv; 'other' (the small ones pooled)."""
    if code == "other":
        return t("value.other_municipalities", lang)
    names = load_reference().municipalities.set_index("municipality_code")["name"]
    return str(names.get(code, code))


def _label(column: str, value: object, lang: str) -> str:
    if fmt.is_missing(value):
        return ""
    if column == "partnership_id":
        return partnership_name(str(value), lang)
    if column == "category":
        code = str(value)
        if code in category_order():
            return category_label(code, lang)
        if code == "total":
            return t("value.total", lang)
        return status_label(code, lang)
    if column == "municipality_code":
        return municipality_name(str(value), lang)
    if column == "cohort" and value == "ALL":
        return t("value.total", lang)
    if column == "export_date":
        return fmt.fmt_date(value, lang)
    if column in ("month", "year"):
        return str(int(value))  # type: ignore[call-overload]
    return str(value)


def _number(value: object, lang: str) -> str:
    if fmt.is_missing(value):
        return ""
    text = repr(float(value))  # type: ignore[arg-type]
    text = text[:-2] if text.endswith(".0") else text
    return text.replace(".", ",") if lang == "da" else text


def table_frame(table: pd.DataFrame, lang: str, threshold: int) -> pd.DataFrame:
    """One published table as the CSV shows it: its dimensions, the quantity, value, text, unit, hidden."""
    used = [c for c in DIMENSIONS if table[c].notna().any()]
    out = pd.DataFrame({t(f"csv.{c}", lang): [_label(c, v, lang) for v in table[c]] for c in used})
    out[t("csv.quantity", lang)] = [t(f"q.{q}", lang) if has_text(f"q.{q}") else q for q in table["quantity"]]
    out[t("csv.value", lang)] = [_number(v, lang) for v in table["value"]]
    out[t("csv.shown", lang)] = [cell_text(row, lang, threshold)
                                 for row in table[["hidden", "unit", "value", "decimals"]].to_dict("records")]
    out[t("csv.unit", lang)] = list(table["unit"])
    out[t("csv.hidden", lang)] = [t("value.yes" if h else "value.no", lang) for h in table["hidden"]]
    return out


def write_table_csvs(con: duckdb.DuckDBPyConnection, out_dir: Path, lang: str) -> list[Path]:
    """Write every published table of the release to out_dir/tables/<report>/<table_name>.csv."""
    fmt.check_lang(lang)
    if not has_release(con):
        raise ReleaseMissing("the warehouse has no published figures yet: run `joballiance build`")
    threshold = min_cell(con)
    every = con.execute("select distinct report from published_cells").fetchall()
    written: list[Path] = []
    for (report,) in sorted(every):
        frame = cells(con, report)
        for table_name, table in frame.groupby("table_name", sort=True):
            target = Path(out_dir) / "tables" / report / f"{table_name}.csv"
            target.parent.mkdir(parents=True, exist_ok=True)
            shown = table_frame(table.reset_index(drop=True), lang, threshold)
            temporary = target.with_suffix(".csv.tmp")
            if lang == "da":
                shown.to_csv(temporary, sep=";", index=False, encoding="utf-8-sig")
            else:
                shown.to_csv(temporary, sep=",", index=False, encoding="utf-8")
            temporary.replace(target)
            written.append(target)
    return written
