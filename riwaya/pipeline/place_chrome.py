"""Page chrome that names a city: a weather widget ("القدس الرطوبة 0 . 57", "بيروت Sun 16",
"درجة الحرارة 19 مدينة الرياض") or a writer's byline (:func:`byline`: "الدمام - منيرة الهديب ;").

A name with a word of weather (``weather_words`` in the codebook's ``gazetteer.json``: الرطوبة،
درجة الحرارة، the weekdays a widget abbreviates) at most :data:`WEATHER_REACH` tokens away on
its line, and a number between the two or right after the later one, is the widget's city, not
a mention. The caller asks only for a name without a preposition of place: "وارتفعت درجة
الحرارة في الرياض إلى 45" stays a place, as does "بلغت درجة الحرارة 45 في الرياض".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from riwaya.text.matcher import Match, NormText, normalized_key

#: tokens between a weather word and the widget's city
WEATHER_REACH = 4
#: a dash, a writer's name (one to three words) and a semicolon after a town: a byline
_BYLINE = re.compile(r"[^\S\n]*[-–][^\S\n]*[^\W\d_]+(?:[^\S\n]+[^\W\d_]+){0,2}[^\S\n]*[;؛]")


@dataclass(frozen=True)
class ChromeRules:
    """The words of page chrome, normalised once."""

    weather: frozenset[tuple[str, ...]]

    @classmethod
    def build(cls, settings: Any) -> "ChromeRules":
        keys = (normalized_key(w) for w in getattr(settings, "weather_words", ()))
        return cls(weather=frozenset(tuple(k.split()) for k in keys if k))


def chrome(text: NormText, m: Match, rules: ChromeRules) -> bool:
    """The name is a weather widget's city (:func:`weather`) or a byline's town (:func:`byline`)."""
    return byline(text, m) or weather(text, m, rules)


def byline(text: NormText, m: Match) -> bool:
    """A town, a dash, a writer's name and a semicolon: "موسكو - فلان الفلاني ; الدمام - ..."
    (a newspaper's bylines run together), where the writer files from, not a mention."""
    return bool(_BYLINE.match(text.original, m.end))


def _number(token: str) -> bool:
    return any(c.isdigit() for c in token)


def weather(text: NormText, m: Match, rules: ChromeRules) -> bool:
    """The name is a weather widget's city (see the module)."""
    if not rules.weather:
        return False
    toks, original = text.tokens, text.original
    lo, hi = max(0, m.first - WEATHER_REACH - 2), min(len(toks), m.last + WEATHER_REACH + 2)
    for i in range(lo, hi):
        for key in rules.weather:
            n = len(key)
            if tuple(t.norm for t in toks[i:i + n]) != key:
                continue
            if i + n <= m.first:                       # the word before the name
                first, last = i, m.last
            elif i >= m.last:                          # the word after the name
                first, last = m.first, i + n
            else:
                continue
            if last - first - n - (m.last - m.first) > WEATHER_REACH \
                    or "\n" in original[toks[first].start:toks[last - 1].end]:
                continue
            span = toks[first:min(last + 1, len(toks))]
            if any(_number(t.norm) for t in span):
                return True
    return False
