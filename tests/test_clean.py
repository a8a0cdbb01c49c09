import pytest

from riwaya.pipeline.clean import clean_text

BODY = "وقالت وزارة الدفاع الروسية أمس الثلاثاء، إن موظفا أرفق صوراً خاطئة بتقرير."
BODY2 = "وأكد ناشطون على مواقع التواصل الاجتماعي أن التقرير الروسي احتوى على مقاطع من لعبة فيديو."


@pytest.fixture(scope="module")
def clean(sample_codebook):
    """clean_text with the sample codebook's rules."""
    return lambda text: clean_text(text, boilerplate=sample_codebook.boilerplate,
                                   sources=sample_codebook.sources)


@pytest.mark.parametrize("junk, reason", [
    ("إقرأ أيضاً: موسكو تعتزم عقد مؤتمر سوتشي", "read-also link"),
    ("اقرأ ايضا: خبر آخر عن روسيا", "read-also link"),
    ("قد يهمك: فرنسا تدعو روسيا لوقف الهجمات في سوريا", "teaser"),
    ("الشريط الإخباري", "ticker"),
    ("ترجمة: فريق الاولى نيوز", "credit"),
    ("إعداد وتقديم: عماد الطفيلي", "credit"),
    ("جميع الحقوق محفوظة © 2017", "footer"),
    ("التعليقات المنشورة لا تعبر عن رأي الموقع", "comment policy"),
    ("الرئيسية | سياسة | اقتصاد | رياضة", "site menu"),
])
def test_boilerplate_lines_are_removed(junk, reason, clean):
    out = clean(f"{BODY}\n{junk}\n{BODY2}")
    assert junk not in out.text
    assert BODY in out.text and BODY2 in out.text
    assert {"text": junk, "reason": reason} in out.removed


def test_related_stories_drop_the_rest(clean):
    out = clean(f"{BODY}\nانظر ايضاً\nالدفاع الروسية: إسقاط أكثر من 100 مسيرة\nموسكو-سانا أعلنت وزارة")
    assert out.text == BODY
    assert all(r["reason"] == "related stories" for r in out.removed)


def test_repeated_body_is_collapsed(clean):
    out = clean(f"{BODY}\n{BODY2}\n{BODY}\n{BODY2}")
    assert out.text == f"{BODY}\n{BODY2}"
    assert [r["reason"] for r in out.removed] == ["repeated paragraph"] * 2


def test_menu_run_of_short_lines(clean):
    out = clean(f"الرئيسية\nأخبار\nسياسة\nرياضة\n{BODY}")
    assert out.text == BODY


@pytest.mark.parametrize("text, source, basis", [
    (f"موسكو-سانا\n{BODY}", "سانا", "dateline"),
    (f"{BODY}\nالمصدر: نيوزويك", "نيوزويك", "source line"),
    (BODY, None, None),
])
def test_source_detection(text, source, basis, clean):
    out = clean(text)
    assert (out.source, out.source_basis) == (source, basis)
    assert out.text == BODY


def test_headline_detected_and_kept(clean):
    head = "بالصور.. عسكريون أمريكيون يشعرون بالأمان في دير الزور"
    out = clean(f"{head}\n{BODY}")
    assert out.title == head
    assert out.text.startswith(head)


def test_kept_text_is_verbatim_lines(clean):
    raw = f"  {BODY}  \n\n{BODY2}\n"
    out = clean(raw)
    for line in out.text.split("\n"):
        assert line in raw
