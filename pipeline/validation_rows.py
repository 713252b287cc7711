"""Validation, part two: the collected problems of one export, the sentences for failed
cell rules, the cross-row rules (duplicates, unknown youths, overlapping spells, phase
order) and which rows go to the quarantine. Every sentence is in the command's
language (pipeline/texts/ingest.toml) and names the youth, so the school can find the
row in its own system; CPR-like numbers are masked before anything is kept."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pipeline import privacy
from pipeline.parsing import did_you_mean, is_in, shown
from pipeline.readers import RawSheet
from pipeline.reference import Reference
from pipeline.texts import t

PHASES = ("phase1_start", "phase2_start", "phase3_start", "phase4_start")
ISSUE_COLUMNS = ["sheet", "row_number", "column_name", "value", "reason", "youth"]
QUARANTINE_COLUMNS = ["sheet", "row_number", "column_name", "value", "reason"]
WARNING_COLUMNS = ["sheet", "row_number", "column_name", "message"]
MAX_COST_DKK = 5_000_000
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass
class Collected:
    """Issues and warnings gathered for one export, in one language."""

    lang: str = "da"
    issues: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    youths: dict[str, pd.Series] = field(default_factory=dict)  # sheet -> the id of each row, as shown

    def youth(self, sheet: str, row: int) -> str | None:
        ids = self.youths.get(sheet)
        if ids is None or row not in ids.index or pd.isna(ids[row]):
            return None
        return _CONTROL.sub("?", privacy.mask_cpr(str(ids[row])))[:64]  # no control characters on a terminal

    def add(self, sheet: str, row: int, column: str | None, value: object, reason: str) -> None:
        self.issues.append({
            "sheet": sheet, "row_number": int(row), "column_name": column,
            "value": None if value is None or (not isinstance(value, str) and pd.isna(value))
            else privacy.mask_cpr(value),
            "reason": privacy.mask_cpr(reason),
            "youth": self.youth(sheet, row),
        })

    def add_parse_errors(self, sheet: str, column: str, raw: pd.Series, errors: pd.Series) -> None:
        for row in errors[errors.notna()].index:
            self.add(sheet, row, column, raw[row], str(errors[row]))

    def warn(self, sheet: str | None, row: int | None, column: str | None, message: str) -> None:
        self.warnings.append({"sheet": sheet, "row_number": row,
                              "column_name": None if column is None else privacy.mask_cpr(column),
                              "message": privacy.mask_cpr(message)})


def reason(check: str, column: str, value: object, export_date: dt.date, reference: Reference, lang: str) -> str:
    """The sentence for a failed cell rule."""
    if check == "not_nullable":
        return t("ingest.required_empty", lang, column=column)
    text = "" if value is None or pd.isna(value) else str(value)
    fields = {"value": shown(text), "column": column}
    if check == "known_municipality":
        names = dict(zip(reference.municipalities["name"].str.lower(),
                         reference.municipalities["municipality_code"], strict=True))
        hint = (t("ingest.municipality_name_hint", lang, code=names[text.lower()], name=text.strip())
                if text.lower() in names else did_you_mean(text, sorted(reference.municipality_codes), lang))
        return t("ingest.unknown_municipality", lang, **fields) + hint
    if check == "birth_year_range":
        return t("ingest.birth_year_range", lang, **fields, high=export_date.year - 14)
    if check == "not_after_export":
        return t("ingest.after_export", lang, **fields, date=export_date)
    if check == "cost_range":
        return t("ingest.cost_range", lang, **fields, high=f"{MAX_COST_DKK:,}".replace(",", "."))
    if check == "known_status":
        return t("ingest.unknown_status", lang, **fields) + did_you_mean(text, sorted(reference.status_lookup), lang)
    key = f"ingest.check_{check}"
    from pipeline.texts import has_text

    return t(key, lang, **fields) if has_text(key) else t("ingest.check_other", lang, **fields, check=check)


def add_participant_row_rules(sheet: RawSheet, typed: pd.DataFrame, found: Collected) -> None:
    """Duplicates, STU end before start, phases out of order."""
    lang = found.lang
    ids = typed["participant_id"]
    duplicated = ids.notna() & ids.duplicated(keep=False)
    if duplicated.any():
        rows_of = ids[duplicated].groupby(ids[duplicated]).groups
        for row in duplicated[duplicated].index:
            others = [str(r) for r in rows_of[ids[row]] if r != row]
            found.add(sheet.name, row, "participant_id", sheet.frame.at[row, "participant_id"],
                      t("ingest.duplicate_youth", lang, value=shown(ids[row]), rows=", ".join(others)))
    end_before = typed["stu_end_date"] < typed["stu_start_date"]
    for row in end_before[end_before].index:
        found.add(sheet.name, row, "stu_end_date", sheet.frame.at[row, "stu_end_date"],
                  t("ingest.stu_end_before_start", lang, end=typed.at[row, "stu_end_date"].date(),
                    start=typed.at[row, "stu_start_date"].date()))
    phases = typed[list(PHASES)]
    running = phases.cummax(axis=1).ffill(axis=1).shift(1, axis=1)
    for position, phase in enumerate(PHASES[1:], start=1):
        earlier = phases[phase] < running[phase]
        for row in earlier[earlier.fillna(False)].index:
            previous = next(p for p in reversed(PHASES[:position]) if pd.notna(phases.at[row, p])
                            and phases.at[row, p] > phases.at[row, phase])
            found.add(sheet.name, row, phase, sheet.frame.at[row, phase],
                      t("ingest.phase_order", lang, phase=phase, date=phases.at[row, phase].date(),
                        previous=previous, previous_date=phases.at[row, previous].date()))


def add_spell_row_rules(
    sheet: RawSheet, typed: pd.DataFrame, known_ids: pd.Series, export_date: dt.date, found: Collected
) -> pd.Series:
    """Unknown youths, end before start, overlaps; ends after the export date become ongoing.
    Returns the spell ids that are unknown (those rows do not take a youth along)."""
    lang = found.lang
    unknown = typed["participant_id"].notna() & ~is_in(typed["participant_id"], known_ids)
    for row in unknown[unknown].index:
        found.add(sheet.name, row, "participant_id", typed.at[row, "participant_id"],
                  t("ingest.unknown_youth", lang, value=shown(typed.at[row, "participant_id"])))
    export_ts = pd.Timestamp(export_date)
    late_end = typed["end_date"] > export_ts
    for row in late_end[late_end].index:
        found.warn(sheet.name, row, "end_date",
                   t("ingest.end_after_export", lang, where=t("ingest.where", lang, location=sheet.location, row=row),
                     end=typed.at[row, "end_date"].date(), date=export_date))
    typed.loc[late_end, "end_date"] = pd.NaT
    end_before = typed["end_date"] < typed["start_date"]
    for row in end_before[end_before].index:
        found.add(sheet.name, row, "end_date", sheet.frame.at[row, "end_date"],
                  t("ingest.spell_end_before_start", lang, end=typed.at[row, "end_date"].date(),
                    start=typed.at[row, "start_date"].date()))
    for row, start, other, other_end in _overlaps(typed, end_before, export_ts):
        ends = t("ingest.ongoing", lang) if pd.isna(typed.at[other, "end_date"]) else str(other_end.date())
        found.add(sheet.name, row, "start_date", sheet.frame.at[row, "start_date"],
                  t("ingest.overlap", lang, start=start.date(), other=other, ends=ends))
    return typed.loc[unknown, "participant_id"]


def _overlaps(typed: pd.DataFrame, end_before: pd.Series, export_ts: pd.Timestamp
              ) -> list[tuple[int, pd.Timestamp, int, pd.Timestamp]]:
    """Spells starting on or before the latest end of an earlier spell of the same youth (an
    open spell ends at the export date, one ending before its start ends at its start): per
    overlap the row, its start, the row of the spell just before it and that spell's end.
    In numpy arrays, sorted by youth, start and row (the order the overlaps are reported in)."""
    dated = (typed["participant_id"].notna() & typed["start_date"].notna()).to_numpy()
    rows = typed.index.to_numpy()[dated]
    # youths as integer codes: sorting and grouping numbers, not text (the order between
    # youths does not matter, only the order within one)
    youth = pd.factorize(typed["participant_id"][dated])[0]
    start = typed["start_date"].to_numpy(dtype="datetime64[ns]")[dated]
    end = typed["end_date"].to_numpy(dtype="datetime64[ns]")[dated]
    effective = np.where(np.isnat(end), np.datetime64(export_ts, "ns"), end)
    effective = np.where(end_before.to_numpy(dtype=bool, na_value=False)[dated], start, effective)
    # An export usually lists each youth's spells together and in time order: then the rows
    # are in that order already (the row numbers rise), and only the check is paid.
    in_order = (youth[1:] > youth[:-1]) | ((youth[1:] == youth[:-1]) & (start[1:] >= start[:-1]))
    if not in_order.all():
        order = np.lexsort((rows, start, youth))
        youth, start, effective, rows = youth[order], start[order], effective[order], rows[order]
    reach = pd.Series(effective.view("int64")).groupby(youth, sort=False).cummax().to_numpy().view("datetime64[ns]")
    after = np.flatnonzero((youth[1:] == youth[:-1]) & (start[1:] <= reach[:-1])) + 1
    return [(int(rows[i]), pd.Timestamp(start[i]), int(rows[i - 1]), pd.Timestamp(effective[i - 1])) for i in after]


def add_stray_rows(sheet: RawSheet, found: Collected) -> None:
    """Rows with content only outside the format's columns: read, and quarantined with a reason
    (their values are never kept: only the names of the columns that hold them)."""
    for row, columns in sheet.stray_rows.items():
        names = ", ".join(c if isinstance(c, str) else t("ingest.unnamed_column", found.lang, n=c) for c in columns)
        found.add(sheet.name, row, None, None, t("ingest.stray_row", found.lang, columns=names))


def quarantine_rows(
    participants: pd.DataFrame, spells: pd.DataFrame, issues: pd.DataFrame, lang: str
) -> tuple[pd.Index, pd.Index, pd.DataFrame]:
    """Which participant and spell rows are quarantined, and one quarantine record per row."""
    own = issues.groupby(["sheet", "row_number"], sort=False).agg(
        column_name=("column_name", lambda c: ", ".join(dict.fromkeys(str(x) for x in c if x))),
        value=("value", lambda v: " | ".join(str(x) for x in v if x is not None) or None),
        reason=("reason", "; ".join),
    ).reset_index()
    own["column_name"] = own["column_name"].replace("", None)
    bad_participant_rows = own.loc[own["sheet"] == "participants", "row_number"]
    bad_spell_rows = own.loc[own["sheet"] == "spells", "row_number"]
    culprit: dict[str, str] = {}
    for row in bad_participant_rows:
        pid = participants.at[row, "participant_id"] if row in participants.index else None
        if pd.notna(pid):
            culprit.setdefault(pid, t("ingest.culprit_participants", lang, row=row))
    known = set(participants["participant_id"].dropna().to_numpy(dtype=object)) if len(bad_spell_rows) else set()
    for row in bad_spell_rows:
        pid = spells.at[row, "participant_id"] if row in spells.index else None
        if pd.notna(pid) and pid in known:
            culprit.setdefault(pid, t("ingest.culprit_spells", lang, row=row))
    dragged: list[dict] = []
    taken_p = participants.index[is_in(participants["participant_id"], culprit)].difference(bad_participant_rows)
    for row in taken_p:
        source = culprit[participants.at[row, "participant_id"]]
        dragged.append({"sheet": "participants", "row_number": row, "column_name": None, "value": None,
                        "reason": t("ingest.dragged_youth", lang, source=source)})
    taken_s = spells.index[is_in(spells["participant_id"], culprit)].difference(bad_spell_rows)
    for row in taken_s:
        source = culprit[spells.at[row, "participant_id"]]
        dragged.append({"sheet": "spells", "row_number": row, "column_name": None, "value": None,
                        "reason": t("ingest.dragged_spell", lang, source=source)})
    records = pd.concat([own, pd.DataFrame(dragged, columns=QUARANTINE_COLUMNS)], ignore_index=True)
    records["order"] = records["sheet"].map({"participants": 0, "spells": 1})
    records = records.sort_values(["order", "row_number"]).drop(columns="order").reset_index(drop=True)
    records["row_number"] = records["row_number"].astype("int64")
    q_participants = pd.Index(bad_participant_rows).intersection(participants.index).union(taken_p)
    q_spells = pd.Index(bad_spell_rows).intersection(spells.index).union(taken_s)
    return q_participants, q_spells, records[QUARANTINE_COLUMNS]
