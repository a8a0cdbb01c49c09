"""Map: every mentioned place, sized by mentions; choose one to read the sentences naming it."""

import streamlit as st

from components.fastchart.preload import begin

begin("geo", base_map=True)  # before the heavy imports: plotly.js and the base map load meanwhile

from components import context, figures, gloss, sharing, urlstate  # noqa: E402

from components.fastchart import chart  # noqa: E402
from riwaya.dashboard import chart_html, html, map as place_map  # noqa: E402

ctx = context.setup("Map")
prep = context.require_corpus(ctx)
view = ctx.filters.apply(prep)
st.title("Map of places")

COLOUR_BY = place_map.COLOUR_BY
colour_by = urlstate.choice(st.radio, "Colour markers by",
                            urlstate.Param("colour", "map_colour", list(COLOUR_BY), default="claim"),
                            format_func=COLOUR_BY.get, horizontal=True)

places = place_map.place_summary(view, colour_by=colour_by)
if places.empty:
    context.empty_filter_note(ctx, "places")
    st.stop()
drawn = place_map.drawn(places)
colours = figures.map_colours(prep, colour_by)
layout = figures.view_layout(view, colour_by, ctx.presenting)
frame = (list(layout.view.lon_range), list(layout.view.lat_range))  # fitted to the places in view
names = place_map.place_choices(places)
place_ids = list(names)
place = urlstate.Param("place", "map_place", place_ids)
urlstate.seed([place])  # before the map, which marks the chosen place


def take_click() -> None:
    """A marker was clicked: choose its place (customdata[0]) in the selectbox below."""
    point = chart.clicked_point("map_chart")
    data = point.get("customdata") if point else None
    if isinstance(data, list) and data and isinstance(data[0], str):
        st.session_state["map_place"] = data[0]


heading = sharing.heading(ctx, "Places named in the articles")
fig = figures.view_figure(view, colour_by, ctx.presenting, st.session_state.get("map_place"), heading)
map_box, key_box = st.columns([3, 1])
with map_box:
    chart.chart(fig, key="map_chart", name="map", bundle="geo", config=figures.plotly_config("map"), frame=frame,
                base=place_map.corpus_frame(prep), on_click=take_click)
with key_box:
    st.html(chart_html.phone_caption_html(heading, figures.colour_title(colour_by), fig["data"])
            + chart_html.map_key_html(layout.shown, layout.numbered, colours, place_map.context_places(places),
                                    place_map.outside(place_map.spots(places), frame), len(places) - len(drawn)))
    sharing.share_view("map_share")

chosen = st.selectbox("Choose a place (or click a marker)", place_ids, key=place.key,
                      format_func=lambda p: names.get(p, p), index=None,
                      placeholder="Choose a place to read the sentences that mention it")
urlstate.publish([place])

if chosen:
    row = place_map.place_row(places, chosen)
    st.subheader(html.md(row["name_en"]))
    st.html(html.place_meta_html(row))
    sents = place_map.place_sentence_rows(view, chosen)   # no text: a page reads its own
    st.download_button("Download these sentences (CSV)",
                       lambda: place_map.place_sentences(view, chosen).to_csv(index=False).encode("utf-8"),
                       file_name=f"riwaya-place-{chosen}.csv", mime="text/csv", key="map_csv")
    shown = 0
    if place_map.sentence_pages(sents) > 1:  # a much-named place is read a page at a time
        shown = st.selectbox("Page", range(place_map.sentence_pages(sents)), key=f"map_page_{chosen}",
                             format_func=lambda n: place_map.sentence_page_label(sents, n))
    for r in place_map.sentence_page(sents, shown, prep.texts).itertuples(index=False):
        with st.container(border=True):
            st.html(html.sentence_meta_html(r))
            st.html(html.quote_block(r.text))
            st.html(gloss.sentence_notes_html(ctx, view, r))  # English gloss, translation
            st.page_link(context.READER, label="Read in context", icon=":material/menu_book:",
                         query_params=context.reader_params(ctx, r.doc_id, r.sentence_id))

# filled only once opened: the table's browser code would otherwise compete with the map's first draw
table_box = st.expander("All places in view (table)", key="map_table", on_change="rerun")
if table_box.open:
    with table_box:
        table = place_map.places_table(places)
        st.dataframe(table, hide_index=True, width="stretch")
        st.download_button("Download places (CSV)", table.to_csv(index=False).encode("utf-8"),
                           file_name="riwaya-places.csv", mime="text/csv", key="map_places_csv")
