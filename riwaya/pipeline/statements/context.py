"""Context from the sentence before: "المدينة" stands for the city named just before.

A place anaphor (the lexicon's ``place_anaphor`` words: المدينة، البلدة ...) counts as a mention of
a codebook place of kind ``city`` when exactly one such city is named earlier in its sentence or
in the sentence before ("يقول الجيش إنه استعاد السيطرة على المدينة" after the city was named);
a resolved anaphor names its city in turn, so "المدينة" sentence after sentence stays the same
city. When no one city is named before it, the one city its own sentence names after it is
meant ("يقول الجيش إنه استعاد السيطرة على المدينة ونقلت وكالة عن قائد قوله: تم تحرير البوكمال"),
not a city the sentence names as a destination ("غادروا المدينة إلى دير الزور").
Claim detection (cue patterns and example needs) sees these mentions; the mentions table does
not.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from riwaya.codebook.model import Codebook
from riwaya.pipeline.mentions import Mention
from riwaya.text.matcher import Matcher, NormText, Spans, resolve_overlaps
from riwaya.text.normalize import normalize_form
from riwaya.text.segment import Sentence

CITY_KINDS = frozenset({"city", "town"})
#: prepositions of a destination: a city named after one is where someone went, not "the city"
DESTINATION = frozenset(normalize_form(w) for w in ("الى", "إلى", "نحو", "باتجاه", "صوب", "لجهة"))


@dataclass(frozen=True)
class PlaceAnaphors:
    """The place anaphors in one matcher and the codebook's cities; built once per codebook."""

    matcher: Matcher
    cities: frozenset[str]

    @classmethod
    def build(cls, codebook: Codebook) -> "PlaceAnaphors":
        matcher = Matcher()
        for entry in codebook.lexicon:
            if entry.type == "place_anaphor":
                for form in entry.forms:
                    matcher.add(form, "place_anaphor", "place_anaphor", join_variant=False)
        return cls(matcher, frozenset(p.id for p in codebook.places if p.kind in CITY_KINDS))

    def resolve(self, text: NormText, sentences: list[Sentence],
                mentions: list[Mention]) -> list[Mention]:
        """One place mention per anaphor whose city is clear from the context."""
        if not self.cities or not sentences:
            return []
        out: list[Mention] = []
        found = resolve_overlaps(self.matcher.find(text))
        bounds = [(text.token_at_or_after(s.start), text.token_at_or_after(s.end)) for s in sentences]
        # the cities named so far, by first token: (first, last, id), bisected per anaphor
        named_at = sorted((m.first_token, m.last_token, m.entity_id) for m in mentions
                          if m.kind == "place" and m.entity_id in self.cities)
        named_spans = Spans((m.first_token, m.last_token) for m in mentions)
        si = 0
        for match in found:
            if named_spans.overlaps(match.first, match.last):
                continue  # part of a name ("مدينة الرقة")
            while si + 1 < len(bounds) and match.first >= bounds[si][1]:
                si += 1
            lo = bounds[si - 1][0] if si > 0 else bounds[si][0]
            near = named_at[bisect_left(named_at, (lo,)):bisect_right(named_at, (match.first, match.first, "\uffff"))]
            named = {e for _, last, e in near if last <= match.first}
            if len(named) != 1:
                named = self._named_after(text, named_at, match.last, bounds[si][1])
            if len(named) != 1:
                continue
            city = named.pop()
            out.append(Mention("place", city, text.original[match.start:match.end],
                               match.start, match.end, "anaphor", match.first, match.last))
            insort(named_at, (match.first, match.last, city))
        return out

    @staticmethod
    def _named_after(text: NormText, named_at: list[tuple[int, int, str]], after: int,
                     end: int) -> set[str]:
        """The cities named in tokens ``[after, end)`` (the rest of the anaphor's sentence),
        but not right after a preposition of destination."""
        near = named_at[bisect_left(named_at, (after,)):bisect_left(named_at, (end,))]
        return {e for first, _, e in near
                if not (first > 0 and text.tokens[first - 1].norm in DESTINATION)}
