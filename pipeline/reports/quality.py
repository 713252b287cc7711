"""The data-quality report: what happened to every export and row.

It reads the lineage tables (exports, quarantine, rejected_exports, ingest_warnings), which
hold no statistics about youths; files are shown by name (never a folder path) and
partnerships by name.
"""

from __future__ import annotations

import pandas as pd

from pipeline import formatting as fmt
from pipeline.reports.context import ReportContext, current_exports_sql, has_table, label_partnership
from pipeline.reports.provenance import file_name
from pipeline.texts import t


def _read(ctx: ReportContext, sql: str) -> pd.DataFrame:
    return ctx.con.execute(sql).df()


def _text(value: object) -> str:
    return fmt.MISSING if fmt.is_missing(value) else str(value)


def _current_ids(ctx: ReportContext) -> set[str]:
    return {str(r[0]) for r in ctx.con.execute(f"select export_id from ({current_exports_sql(ctx.con)})").fetchall()}


def summary(ctx: ReportContext) -> dict[str, int]:
    """Counts of exports, rows, rejected exports and warnings."""
    if not has_table(ctx.con, "exports"):
        return {}
    row = _read(ctx, "select count(*) as exports, coalesce(sum(rows_read), 0) as rows_read, "
                     "coalesce(sum(rows_loaded), 0) as rows_loaded, "
                     "coalesce(sum(rows_quarantined), 0) as rows_quarantined from exports").iloc[0]
    result = {k: int(v) for k, v in row.items()}
    result["current"] = len(_current_ids(ctx))
    for key, table in (("rejected", "rejected_exports"), ("warnings", "ingest_warnings")):
        result[key] = int(_read(ctx, f"select count(*) from {table}").iloc[0, 0]) if has_table(ctx.con, table) else 0
    return result


def summary_text(ctx: ReportContext) -> str:
    counts = summary(ctx)
    if not counts:
        return t("p.no_data", ctx.lang)
    return t("p.dq_summary", ctx.lang, **{k: fmt.fmt_int(v, ctx.lang) for k, v in counts.items()})


def _files(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Mark the file-name column as quoted verbatim (a file keeps its own name in either language)."""
    frame.attrs["verbatim"] = {t("col.file", lang): "ident"}
    return frame


def exports_table(ctx: ReportContext) -> pd.DataFrame:
    """Every export ever loaded: rows read / loaded / quarantined, current or superseded, synthetic."""
    lang = ctx.lang
    frame = _read(ctx, "select * from exports order by partnership_id, export_date")
    current = _current_ids(ctx)
    yes, no = t("value.yes", lang), t("value.no", lang)
    return _files(pd.DataFrame({
        t("col.partnership", lang): [label_partnership(ctx, p) for p in frame["partnership_id"]],
        t("col.export_date", lang): [fmt.fmt_date(d, lang) for d in frame["export_date"]],
        t("col.file", lang): [file_name(p) for p in frame["source_path"]],
        t("col.rows_read", lang): [fmt.fmt_int(v, lang) for v in frame["rows_read"]],
        t("col.rows_loaded", lang): [fmt.fmt_int(v, lang) for v in frame["rows_loaded"]],
        t("col.rows_quarantined", lang): [fmt.fmt_int(v, lang) for v in frame["rows_quarantined"]],
        t("col.superseded", lang): [no if str(e) in current else yes for e in frame["export_id"]],
        t("col.data", lang): [t("synthetic.yes" if s else "synthetic.no", lang) for s in frame["synthetic"]],
    }), lang)


def _located(frame: pd.DataFrame, lang: str, **more: list[str]) -> pd.DataFrame:
    """Where a message points: file name, sheet, row and column, then the `more` columns."""
    return _files(pd.DataFrame({
        t("col.file", lang): [file_name(p) for p in frame["source_path"]],
        t("col.sheet", lang): [_text(v) for v in frame["sheet"]],
        t("col.row", lang): [fmt.MISSING if fmt.is_missing(v) else fmt.fmt_int(v, lang) for v in frame["row_number"]],
        t("col.column", lang): [_text(v) for v in frame["column_name"]],
        **{t(key, lang): values for key, values in more.items()},
    }), lang)


def quarantine_table(ctx: ReportContext) -> pd.DataFrame:
    frame = _read(ctx, "select * from quarantine order by source_path, sheet, row_number")
    table = _located(frame, ctx.lang, **{"col.value": [_text(v) for v in frame["value"]],
                                         "col.reason": [_text(v) for v in frame["reason"]]})
    table.attrs["verbatim"][t("col.value", ctx.lang)] = "ident"  # the value as the export holds it
    return table


def dropped_columns_table(ctx: ReportContext) -> pd.DataFrame:
    lang = ctx.lang
    frame = _read(ctx, "select partnership_id, export_date, source_path, dropped_columns from exports "
                       "where coalesce(dropped_columns, '') <> '' order by partnership_id, export_date")
    return _files(pd.DataFrame({
        t("col.partnership", lang): [label_partnership(ctx, p) for p in frame["partnership_id"]],
        t("col.export_date", lang): [fmt.fmt_date(d, lang) for d in frame["export_date"]],
        t("col.file", lang): [file_name(p) for p in frame["source_path"]],
        t("col.dropped_columns", lang): list(frame["dropped_columns"]),
    }), lang)


def warnings_table(ctx: ReportContext) -> pd.DataFrame:
    frame = _read(ctx, "select * from ingest_warnings order by source_path, sheet, row_number")
    return _located(frame, ctx.lang, **{"col.message": [_text(v) for v in frame["message"]]})


def rejected_table(ctx: ReportContext) -> pd.DataFrame:
    lang = ctx.lang
    frame = _read(ctx, "select * from rejected_exports order by attempted_at")
    return _files(pd.DataFrame({
        t("col.file", lang): [file_name(p) for p in frame["source_path"]],
        t("col.attempted_at", lang): [fmt.fmt_date(d, lang) for d in frame["attempted_at"]],
        t("col.reason", lang): [_text(v) for v in frame["reason"]],
    }), lang)


def superseded_table(ctx: ReportContext) -> pd.DataFrame:
    """Exports replaced by a newer one of the same partnership, and the date of the export in use."""
    lang = ctx.lang
    frame = _read(ctx, f"""
        select o.partnership_id, o.export_date, o.source_path, c.export_date as newer_date
        from exports o join ({current_exports_sql(ctx.con)}) c on c.partnership_id = o.partnership_id
        where o.export_id <> c.export_id order by o.partnership_id, o.export_date""")
    return _files(pd.DataFrame({
        t("col.partnership", lang): [label_partnership(ctx, p) for p in frame["partnership_id"]],
        t("col.export_date", lang): [fmt.fmt_date(d, lang) for d in frame["export_date"]],
        t("col.file", lang): [file_name(p) for p in frame["source_path"]],
        t("col.superseded_by", lang): [fmt.fmt_date(d, lang) for d in frame["newer_date"]],
    }), lang)


# ----------------------------------------------------------------------------- content checks


CONTENT_ROWS_SHOWN = 100  # the to-do list lists this many youths (most important first), then says how many more


def _content_checks(ctx: ReportContext, sql: str) -> pd.DataFrame:
    """A query over data_quality_checks (`checks`) joined with the export's file; empty before any build."""
    if not has_table(ctx.con, "data_quality_checks"):
        return pd.DataFrame(columns=["partnership_id", "participant_id", "check_name", "priority", "size",
                                     "source_path", "n"])
    return _read(ctx, "with checks as (select c.*, e.source_path from data_quality_checks c "
                      f"join exports e using (export_id)) {sql}")


def content_summary_table(ctx: ReportContext) -> pd.DataFrame:
    """What to fix first: per priority, problem and partnership, how many youths, and what it does to the figures."""
    lang = ctx.lang
    counts = _content_checks(ctx, "select priority, check_name, partnership_id, count(*) as n from checks "
                                  "group by all order by priority, check_name, partnership_id")
    return pd.DataFrame({
        t("dq.col.priority", lang): [str(p) for p in counts["priority"]],
        t("dq.col.problem", lang): [t(f"dq.check.{c}", lang) for c in counts["check_name"]],
        t("col.partnership", lang): [label_partnership(ctx, p) for p in counts["partnership_id"]],
        t("dq.col.youths", lang): [fmt.fmt_int(n, lang) for n in counts["n"]],
        t("dq.col.consequence", lang): [t(f"dq.why.{c}", lang) for c in counts["check_name"]],
    })


def content_rows_table(ctx: ReportContext) -> pd.DataFrame:
    """The youths to look at, in fix-first order (the first CONTENT_ROWS_SHOWN), by the id the STU place's own
    system uses."""
    lang = ctx.lang
    rows = _content_checks(ctx, "select * from checks order by priority, partnership_id, check_name, "
                                f"participant_id limit {CONTENT_ROWS_SHOWN}")
    table = _files(pd.DataFrame({
        t("col.partnership", lang): [label_partnership(ctx, p) for p in rows["partnership_id"]],
        t("col.file", lang): [file_name(p) for p in rows["source_path"]],
        t("dq.col.youth_id", lang): list(rows["participant_id"]),
        t("dq.col.problem", lang): [t(f"dq.check.{c}", lang) for c in rows["check_name"]],
        t("dq.col.size", lang): [t(f"dq.size.{c}", lang, n=fmt.MISSING if fmt.is_missing(s) else fmt.fmt_int(s, lang))
                                 for c, s in zip(rows["check_name"], rows["size"], strict=True)],
    }), lang)
    table.attrs["verbatim"][t("dq.col.youth_id", lang)] = "ident"
    return table


def content_rows_note(ctx: ReportContext) -> str | None:
    """How many more youths have a problem than the list shows (None when it shows them all)."""
    total = int(_content_checks(ctx, "select count(*) as n from checks")["n"].sum())
    if total <= CONTENT_ROWS_SHOWN:
        return None
    return t("dq.p.content_more", ctx.lang, shown=fmt.fmt_int(CONTENT_ROWS_SHOWN, ctx.lang),
             total=fmt.fmt_int(total, ctx.lang))
