"""A small hand-made release (docs/release.md) for the dashboard tests, and the checks they share.

The fixture holds the whole programme (ALL) and one partnership, two exports, a cohort whose
cells are all hidden, cells of reports the dashboard must not read (economics, workbook), and
the true value of every hidden cell in `release_statistics`, as `joballiance build` writes them.
"""

from __future__ import annotations

import json
import re
from typing import Any

import duckdb
import pandas as pd

from pipeline import formatting as fmt

IDENTITY = ["quantity", "partnership_id", "municipality_code", "cohort", "month", "year", "export_date",
            "category", "item"]
SEP, MAR = "2024-09-30", "2024-03-31"
DECIMALS = {"count": 0, "share": 2, "rate": 2, "dkk": 0, "days": 0}


def _cell(report: str, table: str, quantity: str, unit: str, true: float, hidden: bool = False, *,
          pid: str | None = "ALL", cohort: str | None = None, month: int | None = None, year: int | None = None,
          export: str | None = SEP, category: str | None = None, n: int | None = None,
          decimals: int | None = None) -> dict[str, Any]:
    places = DECIMALS[unit] if decimals is None else decimals
    return {"report": report, "table_name": table, "quantity": quantity, "partnership_id": pid,
            "municipality_code": None, "cohort": cohort, "month": month, "year": year, "export_date": export,
            "category": category, "item": None, "unit": unit, "true_value": true,
            "value": None if hidden else round(true, places), "decimals": places, "hidden": hidden,
            "denominator_n": n}


def fixture_cells() -> pd.DataFrame:
    """The cells; `true_value` is what release_statistics holds (the value before suppression)."""
    rows: list[dict[str, Any]] = []
    # 12-month outcome, whole programme, all cohorts: 20 youths, three small categories hidden.
    outcome = {"job": (12, False), "education": (3, True), "in_programme": (3, True), "public_support": (2, True),
               "unknown": (0, False), "total": (20, False), "ordinary_job": (7, False), "flexjob": (5, False)}
    for report, table in (("dashboard", "outcome_12m_cohort"), ("programme", "outcome_12m")):
        for category, (count, hidden) in outcome.items():
            rows.append(_cell(report, table, "outcome_12m_count", "count", count, hidden, cohort="ALL",
                              category=category))
            rows.append(_cell(report, table, "outcome_12m_share", "share", count / 20, hidden, cohort="ALL",
                              category=category, n=20))
    # cohort 2023 of the programme: 4 youths, everything hidden (and its denominator too).
    for category, count in (("job", 3), ("total", 4)):
        rows.append(_cell("dashboard", "outcome_12m_cohort", "outcome_12m_count", "count", count, True,
                          cohort="2023", category=category))
        rows.append(_cell("dashboard", "outcome_12m_cohort", "outcome_12m_share", "share", count / 4, True,
                          cohort="2023", category=category))
    # the job rate among observable youths, 95 % Wilson interval.
    for quantity, unit, value, category in (("employment_rate_observable", "count", 17, "total"),
                                            ("employment_rate_job", "count", 12, "job"),
                                            ("employment_rate", "rate", 12 / 17, None),
                                            ("employment_rate_ci_low", "rate", 0.4687, None),
                                            ("employment_rate_ci_high", "rate", 0.8724, None)):
        rows.append(_cell("dashboard", "employment_rate_cohort", quantity, unit, value, cohort="ALL",
                          category=category, n=17 if unit == "rate" else None))
    # the partnership: a small group; its counts and shares hidden.
    rows.append(_cell("partnership-alpha", "outcome_12m", "outcome_12m_count", "count", 4, True, pid="alpha",
                      cohort="ALL", category="total"))
    rows.append(_cell("partnership-alpha", "outcome_12m", "outcome_12m_count", "count", 3, True, pid="alpha",
                      cohort="ALL", category="job"))
    rows.append(_cell("partnership-alpha", "outcome_12m", "outcome_12m_share", "share", 0.7531, True,
                      pid="alpha", cohort="ALL", category="job"))
    # retention: months 0..3, month 3 hidden.
    for month, survival in ((0, 1.0), (1, 0.95), (2, 0.9), (3, 0.8437)):
        hidden = month == 3
        rows.append(_cell("programme", "retention", "retention_survival", "share", survival, hidden, month=month))
        rows.append(_cell("programme", "retention", "retention_ci_low", "share", survival - 0.1, hidden, month=month))
        rows.append(_cell("programme", "retention", "retention_ci_high", "share", min(1.0, survival + 0.05), hidden,
                          month=month))
    rows.append(_cell("programme", "retention", "retention_at_risk", "count", 12, month=0))
    rows.append(_cell("programme", "retention", "retention_at_risk", "count", 2, True, month=3))
    # status profile at months 1 and 12.
    for month, job, total in ((1, 2, 20), (12, 12, 17)):
        rows.append(_cell("programme", "status_profile", "status_profile_count", "count", job, job < 5,
                          month=month, category="job"))
        rows.append(_cell("programme", "status_profile", "status_profile_share", "share", job / total, job < 5,
                          month=month, category="job", n=total))
        rows.append(_cell("programme", "status_profile", "status_profile_count", "count", total, month=month,
                          category="total"))
    # the funnel.
    for phase, count, days in (("phase_1", 20, 0), ("phase_2", 18, 120), ("phase_3", 15, 200), ("phase_4", 9, 310)):
        rows.append(_cell("programme", "funnel", "funnel_count", "count", count, category=phase))
        rows.append(_cell("programme", "funnel", "funnel_share", "share", count / 20, category=phase, n=20))
        rows.append(_cell("programme", "funnel", "funnel_median_days", "days", days, category=phase))
    rows.append(_cell("programme", "funnel", "funnel_count", "count", 20, category="total"))
    # the trend: two exports.
    for export, job, total in ((MAR, 9, 16), (SEP, 12, 20)):
        rows.append(_cell("programme", "trend", "trend_count", "count", job, export=export, category="job"))
        rows.append(_cell("programme", "trend", "trend_share", "share", job / total, export=export, category="job",
                          n=total))
        rows.append(_cell("programme", "trend", "trend_count", "count", total, export=export, category="total"))
    # savings: youths counted, net per youth by year (no export date: they describe the current exports).
    rows.append(_cell("dashboard", "savings_by_year", "savings_youths", "count", 20))
    for year, municipal, total in ((1, -26392.4, -3621.0), (2, 58382.0, 1234567.0)):
        rows.append(_cell("dashboard", "savings_by_year", "net_municipal_per_youth_dkk", "dkk", municipal, year=year,
                          export=None, n=20))
        rows.append(_cell("dashboard", "savings_by_year", "net_total_per_youth_dkk", "dkk", total, year=year,
                          export=None, n=20))
    # reports the dashboard does not read: a full-precision workbook figure, an economics table.
    rows.append(_cell("workbook", "results", "net_total_per_youth_dkk", "dkk", 1234567.123456, year=2, export=None,
                      decimals=6, n=20))
    rows.append(_cell("economics", "savings_summary", "npv_net_total_dkk", "dkk", 987654.0, export=None))
    frame = pd.DataFrame(rows)
    keys = frame[IDENTITY].astype(str).agg("|".join, axis=1)
    frame["statistic_id"] = pd.factorize(keys)[0]
    return frame


def fixture_warehouse(cells: pd.DataFrame | None = None, min_cell: int = 5) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse with published_cells, release_statistics and model_parameters."""
    cells = fixture_cells() if cells is None else cells
    con = duckdb.connect()
    con.register("incoming", cells.astype(object).where(cells.notna(), None))
    con.execute("""create table published_cells as
        select report, table_name, quantity, partnership_id, municipality_code, cohort,
               cast(month as bigint) as month, cast(year as bigint) as year, cast(export_date as date) as export_date,
               category, item, unit, cast(value as double) as value, cast(decimals as integer) as decimals,
               cast(hidden as boolean) as hidden, cast(denominator_n as bigint) as denominator_n,
               cast(statistic_id as bigint) as statistic_id
        from incoming""")
    con.execute("""create table release_statistics as
        select distinct cast(statistic_id as bigint) as statistic_id, quantity, partnership_id, municipality_code,
               cohort, cast(month as bigint) as month, cast(year as bigint) as year,
               cast(export_date as date) as export_date, category, item, unit,
               cast(true_value as double) as value, cast(hidden as boolean) as hidden
        from incoming""")
    con.unregister("incoming")
    con.execute("create table model_parameters (name varchar, parameter varchar, value double)")
    con.execute("insert into model_parameters values ('min_cell', 'suppression.min_cell', ?)", [min_cell])
    return con


# --- checks shared by the fast and the browser tests

DASHBOARD_REPORTS = "(report in ('programme', 'dashboard') or report like 'partnership-%')"


def embedded_data(page: str) -> dict[str, Any]:
    """The JSON the page embeds (its only data)."""
    match = re.search(r'<script type="application/json" id="dashboard-data">(.*?)</script>', page, re.S)
    assert match, "the page embeds no data"
    return json.loads(match.group(1))


def embedded_cells(page: str) -> pd.DataFrame:
    data = embedded_data(page)
    return pd.DataFrame(data["cells"], columns=data["columns"])


def cell_key(cell: Any) -> tuple:
    """A cell's identity as plain values (dates as ISO text, months and years as int)."""
    def plain(name: str, value: Any) -> Any:
        if value is None or pd.isna(value):
            return None
        if name == "export_date":
            return str(value)[:10]
        return int(value) if name in ("month", "year") else value
    return tuple(plain(k, cell[k]) for k in IDENTITY)


def hidden_values_found(page: str, con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every hidden cell's true value that the page's data carry in the cell's own context: as the
    cell's value, or as the denominator n of a cell of the same table row group. Empty = none leaked."""
    embedded = embedded_cells(page)
    by_key = {cell_key(row): row for _, row in embedded.iterrows()}
    hidden = con.execute(f"""
        select distinct {", ".join("c." + k for k in IDENTITY)}, c.unit, s.value as true_value
        from published_cells as c join release_statistics as s using (statistic_id)
        where c.hidden and {DASHBOARD_REPORTS.replace("report", "c.report")}""").df()
    found = []
    context = ["partnership_id", "municipality_code", "cohort", "month", "year", "export_date"]
    for _, row in hidden.iterrows():
        key = cell_key(row)
        shown = by_key.get(key)
        if shown is not None and not pd.isna(shown["value"]):
            found.append(f"{key}: value {shown['value']} (true {row['true_value']})")
        if row["category"] == "total" and row["unit"] == "count":
            family = row["quantity"].rsplit("_", 1)[0]
            same = [cell for k, cell in by_key.items() if cell["quantity"].startswith(family)
                    and all(k[IDENTITY.index(c)] == key[IDENTITY.index(c)] for c in context)]
            found += [f"{key}: the denominator n of {cell['quantity']}/{cell['category']}" for cell in same
                      if not pd.isna(cell["denominator_n"]) and cell["denominator_n"] == row["true_value"]]
    return found


def shown_text(cell: Any, lang: str, min_cell: int) -> str:
    """How a published cell must read on the page (pipeline/formatting.py; docs/release.md)."""
    if cell["hidden"]:
        return f"<{min_cell}" if cell["unit"] == "count" else fmt.MISSING
    value, unit, decimals = cell["value"], cell["unit"], int(cell["decimals"])
    if unit == "count":
        return fmt.fmt_int(value, lang)
    if unit in ("share", "rate"):
        return fmt.fmt_pct(value, lang, max(0, decimals - 2))
    if unit == "dkk":
        return fmt.fmt_dkk(value, lang)
    return fmt.fmt_number(value, lang, decimals)


# --- the tests (fast: no browser; the browser tests are in test_dashboard_browser.py)

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pipeline.dashboard import DashboardDataError, dashboard_path, write_dashboard  # noqa: E402
from pipeline.dashboard.data import QUANTITIES, dashboard_cells, embed_json, payload  # noqa: E402
from pipeline.dashboard.page import BundleError, chart_library, defuse_cpr_like, render_page  # noqa: E402
from pipeline.privacy import contains_cpr  # noqa: E402
from pipeline.texts import domain_texts  # noqa: E402

TEXTS = domain_texts("dashboard")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("dashboard")
    con = fixture_warehouse()
    written = {lang: write_dashboard(con, out, lang) for lang in ("da", "en")}
    assert written == {"da": out / "dashboard.html", "en": out / "en" / "dashboard.html"}
    return {lang: path.read_text(encoding="utf-8") for lang, path in written.items()}


def test_each_page_is_one_self_contained_file(pages: dict[str, str]) -> None:
    for lang, page in pages.items():
        assert f'<html lang="{lang}">' in page
        # the markup outside the inline scripts loads nothing (the browser test watches the scripts at work)
        markup = re.sub(r"<script\b[^>]*>.*?</script>", "<script></script>", page, flags=re.S).lower()
        assert markup.count("<script") == 3
        for reference in ("src=", "<link", "<img", "<iframe", "@import", "url(", "http:", "https:"):
            assert reference not in markup, (lang, reference)
        assert "window.vegaEmbed" in page  # the chart library is inline
        assert len(page.encode("utf-8")) < 2_000_000
    assert 'href="en/dashboard.html"' in pages["da"]
    assert 'href="../dashboard.html"' in pages["en"]
    assert "Hele programmet" in pages["da"] and "Whole programme" in pages["en"]


def test_the_page_embeds_exactly_the_dashboard_cells(pages: dict[str, str]) -> None:
    cells = fixture_cells()
    wanted = cells[cells["report"].isin(["programme", "dashboard"]) | cells["report"].str.startswith("partnership-")]
    wanted = wanted[wanted["quantity"].isin(QUANTITIES)]
    expected = {cell_key(row): (None if row["hidden"] else row["value"]) for _, row in wanted.iterrows()}
    for page in pages.values():
        embedded = embedded_cells(page)
        got = {cell_key(row): (None if pd.isna(row["value"]) else row["value"]) for _, row in embedded.iterrows()}
        assert len(got) == len(embedded)  # one row per statistic
        assert got == expected
        # figures of reports the dashboard does not read are nowhere in the file
        assert "1234567.123456" not in page and "987654" not in page


def test_no_hidden_value_is_in_the_embedded_data(pages: dict[str, str]) -> None:
    con = fixture_warehouse()
    assert con.execute("select count(*) from published_cells where hidden").fetchone()[0] >= 10
    for page in pages.values():
        assert hidden_values_found(page, con) == []


def test_the_hidden_value_search_finds_a_planted_leak() -> None:
    con = fixture_warehouse()
    cells = dashboard_cells(con)
    leaky = cells.copy()
    education = (leaky["quantity"] == "outcome_12m_count") & (leaky["category"] == "education") & (
        leaky["cohort"] == "ALL")
    leaky.loc[education, "value"] = 3.0
    share = (leaky["quantity"] == "outcome_12m_share") & (leaky["cohort"] == "2023") & (leaky["category"] == "job")
    leaky.loc[share, "denominator_n"] = 4
    page = render_page(payload(leaky, "da", 5, False), "da")
    found = hidden_values_found(page, con)
    assert len(found) == 2, found
    assert any("education" in f for f in found) and any("denominator" in f for f in found)


def test_the_threshold_comes_from_the_build_parameters(tmp_path: Path) -> None:
    page = write_dashboard(fixture_warehouse(min_cell=7), tmp_path, "en").read_text(encoding="utf-8")
    assert embedded_data(page)["min_cell"] == 7
    assert "counts below 7 show as &#x27;&lt;7&#x27;" in page
    assert dashboard_path(tmp_path, "en") == tmp_path / "en" / "dashboard.html"


def test_a_warehouse_without_a_release_is_refused_with_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(DashboardDataError, match="joballiance build"):
        write_dashboard(duckdb.connect(), tmp_path, "da")
    assert not (tmp_path / "dashboard.html").exists()


def test_one_statistic_with_two_values_is_refused(tmp_path: Path) -> None:
    cells = fixture_cells()
    twin = cells[(cells["report"] == "programme") & (cells["quantity"] == "funnel_count")].head(1).copy()
    twin["report"], twin["value"] = "partnership-alpha", twin["value"] + 1
    with pytest.raises(DashboardDataError, match="two different published values"):
        write_dashboard(fixture_warehouse(pd.concat([cells, twin])), tmp_path, "da")


def test_hand_worked_formats() -> None:
    def cell(unit: str, value: float | None, decimals: int, hidden: bool = False) -> dict[str, Any]:
        return {"unit": unit, "value": value, "decimals": decimals, "hidden": hidden}
    cases = [
        (cell("count", 1234, 0), "1.234", "1,234"),
        (cell("share", 0.81, 2), "81 %", "81%"),
        (cell("rate", 0.125, 3), "12,5 %", "12.5%"),
        (cell("dkk", -26392, 0), "−26.392 kr.", "DKK −26,392"),
        (cell("days", 120, 0), "120", "120"),
        (cell("count", None, 0, hidden=True), "<5", "<5"),
        (cell("share", None, 2, hidden=True), "–", "–"),
        (cell("dkk", None, 0, hidden=True), "–", "–"),
    ]
    for value, da, en in cases:
        assert (shown_text(value, "da", 5), shown_text(value, "en", 5)) == (da, en)


def test_every_dashboard_text_has_both_languages_with_the_same_fields() -> None:
    fields = re.compile(r"\{(\w+)\}")
    for key, (da, en) in TEXTS.items():
        assert key.startswith("dash.") and da.strip() and en.strip(), key
        assert sorted(fields.findall(da)) == sorted(fields.findall(en)), key


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                    max_leaves=20))
def test_embedded_json_cannot_end_its_script_element(data: Any) -> None:
    text = embed_json(data)
    assert "<" not in text
    assert json.loads(text) == data


def test_cpr_like_constants_of_the_chart_library_are_rewritten_with_the_same_meaning() -> None:
    number = "return(t=(1103515245*t+12345)%2147483647)"
    assert defuse_cpr_like(number) == "return(t=(0x41c64e6d*t+12345)%2147483647)"
    assert int("0x41c64e6d", 16) == 1103515245
    colours = 'greens:"d3eecdc0e6baabdda594d3917bc77d60ba6c46ab5e329a512089430e7735036429",x'
    rewritten = defuse_cpr_like(colours)
    assert rewritten != colours and rewritten.replace('"+"', "") == colours
    assert not contains_cpr(rewritten)
    assert defuse_cpr_like("n=.0352624965998911*o") == "n=.0352624965998911*o"  # not CPR-like: unchanged
    with pytest.raises(BundleError):
        defuse_cpr_like("var a_0512089430=1")
    library = chart_library()
    assert not contains_cpr(library) and "window.vegaEmbed" in library


def test_no_page_holds_anything_cpr_like(pages: dict[str, str]) -> None:
    for page in pages.values():
        assert not contains_cpr(page)


@settings(max_examples=15, deadline=None)
@given(st.data())
def test_a_hidden_cell_never_carries_a_value_even_when_the_table_still_holds_one(data: st.DataObject) -> None:
    """Whatever cells are hidden — even where the table (wrongly) kept their value — the
    embedded data hold no value for them, and every shown cell keeps its published value."""
    cells = fixture_cells()
    statistics = sorted(cells["statistic_id"].unique())
    mask = data.draw(st.lists(st.booleans(), min_size=len(statistics), max_size=len(statistics)))
    cells["hidden"] = cells["statistic_id"].map(dict(zip(statistics, mask, strict=True)))  # one flag a statistic
    cells["value"] = cells["true_value"].round(2)  # a careless writer: the value left in place
    con = fixture_warehouse(cells)
    embedded = embedded_cells(render_page(payload(dashboard_cells(con), "en", 5, False), "en"))
    for _, row in embedded.iterrows():
        assert pd.isna(row["value"]) == bool(row["hidden"]), row.to_dict()
    assert int(embedded["hidden"].sum()) == len({cell_key(r) for _, r in cells[cells["hidden"]].iterrows()
                                                 if r["quantity"] in QUANTITIES
                                                 and r["report"] not in ("workbook", "economics")})
