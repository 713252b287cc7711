"""The rendered reports: every figure is a published cell, files and CSV links, privacy, tiny programmes.

The demo is ingested, built and rendered ONCE per session in both languages (about two minutes on
two cores); a tiny and an in-STU-only programme are rendered once each in one language. The CLI runs
as `python -m pipeline.cli` with this interpreter, so nothing depends on where the virtualenv is.
"""

from __future__ import annotations

import html as html_lib
import re
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from conftest import _built, _cli
from pypdf import PdfReader

from pipeline import config
from pipeline import formatting as fmt
from pipeline.release.read import cell_text
from pipeline.reports import ReportError, render_report, write_reports
from pipeline.reports.render import plan_reports
from pipeline.texts import TEXTS

pytestmark = pytest.mark.slow

CPR_LIKE = re.compile(r"\b\d{6}[-\s–]?\d{4}\b")
TD_NUM = re.compile(r"""<td class=["']?num["']?>(.*?)</td>""", re.S)
TABLE = re.compile(r"<table.*?</table>", re.S)
HREF = re.compile(r'href="([^"]+)"')
EXTERNAL = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
DATE = re.compile(r"^\d{2}\.\d{2}\.\d{4}$|^\d{4}-\d{2}-\d{2}$")
FIGURE = re.compile(r"−?\d[\d.,]*\s?%|−?\d[\d.,]* (?:mio\. )?kr\.|DKK −?\d[\d.,]*(?: million)?")


def _cells(warehouse: Path) -> list[dict[str, object]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("select * from published_cells").df().to_dict("records")
    finally:
        con.close()


def _partnerships(warehouse: Path) -> list[str]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute("select distinct report from published_cells where report like 'partnership-%'")
        return sorted(r[0].removeprefix("partnership-") for r in rows.fetchall())
    finally:
        con.close()


def _reports(folder: Path, suffix: str) -> list[Path]:
    """The notebook reports under folder (not the dashboard, which has its own tests)."""
    stems = ("programme", "economics", "partnership-", "data-quality")
    return sorted(p for p in folder.rglob(f"*{suffix}") if p.parent.name != "executed" and p.stem.startswith(stems))


def _text(html: str) -> str:
    body = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return _plain(html_lib.unescape(re.sub(r"<[^>]+>", " ", body)))


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _pdf_text(path: Path) -> str:
    return _plain("\n".join(page.extract_text() for page in PdfReader(path).pages))


def _allowed(warehouse: Path, lang: str) -> set[str]:
    """Every text a published cell can show, and every figure written into the text catalog."""
    shown: set[str] = set()
    for cell in _cells(warehouse):
        shown.add(_plain(cell_text(cell, lang, 5)))
        if cell["unit"] == "dkk" and not cell["hidden"] and abs(float(cell["value"])) >= 1e6:
            shown.add(_plain(cell_text(cell, lang, 5, as_millions=True)))
    for da, en in TEXTS.values():
        shown |= {_plain(token) for token in FIGURE.findall(_plain(da if lang == "da" else en))}
    return shown


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_table_figure_of_every_report_is_a_published_cell(rendered: dict[str, Path], lang: str) -> None:
    allowed = _allowed(rendered["warehouse"], lang)
    for path in _reports(rendered["out"] / lang, ".html"):
        if path.stem == "data-quality":  # lineage: rows of files, not statistics
            continue
        # tables marked no-counts hold the build's parameter values, exports and package versions
        tables = [t for t in TABLE.findall(path.read_text(encoding="utf-8")) if "no-counts" not in t[:80]]
        numbers = {_plain(html_lib.unescape(v)) for v in TD_NUM.findall("".join(tables))}
        strange = sorted(v for v in numbers if v and v not in allowed and not DATE.match(v))
        assert not strange, (path.name, strange)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_figure_of_the_programme_report_is_a_published_cell(rendered: dict[str, Path], lang: str) -> None:
    allowed = _allowed(rendered["warehouse"], lang)
    allowed.add(_plain(fmt.fmt_pct(0.035, lang, 1)))  # the discount rate the warehouse was built with
    page = (rendered["out"] / lang / "programme.html").read_text(encoding="utf-8")
    numbers = [_plain(html_lib.unescape(v)) for v in TD_NUM.findall(page)]
    assert len(numbers) > 100
    strange = sorted({v for v in numbers if v and v not in allowed and not DATE.match(v)})
    assert not strange, strange
    for text in (_text(page), _pdf_text(rendered["out"] / lang / "programme.pdf")):
        figures = [_plain(f) for f in FIGURE.findall(text)]
        assert len(figures) > 50
        strange = sorted({f for f in figures if f not in allowed})
        assert not strange, strange


def test_the_headline_is_all_youths_and_the_job_rate_has_its_own_name(rendered: dict[str, Path]) -> None:
    text = _text((rendered["out"] / "da" / "programme.html").read_text(encoding="utf-8"))
    assert "81 % af alle 140 unge var i job" in text  # 113 of 140, as the pilot published it
    assert "Jobandel blandt unge, der kan følges i 12 måneder" in text
    assert "87 % af de 130 unge" in text  # the other figure, with its own name and denominator


def test_every_report_and_table_is_written_and_linked(rendered: dict[str, Path]) -> None:
    partnerships = _partnerships(rendered["warehouse"])
    assert partnerships
    for lang in ("da", "en"):
        folder = rendered["out"] / lang
        for stem in ["programme", "economics", *(f"partnership-{p}" for p in partnerships)]:
            page = (folder / f"{stem}.html").read_text(encoding="utf-8")
            assert (folder / f"{stem}.pdf").read_bytes().startswith(b"%PDF")
            links = [h for h in HREF.findall(page) if h.startswith("tables/")]
            assert len(links) >= 5, stem
            assert all((folder / link).is_file() for link in links), stem
        assert (folder / "data-quality.html").exists() and not (folder / "data-quality.pdf").exists()
        assert (folder / "tables" / "programme" / "outcome_12m.csv").is_file()
        assert not [p for p in folder.iterdir() if p.name.startswith(".")], "a temporary file was left behind"


def test_the_hbs_comparison_is_like_for_like_with_its_caveat(rendered: dict[str, Path]) -> None:
    for stem in ("programme", "economics"):
        text = _text((rendered["out"] / "en" / f"{stem}.html").read_text(encoding="utf-8"))
        assert "one annual cohort's yearly effect" in text, stem
        assert "one cohort in its year 2" in text and "not comparable with HBS" in text, stem


def test_the_effect_section_is_in_the_programme_and_economics_reports_with_its_caveat(
        rendered: dict[str, Path]) -> None:
    """The demo loads a comparison extract: both reports show the section, the caveat in plain words, the
    sentence that the (hidden) effect is not shown, the balance table and, in economics, both baselines."""
    for lang in ("da", "en"):
        i = 0 if lang == "da" else 1
        for stem in ("programme", "economics"):
            text = _text((rendered["out"] / lang / f"{stem}.html").read_text(encoding="utf-8"))
            for key in ("h.effect", "p.effect_caveat", "h.effect_balance", "value.eff_job_or_education"):
                assert _plain(TEXTS[key][i]) in text, (lang, stem, key)
            assert _plain(TEXTS["p.effect_hidden"][i].format(n=5)) in text, (lang, stem)
            assert _plain(TEXTS["p.effect_no_comparison"][i]) not in text, (lang, stem)
            assert (_plain(TEXTS["col.eff_npv_total_estimated"][i]) in text) == (stem == "economics"), (lang, stem)
        assert "upper bound on the effect" in text or lang == "da"


def test_title_pages_say_the_data_are_synthetic_and_pages_are_numbered(rendered: dict[str, Path]) -> None:
    for lang, words in (("da", "syntetiske demodata"), ("en", "synthetic demo data")):
        for pdf in (rendered["out"] / lang).glob("*.pdf"):
            reader = PdfReader(pdf)
            assert words in reader.pages[0].extract_text(), pdf.name
            assert re.search(rf"2 / {len(reader.pages)}", reader.pages[1].extract_text()), pdf.name


def test_no_cpr_number_no_folder_path_and_no_external_resource(rendered: dict[str, Path]) -> None:
    for path in _reports(rendered["out"], ".html"):
        page = path.read_text(encoding="utf-8")
        assert not CPR_LIKE.search(_text(page)), path.name
        assert not EXTERNAL.search(page) and "<script" not in page.lower(), path.name
        assert str(config.DEMO_DIR) not in page and "/raw/" not in page, path.name
    for path in _reports(rendered["out"], ".pdf"):
        assert not CPR_LIKE.search(_pdf_text(path)), path.name


def test_english_reports_have_no_danish_labels(rendered: dict[str, Path]) -> None:
    danish = [da for key, (da, en) in TEXTS.items()
              if key.startswith(("h.", "chart.", "title.", "subtitle.", "col.")) and da != en and len(da) > 8
              and "{" not in da]
    for path in _reports(rendered["out"] / "en", ".html"):
        text = _text(path.read_text(encoding="utf-8"))
        assert not [d for d in danish if d in text], path.name


def test_a_failing_notebook_names_the_report_and_leaves_no_file(rendered: dict[str, Path]) -> None:
    job = next(j for j in plan_reports(rendered["warehouse"], rendered["root"] / "fail", ["da"])
               if j.kind == "partnership")
    job = replace(job, stem="partnership-broken", parameters={**job.parameters, "partnership": None})
    job.out_dir.mkdir(parents=True)
    with pytest.raises(ReportError, match=r"da/partnership-broken .*AssertionError"):
        render_report(job)
    assert not list(job.out_dir.glob("partnership-broken*"))
    shutil.rmtree(job.out_dir)


# ----------------------------------------------------------------------------- small programmes


def _write_export(folder: Path, youths: list[list[str]], spells: list[list[str]]) -> Path:
    sys.path.insert(0, str(Path(__file__).parent))
    from corpus import csv_export

    return csv_export("small", participants=youths, spells=spells)(folder)


SMALL = {
    "tiny": ("da", None, None),  # the corpus's three youths: two ended STU, one still in it
    "in-stu": ("en", [["B1", "851", "2003", "F", "2022-08-01", ""], ["B2", "773", "2003", "M", "2023-08-01", ""]],
               [["B1", "in_programme", "2022-08-01", "", "", ""], ["B2", "in_programme", "2023-08-01", "", "", ""]]),
}


@pytest.mark.parametrize("name", sorted(SMALL))
def test_a_tiny_programme_renders_every_report_and_says_why(tmp_path: Path, name: str) -> None:
    lang, youths, spells = SMALL[name]
    raw = tmp_path / "raw"
    _write_export(raw, youths, spells)
    warehouse = _built(raw, tmp_path / "small.duckdb")
    written = write_reports(warehouse, tmp_path / "out", [lang], progress=False, workers=2)
    stems = {p.name for p in written if p.suffix in (".html", ".pdf")}
    assert {"programme.html", "programme.pdf", "economics.pdf", "data-quality.html"} <= stems
    assert any(s.startswith("partnership-") for s in stems)
    text = _text((tmp_path / "out" / lang / "programme.html").read_text(encoding="utf-8"))
    assert ("anonymitet" if lang == "da" else "anonymity") in text
    assert _plain(TEXTS["p.effect_no_comparison"][0 if lang == "da" else 1]) in text  # no comparison extract
    for cell in TD_NUM.findall((tmp_path / "out" / lang / "programme.html").read_text(encoding="utf-8")):
        value = _plain(html_lib.unescape(cell))
        assert not re.fullmatch(r"[1-4]", value), value  # no small count of youths is shown


def test_a_warehouse_that_was_never_built_is_refused_with_a_hint(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    _write_export(raw, None, None)
    warehouse = tmp_path / "unbuilt.duckdb"
    _cli("ingest", str(raw), "--warehouse", str(warehouse))
    with pytest.raises(LookupError, match="joballiance build"):
        write_reports(warehouse, tmp_path / "out", ["da"], progress=False)


def test_a_scenario_is_a_warehouse_built_with_other_parameters(rendered: dict[str, Path]) -> None:
    scenario = config.SCENARIOS_DIR / "hbs-2024.toml"
    warehouse = _built(config.DEMO_DIR, rendered["root"] / "scenario.duckdb", "--params", str(scenario))
    job = next(j for j in plan_reports(warehouse, rendered["root"] / "scenario", ["en"]) if j.stem == "economics")
    job.out_dir.mkdir(parents=True)
    render_report(job)
    text = _text((job.out_dir / "economics.html").read_text(encoding="utf-8"))
    default = _text((rendered["out"] / "en" / "economics.html").read_text(encoding="utf-8"))
    assert "Parameter file: hbs-2024.toml" in text and "Parameter file: default.toml" in default
    npv = re.compile(r"main calculation \((DKK [\d,.−-]+ million)\)")
    assert npv.search(text) and npv.search(default)
    assert npv.search(text).group(1) != npv.search(default).group(1)


def _table_after(page: str, heading: str) -> list[list[str]]:
    """The rows (cell texts) of the first table after the heading."""
    start = page.index(f">{html_lib.escape(heading)}</h2>")
    table = TABLE.search(page, start)
    assert table is not None, heading
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table.group(0), re.S)
    return [[_plain(html_lib.unescape(re.sub(r"<[^>]+>", "", c))) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r,
                                                                                          re.S)] for r in rows]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_headline_is_the_same_in_every_report_that_shows_it(rendered: dict[str, Path], lang: str) -> None:
    heading = TEXTS["h.headline"][0 if lang == "da" else 1]
    folder = rendered["out"] / lang
    programme = _table_after((folder / "programme.html").read_text(encoding="utf-8"), heading)
    shares = {row[0]: (row[2], row[3]) for row in programme[1:]}  # category: (share, pilot)
    assert len(shares) >= 5
    for pid in _partnerships(rendered["warehouse"]):
        rows = _table_after((folder / f"partnership-{pid}.html").read_text(encoding="utf-8"), heading)
        beside = {row[0]: (row[3], row[4]) for row in rows[1:]}  # the programme's share and the pilot's
        assert beside == shares, pid
