"""riwaya.dashboard.compare: claims per outlet or article, omissions, shared sentences, quoted actors."""

from __future__ import annotations

import pandas as pd
import pytest

from riwaya.dashboard import compare, reader
from riwaya.dashboard.filters import Filters

OUTLETS = ["Alpha News", "Beta Agency", "SANA"]


def outlet_groups(view):
    return compare.source_groups(view, by="outlet", chosen=OUTLETS)


def test_options_are_the_outlets_or_articles_in_view(prep):
    ids, labels = compare.options(Filters().apply(prep), "outlet")
    assert ids == OUTLETS and labels["SANA"] == "SANA"
    ids, labels = compare.options(Filters(outlets=("SANA", "Alpha News")).apply(prep), "outlet")
    assert ids == ["SANA", "Alpha News"]
    ids, labels = compare.options(Filters().apply(prep), "article")
    assert ids == ["a1", "s1", "b1"] and labels["s1"].startswith("SANA · 2017-11-14") and labels["s1"].endswith("[s1]")
    assert compare.options(Filters(outlets=("Beta Agency",)).apply(prep), "article")[0] == ["b1"]
    with pytest.raises(ValueError, match="by: expected one of"):
        compare.options(Filters().apply(prep), "speaker")


def test_source_groups_by_outlet_and_article(prep):
    view = Filters().apply(prep)
    assert outlet_groups(view) == {"Alpha News": ["a1"], "Beta Agency": ["b1"], "SANA": ["s1"]}
    by_article = compare.source_groups(view, by="article", chosen=["a1", "s1", "missing"])
    assert list(by_article.values()) == [["a1"], ["s1"]]
    assert list(by_article)[1].startswith("SANA · 2017-11-14")


def test_coverage_omissions_and_exclusive_claims(prep):
    view = Filters().apply(prep)
    cov = compare.compare_coverage(view, outlet_groups(view))
    assert cov.at["VIDEO_GAME", "Alpha News"] == "asserts 1, concedes 1"
    assert cov.at["VIDEO_GAME", "SANA"] == "denies 1"
    assert cov.at["RAQQA_DEAL", "SANA"] == ""
    only = compare.exclusive_claims(cov)
    assert only["SANA"] == ["US_SAFE_IN_ISIS_AREAS", "RAQQA_NOT_LIBERATED"]
    assert only["Beta Agency"] == ["COALITION_PARTY_TO_DEAL"]
    missing = compare.omissions(cov)
    assert "RAQQA_DEAL" in missing["SANA"] and "VIDEO_GAME" not in missing["SANA"]
    long = compare.coverage_long(view, outlet_groups(view))
    sana = long[(long["group"] == "SANA")].set_index("claim_id")
    assert sana.loc["RAQQA_DEAL", "stance"] == "silent" and sana.loc["VIDEO_GAME", "stance"] == "denies"


def test_one_group_alone_has_nothing_elsewhere():
    cov = pd.DataFrame({"SANA": ["denies 1", ""]}, index=["A", "B"])
    assert compare.exclusive_claims(cov) == {"SANA": ["A"]}
    assert compare.omissions(cov) == {"SANA": []}


def test_coverage_follows_the_filter(prep):
    view = Filters(actors=("DILLON",)).apply(prep)
    cov = compare.compare_coverage(view, outlet_groups(view))
    assert list(cov.index) == ["COALITION_PARTY_TO_DEAL"]
    view = Filters(claims=("VIDEO_GAME",)).apply(prep)
    assert set(compare.coverage_long(view, outlet_groups(view))["claim_id"]) == {"VIDEO_GAME"}


@pytest.mark.parametrize("threshold, shared", [
    (80, {("Alpha News", 0), ("Beta Agency", 1)}),  # syndicated sentence, one letter apart
    (100, set()),
    (40, None),  # everything loosely matches something
])
def test_sentence_overlap(prep, threshold, shared):
    view = Filters().apply(prep)
    ov = compare.sentence_overlap(view, outlet_groups(view), threshold=threshold)
    got = set(zip(ov.loc[ov["shared"], "group"], ov.loc[ov["shared"], "sentence_id"]))
    if shared is None:
        assert len(got) == len(ov)
    else:
        assert got == shared
    assert len(ov) == 10
    shared_rows, unique_rows = compare.overlap_of(ov, "Alpha News")
    assert len(shared_rows) + len(unique_rows) == 4


def test_sentence_overlap_keeps_the_text_of_what_can_be_listed_and_shown_reads_the_rest(prep, monkeypatch):
    """Six outlets at 100,000 articles are 400,000 sentences: the overlap kept per filter holds
    the text of the sentences a page can list (the first SHOWN, shared or not, at each
    threshold the page offers), None for the others; shown() reads a missing one."""
    monkeypatch.setattr(compare, "SHOWN", 1)
    from dataclasses import replace

    view = Filters().apply(replace(prep))   # a fresh memo: computed with SHOWN = 1
    ov = compare.sentence_overlap(view, outlet_groups(view), threshold=80)
    assert ov["text"].notna().sum() < len(ov)   # not every text kept
    for label in outlet_groups(view):
        for step in compare.SIMILARITY_STEPS:
            shared, unique = compare.overlap_of(compare.sentence_overlap(view, outlet_groups(view), threshold=step), label)
            for rows in (shared, unique):
                assert compare.shown(rows)["text"].notna().all()   # kept: nothing to read
    hidden = ov[ov["text"].isna()].iloc[:1]
    listed = compare.shown(hidden, prep.texts).iloc[0]
    assert listed["text"] == reader.sentence_text(prep, listed["doc_id"], int(listed["sentence_id"]))
    assert listed["best_text"] == reader.sentence_text(prep, listed["best_doc"], int(listed["best_sentence"]))


def test_sentence_overlap_ignores_diacritics_letter_forms_and_punctuation(prep):
    from dataclasses import replace

    from riwaya.dashboard.query import Texts

    sentences = pd.DataFrame({"doc_id": ["x", "y", "y"], "sentence_id": [0, 0, 1],
                              "text": ["أعلنت الوزارة، أمس: إنّ القصف توقّف.", "اعلنت الوزاره امس ان القصف توقف",
                                       "لا علاقة لهذه الجملة بالأخرى"]})
    view = Filters().apply(prep)
    # the frames hold no text: it is read by DuckDB (riwaya.dashboard.query)
    view = replace(view, prep=replace(prep, sentences=sentences.drop(columns="text"),
                                      texts=Texts.from_frames({"sentences": sentences})))
    ov = compare.sentence_overlap(view, {"X": ["x"], "Y": ["y"]}, threshold=100).set_index(["doc_id", "sentence_id"])
    assert ov.loc[("x", 0), "score"] == 100.0 and ov.loc[("x", 0), "best_sentence"] == 0
    assert bool(ov.loc[("x", 0), "shared"]) and not bool(ov.loc[("y", 1), "shared"])


def test_sentence_overlap_of_one_group_or_none(prep):
    view = Filters().apply(prep)
    alone = compare.sentence_overlap(view, {"SANA": ["s1"]})
    assert len(alone) == 3 and alone["best_group"].isna().all() and not alone["shared"].any()
    assert compare.sentence_overlap(view, {}).empty


def test_quoted_actors(prep):
    view = Filters().apply(prep)
    q = compare.quoted_actors(view, outlet_groups(view))
    sana = q[q["group"] == "SANA"]
    assert list(sana["actor_id"]) == ["RU_MOD", "UNK:مصدر مجهول"]
    assert sana.iloc[0]["statements"] == 2


def test_sentence_overlap_is_compared_once_whatever_the_filter(prep, monkeypatch):
    """It reads no statement: a filter chosen on the page must not compare 400,000 sentences
    again (issue 10)."""
    from dataclasses import replace

    from riwaya.dashboard import overlap

    fresh = replace(prep)   # its own memo
    calls = []
    real = overlap.best_matches
    monkeypatch.setattr(overlap, "best_matches", lambda *a, **k: calls.append(1) or real(*a, **k))
    groups = outlet_groups(Filters().apply(fresh))
    got = [compare.sentence_overlap(f.apply(fresh), groups, threshold=80)
           for f in (Filters(), Filters(actors=("RU_MOD",)), Filters(stances=("denies",), min_confidence=0.5))]
    assert len(calls) == 1
    assert got[0].equals(got[1]) and got[0].equals(got[2])


def test_article_options_offer_the_first_that_match_and_keep_the_chosen(prep, monkeypatch):
    from riwaya.dashboard import listing

    monkeypatch.setattr(listing, "SHOWN", 1)
    view = Filters().apply(prep)
    ids, labels, total = compare.article_options(view, None, keep=["b1"])
    assert ids == ["b1", "a1"] and total == 3 and labels["b1"].endswith("[b1]")
    ids, labels, total = compare.article_options(view, "sana")
    assert ids == ["s1"] and total == 1 and labels["s1"].startswith("SANA · 2017-11-14")
    assert compare.article_note(2, 3) == "Offering 2 of 3 articles in view: type in the search box to find others."
    assert compare.article_note(3, 3) == ""


def test_twenty_thousand_articles_are_labelled_at_once(prep):
    """Each article's label scanned the documents (100,000 articles: never finished)."""
    import time
    from dataclasses import replace

    n = 20_000
    docs = pd.DataFrame({"doc_id": [f"gen_{i:06d}" for i in range(n)], "source": "SANA",
                         "date": "2017-11-14", "title": [f"عنوان {i}" for i in range(n)]})
    many = replace(prep, documents=docs)
    t = time.process_time()
    ids, labels = compare.options(Filters().apply(many), "article")
    assert len(ids) == n and labels["gen_019999"] == "SANA · 2017-11-14 · \u2068عنوان 19999\u2069 [gen_019999]"
    assert compare.article_display(many, "gen_000007", {}) == "SANA · 2017-11-14 · \u2068عنوان 7\u2069 [gen_000007]"
    assert time.process_time() - t < 5
