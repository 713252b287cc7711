"""The shipped broken examples: each gets its exit code, a clear message, and every row
read is either loaded or quarantined."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app

BROKEN = config.EXAMPLES_DIR / "broken"
runner = CliRunner(env={"LANG": "en_US.UTF-8"})  # English messages (the LANG rule)

# example -> (exit code of validate, rows read, loaded, quarantined, a message it must show)
EXPECTED = {
    "unknown_status_typo": (3, 14, 11, 3, "status: 'fleksjb' is not a known status (did you mean 'fleksjob'?)"),
    "unknown_municipality": (3, 14, 11, 3, "municipality_code: '999' is not one of the 98 municipality codes"),
    "overlapping_spells": (3, 14, 10, 4, "overlaps the spell in row 3"),
    "phase_order": (3, 14, 11, 3, "phase3_start 2022-10-01 is before phase2_start 2022-11-14"),
    "date_after_export": (3, 14, 11, 3, "start_date: '2024-12-01' is after the export date 2024-09-30"),
    "unknown_youth_in_spells": (3, 16, 14, 2, "'EKS-0099' is not a youth in the participants sheet"),
    "missing_required_column": (1, None, None, None, "required column missing: 'municipality_code'"),
    "unknown_partnership": (1, None, None, None, "'joballiance-atlantis' is not in data/reference/partnerships.csv"),
    "bad_export_date": (1, None, None, None, "export_date: '31-09-2024' is not a date that exists"),
    "cpr_without_key": (1, None, None, None, "are or contain CPR numbers (xxxxxx-xxxx); set the pseudonymisation key"),
    "bad_date_format": (3, 14, 7, 7, "'12/31/2022' is not a valid date: dates are read day first"),
    "duplicate_participant": (3, 15, 11, 4, "'EKS-0002' also appears in row 7; each youth has one row"),
    "end_before_start": (3, 14, 10, 4, "the spell ends (2020-03-31) before it starts (2021-09-01)"),
    "hours_out_of_range": (3, 14, 8, 6, "'150' hours a week is outside the range above 0 and at most 60"),
    "missing_sheet.xlsx": (1, None, None, None, "the sheet 'spells' is missing"),
    "non_finite_cost": (3, 14, 10, 4, "programme_cost_dkk: 'inf' is not a finite number"),
    "cpr_in_cost": (3, 14, 11, 3, "programme_cost_dkk: 'xxxxxx-xxxx' looks like a CPR number"),
}


def test_every_shipped_example_is_covered() -> None:
    shipped = {p.name for p in BROKEN.iterdir() if p.name != "README.md"}
    assert shipped == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_example(name: str) -> None:
    from pipeline.ingest import check_exports

    code, read, loaded, quarantined, message = EXPECTED[name]
    result = runner.invoke(app, ["validate", str(BROKEN / name)])
    assert result.exit_code == code, result.output
    assert message in result.output.replace("\n", " ")
    assert "Traceback" not in result.output
    _, _, outcomes = check_exports([BROKEN / name], set(), lang="en")
    (outcome,) = outcomes
    if read is None:
        assert outcome.state == "rejected"
    else:
        assert (outcome.rows_read, outcome.rows_loaded, outcome.rows_quarantined) == (read, loaded, quarantined)
        assert outcome.rows_read == outcome.rows_loaded + outcome.rows_quarantined


def test_cpr_example_loads_whole_with_a_key(pseudonym_key: str) -> None:
    from pipeline.ingest import check_exports

    validated, _, (outcome,) = check_exports([BROKEN / "cpr_without_key"], set())
    assert (outcome.rows_read, outcome.rows_loaded, outcome.rows_quarantined) == (14, 14, 0)
    assert validated[0].participants["participant_id"].str.startswith("p_").all()
