"""Plotly figures of the story views: a claim's timeline and the actor network (no Streamlit).

Built from :mod:`riwaya.dashboard.timeline` and :mod:`riwaya.dashboard.network`; every piece
of corpus text that plotly would render (names, outlets, titles: plotly reads <b>, <a> in text)
is escaped first. Shared look: :mod:`components.figures`.
"""

from __future__ import annotations

import math
from collections import defaultdict

import pandas as pd
import plotly.graph_objects as go

from riwaya.dashboard.network import KINDS, Network
from riwaya.dashboard.palette import LINK_COLOURS, LINK_DASH, STANCE_COLOURS
from riwaya.dashboard.timeline import MILESTONES, Timeline, day_points, is_grouped
from riwaya.pipeline.schema import STANCES

from components.figure_base import base_layout, marker_sizes, plot_text

LINK_TEXT = {"agreement": "agreement (same side of a claim)",
             "conflict": "conflict (opposite sides of a claim)"}


def _stance_marker(stance: str, sizes: list, first) -> dict:
    """A timeline trace's markers: the stance's colour, ``sizes``; the first assertion, denial or
    concession of a claim (``first``: a flag per point) a diamond with a dark outline."""
    return dict(color=STANCE_COLOURS[stance], size=sizes,
                symbol=["diamond" if f else "circle" for f in first],
                line=dict(color=["#222" if f else "#fff" for f in first],
                          width=[2 if f else 1 for f in first]))


def _wrap(text: str, width: int = 22) -> str:
    """Escaped ``text`` broken into lines of about ``width`` characters (<br>)."""
    words, lines, line = str(text).split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "<br>".join(plot_text(x) for x in lines if x)


# --------------------------------------------------------------------------- timeline

def timeline_figure(tl: Timeline, *, big: bool = False) -> go.Figure:
    """One lane per claim (top to bottom in codebook order), a track per stance in each; points
    coloured by stance; the first assertion, denial and concession of a claim as large diamonds.
    ``customdata[0]`` of every point is its statement id (a click opens its evidence)."""
    fig = go.Figure()
    drawn = tl.drawn
    n_lanes = max(len(tl.lanes), 1)
    # each lane's span, from its first to its last statement: the claim's life
    for lane, part in drawn.groupby("lane"):
        fig.add_trace(go.Scatter(x=[part["x"].min(), part["x"].max()], y=[lane, lane], mode="lines",
                                 line=dict(color="#C9C9C9", width=2), hoverinfo="skip", showlegend=False))
    size = 13 if big else 11
    if is_grouped(tl):
        _day_traces(fig, day_points(tl), size)
    for stance in () if is_grouped(tl) else STANCES:
        part = drawn[drawn["stance"] == stance]
        if part.empty:
            continue
        first = part["milestone"] != ""
        custom = pd.DataFrame({
            "id": part["statement_id"], "actor": part["actor_label"].map(plot_text),
            "outlet": part["source"].map(plot_text), "date": [plot_text(d) or "no date" for d in part["date"]],
            "mark": [f"<br><b>{plot_text(m)}</b> of this claim" if m else "" for m in part["milestone"]],
            "claim": part["claim_short"].map(plot_text),
            "title": [f"<br>“{plot_text(t)}”" if t else "" for t in part["title"]]})
        fig.add_trace(go.Scatter(
            x=part["x"], y=part["y"], mode="markers", name=stance,
            marker=_stance_marker(stance, [size * 1.7 if f else size for f in first], first),
            customdata=custom.to_numpy(),
            hovertemplate=("<b>%{customdata[1]}</b> " + stance + " · %{customdata[5]}<br>"
                           "%{customdata[2]} · %{customdata[3]}%{customdata[6]}%{customdata[4]}"
                           "<extra></extra>")))
    # the legend's key to the diamonds
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name="first " +
                             " / ".join(m.split()[1] for m in MILESTONES.values()),
                             marker=dict(symbol="diamond", size=size * 1.4, color="#fff",
                                         line=dict(color="#222", width=2))))
    labels = [label for _, label in reversed(tl.lanes)]
    fig.update_yaxes(tickmode="array", tickvals=list(range(len(labels))),
                     ticktext=[_wrap(t, 26) for t in labels], range=[-0.6, n_lanes - 0.4],
                     showgrid=False, zeroline=False, fixedrange=True, automargin=True)
    for i in range(1, len(labels)):  # lines between the lanes
        fig.add_shape(type="line", xref="paper", x0=0, x1=1, yref="y", y0=i - 0.5, y1=i - 0.5,
                      line=dict(color="#E3E3E3", width=1))
    if tl.by == "article":
        n = len(tl.articles)
        # numbered (the key is under the chart): outlet names did not fit a phone's width
        fig.update_xaxes(tickmode="array", tickvals=[x for x, _ in tl.articles],
                         ticktext=[str(i + 1) for i in range(n)], range=[-0.08, max(n, 1) + 0.08], tickangle=0,
                         showgrid=False, zeroline=False, title_text="article (in order; no dates)")
        for i in range(1, n):
            fig.add_vline(x=i, line=dict(color="#E3E3E3", width=1))
    else:
        # dates only, one tick at noon of every day or few days: the hour within a day only
        # keeps one day's statements apart, it is not when they were said
        first, last = drawn["x"].min().normalize(), drawn["x"].max().normalize()
        step = max(1, math.ceil(((last - first).days + 1) / 8))
        fig.update_xaxes(type="date", showgrid=True, gridcolor="#EFEFEF", title_text="article date",
                         tick0=first + pd.Timedelta(hours=12), dtick=step * 86_400_000, tickformat="%-d %b %Y",
                         range=[first - pd.Timedelta(hours=2), last + pd.Timedelta(hours=26)])
    fig.update_layout(clickmode="event", dragmode=False, hovermode="closest", showlegend=True)
    fig = base_layout(fig, height=220 + (62 if big else 52) * n_lanes, big=big)
    # the legend above the lanes (under them it ran into the article names); plotly's buttons
    # are on the right
    fig.update_layout(legend=dict(y=1.0, yanchor="bottom", x=0, xanchor="left"), margin=dict(t=64, b=10))
    return fig


def _names(pairs, most: int = 3) -> str:
    """"A (5), B (2), C and 4 more", escaped."""
    shown = ", ".join(f"{plot_text(name) or 'no outlet'} ({n})" for name, n in pairs[:most])
    return shown + (f" and {len(pairs) - most} more" if len(pairs) > most else "")


def _day_traces(fig: go.Figure, days, size: float) -> None:
    """A point per claim, stance and day (many statements), sized by how many it holds (area);
    ``customdata[0]`` is the day's first statement (a click opens it)."""
    sizes = pd.Series(marker_sizes(days["count"], smallest=size * 0.6, largest=size * 1.6),
                      index=days.index, dtype=float)
    for stance in STANCES:
        part = days[days["stance"] == stance]
        if part.empty:
            continue
        first = part["milestone"] != ""
        custom = pd.DataFrame({
            "id": part["statement_id"], "n": part["count"], "claim": part["claim_short"].map(plot_text),
            "date": [plot_text(d) for d in part["date"]], "actors": part["actors"].map(_names),
            "outlets": part["outlets"].map(_names),
            "mark": [f"<br><b>{plot_text(m)}</b> of this claim" if m else "" for m in part["milestone"]]})
        fig.add_trace(go.Scatter(
            x=part["x"], y=part["y"], mode="markers", name=stance,
            marker=_stance_marker(stance, sizes[part.index].tolist(), first),
            customdata=custom.to_numpy(),
            hovertemplate=("<b>%{customdata[1]} statement(s)</b> " + stance + " · %{customdata[2]}"
                           "<br>%{customdata[3]}%{customdata[6]}<br>who: %{customdata[4]}"
                           "<br>where: %{customdata[5]}<br>click: the first of them<extra></extra>")))


# --------------------------------------------------------------------------- network

#: where a node's name may go, and its box's offset from the node's centre (in units of the
#: node's radius r, the box's width w and height h, pixels): (dx of the box's centre, dy)
_PLACES = {"top center": lambda r, w, h: (0, r + 3 + h / 2), "bottom center": lambda r, w, h: (0, -r - 3 - h / 2),
           "middle right": lambda r, w, h: (r + 4 + w / 2, 0), "middle left": lambda r, w, h: (-r - 4 - w / 2, 0)}
#: plot widths (px) the names are placed for, and how much each counts: a phone and a desktop;
#: a presenter's screen
_WIDTHS = {False: {340: 0.5, 900: 1.0}, True: {1700: 1.0}}


def _overlap(a, b) -> float:
    """The overlapping area of two boxes (centre x, centre y, width, height)."""
    dx = min(a[0] + a[2] / 2, b[0] + b[2] / 2) - max(a[0] - a[2] / 2, b[0] - b[2] / 2)
    dy = min(a[1] + a[3] / 2, b[1] + b[3] / 2) - max(a[1] - a[3] / 2, b[1] - b[3] / 2)
    return max(dx, 0) * max(dy, 0)


def _label_positions(nodes: pd.DataFrame, texts: list[str], sizes: list[float], *, font: float,
                     height: float, span: float, big: bool = False) -> list[str]:
    """Where each node's name goes (plotly textposition): for the biggest nodes first, the side
    (above, below, right, left) where its name covers the fewest names already placed, nodes
    and the plot's edge, on a phone's and a desktop's width."""
    widths = _WIDTHS[big]
    boxes = {w: [] for w in widths}
    def px(w, x, y):
        return (x + span) / (2 * span) * w, (y + span) / (2 * span) * height
    dots = {w: [(*px(w, x, y), d, d) for x, y, d in zip(nodes["x"], nodes["y"], sizes)] for w in widths}
    out = [""] * len(nodes)
    for i in sorted(range(len(nodes)), key=lambda i: -sizes[i]):
        lines = texts[i].split("<br>")
        w_box = max(len(x) for x in lines) * font * 0.55 + 4
        h_box = len(lines) * font * 1.25
        best, best_cost = "top center", None
        for place, shift in _PLACES.items():
            cost = 0.0
            for w, weight in widths.items():
                cx, cy = px(w, nodes["x"].iat[i], nodes["y"].iat[i])
                dx, dy = shift(sizes[i] / 2, w_box, h_box)
                box = (cx + dx, cy + dy, w_box, h_box)
                outside = (max(0, box[2] / 2 - box[0]) + max(0, box[0] + box[2] / 2 - w)) * h_box
                cost += weight * (sum(_overlap(box, b) for b in boxes[w]) + 2 * outside + 0.5 * sum(
                    _overlap(box, d) for j, d in enumerate(dots[w]) if j != i))
            if best_cost is None or cost < best_cost - 1e-6:
                best, best_cost = place, cost
        out[i] = best
        for w in widths:
            cx, cy = px(w, nodes["x"].iat[i], nodes["y"].iat[i])
            dx, dy = _PLACES[best](sizes[i] / 2, w_box, h_box)
            boxes[w].append((cx + dx, cy + dy, w_box, h_box))
    return out


def _offset(x0, y0, x1, y1, by: float) -> tuple[float, float]:
    """A shift perpendicular to the segment, ``by`` long (parallel links drawn side by side)."""
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy) or 1.0
    return -dy / length * by, dx / length * by


def network_figure(net: Network, *, big: bool = False) -> go.Figure:
    """Links as lines (agreement green and solid, conflict orange and dashed, wider for more
    claims), nodes sized by statements and named; chosen actors ringed. ``customdata[0]`` of a
    node is its actor id (a click filters by it)."""
    fig = go.Figure()
    xy = {r.actor_id: (r.x, r.y) for r in net.nodes.itertuples(index=False)}
    both = net.edges.groupby(["source", "target"])["kind"].transform("nunique") > 1 if len(net.edges) else []
    lines: dict[tuple[str, int], tuple[list, list]] = defaultdict(lambda: ([], []))
    mids: dict[str, list] = defaultdict(list)
    for r, twin in zip(net.edges.itertuples(index=False), both):
        (x0, y0), (x1, y1) = xy[r.source], xy[r.target]
        ox, oy = _offset(x0, y0, x1, y1, (0.012 if r.kind == "agreement" else -0.012) if twin else 0.0)
        xs, ys = lines[(r.kind, min(int(r.weight), 4))]
        xs += [x0 + ox, x1 + ox, None]
        ys += [y0 + oy, y1 + oy, None]
        mids[r.kind].append(((x0 + x1) / 2 + ox, (y0 + y1) / 2 + oy,
                             f"{plot_text(r.source_label)} — {plot_text(r.target_label)}<br>{r.kind} on {r.weight} "
                             f"claim(s): {_wrap(r.claim_labels, 60)}"))
    shown = set()
    for kind in KINDS:
        for (k, w), (xs, ys) in sorted(lines.items()):
            if k != kind:
                continue
            fig.add_trace(go.Scatter(
                x=xs, y=ys, mode="lines", name=LINK_TEXT[kind], legendgroup=kind,
                showlegend=kind not in shown, hoverinfo="skip",
                line=dict(color=LINK_COLOURS[kind], dash=LINK_DASH[kind], width=1.2 + 1.3 * w),
                opacity=0.75))
            shown.add(kind)
        if mids[kind]:  # hover on a link: near its middle
            fig.add_trace(go.Scatter(
                x=[m[0] for m in mids[kind]], y=[m[1] for m in mids[kind]], mode="markers",
                marker=dict(size=12, color=LINK_COLOURS[kind], opacity=0.0), legendgroup=kind,
                showlegend=False, text=[m[2] for m in mids[kind]],
                hovertemplate="%{text}<extra></extra>"))
    n = net.nodes
    height, font, span = (900 if big else 600), (20 if big else 11), 1.3  # presenter: names >= 20 px
    if len(n):
        chosen = [a in net.chosen for a in n["actor_id"]]
        sizes = marker_sizes(n["statements"], smallest=12, largest=44 if big else 38)
        texts = [_wrap(t, 16) for t in n["name"]]
        fig.add_trace(go.Scatter(
            x=n["x"], y=n["y"], mode="markers+text", name="actor (size: statements)",
            text=texts, textfont=dict(size=font, color="#222", shadow="0 0 3px #fff, 0 0 2px #fff"),
            textposition=_label_positions(n, texts, sizes, font=font, height=height - 90, span=span, big=big),
            marker=dict(size=sizes,
                        color=["#CC79A7" if c else "#56646F" for c in chosen],
                        line=dict(color=["#222" if c else "#fff" for c in chosen], width=[3 if c else 1.5 for c in chosen])),
            customdata=pd.DataFrame({"id": n["actor_id"], "label": n["label"].map(plot_text),
                                     "st": n["statements"], "cl": n["claims"]}).to_numpy(),
            hovertemplate=("<b>%{customdata[1]}</b><br>%{customdata[2]} statement(s) on "
                           "%{customdata[3]} claim(s)<br>click: filter by this actor<extra></extra>")))
    axis = dict(visible=False, range=[-span, span], fixedrange=True)
    fig.update_xaxes(**axis)
    fig.update_yaxes(**axis)
    fig.update_layout(clickmode="event", dragmode=False, hovermode="closest", showlegend=True,
                      plot_bgcolor="rgba(0,0,0,0)")
    fig = base_layout(fig, height=height, big=big)
    fig.update_layout(legend=dict(y=-0.02, yanchor="top", x=0, xanchor="left"), margin=dict(t=20, b=40))
    return fig
