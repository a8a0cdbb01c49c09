"""Plotly figures of the dashboard, built from the frames of ``riwaya.views`` (no Streamlit)."""

from __future__ import annotations

import math
from typing import Mapping

import pandas as pd
import plotly.graph_objects as go

from riwaya import views

from .preload import MAP_RESOLUTION, TOPOJSON_URL  # shared with the preload scripts

FONT = "Source Sans, 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', sans-serif"


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
               frame: tuple[list[float], list[float]] | None = None, big: bool = False) -> go.Figure:
    """Markers sized by mentions, one trace per colour key (claim or outlet) for the legend.

    Every point carries its place id in ``customdata[0]``. ``frame`` is (lon range, lat range),
    by default fitted to ``places``.
    """
    fig = go.Figure()
    drawn = places.dropna(subset=["lat", "lon"])
    sizes = dict(zip(drawn["entity_id"], marker_sizes(drawn["mentions"])))
    # names written on the map for the most mentioned places only (all have a hover label)
    # (countries are big enough to find without a label)
    named = drawn[drawn["kind"].fillna("") != "country"]
    labelled = set(named.sort_values("mentions", ascending=False, kind="stable")["entity_id"].head(6))
    for key, group in drawn.groupby("colour_key", sort=True):
        label = group["colour_label"].iloc[0]
        colour = colours.get(key, views.SILENT_TEXT) if key else views.SILENT_TEXT
        fig.add_trace(go.Scattergeo(
            lat=group["lat"], lon=group["lon"], name=label, mode="markers+text",
            text=[n if p in labelled else "" for p, n in zip(group["entity_id"], group["name_en"])],
            textposition="top center",
            textfont=dict(size=15 if big else 12, color="#222"),
            marker=dict(size=[sizes[p] for p in group["entity_id"]], color=colour, opacity=0.85,
                        line=dict(width=1.5, color="#333")),
            customdata=group[["entity_id", "name_en", "name_ar", "mentions", "articles",
                              "outlets", "claims", "speakers"]].to_numpy(),
            hovertemplate=("<b>%{customdata[1]}</b> · %{customdata[2]}<br>"
                           "%{customdata[3]} mention(s) in %{customdata[4]} article(s)<br>"
                           "Outlets: %{customdata[5]}<br>Claims: %{customdata[6]}<br>"
                           "Speakers: %{customdata[7]}<extra></extra>"),
        ))
    lon_range, lat_range = frame or views.map_frame(places)
    fig.update_geos(
        projection_type="mercator", resolution=MAP_RESOLUTION, lonaxis_range=lon_range, lataxis_range=lat_range,
        # few layers: each one is re-projected on every redraw (see benchmarks/bench_dashboard.py);
        # the sea is the background colour, the coast the edge of the land
        showland=True, landcolor="#F3F1EC", showcountries=True, countrycolor="#9A9A9A",
        showcoastlines=False, showocean=False, showlakes=False, showframe=True,
        showrivers=True, rivercolor="#7FB2D9", riverwidth=1.5,
        bgcolor="#E3EEF6",
    )
    fig.update_layout(legend_title_text=colour_title, clickmode="event+select", dragmode="pan",
                      showlegend=True, uirevision="riwaya-map")
    return _base_layout(fig, height=620 if big else 520, big=big)


def matrix_figure(long: pd.DataFrame, *, row: str = "actor_label", col: str = "claim_short",
                  ids: tuple[str, str] = ("actor_id", "claim_id"), big: bool = False) -> go.Figure:
    """Cells as square markers coloured by stance, the count written on them; silent cells grey "—".

    ``customdata`` of each point is ``[row id, column id]`` (``ids`` names their columns).
    """
    fig = go.Figure()
    rows = list(dict.fromkeys(long[row]))
    cols = list(dict.fromkeys(long[col]))
    cell = 46 if big else 40
    for stance in (*views.STANCE_ORDER, "silent"):
        part = long[long["stance"] == stance]
        if part.empty:
            continue
        colour = views.STANCE_COLOURS.get(stance, views.SILENT_COLOUR)
        text_colour = views.SILENT_TEXT if stance == "silent" else ("#000" if stance == "concedes" else "#fff")
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
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(rows)), showgrid=False,
                     zeroline=False, fixedrange=True, automargin=True)
    fig.update_layout(plot_bgcolor="rgba(0,0,0,0)", clickmode="event+select", dragmode=False,
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
    for stance in views.STANCES:
        part = counts[counts["stance"] == stance]
        if part.empty:
            continue
        fig.add_trace(go.Bar(y=part["claim_short"], x=part["n"], orientation="h", name=stance,
                             marker_color=views.STANCE_COLOURS[stance],
                             customdata=part[["claim_id", "claim_label"]].to_numpy(),
                             hovertemplate="%{y} (%{customdata[0]})<br>%{customdata[1]}<br>"
                                           + stance + ": %{x}<extra></extra>"))
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_yaxes(categoryorder="total ascending", automargin=True)
    fig.update_xaxes(title_text="statements", dtick=1 if (len(counts) and counts["n"].max() < 12) else None)
    height = 120 + 34 * max(counts["claim_id"].nunique() if len(counts) else 1, 1)
    return _base_layout(fig, height=height, big=big)
