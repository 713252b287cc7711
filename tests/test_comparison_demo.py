"""The synthetic demo comparison extract: deterministic, committed as generated, synthetic, and
different from the programme's covariate mix."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pandas as pd

from pipeline import config, privacy
from pipeline.comparison.demo import write_comparison_demo
from pipeline.demo import build_cohort

COMMITTED_EXPORT = config.DEMO_DIR / "comparison"
COMMITTED_REGISTER = config.EXAMPLES_DIR / "comparison-register"


def test_the_committed_forms_are_what_the_generator_writes(tmp_path: Path) -> None:
    write_comparison_demo(tmp_path / "export", tmp_path / "register")
    for folder, committed in ((tmp_path / "export", COMMITTED_EXPORT), (tmp_path / "register", COMMITTED_REGISTER)):
        names = sorted(p.name for p in folder.iterdir())
        assert names == sorted(p.name for p in committed.iterdir())
        match, mismatch, errors = filecmp.cmpfiles(folder, committed, names, shallow=False)
        assert mismatch == [] and errors == []


def test_the_extract_is_marked_synthetic_and_holds_no_cpr_numbers() -> None:
    meta = dict(pd.read_csv(COMMITTED_EXPORT / "meta.csv", dtype=str).itertuples(index=False))
    assert meta["group"] == "comparison" and meta["synthetic"] == "ja" and meta["source"]
    ids = pd.read_csv(COMMITTED_EXPORT / "participants.csv", dtype=str)["participant_id"]
    assert not privacy.cpr_mask(ids).any()
    assert ids.is_unique and len(ids) == 3000


def test_the_covariate_mix_differs_from_the_programmes() -> None:
    comparison = pd.read_csv(COMMITTED_EXPORT / "participants.csv", dtype=str)
    programme, _ = build_cohort()
    men_c = (comparison["sex"] == "M").mean()
    men_p = (programme["sex"] == "M").mean()
    assert men_p - men_c > 0.1
    age_c = (pd.to_datetime(comparison["stu_end_date"]).dt.year - comparison["birth_year"].astype(int)).mean()
    ended = programme.dropna(subset=["stu_end_date", "birth_year"])
    age_p = (pd.to_datetime(ended["stu_end_date"]).dt.year - ended["birth_year"].astype(int)).mean()
    assert age_p - age_c > 0.5
    years = pd.to_datetime(comparison["stu_end_date"]).dt.year
    assert years.min() == 2019 and years.max() == 2023


def test_weighting_balances_the_demo_to_within_005() -> None:
    from pipeline.comparison.weighting import covariate_frame, fit_weights
    from pipeline.reference import load_reference

    municipalities = load_reference().municipalities
    region_of = dict(zip(municipalities["municipality_code"], municipalities["region"], strict=True))
    comparison = pd.read_csv(COMMITTED_EXPORT / "participants.csv", dtype={"municipality_code": str})
    programme, _ = build_cohort()
    programme = programme.dropna(subset=["stu_end_date", "birth_year", "sex"])
    weighting = fit_weights(covariate_frame(programme, region_of), covariate_frame(comparison, region_of), warn=False)
    assert weighting.balance["smd_weighted"].abs().max() < 0.05
    assert weighting.balance["smd_raw"].abs().max() > 0.3
    assert weighting.messages == ()
