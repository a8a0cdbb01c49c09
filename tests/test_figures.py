"""The map's figure and the data its browser component receives (no Streamlit run)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from components import figures

from components.fastchart import chart

from components.fastchart import preload

ROOT = Path(__file__).resolve().parent.parent
FRAME = ([30.0, 50.0], [25.0, 40.0])


def places(*rows) -> pd.DataFrame:
    """Rows of (entity_id, name_en, kind, mentions, lat, lon) as place_summary gives them."""
    df = pd.DataFrame(rows, columns=["entity_id", "name_en", "kind", "mentions", "lat", "lon"])
    df["name_ar"] = "ا"
    for col in ("articles", "outlets", "claims", "speakers", "colour_label"):
        df[col] = "x"
    df["colour_key"] = "K"
    return df


@pytest.mark.parametrize("rows, expected", [
    # far apart: both named
    ([("A", "Alpha", "city", 5, 30.0, 35.0), ("B", "Beta", "city", 1, 35.0, 45.0)], {"A", "B"}),
    # names would overlap: the more mentioned one only
    ([("A", "Alpha", "city", 5, 30.0, 35.0), ("B", "Beta", "city", 1, 30.1, 35.2)], {"A"}),
    # same spot but far apart vertically: both
    ([("A", "Alpha", "city", 5, 30.0, 35.0), ("B", "Beta", "city", 1, 35.0, 35.0)], {"A", "B"}),
    # countries are not named; places out of view are not named
    ([("CC:SY", "Syria", "country", 9, 35.0, 38.0), ("C", "China town", "city", 3, 36.0, 103.0),
      ("A", "Alpha", "city", 1, 30.0, 35.0)], {"A"}),
    # ties: by id
    ([("B", "Beta", "city", 2, 30.0, 35.0), ("A", "Alpha", "city", 2, 30.0, 35.1)], {"A"}),
])
def test_map_labels_skip_overlaps_countries_and_places_out_of_view(rows, expected):
    drawn = places(*rows)
    sizes = dict(zip(drawn["entity_id"], figures.marker_sizes(drawn["mentions"])))
    where = figures.map_labels(drawn, sizes, lon_range=FRAME[0], lat_range=FRAME[1])
    assert set(where) == expected
    for pid, (lon, lat) in where.items():  # each name sits just above its own marker
        row = drawn[drawn["entity_id"] == pid].iloc[0]
        assert lon == row["lon"] and row["lat"] < lat < row["lat"] + 2


def test_map_labels_at_most():
    drawn = places(*[(f"P{i}", f"P{i}", "city", 1, 26.0 + i, 31.0 + (i % 2) * 10) for i in range(12)])
    sizes = dict.fromkeys(drawn["entity_id"], 10.0)
    assert len(figures.map_labels(drawn, sizes, lon_range=FRAME[0], lat_range=FRAME[1], most=3)) == 3


def test_short_names_on_the_map():
    assert figures.short_name("Abu Kamal (Al-Bukamal)") == "Abu Kamal"
    assert figures.short_name("Raqqa") == "Raqqa"


def test_map_figure_marks_the_chosen_place_and_names_places_in_a_trace_drawn_last():
    drawn = places(("A", "Alpha", "city", 5, 30.0, 35.0), ("B", "Beta", "city", 1, 35.0, 45.0))
    fig = figures.map_figure(drawn, {"K": "#123456"}, colour_title="Claim", frame=FRAME, chosen="B")
    markers, names = fig.data
    assert list(markers.selectedpoints) == [1]
    assert names.mode == "text" and list(names.text) == ["Alpha", "Beta"] and names.hoverinfo == "skip"
    fig = figures.map_figure(drawn, {"K": "#123456"}, colour_title="Claim", frame=FRAME)
    assert fig.data[0].selectedpoints is None  # nothing chosen: nothing faded


def test_chart_data_is_plain_json_with_the_offline_assets():
    drawn = places(("A", "Alpha", "city", 5, 30.0, 35.0))
    fig = figures.map_figure(drawn, {"K": "#123456"}, colour_title="Claim", frame=FRAME)
    data = chart.chart_data(fig, name="map", bundle="geo", config=figures.plotly_config("map"), frame=FRAME)
    assert json.loads(json.dumps(data)) == data
    assert data["figure"]["data"][0]["type"] == "scattergeo"
    assert data["config"]["topojsonURL"] == "app/static/topojson/"
    assert data["script"] == "app/static/plotly/plotly-geo.min.js"
    assert data["topojson"]["box"] == [18.0, 62.0, 13.0, 52.0]  # the frame and 12 degrees around it
    assert data["topojson"]["url"] == "app/static/topojson/world_50m.json"
    plain = chart.chart_data(fig, name="x", config={})
    assert plain["script"] == "app/static/plotly/plotly-basic.min.js" and plain["topojson"] is None
    with pytest.raises(ValueError, match="Unknown plotly.js bundle 'gl3d'"):
        chart.chart_data(fig, name="x", config={}, bundle="gl3d")


@pytest.mark.parametrize("bundle", sorted(preload.BUNDLES))
def test_the_vendored_plotly_bundles_are_the_plotly_js_that_plotly_py_writes_for(bundle):
    from plotly.offline import get_plotlyjs_version

    path = ROOT / "static" / preload.BUNDLES[bundle].removeprefix("app/static/")
    head = path.read_text(encoding="utf-8")[:300]
    version = re.search(rf"plotly\.js \({bundle} - minified\) v(\S+)", head)
    assert version, f"{path} is not plotly.js's {bundle} bundle"
    assert version.group(1) == get_plotlyjs_version(), (
        f"plotly.py writes figures for plotly.js {get_plotlyjs_version()} but {path} is "
        f"{version.group(1)}: replace it with the file of npm's plotly.js-{bundle}-dist-min of that version")
    assert (path.parent / "LICENSE").exists()


def test_the_preload_script_starts_the_same_assets_the_chart_uses():
    import base64

    def code(html: str) -> str:
        return base64.b64decode(re.search(r'atob\("([^"]+)"\)', html).group(1)).decode()

    map_code = code(preload.assets_js("geo", base_map=True))
    assert "window.riwayaChartAssets" in map_code
    assert f'plotly("{preload.BUNDLES["geo"]}")' in map_code
    assert 'topojson("app/static/topojson/world_50m.json")' in map_code
    other = code(preload.assets_js("basic"))
    assert f'plotly("{preload.BUNDLES["basic"]}")' in other and "topojson(\"" not in other


def test_matrix_figure_puts_rows_in_groups_under_headers_with_escaped_labels():
    evil = "<b onmouseover=x>يقول</b>"
    long = pd.DataFrame({"actor_label": ["RU", "US", evil, "Unattributed"], "claim_short": ["C"] * 4,
                         "actor_id": ["RU", "US", "UNK:x", "UNATTRIBUTED"], "claim_id": ["C"] * 4,
                         "stance": ["asserts"] * 4, "text": ["1"] * 4})
    groups = [("Codebook actors", ["RU", "US"]), ("Unnamed sources", [evil]), ("Unattributed", ["Unattributed"])]
    fig = figures.matrix_figure(long, groups=groups).to_plotly_json()["layout"]
    rows = list(fig["yaxis"]["tickvals"])
    assert len(rows) == 4 + 3  # a header row per group
    ticks = list(fig["yaxis"]["ticktext"])
    assert [strip(t) for t in ticks] == ["CODEBOOK ACTORS", "RU", "US", "UNNAMED SOURCES",
                                         "&lt;b onmouseover=x&gt;يقول&lt;/b&gt;", "UNATTRIBUTED", "Unattributed"]
    assert list(fig["yaxis"]["categoryarray"]) == rows[::-1]  # top to bottom
    # a line above each group but the first: between US and the sources' header, and above "Unattributed"'s
    assert sorted(s["y0"] for s in fig["shapes"]) == [1.5, 3.5]
    # one group: no header, no line
    one = figures.matrix_figure(long.head(2), groups=groups[:1]).to_plotly_json()["layout"]
    assert list(one["yaxis"]["ticktext"]) == ["RU", "US"] and not one.get("shapes")


def strip(tick: str) -> str:
    return re.sub(r"</?(?:span|b)(?: style=\"[^\"]*\")?>", "", tick)
