"""Statements: who said what about which claim, with which stance. The orchestrator.

Per sentence, :meth:`StatementExtractor.extract` runs the steps, each in its own module:

1. :mod:`.cues`: the speech cues from the lexicon (speech verbs, participles, "according to"
   frames, statement nouns, refutations), and each cue's content, which runs to the next cue.
2. :mod:`.speakers`: the speaker of each cue (subject, spokesperson, frame source, statement
   noun owner, unnamed source, passive).
3. :mod:`.claims`: the claims in each cue's content (:func:`.claims.find_claims`, with the cue
   patterns compiled once at codebook load).
4. :mod:`.stance`: the stance of each speaker on each claim.

Across sentences it keeps the last speaker (for participles and statement vehicles) and what each
speaker asserted so far (for "رد على ادعاءات روسيا"). A sentence ending in a colon hands its
speaker to the paragraph that follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from riwaya.codebook.cues import CompiledClaim
from riwaya.codebook.model import Codebook
from riwaya.pipeline.mentions import Mention
from riwaya.pipeline.statements.claims import claim_terms, find_claims
from riwaya.pipeline.statements.cues import CueFinder, assign_content
from riwaya.pipeline.statements.model import (CLAUSE_PUNCT, SPEAKING, Anchor, Candidate, Cue,
                                              Lexicon, Speaker, Statement)
from riwaya.pipeline.statements.speakers import resolve_speakers
from riwaya.pipeline.statements.stance import (decide, denied_claims, denied_frame, refutations,
                                               without_presupposed)
from riwaya.text.matcher import Match, Matcher, NormText
from riwaya.text.segment import Sentence

LONG_CONTENT = 40            # content longer than this is quoted clause by clause


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

    @classmethod
    def build(cls, codebook: Codebook) -> "StatementExtractor":
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

        return cls(codebook, lexicon, CueFinder.build(codebook.lexicon, lexicon),
                   codebook.compiled_claims, claim_terms(codebook.compiled_claims),
                   {a.id: ancestors_of(a.id) for a in codebook.actors},
                   {c.id: tuple(c.presupposes) for c in codebook.claims})

    def extract(self, doc_id: str, text: NormText, sentences: list[Sentence],
                mentions: list[Mention]) -> list[Statement]:
        actors_all = [m for m in mentions if m.kind == "actor"]
        terms_all = self.claim_terms.find(text)
        statements: list[Statement] = []
        said: list[tuple[str, str]] = []           # (actor, claim) asserted so far in the document
        last_speaker: Speaker | None = None
        continuation: Speaker | None = None
        continuation_line = -1
        for sent in sentences:
            lo = text.token_at_or_after(sent.start)
            hi = text.token_at_or_after(sent.end)
            line_no = text.original.count("\n", 0, sent.start)
            if hi <= lo:
                continue
            actors = [m for m in actors_all if m.first_token >= lo and m.last_token <= hi]
            ments = [m for m in mentions if m.first_token >= lo and m.last_token <= hi]
            terms = [m for m in terms_all if m.first >= lo and m.last <= hi]
            cues = self.cues.find(text, lo, hi)
            if continuation is not None and line_no == continuation_line:
                first_tok = text.tokens[lo]
                cues.insert(0, Cue("continuation", lo, lo, first_tok.start, first_tok.start,
                                   speaker=continuation))
            resolved = resolve_speakers(self.lexicon, text, cues, lo, hi, actors, last_speaker)
            assign_content(resolved, hi)
            emitted = self._emit(doc_id, sent, text, resolved, terms, ments, said)
            seen: set[tuple[str, str, str]] = set()
            for st in emitted:
                key = (st.actor_id, st.claim_id, st.stance)
                if key in seen:
                    continue  # one statement per speaker, claim and stance in a sentence
                seen.add(key)
                statements.append(st)
                if st.stance == "asserts":
                    said.append((st.actor_id, st.claim_id))
            speaking = [c for c in resolved if c.speaker and c.kind in SPEAKING
                        and not c.speaker.actor_id.startswith("UNK:")]
            if speaking:
                last_speaker = speaking[-1].speaker
            # "... بالنسبة لنا:" hands the speaker to the next paragraph
            if sent.text.rstrip().endswith(":") and speaking:
                continuation, continuation_line = speaking[-1].speaker, line_no + 1
            elif line_no != continuation_line:
                continuation = None
        return statements

    def _find_claims(self, text: NormText, cue: Cue, terms: list[Match], ments: list[Mention],
                     exclude: list[tuple[int, int]]) -> list[Candidate]:
        return find_claims(text, cue.content_first, cue.content_last, self.claims, terms, ments,
                           self.lexicon, exclude)

    @staticmethod
    def _span(text: NormText, sent: Sentence, cue: Cue, cand: Candidate | None,
              end_tok: int) -> tuple[int, int]:
        """The quote: cue to content end, or the clause around the claim in long content."""
        long = cue.content_last - cue.content_first > LONG_CONTENT
        if cand is not None and (long or cue.kind == "continuation"):
            s = text.tokens[cand.first].start
            e = text.tokens[cand.last - 1].end
            while s > sent.start and text.original[s - 1] not in CLAUSE_PUNCT:
                s -= 1
            while e < sent.end and text.original[e] not in CLAUSE_PUNCT:
                e += 1
            if e < sent.end:
                e += 1
            return max(s, sent.start), min(e, sent.end)
        start = cue.start
        if cue.speaker is not None and cue.speaker.start < start and cue.kind != "speech_participle":
            start = cue.speaker.start
        end = text.tokens[max(end_tok, cue.last) - 1].end
        return max(start, sent.start), min(end, sent.end)

    def _emit(self, doc_id: str, sent: Sentence, text: NormText, cues: list[Cue],
              terms: list[Match], ments: list[Mention], said: list[tuple[str, str]]):
        out: list[Statement] = []

        def add(cue: Cue, claim_id: str, stance: str, cue_words: str, cue_span: tuple[int, int],
                span: tuple[int, int], anchor: Anchor | None) -> None:
            sp = cue.speaker
            if anchor is not None and not (span[0] <= cue_span[0] < cue_span[1] <= span[1]):
                # the cue lies outside a clause-sized quote: highlight the claim's words
                words = text.original[anchor.start:anchor.end]
                cue_words = f"{cue_words} … {words}" if cue_words else words
                cue_span = (anchor.start, anchor.end)
            out.append(Statement(doc_id, sent.sentence_id, sp.actor_id, sp.surface, claim_id, stance,
                                 cue_words, span[0], span[1], cue_span[0], cue_span[1]))

        embedded_ranges = [(c.content_first, c.content_last) for c in cues if c.embedded]
        for i, cue in enumerate(cues):
            if cue.kind == "refutation" or cue.speaker is None:
                continue
            exclude = [] if cue.embedded else [r for r in embedded_ranges
                                               if cue.content_first <= r[0] < cue.content_last]
            decisions = [decide(self.lexicon, text, cue, cand)
                         for cand in self._find_claims(text, cue, terms, ments, exclude)]
            for d in without_presupposed(decisions, self.presupposes):
                cue.claims.append((d.candidate.claim_id, d.stance))
                add(cue, d.candidate.claim_id, d.stance, d.cue_words, d.cue_span,
                    self._span(text, sent, cue, d.candidate, cue.content_last), d.candidate.anchor)

            # "رفض ادعاءات X بأن ..." / "رد على ادعاءات روسيا": deny X's claims
            frame = denied_frame(cues, i)
            if frame is not None:
                found = [c.claim_id for c in self._find_claims(text, frame, terms, ments, [])]
                cue_text = text.original[cue.start:cue.end]
                for claim_id in denied_claims(frame, found, said, self.ancestors):
                    add(cue, claim_id, "denies", cue_text, (cue.start, cue.end),
                        self._span(text, sent, cue, None, frame.content_last), None)

        # "وهذا غير صحيح": the outer speaker denies the claims reported just before
        for refutation, outer, reported in refutations(cues):
            words = text.original[refutation.start:refutation.end]
            for claim_id, _ in reported.claims:
                add(outer, claim_id, "denies", words, (refutation.start, refutation.end),
                    self._span(text, sent, outer, None, refutation.last), None)
        return out
