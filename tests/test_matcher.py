import pytest

from riwaya.text.matcher import Matcher, NormText, resolve_overlaps


def matcher():
    m = Matcher()
    for form, eid, kind in [
        ("التحالف الدولي", "COALITION", "actor"), ("التحالف", "COALITION", "actor"),
        ("قوات سوريا الديمقراطية", "SDF", "actor"), ("سوريا", "CC:SY", "place"),
        ("البو كمال", "ABU_KAMAL", "place"), ("الفلوجة", "FALLUJAH", "place"),
        ("محطة البي بي سي", "BBC", "actor"), ("الرقة", "RAQQA", "place"),
    ]:
        m.add(form, eid, kind, priority=1 if kind == "place" else 0)
    m.add("حرر*", "LIBERATE", "cue")
    return m


def found(text):
    t = NormText.of(text)
    return [(x.entity_id, text[x.start:x.end]) for x in resolve_overlaps(matcher().find(t))]


@pytest.mark.parametrize("text, expected", [
    ("التحالف الدولي", [("COALITION", "التحالف الدولي")]),
    ("وللتحالف الدولي", [("COALITION", "للتحالف الدولي")]),          # و + ل + ال
    ("فالتحالف", [("COALITION", "التحالف")]),
    ("بالرقة", [("RAQQA", "الرقة")]),
    ("والرقه", [("RAQQA", "الرقه")]),                                # teh marbuta
    ("الفلوجه", [("FALLUJAH", "الفلوجه")]),
    ("البوكمال", [("ABU_KAMAL", "البوكمال")]),                       # no space
    ("البو كمال", [("ABU_KAMAL", "البو كمال")]),
    ("قوات سوريا الديموقراطية", [("SDF", "قوات سوريا الديموقراطية")]),  # long-vowel variant
    ("في سوريا", [("CC:SY", "سوريا")]),
    ("محطة الـ “بي بي سي”", [("BBC", "محطة الـ “بي بي سي")]),       # detached article
    ("حررت", [("LIBERATE", "حررت")]),                                 # prefix pattern
    ("التحالفات", []),                                                 # no suffixes
    ("سورياليه", []),
])
def test_matches(text, expected):
    assert found(text) == expected


def test_place_inside_organisation_name_is_not_a_place():
    assert found("وقوات سوريا الديمقراطية في سوريا") == [
        ("SDF", "قوات سوريا الديمقراطية"), ("CC:SY", "سوريا")]


def test_clitic_free_patterns_do_not_take_clitics():
    m = Matcher()
    m.add("قيل", "PASSIVE", "cue", clitics=False)
    assert [x.entity_id for x in m.find(NormText.of("قيل"))] == ["PASSIVE"]
    assert m.find(NormText.of("بقيل")) == []


@pytest.mark.parametrize("text, tokens", [
    ("محطة الـ بي بي سي", [("محطه", "محطة"), ("البي", "الـ بي"), ("بي", "بي"), ("سي", "سي")]),
    ("الـ الـ سي", [("الال", "الـ ال"), ("سي", "سي")]),        # the next word, even an article
    ("قال الـ، بي", [("قال", "قال"), ("ال", "ال"), ("بي", "بي")]),   # not across a comma
    ("الـ     بي", [("ال", "ال"), ("بي", "بي")]),                  # nor over 3 characters
    ("بي الـ", [("بي", "بي"), ("ال", "ال")]),                      # an article ending the text
    ("الـ-بي ال-سي الـ بي", [("ال-بي", "الـ-بي"), ("ال-سي", "ال-سي"), ("البي", "الـ بي")]),
])
def test_detached_article_joins_the_next_word(text, tokens):
    """(normalised token, its words in the original text)."""
    t = NormText.of(text)
    assert [(tok.norm, text[tok.start:tok.end]) for tok in t.tokens] == tokens


@pytest.mark.parametrize("offset", [-1, 0, 1, 4, 5, 9, 10, 11, 100])
def test_token_at_or_after_is_the_first_token_starting_there(offset):
    t = NormText.of("قال إن الرقة حرة")
    expected = next((i for i, tok in enumerate(t.tokens) if tok.start >= offset), len(t.tokens))
    assert t.token_at_or_after(offset) == expected
