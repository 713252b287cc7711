"""The broken example exports of data/examples/broken/: one small export for each kind of error.

Each is the demo's shape with one thing wrong, so a user (and the tests) can see the message
and the quarantine every rule gives. Written by `write_broken_examples`; deterministic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

import pandas as pd

from pipeline.demo import _PARTICIPANT_DATES, ExportForm
from pipeline.demo_files import _write_csv_folder, export_workbook
from pipeline.template import PARTICIPANT_COLUMNS, SPELL_COLUMNS, save_workbook_stable

_BROKEN_PARTNERSHIP = "mou-hotel-aalborg"
_BROKEN_EXPORT_DATE = "2024-09-30"
_BROKEN_PARTICIPANTS = (
    ("EKS-0001", "851", "2001", "M", "2018-08-13", "2021-06-25", "2020-09-01", "2020-11-16", "2021-02-01",
     "2021-09-01", "65000"),
    ("EKS-0002", "849", "2000", "F", "2019-08-12", "2022-06-24", "2021-08-30", "2021-11-15", "2022-03-01",
     "2022-10-03", ""),
    ("EKS-0003", "851", "2002", "M", "2020-08-10", "2023-06-23", "2022-08-29", "2022-11-14", "2023-02-06",
     "", "58250.5"),
    ("EKS-0004", "840", "2001", "", "2019-08-12", "2022-06-24", "2021-08-30", "2021-12-01", "2022-04-04",
     "2022-12-01", ""),
    ("EKS-0005", "851", "2003", "F", "2021-08-09", "", "2023-08-28", "", "", "", ""),
)
_BROKEN_SPELLS = (
    ("EKS-0001", "in_programme", "2021-06-26", "2021-08-31", "", ""),
    ("EKS-0001", "ordinary_job", "2021-09-01", "2023-03-31", "30", "EKS-V01"),
    ("EKS-0001", "flexjob", "2023-04-01", "", "18", "EKS-V02"),
    ("EKS-0002", "in_programme", "2022-06-25", "2022-10-02", "", ""),
    ("EKS-0002", "flexjob", "2022-10-03", "", "15", "EKS-V03"),
    ("EKS-0003", "in_programme", "2023-06-24", "2024-01-31", "", ""),
    ("EKS-0003", "cash_benefit", "2024-02-01", "", "", ""),
    ("EKS-0004", "in_programme", "2022-06-25", "2022-11-30", "", ""),
    ("EKS-0004", "protected_employment", "2022-12-01", "", "20", "EKS-V04"),
)


@dataclass(frozen=True)
class BrokenExample:
    """A small export with one kind of error, and what the contract says it gets."""

    name: str
    problem: str
    level: Literal["export", "row"]
    meta: pd.DataFrame
    participants: pd.DataFrame
    spells: pd.DataFrame | None  # None: the sheet is missing
    bad_ids: tuple[str, ...] = ()  # youths whose rows are quarantined (row-level errors)
    form: ExportForm = "csv"

    @property
    def rows_read(self) -> int:
        return len(self.participants) + (0 if self.spells is None else len(self.spells))

    @property
    def rows_quarantined(self) -> int:
        if self.level == "export":
            return 0
        bad_participants = self.participants["participant_id"].isin(self.bad_ids).sum()
        return int(bad_participants + self.spells["participant_id"].isin(self.bad_ids).sum())


def _broken_base() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    meta = pd.DataFrame([("partnership_id", _BROKEN_PARTNERSHIP), ("export_date", _BROKEN_EXPORT_DATE)],
                        columns=["key", "value"])
    participants = pd.DataFrame(list(_BROKEN_PARTICIPANTS), columns=list(PARTICIPANT_COLUMNS))
    spells = pd.DataFrame(list(_BROKEN_SPELLS), columns=list(SPELL_COLUMNS))
    return meta, participants, spells


def _set(frame: pd.DataFrame, participant_id: str, column: str, value: str, nth: int = 0) -> pd.DataFrame:
    """A copy of `frame` with `column` of the nth row of `participant_id` set to `value`."""
    frame = frame.copy()
    frame.loc[frame.index[frame["participant_id"] == participant_id][nth], column] = value
    return frame


def _meta_with(meta: pd.DataFrame, key: str, value: str) -> pd.DataFrame:
    return meta.assign(value=meta["value"].where(meta["key"] != key, value))


def broken_examples() -> list[BrokenExample]:
    """Every broken example: the valid base export with one kind of error put in."""
    meta, participants, spells = _broken_base()
    cpr_ids = {f"EKS-000{n}": f"0{n}0{n}0{n}-{n}{n}{n}{n}" for n in range(1, 6)}  # fake, but valid dates
    extra_spells = pd.DataFrame([("EKS-0099", "in_programme", "2022-06-25", "2022-09-30", "", ""),
                                 ("EKS-0099", "ordinary_job", "2022-10-01", "", "25", "EKS-V05")],
                                columns=list(SPELL_COLUMNS))
    duplicate = pd.DataFrame([("EKS-0002", "851", "2002", "M", "2020-08-10", "", "2023-08-28", "", "", "", "")],
                             columns=list(PARTICIPANT_COLUMNS))
    # (name, problem, level, meta, participants, spells, bad ids)
    cases: list[tuple[str, str, Literal["export", "row"], pd.DataFrame, pd.DataFrame, pd.DataFrame | None,
                      tuple[str, ...]]] = [
        ("unknown_status_typo", "spells: status 'fleksjb' (typo for 'fleksjob')", "row",
         meta, participants, _set(spells, "EKS-0002", "status", "fleksjb", 1), ("EKS-0002",)),
        ("unknown_municipality", "participants: municipality_code 999 is not one of the 98 codes", "row",
         meta, _set(participants, "EKS-0004", "municipality_code", "999"), spells, ("EKS-0004",)),
        ("overlapping_spells", "spells: a flexjob starting 15-03-2023 while the ordinary job runs to 31-03-2023",
         "row", meta, participants, _set(spells, "EKS-0001", "start_date", "2023-03-15", 2), ("EKS-0001",)),
        ("phase_order", "participants: phase3_start 01-10-2022 is before phase2_start 14-11-2022", "row",
         meta, _set(participants, "EKS-0003", "phase3_start", "2022-10-01"), spells, ("EKS-0003",)),
        ("date_after_export", "spells: start_date 01-12-2024 (year typo) is after the export date 30-09-2024",
         "row", meta, participants, _set(spells, "EKS-0004", "start_date", "2024-12-01", 1), ("EKS-0004",)),
        ("unknown_youth_in_spells", "spells: two rows for EKS-0099, who is not in participants", "row",
         meta, participants, pd.concat([spells, extra_spells], ignore_index=True), ("EKS-0099",)),
        ("missing_required_column", "participants: the required column municipality_code is missing", "export",
         meta, participants.drop(columns=["municipality_code"]), spells, ()),
        ("unknown_partnership", "meta: partnership_id 'joballiance-atlantis' is not in partnerships.csv",
         "export", _meta_with(meta, "partnership_id", "joballiance-atlantis"), participants, spells, ()),
        ("bad_export_date", "meta: export_date '31-09-2024' is not a date (September has 30 days)", "export",
         _meta_with(meta, "export_date", "31-09-2024"), participants, spells, ()),
        ("cpr_without_key", "participant ids are CPR numbers (fake ones like 010101-1111); rejected unless "
         "JOBALLIANCE_PSEUDONYM_KEY is set, then pseudonymised and all rows load", "export",
         meta, participants.replace({"participant_id": cpr_ids}), spells.replace({"participant_id": cpr_ids}), ()),
        ("bad_date_format", "participants: stu_end_date '12/31/2022' (month first); spells: start_date "
         "'sommer 2021' (text)", "row", meta, _set(participants, "EKS-0002", "stu_end_date", "12/31/2022"),
         _set(spells, "EKS-0001", "start_date", "sommer 2021", 1), ("EKS-0001", "EKS-0002")),
        ("duplicate_participant", "participants: EKS-0002 appears twice (both rows and its spells quarantined)",
         "row", meta, pd.concat([participants, duplicate], ignore_index=True), spells, ("EKS-0002",)),
        ("end_before_start", "spells: end_date 31-03-2020 is before start_date 01-09-2021", "row",
         meta, participants, _set(spells, "EKS-0001", "end_date", "2020-03-31", 1), ("EKS-0001",)),
        ("hours_out_of_range", "spells: hours_per_week 150 and 0 (must be over 0 and at most 60)", "row",
         meta, participants,
         _set(_set(spells, "EKS-0002", "hours_per_week", "150", 1), "EKS-0004", "hours_per_week", "0", 1),
         ("EKS-0002", "EKS-0004")),
        ("missing_sheet", "workbook without the sheet spells", "export", meta, participants, None, ()),
        ("non_finite_cost", "participants: programme_cost_dkk 'inf' and '1e400' (not finite numbers)", "row",
         meta, _set(_set(participants, "EKS-0003", "programme_cost_dkk", "inf"), "EKS-0005", "programme_cost_dkk",
                    "1e400"), spells, ("EKS-0003", "EKS-0005")),
        ("cpr_in_cost", "participants: a CPR number (a fake one, 030303-3333) typed as programme_cost_dkk; "
         "quarantined, never stored, shown masked", "row",
         meta, _set(participants, "EKS-0002", "programme_cost_dkk", "030303-3333"), spells, ("EKS-0002",)),
    ]
    examples = []
    for name, problem, level, case_meta, case_participants, case_spells, bad_ids in cases:
        examples.append(BrokenExample(name, problem, level, case_meta, case_participants, case_spells, bad_ids,
                                      "xlsx" if case_spells is None else "csv"))
    return examples


_BROKEN_README = """# Broken example exports / eksempler på fejl

Each example is the same small, valid export (partnership `{partnership}`, export date
{export_date}: {n_participants} youths, {n_spells} spells) with one kind of error put in.
They are generated by `pipeline.demo.write_broken_examples` and serve the validator's
tests and users who want to see what a message looks like (`joballiance validate PATH`).

What bad input gets (docs/export-format.md): an **export-level** error rejects the whole export and
loads nothing; a **row-level** error quarantines the row: a participant row with all its
spells, a spell row with that youth and all its spells. Rows loaded + rows quarantined =
rows read (participants + spells; meta is not counted).

| example | what is wrong | level | rows read | loaded | quarantined |
|---|---|---|---|---|---|
{rows}

`cpr_without_key` is rejected only when no pseudonymisation key is set; with
`JOBALLIANCE_PSEUDONYM_KEY` set its CPR-like ids (obviously fake: 010101-1111 …) are
pseudonymised and all rows load.
"""


def write_broken_examples(target: Path) -> list[Path]:
    """Write every broken example (CSV folders, one xlsx) and a README into `target`."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    rows = []
    for example in broken_examples():
        if example.form == "xlsx":
            meta = [(str(key), value) for key, value in example.meta.itertuples(index=False)]
            meta = [(key, date.fromisoformat(value) if key == "export_date" else value) for key, value in meta]
            workbook = export_workbook(meta, _typed_for_excel(example.participants), None)
            paths.append(save_workbook_stable(workbook, target / f"{example.name}.xlsx"))
        else:
            frames = {"meta": example.meta, "participants": example.participants}
            if example.spells is not None:
                frames["spells"] = example.spells
            paths.append(_write_csv_folder(frames, target / example.name, "utf-8", ","))
        if example.level == "export":
            counts = f"{example.rows_read} | 0 | 0 (rejected whole)"
        else:
            quarantined = example.rows_quarantined
            counts = f"{example.rows_read} | {example.rows_read - quarantined} | {quarantined}"
        suffix = ".xlsx" if example.form == "xlsx" else "/"
        rows.append(f"| `{example.name}{suffix}` | {example.problem} | {example.level} | {counts} |")
    meta, participants, spells = _broken_base()
    (target / "README.md").write_text(
        _BROKEN_README.format(partnership=_BROKEN_PARTNERSHIP, export_date=_BROKEN_EXPORT_DATE,
                              n_participants=len(participants), n_spells=len(spells), rows="\n".join(rows)),
        encoding="utf-8",
    )
    return paths


def _typed_for_excel(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells of the broken base as Excel would hold them: real dates, numbers."""
    typed = frame.astype(object).copy()
    converters: dict[str, Callable[[str], object]] = {column: date.fromisoformat for column in _PARTICIPANT_DATES}
    converters["birth_year"] = int
    converters["programme_cost_dkk"] = float
    for column, convert in converters.items():
        if column in typed:
            typed[column] = typed[column].map(lambda text, convert=convert: convert(text) if text else None)
    return typed
