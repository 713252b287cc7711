"""Validation: raw text sheets → typed rows to load, quarantined rows, or a rejected export.

Three kinds of rule (CONTRACT §1 "What bad input gets"):
- export-level (meta, required columns, CPR numbers without a key) raise ExportRejected;
- cell rules (formats, ranges, vocabularies) are pandera schemas, validated lazily so
  every error in the export is reported at once;
- cross-row rules (duplicates, unknown youths, overlapping spells, phase order) are
  vectorised pandas.
A youth with any error is quarantined with all its spells, and a spell with an error
takes its youth along: a history with a hole would give wrong figures.
Every message names the file, sheet, row as the user sees it, column, the value
(CPR numbers masked) and what was expected.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pandera.pandas as pa

from pipeline import privacy
from pipeline.readers import ExportRejected, RawExport, RawSheet
from pipeline.reference import Reference

ID_PATTERN = r"^[A-Za-z0-9_.\-]{1,64}$"
DATE_COLUMNS_PARTICIPANTS = (
    "stu_start_date", "stu_end_date", "phase1_start", "phase2_start", "phase3_start", "phase4_start",
)
PHASES = ("phase1_start", "phase2_start", "phase3_start", "phase4_start")
ISSUE_COLUMNS = ["sheet", "row_number", "column_name", "value", "reason"]
WARNING_COLUMNS = ["sheet", "row_number", "column_name", "message"]
TRUE_WORDS = {"ja", "yes", "true", "1", "sand"}


@dataclass
class ValidatedExport:
    """What validation made of one export: rows to load, rows to quarantine, warnings."""

    source_path: str
    sha256: str
    partnership_id: str
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
            where = f"{self.locations.get(r.sheet, r.sheet)} row {r.row_number}"
            lines.append(f"{where}, {r.column_name}: {r.reason}" if r.column_name else f"{where}: {r.reason}")
        own = self.issues[["sheet", "row_number"]].drop_duplicates()
        dragged = self.rows_quarantined - len(own)
        if dragged:
            lines.append(f"{dragged} more row(s) quarantined together with their youth (a youth is loaded whole "
                         "or not at all)")
        return lines


# ----------------------------------------------------------------------------- parsing text


def shown(value: object) -> str:
    """A value as it may appear in a message: quoted, CPR numbers masked, long text cut."""
    text = privacy.mask_cpr(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _per_distinct(
    parse: Callable[[pd.Series], tuple[pd.Series, pd.Series]], text: pd.Series
) -> tuple[pd.Series, pd.Series]:
    """Apply `parse` to each distinct value once and spread the results back over the rows:
    a column of a large export holds few distinct dates or numbers."""
    codes, uniques = pd.factorize(text.astype("string"), use_na_sentinel=True)
    if len(uniques) * 2 > len(text):
        return parse(text)
    values, errors = parse(pd.Series(uniques, dtype="string"))
    missing = codes < 0
    taken = np.where(missing, 0, codes)
    out_values = values.iloc[taken] if len(values) else values.reindex(range(len(codes)))
    out_values = out_values.where(~missing) if out_values.dtype != "datetime64[ns]" else out_values.mask(missing)
    out_errors = errors.iloc[taken] if len(errors) else errors.reindex(range(len(codes)))
    out_errors = out_errors.mask(missing)
    return out_values.set_axis(text.index), out_errors.set_axis(text.index)


def parse_dates(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Dates in the accepted forms (YYYY-MM-DD or day first DD-MM-YYYY, DD.MM.YYYY,
    DD/MM/YYYY); returns the dates and, for text that is not one, the reason."""
    return _per_distinct(_parse_dates, text)


def _parse_dates(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = text.astype("string").str.strip()
    dates = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    iso = text.str.extract(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?$")
    dmy = text.str.extract(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")
    parts = pd.DataFrame({
        "year": iso[0].fillna(dmy[2]),
        "month": iso[1].fillna(dmy[1]),
        "day": iso[2].fillna(dmy[0]),
    })
    shaped = parts["year"].notna()
    if shaped.any():
        numbers = parts[shaped].astype(int)
        in_range = numbers["year"].between(1900, 2100)
        candidate = pd.to_datetime(numbers[in_range][["year", "month", "day"]], errors="coerce")
        dates.loc[candidate.index] = candidate
    errors = pd.Series(pd.NA, index=text.index, dtype="string")
    bad = text.notna() & dates.isna()
    for index in bad[bad].index:
        errors[index] = _date_error(text[index], parts.loc[index])
    return dates, errors


def _date_error(value: str, parts: pd.Series) -> str:
    expected = "expected a date as YYYY-MM-DD or DD-MM-YYYY (day first)"
    if value.isdigit() and 4 <= len(value) <= 6:
        return f"{shown(value)} looks like an Excel date number stored as text; format the cell as a date"
    if pd.notna(parts["year"]):
        year, month, day = int(parts["year"]), int(parts["month"]), int(parts["day"])
        if not 1900 <= year <= 2100:
            return f"{shown(value)} has the year {year}, which cannot be right"
        if month > 12 and day <= 12:
            return (f"{shown(value)} is not a valid date: dates are read day first (DD-MM-YYYY), "
                    f"so {month} cannot be the month; {expected}")
        return f"{shown(value)} is not a date that exists"
    return f"{shown(value)} is not a date; {expected}"


def parse_numbers(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Numbers with a decimal comma or point; '.' between groups of three digits is
    read as the Danish thousands separator (65.714 = 65714)."""
    return _per_distinct(_parse_numbers, text)


def _parse_numbers(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    text = text.astype("string").str.strip()
    cleaned = text.str.replace(r"(?i)\s*(kr\.?|dkk)$", "", regex=True).str.replace(r"[\s\u00a0]", "", regex=True)
    has_comma = cleaned.str.contains(",", regex=False).fillna(False)
    cleaned = cleaned.where(~has_comma, cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    thousands = cleaned.str.fullmatch(r"-?\d{1,3}(\.\d{3})+").fillna(False)
    cleaned = cleaned.where(~thousands, cleaned.str.replace(".", "", regex=False))
    numbers = pd.to_numeric(cleaned, errors="coerce").astype("float64")
    bad = text.notna() & numbers.isna()
    errors = text[bad].map(lambda v: f"{shown(v)} is not a number").reindex(text.index).astype("string")
    return numbers, errors


# ----------------------------------------------------------------------------- meta


def parse_meta(meta: RawSheet, reference: Reference, today: dt.date) -> tuple[str, dt.date, bool, list[str]]:
    """partnership_id, export_date, synthetic flag and warnings; export-level errors raise."""
    values: dict[str, str] = {}
    notes: list[str] = []
    for row_number, row in meta.frame.iterrows():
        cell = row.get("key")
        key = "" if cell is None or pd.isna(cell) else " ".join(str(cell).split()).lower()
        if not key:
            continue
        if key in values:
            raise ExportRejected(f"{meta.location} row {row_number}: the key {shown(key)} is given twice")
        value = row.get("value")
        values[key] = "" if value is None or pd.isna(value) else str(value).strip()
    partnership = values.get("partnership_id", "")
    if not partnership:
        raise ExportRejected(f"{meta.location}: the key 'partnership_id' is missing or empty")
    if partnership not in reference.partnership_ids:
        raise ExportRejected(
            f"{meta.location}, partnership_id: {shown(partnership)} is not in data/reference/partnerships.csv"
            + did_you_mean(partnership, sorted(reference.partnership_ids))
            + " (a new partnership is added as a row of that file)"
        )
    raw_date = values.get("export_date", "")
    if not raw_date:
        raise ExportRejected(f"{meta.location}: the key 'export_date' is missing or empty")
    dates, errors = parse_dates(pd.Series([raw_date], dtype="string"))
    if pd.isna(dates.iloc[0]):
        raise ExportRejected(f"{meta.location}, export_date: {errors.iloc[0]}")
    export_date = dates.iloc[0].date()
    if export_date > today:
        raise ExportRejected(f"{meta.location}, export_date: {export_date} is in the future (today is {today})")
    synthetic = values.get("synthetic", "").lower() in TRUE_WORDS
    for key in sorted(set(values) - {"partnership_id", "export_date", "synthetic"}):
        notes.append(f"{meta.location}: the key '{key}' is not part of the format and was ignored")
    return partnership, export_date, synthetic, notes


def did_you_mean(value: str, candidates: list[str]) -> str:
    match = difflib.get_close_matches(value.strip().lower(), candidates, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


# ----------------------------------------------------------------------------- schemas


def normalised_labels(text: pd.Series) -> pd.Series:
    """Vectorised `normalise_status_label`: lower case, single spaces (worked out once per distinct label)."""
    codes, uniques = pd.factorize(text.astype("string"), use_na_sentinel=True)
    labels = pd.Series(uniques, dtype="string").str.lower().str.split().str.join(" ")
    spread = labels.reindex(codes).to_numpy(dtype=object, na_value=None) if len(codes) else np.array([], dtype=object)
    return pd.Series(pd.array(spread, dtype="string"), index=text.index)


def _check(name: str, rule: Callable[[pd.Series], pd.Series]) -> pa.Check:
    return pa.Check(rule, name=name, ignore_na=True)


def participants_schema(reference: Reference, export_date: pd.Timestamp) -> pa.DataFrameSchema:
    """Cell rules of the participants sheet, on the typed frame."""
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
            ], nullable=True),
            "sex": pa.Column(None, _check("sex_code", lambda s: s.isin(["F", "M"])), nullable=True),
            "stu_start_date": pa.Column(None, not_after, nullable=False),
            "stu_end_date": pa.Column(None, not_after, nullable=True),
            **{phase: pa.Column(None, not_after, nullable=True) for phase in PHASES},
            "programme_cost_dkk": pa.Column(None, _check("non_negative", lambda s: s >= 0), nullable=True),
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


@dataclass
class _Collected:
    """Issues and warnings gathered for one export."""

    issues: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)

    def add(self, sheet: str, row: int, column: str | None, value: object, reason: str) -> None:
        self.issues.append({
            "sheet": sheet, "row_number": int(row), "column_name": column,
            "value": None if value is None or (not isinstance(value, str) and pd.isna(value))
            else privacy.mask_cpr(value),
            "reason": privacy.mask_cpr(reason),
        })

    def add_parse_errors(self, sheet: str, column: str, raw: pd.Series, errors: pd.Series) -> None:
        for row in errors[errors.notna()].index:
            self.add(sheet, row, column, raw[row], str(errors[row]))

    def warn(self, sheet: str | None, row: int | None, column: str | None, message: str) -> None:
        self.warnings.append({"sheet": sheet, "row_number": row,
                              "column_name": None if column is None else privacy.mask_cpr(column),
                              "message": privacy.mask_cpr(message)})


def _ids(raw: pd.Series, key: bytes | None, location: str, column: str) -> pd.Series:
    """Ids with CPR numbers replaced by pseudonyms; without a key, CPR numbers reject the export."""
    ids = raw.astype("string").str.strip()
    # Only text shaped like a CPR number is checked for a valid date (a cheap test first).
    shaped = ids.str.fullmatch(privacy.CPR_PATTERN).fillna(False).astype(bool)
    is_cpr = privacy.cpr_mask(ids[shaped]).reindex(ids.index, fill_value=False) if shaped.any() \
        else shaped
    if is_cpr.any():
        if key is None:
            first = is_cpr[is_cpr].index[0]
            raise ExportRejected(
                f"{location} row {first}, {column}: {is_cpr.sum()} value(s) are CPR numbers "
                f"({privacy.MASK}); set the pseudonymisation key JOBALLIANCE_PSEUDONYM_KEY so they can be "
                "replaced by pseudonyms, or export pseudonymous ids"
            )
        ids = ids.copy()
        ids[is_cpr] = privacy.pseudonymised(ids[is_cpr], key)
    return ids


def typed_participants(sheet: RawSheet, key: bytes | None, found: _Collected) -> pd.DataFrame:
    raw = sheet.frame
    typed = pd.DataFrame(index=raw.index)
    typed["participant_id"] = _ids(raw["participant_id"], key, sheet.location, "participant_id")
    municipality = raw["municipality_code"].str.replace(r"\.0$", "", regex=True).str.lstrip("0")
    typed["municipality_code"] = municipality
    for column in DATE_COLUMNS_PARTICIPANTS:
        if column in raw:
            typed[column], errors = parse_dates(raw[column])
            found.add_parse_errors(sheet.name, column, raw[column], errors)
        else:
            typed[column] = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    for column in ("birth_year", "programme_cost_dkk"):
        if column in raw:
            typed[column], errors = parse_numbers(raw[column])
            found.add_parse_errors(sheet.name, column, raw[column], errors)
        else:
            typed[column] = pd.Series(float("nan"), index=raw.index)
    sex = raw["sex"].str.upper().str.strip() if "sex" in raw else pd.Series(pd.NA, index=raw.index)
    typed["sex"] = sex.replace({"K": "F"}).astype("string")
    return typed


def typed_spells(sheet: RawSheet, reference: Reference, key: bytes | None, found: _Collected) -> pd.DataFrame:
    raw = sheet.frame
    typed = pd.DataFrame(index=raw.index)
    typed["participant_id"] = _ids(raw["participant_id"], key, sheet.location, "participant_id")
    typed["status_text"] = raw["status"]
    typed["status"] = normalised_labels(raw["status"]).map(reference.status_lookup)
    typed["category"] = typed["status"].map(reference.category_of)
    for column in ("start_date", "end_date"):
        if column in raw:
            typed[column], errors = parse_dates(raw[column])
            found.add_parse_errors(sheet.name, column, raw[column], errors)
        else:
            typed[column] = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    if "hours_per_week" in raw:
        typed["hours_per_week"], errors = parse_numbers(raw["hours_per_week"])
        found.add_parse_errors(sheet.name, "hours_per_week", raw["hours_per_week"], errors)
    else:
        typed["hours_per_week"] = float("nan")
    employer = raw["employer_id"] if "employer_id" in raw else pd.Series(pd.NA, index=raw.index, dtype="string")
    typed["employer_id"] = _ids(employer, key, sheet.location, "employer_id")
    return typed


# ----------------------------------------------------------------------------- messages


def _reason(check: str, column: str, value: object, export_date: dt.date, reference: Reference) -> str:
    """The sentence for a failed cell rule."""
    if check == "not_nullable":
        return f"is empty, but {column} is required"
    text = "" if value is None or pd.isna(value) else str(value)
    if check == "id_chars":
        return f"{shown(text)} is not a valid id (1–64 characters of A–Z, a–z, 0–9, _ - .)"
    if check == "known_municipality":
        names = dict(zip(reference.municipalities["name"].str.lower(),
                         reference.municipalities["municipality_code"], strict=True))
        hint = (f" (did you mean {names[text.lower()]}, the code of {text.strip()}?)" if text.lower() in names
                else did_you_mean(text, sorted(reference.municipality_codes)))
        return f"{shown(text)} is not one of the 98 municipality codes{hint}"
    if check == "whole_year":
        return f"{shown(text)} is not a whole year"
    if check == "birth_year_range":
        return f"{shown(text)} is not a plausible birth year (expected 1950–{export_date.year - 14})"
    if check == "sex_code":
        return f"{shown(text)} is not a sex code (expected F, M or K, or empty)"
    if check == "not_after_export":
        return f"{shown(text)} is after the export date {export_date}"
    if check == "non_negative":
        return f"{shown(text)} is negative; expected an amount of 0 or more"
    if check == "known_status":
        labels = sorted(reference.status_lookup)
        return f"{shown(text)} is not a known status" + did_you_mean(text, labels)
    if check == "hours_range":
        return f"{shown(text)} hours a week is outside the range above 0 and at most 60"
    return f"{shown(text)} breaks the rule {check}"


def add_schema_issues(
    sheet: RawSheet, schema: pa.DataFrameSchema, typed: pd.DataFrame, export_date: dt.date,
    reference: Reference, found: _Collected,
) -> None:
    already = {(i["row_number"], i["column_name"]) for i in found.issues if i["sheet"] == sheet.name}
    for case in schema_issues(schema, typed).itertuples():
        column = "status" if case.column_name == "status_text" else case.column_name
        if (case.row_number, column) in already:
            continue  # unparseable text was already reported as such
        value = sheet.frame.at[case.row_number, column] if column in sheet.frame else None
        found.add(sheet.name, case.row_number, column, value,
                  _reason(case.check, column, value, export_date, reference))
        already.add((case.row_number, column))


def add_participant_row_rules(sheet: RawSheet, typed: pd.DataFrame, found: _Collected) -> None:
    """Duplicates, STU end before start, phases out of order."""
    ids = typed["participant_id"]
    duplicated = ids.notna() & ids.duplicated(keep=False)
    if duplicated.any():
        rows_of = ids[duplicated].groupby(ids[duplicated]).groups
        for row in duplicated[duplicated].index:
            others = [str(r) for r in rows_of[ids[row]] if r != row]
            found.add(sheet.name, row, "participant_id", sheet.frame.at[row, "participant_id"],
                      f"{shown(ids[row])} also appears in row {', '.join(others)}; each youth has one row")
    end_before = typed["stu_end_date"] < typed["stu_start_date"]
    for row in end_before[end_before].index:
        found.add(sheet.name, row, "stu_end_date", sheet.frame.at[row, "stu_end_date"],
                  f"STU ends ({typed.at[row, 'stu_end_date'].date()}) before it starts "
                  f"({typed.at[row, 'stu_start_date'].date()})")
    phases = typed[list(PHASES)]
    running = phases.cummax(axis=1).ffill(axis=1).shift(1, axis=1)
    for position, phase in enumerate(PHASES[1:], start=1):
        earlier = phases[phase] < running[phase]
        for row in earlier[earlier.fillna(False)].index:
            previous = next(p for p in reversed(PHASES[:position]) if pd.notna(phases.at[row, p])
                            and phases.at[row, p] > phases.at[row, phase])
            found.add(sheet.name, row, phase, sheet.frame.at[row, phase],
                      f"{phase} {phases.at[row, phase].date()} is before {previous} "
                      f"{phases.at[row, previous].date()}; phases start in the order 1, 2, 3, 4")


def add_spell_row_rules(
    sheet: RawSheet, typed: pd.DataFrame, known_ids: pd.Series, export_date: dt.date, found: _Collected
) -> pd.Series:
    """Unknown youths, end before start, overlaps; ends after the export date become ongoing.
    Returns the spell ids that are unknown (those rows do not take a youth along)."""
    unknown = typed["participant_id"].notna() & ~typed["participant_id"].isin(known_ids)
    for row in unknown[unknown].index:
        found.add(sheet.name, row, "participant_id", typed.at[row, "participant_id"],
                  f"{shown(typed.at[row, 'participant_id'])} is not a youth in the participants sheet")
    export_ts = pd.Timestamp(export_date)
    late_end = typed["end_date"] > export_ts
    for row in late_end[late_end].index:
        found.warn(sheet.name, row, "end_date",
                   f"{sheet.location} row {row}, end_date: {typed.at[row, 'end_date'].date()} is after the "
                   f"export date {export_date}; the spell is read as ongoing")
    typed.loc[late_end, "end_date"] = pd.NaT
    end_before = typed["end_date"] < typed["start_date"]
    for row in end_before[end_before].index:
        found.add(sheet.name, row, "end_date", sheet.frame.at[row, "end_date"],
                  f"the spell ends ({typed.at[row, 'end_date'].date()}) before it starts "
                  f"({typed.at[row, 'start_date'].date()})")
    dated = typed[typed["participant_id"].notna() & typed["start_date"].notna()].copy()
    dated["row"] = dated.index
    dated["end_effective"] = dated["end_date"].fillna(export_ts).where(~end_before.reindex(dated.index), dated[
        "start_date"])
    dated = dated.sort_values(["participant_id", "start_date", "row"])
    grouped = dated.groupby("participant_id", sort=False)
    previous_end = grouped["end_effective"].shift(1)
    previous_row = grouped["row"].shift(1)
    reach = grouped["end_effective"].cummax()
    reach_before = reach.groupby(dated["participant_id"], sort=False).shift(1)
    overlap = reach_before.notna() & (dated["start_date"] <= reach_before)
    for index in overlap[overlap].index:
        other = int(previous_row[index])
        found.add(sheet.name, index, "start_date", sheet.frame.at[index, "start_date"],
                  f"the spell starting {dated.at[index, 'start_date'].date()} overlaps the spell in row {other} "
                  f"(which ends {'ongoing' if pd.isna(typed.at[other, 'end_date']) else previous_end[index].date()}); "
                  "a youth is in one status at a time")
    return typed.loc[unknown, "participant_id"]


# ----------------------------------------------------------------------------- quarantine


def quarantine_rows(
    participants: pd.DataFrame, spells: pd.DataFrame, issues: pd.DataFrame
) -> tuple[pd.Index, pd.Index, pd.DataFrame]:
    """Which participant and spell rows are quarantined, and one quarantine record per row."""
    own = issues.groupby(["sheet", "row_number"], sort=False).agg(
        column_name=("column_name", lambda c: ", ".join(dict.fromkeys(str(x) for x in c if x))),
        value=("value", lambda v: " | ".join(str(x) for x in v if x is not None) or None),
        reason=("reason", "; ".join),
    ).reset_index()
    bad_participant_rows = own.loc[own["sheet"] == "participants", "row_number"]
    bad_spell_rows = own.loc[own["sheet"] == "spells", "row_number"]
    culprit: dict[str, str] = {}
    for row in bad_participant_rows:
        pid = participants.at[row, "participant_id"]
        if pd.notna(pid):
            culprit.setdefault(pid, f"participants row {row}")
    known = set(participants["participant_id"].dropna())
    for row in bad_spell_rows:
        pid = spells.at[row, "participant_id"]
        if pd.notna(pid) and pid in known:
            culprit.setdefault(pid, f"spells row {row}")
    dragged: list[dict] = []
    taken_p = participants.index[participants["participant_id"].isin(culprit)].difference(bad_participant_rows)
    for row in taken_p:
        source = culprit[participants.at[row, "participant_id"]]
        dragged.append({"sheet": "participants", "row_number": row, "column_name": None, "value": None,
                        "reason": f"quarantined together with its spells: {source} has an error"})
    taken_s = spells.index[spells["participant_id"].isin(culprit)].difference(bad_spell_rows)
    for row in taken_s:
        source = culprit[spells.at[row, "participant_id"]]
        dragged.append({"sheet": "spells", "row_number": row, "column_name": None, "value": None,
                        "reason": f"quarantined together with its youth: {source} has an error"})
    records = pd.concat([own, pd.DataFrame(dragged, columns=ISSUE_COLUMNS)], ignore_index=True)
    records["order"] = records["sheet"].map({"participants": 0, "spells": 1})
    records = records.sort_values(["order", "row_number"]).drop(columns="order").reset_index(drop=True)
    records["row_number"] = records["row_number"].astype("int64")
    q_participants = pd.Index(bad_participant_rows).union(taken_p)
    q_spells = pd.Index(bad_spell_rows).union(taken_s)
    return q_participants, q_spells, records


# ----------------------------------------------------------------------------- entry point


def validate_export(
    raw: RawExport, reference: Reference, key: bytes | None, today: dt.date | None = None
) -> ValidatedExport:
    """Apply every rule of the format to one read export."""
    today = today or dt.date.today()
    found = _Collected()
    partnership_id, export_date, synthetic, meta_notes = parse_meta(raw.meta, reference, today)
    for note in meta_notes:
        found.warn("meta", None, None, note)
    if raw.participants.frame.empty:
        raise ExportRejected(f"{raw.participants.location}: no youths; an export is a full snapshot of a "
                             "partnership's youths, so an empty one cannot replace the previous export")
    dropped = []
    for sheet in (raw.meta, raw.participants, raw.spells):
        for name in sheet.dropped_columns:
            dropped.append(privacy.mask_cpr(f"{sheet.name}.{name}"))  # a header may be a CPR number too
            found.warn(sheet.name, None, name, f"{sheet.location}: the column '{name}' is not part of the "
                       "format; it was dropped and not stored")
    export_ts = pd.Timestamp(export_date)

    participants = typed_participants(raw.participants, key, found)
    spells = typed_spells(raw.spells, reference, key, found)
    add_schema_issues(raw.participants, participants_schema(reference, export_ts), participants,
                      export_date, reference, found)
    add_participant_row_rules(raw.participants, participants, found)
    add_schema_issues(raw.spells, spells_schema(reference, export_ts), spells, export_date, reference, found)
    add_spell_row_rules(raw.spells, spells, participants["participant_id"].dropna(), export_date, found)

    issues = pd.DataFrame(found.issues, columns=ISSUE_COLUMNS)
    q_participants, q_spells, quarantine = quarantine_rows(participants, spells, issues)

    loaded_p = participants.drop(index=q_participants)
    loaded_s = spells.drop(index=q_spells)
    loaded_p = loaded_p.assign(
        partnership_id=partnership_id,
        birth_year=loaded_p["birth_year"].astype("Int64"),
    )
    for column in DATE_COLUMNS_PARTICIPANTS:
        loaded_p[column] = loaded_p[column].dt.date
    for column in ("start_date", "end_date"):
        loaded_s[column] = loaded_s[column].dt.date
    loaded_s = loaded_s.drop(columns="status_text")
    return ValidatedExport(
        source_path=str(raw.source_path),
        sha256=raw.sha256,
        partnership_id=partnership_id,
        export_date=export_date,
        synthetic=synthetic,
        participants=loaded_p.reset_index(drop=True),
        spells=loaded_s.reset_index(drop=True),
        quarantine=quarantine,
        issues=issues.assign(order=issues["sheet"].map({"participants": 0, "spells": 1}))
        .sort_values(["order", "row_number"], kind="stable").drop(columns="order").reset_index(drop=True),
        warnings=pd.DataFrame(found.warnings, columns=WARNING_COLUMNS),
        dropped_columns=dropped,
        rows_read=len(raw.participants.frame) + len(raw.spells.frame),
        locations={s.name: s.location for s in (raw.meta, raw.participants, raw.spells)},
    )
