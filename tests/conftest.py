"""Shared builders for tests: tiny exports written as CSV folders or xlsx workbooks."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from pipeline import config

PARTICIPANT_HEADER = ["participant_id", "municipality_code", "stu_start_date", "stu_end_date"]
SPELL_HEADER = ["participant_id", "status", "start_date", "end_date", "hours_per_week"]


def write_csv_export(
    folder: Path,
    participants: Sequence[Sequence[object]],
    spells: Sequence[Sequence[object]] = (),
    *,
    partnership_id: str = "mou-hotel-aalborg",
    export_date: str = "2024-09-30",
    participant_header: Sequence[str] = PARTICIPANT_HEADER,
    spell_header: Sequence[str] = SPELL_HEADER,
    meta_rows: Sequence[Sequence[str]] | None = None,
    sep: str = ";",
    encoding: str = "utf-8",
) -> Path:
    """A CSV export folder; cells are written as given (None = empty)."""
    folder.mkdir(parents=True, exist_ok=True)

    def dump(name: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        lines = [sep.join(header)] + [sep.join("" if c is None else str(c) for c in row) for row in rows]
        (folder / name).write_bytes(("\n".join(lines) + "\n").encode(encoding))

    meta = meta_rows if meta_rows is not None else [["partnership_id", partnership_id], ["export_date", export_date]]
    dump("meta.csv", ["key", "value"], meta)
    dump("participants.csv", participant_header, participants)
    dump("spells.csv", spell_header, spells)
    return folder


def write_xlsx_export(
    path: Path,
    participants: Sequence[Sequence[object]],
    spells: Sequence[Sequence[object]] = (),
    *,
    partnership_id: str = "mou-hotel-aalborg",
    export_date: object = "2024-09-30",
    participant_header: Sequence[str] = PARTICIPANT_HEADER,
    spell_header: Sequence[str] = SPELL_HEADER,
    sheets: Sequence[str] = ("meta", "participants", "spells"),
) -> Path:
    """An xlsx export; date objects become native Excel dates."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    content = {
        "meta": (["key", "value"], [["partnership_id", partnership_id], ["export_date", export_date]]),
        "participants": (participant_header, participants),
        "spells": (spell_header, spells),
    }
    for name in sheets:
        header, rows = content[name]
        sheet = workbook.create_sheet(name)
        sheet.append(list(header))
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture
def pseudonym_key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("JOBALLIANCE_PSEUDONYM_KEY", "test-key-not-secret")
    return "test-key-not-secret"


@pytest.fixture(autouse=True)
def no_pseudonym_key_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOBALLIANCE_PSEUDONYM_KEY", raising=False)


def _cli(*args: str) -> None:
    """The command line as `python -m pipeline.cli` with this interpreter, from the project root."""
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                            timeout=600, cwd=config.PROJECT_ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def _built(raw: Path, warehouse: Path, *build_args: str) -> Path:
    """A warehouse ingested from `raw` and built."""
    _cli("ingest", str(raw), "--warehouse", str(warehouse))
    _cli("build", "--warehouse", str(warehouse), *build_args)
    return warehouse


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo ingested, built and rendered in both languages ONCE per session (about three minutes on
    two cores), shared by every test module that reads the reports."""
    from pipeline.reports import write_reports

    root = tmp_path_factory.mktemp("reports")
    warehouse = _built(config.DEMO_DIR, root / "demo.duckdb")
    out = root / "out"
    write_reports(warehouse, out, ["da", "en"], progress=False, workers=2)
    return {"warehouse": warehouse, "out": out, "root": root}


def _hypothesis_profiles() -> None:
    """In CI, hypothesis draws the same examples every run, so a red build is reproducible."""
    import os

    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        settings.load_profile("ci")


_hypothesis_profiles()
