"""The parameter file (TOML): loading, layering, dotted-key overrides, validation, checksum.

Every number the models use beyond the data comes from here, so an economist can
change an assumption in one file (or with --set key=value) and see every figure move.

Layering: a file may name a base file with a top-level `extends = "path"` (relative to
the file). Tables merge key by key, the later file winning; [baseline] and [programme],
when given, replace the base's table whole. Overrides apply after layering, and the
result is validated: anything the model could not use raises ParameterError naming
the key.

Sources: a number `key` is sourced by a sibling string `key_source`, else by the
`source` string of its table, else by its table's own source in the parent table
(docs/economics.md). `unsourced_numbers` lists the numbers without one.
"""

from __future__ import annotations

import copy
import hashlib
import math
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.reference import load_reference


class ParameterError(ValueError):
    """A parameter file or override that cannot be used; the message names the key."""


@dataclass(frozen=True)
class Parameters:
    values: dict[str, Any]
    path: Path | None = None
    sha256: str | None = None
    overrides: tuple[str, ...] = field(default_factory=tuple)
    files: tuple[Path, ...] = field(default_factory=tuple)  # the layered files, base first

    def get(self, dotted_key: str, default: Any = None) -> Any:
        node: Any = self.values
        for part in dotted_key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return default
            node = node[part]
        return node

    def require(self, dotted_key: str) -> Any:
        sentinel = object()
        value = self.get(dotted_key, sentinel)
        if value is sentinel:
            raise ParameterError(f"parameter '{dotted_key}' is missing")
        return value


def parse_override_value(text: str) -> Any:
    """A --set value as TOML would read it (number, boolean, string, list), else the text."""
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def with_overrides(values: Mapping[str, Any], overrides: Iterable[str]) -> dict[str, Any]:
    """A copy of the parameter tree with each 'dotted.key=value' applied."""
    tree = copy.deepcopy(dict(values))
    for item in overrides:
        if "=" not in item:
            raise ParameterError(f"override '{item}' is not of the form key=value")
        key, raw = item.split("=", 1)
        key = key.strip()
        parts = key.split(".")
        node = tree
        for part in parts[:-1]:
            if part not in node or not isinstance(node[part], dict):
                raise ParameterError(f"override '{key}': '{part}' is not a table of the parameter file")
            node = node[part]
        if parts[-1] not in node:
            raise ParameterError(f"override '{key}': no such parameter in the parameter file")
        node[parts[-1]] = parse_override_value(raw.strip())
    return tree


# ----------------------------------------------------------------------------- layering

REPLACED_WHOLE = ("baseline", "programme")


def merge_layers(base: Mapping[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    """`top` laid over `base`: tables merge key by key, REPLACED_WHOLE tables are replaced."""
    merged = copy.deepcopy(dict(base))
    for key, value in top.items():
        if key in REPLACED_WHOLE:
            merged[key] = copy.deepcopy(value)
        else:
            merged[key] = _merge_tables(merged.get(key), value)
    return merged


def _merge_tables(base: Any, top: Any) -> Any:
    if isinstance(base, dict) and isinstance(top, dict):
        merged = copy.deepcopy(base)
        for key, value in top.items():
            merged[key] = _merge_tables(merged.get(key), value)
        return merged
    return copy.deepcopy(top)


def _read_toml(path: Path) -> tuple[dict[str, Any], bytes]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParameterError(f"cannot read parameter file {path}: {error.strerror}") from None
    try:
        return tomllib.loads(data.decode("utf-8")), data
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ParameterError(f"parameter file {path} is not valid TOML: {error}") from None


def _read_layers(path: Path, seen: tuple[Path, ...] = ()) -> tuple[dict[str, Any], list[bytes], list[Path]]:
    """The file with every base it extends, merged; their bytes and paths, base first."""
    resolved = path.resolve()
    if resolved in seen:
        chain = " -> ".join(str(p) for p in (*seen, resolved))
        raise ParameterError(f"'extends' makes a cycle: {chain}")
    values, data = _read_toml(path)
    base_name = values.pop("extends", None)
    if base_name is None:
        return values, [data], [path]
    if not isinstance(base_name, str) or not base_name:
        raise ParameterError(f"{path}: 'extends' must be the path of a parameter file, got {base_name!r}")
    base_values, base_data, base_paths = _read_layers(path.parent / base_name, (*seen, resolved))
    return merge_layers(base_values, values), [*base_data, data], [*base_paths, path]


def load_parameters(path: Path, overrides: Iterable[str] = ()) -> Parameters:
    """Read a TOML parameter file (with the files it extends), apply overrides, validate."""
    values, chunks, files = _read_layers(Path(path))
    overrides = tuple(overrides)
    tree = with_overrides(values, overrides)
    try:
        validate_parameters(tree)
    except ParameterError as error:
        raise ParameterError(f"{path}: {error}") from None
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return Parameters(
        values=tree, path=Path(path), sha256=digest.hexdigest(), overrides=overrides, files=tuple(files)
    )


# ----------------------------------------------------------------------------- validation

Check = Callable[[str, Any], None]
SHARE_TOLERANCE = 1e-9


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _number(low: float | None = None, high: float | None = None, integer: bool = False) -> Check:
    kind = "an integer" if integer else "a number"
    bounds = " ".join(
        part for part in (f"≥ {low}" if low is not None else "", f"≤ {high}" if high is not None else "") if part
    )

    def check(key: str, value: Any) -> None:
        ok = isinstance(value, int) and not isinstance(value, bool) if integer else _is_number(value)
        if not ok or (low is not None and value < low) or (high is not None and value > high):
            raise ParameterError(f"parameter '{key}' must be {kind} {bounds}, got {value!r}".replace("  ", " "))

    return check


def _string(key: str, value: Any) -> None:
    if not isinstance(value, str):
        raise ParameterError(f"parameter '{key}' must be a string, got {value!r}")


def _status_code(allow_job: bool) -> Check:
    def check(key: str, value: Any) -> None:
        statuses = status_codes()
        if value not in statuses:
            raise ParameterError(f"parameter '{key}': {value!r} is not a status code ({', '.join(statuses)})")
        if not allow_job and status_categories()[value] == "job":
            raise ParameterError(f"parameter '{key}': {value!r} is a job status; lost jobs must go elsewhere")

    return check


SHARE = _number(0.0, 1.0)

SCALAR_TABLES: dict[str, dict[str, Check]] = {
    "model": {
        "horizon_years": _number(1, 100, integer=True),
        "discount_rate": _number(0.0, 0.999),
        "min_observed_youth_months": _number(0, integer=True),
        "price_year": _number(1900, 2200, integer=True),
    },
    "programme_cost": {
        "per_youth_dkk": _number(0.0),
        "municipal_share": SHARE,
        "year": _number(1, integer=True),
    },
    "projection": {"job_retention": SHARE, "job_loss_to": _status_code(allow_job=False)},
    "national": {"youths_per_year": _number(0.0)},
    "retention": {"gap_days": _number(0, integer=True)},
    "suppression": {"min_cell": _number(1, integer=True)},
}
OPTIONAL_TABLES: dict[str, dict[str, Check]] = {"scenario": {"name": _string, "description": _string}}
STATUS_KEYS: dict[str, Check] = {
    "annual_public_cost_dkk": _number(),
    "municipal_share": SHARE,
    "fte": _number(0.0),
}
TOP_LEVEL = (
    *SCALAR_TABLES, *OPTIONAL_TABLES, "status", "baseline", "programme", "sensitivity", "uncertainty", "comparison"
)
BASELINE_FROM = ("assumed", "comparison")
COMPARISON_BUILTIN_COVARIATES = ("sex", "age_at_stu_end", "cohort", "region")
COMPARISON_KEYS: dict[str, Check] = {
    "bootstrap_replicates": _number(0, 100_000, integer=True),
    "seed": _number(0, integer=True),
    "smd_threshold": _number(0.0, 10.0),
    "min_effective_n": _number(0.0),
}
DISTRIBUTIONS = {
    "triangular": ("low", "mode", "high"),
    "uniform": ("low", "high"),
    "normal": ("mean", "sd"),
}
_YEAR_KEY = re.compile(r"^year([1-9][0-9]*)$")


def status_codes() -> tuple[str, ...]:
    """The 12 status codes of the contract, in reference order."""
    return tuple(load_reference().statuses["status"])


def status_categories() -> dict[str, str]:
    return load_reference().category_of


def variable_keys() -> tuple[str, ...]:
    """The scalar parameters [sensitivity] and [uncertainty] may vary."""
    keys = [
        "model.discount_rate",
        "programme_cost.per_youth_dkk",
        "programme_cost.municipal_share",
        "projection.job_retention",
        "national.youths_per_year",
    ]
    for status in status_codes():
        keys += [f"status.{status}.{name}" for name in STATUS_KEYS]
    return tuple(keys)


def variable_check(dotted_key: str) -> Check:
    """The check a value of a variable key must pass."""
    table, _, name = dotted_key.rpartition(".")
    if table.startswith("status."):
        return STATUS_KEYS[name]
    return SCALAR_TABLES[table][name]


def _check_table_keys(table: str, node: Any, allowed: Iterable[str], required: Iterable[str]) -> None:
    """Unknown keys (sources aside), missing keys, and source entries that are not strings."""
    if not isinstance(node, dict):
        raise ParameterError(f"'{table}' must be a table")
    allowed = set(allowed)
    for key, value in node.items():
        stem = key.removesuffix("_source") if key.endswith("_source") else None
        if key == "source" or (stem is not None and stem in allowed):
            _string(f"{table}.{key}", value)
        elif key not in allowed:
            raise ParameterError(f"unknown parameter '{table}.{key}'")
    for key in required:
        if key not in node:
            raise ParameterError(f"parameter '{table}.{key}' is missing")


def validate_parameters(values: Mapping[str, Any]) -> None:
    """Raise ParameterError (naming the key) unless the tree is a usable parameter set."""
    for key in values:
        if key not in TOP_LEVEL:
            raise ParameterError(f"unknown parameter table '{key}'")
    for table, checks in {**SCALAR_TABLES, **OPTIONAL_TABLES}.items():
        if table not in values:
            if table in SCALAR_TABLES:
                raise ParameterError(f"parameter table '[{table}]' is missing")
            continue
        _check_table_keys(table, values[table], checks, checks if table in SCALAR_TABLES else ())
        for key, check in checks.items():
            if key in values[table]:
                check(f"{table}.{key}", values[table][key])
    horizon = values["model"]["horizon_years"]
    if values["programme_cost"]["year"] > horizon:
        raise ParameterError(
            f"parameter 'programme_cost.year' ({values['programme_cost']['year']}) is after the horizon "
            f"(model.horizon_years = {horizon})"
        )
    _validate_statuses(values.get("status"))
    if "baseline" not in values:
        raise ParameterError("parameter table '[baseline]' is missing")
    _validate_baseline(values["baseline"])
    if "comparison" in values:
        _validate_comparison(values["comparison"])
    if "programme" in values:
        _validate_distribution_table("programme", values["programme"])
    if "sensitivity" in values:
        _validate_sensitivity(values["sensitivity"])
    if "uncertainty" in values:
        _validate_uncertainty(values["uncertainty"])


def _validate_statuses(node: Any) -> None:
    if node is None:
        raise ParameterError("parameter table '[status]' is missing")
    codes = status_codes()
    _check_table_keys("status", node, codes, ())
    for code in codes:
        if code not in node:
            raise ParameterError(f"status '{code}' has no table [status.{code}]")
        _check_table_keys(f"status.{code}", node[code], STATUS_KEYS, STATUS_KEYS)
        for key, check in STATUS_KEYS.items():
            check(f"status.{code}.{key}", node[code][key])


def baseline_from(values: Mapping[str, Any]) -> str:
    """'assumed' (the [baseline] shares) or 'comparison' (the estimated counterfactual)."""
    return str(values.get("baseline", {}).get("from", "assumed"))


def _validate_baseline(node: Any) -> None:
    """[baseline]: the assumed shares, or `from = "comparison"` (shares then optional, unused)."""
    if not isinstance(node, dict):
        raise ParameterError("'baseline' must be a table")
    source = node.get("from", "assumed")
    if source not in BASELINE_FROM:
        raise ParameterError(f"parameter 'baseline.from' must be one of {', '.join(BASELINE_FROM)}, got {source!r}")
    shares = {key: value for key, value in node.items() if key != "from"}
    if source == "comparison" and not any(_YEAR_KEY.match(key) for key in shares):
        _check_table_keys("baseline", shares, (), ())
        return
    _validate_distribution_table("baseline", shares)


def _validate_comparison(node: Any) -> None:
    """[comparison]: bootstrap_replicates, seed, smd_threshold, min_effective_n, covariates."""
    if not isinstance(node, dict):
        raise ParameterError("'comparison' must be a table")
    _check_table_keys("comparison", node, [*COMPARISON_KEYS, "covariates"], ())
    for key, check in COMPARISON_KEYS.items():
        if key in node:
            check(f"comparison.{key}", node[key])
    covariates = node.get("covariates", list(COMPARISON_BUILTIN_COVARIATES))
    if not (isinstance(covariates, list) and covariates and all(isinstance(c, str) and c for c in covariates)):
        raise ParameterError(f"parameter 'comparison.covariates' must be a list of covariate names, got {covariates!r}")
    if len(set(covariates)) != len(covariates):
        raise ParameterError(f"parameter 'comparison.covariates' names a covariate twice: {covariates!r}")
    allowed = {*COMPARISON_BUILTIN_COVARIATES, "municipality_code"}
    unknown = [c for c in covariates if c not in allowed]
    if unknown:
        raise ParameterError(
            f"parameter 'comparison.covariates': {', '.join(unknown)} unknown (known: {', '.join(sorted(allowed))})")


def _validate_distribution_table(table: str, node: Any) -> None:
    """[baseline]/[programme]: year1, year2, ... each a status → share table summing to 1."""
    if not isinstance(node, dict):
        raise ParameterError(f"'{table}' must be a table")
    years = sorted(int(m.group(1)) for key in node if (m := _YEAR_KEY.match(key)))
    _check_table_keys(table, node, [f"year{year}" for year in years], ["year1"])
    if years != list(range(1, len(years) + 1)):
        raise ParameterError(f"'{table}' must give year1, year2, ... without gaps, got {years}")
    codes = status_codes()
    for year in years:
        key = f"{table}.year{year}"
        shares = node[f"year{year}"]
        _check_table_keys(key, shares, codes, ())
        for status, share in shares.items():
            if status.endswith("_source") or status == "source":
                continue
            SHARE(f"{key}.{status}", share)
        total = sum(v for k, v in shares.items() if k in codes)
        if abs(total - 1.0) > SHARE_TOLERANCE:
            raise ParameterError(f"the shares of '{key}' sum to {total:.12g}, not 1")


def _validate_sensitivity(node: Any) -> None:
    if not isinstance(node, dict):
        raise ParameterError("'sensitivity' must be a table")
    _check_variable_keys("sensitivity", node, ())
    for key, value in node.items():
        if key == "source" or key.endswith("_source"):
            continue
        where = f"sensitivity.\"{key}\""
        if not (isinstance(value, list) and len(value) == 2 and all(_is_number(v) for v in value)):
            raise ParameterError(f"{where} must be [low, high], got {value!r}")
        if value[0] > value[1]:
            raise ParameterError(f"{where}: low {value[0]} is above high {value[1]}")
        for end in value:
            variable_check(key)(where, end)


def _check_variable_keys(table: str, node: dict[str, Any], fixed: tuple[str, ...]) -> None:
    allowed = variable_keys()
    for key in node:
        stem = key.removesuffix("_source")
        if key in fixed or key == "source" or (key.endswith("_source") and (stem in fixed or stem in allowed)):
            continue
        if key not in allowed:
            raise ParameterError(
                f"unknown parameter '{table}.\"{key}\"': only model.discount_rate, programme_cost.per_youth_dkk, "
                "programme_cost.municipal_share, projection.job_retention, national.youths_per_year and "
                "status.<code>.annual_public_cost_dkk|municipal_share|fte can vary"
            )
    _check_table_keys(table, node, [*fixed, *(k for k in node if k in allowed)], fixed)


def _validate_uncertainty(node: Any) -> None:
    if not isinstance(node, dict):
        raise ParameterError("'uncertainty' must be a table")
    _check_variable_keys("uncertainty", node, ("draws", "seed"))
    _number(1, integer=True)("uncertainty.draws", node["draws"])
    _number(0, integer=True)("uncertainty.seed", node["seed"])
    for key, spec in node.items():
        if key in ("draws", "seed", "source") or key.endswith("_source"):
            continue
        _validate_distribution_spec(f"uncertainty.\"{key}\"", key, spec)


def _validate_distribution_spec(where: str, key: str, spec: Any) -> None:
    if not isinstance(spec, dict) or spec.get("dist") not in DISTRIBUTIONS:
        raise ParameterError(f"{where} must be {{ dist = {' | '.join(DISTRIBUTIONS)}, ... }}, got {spec!r}")
    needed = DISTRIBUTIONS[spec["dist"]]
    optional = ("low", "high") if spec["dist"] == "normal" else ()
    _check_table_keys(where, spec, ["dist", *needed, *optional], needed)
    for name in set(needed) | {o for o in optional if o in spec}:
        if not _is_number(spec[name]):
            raise ParameterError(f"{where}.{name} must be a number, got {spec[name]!r}")
    if spec["dist"] == "triangular" and not spec["low"] <= spec["mode"] <= spec["high"]:
        raise ParameterError(f"{where}: triangular needs low ≤ mode ≤ high")
    if spec["dist"] == "uniform" and spec["low"] > spec["high"]:
        raise ParameterError(f"{where}: uniform needs low ≤ high")
    if spec["dist"] == "normal":
        if spec["sd"] < 0:
            raise ParameterError(f"{where}.sd must be ≥ 0")
        if "low" in spec and "high" in spec and spec["low"] > spec["high"]:
            raise ParameterError(f"{where}: low is above high")
    check = variable_check(key)
    for name in ("low", "mode", "high", "mean"):
        if name in spec:
            check(f"{where}.{name}", spec[name])


# ----------------------------------------------------------------------------- sources


def iter_leaves(values: Mapping[str, Any]) -> Iterator[tuple[str, Any, str | None]]:
    """(dotted key, value, source or None) for every parameter that is not a source itself."""
    yield from _leaves(values, (), None)


def _leaves(node: Mapping[str, Any], path: tuple[str, ...], inherited: str | None) -> Iterator:
    own = node.get("source") if isinstance(node.get("source"), str) else None
    table_source = own or inherited
    for key, value in node.items():
        if key == "source" or key.endswith("_source"):
            continue
        sibling = node.get(f"{key}_source")
        source = sibling if isinstance(sibling, str) else table_source
        if isinstance(value, dict):
            yield from _leaves(value, (*path, key), source)
        else:
            yield ".".join((*path, key)), value, source


def unsourced_numbers(values: Mapping[str, Any]) -> list[str]:
    """Dotted keys of the numbers (also inside lists) that carry no source."""
    missing = []
    for key, value, source in iter_leaves(values):
        numbers = value if isinstance(value, list) else [value]
        if any(_is_number(v) for v in numbers) and not (source and source.strip()):
            missing.append(key)
    return missing
