"""Timeline: each claim's lifecycle, who said it first, when it was denied, when conceded."""

import streamlit as st

from components.fastchart.preload import begin

begin("basic")  # before the heavy imports: plotly.js starts loading in the browser meanwhile

from components import context, figures, gloss, sharing, story_figures, urlstate  # noqa: E402

from components.fastchart import chart  # noqa: E402
from riwaya.dashboard import html, listing, timeline, timeline_table  # noqa: E402

ctx = context.setup("Timeline")
prep = context.require_corpus(ctx)
view = ctx.filters.apply(prep)
st.title("Timeline of claims")
st.caption("One lane per claim: each statement at its article's date, coloured by stance (asserts "
           "above, denies in the middle, concedes below). Diamonds mark the first assertion, the first "
           "denial and the first concession. Hover a point for who said it and where; click it to read it.")

claims = timeline.claim_choices(view)
if not claims:
    context.empty_filter_note(ctx, "statements")
    st.stop()
lanes = urlstate.choice(st.multiselect, "Claims on the timeline",
                        urlstate.Param("lane", "timeline_lanes", list(claims), default=[]),
                        format_func=lambda c: claims.get(c, c), placeholder="All claims in view")
tl = timeline.timeline(view, lanes)


def take_click() -> None:
    """A point was clicked: choose its statement (customdata[0]) in the selectbox below."""
    point = chart.clicked_point("timeline_chart")
    data = point.get("customdata") if point else None
    if isinstance(data, list) and data and timeline_table.has_statement(tl, data[0]):
        st.session_state["timeline_stmt"] = data[0]


if note := timeline.dates_note(tl):
    st.info(note)
if note := timeline.points_note(tl):
    st.caption(note)
fig = figures.with_heading(story_figures.timeline_figure(tl, big=ctx.presenting),
                           *sharing.heading(ctx, "When each claim was asserted, denied or conceded"),
                           big=ctx.presenting, xref="container")  # its PNG says what, which filter and when
chart.chart(fig, key="timeline_chart", name="timeline",
            config=figures.plotly_config("timeline"), on_click=take_click)
if tl.articles:
    st.caption("Articles: " + html.md(timeline.article_key(tl)) + ".")  # names from data: no markdown

st.subheader("Lifecycle")
st.dataframe(timeline.lifecycle_table(tl), hide_index=True, width="stretch")

st.subheader("Evidence")
stmt_ids, stmt_total = timeline_table.statement_options(tl, keep=[*urlstate.in_url("stmt")[-1:],
                                                             st.session_state.get("timeline_stmt")])
stmt = urlstate.Param("stmt", "timeline_stmt", stmt_ids)
stmt_names = timeline_table.statement_labels(tl, stmt_ids)   # of the listed ones only
if note := listing.shown_note(len(stmt_ids), stmt_total, "statements: click a point for any of them"):
    st.caption(note)
chosen = urlstate.choice(st.selectbox, "Choose a statement (or click a point)", stmt, index=None,
                         format_func=lambda s: stmt_names.get(s, s),
                         placeholder="Click a point in the timeline")
for r in gloss.annotate(ctx, timeline_table.evidence(view, chosen)).itertuples(index=False):  # + English gloss
    with st.container(border=True):
        st.html(html.evidence_meta_html(r))
        st.html(html.evidence_found_html(r))
        st.html(html.evidence_quote_html(r))
        st.page_link(context.READER, label="Open in the reader at this sentence",
                     icon=":material/menu_book:",
                     query_params=context.reader_params(ctx, r.doc_id, r.sentence_id))

st.subheader("Every statement on the timeline")
find = st.text_input("Search the statements", key="timeline_find", icon=":material/search:",
                     placeholder="claim, date, outlet, title, actor, stance or quote")
rows, total = timeline_table.table_page(tl, find)
if note := listing.shown_note(len(rows), total, "statements"):
    st.caption(note)
st.dataframe(rows.drop(columns=["reader_link"]), hide_index=True, width="stretch")
st.download_button("Download the timeline (CSV)", lambda: timeline_table.table_csv(tl),
                   file_name="riwaya-timeline.csv", mime="text/csv", key="timeline_csv")
