"""What the AppTest suites share: the pages' paths, opening a page (with a query) as a reader
does, following a link, and reading a page's figures and text. The corpus fixtures
(``corpus_env``, ``suggestions_env``, ``sample_env``) are in tests/conftest.py."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
MAP, MATRIX, COMPARE, READER = ("pages/1_Map.py", "pages/2_Actors_x_claims.py",
                                "pages/3_Compare_sources.py", "pages/4_Reader.py")
TIMELINE, NETWORK = "pages/5_Timeline.py", "pages/6_Network.py"
PAGES = [None, MAP, MATRIX, COMPARE, READER]
TIMEOUT = 60


def open_page(page: str | None, query: dict | None = None, *, timeout: float = TIMEOUT) -> AppTest:
    """The app run once with ``query`` in the URL, then switched to ``page`` (None: Overview);
    no exception raised."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    if query:
        at.query_params.update(query)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def follow_link(at: AppTest, page: str, query_string: str) -> AppTest:
    """What a click on a link to ``page`` does: the URL becomes the link's query, then the page
    runs (Streamlit clears the other query parameters on a page switch)."""
    at.query_params = {k: v if len(v) > 1 else v[0] for k, v in parse_qs(query_string).items()}
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def figures(at: AppTest) -> list[dict]:
    """The page's plotly figures (components/fastchart/chart.py), in page order."""
    figs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    return figs + [json.loads(el.proto.json)["figure"] for el in at.get("bidi_component")]


def traces(at: AppTest, n: int = 0) -> list[dict]:
    """The data traces of figure ``n`` (not the map's trace of place names)."""
    return [t for t in figures(at)[n]["data"] if t.get("mode") != "text"]


def place_names(at: AppTest) -> list[str]:
    """The names written on the map (its text-only trace)."""
    return [n for t in figures(at)[0]["data"] if t.get("mode") == "text" for n in t["text"]]


def values(data) -> list:
    """A plotly array from figure JSON: a list, or a typed array {"dtype", "bdata"} (base64)."""
    if isinstance(data, dict) and "bdata" in data:
        import base64

        import numpy as np
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=np.dtype(data["dtype"])).tolist()
    return list(data)


def html_text(at: AppTest) -> str:
    return "\n".join(el.proto.body for el in at.get("html"))


def all_text(at: AppTest) -> str:
    parts = [html_text(at)]
    for kind in ("markdown", "caption", "info", "warning", "error", "title", "subheader"):
        parts += [str(el.value) for el in at.get(kind)]
    return "\n".join(parts)


def set_actors(at: AppTest, actors: list[str]) -> AppTest:
    at.multiselect(key="flt_actors").set_value(actors).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def map_places(at: AppTest) -> set[str]:
    return {row[0] for t in traces(at) for row in t.get("customdata", [])}


def matrix_cells(at: AppTest) -> dict[tuple[str, str], str]:
    cells = {}
    for t in traces(at):
        for ids in t.get("customdata", []):
            cells[(ids[0], ids[1])] = t["name"]
    return cells


def point_ids(at: AppTest, mode: str = "markers") -> set[str]:
    """customdata[0] of the points of the page's first figure drawn with ``mode``."""
    return {row[0] for t in figures(at)[0]["data"] if t.get("mode") == mode
            for row in t.get("customdata") or []}
