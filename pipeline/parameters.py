"""The parameter file (TOML): loading, dotted-key overrides, checksum.

Every number the models use beyond the data comes from here, so an economist can
change an assumption in one file (or with --set key=value) and see every figure move.
"""

from __future__ import annotations

import copy
import hashlib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ParameterError(ValueError):
    """A parameter file or override that cannot be used; the message names the key."""


@dataclass(frozen=True)
class Parameters:
    values: dict[str, Any]
    path: Path | None = None
    sha256: str | None = None
    overrides: tuple[str, ...] = field(default_factory=tuple)

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


def load_parameters(path: Path, overrides: Iterable[str] = ()) -> Parameters:
    """Read a TOML parameter file and apply overrides."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParameterError(f"cannot read parameter file {path}: {error.strerror}") from None
    try:
        values = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ParameterError(f"parameter file {path} is not valid TOML: {error}") from None
    overrides = tuple(overrides)
    return Parameters(
        values=with_overrides(values, overrides),
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        overrides=overrides,
    )
