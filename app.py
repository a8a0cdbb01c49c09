"""Riwaya dashboard: `streamlit run app.py` (or `make run`). This script is the Overview page.

What the corpus is, headline figures, how to read the dashboard, links to the pages; on first
run, or when the articles or the codebook changed, it builds the processed corpus with progress.
The other pages are in pages/; shared code in components/, computations in riwaya/dashboard/.
"""

import streamlit as st

from components.fastchart.preload import begin

begin("basic")  # before the heavy imports: plotly.js starts loading in the browser meanwhile

from components import build_ui, context, figures, sharing  # noqa: E402

from components.fastchart import chart  # noqa: E402
from riwaya.dashboard import chart_html, html, listing, overview  # noqa: E402
from riwaya.errors import RiwayaError  # noqa: E402

ctx = context.setup("Overview")
st.title("Riwaya · who claimed what, where, and how each outlet told it")
build_ui.ensure_corpus(ctx)
prep = context.require_corpus(ctx)
view = ctx.filters.apply(prep)

try:
    if event := overview.event_description(ctx.paths.codebook):  # the codebook's event.json
        st.html(chart_html.event_html(event))
except RiwayaError as exc:
    st.warning(html.md(str(exc)))

st.markdown(
    "**How to read this.** Each *statement* is an actor (who speaks) taking a stance on a claim: "
    "**asserts** (says it is true), **denies** (says it is false) or **concedes** (admits part of it).  \n"
    "The sidebar filter (actor, claim, outlet, stance) applies to every page and is kept in the "
    "address bar: copy the URL to share the exact view.  \n"
    "Every chart leads back to the Arabic text: choose a place, a cell or an article to read the "
    "sentences behind it.")

s = overview.corpus_summary(prep)
c = st.columns(6)
c[0].metric("Articles", s["articles"])
c[1].metric("Outlets", s["outlets"])
c[2].metric("Statements", s["statements"])
c[3].metric("Claims reported", f"{s['claims_reported']} of {s['claims_in_codebook']}")
c[4].metric("Speakers", s["speakers"], help=f"{s['unlisted_speakers']} not in the codebook")
c[5].metric("Places", s["places"])
if dates := overview.dates_caption(s, overview.outlets_shown(prep)):
    st.caption(html.md(dates))  # outlet names are data: never markdown

st.subheader("Statements per claim, by stance")
counts = overview.stance_by_claim(view)
if counts.empty:
    context.empty_filter_note(ctx, "statements")
else:
    def take_click() -> None:
        """A bar was clicked: remember its claim and stance (customdata [claim, label, stance])."""
        point = chart.clicked_point("overview_stances")
        data = point.get("customdata") if point else None
        if isinstance(data, list) and len(data) >= 3:
            st.session_state["overview_bar"] = (data[0], data[2])

    chart.chart(figures.stance_bar_figure(counts, big=ctx.presenting,
                                          heading=sharing.heading(ctx, "Statements per claim, by stance")),
                key="overview_stances", name="overview", config=figures.plotly_config("statements-by-claim"),
                on_click=take_click)
    if bar := st.session_state.get("overview_bar"):
        claim_id, stance = bar
        hits = overview.bar_statements(view, claim_id, stance)
        st.caption(html.md(f"{prep.claim_short(claim_id)}, {stance}: {len(hits)} statement(s) shown; "
                           "the Actors × claims page has them all."))
        for r in hits.itertuples(index=False):
            with st.container(border=True):
                st.html(html.evidence_meta_html(r))
                st.html(html.evidence_quote_html(r))
                st.page_link(context.READER, label="Open in the reader at this sentence",
                             icon=":material/menu_book:",
                             query_params=context.reader_params(ctx, r.doc_id, r.sentence_id))
    else:
        st.caption("Click a bar to read the statements behind it.")
    with st.expander("What the claim ids mean"):
        st.dataframe(overview.claims_key(prep), hide_index=True, width="stretch")

st.subheader("Explore")
links = context.nav_params(ctx.presenting)  # the filter goes with the click (context.nav_params)
cols = st.columns(4)
cols[0].page_link(context.MAP, label="Map: where it happened", icon=":material/map:", query_params=links)
cols[1].page_link(context.MATRIX, label="Actors × claims: who said what", icon=":material/grid_on:", query_params=links)
cols[2].page_link(context.COMPARE, label="Compare sources", icon=":material/compare:", query_params=links)
cols[3].page_link(context.READER, label="Reader: the articles", icon=":material/menu_book:", query_params=links)

st.subheader("Articles")
find = st.text_input("Search the articles", key="overview_find", placeholder="date, outlet, title or id",
                     icon=":material/search:")
articles, total = overview.articles_page(prep, find)
if note := listing.shown_note(len(articles), total, "articles"):
    st.caption(note)
st.dataframe(articles, hide_index=True, width="stretch")
st.download_button("Download the articles (CSV)", lambda: overview.articles_csv(prep),
                   file_name="riwaya-articles.csv", mime="text/csv", key="overview_articles_csv")
