"""One sense per article: a gazetteer name that the article reads as a common word somewhere,
by its agreement (a masculine nisba right after it: الحراك الشعبي، الباب الخامس), is a place
elsewhere in that article only with more than في/من or a clitic (used by
:class:`riwaya.pipeline.place_judge.Judge`).

The agreement says so only when the adjective can belong to the name itself:

- not inside a set phrase (``idioms``: القدس العربي, a newspaper);
- not after a country: a country's name is masculine as often as not, and its own adjective
  is no common word (العراق الفيدرالي، الأردن الرسمي، مطار الكويت الدولي; the region that shares
  a country's name is a set phrase, ``idioms``: المغرب العربي);
- not when the word right before the name can be the noun the name completes (a construct,
  إضافة), whose adjective then comes after the name: ريف اللاذقية الشمالي، مطار الطبقة العسكري،
  طريق القيارة الرئيسي، بنظام الدوحة الحالي. That word has no article, is no particle or
  preposition, and is not feminine or a sound plural (ة، ات، ون، ين), which would not take a
  masculine singular adjective: "في الحراك الثوري" and "قادة الحراك الثوري" still read الحراك
  as a word.

The agreement tests themselves live here too: :func:`nisba_after` (a masculine nisba right after
a one-word definite name) and :func:`adjective_of_noun` (the name right after a definite noun,
so its adjective), which the judge also reads where a name has no other evidence.
"""

from __future__ import annotations

from typing import Callable, Iterable

from riwaya.pipeline.place_evidence import FEMININE_ELATIVES, _definite_one_word, _is_nisba, bare
from riwaya.text.clitics import ARTICLE
from riwaya.text.matcher import Match, NormText
from riwaya.text.normalize import normalize_form

#: words before a name that are never the noun of a construct: particles, prepositions,
#: adverbs and demonstratives (هذا الحراك الشعبي; normalised: أ/إ written ا, ى written ي)
PARTICLES = frozenset((
    "في", "من", "الي", "علي", "عن", "عند", "حول", "بين", "حتي", "لدي", "مع", "ضد", "عبر", "نحو",
    "منذ", "بعد", "قبل", "دون", "ان", "لان", "لكن", "كان", "قد", "لا", "ما", "لم", "لن", "او",
    "ثم", "بل", "هل", "اذا", "كما", "اما", "الا", "اي", "كل", "هو", "هي", "هذا", "ذلك", "هذه", "تلك"))
#: endings of a word that does not take a masculine singular adjective (ة is normalised to ه;
#: a pronoun ه makes the noun definite, so no construct either)
NOT_MASCULINE = ("ه", "ات", "ون", "ين")


def construct_head(text: NormText, m: Match) -> bool:
    """The word right before ``m`` may be the indefinite noun whose construct ``m`` completes
    (ريف اللاذقية، بنظام الدوحة), so an adjective after ``m`` may agree with it instead."""
    if m.first == 0:
        return False
    before = text.tokens[m.first - 1]
    if text.original[before.end:m.start].strip():
        return False                                     # punctuation between
    forms = bare(before.norm)
    word = forms[-1]
    return len(word) >= 2 and word.isalpha() and not word.startswith(ARTICLE) \
        and not any(f in PARTICLES for f in forms) and not word.endswith(NOT_MASCULINE)


def nisba_after(text: NormText, m: Match) -> bool:
    """A one-word definite name with a masculine nisba right after it, so a common noun
    (الحراك الثوري، الباب الكردي، الراعي الرئيسي): a town is feminine (الرقة السورية، القاهرة
    الكبرى)."""
    toks = text.tokens
    if not _definite_one_word(text, m) or m.last >= len(toks):
        return False
    after = toks[m.last].norm
    return _is_nisba(after) and not after.endswith("يه") and after not in FEMININE_ELATIVES \
        and text.original[m.end:toks[m.last].start].strip() == ""


def adjective_of_noun(text: NormText, m: Match) -> bool:
    """A one-word definite name right after a definite noun, so its adjective (القارة الزرقاء);
    not after a nisba, itself an adjective (الطريق الدولي العريش)."""
    if not _definite_one_word(text, m) or m.first == 0:
        return False
    before = text.tokens[m.first - 1]
    if not text.tokens[m.first].norm.startswith(ARTICLE):
        return False                                     # والخليل: a list, not an adjective
    return text.original[before.end:m.start].strip() == "" and not _is_nisba(before.norm) and any(
        b.startswith(ARTICLE) and len(b) > 3 for b in bare(before.norm))   # الطريق الدولي العريش


def common_names(text: NormText, places: Iterable[Match], is_codebook: Callable[[Match], bool],
                 in_idiom: Callable[[Match], bool]) -> set[tuple[str, ...]]:
    """The names (their pattern's tokens) the article reads as a common word somewhere by
    their agreement (see the module); not inside a set phrase, which has its own reading (the
    newspaper القدس العربي says nothing of القدس elsewhere)."""
    return {m.pattern.tokens for m in places
            if not is_codebook(m) and not m.entity_id.startswith("CC:")
            and nisba_after(text, m) and not construct_head(text, m) and not in_idiom(m)}


def nisba_shaped(name: str | None) -> bool:
    """A one-word definite name shaped like a nisba adjective (الشامية، العامرية، الحميدية):
    the article may mean the adjective or a region of that name (الشامية: the Euphrates' west
    bank at Deir ez-Zor), so a far town of that name needs more than في/من."""
    form = normalize_form(name or "")
    return " " not in form and form.startswith(ARTICLE) and form.endswith(("يه", "ي")) \
        and len(form) >= 6
