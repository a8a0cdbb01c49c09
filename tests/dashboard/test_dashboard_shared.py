"""One prepared corpus shared by every session (issue 9 item 13, issue 10 item 5): results
computed once per corpus and filter (riwaya.dashboard.memo), nothing changes the shared frames,
and the look-ups that replaced whole-table scans give what the scans gave."""

from __future__ import annotations

import threading

import pandas as pd
import pytest

from riwaya.dashboard import compare, matrix, network, overview, reader, timeline
from riwaya.dashboard import map as place_map
from riwaya.dashboard.corpus import as_text, join_unique, prepare
from riwaya.dashboard.filters import Filters, filter_options
from riwaya.dashboard.memo import Memo, per_view
from riwaya.pipeline.store import load_corpus
from tests.fixture_corpus import write_fixture

FILTERS = [Filters(), Filters(actors=("RU_MOD",)), Filters(outlets=("SANA",)),
           Filters(actors=("DILLON",), stances=("asserts",))]


@pytest.fixture
def fresh(tmp_path):
    """A prepared corpus of its own (the session's ``prep`` is shared by other tests)."""
    write_fixture(tmp_path)
    return prepare(load_corpus(tmp_path))


def test_a_key_asked_by_many_threads_at_once_is_computed_once():
    memo, calls, gate = Memo(), [], threading.Event()

    def slow():
        calls.append(1)
        gate.wait(5)
        return pd.DataFrame({"x": [1, 2]})

    got: list = []
    threads = [threading.Thread(target=lambda: got.append(memo.get("k", slow))) for _ in range(8)]
    for t in threads:
        t.start()
    gate.set()
    for t in threads:
        t.join(10)
    assert len(calls) == 1 and memo.computed == 1 and len(got) == 8
    assert all(g.equals(got[0]) for g in got)


def test_a_handed_out_frame_changed_leaves_the_cached_one_intact():
    memo = Memo()
    first = memo.get("k", lambda: pd.DataFrame({"x": [1, 2]}))
    first["x"] = [9, 9]
    first["y"] = 0
    assert memo.get("k", lambda: None).to_dict("list") == {"x": [1, 2]}


def test_memo_keeps_the_most_recent_entries():
    memo = Memo(max_entries=2)
    for k in "abc":
        memo.get(k, lambda k=k: k)
    memo.get("b", lambda: "again")          # kept: not recomputed
    assert len(memo) == 2 and memo.computed == 3
    assert memo.get("a", lambda: "new") == "new"   # the oldest was dropped


@pytest.mark.parametrize("took, given_back", [(0.0, 0), (0.05, 1)])
def test_memo_hands_back_the_scratch_memory_of_a_long_computation(monkeypatch, took, given_back):
    """The server's RSS otherwise stays at the highest any first visit reached."""
    import time

    from riwaya.dashboard import memo as memo_module

    calls = []
    monkeypatch.setattr(memo_module, "GIVE_BACK_AFTER_S", 0.04)
    monkeypatch.setattr(memo_module, "give_back_memory", lambda: calls.append(1))
    Memo().get("k", lambda: time.sleep(took) or "v")
    assert len(calls) == given_back


@pytest.mark.parametrize("bad", [0, -1, "3", 2.5])
def test_memo_size_must_be_a_positive_int(bad):
    with pytest.raises(TypeError, match="positive int"):
        Memo(bad)


def test_results_are_per_filter_and_shared_between_views(fresh):
    calls = []

    @per_view
    def count(view):
        calls.append(view.filters)
        return len(view.statements)

    a, b = Filters(actors=("RU_MOD",)), Filters(actors=("RU_MOD",))
    assert count(a.apply(fresh)) == count(b.apply(fresh)) != count(Filters().apply(fresh))
    assert calls == [a, Filters()]
    assert a.apply(fresh).statements.equals(b.apply(fresh).statements)
    assert Filters().apply(fresh).statements is fresh.statements  # no filter: no copy


def test_a_new_corpus_starts_with_nothing_cached(fresh):
    from dataclasses import replace

    place_map.place_summary(Filters().apply(fresh))
    other = replace(fresh, statements=fresh.statements.iloc[:0])
    assert len(fresh.memo) > 0 and len(other.memo) == 0 and other.memo is not fresh.memo
    assert len(overview.stance_by_claim(Filters().apply(other))) == 0


def _fingerprint(prep) -> dict[str, int]:
    return {name: int(pd.util.hash_pandas_object(getattr(prep, name).astype(str), index=True).sum())
            for name in ("statements", "mentions", "sentences", "documents", "actors", "claims", "places")}


def test_no_page_computation_changes_the_shared_corpus(fresh):
    before = _fingerprint(fresh)
    filter_options(fresh)
    place_map.corpus_frame(fresh)
    overview.corpus_summary(fresh)
    overview.articles_table(fresh)
    reader.article_labels(fresh)
    for f in FILTERS:
        view = f.apply(fresh)
        places = place_map.place_summary(view)
        for colour in ("claim", "outlet"):
            place_map.place_summary(view, colour_by=colour)
        for pid in places["entity_id"]:
            place_map.place_sentences(view, pid)
        long = matrix.actor_claim_matrix(view)
        matrix.matrix_wide(long)
        matrix.evidence(view)
        overview.stance_by_claim(view)
        timeline.timeline(view)
        network.network(view)
        groups = compare.source_groups(view, by="outlet", chosen=list(view.outlets))
        compare.compare_coverage(view, groups)
        compare.sentence_overlap(view, groups)
        for doc_id in reader.article_ids(view):
            reader.reader_spans(fresh, doc_id)
            reader.reader_legend(fresh, doc_id)
            reader.article_statements(fresh, doc_id)
    assert _fingerprint(fresh) == before


def _place_sentences_by_scan(view, place_id):
    """What place_sentences gave before it was grouped: one scan of the statements a sentence."""
    m = view.mentions[(view.mentions["kind"] == "place") & (view.mentions["entity_id"] == place_id)]
    hits = m[["doc_id", "sentence_id"]].drop_duplicates()
    sents = hits.merge(view.prep.sentences, on=["doc_id", "sentence_id"], how="left")
    sents["text"] = [reader.sentence_text(view.prep, d, int(i)) for d, i in zip(sents["doc_id"], sents["sentence_id"])]
    st = view.prep.statements
    rows = []
    for rec in sents.itertuples(index=False):
        s = st[(st["doc_id"] == rec.doc_id) & (st["sentence_id"] == rec.sentence_id)]
        rows.append((rec.doc_id, int(rec.sentence_id), rec.source, as_text(rec.date), rec.text,
                     join_unique(s["actor_label"]), join_unique(s["claim_id"]),
                     join_unique(f"{a}: {b}" for a, b in zip(s["claim_id"], s["stance"]))))
    return sorted(rows, key=lambda r: (r[3], r[2], r[0], r[1]))


@pytest.mark.parametrize("f", FILTERS)
def test_place_sentences_are_those_of_a_sentence_by_sentence_scan(prep, f):
    view = f.apply(prep)
    for pid in place_map.place_summary(view)["entity_id"]:
        got = place_map.place_sentences(view, pid)
        assert [tuple(r) for r in got.itertuples(index=False)] == _place_sentences_by_scan(view, pid)


@pytest.mark.parametrize("n, pages, last", [(0, 1, 0), (1, 1, 1), (25, 1, 25), (26, 2, 1), (60, 3, 10)])
def test_place_sentences_are_shown_a_page_at_a_time(n, pages, last):
    assert place_map.SENTENCE_PAGE == 25
    sents = pd.DataFrame({"text": [f"s{i}" for i in range(n)]})
    assert place_map.sentence_pages(sents) == pages
    shown = [place_map.sentence_page(sents, p) for p in range(pages)]
    assert sum(map(len, shown)) == n and len(shown[-1]) == last
    assert pd.concat(shown)["text"].tolist() == sents["text"].tolist()
    assert place_map.sentence_page(sents, 99).equals(shown[-1])  # clamped
    if n:
        assert place_map.sentence_page_label(sents, 0).startswith(f"Sentences 1–{min(n, 25)} of {n}")


@pytest.mark.parametrize("table", ["documents", "sentences", "mentions", "statements"])
def test_an_articles_rows_are_those_of_a_scan(prep, table):
    frame = getattr(prep, table)
    for doc_id in list(prep.documents["doc_id"]) + ["no-such-article"]:
        assert reader.doc_rows(prep, table, doc_id).equals(frame[frame["doc_id"] == doc_id])
    assert reader.doc_rows(prep, table, None).empty


def test_article_labels_are_computed_once_per_corpus(fresh):
    first = reader.article_labels(fresh)
    assert reader.article_labels(fresh) is first
    assert first == {d: reader.article_label(fresh, d) for d in fresh.documents["doc_id"]}


def _place_summary_by_scan(view, colour_by):
    """What place_summary gave before it was grouped: one scan of the mentions a place."""
    prep = view.prep
    m = view.mentions[view.mentions["kind"] == "place"]
    ps = m[["doc_id", "sentence_id", "entity_id"]].drop_duplicates().merge(
        view.statements[["doc_id", "sentence_id", "claim_id", "actor_label"]], on=["doc_id", "sentence_id"], how="left")
    rows = {}
    for pid, group in m.groupby("entity_id", sort=True, observed=True):
        here = ps.loc[ps["entity_id"] == pid]
        claims = here["claim_id"].dropna().value_counts()
        outlets = group["source"].astype(object).value_counts()
        if colour_by == "outlet":
            key = sorted(outlets[outlets == outlets.max()].index)[0]
        else:
            key = sorted(claims[claims == claims.max()].index)[0] if len(claims) else ""
        rows[str(pid)] = (len(group), group["doc_id"].nunique(), join_unique(sorted(group["source"].astype(object).unique())),
                          join_unique(sorted(prep.claim_short(c) for c in claims.index)),
                          join_unique(sorted(here["actor_label"].dropna().unique())), key)
    return rows


@pytest.mark.parametrize("f", FILTERS)
@pytest.mark.parametrize("colour_by", ["claim", "outlet"])
def test_place_summary_is_what_a_scan_of_each_place_gives(suggested_prep, f, colour_by):
    view = f.apply(suggested_prep)
    got = place_map.place_summary(view, colour_by=colour_by)
    want = _place_summary_by_scan(view, colour_by)
    assert {r.entity_id: (r.mentions, r.articles, r.outlets, r.claims, r.speakers, r.colour_key)
            for r in got.itertuples(index=False)} == want


def test_a_loaded_corpus_has_arrow_allocate_with_malloc(tmp_path):
    """pyarrow's own pool (mimalloc) kept what the pages' Arrow columns freed: ~100-150 MB more
    resident after every page at 100,000 articles; malloc's is handed back (give_back_memory)."""
    import pyarrow as pa

    from riwaya.dashboard.corpus import load_prepared
    from riwaya.dashboard.memo import use_system_memory_pool

    write_fixture(tmp_path)
    prep = load_prepared(tmp_path)
    assert pa.default_memory_pool().backend_name == "system" and len(prep.documents)
    use_system_memory_pool()     # once is enough: again changes nothing
    assert pa.default_memory_pool().backend_name == "system"
