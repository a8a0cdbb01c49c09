"""Which of a name's namesakes the article means, from what the article says around it.

- the place a name is said to lie in (:func:`container`): the next name, right after في or ب and
  at most one head noun ("سنجار في ريف إدلب", "حي الحميدية بمدينة دير الزور", "X بحلب"), a
  word of direction or part between ("البريج في مدخل مدينة حلب", "خان شيخون بجنوب إدلب"); a
  country only after في ("ريف حلب بتركيا" links two places). The name is then its namesake
  within ``near_km`` of that place (:func:`inside`), or no place;
- a short form of a longer name the article gives (:func:`short_forms`): "تازة" after "تازة
  خورماتو" is that town, not Taza in Morocco;
- an area kept in the article (محافظة حلب، ريف حلب) gives its namesake town's bare mentions the
  evidence the town would have had (:func:`area_towns`): "سقوط حلب" is a place, the city; an
  area whose capital is a codebook place names that place for the article's region and anchors
  (:func:`area_places`: محافظة دير الزور names Deir ez-Zor);
- the countries the article names (:func:`countries_named`; not عمان, which may be Amman) pick
  the namesakes; on a page about Morocco that names no place of the event's region
  (:func:`abroad`) over the region's: the Moroccan القنيطرة (Kenitra), not Syria's Quneitra;
  a country's nisba right after the name says whose (:func:`own_country`: طرابلس اللبنانية).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from typing import Any, Callable, Iterable

from riwaya.pipeline.place_evidence import NOT_IN_LIST
from riwaya.text.clitics import ARTICLE
from riwaya.text.matcher import Match, normalized_key


def great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (km), enough to tell near from far."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def container(judge: Any, m: Match) -> Match | None:
    """The place ``m`` is said to lie in (see the module), or None."""
    places, rules, text = judge.places, judge.rules, judge.text
    i = bisect_left(judge.starts, m.start) + 1
    if i >= len(places) or NOT_IN_LIST.search(text.original, m.end, places[i].start):
        return None
    box = places[i]
    gap = [t.norm for t in text.tokens[m.last:box.first]]
    heads = {k[0] for k in rules.city_heads | rules.local_heads if len(k) == 1}
    parts = {k for k in rules.strong if len(k) <= 2}       # مدخل، أطراف، جنوب، شمال غربي ...
    if not gap:
        token, stem = text.tokens[box.first].norm, box.pattern.tokens[0]
        return box if token[:1] == "ب" and not stem.startswith("ب") \
            and not box.entity_id.startswith("CC:") else None    # يربط حلب بتركيا
    if gap[0] == "في":
        rest = gap[1:]
    elif gap[0][:1] == "ب" and (gap[0][1:] in heads or (gap[0][1:],) in parts):
        rest = [gap[0][1:]] + gap[1:]
    else:
        return None
    for n in (2, 1):                                       # في مدخل مدينة حلب، بجنوب إدلب
        if tuple(rest[:n]) in parts:
            rest = rest[n:]
            break
    return box if len(rest) <= 1 and all(w in heads for w in rest) else None


def inside(judge: Any, entry: Any, box: Match) -> bool:
    """``entry`` may lie in the place ``box`` names: within ``near_km`` of it or of one of its
    namesakes, or in its country."""
    rules = judge.rules
    if judge.is_codebook(box):
        lat, lon, _ = rules.codebook_places.get(box.entity_id, (None, None, ""))
        points = [(lat, lon)] if lat is not None and lon is not None else []
        return not points or great_circle_km((entry.lat, entry.lon), points[0]) <= rules.near_km
    return not judge.options(box) or any(
        o.country == entry.country if o.kind == "country" else
        great_circle_km((entry.lat, entry.lon), (o.lat, o.lon)) <= rules.near_km
        for o in judge.options(box))


def beside_box(judge: Any, entry: Any, box: Match, kept: dict) -> bool:
    """``entry`` lies within a quarter of ``near_km`` of the place ``box`` is kept as: close
    enough for "X بريف Y" to make X a place (اليرموك بريف درعا is not Damascus' Yarmouk)."""
    if judge.is_codebook(box):
        lat, lon, _ = judge.rules.codebook_places.get(box.entity_id, (None, None, ""))
    else:
        chosen = kept[box.start][1] if box.start in kept else None
        lat, lon = next(((o.lat, o.lon) for o in judge.options(box) if o.entity_id == chosen),
                        (None, None))
    return lat is not None and lon is not None and \
        great_circle_km((entry.lat, entry.lon), (lat, lon)) <= judge.rules.near_km / 4


def short_forms(kept: list[tuple[Match, str]],
                country_of: Callable[[str], str | None]) -> list[tuple[Match, str]]:
    """Each kept gazetteer name whose words open a longer name kept in the same article, in
    another country, takes that longer name's place: "في تازة" after "تازة خورماتو"; not
    before a definite word, an adjective or another name (القدس الشرقية is not all of القدس)."""
    longer = [(m.pattern.tokens, e) for m, e in kept if len(m.pattern.tokens) > 1]
    if not longer:
        return kept
    out = []
    for m, e in kept:
        if m.pattern.method == "gazetteer":
            n = len(m.pattern.tokens)
            for tokens, other in longer:
                if len(tokens) > n and tokens[:n] == m.pattern.tokens and other != e \
                        and not tokens[n].startswith(ARTICLE) \
                        and country_of(other) != country_of(e):    # not القدس الشرقية
                    e = other
                    break
        out.append((m, e))
    return out


def beside(judge: Any, entry: Any, kept: dict) -> bool:
    """A village within half ``near_km`` of a place the article names: a codebook place it
    names, or a town it keeps (``kept``: match start -> (match, entity, evidence)); any
    village while the article has named no place yet ("وصل النازحون إلى السخنة")."""
    if not kept and not judge.named_anchors:
        return True
    points = [(o.lat, o.lon) for m, e, _ in kept.values() for o in judge.options(m)
              if o.entity_id == e and o.kind != "country"] + judge.named_anchors
    return any(great_circle_km((entry.lat, entry.lon), p) <= judge.rules.near_km / 2
               for p in points)


def country_of(judge: Any, entity_id: str) -> str | None:
    """The country of a place the article names (a codebook place or a gazetteer entry)."""
    if entity_id in judge.rules.codebook_places:
        return judge.rules.codebook_places[entity_id][2]
    return next((o.country for m in judge.places for o in judge.options(m)
                 if o.entity_id == entity_id), None)


_NISBAS: list[tuple[Any, dict[str, str]]] = []    # (candidates, a country's nisba -> its code)


def _country_nisbas(candidates: dict[str, tuple[Any, ...]]) -> dict[str, str]:
    """A country's nisba without the article (لبناني، ليبي، سعودي) -> its code, derived from
    the gazetteer's one-word country names (لبنان، ليبيا، السعودية); worked out once."""
    if _NISBAS and _NISBAS[0][0] is candidates:
        return _NISBAS[0][1]
    found: dict[str, str] = {}
    for form, entries in candidates.items():
        codes = {e.country for e in entries if e.kind == "country"}
        if len(codes) != 1 or " " in form:
            continue
        for stem in {form, form[2:] if form.startswith(ARTICLE) else form}:
            stem = stem[:-2] if stem.endswith("يه") else stem.rstrip("ا")
            if len(stem) >= 3:
                found.setdefault(stem if stem.endswith("ي") else stem + "ي", next(iter(codes)))
    _NISBAS[:] = [(candidates, found)]
    return found


def own_country(judge: Any, m: Match, options: tuple[Any, ...]) -> tuple[Any, ...]:
    """The namesakes in the country whose nisba follows the name (طرابلس اللبنانية: Lebanon's,
    whatever countries the page names), else ``options``."""
    toks = judge.text.tokens
    if m.last >= len(toks) or judge.text.original[m.end:toks[m.last].start].strip():
        return options
    word = toks[m.last].norm
    word = word[2:] if word.startswith(ARTICLE) else word
    code = _country_nisbas(judge.candidates).get(word[:-1] if word.endswith("يه") else word)
    mine = tuple(o for o in options if o.kind != "country" and o.country == code)
    return mine or options


def countries_named(judge: Any, named: Iterable[str]) -> set[str]:
    """The countries the article names (``named``: the ids of its places and of every country it
    names, as an actor too), less a country whose name is also a large city of another country
    (عمان: Amman or Oman); not one whose name only small towns abroad share (فلسطين، لبنان:
    towns of the US) or its own capital (الكويت، تونس)."""
    doubtful = set()
    for m in judge.places:
        options = judge.options(m)
        doubtful.update(c.country for c in options if c.kind == "country" and any(
            o.kind != "country" and o.country != c.country
            and o.population >= judge.rules.large for o in options))
    return {e[3:] for e in named if e.startswith("CC:")} - doubtful


def abroad(named_countries: Iterable[str], rules: Any, named_anchors: list) -> bool:
    """The article names no codebook place and none of the event's countries: a page about
    elsewhere, whose namesakes are those of the countries it names."""
    return not named_anchors and not (set(named_countries) & rules.event_countries)


def area_towns(judge: Any, kept_ids: set[str]) -> set[str]:
    """The towns that share a name with an area among ``kept_ids`` (محافظة حلب, ريف حلب: Aleppo,
    the city), for one sense per article: the town's bare mentions are places too."""
    out: set[str] = set()
    for m in judge.places:
        for area in judge.options(m):
            if area.entity_id not in kept_ids or area.kind in ("city", "country"):
                continue
            for form in area.forms_ar:
                out.update(o.entity_id for o in judge.candidates.get(normalized_key(form), ())
                           if o.kind == "city" and o.country == area.country)
    return out


#: an area's point (its capital's) this close to a codebook place: that place is its capital
CAPITAL_KM = 15


def area_places(judge: Any) -> list[str]:
    """The codebook places that an area the article names is named after (see the module): the
    place lies at the area's capital and no gazetteer place has the area's name (a codebook name
    wins over the gazetteer's: محافظة دير الزور; not نينوى, whose capital is Mosul)."""
    points = {(o.lat, o.lon) for m in judge.places for o in judge.options(m)
              if o.kind not in ("city", "country") and o.name_ar
              and normalized_key(o.name_ar) not in judge.candidates}
    return [pid for pid, (lat, lon, _) in judge.rules.codebook_places.items()
            if lat is not None and lon is not None
            and any(great_circle_km((lat, lon), p) <= CAPITAL_KM for p in points)]
