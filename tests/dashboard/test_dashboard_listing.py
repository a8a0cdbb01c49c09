"""Long tables and choosers are cut for the browser (riwaya/dashboard/listing.py): the first rows
that match a search, with how many match; the full table is the CSV."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from riwaya.codebook.suggest import unknown_places, unknown_speakers
from riwaya.dashboard import listing, overview, reader, timeline, timeline_table
from riwaya.dashboard.filters import Filters

IDS = [f"d{i}" for i in range(1000)]
LABELS = {i: f"Outlet {int(i[1:]) % 7} · article {i}" for i in IDS}


@pytest.mark.parametrize("query, keep, most, shown, total", [
    (None, (), 200, IDS[:200], 1000),
    ("", ("d999",), 3, ["d999", "d0", "d1", "d2"], 1000),      # the open one first, then the first
    ("OUTLET 3", (), 2, ["d3", "d10"], 143),                    # case-insensitive, in the label
    ("article d99", ("nope", None), 5, ["d99", "d990", "d991", "d992", "d993"], 11),  # unknown kept ones dropped
    ("d5", ("d5",), 2, ["d5", "d50"], 111),                      # a kept one is not listed twice
    ("[", (), 5, [], 0),                                         # typed text, not a pattern
])
def test_first_ids(query, keep, most, shown, total):
    assert listing.first_ids(IDS, LABELS, query, keep=keep, most=most) == (shown, total)


def test_first_rows_and_the_note():
    frame = pd.DataFrame({"n": range(500)})
    rows, total = listing.first_rows(frame, frame["n"].astype(str), "7")
    assert total == sum("7" in str(n) for n in range(500)) and len(rows) == min(total, listing.SHOWN)
    assert list(rows["n"][:3]) == [7, 17, 27]
    assert listing.shown_note(200, 100_000, "articles") == (
        "Showing the first 200 of 100,000 articles: type in the search box to find others; "
        "the download has them all.")
    assert listing.shown_note(3, 3, "articles") == ""
    with pytest.raises(TypeError, match="Series"):
        listing.matching(["a"], "a")


def test_the_overview_articles_table_is_capped_with_its_total(prep):
    rows, total = overview.articles_page(prep, most=2)
    assert total == 3 and list(rows["doc_id"]) == ["a1", "s1"]
    assert listing.shown_note(len(rows), total, "articles").startswith("Showing the first 2 of 3 articles")
    rows, total = overview.articles_page(prep, "b1")
    assert total == 1 and list(rows["doc_id"]) == ["b1"]
    csv = pd.read_csv(io.BytesIO(overview.articles_csv(prep)))
    assert list(csv["doc_id"]) == ["a1", "s1", "b1"]                   # the download has them all


def test_the_reader_chooser_lists_a_few_and_keeps_the_open_article(prep):
    ids = reader.article_ids(Filters().apply(prep))
    assert len(ids) == 3
    shown, total = reader.article_choices(prep, ids, most=1)
    assert shown == ids[:1] and total == 3
    shown, total = reader.article_choices(prep, ids, most=1, keep=[ids[-1]])
    assert shown == [ids[-1], ids[0]] and total == 3
    assert reader.article_choices(prep, ids, f"[{ids[1]}]") == ([ids[1]], 1)   # by its id


def test_the_timeline_table_and_chooser_are_capped(prep):
    tl = timeline.timeline(Filters().apply(prep), [])
    full = timeline_table.table(tl)
    rows, total = timeline_table.table_page(tl, most=2)
    assert total == len(full) > 2 and rows.equals(full.head(2))
    quote = str(full["quote"].iloc[-1])
    rows, total = timeline_table.table_page(tl, quote)
    assert 1 <= total < len(full) and quote in set(rows["quote"].astype(str))
    ids, total = timeline_table.statement_options(tl, most=2)
    assert total == len(full) and len(ids) == 2
    last = list(timeline_table.statement_choices(tl))[-1]
    assert timeline_table.statement_options(tl, most=2, keep=[last])[0] == [last, *ids]  # a clicked point stays


def test_suggestions_read_categorical_frames_as_plain_ones(suggested_prep):
    """The dashboard's frames hold ids as categories: the suggestions look at the categories,
    not a string per row, and find the same."""
    st, me = suggested_prep.statements, suggested_prep.mentions
    as_cat = lambda f, cols: f.assign(**{c: f[c].astype("category") for c in cols})   # noqa: E731
    as_obj = lambda f, cols: f.assign(**{c: f[c].astype(object) for c in cols})      # noqa: E731
    speakers = unknown_speakers(as_obj(st, ["actor_id"]))
    assert speakers and unknown_speakers(as_cat(st, ["actor_id"])) == speakers
    places = unknown_places(as_obj(me, ["entity_id"]), suggested_prep.places)
    assert unknown_places(as_cat(me, ["entity_id", "kind"]), suggested_prep.places) == places


def test_the_timeline_labels_only_the_listed_statements(prep):
    tl = timeline.timeline(Filters().apply(prep), [])
    every = timeline_table.statement_choices(tl)
    some = list(every)[1:3]
    assert timeline_table.statement_labels(tl, [*some, "nope", None]) == {i: every[i] for i in some}
    assert timeline_table.has_statement(tl, some[0]) and not timeline_table.has_statement(tl, "nope")
