"""Search (Arabic normalised as the pipeline does, English over glosses) and the English gloss of
evidence, on the bundled sample built by the real pipeline, with a real review file."""

from __future__ import annotations

import pytest

from riwaya.dashboard import gloss, html, matrix, search
from riwaya.dashboard.corpus import prepare
from riwaya.dashboard.filters import Filters
from riwaya.pipeline.store import load_corpus
from riwaya.review.translations import load_translations, save_translation
from riwaya.errors import ReviewError


@pytest.fixture(scope="module")
def sample(sample_build):
    return prepare(load_corpus(sample_build.out))


@pytest.fixture(scope="module")
def everything(sample):
    return Filters().apply(sample)


# --------------------------------------------------------------------------- search

@pytest.mark.parametrize("variants", [
    ("الرقة", "الرقه", "الرَّقَّة", "الرقـــة"),           # teh marbuta, diacritics, tatweel
    ("لعبة فيديو", "لعبه فيديو", "لُعبة فيديو"),
    ("أمريكية", "امريكية", "إمريكية"),                  # alef forms
])
def test_arabic_spelling_variants_find_the_same_sentences(everything, variants):
    found = [search.search(everything, q) for q in variants]
    assert found[0].total > 0 and found[0].language == "ar"
    keys = [list(zip(r.hits["doc_id"], r.hits["sentence_id"])) for r in found]
    assert all(k == keys[0] for k in keys)


def test_a_name_matches_without_its_space(everything):
    r = search.search(everything, "البو كمال")
    joined = [h for h in r.hits.itertuples() if "البوكمال" in h.text]
    assert joined and all(any("البوكمال" in h.text[a:b] for a, b in h.marks) for h in joined)


def test_marks_cover_the_words_as_written(everything):
    r = search.search(everything, "الرقه")
    for hit in r.hits.itertuples():
        assert hit.marks, hit.text
        for a, b in hit.marks:
            assert "رق" in hit.text[a:b]          # the original letters, with their ة/ه


@pytest.mark.parametrize("query, actor, stance, claim", [
    ("ministry concedes video game", "RU_MOD", "concedes", "VIDEO_GAME"),
    ("activists asserts video game", "ACTIVISTS", "asserts", "VIDEO_GAME"),
    ("coalition denies party deal", "COALITION", "denies", "COALITION_PARTY_TO_DEAL"),
])
def test_english_queries_search_the_glosses(sample, everything, query, actor, stance, claim):
    r = search.search(everything, query)
    assert r.language == "en" and r.total >= 1
    st = sample.statements
    said = st[(st["actor_id"] == actor) & (st["stance"] == stance) & (st["claim_id"] == claim)]
    hits = set(zip(r.hits["doc_id"], r.hits["sentence_id"]))
    assert set(zip(said["doc_id"], said["sentence_id"])) <= hits      # every such statement found
    for hit in r.hits.itertuples():                                    # and each hit holds a gloss with every word
        here = st[(st["doc_id"] == hit.doc_id) & (st["sentence_id"] == hit.sentence_id)]
        texts = [gloss.statement_gloss(sample, a, s, c).lower() + " " + sh.lower()
                 for a, s, c, sh in zip(here["actor_id"], here["stance"], here["claim_id"], here["claim_short"])]
        assert any(all(w in t for w in query.split()) for t in texts), (hit.text, texts)


def test_search_follows_the_filter(sample, everything):
    all_hits = search.search(everything, "الرقة").total
    bbc = search.search(Filters(actors=("BBC",)).apply(sample), "الرقة")
    assert 0 < bbc.total < all_hits
    assert set(bbc.hits["doc_id"]) <= set(sample.statements.loc[sample.statements["actor_id"] == "BBC", "doc_id"])


def test_results_are_paged(everything, monkeypatch):
    monkeypatch.setattr(search, "PER_PAGE", 3)
    first, second, far = (search.search(everything, "الرقة", page=p) for p in (0, 1, 99))
    assert first.total > 3 and len(first.hits) == 3 and first.pages == -(-first.total // 3)
    assert set(zip(first.hits["doc_id"], first.hits["sentence_id"])).isdisjoint(
        zip(second.hits["doc_id"], second.hits["sentence_id"]))
    assert far.page == far.pages - 1            # clamped to the last page


@pytest.mark.parametrize("query", ["", "   ", None])
def test_an_empty_query_finds_nothing(everything, query):
    r = search.search(everything, query)
    assert r.language == "" and r.total == 0 and r.hits.empty


def test_a_query_is_text_and_a_view_is_a_view(everything):
    with pytest.raises(TypeError, match="query as str"):
        search.search(everything, 42)
    with pytest.raises(TypeError, match="expected a View"):
        search.search("not a view", "x")


def test_a_hit_is_escaped_html(sample, everything):
    hit = next(search.search(everything, "الرقة").hits.itertuples())
    out = html.search_hit_html(hit._replace(text=hit.text + " <script>x</script>"), ["<b>A</b> asserts: x"])
    assert "<script>x" not in out and "&lt;script&gt;" in out and "&lt;b&gt;A" in out
    assert '<mark class="riwaya-hit">' in out


# --------------------------------------------------------------------------- gloss

def test_every_quote_gets_a_gloss_and_its_whole_sentence(sample, everything):
    ev = gloss.annotate(sample, matrix.evidence(everything))
    assert len(ev) == len(sample.statements) and ev["gloss"].str.len().gt(0).all()
    for r in ev.itertuples():
        assert r.quote.strip(" .،") in r.sentence or r.sentence in r.quote  # never cut mid-sentence
    mod = ev[(ev["actor_id"] == "RU_MOD") & (ev["claim_id"] == "VIDEO_GAME")].iloc[0]
    assert mod["gloss"] == ("Russian Ministry of Defence concedes: "
                            + sample.claim_label("VIDEO_GAME"))


def test_the_card_shows_gloss_sentence_and_cue(sample, everything):
    ev = gloss.annotate(sample, matrix.evidence(everything, actor_id="RU_MOD", claim_id="VIDEO_GAME"))
    r = next(ev.itertuples(index=False))
    out = html.evidence_quote_html(r)
    assert 'class="riwaya-gloss"' in out and "concedes" in out
    assert "<mark class=\"riwaya-cue\"" in out
    cue = r.sentence[r.cue_start - r.sentence_start:r.cue_end - r.sentence_start]
    assert cue and cue in out


def test_a_readers_translation_is_stored_and_shown(sample, everything, tmp_path):
    ev = gloss.annotate(sample, matrix.evidence(everything, actor_id="RU_MOD", claim_id="VIDEO_GAME"))
    r = ev.iloc[0]
    db = tmp_path / "review.duckdb"
    assert load_translations(db) == {}
    save_translation(db, r["doc_id"], r["sentence"], "The Russian MoD said an employee attached the wrong images.")
    tr = load_translations(db)
    shown = gloss.annotate(sample, ev, tr).iloc[0]
    assert shown["translation"].startswith("The Russian MoD said")
    assert "Reader&#x27;s translation" in html.translation_html(shown["translation"]) or \
        "Reader's translation" in html.translation_html(shown["translation"])
    save_translation(db, r["doc_id"], r["sentence"], "")        # taken back
    assert load_translations(db) == {}
    with pytest.raises(ReviewError, match="at most"):
        save_translation(db, r["doc_id"], r["sentence"], "x" * 5000)


def test_map_sentences_get_one_gloss_per_statement(sample):
    st = sample.statements
    row = st[(st["claim_id"] == "COALITION_PARTY_TO_DEAL") & (st["stance"] == "denies")].iloc[0]
    glosses = gloss.sentence_glosses(sample, row["doc_id"], row["sentence_id"])
    assert any(g.endswith(sample.claim_label("COALITION_PARTY_TO_DEAL")) and " denies: " in g for g in glosses)
    assert html.glosses_html([]) and "No claim" in html.glosses_html([])
