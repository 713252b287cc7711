"""A deterministic, synthetic comparison extract for the demo, in both file forms.

About 3,000 STU completers of 2019–2023 from the demo programme's regions who were not
in the programme, calibrated to the published national picture: 12–15 % in a job or
education a year after STU, about 40 % granted a disability pension, about 25 % in a job
or education four years after STU (HBS Economics 2020/2024, Ligeværd 2019; see
params/default.toml's [baseline] sources). Its covariate mix differs from the
programme's on purpose (more women, younger, more from Region Syddanmark), and the chance
of a job depends on sex and age, so the unweighted and the weighted counterfactual differ.

The youths' histories are made week by week; the register form (weekly.csv) writes the
benefit code of each week, the export form (spells.csv) the spells those weeks make, so
the two forms are the same extract.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.comparison.register import SPELL_COLUMNS, runs_to_spells
from pipeline.reference import load_reference

SEED = 20_190_620
N_YOUTHS = 3000
EXPORT_DATE = dt.date(2024, 9, 30)
LAST_WEEK_MONDAY = dt.date(2024, 9, 23)  # 2024-W39: the last full week before the export date
SOURCE = "Syntetisk demo-udtræk (DREAM-lignende registerudtræk), ikke rigtige personer"
STATUSES = ("ordinary_job", "flexjob", "pension_wage_subsidy", "protected_employment", "education",
            "cash_benefit", "resource_programme", "flexjob_unemployment", "disability_pension", "sickness_benefit")
CODE_OF = {"ordinary_job": "E", "flexjob": "761", "pension_wage_subsidy": "S", "protected_employment": "B",
           "education": "651", "cash_benefit": "701", "resource_programme": "741",
           "flexjob_unemployment": "762", "disability_pension": "783", "sickness_benefit": "890"}
REGION_WEIGHTS = {"Region Nordjylland": 0.20, "Region Midtjylland": 0.28, "Region Syddanmark": 0.44,
                  "Region Hovedstaden": 0.08}
AGES = np.arange(18, 25)
AGE_WEIGHTS = np.array([0.12, 0.25, 0.25, 0.17, 0.11, 0.06, 0.04])
P_MALE = 0.45
JE_TYPES = ("education", "ordinary_job", "flexjob", "pension_wage_subsidy", "protected_employment")
JE_WEIGHTS = (0.34, 0.26, 0.30, 0.05, 0.05)
META_ROWS = (("group", "comparison"), ("source", SOURCE), ("export_date", EXPORT_DATE.isoformat()),
             ("synthetic", "ja"))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _mondays(first: dt.date, last: dt.date) -> np.ndarray:
    return np.arange(np.datetime64(first), np.datetime64(last) + 1, 7)


def comparison_youths(
    n: int = N_YOUTHS, seed: int = SEED, cohorts: tuple[int, int] = (2019, 2023)
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Participants (text-ready frame), the (n, W) status-id matrix (index into STATUSES, −1 = no
    benefit) and the W Mondays of the week columns. `cohorts`: the first and last year of STU end."""
    rng = np.random.default_rng(seed)
    municipalities = load_reference().municipalities
    regions = rng.choice(list(REGION_WEIGHTS), size=n, p=list(REGION_WEIGHTS.values()))
    codes = np.empty(n, dtype=object)
    for region in REGION_WEIGHTS:  # a loop over four regions
        inside = regions == region
        pool = municipalities.loc[municipalities["region"] == region, "municipality_code"].to_numpy()
        codes[inside] = rng.choice(pool, size=int(inside.sum()))
    male = rng.random(n) < P_MALE
    age = rng.choice(AGES, size=n, p=AGE_WEIGHTS)
    cohort = rng.integers(cohorts[0], cohorts[1] + 1, size=n)
    june = rng.random(n) < 0.8
    day_in_june = rng.integers(18, 31, size=n)
    day_of_year = rng.integers(0, 365, size=n)
    end = np.where(june, (cohort - 1970).astype("datetime64[Y]").astype("datetime64[D]") + 150 + day_in_june,
                   (cohort - 1970).astype("datetime64[Y]").astype("datetime64[D]") + day_of_year)
    end = np.minimum(end, np.datetime64("2023-12-31"))
    start = (cohort - 3 - 1970).astype("datetime64[Y]").astype("datetime64[D]") + 212 + rng.integers(0, 20, size=n)

    # job potential: men and the young get on more often; Region Nordjylland slightly more
    potential = 0.9 * (male - 0.5) - 0.3 * (age - 20) + 0.2 * (regions == "Region Nordjylland")
    ever_je = rng.random(n) < _sigmoid(0.05 + potential)
    ever_dp = rng.random(n) < _sigmoid(np.log(0.42 / 0.58) - 0.5 * potential)
    ever_je &= ~ever_dp | (rng.random(n) < 0.08)  # a few work before their pension is granted
    t_je = rng.exponential(1 / 0.013, size=n)
    t_dp = np.where(rng.random(n) < 0.55, rng.uniform(0, 52, n), rng.uniform(52, 170, n))
    t_loss = t_je + np.where(rng.random(n) < 0.2, rng.uniform(20, 150, n), np.inf)
    gap = np.where(rng.random(n) < 0.1, rng.integers(2, 20, size=n), 0)
    je_type = rng.choice(len(JE_TYPES), size=n, p=JE_WEIGHTS)
    support = rng.choice(4, size=n, p=(0.52, 0.36, 0.06, 0.06))
    support_status = np.array([STATUSES.index(s) for s in
                               ("cash_benefit", "resource_programme", "sickness_benefit", "flexjob_unemployment")])

    since_monday = (end - np.datetime64("1970-01-05")).astype(np.int64) % 7
    first_monday = end + (7 - since_monday).astype("timedelta64[D]")  # the Monday after STU end
    mondays = _mondays(dt.date.fromisoformat(str(first_monday.min())), LAST_WEEK_MONDAY)
    week = ((mondays[None, :] - first_monday[:, None]) // 7).astype(np.int64)  # weeks since STU end (−: before)
    status = np.full(week.shape, -1, dtype=np.int64)
    after = week >= 0
    status[after] = np.broadcast_to(support_status[support][:, None], week.shape)[after]
    je_index = np.array([STATUSES.index(s) for s in JE_TYPES])[je_type]
    working = ever_je[:, None] & (week >= t_je[:, None]) & (week < t_loss[:, None])
    status = np.where(working & after, je_index[:, None], status)
    lost = ever_je[:, None] & (week >= t_loss[:, None])
    status = np.where(lost & after, STATUSES.index("cash_benefit"), status)
    pension = ever_dp[:, None] & (week >= t_dp[:, None])
    status = np.where(pension & after, STATUSES.index("disability_pension"), status)
    status = np.where(after & (week < gap[:, None]), -1, status)

    participants = pd.DataFrame({
        "participant_id": [f"SAM-{i:05d}" for i in range(1, n + 1)],
        "municipality_code": codes.astype(str),
        "birth_year": (cohort - age).astype(str),
        "sex": np.where(male, "M", "F"),
        "stu_start_date": np.datetime_as_string(start, unit="D"),
        "stu_end_date": np.datetime_as_string(end, unit="D"),
    })
    return participants, status, mondays


def _iso_week(monday: np.datetime64) -> str:
    year, week, _ = dt.date.fromisoformat(str(monday)).isocalendar()
    return f"{year}-W{week:02d}"


def register_frames(participants: pd.DataFrame, status: np.ndarray, mondays: np.ndarray) -> pd.DataFrame:
    """weekly.csv: the person columns, then one column per ISO week holding the benefit code."""
    code = np.array([CODE_OF[s] for s in STATUSES] + [""], dtype=object)
    weeks = pd.DataFrame(code[status], columns=[_iso_week(m) for m in mondays])  # −1 → '' (last entry)
    person = participants[["participant_id", "municipality_code", "birth_year", "sex", "stu_end_date",
                           "stu_start_date"]]
    return pd.concat([person.reset_index(drop=True), weeks], axis=1)


def export_spells(participants: pd.DataFrame, status: np.ndarray, mondays: np.ndarray) -> pd.DataFrame:
    """spells.csv: the spells the weekly codes make (the same runs the register reader finds)."""
    days = [dt.date.fromisoformat(str(m)) for m in mondays]
    spells = runs_to_spells(participants["participant_id"].to_numpy(dtype=object), status, list(STATUSES), days)
    return spells[list(SPELL_COLUMNS)]


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def write_comparison_demo(export_folder: Path, register_folder: Path | None) -> list[Path]:
    """Write the export form (meta/participants/spells.csv) and, unless None, the register form
    (meta/weekly.csv) of the same extract."""
    participants, status, mondays = comparison_youths()
    meta = pd.DataFrame(META_ROWS, columns=["key", "value"])
    export_folder.mkdir(parents=True, exist_ok=True)
    _write_csv(meta, export_folder / "meta.csv")
    _write_csv(participants, export_folder / "participants.csv")
    _write_csv(export_spells(participants, status, mondays), export_folder / "spells.csv")
    if register_folder is None:
        return [export_folder]
    register_folder.mkdir(parents=True, exist_ok=True)
    _write_csv(meta, register_folder / "meta.csv")
    _write_csv(register_frames(participants, status, mondays), register_folder / "weekly.csv")
    return [export_folder, register_folder]
