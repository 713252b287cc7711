"""A scaled-up synthetic cohort, vectorised with numpy, written as CSV export folders.

The youths are split across the five partnerships of data/reference/partnerships.csv,
one export folder per partnership, the way an STU place sends them. Two partnerships
write what Danish Excel writes (';', Windows-1252, day-first dates, Danish column names
and status labels, decimal comma); the others write English UTF-8 with ','.
Every row is valid, so rows read = rows loaded. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline import config

EXPORT_DATE = dt.date(2024, 9, 30)
EPOCH = np.datetime64("1970-01-01", "D")
STATUSES = np.array([
    "ordinary_job", "flexjob", "pension_wage_subsidy", "protected_employment", "education", "in_programme",
    "cash_benefit", "resource_programme", "flexjob_unemployment", "disability_pension", "sickness_benefit", "other",
])
STATUS_WEIGHTS = np.array([0.22, 0.22, 0.08, 0.08, 0.06, 0.04, 0.08, 0.06, 0.04, 0.04, 0.04, 0.04])
DANISH_LABELS = np.array([
    "Ordinær ansættelse", "Fleksjob", "Skånejob", "Beskyttet beskæftigelse", "Uddannelse", "I forløb",
    "Kontanthjælp", "Ressourceforløb", "Ledighedsydelse", "Førtidspension", "Sygedagpenge", "Andet",
])
DANISH_PARTICIPANT_HEADER = {
    "participant_id": "deltager_id", "municipality_code": "kommunekode", "birth_year": "fødselsår", "sex": "køn",
    "stu_start_date": "stu_start", "stu_end_date": "stu_slut", "phase1_start": "fase1_start",
    "phase2_start": "fase2_start", "phase3_start": "fase3_start", "phase4_start": "fase4_start",
    "programme_cost_dkk": "forløbsudgift_kr",
}
DANISH_SPELL_HEADER = {
    "participant_id": "deltager_id", "status": "status", "start_date": "start", "end_date": "slut",
    "hours_per_week": "timer_pr_uge", "employer_id": "arbejdsgiver_id",
}
DANISH_PARTNERSHIPS = {"pmu-morsoe", "castberggaard-hedensted"}


def _days(day: dt.date) -> int:
    return (day - dt.date(1970, 1, 1)).days


def _iso(days: np.ndarray, missing: np.ndarray | None = None) -> np.ndarray:
    """Day numbers → 'YYYY-MM-DD' text ('' where missing)."""
    text = (EPOCH + days.astype("int64")).astype(str).astype(object)
    if missing is not None:
        text[missing] = ""
    return text


def _danish_dates(iso: np.ndarray) -> np.ndarray:
    """'YYYY-MM-DD' → 'DD-MM-YYYY' (empty stays empty)."""
    series = pd.Series(iso, dtype="string")
    return series.str.replace(r"^(\d{4})-(\d{2})-(\d{2})$", r"\3-\2-\1", regex=True).to_numpy(dtype=object)


def synthetic_cohort(n_youths: int, seed: int = 2024) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Participants and spells (English codes, ISO dates as text) with a partnership_id column."""
    rng = np.random.default_rng(seed)
    partnerships = pd.read_csv(config.REFERENCE_DIR / "partnerships.csv", dtype=str)
    municipalities = pd.read_csv(config.REFERENCE_DIR / "municipalities.csv", dtype=str)["municipality_code"].to_numpy()
    export_day = _days(EXPORT_DATE)

    which = rng.integers(0, len(partnerships), n_youths)
    home = np.array([codes.split()[0] for codes in partnerships["municipality_codes"]], dtype=object)
    municipality = np.where(rng.random(n_youths) < 0.7, home[which], rng.choice(municipalities, n_youths))
    stu_start = rng.integers(_days(dt.date(2014, 8, 1)), _days(dt.date(2023, 8, 1)), n_youths)
    stu_end = stu_start + rng.integers(900, 1200, n_youths)
    in_stu = stu_end > export_day
    birth_year = (EPOCH + stu_start).astype("datetime64[Y]").astype(int) + 1970 - rng.integers(16, 22, n_youths)
    phase1 = stu_start + rng.integers(400, 700, n_youths)
    phase2 = phase1 + rng.integers(20, 150, n_youths)
    phase3 = phase2 + rng.integers(20, 150, n_youths)
    phase4 = phase3 + rng.integers(20, 200, n_youths)
    ids = pd.Series(np.arange(n_youths)).map("Y{:07d}".format).to_numpy(dtype=object)
    cost = np.where(rng.random(n_youths) < 0.5, "", rng.integers(30_000, 120_000, n_youths).astype(str))
    participants = pd.DataFrame({
        "partnership_id": partnerships["partnership_id"].to_numpy()[which],
        "participant_id": ids,
        "municipality_code": municipality,
        "birth_year": birth_year.astype(str),
        "sex": rng.choice(np.array(["F", "M", ""], dtype=object), n_youths, p=[0.45, 0.5, 0.05]),
        "stu_start_date": _iso(stu_start),
        "stu_end_date": _iso(stu_end, in_stu),
        **{f"phase{k}_start": _iso(day, day > export_day) for k, day in
           enumerate((phase1, phase2, phase3, phase4), start=1)},
        "programme_cost_dkk": cost,
    })

    # After STU: 0-5 spells in a row with gaps of 1-120 days; the last may be ongoing.
    after = np.where(in_stu, 0, rng.integers(0, 6, n_youths))
    owner = np.repeat(np.arange(n_youths), after)
    first = np.repeat(np.cumsum(after) - after, after)
    position = np.arange(len(owner)) - first
    length = rng.integers(20, 900, len(owner))
    gap = rng.integers(1, 121, len(owner))
    step = length + gap
    offset = np.cumsum(step) - step
    start = stu_end[owner] + (offset - offset[first]) + gap
    end = start + length - 1
    last = position == after[owner] - 1
    ongoing = (last & (rng.random(len(owner)) < 0.4)) | (end > export_day)
    keep = start <= export_day
    status = rng.choice(len(STATUSES), len(owner), p=STATUS_WEIGHTS)
    job = status < 4
    hours = np.where(job, rng.integers(8, 38, len(owner)).astype(str), "")
    employer = np.where(job & (rng.random(len(owner)) < 0.8),
                        pd.Series(rng.integers(0, 50_000, len(owner))).map("E{:05d}".format).to_numpy(dtype=object),
                        "")
    after_stu = pd.DataFrame({
        "participant_id": ids[owner], "status_index": status, "start_date": _iso(start),
        "end_date": _iso(end, ongoing), "hours_per_week": hours, "employer_id": employer, "order": 1,
    })[keep]
    # During STU: one in_programme spell, ending with STU (ongoing while in STU).
    during = pd.DataFrame({
        "participant_id": ids, "status_index": 5, "start_date": _iso(stu_start), "end_date": _iso(stu_end, in_stu),
        "hours_per_week": "", "employer_id": "", "order": 0,
    })
    spells = pd.concat([during, after_stu], ignore_index=True)
    spells["partnership_id"] = participants["partnership_id"].to_numpy()[
        pd.Index(ids).get_indexer(spells["participant_id"])]
    spells["status"] = STATUSES[spells["status_index"].to_numpy()]
    spells["danish"] = DANISH_LABELS[spells["status_index"].to_numpy()]
    spells = spells.sort_values(["participant_id", "order", "start_date"], kind="stable").drop(columns="order")
    return participants, spells.reset_index(drop=True)


def write_exports(participants: pd.DataFrame, spells: pd.DataFrame, target: Path) -> list[Path]:
    """One CSV export folder per partnership under `target`."""
    target.mkdir(parents=True, exist_ok=True)
    folders = []
    for partnership_id, youths in participants.groupby("partnership_id", sort=True):
        folder = target / f"{partnership_id}_{EXPORT_DATE:%Y-%m-%d}"
        folder.mkdir(exist_ok=True)
        own = spells[spells["partnership_id"] == partnership_id]
        youths = youths.drop(columns="partnership_id")
        danish = partnership_id in DANISH_PARTNERSHIPS
        if danish:
            sep, encoding, line_end = ";", "cp1252", "\r\n"
            youths = youths.copy()
            for column in [c for c in youths.columns if c.endswith(("_date", "_start"))]:
                youths[column] = _danish_dates(youths[column].to_numpy())
            youths = youths.rename(columns=DANISH_PARTICIPANT_HEADER)
            table = pd.DataFrame({
                "deltager_id": own["participant_id"], "status": own["danish"],
                "start": _danish_dates(own["start_date"].to_numpy()),
                "slut": _danish_dates(own["end_date"].to_numpy()),
                "timer_pr_uge": own["hours_per_week"].str.replace(".", ",", regex=False),
                "arbejdsgiver_id": own["employer_id"],
            })
            meta = pd.DataFrame({"nøgle": ["partnership_id", "export_date"],
                                 "værdi": [partnership_id, f"{EXPORT_DATE:%d-%m-%Y}"]})
        else:
            sep, encoding, line_end = ",", "utf-8", "\n"
            table = own[["participant_id", "status", "start_date", "end_date", "hours_per_week", "employer_id"]]
            meta = pd.DataFrame({"key": ["partnership_id", "export_date"],
                                 "value": [partnership_id, EXPORT_DATE.isoformat()]})
        for name, frame in (("meta", meta), ("participants", youths), ("spells", table)):
            frame.to_csv(folder / f"{name}.csv", sep=sep, index=False, encoding=encoding, lineterminator=line_end)
        folders.append(folder)
    return folders
