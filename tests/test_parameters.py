"""The parameter file: shipped defaults with sources, layering, overrides and validation."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from pipeline.parameters import (
    ParameterError,
    load_parameters,
    status_codes,
    unsourced_numbers,
    validate_parameters,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "params" / "default.toml"
SCENARIOS = sorted((ROOT / "params" / "scenarios").glob("*.toml"))


@pytest.mark.parametrize("path", [DEFAULT, *SCENARIOS], ids=lambda p: p.name)
def test_every_number_in_the_shipped_files_has_a_source(path):
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert unsourced_numbers(raw) == []
    load_parameters(path)  # and each file is valid


def test_unsourced_numbers_finds_a_number_without_source():
    values = {"model": {"horizon_years": 10, "discount_rate": 0.035, "discount_rate_source": "fm.dk"},
              "status": {"flexjob": {"fte": 0.3, "source": "x"}},
              "sensitivity": {"model.discount_rate": [0.02, 0.04]}}
    assert unsourced_numbers(values) == ["model.horizon_years", "sensitivity.model.discount_rate"]


def test_defaults_follow_the_contract():
    params = load_parameters(DEFAULT)
    assert params.require("model.discount_rate") == 0.035
    assert set(params.require("status")) == set(status_codes())
    assert params.get("uncertainty.draws") >= 1
    first_year = params.require("baseline.year1")
    job_or_education = sum(first_year.get(s, 0) for s in ("ordinary_job", "flexjob", "pension_wage_subsidy",
                                                          "protected_employment", "education"))
    assert job_or_education == pytest.approx(0.12)
    assert first_year["disability_pension"] == pytest.approx(0.40)
    assert len(params.sha256) == 64


def test_scenario_extends_the_default():
    params = load_parameters(ROOT / "params" / "scenarios" / "hbs-2024.toml")
    assert [p.name for p in params.files] == ["default.toml", "hbs-2024.toml"]
    assert params.require("model.discount_rate") == 0.035  # from default.toml
    assert set(params.require("baseline")) == {"source", "year1"}  # replaced whole, not merged
    assert params.get("programme.year1.ordinary_job") == 0.22
    assert params.sha256 != load_parameters(DEFAULT).sha256


def test_layering_merges_tables_and_detects_cycles(tmp_path):
    (tmp_path / "base.toml").write_text(DEFAULT.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "top.toml").write_text('extends = "base.toml"\n[status.flexjob]\nfte = 0.5\n', encoding="utf-8")
    params = load_parameters(tmp_path / "top.toml")
    assert params.require("status.flexjob.fte") == 0.5
    assert params.require("status.flexjob.municipal_share") == 0.8  # kept from the base
    (tmp_path / "a.toml").write_text('extends = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('extends = "a.toml"\n', encoding="utf-8")
    with pytest.raises(ParameterError, match="cycle"):
        load_parameters(tmp_path / "a.toml")


def test_overrides_change_values_and_are_validated():
    params = load_parameters(DEFAULT, ["status.flexjob.fte=0.5", "model.horizon_years=5"])
    assert params.require("status.flexjob.fte") == 0.5
    assert params.overrides == ("status.flexjob.fte=0.5", "model.horizon_years=5")
    with pytest.raises(ParameterError, match="model.horizon_years"):
        load_parameters(DEFAULT, ["model.horizon_years=-1"])
    with pytest.raises(ParameterError, match="model.horizon"):
        load_parameters(DEFAULT, ["model.horizon=5"])
    with pytest.raises(ParameterError, match="baseline.year1"):
        load_parameters(DEFAULT, ["baseline.year1.flexjob=0.5"])


def _set(values: dict[str, Any], path: str, value: Any) -> None:
    *tables, key = path.split("/")
    for table in tables:
        values = values[table]
    if value is DELETE:
        del values[key]
    else:
        values[key] = value


DELETE = object()
BASE = load_parameters(DEFAULT).values
CASES = [
    ("model/horizon", 5, "model.horizon"),  # unknown key
    ("modell", {}, "modell"),  # unknown table
    ("national", DELETE, "[national]"),  # missing table
    ("model/discount_rate", DELETE, "model.discount_rate"),
    ("status/flexjob", DELETE, "flexjob"),  # missing status
    ("status/fleksjob", {"annual_public_cost_dkk": 0, "municipal_share": 0, "fte": 0}, "status.fleksjob"),
    ("status/flexjob/municipal_share", 1.2, "status.flexjob.municipal_share"),
    ("status/flexjob/fte", -0.1, "status.flexjob.fte"),
    ("status/flexjob/annual_public_cost_dkk", "many", "status.flexjob.annual_public_cost_dkk"),
    ("status/flexjob/colour", 1, "status.flexjob.colour"),
    ("model/horizon_years", -3, "model.horizon_years"),
    ("model/horizon_years", 2.5, "model.horizon_years"),
    ("model/discount_rate", -0.01, "model.discount_rate"),
    ("model/discount_rate_source", 3, "model.discount_rate_source"),
    ("programme_cost/municipal_share", -0.2, "programme_cost.municipal_share"),
    ("programme_cost/year", 11, "programme_cost.year"),
    ("projection/job_retention", 1.5, "projection.job_retention"),
    ("projection/job_loss_to", "flexjob", "projection.job_loss_to"),
    ("projection/job_loss_to", "dole", "projection.job_loss_to"),
    ("suppression/min_cell", 0, "suppression.min_cell"),
    ("baseline/year2/flexjob", 0.07, "baseline.year2"),  # sums to 1.01
    ("baseline/year1/fleksjob", 0.0, "baseline.year1.fleksjob"),  # unknown status
    ("baseline/year1/flexjob", 1.04, "baseline.year1.flexjob"),  # share above 1
    ("baseline/year3", DELETE, "baseline"),  # year1, year2, year4: a gap
    ("baseline/year1", DELETE, "baseline"),
    ("programme", {"year1": {"ordinary_job": 0.5, "unknown_status": 0.5}}, "programme.year1.unknown_status"),
    ("programme", {"year1": {"ordinary_job": 0.5}}, "programme.year1"),
    ("sensitivity/model.discount_rate", [0.05, 0.01], "model.discount_rate"),
    ("sensitivity/model.horizon_years", [5, 15], "model.horizon_years"),
    ("sensitivity/status.flexjob.municipal_share", [0.5, 1.5], "status.flexjob.municipal_share"),
    ("uncertainty/draws", 0, "uncertainty.draws"),
    ("uncertainty/seed", DELETE, "uncertainty.seed"),
    ("uncertainty/projection.job_retention", {"dist": "lognormal", "mean": 1}, "projection.job_retention"),
    ("uncertainty/programme_cost.per_youth_dkk", {"dist": "triangular", "low": 5, "mode": 1, "high": 9},
     "programme_cost.per_youth_dkk"),
    ("uncertainty/model.discount_rate", {"dist": "uniform", "low": 0.01}, "model.discount_rate"),
    ("scenario", {"name": "x", "author": "y"}, "scenario.author"),
]


@pytest.mark.parametrize(("path", "value", "named"), CASES, ids=[case[0] for case in CASES])
def test_validation_names_the_key(path, value, named):
    values = copy.deepcopy(BASE)
    _set(values, path, value)
    with pytest.raises(ParameterError) as error:
        validate_parameters(values)
    assert named in str(error.value)


def test_load_error_names_the_file(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text(DEFAULT.read_text(encoding="utf-8").replace("min_cell = 5", "min_cell = -5"), encoding="utf-8")
    with pytest.raises(ParameterError, match=r"broken\.toml.*suppression\.min_cell"):
        load_parameters(broken)
    with pytest.raises(ParameterError, match="not valid TOML"):
        (tmp_path / "bad.toml").write_text("[model\n", encoding="utf-8")
        load_parameters(tmp_path / "bad.toml")
