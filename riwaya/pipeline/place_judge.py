"""The per-article decision over gazetteer hits: which stay places, and which place each names.

:class:`Judge` reads what :func:`riwaya.pipeline.place_evidence.evidence` finds before each name,
the article's region and anchors (its codebook places), lists of names, one sense per article;
see :mod:`riwaya.pipeline.place_evidence` for the rules themselves. Besides:

- namesakes (:meth:`Judge.choose`): a world city (``large_city_population``) wins over a namesake
  ``prefer_max_ratio`` times smaller unless that one lies beside a codebook place the article
  names or a local head names it (الرياض: Riyadh, not a village of Iraq); a namesake chosen only
  because the article names its country (often as an actor: the United States) wins over the
  gazetteer's choice only when not :data:`NAMED_RATIO` times smaller (جنيف: Geneva, not Illinois);
- a town's name that reads as a common word by its agreement (الحراك الثوري، القارة الزرقاء) or
  is the first part of a longer name split by the scrape (كوبا ني) is no place, nor a town and
  its own country joined by a dash without a preposition (an address or masthead: "بيروت -
  لبنان"), nor a name before a clock ("عمان 9 09 : 49"), in a weather widget or in a byline
  (:mod:`riwaya.pipeline.place_chrome`: "بيروت Sun 16", "الدمام - فلان ;"); a clitic ب/ل places
  a small town beside a codebook place the article names (بالميادين near Deir ez-Zor);
- a name said to lie in another ("سنجار في ريف إدلب", "حي الحميدية في مدينة دير الزور") is its
  namesake within ``near_km`` of that place, or no place, and a place when the article keeps that
  one ("ومورك بريف حماة"); a short form of a longer name kept is that place; the countries a page
  names pick their namesakes (:mod:`riwaya.pipeline.place_namesakes`);
- one sense per article (:mod:`riwaya.pipeline.place_senses`): a name read as a common word by
  its agreement somewhere (الحراك الشعبي; not a country, not after a construct's noun: ريف
  اللاذقية الشمالي) is a place elsewhere only with more than في/من or a clitic; a village (a
  fifth of the regional size) by في/من or a clitic only within half ``near_km`` of a place the
  article names;
- a capital or a country named as a party is no place (:mod:`riwaya.pipeline.place_actors`): after
  a noun of relation or stance (الخلاف بين قطر، موقفا من إيران), a noun owning a party (حليف
  الرياض), as a verb's subject (:mod:`riwaya.pipeline.place_subject`: اعترضت الرياض، أن أنقرة
  ستضمن; not a city that is no capital, nor after a plural verb), nor is it made a place through
  its other mentions; after an indefinite head that places a country (عاصمة فلسطين) a name is
  the country, not a foreign town of that name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Iterable

from riwaya.pipeline.place_actors import metonym, party
from riwaya.pipeline.place_chrome import chrome
from riwaya.pipeline.place_evidence import (
    CLITIC, CODEBOOK, HEAD_CITY, HEAD_LOCAL, LISTED, NONE, NOT_IN_LIST, PROPAGATES, STRONG, WEAK,
    PlaceRules, after_definite, bare, broken_word, dateline, evidence, idiom_spans, line_breaks,
    listed_after, masthead, split_after, stop_word, visited)
from riwaya.pipeline.place_lists import list_labels, list_runs, listed_across, quoted_lists
from riwaya.pipeline.place_namesakes import (
    abroad, area_places, area_towns, beside, beside_box, container, countries_named, country_of,
    great_circle_km, inside, own_country, short_forms)
from riwaya.pipeline.place_senses import adjective_of_noun, common_names, nisba_after, nisba_shaped
from riwaya.pipeline.place_subject import THAT, capital, verb, verb_before
from riwaya.text.clitics import CONJUNCTIONS
from riwaya.text.matcher import Match, NormText, Spans

GOVERNOR_REACH = 5    # tokens between a word taking ب and the name it governs
SOURCE_REACH = 10     # tokens between a word whose من names a party and the name (تلقت ... من)
#: a namesake far from the article's places, in a country the article merely names, wins over
#: the gazetteer's own choice only when not NAMED_RATIO times smaller
NAMED_RATIO = 5
#: a line of names (a menu of regions, a list of offices or cities): NAME_LINE_PLACES names or
#: more, at most NAME_LINE_OTHER_WORDS other words (a label: "مكاتبنا"), no sentence ending it
NAME_LINE_PLACES = 3
NAME_LINE_OTHER_WORDS = 1
_SENTENCE_END = tuple(".!?؟")
_NEWLINE = re.compile("\n")
_DASH = re.compile(r"\s*[-–]\s*")


class Judge:
    """Decides, for one document, which place matches stay and which place each one names."""

    def __init__(self, text: NormText, places: list[Match], rules: PlaceRules,
                 candidates: dict[str, tuple[Any, ...]], countries: Iterable[str] = ()):
        """``countries``: ``CC:`` ids the article names in any use (as actors too)."""
        self.text, self.rules, self.candidates = text, rules, candidates
        self.places = sorted(places, key=lambda m: m.start)
        self.starts = [m.start for m in self.places]
        self.breaks = line_breaks(text)
        self.idioms = Spans(idiom_spans(text, rules.idioms))   # asked per place: log time
        self.labels = Spans(list_labels(text))
        self.runs = list_runs(text, self.places)
        self.quoted = Spans(quoted_lists(text))
        self.addresses = self._addresses()
        #: names read as a common word somewhere in the article by their agreement (الحراك
        #: الشعبي): one sense per article, so elsewhere a place only with stronger evidence
        self.common = common_names(text, self.places, self.is_codebook, self._in_idiom)
        named = [m.entity_id for m in self.places] + list(countries) + area_places(self)
        self.region = set(rules.event_countries)
        self.region.update(rules.codebook_places[e][2] for e in named
                           if e in rules.codebook_places and rules.codebook_places[e][2])
        self.region.update(e[3:] for e in named if e.startswith("CC:"))
        points = [(lat, lon) for e, (lat, lon, _) in rules.codebook_places.items()
                  if e in named and lat is not None and lon is not None]
        self.named_anchors = points
        #: namesakes in the countries the article names win (طرابلس: Libya's in a page naming
        #: Libya, not Lebanon); over the event's countries only on a page about elsewhere
        self.named_countries = named_countries = countries_named(self, named)
        self.abroad = abroad(named_countries, rules, points)
        self.anchors = points or [(lat, lon) for lat, lon, _ in rules.codebook_places.values()
                                  if lat is not None and lon is not None]

    def _addresses(self) -> set[int]:
        """The starts of a town and its own country joined by a dash, either way round ("بيروت -
        لبنان", "الأردن - عمان - شارع ..."): a masthead's or an address's place, not a mention."""
        out: set[int] = set()
        for a, b in zip(self.places, self.places[1:]):
            if not _DASH.fullmatch(self.text.original, a.end, b.start) \
                    or evidence(self.text, a, self.rules)[0] != NONE \
                    or self.labels.overlaps(a.start, b.end):
                continue                         # "في عمان - الأردن", "العراق - تكريت :": places
            for country, town in ((a, b), (b, a)):
                code = country.entity_id[3:] if country.entity_id.startswith("CC:") else None
                if code and any(o.kind != "country" and o.country == code
                                for o in self.options(town)):
                    out.update((a.start, b.start))
        return out

    def near(self, entry: Any) -> bool:
        return entry.kind != "country" and any(
            great_circle_km((entry.lat, entry.lon), a) <= self.rules.near_km for a in self.anchors)

    def choose(self, options: tuple[Any, ...], kind: str,
               words: tuple[str, ...] = ()) -> Any | None:
        """The place a name means here: near the article's places, then in its region. After
        an indefinite head that places a country (``country_heads``: عاصمة فلسطين), the country."""
        if kind in (HEAD_CITY, HEAD_LOCAL):          # a town; a country only as its complement
            country = words in self.rules.country_heads and not words[0].startswith("ال")
            options = tuple(o for o in options if (o.kind == "country") == country) or options
        if not options:
            return None
        named = self.named_countries
        prefer = any(o.kind != "country" and o.country in named for o in options)
        ranked = sorted(enumerate(options), key=lambda io: (
            prefer and io[1].kind != "country" and io[1].country not in named
            and (self.abroad or io[1].country not in self.rules.event_countries),
            not self.near(io[1]),
            io[1].country not in self.region, io[0]))
        best, default = ranked[0][1], options[0]
        if best is not default and default.kind != "country" and not self.near(best) \
                and best.country not in self.rules.event_countries \
                and default.population > NAMED_RATIO * max(best.population, 1):
            return default                       # جنيف: Geneva, though the page names the US
        world = max(options, key=lambda o: o.population)
        if kind != HEAD_LOCAL and world is not best and self._world_city(world, best):
            return world                         # الرياض: Riyadh, not a village of the region
        return best

    def _world_city(self, world: Any, small: Any) -> bool:
        """A large city (``large_city_population``) over a namesake ``prefer_max_ratio`` times
        smaller, unless that one lies close (a third of ``near_km``) to a codebook place the
        article names: المنصورة near Raqqa in a page naming Raqqa."""
        r = self.rules
        return bool(r.world_ratio) and world.kind != "country" and world.population >= r.large \
            and world.population > r.world_ratio * max(small.population, 1) \
            and not self.close(small)

    def close(self, entry: Any) -> bool:
        """Within a third of ``near_km`` of a codebook place the article names."""
        return entry.kind != "country" and any(
            great_circle_km((entry.lat, entry.lon), a) <= self.rules.near_km / 3
            for a in self.named_anchors)

    def accepts(self, entry: Any, kind: str, letters: int = 4) -> bool:
        """Whether ``kind`` of evidence places ``entry`` (``letters``: the name's letters)."""
        near, local = self.near(entry), entry.country in self.region
        pop, r = entry.population, self.rules
        if kind == HEAD_LOCAL:
            return near or local
        if kind in (HEAD_CITY, STRONG, LISTED):
            return near or local or pop >= r.large or kind == HEAD_CITY and entry.kind != "city"
        if kind == WEAK:               # من عفرين: a town of the region, not a village, anywhere
            return near or pop >= r.regional or (local and pop >= r.regional // 5
                                                 and not nisba_shaped(entry.name_ar))
        if kind == CLITIC:             # بالميادين: a town beside the article's own places too
            return ((near or local) and pop >= r.regional) or pop >= r.large or self.close(entry) \
                or (entry.country in self.named_countries - r.event_countries
                    and pop >= r.regional // 5 and letters > 3)   # بشرم الشيخ, a page on Egypt
        return near and pop >= r.large and entry.kind == "city"     # an area: evidence

    def run(self) -> list[tuple[Match, str]]:
        kept: dict[int, tuple[Match, str, str]] = {}     # match start -> (match, entity, evidence)
        for _ in range(3):                     # lists and the article's other mentions feed back
            before = len(kept)
            self._pass(kept)
            self._propagate(kept)
            if len(kept) == before:
                break
        listed = self._name_lines()
        return short_forms([(m, e) for m, e, _ in sorted(kept.values(), key=lambda x: x[0].start)
                            if m.start not in listed], lambda e: country_of(self, e))

    def _name_lines(self) -> set[int]:
        """The starts of the names on lines made of names (:data:`NAME_LINE_PLACES` or more, at
        most :data:`NAME_LINE_OTHER_WORDS` other words, no sentence end): "سوريا العراق لبنان
        اليمن", "بغداد - البصرة - الموصل", a site's menu of regions or list of offices, not
        a sentence about those places."""
        if len(self.places) < NAME_LINE_PLACES:
            return set()
        original = self.text.original
        newlines = [b.start() for b in _NEWLINE.finditer(original)]
        by_line: dict[int, list[Match]] = {}
        for m in self.places:       # by the newline before (-1: none); a search back was quadratic
            i = bisect_left(newlines, m.start)
            by_line.setdefault(newlines[i - 1] if i else -1, []).append(m)
        out: set[int] = set()
        for start, ms in by_line.items():
            if len(ms) < NAME_LINE_PLACES:
                continue
            end = original.find("\n", ms[-1].end)
            line = original[start + 1:end if end >= 0 else len(original)].rstrip()
            if line.endswith(_SENTENCE_END):
                continue
            words = sum(any(c.isalpha() for c in w) for w in line.split())
            named = sum(m.last - m.first for m in ms)
            if words - named <= NAME_LINE_OTHER_WORDS:
                out.update(m.start for m in ms)
        return out

    def _pass(self, kept: dict[int, tuple[Match, str, str]]) -> None:
        prev: Match | None = None
        for n, m in enumerate(self.places):
            if m.start in kept:
                prev = m
                continue
            nxt = self.places[n + 1] if n + 1 < len(self.places) else None
            if nxt is not None and (self._named(nxt) or not (self.is_codebook(nxt)
                                                              or nxt.start in kept)):
                nxt = None                     # a list's next name counts once it is a place
            decided = self._decide(m, prev, kept, nxt)
            if decided is not None:
                kept[m.start] = (m, *decided)
                prev = m

    def _propagate(self, kept: dict[int, tuple[Match, str, str]]) -> None:
        """One sense per article: a bare mention of a town that has evidence elsewhere."""
        with_evidence = {e for _, e, kind in kept.values() if kind in PROPAGATES}
        with_evidence |= area_towns(self, with_evidence)     # محافظة حلب ... سقوط حلب: the city
        for m in self.places:
            if m.start in kept or self.is_codebook(m) or broken_word(self.text, m) \
                    or m.pattern.tokens in self.common \
                    or self._in_idiom(m) or stop_word(self.text, m, self.rules) \
                    or self._agencydateline(m) or self._common(m, NONE) \
                    or m.start in self.addresses or masthead(self.text, m) \
                    or dateline(self.text, m, self.breaks) or self._named(m) \
                    or metonym(self.text, m, self.rules) or self._party(m) \
                    or chrome(self.text, m, self.rules.chrome):
                continue                             # حليف الرياض: a government, elsewhere a place
            acts = self._after_verb(m)               # اعترضت الرياض: a large city acting
            for entry in self.options(m):
                if entry.kind != "country" and entry.entity_id in with_evidence \
                        and not (acts and (capital(entry)
                                           or entry.population >= self.rules.large)):
                    kept[m.start] = (m, entry.entity_id, NONE)
                    break

    def _party(self, m: Match) -> bool:
        """After بين or من that a noun of relation or stance governs (:func:`party`)."""
        kind, words = evidence(self.text, m, self.rules)
        return kind == WEAK and party(self.text, m, words, self.rules.actors, NOT_IN_LIST)

    def is_codebook(self, m: Match) -> bool:
        """A codebook place's match, not a gazetteer name's (read by place_namesakes too)."""
        return m.pattern.method != "gazetteer"

    def _named(self, m: Match) -> bool:
        nxt = self.text.tokens[m.last].norm if m.last < len(self.text.tokens) else ""
        return nxt in self.rules.name_tails

    def options(self, m: Match) -> tuple[Any, ...]:
        """The gazetteer's places of the match's name, its namesakes (read by place_namesakes)."""
        return self.candidates.get(m.pattern.payload) or self.candidates.get(m.entity_id) or ()

    def _agencydateline(self, m: Match) -> bool:
        rx, before = self.rules.agency_dateline, self.rules.agency_slash
        return bool(rx and rx.match(self.text.original, m.end)) or bool(
            before and before.search(self.text.original, max(0, m.start - 40), m.start))

    def _governed(self, m: Match, governors: frozenset[str], reach: int = GOVERNOR_REACH) -> bool:
        """One of ``governors`` (words taking ب, ``clitic_governors``, or من, ``source_governors``)
        at most ``reach`` tokens before the name, in the same clause."""
        toks, original = self.text.tokens, self.text.original
        first = max(0, m.first - reach)
        while first < m.first and NOT_IN_LIST.search(original, toks[first].start, m.start):
            first += 1                           # only the words after a clause boundary
        return any(t in governors for tok in toks[first:m.first] for t in bare(tok.norm))

    def _common(self, m: Match, kind: str) -> bool:
        """A town's name read as a common word by its agreement (:func:`nisba_after`; with no
        evidence, :func:`adjective_of_noun`) or the first part of a split longer name
        (:func:`split_after`)."""
        if kind in (HEAD_CITY, HEAD_LOCAL):
            return False
        return nisba_after(self.text, m) or split_after(self.text, m, self.candidates) \
            or (kind == NONE and adjective_of_noun(self.text, m))

    def _in_idiom(self, m: Match) -> bool:
        return self.idioms.overlaps(m.start, m.end)

    def _decide(self, m: Match, prev: Match | None, kept: dict,
                nxt: Match | None = None) -> tuple[str, str] | None:
        if self._in_idiom(m) or m.start in self.addresses or stop_word(self.text, m, self.rules):
            return None                          # مسقط رأسه، فتح الباب، وجده: a common word
        codebook = self.is_codebook(m)
        label = self.labels.overlaps(m.start, m.end)     # "جرابلس : تقع ...": a list's item
        if self._agencydateline(m) or not codebook and (
                broken_word(self.text, m) or not label and dateline(self.text, m, self.breaks)):
            return None                                  # "دمشق ( وكالات )": metadata, any place
        kind, words = evidence(self.text, m, self.rules)
        if (kind == NONE and not codebook and masthead(self.text, m)) or (kind not in (
                STRONG, WEAK, CLITIC) and chrome(self.text, m, self.rules.chrome)):
            return None                                  # "عمان 9 09 : 49 الأحد", "بيروت Sun 16"
        if kind in (WEAK, CLITIC, NONE) and (label or listed_after(self.text, m, prev)
                                             or not m.entity_id.startswith("CC:")
                                             and listed_across(self.text, m, prev)
                                             or (nxt is not None
                                                 and listed_after(self.text, nxt, m))):
            kind = LISTED                                # الرقة ودير الزور: either way round
        if kind in (NONE, LISTED) and self._named(m) or kind in (WEAK, CLITIC, NONE) \
                and m.pattern.tokens in self.common:
            return None                  # سوريا نت، دمشق الآن: another name; في الحراك: a word
        if codebook:
            return m.entity_id, CODEBOOK
        options = own_country(self, m, self.options(m))       # طرابلس اللبنانية
        entry = self.choose(options, kind, words) if options else None
        if entry is None or split_after(self.text, m, self.candidates) \
                or entry.kind != "country" and self._common(m, kind):
            return None                                  # الحراك الثوري، القارة الزرقاء، كوبا ني
        box = container(self, m) if entry.kind != "country" else None
        if box is not None and not inside(self, entry, box):   # سنجار في ريف إدلب: not Iraq's
            entry = next((o for o in options if o.kind != "country" and inside(self, o, box)), None)
            if entry is None:
                return None
        if entry.kind == "country":              # a place only where used as one: most heads
            if kind == CLITIC and self._governed(m, self.rules.clitic_governors):
                return None                      # علاقة واشنطن بإيران: what a noun relates to
            if kind == WEAK and words == ("من",) \
                    and self._governed(m, self.rules.source_governors, SOURCE_REACH):
                return None                      # حصلت عليها من إيران: the party it came from
            if kind == WEAK and party(self.text, m, words, self.rules.actors, NOT_IN_LIST):
                return None                      # الخلاف بين قطر، موقفا من إيران: a party
            if kind == NONE and self._governed(m, self.rules.visit_governors):
                kind = STRONG                    # زار الوزير المغرب: the country visited
            used = kind in (STRONG, LISTED) \
                or (kind in (HEAD_CITY, HEAD_LOCAL) and words in self.rules.country_heads) \
                or (kind in (WEAK, CLITIC) and words in self.rules.country_weak)
            return (entry.entity_id, kind) if used else None
        if kind == NONE and (self._to(m) and self._governed(m, self.rules.visit_governors)
                             or visited(self.text, m, self.rules)):
            kind = STRONG                        # زيارة الرئيس للرياض، زار طهران: the town visited
        if kind in (WEAK, CLITIC, NONE, LISTED) and box is not None \
                and not box.entity_id.startswith("CC:") and not after_definite(self.text, m) \
                and (box.start in kept or self.is_codebook(box)) \
                and beside_box(self, entry, box, kept):
            kind = STRONG                        # كفرزيتا ومورك بريف حماة: said to lie in a place
        if kind == WEAK and words not in self.rules.weak:
            kind = NONE                          # عبر: "via" a country, "by means of" elsewhere
        quoted = self.quoted.overlaps(m.start, m.end)
        if kind in (WEAK, CLITIC, NONE) and (quoted or m.start in self.runs):
            kind = LISTED                        # " باريس وبروكسل ونيس ": towns named in a list
        if quoted and kind == LISTED and entry.population >= self.rules.regional:
            return entry.entity_id, kind         # a list of towns, anywhere
        if kind == WEAK and entry.population >= self.rules.large and self._party(m):
            return None                          # التوتر بين طهران والرياض: capitals as parties
        if kind == NONE and (self._after_verb(m) and capital(entry)
                             or metonym(self.text, m, self.rules)):
            return None                          # وتخشى عمان، حليف الرياض: a government
        if kind in (WEAK, CLITIC) and entry.population < self.rules.regional // 5 \
                and box is None and not beside(self, entry, kept):
            return None                          # في كسب وده، من ضمير الشعب: a word, no village
        letters = sum(map(len, m.pattern.tokens))        # بالن صر: a split word, not Allen
        return (entry.entity_id, kind) if self.accepts(entry, kind, letters) else None

    def _to(self, m: Match) -> bool:
        """The name carries ل ("للرياض"), which after a visit marks where to, not who."""
        token = self.text.tokens[m.first].norm
        token = token[1:] if token[:1] in CONJUNCTIONS and len(token) > 3 else token
        return token[:1] == "ل" and not m.pattern.tokens[0].startswith("ل")

    def _after_verb(self, m: Match) -> bool:
        """The name as a verb's subject: right after a verb of the third person (تـ/يـ...،
        ...ت), or after أن/إن and right before one ("أن أنقرة ستضمن", "إن طهران وموسكو تدعمان"):
        a capital standing for its government, not a place."""
        toks = self.text.tokens
        if m.first == 0:
            return False
        if verb_before(toks[m.first - 1].norm, self.rules):
            return True
        if toks[m.first - 1].norm not in THAT:
            return False
        i = m.last
        if i + 1 < len(toks) and toks[i].norm[:1] == "و" and toks[i].start in self.starts:
            i = next(p.last for p in self.places if p.start == toks[i].start)   # أنقرة وموسكو
        return i < len(toks) and not NOT_IN_LIST.search(self.text.original, m.end, toks[i].start) \
            and verb(toks[i].norm, self.rules)
