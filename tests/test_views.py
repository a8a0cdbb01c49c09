"""riwaya.views on the synthetic fixture corpus (tests/fixture_corpus.py): table-driven."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from riwaya import views
from riwaya.store import load_corpus
from riwaya.views import Filters
from tests.fixture_corpus import write_fixture


@pytest.fixture(scope="module")
def prep(tmp_path_factory) -> views.Prepared:
    out = tmp_path_factory.mktemp("fixture")
    write_fixture(out)
    return views.prepare(load_corpus(out))


def strip_tags(html_text: str) -> str:
    import html as _h
    return _h.unescape(re.sub(r"<[^>]+>", "", html_text))


# --------------------------------------------------------------------------- palette

def test_palette_is_stable_whatever_the_order_and_colour_blind_safe():
    a = views.palette_for(["US_DOD", "RU_MOD", "DILLON"])
    b = views.palette_for(["DILLON", "US_DOD", "RU_MOD", "RU_MOD"])
    assert a == b
    assert set(a.values()) <= set(views.OKABE_ITO)
    assert len(set(a.values())) == 3


def test_colours_do_not_move_when_the_filter_changes(prep):
    # colours are computed on the whole corpus, once
    assert prep.actor_colours == views.palette_for(prep.actors["actor_id"])
    assert set(prep.claim_colours) == set(prep.claims["claim_id"])


@pytest.mark.parametrize("colour, alpha, expected", [
    ("#0072B2", 0.25, "rgba(0,114,178,0.25)"),
    ("#000000", 1, "rgba(0,0,0,1)"),
])
def test_tint(colour, alpha, expected):
    assert views.tint(colour, alpha) == expected


# --------------------------------------------------------------------------- labels

@pytest.mark.parametrize("actor_id, en, ar, expected", [
    ("RU_MOD", "Russian Ministry of Defence", "وزارة الدفاع الروسية",
     "Russian Ministry of Defence · وزارة الدفاع الروسية"),
    ("BBC", "BBC", None, "BBC"),
    ("X", None, "سانا", "سانا"),
    ("X", None, None, "X"),
    ("UNK:مصدر", None, "مصدر", "Unlisted speaker · مصدر"),
    ("UNK:مصدر", float("nan"), None, "Unlisted speaker · مصدر"),
])
def test_actor_display(actor_id, en, ar, expected):
    assert views.actor_display(actor_id, en, ar) == expected


def test_unlisted_speakers_missing_from_the_actors_table_get_a_label(tmp_path):
    from tests.fixture_corpus import fixture_tables
    from riwaya.store import write_corpus
    tables = fixture_tables()
    tables["actors"] = [a for a in tables["actors"] if not a["actor_id"].startswith("UNK:")]
    write_corpus(tmp_path, tables)
    p = views.prepare(load_corpus(tmp_path))
    assert p.actor_label("UNK:مصدر مجهول") == "Unlisted speaker · مصدر مجهول"
    assert not p.statements["actor_label"].isna().any()


# --------------------------------------------------------------------------- filters

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
    valid = {k: [i for i, _ in v] for k, v in views.filter_options(prep).items()}
    assert Filters.from_query(params, valid=valid) == expected


@pytest.mark.parametrize("f", [
    Filters(), Filters(actors=("RU_MOD", "DILLON")),
    Filters(claims=("VIDEO_GAME",), outlets=("SANA", "Alpha News"), stances=("denies", "asserts")),
])
def test_filters_round_trip_through_the_url(f):
    assert Filters.from_query(f.to_query()) == f


def test_filter_options_show_english_and_arabic(prep):
    opts = dict(views.filter_options(prep)["actors"])
    assert opts["RU_MOD"] == "Russian Ministry of Defence · وزارة الدفاع الروسية"
    # codebook actors first, the unlisted speaker last
    assert list(dict(views.filter_options(prep)["actors"]))[-1] == "UNK:مصدر مجهول"
    assert [o for o, _ in views.filter_options(prep)["outlets"]] == ["Alpha News", "Beta Agency", "SANA"]


@pytest.mark.parametrize("f, expected_ids", [
    (Filters(), None),  # everything
    (Filters(actors=("DILLON",)), {"b1:2:0"}),
    (Filters(actors=("RU_MOD",), claims=("VIDEO_GAME",)), {"a1:2:0", "s1:2:0"}),
    (Filters(outlets=("SANA",)), {"s1:0:0", "s1:1:0", "s1:2:0"}),
    (Filters(stances=("concedes",)), {"a1:2:0", "a1:3:0"}),
    (Filters(actors=("DILLON",), stances=("asserts",)), set()),
    (Filters(claims=("OLD_FOOTAGE",)), set()),
])
def test_filter_statements(prep, f, expected_ids):
    got = set(views.filter_statements(prep, f)["statement_id"])
    assert got == (set(prep.statements["statement_id"]) if expected_ids is None else expected_ids)


@pytest.mark.parametrize("f, expected", [
    (Filters(outlets=("Beta Agency",)), {("b1", 0), ("b1", 1), ("b1", 2)}),
    # actor only: its statements and the sentences merely naming it
    (Filters(actors=("COALITION",)), {("a1", 0), ("a1", 3), ("b1", 1), ("b1", 2)}),
    # with a claim, only statements count
    (Filters(actors=("COALITION",), claims=("RAQQA_DEAL",)), {("a1", 3)}),
])
def test_sentences_in_view(prep, f, expected):
    got = views.sentences_in_view(prep, f)
    assert set(zip(got["doc_id"], got["sentence_id"])) == expected


# --------------------------------------------------------------------------- map

@pytest.mark.parametrize("f, expected", [
    (Filters(), {"GN:RAQQA": 3, "GN:ABU_KAMAL": 2, "GN:DEIR": 1, "GN:FALLUJAH": 1}),
    (Filters(actors=("DILLON",)), {"GN:RAQQA": 1}),
    (Filters(actors=("RU_MOD",)), {"GN:ABU_KAMAL": 2, "GN:DEIR": 1, "GN:FALLUJAH": 1}),
    (Filters(outlets=("SANA",)), {"GN:RAQQA": 1, "GN:DEIR": 1, "GN:FALLUJAH": 1}),
    (Filters(claims=("OLD_FOOTAGE",)), {}),
])
def test_place_summary_counts_mentions_in_view(prep, f, expected):
    places = views.place_summary(prep, f)
    assert dict(zip(places["entity_id"], places["mentions"])) == expected


def test_place_summary_has_names_coordinates_and_colour_keys(prep):
    places = views.place_summary(prep, Filters()).set_index("entity_id")
    raqqa = places.loc["GN:RAQQA"]
    assert (raqqa["name_en"], raqqa["name_ar"]) == ("Raqqa", "الرقة")
    assert raqqa["lat"] == pytest.approx(35.95, abs=0.01)
    assert raqqa["articles"] == 3
    assert raqqa["outlets"] == "Alpha News, Beta Agency, SANA"
    # ties between claims break alphabetically: stable colours
    assert raqqa["colour_key"] == "COALITION_PARTY_TO_DEAL"
    by_outlet = views.place_summary(prep, Filters(), colour_by="outlet").set_index("entity_id")
    assert by_outlet.loc["GN:DEIR", "colour_key"] == "SANA"


def test_place_sentences_list_speaker_claim_and_outlet(prep):
    rows = views.place_sentences(prep, "GN:RAQQA", Filters())
    assert list(rows["source"]) == ["Alpha News", "SANA", "Beta Agency"]
    dillon = rows[rows["doc_id"] == "b1"].iloc[0]
    assert dillon["speakers"] == "Col. Ryan Dillon · رايان ديلون"
    assert dillon["stances"] == "COALITION_PARTY_TO_DEAL: denies"
    assert views.place_sentences(prep, "GN:RAQQA", Filters(outlets=("SANA",)))["doc_id"].tolist() == ["s1"]
    assert views.place_sentences(prep, "GN:NOWHERE", Filters()).empty


# --------------------------------------------------------------------------- actor x claim

@pytest.mark.parametrize("counts, stance, text", [
    ({}, "silent", "—"),
    ({"asserts": 2}, "asserts", "2"),
    ({"denies": 1, "asserts": 0}, "denies", "1"),
    ({"denies": 1, "concedes": 1}, "mixed", "D1 C1"),
    ({"asserts": 3, "denies": 1, "concedes": 2}, "mixed", "A3 D1 C2"),
])
def test_cell_stance_and_text(counts, stance, text):
    assert views.cell_stance(counts) == stance
    assert views.cell_text(counts) == text


@pytest.mark.parametrize("actor, claim, stance, n", [
    ("RU_MOD", "VIDEO_GAME", "mixed", 2),
    ("RU_MOD", "US_SUPPORTS_ISIS", "asserts", 2),
    ("US_DOD", "US_SUPPORTS_ISIS", "denies", 1),
    ("DILLON", "COALITION_PARTY_TO_DEAL", "denies", 1),
    ("COALITION", "RAQQA_DEAL", "concedes", 1),
    ("DILLON", "VIDEO_GAME", "silent", 0),
    ("RU_MOD", "OLD_FOOTAGE", "silent", 0),
])
def test_matrix_cells(prep, actor, claim, stance, n):
    m = views.actor_claim_matrix(prep, Filters()).set_index(["actor_id", "claim_id"])
    assert m.loc[(actor, claim), "stance"] == stance
    assert m.loc[(actor, claim), "n"] == n
    if stance == "silent":
        assert m.loc[(actor, claim), "text"] == views.SILENT_MARK


def test_matrix_rows_and_columns_follow_the_filter(prep):
    full = views.actor_claim_matrix(prep, Filters())
    assert len(full) == 6 * 7  # 6 speakers x 7 claims, silent cells included
    assert full["actor_id"].iloc[0] == "RU_MOD"  # most statements first
    one = views.actor_claim_matrix(prep, Filters(actors=("DILLON",)))
    assert set(one["actor_id"]) == {"DILLON"}
    # an actor chosen in the filter who never speaks still gets a (silent) row
    isis = views.actor_claim_matrix(prep, Filters(actors=("ISIS",)))
    assert set(isis["actor_id"]) == {"ISIS"} and set(isis["stance"]) == {"silent"}
    claim = views.actor_claim_matrix(prep, Filters(claims=("VIDEO_GAME",)))
    assert set(claim["claim_id"]) == {"VIDEO_GAME"}
    assert set(claim["actor_id"]) == {"RU_MOD", "US_DOD", "ACTIVISTS"}


def test_matrix_wide_for_csv(prep):
    wide = views.matrix_wide(views.actor_claim_matrix(prep, Filters(claims=("VIDEO_GAME", "OLD_FOOTAGE"))))
    assert list(wide.columns) == ["actor", "VIDEO_GAME", "OLD_FOOTAGE"]
    row = wide.set_index("actor").loc["Russian Ministry of Defence · وزارة الدفاع الروسية"]
    assert row["VIDEO_GAME"] == "mixed (denies 1, concedes 1)"
    assert row["OLD_FOOTAGE"] == "silent"


def test_evidence_of_a_cell_and_its_csv(prep):
    ev = views.evidence(prep, Filters(), actor_id="RU_MOD", claim_id="VIDEO_GAME")
    assert list(ev["statement_id"]) == ["a1:2:0", "s1:2:0"]
    assert set(ev["stance"]) == {"concedes", "denies"}
    csv = views.evidence_csv(ev)
    assert "reader_link" in csv and csv["reader_link"].iloc[0] == "Reader?doc=a1&sent=2#s-2"
    assert "cue_start" not in csv


# --------------------------------------------------------------------------- HTML

def test_quote_html_marks_the_cue_and_is_rtl(prep):
    ev = views.evidence(prep, Filters(), actor_id="DILLON").iloc[0]
    out = views.quote_html(ev["quote"], offset=ev["start"], cue_start=ev["cue_start"], cue_end=ev["cue_end"])
    assert 'dir="rtl"' in out and "Noto Naskh Arabic" in out
    assert re.search(r"<mark[^>]*>نفى</mark>", out)
    assert strip_tags(out) == ev["quote"]


@pytest.mark.parametrize("cue_start, cue_end", [(None, None), (-5, 2), (3, 1000)])
def test_quote_html_without_a_usable_cue_still_shows_the_quote(cue_start, cue_end):
    out = views.quote_html("قال <b>x</b>", offset=0, cue_start=cue_start, cue_end=cue_end)
    assert "<mark" not in out and "&lt;b&gt;x&lt;/b&gt;" in out


def test_untrusted_article_text_is_escaped_everywhere(prep):
    reader = views.reader_html(prep, "s1")
    assert "<script>" not in reader and "&lt;script&gt;alert(" in reader
    ev = views.evidence(prep, Filters(outlets=("SANA",)), claim_id="US_SAFE_IN_ISIS_AREAS").iloc[0]
    quote = views.quote_html(ev["quote"], offset=ev["start"], cue_start=ev["cue_start"], cue_end=ev["cue_end"])
    assert "<script>" not in quote and "&lt;script&gt;" in quote
    legend = views.legend_html([("<img src=x onerror=alert(1)>", "#000000", "shade")])
    assert "<img" not in legend


def test_reader_html_keeps_the_text_and_marks_sentences(prep):
    out = views.reader_html(prep, "a1", focus_sentence=2)
    text = prep.documents.set_index("doc_id").loc["a1", "text"]
    assert strip_tags(out) == text  # nothing lost or added, line breaks kept
    for sid in range(4):
        assert f'id="s-{sid}"' in out
    assert re.search(r'id="s-2"[^>]*riwaya-focus', out)
    assert 'id="s-1" data-sentence="1" class="riwaya-sent"' in out
    assert 'dir="rtl"' in out
    # actor shaded with its colour, place in the place colour, cue in bold
    assert views.tint(prep.actor_colours["RU_MOD"], 0.30) in out
    assert f"outline: 1.5px dashed {views.PLACE_COLOUR}" in out
    assert "font-weight: 700" in out
    assert views.reader_html(prep, "nope") == ""


def test_reader_legend_lists_what_is_highlighted(prep):
    labels = [label for label, _, _ in views.reader_legend(prep, "b1")]
    assert "Actor: Col. Ryan Dillon · رايان ديلون" in labels
    assert "Place" in labels
    assert "Claim: Coalition party to deal — The coalition was a party to the Raqqa deal." in labels


@pytest.mark.parametrize("length, spans, expected", [
    (10, [], [(0, 10, 0)]),
    (10, [views.Span(2, 5, "actor", "a", "#000000")], [(0, 2, 0), (2, 5, 1), (5, 10, 0)]),
    (10, [views.Span(0, 10, "claim", "c", "#000000"), views.Span(3, 4, "cue", "q", "#000000")],
     [(0, 3, 1), (3, 4, 2), (4, 10, 1)]),
])
def test_segments_cover_overlapping_spans(length, spans, expected):
    got = [(a, b, len(cover)) for a, b, cover in views._segments(length, spans)]
    assert got == expected


# --------------------------------------------------------------------------- compare

@pytest.mark.parametrize("text, expected", [
    ("أكد", "اكد"), ("إلى", "الي"), ("الرقة.", "الرقه"), ("مُحَمَّد", "محمد"), ("  a,  b ", "a b"),
])
def test_normalise_ar(text, expected):
    assert views.normalise_ar(text) == expected


def outlet_groups(prep):
    return views.source_groups(prep, by="outlet", chosen=["Alpha News", "Beta Agency", "SANA"])


def test_source_groups_by_outlet_and_article(prep):
    assert outlet_groups(prep) == {"Alpha News": ["a1"], "Beta Agency": ["b1"], "SANA": ["s1"]}
    by_article = views.source_groups(prep, by="article", chosen=["a1", "s1", "missing"])
    assert list(by_article.values()) == [["a1"], ["s1"]]
    assert list(by_article)[1].startswith("SANA · 2017-11-14")


def test_coverage_omissions_and_exclusive_claims(prep):
    cov = views.compare_coverage(prep, outlet_groups(prep), Filters())
    assert cov.at["VIDEO_GAME", "Alpha News"] == "asserts 1, concedes 1"
    assert cov.at["VIDEO_GAME", "SANA"] == "denies 1"
    assert cov.at["RAQQA_DEAL", "SANA"] == ""
    only = views.exclusive_claims(cov)
    assert only["SANA"] == ["US_SAFE_IN_ISIS_AREAS", "RAQQA_NOT_LIBERATED"]
    assert only["Beta Agency"] == ["COALITION_PARTY_TO_DEAL"]
    missing = views.omissions(cov)
    assert "RAQQA_DEAL" in missing["SANA"] and "VIDEO_GAME" not in missing["SANA"]
    long = views.coverage_long(prep, outlet_groups(prep), Filters())
    sana = long[(long["group"] == "SANA")].set_index("claim_id")
    assert sana.loc["RAQQA_DEAL", "stance"] == "silent" and sana.loc["VIDEO_GAME", "stance"] == "denies"


def test_coverage_follows_the_actor_filter(prep):
    cov = views.compare_coverage(prep, outlet_groups(prep), Filters(actors=("DILLON",)))
    assert list(cov.index) == ["COALITION_PARTY_TO_DEAL"]


@pytest.mark.parametrize("threshold, shared", [
    (80, {("Alpha News", 0), ("Beta Agency", 1)}),  # syndicated sentence, one letter apart
    (100, set()),
    (40, None),  # everything loosely matches something
])
def test_sentence_overlap(prep, threshold, shared):
    ov = views.sentence_overlap(prep, outlet_groups(prep), threshold=threshold)
    got = set(zip(ov.loc[ov["shared"], "group"], ov.loc[ov["shared"], "sentence_id"]))
    if shared is None:
        assert len(got) == len(ov)
    else:
        assert got == shared
    assert len(ov) == 10


def test_quoted_actors(prep):
    q = views.quoted_actors(prep, outlet_groups(prep), Filters())
    sana = q[q["group"] == "SANA"]
    assert list(sana["actor_id"]) == ["RU_MOD", "UNK:مصدر مجهول"]
    assert sana.iloc[0]["statements"] == 2


# --------------------------------------------------------------------------- overview

def test_corpus_summary(prep):
    s = views.corpus_summary(prep)
    assert s == {"articles": 3, "outlets": 3, "first_date": "2017-11-14", "last_date": "2017-11-15",
                 "claims_reported": 6, "claims_in_codebook": 7, "speakers": 6, "unlisted_speakers": 1,
                 "statements": 11, "places": 4}


def test_stance_by_claim(prep):
    got = views.stance_by_claim(prep, Filters(claims=("VIDEO_GAME",)))
    assert dict(zip(got["stance"], got["n"])) == {"asserts": 2, "concedes": 1, "denies": 1}
    assert views.stance_by_claim(prep, Filters(claims=("OLD_FOOTAGE",))).empty


def test_articles_table(prep):
    t = views.articles_table(prep)
    assert list(t["doc_id"]) == ["a1", "s1", "b1"]
    assert list(t["statements"]) == [5, 3, 3]


def test_an_empty_corpus_gives_empty_views(tmp_path):
    from riwaya.store import write_corpus
    write_corpus(tmp_path, {})
    p = views.prepare(load_corpus(tmp_path))
    assert p.is_empty
    assert views.place_summary(p, Filters()).empty
    assert views.actor_claim_matrix(p, Filters()).empty
    assert views.stance_by_claim(p, Filters()).empty
    assert isinstance(views.corpus_summary(p)["articles"], int)


@pytest.mark.parametrize("source, doc_id, expected", [
    ("SANA", "003_x", "SANA"),
    (None, "000_54f79f58a69dbdb0", "Unknown outlet (000_54f79f58)"),
    ("  ", "001_7a", "Unknown outlet (001_7a)"),
    (float("nan"), "", "Unknown outlet"),
])
def test_unknown_outlets_are_kept_apart(source, doc_id, expected):
    assert views.outlet_of(source, doc_id) == expected


@pytest.mark.parametrize("text, expected", [
    ("Abu Kamal · البوكمال · 34.45, 40.92",
     'Abu Kamal · <bdi dir="rtl" lang="ar" class="riwaya-ar-inline">البوكمال</bdi> · 34.45, 40.92'),
    ("US DoD · وزارة الدفاع (البنتاغون)",
     'US DoD · <bdi dir="rtl" lang="ar" class="riwaya-ar-inline">وزارة الدفاع (البنتاغون)</bdi>'),
    ("<b>x</b> و", '&lt;b&gt;x&lt;/b&gt; <bdi dir="rtl" lang="ar" class="riwaya-ar-inline">و</bdi>'),
    (None, ""),
])
def test_bidi_html_isolates_arabic_runs_and_escapes(text, expected):
    assert views.bidi_html(text) == expected


def test_map_focus_leaves_far_off_places_out_of_the_frame():
    places = pd.DataFrame({
        "entity_id": ["RAQQA", "DEIR", "ABU", "CHINA", "NOWHERE"],
        "lat": [35.95, 35.33, 34.45, 36.6, None], "lon": [39.0, 40.1, 40.9, 103.9, None],
        "mentions": [5, 3, 6, 1, 2]})
    assert list(views.map_focus(places)) == [True, True, True, False, False]
    assert list(views.map_focus(places.iloc[[0, 3]])) == [True, True]  # too few to judge


@pytest.mark.parametrize("lats, lons", [([35.0], [40.0]), ([34.4, 36.3, 25.1], [40.9, 43.1, 51.3]), ([0, 60], [-20, 20])])
def test_geo_ranges_frame_every_point_in_landscape(lats, lons):
    (lo_lon, hi_lon), (lo_lat, hi_lat) = views.geo_ranges(pd.Series(lats), pd.Series(lons))
    assert all(lo_lat < y < hi_lat for y in lats) and all(lo_lon < x < hi_lon for x in lons)
    assert hi_lon - lo_lon >= 2.5 * (hi_lat - lo_lat)


def test_the_map_frame_is_the_whole_corpus_region(prep):
    (lo_lon, hi_lon), (lo_lat, hi_lat) = prep.map_frame
    for lat, lon in [(35.95, 39.0), (34.45, 40.92), (33.35, 43.78)]:  # Raqqa, Abu Kamal, Fallujah
        assert lo_lat < lat < hi_lat and lo_lon < lon < hi_lon
    assert views.map_frame(views.place_summary(prep, Filters(claims=("OLD_FOOTAGE",)))) == ([25.0, 60.0], [20.0, 42.0])
