"""The rendered reports of the demo data: files, headline numbers, suppression, privacy, self-containment.

`joballiance run` renders everything once for the module (both languages, ~1 minute); a few tests
render one more report.
"""

from __future__ import annotations

import html as html_lib
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from pypdf import PdfReader

from pipeline import config
from pipeline import formatting as fmt
from pipeline.reports import ReportError, render_report
from pipeline.reports.render import plan_reports
from pipeline.texts import TEXTS

MIN_CELL = 5
CPR_LIKE = re.compile(r"\b\d{6}-?\d{4}\b")
TD = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
TABLE = re.compile(r"<table.*?</table>", re.S)
EXTERNAL = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
JOBALLIANCE = Path(config.PROJECT_ROOT / ".venv" / "bin" / "joballiance")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not config.DEMO_DIR.exists() or not JOBALLIANCE.exists():
        pytest.skip("the demo exports or the joballiance command are missing")
    root = tmp_path_factory.mktemp("reports")
    warehouse, out = root / "demo.duckdb", root / "out"
    result = subprocess.run(
        [str(JOBALLIANCE), "run", str(config.DEMO_DIR), "--warehouse", str(warehouse), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=config.PROJECT_ROOT,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return {"warehouse": warehouse, "out": out, "root": root}


def _partnerships(warehouse: Path) -> list[str]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return [
            r[0]
            for r in con.execute(
                "select distinct partnership_id from exports where not superseded order by 1"
            ).fetchall()
        ]
    finally:
        con.close()


def _query(warehouse: Path, sql: str) -> tuple:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchone()
    finally:
        con.close()


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _text(html: str) -> str:
    return html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def _all_html(out: Path) -> list[Path]:
    return sorted(out.glob("*/*.html"))


def test_every_report_is_written_in_both_languages(rendered: dict[str, Path]) -> None:
    partnerships = _partnerships(rendered["warehouse"])
    assert partnerships
    for lang in ("da", "en"):
        folder = rendered["out"] / lang
        stems = ["programme", "economics", *(f"partnership-{p}" for p in partnerships)]
        for stem in stems:
            assert (folder / f"{stem}.html").stat().st_size > 10_000
            assert (folder / f"{stem}.pdf").read_bytes().startswith(b"%PDF")
            assert (folder / "executed" / f"{stem}.ipynb").exists()
        assert (folder / "data-quality.html").exists()
        assert not (folder / "data-quality.pdf").exists()
        assert not [p for p in folder.iterdir() if p.name.startswith(".")], "a temporary file was left behind"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_headline_numbers_as_the_warehouse_has_them(rendered: dict[str, Path], lang: str) -> None:
    warehouse = rendered["warehouse"]
    n, share_job = _query(
        warehouse, "select n, share_job from outcome_12m_summary where partnership_id = 'ALL'"
    )
    (rate,) = _query(
        warehouse, "select rate from employment_rate_12m where partnership_id = 'ALL' and cohort = 'ALL'"
    )
    (npv,) = _query(warehouse, "select npv_net_total_dkk from savings_summary where partnership_id = 'ALL'")
    html = _text((rendered["out"] / lang / "programme.html").read_text(encoding="utf-8"))
    pdf = _pdf_text(rendered["out"] / lang / "programme.pdf")
    for figure in (
        fmt.fmt_pct(share_job, lang),
        fmt.fmt_int(n, lang),
        fmt.fmt_pct(rate, lang),
        fmt.fmt_dkk(npv, lang),
    ):
        assert figure in html, figure
        assert figure in pdf, figure
    assert fmt.fmt_pct(0.81, lang) in html  # the published pilot figure beside it


def test_title_pages_say_the_data_are_synthetic(rendered: dict[str, Path]) -> None:
    for lang, words in (("da", "syntetiske demodata"), ("en", "synthetic demo data")):
        for pdf in (rendered["out"] / lang).glob("*.pdf"):
            reader = PdfReader(pdf)
            assert words in reader.pages[0].extract_text(), pdf.name
            assert len(reader.pages) > 2
            assert re.search(rf"2 / {len(reader.pages)}", reader.pages[1].extract_text()), pdf.name


def test_no_table_cell_shows_a_count_below_the_threshold(rendered: dict[str, Path]) -> None:
    for path in _all_html(rendered["out"]):
        if path.stem == "data-quality":  # row counts of files, not of youths
            continue
        # tables marked no-counts hold parameter values, years and versions, not counts of youths
        tables = [t for t in TABLE.findall(path.read_text(encoding="utf-8")) if "no-counts" not in t[:80]]
        for cell in TD.findall("".join(tables)):
            value = html_lib.unescape(cell).strip()
            if re.fullmatch(r"[\d.,]+", value):
                assert float(value.replace(".", "").replace(",", "")) >= MIN_CELL, (path.name, value)


def test_no_cpr_number_and_no_external_resource(rendered: dict[str, Path]) -> None:
    for path in _all_html(rendered["out"]):
        text = path.read_text(encoding="utf-8")
        assert not CPR_LIKE.search(_text(text)), path.name
        assert not EXTERNAL.search(text), path.name
        assert "<script" not in text.lower(), path.name
        assert "<link" not in text.lower(), path.name
    for path in rendered["out"].glob("*/*.pdf"):
        assert not CPR_LIKE.search(_pdf_text(path)), path.name


def test_english_reports_have_no_danish_labels(rendered: dict[str, Path]) -> None:
    danish = [
        da
        for key, (da, en) in TEXTS.items()
        if key.startswith(("h.", "chart.", "title.", "subtitle."))
        and da != en
        and len(da) > 8
        and "{" not in da
    ]
    for path in (rendered["out"] / "en").glob("*.html"):
        text = _text(path.read_text(encoding="utf-8"))
        found = [d for d in danish if d in text]
        assert not found, (path.name, found)


def _tables_text(path: Path) -> list[str]:
    return [_text(table) for table in TABLE.findall(path.read_text(encoding="utf-8"))]


def test_rendering_twice_gives_the_same_figures(rendered: dict[str, Path]) -> None:
    job = next(
        j
        for j in plan_reports(rendered["warehouse"], config.PARAMS_PATH, rendered["root"] / "again", ["da"])
        if j.stem == "programme"
    )
    job.out_dir.mkdir(parents=True)
    render_report(job)
    first = _tables_text(rendered["out"] / "da" / "programme.html")
    second = _tables_text(job.out_dir / "programme.html")
    assert first == second


def test_economics_report_follows_the_parameter_file(rendered: dict[str, Path]) -> None:
    scenario = config.SCENARIOS_DIR / "hbs-2024.toml"
    if not scenario.exists():
        pytest.skip("no scenario file")
    job = next(
        j
        for j in plan_reports(rendered["warehouse"], scenario, rendered["root"] / "scenario", ["en"])
        if j.stem == "economics"
    )
    job.out_dir.mkdir(parents=True)
    render_report(job)
    text = _text((job.out_dir / "economics.html").read_text(encoding="utf-8"))
    assert "hbs-2024.toml" in text
    assert "computed with this parameter file" in text
    default = _text((rendered["out"] / "en" / "economics.html").read_text(encoding="utf-8"))
    npv = re.compile(r"main calculation \((DKK [\d,.−-]+ million)\)")
    assert npv.search(text) and npv.search(default)
    assert npv.search(text).group(1) != npv.search(default).group(1)


def test_a_failing_notebook_names_the_report_and_leaves_no_file(rendered: dict[str, Path]) -> None:
    job = next(
        j
        for j in plan_reports(rendered["warehouse"], config.PARAMS_PATH, rendered["root"] / "fail", ["da"])
        if j.kind == "partnership"
    )
    job = replace(job, stem="partnership-broken", parameters={**job.parameters, "partnership": None})
    job.out_dir.mkdir(parents=True)
    with pytest.raises(ReportError, match=r"da/partnership-broken .*AssertionError"):
        render_report(job)
    assert not list(job.out_dir.glob("partnership-broken*"))
    shutil.rmtree(job.out_dir)
