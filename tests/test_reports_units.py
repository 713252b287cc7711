"""Report building blocks without rendering: number formats, translations, suppression in tables."""

from __future__ import annotations

import re
import string
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline import config
from pipeline import formatting as fmt
from pipeline import texts as i18n
from pipeline.reports import blocks, data


def test_danish_and_english_number_formats() -> None:
    assert fmt.fmt_dkk(1234567, "da") == "1.234.567 kr."
    assert fmt.fmt_dkk(1234567, "en") == "DKK 1,234,567"
    assert fmt.fmt_dkk(-30000.4, "da") == "−30.000 kr."
    assert fmt.fmt_pct(0.81, "da") == "81 %"
    assert fmt.fmt_pct(0.81, "en") == "81%"
    assert fmt.fmt_pct(0.1549, "da", 1) == "15,5 %"
    assert fmt.fmt_pct_range(0.652, 0.871, "da") == "65–87 %"
    assert fmt.fmt_mio_dkk(150e6, "da") == "150 mio. kr."
    assert fmt.fmt_mio_dkk(150e6, "en") == "DKK 150 million"
    assert fmt.fmt_ratio(0.944, "da", 3) == "0,944"
    assert fmt.fmt_number(-0.2, "da") == "0"  # no "−0" after rounding
    assert fmt.fmt_date("2024-09-30", "da") == "30.09.2024"
    assert fmt.fmt_date("2024-09-30", "en", long=True) == "30 September 2024"
    assert fmt.fmt_pct(None, "da") == fmt.MISSING
    with pytest.raises(ValueError):
        fmt.fmt_pct(0.5, "de")


def test_every_text_is_in_both_languages_with_the_same_fields() -> None:
    for key, (da, en) in i18n.TEXTS.items():
        assert da.strip() and en.strip(), key
        fields_da = {f for _, f, _, _ in string.Formatter().parse(da) if f}
        fields_en = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        assert fields_da == fields_en, key


def test_every_text_key_the_code_uses_exists() -> None:
    sources = [
        *Path(config.PROJECT_ROOT / "pipeline" / "reports").glob("*.py"),
        *config.NOTEBOOKS_DIR.glob("*.ipynb"),
    ]
    used = set()
    for path in sources:
        used |= set(
            re.findall(r"""\bt\(\s*\\?["']([a-z_]+\.[a-z0-9_.]+)\\?["']""", path.read_text(encoding="utf-8"))
        )
    assert used, "no text keys found"
    missing = sorted(k for k in used if k not in i18n.TEXTS)
    assert not missing


def test_labels_come_from_the_reference_tables() -> None:
    assert i18n.category_label("in_programme", "da") == "Stadig i forløb"
    assert i18n.category_label("in_programme", "en") == "Still in the course"
    assert i18n.partnership_name("mou-hotel-aalborg", "da") == "Mou Hotel (Aalborg)"
    assert i18n.partnership_name("ALL", "en") == "Whole programme"


@pytest.fixture()
def tiny_ctx(tmp_path: Path) -> data.ReportContext:
    """A warehouse with just the tables these tests read."""
    path = tmp_path / "tiny.duckdb"
    con = duckdb.connect(str(path))
    summary = pd.DataFrame(
        [
            {
                "partnership_id": "ALL",
                "n": 40,
                "n_job": 30,
                "n_education": 2,
                "n_in_programme": 6,
                "n_public_support": 2,
                "n_unknown": 0,
            },
        ]
    )
    for cat in ("job", "education", "in_programme", "public_support", "unknown"):
        summary[f"share_{cat}"] = summary[f"n_{cat}"] / summary["n"]
    rates = pd.DataFrame(
        [
            # partnership x: 3 observable (small); y: 20; z: 17 (hidden second, to protect x); ALL: 40
            {"partnership_id": "x", "cohort": "ALL", "n_observable": 3, "n_job": 3},
            {"partnership_id": "y", "cohort": "ALL", "n_observable": 20, "n_job": 15},
            {"partnership_id": "z", "cohort": "ALL", "n_observable": 17, "n_job": 12},
            {"partnership_id": "ALL", "cohort": "ALL", "n_observable": 40, "n_job": 30},
        ]
    )
    rates["rate"] = rates["n_job"] / rates["n_observable"]
    rates["ci_low"] = rates["rate"] - 0.1
    rates["ci_high"] = rates["rate"] + 0.05
    con.register("s", summary)
    con.register("r", rates)
    con.execute("create table outcome_12m_summary as select * from s")
    con.execute("create table employment_rate_12m as select * from r")
    con.close()
    return data.open_context(path, config.PARAMS_PATH, "da", min_cell=5)


def test_headline_hides_small_counts_and_a_second_cell(tiny_ctx: data.ReportContext) -> None:
    table = data.headline_table(tiny_ctx)
    assert table is not None
    rows = table.set_index("Status")
    assert rows.loc["Uddannelse", "Antal"] == "<5"
    assert rows.loc["Offentlig forsørgelse", "Antal"] == "<5"
    assert rows.loc["Uddannelse", "Andel"] == data.SUPPRESSED
    assert rows.loc["Job", "Andel"] == "75 %"
    assert rows.loc["I alt", "Antal"] == "40"


def test_rate_table_suppresses_a_small_partnership_and_one_more(tiny_ctx: data.ReportContext) -> None:
    rates = data.employment_rates(tiny_ctx)
    assert rates is not None
    by_id = rates.set_index("partnership_id")
    assert by_id.loc["x", "row_hidden"] and by_id.loc["z", "row_hidden"]  # z protects x against ALL - y
    assert pd.isna(by_id.loc["x", "rate"]) and pd.isna(by_id.loc["z", "rate"])
    assert by_id.loc["y", "rate"] == pytest.approx(0.75)
    html = blocks.table_html(data.employment_rate_table(tiny_ctx))
    assert "<td class=num>&lt;5</td>" in html


def test_table_html_escapes_and_right_aligns_numbers() -> None:
    frame = pd.DataFrame({"Navn": ["<b>x</b>"], "Beløb": ["1.234 kr."], "Andel": ["81 %"]})
    html = blocks.table_html(frame, note="note")
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<td class=num>1.234 kr.</td>" in html and "<td class=num>81 %</td>" in html
    assert '<p class="table-note">note</p>' in html
