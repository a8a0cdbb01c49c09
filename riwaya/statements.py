"""Statements: who said what about which claim, with which stance.

Per sentence:

1. *Cues* from the lexicon: speech verbs (قال، نفى، أقر ...), participles that
   continue the last speaker (مشيراً، واصفاً), "according to" frames (بحسب،
   نقلاً عن), statement nouns (بيان، تقرير، ادعاءات) and refutations
   ("وهذا غير صحيح").
2. The *speaker* of each cue: the actor in subject position, after the verb
   (Arabic VSO) or before it (SVO), never one governed by a preposition; the
   actor after an "according to" frame or a statement noun; else an unknown
   actor named by the words that follow (``UNK:<form>``), or "قيل" (it was said).
3. The *content* of a cue runs to the next cue or clause break; codebook claim
   cue patterns matched inside it give the claims.
4. The *stance*: the cue's own (نفى denies, أقر concedes, else asserts), a
   claim cue's own ("صور خاطئة" concedes), flipped to denies by a negation
   scoped over the claim's anchor ("لم تكن جزءاً من الاتفاق"). A denial verb
   whose object is someone's claims ("رفض ادعاءات X بأن ...") denies those
   claims; a refutation ("وهذا غير صحيح") makes the outer speaker deny the
   claim just reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .codebook import Claim, Codebook, LexiconEntry
from .matcher import Match, Matcher, NormText, Token, normalized_key, resolve_overlaps
from .mentions import Mention
from .normalize import normalize_form
from .segment import Sentence

REQUIRES_AFTER_WINDOW = 20
VSO_WINDOW = 8
SVO_WINDOW = 8
NEGATION_WINDOW = 5
UNKNOWN_MAX_TOKENS = 3
CLAUSE_PUNCT = set("،,؛;:.!?؟")
SUBJECT_BLOCKING_CLITICS = ("ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "لل", "ولل")


@dataclass(frozen=True)
class Statement:
    doc_id: str
    sentence_id: int
    actor_id: str
    actor_surface: str
    claim_id: str
    stance: str
    cue: str
    start: int
    end: int
    cue_start: int
    cue_end: int


@dataclass
class _Cue:
    match: Match
    kind: str                       # speech_verb | speech_participle | according_to | speech_noun | refutation
    entry: LexiconEntry | None
    speaker_id: str | None = None
    speaker_surface: str = ""
    speaker_start: int | None = None
    content_first: int = 0          # token range of its content
    content_last: int = 0
    claims: list[tuple[str, str, int, int, str]] = field(default_factory=list)  # claim, stance, s, e, cue words

    @property
    def stance(self) -> str | None:
        return self.entry.stance if self.entry else None


@dataclass
class StatementExtractor:
    """Built once per codebook; :meth:`extract` runs per document."""

    codebook: Codebook
    cues: Matcher
    claim_terms: Matcher
    complementizers: frozenset[str]
    negations: frozenset[str]
    prepositions: frozenset[str]
    requires_after: dict[int, frozenset[str]]
    passive_forms: frozenset[str]

    @classmethod
    def build(cls, codebook: Codebook) -> "StatementExtractor":
        cues = Matcher()
        requires: dict[int, frozenset[str]] = {}
        keys: dict[str, set[str]] = {"complementizer": set(), "negation": set(), "preposition": set()}
        for n, entry in enumerate(codebook.lexicon):
            if entry.type in keys:
                keys[entry.type].update(normalized_key(f) for f in entry.forms)
            if entry.type in ("speech_verb", "speech_participle", "according_to", "speech_noun",
                              "refutation", "clause_break"):
                for form in entry.forms:
                    cues.add(form, f"{entry.type}:{n}", entry.type, payload=entry,
                             join_variant=False)
            if entry.requires_after:
                requires[id(entry)] = frozenset(normalized_key(f).split()[-1]
                                                for f in entry.requires_after)
        terms = Matcher()
        for claim in codebook.claims:
            for ci, cue in enumerate(claim.cues):
                groups = list(cue.all) + ([cue.require_near] if cue.require_near else [])
                for gi, group in enumerate(groups):
                    for alt in group.split("|"):
                        alt = alt.strip()
                        if not alt.startswith("@"):
                            terms.add(alt, f"{claim.id}#{ci}#{gi}", "claim_term",
                                      payload=(claim.id, ci, gi), join_variant=False)
        return cls(codebook, cues, terms, frozenset(keys["complementizer"]),
                   frozenset(keys["negation"]), frozenset(keys["preposition"]), requires,
                   frozenset({normalize_form("قيل")}))

    # ------------------------------------------------------------------ cues
    def _find_cues(self, text: NormText, lo: int, hi: int) -> list[_Cue]:
        found: list[_Cue] = []
        for m in resolve_overlaps(self.cues.find(text, lo, hi)):
            entry = m.pattern.payload
            if entry.requires_after:
                wanted = self.requires_after[id(entry)]
                ok = False
                for k in range(m.last, min(hi, m.last + REQUIRES_AFTER_WINDOW)):
                    tok = text.tokens[k].norm
                    if tok in self.complementizers and k > m.last:
                        break
                    if tok in wanted or any(tok.endswith(w) and len(tok) - len(w) <= 3 for w in wanted):
                        ok = True
                        break
                if not ok:
                    continue
            found.append(_Cue(m, m.pattern.kind, entry))
        return found

    # -------------------------------------------------------------- speakers
    def _subject_ok(self, text: NormText, mention: Mention) -> bool:
        first = text.tokens[mention.first_token].norm
        surface_first = normalize_form(mention.surface).split()[0] if mention.surface.strip() else ""
        prefix = first[: max(0, len(first) - len(surface_first))] if surface_first and first.endswith(surface_first) else ""
        if prefix in SUBJECT_BLOCKING_CLITICS:
            return False
        if mention.first_token > 0 and text.tokens[mention.first_token - 1].norm in self.prepositions:
            return False
        return True

    def _is_break(self, text: NormText, a: int, b: int) -> bool:
        """Whether clause punctuation stands between tokens a and b (original offsets)."""
        gap = text.original[a:b]
        return any(c in CLAUSE_PUNCT for c in gap)

    def _speaker_after(self, text: NormText, start_tok: int, hi: int, actors: list[Mention],
                       cue_starts: set[int]) -> Mention | None:
        for mt in actors:
            if mt.first_token < start_tok:
                continue
            if mt.first_token >= min(hi, start_tok + VSO_WINDOW):
                break
            between = range(start_tok, mt.first_token)
            if any(text.tokens[k].norm in self.complementizers or k in cue_starts for k in between):
                return None
            if self._subject_ok(text, mt):
                return mt
        return None

    def _speaker_before(self, text: NormText, cue_tok: int, lo: int, actors: list[Mention],
                        exclude: set[int]) -> Mention | None:
        best = None
        for mt in actors:
            if mt.last_token > cue_tok or mt.first_token < lo:
                continue
            if cue_tok - mt.last_token > SVO_WINDOW:
                continue
            if mt.start in exclude or not self._subject_ok(text, mt):
                continue
            # nothing but the subject's own apposition between it and the verb
            if any(text.tokens[k].norm in self.complementizers for k in range(mt.last_token, cue_tok)):
                continue
            best = mt
        return best

    def _unknown_speaker(self, text: NormText, cue: _Cue, hi: int) -> tuple[str, str, int] | None:
        m = cue.match
        if text.tokens[m.first].norm.lstrip("وف") in self.passive_forms or \
                normalize_form(text.original[m.start:m.end]).lstrip("وف") in self.passive_forms:
            return "UNK:قيل", text.original[m.start:m.end], m.start
        words = []
        for k in range(m.last, min(hi, m.last + UNKNOWN_MAX_TOKENS)):
            tok = text.tokens[k]
            if tok.norm in self.complementizers or (k > m.last and self._is_break(text, text.tokens[k - 1].end, tok.start)):
                break
            words.append(tok)
        if not words:
            return None
        surface = text.original[words[0].start:words[-1].end]
        return "UNK:" + normalize_form(surface), surface, words[0].start

    # ----------------------------------------------------------------- claims
    def _claims_in(self, text: NormText, first: int, last: int, term_matches: list[Match],
                   mentions: list[Mention]) -> list[tuple[str, str | None, int, int, str, int]]:
        """Claims whose cue patterns all match in tokens [first, last).

        Returns (claim_id, cue stance, start, end, anchor words, anchor token).
        """
        if last <= first:
            return []
        inside = [m for m in term_matches if m.first >= first and m.last <= last]
        ents = {mt.entity_id for mt in mentions if mt.first_token >= first and mt.last_token <= last}
        out = []
        for claim in self.codebook.claims:
            for ci, cue in enumerate(claim.cues):
                groups = list(cue.all) + ([cue.require_near] if cue.require_near else [])
                anchor: Match | None = None
                ok = True
                spans: list[tuple[int, int]] = []
                for gi, group in enumerate(groups):
                    alts = [a.strip() for a in group.split("|")]
                    ent_alts = {a[1:] for a in alts if a.startswith("@")}
                    hit = [m for m in inside if m.pattern.payload == (claim.id, ci, gi)]
                    if hit:
                        best = min(hit, key=lambda m: (m.first, -(m.end - m.start)))
                        spans.append((best.start, best.end))
                        if anchor is None:
                            anchor = best
                        continue
                    if ent_alts & ents:
                        continue
                    ok = False
                    break
                if ok:
                    if anchor is None:  # entity-only cue: anchor on the first entity
                        mt = next(mt for mt in mentions if mt.first_token >= first
                                  and mt.last_token <= last and mt.entity_id in
                                  {a.strip()[1:] for g in groups for a in g.split("|")})
                        words, s, e, tok = mt.surface, mt.start, mt.end, mt.first_token
                    else:
                        words = text.original[anchor.start:anchor.end]
                        s, e, tok = anchor.start, anchor.end, anchor.first
                    out.append((claim.id, cue.stance, s, e, words, tok))
                    break
        return out

    def _negated(self, text: NormText, first: int, anchor_tok: int) -> Token | None:
        for k in range(anchor_tok - 1, max(first, anchor_tok - NEGATION_WINDOW) - 1, -1):
            tok = text.tokens[k]
            if self._is_break(text, tok.end, text.tokens[k + 1].start):
                return None
            if tok.norm in self.negations or tok.norm.lstrip("و") in self.negations:
                return tok
        return None

    # ---------------------------------------------------------------- extract
    def extract(self, doc_id: str, text: NormText, sentences: list[Sentence],
                mentions: list[Mention]) -> list[Statement]:
        actors_all = [m for m in mentions if m.kind == "actor"]
        term_matches = self.claim_terms.find(text)
        statements: list[Statement] = []
        last_speaker: tuple[str, str, int] | None = None
        claims_by_actor: dict[str, list[str]] = {}
        for sent in sentences:
            lo = text.token_at_or_after(sent.start)
            hi = text.token_at_or_after(sent.end)
            if hi <= lo:
                continue
            actors = [m for m in actors_all if m.first_token >= lo and m.last_token <= hi]
            ments = [m for m in mentions if m.first_token >= lo and m.last_token <= hi]
            cues = self._find_cues(text, lo, hi)
            cue_starts = {c.match.first for c in cues}
            used_speakers: set[int] = set()
            last_verb_speaker = last_speaker
            resolved: list[_Cue] = []
            for i, cue in enumerate(cues):
                m = cue.match
                nxt = cues[i + 1].match.first if i + 1 < len(cues) else hi
                if cue.kind in ("refutation", "clause_break"):
                    cue.content_first = cue.content_last = m.last
                    resolved.append(cue)
                    continue
                speaker: Mention | None = None
                if cue.kind == "speech_participle":
                    if last_verb_speaker:
                        cue.speaker_id, cue.speaker_surface, cue.speaker_start = last_verb_speaker
                    content_from = m.last
                elif cue.kind in ("according_to", "speech_noun"):
                    speaker = self._speaker_after(text, m.last, hi, actors, cue_starts)
                    if speaker is None and cue.kind == "speech_noun":
                        continue  # a statement noun with no named speaker: not a frame
                    content_from = speaker.last_token if speaker else m.last
                else:
                    speaker = self._speaker_after(text, m.last, hi, actors, cue_starts)
                    if speaker is None:
                        speaker = self._speaker_before(text, m.first, lo, actors, set())
                    content_from = max(m.last, speaker.last_token) if speaker and speaker.first_token > m.first else m.last
                if speaker is not None:
                    cue.speaker_id, cue.speaker_surface, cue.speaker_start = (
                        speaker.entity_id, speaker.surface, speaker.start)
                    used_speakers.add(speaker.start)
                elif cue.speaker_id is None:
                    unknown = self._unknown_speaker(text, cue, nxt)
                    if unknown is None:
                        continue
                    cue.speaker_id, cue.speaker_surface, cue.speaker_start = unknown
                if cue.kind in ("speech_verb", "according_to") and cue.speaker_id:
                    last_verb_speaker = (cue.speaker_id, cue.speaker_surface, cue.speaker_start)
                cue.content_first = content_from
                resolved.append(cue)
            # content runs to the next cue
            for i, cue in enumerate(resolved):
                if cue.kind in ("refutation", "clause_break"):
                    continue
                end = resolved[i + 1].match.first if i + 1 < len(resolved) else hi
                # a noun frame owned by this cue's speaker continues this cue
                cue.content_last = max(cue.content_first, end)

            sentence_statements: list[Statement] = []

            def emit(cue: _Cue, claim_id: str, stance: str, cue_words: str,
                     cue_span: tuple[int, int], end_tok: int) -> None:
                if not cue.speaker_id:
                    return
                start = min(cue.match.start, cue.speaker_start if cue.speaker_start is not None else cue.match.start)
                end = text.tokens[max(end_tok, cue.match.last) - 1].end
                end = min(end, sent.end)
                start = max(start, sent.start)
                sentence_statements.append(Statement(
                    doc_id, sent.sentence_id, cue.speaker_id, cue.speaker_surface, claim_id, stance,
                    cue_words, start, end, cue_span[0], cue_span[1]))

            for i, cue in enumerate(resolved):
                if cue.kind in ("refutation", "clause_break") or not cue.speaker_id:
                    continue
                found = self._claims_in(text, cue.content_first, cue.content_last, term_matches, ments)
                base = cue.stance or "asserts"
                cue_text = text.original[cue.match.start:cue.match.end]
                for claim_id, claim_stance, s, e, words, anchor_tok in found:
                    stance = base
                    if base == "asserts" and claim_stance:
                        stance = claim_stance
                    neg = self._negated(text, cue.content_first, anchor_tok)
                    words_cue = cue_text
                    span = (cue.match.start, cue.match.end)
                    if neg is not None:
                        stance = "denies"
                        words_cue = f"{cue_text} … {text.original[neg.start:neg.end]}"
                        span = (neg.start, neg.end)
                    elif claim_stance and base == "asserts":
                        words_cue = f"{cue_text} … {words}"
                        span = (s, e)
                    cue.claims.append((claim_id, stance, s, e, words_cue))
                    emit(cue, claim_id, stance, words_cue, span, cue.content_last)

                # a denial whose object is another speaker's claims: "رفض ادعاءات X بأن ..."
                if cue.stance == "denies" and i + 1 < len(resolved):
                    inner = resolved[i + 1]
                    if inner.kind == "speech_noun" and inner.speaker_id and inner.speaker_id != cue.speaker_id:
                        inner_claims = self._claims_in(text, inner.content_first, inner.content_last,
                                                       term_matches, ments)
                        claim_ids = [c[0] for c in inner_claims] or claims_by_actor.get(inner.speaker_id, [])
                        for claim_id in dict.fromkeys(claim_ids):
                            emit(cue, claim_id, "denies", cue_text, (cue.match.start, cue.match.end),
                                 inner.content_last)

            # a refutation: the outer speaker denies the claims reported just before
            for i, cue in enumerate(resolved):
                if cue.kind != "refutation":
                    continue
                reported = next((c for c in reversed(resolved[:i]) if c.claims and c.kind != "refutation"), None)
                if reported is None:
                    continue
                outer = next((c for c in resolved[:resolved.index(reported)]
                              if c.speaker_id and c.speaker_id != reported.speaker_id
                              and c.kind in ("speech_verb", "according_to")), None)
                if outer is None:
                    continue
                words = text.original[cue.match.start:cue.match.end]
                for claim_id, *_ in reported.claims:
                    emit(outer, claim_id, "denies", words, (cue.match.start, cue.match.end), cue.match.last)

            # one statement per speaker, claim and stance in a sentence
            seen: set[tuple[str, str, str]] = set()
            for st in sentence_statements:
                key = (st.actor_id, st.claim_id, st.stance)
                if key in seen:
                    continue
                seen.add(key)
                statements.append(st)
                claims_by_actor.setdefault(st.actor_id, []).append(st.claim_id)
            if resolved:
                speakers = [c for c in resolved if c.speaker_id and c.kind in ("speech_verb", "according_to")]
                if speakers:
                    last_speaker = (speakers[-1].speaker_id, speakers[-1].speaker_surface,
                                    speakers[-1].speaker_start)
        return statements


