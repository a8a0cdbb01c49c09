"""Long tables and choosers are cut before they reach the browser (riwaya/dashboard/listing.py):
at 100,000 articles the Overview's articles, the Reader's chooser and the Timeline's table and
chooser were each 100,000 rows sent on every run. Here the cut is set to 1-2 rows on the
3-article fixture, through Streamlit's AppTest."""

from __future__ import annotations

import pytest

from riwaya.dashboard import listing
from tests.apptest_support import READER, all_text, open_page

TIMELINE = "pages/5_Timeline.py"


@pytest.fixture
def cut_at_2(monkeypatch):
    monkeypatch.setattr(listing, "SHOWN", 2)


def _table(at, column: str):
    """The page's dataframe that has ``column``."""
    return next(el.value for el in at.dataframe if column in el.value.columns)


def test_the_overview_lists_a_page_of_articles_says_how_many_and_searches(corpus_env, cut_at_2):
    at = open_page(None)
    assert list(_table(at, "doc_id")["doc_id"]) == ["a1", "s1"]
    assert "Showing the first 2 of 3 articles" in all_text(at)
    assert any(b.proto.label == "Download the articles (CSV)" for b in at.get("download_button"))
    at.text_input(key="overview_find").set_value("b1").run()
    assert list(_table(at, "doc_id")["doc_id"]) == ["b1"]
    assert "Showing the first" not in all_text(at)


def test_the_reader_chooser_does_not_list_every_article(corpus_env, monkeypatch):
    monkeypatch.setattr(listing, "SHOWN", 1)
    at = open_page(READER)
    box = at.selectbox(key="reader_doc")
    assert [o.split("[")[-1].rstrip("]") for o in box.options] == ["a1"]
    assert "Showing the first 1 of 3 articles in view" in all_text(at)
    at.text_input(key="reader_find").set_value("[b1]").run()   # found by its id
    options = [o.split("[")[-1].rstrip("]") for o in at.selectbox(key="reader_doc").options]
    assert options == ["a1", "b1"]                               # the open article stays first
    at.selectbox(key="reader_doc").set_value("b1").run()
    assert at.query_params.get("doc") == "b1" and not at.exception


def test_a_link_opens_an_article_past_the_first_ones(corpus_env, monkeypatch):
    monkeypatch.setattr(listing, "SHOWN", 1)
    at = open_page(READER, {"doc": "b1"})
    assert at.selectbox(key="reader_doc").value == "b1"
    assert [o.split("[")[-1].rstrip("]") for o in at.selectbox(key="reader_doc").options] == ["b1", "a1"]


def test_the_timeline_lists_a_page_of_statements_and_keeps_a_clicked_one(corpus_env, cut_at_2):
    at = open_page(TIMELINE)
    rows = _table(at, "quote")
    assert len(rows) == 2 and "Showing the first 2 of" in all_text(at)
    assert len(at.selectbox(key="timeline_stmt").options) == 2
    at = open_page(TIMELINE, {"stmt": "s1:2:0"})                  # a linked (or clicked) statement
    assert at.selectbox(key="timeline_stmt").value == "s1:2:0"
    assert "riwaya-quote" in "\n".join(el.proto.body for el in at.get("html"))
