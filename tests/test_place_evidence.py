"""Gazetteer names need evidence that they are places, and mean the place of the article's
region (riwaya/pipeline/place_evidence.py, word lists in data/codebook/gazetteer.json).
The sentences are written for the tests: each shows a class of error, not an article's words."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def places(place_mentions):
    """``places(text)``: (surface, entity_id, English name) of the place mentions in ``text``."""
    return place_mentions


@pytest.mark.parametrize("text", [
    "وقال إن للولايات المتحدة دورا كبيرا في المعركة.",        # دورا: Dūrā
    "وردا على سؤال قال المتحدث إن الأمر غير صحيح.",           # وردا: Werder
    "وأكد المسؤول بأنه لن يقبل بأي دور لطرف خارجي.",         # بأنه: Bāneh, دور: Dour
    "لا يوجد مبرر لأي تدخل خارجي.",                          # لأي: Lae
    "وهذا يفتح الباب أمام مفاوضات جديدة.",                   # الباب: Al Bāb
    "وتعد البلدة مسقط رأس القائد العسكري.",                  # مسقط: Muscat
    "الوضع القائم لا يحتمل التأجيل.",                        # القائم: Al Qā'im
    "قدم التحالف دعما جويا للقوات المحلية.",                 # جويا: Goya
    "وكان حجم التأثير ك بيرا على التنظيم.",                  # a word split by the scrape
    "نحن بصدد دراسة الموضوع.",                               # صدد: Ṣadad
])
def test_common_words_are_not_places(text, places):
    assert places(text) == []


@pytest.mark.parametrize("text, expected", [
    # a head noun, with adjectives between: the city, not the country of the same name
    ("زار نائب الرئيس العاصمة الأردنية عمان يوم الأحد.", [("عمان", "Amman")]),
    # a preposition of place, a small town of the event's region
    ("انسحب التنظيم من السخنة بعد معارك عنيفة.", [("السخنة", "As Sukhnah")]),
    # a list opened by a plural head noun
    ("قصف الطيران بلدات الجلاء وصبيخان والعشارة.",
     [("الجلاء", "Al Jalā’"), ("صبيخان", "Subaykhān"), ("العشارة", "Al ‘Ashārah")]),
    # the stoplist no longer needs the real place القائم: a preposition makes it one
    ("انسحب المقاتلون إلى القائم العراقية.", [("القائم", "Al Qā’im")]),
    # a large foreign city after a preposition
    ("سافر الوفد إلى جنيف للمشاركة في المحادثات.", [("جنيف", "Geneva")]),
])
def test_places_with_evidence(text, expected, places):
    assert [(s, name) for s, _, name in places(text)] == expected


@pytest.mark.parametrize("text", [
    "وعاد المقاتل إلى مسقط رأسه بعد سنوات من الغياب.",        # a preposition, then an idiom
    "وقال إن الاتفاق سيفتح الباب واسعا أمام عودة اللاجئين.",   # الباب: Al Bāb
    "وتحدث الوزير في مؤتمر صحفي عن عملية درع الفرات التركية.",  # an operation's name
    "واستقبل الأهالي مقاتلي قوات سورية الديمقراطية في المدينة.",  # inside an actor's name
    "وطالب المحتجون في الميادين العامة بإسقاط الحكومة.",         # squares, not Al Mayadin
])
def test_idioms_are_not_places(text, places):
    assert places(text) == []


@pytest.mark.parametrize("text", [
    "تراجع نفوذ الحكومة في الشمال أنقرة , بيروت - رويترز - فقدت الحكومة زخمها في الحرب .",
    "عنوان الخبر في سطر واحد بيروت (أ ف ب) قال مسؤول إن الوضع هادئ .",
])
def test_a_dateline_naming_an_agency_inside_a_line_is_no_place(text, places):
    assert "Beirut" not in [name for _, _, name in places(text)]


def test_a_name_outside_an_idiom_is_still_a_place(places):
    text = "وعاد المقاتل إلى مسقط رأسه ثم سافر إلى مسقط العمانية."
    assert [name for _, _, name in places(text)] == ["Muscat"]


def test_region_chooses_among_namesakes(places):
    # الرقة in the text puts the article in Syria: a bare far-away namesake is not meant
    assert [s for s, _, _ in places("سيطرت القوات على حي الدرعية في مدينة الرقة.")] == ["مدينة الرقة"]
    assert [name for _, _, name in places("وقع انفجار على جسر الزرقا قرب كركوك.")] == ["Kirkuk"]


def test_country_is_a_place_only_where_used_as_one(places):
    assert places("وتعتبر تركيا أن الهجوم خطأ.") == []                 # an actor
    assert places("هجمات على تركيا من الجنوب.") == []                  # the object of an attack
    assert [e for _, e, _ in places("عاد المقاتلون إلى تركيا.")] == ["CC:TR"]
    assert [e for _, e, _ in places("على الحدود بين سوريا والعراق.")] == ["CC:SY", "CC:IQ"]


def test_datelines_and_outlet_names_are_not_places(places):
    assert places("بيروت : قال مصدر إن الاجتماع تأجل.") == []
    assert places("نقلا عن موقع دمشق الآن أمس.") == []          # an outlet: دمشق is a codebook place
    assert [e for _, e, _ in places("وصل الوفد إلى دمشق الآن.")] == ["DAMASCUS"]


def test_one_sense_per_article(places):
    """A bare mention of a town counts when another mention of it has evidence."""
    found = places("دخلت القوات مدينة منبج. وتبقى منبج محور الخلاف.")
    assert [s for s, _, _ in found] == ["منبج", "منبج"]
