"""Which gazetteer hits are places, and which place of that name: evidence in the text.

GeoNames names towns after common words (دور "a role" is Dour in Belgium, بأنه is Bāneh in
Iran, مسقط "birthplace" is Muscat). A name the gazetteer knows is kept as a place only with
evidence, all of it data in the codebook's ``gazetteer.json`` (:class:`GazetteerSettings`):

- a head noun before it (``city_heads``: مدينة، العاصمة، محافظة، ريف; ``local_heads``: بلدة،
  قرية، حي), up to two nisba adjectives between (العاصمة الأردنية عمان), or opening the name
  itself (ناحية الإسكندرية);
- a preposition of place before it (``strong_prepositions``: قرب، داخل، نحو، شمال ...; a
  two-word one with adjectives between its words, :mod:`.place_spread`: حدودها الجنوبية مع); the
  frequent ones (``weak_prepositions``: في، من، إلى، and the clitics ب ل on the name) count only
  for a place of the article's region or near its places, or a large city;
- being listed with a place that has evidence, before or after it (الرقة ودير الزور، جرابلس
  والباب، محور الميادين - البوكمال); being a labelled list's item label ("جرابلس : تقع ...", three
  such lines or more: no dateline then, :func:`.place_lists.list_labels`); a town (not a country) in a run of
  three names or more joined by و or commas (:func:`.place_lists.list_runs`), or in a quotation that is only a
  list of short items (" باريس وبروكسل ونيس ": a town of a fifth of large_city_population or more, :func:`.place_lists.quoted_lists`);
- being a large city near the article's places (``large_city_population``, ``near_km``);
- another mention of the same place in the article with evidence of its own.

The article's *region* is the countries of the codebook's places, of the codebook places the
article names and of the countries it names; its *anchors* are the codebook places it names
(else all the codebook's places). Among places of the same name the one near the anchors wins,
then one in the region, then the gazetteer's own choice: "العاصمة الأردنية عمان" is Amman, not
Oman. Codebook places are always places. A country is a place only where it is used as one
(a preposition before it, a head that places it, ``country_heads``: عاصمة قازاخستان, or listed
with a place that is one); elsewhere it is an actor or a metonym (تركيا تعتبر، بين موسكو
وواشنطن، معبر إيران البري، المدعومة من إيران، علاقة واشنطن بإيران، حصلت عليها من إيران:
``preposition_exceptions``, ``clitic_governors``, ``source_governors``; a large city as a verb's
subject, وتخشى عمان, unless the verb takes a place, ``place_verbs``). A name right after a
one-letter token is a broken word of the scrape (ك بيرا), and a name opening a line before a
dash or colon a dateline: neither is a place.

This module reads the words before one name (:func:`evidence`); the per-article decision
(region, lists, one sense per article) is :class:`riwaya.pipeline.place_judge.Judge`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterable

from riwaya.pipeline.place_actors import ActorRules
from riwaya.pipeline.place_chrome import ChromeRules
from riwaya.pipeline.place_spread import spread_key, spread_nouns
from riwaya.pipeline.place_subject import SubjectRules
from riwaya.text.clitics import ARTICLE, ATTACHED_PRONOUNS, CONJUNCTIONS, LAM_ARTICLE, PREPOSITIONS
from riwaya.text.matcher import Match, NormText, normalized_key

#: evidence kinds, strongest first
CODEBOOK, HEAD_CITY, HEAD_LOCAL, STRONG, LISTED, WEAK, CLITIC, NONE = (
    "codebook", "city head", "local head", "strong", "listed", "weak", "clitic", "none")
#: evidence that makes the place's other bare mentions in the article places too
PROPAGATES = (CODEBOOK, HEAD_CITY, HEAD_LOCAL, STRONG, LISTED, WEAK)
MAX_ADJECTIVES = 2
#: feminine elatives a town takes, which read as a nisba once ى is normalised to ي (القاهرة
#: الكبرى); not the ordinal الأولى, which follows common words (من الطبقة الأولى: "class")
FEMININE_ELATIVES = frozenset(("الكبري", "الصغري", "العظمي"))
LIST_REACH = 12       # tokens between a plural head and a name of its list
_DATELINE_AFTER = re.compile(r"\s*(?:[,،]\s*[^\s,،:\-–]+(?:\s+[^\s,،:\-–]+)?\s*)?[-–:]")
#: what may stand between a dateline's name and the start of its line or a ")" before it
_DATELINE_BEFORE = re.compile(r"[^\S\n]*(?:[^\s,،.:()]+[^\S\n]*[,،][^\S\n]*){0,2}")
_LINE_OR_BRACKET = re.compile(r"[\n)]")
_QUOTES = re.compile(r"[\"«»“”]")
_CLOCK_AFTER = re.compile(r"[^\S\n]+(?:\d{1,2}[^\S\n]+)?\d{1,2}[^\S\n]*:[^\S\n]*\d{2}(?!\d)")
NOT_IN_LIST = re.compile(r"[.:;؛!?؟\n]")
_LIST_SEPARATOR = re.compile(r"\s*(?:[,،()\-–]|(?<=\s)و(?=\s)|(?<=\s)(?:ومن |و)?ثم(?=\s))\s*")



def _agencydateline(agencies: Iterable[str]) -> Any:
    """The pattern of what follows a dateline's name when the dateline names an agency
    ("أنقرة , بيروت - رويترز -", "دمشق (سانا)"), or None without agencies."""
    names = sorted((re.escape(a) for a in agencies if a.strip()), key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"\s*(?:[,،]\s*[^\s,،:\-–]+(?:\s+[^\s,،:\-–]+)?\s*)?[-–(]\s*(?:"
                      + "|".join(names) + r")(?![\w])")


def _agencyslash(agencies: Iterable[str]) -> Any:
    """The pattern of an agency and a slash or a dash right before a dateline's name
    ("السومرية نيوز / بغداد", "مكتب أخبار سوريا - حمص"), or None without agencies."""
    names = sorted((re.escape(a) for a in agencies if a.strip()), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(names) + r")[^\S\n]*[/\-–][^\S\n]*\Z") \
        if names else None


def _keys(forms: Iterable[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(normalized_key(f).split()) for f in forms if normalized_key(f))


@dataclass(frozen=True)
class PlaceRules:
    """The evidence word lists, normalised once per codebook."""

    city_heads: frozenset[tuple[str, ...]]
    local_heads: frozenset[tuple[str, ...]]
    strong: frozenset[tuple[str, ...]]
    weak: frozenset[tuple[str, ...]]
    exceptions: frozenset[tuple[str, ...]]
    weak_clitics: frozenset[str]
    country_weak: frozenset[tuple[str, ...]]
    country_heads: frozenset[tuple[str, ...]]
    clitic_governors: frozenset[str]
    source_governors: frozenset[str]
    visit_governors: frozenset[str]
    place_verbs: frozenset[str]
    name_tails: frozenset[str]
    idioms: frozenset[tuple[str, ...]]
    words: frozenset[str]      # the stoplist: words, not names, whatever clitic they seem to carry
    actors: ActorRules         # nouns that make a country after بين/من a party
    chrome: ChromeRules        # words of page chrome (weather widgets)
    subject: SubjectRules      # names that read as verbs
    agency_dateline: Any       # compiled: what follows a name in a dateline naming an agency
    agency_slash: Any          # compiled: an agency and a slash before a dateline's name
    near_km: float
    large: int
    regional: int
    world_ratio: float         # a world city wins over a namesake this many times smaller
    event_countries: frozenset[str]
    codebook_places: dict[str, tuple[float | None, float | None, str]]

    @classmethod
    def build(cls, settings: Any, codebook_places: Iterable[Any]) -> "PlaceRules":
        weak = _keys(settings.weak_prepositions)
        places = {p.id: (p.lat, p.lon, p.country) for p in codebook_places}
        return cls(
            city_heads=_keys(settings.city_heads), local_heads=_keys(settings.local_heads),
            strong=_keys(settings.strong_prepositions),
            weak=frozenset(k for k in weak if not (len(k) == 1 and k[0] in PREPOSITIONS)),
            exceptions=_keys(settings.preposition_exceptions),
            weak_clitics=frozenset(k[0] for k in weak if len(k) == 1 and k[0] in PREPOSITIONS),
            country_weak=_keys(settings.country_prepositions),
            country_heads=_keys(getattr(settings, "country_heads", ())),
            clitic_governors=frozenset(
                k[0] for k in _keys(getattr(settings, "clitic_governors", ())) if len(k) == 1),
            source_governors=frozenset(
                k[0] for k in _keys(getattr(settings, "source_governors", ())) if len(k) == 1),
            visit_governors=frozenset(
                k[0] for k in _keys(getattr(settings, "visit_governors", ())) if len(k) == 1),
            place_verbs=frozenset(
                k[0] for k in _keys(getattr(settings, "place_verbs", ())) if len(k) == 1),
            name_tails=frozenset(k[0] for k in _keys(settings.name_tails) if len(k) == 1),
            idioms=_keys(getattr(settings, "idioms", ())), actors=ActorRules.build(settings),
            words=frozenset(k[0] for k in _keys(getattr(settings, "stoplist", ())) if len(k) == 1),
            chrome=ChromeRules.build(settings), subject=SubjectRules.build(settings),
            agency_dateline=_agencydateline(getattr(settings, "news_agencies", ())),
            agency_slash=_agencyslash(getattr(settings, "news_agencies", ())),
            near_km=settings.near_km, large=settings.large_city_population,
            regional=max(settings.large_city_population // 5, 1),
            world_ratio=float(settings.prefer_max_ratio or 0),
            event_countries=frozenset(c for _, _, c in places.values() if c),
            codebook_places=places)

    @cached_property  # two-word prepositions that may stand apart (place_spread)
    def spread(self) -> dict[str, dict[str, tuple[str, ...]]]:
        return spread_nouns(self.strong)

    @cached_property  # asked for every place mention
    def max_len(self) -> int:
        return max((len(k) for k in self.city_heads | self.local_heads | self.strong | self.weak
                    | self.country_weak | self.exceptions), default=1)


def bare(token: str) -> tuple[str, ...]:
    """What a token may stand for without its proclitics: itself, without و/ف, without a
    one-letter preposition too (وبمدينة -> مدينة; بلدة stays بلدة), للحدود -> الحدود."""
    out = [token]
    if token[:1] in CONJUNCTIONS and len(token) > 2:
        token = token[1:]
        out.append(token)
    if token.startswith(LAM_ARTICLE) and len(token) > 3:
        out.append(ARTICLE + token[2:])
    elif token[:1] in PREPOSITIONS and len(token) > 2:
        out.append(token[1:])
    return tuple(out)


def _prefix(text: NormText, m: Match) -> str | None:
    """What the name's first token carries before the name (وبحمص -> وب), None if unknown."""
    token, stem = text.tokens[m.first].norm, m.pattern.tokens[0]
    return token[:len(token) - len(stem)] if token.endswith(stem) else None


def _clitic(text: NormText, m: Match) -> str:
    """The one-letter preposition written on the name itself (بحمص -> ب), if any."""
    prefix = _prefix(text, m)
    prefix = text.tokens[m.first].norm[:1] if prefix is None else prefix
    prefix = prefix[1:] if prefix[:1] in CONJUNCTIONS else prefix
    return prefix[:1] if prefix[:1] in PREPOSITIONS else ""


def _ending(tokens: list[str], keys: frozenset[tuple[str, ...]], n: int) -> tuple[str, ...] | None:
    """The key the last tokens spell (its first word may carry و/ف and ب/ل), if any."""
    for k in range(min(n, len(tokens)), 0, -1):
        tail = tuple(tokens[-k:])
        for first in bare(tail[0]):
            if (first,) + tail[1:] in keys:
                return (first,) + tail[1:]
    return None


def _before(text: NormText, m: Match, n: int) -> list[str]:
    """The ``n`` tokens before a match, a letter a scrape split off a word joined back to it
    (بلدت ي -> بلدتي)."""
    out: list[str] = []
    for t in text.tokens[max(0, m.first - n - 2):m.first]:
        if out and len(t.norm) == 1 and t.norm not in CONJUNCTIONS:
            out[-1] += t.norm
        else:
            out.append(t.norm)
    return out[-n:]


def evidence(text: NormText, m: Match, rules: PlaceRules) -> tuple[str, tuple[str, ...]]:
    """The strongest evidence before a place match and the words that give it
    (``NONE`` and ``()`` when there is none)."""
    if len(m.pattern.tokens) > 1:    # ناحية الإسكندرية، بريف حلب: the head is in the name
        for kind, keys in ((HEAD_CITY, rules.city_heads), (HEAD_LOCAL, rules.local_heads)):
            if (m.pattern.tokens[0],) in keys:
                return kind, (m.pattern.tokens[0],)
    clitic = _clitic(text, m)
    if clitic:             # بحمص: the name's own preposition (ك "like" never places it)
        return (CLITIC, (clitic,)) if clitic in rules.weak_clitics else (NONE, ())
    before = _before(text, m, rules.max_len + MAX_ADJECTIVES)
    # a head noun, perhaps followed by nisba adjectives (العاصمة الأردنية عمان)
    for skip in range(0, MAX_ADJECTIVES + 1):
        if skip and not (len(before) > skip and _is_nisba(before[-skip])):
            break
        head = before[:len(before) - skip]
        own = unpossessed(head[-1]) if head else None      # بلدته القرداحة: his town
        for kind, keys in ((HEAD_CITY, rules.city_heads), (HEAD_LOCAL, rules.local_heads)):
            key = _ending(head, keys, rules.max_len)
            if key:
                return kind, key
            if own and _ending(head[:-1] + [own], keys, 1):
                return kind, (head[-1],)      # not a key: never a head placing a country
    joined = (_prefix(text, m) or "")[:1] == "ف"    # عن فصيله، من فتور: a word, not ف + a town
    for kind, keys in ((STRONG, rules.strong), (WEAK, rules.weak | rules.country_weak)):
        key = None if joined else _ending(before, keys, rules.max_len)
        if key:
            skip = before[:-len(key) - 1] + before[-len(key):]   # one adjective before it
            if _ending(before, rules.exceptions, rules.max_len) \
                    or _ending(skip, rules.exceptions, rules.max_len):
                break                                    # كل من إيران، حوار صريح بين إيران
            return kind, key
    key = None if joined else spread_key(before, rules.spread, bare)   # حدودها الجنوبية مع
    if key:
        return STRONG, key
    return _head_of_list(text, m, rules) or (NONE, ())


def idiom_spans(text: NormText, idioms: frozenset[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Character spans of the set phrases (``idioms``) in a text: token runs spelling one, the
    first token perhaps with و/ف and ب/ل on it."""
    if not idioms:
        return []
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for key in idioms:
        firsts.setdefault(key[0], []).append(key)
    toks = text.tokens
    out = []
    for i, tok in enumerate(toks):
        for first in bare(tok.norm):
            for key in firsts.get(first, ()):
                j = i + len(key)
                if j <= len(toks) and all(toks[i + k].norm == key[k] for k in range(1, len(key) - 1)) \
                        and (len(key) == 1 or _with_pronoun(toks[j - 1].norm, key[-1])):
                    out.append((tok.start, toks[j - 1].end))
    return out


def _with_pronoun(token: str, word: str) -> bool:
    """``token`` is ``word``, perhaps with an attached pronoun (مسقط رأسهما for مسقط رأس); a
    definite word takes none (القدس العربية is not القدس العربي with ه)."""
    return token == word or (not word.startswith(ARTICLE) and token.startswith(word)
                             and token[len(word):] in ATTACHED_PRONOUNS)


def unpossessed(token: str) -> str | None:
    """A noun without its attached pronoun, ت back to ة (بلدته -> بلدة، حيه -> حي), or None."""
    for suffix in ATTACHED_PRONOUNS[:6]:                          # "your" and "my": rare before a name
        base = token[:-len(suffix)]
        if token.endswith(suffix) and len(base) >= 2:
            return base[:-1] + "ه" if base.endswith("ت") and not base.endswith("ات") else base
    return None


def _list_gap(gap: str, items: int) -> bool:
    """Whether ``gap`` (the text before a name) ends a list: at most ``items`` other names of
    one to three words, each followed by a comma, و, a dash or a bracket (quotes ignored)."""
    if NOT_IN_LIST.search(gap):
        return False
    parts = _LIST_SEPARATOR.split(" " + _QUOTES.sub(" ", gap) + " ")
    if len(parts) < 2 or parts[-1].strip():
        return False
    names = [p for p in parts[:-1] if p.strip()]
    return len(names) <= items and all(len(p.split()) <= 3 for p in names)


def _head_of_list(text: NormText, m: Match, rules: PlaceRules) -> tuple[str, tuple[str, ...]] | None:
    """A head noun opening a list the name is in: "قريتي مظلوم وخشام", "قرى الريف (هجين ، السوسة)"."""
    for i in range(m.first - 1, max(0, m.first - LIST_REACH) - 1, -1):
        for token in bare(text.tokens[i].norm):
            for kind, keys in ((HEAD_CITY, rules.city_heads), (HEAD_LOCAL, rules.local_heads)):
                if (token,) in keys and _list_gap(text.original[text.tokens[i].end:m.start], 6):
                    return kind, (token,)
    return None


def _is_nisba(token: str) -> bool:
    return token.startswith("ال") and token.endswith(("يه", "ي")) and len(token) >= 5


def _definite_one_word(text: NormText, m: Match) -> bool:
    return m.last - m.first == 1 and m.pattern.tokens[0].startswith(ARTICLE)


def after_definite(text: NormText, m: Match) -> bool:
    """Right after a definite word, so perhaps its adjective (الحكم السني العباسي)."""
    if m.first == 0:
        return False
    before = text.tokens[m.first - 1]
    return before.norm.startswith(ARTICLE) and not text.original[before.end:m.start].strip()


def stop_word(text: NormText, m: Match, rules: PlaceRules) -> bool:
    """The name's token with its clitic is itself a common word (the stoplist): وجده "found
    him" is not و + جدة."""
    token = text.tokens[m.first].norm
    return m.pattern.method == "gazetteer" and token != m.pattern.tokens[0] and token in rules.words


def visited(text: NormText, m: Match, rules: PlaceRules) -> bool:
    """Right after a verb of visiting (زار طهران), not its noun (زيارة الراعي: the visitor):
    the ``visit_governors`` that do not end in ة."""
    prev = text.tokens[m.first - 1].norm if m.first else ""
    return any(b in rules.visit_governors for b in bare(prev)) and not prev.endswith("ه")


def split_after(text: NormText, m: Match, forms: Any) -> bool:
    """كوبا ني: a scrape split a longer name (كوباني) after this one; ``forms`` holds the known
    normalised names the joined word is looked up in."""
    toks = text.tokens
    if m.last >= len(toks) or len(toks[m.last].norm) > 2 \
            or text.original[m.end:toks[m.last].start] != " ":
        return False
    return normalized_key(text.original[m.start:m.end] + toks[m.last].norm) in forms


def masthead(text: NormText, m: Match) -> bool:
    """A name right before a clock ("عمان 9 09 : 49 الأحد ..."): a site's masthead."""
    return bool(_CLOCK_AFTER.match(text.original, m.end))


def broken_word(text: NormText, m: Match) -> bool:
    """ك بيرا: a scrape split a word and left a letter of it before the name."""
    return m.first > 0 and len(text.tokens[m.first - 1].norm) == 1 \
        and text.tokens[m.first - 1].norm in PREPOSITIONS and \
        text.original[text.tokens[m.first - 1].end:m.start].strip() == ""


def line_breaks(text: NormText) -> list[int]:
    """The offsets of the text's newlines and closing brackets, in order (for :func:`_dateline`)."""
    return [b.start() for b in _LINE_OR_BRACKET.finditer(text.original)]


def dateline(text: NormText, m: Match, breaks: list[int]) -> bool:
    """A name opening its line before a dash or colon: "بيروت : فلان", "أنقرة ، بيروت - رويترز";
    "(رويترز) بيروت -" too. Only the words after the last newline or ")" before the name are read
    (``breaks``: :func:`line_breaks`), never the whole line: a long line stays linear."""
    i = bisect_left(breaks, m.start)
    if not _DATELINE_BEFORE.fullmatch(text.original, breaks[i - 1] + 1 if i else 0, m.start):
        return False
    return bool(_DATELINE_AFTER.match(text.original, m.end))


def listed_after(text: NormText, m: Match, prev: Match | None) -> bool:
    """The match follows ``prev`` in a list: "الرقة ودير الزور", "جرابلس ، الباب"."""
    if prev is None or prev.end > m.start or m.start - prev.end > 12 \
            or "(" in text.original[prev.end:m.start]:         # "( X )" after a place: apposition
        return False
    return _list_gap(text.original[prev.end:m.start], 0)
