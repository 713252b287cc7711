"""Every path the pipeline uses by default, in one place.

The project root is found from this file, so the commands work from any working
directory inside a checkout. Every command takes --warehouse/--params/--out to override.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
DEMO_DIR = RAW_DIR / "demo"
PROCESSED_DIR = DATA_DIR / "processed"
REFERENCE_DIR = DATA_DIR / "reference"
EXAMPLES_DIR = DATA_DIR / "examples"
WAREHOUSE_PATH = PROCESSED_DIR / "joballiance.duckdb"
PARAMS_DIR = PROJECT_ROOT / "params"
PARAMS_PATH = PARAMS_DIR / "default.toml"
SCENARIOS_DIR = PARAMS_DIR / "scenarios"
REPORTS_DIR = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
MODELS_SQL_DIR = Path(__file__).resolve().parent / "models" / "sql"

PSEUDONYM_KEY_ENV = "JOBALLIANCE_PSEUDONYM_KEY"
