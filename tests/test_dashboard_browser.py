"""The dashboard in a real browser: Debian's chromium driven by Playwright, the page opened from disk.

The demo is ingested and built (so the page shows the real release), both pages are written,
and the browser changes every filter and compares every figure on the page with
`published_cells`, formatted as pipeline/formatting.py does. Chromium is the system's
(`apt-get install chromium`, done by `make test`); Playwright never downloads a browser.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from itertools import product
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
from test_dashboard import (
    DASHBOARD_REPORTS,
    IDENTITY,
    cell_key,
    embedded_cells,
    hidden_values_found,
    shown_text,
)
from typer.testing import CliRunner

from pipeline import config
from pipeline.cli import app
from pipeline.dashboard import write_dashboard
from pipeline.dashboard.data import JOB_TYPES, QUANTITIES
from pipeline.texts import category_order

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
IMG = config.PROJECT_ROOT / "docs" / "img"
SECTIONS = ("headline", "job_types", "rate", "retention", "profile", "funnel", "trend", "savings")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[duckdb.DuckDBPyConnection, Path]]:
    root = tmp_path_factory.mktemp("dashboard-demo")
    warehouse, out = root / "demo.duckdb", root / "reports"
    runner = CliRunner()
    # the demo's exports (named <partnership>_<export date>), not other data kept beside them
    exports = sorted(str(path) for path in config.DEMO_DIR.iterdir()
                     if re.search(r"_\d{4}-\d{2}-\d{2}(\.xlsx)?$", path.name))
    for command in (["ingest", *exports], ["build"]):
        result = runner.invoke(app, [*command, "--warehouse", str(warehouse)])
        assert result.exit_code == 0, result.output
    con = duckdb.connect(str(warehouse), read_only=True)
    for lang in ("da", "en"):
        write_dashboard(con, out, lang)
    yield con, out
    con.close()


@pytest.fixture(scope="module")
def cells(demo: tuple[duckdb.DuckDBPyConnection, Path]) -> pd.DataFrame:
    """The dashboard's published cells, straight from the warehouse (one row per statistic)."""
    con, _ = demo
    frame = con.execute(f"""select distinct {", ".join(IDENTITY)}, unit, value, decimals, hidden
        from published_cells where {DASHBOARD_REPORTS} and municipality_code is null""").df()
    return frame[frame["quantity"].isin(QUANTITIES)].reset_index(drop=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Debian's chromium is missing: `make test` installs it (apt-get install chromium)"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Watched:
    """A page with every request and console error it causes recorded."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def open(self, path: Path) -> Any:
        self.page.goto(path.resolve().as_uri())
        self.wait()
        return self.page

    def wait(self) -> None:
        self.page.wait_for_selector("body[data-ready=true]", timeout=20_000)

    def choose(self, **filters: str) -> None:
        for name, value in filters.items():
            if self.page.input_value(f"#f-{name}") != value:
                self.page.select_option(f"#f-{name}", value)
                self.wait()

    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("file:", "data:"))]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    page = Watched(browser)
    yield page
    assert page.outside() == [], "the page made a network request"
    assert page.errors == [], "the page logged an error"
    page.close()


def expected(cells: pd.DataFrame, p: str, c: str, e: str, latest: str) -> dict[str, pd.DataFrame]:
    """The cells each section must show for a choice of filters (docs/dashboard.md)."""
    mine = cells[cells["partnership_id"] == p]
    q, export = mine["quantity"], mine["export_date"].astype(str).str[:10]
    categories = [*category_order(), "total"]
    outcome = q.isin(["outcome_12m_count", "outcome_12m_share"]) & (mine["cohort"] == c) & (export == e)
    return {
        "headline": mine[outcome & mine["category"].isin(categories)],
        "job_types": mine[outcome & mine["category"].isin(JOB_TYPES)],
        "rate": mine[q.str.startswith("employment_rate") & (export == e)],
        "retention": mine[q.str.startswith("retention_") & (export == e)],
        "profile": mine[q.str.startswith("status_profile_") & (export == e) & mine["category"].isin(categories)],
        "funnel": mine[q.str.startswith("funnel_") & (export == e)],
        "trend": mine[q.str.startswith("trend_") & (export <= e) & mine["category"].isin(categories)],
        "savings": mine[((q == "savings_youths") & (export == e))
                        | (q.isin(["net_municipal_per_youth_dkk", "net_total_per_youth_dkk"]) & (e == latest))],
    }


SHOWN_JS = """() => Object.fromEntries(Array.from(document.querySelectorAll('main section')).map(s => [
    s.id.slice(2),
    {cells: Array.from(s.querySelectorAll('[data-cell]')).map(e => [Number(e.dataset.cell), e.textContent]),
     message: (s.querySelector('.message') || {}).textContent || null,
     charts: s.querySelectorAll('.chart svg').length,
     captions: Array.from(s.querySelectorAll('.chart-frame')).map(e => e.getAttribute('aria-label'))}]))"""


class Lookup:
    """The embedded rows' identities (by position) and the published cells (by identity)."""

    def __init__(self, embedded: pd.DataFrame, cells: pd.DataFrame) -> None:
        self.keys = [cell_key(row) for _, row in embedded.iterrows()]
        self.published = {cell_key(row): row for _, row in cells.iterrows()}


def check_choice(watched: Watched, lookup: Lookup, cells: pd.DataFrame, choice: dict[str, str],
                 latest: str, lang: str) -> int:
    """Every figure of every section for one choice of filters; returns how many were compared."""
    shown = watched.page.evaluate(SHOWN_JS)
    published = lookup.published
    compared = 0
    for section, want in expected(cells, choice["partnership"], choice["cohort"], choice["export"], latest).items():
        got = shown[section]
        keys = [lookup.keys[index] for index, _ in got["cells"]]
        assert sorted(map(str, set(keys))) == sorted(map(str, {cell_key(r) for _, r in want.iterrows()})), (
            section, choice)
        if want.empty:
            assert got["message"], (section, choice)
            continue
        assert got["charts"] == 1 and got["captions"][0], (section, choice)
        for (_index, text), key in zip(got["cells"], keys, strict=True):
            expected_text = shown_text(published[key], lang, 5)
            if section == "savings" and published[key]["quantity"] == "savings_youths":
                assert expected_text in text, (key, text)
            else:
                assert text == expected_text, (section, key, text, choice)
            compared += 1
    return compared


def test_every_filter_shows_the_published_cells_in_danish(watched: Watched, demo: Any, cells: pd.DataFrame) -> None:
    _, out = demo
    page_path = out / "dashboard.html"
    lookup = Lookup(embedded_cells(page_path.read_text(encoding="utf-8")), cells)
    page = watched.open(page_path)
    options = {name: page.eval_on_selector_all(f"#f-{name} option", "os => os.map(o => o.value)")
               for name in ("partnership", "cohort", "export")}
    assert options["partnership"][0] == "ALL" and len(options["partnership"]) == 6
    assert options["cohort"][0] == "ALL" and len(options["export"]) == 2
    latest = options["export"][0]
    compared = 0
    for partnership, cohort, export in product(options["partnership"], options["cohort"], options["export"]):
        choice = {"partnership": partnership, "cohort": cohort, "export": export}
        watched.choose(**choice)
        compared += check_choice(watched, lookup, cells, choice, latest, "da")
    assert compared > 1000


def test_english_page_formats_and_filters(watched: Watched, demo: Any, cells: pd.DataFrame) -> None:
    _, out = demo
    page_path = out / "en" / "dashboard.html"
    lookup = Lookup(embedded_cells(page_path.read_text(encoding="utf-8")), cells)
    page = watched.open(page_path)
    assert page.inner_text("h1") == "Model Joballiancen – dashboard"
    latest = page.input_value("#f-export")
    for partnership in page.eval_on_selector_all("#f-partnership option", "os => os.map(o => o.value)"):
        choice = {"partnership": partnership, "cohort": "ALL", "export": latest}
        watched.choose(**choice)
        check_choice(watched, lookup, cells, choice, latest, "en")
    watched.choose(partnership="ALL")
    assert "81%" in page.inner_text("#s-headline table")


def test_a_combination_without_a_table_says_so(watched: Watched, demo: Any) -> None:
    _, out = demo
    page = watched.open(out / "dashboard.html")
    older = page.eval_on_selector_all("#f-export option", "os => os.map(o => o.value)")[-1]
    watched.choose(export=older)
    for section in ("headline", "rate", "retention", "funnel", "savings"):
        message = page.inner_text(f"#s-{section} .message")
        assert message.startswith(("Der er ingen offentliggjort tabel", "Beregnet på de nyeste udtræk")), message
    assert page.locator("#s-trend table tbody tr").count() > 0  # the trend has the older export


def test_keyboard_hover_download_and_language_switch(watched: Watched, demo: Any, cells: pd.DataFrame) -> None:
    _, out = demo
    page = watched.open(out / "dashboard.html")
    # keyboard: the filters are reached with Tab and changed with the arrow keys
    page.focus("#lang-switch")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-partnership"
    page.keyboard.press("ArrowDown")
    watched.wait()
    assert page.input_value("#f-partnership") != "ALL"
    assert page.inner_text("#s-headline caption").split(" – ")[1].startswith(
        page.eval_on_selector("#f-partnership", "s => s.options[s.selectedIndex].text"))
    for target in ("f-cohort", "f-export"):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == target
    watched.choose(partnership="ALL", cohort="ALL")
    # every chart has a text alternative with its figures, and a table with a caption
    assert page.locator(".chart-frame[role=img][aria-label]").count() == len(SECTIONS)
    assert page.locator("table caption").count() == len(SECTIONS)
    # hover: the exact figure and its n
    page.hover("#s-headline .chart svg .mark-rect path", position={"x": 5, "y": 5})
    tooltip = page.wait_for_selector("#vg-tooltip-element.visible", timeout=5_000).inner_text()
    job = cells[(cells["quantity"] == "outcome_12m_share") & (cells["partnership_id"] == "ALL")
                & (cells["cohort"] == "ALL") & (cells["category"] == "job")].iloc[0]
    assert shown_text(job, "da", 5) in tooltip and "n" in tooltip
    # download: the headline table as CSV, built in the page from its cells
    with page.expect_download() as download:
        page.click("#s-headline a.download")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    want = expected(cells, "ALL", "ALL", page.input_value("#f-export"), page.input_value("#f-export"))["headline"]
    assert len(rows) == len(want) > 0
    published = {cell_key(r): r for _, r in want.iterrows()}
    for row in rows:
        key = cell_key({k: (None if row[k] == "" else row[k]) for k in IDENTITY})
        cell = published[key]
        assert (row["value"] == "") == bool(cell["hidden"])
        if row["value"]:
            assert float(row["value"]) == cell["value"]
    # the language switch keeps the filters
    watched.choose(partnership="mou-hotel-aalborg")
    page.click("#lang-switch")
    watched.wait()
    assert page.url.endswith("/en/dashboard.html#p=mou-hotel-aalborg&c=ALL&e=" + page.input_value("#f-export"))
    assert page.input_value("#f-partnership") == "mou-hotel-aalborg"


def test_screenshots_for_the_readme(watched: Watched, demo: Any) -> None:
    _, out = demo
    IMG.mkdir(parents=True, exist_ok=True)
    for lang, path in (("da", out / "dashboard.html"), ("en", out / "en" / "dashboard.html")):
        page = watched.open(path)
        target = IMG / f"dashboard-{lang}.png"
        page.screenshot(path=str(target), full_page=False)
        assert target.stat().st_size > 20_000


def test_the_demo_pages_hold_no_hidden_value_and_fit_the_size(demo: Any) -> None:
    con, out = demo
    assert con.execute(f"select count(*) from published_cells where hidden and {DASHBOARD_REPORTS}").fetchone()[0]
    for path in (out / "dashboard.html", out / "en" / "dashboard.html"):
        page = path.read_text(encoding="utf-8")
        assert hidden_values_found(page, con) == []
        assert path.stat().st_size < 2_000_000
