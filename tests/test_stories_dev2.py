"""Kinds of page furniture found on the dev2 tuning pages (riwaya/pipeline/stories.py,
furniture.py, boilerplate.jsonl, place_judge.py), through the cleaner as the build runs it.
The lines are written for the tests: each shows a class of page, not a page's words."""

from __future__ import annotations

import pytest

from riwaya.pipeline.clean import clean_text
from riwaya.pipeline.furniture import foreign_script, writes_ya_as_alef_maksura
from riwaya.pipeline.stories import REASON, StorySplitter, excerpt_listing
from tests.story_lines import ARTICLE, kept_lines

AGENCIES = ("رويترز", "وكالات", "سانا", "أ ف ب", "أ ب", "القدس العربي", "الحياة")
LEAD = "قال المتحدث باسم الحكومة إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة بحضور ممثلين عن الأطراف كلها ."


def split(lines: list[str]) -> tuple[list[str], list[str]]:
    cleaned = clean_text("\n".join(lines), agencies=AGENCIES)
    return cleaned.text.split("\n"), [r["text"] for r in cleaned.removed if r["reason"] == REASON]


@pytest.mark.parametrize("line, glued", [
    ("الحكومة تهدد باستهداف المسلحين في الشمال موسكو , بيروت - أ ف ب , رويترز " + LEAD, True),
    ("المعارضة تسقط طائرة للجيش قرب الحدود بيروت - رويترز " + LEAD, True),
    ("مجلس الأمن يؤكد معارضته للاستفتاء \" القدس العربي \" - ( وكالات ) : " + LEAD, True),
    ("أكراد البلاد يصوتون اليوم في الانتخابات لندن - \" الحياة \" " + LEAD, True),
    # told to an outlet ("ل - « رويترز »"), a sentence before the credit, a name's letters
    ("وقال المسؤول الكردي الكبير ل - \" رويترز \" إن الأحداث الأخيرة تظهر أن الحكومة تتراجع .", False),
    ("وقال المسؤول إن القوات تقدمت . دمشق - رويترز " + LEAD, False),
    ("11 - محمد السيد / ريف حلب / في الاشتباكات 12 - ابراهيم سعيد / ريف حلب / في الاشتباكات مع القوات", False),
    # a menu of writers' names, "/" between them, then a site and its credit: no headline
    ("سعاد حسن خالد عمر / منى سالم صوت الشارع / وكالات صوت الشارع - وكالات " + LEAD, False),
])
def test_what_a_headline_glued_to_a_dateline_is(line, glued):
    assert StorySplitter.build(AGENCIES).has_glued_dateline(line) is glued


def test_a_story_glued_to_its_dateline_starts_another_story():
    other = ["الحكومة تهدد باستهداف المسلحين في الشمال موسكو , بيروت - أ ف ب , رويترز " + LEAD,
             "وأضاف المتحدث أن الوفود ستصل إلى العاصمة تباعا خلال الأيام المقبلة لبدء الجولة الجديدة ."]
    kept, removed = split(ARTICLE + other)
    assert kept == ARTICLE and removed == other


def test_an_events_of_the_day_story_sharing_a_quote_cuts_at_its_own_headline():
    """Two stories of one event on a page of the day's events both quote the same statement:
    the split stays at the glued headline, not back at the article's line with the quote."""
    quote = ("وقال المتحدث العسكري في بيان إن القوات تعرضت مرتين لقصف كثيف من مدافع الهاون انطلاقا "
             "من الضفة الشرقية للنهر وإن الرد سيكون فوريا .")
    article = ARTICLE + [quote,
                         "وذكرت مصادر محلية أن الأهالي بدأوا العودة إلى منازلهم في الأحياء الشمالية بعد انتهاء المعارك .",
                         "وتعمل فرق الإغاثة على إيصال المساعدات الغذائية والطبية إلى العائلات العائدة في القرى المجاورة ."]
    other = ["الحكومة تهدد باستهداف المسلحين في الشمال موسكو , بيروت - أ ف ب , رويترز " + LEAD, quote]
    kept, removed = split(article + other)
    assert kept == article and removed == other


@pytest.mark.parametrize("line, header", [
    ("ونقلت ( رويترز ) عن المسؤول قوله إن الرسالة كانت تحذيرية للقيادة وإن الرد سيكون قاسيا .", False),
    ("وذكرت ( أ ف ب ) أن القوات الحكومية دخلت البلدة بعد معارك عنيفة استمرت عدة أيام متواصلة .", False),
    ("بيروت ( أ ف ب ) - قالت مصادر في المعارضة إن القوات الحكومية تقدمت نحو البلدة اليوم .", True),
])
def test_an_agency_a_sentence_quotes_heads_no_story(line, header):
    assert StorySplitter.build(AGENCIES).is_header(line) is header


def test_a_list_s_item_labels_are_not_datelines():
    items = [f"البلد - {name} : {text}" for name, text in zip(
        ("الشمالية", "الجنوبية", "الشرقية", "الغربية"),
        ("استعادت القوات المدينة في شهر آذار بعد عملية عسكرية واسعة .",
         "سيطر التنظيم على البلدة قبل عامين ثم طرد منها في الربيع الماضي .",
         "دخلت الفصائل المعارضة القرية بعد حصار دام أسابيع طويلة .",
         "أعلن الجيش تحرير المنطقة بالكامل بعد معارك مع المقاتلين المحليين ."))]
    kept, removed = split(ARTICLE[:3] + items + ARTICLE[3:])
    assert removed == [] and kept == ARTICLE[:3] + items + ARTICLE[3:]


@pytest.mark.parametrize("first, marks, listing", [(0, 3, True), (2, 4, True), (3, 3, False),
                                                   (0, 2, False)])
def test_excerpt_marks_make_a_listing(first, marks, listing):
    page = [ARTICLE[1]] * first + [f"{ARTICLE[k % 5 + 1]} [ . . . ] {ARTICLE[2]}" for k in range(marks)]
    assert (excerpt_listing(page, list(range(len(page)))) == 0) is listing


def test_teasers_cut_before_the_next_one_s_dateline_make_a_listing():
    page = [f"{ARTICLE[k]} . . . بيروت - وكالات {ARTICLE[k + 1]}" for k in range(1, 5)]
    assert excerpt_listing(page, list(range(len(page)))) == 0
    # an ellipsis inside a quote is no cut
    page = [f"وقال المتحدث إن الأمر . . . لن يتكرر وأضاف أن القوات ستواصل تقدمها {k} ." for k in range(4)]
    assert excerpt_listing(page, list(range(len(page)))) is None


def test_a_listing_of_excerpts_has_no_article():
    page = ["أرشيف التنظيم - الموقع"] + [f"{ARTICLE[k]} [ . . . ] {ARTICLE[k + 1]}" for k in range(1, 5)]
    kept, removed = split(page)
    assert kept == [""] and len(removed) == len(page)


PERSIAN = "محتواى سىبر كمى بهترىن بىام وجود دارد هىج نوشته"
YA_AS_MAKSURA = "لكم فيما ىلي نص حوار مع هذه الشخصىة العراقىة الثورىة : كىف تقىمون مسار عملىات تحرىر الموصل ?"


@pytest.mark.parametrize("line, habitual, foreign", [
    (PERSIAN, False, True), (PERSIAN, True, True),
    (YA_AS_MAKSURA, True, False), (YA_AS_MAKSURA, False, True),
])
def test_arabic_typed_with_alef_maksura_is_arabic_where_the_page_types_so(line, habitual, foreign):
    assert foreign_script(line, habitual) is foreign


def test_a_page_typing_alef_maksura_keeps_those_lines():
    lines = [ARTICLE[1], YA_AS_MAKSURA, "وقال ىعني إن القوات تقدمت .", "وأضاف أن الحشد سىشارك .", ARTICLE[2]]
    assert writes_ya_as_alef_maksura(lines)
    assert YA_AS_MAKSURA in clean_text("\n".join(lines), agencies=AGENCIES).text


@pytest.mark.parametrize("note", [
    "شكرا لمتابعتكم خبر عن غارات عنيفة على المدينة في موقع الأخبار ونحيطكم علما بان محتوى "
    "هذا الخبر تم كتابته بواسطة محرري الموقع ولا يعبر اطلاقا عن وجهة نظر الموقع",
    "{ * # resendVerificationForm * } { * signInEmailAddress * } تم إرسال رسالة تأكيد على بريدك",
])
def test_an_aggregator_s_note_and_a_site_s_form_are_boilerplate(note, sample_codebook):
    kept = kept_lines(ARTICLE + [note], sample_codebook, AGENCIES)
    assert note not in "\n".join(kept) and kept == ARTICLE


@pytest.fixture(scope="module")
def places(sample_codebook, sample_gazetteer):
    from riwaya.pipeline.mentions import EntityIndex, find_mentions
    from riwaya.text.matcher import NormText
    index = EntityIndex.build(sample_codebook, sample_gazetteer)
    return lambda text: [m.entity_id for m in find_mentions(NormText.of(text), index)
                         if m.kind == "place"]


@pytest.mark.parametrize("text, absent, present", [
    # a codebook place as an agency's dateline is metadata; the same place in the text counts
    ("عنوان الخبر في سطر واحد دمشق ( وكالات ) أعلنت القوات تحرير مدينة الرقة .", "DAMASCUS", "RAQQA"),
    ("وقال المتحدث إن الاجتماع عقد في دمشق أمس .", None, "DAMASCUS"),
    # a country below an aircraft's route, and the one listed after it, are places
    ("وحلقت القاذفات فوق إيران والعراق لتنفيذ الضربة .", None, "CC:IR"),
    ("وحلقت القاذفات فوق إيران والعراق لتنفيذ الضربة .", None, "CC:IQ"),
])
def test_datelines_and_routes(text, absent, present, places):
    found = places(text)
    assert present in found and (absent is None or absent not in found)


TEASER = "كاتب معروف : الحكومة ألقت حجرا كبيرا في بحيرة السياسة وعلى الرئيس أن يثبت أنه لا يتراجع !"
OTHER = "مجلة أجنبية : الصواريخ الجديدة أخطر مما يعتقده العالم وكيف نفهم الحرب المقبلة في المنطقة ؟"


@pytest.mark.parametrize("page, widget", [
    # a slider's teaser printed on every slide after the article: it, the teasers between its
    # copies and what follows to the page's end
    (ARTICLE + [TEASER, OTHER, TEASER, TEASER, "عنوان قصير آخر ."], [6, 7, 8, 9, 10]),
    # a prompt printed three times around the headline, before the article: its copies only
    ([ARTICLE[0], TEASER, OTHER, TEASER] + ARTICLE[1:] + [TEASER], None),
    # a scraper's copies of the body repeat runs of lines: not a widget
    (ARTICLE + ARTICLE[1:3] + ARTICLE[1:3], []),
    # a sentence of the article printed three times (a map's note): not a widget
    (ARTICLE[:4] + ["أنظر الخريطة المرفقة لمزيد من المعلومات عن المواقع ."] * 3 + ARTICLE[4:], []),
])
def test_a_widget_s_items(page, widget):
    from riwaya.pipeline.maintext import widget_items
    found = widget_items(page, list(range(len(page))))
    if widget is None:                      # never the article's paragraphs
        assert not set(found) & {i for i, line in enumerate(page) if line in ARTICLE[1:]}
    else:
        assert found == widget
