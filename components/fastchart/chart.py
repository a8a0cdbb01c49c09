"""Plotly figures drawn by one of plotly.js's partial bundles, as a Streamlit v2 component.

``st.plotly_chart`` loads Streamlit's whole plotly.js (4.7 MB), which takes this machine's
browser about two seconds to start; the partial bundles (1.2-1.4 MB, vendored in
``static/plotly/`` and served by the app, so they work offline) start in a fraction of that:
"geo" for the map, "basic" (scatter, bar, pie) for the other charts. The figure is built by
plotly.py as usual (``components/figures.py``) and handed over as JSON; a click on a point
comes back to Python through ``on_click``; the toolbar keeps its PNG button.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import streamlit as st

from components.fastchart.preload import (ASSETS_JS, BUNDLES, SHOWN_LAYERS, TOPOJSON_NAME, TOPOJSON_URL,
                                         compact_js)

if TYPE_CHECKING:  # (lon range, lat range); not imported at run time: this layer stays light
    from riwaya.dashboard.map import Frame


_JS = ASSETS_JS + compact_js(Path(__file__).with_name("chart.js").read_text(encoding="utf-8"))

# registered once per process; a Streamlit v2 component lives in the page, not in an iframe
_component = st.components.v2.component(
    "riwaya_chart", js=_JS, html='<div class="riwaya-chart"></div>', isolate_styles=False)


def topojson_box(frame: Frame, *, margin: float = 12.0, base: Frame | None = None) -> list[float]:
    """The part of the world map kept for a map showing ``frame`` (lon range, lat range), as
    [lon0, lon1, lat0, lat1] widened by ``margin`` degrees. With ``base`` (the corpus's
    region), the base's part whenever ``frame`` lies inside it (a filter's view does): the same
    box whatever the filter, so the browser cuts the base map once per page, not on every
    filter change; else the part holding both."""
    def widened(f: Frame) -> list[float]:
        (lon0, lon1), (lat0, lat1) = f
        return [round(v, 3) for v in (lon0 - margin, lon1 + margin, lat0 - margin, lat1 + margin)]

    box = widened(frame)
    if base is None:
        return box
    around = widened(base)
    (lon0, lon1), (lat0, lat1) = frame
    if around[0] <= lon0 and lon1 <= around[1] and around[2] <= lat0 and lat1 <= around[3]:
        return around
    return [min(box[0], around[0]), max(box[1], around[1]), min(box[2], around[2]), max(box[3], around[3])]


def chart_data(fig, *, name: str, config: dict, bundle: str = "basic",
               frame: Frame | None = None, base: Frame | None = None) -> dict:
    """What the browser side (``chart.js``) receives: the figure JSON, the plotly config, the
    bundle's URL, a name for performance marks and, with ``frame`` (maps), the region of the
    base map to keep (:func:`topojson_box` of ``frame`` and ``base``)."""
    if bundle not in BUNDLES:
        raise ValueError(f"Unknown plotly.js bundle {bundle!r}: expected one of {sorted(BUNDLES)}")
    return {
        "figure": fig if isinstance(fig, dict) else json.loads(fig.to_json()),  # a figure or its JSON
        "config": {**config, "responsive": True},
        "script": BUNDLES[bundle],
        "name": name,
        "topojson": ({"name": TOPOJSON_NAME, "url": TOPOJSON_URL + TOPOJSON_NAME + ".json",
                      "box": topojson_box(frame, base=base), "shown": list(SHOWN_LAYERS)} if frame else None),
    }


def clicked_point(key: str) -> dict | None:
    """The last point clicked in the chart ``key``: ``{"customdata", "curve", "point"}`` or None."""
    result = st.session_state.get(key)
    value = result.get("click") if isinstance(result, dict) else None
    return value if isinstance(value, dict) else None


def chart(fig, *, key: str, name: str, config: dict, bundle: str = "basic",
          frame: Frame | None = None, base: Frame | None = None,
          on_click: Callable[[], Any] | None = None) -> None:
    """Draw the plotly figure ``fig`` with plotly.js's ``bundle`` ("geo" for maps; ``frame``,
    the region shown, and ``base``, the corpus's, decide the part of the base map kept).
    ``name`` names its performance marks (``riwaya-<name>-drawn``). ``on_click`` runs, before
    the next script run, when a point is clicked; :func:`clicked_point` then gives the point."""
    _component(key=key, data=chart_data(fig, name=name, config=config, bundle=bundle, frame=frame,
                                        base=base),
               on_click_change=on_click or (lambda: None))
