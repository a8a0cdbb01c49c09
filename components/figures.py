"""Plotly figures of the dashboard, built from the frames of ``riwaya.dashboard`` (no Streamlit)."""

from __future__ import annotations

import math
from html import escape
from typing import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from riwaya.dashboard.corpus import as_text
from riwaya.dashboard.map import map_frame
from riwaya.dashboard.palette import SILENT_COLOUR, SILENT_TEXT, STANCE_COLOURS, STANCE_ORDER
from riwaya.pipeline.schema import STANCES

from components.fastchart.preload import MAP_RESOLUTION, TOPOJSON_URL  # shared with the preload scripts

FONT = "Source Sans, 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', sans-serif"


def plot_text(value) -> str:
    """Data text as plotly shows it literally: plotly reads <b>, <a href>, <br>, <span style>
    and entities in axis and tick labels, hover text, legend names and marker text, so &, < and
    > become entities (which plotly turns back into the characters). Every label from the data
    goes through here once."""
    return escape(as_text(value) if not isinstance(value, str) else value, quote=False)


def _plot_texts(values) -> list[str]:
    return [plot_text(v) for v in values]


def plotly_config(name: str) -> dict:
    """Plotly config shared by every chart: a PNG button (modebar "Download plot as a png"),
    no plotly logo, and the topojson served by this app (works offline)."""
    return {
        "displaylogo": False,
        "topojsonURL": TOPOJSON_URL,
        "toImageButtonOptions": {"format": "png", "filename": f"riwaya-{name}", "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


def _base_layout(fig: go.Figure, *, height: int, title: str | None = None, big: bool = False) -> go.Figure:
    size = 17 if big else 13
    fig.update_layout(
        template="plotly_white",  # light grid on white, like the page
        height=height, margin=dict(l=10, r=10, t=50 if title else 10, b=10),
        font=dict(family=FONT, size=size), title=dict(text=title) if title else None,
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0,
                    font=dict(size=size)),
        hoverlabel=dict(font=dict(family=FONT, size=size + 1)),
    )
    return fig


def marker_sizes(counts: pd.Series, *, smallest: float = 10, largest: float = 42) -> list[float]:
    """Marker diameter by count, area proportional to the count."""
    if counts.empty:
        return []
    top = max(float(counts.max()), 1.0)
    return [smallest + (largest - smallest) * math.sqrt(float(c) / top) for c in counts]


def map_figure(places: pd.DataFrame, colours: Mapping[str, str], *, colour_title: str,
               frame: tuple[list[float], list[float]] | None = None, big: bool = False,
               chosen: str | None = None) -> go.Figure:
    """Markers sized by mentions, one trace per colour key (claim or outlet) for the legend.

    Every point carries its place id in ``customdata[0]``. ``frame`` is (lon range, lat range),
    by default fitted to ``places``. The ``chosen`` place's markers stand out (plotly's
    selected points); the others fade.
    """
    fig = go.Figure()
    drawn = places.dropna(subset=["lat", "lon"])
    sizes = dict(zip(drawn["entity_id"], marker_sizes(drawn["mentions"])))
    lon_range, lat_range = frame or map_frame(places)
    font_size = 15 if big else 12
    for key, group in drawn.groupby("colour_key", sort=True):
        label = plot_text(group["colour_label"].iloc[0])
        colour = colours.get(key, SILENT_TEXT) if key else SILENT_TEXT
        fig.add_trace(go.Scattergeo(
            lat=group["lat"], lon=group["lon"], name=label, mode="markers",
            marker=dict(size=[sizes[p] for p in group["entity_id"]], color=colour, opacity=0.85,
                        line=dict(width=1.5, color="#333")),
            # [0] the place id (clicks; never shown), the rest shown in the hover: escaped
            customdata=group[["entity_id", "name_en", "name_ar", "mentions", "articles",
                              "outlets", "claims", "speakers"]]
            .assign(**{c: lambda d, c=c: _plot_texts(d[c])
                       for c in ("name_en", "name_ar", "outlets", "claims", "speakers")}).to_numpy(),
            hovertemplate=("<b>%{customdata[1]}</b> · %{customdata[2]}<br>"
                           "%{customdata[3]} mention(s) in %{customdata[4]} article(s)<br>"
                           "Outlets: %{customdata[5]}<br>Claims: %{customdata[6]}<br>"
                           "Speakers: %{customdata[7]}<extra></extra>"),
            selectedpoints=([i for i, p in enumerate(group["entity_id"]) if p == chosen]
                            if chosen in sizes else None),
            unselected=dict(marker=dict(opacity=0.35)),
        ))
    # the names, in a trace of their own drawn last, so that no marker covers them
    where = map_labels(drawn, sizes, lon_range=lon_range, lat_range=lat_range,
                       char_px=font_size * 0.6, line_px=font_size * 1.35)
    if where:
        names = dict(zip(drawn["entity_id"], drawn["name_en"]))
        fig.add_trace(go.Scattergeo(
            lon=[lon for lon, _ in where.values()], lat=[lat for _, lat in where.values()],
            text=[plot_text(short_name(names[p])) for p in where], mode="text", textposition="top center",
            textfont=dict(size=font_size, color="#222", shadow="0 0 3px #fff"),
            hoverinfo="skip", showlegend=False, name="place names"))
    fig.update_geos(
        projection_type="mercator", resolution=MAP_RESOLUTION, lonaxis_range=lon_range, lataxis_range=lat_range,
        # few layers: each one is re-projected on every redraw (see benchmarks/bench_dashboard.py);
        # the sea is the background colour, the coast the edge of the land
        showland=True, landcolor="#F3F1EC", showcountries=True, countrycolor="#9A9A9A",
        showcoastlines=False, showocean=False, showlakes=False, showframe=True,
        showrivers=True, rivercolor="#7FB2D9", riverwidth=1.5,
        bgcolor="#E3EEF6",
    )
    fig.update_layout(legend_title_text=colour_title, clickmode="event", dragmode="pan",
                      showlegend=True, uirevision="riwaya-map")
    fig = _base_layout(fig, height=620 if big else 520, big=big)
    # the legend under the map: above it, it ran into plotly's buttons (PNG, zoom)
    fig.update_layout(legend=dict(y=-0.02, yanchor="top", x=0, xanchor="left"), margin=dict(t=34))
    return fig


def short_name(name: str) -> str:
    """A place's name as written on the map: "Abu Kamal (Al-Bukamal)" -> "Abu Kamal"."""
    return name.split(" (", 1)[0] if name else ""


def _mercator(lat: float) -> float:
    """Web-Mercator y of a latitude, in degrees of longitude."""
    lat = max(min(float(lat), 85.0), -85.0)
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def _latitude(y: float) -> float:
    """The latitude whose Mercator y (degrees of longitude) is ``y``."""
    return math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)


def map_labels(drawn: pd.DataFrame, sizes: Mapping[str, float], *, lon_range: list[float],
               lat_range: list[float], most: int = 8, view_px: tuple[float, float] = (830, 420),
               char_px: float = 7.0, line_px: float = 16.0) -> dict[str, tuple[float, float]]:
    """The places whose names are written on the map (every marker has a hover label), with
    where each name goes (lon, lat): just above its marker of diameter ``sizes[id]`` pixels.

    The most mentioned first, skipping countries (big enough to find), places out of view and
    any place whose name would overlap one already written, on a Mercator view of the ranges
    drawn in about ``view_px`` pixels, names ``char_px`` wide a character and ``line_px`` high.
    """
    inside = drawn["lon"].between(*lon_range) & drawn["lat"].between(*lat_range)
    named = drawn[inside & (drawn["kind"].fillna("") != "country")]
    named = named.sort_values(["mentions", "entity_id"], ascending=[False, True], kind="stable")
    lon_span = max(float(lon_range[1]) - float(lon_range[0]), 1e-6)
    y_span = max(_mercator(lat_range[1]) - _mercator(lat_range[0]), 1e-6)
    scale = min(view_px[0] / lon_span, view_px[1] / y_span)  # pixels per degree of longitude
    kept: dict[str, tuple[float, float, float]] = {}  # id -> centre x, centre y, half width (px)
    where: dict[str, tuple[float, float]] = {}
    for r in named.itertuples(index=False):
        if len(kept) >= most:
            break
        lift = sizes.get(r.entity_id, 10.0) / 2 + 2  # from the marker's centre to the name's foot
        merc = _mercator(r.lat)
        x, y = float(r.lon) * scale, merc * scale + lift + line_px / 2
        half = len(short_name(r.name_en)) * char_px / 2
        if all(abs(x - kx) >= half + khalf + 4 or abs(y - ky) >= line_px for kx, ky, khalf in kept.values()):
            kept[r.entity_id] = (x, y, half)
            where[r.entity_id] = (float(r.lon), _latitude(merc + lift / scale))
    return where


def _grouped_rows(groups: Sequence[tuple[str, Sequence[str]]]) -> tuple[list[str], list[str]]:
    """(categories, tick labels) of the rows top to bottom; with more than one group, each group
    starts with a header row (a category holding no cell) bearing the group's label."""
    cats, ticks = [], []
    for label, rows in groups:
        if len(groups) > 1:
            cats.append(f"\u2063{label}\u2063")  # invisible marks: never an actor's label
            ticks.append(f'<span style="color:#6b6b6b"><b>{plot_text(label.upper())}</b></span>')
        cats += _plot_texts(rows)
        ticks += _plot_texts(rows)
    return cats, ticks


def matrix_figure(long: pd.DataFrame, *, row: str = "actor_label", col: str = "claim_short",
                  ids: tuple[str, str] = ("actor_id", "claim_id"),
                  groups: Sequence[tuple[str, Sequence[str]]] | None = None, big: bool = False) -> go.Figure:
    """Cells as square markers coloured by stance, the count written on them; silent cells grey "—".

    ``customdata`` of each point is ``[row id, column id]`` (``ids`` names their columns).
    ``groups`` ([(label, [row, ...]), ...], top to bottom) puts the rows in groups, each under
    a header row with a line above it.
    """
    fig = go.Figure()
    # the row and column labels are data, shown as ticks and in the hover: escaped once, here
    long = long.assign(**{row: _plot_texts(long[row]), col: _plot_texts(long[col])})
    rows = list(dict.fromkeys(long[row]))
    cols = list(dict.fromkeys(long[col]))
    cell = 46 if big else 40
    for stance in (*STANCE_ORDER, "silent"):
        part = long[long["stance"] == stance]
        if part.empty:
            continue
        colour = STANCE_COLOURS.get(stance, SILENT_COLOUR)
        text_colour = SILENT_TEXT if stance == "silent" else ("#000" if stance == "concedes" else "#fff")
        custom = part[list(ids)].to_numpy()
        fig.add_trace(go.Scatter(
            x=part[col], y=part[row], mode="markers+text", name=stance,
            marker=dict(symbol="square", size=cell, color=colour,
                        line=dict(width=1, color="#FFFFFF")),
            text=part["text"],
            textfont=dict(color=text_colour,
                          size=[(15 if big else 12) if len(t) <= 5 else (12 if big else 9) for t in part["text"]]),
            customdata=custom,
            hovertemplate="%{y}<br>%{x} (%{customdata[1]})<br>" + stance + ": %{text}<extra></extra>",
        ))
    fig.update_xaxes(categoryorder="array", categoryarray=cols, side="top", tickangle=-35,
                     showgrid=False, zeroline=False, fixedrange=True)
    ticks = None
    if groups:
        rows, ticks = _grouped_rows(groups)
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(rows)), showgrid=False,
                     zeroline=False, fixedrange=True, automargin=True)
    if ticks is not None:
        fig.update_yaxes(tickmode="array", tickvals=rows, ticktext=ticks,
                         range=[-0.5, len(rows) - 0.5])  # header rows hold no cell: keep them in view
        header = 0  # a group's header row, counted from the top
        for n, (_, members) in enumerate(groups if len(groups) > 1 else ()):
            if n:  # a line above each group's header but the first
                y = len(rows) - header - 0.5
                fig.add_shape(type="line", xref="paper", x0=0, x1=1, yref="y", y0=y, y1=y,
                              line=dict(color="#9a9a9a", width=1))
            header += len(members) + 1
    fig.update_layout(plot_bgcolor="rgba(0,0,0,0)", clickmode="event", dragmode=False,
                      showlegend=True)
    top, bottom = 160, 60
    height = top + bottom + (cell + 12) * max(len(rows), 1)
    fig = _base_layout(fig, height=height, big=big)
    fig.update_layout(legend=dict(y=-0.02, yanchor="top", x=0, xanchor="left"),
                      margin=dict(t=top, b=bottom))
    return fig


def stance_bar_figure(counts: pd.DataFrame, *, big: bool = False) -> go.Figure:
    """Statements per claim, stacked by stance."""
    fig = go.Figure()
    for stance in STANCES:
        part = counts[counts["stance"] == stance]
        if part.empty:
            continue
        fig.add_trace(go.Bar(y=_plot_texts(part["claim_short"]), x=part["n"], orientation="h", name=stance,
                             marker_color=STANCE_COLOURS[stance],
                             customdata=part[["claim_id", "claim_label"]]
                             .assign(claim_label=lambda d: _plot_texts(d["claim_label"])).to_numpy(),
                             hovertemplate="%{y} (%{customdata[0]})<br>%{customdata[1]}<br>"
                                           + stance + ": %{x}<extra></extra>"))
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_yaxes(categoryorder="total ascending", automargin=True)
    fig.update_xaxes(title_text="statements", dtick=1 if (len(counts) and counts["n"].max() < 12) else None)
    height = 120 + 34 * max(counts["claim_id"].nunique() if len(counts) else 1, 1)
    return _base_layout(fig, height=height, big=big)
