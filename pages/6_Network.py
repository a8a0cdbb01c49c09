"""Actor network: who agrees and who conflicts with whom on the claims; click an actor to filter."""

import streamlit as st

from components.fastchart.preload import begin

begin("basic")  # before the heavy imports: plotly.js starts loading in the browser meanwhile

from components import context, figures, sharing, story_figures, urlstate  # noqa: E402

from components.fastchart import chart  # noqa: E402
from components.filters import widget_key  # noqa: E402
from riwaya.dashboard import chart_html, html, listing, network  # noqa: E402

ctx = context.setup("Network")
prep = context.require_corpus(ctx)
view = ctx.filters.apply(prep)
st.title("Actor network")
st.caption("Two actors are linked when they take a stance on the same claim: green solid lines join "
           "actors on the same side (agreement), orange dashed lines actors on opposite sides "
           "(conflict); a line is wider the more claims it holds on. Asserting and conceding are one "
           "side, denying the other. A node's size is its statements. Click an actor to filter every "
           "page by it; with actors chosen, the network shows them and those they agree or conflict with.")

SHOW = network.SHOW
show = urlstate.choice(st.radio, "Links", urlstate.Param("links", "network_links", list(SHOW), default="both"),
                       format_func=SHOW.get, horizontal=True)
net = network.network(view, links=show)
if net.is_empty:
    context.empty_filter_note(ctx, "statements by a named actor")
    st.stop()


def take_click() -> None:
    """A node was clicked: filter by its actor (the sidebar's actor filter, kept in the URL)."""
    point = chart.clicked_point("network_chart")
    data = point.get("customdata") if point else None
    if isinstance(data, list) and data and data[0] in set(net.nodes["actor_id"]):
        st.session_state[widget_key("actors")] = [data[0]]


DRAWN = network.DRAWN  # the strongest links only: thousands at 100,000 articles took the browser seconds
drawn = "all"
if network.too_many_to_draw(net):  # a choice only when there is something to leave out
    drawn = urlstate.choice(st.radio, "Links drawn", urlstate.Param("drawn", "network_drawn", list(DRAWN), default="300"),
                            format_func=DRAWN.get, horizontal=True)
shown_net = network.strongest(net, drawn)
heading = sharing.heading(ctx, "Actors linked by agreement and conflict")
fig = figures.with_heading(story_figures.network_figure(shown_net, big=ctx.presenting), *heading,
                           big=ctx.presenting, xref="container")  # its PNG says what, which filter and when
chart.chart(fig, key="network_chart", name="network",
            config=figures.plotly_config("actor-network"), on_click=take_click)
st.html(chart_html.phone_caption_html(heading, "", fig.data))  # a phone cuts the figure's own
st.caption(html.md(network.summary(net)))  # actor names from data: no markdown
if note := network.drawn_note(shown_net, net):
    st.caption(note)

st.subheader("Links")
find = st.text_input("Find a link", key="network_find", placeholder="actor or claim", icon=":material/search:")
rows, total = network.link_rows(net, find)
if note := listing.shown_note(len(rows), total, "links, strongest first"):
    st.caption(note)
st.dataframe(rows, hide_index=True, width="stretch")
c1, c2, c3 = st.columns(3)
# made when clicked (thousands of links at 100,000 articles: not on every run)
c1.download_button("Download for Gephi (GraphML)", lambda: network.graphml(net), file_name="riwaya-network.graphml",
                   mime="application/graphml+xml", key="network_graphml")
c2.download_button("Download the links (CSV)", lambda: network.edges_csv(net).to_csv(index=False).encode("utf-8"),
                   file_name="riwaya-network-edges.csv", mime="text/csv", key="network_edges_csv")
c3.download_button("Download the actors (CSV)", lambda: network.nodes_csv(net).to_csv(index=False).encode("utf-8"),
                   file_name="riwaya-network-nodes.csv", mime="text/csv", key="network_nodes_csv")
