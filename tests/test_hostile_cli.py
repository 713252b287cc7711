"""Every subcommand with options out of range (issue: hostile inputs, class 5): a sentence
and exit code 2 (or 1 for a refused export), never a Python traceback, never a Python
warning on the terminal, in either language."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app

COMMANDS = ("run", "ingest", "validate", "build", "status", "report", "savings", "template", "demo-data")


def cases(tmp: Path) -> list[tuple[list[str], int, str]]:
    """(arguments, exit code, a fragment of the English message)."""
    missing = str(tmp / "missing")
    warehouse = ["--warehouse", str(tmp / "none.duckdb")]
    return [
        (["savings", "--monte-carlo", "0"], 2, "--monte-carlo must be a number of draws of at least 1, not 0"),
        (["savings", "--monte-carlo", "-5"], 2, "not -5"),
        (["savings", "--monte-carlo", "many"], 2, "Invalid value"),
        (["savings", "--set", "model.discount_rate=lots", *warehouse], 2, "model.discount_rate"),
        (["savings", "--params", missing + ".toml"], 2, "cannot read parameter file"),
        (["savings", "--lang", "fr"], 2, "--lang must be 'da' or 'en', not 'fr'"),
        (["status", "--lang", "xx"], 2, "not 'xx'"),
        (["status", *warehouse], 2, "does not exist yet"),
        (["report", "--lang", "de"], 2, "not 'de'"),
        (["report", "--partnership", "nowhere", *warehouse], 2, ""),
        (["build", *warehouse], 2, "does not exist yet"),
        (["build", "--set", "nope", *warehouse], 2, ""),
        (["build", "--lang", "fr"], 2, "not 'fr'"),
        (["ingest", missing, *warehouse], 2, "no such file or folder"),
        (["ingest", str(tmp), *warehouse], 2, "no exports found"),
        (["ingest", "--lang", "sv", str(tmp)], 2, "not 'sv'"),
        (["validate", missing], 2, "no such file or folder"),
        (["validate", str(config.EXAMPLES_DIR / "broken" / "missing_sheet.xlsx")], 1, "the sheet 'spells' is missing"),
        (["run", missing, *warehouse], 2, "no such file or folder"),
        (["run", "--lang", "fr", str(tmp)], 2, "not 'fr'"),
        (["template", str(tmp / "x.txt")], 2, "should end in .xlsx"),
        (["template", "--lang", "fr", str(tmp / "x.xlsx")], 2, "not 'fr'"),
        (["demo-data", "--lang", "fr", str(tmp / "d")], 2, "not 'fr'"),
        ([], 2, "Usage"),
        (["nonsense"], 2, "No such command"),
    ]


def invoke(args: list[str], lang_env: str) -> tuple[int, str, list[warnings.WarningMessage], object]:
    runner = CliRunner(env={"LANG": lang_env, "COLUMNS": "200"})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = runner.invoke(app, args)
    return result.exit_code, result.output, list(caught), result.exception


def test_every_command_is_covered(tmp_path: Path) -> None:
    covered = {args[0] for args, _, _ in cases(tmp_path) if args}
    assert covered - {"nonsense"} == set(COMMANDS)


@pytest.mark.parametrize("lang_env", ["en_US.UTF-8", "da_DK.UTF-8"])
def test_out_of_range_options_end_in_a_sentence(lang_env: str, tmp_path: Path) -> None:
    for args, code, fragment in cases(tmp_path):
        exit_code, output, caught, exception = invoke(args, lang_env)
        assert exception is None or isinstance(exception, SystemExit), (args, exception)
        assert exit_code == code, (args, output)
        assert "Traceback" not in output, (args, output)
        assert not caught, (args, [str(w.message) for w in caught])
        if lang_env.startswith("en"):
            assert fragment in " ".join(output.split()), (args, output)


def test_danish_is_the_default_and_english_is_asked_for(tmp_path: Path) -> None:
    _, danish, _, _ = invoke(["savings", "--monte-carlo", "0"], "C.UTF-8")
    assert "fejl: --monte-carlo skal være et antal træk på mindst 1, ikke 0" in danish
    _, english, _, _ = invoke(["savings", "--monte-carlo", "0", "--lang", "en"], "C.UTF-8")
    assert "error: --monte-carlo must be a number of draws of at least 1, not 0" in english
    _, by_env, _, _ = invoke(["savings", "--monte-carlo", "0"], "en_GB.UTF-8")
    assert by_env == english
    _, forced, _, _ = invoke(["savings", "--monte-carlo", "0", "--lang", "da"], "en_GB.UTF-8")
    assert forced == danish
