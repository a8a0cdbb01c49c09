"""riwaya.dashboard.overview: headline numbers, statements per claim and stance, the articles."""

from __future__ import annotations

from riwaya.dashboard import overview
from riwaya.dashboard.filters import Filters


def test_corpus_summary(prep):
    s = overview.corpus_summary(prep)
    assert s == {"articles": 3, "outlets": 3, "first_date": "2017-11-14", "last_date": "2017-11-15",
                 "claims_reported": 6, "claims_in_codebook": 7, "speakers": 6, "unlisted_speakers": 1,
                 "statements": 11, "places": 4}


def test_dates_caption(prep):
    s = overview.corpus_summary(prep)
    assert overview.dates_caption(s, prep.outlets) == \
        "Articles dated 2017-11-14 to 2017-11-15. Outlets: Alpha News, Beta Agency, SANA."
    assert overview.dates_caption({**s, "last_date": s["first_date"]}, ["SANA"]) == \
        "Articles dated 2017-11-14. Outlets: SANA."
    assert overview.dates_caption({**s, "first_date": None}, ["SANA"]) is None


def test_stance_by_claim(prep):
    got = overview.stance_by_claim(Filters(claims=("VIDEO_GAME",)).apply(prep))
    assert dict(zip(got["stance"], got["n"])) == {"asserts": 2, "concedes": 1, "denies": 1}
    assert overview.stance_by_claim(Filters(claims=("OLD_FOOTAGE",)).apply(prep)).empty


def test_articles_table_and_claims_key(prep):
    t = overview.articles_table(prep)
    assert list(t["doc_id"]) == ["a1", "s1", "b1"]
    assert list(t["statements"]) == [5, 3, 3]
    key = overview.claims_key(prep)
    assert list(key.columns) == ["claim_id", "claim"] and len(key) == 7


def test_an_empty_corpus_gives_empty_views(empty_prep):
    assert empty_prep.is_empty
    assert overview.stance_by_claim(Filters().apply(empty_prep)).empty
    assert isinstance(overview.corpus_summary(empty_prep)["articles"], int)
