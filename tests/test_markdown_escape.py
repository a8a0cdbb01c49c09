"""Nothing from the data is rendered as markdown or plotly markup (issue 9, item 11).

A corpus whose outlet, title, actor, claim and place names are markdown, Streamlit directives,
KaTeX and HTML: the markdown elements' source must render back to the literal characters, and
the figures' labels must carry them as entities (plotly turns &lt; back into <).
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from components import figures
from riwaya.dashboard.html import md
from riwaya.pipeline.store import write_corpus
from tests.fixture_corpus import fixture_tables
from tests.apptest_support import APP, COMPARE, MAP, READER, TIMEOUT

EVIL = "**bold** :red[x] $x^2$ <b>b</b> <a href=x>l</a> :smile: `c` # h"
SPECIAL = re.compile(r"(?<!\\)[*$<`\[]|:[\w+-]+:")  # unescaped markdown, a whole shortcode


def rendered_text(source: str) -> str:
    """What CommonMark shows of ``source``: tags stripped, entities decoded; the word joiner
    md() puts in an emoji shortcode removed."""
    out = MarkdownIt("commonmark").renderInline(source)
    assert "<strong>" not in out and "<a " not in out and "<code>" not in out
    from html import unescape
    return unescape(re.sub(r"<[^>]+>", "", out)).replace("\u2060", "")


@pytest.mark.parametrize("text", [EVIL, "C:\\raw\\x.txt", "a_b_c *x* [l](http://e) ~~s~~ | t |",
                                  "ّوزارة الدفاع", "", "1. list\n- item\n> quote"])
def test_md_shows_the_literal_characters(text):
    assert rendered_text(md(text)) == " ".join(text.splitlines())
    assert not re.search(r"(?<!\\)[*_`$<\[]", md(text))   # every special escaped
    assert not re.search(r":[\w+-]+:", md(text))           # no emoji shortcode left whole


@pytest.fixture(scope="module")
def evil_corpus(tmp_path_factory):
    tables = fixture_tables()
    for d in tables["documents"]:
        if d["doc_id"] == "a1":
            d["source"], d["title"], d["duplicate_of"] = EVIL, EVIL, EVIL
    for a in tables["actors"]:
        if a["actor_id"] == "RU_MOD":
            a["name_en"] = EVIL
    for p in tables["places"]:
        if p["entity_id"] == "GN:ABU_KAMAL":
            p["name_en"] = EVIL
    out = tmp_path_factory.mktemp("evil")
    write_corpus(out, tables, info={"fixture": "evil"})
    return out


@pytest.fixture
def evil_env(evil_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_PROCESSED", str(evil_corpus))
    monkeypatch.setenv("RIWAYA_RAW", str(tmp_path / "no-raw"))


def _markdown_sources(at: AppTest) -> list[str]:
    out = [el.value for kind in ("markdown", "caption", "subheader", "warning", "info", "error")
           for el in at.get(kind)]
    return out + [el.label for el in at.get("expander")]


def _open(page: str | None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(query or {})
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page, query", [(None, {}), (COMPARE, {}), (READER, {"doc": "a1"}),
                                         (MAP, {"place": "GN:ABU_KAMAL"})])
def test_data_in_markdown_elements_shows_literally(evil_env, page, query):
    at = _open(page, query)
    sources = [s for s in _markdown_sources(at) if "bold" in s]
    assert sources, "the hostile name should appear on this page"
    for source in sources:
        shown = rendered_text(source)
        assert EVIL in shown, (source, shown)
        assert not SPECIAL.search(source), source


def test_figure_labels_are_escaped():
    long = pd.DataFrame({"actor_label": [EVIL, "US"], "claim_short": [EVIL, "C"],
                         "actor_id": ["RU", "US"], "claim_id": ["C1", "C"],
                         "stance": ["asserts", "denies"], "text": ["1", "2"]})
    fig = figures.matrix_figure(long).to_plotly_json()
    for trace in fig["data"]:
        for v in [*trace["x"], *trace["y"]]:
            assert "<" not in v and ("&lt;b&gt;" in v or "bold" not in v)
    counts = pd.DataFrame({"claim_id": ["C1"], "claim_short": [EVIL], "claim_label": [EVIL],
                           "stance": ["asserts"], "n": [2]})
    bar = figures.stance_bar_figure(counts).to_plotly_json()["data"][0]
    assert list(bar["y"]) == [figures.plot_text(EVIL)] and "<b>" not in str(bar["customdata"])
    places = pd.DataFrame({"entity_id": ["P"], "name_en": [EVIL], "name_ar": ["<i>ب</i>"], "lat": [34.0],
                           "lon": [40.0], "mentions": [3], "articles": [1], "outlets": [EVIL],
                           "claims": [""], "speakers": [""], "kind": ["city"],
                           "colour_key": ["K"], "colour_label": [EVIL]})
    geo = figures.map_figure(places, {"K": "#000"}, colour_title="Outlet").to_plotly_json()["data"]
    assert geo[0]["name"] == figures.plot_text(EVIL)
    assert geo[0]["customdata"][0][0] == "P"  # the id clicks use stays raw
    shown = [str(x) for x in geo[0]["customdata"][0][1:]] + [str(t) for t in geo[-1].get("text", [])]
    assert not any("<b>" in s or "<i>" in s or "<a " in s for s in shown), shown
    assert figures.plot_text("a & <b>") == "a &amp; &lt;b&gt;"
