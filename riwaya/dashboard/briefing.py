"""A briefing: the current view (or a whole story) as one self-contained HTML file, and as a PDF
(:mod:`riwaya.dashboard.pdf` prints the HTML with Chromium).

Each section has a heading (a story step's caption), the filter it shows, titled charts
(plotly figures drawn by the plotly.js bundle written *into* the file: no network is needed to
open it), and the evidence quotes: the English gloss, the Arabic sentence whole, right to left,
its cue marked, a reader's translation, outlet and date. The sources (every article quoted)
close it. The stylesheet is in the file too. Everything from the data is escaped here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape

import pandas as pd

from riwaya.dashboard import html as h
from riwaya.dashboard.outlets import outlet_display, outlet_names
from riwaya.dashboard.corpus import Prepared, as_text
from riwaya.dashboard.palette import ARABIC_FONTS

#: quotes per section at most (the evidence CSV of the dashboard has them all)
MAX_QUOTES = 25
SOURCE_COLUMNS = ["doc_id", "source", "date", "title", "url"]

CSS = f"""
@page {{ size: A4; margin: 14mm 12mm; }}
body {{ font-family: 'Noto Sans', 'Source Sans', Arial, sans-serif; color: #111; margin: 0 auto;
        max-width: 1100px; padding: 1rem 1.2rem; line-height: 1.45; }}
h1 {{ font-size: 1.7rem; margin: 0 0 .3rem 0; }} h2 {{ font-size: 1.3rem; margin: 1.6rem 0 .3rem 0; }}
h3 {{ font-size: 1.05rem; margin: 1rem 0 .2rem 0; }}
.riwaya-head {{ color: #444; font-size: .95rem; }}
.riwaya-caption {{ font-size: 1.1rem; font-weight: 600; margin: .2rem 0 .4rem 0; }}
.riwaya-filter {{ color: #444; font-size: .9rem; }}
.riwaya-chart {{ width: 100%; break-inside: avoid; page-break-inside: avoid; }}
.riwaya-card {{ border: 1px solid #ddd; border-radius: 6px; padding: .4rem .6rem; margin: .5rem 0;
               break-inside: avoid; page-break-inside: avoid; }}
.riwaya-ar {{ font-family: {ARABIC_FONTS}; direction: rtl; unicode-bidi: isolate; text-align: right; }}
.riwaya-quote {{ font-size: 1.15rem; padding: .3rem .6rem; border-right: 4px solid #CC79A7;
                background: rgba(204,121,167,.06); margin: .2rem 0; }}
.riwaya-meta {{ color: #555; font-size: .85rem; }}
.riwaya-gloss {{ font-size: 1rem; }}
table.riwaya-sources {{ border-collapse: collapse; width: 100%; font-size: .9rem; }}
table.riwaya-sources th, table.riwaya-sources td {{ border-bottom: 1px solid #ddd; padding: .25rem .4rem;
                                                   text-align: left; vertical-align: top; }}
h2, h3, .riwaya-caption, .riwaya-filter {{ break-after: avoid; page-break-after: avoid; }}
"""

#: draws every chart of the file with the embedded plotly.js, then marks the body ready
DRAW_JS = """
(function () {
  var done = [];
  document.querySelectorAll('.riwaya-chart[data-figure]').forEach(function (div) {
    var fig = JSON.parse(document.getElementById(div.dataset.figure).textContent);
    var layout = Object.assign({}, fig.layout || {}, {autosize: true});
    done.push(Plotly.newPlot(div, fig.data || [], layout, {staticPlot: true, displayModeBar: false,
                                                           responsive: true}));
  });
  Promise.all(done).then(function () { document.body.dataset.charts = 'ready'; },
                         function () { document.body.dataset.charts = 'failed'; });
})();
"""


@dataclass(frozen=True)
class Chart:
    title: str
    figure: dict          # a plotly figure as JSON (``fig.to_plotly_json()``); its text is escaped


@dataclass(frozen=True)
class Section:
    heading: str
    filter_text: str
    caption: str = ""
    charts: tuple[Chart, ...] = ()
    evidence: pd.DataFrame = field(default_factory=pd.DataFrame)  # gloss.annotate'd statements
    more: int = 0          # quotes left out (over MAX_QUOTES)


@dataclass(frozen=True)
class Briefing:
    title: str
    corpus: str           # what the corpus is: articles, outlets, dates, its folder
    generated: str        # when (UTC)
    sections: tuple[Section, ...]
    sources: pd.DataFrame  # SOURCE_COLUMNS: every article quoted


def outlets_shown(prep: Prepared, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its ``source`` (outlet) as the pages show it: English with the Arabic in
    brackets where the codebook knows both, "No outlet named · article …" for an article that
    names none (:func:`riwaya.dashboard.outlets.outlet_display`)."""
    if "source" not in frame or frame.empty:
        return frame
    names = outlet_names(prep)
    return frame.assign(source=[outlet_display(prep, as_text(o), names) for o in frame["source"]])


def sources_of(prep: Prepared, doc_ids) -> pd.DataFrame:
    """The articles ``doc_ids`` (in order of date) with outlet (as the pages show it), date, title
    and link."""
    docs = prep.documents[prep.documents["doc_id"].isin(list(doc_ids))]
    docs = docs.reindex(columns=SOURCE_COLUMNS).sort_values(["date", "source", "doc_id"], na_position="last")
    return outlets_shown(prep, docs.reset_index(drop=True))


def _json_script(element_id: str, payload) -> str:
    """JSON in a <script type="application/json"> element, "</" escaped so no text closes it."""
    text = json.dumps(payload, ensure_ascii=False, default=str).replace("</", "<\\/")
    return f'<script type="application/json" id="{escape(element_id)}">{text}</script>'


def quote_card_html(r) -> str:
    """One evidence quote (a :func:`riwaya.dashboard.gloss.annotate` row): meta line, gloss,
    the Arabic sentence with its cue, a reader's translation."""
    date = f" · {h.esc(r.date)}" if as_text(r.date) else ""
    meta = h.meta_line(f"{h.bidi_html(r.source)}{date} · {h.esc(r.stance)} · "
                       f"{h.bidi_html(as_text(getattr(r, 'title', '')))}")
    return f'<div class="riwaya-card">{meta}{h.evidence_quote_html(r)}</div>'


def _sources_html(sources: pd.DataFrame) -> str:
    rows = []
    for r in sources.itertuples(index=False):
        url = as_text(r.url)
        link = (f'<a href="{escape(url, quote=True)}">{h.esc(url)}</a>'
                if url.startswith(("http://", "https://")) else "")
        rows.append(f"<tr><td>{h.bidi_html(r.source)}</td><td>{h.esc(r.date)}</td>"
                    f"<td dir='auto'>{h.bidi_html(r.title)}</td><td>{link}</td>"
                    f"<td class='riwaya-meta'>{h.esc(r.doc_id)}</td></tr>")
    head = "<tr><th>Outlet</th><th>Date</th><th>Title</th><th>Link</th><th>Article id</th></tr>"
    return f"<table class='riwaya-sources'>{head}{''.join(rows)}</table>" if rows else "<p>None.</p>"


def section_html(section: Section, number: int) -> str:
    parts = [f"<section><h2>{h.bidi_html(section.heading)}</h2>"]
    if section.caption:
        parts.append(f'<div class="riwaya-caption" dir="auto">{h.bidi_html(section.caption)}</div>')
    parts.append(f'<div class="riwaya-filter">Filter: {h.bidi_html(section.filter_text)}</div>')
    for i, chart in enumerate(section.charts):
        fid = f"fig-{number}-{i}"
        parts.append(f"<h3>{h.bidi_html(chart.title)}</h3>{_json_script(fid, chart.figure)}"
                     f'<div class="riwaya-chart" data-figure="{fid}"></div>')
    quotes = section.evidence
    if len(quotes):
        parts.append(f"<h3>Evidence ({len(quotes) + section.more} quote(s)"
                     + (f"; the first {len(quotes)} here" if section.more else "") + ")</h3>")
        parts.extend(quote_card_html(r) for r in quotes.itertuples(index=False))
    else:
        parts.append("<p class='riwaya-meta'>No statement in this view.</p>")
    parts.append("</section>")
    return "".join(parts)


def briefing_html(b: Briefing, *, plotly_js: str) -> str:
    """The whole briefing as one HTML document: stylesheet, plotly.js and data inside."""
    if not isinstance(b, Briefing):
        raise TypeError(f"briefing_html: expected a Briefing, got {type(b).__name__}")
    body = "".join(section_html(s, n) for n, s in enumerate(b.sections))
    script = plotly_js.replace("</script", "<\\/script")  # the bundle must not close its element
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{h.esc(b.title)}</title><style>{CSS}</style>"
        f"<script>{script}</script></head><body>"
        f"<h1>{h.bidi_html(b.title)}</h1>"
        f'<div class="riwaya-head">Corpus: {h.bidi_html(b.corpus)} · generated {h.esc(b.generated)} · Riwaya</div>'
        f"{body}<section><h2>Sources</h2>{_sources_html(b.sources)}</section>"
        f"<script>{DRAW_JS}</script></body></html>")
