"""A plotly geo chart drawn by plotly.js's geo-only bundle, as a Streamlit v2 component.

``st.plotly_chart`` loads Streamlit's whole plotly.js (4.7 MB), which takes this machine's
browser about two seconds to start; the geo bundle (1.4 MB, vendored in ``static/plotly/``
and served by the app, so it works offline) starts in a fraction of that. The figure is built
by plotly.py as usual (``components/figures.py``) and handed over as JSON; a click on a point
comes back to Python through ``on_click``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import streamlit as st

from .preload import GEO_ASSETS_JS, PLOTLY_GEO_URL, SHOWN_LAYERS, TOPOJSON_NAME, TOPOJSON_URL

_JS = GEO_ASSETS_JS + Path(__file__).with_name("geo_chart.js").read_text(encoding="utf-8")

# registered once per process; a Streamlit v2 component lives in the page, not in an iframe
_component = st.components.v2.component(
    "riwaya_geo_chart", js=_JS, html='<div class="riwaya-geo-chart"></div>', isolate_styles=False)


def topojson_box(frame: tuple[list[float], list[float]], *, margin: float = 12.0) -> list[float]:
    """The part of the world map kept for a map showing ``frame`` (lon range, lat range), as
    [lon0, lon1, lat0, lat1] widened by ``margin`` degrees."""
    (lon0, lon1), (lat0, lat1) = frame
    return [round(v, 3) for v in (lon0 - margin, lon1 + margin, lat0 - margin, lat1 + margin)]


def chart_data(fig, *, config: dict, frame: tuple[list[float], list[float]] | None = None) -> dict:
    """What the browser side (``geo_chart.js``) receives: the figure JSON, the plotly config, the
    bundle's URL and, with ``frame``, the region of the base map to keep."""
    return {
        "figure": json.loads(fig.to_json()),
        "config": {**config, "responsive": True},
        "script": PLOTLY_GEO_URL,
        "topojson": ({"name": TOPOJSON_NAME, "url": TOPOJSON_URL + TOPOJSON_NAME + ".json",
                      "box": topojson_box(frame), "shown": list(SHOWN_LAYERS)} if frame else None),
    }


def clicked_point(key: str) -> dict | None:
    """The last point clicked in the chart ``key``: ``{"customdata", "curve", "point"}`` or None."""
    result = st.session_state.get(key)
    value = result.get("click") if isinstance(result, dict) else None
    return value if isinstance(value, dict) else None


def geo_chart(fig, *, key: str, config: dict, frame: tuple[list[float], list[float]] | None = None,
              on_click: Callable[[], Any] | None = None) -> None:
    """Draw ``fig`` (a plotly figure with geo traces). ``on_click`` runs, before the next script
    run, when a point is clicked; :func:`clicked_point` then gives the point."""
    _component(key=key, data=chart_data(fig, config=config, frame=frame),
               on_click_change=on_click or (lambda: None))
