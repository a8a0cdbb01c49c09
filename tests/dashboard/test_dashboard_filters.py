"""riwaya.dashboard.filters: the filter parsed once and applied one way (Filters.apply -> View)."""

from __future__ import annotations

import pytest

from riwaya.dashboard.filters import Filters, View, filter_options


@pytest.mark.parametrize("params, expected", [
    ({}, Filters()),
    ({"actor": "RU_MOD"}, Filters(actors=("RU_MOD",))),
    ({"actor": ["RU_MOD", "DILLON", "RU_MOD"], "stance": ["denies"]},
     Filters(actors=("RU_MOD", "DILLON"), stances=("denies",))),
    ({"actor": ["NOPE", "DILLON"], "outlet": ["SANA"], "claim": ["VIDEO_GAME"]},
     Filters(actors=("DILLON",), outlets=("SANA",), claims=("VIDEO_GAME",))),
    ({"stance": ["maybe"]}, Filters()),
])
def test_filters_from_query_keeps_only_known_values(prep, params, expected):
    valid = {k: [i for i, _ in v] for k, v in filter_options(prep).items()}
    assert Filters.from_query(params, valid=valid) == expected


@pytest.mark.parametrize("f", [
    Filters(), Filters(actors=("RU_MOD", "DILLON")),
    Filters(claims=("VIDEO_GAME",), outlets=("SANA", "Alpha News"), stances=("denies", "asserts")),
])
def test_filters_round_trip_through_the_url(f):
    assert Filters.from_query(f.to_query()) == f


def test_filters_take_lists_and_refuse_what_is_not_a_tuple_of_str():
    assert Filters(actors=["RU_MOD"]) == Filters(actors=("RU_MOD",))
    with pytest.raises(TypeError, match="Filters.actors: expected a tuple of str"):
        Filters(actors="RU_MOD")
    with pytest.raises(TypeError, match="Filters.stances: expected a tuple of str"):
        Filters(stances=(1,))
    with pytest.raises(TypeError, match="expected a Prepared corpus, got dict"):
        Filters().apply({})


def test_describe(prep):
    assert Filters().describe(prep) == "no filter"
    assert Filters(actors=("DILLON",), stances=("denies",)).describe(prep) == \
        "actor: Col. Ryan Dillon · رايان ديلون; stance: denies"


def test_filter_options_show_english_and_arabic(prep):
    opts = dict(filter_options(prep)["actors"])
    assert opts["RU_MOD"] == "Russian Ministry of Defence · وزارة الدفاع الروسية"
    # codebook actors first, the unlisted speaker last
    assert list(dict(filter_options(prep)["actors"]))[-1] == "UNK:مصدر مجهول"
    assert [o for o, _ in filter_options(prep)["outlets"]] == ["Alpha News", "Beta Agency", "SANA"]


@pytest.mark.parametrize("f, expected_ids", [
    (Filters(), None),  # everything
    (Filters(actors=("DILLON",)), {"b1:2:0"}),
    (Filters(actors=("RU_MOD",), claims=("VIDEO_GAME",)), {"a1:2:0", "s1:2:0"}),
    (Filters(outlets=("SANA",)), {"s1:0:0", "s1:1:0", "s1:2:0"}),
    (Filters(stances=("concedes",)), {"a1:2:0", "a1:3:0"}),
    (Filters(actors=("DILLON",), stances=("asserts",)), set()),
    (Filters(claims=("OLD_FOOTAGE",)), set()),
])
def test_statements_in_view(prep, f, expected_ids):
    got = set(f.apply(prep).statements["statement_id"])
    assert got == (set(prep.statements["statement_id"]) if expected_ids is None else expected_ids)


@pytest.mark.parametrize("f, expected", [
    (Filters(), {(d, s) for d, n in (("a1", 4), ("b1", 3), ("s1", 3)) for s in range(n)}),
    (Filters(outlets=("Beta Agency",)), {("b1", 0), ("b1", 1), ("b1", 2)}),
    # actor only: its statements and the sentences merely naming it
    (Filters(actors=("COALITION",)), {("a1", 0), ("a1", 3), ("b1", 1), ("b1", 2)}),
    # with a claim, only statements count
    (Filters(actors=("COALITION",), claims=("RAQQA_DEAL",)), {("a1", 3)}),
])
def test_sentences_and_mentions_in_view(prep, f, expected):
    view = f.apply(prep)
    assert set(zip(view.sentences["doc_id"], view.sentences["sentence_id"])) == expected
    assert set(zip(view.mentions["doc_id"], view.mentions["sentence_id"])) <= expected
    assert "source" in view.sentences and "source" in view.mentions
    assert "text" not in view.sentences   # texts are read by DuckDB for what is shown (query.py)


@pytest.mark.parametrize("f, docs, outlets", [
    (Filters(), ["a1", "s1", "b1"], ("Alpha News", "Beta Agency", "SANA")),
    (Filters(outlets=("SANA",)), ["s1"], ("SANA",)),
    (Filters(actors=("DILLON",)), ["b1"], ("Alpha News", "Beta Agency", "SANA")),
    (Filters(actors=("RU_MOD",), outlets=("SANA", "Alpha News")), ["a1", "s1"], ("SANA", "Alpha News")),
    (Filters(claims=("OLD_FOOTAGE",)), [], ("Alpha News", "Beta Agency", "SANA")),
])
def test_documents_and_outlets_in_view(prep, f, docs, outlets):
    view = f.apply(prep)
    assert isinstance(view, View) and view.filters == f and view.prep is prep
    assert list(view.documents["doc_id"]) == docs  # oldest first
    assert view.outlets == outlets


def test_an_empty_corpus_gives_an_empty_view(empty_prep):
    view = Filters(actors=("X",)).apply(empty_prep)
    assert view.statements.empty and view.sentences.empty and view.documents.empty
