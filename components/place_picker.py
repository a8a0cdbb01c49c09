"""Where a place is, for the place form: a match of the offline gazetteer, or a point picked on
a map.

The map (plotly.js's geo bundle through :mod:`components.fastchart`, offline) shows the
codebook's places, the gazetteer's matches and a grid of faint points over the region; a click
on any of them fills the form's latitude and longitude (and its names, when empty and the
point has them). Names are data: escaped in the labels (:func:`components.figures.plot_text`)
and in the list (``md``).
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from riwaya.codebook.edit import gazetteer_matches
from riwaya.dashboard.html import md
from riwaya.errors import RiwayaError

from components import figures
from components.fastchart import chart

MAP_KEY = "cb_place_map"
WORLD = ([-180.0, 180.0], [-60.0, 75.0])    # the frame when nothing is placed yet
GRID_POINTS = 48                            # grid points along the longer side of the frame


def _key(field: str) -> str:
    return f"cb_place_{field}"


def _fill(lat: float, lon: float, name_en: str = "", name_ar: str = "") -> None:
    st.session_state[_key("lat")] = round(float(lat), 5)
    st.session_state[_key("lon")] = round(float(lon), 5)
    for field, value in (("name_en", name_en), ("name_ar", name_ar)):
        if value and not st.session_state.get(_key(field)):
            st.session_state[_key(field)] = value


def _use(match) -> None:
    """(A callback.) Fill the form from a gazetteer match."""
    _fill(match.lat, match.lon, match.name_en or "", match.name_ar or "")


def _clicked() -> None:
    """(A callback.) A point of the map was clicked: customdata [lat, lon, name_en, name_ar]."""
    point = chart.clicked_point(MAP_KEY)
    data = point.get("customdata") if point else None
    if isinstance(data, list) and len(data) >= 2:
        try:
            _fill(float(data[0]), float(data[1]), *(str(x or "") for x in data[2:4]))
        except (TypeError, ValueError):
            pass


def frame_of(points: list[tuple[float, float]], *, margin: float = 3.0) -> tuple[list[float], list[float]]:
    """(lon range, lat range) around ``points`` (lat, lon), widened by ``margin`` degrees; the
    world when there are none."""
    if not points:
        return WORLD
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    lat0, lat1 = max(-80.0, min(lats) - margin), min(85.0, max(lats) + margin)
    mid, half = (min(lons) + max(lons)) / 2, max((max(lons) - min(lons)) / 2 + margin, 1.5 * (lat1 - lat0))
    return [max(-180.0, mid - half), min(180.0, mid + half)], [lat0, lat1]   # about 3:1, the map's shape


def grid(frame: tuple[list[float], list[float]], n: int = GRID_POINTS) -> list[tuple[float, float]]:
    """(lat, lon) points evenly over ``frame``, ``n`` along its longer side."""
    (lon0, lon1), (lat0, lat1) = frame
    step = max(lon1 - lon0, lat1 - lat0) / n
    rows, cols = int((lat1 - lat0) / step) + 1, int((lon1 - lon0) / step) + 1
    return [(lat0 + i * step, lon0 + j * step) for i in range(rows) for j in range(cols)]


def picker_figure(known: list[tuple[float, float, str, str]], matches: list[tuple[float, float, str, str]],
                  chosen: tuple[float, float] | None, frame) -> go.Figure:
    """The map to pick a point on: a faint grid, the codebook's places, the matches, the choice.
    Every point's customdata is [lat, lon, name_en, name_ar]."""
    fig = go.Figure()
    dots = grid(frame)
    fig.add_trace(go.Scattergeo(
        lat=[d[0] for d in dots], lon=[d[1] for d in dots], mode="markers", name="pick a point",
        marker=dict(size=5, color="#888", opacity=0.15), customdata=[[a, b, "", ""] for a, b in dots],
        hovertemplate="%{lat:.2f}, %{lon:.2f}<extra>click to use</extra>", showlegend=False))
    for rows, name, colour in ((known, "in the codebook", "#0072B2"),
                               (matches, "gazetteer matches", "#E69F00")):
        if rows:
            fig.add_trace(go.Scattergeo(
                lat=[r[0] for r in rows], lon=[r[1] for r in rows], mode="markers+text", name=name,
                text=[figures.plot_text(r[2] or r[3]) for r in rows], textposition="top center",
                marker=dict(size=11, color=colour, line=dict(width=1, color="#333")),
                customdata=[[r[0], r[1], figures.plot_text(r[2]), figures.plot_text(r[3])] for r in rows],
                hovertemplate="%{text}: %{lat:.3f}, %{lon:.3f}<extra>click to use</extra>"))
    if chosen is not None:
        fig.add_trace(go.Scattergeo(lat=[chosen[0]], lon=[chosen[1]], mode="markers", name="chosen",
                                    marker=dict(size=16, color="#D55E00", symbol="star",
                                                line=dict(width=1, color="#333")),
                                    customdata=[[chosen[0], chosen[1], "", ""]], hoverinfo="skip"))
    fig.update_geos(projection_type="mercator", lonaxis_range=frame[0], lataxis_range=frame[1],
                    showland=True, landcolor="#F3F1EC", showcountries=True, countrycolor="#9A9A9A",
                    showcoastlines=False, showocean=False, showframe=True, bgcolor="#E3EEF6")
    fig.update_layout(height=380, margin=dict(l=0, r=0, t=0, b=0), clickmode="event", dragmode="pan",
                      legend=dict(orientation="h", y=0, yanchor="top"), uirevision="riwaya-place-picker")
    return fig


def locator(ctx, book) -> None:
    """The gazetteer look-up (type a name, use a match) and the map to pick a point on."""
    with st.expander("Find the coordinates: the offline gazetteer or a point on the map", expanded=True):
        name = st.text_input("Place name (Arabic or English)", key="cb_place_lookup",
                             placeholder="دير الزور")
        matches = []
        if name.strip():
            try:
                matches = gazetteer_matches(name, ctx.paths.codebook)
            except RiwayaError as exc:
                st.error(md(str(exc)))
            if not matches:
                st.caption("No match in the offline gazetteer: click the map, or type the coordinates below.")
        for n, m in enumerate(matches):
            label = (f"{m.name_en} · {m.name_ar} ({m.country or '?'}, {m.kind or 'place'}; "
                     f"{m.lat:.3f}, {m.lon:.3f})")
            with st.container(horizontal=True, vertical_alignment="center", key=f"cb_gaz_{n}_row"):
                st.markdown(md(label))
                st.button("Use", key=f"cb_gaz_{n}", icon=":material/add_location:", on_click=_use, args=(m,))
        known = [(p.lat, p.lon, p.name_en, p.name_ar) for p in book.places if p.lat is not None and p.lon is not None]
        found = [(m.lat, m.lon, m.name_en or "", m.name_ar or "") for m in matches]
        lat, lon = st.session_state.get(_key("lat")), st.session_state.get(_key("lon"))
        chosen = (lat, lon) if lat is not None and lon is not None else None
        frame = frame_of([(r[0], r[1]) for r in known + found] + ([chosen] if chosen else []))
        st.caption("Or click the map: a place, a match or any grey point fills the coordinates.")
        chart.chart(picker_figure(known, found, chosen, frame), key=MAP_KEY, name="place-picker",
                    config=figures.plotly_config("place"), bundle="geo", frame=frame, on_click=_clicked)
