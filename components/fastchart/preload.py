"""Start loading a page's heavy browser assets before Python has done its work.

Kept free of heavy imports (no pandas, plotly or DuckDB): a page with charts emits this script
first, so the browser fetches and starts its plotly.js bundle (and the map's base map) while
the page's Python runs; ``components/fastchart/chart.py`` draws with them.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

TOPOJSON_URL = "app/static/topojson/"  # static/topojson/ served by the app (works offline)
MAP_RESOLUTION = 50  # 1:50m (rivers, finer coasts); 110 redraws faster but shows no rivers here
TOPOJSON_NAME = f"world_{MAP_RESOLUTION}m"
#: plotly.js's partial bundles (npm plotly.js-*-dist-min), static/plotly/ served by the app:
#: "geo" draws maps (and scatter), "basic" scatter, bar and pie
BUNDLES = {"geo": "app/static/plotly/plotly-geo.min.js", "basic": "app/static/plotly/plotly-basic.min.js"}


def compact_js(source: str) -> str:
    """``source`` without its comment lines and indentation: the charts' code travels with
    every script run of every session (it is part of the page's elements), so its comments
    would cost bytes on every filter change."""
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


#: the browser-side loader shared with the chart component
ASSETS_JS = compact_js(Path(__file__).with_name("chart_assets.js").read_text(encoding="utf-8"))
#: base-map layers the map shows (components/figures.py); the others are left out of the crop
SHOWN_LAYERS = ("land", "countries", "rivers")


def assets_js(bundle: str, *, base_map: bool = False) -> str:
    """A script that starts loading what the page's charts need as soon as the page starts,
    while Python still works: plotly.js's ``bundle`` and, with ``base_map``, the map's topojson
    (``chart_assets.js``); ``chart.js`` takes them when it draws."""
    start = f"window.riwayaChartAssets.plotly({json.dumps(BUNDLES[bundle])});"
    if base_map:
        start += f"window.riwayaChartAssets.topojson({json.dumps(TOPOJSON_URL + TOPOJSON_NAME + '.json')});"
    return _script(ASSETS_JS + start)


def begin(bundle: str, *, base_map: bool = False) -> None:
    """The first thing a page with charts does: emit :func:`assets_js` (the browser starts
    loading while Python works), then wait for serve.py's warm-up of pandas, plotly & co.
    (``warmup.py``) before the page's own heavy imports."""
    import streamlit as st

    from components.fastchart import warmup

    st.html(assets_js(bundle, base_map=base_map), unsafe_allow_javascript=True)
    warmup.wait()


def _script(js: str) -> str:
    """A <script> whose code is base64: no "<" or "&" of the code ever meets an HTML parser."""
    return "<script>(new Function(atob(" + json.dumps(base64.b64encode(js.encode()).decode()) + ")))();</script>"
