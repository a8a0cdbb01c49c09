"""Arabic normalisation for matching, one tiny function per step (camel_tools style).

Matching runs on a normalised *shadow* of the text; :func:`normalize_with_map`
returns it with an index map so every match maps back to the original
characters (quotes and highlights always show the text as written).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

TATWEEL = "\u0640"
#: the ligatures camel-tools' normalize_unicode spells out before NFKC (tests/test_normalize.py
#: checks they are still its only fixes)
_LIGATURES = (("\ufdfc", "ريال"), ("\ufdfd", "بسم الله الرحمن الرحيم"))
_FORMAT_CHARS = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
#: camel-tools' ``AR_DIAC_CHARSET``, the marks its ``dediac_ar`` removes, spelled out: importing
#: ``camel_tools.utils.charsets`` classifies all of Unicode (0.5-0.75 s of every build's start).
#: tests/test_build_startup.py checks they are still camel-tools' own.
AR_DIAC_CHARSET = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")
_DIACRITICS = re.compile("[" + re.escape("".join(sorted(AR_DIAC_CHARSET))) + "]")


def _check_str(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"Expected str, got {type(text).__name__} instead")
    return text


def unicode_form(text: str) -> str:
    """NFKC plus camel-tools' fixes: presentation forms become plain letters.

    What camel-tools' ``normalize_unicode`` does (its two ligature fixes, then NFKC), with the
    fixes as ``str.replace``: camel-tools maps character by character in Python, which made a
    long article's normalisation take seconds."""
    out = _check_str(text)
    for ligature, words in _LIGATURES:
        if ligature in out:
            out = out.replace(ligature, words)
    return unicodedata.normalize("NFKC", out)


def strip_diacritics(text: str) -> str:
    """Remove harakat, shadda, sukun and dagger alef."""
    return _DIACRITICS.sub("", _check_str(text))


def strip_tatweel(text: str) -> str:
    """Remove the kashida (tatweel) used to stretch words."""
    return _check_str(text).replace(TATWEEL, "")


def strip_format_chars(text: str) -> str:
    """Remove zero-width and bidi control characters."""
    return _FORMAT_CHARS.sub("", _check_str(text))


def unify_alef(text: str) -> str:
    """أ إ آ ٱ -> ا"""
    return normalize_alef_ar(_check_str(text))


def unify_alef_maksura(text: str) -> str:
    """ى -> ي"""
    return normalize_alef_maksura_ar(_check_str(text))


def unify_teh_marbuta(text: str) -> str:
    """ة -> ه"""
    return normalize_teh_marbuta_ar(_check_str(text))


def fold_latin_case(text: str) -> str:
    """BBC, Bbc, bbc -> bbc"""
    return _check_str(text).lower()


#: the letter-level steps: what a regular expression can go through unharmed (``\s`` and
#: ``\w`` survive: no case folding, no compatibility forms, no whitespace change)
_LETTER_STEPS = (strip_diacritics, strip_tatweel, unify_alef, unify_alef_maksura,
                 unify_teh_marbuta)
_STEPS = (unicode_form, strip_format_chars, *_LETTER_STEPS, fold_latin_case)

#: the marks :func:`strip_diacritics` and :func:`strip_tatweel` remove, as the body of a
#: regex character class (for searches that let them differ, e.g. golden evidence)
IGNORED_MARKS = re.escape("".join(sorted(AR_DIAC_CHARSET)) + TATWEEL)


#: the characters the letter-level steps change (camel-tools' alef variants, alef maksura, teh
#: marbuta, the diacritics, tatweel), and those strip_format_chars drops
LETTER_CHARS = frozenset("\u0622\u0623\u0625\u0671\u0649\u0629" + TATWEEL) | AR_DIAC_CHARSET
FORMAT_CHARS = frozenset(chr(c) for c in (*range(0x200b, 0x2010), *range(0x202a, 0x202f),
                                          *range(0x2066, 0x206a), 0xfeff, 0x00ad))


class CharSteps:
    """Steps that each map or drop single characters (none touching another's output), run as
    one pass that drops and a ``str.replace`` per character mapped: one scan of a text instead of
    one per step (``str.translate`` with a table looks every character up, slower still)."""

    def __init__(self, chars: frozenset[str], steps: tuple) -> None:
        table = {}
        for char in chars:
            out = char
            for step in steps:
                out = step(out)
            table[char] = out
        dropped = "".join(sorted(c for c, out in table.items() if not out))
        self.drop = re.compile("[" + re.escape(dropped) + "]") if dropped else None
        self.replace = tuple(sorted((c, out) for c, out in table.items() if out and out != c))
        if any(table.get(piece, piece) != piece for _, out in self.replace for piece in out):
            raise ValueError("CharSteps expected steps whose outputs no step changes again")

    def __call__(self, text: str) -> str:
        if self.drop is not None:
            text = self.drop.sub("", text)
        for char, out in self.replace:
            text = text.replace(char, out)
        return text


#: the letter-level steps, and strip_format_chars with them (tests/test_normalize.py checks them
#: against the steps on every character of Unicode)
letter_steps = CharSteps(LETTER_CHARS, _LETTER_STEPS)
format_letter_steps = CharSteps(LETTER_CHARS | FORMAT_CHARS, (strip_format_chars, *_LETTER_STEPS))


def normalize_letters(text: str) -> str:
    """Only the letter-level steps (diacritics, tatweel, alef, alef maksura, teh marbuta).

    For the codebook's line regexes and the lines they run on (:mod:`riwaya.pipeline.clean`):
    a pattern's escapes survive and a line keeps its length unless it had marks.
    """
    return letter_steps(_check_str(text))


def normalize_form(text: str) -> str:
    """The matching form of a string: every step above, whitespace collapsed (the steps
    between the Unicode form and the case folding as one :class:`CharSteps`)."""
    out = format_letter_steps(unicode_form(text))
    return " ".join(fold_latin_case(out).split())


@lru_cache(maxsize=4096)
def _normalize_char(char: str) -> str:
    out = char
    for step in _STEPS:
        out = step(out)
    return out


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` and map each normalised index to an original index.

    Returns ``(norm, index)`` with ``len(index) == len(norm) + 1``: ``norm[i]``
    comes from ``text[index[i]]``, and ``index[len(norm)] == len(text)``, so a
    normalised span ``[a, b)`` is the original span ``[index[a], index[b-1] + 1)``.
    """
    _check_str(text)
    # each distinct character normalised once; the text mapped by str.translate (a long
    # article has a few hundred distinct characters and millions of characters), and the map
    # made of runs between the characters that are dropped or grow ("…" is "...")
    table = {char: _normalize_char(char) for char in set(text)}
    norm = text.translate(str.maketrans(table))
    odd = {char: len(out) for char, out in table.items() if len(out) != 1}
    if not odd:
        return norm, list(range(len(text) + 1))
    index: list[int] = []
    done = 0
    for m in re.finditer("[" + re.escape("".join(sorted(odd))) + "]", text):
        at = m.start()
        index += range(done, at)
        index += [at] * odd[m.group()]
        done = at + 1
    index += range(done, len(text) + 1)
    return norm, index


def original_span(index: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a normalised span ``[start, end)`` back to original offsets."""
    if end <= start:
        return index[start], index[start]
    return index[start], index[end - 1] + 1


def is_arabic_letter(char: str) -> bool:
    return "\u0621" <= char <= "\u064a" or "\u0671" <= char <= "\u06d3"


def arabic_ratio(text: str) -> float:
    """Share of letters (Unicode category L*, ``str.isalpha``) that are Arabic (for language
    detection). Counted per distinct character: a long text stays fast."""
    counts = Counter(_check_str(text))
    letters = sum(n for c, n in counts.items() if c.isalpha())
    if not letters:
        return 0.0
    return sum(n for c, n in counts.items() if c.isalpha() and is_arabic_letter(c)) / letters
