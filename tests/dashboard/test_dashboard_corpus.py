"""riwaya.dashboard.palette and riwaya.dashboard.corpus: colours, labels, the prepared corpus."""

from __future__ import annotations

import pytest

from riwaya.dashboard import corpus, palette
from riwaya.pipeline.store import load_corpus


def test_palette_is_stable_whatever_the_order_and_colour_blind_safe():
    a = palette.palette_for(["US_DOD", "RU_MOD", "DILLON"])
    b = palette.palette_for(["DILLON", "US_DOD", "RU_MOD", "RU_MOD"])
    assert a == b
    assert set(a.values()) <= set(palette.OKABE_ITO)
    assert len(set(a.values())) == 3


def test_colours_do_not_move_when_the_filter_changes(prep):
    # colours are computed on the whole corpus, once
    assert prep.actor_colours == palette.palette_for(prep.actors["actor_id"])
    assert set(prep.claim_colours) == set(prep.claims["claim_id"])


@pytest.mark.parametrize("colour, alpha, expected", [
    ("#0072B2", 0.25, "rgba(0,114,178,0.25)"),
    ("#000000", 1, "rgba(0,0,0,1)"),
])
def test_tint(colour, alpha, expected):
    assert palette.tint(colour, alpha) == expected


def test_tint_says_what_it_expected():
    with pytest.raises(TypeError, match="Expected a '#rrggbb' str, got NoneType"):
        palette.tint(None)


@pytest.mark.parametrize("stance, expected", [("denies", "#D55E00"), ("mixed", "#CC79A7"), ("silent", "#777")])
def test_stance_colour(stance, expected):
    assert palette.stance_colour(stance) == expected


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
    assert corpus.actor_display(actor_id, en, ar) == expected


def test_unlisted_speakers_missing_from_the_actors_table_get_a_label(tmp_path):
    from tests.fixture_corpus import fixture_tables
    from riwaya.pipeline.store import write_corpus
    tables = fixture_tables()
    tables["actors"] = [a for a in tables["actors"] if not a["actor_id"].startswith("UNK:")]
    write_corpus(tmp_path, tables)
    p = corpus.prepare(load_corpus(tmp_path))
    assert p.actor_label("UNK:مصدر مجهول") == "Unlisted speaker · مصدر مجهول"
    assert not p.statements["actor_label"].isna().any()


@pytest.mark.parametrize("source, doc_id, expected", [
    ("SANA", "003_x", "SANA"),
    (None, "000_54f79f58a69dbdb0", "No outlet named · article 000_54f79f58"),
    ("  ", "001_7a", "No outlet named · article 001_7a"),
    (float("nan"), "", "No outlet named"),
])
def test_unknown_outlets_are_kept_apart(source, doc_id, expected):
    assert corpus.outlet_of(source, doc_id) == expected


def test_labels_of_the_prepared_corpus(prep):
    assert prep.claim_short("VIDEO_GAME") == "Video game images"
    assert prep.claim_short("RAQQA_NOT_LIBERATED") == "RAQQA_NOT_LIBERATED"  # no short label: the id
    assert prep.claim_label("VIDEO_GAME") == "The images came from a video game."
    assert prep.actor_label("NOT_AN_ACTOR") == "NOT_AN_ACTOR"
    assert prep.outlets == ("Alpha News", "Beta Agency", "SANA")


@pytest.mark.parametrize("values, expected", [
    (["b", None, "a", "b", float("nan"), " "], "b, a"),
    ([], ""),
])
def test_join_unique(values, expected):
    assert corpus.join_unique(values) == expected
