"""What a report is built on: the current exports, the parameters the warehouse was built with, the
software versions. These are lineage, not statistics: they show file names (never a folder path),
partnership names and checksums, and no figure about youths.
"""

from __future__ import annotations

import datetime as dt
import platform
from importlib import metadata
from pathlib import PurePath

import pandas as pd

from pipeline import formatting as fmt
from pipeline.reports.context import ReportContext, current_exports_sql, label_partnership
from pipeline.texts import parameter_label, parameter_unit, status_label, t

REPORT_PACKAGES = ("joballiance-outcomes", "duckdb", "pandas", "numpy", "matplotlib", "papermill", "nbconvert",
                   "ipykernel", "weasyprint")


def file_name(path: object) -> str:
    """The last part of a stored path (Windows or POSIX), never the folders above it."""
    if fmt.is_missing(path):
        return fmt.MISSING
    text = str(path).replace("\\", "/")
    return PurePath(text).name


def current_exports(ctx: ReportContext, partnership: str | None = None) -> pd.DataFrame:
    """The exports the release is built from (the current one of each partnership)."""
    sql = f"select partnership_id, export_date, source_path, sha256, synthetic from ({current_exports_sql(ctx.con)})"
    args: list[object] = []
    if partnership:
        sql += " where partnership_id = ?"
        args.append(partnership)
    return ctx.con.execute(sql + " order by partnership_id", args).df()


def exports_for_title(ctx: ReportContext, partnership: str | None = None) -> tuple[pd.DataFrame, str]:
    """The title page's export table and its note on synthetic data ('' when all data are real)."""
    lang = ctx.lang
    frame = current_exports(ctx, partnership)
    shown = pd.DataFrame({
        t("col.partnership", lang): [label_partnership(ctx, p) for p in frame["partnership_id"]],
        t("col.export_date", lang): [fmt.fmt_date(d, lang) for d in frame["export_date"]],
        t("col.data", lang): [t("synthetic.yes" if s else "synthetic.no", lang) for s in frame["synthetic"]],
    })
    if frame.empty:
        note = t("title.no_exports", lang)
    elif frame["synthetic"].all():
        note = t("title.synthetic", lang)
    elif frame["synthetic"].any():
        note = t("title.partly_synthetic", lang)
    else:
        note = ""
    return shown, note


def is_synthetic(ctx: ReportContext) -> bool:
    """Whether any export behind the release is synthetic (the footer and charts then say so)."""
    frame = current_exports(ctx)
    return bool(not frame.empty and frame["synthetic"].any())


def parameter_table(ctx: ReportContext) -> pd.DataFrame:
    """Every parameter value the warehouse was built with: its name and unit for readers, the value and
    its source; a source shared with the row above is written once and then referred to. The source
    column is marked as quoted text (blocks.VERBATIM): sources keep their own language."""
    lang = ctx.lang
    frame = ctx.con.execute("select key, value, source from savings_parameters").df()
    rows, last = [], None
    for key, value, source in frame.itertuples(index=False):
        shown_source = t("value.as_above", lang) if source and source == last else str(source or fmt.MISSING)
        last = source
        rows.append({t("col.parameter", lang): parameter_label(key, lang),
                     t("col.unit", lang): parameter_unit(key, lang),
                     t("col.value", lang): parameter_value(key, value, lang), t("col.source", lang): shown_source})
    shown = pd.DataFrame(rows)
    shown.attrs["verbatim"] = {t("col.source", lang): "source"}
    return shown


# stored parameter values that are codes -> their text keys
_VALUE_NAMES = {
    "dist": {"triangular": "value.dist.triangular", "normal": "value.dist.normal", "uniform": "value.dist.uniform"},
    "from": {"assumed": "value.baseline_from.assumed", "comparison": "value.baseline_from.comparison"},
    "covariates": {"sex": "value.covariate_sex", "age_at_stu_end": "value.covariate_age_at_stu_end",
                   "cohort": "value.covariate_cohort", "region": "value.covariate_region"},
}


def parameter_value(key: str, value: object, lang: str) -> str:
    """A stored parameter value for readers: numbers in the language's format, a [low, high] pair as a
    range, and codes (a status, a distribution, a covariate) by their names."""
    text = str(value)
    names = _VALUE_NAMES.get(key.rpartition(".")[2], {})
    if text.startswith("[") and text.endswith("]"):
        items = [item.strip().strip("'\"") for item in text[1:-1].split(",") if item.strip()]
        if names:
            return ", ".join(t(names[i], lang) if i in names else i for i in items)
        if len(items) == 2:
            return t("value.range", lang, low=_format_value(items[0], lang), high=_format_value(items[1], lang))
        return ", ".join(_format_value(i, lang) for i in items)
    if key == "projection.job_loss_to":
        return status_label(text, lang)
    if text in names:
        return t(names[text], lang)
    return _format_value(text, lang)


def _format_value(text: str, lang: str) -> str:
    try:
        number = float(text)
    except ValueError:
        return text
    if number.is_integer() and abs(number) >= 10000:
        return fmt.fmt_int(number, lang)
    if number.is_integer():
        return str(int(number))
    return fmt.fmt_ratio(number, lang, 4)


def build_note(ctx: ReportContext) -> str:
    """Which parameter file (name and SHA-256) and overrides the warehouse was built with, and when."""
    lang = ctx.lang
    build = ctx.build
    text = t("title.params", lang, path=build["params_file"]) + f" · SHA-256 {str(build['params_sha256'])[:12]}"
    if build["overrides"]:
        text += " (" + ", ".join(build["overrides"]) + ")"
    built = build["built_at"]
    if not fmt.is_missing(built):
        text += " · " + t("title.built", lang, date=fmt.fmt_date(pd.Timestamp(built).date(), lang, long=True))
    return text


def reproducibility(ctx: ReportContext) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The input exports with their SHA-256, and the versions of the software that rendered the report."""
    lang = ctx.lang
    exports = current_exports(ctx)
    exports_table = pd.DataFrame({
        t("col.partnership", lang): [label_partnership(ctx, p) for p in exports["partnership_id"]],
        t("col.export_date", lang): [fmt.fmt_date(d, lang) for d in exports["export_date"]],
        t("col.file", lang): [file_name(p) for p in exports["source_path"]],
        t("col.sha256", lang): list(exports["sha256"]),
    })
    versions = []
    for package in REPORT_PACKAGES:
        try:
            versions.append((package, metadata.version(package)))
        except metadata.PackageNotFoundError:
            versions.append((package, fmt.MISSING))
    versions.append(("python", platform.python_version()))
    packages = pd.DataFrame(versions, columns=[t("col.package", lang), t("col.version", lang)])
    exports_table.attrs["verbatim"] = {t("col.file", lang): "ident", t("col.sha256", lang): "ident"}
    packages.attrs["verbatim"] = {t("col.package", lang): "ident"}
    return exports_table, packages


def rendered_date(ctx: ReportContext) -> str:
    return t("title.rendered", ctx.lang, date=fmt.fmt_date(dt.date.today(), ctx.lang, long=True))
