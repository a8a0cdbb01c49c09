"""Where a claim is detected: the codebook's cue patterns matched in what a speaker says.

A claim (``claims.jsonl``) has cue patterns, compiled once at codebook load
(:mod:`riwaya.codebook.cues`, ``Codebook.compiled_claims``). In a cue's *content* (the tokens a
speaker says, :mod:`.cues`), :func:`find_claims` looks for each claim's patterns in order:

1. Every ``all`` group must occur somewhere in the content. A group occurs where one of its
   words matches (through :func:`claim_terms`, the matcher of every group's words: clitics,
   spelling variants and ``word*`` prefixes allowed, a one-word stem in its imperfect too:
   منع* matches يمنع) or where one of its ``@ID`` entities is mentioned.
2. The first ``all`` group's occurrences are the *anchors*, tried in text order; an anchor
   inside an embedded statement (``exclude``) is left to that statement.
3. Every ``near`` group must occur within ``window`` words of the anchor, with no word of the
   pattern's ``not_between`` group between them ("دعماً للهجوم على داعش"); no claim is found
   under a condition or a verb of intending (:func:`.stance.irrealis_before`).
4. A ``negated`` pattern needs a negation scoped over the anchor (``stance.negation_before``).
5. A pattern with a ``speaker`` group counts only when one of its actors (or a part of one, or a
   person speaking for one) is the speaker ("نحن لن نقبل أي اتفاق" said by the coalition).
6. An ``opens`` pattern counts only when its anchor is the first word of the content (time words
   such as اليوم، الخميس and the object's preposition عن skipped): the speech verb's own
   object, a verbal noun that states the event ("أعلن الجيش تحرير المدينة", "أعلن عن تحرير"),
   not the same noun deeper in what is said ("قال إن معركة تحرير المدينة بدأت").
7. An ``all`` group of places only (``@RAQQA``), other than the anchor's, is also met by the
   place named outside the content (``context_places``: the one place of the rest of the
   sentence and the sentence before, a country named with it not counted) when the content
   names no place itself but as a destination ("رحلوا إلى دير الزور"): "خرج المسلحون من الرقة. وذكر ناشطون أن خروجهم تم بموجب اتفاق".
8. Under a denial or an admission (``speaker_fills``), an ``all`` group of actors only, other
   than the anchor's, is also met by the speaker itself: the one who denies is the one the claim
   is about ("وتنفي واشنطن أي تنسيق مع تنظيم داعش", "نفى التحالف أن تكون طائراته قد عرقلت").

The first anchor that passes speaks for the pattern, and the first pattern that matches speaks
for the claim: at most one :class:`Candidate` per claim. Its stance is decided in :mod:`.stance`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

from riwaya.codebook.cues import CompiledClaim, CueGroup
from riwaya.pipeline.mentions import Mention
from riwaya.pipeline.statements.context import DESTINATION
from riwaya.pipeline.statements.cues import GOVERNING_PREFIXES, split_variants
from riwaya.pipeline.statements.model import Anchor, Candidate, Lexicon
from riwaya.pipeline.statements.stance import irrealis_before, negation_before
from riwaya.text.matcher import Match, Matcher, NormText, resolve_overlaps
from riwaya.text.normalize import normalize_form

GroupKey = tuple[str, int, str, int]     # (claim id, cue index, "all" | "near", group index)
Hit = tuple[int, int, "Match | None"]    # token range, and the word match (None: a mention)


#: the prefixes of the imperfect (he, she/you, we): a ``word*`` stem (منع*) also matches its
#: imperfect (يمنع، تمنع، نمنع), as a writer of a cue means the verb, whatever its person
IMPERFECT = ("ي", "ت", "ن")
MIN_STEM = 3     # letters a stem needs before its imperfect is matched too
#: the preposition a verb of saying may take before its object ("أعلن عن تحرير المدينة")
OBJECT_PREPOSITIONS = frozenset({"عن"})
#: a time phrase between a verb of saying and its object, after قبل/منذ/بعد or في (normalised
#: forms): "أعلن قبل أيام سيطرته على المدينة", "أعلن في وقت سابق تحرير المدينة"
TIME_NOUNS = frozenset(normalize_form(w) for w in (
    "أيام", "يومين", "ساعات", "ساعة", "ساعتين", "أسبوع", "أسبوعين", "أسابيع", "شهر", "شهرين",
    "أشهر", "دقائق", "وقت", "سابق", "لاحق", "قليل", "فترة", "مدة"))
#: words that close a frame of saying before the object ("في بيان له", "في بيان رسمي")
FRAME_TAILS = frozenset(normalize_form(w) for w in ("له", "لها", "لهم", "رسمي", "صحفي", "مقتضب"))


def _word_patterns(word) -> list[str]:
    """The matcher patterns of a cue word: itself, and a one-word stem's imperfect forms."""
    out = [word.pattern]
    if word.prefix and " " not in word.form and len(word.form) >= MIN_STEM:
        out += [p + word.pattern for p in IMPERFECT]
    return out + split_variants(word.pattern, inner=False)   # "س مح": a lost damma's space


def claim_terms(claims: Sequence[CompiledClaim]) -> Matcher:
    """One matcher of every group's words; each match's payload is its :data:`GroupKey`."""
    terms = Matcher()
    for claim in claims:
        for ci, cue in enumerate(claim.cues):
            blocks = (cue.not_between,) if cue.not_between is not None else ()
            for part, groups in (("all", cue.all), ("near", cue.near), ("block", blocks)):
                for gi, group in enumerate(groups):
                    for word in group.words:
                        for pattern in _word_patterns(word):
                            terms.add(pattern, f"{claim.id}#{ci}#{part}#{gi}", "claim_term",
                                      payload=(claim.id, ci, part, gi), join_variant=False)
    return terms


@dataclass(frozen=True)
class Openers:
    """Which cue patterns a content can anchor, from its first ``all`` groups: by the word's
    :data:`GroupKey` and by entity, each pattern as (claim's position, cue index). Built once
    per codebook: a content is tried only against the patterns it holds an anchor of."""

    by_key: dict[GroupKey, tuple[tuple[int, int], ...]]
    by_entity: dict[str, tuple[tuple[int, int], ...]]

    @classmethod
    def of(cls, claims: Sequence[CompiledClaim]) -> "Openers":
        by_key: dict[GroupKey, list[tuple[int, int]]] = defaultdict(list)
        by_entity: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for pos, claim in enumerate(claims):
            for ci, cue in enumerate(claim.cues):
                by_key[(claim.id, ci, "all", 0)].append((pos, ci))
                for entity in cue.all[0].entities:
                    by_entity[entity].append((pos, ci))
        return cls({k: tuple(v) for k, v in by_key.items()},
                   {k: tuple(v) for k, v in by_entity.items()})


def _group_hits(group: CueGroup, words: list[Match], ents: list[Mention]) -> list[Hit]:
    """Token ranges where a group matches: its words, then mentions of its entities."""
    hits: list[Hit] = [(m.first, m.last, m) for m in words]
    if group.entities:
        hits += [(mt.first_token, mt.last_token, None) for mt in ents
                 if mt.entity_id in group.entities]
    return hits


def _all_hits(claim_id: str, ci: int, groups: Sequence[CueGroup],
              by_group: dict[GroupKey, list[Match]], ents: list[Mention], named: set[str],
              first: int, places: frozenset[str], context_places: frozenset[str],
              fill_ids: frozenset[str] | None) -> tuple[list[list[Hit]], bool, bool] | None:
    """Each ``all`` group's hits, group by group, whether one was met outside the content
    (rule 7, or rule 8 with ``fill_ids``, the speaker's) and whether by the speaker; None at the
    first group met nowhere (most patterns of most contents: the rest are not looked for)."""
    out: list[list[Hit]] = []
    by_context = filled = False
    for gi, group in enumerate(groups):
        words = by_group.get((claim_id, ci, "all", gi))
        if words is None and not named.intersection(group.entities):
            hits: list[Hit] = []
        else:
            hits = _group_hits(group, words or [], ents)
        if not hits and gi:
            if _in_context(group, places, context_places):
                hits = [(first, first, None)]   # met outside the content
                by_context = True
            elif fill_ids is not None and group.entities and not group.words \
                    and fill_ids.intersection(group.entities):
                hits = [(first, first, None)]   # the speaker itself
                by_context = filled = True
        if not hits:
            return None
        out.append(hits)
    return out, by_context, filled


def _in_context(group: CueGroup, places: frozenset[str], context_places: frozenset[str]) -> bool:
    """A group of places only, one of which is named around the content."""
    return bool(group.entities) and not group.words and set(group.entities) <= places \
        and bool(context_places.intersection(group.entities))


def _anchors(text: NormText, hits: list[Hit]) -> list[Anchor]:
    """The first group's occurrences in text order: non-overlapping words, then mentions."""
    words = resolve_overlaps([h[2] for h in hits if h[2] is not None])
    return sorted([Anchor(m.first, m.last, m.start, m.end) for m in words]
                  + [Anchor(h[0], h[1], text.tokens[h[0]].start, text.tokens[h[1] - 1].end)
                     for h in hits if h[2] is None],
                  key=lambda a: a.first)


def find_claims(text: NormText, first: int, last: int, claims: Sequence[CompiledClaim],
                terms: list[Match], mentions: list[Mention], lexicon: Lexicon,
                exclude: Sequence[tuple[int, int]] = (),
                speaker_ids: frozenset[str] = frozenset(),
                context_places: frozenset[str] = frozenset(),
                places: frozenset[str] = frozenset(),
                speaker_fills: bool = False,
                openers: "Openers | None" = None) -> list[Candidate]:
    """The claims said in tokens ``[first, last)``, at most one candidate per claim.

    ``terms`` are :func:`claim_terms` matches in the text, ``mentions`` the entity mentions;
    anchors inside an ``exclude`` token range (embedded statements) are left out; ``lexicon``
    gives the negations for ``negated`` patterns; ``speaker_ids`` the speaker and the actors it
    is part of or speaks for (for patterns with a ``speaker`` group); ``places`` the codebook's
    place ids and ``context_places`` the places named around the content (rule 7);
    ``speaker_fills``: the cue denies or concedes (rule 8); ``openers``: :class:`Openers` of
    ``claims`` (made now if not given).
    """
    if last <= first:
        return []
    by_group: dict[GroupKey, list[Match]] = defaultdict(list)
    for m in terms:
        if m.first >= first and m.last <= last:
            by_group[m.pattern.payload].append(m)
    ents = [mt for mt in mentions if mt.first_token >= first and mt.last_token <= last]
    named = {mt.entity_id for mt in ents}
    openers = openers if openers is not None else Openers.of(claims)
    live = {at for key in by_group for at in openers.by_key.get(key, ())}
    for entity in named:
        live.update(openers.by_entity.get(entity, ()))
    if not live:
        return []   # no pattern's anchor (a first group's word or entity) in the content
    if any(mt.kind == "place" and not (mt.first_token > 0 and
                                       text.tokens[mt.first_token - 1].norm in DESTINATION)
           for mt in ents):
        # the content names a place of its own (not where someone went: "رحلوا إلى دير الزور")
        context_places = frozenset()
    opening = content_opening(lexicon, text, first, last)
    out: list[Candidate] = []
    done: set[int] = set()      # the claims found (by position): their later patterns are not tried
    for pos, ci in sorted(live):    # the claims in order, each one's patterns in order
        if pos in done:
            continue
        claim = claims[pos]
        cue = claim.cues[ci]
        if cue.speaker and not speaker_ids.intersection(cue.speaker):
            continue
        all_hits = _all_hits(claim.id, ci, cue.all, by_group, ents, named, first,
                             places, context_places, speaker_ids if speaker_fills else None)
        if all_hits is None:
            continue
        all_hits, by_context, filled = all_hits
        near_hits = [_group_hits(g, by_group.get((claim.id, ci, "near", gi), []), ents)
                     for gi, g in enumerate(cue.near)]
        found = None
        for anchor in _anchors(text, all_hits[0]):
            if any(s <= anchor.first < e for s, e in exclude) or \
                    (cue.opens and anchor.first != opening):
                continue
            near = _near_span(anchor, near_hits, cue.window,
                              [m.first for m in by_group.get((claim.id, ci, "block", 0), [])])
            if near is None:
                continue
            span, events = near[:2], near[2]
            if cue.negated and negation_before(lexicon, text, first, anchor.first) is None:
                continue
            if irrealis_before(lexicon, text, first, min(anchor.first, span[0])) is not None \
                    or _purpose(lexicon, text, first, anchor):
                continue  # "إذا ثبت أن ...", "تسعى إلى استعادة ...", "هجوما لتطهيرها"
            if filled and _own_subject(lexicon, text, anchor, mentions, last):
                continue  # "اتفاق توسط فيه مسؤولون محليون": not the speaker's doing
            found = Candidate(claim.id, cue.stance, anchor, cue.negated, *span,
                              by_context=by_context, events=events)
            break  # the first anchor speaks for the claim in this content
        if found is not None:
            out.append(found)
            done.add(pos)   # the first cue pattern that matches speaks for the claim
    return out


#: pronouns with a preposition between a verb and its subject ("توسط فيه مسؤولون")
OBLIQUE_PRONOUNS = frozenset({"فيه", "فيها", "به", "بها", "عليه", "عليها", "له", "لها"})


def content_opening(lexicon: Lexicon, text: NormText, first: int, last: int) -> int:
    """The token where a content's own words begin: past time words (اليوم، الخميس، قبل أيام،
    في وقت سابق), the frame of saying ("في بيان", "في بيان له") and the object's preposition عن,
    where an ``opens`` pattern's anchor stands."""
    k = first
    while k < last:
        norm = text.tokens[k].norm
        if lexicon.is_("name_stop", norm) or norm in OBJECT_PREPOSITIONS or norm in TIME_NOUNS:
            k += 1
        elif norm == "في" and k + 1 < last and (text.tokens[k + 1].norm in TIME_NOUNS or
                                                lexicon.is_("speech_noun", text.tokens[k + 1].norm)):
            k += 2
            while k < last and text.tokens[k].norm in FRAME_TAILS:
                k += 1  # "في بيان له", "في بيان رسمي"
        else:
            break
    return k


def _purpose(lexicon: Lexicon, text: NormText, first: int, anchor: Anchor) -> bool:
    """Whether the anchor is what an act right before it aims at (the lexicon's ``purpose``
    markers: "بغية استعادة المدينة", "معركة تحرير البوكمال", "شنت هجوما لتطهيرها"), not
    something said to have happened."""
    k = anchor.first
    return k > first and lexicon.is_("purpose", text.tokens[k - 1].norm)


def _own_subject(lexicon: Lexicon, text: NormText, anchor: Anchor, mentions: list[Mention],
                 last: int) -> bool:
    """Whether the anchor verb names its own doer right after it (an unnamed source or an
    actor, past a pronoun with a preposition: "توسط فيه مسؤولون محليون"): then the speaker who
    admits or denies is not the claim's actor by being the speaker."""
    k = anchor.last
    oblique = k < last and text.tokens[k].norm in OBLIQUE_PRONOUNS
    k += oblique
    if k >= last:
        return False
    # an actor right after the anchor is as often its object ("تنسيق مع تنظيم داعش"): only
    # past the pronoun is it the doer
    return lexicon.is_("source_noun", text.tokens[k].norm) or \
        (oblique and any(m.kind == "actor" and m.first_token == k for m in mentions))


#: words before a near group's word (before the anchor) where a block governs it ("معارك ضارية
#: مع تنظيم")
BLOCK_BEFORE = 3


def _cuts(anchor: Anchor, hit: Hit, block: int) -> bool:
    """Whether a ``not_between`` word at token ``block`` cuts a near hit from the anchor: it
    stands between them, right after the anchor as its complement ("احتلال داعش") or right
    before it as its verb ("قصفت قافلة"), or governs a hit before the anchor ("لمحاربة داعش
    بالتعاون مع")."""
    if block in (anchor.last, anchor.first - 1):
        return True
    if hit[0] >= anchor.last:
        return anchor.last <= block < hit[0]
    return hit[0] - BLOCK_BEFORE <= block < anchor.first and not hit[0] <= block < hit[1]


def _near_span(anchor: Anchor, near_hits: list[list[Hit]], window: int,
               blocks: Sequence[int] = ()) -> tuple[int, int, tuple[int, ...]] | None:
    """The token range of the anchor and its ``near`` groups, and the first tokens of the
    near words after the anchor (the nearest of each group: the event said of it, "المقاتلين
    الأجانب … بالخروج"); None if a group is too far, met only by the anchor's own words
    ("صفقات" is no party to a deal by being one), or cut from the anchor by a
    ``not_between`` word (at token ``blocks``)."""
    if any(b in (anchor.last, anchor.first - 1) for b in blocks):
        return None   # the block qualifies the anchor itself, near groups or none ("اتفاق داخلي")
    lo_tok, hi_tok = anchor.first, anchor.last
    events = []
    for hits in near_hits:
        close = [h for h in hits if h[0] - anchor.last <= window and anchor.first - h[1] <= window
                 and (h[1] <= anchor.first or h[0] >= anchor.last)   # not the anchor itself
                 and not any(_cuts(anchor, h, b) for b in blocks)]
        if not close:
            return None
        lo_tok = min(lo_tok, min(h[0] for h in close))
        hi_tok = max(hi_tok, max(h[1] for h in close))
        after = [h[0] for h in close if h[2] is not None and h[0] >= anchor.last]
        if after:
            events.append(min(after))
    return lo_tok, hi_tok, tuple(events)


#: ل before the article, written لل: the match holds the whole word ("للسيطرة على المدينة")
ARTICLE_LAM = ("لل", "ولل", "فلل")
GOVERNING_WORDS = frozenset({"من"})


def _governed(text: NormText, first: int, term: Match) -> bool:
    """Whether a claim word is governed by a preposition: من right before it ("تقترب من
    تحرير"; not على: "ساعدت الجيش على تحرير"), or a ل/ب clitic on it ("لتحرير", "للسيطرة")."""
    k = term.first
    if k > first and text.tokens[k - 1].norm in GOVERNING_WORDS:
        return True
    prefix = normalize_form(text.original[text.tokens[k].start:term.start])
    return prefix in GOVERNING_PREFIXES or (not prefix and
                                            normalize_form(text.original[term.start:term.end])
                                            .startswith(ARTICLE_LAM))


def anchored(lexicon: Lexicon, text: NormText, terms: list[Match], claim: CompiledClaim,
             first: int, last: int, mentions: Sequence[Mention] = ()) -> bool:
    """Whether a word of the first ``all`` group of one of the claim's cue patterns (its anchor)
    is in tokens ``[first, last)``, not right after a purpose marker ("بغية استعادة") nor under
    a condition or a verb of intending (:func:`.stance.irrealis_before`), and negated exactly
    when its pattern asks for a negation ("لم تتحرر"; "لم تعد محتلة" is no anchor of
    "محتلة"), and not governed by its pattern's ``not_between`` word, with a word of each of
    its pattern's ``near`` groups of words (the event: "مقاتلون أجانب" is no anchor of an escape
    without a word of escaping, "قتل مقاتلون أجانب"; groups of entities are the claim's needs),
    and a word or a mention (in ``mentions``) of each group mixing both (the object: "دعم"
    without ISIS or terrorists said, "تعدل الدعم العسكري لشركائها", supports no ISIS):
    the claim's structure, which an example match needs below the encoder's sure similarity."""
    named = {m.entity_id for m in mentions if m.first_token >= first and m.last_token <= last}
    blocks = {(t.pattern.payload[1], t.first) for t in terms
              if t.pattern.payload[0] == claim.id and t.pattern.payload[2] == "block"}
    nears = {(t.pattern.payload[1], t.pattern.payload[3]) for t in terms
             if t.pattern.payload[0] == claim.id and t.pattern.payload[2] == "near"
             and first <= t.first and t.last <= last}
    for t in terms:
        key = t.pattern.payload
        if key[0] != claim.id or key[2] != "all" or key[3] != 0 or t.first < first \
                or t.last > last:
            continue
        if (key[1], t.first - 1) in blocks or \
                any((key[1], k) in blocks for k in range(t.last, last)):
            continue  # "قصفت قافلة", "تدعم ... في حربها ضد داعش": the pattern's not_between
            # word governs the anchor or stands between it and what follows
        if _governed(text, first, t):
            continue  # "تقترب من تحرير", "تواصل عملياتها لتحرير": a complement, not the event
        if any((key[1], gi) not in nears for gi, g in enumerate(claim.cues[key[1]].near)
               if g.words and not g.entities):
            continue  # "قتل مقاتلون أجانب": the participant without the event its pattern asks
        if any((key[1], gi) not in nears and not named.intersection(g.entities)
               for gi, g in enumerate(claim.cues[key[1]].near) if g.words and g.entities):
            continue  # "تعدل الدعم العسكري لشركائها": the act without its object
        negated = negation_before(lexicon, text, first, t.first) is not None
        if negated != claim.cues[key[1]].negated:
            continue
        if not any(lexicon.is_("purpose", text.tokens[j].norm)
                   for j in range(max(first, t.first - 2), t.first)) \
                and irrealis_before(lexicon, text, first, t.first) is None:
            return True
    return False
