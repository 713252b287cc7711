"""HTML building blocks the notebooks display: title page, headings, text, tables, figures.

Each returns an IPython display object (HTML or Markdown), so a notebook cell is
`display(heading(...), table(...))`. Figures are embedded as base64 PNG data URIs: the
HTML needs no other file and no network.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import re
from collections.abc import Callable, Mapping
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, Markdown
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from pipeline import formatting as fmt
from pipeline.reports.charts import fit_title, mark_synthetic
from pipeline.reports.context import ReportContext, label_partnership, suppression_note
from pipeline.reports.provenance import build_note, exports_for_title
from pipeline.texts import t

_NUMERIC = re.compile(r"^(DKK )?[<−\-]?[\d.,]+(–[\d.,]+)?( ?%| kr\.| mio\. kr\.| million)?$|^[–·]$")
PNG_DPI = 150
SHORT_LABEL = 8  # characters
# Cells quoted verbatim from outside the report keep their own language and form, and are marked so:
# "source" (a parameter's source), "ident" (a file name, a checksum, a package name). A frame names its
# columns in frame.attrs["verbatim"] ({column: class}).
VERBATIM = ("source", "ident")
_CHART_MARK: dict[str, str] = {}  # the synthetic-data mark of this notebook's charts (set by title_page)


def heading(text: str, level: int = 2) -> HTML:
    """A section heading."""
    return HTML(f"<h{level}>{html.escape(text)}</h{level}>")


def text(markdown: str) -> Markdown:
    """A paragraph (or list) of Markdown text, converted to HTML by nbconvert."""
    return Markdown(markdown)


def notice(message: str) -> HTML:
    """A highlighted note, e.g. that a table is not in the warehouse yet."""
    return HTML(f'<p class="notice">{html.escape(message)}</p>')


def _numeric_column(values: list[str]) -> bool:
    filled = [v for v in values if v]
    return (
        bool(filled)
        and all(_NUMERIC.match(v) for v in filled)
        and any(v[0].isdigit() or v[0] in "<−-D" for v in filled)
    )


def table_html(
    frame: pd.DataFrame,
    note: str | None = None,
    total_last: bool = False,
    long: bool = False,
    css_class: str = "",
) -> str:
    """A display frame (text cells) as an HTML table: numeric columns right-aligned, a note below."""
    columns = [str(c) for c in frame.columns]
    cells = [[("" if fmt.is_missing(v) else str(v)) for v in row] for row in frame.itertuples(index=False)]
    numeric = [_numeric_column([row[j] for row in cells]) for j in range(len(columns))]
    classes = " ".join(c for c in ("data", "long" if long else "", css_class) if c)
    verbatim = [frame.attrs.get("verbatim", {}).get(c, "") for c in columns]
    out = [f'<table class="{classes}"><thead><tr>']
    out += [f"<th{' class=num' if numeric[j] else ''}>{html.escape(c)}</th>" for j, c in enumerate(columns)]
    out.append("</tr></thead><tbody>")
    for i, row in enumerate(cells):
        total = total_last and i == len(cells) - 1
        out.append('<tr class="total">' if total else "<tr>")
        out += [f"<td{_cell_class(numeric[j], verbatim[j], v)}>{html.escape(v)}</td>" for j, v in enumerate(row)]
        out.append("</tr>")
    out.append("</tbody></table>")
    if note:
        out.append(f'<p class="table-note">{html.escape(note)}</p>')
    return "".join(out)


def _cell_class(numeric: bool, verbatim: str, value: str) -> str:
    marks = ["num"] if numeric else []
    if verbatim in VERBATIM:
        marks.append(verbatim)
    elif not numeric and len(value) <= SHORT_LABEL:
        marks.append("keep")  # a short label ('År 1', 'Year 10') is never split over two lines
    if marks == ["num"]:
        return " class=num"
    return f' class="{" ".join(marks)}"' if marks else ""


def table(
    frame: pd.DataFrame | None,
    ctx: ReportContext | None = None,
    total_last: bool = False,
    long: bool = False,
    note: bool = True,
    empty_text: str | None = None,
    wide: bool = False,
    counts: bool = True,
    download: tuple[str, str] | None = None,
) -> HTML:
    """A display frame as a table; with `ctx` and `note`, the suppression note below it; `wide` sets it
    in a smaller type; `counts=False` marks a table that holds no counts of youths (class `no-counts`:
    parameter values, years, package versions); `download` = (report, table_name) links the published
    table's CSV file (relative: tables/<report>/<table_name>.csv)."""
    lang = ctx.lang if ctx else "da"
    if frame is None or frame.empty:
        return notice(empty_text or t("p.no_data", lang))
    note_text = suppression_note(ctx) if ctx is not None and note else None
    classes = " ".join(c for c in ("wide" if wide else "", "" if counts else "no-counts") if c)
    out = table_html(frame, note_text, total_last, long, classes)
    if download is not None:
        out += download_link(*download, lang)
    return HTML(out)


def download_link(report: str, table_name: str, lang: str) -> str:
    """The link to a published table's CSV file, next to the table."""
    href = f"tables/{html.escape(report)}/{html.escape(table_name)}.csv"
    return f'<p class="download"><a href="{href}">{html.escape(t("p.download_csv", lang))}</a></p>'


def figure_html(fig: Figure, alt: str, caption: str | None = None, below: float = 0.0) -> str:
    """A matplotlib figure as an embedded PNG in a <figure>, with `below` inches more under it (the
    synthetic-data notice's strip); the figure is closed."""
    buffer = io.BytesIO()
    width, height = fig.get_size_inches()
    box = Bbox.from_extents(0, -below, width, height) if below else None
    fig.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None}, bbox_inches=box)
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    parts = [f'<figure class="chart"><img alt="{html.escape(alt)}" src="data:image/png;base64,{data}">']
    if caption:
        parts.append(f"<figcaption>{html.escape(caption)}</figcaption>")
    parts.append("</figure>")
    return "".join(parts)


def figure(fig: Figure, alt: str, caption: str | None = None, below: float = 0.0) -> HTML:
    """A matplotlib figure for display (see `figure_html`)."""
    return HTML(figure_html(fig, alt, caption, below))


def title_page(ctx: ReportContext, report: str, partnership: str | None = None) -> HTML:
    """The title page: title, audience, partnership, the exports with their dates, whether the data are
    synthetic, the rendering date, the parameter file and the suppression threshold."""
    lang = ctx.lang
    exports, synthetic_note = exports_for_title(ctx, partnership)
    parts = [
        '<section class="title-page">',
        '<p class="kicker">Ligeværd · Model Joballiancen</p>',
        f'<h1 class="report-title">{html.escape(t(f"title.{report}", lang))}</h1>',
        f'<p class="subtitle">{html.escape(t(f"subtitle.{report}", lang))}</p>',
    ]
    if partnership:
        parts.append(f'<p class="partnership">{html.escape(label_partnership(ctx, partnership))}</p>')
    if synthetic_note:
        parts.append(f'<p class="synthetic">{html.escape(synthetic_note)}</p>')
        # sets the running footer of every later PDF page (report.css: string-set) and marks every chart
        footer = t("p.synthetic_footer", lang)
        parts.append(f'<p class="synthetic-footer">{html.escape(footer)}</p>')
        _CHART_MARK["text"] = footer
    parts.append(f"<h3>{html.escape(t('title.exports', lang))}</h3>")
    parts.append(
        table_html(exports) if not exports.empty else f"<p>{html.escape(t('title.no_exports', lang))}</p>"
    )
    parts.append('<p class="meta">')
    rendered = t("title.rendered", lang, date=fmt.fmt_date(dt.date.today(), lang, long=True))
    parts.append(f'<span class="rendered">{html.escape(rendered)}</span><br>')
    parts.append(html.escape(build_note(ctx)))
    parts.append("<br>" + html.escape(t("title.min_cell", lang, n=ctx.min_cell)))
    parts.append("</p></section>")
    return HTML("".join(parts))


def chart(
    draw: Callable[..., Figure],
    frame: Any,
    *args: Any,
    alt: str,
    lang: str,
    caption: str | None = None,
    **kwargs: Any,
) -> HTML:
    """`draw(frame, *args, **kwargs)` as a figure, or a notice when there is nothing to draw
    (frame None or empty, or a mapping whose frames are all None or empty)."""

    def empty(item: Any) -> bool:
        return (
            item is None
            or (hasattr(item, "empty") and item.empty)
            or (hasattr(item, "__len__") and len(item) == 0)
        )

    if empty(frame) or (isinstance(frame, Mapping) and all(empty(v) for v in frame.values())):
        return notice(t("p.no_data", lang))
    fig = draw(frame, *args, **kwargs)
    fit_title(fig)
    below = mark_synthetic(fig, _CHART_MARK["text"]) if _CHART_MARK.get("text") else 0.0
    return figure(fig, alt, caption, below)
