"""Mentions of actors and places, with character offsets.

Sources, in order of trust: codebook aliases of actors and places; a surname or
title alone (``short_forms``) once the full name has appeared; anaphors such as
"الوزارة" or "البيان" pointing back to the last actor that lists them; the
offline gazetteer for places the codebook lacks; the NER model when installed.
Overlaps go to the longest match, so "سوريا" inside "قوات سوريا الديمقراطية" is
the SDF and not a place. A gazetteer name is a place only with evidence in the
text, and names the place of the article's region (:mod:`riwaya.pipeline.place_evidence`); a
gazetteer town that is a codebook place under another spelling (موصل) is that codebook place, and
a country that is also an actor is judged as a place after من too (its origin: "قدموا من روسيا").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Protocol

from riwaya.codebook import Codebook
from riwaya.pipeline.place_evidence import PlaceRules, bare
from riwaya.pipeline.place_judge import Judge, great_circle_km
from riwaya.text.clitics import ARTICLE, IN, strip_conjunction, with_conjunction
from riwaya.text.matcher import Match, Matcher, NormText, Spans, normalized_key, resolve_overlaps

PRIORITY_CODEBOOK = 0
PRIORITY_SHORT = 1
PRIORITY_GAZETTEER = 2
TWIN_KM = 15
FROM = "من"


class GazetteerLike(Protocol):
    def forms(self) -> dict[str, Any]: ...

    def candidates(self, form: str) -> tuple[Any, ...]: ...

    @property
    def settings(self) -> Any: ...


@dataclass(frozen=True)
class Mention:
    kind: str          # actor | place
    entity_id: str
    surface: str
    start: int
    end: int
    method: str
    first_token: int
    last_token: int


@dataclass
class EntityIndex:
    """Matchers built once per codebook (and gazetteer), reused for every document."""

    main: Matcher
    short: Matcher
    anaphor: Matcher
    anaphor_owners: dict[str, list[str]]   # normalised anaphor -> actor ids listing it
    locatives: frozenset[str]
    name_heads: frozenset[str]
    place_info: dict[str, Any]             # entity id -> gazetteer entry (for non-codebook places)
    dual_ids: dict[str, str]               # gazetteer country id -> actor id with the same name
    place_rules: PlaceRules | None = None  # evidence that a gazetteer name is a place
    place_candidates: dict[str, tuple[Any, ...]] | None = None   # form key -> places of that name
    twins: dict[str, str] | None = None    # gazetteer id -> the codebook place it is (موصل: MOSUL)

    @classmethod
    def build(cls, codebook: Codebook, gazetteer: GazetteerLike | None = None) -> "EntityIndex":
        main, short, anaphor = Matcher(), Matcher(), Matcher()
        owners: dict[str, list[str]] = {}
        actor_keys: dict[str, str] = {}
        codebook_keys: set[str] = set()
        for actor in codebook.actors:
            for form in actor.aliases:
                main.add(form, actor.id, "actor", priority=PRIORITY_CODEBOOK)
                actor_keys[normalized_key(form)] = actor.id
                codebook_keys.add(normalized_key(form))
            for form in actor.short_forms:
                short.add(form, actor.id, "actor", method="surname", priority=PRIORITY_SHORT)
            for form in actor.anaphors:
                key = normalized_key(form)
                if key not in owners:
                    anaphor.add(form, key, "anaphor", method="anaphor", priority=PRIORITY_SHORT)
                owners.setdefault(key, []).append(actor.id)
        for place in codebook.places:
            for form in {place.name_ar, *place.aliases}:
                main.add(form, place.id, "place", priority=PRIORITY_CODEBOOK)
                codebook_keys.add(normalized_key(form))
        place_info: dict[str, Any] = {}
        dual: dict[str, str] = {}
        candidates: dict[str, tuple[Any, ...]] = {}
        rules = None
        if gazetteer is not None:
            rules = PlaceRules.build(gazetteer.settings, codebook.places)
            for form, entry in gazetteer.forms().items():
                key = normalized_key(form)
                if key in codebook_keys and key not in actor_keys:
                    continue  # the codebook's own place wins
                main.add(form, entry.entity_id, "place", method="gazetteer",
                         priority=PRIORITY_GAZETTEER, join_variant=False, loose=False,
                         payload=key)
                candidates[key] = gazetteer.candidates(form) or (entry,)
                for option in candidates[key]:
                    place_info[option.entity_id] = option
                if key in actor_keys:
                    dual[entry.entity_id] = actor_keys[key]
        locatives = frozenset(normalized_key(f) for e in codebook.lexicon_forms("locative")
                              for f in e.forms)
        name_heads = frozenset(normalized_key(f) for e in codebook.lexicon_forms("name_head")
                               for f in e.forms)
        return cls(main, short, anaphor, owners, locatives, name_heads, place_info, dual,
                   rules, candidates, _twins(codebook, place_info))


def _bare_names(forms: Iterable[str]) -> set[str]:
    return {k[len(ARTICLE):] if k.startswith(ARTICLE) else k
            for k in (normalized_key(f) for f in forms if f)}


def _twins(codebook: Codebook, place_info: dict[str, Any]) -> dict[str, str]:
    """Gazetteer towns that are a codebook place under another spelling (موصل for الموصل):
    within :data:`TWIN_KM` of it and sharing a name once the article is dropped."""
    out: dict[str, str] = {}
    for place in codebook.places:
        if place.lat is None or place.lon is None:
            continue
        names = _bare_names({place.name_ar, *place.aliases})
        for entry in place_info.values():
            if entry.kind != "country" and abs(entry.lat - place.lat) < 1 \
                    and great_circle_km((entry.lat, entry.lon), (place.lat, place.lon)) <= TWIN_KM \
                    and names & _bare_names(entry.forms_ar):
                out[entry.entity_id] = place.id
    return out


def _is_locative(text: NormText, match: Match, locatives: frozenset[str]) -> bool:
    tok = text.tokens[match.first].norm
    if strip_conjunction(tok).startswith(IN) and not match.pattern.tokens[0].startswith(IN):
        return True
    if match.first > 0 and with_conjunction(text.tokens[match.first - 1].norm, locatives):
        return True                                      # في موسكو، وفي موسكو
    return False


def _origin(text: NormText, match: Match) -> bool:
    """A country right after من ("انطلقت من روسيا", "المنحدرين من روسيا"): perhaps the place
    something comes from; the place judge decides (كل من روسيا، الموقف من روسيا: the state), and
    the actor stays where it says no."""
    return match.entity_id.startswith("CC:") and match.first > 0 \
        and strip_conjunction(text.tokens[match.first - 1].norm) == FROM


def find_mentions(text: NormText, index: EntityIndex, *,
                  extra: Iterable[Mention] = ()) -> list[Mention]:
    """Every actor and place mention of a document, in text order."""
    raw = index.main.find(text)
    # a name that is both an actor and a gazetteer country: a place only where used as one
    chosen: list[Match] = []
    actor_of: dict[int, list[Match]] = {}     # a country used as a place: its actor, if it is not one
    by_span: dict[tuple[int, int], list[Match]] = {}
    for m in raw:
        by_span.setdefault((m.start, m.end), []).append(m)
    for group in by_span.values():
        places = [m for m in group if m.pattern.kind == "place" and m.entity_id in index.dual_ids]
        actors = [m for m in group if m.pattern.kind == "actor"]
        if places and actors:
            if _is_locative(text, places[0], index.locatives) or _origin(text, places[0]):
                chosen.extend(m for m in group if m.pattern.kind == "place")
                actor_of[places[0].start] = actors
            else:
                chosen.extend(actors)
        else:
            chosen.extend(group)
    # a place right after a name head ("معاهدة جنيف", "لمؤتمر الرياض") is part of a name, and
    # so is every place inside it ("قيادة عمليات محافظة الأنبار": not الأنبار either)
    named = [m for m in chosen if m.pattern.kind == "place" and m.first > 0 and any(
        b in index.name_heads for b in bare(text.tokens[m.first - 1].norm))]
    chosen = [m for m in chosen if not (m.pattern.kind == "place" and any(
        n.start <= m.start and m.end <= n.end for n in named))]
    best = resolve_overlaps(chosen)
    entity = {m.start: m.entity_id for m in best}
    if index.place_rules is not None:
        places = [m for m in best if m.pattern.kind == "place"]
        countries = {m.entity_id for m in raw if m.entity_id.startswith("CC:")}
        judged = Judge(text, places, index.place_rules, index.place_candidates or {},
                       countries).run()
        twins = index.twins or {}
        entity.update({m.start: twins.get(e, e) for m, e in judged})
        dropped = {m.start for m in places} - {m.start for m, _ in judged}
        best = [m for m in best if m.start not in dropped]
        for start in dropped & set(actor_of):
            best.append(actor_of[start][0])
            entity[start] = actor_of[start][0].entity_id

    mentions: list[Mention] = []
    taken = Spans((m.start, m.end) for m in best)

    def free(s: int, e: int) -> bool:
        return not taken.overlaps(s, e)

    for m in best:
        mentions.append(_mention(text, m, m.pattern.kind, entity[m.start], m.pattern.method))

    # short forms: only after the full name appeared earlier in the document
    first_seen: dict[str, int] = {}
    for mt in mentions:
        if mt.kind == "actor":
            first_seen.setdefault(mt.entity_id, mt.start)
    for m in resolve_overlaps(index.short.find(text)):
        seen_at = first_seen.get(m.entity_id)
        if seen_at is not None and seen_at < m.start and free(m.start, m.end):
            mentions.append(_mention(text, m, "actor", m.entity_id, "surname"))
            taken.add(m.start, m.end)

    # anaphors: the last actor mentioned before that lists the anaphor (one pass: the
    # anaphors in text order, the actors before each one's start read once)
    mentions.sort(key=lambda x: x.start)
    before = iter(list(mentions))
    ahead = next(before, None)
    last_at: dict[str, tuple[int, int]] = {}   # actor -> (start, order) of its last mention so far
    order = 0
    for m in resolve_overlaps(index.anaphor.find(text)):
        while ahead is not None and ahead.start < m.start:
            if ahead.kind == "actor":
                last_at[ahead.entity_id] = (ahead.start, order)
                order += 1
            ahead = next(before, None)
        if not free(m.start, m.end):
            continue
        owners = index.anaphor_owners.get(m.entity_id, [])
        seen = [(last_at[o], o) for o in owners if o in last_at]
        if seen:
            antecedent = max(seen)[1]
            mentions.append(_mention(text, m, "actor", antecedent, "anaphor"))
            taken.add(m.start, m.end)
            last_at[antecedent] = (m.start, order)
            order += 1

    for mt in extra:
        if free(mt.start, mt.end):
            mentions.append(mt)
            taken.add(mt.start, mt.end)
    mentions.sort(key=lambda x: (x.start, x.end))
    return mentions


def _mention(text: NormText, m: Match, kind: str, entity_id: str, method: str) -> Mention:
    return Mention(kind=kind, entity_id=entity_id, surface=text.original[m.start:m.end],
                   start=m.start, end=m.end, method=method, first_token=m.first,
                   last_token=m.last)
