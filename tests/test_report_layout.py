"""The layout of every report PDF and the language of every report, checked on the rendered demo.

Layout rules (text positions read from the PDF with pdfplumber), on every page of every PDF in both
languages:
- every character, image and ruled line lies inside the page's content box (A4 minus the @page margins
  read from report.css), tolerance 1 pt; the only text outside it is the page footer, which holds the
  report title, the synthetic-data notice and the page number, and nothing else;
- a table's note or its download link never opens a page (it stays with its table);
- a heading (bold text of 10.5 pt or more: WeasyPrint writes h2 at 14 pt and h3 at 11 pt, body and table
  text at 9.5 pt and less) is never the last thing on a page: some text or image follows it there;
- no page is less than a third full (from the content box's top to the lowest text or image, over the
  content box's height), except the title page, which is a cover by design (a page break after it,
  whatever its length), and the last page of a document, where the report simply ends;
- long identifiers (SHA-256 checksums and URLs in the HTML) appear in the PDF's text in full: wrapped
  over lines if need be, never cut.

Language rule, on every HTML and PDF of both languages: no snake_case token (which covers the
warehouse's internal table names, all of the form a_b), no reference to code or to the project's
documents (.py, .sql, .md, pipeline/, docs/, the word "contract"), and no word of the other language's
labels. Sources keep their own language: text inside an element blocks.py marks with class "source"
(parameter sources) or "ident" (file names, checksums, package names) is left out, in the HTML by the
marker and in the PDF by removing the same texts.
"""

from __future__ import annotations

import base64
import io
import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import numpy as np
import pdfplumber
import pytest
from PIL import Image
from pypdf import PdfReader

from pipeline import config
from pipeline.parameters import iter_leaves
from pipeline.texts import parameter_label, parameter_unit, t

pytestmark = pytest.mark.slow

CSS = config.PROJECT_ROOT / "pipeline" / "reports" / "templates" / "joballiance" / "report.css"
TOLERANCE = 1.0  # pt
HEADING_PT = 10.5
MIN_FILL = 1 / 3
KINDS = ("programme", "economics", "partnership")
SNAKE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
INTERNAL = re.compile(r"\.py\b|\.sql\b|\.md\b|\bpipeline/|\bdocs/|\bcontract\b", re.I)
SHA256 = re.compile(r"\b[0-9a-f]{64}\b")
URL = re.compile(r"https?://[^\s<>\"]+")
TABLE_NOTE = re.compile(r"^[«']<5[»']:")  # the start of a table's note on hidden figures
# label words of the other language (whole words, case-insensitive)
FOREIGN = {
    "da": ("the", "of", "youths", "youth", "share", "partnership", "municipality", "education", "cohort",
           "effect", "observed", "projected", "assumed", "source", "year", "years", "month",
           "months", "download", "table", "hidden", "synthetic", "programme", "employment", "without", "baseline"),
    "en": ("unge", "årgang", "partnerskab", "kommune", "andel", "i alt", "og", "af", "ikke", "måneder",
           "uddannelse", "forløb", "kilde", "tabel", "hent", "syntetiske", "nutidsværdi", "besparelse", "år",
           "ung", "antal", "fordeling"),
}
VERBATIM_CLASSES = {"source", "ident"}
NOTICE_RGB = (0x8A, 0x33, 0x00)  # the chart notice's colour (blocks.chart)


def _margins() -> tuple[float, float, float, float]:
    """The @page margins of report.css (top, right, bottom, left) in points."""
    page = re.search(r"@page\s*\{[^}]*?margin:\s*([^;]+);", CSS.read_text(encoding="utf-8"))
    assert page, "report.css has no @page margin"
    values = [float(v.removesuffix("mm")) * 72 / 25.4 for v in page.group(1).split()]
    assert len(values) == 4, page.group(1)
    return values[0], values[1], values[2], values[3]


def _pdfs(rendered: dict[str, Path], lang: str, kind: str) -> list[Path]:
    found = sorted((rendered["out"] / lang).glob(f"{kind}*.pdf"))
    assert found, (lang, kind)
    return found


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ----------------------------------------------------------------------------- layout


def _outside(item: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return (item["x0"] < x0 - TOLERANCE or item["x1"] > x1 + TOLERANCE or item["top"] < top - TOLERANCE
            or item["bottom"] > bottom + TOLERANCE)


def _is_heading(line: dict) -> bool:
    chars = [c for c in line["chars"] if c["text"].strip()]
    return bool(chars) and all(c["size"] >= HEADING_PT and "Bold" in c["fontname"] for c in chars)


def page_problems(page: pdfplumber.page.Page, number: int, pages: int, notice: str, lang: str) -> list[str]:
    """Every breach of the layout rules on one page (see the module docstring)."""
    top, right, bottom, left = _margins()
    box = (left, top, page.width - right, page.height - bottom)
    problems = []
    lines = page.extract_text_lines()
    body = [line for line in lines if line["top"] < box[3]]
    footer = [line for line in lines if line["top"] >= box[3]]
    for line in body:
        outside = [c["text"] for c in line["chars"] if _outside(c, box)]
        if outside:
            problems.append(f"p{number}: text outside the content box: {''.join(outside)[:40]!r} "
                            f"in {line['text'][:60]!r}")
    foot = " ".join(line["text"] for line in footer)
    for line in footer:
        if line["x0"] < box[0] - TOLERANCE or line["x1"] > box[2] + TOLERANCE or line["bottom"] > page.height:
            problems.append(f"p{number}: footer outside the page's width: {line['text'][:60]!r}")
    if _squeezed(notice) not in _squeezed(foot):
        problems.append(f"p{number}: footer without the synthetic-data notice: {foot!r}")
    if number > 1 and not _squeezed(foot).endswith(f"{number}/{pages}"):
        problems.append(f"p{number}: footer without the page number: {foot!r}")
    leftover = _squeezed(foot).replace(_squeezed(notice), "", 1)
    if number > 1:
        leftover = leftover.removesuffix(f"{number}/{pages}")
    if leftover and not re.fullmatch(r"ModelJoballiancen[–-].+", leftover):
        problems.append(f"p{number}: unexpected footer text: {foot!r}")
    for kind, items in (("image", page.images), ("ruled line", page.rects + page.lines + page.curves)):
        problems += [f"p{number}: {kind} outside the content box at x {i['x0']:.0f}–{i['x1']:.0f}, "
                     f"y {i['top']:.0f}–{i['bottom']:.0f}" for i in items if _outside(i, box)]
    things = [(line["top"], line["bottom"]) for line in body] + [(i["top"], i["bottom"]) for i in page.images]
    if body and (body[0]["text"].startswith(t("p.download_csv", lang)) or TABLE_NOTE.match(body[0]["text"])):
        problems.append(f"p{number}: a table's note or download link opens the page, away from its table")
    for line in body:
        if _is_heading(line) and not any(start > line["bottom"] for start, _ in things):
            problems.append(f"p{number}: heading at the foot of the page: {line['text']!r}")
    lowest = max((end for _, end in things), default=box[1])
    fill = (lowest - box[1]) / (box[3] - box[1])
    if 1 < number < pages and fill < MIN_FILL:
        problems.append(f"p{number}: only {fill:.0%} full")
    return problems


def _stream_text(pdf: pdfplumber.PDF) -> str:
    """The characters of every page in the order WeasyPrint wrote them (a wrapped cell stays together)."""
    return "".join(c["text"] for page in pdf.pages for c in page.chars)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_page_keeps_the_layout_rules(rendered: dict[str, Path], lang: str, kind: str) -> None:
    notice = t("p.synthetic_footer", lang)
    problems: list[str] = []
    identifiers_seen = 0
    for path in _pdfs(rendered, lang, kind):
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
            assert pages >= 3, path.name
            for number, page in enumerate(pdf.pages, 1):
                problems += [f"{path.name} {p}" for p in page_problems(page, number, pages, notice, lang)]
            squeezed = _squeezed(_stream_text(pdf))
        page = (path.with_suffix(".html")).read_text(encoding="utf-8")
        identifiers = set(SHA256.findall(page)) | {u.rstrip(".,;:)") for u in URL.findall(_html_text(page))}
        problems += [f"{path.name}: identifier cut or missing: {i}" for i in sorted(identifiers)
                     if _squeezed(i) not in squeezed]
        identifiers_seen += len(identifiers)
    assert not problems, "\n".join(problems)
    assert kind != "economics" or identifiers_seen >= 10, identifiers_seen  # the checksums and the sources' URLs


def test_the_page_checks_catch_what_they_are_meant_to(rendered: dict[str, Path]) -> None:
    """The checks are not blind: the footer line is seen, and a page cut at a heading is reported."""
    path = _pdfs(rendered, "da", "programme")[0]
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[1]
        headings = [line for line in page.extract_text_lines() if _is_heading(line)]
        assert headings, "no heading found on page 2"
        cut = page.filter(lambda item: item.get("top", 0) <= headings[0]["bottom"] + 0.5)
        found = page_problems(cut, 2, len(pdf.pages), t("p.synthetic_footer", "da"), "da")
        assert any("heading at the foot" in p for p in found), found
        assert any("footer without" in p for p in found), found


# ----------------------------------------------------------------------------- language


class _Text(HTMLParser):
    """The visible text of a report page (and its images' alt texts), and apart the verbatim texts."""

    VOID = {"br", "img", "meta", "hr", "input", "link", "col", "wbr", "source"}

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang, self.shown, self.verbatim = lang, [], []
        self._stack: list[bool] = []  # per open element: whether it is skipped as verbatim

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "img" and values.get("alt") and not any(self._stack):
            self.shown.append(str(values["alt"]))
        if tag in self.VOID:
            return
        classes = set((values.get("class") or "").split())
        own_lang = values.get("lang")
        verbatim = bool(classes & VERBATIM_CLASSES) or (own_lang is not None and own_lang != self.lang
                                                         and tag != "html")
        if verbatim and not any(self._stack):
            self.verbatim.append("")
        self._stack.append(verbatim)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if any(self._stack):
            self.verbatim[-1] += data
        else:
            self.shown.append(data)


def _parsed(page: str, lang: str) -> _Text:
    parser = _Text(lang)
    parser.feed(re.sub(r"<(style|script|title)\b.*?</\1>", " ", page, flags=re.S | re.I))
    return parser


def _html_text(page: str) -> str:
    parsed = _parsed(page, "-")
    return _plain(" ".join(parsed.shown + parsed.verbatim))


def _without(text: str, verbatim: list[str]) -> str:
    """`text` with every verbatim string taken out, whatever line breaks the PDF put into it."""
    for item in sorted({_squeezed(v) for v in verbatim if v.strip()}, key=len, reverse=True):
        text = re.sub(r"\s?".join(re.escape(ch) for ch in item), " ", text)
    return text


def language_problems(text: str, lang: str, table_names: set[str]) -> list[str]:
    """Internal names and words of the other language in a report's readable text."""
    found = [f"snake_case {m!r}" for m in sorted(set(SNAKE.findall(text)))]
    found += [f"internal table name {n!r}" for n in sorted(table_names) if re.search(rf"\b{re.escape(n)}\b", text)
              and "_" in n and not SNAKE.search(n)]
    found += [f"reference to code or documents {m!r}" for m in sorted(set(INTERNAL.findall(text)))]
    found += [f"{'English' if lang == 'da' else 'Danish'} word {w!r}" for w in FOREIGN[lang]
              if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.I)]
    return found


@pytest.fixture(scope="module")
def table_names(rendered: dict[str, Path]) -> set[str]:
    """The warehouse's own names: every table and view, and every published table's name."""
    con = duckdb.connect(str(rendered["warehouse"]), read_only=True)
    try:
        names = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
        names |= {r[0] for r in con.execute("select distinct table_name from published_cells").fetchall()}
    finally:
        con.close()
    assert {"published_cells", "savings_parameters", "outcome_12m"} <= names
    return names


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_report_speaks_its_own_language(rendered: dict[str, Path], table_names: set[str], lang: str) -> None:
    problems, checked = [], 0
    for path in sorted((rendered["out"] / lang).glob("*.html")):
        if path.stem == "dashboard":
            continue  # the dashboard has its own tests
        parsed = _parsed(path.read_text(encoding="utf-8"), lang)
        text = _plain(" ".join(parsed.shown))
        problems += [f"{path.name}: {p}" for p in language_problems(text, lang, table_names)]
        pdf_path = path.with_suffix(".pdf")
        if pdf_path.exists():
            # pypdf reads in the order WeasyPrint wrote the text, so a wrapped table cell stays together
            pdf_text = _plain(" ".join(page.extract_text() for page in PdfReader(pdf_path).pages))
            problems += [f"{pdf_path.name}: {p}" for p in language_problems(_without(pdf_text, parsed.verbatim), lang,
                                                                             table_names)]
            checked += 1
        checked += 1
    assert checked >= 10, checked
    assert not problems, "\n".join(problems)


def test_the_language_check_sees_internal_names_and_foreign_words() -> None:
    found = language_problems("Tabellen outcome_12m fra pipeline/reports og the share", "da", {"outcome_12m"})
    assert any("snake_case" in p for p in found) and any("pipeline/" in p for p in found)
    assert any("'the'" in p for p in found) and any("'share'" in p for p in found)
    assert not language_problems("Andel af de unge i job, i alt 81 %", "da", {"outcome_12m"})
    assert any("'unge'" in p for p in language_problems("Share of unge", "en", set()))
    kept = _parsed('<p>Kilde: <td class="source">https://x.dk/a_b the source</td> slut</p>', "da")
    assert "a_b" not in " ".join(kept.shown) and "https://x.dk/a_b the source" in kept.verbatim
    assert _plain(_without("Kilde: https://x.dk/ a_b the source slut", kept.verbatim)) == "Kilde: slut"


# ----------------------------------------------------------------------------- the synthetic notice


def _notice_pixels(png: bytes) -> int:
    """Pixels of the notice's colour in the lowest tenth of a chart (the notice sits bottom right)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    strip = image.crop((width // 3, height - max(12, height // 10), width, height))
    rgb = np.asarray(strip, dtype=int)
    near = (abs(rgb[..., 0] - NOTICE_RGB[0]) < 30) & (abs(rgb[..., 1] - NOTICE_RGB[1]) < 30) & (rgb[..., 2] < 40)
    return int(near.sum())


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_chart_of_the_synthetic_demo_carries_the_notice(rendered: dict[str, Path], lang: str) -> None:
    images = 0
    for path in sorted((rendered["out"] / lang).glob("*.html")):
        if path.stem == "dashboard":
            continue
        for data in re.findall(r'<img[^>]*src="data:image/png;base64,([^"]+)"', path.read_text(encoding="utf-8")):
            images += 1
            assert _notice_pixels(base64.b64decode(data)) > 20, (path.name, images)
    assert images >= 10


# ----------------------------------------------------------------------------- parameters named for readers


def test_every_parameter_has_a_name_and_a_unit_in_both_languages() -> None:
    """Every key of params/default.toml and the scenarios is shown by name and unit, never as the key."""
    keys = set()
    for path in [config.PARAMS_PATH, *sorted(config.SCENARIOS_DIR.glob("*.toml"))]:
        keys |= {key for key, _, _ in iter_leaves(tomllib.loads(path.read_text(encoding="utf-8"))) if key != "extends"}
    assert len(keys) > 100
    for lang in ("da", "en"):
        unnamed = sorted(k for k in keys if parameter_label(k, lang) == k or SNAKE.search(parameter_label(k, lang)))
        assert not unnamed, (lang, unnamed)
        assert not sorted(k for k in keys if not parameter_unit(k, lang)), lang
    assert parameter_label("some.new_key", "da") == "some.new_key" and parameter_unit("some.new_key", "en") == ""
    assert parameter_unit("status.flexjob.annual_public_cost_dkk", "da") == "kr. pr. år"
    assert parameter_label("uncertainty.projection.job_retention.sd", "en") == (
        "Uncertainty: Share staying in a job a year – standard deviation")
