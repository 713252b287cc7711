"""The project owns its contract: every reference in the code and the docs resolves inside the
repository, and nothing points at a document the project's users do not have."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import config

ROOT = config.PROJECT_ROOT
SKIP = {".git", ".venv", "reports", "processed", "__pycache__", ".pytest_cache", ".hypothesis", "broken"}
TEXT = {".py", ".md", ".sql", ".toml", ".ipynb", ".csv", ".j2", ".css", ".cfg", ".txt", ""}


def project_files() -> list[Path]:
    files = []
    for path in ROOT.rglob("*"):
        if path.is_file() and not SKIP.intersection(path.relative_to(ROOT).parts) and path.suffix in TEXT:
            files.append(path)
    return files


def test_no_file_points_outside_the_repository() -> None:
    outside = re.compile(r"\.\./shared|CONTRACT\b")
    offenders = [str(p.relative_to(ROOT)) for p in project_files()
                 if p.name != Path(__file__).name and outside.search(p.read_text(encoding="utf-8", errors="ignore"))]
    assert not offenders


@pytest.mark.parametrize("document", ["README.md", *[f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md")]])
def test_every_link_of_the_docs_resolves(document: str) -> None:
    text = (ROOT / document).read_text(encoding="utf-8")
    base = (ROOT / document).parent
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if re.match(r"^[a-z]+:", target):
            continue  # a web address
        assert (base / target).exists(), f"{document} links to {target}, which does not exist"


def test_every_docs_page_named_in_the_code_exists() -> None:
    named = set()
    for path in project_files():
        named.update(re.findall(r"docs/[a-z0-9_-]+\.md", path.read_text(encoding="utf-8", errors="ignore")))
    missing = sorted(name for name in named if not (ROOT / name).exists())
    assert not missing
