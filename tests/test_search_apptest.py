"""The Search page under Streamlit's AppTest on the sample build: a query from the URL finds
sentences, each with a link to the Reader at that sentence; the filter narrows it."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


@pytest.fixture
def app(sample_build, monkeypatch, tmp_path):
    monkeypatch.setenv("RIWAYA_PROCESSED", str(sample_build.out))
    monkeypatch.setenv("RIWAYA_RAW", str(tmp_path / "no-raw"))        # nothing to build from
    monkeypatch.setenv("RIWAYA_STORIES", str(tmp_path / "stories"))

    def run(**query):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params.update(query)
        at.run()
        at.switch_page("pages/7_Search.py").run()
        assert not at.exception, [e.value for e in at.exception]
        return at
    return run


def test_an_arabic_query_in_the_url_lists_sentences_with_reader_links(app):
    at = app(q="الرقه")
    assert not at.exception
    assert at.text_input(key="q").value == "الرقه"
    caption = " ".join(c.value for c in at.caption)
    assert "sentence(s)" in caption
    hits = [h for h in at.get("html") if "riwaya-hit" in h.proto.body]
    assert len(hits) >= 10


def test_the_filter_narrows_the_search(app):
    everything = app(q="الرقه")
    bbc = app(q="الرقه", actor="BBC")
    count = lambda at: len([h for h in at.get("html") if "riwaya-hit" in h.proto.body])  # noqa: E731
    assert 0 < count(bbc) < count(everything)


def test_no_query_asks_for_one(app):
    at = app()
    assert not at.exception and any("Type a word" in i.value for i in at.info)
