"""The dashboard page: one self-contained HTML file (styles, scripts and data inline).

The charts are drawn in the browser by Vega-Lite through vega-embed. Their JavaScript comes
from the vl-convert-python wheel (`vl_convert.javascript_bundle()`, bundled offline), so the
page makes no network request and opens from a USB stick or an e-mail attachment.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from pipeline.dashboard.data import embed_json
from pipeline.privacy import contains_cpr
from pipeline.reports.charts import CATEGORY_COLOURS, SERIES_COLOURS
from pipeline.texts import t

SECTIONS = ("headline", "job_types", "rate", "retention", "profile", "funnel", "trend", "savings")
"""The page's sections in order; each has a heading `dash.h_<id>` and (but job_types) an intro `dash.i_<id>`."""


class BundleError(RuntimeError):
    """The chart library's bundle could not be embedded safely."""


@lru_cache(maxsize=1)
def chart_library() -> str:
    """vega, vega-lite and vega-embed as one script, from the installed vl-convert-python wheel."""
    import vl_convert

    bundle = defuse_cpr_like(vl_convert.javascript_bundle())
    if "</script" in bundle.lower() or "<!--" in bundle:
        raise BundleError("the Vega bundle contains a sequence that would end an inline <script>")
    return bundle


_DIGIT_RUN = re.compile(r"\d{9,}")
_HEX_STRING = re.compile(r'"[0-9a-fA-F]*$')


def defuse_cpr_like(script: str) -> str:
    """The script with every CPR-like run of digits written another way, with the same meaning.

    The chart library holds a few constants that look like CPR numbers (an LCG multiplier,
    colour schemes written as one string of hex digits); no output of the project may hold
    anything CPR-like, so an integer literal becomes hexadecimal and a hex string is split in
    two ("…"+"…"). Anything else CPR-like is refused."""
    parts: list[str] = []
    position = 0
    for match in _DIGIT_RUN.finditer(script):
        run = match.group()
        if not contains_cpr(run):
            continue
        before, after = script[match.start() - 1: match.start()], script[match.end(): match.end() + 1]
        if not re.match(r"[\w.$]", before) and not re.match(r"[\w.$]", after):
            replacement = hex(int(run))
        elif _HEX_STRING.search(script[max(0, match.start() - 4096): match.start()]) and re.fullmatch(
                r'[0-9a-fA-F]*"', script[match.end(): script.find('"', match.end()) + 1]):
            middle = len(run) // 2
            replacement = f'{run[:middle]}"+"{run[middle:]}'
        else:
            raise BundleError(f"the chart library holds a CPR-like number that cannot be rewritten: ...{run[:4]}...")
        parts += [script[position: match.start()], replacement]
        position = match.end()
    defused = "".join(parts) + script[position:]
    if contains_cpr(defused):
        raise BundleError("the chart library holds a CPR-like number in a form that cannot be rewritten")
    return defused


def _asset(name: str) -> str:
    return resources.files("pipeline.dashboard").joinpath("assets", name).read_text(encoding="utf-8")


def _section(section: str, lang: str) -> str:
    intro_key = f"dash.i_{section}"
    intro = "" if section == "job_types" else f'<p class="intro">{html.escape(t(intro_key, lang, n="–"))}</p>'
    tag = "h3" if section == "job_types" else "h2"
    heading = html.escape(t(f"dash.h_{section}", lang))
    return (f'<section id="s-{section}" aria-labelledby="h-{section}"><{tag} id="h-{section}">{heading}</{tag}>'
            f'{intro}<div class="body" aria-live="polite"></div></section>')


def render_page(data: dict[str, Any], lang: str) -> str:
    """The whole page for `data` (see pipeline.dashboard.data.payload) in `lang`."""
    data = {**data, "colours": {"category": CATEGORY_COLOURS, "series": SERIES_COLOURS}}
    switch = "en/dashboard.html" if lang == "da" else "../dashboard.html"
    synthetic = f'<p class="synthetic">{html.escape(t("dash.synthetic", lang))}</p>' if data["synthetic"] else ""
    esc = lambda key, **fields: html.escape(t(key, lang, **fields))  # noqa: E731
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; \
style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>{esc("dash.title")}</title>
<style>{_asset("dashboard.css")}</style>
</head>
<body data-ready="false">
<header>
<div><h1>{esc("dash.title")}</h1><p>{esc("dash.subtitle")}</p></div>
<a id="lang-switch" lang="{"en" if lang == "da" else "da"}" href="{switch}" data-base="{switch}"
   aria-label="{esc("dash.lang_switch_label")}">{esc("dash.lang_switch")}</a>
</header>
<main>
{synthetic}
<form class="filters" aria-label="{esc("dash.filters")}" onsubmit="return false">
<label for="f-partnership">{esc("dash.filter_partnership")}<select id="f-partnership"></select></label>
<label for="f-cohort">{esc("dash.filter_cohort")}<select id="f-cohort"></select></label>
<label for="f-export">{esc("dash.filter_export")}<select id="f-export"></select></label>
</form>
<p class="note">{esc("dash.small_numbers", n=data["min_cell"])}</p>
{"".join(_section(s, lang) for s in SECTIONS)}
</main>
<footer class="note">Vega-Lite · vega-embed</footer>
<script type="application/json" id="dashboard-data">{embed_json(data)}</script>
<script>{chart_library()}</script>
<script>{_asset("dashboard.js")}</script>
</body>
</html>
"""
