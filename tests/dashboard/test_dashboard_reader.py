"""riwaya.dashboard.reader: the articles in view, one article's data, highlight spans and legend."""

from __future__ import annotations

import pandas as pd
import pytest

from riwaya.dashboard import listing, reader
from riwaya.dashboard.filters import Filters
from riwaya.dashboard.memo import Memo


def test_articles_in_view_and_their_labels(prep):
    assert reader.article_ids(Filters().apply(prep)) == ["a1", "s1", "b1"]
    assert reader.article_ids(Filters(actors=("DILLON",)).apply(prep)) == ["b1"]
    labels = reader.article_labels(prep)
    assert labels == {d: reader.article_label(prep, d) for d in ("a1", "b1", "s1")}
    assert labels["s1"].startswith("SANA · 2017-11-14") and labels["s1"].endswith(" [s1]")
    assert reader.article_label(prep, "nope") == "nope"
    assert reader.has_article(prep, "a1") and not reader.has_article(prep, "nope")
    assert not reader.has_article(prep, None)


def test_one_article(prep):
    doc = reader.article(prep, "b1")
    meta = dict(reader.article_meta(doc))
    assert meta["Outlet"] == "Beta Agency" and "Date" in meta
    assert reader.duplicate_of(doc) == ""
    with pytest.raises(KeyError, match="nope"):
        reader.article(prep, "nope")
    assert reader.sentence_text(prep, "b1", 2).startswith("ونفى ديلون")
    assert reader.sentence_text(prep, "b1", 99) is None and reader.sentence_text(prep, "b1", None) is None


def test_article_statements_whatever_the_filter(prep):
    st = reader.article_statements(prep, "a1")
    assert list(st.columns) == ["sentence", "actor", "claim_id", "stance", "cue", "review"]
    assert len(st) == 5 and list(st["sentence"]) == sorted(st["sentence"])
    assert reader.article_statements(prep, "nope").empty


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a", "https://example.org/a"), ("javascript:alert(1)", ""), (None, "")])
def test_article_url_only_http(url, expected):
    assert reader.article_url(pd.Series({"url": url})) == expected


@pytest.mark.parametrize("removed, expected", [
    ('[{"reason": "link", "text": "اقرأ أيضا"}]', [("link", "اقرأ أيضا")]),
    ("[]", []), ("", []), (None, []), ("{not json", []), ('["not a dict"]', []),
])
def test_removed_lines(removed, expected):
    assert reader.removed_lines(pd.Series({"removed": removed})) == expected


def test_reader_legend_lists_what_is_highlighted(prep):
    labels = [label for label, _, _ in reader.reader_legend(prep, "b1")]
    assert "Actor: Col. Ryan Dillon · رايان ديلون" in labels
    assert "Place" in labels
    assert "Claim: Coalition party to deal — The coalition was a party to the Raqqa deal." in labels
    assert labels[-1] == "Attribution / stance cue"


def test_reader_spans(prep):
    spans = reader.reader_spans(prep, "b1")
    assert {s.kind for s in spans} == {"actor", "place", "claim", "cue"}
    text = reader.article(prep, "b1")["text"]
    cues = [s for s in spans if s.kind == "cue"]
    assert "نفى" in [c.label for c in cues] and all(text[c.start:c.end] == c.label for c in cues)
    assert [b[2] for b in reader.sentence_bounds(prep, "b1")] == [0, 1, 2]


@pytest.mark.parametrize("length, spans, expected", [
    (10, [], [(0, 10, 0)]),
    (10, [reader.Span(2, 5, "actor", "a", "#000000")], [(0, 2, 0), (2, 5, 1), (5, 10, 0)]),
    (10, [reader.Span(0, 10, "claim", "c", "#000000"), reader.Span(3, 4, "cue", "q", "#000000")],
     [(0, 3, 1), (3, 4, 2), (4, 10, 1)]),
])
def test_segments_cover_overlapping_spans(length, spans, expected):
    got = [(a, b, len(cover)) for a, b, cover in reader.segments(length, spans)]
    assert got == expected


@pytest.mark.parametrize("table", ["documents", "sentences", "mentions", "statements"])
def test_one_articles_rows_are_those_of_the_whole_table_in_order(prep, table):
    """doc_rows looks rows up in one array of row numbers (not an array per article): the same
    rows, in table order, as a scan of the table."""
    frame = getattr(prep, table)
    for doc_id in ("a1", "b1", "s1", "nope"):
        assert reader.doc_rows(prep, table, doc_id).equals(frame[frame["doc_id"] == doc_id])


@pytest.mark.parametrize("as_type", ["category", object])
def test_the_row_index_reads_categories_and_plain_ids(as_type):
    ids = pd.Series(["b", "a", "b", None, "c", "a", "a", "b", "b"], dtype=as_type)
    names, starts, ends, order, bounds = reader._row_index(ids)
    rows = {n: [r for run in order[bounds[i]:bounds[i + 1]] for r in range(starts[run], ends[run])]
            for i, n in enumerate(names)}
    assert rows == {"a": [1, 5, 6], "b": [0, 2, 7, 8], "c": [4]}
    assert len(starts) == 6   # runs of rows, not rows: "a a" and "b b" are one run each


def test_an_article_in_several_runs_reads_them_in_table_order():
    """The mentions are grouped by kind: an article's rows are in two runs, read as one."""
    frame = pd.DataFrame({"doc_id": pd.Series(["x", "y", "y", "x", "x", "y"], dtype="category"),
                          "n": range(6)})
    prep = type("P", (), {"mentions": frame, "memo": Memo()})()
    assert reader.doc_rows(prep, "mentions", "x")["n"].tolist() == [0, 3, 4]
    assert reader.doc_rows(prep, "mentions", "y")["n"].tolist() == [1, 2, 5]
    assert reader.doc_rows(prep, "mentions", "z").empty


@pytest.mark.parametrize("query, most, keep", [
    ("", None, ()), ("", 1, ()), (None, 1, ["last"]), ("  ", 2, ["first", None, "nope"]), ("", 1, ["last", "last"]),
])
def test_without_a_search_the_first_articles_are_those_a_search_of_every_label_gives(prep, query, most, keep):
    """No label is looked up without a search: the same options and count as matching them all."""
    ids = reader.article_ids(Filters().apply(prep))
    keep = [{"first": ids[0], "last": ids[-1]}.get(k, k) for k in keep]
    expected = listing.first_ids(ids, reader.article_labels(prep), query, keep=keep, most=most)
    assert reader.article_choices(prep, ids, query, keep=keep, most=most) == expected


def test_the_options_labels_are_those_of_every_article(prep):
    ids = reader.article_ids(Filters().apply(prep))
    every = reader.article_labels(prep)
    assert reader.labels_of(prep, [ids[-1], ids[0], ids[-1], None, "nope"]) == \
        {ids[-1]: every[ids[-1]], ids[0]: every[ids[0]], "nope": "nope"}
