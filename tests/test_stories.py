"""Pages that run other whole stories after the article (riwaya/pipeline/stories.py), through
the cleaner as the build runs it. The pages are written for the test."""

from __future__ import annotations

import pytest

from riwaya.pipeline.clean import clean_text
from riwaya.pipeline.stories import REASON, StorySplitter, is_date_line, listing_from
from tests.story_lines import ARTICLE

AGENCIES = ("رويترز", "وكالات", "سانا", "أ ف ب")

OTHER_VERSION = [
    "وأكد ناشطون أن القصف المدفعي استهدف الأحياء السكنية في مدينة أخرى على الضفة الشرقية للنهر منذ الصباح الباكر .",
    "وقالت الهيئة الإغاثية إن قوافل المساعدات توقفت عن الوصول إلى المخيمات في الشمال بسبب المعارك الأخيرة .",
]
HEADER = "( وكالات - العرب اليوم : الجيش يتقدم في ريف دير الزور"
RETOLD = ("وأكد ناشطون أن القصف المدفعي استهدف الأحياء السكنية في مدينة أخرى على الضفة الشرقية "
          "للنهر منذ الصباح الباكر وأضافوا أن عشرات المدنيين سقطوا .")


def kept_and_split(lines: list[str]) -> tuple[list[str], list[str]]:
    cleaned = clean_text("\n".join(lines), agencies=AGENCIES)
    return cleaned.text.split("\n"), [r["text"] for r in cleaned.removed if r["reason"] == REASON]


def test_a_story_header_after_the_article_starts_another_story():
    kept, other = kept_and_split(ARTICLE + [HEADER, RETOLD[:90] + " ."])
    assert kept == ARTICLE and other == [HEADER, RETOLD[:90] + " ."]


def test_a_retelling_moves_the_split_back_to_the_lines_it_repeats():
    kept, other = kept_and_split(ARTICLE + OTHER_VERSION + [HEADER, RETOLD])
    assert kept == ARTICLE
    assert other == OTHER_VERSION + [HEADER, RETOLD]


def test_a_date_line_after_the_article_starts_the_next_story_at_its_headline():
    headline = "الطيران يقصف مواقع في البادية"
    page = ARTICLE + [headline, "الأحد 19 تشرين الثاني 2017", OTHER_VERSION[0]]
    kept, other = kept_and_split(page)
    assert kept == ARTICLE and other == page[len(ARTICLE):]


def test_a_headline_over_a_lead_starts_another_story():
    headline = "الطيران الحربي يقصف مواقع التنظيم في البادية"
    lead = "قصف الطيران الحربي مواقع التنظيم في البادية الشرقية صباح اليوم , بحسب مصادر محلية ."
    kept, other = kept_and_split(ARTICLE + [headline, lead])
    assert kept == ARTICLE and other == [headline, lead]


@pytest.mark.parametrize("crosshead, paragraph", [
    ("ردود الفعل", "قالت مصادر محلية إن الأهالي عادوا إلى منازلهم ."),           # too short
    ("الطيران الحربي يقصف مواقع التنظيم في البادية",
     "وقال مصدر إن القصف استمر ساعات ."),                                       # continues
    ("الطيران الحربي يقصف مواقع التنظيم في البادية",                            # no punctuation
     "قصف الطيران الحربي مواقع التنظيم في البادية الشرقية صباح اليوم بحسب مصادر محلية كثيرة"),
])
def test_a_crosshead_stays_in_the_article(crosshead, paragraph):
    assert kept_and_split(ARTICLE + [crosshead, paragraph])[1] == []


def test_a_timeline_s_dates_stay_in_the_article():
    page = ARTICLE + ["الأحد 19 تشرين الثاني 2017", OTHER_VERSION[0],
                      "الاثنين 20 تشرين الثاني 2017", OTHER_VERSION[1]]
    assert kept_and_split(page)[1] == []


def test_a_short_page_before_a_date_line_keeps_its_story():
    # too few words before the date line for an article: the page's own date, not a new story
    page = ARTICLE[:1] + ["قصير .", "قصير .", "قصير .", "عنوان قصير", "الأحد 19 تشرين الثاني 2017"] \
        + ARTICLE[1:]
    assert kept_and_split(page)[1] == []


@pytest.mark.parametrize("line, date", [
    ("الأحد 19 تشرين الثاني 2017", True),
    ("18 نوفمبر 2017 - 10:30", True),
    ("2017/11/18", True),
    ("نشر في 18 نوفمبر 2017", True),
    ("وقال المسؤول في 18 نوفمبر 2017 إن القوات تقدمت", False),
    ("القوات تتقدم في البادية", False),
    ("الجمعة - 25 صفر 1439 هـ - 10 نوفمبر 2017 مـ", True),     # a Hijri date beside the Gregorian
    ("الخميس 1 ربيع الأول 1439 هـ", True),
    ("قتل 25 مدنيا في رمضان 2017 في حلب وإدلب والرقة", False),
])
def test_what_a_date_line_is(line, date):
    assert is_date_line(line) is date


def test_the_lead_is_never_another_story():
    # a header among the first lines is the article's own dateline, and a retelling of the lead
    # does not move the split into it
    page = [ARTICLE[0], "دمشق - سانا : " + ARTICLE[1]] + ARTICLE[2:] + [HEADER, ARTICLE[2]]
    kept, other = kept_and_split(page)
    assert kept == page[:len(ARTICLE)]
    assert other == [HEADER, ARTICLE[2]]


LEAD = " أعلنت وزارة الدفاع أن قواتها سيطرت على مواقع جديدة في ريف المحافظة الشرقية ."


@pytest.mark.parametrize("line, header", [
    ("( وكالات - العرب اليوم : الأكراد يطردون التنظيم من الريف" + LEAD, True),
    ("دمشق - سانا :" + LEAD, True),
    ("رويترز -" + LEAD, True),
    ("بيروت ( أ ف ب ) -" + LEAD, True),
    ("وقالت وكالة رويترز إن" + LEAD, False),
    ("ونقلت الوكالات عن مسؤولين قولهم إن" + LEAD, False),
    ("وكالات الإغاثة الدولية :" + LEAD, False),         # relief agencies
    ("صورة أرشيفية ( رويترز )", False),                   # a photo's credit
    ("( رويترز )", False),
])
def test_what_a_header_is(line, header):
    assert StorySplitter.build(AGENCIES).is_header(line) is header


def test_without_agencies_nothing_is_split():
    page = ARTICLE + [HEADER, RETOLD]
    assert clean_text("\n".join(page)).text.split("\n") == page


def test_bad_lines_say_what_was_expected():
    with pytest.raises(TypeError, match="list of str"):
        StorySplitter.build(AGENCIES).other_stories("not lines", [])


def test_in_a_build_the_other_story_counts_for_nothing(tmp_path):
    """The build passes the codebook's agencies: the other story's places and statements are
    not the article's, and the dropped lines say why."""
    import json

    from conftest import SAMPLE_CODEBOOK
    from riwaya.pipeline.build import build_corpus
    from riwaya.pipeline.store import load_corpus

    other = ["( رويترز ) - أعلنت وزارة الدفاع الروسية أن الطيران استهدف مواقع في البوكمال .",
             "وقصفت الطائرات مواقع التنظيم قرب مدينة البوكمال على الحدود مع العراق ."]
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.txt").write_text("\n".join(ARTICLE + other) + "\n", encoding="utf-8")
    build_corpus(raw, SAMPLE_CODEBOOK, tmp_path / "out")
    corpus = load_corpus(tmp_path / "out")
    removed = json.loads(corpus.documents.removed.iloc[0])
    assert [r["text"] for r in removed if r["reason"] == REASON] == other
    places = set(corpus.mentions[corpus.mentions.kind == "place"].entity_id)
    assert "DEIR_EZZOR" in places and "ABU_KAMAL" not in places
    assert "البوكمال" not in corpus.documents.text.iloc[0]


@pytest.mark.parametrize("line, dateline", [
    ("بيروت -" + LEAD, True),
    ("موسكو , القدس المحتلة -" + LEAD, True),
    ("دير الزور –" + LEAD, True),
    ("مباحثات أمنية أميركية - إسرائيلية حول" + LEAD, False),   # three words: not a dateline
    ("الرؤية الروسية - التركية المشتركة" + LEAD, False),        # a nisba after the dash
    ("1 - " + LEAD, False),                                      # a numbered point
    ("بيروت -", False),                                          # no story after it
])
def test_what_a_dateline_is(line, dateline):
    assert StorySplitter.is_dateline(line) is dateline


def test_a_dateline_after_the_article_starts_another_story():
    other = "بيروت - قالت مصادر أمنية إن الجيش أوقف مجموعة مسلحة في الجرود الحدودية بعد اشتباك قصير ."
    kept, split = kept_and_split(ARTICLE + [other, OTHER_VERSION[1]])
    assert kept == ARTICLE and split == [other, OTHER_VERSION[1]]
    # in the lead it is the article's own dateline
    kept, split = kept_and_split([ARTICLE[0], other, *ARTICLE[1:]])
    assert split == [] and other in kept


TEASER = "قالت مصادر محلية إن القوات تقدمت في أحياء المدينة الشرقية تحت غطاء جوي كثيف ."


def test_a_listing_page_has_no_article():
    # a tag archive: headlines over date lines, one excerpt each, from the page's top
    items = [[f"عنوان خبر رقم {k} عن المعارك", f"الأحد {k} تشرين الثاني 2017", TEASER] for k in (1, 2, 3)]
    kept, other = kept_and_split([line for item in items for line in item])
    assert kept == [""] and len(other) == 9


@pytest.mark.parametrize("items, gap", [(2, 1), (3, 2)])
def test_an_article_is_not_a_listing(items, gap):
    # two dated items only, or items with two paragraphs each (complete short reports): the
    # first story stays the page's article
    page = []
    for k in range(items):
        page += [f"عنوان خبر رقم {k} عن المعارك", f"الأحد {k + 1} تشرين الثاني 2017"]
        page += [ARTICLE[1 + j] for j in range(gap)]
    assert listing_from(page, list(range(len(page)))) is None
    assert kept_and_split(page)[0][:1 + gap] == [page[0]] + page[2:2 + gap]


def test_a_headline_ending_with_a_quoted_name_over_a_date_line():
    page = ARTICLE[:4] + ["موسكو تتهم التحالف بحماية «داعش»", "الجمعة - 25 صفر 1439 هـ - 10 نوفمبر 2017 مـ",
                          OTHER_VERSION[0]]
    kept, other = kept_and_split(page)
    assert kept == ARTICLE[:4] and other == page[4:]


def test_chrome_above_an_agency_lead_keeps_the_story():
    # two long lines of chrome left above the article: the agency's lead is the article's own
    chrome = ["مرحبا بكم في موقعنا الإخباري الذي يقدم لكم آخر الأخبار العاجلة والتقارير والتحليلات "
              "من كل أنحاء العالم على مدار الساعة مع فريق من المراسلين والمحررين"] * 2
    lead = "بيروت ( أ ف ب ) - " + ARTICLE[1]
    page = [chrome[0], chrome[1] + " المتخصصين", lead] + ARTICLE[2:]
    assert kept_and_split(page)[1] == []
