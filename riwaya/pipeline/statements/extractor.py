"""Statements: who said what about which claim, with which stance. The orchestrator.

:meth:`StatementExtractor.extract` runs the steps, each in its own module:

1. :mod:`.cues`: the speech cues from the lexicon (speech verbs, participles, "according to"
   frames, statement nouns, refutations, verbs of asking), and each cue's content, which runs to
   the next cue; a content that asks (:func:`.cues.asks`) states nothing.
2. :mod:`.speakers`: the speaker of each cue (subject, spokesperson, a title and a name
   (:mod:`.named`), frame source, statement noun owner, unnamed source, passive), and its kind
   (codebook, named, source, unattributed); an owner named only by an adjective ("المزاعم
   الروسية") is the one part of that actor the document names, if there is one.
3. :mod:`.claims`: the claims in each cue's content (:func:`.claims.find_claims`, with the cue
   patterns compiled once at codebook load), with "المدينة" read as the city named just before
   (:mod:`.context`); and :mod:`.examples`: the claim the content states by the claims' example
   sentences (all contents of a document encoded in one batch), kept only where the content
   holds the anchor word of one of the claim's cue patterns (:func:`.claims.anchored`).
4. :mod:`.stance`: the stance of each speaker on each claim.

Every statement says how it was found (``method``: rule, example or both) and how sure it is
(``confidence``). Across sentences the extractor keeps the last speaker (for participles,
statement vehicles and subjectless verbs; a sentence without speech hands on its subject:
"وعقد المتحدث … مؤتمرا. وقال إن …"), the people named so far, and what each speaker asserted
so far (for "رد على ادعاءات روسيا"). A sentence ending in a colon hands its speaker to the
paragraph that follows. An act of publishing reported inside what another says ("أكد البنتاغون
أن روسيا نشرت صوراً …") is no cue (:func:`.cues.reported_acts`), and an attribution after a
comma or a quote says the words before it (:func:`.cues.postposed_content`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np

from riwaya.codebook.cues import CompiledClaim
from riwaya.codebook.model import Codebook
from riwaya.pipeline.mentions import Mention
from riwaya.pipeline.statements.article import in_article, most_specific
from riwaya.pipeline.statements.claims import Openers, anchored, claim_terms, find_claims
from riwaya.pipeline.statements.context import PlaceAnaphors
from riwaya.pipeline.statements.cues import CueFinder, asks
from riwaya.pipeline.statements.examples import (EmbeddingCache, ExampleHit, ExampleMatcher,
                                                 LazyRows)
from riwaya.pipeline.statements.model import (Anchor, Candidate, Cue, Lexicon, Speaker,
                                              Statement)
from riwaya.pipeline.statements.named import Roles
from riwaya.pipeline.statements.quotes import after_speaker, quote_span
from riwaya.pipeline.statements.units import Unit, resolve_units
from riwaya.pipeline.statements.stance import (anaphoric_object, charged_object, decide,
                                               decide_example, denied_claims, denied_frame,
                                               negated_later, recent_claims, refutations,
                                               replies, without_presupposed)
from riwaya.text.matcher import Match, Matcher, NormText, tokenize_form
from riwaya.text.segment import Sentence

#: words at a content's start in which its complementizer is looked for (for the encoder)
SAID_FROM_GAP = 10
RULE_CONFIDENCE = 0.9        # a codebook cue pattern matched
CONTEXT_CONFIDENCE = 0.8     # ... with a group met outside the content (the place named before)
BOTH_CONFIDENCE = 0.97       # ... and the claim's examples agree
#: a gazetteer country's id: a wider area than a city named with it, never a rival to it
COUNTRY = "CC:"
#: a complementizer's pronoun that names the speaker as the subject of what it says (أنها، إننا)
SELF_PRONOUNS = ("ه", "ها", "نا", "هم")
#: lexicon classes whose words never tie a content to a claim
FUNCTION_WORDS = ("complementizer", "preposition", "negation", "relative", "name_stop",
                  "locative", "continuative", "purpose")


@dataclass
class StatementExtractor:
    """Built once per codebook; :meth:`extract` runs per document."""

    codebook: Codebook
    lexicon: Lexicon
    cues: CueFinder
    claims: tuple[CompiledClaim, ...]
    claim_terms: Matcher
    ancestors: dict[str, frozenset[str]]     # actor -> every actor it is part of
    presupposes: dict[str, tuple[str, ...]]
    roles: Roles
    anaphors: PlaceAnaphors
    examples: ExampleMatcher | None = None   # None: no claim has examples, or they are off
    negative_claims: frozenset[str] = frozenset()   # claims whose examples say "not" themselves
    cued: frozenset[str] = frozenset()              # claims that have cue patterns
    places: frozenset[str] = frozenset()            # the codebook's place ids

    @cached_property
    def by_id(self) -> dict[str, CompiledClaim]:
        """The compiled claims by id."""
        return {c.id: c for c in self.claims}

    @cached_property
    def openers(self) -> Openers:
        """The cue patterns each anchor word or entity opens (:class:`.claims.Openers`)."""
        return Openers.of(self.claims)

    @classmethod
    def build(cls, codebook: Codebook, *, examples: bool = True,
              cache: EmbeddingCache | None = None) -> "StatementExtractor":
        """``examples=False`` leaves the claims' example sentences out (rules only);
        ``cache`` keeps their embeddings (on disk when it has a path)."""
        lexicon = Lexicon.build(codebook.lexicon)
        parents = {a.id: set(a.part_of) for a in codebook.actors}

        def ancestors_of(actor_id: str) -> frozenset[str]:
            seen: set[str] = set()
            todo = list(parents.get(actor_id, ()))
            while todo:
                p = todo.pop()
                if p not in seen:
                    seen.add(p)
                    todo.extend(parents.get(p, ()))
            return frozenset(seen)

        matcher = None
        if examples:
            stop = {t for kind in FUNCTION_WORDS for t in lexicon.words_of(kind)}
            stop |= {t for a in codebook.actors for f in (*a.aliases, *a.short_forms)
                     for t in tokenize_form(f)}
            stop |= {t for p in codebook.places for f in (p.name_ar, *p.aliases)
                     for t in tokenize_form(f)}
            matcher = ExampleMatcher.build(codebook.compiled_claims, cache, stop=stop,
                                           purpose=lexicon.words_of("purpose"))
        return cls(codebook, lexicon, CueFinder.build(codebook.lexicon, lexicon),
                   codebook.compiled_claims, claim_terms(codebook.compiled_claims),
                   {a.id: ancestors_of(a.id) for a in codebook.actors},
                   {c.id: tuple(c.presupposes) for c in codebook.claims},
                   Roles.build(codebook, lexicon), PlaceAnaphors.build(codebook), matcher,
                   # the codebook's own examples (readers' added ones may be denials)
                   frozenset(c.id for c in codebook.claims
                             if any(lexicon.is_("negation", t) for e in c.examples
                                    for t in tokenize_form(e))),
                   frozenset(c.id for c in codebook.compiled_claims if c.cues),
                   frozenset(p.id for p in codebook.places))

    def extract(self, doc_id: str, text: NormText, sentences: list[Sentence],
                mentions: list[Mention]) -> list[Statement]:
        units = resolve_units(self, text, sentences, mentions)
        sims = self._similarities(text, units)
        statements: list[Statement] = []
        said: list[tuple[str, str]] = []           # (actor, claim) asserted so far in the document
        for unit in units:
            seen: set[tuple[str, str, str]] = set()
            for st in most_specific(self._emit(doc_id, unit, text, said, sims), text.original,
                                    self.ancestors, self.roles.persons):
                key = (st.actor_id, st.claim_id, st.stance)
                if key in seen:
                    continue  # one statement per speaker, claim and stance in a sentence
                seen.add(key)
                statements.append(st)
                if st.stance == "asserts":
                    said.append((st.actor_id, st.claim_id))
        return in_article(statements, (m.entity_id for u in units for m in u.ments),
                          len(text.tokens), self.ancestors, self.by_id)

    def _similarities(self, text: NormText, units: list[Unit]) -> dict[int, np.ndarray] | LazyRows:
        """Each spoken content's similarity to every claim's examples, encoded in one batch when
        first read (a document no claim can be decided on is not encoded)."""
        if self.examples is None:
            return {}
        # only contents where some claim's needs can be met (a decision needs them): encoding
        # is the build's main cost on long articles
        cues = [c for u in units for c in u.cues if c.speaker is not None
                and c.kind != "refutation" and c.content_last > c.content_first
                and not asks(self.lexicon, text, c)
                and self.examples.could_match({m.entity_id for m in u.ments} | u.context)]
        contents = [text.original[text.tokens[self._said_from(text, c)].start:
                                  text.tokens[c.content_last - 1].end] for c in cues]
        return self.examples.rows([id(c) for c in cues], contents)   # encoded when read

    def _said_from(self, text: NormText, cue: Cue) -> int:
        """Where what is said starts, for the encoder: at the content's complementizer when
        one comes within its first words ("قيادي في قوات سوريا الديمقراطية بأن ...": the
        speaker's own words before it are no part of the claim), else at its first token."""
        for k in range(cue.content_first, min(cue.content_last - 1,
                                              cue.content_first + SAID_FROM_GAP)):
            if self.lexicon.is_("complementizer", text.tokens[k].norm):
                return k
        return cue.content_first

    def _speaker_ids(self, speaker: Speaker) -> frozenset[str]:
        """The speaker, what it is part of, and whom it speaks for (a cue's ``speaker`` test)."""
        ids = {speaker.actor_id, *self.ancestors.get(speaker.actor_id, ())}
        if speaker.affiliation:
            ids |= {speaker.affiliation, *self.ancestors.get(speaker.affiliation, ())}
        return frozenset(ids)

    def _find_claims(self, text: NormText, cue: Cue, unit: Unit,
                     exclude: list[tuple[int, int]], *, own: bool = False,
                     denier: Speaker | None = None) -> list[Candidate]:
        """The claims in the cue's content; ``own``: also those whose actor is only the speaker
        itself (marked ``by_speaker``: "وأكدت واشنطن أنها لا تقدم أي دعم لداعش"), which the
        caller keeps only where they are denied; ``denier``: who rejects the content as someone
        else's claim, its actor where the content names none ("وصف البنتاغون الاتهامات الروسية
        بحماية أرتال داعش بأنها سخيفة")."""
        # the place named around the content, when it is the only one (as for "المدينة"); a
        # country named with it is a wider area, no rival ("غادروا الرقة إلى الأراضي التركية")
        around = {m.entity_id for m in unit.ments
                  if m.last_token <= cue.content_first or m.first_token >= cue.content_last}
        places = {e for e in around | unit.context
                  if e not in self.ancestors and not e.startswith(COUNTRY)}
        context_places = frozenset(places & self.places) if len(places) == 1 else frozenset()

        def found(fills: bool) -> list[Candidate]:
            return find_claims(text, cue.content_first, cue.content_last, self.claims,
                               unit.terms, unit.ments, self.lexicon, exclude,
                               self._speaker_ids(denier or cue.speaker), context_places,
                               self.places, fills, self.openers)

        fills = denier is not None or cue.stance in ("denies", "concedes")
        cands = found(fills)
        if own and not fills:
            have = {c.claim_id for c in cands}
            cands += [replace(c, by_speaker=True) for c in found(True) if c.claim_id not in have]
        return cands

    def _own_denials(self, text: NormText, cue: Cue, decisions: list, rejected: bool) -> list:
        """The decisions without those whose actor is only the speaker (``by_speaker``) unless
        the speaker denies there, in words that name itself ("وأكدت واشنطن أنها لا تقدم أي
        دعم لداعش": a complementizer with its pronoun) or rejecting accusations (``rejected``),
        and says nothing else the claims know of (Braga's "اننا لا نتغاضى عن أي ترتيب" is
        about the deal, not about tolerating ISIS)."""
        plain = [d for d in decisions if not d.candidate.by_speaker]
        opening = text.tokens[cue.content_first].norm if cue.content_last > cue.content_first \
            else ""
        own = rejected or (self.lexicon.is_("complementizer", opening)
                           and opening.endswith(SELF_PRONOUNS))
        mine = [d for d in decisions if own and d.candidate.by_speaker and d.stance != "asserts"]
        if plain:
            # "إنه لم يشارك في الصفقة التي أخرجت المسلحين": its own part denied beside the deal
            # it names (which that denial presupposes, so grants)
            found = {d.candidate.claim_id for d in plain}
            return plain + [d for d in mine
                            if found.intersection(self.presupposes.get(d.candidate.claim_id, ()))]
        return mine

    def _example_hit(self, text: NormText, cue: Cue, unit: Unit, sims: dict[int, np.ndarray],
                     end: int) -> ExampleHit | None:
        """The claim the content states by its examples, anchored before ``end`` (embedded)."""
        row = sims.get(id(cue))
        if row is None or self.examples is None:
            return None
        inside = {m.entity_id for m in unit.ments
                  if m.first_token >= cue.content_first and m.last_token <= cue.content_last}
        if cue.stance in ("denies", "concedes"):
            inside |= self._speaker_ids(cue.speaker)   # the denier is the claim's actor
        around = {m.entity_id for m in unit.ments} | unit.context
        names = {k for m in unit.ments for k in range(m.first_token, m.last_token)}
        support = self.examples.support

        known: dict[str, bool] = {}     # asked once per claim (decide asks twice)

        def carries(claim_id: str) -> bool:
            """The content carries the claim's structure: the anchor word of one of its cue
            patterns (its first ``all`` group; the encoder cannot tell "the army liberated the
            town" from "the army encircles it"); a claim defined only by examples, a word of
            them."""
            if claim_id not in known:
                known[claim_id] = anchored(
                    self.lexicon, text, unit.terms_by_claim.get(claim_id, []),
                    self.by_id[claim_id], cue.content_first, end, unit.ments) \
                    if claim_id in self.cued else \
                    support.shares(claim_id, text, cue.content_first, cue.content_last, names)
            return known[claim_id]

        return self.examples.decide(row, inside, around, carries)

    def _emit(self, doc_id: str, unit: Unit, text: NormText, said: list[tuple[str, str]],
              sims: dict[int, np.ndarray]) -> list[Statement]:
        sent, cues, terms, ments = unit.sent, unit.cues, unit.terms, unit.ments
        out: list[Statement] = []

        def add(cue: Cue, claim_id: str, stance: str, cue_words: str, cue_span: tuple[int, int],
                span: tuple[int, int], anchor: Anchor | None, method: str = "rule",
                confidence: float = RULE_CONFIDENCE) -> None:
            sp = cue.speaker
            if anchor is not None and not (span[0] <= cue_span[0] < cue_span[1] <= span[1]):
                # the cue lies outside a clause-sized quote: highlight the claim's words
                words = text.original[anchor.start:anchor.end]
                cue_words = f"{cue_words} … {words}" if cue_words else words
                cue_span = (anchor.start, anchor.end)
            for sp in (sp, cue.co_speaker):     # "اتهمت روسيا وسوريا": each one says it
                if sp is not None and (sp is cue.speaker or sp.actor_id != cue.speaker.actor_id):
                    out.append(Statement(doc_id, sent.sentence_id, sp.actor_id, sp.surface,
                                         claim_id, stance, cue_words, span[0], span[1],
                                         cue_span[0], cue_span[1], method, confidence, sp.kind,
                                         sp.affiliation))

        embedded_ranges = [(c.content_first, c.content_last) for c in cues if c.embedded]
        for i, cue in enumerate(cues):
            if cue.kind == "refutation" or cue.speaker is None or asks(self.lexicon, text, cue):
                continue  # a question ("قال: هل ...؟") is no statement
            exclude = [] if cue.embedded else [r for r in embedded_ranges
                                               if cue.content_first <= r[0] < cue.content_last]
            dismissed = i + 1 < len(cues) and cues[i + 1].kind == "refutation" \
                and (cues[i + 1].stance or "denies") == "denies"
            # "وصف البنتاغون الاتهامات الروسية بحماية أرتال داعش بأنها سخيفة": the claims in
            # the accusations a speaker dismisses are denied
            rejected = dismissed and not cue.embedded and (anaphoric_object(
                self.lexicon, text, after_speaker(cue, ments), cue.content_last)
                or charged_object(self.lexicon, text, after_speaker(cue, ments),
                                  cue.content_last))
            # the speaker as the claim's actor is asked for only where it may deny (a second pass)
            own = rejected or any(self.lexicon.is_("negation", text.tokens[k].norm)
                                  for k in range(cue.content_first, cue.content_last))
            decisions = [decide(self.lexicon, text, cue, cand, rejected)
                         for cand in self._find_claims(text, cue, unit, exclude, own=own)]
            decisions = self._own_denials(text, cue, decisions, rejected)
            row = sims.get(id(cue))
            if row is not None and self.examples is not None:
                # the examples judge the content alone: they cannot confirm a group met outside it
                decisions = [replace(d, candidate=replace(d.candidate, method="both",
                                                          confidence=BOTH_CONFIDENCE))
                             if not d.candidate.by_context
                             and self.examples.confirms(row, d.candidate.claim_id) else d
                             for d in decisions]
            hit = self._example_hit(text, cue, unit, sims, min([cue.content_last,
                                                                *(r[0] for r in exclude)]))
            if hit is not None and hit.claim_id not in self.negative_claims and \
                    negated_later(self.lexicon, text, cue.content_first, cue.content_last):
                hit = None      # "إن الاتفاق … لا يشمل الرقة": the encoder cannot read a "not"
            if hit is not None and hit.claim_id not in {d.candidate.claim_id for d in decisions}:
                anchor = Anchor(cue.content_first, cue.content_last,
                                text.tokens[cue.content_first].start,
                                text.tokens[cue.content_last - 1].end)
                cand = Candidate(hit.claim_id, None, anchor, False, cue.content_first,
                                 cue.content_last, "example", hit.confidence)
                decisions.append(decide_example(self.lexicon, text, cue, cand,
                                                negative=hit.claim_id in self.negative_claims))
            for d in without_presupposed(decisions, self.presupposes):
                cand = d.candidate
                cue.claims.append((cand.claim_id, d.stance))
                example = cand.method == "example"
                add(cue, cand.claim_id, d.stance, d.cue_words, d.cue_span,
                    quote_span(text, sent, cue, None if example else cand, cue.content_last),
                    None if example else cand.anchor, cand.method,
                    cand.confidence if cand.method != "rule" else
                    CONTEXT_CONFIDENCE if cand.by_context else RULE_CONFIDENCE)

            # "نفى ديلون هذه الاتهامات", "وصفت واشنطن الاتهامات الروسية بأنها كاذبة": deny
            # what the last other speaker asserted
            # "وردا على المزاعم الروسية قال ديلون": a reply framed before the verb
            if not decisions and not cue.embedded and (
                    (cue.stance == "denies" or dismissed)
                    and anaphoric_object(self.lexicon, text, after_speaker(cue, ments),
                                         cue.content_last)
                    or cue.kind == "speech_verb" and not cue.stance
                    and replies(self.lexicon, text, text.token_at_or_after(sent.start),
                                cue.first)):
                cue_text = text.original[cue.start:cue.end]
                for claim_id in recent_claims(said, cue.speaker.actor_id, self.ancestors):
                    cue.claims.append((claim_id, "denies"))
                    add(cue, claim_id, "denies", cue_text, (cue.start, cue.end),
                        quote_span(text, sent, cue, None, cue.content_last), None)

            # "رفض ادعاءات X بأن ..." / "رد على ادعاءات روسيا": deny X's claims
            frame = denied_frame(cues, i)
            if frame is not None:
                cands = self._find_claims(text, frame, unit, [], denier=cue.speaker)
                implied = {o for c in cands for o in self.presupposes.get(c.claim_id, ())}
                found = [c.claim_id for c in cands if not (c.by_context and c.claim_id in implied)]
                cue_text = text.original[cue.start:cue.end]
                for claim_id in denied_claims(frame, found, said, self.ancestors):
                    add(cue, claim_id, "denies", cue_text, (cue.start, cue.end),
                        quote_span(text, sent, cue, None, frame.content_last), None)

        # "وهذا غير صحيح": the outer speaker denies the claims reported just before;
        # "وهو ما نفاه التحالف" / "وهو ما اعترفت به موسكو": the actor named answers
        for refutation, outer, reported in refutations(cues):
            words = text.original[refutation.start:refutation.end]
            answer = refutation if refutation.speaker is not None else outer
            for claim_id, _ in reported.claims:
                add(answer, claim_id, refutation.stance or "denies", words,
                    (refutation.start, refutation.end),
                    quote_span(text, sent, outer, None, refutation.last), None)
        # "… . وهي اتهامات دأبت واشنطن على نفيها": opening its sentence, a refutation with its
        # own speaker answers what the last other speaker asserted before
        first = cues[0] if cues else None
        if first is not None and first.kind == "refutation" and first.speaker is not None \
                and first.first == text.token_at_or_after(sent.start):
            words = text.original[first.start:first.end]
            for claim_id in recent_claims(said, first.speaker.actor_id, self.ancestors):
                add(first, claim_id, first.stance or "denies", words, (first.start, first.end),
                    quote_span(text, sent, first, None, first.last), None)
        return out
