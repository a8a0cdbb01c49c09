import pytest

from riwaya.text.segment import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("قال ديلون ذلك. وأضاف أمرا آخر.", ["قال ديلون ذلك.", "وأضاف أمرا آخر."]),
    ("هل هذا صحيح؟ نعم", ["هل هذا صحيح؟", "نعم"]),
    ("أولا؛ ثانيا", ["أولا؛", "ثانيا"]),
    ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
    ("قال إن “هذا. وذاك” انتهى.", ["قال إن “هذا. وذاك” انتهى."]),
    ("قال إن «أ. ب» ثم.", ["قال إن «أ. ب» ثم."]),
    ('قال إن "أ. ب" ثم.', ['قال إن "أ. ب" ثم.']),
    ("بلغ 3.5 مليون. ثم", ["بلغ 3.5 مليون.", "ثم"]),
    ("بالصور.. عسكريون أمريكيون", ["بالصور.. عسكريون أمريكيون"]),
    ("قال د. أمين كلاما.", ["قال د. أمين كلاما."]),
    ("لا تفصل، عند الفاصلة", ["لا تفصل، عند الفاصلة"]),
])
def test_split(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_index_the_text():
    text = "  أول جملة.  ثانية؟\nثالثة"
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
    assert [s.sentence_id for s in split_sentences(text)] == [0, 1, 2]


def test_unclosed_quote_does_not_swallow_the_line_break():
    text = "قال “هذا غير مغلق.\nجملة أخرى."
    assert [s.text for s in split_sentences(text)] == ["قال “هذا غير مغلق.", "جملة أخرى."]
