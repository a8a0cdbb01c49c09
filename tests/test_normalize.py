import re

import pytest

from riwaya.text.normalize import (
    IGNORED_MARKS, normalize_form, normalize_letters, normalize_with_map, original_span,
    strip_diacritics, strip_tatweel, unify_alef, unify_alef_maksura, unify_teh_marbuta)


@pytest.mark.parametrize("func, text, expected", [
    (unify_alef, "أإآٱ", "اااا"),
    (unify_alef_maksura, "مصطفى", "مصطفي"),
    (unify_teh_marbuta, "الفلوجة", "الفلوجه"),
    (strip_diacritics, "وَزارَةُ", "وزاره"[:-1] + "ة"),
    (strip_tatweel, "الـــرقة", "الرقة"),
])
def test_each_step(func, text, expected):
    assert func(text) == expected


@pytest.mark.parametrize("a, b", [
    ("الفلوجة", "الفلوجه"),
    ("الأمريكيّة", "الامريكيه"),
    ("وزارةُ الدفاعِ", "وزاره الدفاع"),
    ("ﻻ", "لا"),                      # presentation form
    ("BBC", "bbc"),
    ("  الرقة \u200f ", "الرقه"),     # bidi mark and spaces
])
def test_normalize_form_equates_variants(a, b):
    assert normalize_form(a) == normalize_form(b)


@pytest.mark.parametrize("text, expected", [
    (r"^(?:إقرأ|اقرأ)\s+أيضاً", r"^(?:اقرا|اقرا)\s+ايضا"),     # a rule's regex: escapes survive
    ("الـرقّة BBC  ", "الرقه BBC  "),                             # no case folding, spaces kept
])
def test_normalize_letters_is_the_letter_steps_only(text, expected):
    assert normalize_letters(text) == expected
    assert normalize_form(normalize_letters(text)) == normalize_form(text)


def test_ignored_marks_are_what_the_steps_remove():
    marks = re.compile(f"[{IGNORED_MARKS}]")
    text = "وَزارَةُ الـــدفاعِ"
    assert marks.sub("", text) == strip_tatweel(strip_diacritics(text))


@pytest.mark.parametrize("func", [normalize_form, normalize_letters, unify_alef, strip_diacritics])
def test_type_check_message(func):
    with pytest.raises(TypeError, match="Expected str, got bytes instead"):
        func("الرقة".encode())


@pytest.mark.parametrize("text, needle, original", [
    ("وزارةُ الدفاعِ الأمريكيّة", "الامريكيه", "الأمريكيّة"),
    ("ﻻ إيزيس", "ايزيس", "إيزيس"),
    ("الـــرقة اليوم", "الرقه", "الـــرقة"),
])
def test_offsets_map_back_to_original(text, needle, original):
    norm, index = normalize_with_map(text)
    assert len(index) == len(norm) + 1
    i = norm.find(needle)
    s, e = original_span(index, i, i + len(needle))
    assert text[s:e] == original


@pytest.mark.parametrize("text", ["ﻻ ﷼ ﷽ ﺍﻟﺮﻗﺔ", "Ａ１ ﬁ ½", "e\u0301 \u0627\u0653", "plain", ""])
def test_unicode_form_is_camel_tools_normalize_unicode(text):
    """unicode_form does what camel-tools' normalize_unicode does, fast on long text (issue 9)."""
    from camel_tools.utils.normalize import _UNICODE_CHAR_FIX, normalize_unicode

    from riwaya.text.normalize import _LIGATURES, unicode_form
    assert dict(_LIGATURES) == {k: v for k, v in _UNICODE_CHAR_FIX._charmap.items()}
    assert unicode_form(text) == normalize_unicode(text)


def test_arabic_ratio_counts_letters_only():
    from riwaya.text.normalize import arabic_ratio
    assert arabic_ratio("") == 0.0 and arabic_ratio("123 !?") == 0.0
    assert arabic_ratio("بيروت abc 12") == 5 / 8
    assert arabic_ratio("\u0640ـا") == 1.0  # tatweel is a letter (Lm)



def _every_character() -> list[str]:
    return [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and chr(c) != "\n"]


@pytest.mark.parametrize("combined, steps", [
    ("letter_steps", "_LETTER_STEPS"),
    ("format_letter_steps", "strip_format_chars+_LETTER_STEPS"),
])
def test_combined_steps_are_the_steps_on_every_character(combined, steps):
    """normalize_letters and normalize_form run their character steps combined (CharSteps): on
    every character of Unicode (one a line, so each is compared alone) they give what the steps
    give one after the other."""
    import riwaya.text.normalize as norm

    funcs = [norm.strip_format_chars] if steps.startswith("strip") else []
    funcs += list(norm._LETTER_STEPS)
    text = "\n".join(_every_character())
    expected = text
    for step in funcs:
        expected = step(expected)
    assert getattr(norm, combined)(text).split("\n") == expected.split("\n")


@pytest.mark.parametrize("text", ["أُكِّدَ ــ الإتفاق\u200b على الرقّة", "ΟΔΟΣ Σ BBC إلى", "\ufdfc ﻻ  \n ة"])
def test_normalize_form_is_every_step_in_order(text):
    import riwaya.text.normalize as norm

    out = text
    for step in norm._STEPS:
        out = step(out)
    assert norm.normalize_form(text) == " ".join(out.split())


def _with_map_char_by_char(text):
    """normalize_with_map spelled out: each character's normal form, each piece mapped to it."""
    from riwaya.text.normalize import _normalize_char
    norm, index = [], []
    for i, char in enumerate(text):
        for piece in _normalize_char(char):
            norm.append(piece)
            index.append(i)
    return "".join(norm), index + [len(text)]


@pytest.mark.parametrize("text, norm, index", [
    ("a…ـب", "a...ب", [0, 1, 1, 1, 3, 4]),              # grows and drops: runs between them
    ("ﻻ", "لا", [0, 0, 1]),                                # a ligature grows
    ("قالَ", "قال", [0, 1, 2, 4]),                          # a mark dropped
    ("", "", [0]),
])
def test_normalize_with_map_of_growing_and_dropped_characters(text, norm, index):
    assert normalize_with_map(text) == (norm, index)


@pytest.mark.parametrize("text", [
    "وقال … المتحدث ـــ «إن» ﷽ الرقّة… ﻻ\u200b",
    "…" * 5 + "a" + "ـ" * 3, "[]\\^-…", "plain ascii", "ﷺ ① ﬁ ½ \u0301e",
])
def test_normalize_with_map_is_the_character_by_character_map(text):
    """The map made of runs (fast on a 2 MB article) is the one of each character in turn."""
    assert normalize_with_map(text) == _with_map_char_by_char(text)
