"""The map's figure (no Streamlit): markers sized by mentions, places sharing a spot merged,
every name beside its marker clear of the others (:mod:`riwaya.dashboard.maplabels`), or its
number when there is no room; countries and rivers are the base map's, not markers.

:func:`view_layout` and :func:`view_figure` are the Map page's: computed once per filter (and
colouring, presenter size, chosen place, heading) for every session of the server.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Mapping

import pandas as pd
import plotly.graph_objects as go

from riwaya.dashboard import map as place_map
from riwaya.dashboard.corpus import as_text
from riwaya.dashboard.maplabels import Label, PixelView, Point, clusters, place_labels
from riwaya.dashboard.maplabels import short_name as _short_name
from riwaya.dashboard.memo import per_view
from riwaya.dashboard.palette import SILENT_TEXT

from components.fastchart.preload import MAP_RESOLUTION  # shared with the preload scripts
from components.figure_base import base_layout, marker_sizes, plot_text, plot_texts, with_heading


#: the map's drawing, normal and in presentation mode: the figure's height and the narrowest
#: width (px) it is shown at (names placed for this width stay apart on wider screens; on a
#: phone the map keeps this width and scrolls sideways, components/style.py)
MAP_SIZE = {False: (700, 640), True: (1350, 800)}
#: the share of MAP_SIZE the names are laid out in: the map is drawn as wide as its column, which
#: can be narrower than MAP_SIZE (presenter 1920: about 1,200 of 1,330 px), and a layout made
#: for a smaller view holds on any larger one (:mod:`riwaya.dashboard.maplabels`)
LAYOUT_MARGIN = 0.85
#: the map's legend: columns (each a fraction of the width, so a PNG cannot cut an entry)
MAP_LEGEND_COLUMNS = {False: 2, True: 3}
#: what the map takes of plotly's "plotly_white" template, set as it is (the template itself,
#: validated on every figure, was a third of the figure's cost and 7 kB of every run's data)
WHITE = dict(font_color="#2a3f5f", paper_bgcolor="white", plot_bgcolor="white", hovermode="closest")


@dataclass
class MapLayout:
    """What the map draws: one row per marker (places sharing a spot merged, ``also`` naming
    the others), marker diameters, the names placed, and the markers numbered instead (their
    name found no room; the page lists them)."""

    shown: pd.DataFrame
    sizes: dict[str, float]
    labels: list[Label]
    numbered: dict[str, int]
    view: PixelView
    legend_rows: int


def _merge_clusters(spots: pd.DataFrame, groups: list[list[str]]) -> pd.DataFrame:
    """One row per group: its first place, with the group's mentions and the others in ``also``."""
    by_id = spots.set_index("entity_id", drop=False)
    rows = []
    for ids in groups:
        head = by_id.loc[ids[0]].copy()
        head["also"] = ", ".join(short_name(by_id.loc[i, "name_en"]) for i in ids[1:])
        head["members"] = list(ids)
        if len(ids) > 1:
            head["mentions"] = int(by_id.loc[ids, "mentions"].sum())
        rows.append(head)
    return pd.DataFrame(rows).reset_index(drop=True)


def map_layout(places: pd.DataFrame, *, frame: tuple[list[float], list[float]] | None = None,
               big: bool = False) -> MapLayout:
    """Markers, clusters and names of the map of ``places`` (a place_summary frame) in ``frame``."""
    spots = place_map.spots(places)
    spots = spots.sort_values(["mentions", "entity_id"], ascending=[False, True], kind="stable")
    width, height = MAP_SIZE[big]
    font_size = 20 if big else 13
    keys = len(dict.fromkeys(spots["colour_key"])) if len(spots) else 0  # one legend entry each
    rows = 1 + -(-keys // MAP_LEGEND_COLUMNS[big])  # + the legend's title, on top
    plot_h = height - 34 - (16 + (font_size + 12) * rows)
    lon_range, lat_range = frame or place_map.map_frame(places, aspect=(width - 20) / plot_h)
    view = PixelView(tuple(lon_range), tuple(lat_range), (width - 20) * LAYOUT_MARGIN, plot_h * LAYOUT_MARGIN)
    smallest, largest = (18, 54) if big else (14, 42)
    sizes = dict(zip(spots["entity_id"], marker_sizes(spots["mentions"], smallest=smallest, largest=largest)))
    points = [Point(r.entity_id, r.lon, r.lat, sizes[r.entity_id], short_name(r.name_en))
              for r in spots.itertuples(index=False)]
    shown = _merge_clusters(spots, clusters(points, view)) if len(spots) else spots.assign(also="", members=None)
    sizes = dict(zip(shown["entity_id"], marker_sizes(shown["mentions"], smallest=smallest, largest=largest)))
    points = [Point(r.entity_id, r.lon, r.lat, sizes[r.entity_id],
                    short_name(r.name_en) + (f" +{len(r.members) - 1}" if r.also else ""))
              for r in shown.itertuples(index=False)]
    inside = [p for p in points if lon_range[0] <= p.lon <= lon_range[1] and lat_range[0] <= p.lat <= lat_range[1]]
    labels, missing = place_labels(inside, view, char_px=font_size * 0.56, line_px=font_size * 1.3)
    return MapLayout(shown, sizes, labels, {pid: n for n, pid in enumerate(missing, 1)}, view, rows)


def _wrapped(values: str, *, width: int = 38, most: int = 6) -> str:
    """A ", "-joined list (escaped) cut into lines of about ``width`` characters, ``most`` items
    at most ("+3 more"): hover boxes that fit a phone."""
    items = [v for v in as_text(values).split(", ") if v]
    extra = len(items) - most
    items = items[:most] + ([f"+{extra} more"] if extra > 0 else [])
    lines, line = [], ""
    for item in items:
        if line and len(line) + len(item) + 2 > width:
            lines.append(line + ",")
            line = item
        else:
            line = f"{line}, {item}" if line else item
    lines.append(line)
    return "<br>".join(plot_text(x) for x in lines) if items else "–"


def map_figure(places: pd.DataFrame, colours: Mapping[str, str], *, colour_title: str,
               frame: tuple[list[float], list[float]] | None = None, big: bool = False,
               chosen: str | None = None, layout: MapLayout | None = None,
               heading: tuple[str, str] | None = None) -> go.Figure:
    """Markers sized by mentions, one trace per colour key (claim or outlet) for the legend;
    countries and rivers are not markers (the base map draws them); places sharing a spot are
    one marker; each marker's name beside it, clear of the others (:func:`map_layout`), or
    its number when there is no room.

    Every point carries its place id in ``customdata[0]``. ``frame`` is (lon range, lat range),
    by default fitted to ``places``. The ``chosen`` place's markers stand out (plotly's
    selected points); the others fade. ``heading`` (title, subtitle) is written on the figure,
    so a PNG says what it shows.
    """
    traces = []   # added to the figure once its layout is set: each layout update of a figure
    width, height = MAP_SIZE[big]   # holding traces cost plotly more
    lay = layout or map_layout(places, frame=frame, big=big)
    shown, sizes = lay.shown, lay.sizes
    lon_range, lat_range = list(lay.view.lon_range), list(lay.view.lat_range)
    font_size = 20 if big else 13
    for key, group in (shown.groupby("colour_key", sort=True) if len(shown) else ()):
        label = plot_text(group["colour_label"].iloc[0])
        colour = colours.get(key, SILENT_TEXT) if key else SILENT_TEXT
        # [0] the place id (clicks; never shown), the rest shown in the hover: escaped, wrapped
        custom = pd.DataFrame({
            "id": group["entity_id"], "en": plot_texts(group["name_en"]),
            "ar": plot_texts(group["name_ar"]), "mentions": group["mentions"], "articles": group["articles"],
            "outlets": [_wrapped(v) for v in group["outlets"]], "claims": [_wrapped(v) for v in group["claims"]],
            "speakers": [_wrapped(v) for v in group["speakers"]],
            "also": [f"<br>Also here: {_wrapped(v)}" if v else "" for v in group["also"]]})
        traces.append(dict(
            type="scattergeo", lat=group["lat"], lon=group["lon"], name=label, mode="markers",
            marker=dict(size=[sizes[p] for p in group["entity_id"]], color=colour, opacity=0.85,
                        line=dict(width=1.5, color="#333")),
            customdata=custom.to_numpy(),
            hovertemplate=("<b>%{customdata[1]}</b> · \u2068%{customdata[2]}\u2069<br>"
                           "%{customdata[3]} mention(s) in %{customdata[4]} article(s)%{customdata[8]}<br>"
                           "<i>Outlets</i>: %{customdata[5]}<br><i>Claims</i>: %{customdata[6]}<br>"
                           "<i>Speakers</i>: %{customdata[7]}<extra></extra>"),
            selectedpoints=([i for i, p in enumerate(group["entity_id"]) if p == chosen]
                            if chosen in sizes else None),
            unselected=dict(marker=dict(opacity=0.35)),
        ))
    if lay.numbered:  # names without room: the marker's number, listed beside the map
        at = shown.set_index("entity_id").loc[list(lay.numbered)]
        traces.append(dict(
            type="scattergeo", lon=at["lon"], lat=at["lat"], text=[str(n) for n in lay.numbered.values()], mode="text",
            textposition="middle center", textfont=dict(size=font_size - 2, color="#000", weight="bold",
                                                        shadow="0 0 3px #fff"),
            hoverinfo="skip", showlegend=False, name="place numbers"))
    # the names, in a trace of their own drawn last, so that no marker covers them
    if lay.labels:
        names = dict(zip(shown["entity_id"], shown["name_en"]))
        more = {r.entity_id: len(r.members) - 1 for r in shown.itertuples(index=False) if r.also}
        traces.append(dict(
            type="scattergeo", lon=[lab.lon for lab in lay.labels], lat=[lab.lat for lab in lay.labels],
            text=[plot_text(short_name(names[lab.id])) + (f" +{more[lab.id]}" if lab.id in more else "")
                  for lab in lay.labels],
            mode="text", textposition=[lab.position for lab in lay.labels],
            textfont=dict(size=font_size, color="#222", shadow="0 0 3px #fff"),
            customdata=[[lab.id] for lab in lay.labels],
            hoverinfo="skip", showlegend=False, name="place names"))
    fig = go.Figure()
    fig.update_geos(
        projection_type="mercator", resolution=MAP_RESOLUTION, lonaxis_range=lon_range, lataxis_range=lat_range,
        # few layers: each one is re-projected on every redraw (see benchmarks/bench_dashboard.py);
        # the sea is the background colour, the coast the edge of the land
        showland=True, landcolor="#F3F1EC", showcountries=True, countrycolor="#9A9A9A",
        showcoastlines=False, showocean=False, showlakes=False, showframe=True,
        showrivers=True, rivercolor="#7FB2D9", riverwidth=2,
        bgcolor="#E3EEF6", lakecolor="white", subunitcolor="#C8D4E3",
    )
    fig.update_layout(legend_title_text=colour_title, clickmode="event", dragmode="pan",
                      showlegend=True, uirevision="riwaya-map")
    fig = base_layout(fig, height=height, big=big, template="none")
    fig.update_layout(**WHITE)
    # the legend under the map (above it, it ran into plotly's buttons), with room for its lines
    bottom = 16 + (font_size + 12) * lay.legend_rows
    fig.update_layout(legend=dict(y=0, yanchor="top", x=0, xanchor="left", title_side="top",
                                  entrywidth=1 / MAP_LEGEND_COLUMNS[big] - 0.01, entrywidthmode="fraction"),
                      margin=dict(t=34, b=bottom),
                      hoverlabel=dict(align="left"))
    if heading:
        with_heading(fig, *heading, big=big)
    return fig.add_traces(traces)


def colour_title(colour_by: str) -> str:
    """The legend's title when the markers are coloured by ``colour_by``."""
    return "Claim" if colour_by == "claim" else "Outlet"


def map_colours(prep, colour_by: str) -> Mapping[str, str]:
    """The markers' colours when coloured by ``colour_by`` ("claim" or "outlet")."""
    return prep.claim_colours if colour_by == "claim" else prep.outlet_colours


@per_view
def view_layout(view, colour_by: str, big: bool) -> MapLayout:
    """:func:`map_layout` of the places of ``view`` (``place_summary``), once per filter."""
    return map_layout(place_map.place_summary(view, colour_by=colour_by), big=big)


def view_figure(view, colour_by: str, big: bool, chosen: str | None, heading: tuple[str, str]) -> dict:
    """The map of ``view`` as the plotly JSON the chart sends: :func:`map_figure` of
    :func:`view_layout`, built once per filter, colouring, size and heading for every session
    (building a plotly figure was about two fifths of the server's CPU for a Map run, and
    readers often look at the same view: all of them at first); the ``chosen`` place marked
    on a copy, as :func:`map_figure` marks it."""
    fig = _view_figure(view, colour_by, big, heading)
    if chosen is None or chosen not in view_layout(view, colour_by, big).sizes:
        return fig
    marked = [dict(t, selectedpoints=[i for i, row in enumerate(t["customdata"]) if row[0] == chosen])
              if "unselected" in t else t for t in fig["data"]]   # the markers' traces
    return {**fig, "data": marked}


@per_view
def _view_figure(view, colour_by: str, big: bool, heading: tuple[str, str]) -> dict:
    places = place_map.place_summary(view, colour_by=colour_by)
    fig = map_figure(places, map_colours(view.prep, colour_by), big=big, heading=heading,
                     layout=view_layout(view, colour_by, big),
                     colour_title=colour_title(colour_by))
    return json.loads(fig.to_json())


def short_name(name: str) -> str:
    """A place's name as written on the map: "Abu Kamal (Al-Bukamal)" -> "Abu Kamal"."""
    return _short_name(name)


def map_labels(drawn: pd.DataFrame, sizes: Mapping[str, float], *, lon_range: list[float],
               lat_range: list[float], most: int = 8, view_px: tuple[float, float] = (830, 420),
               char_px: float = 7.0, line_px: float = 16.0) -> dict[str, tuple[float, float]]:
    """The places whose names go just above their marker (lon, lat of the name's foot): the
    most mentioned first, ``most`` at most, skipping countries and rivers (not markers), places
    out of view and any name that would overlap one already written or another marker, on a
    Mercator view of the ranges drawn in about ``view_px`` pixels (:func:`place_labels` with the
    top position only)."""
    inside = drawn["lon"].between(*lon_range) & drawn["lat"].between(*lat_range)
    named = drawn[inside & ~place_map.is_context(drawn)]
    named = named.sort_values(["mentions", "entity_id"], ascending=[False, True], kind="stable")
    view = PixelView(tuple(lon_range), tuple(lat_range), *view_px)
    points = [Point(r.entity_id, r.lon, r.lat, sizes.get(r.entity_id, 10.0), short_name(r.name_en))
              for r in named.itertuples(index=False)]
    placed, _ = place_labels(points, view, char_px=char_px, line_px=line_px, positions=("top center",))
    return {lab.id: (lab.lon, lab.lat) for lab in placed[:most]}
