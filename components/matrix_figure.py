"""The grid charts (no Streamlit): the actor × claim matrix (also Compare's source × claim
matrix), the row names a phone holds in view beside it, and the statements-per-claim bars."""

from __future__ import annotations

import textwrap
from html import unescape
from typing import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from riwaya.dashboard.palette import SILENT_COLOUR, SILENT_TEXT, STANCE_COLOURS, STANCE_ORDER
from riwaya.pipeline.schema import STANCES

from components.figure_base import base_layout, heading_height, plot_text, plot_texts, with_heading

#: presenter mode (1920×1080): the chart's width the matrix is laid out for (the page's column,
#: 96 % of the screen) and the height it may take, its heading included: one screen
PRESENT_WIDTH, PRESENT_HEIGHT = 1640, 1060


def _grouped_rows(groups: Sequence[tuple[str, Sequence[str]]]) -> tuple[list[str], list[str]]:
    """(categories, tick labels) of the rows top to bottom; with more than one group, each group
    starts with a header row (a category holding no cell) bearing the group's label."""
    cats, ticks = [], []
    for label, rows in groups:
        if len(groups) > 1:
            cats.append(f"\u2063{label}\u2063")  # invisible marks: never an actor's label
            ticks.append(f'<span style="color:#6b6b6b"><b>{plot_text(label.upper())}</b></span>')
        cats += plot_texts(rows)
        ticks += [two_lines(r) for r in plot_texts(rows)]
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
    long = long.assign(**{row: plot_texts(long[row]), col: plot_texts(long[col])})
    rows = list(dict.fromkeys(long[row]))
    cols = list(dict.fromkeys(long[col]))
    font = 20 if big else 13
    n_rows = len(rows) + (len(groups) if groups and len(groups) > 1 else 0)  # + the groups' headers
    grid = (_presenter_grid(raw_rows, cols, n_rows, font) if big else
            _page_grid(raw_rows, raw_cols, n_rows, font))
    cell = grid["cell"]
    shown = "label" if "label" in long else "text"
    for stance in (*STANCE_ORDER, "silent"):
        part = long[long["stance"] == stance]
        if part.empty:
            continue
        colour = STANCE_COLOURS.get(stance, SILENT_COLOUR)
        text_colour = SILENT_TEXT if stance == "silent" else ("#000" if stance == "concedes" else "#fff")
        words = part["words"] if "words" in part else part["text"]
        custom = np.column_stack([part[list(ids)].to_numpy(), plot_texts(words)])
        fig.add_trace(go.Scatter(
            x=part[col], y=part[row], mode="markers+text", name=stance,
            marker=dict(symbol="square", size=cell, color=colour,
                        line=dict(width=1, color="#FFFFFF")),
            text=part[shown],
            textfont=dict(color=text_colour,
                          size=[grid["number"] if len(t) <= 5 else grid["mixed"] for t in part[shown]],
                          **({"weight": "bold"} if big else {})),
            customdata=custom,
            hovertemplate="%{y}<br>%{x} (%{customdata[1]})<br>" + stance + ": %{customdata[2]}<extra></extra>",
        ))
    fig.update_xaxes(categoryorder="array", categoryarray=cols, side="top", tickangle=grid["angle"],
                     showgrid=False, zeroline=False, fixedrange=True, automargin=False)
    if grid["col_ticks"]:  # presenter: the claims level, wrapped, each over its column
        fig.update_xaxes(range=[-0.5, len(cols) - 0.5], tickmode="array", tickvals=cols,
                         ticktext=grid["col_ticks"])
    ticks = [two_lines(r) for r in rows]
    if groups:
        rows, ticks = _grouped_rows(groups)
    if grid["one_line"]:  # presenter, many rows: each name on one line, the rows fit one screen
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
    top, bottom = grid["top"], grid["bottom"]
    height = top + bottom + grid["pitch"] * max(len(rows), 1)
    fig = base_layout(fig, height=round(height), big=big)
    fig.update_layout(legend=dict(y=-0.02, yanchor="top", x=0, xanchor="left"),
                      margin=dict(t=top, b=bottom, l=grid["left"], r=grid["right"]))
    if heading:
        with_heading(fig, *heading, big=big)
    return fig


def _longest(labels, one_line: bool) -> int:
    """The longest line of the row names, each on one line or "English · Arabic" on two."""
    return max((len(line) for r in labels for line in ([str(r)] if one_line else str(r).split(" · ", 1))),
               default=4)


def _page_grid(raw_rows, raw_cols, n_rows: int, font: int) -> dict:
    """The matrix's geometry on a page: 40-px cells, names on two lines, the claims slanted;
    margins wide enough for the longest names (a PNG never cuts one)."""
    char = font * 0.56
    longest_col = max((len(str(c)) for c in raw_cols), default=4)
    return {"cell": 40, "pitch": 52, "one_line": False, "angle": -35,
            "col_ticks": None, "number": 13, "mixed": 9,
            "left": int(min(24 + char * _longest(raw_rows, False), 560)),
            "top": int(30 + char * longest_col * 0.6 + font),  # the names slant at 35 degrees
            "bottom": 60, "right": 10 + int(char * longest_col * 0.82)}


def _presenter_grid(raw_rows, cols: list[str], n_rows: int, font: int) -> dict:
    """The matrix's geometry in presenter mode: as wide as the screen (:data:`PRESENT_WIDTH`), its
    height with the heading at most :data:`PRESENT_HEIGHT`; the claims written level above
    their columns, wrapped to the column's width; cells as big as a row allows, numbers bold."""
    bottom = 46  # the legend's line
    one_line = n_rows > 9  # two lines a name need ~56 px a row: only few rows get them
    left = int(min(24 + font * 0.42 * _longest(raw_rows, one_line), 760))  # measured: 0.4 em a character
    right = 16
    col_px = (PRESENT_WIDTH - left - right) / max(len(cols), 1)
    per_line = max(6, int(col_px / (font * 0.47)))  # 0.47 em a character, with the gap
    col_ticks = ["<br>".join(textwrap.wrap(c, per_line, break_long_words=False)) or c for c in cols]
    lines = max((t.count("<br>") + 1 for t in col_ticks), default=1)
    top = int(24 + lines * font * 1.35)  # the lines, the gap to the cells, room under the heading
    pitch = (PRESENT_HEIGHT - heading_height(True) - 6 - top - bottom) / max(n_rows, 1)
    pitch = max(30.0, min(pitch, 64.0))
    cell = int(max(24, min(pitch - 6, col_px - 12, 60)))
    return {"cell": cell, "pitch": pitch, "one_line": one_line, "angle": 0, "col_ticks": col_ticks,
            "number": 24 if cell >= 30 else 20, "mixed": 16 if cell >= 30 else 13,
            "left": left, "top": top, "bottom": bottom, "right": right}


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
        fig.add_trace(go.Bar(y=plot_texts(part["claim_short"]), x=part["n"], orientation="h", name=stance,
                             marker_color=STANCE_COLOURS[stance],
                             customdata=part[["claim_id", "claim_label", "stance"]]
                             .assign(claim_label=lambda d: plot_texts(d["claim_label"])).to_numpy(),
                             hovertemplate="%{y} (%{customdata[0]})<br>%{customdata[1]}<br>"
                                           + stance + ": %{x}<extra></extra>"))
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_yaxes(categoryorder="total ascending", automargin=True)
    fig.update_xaxes(title_text="statements", dtick=1 if (len(counts) and counts["n"].max() < 12) else None)
    fig.update_layout(clickmode="event")
    height = 180 + (58 if big else 36) * max(counts["claim_id"].nunique() if len(counts) else 1, 1)
    fig = base_layout(fig, height=height, big=big)
    # claim names on at most two lines, in a fixed margin (automargin measures the page's font;
    # a PNG may be drawn in a wider one); the legend at the foot, where its lines have room on a phone
    names = list(dict.fromkeys(plot_texts(counts["claim_short"]))) if len(counts) else []
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
