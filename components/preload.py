"""Start loading the map's heavy browser assets before Python has done its work.

Kept free of heavy imports (no pandas, plotly or DuckDB): the Map page emits this script
first, so the browser fetches and starts plotly.js's geo bundle and fetches the base map
while the page's Python runs (``components/geo_chart.py`` draws with them).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

TOPOJSON_URL = "app/static/topojson/"  # static/topojson/ served by the app (works offline)
MAP_RESOLUTION = 50  # 1:50m (rivers, finer coasts); 110 redraws faster but shows no rivers here
TOPOJSON_NAME = f"world_{MAP_RESOLUTION}m"
#: plotly.js's geo-only bundle (npm plotly.js-geo-dist-min), static/plotly/ served by the app
PLOTLY_GEO_URL = "app/static/plotly/plotly-geo.min.js"
#: the browser-side loader shared with the chart component
GEO_ASSETS_JS = Path(__file__).with_name("geo_assets.js").read_text(encoding="utf-8")


def map_assets_js() -> str:
    """A script that starts loading what the map needs as soon as the page starts, while Python
    still works: plotly.js's geo bundle and the base map (``components/geo_assets.js``);
    ``components/geo_chart.js`` takes both when it draws."""
    start = (f"window.riwayaGeoAssets.plotly({json.dumps(PLOTLY_GEO_URL)});"
             f"window.riwayaGeoAssets.topojson({json.dumps(TOPOJSON_URL + TOPOJSON_NAME + '.json')});")
    return _script(GEO_ASSETS_JS + start)


#: base-map layers the map shows (components/figures.py); the others are left out of the crop
SHOWN_LAYERS = ("land", "countries", "rivers")


def _script(js: str) -> str:
    """A <script> whose code is base64: no "<" or "&" of the code ever meets an HTML parser."""
    return "<script>(new Function(atob(" + json.dumps(base64.b64encode(js.encode()).decode()) + ")))();</script>"
