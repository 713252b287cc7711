"""Every path the pipeline uses by default, in one place.

The project root is found from this file, so the commands work from any working
directory inside a checkout. Every command takes --warehouse/--params/--out to override.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MODELS_SQL_DIR = Path(__file__).resolve().parent / "models" / "sql"

# the checkout's folders: data (in), parameters, and what goes out
DATA_DIR, PARAMS_DIR, REPORTS_DIR, NOTEBOOKS_DIR = (
    PROJECT_ROOT / name for name in ("data", "params", "reports", "notebooks")
)
# the exports as sent (raw, the demo's among them), the warehouse they are loaded into
# (processed), the reference tables and example exports
RAW_DIR, PROCESSED_DIR, REFERENCE_DIR, EXAMPLES_DIR = (
    DATA_DIR / name for name in ("raw", "processed", "reference", "examples")
)
DEMO_DIR = RAW_DIR / "demo"
WAREHOUSE_PATH = PROCESSED_DIR / "joballiance.duckdb"
# the default parameter file and the named scenarios
PARAMS_PATH = PARAMS_DIR / "default.toml"
SCENARIOS_DIR = PARAMS_DIR / "scenarios"

PSEUDONYM_KEY_ENV = "JOBALLIANCE_PSEUDONYM_KEY"
