"""A preposition of place of two words with adjectives between them.

``strong_prepositions`` holds keys such as "الحدود مع" and "الحدودية مع" (a border with X: X is
a location, annotation guide item 11). Pages put the noun's adjectives, or its pronoun, between
the two words: "حدودها الجنوبية مع سورية", "منطقة حدودية استراتيجية مع إسرائيل", "الحدود البرية
المشتركة مع تركيا". :func:`spread_key` finds such a key: its noun (with or without the article, a
possessive pronoun on it), up to :data:`MAX_BETWEEN` adjectives, then its preposition right
before the name. Read by :func:`riwaya.pipeline.place_evidence.evidence`.
"""

from __future__ import annotations

from typing import Callable, Iterable

from riwaya.text.clitics import ARTICLE, ATTACHED_PRONOUNS

MAX_BETWEEN = 2
#: the prepositions a spread key may end with
PREPOSITIONS = frozenset(("مع", "بين"))
#: letters a one-letter preposition or conjunction adds: an indefinite word opening with one of
#: them is no adjective (لمواجهة، وكذلك)
_PROCLITICS = tuple("وفبلك")


def adjective(token: str) -> bool:
    """A (normalised) word that reads as an adjective: definite and ending in ي/ه (الجنوبيه،
    الرئيسي، المشتركه) or an indefinite nisba (استراتيجيه، حدودي)."""
    if len(token) < 5:
        return False
    if token.startswith(ARTICLE):
        return token.endswith(("ي", "ه"))
    return token.endswith(("يه", "ي")) and not token.startswith(_PROCLITICS)


def _stems(token: str, bare: Callable[[str], Iterable[str]]) -> set[str]:
    """The token's readings without clitics, article or a possessive pronoun (وحدودها -> حدود)."""
    out = set()
    for form in bare(token):
        for suffix in ("",) + tuple(ATTACHED_PRONOUNS[:6]):
            if suffix and not form.endswith(suffix):
                continue
            base = form[:len(form) - len(suffix)] if suffix else form
            out.add(base[len(ARTICLE):] if base.startswith(ARTICLE) else base)
    return out


def spread_nouns(keys: Iterable[tuple[str, ...]]) -> dict[str, dict[str, tuple[str, ...]]]:
    """By preposition, the two-word keys of ``keys`` that may stand apart, by their noun without
    the article ({"مع": {"حدود": ("الحدود", "مع")}}); built once per codebook
    (:attr:`riwaya.pipeline.place_evidence.PlaceRules.spread`)."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for key in keys:
        if len(key) == 2 and key[1] in PREPOSITIONS:
            noun = key[0][len(ARTICLE):] if key[0].startswith(ARTICLE) else key[0]
            out.setdefault(key[1], {})[noun] = key
    return out


def spread_key(before: list[str], spread: dict[str, dict[str, tuple[str, ...]]],
               bare: Callable[[str], Iterable[str]]) -> tuple[str, ...] | None:
    """The two-word key (of ``spread``, :func:`spread_nouns`) whose words stand apart at the end
    of ``before`` (the normalised tokens before a name), adjectives between them, or None."""
    if len(before) < 3 or before[-1] not in PREPOSITIONS:
        return None
    nouns = spread.get(before[-1], {})
    for between in range(1, MAX_BETWEEN + 1):
        if len(before) < between + 2 or not adjective(before[-1 - between]):
            return None
        for stem in _stems(before[-2 - between], bare):
            if stem in nouns:
                return nouns[stem]
    return None
