"""Place metrics of the evaluator: folded GeoNames names, false pins, places from boilerplate
(golden ``article_lines`` mapped back to raw lines), on small hand-made corpora."""

from __future__ import annotations

import json

import pytest

from riwaya.evaluate import evaluate
from riwaya.evaluate.places import fold_name, raw_line_numbers
from test_evaluate import corpus, golden_dir

DOC = "R-1_01"


@pytest.mark.parametrize("golden, table", [
    ("Al Mayadin", "Al Mayādīn"),
    ("Dar`a", "Dar‘ā"),
    ("Al Qa'im", "Al Qā’im"),
    ("`Ayn al `Arab", "‘Ayn al ‘Arab"),
    ("Jisr ash Shughur", "Jisr ash-Shughūr"),
    ("Tartus", "Ţarţūs"),
    ("Hamah", "Ḩamāh"),
    ("Reyhanli", "Reyhanlı"),   # the dotless ı
])
def test_fold_name_matches_ascii_geonames_names(golden, table):
    assert fold_name(golden) == fold_name(table)


def test_fold_name_keeps_different_names_apart():
    assert fold_name("Homs") != fold_name("Hims al Jadida")
    with pytest.raises(TypeError, match="Expected str"):
        fold_name(None)


# a raw page: a menu line, the article (lines 2-4), a related-stories block (lines 6-7)
RAW = ("الرئيسية | أخبار | اتصل بنا\n"
       "سيطرة الجيش على الميادين\n"
       "قال مصدر إن الجيش دخل الميادين قادما من دير الزور.\n"
       "وفي دورا وردت أنباء.\n"
       "\n"
       "أخبار ذات صلة\n"
       "اشتباكات في جنين ونابلس\n")
PLACES = [("DEIR_EZZOR", "Deir ez-Zor", 35.3, 40.1), ("GN:173480", "Al Mayādīn", 35.0, 40.4),
          ("GN:284011", "Dūrā", 31.5, 35.0), ("GN:283506", "Janīn", 32.4, 35.3)]
GOLD = {"doc_id": DOC, "actors": [], "places": ["DEIR_EZZOR", "name:Al Mayadin"],
        "boilerplate": ["الرئيسية | أخبار | اتصل بنا", "أخبار ذات صلة", "اشتباكات في جنين ونابلس"],
        "article_lines": [[2, 4]]}


def _kept(*numbers: int) -> str:
    lines = RAW.split("\n")
    return "\n".join(lines[n - 1] for n in numbers)


def report(tmp_path, text, mentions, gold=GOLD):
    c = corpus({DOC: text}, mentions=mentions, places=PLACES)
    c.documents["raw_text"] = [RAW]
    return evaluate(c, golden_dir(tmp_path, [], [gold]))


def test_raw_line_numbers_follow_the_kept_lines():
    assert raw_line_numbers(_kept(2, 3, 4, 7), RAW) == [2, 3, 4, 7]
    assert raw_line_numbers("no such line", RAW) == [None]
    # a line repeated later in the page: its first copy after the previous kept line
    raw = "عنوان\nنص المقال\nعنوان\nذيل"
    assert raw_line_numbers("نص المقال\nعنوان", raw) == [2, 3]
    # a line whose words also start a longer line is matched as a whole line only
    assert raw_line_numbers("الرقة", "الرقة مدينة\nالرقة") == [2]


def test_name_places_match_diacritics_and_nothing_else_fails(tmp_path):
    text = _kept(2, 3)
    r = report(tmp_path, text, [(DOC, "place", "GN:173480", "الميادين", 0),
                                (DOC, "place", "DEIR_EZZOR", "دير الزور", 0)])
    assert r.place_recall == 1.0 and not r.missing_places
    assert r.false_pins == [] and r.boilerplate_places == []
    assert not any("pins" in f or "boilerplate" in f for f in r.failures())


def test_a_common_word_pinned_in_the_article_is_a_false_pin(tmp_path):
    text = _kept(2, 3, 4)
    r = report(tmp_path, text, [(DOC, "place", "GN:173480", "الميادين", 0),
                                (DOC, "place", "DEIR_EZZOR", "دير الزور", 0),
                                (DOC, "place", "GN:284011", "دورا", 0)])
    assert [(p["entity_id"], p["surface"], p["line"]) for p in r.false_pins] == \
        [("GN:284011", "دورا", 4)]
    assert "1 false pins" in r.failures()
    assert "FALSE PINS" in r.format() and "Dūrā" in r.format()
    assert json.loads(json.dumps(r.to_dict(), ensure_ascii=False))["false_pins"][0]["surface"] == "دورا"


def test_places_in_related_stories_count_as_boilerplate_places(tmp_path):
    text = _kept(2, 3, 6, 7)
    r = report(tmp_path, text, [(DOC, "place", "GN:173480", "الميادين", 0),
                                (DOC, "place", "DEIR_EZZOR", "دير الزور", 0),
                                (DOC, "place", "GN:283506", "جنين", 0)])
    assert [(p["entity_id"], p["line"]) for p in r.boilerplate_places] == [("GN:283506", 7)]
    assert r.false_pins == []                  # off the article: not a pin of the article
    assert "1 boilerplate places" in r.failures()
    assert "PLACES FROM BOILERPLATE" in r.format()
    assert r.to_dict()["boilerplate_places"][0]["surface"] == "جنين"
    problems = sorted(e["problem"] for e in r.boilerplate_errors)
    assert problems == ["kept in documents.text", "kept in documents.text",
                        "mention inside boilerplate"]


def test_the_same_mention_in_the_article_and_in_a_teaser(tmp_path):
    # الميادين on line 2 (article) and again in a teaser line kept after the article
    raw_extra = RAW + "معارك الميادين\n"
    text = _kept(2, 3) + "\nمعارك الميادين"
    c = corpus({DOC: text}, mentions=[(DOC, "place", "GN:173480", "الميادين", 0),
                                      (DOC, "place", "GN:173480", "الميادين", 2),
                                      (DOC, "place", "DEIR_EZZOR", "دير الزور", 0)],
               places=PLACES)
    c.documents["raw_text"] = [raw_extra]
    r = evaluate(c, golden_dir(tmp_path, [], [GOLD]))
    assert [(p["surface"], p["line"]) for p in r.boilerplate_places] == [("الميادين", 8)]
    assert r.place_recall == 1.0


def test_metonym_is_not_a_false_pin(tmp_path):
    text = _kept(2, 3, 4)
    gold = {**GOLD, "metonyms": ["وفي دورا"]}
    r = report(tmp_path, text, [(DOC, "place", "GN:173480", "الميادين", 0),
                                (DOC, "place", "DEIR_EZZOR", "دير الزور", 0),
                                (DOC, "place", "GN:284011", "دورا", 0)], gold=gold)
    assert r.false_pins == []


def test_without_article_lines_boilerplate_strings_decide(tmp_path):
    """The sample's golden has boilerplate strings and no article lines: as before."""
    gold = {k: v for k, v in GOLD.items() if k != "article_lines"}
    text = _kept(2, 3, 7)
    r = report(tmp_path, text, [(DOC, "place", "GN:173480", "الميادين", 0),
                                (DOC, "place", "DEIR_EZZOR", "دير الزور", 0),
                                (DOC, "place", "GN:283506", "جنين", 0)], gold=gold)
    assert [p["entity_id"] for p in r.boilerplate_places] == ["GN:283506"]
    assert "line" not in r.boilerplate_places[0]
    assert r.false_pins == []
    assert len(r.boilerplate_errors) == 2      # kept + the mention inside it, as before


def test_empty_article_lines_make_every_line_boilerplate(tmp_path):
    """A listing page (``article_lines: []``): every place on it is from boilerplate."""
    gold = {**GOLD, "places": [], "article_lines": []}
    r = report(tmp_path, _kept(2, 3), [(DOC, "place", "GN:173480", "الميادين", 0)], gold=gold)
    assert len(r.boilerplate_places) == 1 and r.false_pins == []
