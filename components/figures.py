"""Plotly figures of the dashboard, built from the frames of ``riwaya.dashboard`` (no Streamlit)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timezone
from html import escape, unescape
from typing import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from riwaya.dashboard.corpus import as_text
from riwaya.dashboard import map as place_map
from riwaya.dashboard.maplabels import (Label, PixelView, Point, clusters, latitude, mercator,
                                        place_labels)
from riwaya.dashboard.maplabels import short_name as _short_name
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


def plotly_config(name: str, when: date | None = None) -> dict:
    """Plotly config shared by every chart: a PNG button (modebar "Download plot as a png",
    the file named after the chart and the day), no plotly logo, no "Share chart…" (it needs
    Plotly's cloud: the page offers a link to the view instead), and the topojson served by
    this app (works offline)."""
    day = (when or datetime.now(timezone.utc).date()).isoformat()
    return {
        "displaylogo": False,
        "topojsonURL": TOPOJSON_URL,
        "toImageButtonOptions": {"format": "png", "filename": f"riwaya-{name}-{day}", "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "sendChartToCloud", "sendDataToCloud",
                                   "editInChartStudio"],
    }


def _base_layout(fig: go.Figure, *, height: int, title: str | None = None, big: bool = False) -> go.Figure:
    size = 20 if big else 13
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


#: the map's drawing, normal and in presentation mode: the figure's height and the narrowest
#: width (px) it is shown at (names placed for this width stay apart on wider screens; on a
#: phone the map keeps this width and scrolls sideways, components/style.py)
MAP_SIZE = {False: (700, 640), True: (1350, 800)}
#: the map's legend: columns (each a fraction of the width, so a PNG cannot cut an entry)
MAP_LEGEND_COLUMNS = {False: 2, True: 3}


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
    view = PixelView(tuple(lon_range), tuple(lat_range), width - 20, plot_h)
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
    fig = go.Figure()
    width, height = MAP_SIZE[big]
    lay = layout or map_layout(places, frame=frame, big=big)
    shown, sizes = lay.shown, lay.sizes
    lon_range, lat_range = list(lay.view.lon_range), list(lay.view.lat_range)
    font_size = 20 if big else 13
    for key, group in (shown.groupby("colour_key", sort=True) if len(shown) else ()):
        label = plot_text(group["colour_label"].iloc[0])
        colour = colours.get(key, SILENT_TEXT) if key else SILENT_TEXT
        # [0] the place id (clicks; never shown), the rest shown in the hover: escaped, wrapped
        custom = pd.DataFrame({
            "id": group["entity_id"], "en": _plot_texts(group["name_en"]),
            "ar": _plot_texts(group["name_ar"]), "mentions": group["mentions"], "articles": group["articles"],
            "outlets": [_wrapped(v) for v in group["outlets"]], "claims": [_wrapped(v) for v in group["claims"]],
            "speakers": [_wrapped(v) for v in group["speakers"]],
            "also": [f"<br>Also here: {_wrapped(v)}" if v else "" for v in group["also"]]})
        fig.add_trace(go.Scattergeo(
            lat=group["lat"], lon=group["lon"], name=label, mode="markers",
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
        fig.add_trace(go.Scattergeo(
            lon=at["lon"], lat=at["lat"], text=[str(n) for n in lay.numbered.values()], mode="text",
            textposition="middle center", textfont=dict(size=font_size - 2, color="#000", weight="bold",
                                                        shadow="0 0 3px #fff"),
            hoverinfo="skip", showlegend=False, name="place numbers"))
    # the names, in a trace of their own drawn last, so that no marker covers them
    if lay.labels:
        names = dict(zip(shown["entity_id"], shown["name_en"]))
        more = {r.entity_id: len(r.members) - 1 for r in shown.itertuples(index=False) if r.also}
        fig.add_trace(go.Scattergeo(
            lon=[lab.lon for lab in lay.labels], lat=[lab.lat for lab in lay.labels],
            text=[plot_text(short_name(names[lab.id])) + (f" +{more[lab.id]}" if lab.id in more else "")
                  for lab in lay.labels],
            mode="text", textposition=[lab.position for lab in lay.labels],
            textfont=dict(size=font_size, color="#222", shadow="0 0 3px #fff"),
            customdata=[[lab.id] for lab in lay.labels],
            hoverinfo="skip", showlegend=False, name="place names"))
    fig.update_geos(
        projection_type="mercator", resolution=MAP_RESOLUTION, lonaxis_range=lon_range, lataxis_range=lat_range,
        # few layers: each one is re-projected on every redraw (see benchmarks/bench_dashboard.py);
        # the sea is the background colour, the coast the edge of the land
        showland=True, landcolor="#F3F1EC", showcountries=True, countrycolor="#9A9A9A",
        showcoastlines=False, showocean=False, showlakes=False, showframe=True,
        showrivers=True, rivercolor="#7FB2D9", riverwidth=2,
        bgcolor="#E3EEF6",
    )
    fig.update_layout(legend_title_text=colour_title, clickmode="event", dragmode="pan",
                      showlegend=True, uirevision="riwaya-map")
    fig = _base_layout(fig, height=height, big=big)
    # the legend under the map (above it, it ran into plotly's buttons), with room for its lines
    bottom = 16 + (font_size + 12) * lay.legend_rows
    fig.update_layout(legend=dict(y=0, yanchor="top", x=0, xanchor="left", title_side="top",
                                  entrywidth=1 / MAP_LEGEND_COLUMNS[big] - 0.01, entrywidthmode="fraction"),
                      margin=dict(t=34, b=bottom),
                      hoverlabel=dict(align="left"))
    if heading:
        with_heading(fig, *heading, big=big)
    return fig


def with_heading(fig: go.Figure, title: str, subtitle: str, *, big: bool = False,
                 xref: str = "paper") -> go.Figure:
    """Write ``title`` and ``subtitle`` (the filter, the date: plain text, escaped here) on the
    figure itself, so that its PNG says what it shows; the top margin grows to hold them.
    ``xref`` "paper" starts them at the plot's left edge (a matrix, shifted on a phone),
    "container" at the figure's."""
    size = 20 if big else 14
    legend_on_top = (fig.layout.legend.yanchor == "bottom" and fig.layout.legend.yref != "container"
                     and fig.layout.showlegend is not False)
    top = (fig.layout.margin.t or 10) + (2.6 if big else 2.4) * size + (size + 24 if legend_on_top else 0)
    fig.update_layout(title=dict(text=f"<b>{plot_text(title)}</b>", x=0, xanchor="left", xref=xref,
                                 y=1, yanchor="top", yref="container", pad=dict(t=6), font=dict(size=size),
                                 subtitle=dict(text=plot_text(subtitle), font=dict(size=size - 3, color="#555"))),
                      margin=dict(t=top))
    fig.update_layout(height=(fig.layout.height or 400) + 2.4 * size + (size + 24 if legend_on_top else 0))
    return fig


def export_heading(what: str, filter_text: str, when: date | None = None) -> tuple[str, str]:
    """(title, subtitle) of a chart: what it shows; the filter and the day, for :func:`with_heading`."""
    day = (when or datetime.now(timezone.utc).date()).isoformat()
    return what, f"Filter: {filter_text} · {day} · Riwaya"


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


def _grouped_rows(groups: Sequence[tuple[str, Sequence[str]]]) -> tuple[list[str], list[str]]:
    """(categories, tick labels) of the rows top to bottom; with more than one group, each group
    starts with a header row (a category holding no cell) bearing the group's label."""
    cats, ticks = [], []
    for label, rows in groups:
        if len(groups) > 1:
            cats.append(f"\u2063{label}\u2063")  # invisible marks: never an actor's label
            ticks.append(f'<span style="color:#6b6b6b"><b>{plot_text(label.upper())}</b></span>')
        cats += _plot_texts(rows)
        ticks += [two_lines(r) for r in _plot_texts(rows)]
    return cats, ticks


def two_lines(label: str) -> str:
    """A "English · Arabic" tick label (escaped) on two lines, each script on its own (and no
    name pushed out of the picture by the other)."""
    return "<br>".join(label.split(" · ", 1))


def matrix_figure(long: pd.DataFrame, *, row: str = "actor_label", col: str = "claim_short",
                  ids: tuple[str, str] = ("actor_id", "claim_id"),
                  groups: Sequence[tuple[str, Sequence[str]]] | None = None, big: bool = False,
                  chosen: tuple[str, str] | None = None,
                  heading: tuple[str, str] | None = None) -> go.Figure:
    """Cells as square markers coloured by stance, the count written on them; silent cells grey "—".

    ``customdata`` of each point is ``[row id, column id, the cell in words]`` (``ids`` names
    the id columns). ``groups`` ([(label, [row, ...]), ...], top to bottom) puts the rows in
    groups, each under a header row with a line above it. The ``chosen`` cell (row id, column
    id) is framed. The margins are fixed, wide enough for the longest names (a PNG never cuts
    one), and ``heading`` (title, subtitle) is written on the figure.
    """
    fig = go.Figure()
    # the row and column labels are data, shown as ticks and in the hover: escaped once, here
    raw_rows, raw_cols = list(dict.fromkeys(long[row])), list(dict.fromkeys(long[col]))
    long = long.assign(**{row: _plot_texts(long[row]), col: _plot_texts(long[col])})
    rows = list(dict.fromkeys(long[row]))
    cols = list(dict.fromkeys(long[col]))
    cell = 46 if big else 40
    if big:  # presenter: the whole matrix on one 1080-px screen, a 17-row one included
        cell = max(20, min(cell, 640 // max(len(rows) + len(groups or ()), 1) - 12))
    font = 20 if big else 13
    shown = "label" if "label" in long else "text"
    for stance in (*STANCE_ORDER, "silent"):
        part = long[long["stance"] == stance]
        if part.empty:
            continue
        colour = STANCE_COLOURS.get(stance, SILENT_COLOUR)
        text_colour = SILENT_TEXT if stance == "silent" else ("#000" if stance == "concedes" else "#fff")
        words = part["words"] if "words" in part else part["text"]
        custom = np.column_stack([part[list(ids)].to_numpy(), _plot_texts(words)])
        fig.add_trace(go.Scatter(
            x=part[col], y=part[row], mode="markers+text", name=stance,
            marker=dict(symbol="square", size=cell, color=colour,
                        line=dict(width=1, color="#FFFFFF")),
            text=part[shown],
            textfont=dict(color=text_colour,
                          size=[(17 if big else 13) if len(t) <= 5 else (12 if big else 9) for t in part[shown]]),
            customdata=custom,
            hovertemplate="%{y}<br>%{x} (%{customdata[1]})<br>" + stance + ": %{customdata[2]}<extra></extra>",
        ))
    fig.update_xaxes(categoryorder="array", categoryarray=cols, side="top", tickangle=-35,
                     showgrid=False, zeroline=False, fixedrange=True, automargin=False)
    ticks = [two_lines(r) for r in rows]
    if groups:
        rows, ticks = _grouped_rows(groups)
    one_line = big and cell < 46  # presenter, many rows: each name on one line, the rows fit one screen
    if one_line:
        ticks = [t.replace("<br>", " · ") for t in ticks]
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(rows)), showgrid=False,
                     zeroline=False, fixedrange=True, automargin=False, range=[-0.5, len(rows) - 0.5])
    fig.update_yaxes(tickmode="array", tickvals=rows, ticktext=ticks)  # header rows hold no cell
    if groups:
        header = 0  # a group's header row, counted from the top
        for n, (_, members) in enumerate(groups if len(groups) > 1 else ()):
            if n:  # a line above each group's header but the first
                y = len(rows) - header - 0.5
                fig.add_shape(type="line", xref="paper", x0=0, x1=1, yref="y", y0=y, y1=y,
                              line=dict(color="#9a9a9a", width=1))
            header += len(members) + 1
    if chosen is not None:
        hit = long[(long[ids[0]] == chosen[0]) & (long[ids[1]] == chosen[1])]
        if len(hit):
            h = hit.iloc[0]
            half = cell / 2 + 5
            fig.add_shape(type="rect", name="chosen", xref="x", yref="y", xsizemode="pixel", ysizemode="pixel",
                          xanchor=cols.index(h[col]), yanchor=list(reversed(rows)).index(h[row]),
                          x0=-half, x1=half, y0=-half, y1=half, line=dict(color="#111", width=3),
                          fillcolor="rgba(0,0,0,0)", layer="above")
    fig.update_layout(plot_bgcolor="rgba(0,0,0,0)", clickmode="event", dragmode=False,
                      showlegend=True)
    char = font * 0.56
    longest_row = max((len(line) for r in raw_rows for line in ([str(r)] if one_line else str(r).split(" · ", 1))),
                      default=4)
    longest_col = max((len(str(c)) for c in raw_cols), default=4)
    left = int(min(24 + char * longest_row, 800 if one_line else 560))
    top = int(30 + char * longest_col * 0.6 + font)  # the names slant at 35 degrees
    bottom = 60
    height = top + bottom + (cell + 12) * max(len(rows), 1)
    fig = _base_layout(fig, height=height, big=big)
    fig.update_layout(legend=dict(y=-0.02, yanchor="top", x=0, xanchor="left"),
                      margin=dict(t=top, b=bottom, l=left, r=10 + int(char * longest_col * 0.82)))
    if heading:
        with_heading(fig, *heading, big=big)
    return fig


def sticky_rows(fig: go.Figure, *, key: str, width: float = 132.0, cell_px: float = 52.0) -> dict:
    """What :func:`riwaya.dashboard.chart_html.sticky_names_html` needs to lay a column of the
    matrix ``fig``'s row names over its left edge on a phone: the names top to bottom (plain
    text; group headers marked), where the first row starts, a row's height, the figure's
    height, and how wide the chart must stay for its cells (``cell_px`` a column)."""
    lay = fig.layout
    cats = list(reversed(lay.yaxis.categoryarray))
    height, top, bottom = lay.height, lay.margin.t, lay.margin.b
    row_px = (height - top - bottom) / max(len(cats), 1)
    n_cols = len(lay.xaxis.categoryarray)
    left, right = lay.margin.l, lay.margin.r
    return {"rows": [unescape(c) for c in cats], "top": top, "row_px": row_px, "height": height,
            "width": width, "shift": max(left - width, 0), "min_width": left + right + n_cols * cell_px,
            "key": key}


def stance_bar_figure(counts: pd.DataFrame, *, big: bool = False,
                      heading: tuple[str, str] | None = None) -> go.Figure:
    """Statements per claim, stacked by stance; ``customdata`` [claim id, claim, stance] (a
    click opens the statements)."""
    fig = go.Figure()
    for stance in STANCES:
        part = counts[counts["stance"] == stance]
        if part.empty:
            continue
        fig.add_trace(go.Bar(y=_plot_texts(part["claim_short"]), x=part["n"], orientation="h", name=stance,
                             marker_color=STANCE_COLOURS[stance],
                             customdata=part[["claim_id", "claim_label", "stance"]]
                             .assign(claim_label=lambda d: _plot_texts(d["claim_label"])).to_numpy(),
                             hovertemplate="%{y} (%{customdata[0]})<br>%{customdata[1]}<br>"
                                           + stance + ": %{x}<extra></extra>"))
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_yaxes(categoryorder="total ascending", automargin=True)
    fig.update_xaxes(title_text="statements", dtick=1 if (len(counts) and counts["n"].max() < 12) else None)
    fig.update_layout(clickmode="event")
    height = 180 + (44 if big else 36) * max(counts["claim_id"].nunique() if len(counts) else 1, 1)
    fig = _base_layout(fig, height=height, big=big)
    # claim names on at most two lines, in a fixed margin (automargin measures the page's font;
    # a PNG may be drawn in a wider one); the legend at the foot, where its lines have room on a phone
    names = list(dict.fromkeys(_plot_texts(counts["claim_short"]))) if len(counts) else []
    ticks = [split_line(n) for n in names]
    longest = max((len(line) for t in ticks for line in t.split("<br>")), default=4)
    fig.update_yaxes(automargin=False, tickmode="array", tickvals=names, ticktext=ticks)
    fig.update_layout(margin=dict(l=int(20 + (20 if big else 13) * 0.6 * longest), b=120 if big else 110),
                      legend=dict(xref="container", x=0, yref="container", y=0, yanchor="bottom"))
    return with_heading(fig, *heading, big=big, xref="container") if heading else fig


def split_line(label: str, *, most: int = 18) -> str:
    """A label longer than ``most`` characters on two lines, broken at the space nearest its middle."""
    if len(label) <= most or " " not in label:
        return label
    mid = len(label) // 2
    cut = min((i for i, ch in enumerate(label) if ch == " "), key=lambda i: abs(i - mid))
    return label[:cut] + "<br>" + label[cut + 1:]
