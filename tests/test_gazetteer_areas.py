"""First-level areas (governorates, provinces, regions) in the gazetteer: the table
(riwaya/pipeline/data/admin_areas.json, riwaya/pipeline/gazetteer_areas.py) and how the place
finder names them, in sentences written for this test."""

from __future__ import annotations

import json

import pytest

from place_words_score import PlaceFinder
from riwaya.dashboard.map import CONTEXT_KINDS
from riwaya.pipeline.gazetteer_areas import ADMIN_AREAS, AREA_KINDS, area_entries
from riwaya.pipeline.geonames import cities_by_id
from riwaya.pipeline.place_namesakes import great_circle_km
from riwaya.text.normalize import normalize_form

TABLE = json.loads(ADMIN_AREAS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def places(sample_codebook, sample_gazetteer):
    return PlaceFinder(sample_codebook, sample_gazetteer)


def test_the_table_covers_the_region_and_its_points_are_the_capitals():
    areas = TABLE["areas"]
    countries = {a["id"][3:5] for a in areas}
    assert {"SY", "IQ", "LB", "JO", "TR", "EG", "SA", "YE", "LY", "PS"} <= countries
    assert len({a["id"] for a in areas}) == len(areas) and all(a["kind"] in AREA_KINDS for a in areas)
    capitals = cities_by_id(tuple(a["capital"][3:] for a in areas))
    if not capitals:
        pytest.skip("GeoNames' cities500 table is not installed")
    for a in areas:
        town = capitals[a["capital"][3:]]
        assert town["countrycode"] == a["id"][3:5], a["id"]
        assert great_circle_km((a["lat"], a["lon"]), (town["latitude"], town["longitude"])) < 1, a["id"]


def test_an_area_is_drawn_as_context_on_the_map():
    assert AREA_KINDS <= CONTEXT_KINDS


def test_an_area_is_named_alone_only_where_no_town_has_its_name_and_it_is_no_common_word():
    norm = normalize_form
    entries, forms = area_entries({norm("إدلب")}, norm)
    by_id = {e.entity_id: e for e in entries}
    assert "إدلب" not in forms["AD:SY-ID"] and "محافظة إدلب" in forms["AD:SY-ID"]
    assert "ريف إدلب" in forms["AD:SY-ID"] and by_id["AD:SY-ID"].name_ar == "إدلب"
    assert "نينوى" in forms["AD:IQ-NI"] and "محافظة نينوى" in forms["AD:IQ-NI"]
    assert "الشرقية" not in forms["AD:EG-SHR"] and "محافظة الشرقية" in forms["AD:EG-SHR"]
    assert "ريف دمشق" not in forms["AD:SY-DI"]                 # another area's own name
    assert by_id["AD:TR-31"].kind == "province" and by_id["AD:SA-01"].kind == "region"


def test_the_gazetteer_keeps_a_town_before_its_namesake_area(sample_gazetteer):
    g = sample_gazetteer
    assert g.lookup("إدلب").kind == "city" and g.lookup("محافظة إدلب").entity_id == "AD:SY-ID"
    assert g.lookup_en("Idlib").kind == "city"
    assert g.lookup("نينوى").entity_id == "AD:IQ-NI" and g.get("AD:IQ-NI").country == "IQ"


@pytest.mark.parametrize("text, found", [
    # a governorate by its head noun; the bare name stays the city
    ("وقصفت الطائرات مواقع في محافظة إدلب ثم عادت إلى قواعدها.", [["محافظة إدلب", "Idlib", "governorate"]]),
    ("ووصلت القافلة إلى إدلب مساء أمس.", [["إدلب", "Idlib", "city"]]),
    ("واندلعت اشتباكات عنيفة في ريف حماة الشمالي.", [["ريف حماة", "Hamah", "governorate"]]),
    # ب on the head: the head still places the area (a small capital: Quneitra)
    ("وتقدمت فصائل المعارضة بريف القنيطرة الجنوبي.", [["ريف القنيطرة", "Al Qunaytirah", "governorate"]]),
    # ريف دمشق is its own governorate, not the city
    ("وسقطت قذائف على بلدات في ريف دمشق الشرقي.", [["ريف دمشق", "Rif Dimashq", "governorate"]]),
    # names the gazetteer had not: Iraq's, Egypt's, Turkey's
    ("وفر آلاف المدنيين من القرى الواقعة في نينوى.", [["نينوى", "Nineveh", "governorate"]]),
    ("وأعلنت الشرطة القبض على خلية في محافظة المنوفية.", [["محافظة المنوفية", "Monufia", "governorate"]]),
    ("وعبرت الشاحنات الحدود إلى ولاية هاتاي التركية.", [["ولاية هاتاي", "Hatay", "province"]]),
    ("ونقل الجرحى إلى مستشفيات ولاية هطاي الحدودية.", [["ولاية هطاي", "Hatay", "province"]]),
    ("وتواصلت العمليات في محافظة صلاح الدين.", [["محافظة صلاح الدين", "Salah ad Din", "governorate"]]),
    # the same names as common words or persons, or with no evidence: no place
    ("وقال صلاح الدين دميرطاش إن الحزب سيواصل نضاله.", []),
    ("وأكد البيان أن المنطقة الشرقية من البلاد هادئة.", []),
    ("وعبرت السفن البحر الأحمر متجهة شمالا.", []),
    ("وزار الوزير محافظة البحر الأحمر أمس.", [["محافظة البحر الأحمر", "Red Sea", "governorate"]]),
    ("وذكر مركز نينوى الإعلامي أن الحملة مستمرة.", []),
    ("وتترجم الهيئة وثائقها إلى لغات عدة.", []),                     # ل + غات (Ghat)
    ("وقصفت المدفعية مواقع في الجبل الغربي المطل على السهل.", []),
    # a name after عمليات / شرطة names a command or a police force (قيادة عمليات الأنبار)
    ("وأعلنت قيادة عمليات الأنبار مقتل عشرات المسلحين في محافظة الأنبار.",
     [["محافظة الأنبار", "Al Anbar", "governorate"]]),
    ("وقال مدير شرطة ديالى إن الهجوم وقع في محافظة ديالى أمس.",
     [["محافظة ديالى", "Diyala", "governorate"]]),
    ("وقال قائد شرطة كركوك إن قواته انتشرت في مدينة كركوك.", [["كركوك", "Kirkuk", "city"]]),
    ("وقال مصدر في قيادة عمليات محافظة الأنبار إن الهجوم وقع غرب الرمادي.",
     [["الرمادي", "Ramadi", "city"]]),
    ("وقال قائد غرفة عمليات ريف حماة إن مقاتليه صدوا الهجوم.", []),
    ("ودعا الوزير حكومة إقليم كردستان إلى الحوار ثم زار إقليم كردستان أمس.",
     [["إقليم كردستان", "Kurdistan Region", "region"]]),
    # a name before الإعلامي names an outlet (مركز نينوى الإعلامي), elsewhere the area
    ("ونقل مركز نينوى الإعلامي أن المعارك مستمرة في محافظة نينوى.",
     [["محافظة نينوى", "Nineveh", "governorate"]]),
    ("وقال مدير مركز إدلب الإعلامي إن القصف طال مدينة إدلب.", [["إدلب", "Idlib", "city"]]),
])
def test_areas_in_sentences(places, sample_gazetteer, text, found):
    got = [[s, n, (sample_gazetteer.lookup(s) or sample_gazetteer.lookup_en(n)).kind]
           for s, n in places(text)]
    assert got == found


def test_a_kept_area_makes_its_town_s_bare_mention_a_place(places):
    text = ("وسيطرت القوات على قرى جديدة في ريف حلب الشمالي. "
            "وقال المحلل إن كل شيء تغير منذ سقوط حلب قبل عام.")
    assert places(text) == [["ريف حلب", "Aleppo"], ["حلب", "Aleppo"]]


def test_an_area_named_after_a_codebook_place_is_that_place(places):
    text = ("وجرت تفاهمات لمنع الاصطدام في محافظة دير الزور. "
            "وقال المحلل إن كل شيء تغير منذ سقوط حلب قبل عام.")
    assert places(text) == [["محافظة دير الزور", "DEIR_EZZOR"], ["حلب", "Aleppo"]]
