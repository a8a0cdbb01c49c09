"""Countries named as parties, not places: the words that govern a country from a distance.

A country after بين or من is a place where it locates ("الحدود بين تركيا وسوريا", "عاد من
إيران") and a party where a noun of relation or of stance a few words before governs it, data in
the codebook's ``gazetteer.json``:

- ``relation_governors``: nouns whose بين names the parties of a relation ("الخلاف الذي نشب بين
  قطر والدول الخليجية", "صراع على النفوذ بين السعودية وإيران", "القطيعة بين إيران ومصر");
- ``stance_governors``: nouns and verbs whose من names what a stance or a request concerns
  ("موقفا متشددا من إسرائيل", "سخرية لاذعة من الإمارات", "الطلب من إيران");
- ``party_heads``: nouns that own a party, so that a bare city after one stands for its
  government (:func:`metonym`: "حليف الرياض", "وفد الرياض", "نبرة أنقرة"), as does a city after
  a preposition an exception governs ("المدعومة من طهران", "رسالة إلى أنقرة"; not "في كل من").

Only the words after the last clause boundary before the name are read (:func:`governed`), so
"وقع الخلاف . ثم عاد من إيران" keeps Iran a place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from riwaya.text.matcher import Match, NormText, normalized_key

#: tokens between a noun of relation and the بين it governs ("الخلاف الذي نشب بين")
RELATION_REACH = 4
#: tokens between a noun of stance and the من it governs ("موقفا متشددا من")
STANCE_REACH = 3


def _words(settings: Any, name: str) -> frozenset[str]:
    return frozenset(k for k in (normalized_key(w) for w in getattr(settings, name, ()))
                     if k and " " not in k)


@dataclass(frozen=True)
class ActorRules:
    """The word lists that make a country after بين/من a party, normalised once."""

    relation: frozenset[str]
    stance: frozenset[str]
    heads: frozenset[str]

    @classmethod
    def build(cls, settings: Any) -> "ActorRules":
        return cls(relation=_words(settings, "relation_governors"),
                   stance=_words(settings, "stance_governors"),
                   heads=_words(settings, "party_heads"))


def governed(text: NormText, m: Match, governors: frozenset[str], reach: int,
             boundary: Any) -> bool:
    """One of ``governors`` at most ``reach`` tokens before the name, in its clause
    (``boundary``: the pattern of what ends a clause). A letter the scrape split off a word is
    joined back to it ("موقف ا" -> موقفا)."""
    from riwaya.pipeline.place_evidence import bare       # place_evidence imports this module
    toks, original = text.tokens, text.original
    first = max(0, m.first - reach - 2)
    while first < m.first and boundary.search(original, toks[first].start, m.start):
        first += 1                           # only the words after a clause boundary
    words: list[str] = []
    for t in toks[first:m.first]:
        if words and len(t.norm) == 1:
            words[-1] += t.norm
        else:
            words.append(t.norm)
    return any(w in governors for tok in words[-reach - 1:] for w in bare(tok))


def party(text: NormText, m: Match, words: tuple[str, ...], rules: ActorRules,
          boundary: Any) -> bool:
    """A country after بين or من (``words``: the preposition found) that a noun of relation or
    of stance governs: a party, not a place."""
    if words == ("بين",):
        return governed(text, m, rules.relation, RELATION_REACH, boundary)
    if words == ("من",):
        return governed(text, m, rules.stance, STANCE_REACH, boundary)
    return False


def metonym(text: NormText, m: Match, rules: Any) -> bool:
    """A bare name standing for its government (``rules``: the article's
    :class:`~riwaya.pipeline.place_evidence.PlaceRules`): right after a noun that owns a party
    (``party_heads``), or after a preposition an exception governs, not after في."""
    from riwaya.pipeline.place_evidence import _before, _ending, bare
    toks = text.tokens
    if m.first == 0:
        return False
    prev = toks[m.first - 1]
    if not text.original[prev.end:m.start].strip() and any(
            b in rules.actors.heads for b in bare(prev.norm)):
        return True
    before = _before(text, m, rules.max_len + 2)
    prep = _ending(before, rules.weak | rules.country_weak, rules.max_len)
    if prep is None or text.original[toks[m.first - 1].end:m.start].strip():
        return False
    skip = before[:-len(prep) - 1] + before[-len(prep):]      # one adjective: التوتر المتزايد بين
    adjective = len(before) > len(prep) and before[-len(prep) - 1].startswith("ال")
    for words in (before, skip) if adjective else (before,):
        key = _ending(words, rules.exceptions, rules.max_len)
        if key is not None and (words is before or key[0].startswith("ال")):
            return len(words) <= len(key) or words[-len(key) - 1] not in ("في", "وفي")
    return False
