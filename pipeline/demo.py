"""Synthetic demo exports and deliberately broken example exports.

Why: the pipeline, its reports and its tests need realistic input without any real
youth's data. The demo reproduces the published pilot (140 youths, 5 STU places, about
35 home municipalities; twelve months after STU 113 in a job, 4 in education, 16 still
in the course, 7 on public support = 81/3/11/5 %) from a fixed seed, so every figure
built on it is stable. The broken examples each show one kind of input error, for the
validator's tests and for users learning the format.

Everything is built by pure functions returning frames; `write_demo_exports` and
`write_broken_examples` are the only functions that touch the file system.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from pipeline import readers
from pipeline.reference import load_reference
from pipeline.template import PARTICIPANT_COLUMNS, SPELL_COLUMNS, save_workbook_stable

SEED = 20_190_801
NEWEST_EXPORT_DATE = date(2024, 9, 30)
OLDER_EXPORT_DATE = date(2024, 3, 31)

ExportForm = Literal["xlsx", "csv"]


@dataclass(frozen=True)
class PartnershipPlan:
    """How one partnership's synthetic youths and exports look."""

    partnership_id: str
    id_prefix: str
    n_youths: int
    own_codes: tuple[str, ...]  # the partnership's own municipality codes
    neighbour_codes: tuple[str, ...]  # nearby municipalities that also send youths
    export_dates: tuple[date, ...]
    form: ExportForm


# 140 youths; the municipality lists together hold 35 distinct codes.
PLANS: tuple[PartnershipPlan, ...] = (
    PartnershipPlan("pmu-morsoe", "PMU", 26, ("773",), ("787", "779", "661", "671", "820", "849"),
                    (OLDER_EXPORT_DATE, NEWEST_EXPORT_DATE), "xlsx"),
    PartnershipPlan("ev-ringkoebing-skjern", "EVR", 27, ("760",), ("657", "665", "573", "756", "561", "661"),
                    (OLDER_EXPORT_DATE, NEWEST_EXPORT_DATE), "xlsx"),
    PartnershipPlan("castberggaard-hedensted", "CAS", 30, ("766",),
                    ("615", "630", "746", "607", "751", "740", "101", "461"), (NEWEST_EXPORT_DATE,), "csv"),
    PartnershipPlan("aspit-aabenraa-soenderborg", "ASP", 29, ("580", "540"), ("510", "550", "621", "575"),
                    (NEWEST_EXPORT_DATE,), "xlsx"),
    PartnershipPlan("mou-hotel-aalborg", "MOU", 28, ("851",), ("840", "849", "846", "810", "813", "860", "820", "730"),
                    (OLDER_EXPORT_DATE, NEWEST_EXPORT_DATE), "xlsx"),
)

# The situation twelve months after STU that each youth is built to be in (newest export):
# 'course' = observable but the course spell still covers the reference date; 'recent' =
# STU ended so late that the reference date is after the export date; 'in_stu' = STU not
# finished. All three count as "still in the course" (in_programme).
OUTCOME_TARGETS: dict[str, int] = {
    "job": 113,
    "education": 4,
    "course": 6,
    "recent": 6,
    "in_stu": 4,
    "public_support": 7,
}

JOB_STATUSES = ("ordinary_job", "flexjob", "pension_wage_subsidy", "protected_employment")
_JOB_WEIGHTS = (0.45, 0.30, 0.13, 0.12)
_HOURS = {"ordinary_job": (15, 37), "flexjob": (10, 25), "pension_wage_subsidy": (10, 30),
          "protected_employment": (8, 30)}
_SUPPORT_STATUSES = ("cash_benefit", "resource_programme", "sickness_benefit", "disability_pension")
_SUPPORT_WEIGHTS = (0.5, 0.25, 0.15, 0.10)
_COHORT_YEARS = (2020, 2021, 2022, 2023)
_COHORT_WEIGHTS = (0.20, 0.27, 0.28, 0.25)

# Danish column names of the CSV export: the aliases the readers accept.
DANISH_PARTICIPANT_COLUMNS = readers.PARTICIPANT_COLUMNS
DANISH_SPELL_COLUMNS = readers.SPELL_COLUMNS
_PARTICIPANT_DATES = ("stu_start_date", "stu_end_date", "phase1_start", "phase2_start", "phase3_start",
                      "phase4_start")
_SPELL_DATES = ("start_date", "end_date")


def add_months(day: date, months: int) -> date:
    """Calendar month arithmetic clamped to the month's end, as DuckDB's date + INTERVAL n MONTH."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass
class Spell:
    status: str
    start: date
    end: date | None
    hours: float | None = None
    employer: str | None = None


@dataclass
class Youth:
    municipality_code: str
    birth_year: int | None
    sex: str | None
    stu_start: date
    stu_end: date | None
    phases: list[date | None]
    programme_cost: float | None
    spells: list[Spell] = field(default_factory=list)


def _days(rng: np.random.Generator, low: int, high: int) -> timedelta:
    """A random whole number of days in [low, high]."""
    return timedelta(days=int(rng.integers(low, high + 1)))


class _History:
    """Builds one youth's spells in time order, never past the horizon (the newest export date)."""

    def __init__(self, rng: np.random.Generator, employer_prefix: str, horizon: date) -> None:
        self.rng = rng
        self.employer_prefix = employer_prefix
        self.horizon = horizon
        self.spells: list[Spell] = []
        self._last_employer: str | None = None

    def add(self, status: str, start: date, end: date | None) -> Spell | None:
        """Append a spell; one ending on or after the horizon is ongoing, one starting after it is not kept."""
        if start > self.horizon:
            return None
        if self.spells:
            previous_end = self.spells[-1].end
            assert previous_end is not None and start > previous_end, "spells must not overlap"
        if end is not None and end >= self.horizon:
            end = None
        spell = Spell(status, start, end)
        if status in JOB_STATUSES:
            low, high = _HOURS[status]
            hours = float(self.rng.integers(low, high + 1))
            spell.hours = hours + 0.5 if hours < high and self.rng.random() < 0.15 else hours
            spell.employer = self._new_employer()
        self.spells.append(spell)
        return spell

    def _new_employer(self) -> str:
        while True:
            employer = f"{self.employer_prefix}-V{int(self.rng.integers(1, 46)):03d}"
            if employer != self._last_employer:
                self._last_employer = employer
                return employer

    def job_status(self, previous: str | None = None) -> str:
        if previous in JOB_STATUSES and self.rng.random() < 0.6:
            return previous
        return str(self.rng.choice(JOB_STATUSES, p=_JOB_WEIGHTS))

    def support_status(self, previous: str | None, allow_pension: bool) -> str:
        if previous == "flexjob":
            return "flexjob_unemployment"  # ledighedsydelse: between flexjobs
        weights = np.array(_SUPPORT_WEIGHTS if allow_pension else _SUPPORT_WEIGHTS[:-1] + (0.0,))
        return str(self.rng.choice(_SUPPORT_STATUSES, p=weights / weights.sum()))

    def continue_from(self, start: date) -> None:
        """Random but plausible moves after the last spell until the horizon."""
        rng = self.rng
        while True:
            previous = self.spells[-1].status
            draw = rng.random()
            if previous in JOB_STATUSES and draw < 0.5:
                status = self.job_status(previous)  # job-to-job move: the next day, another employer
            elif previous in JOB_STATUSES and draw < 0.8:
                status = self.support_status(previous, allow_pension=False)  # job lost
            elif previous in JOB_STATUSES:
                status, start = self.job_status(previous), start + _days(rng, 14, 75)  # gap, then a new job
            elif previous == "in_programme" and draw < 0.15:
                status = self.support_status(None, allow_pension=False)
            else:
                status, start = self.job_status(), start + _days(rng, 0, 30)
            length = (60, 900) if status in JOB_STATUSES else (30, 300)
            spell = self.add(status, start, start + _days(rng, *length) - timedelta(days=1))
            if spell is None or spell.end is None:
                return
            start = spell.end + timedelta(days=1)


def _reference_spell(history: _History, target: str, free: date, reference_day: date) -> tuple[str, date]:
    """Spells between the course and the reference date; returns the status and start of the spell covering it."""
    rng = history.rng
    room = (reference_day - free).days  # days free before the reference date
    pattern = "direct"
    if target == "job":
        pattern = str(rng.choice(["direct", "late_start", "move", "lost_regained", "via_education"],
                                 p=[0.45, 0.1, 0.22, 0.16, 0.07]))
    elif target in ("education", "public_support"):
        pattern = str(rng.choice(["direct", "after_job"], p=[0.4, 0.6]))
    if pattern in ("move", "after_job") and room >= 60:
        job = history.add(history.job_status(), free, free + _days(rng, 30, room - 1) - timedelta(days=1))
        free, previous = job.end + timedelta(days=1), job.status
    elif pattern == "lost_regained" and room >= 90:
        job = history.add(history.job_status(), free, free + _days(rng, 30, room - 46) - timedelta(days=1))
        pause_start = job.end + timedelta(days=1)
        pause_end = pause_start + _days(rng, 14, (reference_day - pause_start).days - 1) - timedelta(days=1)
        if rng.random() < 0.5:
            history.add(history.support_status(job.status, allow_pension=False), pause_start, pause_end)
        free, previous = pause_end + timedelta(days=1), job.status
    elif pattern == "via_education" and room >= 90:
        course = history.add("education", free, free + _days(rng, 60, room - 1) - timedelta(days=1))
        free, previous = course.end + timedelta(days=1), "education"
    elif pattern == "late_start" and room >= 10:
        free, previous = free + _days(rng, 7, min(45, room)), "in_programme"
    else:
        previous = "in_programme"
    if target == "job":
        return history.job_status(previous), free
    if target == "education":
        return "education", free
    return history.support_status(previous, allow_pension=True), free


def _spells(rng: np.random.Generator, employer_prefix: str, target: str, stu_end: date | None) -> list[Spell]:
    """One youth's history from STU end to the newest export date, in the situation `target` at 12 months."""
    history = _History(rng, employer_prefix, NEWEST_EXPORT_DATE)
    if stu_end is None:
        return []
    reference_day = add_months(stu_end, 12)
    course_start = stu_end + timedelta(days=1)
    if target in ("course", "recent"):
        low, high = (380, 560) if target == "course" else (60, 320)
        course_end = stu_end + _days(rng, low, high)
        history.add("in_programme", course_start, course_end)
        history.continue_from(course_end + timedelta(days=1))
        return history.spells
    course_end = stu_end + _days(rng, 45, 240)
    history.add("in_programme", course_start, course_end)
    status, start = _reference_spell(history, target, course_end + timedelta(days=1), reference_day)
    assert start <= reference_day
    if status == "disability_pension" or rng.random() < 0.45:
        end = None
    else:
        end = reference_day + _days(rng, 1, 900 if status in JOB_STATUSES else 400)
    spell = history.add(status, start, end)
    if spell.end is not None:
        history.continue_from(spell.end + timedelta(days=1))
    return history.spells


def _stu_end(rng: np.random.Generator, target: str) -> date | None:
    if target == "in_stu":
        return None
    if target == "recent":  # the reference date falls after the newest export date
        return date(2023, int(rng.integers(10, 13)), int(rng.integers(1, 21)))
    year = int(rng.choice(_COHORT_YEARS, p=_COHORT_WEIGHTS))
    if rng.random() < 0.75:  # most STU courses end at the summer holidays
        return date(year, 6, int(rng.integers(17, 29)))
    return date(year, int(rng.integers(1, 10)), int(rng.integers(1, 29)))


def _youth(rng: np.random.Generator, employer_prefix: str, target: str, municipality_code: str) -> Youth:
    stu_end = _stu_end(rng, target)
    if stu_end is None:  # in the 3rd STU year now: only phase 1 reached
        stu_start = date(2022, 8, int(rng.integers(8, 20)))
        phases: list[date | None] = [date(2024, 8, int(rng.integers(12, 31))), None, None, None]
    else:
        stu_start = stu_end - _days(rng, 1040, 1110)
        phase1 = stu_end - _days(rng, 270, 330)
        phase2 = phase1 + _days(rng, 60, 150)
        phase3 = min(phase2 + _days(rng, 45, 120), stu_end)
        phases = [phase1, phase2, phase3, None]
    spells = _spells(rng, employer_prefix, target, stu_end)
    first_job = next((spell.start for spell in spells if spell.status in JOB_STATUSES), None)
    if first_job is not None and rng.random() < 0.9:
        phases[3] = min(first_job + _days(rng, 0, 60), NEWEST_EXPORT_DATE)
    sex_draw = rng.random()
    return Youth(
        municipality_code=municipality_code,
        birth_year=stu_start.year - int(rng.integers(16, 21)) if rng.random() < 0.94 else None,
        sex="M" if sex_draw < 0.58 else ("F" if sex_draw < 0.96 else None),
        stu_start=stu_start,
        stu_end=stu_end,
        phases=phases,
        programme_cost=round(float(rng.uniform(50_000, 80_000)), 2) if rng.random() < 0.6 else None,
        spells=spells,
    )


def _municipalities(rng: np.random.Generator, plan: PartnershipPlan) -> list[str]:
    """Mostly the partnership's own municipality, every neighbour at least once."""
    codes = list(plan.neighbour_codes)
    while len(codes) < plan.n_youths:
        pool = plan.own_codes if rng.random() < 0.65 else plan.neighbour_codes
        codes.append(str(rng.choice(pool)))
    return [str(code) for code in rng.permutation(codes)]


def build_cohort(seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All synthetic youths and spells as of the newest export date (English columns, status codes)."""
    rng = np.random.default_rng(seed)
    targets = [target for target, count in OUTCOME_TARGETS.items() for _ in range(count)]
    targets = [str(target) for target in rng.permutation(targets)]
    participant_rows: list[dict[str, object]] = []
    spell_rows: list[dict[str, object]] = []
    offset = 0
    for plan in PLANS:
        plan_targets = targets[offset: offset + plan.n_youths]
        offset += plan.n_youths
        codes = _municipalities(rng, plan)
        youths = [_youth(rng, plan.id_prefix, target, code) for target, code in zip(plan_targets, codes, strict=True)]
        youths.sort(key=lambda youth: youth.stu_start)  # stable: ties keep generation order
        for number, youth in enumerate(youths, start=1):
            participant_id = f"{plan.id_prefix}-{number:04d}"
            participant_rows.append({
                "partnership_id": plan.partnership_id,
                "participant_id": participant_id,
                "municipality_code": youth.municipality_code,
                "birth_year": youth.birth_year,
                "sex": youth.sex,
                "stu_start_date": youth.stu_start,
                "stu_end_date": youth.stu_end,
                "phase1_start": youth.phases[0],
                "phase2_start": youth.phases[1],
                "phase3_start": youth.phases[2],
                "phase4_start": youth.phases[3],
                "programme_cost_dkk": youth.programme_cost,
            })
            for spell in youth.spells:
                spell_rows.append({
                    "partnership_id": plan.partnership_id,
                    "participant_id": participant_id,
                    "status": spell.status,
                    "start_date": spell.start,
                    "end_date": spell.end,
                    "hours_per_week": spell.hours,
                    "employer_id": spell.employer,
                })
    assert offset == sum(OUTCOME_TARGETS.values())
    participants = pd.DataFrame(participant_rows)
    participants["birth_year"] = participants["birth_year"].astype("Int64")
    participants["programme_cost_dkk"] = participants["programme_cost_dkk"].astype("float64")
    spells = pd.DataFrame(spell_rows)
    spells["hours_per_week"] = spells["hours_per_week"].astype("float64")
    return participants, spells


def _observed(day: object, export_date: date) -> object:
    """A date as the export of `export_date` records it: later dates are not yet known."""
    return day if isinstance(day, date) and day <= export_date else None


def snapshot(participants: pd.DataFrame, spells: pd.DataFrame, export_date: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The earlier export of the same histories: youths who had joined, spells ending later still ongoing."""
    joined = participants["phase1_start"].where(participants["phase1_start"].notna(), participants["stu_start_date"])
    kept = participants[joined.map(lambda day: day <= export_date)].copy()
    for column in _PARTICIPANT_DATES:
        kept[column] = kept[column].map(lambda day: _observed(day, export_date)).astype(object)
    kept_spells = spells[spells["participant_id"].isin(kept["participant_id"])]
    kept_spells = kept_spells[kept_spells["start_date"].map(lambda day: day <= export_date)].copy()
    # As in the newest export: a spell still running on the export date has no end date yet.
    kept_spells["end_date"] = kept_spells["end_date"].map(
        lambda day: day if isinstance(day, date) and day < export_date else None
    ).astype(object)
    return kept.reset_index(drop=True), kept_spells.reset_index(drop=True)


@dataclass(frozen=True)
class DemoExport:
    """One synthetic export: what a partnership sends on one date."""

    partnership_id: str
    export_date: date
    form: ExportForm
    participants: pd.DataFrame  # PARTICIPANT_COLUMNS
    spells: pd.DataFrame  # SPELL_COLUMNS

    @property
    def name(self) -> str:
        return f"{self.partnership_id}_{self.export_date.isoformat()}"

    @property
    def meta(self) -> list[tuple[str, object]]:
        return [("partnership_id", self.partnership_id), ("export_date", self.export_date), ("synthetic", "ja")]


def demo_exports(seed: int = SEED) -> list[DemoExport]:
    """Every demo export, oldest first within each partnership."""
    participants, spells = build_cohort(seed)
    exports = []
    for plan in PLANS:
        own = participants[participants["partnership_id"] == plan.partnership_id]
        own_spells = spells[spells["partnership_id"] == plan.partnership_id]
        for export_date in plan.export_dates:
            kept, kept_spells = snapshot(own, own_spells, export_date)
            exports.append(DemoExport(plan.partnership_id, export_date, plan.form,
                                      kept[list(PARTICIPANT_COLUMNS)], kept_spells[list(SPELL_COLUMNS)]))
    return exports


def _danish_number(value: object) -> str:
    """A number as Danish Excel writes it to CSV: decimal comma, no thousands separator."""
    if value is None or pd.isna(value):
        return ""
    text = f"{float(value):.2f}".replace(".", ",")
    return text.rstrip("0").rstrip(",")


def _danish_date(value: object) -> str:
    return value.strftime("%d-%m-%Y") if isinstance(value, date) else ""


def danish_status_labels() -> dict[str, str]:
    """Status code → the Danish label a user types (the first accepted alias, capitalised)."""
    statuses = load_reference().statuses
    labels = {}
    for code, aliases in zip(statuses["status"], statuses["aliases_da"], strict=True):
        first = aliases.split("|")[0].strip()
        labels[code] = first[:1].upper() + first[1:]
    return labels


def danish_csv_frames(export: DemoExport) -> dict[str, pd.DataFrame]:
    """The export as text frames the way a Danish Excel user saves it: Danish names, labels and dates."""
    meta = pd.DataFrame(
        [(key, _danish_date(value) if isinstance(value, date) else str(value)) for key, value in export.meta],
        columns=["nøgle", "værdi"],
    )
    participants = pd.DataFrame({
        "deltager_id": export.participants["participant_id"],
        "kommunekode": export.participants["municipality_code"],
        "fødselsår": export.participants["birth_year"].map(lambda year: "" if pd.isna(year) else str(int(year))),
        "køn": export.participants["sex"].map({"F": "K", "M": "M"}).fillna(""),
        **{DANISH_PARTICIPANT_COLUMNS[column]: export.participants[column].map(_danish_date)
           for column in _PARTICIPANT_DATES},
        "forløbsudgift_kr": export.participants["programme_cost_dkk"].map(_danish_number),
    })
    labels = danish_status_labels()
    spells = pd.DataFrame({
        "deltager_id": export.spells["participant_id"],
        "status": export.spells["status"].map(labels),
        "start": export.spells["start_date"].map(_danish_date),
        "slut": export.spells["end_date"].map(_danish_date),
        "timer_pr_uge": export.spells["hours_per_week"].map(_danish_number),
        "arbejdsgiver_id": export.spells["employer_id"].fillna(""),
    })
    return {"meta": meta, "participants": participants, "spells": spells}


def _cell(value: object) -> object:
    """A frame value as an Excel cell value: missing → empty, whole numbers as integers."""
    if value is None or (not isinstance(value, str | date) and pd.isna(value)):
        return None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return int(value) if float(value).is_integer() else float(value)
    if isinstance(value, str) and value.isdigit() and len(value) <= 4:
        return int(value)  # municipality codes typed in Excel are numbers
    return value


def _fill_sheet(sheet: Worksheet, columns: list[str], rows: list[list[object]]) -> None:
    sheet.append(columns)
    for row in rows:
        sheet.append([_cell(value) for value in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, date):
                cell.number_format = "DD-MM-YYYY"
    sheet.freeze_panes = "A2"


def export_workbook(
    meta: list[tuple[str, object]], participants: pd.DataFrame | None, spells: pd.DataFrame | None
) -> Workbook:
    """An export workbook with sheets meta, participants and spells (a sheet given as None is left out)."""
    workbook = Workbook()
    meta_sheet = workbook.active
    meta_sheet.title = "meta"
    _fill_sheet(meta_sheet, ["key", "value"], [list(pair) for pair in meta])
    for name, frame in (("participants", participants), ("spells", spells)):
        if frame is not None:
            _fill_sheet(workbook.create_sheet(name), list(frame.columns), frame.astype(object).values.tolist())
    workbook.properties.creator = "joballiance-outcomes demo"
    return workbook


def _write_csv_folder(frames: dict[str, pd.DataFrame], folder: Path, encoding: str, sep: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    line_end = "\r\n" if encoding == "cp1252" else "\n"
    for name, frame in frames.items():
        frame.to_csv(folder / f"{name}.csv", sep=sep, index=False, encoding=encoding, lineterminator=line_end)
    return folder


_DEMO_README = """# Syntetiske demodata / synthetic demo data

**Alle data i denne mappe er syntetiske.** De er dannet af `pipeline/demo.py`
(`joballiance demo-data PATH`) fra et fast seed og beskriver ingen virkelige personer.
Hver eksport har meta-nøglen `synthetic` = `ja`.

**All data in this folder are synthetic.** They are generated by `pipeline/demo.py`
(`joballiance demo-data PATH`) from a fixed seed and describe no real person. Every
export carries the meta key `synthetic` = `ja`.

The data are calibrated to the published pilot of Model Joballiancen: 140 youths in 5
partnerships from 35 home municipalities; twelve months after STU (CONTRACT §4.1, newest
export of each partnership) 113 are in a job, 4 in education, 16 still in the course and
7 on public support (81/3/11/5 %).

| export | form |
|---|---|
{rows}

Three partnerships have two exports (31-03-2024 and 30-09-2024) so the trend has two
points; the older one is an earlier snapshot of the same histories. The CSV folder is
saved the way a Danish Excel user saves it: `;`, Windows-1252, DD-MM-YYYY dates, Danish
column names and status labels, decimal comma.
"""


def write_demo_exports(target: Path) -> list[Path]:
    """Write every demo export (xlsx files and one Danish CSV folder) and a README into `target`."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for export in demo_exports():
        if export.form == "csv":
            paths.append(_write_csv_folder(danish_csv_frames(export), target / export.name, "cp1252", ";"))
        else:
            workbook = export_workbook(export.meta, export.participants, export.spells)
            paths.append(save_workbook_stable(workbook, target / f"{export.name}.xlsx"))
    rows = "\n".join(
        f"| `{path.name}{'/' if path.is_dir() else ''}` | {'CSV folder' if path.is_dir() else 'Excel workbook'} |"
        for path in paths
    )
    (target / "README.md").write_text(_DEMO_README.format(rows=rows), encoding="utf-8")
    return paths


# --- broken examples -------------------------------------------------------------------

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

What bad input gets (CONTRACT §1): an **export-level** error rejects the whole export and
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
