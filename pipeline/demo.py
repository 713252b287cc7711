"""Synthetic demo exports and deliberately broken example exports.

Why: the pipeline, its reports and its tests need realistic input without any real
youth's data. The demo reproduces the published pilot (140 youths, 5 STU places, about
35 home municipalities; twelve months after STU 113 in a job, 4 in education, 16 still
in the course, 7 on public support = 81/3/11/5 %) from a fixed seed, so every figure
built on it is stable. The files are written by pipeline/demo_files.py, the
broken examples (one kind of input error each) by pipeline/demo_broken.py.

Everything here is built by pure functions returning frames.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

import numpy as np
import pandas as pd

from pipeline import readers
from pipeline.template import PARTICIPANT_COLUMNS, SPELL_COLUMNS

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
