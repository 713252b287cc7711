"""Report building blocks without rendering: number formats, the text catalog, display tables made
from published cells (hand-made releases), the HBS comparison and the CSV downloads."""

from __future__ import annotations

import re
import string
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import config
from pipeline import formatting as fmt
from pipeline import texts as i18n
from pipeline.release.cells import CELL_COLUMNS, report_tables
from pipeline.release.downloads import DIMENSIONS, write_table_csvs
from pipeline.reports import blocks, effect, money, summary, tables
from pipeline.reports.context import open_context

# ----------------------------------------------------------------------------- formats and texts


def test_danish_and_english_number_formats() -> None:
    assert fmt.fmt_dkk(1234567, "da") == "1.234.567 kr."
    assert fmt.fmt_dkk(1234567, "en") == "DKK 1,234,567"
    assert fmt.fmt_dkk(-30000.4, "da") == "−30.000 kr."
    assert fmt.fmt_pct(0.81, "da") == "81 %"
    assert fmt.fmt_pct(0.81, "en") == "81%"
    assert fmt.fmt_pct(0.1549, "da", 1) == "15,5 %"
    assert fmt.fmt_mio_dkk(150e6, "da") == "150 mio. kr."
    assert fmt.fmt_mio_dkk(150e6, "en") == "DKK 150 million"
    assert fmt.fmt_ratio(0.944, "da", 3) == "0,944"
    assert fmt.fmt_date("2024-09-30", "da") == "30.09.2024"
    with pytest.raises(ValueError):
        fmt.fmt_pct(0.5, "de")


def test_every_report_text_is_in_both_languages_with_the_same_fields() -> None:
    from pipeline.texts import DOMAINS, domain_texts

    for key, (da, en) in {k: v for d in DOMAINS for k, v in domain_texts(d).items()}.items():
        assert (da.strip() and en.strip()) or da == en == "", key  # empty in both only on purpose (no unit)
        fields_da = {f for _, f, _, _ in string.Formatter().parse(da) if f}
        fields_en = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        assert fields_da == fields_en, key


# Every text key the report code builds at run time (an f-string key): its prefix and the values
# filled in. A new dynamic key fails the test below until it is listed here.
DYNAMIC_KEYS: dict[str, list[str]] = {
    "title.": ["programme", "partnership", "economics", "data_quality"],
    "subtitle.": ["programme", "partnership", "economics", "data_quality"],
    "phase.": ["1", "2", "3", "4"],
    "value.": list(money.SOURCES),
    "fig.": ["pilot_youths", "pilot_share_job_12m", "pilot_share_education_12m", "pilot_share_in_course_12m",
             "pilot_share_public_support_12m", "hbs_national_annual_saving",
             "hbs_national_extra_full_time_employed", "hbs_break_even_share_job_or_education",
             "national_stock_net_total_dkk", "national_stock_extra_fte"],
    "fig.break_even_": ["npv", "steady_year"],
    "col.": ["cohort_net_total_dkk", "cohort_extra_fte", "stock_net_total_dkk", "stock_net_municipal_dkk",
             "stock_extra_fte"],
    "csv.": list(DIMENSIONS),
    "param.": ["annual_public_cost_dkk", "municipal_share", "fte", "model.discount_rate", "projection.job_retention",
               "programme_cost.per_youth_dkk"],
    **{prefix: ["no_spells_after_stu", "missing_stu_end", "gap_in_history", "missing_cost"]  # data_quality_checks
       for prefix in ("dq.check.", "dq.size.", "dq.why.")},
    "q.": sorted({q for specs in report_tables(["p"]).values() for spec in specs for q in spec.quantities}),
}
_STATIC = re.compile(r"""\bt\(\s*\\?["']([a-z_]+\.[a-z0-9_.]+)\\?["']""")
_DYNAMIC = re.compile(r"""\bt\(\s*f\\?["']([a-z_]+\.[a-z0-9_.]*)\{""")


def _sources() -> list[Path]:
    root = config.PROJECT_ROOT
    return [*(root / "pipeline" / "reports").glob("*.py"), root / "pipeline" / "release" / "downloads.py",
            *config.NOTEBOOKS_DIR.glob("*.ipynb")]


def test_every_text_key_the_code_uses_exists_static_and_dynamic() -> None:
    static, dynamic = set(), set()
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        static |= set(_STATIC.findall(text))
        dynamic |= set(_DYNAMIC.findall(text))
    assert static and dynamic
    assert not sorted(k for k in static if k not in i18n.TEXTS)
    unlisted = sorted(p for p in dynamic if p not in DYNAMIC_KEYS)
    assert not unlisted, f"dynamic text keys not listed in DYNAMIC_KEYS: {unlisted}"
    missing = sorted(p + v for p in dynamic for v in DYNAMIC_KEYS[p] if p + v not in i18n.TEXTS)
    assert not missing


def test_the_two_employment_figures_have_distinct_names() -> None:
    assert "kan følges i 12 måneder" in i18n.t("h.employment_rate", "da")
    assert "followed for 12 months" in i18n.t("chart.rate_title", "en")
    assert i18n.t("col.rate", "da") != i18n.t("col.share", "da")


# ----------------------------------------------------------------------------- a hand-made release


def _cell(report: str, table: str, quantity: str, unit: str, value: float | None, hidden: bool = False,
          **dims: object) -> dict[str, object]:
    decimals = {"share": 2, "rate": 2}.get(unit, 0)
    row: dict[str, object] = dict.fromkeys(CELL_COLUMNS)
    row.update(report=report, table_name=table, quantity=quantity, unit=unit, decimals=decimals,
               value=None if hidden else value, hidden=hidden, **dims)
    return row


def _headline(report: str, pid: str, counts: dict[str, int], hidden: set[str]) -> list[dict[str, object]]:
    n = sum(counts.values())
    rows = []
    for cat, c in [*counts.items(), ("total", n)]:
        dims = {"partnership_id": pid, "cohort": "ALL", "category": cat}
        rows.append(_cell(report, "outcome_12m", "outcome_12m_count", "count", c, cat in hidden, **dims))
        rows.append(_cell(report, "outcome_12m", "outcome_12m_share", "share", round(c / n, 2), cat in hidden,
                          **dims))
    return rows


def _release(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    """A warehouse holding just a release and the build's parameters."""
    path = tmp_path / "release.duckdb"
    frame = pd.DataFrame(rows, columns=CELL_COLUMNS)
    for column in ("month", "year", "decimals", "denominator_n"):
        frame[column] = frame[column].astype("Int64")
    frame["value"] = frame["value"].astype("Float64")
    frame["hidden"] = frame["hidden"].astype(bool)
    frame["export_date"] = pd.to_datetime(frame["export_date"])
    con = duckdb.connect(str(path))
    con.register("frame", frame)
    con.execute("create table published_cells as select * from frame")
    con.execute("create table model_parameters (name varchar, parameter varchar, value double)")
    con.execute("insert into model_parameters values ('min_cell', 'suppression.min_cell', 5)")
    con.execute("create table savings_parameters (key varchar, value varchar, source varchar)")
    con.execute("insert into savings_parameters values ('model.discount_rate', '0.035', 'test'), "
                "('suppression.min_cell', '5', 'test')")
    con.execute("create table build_log (built_at timestamp, params_path varchar, params_sha256 varchar, "
                "overrides varchar, tables varchar)")
    con.execute("insert into build_log values ('2024-10-01 12:00', '/somewhere/else/default.toml', 'abc', null, '')")
    con.close()
    return path


PILOT = [_cell("programme", "published_comparison", "published_value", u, v, item=i)
         for i, u, v in (("pilot_share_job_12m", "share", 0.81), ("pilot_youths", "count", 140))]


@pytest.fixture()
def small_release(tmp_path: Path) -> Path:
    """Programme: job 20, education 3 (hidden), in course 7 (hidden as its complement), support 6."""
    rows = _headline("programme", "ALL", {"job": 20, "education": 3, "in_programme": 7, "public_support": 6},
                     {"education", "in_programme"})
    rows += [_cell("programme", "outcome_12m", "outcome_12m_count", "count", 0, partnership_id="ALL",
                   cohort="ALL", category="unknown")]
    return _release(tmp_path, rows + PILOT)


def test_headline_shows_each_cell_as_published(small_release: Path) -> None:
    ctx = open_context(small_release, "da")
    table = tables.headline_table(ctx, "programme")
    rows = dict(zip(table.iloc[:, 0], zip(table.iloc[:, 1], table.iloc[:, 2], table.iloc[:, 3], strict=True),
                    strict=True))
    assert rows["Job"] == ("20", "56 %", "81 %")
    assert rows["Uddannelse"] == ("<5", "–", fmt.MISSING)  # no pilot figure in this release
    assert rows["Stadig i forløb"][:2] == ("<5", "–")  # hidden count: the mark, never the value
    assert rows["I alt"] == ("36", "100 %", "140")
    assert "Ukendt" not in rows  # zero unknown: no row
    assert ctx.build["params_file"] == "default.toml"  # the name, never the folder


def test_grid_marks_hidden_and_absent_cells_and_numeric_leaves_them_out(small_release: Path) -> None:
    ctx = open_context(small_release, "en")
    cells = ctx.cells("programme", "outcome_12m")
    shown = tables.grid(ctx, cells, "category",
                        [tables.col("n", quantity="outcome_12m_count"), tables.col("s", quantity="nothing")],
                        ("cat", str), ["job", "education", "absent"])
    assert list(shown["n"]) == ["20", "<5", fmt.MISSING]
    assert list(shown["s"]) == [fmt.MISSING] * 3
    numbers = tables.numeric(cells, "category")
    assert numbers.loc["job", "outcome_12m_count"] == 20
    assert pd.isna(numbers.loc["education", "outcome_12m_count"])


def test_a_tiny_programme_says_why_everything_is_hidden(tmp_path: Path) -> None:
    rows = _headline("programme", "ALL", {"job": 2, "education": 1, "in_programme": 0, "public_support": 0},
                     {"job", "education", "total"})
    ctx = open_context(_release(tmp_path, rows + PILOT), "da")
    note = summary.small_programme_note(ctx, "programme")
    assert note is not None and "anonymitet" in note
    table = tables.headline_table(ctx, "programme")
    assert "2" not in set(table.iloc[:, 1]) and "1" not in set(table.iloc[:, 1])


def test_hbs_is_set_against_one_cohorts_steady_year_and_the_stock_is_apart(tmp_path: Path) -> None:
    rows = [_cell("economics", "national", f"national_{basis}_net_total_dkk", "dkk", v * 1e6, year=y)
            for y in (1, 2, 3) for basis, v in (("cohort", 100 + y), ("stock", 300 + y))]
    rows += [_cell("economics", "national", f"national_{basis}_extra_fte", "fte", v, year=y)
             for y in (1, 2, 3) for basis, v in (("cohort", 10 + y), ("stock", 30 + y))]
    rows += [_cell("economics", "published_comparison", q, u, v, item=i)
             for q, u, v, i in (("published_value", "dkk", 150e6, "hbs_national_annual_saving"),
                                ("computed_value", "dkk", 102e6, "hbs_national_annual_saving"),
                                ("published_value", "fte", 700, "hbs_national_extra_full_time_employed"),
                                ("computed_value", "fte", 12, "hbs_national_extra_full_time_employed"),
                                ("published_value", "share", 0.26, "hbs_break_even_share_job_or_education"))]
    rows += [_cell("economics", "published_comparison", "break_even_share", "share", 0.15, item="npv"),
             _cell("economics", "published_comparison", "break_even_share", "share", 0.68, item="steady_year",
                   year=2)]
    ctx = open_context(_release(tmp_path, rows), "da")
    assert money.steady_year(ctx, "economics") == 2
    table = money.hbs_table(ctx, "economics")
    computed = list(table.iloc[:, 2])
    assert computed[:2] == ["102,0 mio. kr.", "12"]  # one cohort in its year 2, as published
    assert computed[2:4] == ["303,0 mio. kr.", "33"]  # the stock of the last year, on its own rows
    assert list(table.iloc[:, 1])[2:4] == [fmt.MISSING, fmt.MISSING]  # nothing published to compare it with
    assert computed[4:] == ["15 %", "68 %"]  # break-even on both bases
    assert list(table.iloc[:, 1])[4:] == ["26 %", fmt.MISSING]  # HBS's figure only beside its own basis
    assert "år 2" in table.iloc[0, 0] and "Bestanden" in table.iloc[2, 0]


# ----------------------------------------------------------------------------- CSV downloads


def test_csv_downloads_hide_the_same_cells_in_excels_danish_format(small_release: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(small_release), read_only=True)
    try:
        da = write_table_csvs(con, tmp_path / "da", "da")
        en = write_table_csvs(con, tmp_path / "en", "en")
    finally:
        con.close()
    target = tmp_path / "da" / "tables" / "programme" / "outcome_12m.csv"
    assert target in da and len(da) == len(en) == 2
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the æøå
    frame = pd.read_csv(target, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns)[:3] == ["Partnerskab", "Årgang", "Kategori"]
    hidden = frame[frame["Skjult"] == "ja"]
    assert set(hidden["Værdi"]) == {""}
    assert set(hidden["Vist som"]) == {"<5", "–"}
    assert "0,56" in set(frame["Værdi"])  # decimal comma
    english = pd.read_csv(tmp_path / "en" / "tables" / "programme" / "outcome_12m.csv", dtype=str,
                          keep_default_na=False)
    assert "0.56" in set(english["Value"]) and "Hidden" in english.columns
    assert (english["Value"] == "").sum() == len(hidden)


def test_table_html_escapes_right_aligns_and_links_its_csv() -> None:
    frame = pd.DataFrame({"Navn": ["<b>x</b>"], "Beløb": ["1.234 kr."], "Andel": ["81 %"]})
    html = blocks.table_html(frame, note="note")
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<td class=num>1.234 kr.</td>" in html and "<td class=num>81 %</td>" in html
    assert '<p class="table-note">note</p>' in html
    link = blocks.table(frame, download=("programme", "outcome_12m")).data
    assert 'href="tables/programme/outcome_12m.csv"' in link


@given(st.lists(st.tuples(st.integers(0, 400), st.booleans(), st.sampled_from(["count", "share", "dkk"])),
                min_size=1, max_size=12))
@settings(max_examples=60, deadline=None)
def test_grid_never_shows_a_hidden_cells_value(cells: list[tuple[int, bool, str]]) -> None:
    frame = pd.DataFrame([{**dict.fromkeys(CELL_COLUMNS), "category": f"c{i}", "quantity": "q", "unit": unit,
                           "decimals": 2 if unit == "share" else 0, "hidden": hidden,
                           "value": None if hidden else (v / 400 if unit == "share" else float(v))}
                          for i, (v, hidden, unit) in enumerate(cells)])

    class Ctx:
        lang, min_cell = "da", 5

        def text(self, cell: object, as_millions: bool = False) -> str:
            from pipeline.release.read import cell_text

            return fmt.MISSING if cell is None else cell_text(cell, "da", 5)

    shown = tables.grid(Ctx(), frame, "category", [tables.col("v", quantity="q")], ("k", str))  # type: ignore[arg-type]
    for (_, hidden, unit), text in zip(cells, shown["v"], strict=True):
        if hidden:
            assert text == ("<5" if unit == "count" else "–")
        else:
            assert text not in ("<5", "")
    numbers = tables.numeric(frame, "category").reindex([f"c{i}" for i in range(len(cells))])
    assert numbers["q"].isna().tolist() == [h for _, h, _ in cells]


def test_parameters_are_named_for_readers_in_both_languages() -> None:
    assert money.parameter_label("status.flexjob.annual_public_cost_dkk", "da") == (
        "Fleksjob: offentlig udgift pr. helårsperson")
    assert money.parameter_label("model.discount_rate", "en") == "Discount rate"
    assert money.parameter_label("some.new_key", "da") == "some.new_key"


# ----------------------------------------------------------------------------- the effect section


def _factor(report: str, table: str, quantity: str, value: float | None, hidden: bool = False,
            **dims: object) -> dict[str, object]:
    return {**_cell(report, table, quantity, "factor", value, hidden, **dims), "decimals": 4}


def _comparison_release(tmp_path: Path) -> Path:
    """Two years of a counterfactual (job+education: year 1 = 0.02 + 0.01 + 0.05 = 8 %), the effect of
    the programme hidden and one partnership's shown, a balance table with a hidden region, and the
    savings on both baselines."""
    rows = []
    for year, shares in ((1, {"ordinary_job": 0.02, "flexjob": 0.01, "education": 0.05, "cash_benefit": 0.92}),
                         (2, {"ordinary_job": 0.04, "flexjob": 0.03, "education": 0.07, "cash_benefit": 0.86})):
        for status, share in shares.items():
            for quantity, v in (("counterfactual_share", share), ("counterfactual_ci_low", share - 0.01),
                                ("counterfactual_ci_high", share + 0.01)):
                rows.append(_cell("economics", "counterfactual", quantity, "share", v, year=year, category=status))
        rows.append(_cell("economics", "counterfactual", "counterfactual_share_job_or_education", "share",
                          round(sum(v for k, v in shares.items() if k != "cash_benefit"), 2), year=year))
    rows += [_cell("economics", "counterfactual", "comparison_youths", "count", 3000),
             _cell("economics", "counterfactual", "comparison_effective_n", "count", 1430)]
    for year, share, source in ((1, 0.56, "observed"), (2, 0.9, "projected")):  # the programme, same definition
        rows += [_cell("economics", "counterfactual", "share_job_or_education", "share", share, year=year,
                       partnership_id="ALL"),
                 _cell("economics", "counterfactual", "savings_year_source", "flag", 1, year=year,
                       partnership_id="ALL", item=source)]
    for pid, hidden, values in (("ALL", True, (0.9, 0.13, 0.77, 0.7, 0.83)),
                                ("p1", False, (0.9, 0.12, 0.78, 0.6, 0.9))):
        for quantity, v in zip(effect.EFFECT_COLUMNS, values, strict=True):
            rows.append(_cell("economics", "effect", quantity[1], "share", v, hidden, partnership_id=pid))
    for item, count, means, hidden in (("sex=F", 45, (0.3814, 0.548, 0.3816, -0.3382, -0.0005), False),
                                       ("age_at_stu_end", None, (21.0169, 20.218, 21.0428, 0.5477, -0.0177), False),
                                       ("region=Region Nordjylland", None, (0.02, 0.1, 0.02, -0.3, 0.0), True)):
        if "=" in item:
            rows.append(_cell("economics", "balance", "balance_programme_count", "count", count, hidden, item=item))
        for (_, quantity), v in zip(effect.BALANCE_COLUMNS[1:], means, strict=True):
            rows.append(_factor("economics", "balance", quantity, v, hidden, item=item))
    rows.append(_cell("economics", "balance", "balance_programme_youths", "count", 118))
    for quantity, v in (("npv_net_total_dkk", 102.76e6), ("estimated_baseline_npv_net_total_dkk", 97.52e6),
                        ("npv_net_municipal_dkk", 61.95e6), ("estimated_baseline_npv_net_municipal_dkk", 53.93e6)):
        rows.append(_cell("economics", "savings_by_baseline", quantity, "dkk", v, partnership_id="ALL"))
    return _release(tmp_path, rows)


def test_the_effect_section_shows_each_cell_as_published(tmp_path: Path) -> None:
    ctx = open_context(_comparison_release(tmp_path), "da")
    assert effect.has_comparison(ctx, "economics")
    intro = effect.intro_text(ctx, "economics")
    assert "3.000 unge" in intro and "svarer gruppen til 1.430 unge" in intro
    cf = effect.counterfactual_table(ctx, "economics")
    by_year = {(r[0], r[1]): tuple(r[2:]) for r in cf.itertuples(index=False)}
    assert by_year[("År 1", "Ordinær ansættelse")] == ("2 %", "1 %", "3 %", "", "")
    assert by_year[("År 2", "Uddannelse")] == ("7 %", "6 %", "8 %", "", "")
    # no interval is published for the sum; the programme's own share of the same definition beside it
    assert by_year[("År 1", "I job eller uddannelse i alt")] == ("8 %", "", "", "56 %", "observeret")
    assert by_year[("År 2", "I job eller uddannelse i alt")] == ("14 %", "", "", "90 %", "fremskrevet")
    assert ("År 1", "Kontanthjælp") not in by_year  # only the statuses of the categories job and education
    assert len(cf) == 2 * (len(effect.job_or_education_statuses()) + 1)
    frame = effect.counterfactual_frame(ctx, "economics")
    assert frame["year"].tolist() == [1, 2] and frame["share"].tolist() == [0.08, 0.14]
    assert frame["programme"].tolist() == [0.56, 0.9] and frame["projected"].tolist() == [False, True]
    assert effect.programme_share(ctx, "economics") is None  # hidden: no point drawn
    note = effect.effect_hidden_note(ctx, "economics")
    assert note is not None and "under 5 unge" in note
    eff = effect.effect_table(ctx, "economics")
    assert eff.iloc[-1].tolist() == ["Hele programmet", "–", "–", "–", "–", "–"]
    assert eff.iloc[0, 1:].tolist() == ["90 %", "12 %", "78 %", "60 %", "90 %"]
    balance = effect.balance_table(ctx, "economics")
    rows = {r[0]: list(r[1:]) for r in balance.itertuples(index=False)}
    assert rows["Køn = kvinde"] == ["45", "0,3814", "0,5480", "0,3816", "−0,3382", "−0,0005"]
    assert rows["Alder ved STU-afslutning (år)"][0] == ""  # a continuous covariate has no count
    assert rows["Alder ved STU-afslutning (år)"][1:] == ["21,0169", "20,2180", "21,0428", "0,5477", "−0,0177"]
    assert rows["Region Nordjylland"] == ["<5", "–", "–", "–", "–", "–"]
    assert list(rows)[-1] == "Programmets unge i alt" and rows["Programmets unge i alt"][0] == "118"
    savings = effect.savings_table(ctx, "economics")
    assert savings.iloc[0].tolist() == ["Hele programmet", "102,8 mio. kr.", "97,5 mio. kr.", "62,0 mio. kr.",
                                        "53,9 mio. kr."]
    en = open_context(tmp_path / "release.duckdb", "en")
    assert effect.balance_table(en, "economics").iloc[0, 0] == "Sex = female"
    assert effect.savings_table(en, "economics").columns[2] == "Public net, estimated baseline"
    fig = effect.counterfactual_chart(frame, 0.9, "en")
    assert [line.get_label() for line in fig.axes[0].lines if not line.get_label().startswith("_")] == [
        "Weighted comparison group", "Programme, year by year", "Programme, projected years",
        "Programme, 12 months after STU"]


def test_without_a_comparison_extract_the_effect_section_says_so(small_release: Path) -> None:
    ctx = open_context(small_release, "en")
    assert not effect.has_comparison(ctx, "programme")
    assert effect.counterfactual_table(ctx, "programme").empty and effect.balance_table(ctx, "programme").empty
    assert effect.effect_table(ctx, "programme").empty and effect.counterfactual_frame(ctx, "programme").empty
    assert "No comparison extract is loaded" in i18n.t("p.effect_no_comparison", "en")


def test_the_counterfactual_job_or_education_share_is_published_as_the_sum_of_its_statuses() -> None:
    """Hand-worked: year 1 job statuses 0.10 + 0.02 and education 0.05 = 0.17 (cash benefit and 'other'
    left out); year 2: 0.20 + 0.10 = 0.30. The cell is in the 'counterfactual' table of both reports."""
    from pipeline.release.comparison import ComparisonFrames, add_comparison
    from pipeline.release.statistics import Key, Registry

    counterfactual = pd.DataFrame(
        [(1, "ordinary_job", 0.10), (1, "flexjob", 0.02), (1, "education", 0.05), (1, "cash_benefit", 0.80),
         (1, "other", 0.03), (2, "ordinary_job", 0.20), (2, "education", 0.10), (2, "cash_benefit", 0.70)],
        columns=["year", "status", "share"]).assign(ci_low=0.0, ci_high=1.0, n_comparison=300, effective_n=120.0)
    empty = pd.DataFrame()
    reg = Registry()
    add_comparison(reg, ComparisonFrames(effect=pd.DataFrame(columns=["partnership_id"]), counterfactual=counterfactual,
                                         balance=empty, other_baseline=pd.DataFrame(columns=["partnership_id"]),
                                         summary=empty), {}, None)
    shares = {year: reg.values[reg.get(Key("counterfactual_share_job_or_education", year=year))] for year in (1, 2)}
    assert shares == pytest.approx({1: 0.17, 2: 0.30})
    for report in ("programme", "economics"):
        spec = next(s for s in report_tables(["p"])[report] if s.table_name == "counterfactual")
        assert "counterfactual_share_job_or_education" in spec.quantities

