"""What every plotly figure of the dashboard shares (no Streamlit): data text escaped for plotly,
the font and base layout, the toolbar's config, and the heading written on a chart (title, filter,
date) so that its PNG says what it shows. The figures themselves: ``map_figure.py``,
``matrix_figure.py``, ``story_figures.py``."""

from __future__ import annotations

import math
from datetime import date, datetime, timezone
from html import escape

import plotly.graph_objects as go

from riwaya.dashboard.corpus import as_text

from components.fastchart.preload import TOPOJSON_URL  # shared with the preload scripts

FONT = "Source Sans, 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', sans-serif"


def plot_text(value) -> str:
    """Data text as plotly shows it literally: plotly reads <b>, <a href>, <br>, <span style>
    and entities in axis and tick labels, hover text, legend names and marker text, so &, < and
    > become entities (which plotly turns back into the characters). Every label from the data
    goes through here once."""
    return escape(as_text(value) if not isinstance(value, str) else value, quote=False)


def plot_texts(values) -> list[str]:
    """:func:`plot_text` of each value."""
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


def base_layout(fig: go.Figure, *, height: int, title: str | None = None, big: bool = False,
                template: str = "plotly_white") -> go.Figure:
    """The look every chart starts from: white, the dashboard's font (20 px in presenter mode,
    ``big``), a legend on top. ``template`` "none" leaves plotly's template out (the map, which
    sets what it uses of it: plotly validates a template on every figure, and it is 7 kB more
    for the browser on every run)."""
    size = 20 if big else 13
    fig.update_layout(
        template=template,  # plotly_white: light grid on white, like the page
        height=height, margin=dict(l=10, r=10, t=50 if title else 10, b=10),
        font=dict(family=FONT, size=size), title=dict(text=title) if title else None,
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0,
                    font=dict(size=size)),
        hoverlabel=dict(font=dict(family=FONT, size=size + 1)),
    )
    return fig


def heading_height(big: bool = False) -> float:
    """How much taller :func:`with_heading` makes a figure whose legend is not on top: the
    title's and the subtitle's lines with room under them (the first bar or name is clear of
    the subtitle)."""
    return 2.9 * (20 if big else 14)


def with_heading(fig: go.Figure, title: str, subtitle: str, *, big: bool = False,
                 xref: str = "paper") -> go.Figure:
    """Write ``title`` and ``subtitle`` (the filter, the date: plain text, escaped here) on the
    figure itself, so that its PNG says what it shows; the top margin grows to hold them.
    ``xref`` "paper" starts them at the plot's left edge (a matrix, shifted on a phone),
    "container" at the figure's."""
    size = 20 if big else 14
    legend_on_top = (fig.layout.legend.yanchor == "bottom" and fig.layout.legend.yref != "container"
                     and fig.layout.showlegend is not False)
    top = (fig.layout.margin.t or 10) + heading_height(big) + (size + 24 if legend_on_top else 0)
    fig.update_layout(title=dict(text=f"<b>{plot_text(title)}</b>", x=0, xanchor="left", xref=xref,
                                 y=1, yanchor="top", yref="container", pad=dict(t=6), font=dict(size=size),
                                 subtitle=dict(text=plot_text(subtitle), font=dict(size=size - 3, color="#555"))),
                      margin=dict(t=top))
    fig.update_layout(height=(fig.layout.height or 400) + heading_height(big)
                      + (size + 24 if legend_on_top else 0))
    return fig


def export_heading(what: str, filter_text: str, when: date | None = None) -> tuple[str, str]:
    """(title, subtitle) of a chart: what it shows; the filter and the day, for :func:`with_heading`."""
    day = (when or datetime.now(timezone.utc).date()).isoformat()
    return what, f"Filter: {filter_text} · {day} · Riwaya"


def marker_sizes(counts, *, smallest: float = 10, largest: float = 42) -> list[float]:
    """Marker diameter by count (a pandas Series), area proportional to the count."""
    if counts.empty:
        return []
    top = max(float(counts.max()), 1.0)
    return [smallest + (largest - smallest) * math.sqrt(float(c) / top) for c in counts]
