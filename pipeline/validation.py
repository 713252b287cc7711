"""Validation: raw text sheets → typed rows to load, quarantined rows, or a rejected export.

Three kinds of rule (docs/export-format.md, "What bad input gets"):
- export-level (meta, required columns, CPR numbers without a key) raise ExportRejected;
- cell rules (formats, ranges, vocabularies) are pandera schemas, validated lazily so
  every error in the export is reported at once;
- cross-row rules (duplicates, unknown youths, overlapping spells, phase order) are
  vectorised pandas (pipeline/validation_rows.py).
A youth with any error is quarantined with all its spells, and a spell with an error
takes its youth along: a history with a hole would give wrong figures. A row with
content only outside the format's columns is counted as read and quarantined.
Every message names the file, sheet, row as the user sees it, the youth, the column,
the value (CPR-like numbers masked) and what was expected, in the command's language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

import pandas as pd
import pandera.pandas as pa
import pyarrow

from pipeline import privacy
from pipeline.parsing import (
    TEXT,
    did_you_mean,
    lookup_distinct,
    map_distinct,
    normalised_labels,
    parse_dates,
    parse_numbers,
    shown,
    stripped,
    text_array,
)
from pipeline.readers import ExportRejected, RawExport, RawSheet, localised_location, nfc
from pipeline.reference import Reference
from pipeline.texts import t
from pipeline.validation_rows import (
    ISSUE_COLUMNS,
    MAX_COST_DKK,
    PHASES,
    WARNING_COLUMNS,
    Collected,
    add_participant_row_rules,
    add_spell_row_rules,
    add_stray_rows,
    quarantine_rows,
    reason,
)

__all__ = ["ValidatedExport", "parse_dates", "parse_numbers", "validate_export", "did_you_mean", "shown"]

ID_PATTERN = r"^[A-Za-z0-9_.\-]{1,64}$"
DATE_COLUMNS_PARTICIPANTS = (
    "stu_start_date", "stu_end_date", "phase1_start", "phase2_start", "phase3_start", "phase4_start",
)
TRUE_WORDS = {"ja", "yes", "true", "1", "sand"}
# Meta keys and values, Danish aliases included (compared after NFC and lower-casing).
META_KEYS = {"partnership_id": "partnership_id", "export_date": "export_date", "synthetic": "synthetic",
             "group": "group", "gruppe": "group", "source": "source", "kilde": "source"}
COMPARISON_WORDS = {"comparison", "sammenligning", "sammenligningsgruppe"}
COMPARISON_REQUIRED = ("stu_end_date", "birth_year", "sex")
DATE = pd.ArrowDtype(pyarrow.date32())


@dataclass
class ValidatedExport:
    """What validation made of one export: rows to load, rows to quarantine, warnings."""

    source_path: str  # CPR-like parts masked: this is what is stored and shown
    sha256: str
    partnership_id: str | None  # None for a comparison extract
    export_date: dt.date
    synthetic: bool
    participants: pd.DataFrame
    spells: pd.DataFrame
    quarantine: pd.DataFrame  # one row per quarantined input row
    issues: pd.DataFrame  # one row per problem found (a row may have several)
    warnings: pd.DataFrame
    dropped_columns: list[str] = field(default_factory=list)
    rows_read: int = 0
    locations: dict[str, str] = field(default_factory=dict)  # sheet -> how the user finds it
    lang: str = "da"
    source: str | None = None  # a comparison extract's source (free text)
    form: str = "export"  # 'export' or 'register'

    @property
    def is_comparison(self) -> bool:
        return self.source is not None

    @property
    def rows_loaded(self) -> int:
        return len(self.participants) + len(self.spells)

    @property
    def rows_quarantined(self) -> int:
        return len(self.quarantine)

    def messages(self) -> list[str]:
        """Every problem found, one sentence each in file order, then how many rows went along."""
        lines = []
        for r in self.issues.itertuples():
            where = t("ingest.where", self.lang, location=self.locations.get(r.sheet, r.sheet), row=r.row_number)
            if isinstance(r.youth, str) and r.youth:
                where += t("ingest.where_youth", self.lang, youth=r.youth)
            lines.append(f"{where}, {r.column_name}: {r.reason}" if r.column_name else f"{where}: {r.reason}")
        own = self.issues[["sheet", "row_number"]].drop_duplicates()
        dragged = self.rows_quarantined - len(own)
        if dragged:
            lines.append(t("ingest.dragged_count", self.lang, n=dragged))
        return lines


# ----------------------------------------------------------------------------- meta


@dataclass(frozen=True)
class Meta:
    partnership_id: str | None
    export_date: dt.date
    synthetic: bool
    source: str | None  # set for a comparison extract
    notes: list[str]


def parse_meta(meta: RawSheet, reference: Reference, today: dt.date, lang: str = "da") -> Meta:
    """The meta sheet; export-level errors raise. Keys and values are NFC-normalised and keys
    compared case-insensitively, so 'Gruppe = Sammenligning' typed on a Mac is recognised."""
    values: dict[str, str] = {}
    notes: list[str] = []
    for row_number, row in meta.frame.iterrows():
        cell = row.get("key")
        key = "" if cell is None or pd.isna(cell) else nfc(" ".join(str(cell).split())).lower()
        if not key:
            continue
        canonical = META_KEYS.get(key, key)
        if canonical in values:
            raise ExportRejected(t("ingest.meta_key_twice", lang, location=meta.location, row=row_number,
                                   name=shown(key)))
        value = row.get("value")
        values[canonical] = "" if value is None or pd.isna(value) else nfc(str(value).strip())
    comparison = values.get("group", "").lower() in COMPARISON_WORDS
    partnership, source = None, None
    if comparison:
        source = privacy.mask_cpr(values.get("source", ""))
        if not source:
            raise ExportRejected(t("ingest.meta_source_missing", lang, location=meta.location))
    else:
        partnership = values.get("partnership_id", "")
        if not partnership:
            raise ExportRejected(t("ingest.meta_missing", lang, location=meta.location, name="partnership_id"))
        if partnership not in reference.partnership_ids:
            raise ExportRejected(t("ingest.meta_unknown_partnership", lang, location=meta.location,
                                   value=shown(partnership),
                                   hint=did_you_mean(partnership, sorted(reference.partnership_ids), lang)))
    raw_date = values.get("export_date", "")
    if not raw_date:
        raise ExportRejected(t("ingest.meta_missing", lang, location=meta.location, name="export_date"))
    dates, errors = parse_dates(pd.Series([raw_date], dtype="string"), lang)
    if pd.isna(dates.iloc[0]):
        raise ExportRejected(f"{meta.location}, export_date: {errors.iloc[0]}")
    export_date = dates.iloc[0].date()
    if export_date > today:
        raise ExportRejected(t("ingest.meta_future", lang, location=meta.location, date=export_date, today=today))
    synthetic = values.get("synthetic", "").lower() in TRUE_WORDS
    known = {"partnership_id", "export_date", "synthetic", "group", "source"}
    for key in sorted(set(values) - known):
        notes.append(t("ingest.meta_key_ignored", lang, location=meta.location, name=key))
    return Meta(partnership, export_date, synthetic, source, notes)


# ----------------------------------------------------------------------------- schemas


def _check(name: str, rule) -> pa.Check:  # noqa: ANN001 - a function of a Series
    return pa.Check(rule, name=name, ignore_na=True)


def participants_schema(reference: Reference, export_date: pd.Timestamp, comparison: bool = False
                        ) -> pa.DataFrameSchema:
    """Cell rules of the participants sheet, on the typed frame. A comparison extract needs
    STU end, birth year and sex (they are what the comparison is balanced on)."""
    codes = sorted(reference.municipality_codes)
    max_year = export_date.year - 14
    not_after = _check("not_after_export", lambda s: s <= export_date)
    return pa.DataFrameSchema(
        {
            "participant_id": pa.Column(None, _check("id_chars", lambda s: s.str.fullmatch(ID_PATTERN)),
                                        nullable=False),
            "municipality_code": pa.Column(None, _check("known_municipality", lambda s: s.isin(codes)),
                                           nullable=False),
            "birth_year": pa.Column(None, [
                _check("whole_year", lambda s: s == s.round()),
                _check("birth_year_range", lambda s: s.between(1950, max_year)),
            ], nullable=not comparison),
            "sex": pa.Column(None, _check("sex_code", lambda s: s.isin(["F", "M"])), nullable=not comparison),
            "stu_start_date": pa.Column(None, not_after, nullable=comparison),
            "stu_end_date": pa.Column(None, not_after, nullable=not comparison),
            **{phase: pa.Column(None, not_after, nullable=True) for phase in PHASES},
            "programme_cost_dkk": pa.Column(None, [
                _check("non_negative", lambda s: s >= 0),
                _check("cost_range", lambda s: s <= MAX_COST_DKK),
            ], nullable=True),
        },
        strict=False,
    )


def spells_schema(reference: Reference, export_date: pd.Timestamp) -> pa.DataFrameSchema:
    """Cell rules of the spells sheet, on the typed frame."""
    labels = list(reference.status_lookup)
    return pa.DataFrameSchema(
        {
            "participant_id": pa.Column(None, nullable=False),
            "status_text": pa.Column(None, _check("known_status", lambda s: normalised_labels(s).isin(labels)),
                                     nullable=False),
            "start_date": pa.Column(None, _check("not_after_export", lambda s: s <= export_date),
                                    nullable=False),
            "hours_per_week": pa.Column(None, _check("hours_range", lambda s: (s > 0) & (s <= 60)),
                                        nullable=True),
        },
        strict=False,
    )


def schema_issues(schema: pa.DataFrameSchema, typed: pd.DataFrame) -> pd.DataFrame:
    """Every failing cell as (row_number, column_name, check)."""
    try:
        schema.validate(typed, lazy=True)
    except pa.errors.SchemaErrors as error:
        cases = error.failure_cases
        cases = cases[cases["index"].notna() & cases["column"].notna()]
        return pd.DataFrame({
            "row_number": cases["index"].astype("int64").to_numpy(),
            "column_name": cases["column"].astype(str).to_numpy(),
            "check": cases["check"].astype(str).to_numpy(),
        })
    return pd.DataFrame({"row_number": pd.Series(dtype="int64"), "column_name": [], "check": []})


# ----------------------------------------------------------------------------- typed frames


def _ids(raw: pd.Series, key: bytes | None, location: str, column: str, lang: str) -> pd.Series:
    """Ids with every CPR-like one (alone or inside the id) replaced by its pseudonym;
    without a key, such ids reject the export."""
    ids = pd.Series(pd.arrays.ArrowStringArray(stripped(text_array(raw))), index=raw.index)
    is_cpr = privacy.cpr_mask(ids)
    if is_cpr.any():
        if key is None:
            first = is_cpr[is_cpr].index[0]
            raise ExportRejected(t("ingest.cpr_without_key", lang, location=location, row=first, column=column,
                                   n=int(is_cpr.sum()), mask=privacy.MASK))
        ids = ids.copy()
        ids[is_cpr] = privacy.pseudonymised(ids[is_cpr], key)
    return ids


def _numbers_and_dates(raw: pd.DataFrame, typed: pd.DataFrame, sheet: str, dates: tuple[str, ...],
                       numbers: tuple[str, ...], found: Collected) -> None:
    for column in dates:
        if column in raw:
            typed[column], errors = parse_dates(raw[column], found.lang)
            found.add_parse_errors(sheet, column, raw[column], errors)
        else:
            typed[column] = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    for column in numbers:
        if column in raw:
            typed[column], errors = parse_numbers(raw[column], found.lang)
            found.add_parse_errors(sheet, column, raw[column], errors)
        else:
            typed[column] = pd.Series(float("nan"), index=raw.index)


def typed_participants(sheet: RawSheet, key: bytes | None, found: Collected) -> pd.DataFrame:
    raw = sheet.frame
    typed = pd.DataFrame(index=raw.index)
    typed["participant_id"] = _ids(raw["participant_id"], key, sheet.location, "participant_id", found.lang)
    found.youths[sheet.name] = typed["participant_id"]
    typed["municipality_code"] = map_distinct(raw["municipality_code"], _municipality)
    _numbers_and_dates(raw, typed, sheet.name, DATE_COLUMNS_PARTICIPANTS, ("birth_year", "programme_cost_dkk"),
                       found)
    sex = raw["sex"] if "sex" in raw else pd.Series(pd.NA, index=raw.index, dtype=TEXT)
    typed["sex"] = map_distinct(sex, _sex)
    return typed


def _municipality(text: str) -> str:
    """'0851' and '851.0' (a number cell) are 851."""
    return re.sub(r"\.0$", "", text).lstrip("0")


def _sex(text: str) -> str:
    """Upper case; 'K' (kvinde) is 'F'."""
    code = text.upper().strip()
    return "F" if code == "K" else code


def typed_spells(sheet: RawSheet, reference: Reference, key: bytes | None, found: Collected) -> pd.DataFrame:
    raw = sheet.frame
    typed = pd.DataFrame(index=raw.index)
    typed["participant_id"] = _ids(raw["participant_id"], key, sheet.location, "participant_id", found.lang)
    found.youths[sheet.name] = typed["participant_id"]
    typed["status_text"] = raw["status"]
    typed["status"] = lookup_distinct(normalised_labels(raw["status"]), reference.status_lookup)
    typed["category"] = lookup_distinct(typed["status"], reference.category_of)
    _numbers_and_dates(raw, typed, sheet.name, ("start_date", "end_date"), ("hours_per_week",), found)
    employer = raw["employer_id"] if "employer_id" in raw else pd.Series(pd.NA, index=raw.index, dtype=TEXT)
    typed["employer_id"] = _ids(employer, key, sheet.location, "employer_id", found.lang)
    return typed


def add_schema_issues(
    sheet: RawSheet, schema: pa.DataFrameSchema, typed: pd.DataFrame, export_date: dt.date,
    reference: Reference, found: Collected,
) -> None:
    already = {(i["row_number"], i["column_name"]) for i in found.issues if i["sheet"] == sheet.name}
    for case in schema_issues(schema, typed).itertuples():
        column = "status" if case.column_name == "status_text" else case.column_name
        if (case.row_number, column) in already:
            continue  # unparseable text was already reported as such
        value = sheet.frame.at[case.row_number, column] if column in sheet.frame else None
        found.add(sheet.name, case.row_number, column, value,
                  reason(case.check, column, value, export_date, reference, found.lang))
        already.add((case.row_number, column))


# ----------------------------------------------------------------------------- entry point


def validate_export(
    raw: RawExport, reference: Reference, key: bytes | None, today: dt.date | None = None, lang: str = "da"
) -> ValidatedExport:
    """Apply every rule of the format to one read export."""
    today = today or dt.date.today()
    raw = replace(raw, **{s.name: replace(s, location=localised_location(s.location, lang))
                          for s in (raw.meta, raw.participants, raw.spells)})
    found = Collected(lang)
    meta = parse_meta(raw.meta, reference, today, lang)
    for note in meta.notes:
        found.warn("meta", None, None, note)
    if raw.participants.frame.empty:
        raise ExportRejected(t("ingest.no_youths", lang, location=raw.participants.location))
    comparison = meta.source is not None
    if not comparison and "stu_start_date" not in raw.participants.frame:
        raise ExportRejected(key="readers.required_missing", location=raw.participants.location,
                             expected="'stu_start_date' ('stu_start')")
    if comparison:
        missing = [c for c in COMPARISON_REQUIRED if c not in raw.participants.frame]
        if missing:
            raise ExportRejected(t("ingest.comparison_columns", lang, location=raw.participants.location,
                                   columns=", ".join(missing)))
    dropped = []
    for sheet in (raw.meta, raw.participants, raw.spells):
        for name in sheet.dropped_columns:
            dropped.append(privacy.mask_cpr(f"{sheet.name}.{name}"))  # a header may be a CPR number too
            found.warn(sheet.name, None, name, t("ingest.column_dropped", lang, location=sheet.location, name=name))
    export_date = meta.export_date
    export_ts = pd.Timestamp(export_date)

    participants = typed_participants(raw.participants, key, found)
    spells = typed_spells(raw.spells, reference, key, found)
    add_schema_issues(raw.participants, participants_schema(reference, export_ts, comparison), participants,
                      export_date, reference, found)
    add_participant_row_rules(raw.participants, participants, found)
    add_schema_issues(raw.spells, spells_schema(reference, export_ts), spells, export_date, reference, found)
    add_spell_row_rules(raw.spells, spells, participants["participant_id"].dropna(), export_date, found)
    for sheet in (raw.participants, raw.spells):
        add_stray_rows(sheet, found)

    issues = pd.DataFrame(found.issues, columns=ISSUE_COLUMNS)
    q_participants, q_spells, quarantine = quarantine_rows(participants, spells, issues, lang)

    # (nothing to drop, nothing copied: the common case of a clean export)
    loaded_p = participants.drop(index=q_participants) if len(q_participants) else participants.copy(deep=False)
    loaded_s = spells.drop(index=q_spells) if len(q_spells) else spells.copy(deep=False)
    loaded_p = loaded_p.assign(partnership_id=meta.partnership_id, birth_year=loaded_p["birth_year"].astype("Int64"))
    # Dates as Arrow date32: a vectorised cast (no Python date per cell), loaded by DuckDB as DATE,
    # and each value still reads back as a datetime.date.
    for column in DATE_COLUMNS_PARTICIPANTS:
        loaded_p[column] = loaded_p[column].astype(DATE)
    for column in ("start_date", "end_date"):
        loaded_s[column] = loaded_s[column].astype(DATE)
    loaded_s = loaded_s.drop(columns="status_text")
    order = issues["sheet"].map({"participants": 0, "spells": 1}).fillna(2)
    strays = sum(len(s.stray_rows) for s in (raw.participants, raw.spells))
    return ValidatedExport(
        source_path=privacy.safe_path(raw.source_path),
        sha256=raw.sha256,
        partnership_id=meta.partnership_id,
        export_date=export_date,
        synthetic=meta.synthetic,
        participants=loaded_p.reset_index(drop=True),
        spells=loaded_s.reset_index(drop=True),
        quarantine=quarantine,
        issues=issues.assign(order=order).sort_values(["order", "row_number"], kind="stable")
        .drop(columns="order").reset_index(drop=True),
        warnings=pd.DataFrame(found.warnings, columns=WARNING_COLUMNS),
        dropped_columns=dropped,
        rows_read=len(raw.participants.frame) + len(raw.spells.frame) + strays,
        locations={s.name: privacy.mask_cpr(s.location) for s in (raw.meta, raw.participants, raw.spells)},
        lang=lang,
        source=meta.source,
        form=raw.form,
    )


