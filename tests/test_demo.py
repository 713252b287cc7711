"""The synthetic demo exports: reproducible, in the contract's format, calibrated to the pilot.

The calibration is recomputed here from the written files with a small, independent
pandas implementation of the 12-month outcome (docs/definitions.md), so a change to the generator that breaks the
published 113/4/16/7 split fails here whatever the pipeline's SQL says.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from pipeline import config
from pipeline.demo import add_months
from pipeline.demo_broken import broken_examples, write_broken_examples
from pipeline.demo_files import write_demo_exports

REFERENCE = config.REFERENCE_DIR
JOB_CODES = {"ordinary_job", "flexjob", "pension_wage_subsidy", "protected_employment"}
DANISH = {
    "deltager_id": "participant_id", "kommunekode": "municipality_code", "fødselsår": "birth_year",
    "køn": "sex", "stu_start": "stu_start_date", "stu_slut": "stu_end_date", "fase1_start": "phase1_start",
    "fase2_start": "phase2_start", "fase3_start": "phase3_start", "fase4_start": "phase4_start",
    "forløbsudgift_kr": "programme_cost_dkk", "start": "start_date", "slut": "end_date",
    "timer_pr_uge": "hours_per_week", "arbejdsgiver_id": "employer_id", "nøgle": "key", "værdi": "value",
}
PARTICIPANT_DATES = ["stu_start_date", "stu_end_date", "phase1_start", "phase2_start", "phase3_start",
                     "phase4_start"]


@pytest.fixture(scope="module")
def demo_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Path]]:
    first = tmp_path_factory.mktemp("demo_a")
    second = tmp_path_factory.mktemp("demo_b")
    paths = write_demo_exports(first)
    write_demo_exports(second)
    return first, second, paths


def _status_codes() -> dict[str, str]:
    statuses = pd.read_csv(REFERENCE / "statuses.csv", dtype=str)
    lookup = {}
    for row in statuses.itertuples():
        lookup[row.status] = row.status
        for alias in row.aliases_da.split("|"):
            lookup[alias.strip().lower()] = row.status
    return lookup


def _categories() -> dict[str, str]:
    statuses = pd.read_csv(REFERENCE / "statuses.csv", dtype=str)
    return dict(zip(statuses["status"], statuses["category"], strict=True))


def _read_xlsx(path: Path) -> dict[str, pd.DataFrame]:
    sheets = pd.read_excel(path, sheet_name=None, engine="openpyxl", dtype=object)
    return {name: sheets[name] for name in ("meta", "participants", "spells")}


def _read_csv_folder(folder: Path) -> dict[str, pd.DataFrame]:
    sheets = {}
    for name in ("meta", "participants", "spells"):
        frame = pd.read_csv(folder / f"{name}.csv", sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
        frame = frame.rename(columns=DANISH).replace("", None)
        sheets[name] = frame
    participants, spells = sheets["participants"], sheets["spells"]
    for column in PARTICIPANT_DATES:
        participants[column] = pd.to_datetime(participants[column], dayfirst=True, format="%d-%m-%Y")
    for column in ("start_date", "end_date"):
        spells[column] = pd.to_datetime(spells[column], dayfirst=True, format="%d-%m-%Y")
    participants["sex"] = participants["sex"].replace({"K": "F"})
    for frame, column in ((participants, "programme_cost_dkk"), (spells, "hours_per_week")):
        frame[column] = pd.to_numeric(frame[column].str.replace(",", ".", regex=False))
    codes = _status_codes()
    spells["status"] = spells["status"].str.strip().str.lower().map(codes)
    meta = sheets["meta"]
    meta.loc[meta["key"] == "export_date", "value"] = pd.to_datetime(
        meta.loc[meta["key"] == "export_date", "value"], format="%d-%m-%Y"
    )
    return sheets


def _load(paths: list[Path]) -> list[dict[str, object]]:
    """Every export, typed: partnership_id, export_date, participants, spells, synthetic flag."""
    exports = []
    for path in paths:
        sheets = _read_csv_folder(path) if path.is_dir() else _read_xlsx(path)
        meta = dict(zip(sheets["meta"]["key"], sheets["meta"]["value"], strict=True))
        participants = sheets["participants"].copy()
        spells = sheets["spells"].copy()
        participants["municipality_code"] = participants["municipality_code"].astype(str)
        for column in PARTICIPANT_DATES:
            participants[column] = pd.to_datetime(participants[column])
        for column in ("start_date", "end_date"):
            spells[column] = pd.to_datetime(spells[column])
        spells["hours_per_week"] = pd.to_numeric(spells["hours_per_week"])
        exports.append({
            "path": path,
            "partnership_id": meta["partnership_id"],
            "export_date": pd.Timestamp(meta["export_date"]),
            "synthetic": meta.get("synthetic"),
            "participants": participants,
            "spells": spells,
        })
    return exports


def _newest(exports: list[dict[str, object]]) -> list[dict[str, object]]:
    newest: dict[str, dict[str, object]] = {}
    for export in exports:
        current = newest.get(export["partnership_id"])
        if current is None or export["export_date"] > current["export_date"]:
            newest[export["partnership_id"]] = export
    return list(newest.values())


def _outcomes(export: dict[str, object]) -> pd.DataFrame:
    """The 12-month outcome for one export: category and status twelve months after STU for each youth."""
    categories = _categories()
    export_date = export["export_date"]
    spells = export["spells"]
    rows = []
    for youth in export["participants"].itertuples():
        if pd.isna(youth.stu_end_date):
            rows.append((youth.participant_id, "in_programme", "in_programme"))
            continue
        reference_date = youth.stu_end_date + pd.DateOffset(months=12)
        if reference_date > export_date:
            rows.append((youth.participant_id, "in_programme", "in_programme"))
            continue
        own = spells[spells["participant_id"] == youth.participant_id]
        covering = own[(own["start_date"] <= reference_date)
                       & (own["end_date"].fillna(export_date) >= reference_date)]
        assert len(covering) <= 1
        status = covering["status"].iloc[0] if len(covering) else "other"
        rows.append((youth.participant_id, status, categories[status]))
    return pd.DataFrame(rows, columns=["participant_id", "status", "category"])


def test_runs_are_identical(demo_dirs: tuple[Path, Path, list[Path]]) -> None:
    first, second, _ = demo_dirs
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    for relative in files:
        if relative.suffix == ".xlsx":
            one = openpyxl.load_workbook(first / relative)
            two = openpyxl.load_workbook(second / relative)
            assert one.sheetnames == two.sheetnames
            for name in one.sheetnames:
                assert list(one[name].values) == list(two[name].values), (relative, name)
        assert (first / relative).read_bytes() == (second / relative).read_bytes(), relative


def test_layout_and_format(demo_dirs: tuple[Path, Path, list[Path]]) -> None:
    first, _, paths = demo_dirs
    partnerships = set(pd.read_csv(REFERENCE / "partnerships.csv")["partnership_id"])
    csv_folders = [path for path in paths if path.is_dir()]
    assert len(csv_folders) == 1
    assert sorted(p.name for p in csv_folders[0].iterdir()) == ["meta.csv", "participants.csv", "spells.csv"]
    header = (csv_folders[0] / "participants.csv").read_bytes().split(b"\r\n")[0].decode("cp1252")
    assert header.startswith("deltager_id;kommunekode;fødselsår;køn;stu_start;stu_slut;fase1_start")
    assert (csv_folders[0] / "meta.csv").read_bytes().decode("cp1252").startswith("nøgle;værdi\r\n")
    spells_text = (csv_folders[0] / "spells.csv").read_bytes().decode("cp1252")
    assert "Fleksjob" in spells_text and "Ordinær ansættelse" in spells_text
    assert re.search(r";\d{2}-\d{2}-\d{4};", spells_text)
    assert "synthetic" in (first / "README.md").read_text(encoding="utf-8")
    for path in paths:
        partnership_id, export_date = path.name.removesuffix(".xlsx").rsplit("_", 1)
        assert partnership_id in partnerships
        date.fromisoformat(export_date)
        if path.suffix == ".xlsx":
            workbook = openpyxl.load_workbook(path)
            assert workbook.sheetnames == ["meta", "participants", "spells"]
            assert isinstance(workbook["participants"]["E2"].value, date)  # a real Excel date
    for export in _load(paths):
        assert export["synthetic"] == "ja"
        ids = export["participants"]["participant_id"]
        assert ids.is_unique
        assert ids.str.fullmatch(r"[A-Z]{3}-\d{4}").all()
        assert not ids.str.replace("-", "").str.fullmatch(r"\d{10}").any()


def test_calibrated_to_the_published_pilot(demo_dirs: tuple[Path, Path, list[Path]]) -> None:
    _, _, paths = demo_dirs
    newest = _newest(_load(paths))
    assert len(newest) == 5
    outcomes = pd.concat([_outcomes(export) for export in newest], ignore_index=True)
    assert len(outcomes) == 140
    assert outcomes["category"].value_counts().to_dict() == {
        "job": 113, "in_programme": 16, "public_support": 7, "education": 4,
    }
    assert set(outcomes.loc[outcomes["category"] == "job", "status"]) == JOB_CODES
    participants = pd.concat([export["participants"] for export in newest])
    municipalities = set(pd.read_csv(REFERENCE / "municipalities.csv", dtype=str)["municipality_code"])
    assert set(participants["municipality_code"]) <= municipalities
    assert 33 <= participants["municipality_code"].nunique() <= 37
    stu_ends = participants["stu_end_date"].dropna()
    assert stu_ends.dt.year.between(2020, 2023).all()
    assert participants["programme_cost_dkk"].notna().any() and participants["programme_cost_dkk"].isna().any()
    assert participants["programme_cost_dkk"].dropna().between(50_000, 80_000).all()
    assert participants["sex"].isin(["F", "M"]).mean() > 0.9


def test_histories_follow_the_rules(demo_dirs: tuple[Path, Path, list[Path]]) -> None:
    _, _, paths = demo_dirs
    categories = _categories()
    for export in _load(paths):
        export_date = export["export_date"]
        participants, spells = export["participants"], export["spells"]
        assert set(spells["participant_id"]) <= set(participants["participant_id"])
        assert (spells["start_date"] <= export_date).all()
        assert (spells["end_date"].dropna() < export_date).all()  # later ends are written as ongoing
        assert (spells["end_date"].fillna(export_date) >= spells["start_date"]).all()
        ordered = spells.sort_values(["participant_id", "start_date"])
        previous_end = ordered.groupby("participant_id")["end_date"].shift()
        same_youth = ordered["participant_id"].eq(ordered["participant_id"].shift())
        assert not (same_youth & (previous_end.isna() | (ordered["start_date"] <= previous_end))).any()
        is_job = spells["status"].map(categories).eq("job")
        assert spells.loc[~is_job, "hours_per_week"].isna().all()
        assert spells.loc[is_job, "hours_per_week"].between(0, 60, inclusive="right").all()
        assert spells.loc[spells["status"] == "flexjob", "hours_per_week"].between(10, 25).all()
        phases = participants[["phase1_start", "phase2_start", "phase3_start", "phase4_start"]]
        for earlier, later in zip(phases.columns, phases.columns[1:], strict=False):
            both = phases[earlier].notna() & phases[later].notna()
            assert (phases.loc[both, earlier] <= phases.loc[both, later]).all()
        assert (phases.stack() <= export_date).all()
        assert (participants["stu_end_date"].dropna() <= export_date).all()
        assert (participants["stu_start_date"] < participants["stu_end_date"].fillna(export_date)).all()


def test_older_exports_are_snapshots_of_the_newer(demo_dirs: tuple[Path, Path, list[Path]]) -> None:
    _, _, paths = demo_dirs
    exports = _load(paths)
    by_partnership: dict[str, list[dict[str, object]]] = {}
    for export in exports:
        by_partnership.setdefault(export["partnership_id"], []).append(export)
    with_trend = {pid: sorted(found, key=lambda e: e["export_date"]) for pid, found in by_partnership.items()
                  if len(found) >= 2}
    assert len(with_trend) >= 2
    for older, newer in with_trend.values():
        cut = older["export_date"]
        assert set(older["participants"]["participant_id"]) <= set(newer["participants"]["participant_id"])
        expected = newer["spells"][newer["spells"]["participant_id"].isin(older["participants"]["participant_id"])
                                   & (newer["spells"]["start_date"] <= cut)].copy()
        expected.loc[expected["end_date"] >= cut, "end_date"] = pd.NaT
        columns = ["participant_id", "status", "start_date", "end_date"]
        pd.testing.assert_frame_equal(older["spells"][columns].reset_index(drop=True),
                                      expected[columns].reset_index(drop=True))


def test_add_months_matches_duckdb() -> None:
    days = pd.date_range("2019-12-25", "2021-03-05").date
    with duckdb.connect() as connection:
        for months in (1, 12):
            expected = connection.execute(
                f"select cast(d + interval {months} month as date) from unnest(?) as t(d)", [list(days)]
            ).fetchall()
            assert [add_months(day, months) for day in days] == [row[0] for row in expected]
    assert add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)
    assert add_months(date(2020, 2, 29), 12) == date(2021, 2, 28)


def test_broken_examples_are_written_and_documented(tmp_path: Path) -> None:
    paths = write_broken_examples(tmp_path)
    examples = broken_examples()
    assert len(paths) == len(examples) >= 15
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    for example, path in zip(examples, paths, strict=True):
        assert path.exists() and path.name.startswith(example.name)
        assert f"`{example.name}" in readme
        if path.is_dir():
            assert {p.name for p in path.iterdir()} <= {"meta.csv", "participants.csv", "spells.csv"}
    missing_sheet = openpyxl.load_workbook(tmp_path / "missing_sheet.xlsx")
    assert missing_sheet.sheetnames == ["meta", "participants"]
    second = tmp_path / "again"
    write_broken_examples(second)
    for path in tmp_path.rglob("*.csv"):
        if second not in path.parents:
            assert path.read_bytes() == (second / path.relative_to(tmp_path)).read_bytes()


def test_committed_demo_data_are_current(demo_dirs: tuple[Path, Path, list[Path]]) -> None:
    first, _, _ = demo_dirs
    committed = config.DEMO_DIR
    for path in first.rglob("*"):
        if path.is_file():
            assert (committed / path.relative_to(first)).read_bytes() == path.read_bytes(), path.name
