"""Briefing export: the current view, or the whole story, as a self-contained HTML file and a PDF.

:func:`build` assembles a :class:`riwaya.dashboard.briefing.Briefing` from views (no Streamlit:
the command line ``python -m riwaya briefing`` uses it too); :func:`downloads` offers both files
as download buttons. The HTML is :func:`riwaya.dashboard.briefing.briefing_html`, the PDF
:func:`riwaya.dashboard.pdf.html_to_pdf`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from datetime import datetime, timezone
from typing import Mapping, Sequence

from riwaya.config import PROJECT_ROOT
from riwaya.dashboard import briefing as b
from riwaya.dashboard import gloss, matrix, overview
from riwaya.dashboard.corpus import Prepared
from riwaya.dashboard.filters import Filters, filter_options

from components import figures

PLOTLY_JS = PROJECT_ROOT / "static" / "plotly" / "plotly-basic.min.js"


@dataclass(frozen=True)
class ViewSpec:
    """One section to export: a heading, a caption, the filter and the chosen matrix cell."""

    heading: str
    filters: Filters
    caption: str = ""
    cell: str | None = None


def spec_from_params(prep: Prepared, heading: str, params: Mapping[str, Sequence[str]],
                     caption: str = "") -> ViewSpec:
    """A :class:`ViewSpec` of query parameters (a story step's, or the URL's): the filter, and
    the matrix cell (``cell=ACTOR|CLAIM``) when one is chosen."""
    valid = {k: [i for i, _ in v] for k, v in filter_options(prep).items() if k != "min_confidence"}
    filters = Filters.from_query(params, valid=valid)
    cells = [c for c in params.get("cell", []) if "|" in c]
    return ViewSpec(heading, filters, caption, cells[-1] if cells else None)


def _figure_json(fig) -> dict:
    return json.loads(fig.to_json())  # plotly's encoder: numpy arrays become lists


def section(prep: Prepared, spec: ViewSpec, translations=None) -> b.Section:
    """The charts and quotes of one view."""
    view = spec.filters.apply(prep)
    charts = []
    counts = overview.stance_by_claim(view)
    if not counts.empty:
        charts.append(b.Chart("Statements per claim, by stance", _figure_json(figures.stance_bar_figure(counts))))
    long = matrix.actor_claim_matrix(view)
    if matrix.has_statements(long):
        charts.append(b.Chart("Actors × claims: who took which stance",
                              _figure_json(figures.matrix_figure(long, groups=matrix.row_groups(long)))))
    actor_id, claim_id = matrix.split_cell(spec.cell)
    ev = matrix.evidence(view, actor_id=actor_id, claim_id=claim_id)
    shown = b.outlets_shown(prep, gloss.annotate(prep, ev.head(b.MAX_QUOTES), translations))
    what = spec.filters.describe(prep)  # the labels the filter and the matrix show, not ids
    if spec.cell:
        cells = matrix.cell_choices(long) if matrix.has_statements(long) else {}
        what += "; cell: " + cells.get(spec.cell, f"{prep.actor_label(actor_id)} — {prep.claim_short(claim_id)}")
    return b.Section(spec.heading, what, spec.caption, tuple(charts), shown, max(0, len(ev) - len(shown)))


def corpus_text(prep: Prepared, where: str) -> str:
    s = overview.corpus_summary(prep)
    dates = overview.dates_caption(s, prep.outlets) or "Articles undated."
    return f"{s['articles']} articles, {s['outlets']} outlets, {s['statements']} statements ({where}). {dates}"


def build(prep: Prepared, specs: Sequence[ViewSpec], *, title: str, where: str,
          translations=None) -> b.Briefing:
    """The briefing of ``specs`` (one section each), its sources every article quoted."""
    sections = tuple(section(prep, s, translations) for s in specs)
    quoted = [d for s in sections if len(s.evidence) for d in s.evidence["doc_id"]]
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return b.Briefing(title, corpus_text(prep, where), now, sections, b.sources_of(prep, dict.fromkeys(quoted)))


def render_html(briefing: b.Briefing) -> str:
    return b.briefing_html(briefing, plotly_js=PLOTLY_JS.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- the widgets

def downloads(ctx, page_label: str, box) -> None:
    """In ``box``: the current view (or, in a story, the whole story) as an HTML and a PDF
    briefing. Both are made only when their button is pressed (Streamlit runs the callable on
    a thread of its own), so showing the buttons costs nothing."""
    import streamlit as st  # the builder above is used without Streamlit too

    from components import gloss as gloss_ui
    from components import story as story_ui
    from riwaya.config import chromium_path
    from riwaya.dashboard import story as stories
    from riwaya.dashboard.html import md
    from riwaya.dashboard.pdf import html_to_pdf
    from riwaya.errors import RiwayaError

    with box:
        prep = ctx.prep
        name = st.query_params.get("story")
        whole = bool(name) and st.toggle("The whole story", value=True, key="briefing_story")
        try:
            if whole:
                story = stories.load_story(story_ui.folder(ctx), name)
                specs = [spec_from_params(prep, f"Step {i + 1}", s.params, s.caption)
                         for i, s in enumerate(story.steps)]
                title = story.title or name
            else:
                query = {k: st.query_params.get_all(k) for k in st.query_params}
                specs = [spec_from_params(prep, page_label, query)]
                title = f"Riwaya briefing: {page_label}"
        except RiwayaError as exc:
            st.error(md(str(exc)))
            return
        translations = gloss_ui.translations(ctx)

        def make_html() -> str:
            return render_html(build(prep, specs, title=title, where=ctx.paths.processed.name,
                                     translations=translations))

        stem = f"riwaya-briefing-{name if whole else 'view'}"
        st.download_button("Briefing (HTML)", make_html, file_name=f"{stem}.html", mime="text/html",
                           key="briefing_html", icon=":material/download:", on_click="ignore",
                           help="One file with its charts, the filter, the quotes and their sources; "
                                "opens in any browser, offline.")
        no_chromium = not Path(chromium_path()).exists()
        st.download_button("Briefing (PDF)", lambda: html_to_pdf(make_html()), file_name=f"{stem}.pdf",
                           mime="application/pdf", key="briefing_pdf", icon=":material/picture_as_pdf:",
                           on_click="ignore", disabled=no_chromium,
                           help="Needs Chromium (RIWAYA_CHROMIUM) to print it." if no_chromium else
                                "The same briefing printed to A4 (takes a few seconds).")
