"""How the evaluator scores a first-level area pin (a governorate, ``AD:`` ids): it counts as the
golden place that is the area itself or the X its phrase names under the annotation guide
("ريف/محافظة X" count as X: the area's ``counts_as``), and as nothing else (data/golden/README.md,
Areas). Small hand-made corpora, one article line each."""

from __future__ import annotations

import unicodedata

import pytest

from riwaya.evaluate import evaluate
from riwaya.evaluate.places import fold_name, is_golden_place
from riwaya.pipeline.gazetteer_areas import _table, counts_as
from test_evaluate import corpus, golden_dir

DOC = "R-1_02"
RAW = "الرئيسية | أخبار\n{}\n"
PLACES = [("AD:SY-RD", "Rif Dimashq", 33.57, 36.40), ("AD:SY-HL", "Aleppo", 36.20, 37.16),
          ("AD:SY-RA", "Ar Raqqah", 35.95, 39.01), ("AD:SY-DR", "Dar'a", 32.62, 36.10),
          ("AD:IQ-AN", "Al Anbar", 33.42, 43.31), ("AD:IQ-NI", "Nineveh", 36.34, 43.12),
          ("GN:170063", "Aleppo", 36.20, 37.16), ("DAMASCUS", "Damascus", 33.51, 36.28)]

CASES = [
    # sentence, (entity, surface) pinned, golden places, (found, total), false pins
    # (b) the X of "ريف/محافظة X" (its counts_as): a codebook place or a GeoNames town
    ("وسقطت قذائف على ريف دمشق أمس.", ("AD:SY-RD", "ريف دمشق"), ["DAMASCUS"], (1, 1), []),
    ("واشتدت المعارك في ريف حلب الشمالي.", ("AD:SY-HL", "ريف حلب"), ["name:Aleppo"], (1, 1), []),
    ("وفر المدنيون من محافظة الرقة.", ("AD:SY-RA", "محافظة الرقة"), ["RAQQA"], (1, 1), []),
    ("وتقدم الجيش في ريف درعا الغربي.", ("AD:SY-DR", "ريف درعا"), ["name:Dar`a"], (1, 1), []),
    # (a) the area itself: its id or its English name
    ("وسقطت قذائف على ريف دمشق أمس.", ("AD:SY-RD", "ريف دمشق"), ["name:Rif Dimashq"], (1, 1), []),
    ("وسقطت قذائف على ريف دمشق أمس.", ("AD:SY-RD", "ريف دمشق"), ["AD:SY-RD"], (1, 1), []),
    ("وجرت معارك في محافظة الأنبار.", ("AD:IQ-AN", "محافظة الأنبار"), ["name:Al Anbar"], (1, 1), []),
    # nothing else: an unlisted region, the area's capital, another place
    ("وجرت معارك في محافظة الأنبار.", ("AD:IQ-AN", "محافظة الأنبار"), [], (0, 0), ["AD:IQ-AN"]),
    ("وفر المدنيون من محافظة نينوى.", ("AD:IQ-NI", "محافظة نينوى"), ["MOSUL"], (0, 1), ["AD:IQ-NI"]),
    ("وسقطت قذائف على ريف دمشق أمس.", ("AD:SY-RD", "ريف دمشق"), ["name:Duma"], (0, 1), ["AD:SY-RD"]),
    ("واشتدت المعارك في ريف حلب الشمالي.", ("AD:SY-HL", "ريف حلب"), ["name:Idlib"], (0, 1),
     ["AD:SY-HL"]),
    ("وفر المدنيون من محافظة الرقة.", ("AD:SY-RA", "محافظة الرقة"), ["DEIR_EZZOR"], (0, 1),
     ["AD:SY-RA"]),
    # a town is scored as before: never as an area it shares a name with
    ("ووصلت القافلة إلى حلب مساء.", ("GN:170063", "حلب"), ["name:Aleppo"], (1, 1), []),
    ("ووصلت القافلة إلى حلب مساء.", ("GN:170063", "حلب"), ["AD:SY-HL"], (0, 1), ["GN:170063"]),
]


@pytest.mark.parametrize("sentence, pin, places, found, pins", CASES)
def test_an_area_pin_counts_as_the_place_the_guide_writes(tmp_path, sentence, pin, places, found,
                                                          pins):
    c = corpus({DOC: sentence}, mentions=[(DOC, "place", pin[0], pin[1], 0)], places=PLACES)
    c.documents["raw_text"] = [RAW.format(sentence)]
    gold = {"doc_id": DOC, "actors": [], "places": places, "article_lines": [[2, 2]]}
    r = evaluate(c, golden_dir(tmp_path, [], [gold]))
    assert (r.places_found, r.places_total) == found
    assert [p["entity_id"] for p in r.false_pins] == pins


def test_is_golden_place_folds_names_and_reads_counts_as():
    names = {"AD:SY-HM": fold_name("Hamah"), "GN:170017": fold_name("Ḩamāh")}
    assert is_golden_place("name:Hamah", "GN:170017", names)
    assert is_golden_place("name:Hamah", "AD:SY-HM", {})           # by counts_as alone
    assert is_golden_place("DAMASCUS", "AD:SY-DI", {}) and is_golden_place("DAMASCUS", "AD:SY-RD", {})
    assert not is_golden_place("DAMASCUS", "GN:170592", {})        # Douma, a town: no counts_as
    assert not is_golden_place("name:Mosul", "AD:IQ-NI", {})


def _ascii(name: str) -> str:
    name = unicodedata.normalize("NFKD", name.replace("\u2018", "`").replace("\u2019", "'"))
    return "".join(ch for ch in name if not unicodedata.combining(ch)).replace("ı", "i")


def test_counts_as_follows_its_stated_rule(sample_codebook, sample_gazetteer):
    """Each area's counts_as is what admin_areas.json's ``_counts_as`` says: the codebook place
    named like the area, else the gazetteer's towns of that name in its country, else nothing."""
    from riwaya.text.normalize import normalize_form as norm

    codebook = {norm(a): p.id for p in sample_codebook.places for a in (p.name_ar, *p.aliases)}
    table = counts_as()
    assert table["AD:SY-RD"] == ("DAMASCUS",) and table["AD:SY-HL"] == ("name:Aleppo",)
    assert table["AD:IQ-AN"] == () and table["AD:IQ-NI"] == ()
    for area in _table()["areas"]:
        want: list[str] = []
        for name in area["names_ar"]:
            x = name.removeprefix("ريف ")
            ids = [codebook[norm(x)]] if norm(x) in codebook else [
                f"name:{_ascii(e.name_en)}" for e in sample_gazetteer.candidates(x)
                if e.kind == "city" and e.country == area["id"][3:5]]
            want += [i for i in ids if i not in want]
        assert table[area["id"]] == tuple(want), area["id"]
