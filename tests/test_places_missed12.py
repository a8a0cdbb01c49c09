"""Places a reader marks that got no pin (helper A12: pool pages nobody tuned on, read against
their pins; sentences written for this test).

- a two-word preposition of place with adjectives between its words (``place_spread``): "حدودها
  الجنوبية مع سورية", "منطقة حدودية استراتيجية مع إسرائيل" (a border with X: X is a location);
  not a noun of another kind before مع (مشاكلها مع سوريا);
- no new head nouns: جهة reads "on one hand" (من جهة كسب بعض الوقت), and صحراء X names a
  desert, which the guide does not ask for (صحراء الأنبار);
- a quantifier between في and the name (``weak_prepositions``, ``country_prepositions``: في
  عموم، في كل، في كافة): "في عموم سوريا" is Syria as a location;
- a town of the region (Syria, Iraq) of a fifth of the regional size or more after في/من/إلى
  is a place however far from the codebook places the article names (``Judge.accepts``): "وصلوا
  إلى عفرين" in an article that names Damascus; a village (كسب) still needs a place nearby, and
  so does a name shaped like a nisba (``place_senses.nisba_shaped``: الشامية, the Euphrates' west
  bank at Deir ez-Zor, not Ash Shamiyah in Iraq);
- false pins seen on the same pages: "من حولي" ("around me", Hawalli: ``idioms``), "مآو"
  ("shelters", Mau in India: ``stoplist``);
- no preposition takes a word carrying the conjunction ف: "نيابة عن فصيله" ("his faction") is
  no town after عن (``place_evidence.evidence``); و stays (a scrape drops a link: "في وأمريكا");
- towns GeoNames spells otherwise than the pages (``pinned_forms``): الهول (GeoNames: الحول),
  كويتا (GeoNames: كويته), بطرسبرغ (GeoNames gives it to Petersburg, Virginia), صرين (GeoNames: صرين الشمالية), and الضالع, a governorate capital
  of Yemen under the gazetteer's population floor.
"""

from __future__ import annotations

import pytest

#: (text, surface, the English name of the place it must name)
PLACES = [
    ("وتمتد حدودها الجنوبية مع سورية لمسافة تزيد على ثمانمئة كيلومتر.", "سورية", "CC:SY"),
    ("واشتبك الجيش مع مسلحين قرب منطقة حدودية استراتيجية مع إسرائيل فجر اليوم.", "إسرائيل",
     "CC:IL"),
    ("ونشرت أنقرة تعزيزات على الحدود البرية المشتركة مع العراق.", "العراق", "CC:IQ"),
    ("وتنتشر خلايا التنظيم في عموم سوريا منذ سنوات.", "سوريا", "CC:SY"),
    ("وقال إن الأقليات تعيش في كل العراق بلا خوف.", "العراق", "CC:IQ"),
    ("وقالت مصادر في دمشق إن مئات النازحين وصلوا إلى عفرين خلال الليل.", "عفرين", "‘Afrīn"),
    ("وسار الجنود إلى الثكنة في بطرسبرغ وطالبوا بخلع الإمبراطور.", "بطرسبرغ", "Saint Petersburg"),
    ("وأجرى الخبراء في وأمريكا تجارب مماثلة.", "أمريكا", "CC:US"),
    ("ونقلت العائلات إلى مخيم قرب بلدة الهول شرق الحسكة.", "الهول", "Al Ḩawl"),
    ("وقتل عشرة أشخاص في انفجار بمدينة كويتا الباكستانية.", "كويتا", "Quetta"),
    ("ودارت اشتباكات عنيفة في مدينة الضالع جنوب اليمن.", "الضالع", "Aḑ Ḑāli‘"),
    ("وانفجر لغم في محيط بلدة صرين بريف حلب الشرقي.", "صرين", "Şirrīn ash Shamālīyah"),
]

#: (text, surface) that stay no place
NOT_PLACES = [
    ("وقال الوزير إن بلاده ستعالج مشاكلها مع سوريا عبر الحوار.", "سوريا"),
    ("ومن جهة روسيا فإن الموقف لم يتغير منذ بداية الأزمة.", "روسيا"),
    ("وهذا يفيد الحكومة من جهة كسب بعض الوقت قبل المفاوضات.", "كسب"),
    ("وقالت مصادر في دمشق إن الأهالي عادوا إلى كسب بعد الهدنة.", "كسب"),
    ("وقال إنه رأى الناس من حولي يبكون في الساحة.", "حولي"),
    ("ويعيش اللاجئون في مآو غير مناسبة منذ سنوات.", "مآو"),
    ("وتفوض المبادرة ثلاثة أشخاص باتخاذ القرار نيابة عن فصيله في المغرب.", "صيله"),
    ("وتحدث مصدر في دير الزور عن سيطرة التنظيم على الشامية قبل عام.", "الشامية"),
    ("وأضاف أن التحالف القائم مع الحكومة قوي.", "القائم"),
]


@pytest.mark.parametrize(("text", "surface", "name"), PLACES)
def test_the_place_is_pinned(place_mentions, text, surface, name):
    found = {(s, n) for s, _, n in place_mentions(text)} | {
        (s, e) for s, e, _ in place_mentions(text)}
    assert (surface, name) in found, place_mentions(text)


@pytest.mark.parametrize(("text", "surface"), NOT_PLACES)
def test_the_word_stays_no_place(place_mentions, text, surface):
    assert surface not in {s for s, _, _ in place_mentions(text)}
