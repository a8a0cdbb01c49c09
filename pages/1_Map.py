"""Map: every mentioned place, sized by mentions; choose one to read the sentences naming it."""

import streamlit as st

from components.preload import begin

begin("geo", base_map=True)  # before the heavy imports: plotly.js and the base map load meanwhile

import html  # noqa: E402

from components import chart, context, figures, urlstate  # noqa: E402
from riwaya import views  # noqa: E402

ctx = context.setup("Map")
prep = context.require_corpus(ctx)
st.title("Map of places")

COLOUR_BY = {"claim": "Claim made there", "outlet": "Outlet naming it"}
urlstate.init("map_colour", "colour", list(COLOUR_BY), "claim")
colour_by = st.radio("Colour markers by", list(COLOUR_BY), format_func=COLOUR_BY.get,
                     horizontal=True, key="map_colour")
urlstate.write("colour", colour_by, "claim")

places = views.place_summary(prep, ctx.filters, colour_by=colour_by)
if places.empty:
    context.empty_filter_note(ctx, "places")
    st.stop()
drawn = places.dropna(subset=["lat", "lon"])
colours = prep.claim_colours if colour_by == "claim" else prep.outlet_colours
frame = prep.map_frame  # the whole corpus's region, the same for every filter
place_ids = list(places["entity_id"])
names = {r.entity_id: f"{r.name_en} · {r.name_ar} ({r.mentions} mention{'s' if r.mentions != 1 else ''})"
         for r in places.itertuples(index=False)}
urlstate.init("map_place", "place", place_ids, None)


def take_click() -> None:
    """A marker was clicked: choose its place (customdata[0]) in the selectbox below."""
    point = chart.clicked_point("map_chart")
    data = point.get("customdata") if point else None
    if isinstance(data, list) and data and isinstance(data[0], str):
        st.session_state["map_place"] = data[0]


fig = figures.map_figure(places, colours, big=ctx.presenting, frame=frame,
                         colour_title="Claim" if colour_by == "claim" else "Outlet",
                         chosen=st.session_state.get("map_place"))
chart.chart(fig, key="map_chart", name="map", bundle="geo", config=figures.plotly_config("map"), frame=frame,
            on_click=take_click)
if len(drawn) < len(places):
    st.caption(f"{len(places) - len(drawn)} place(s) have no coordinates and are listed in the table only.")
outside = drawn[~(drawn["lon"].between(*frame[0]) & drawn["lat"].between(*frame[1]))]
if len(outside):
    st.caption("Outside this view: " + ", ".join(f"{r.name_en} ({r.mentions})" for r in outside.itertuples(index=False))
               + ". Scroll on the map to zoom out.")

chosen = st.selectbox("Choose a place (or click a marker)", place_ids, key="map_place",
                      format_func=lambda p: names.get(p, p), index=None,
                      placeholder="Choose a place to read the sentences that mention it")
urlstate.write("place", chosen)

if chosen:
    row = places[places["entity_id"] == chosen].iloc[0]
    where = (f"{row['lat']:.3f}, {row['lon']:.3f}" if row["lat"] == row["lat"] else "no coordinates")
    st.subheader(f"{row['name_en']}")
    st.html(f'<div class="riwaya-meta">{views.bidi_html(row["name_ar"])} · {where} · '
            f'{html.escape(str(row["kind"] or ""))} · mentioned by {views.bidi_html(row["outlets"])}</div>'
            f'<div class="riwaya-meta">Speakers in these sentences: {views.bidi_html(row["speakers"] or "none")}</div>')
    sents = views.place_sentences(prep, chosen, ctx.filters)
    st.download_button("Download these sentences (CSV)", sents.to_csv(index=False).encode("utf-8"),
                       file_name=f"riwaya-place-{chosen}.csv", mime="text/csv", key="map_csv")
    for r in sents.itertuples(index=False):
        with st.container(border=True):
            meta = " · ".join(x for x in (r.source, r.date, f"speakers: {r.speakers}" if r.speakers else "",
                                          f"claims: {r.stances}" if r.stances else "no claim") if x)
            st.html(f'<div class="riwaya-meta">{views.bidi_html(meta)}</div>')
            st.html(views.rtl_block(html.escape(r.text), css_class="riwaya-ar riwaya-quote"))
            st.page_link(context.READER, label="Read in context", icon=":material/menu_book:",
                         query_params=context.reader_params(ctx, r.doc_id, r.sentence_id))

# filled only once opened: the table's browser code would otherwise compete with the map's first draw
table_box = st.expander("All places in view (table)", key="map_table", on_change="rerun")
if table_box.open:
    with table_box:
        table = places.drop(columns=["colour_key"]).rename(columns={"colour_label": "colour"})
        st.dataframe(table, hide_index=True, width="stretch")
        st.download_button("Download places (CSV)", table.to_csv(index=False).encode("utf-8"),
                           file_name="riwaya-places.csv", mime="text/csv", key="map_places_csv")
