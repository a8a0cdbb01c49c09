"""Statements: who said what about which claim, with which stance.

Per sentence:

1. *Cues* from the lexicon: speech verbs (قال، نفى، أقر ...), participles that
   continue the last speaker (مشيراً، واصفاً), "according to" frames (بحسب،
   نقلاً عن), statement nouns with their owner (بيان الوزارة، ادعاءات روسيا) and
   refutations ("وهذا غير صحيح"). A speech verb right after a negation ("عدم
   نفي") is no statement.
2. The *speaker* of each cue: the actor in subject position, right after the
   verb (Arabic VSO, at most two words later) or before it (SVO), never one
   governed by a preposition; the actor after an "according to" frame or owning
   a statement noun; for a statement's vehicle as subject ("أظهرت الصور",
   "تقرير يتهم") the current speaker; else an unknown speaker named by the words
   around the verb (``UNK:<form>``), "قيل" (it was said) included.
3. The *content* of a cue runs to the next cue. A cue inside a relative clause
   ("الصور التي نشرتها الوزارة حول ...") is embedded: it takes only the claims
   right after it and leaves the rest of the clause to the outer speaker. A
   sentence ending in a colon hands its speaker to the paragraph that follows.
4. *Claims*: the codebook's cue patterns matched in the content (``all`` groups
   anywhere in it, ``near`` groups within ``window`` words of the anchor).
5. The *stance*: the cue's own (نفى denies, أقر concedes, else asserts), a claim
   cue's own ("صور خاطئة" concedes), turned to denies by a negation scoped over
   the anchor ("لم تكن جزءاً من الاتفاق"). A denial whose object is someone's
   claims ("رفض ادعاءات X بأن ...", "رد على ادعاءات روسيا") denies them; a
   refutation ("وهذا غير صحيح") makes the outer speaker deny the claim just
   reported. Denying or conceding a claim does not deny or concede what it
   presupposes (being party to a deal vs. the deal).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .codebook import Codebook, LexiconEntry
from .matcher import Match, Matcher, NormText, normalized_key, resolve_overlaps
from .mentions import Mention
from .normalize import normalize_form
from .segment import Sentence

REQUIRES_AFTER_WINDOW = 20   # words after a verb in which its required object must appear
VSO_GAP = 2                  # words allowed between a verb and its subject after it
SVO_WINDOW = 8               # words allowed between a subject before a verb and the verb
FRAME_GAP = 3                # words between "according to" and its source
NOUN_GAP = 1                 # words between a statement noun and its owner
NEGATION_WINDOW = 5          # words before an anchor in which a negation scopes over it
EMBEDDED_WINDOW = 12         # words an embedded (relative-clause) statement takes
LONG_CONTENT = 40            # content longer than this is quoted clause by clause
UNKNOWN_MAX_TOKENS = 3
CLAUSE_PUNCT = set("،,؛;:.!?؟")
SUBJECT_BLOCKING_CLITICS = ("ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "لل", "ولل")
SPEAKING = ("speech_verb", "according_to", "continuation", "passive_speech")


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


@dataclass(frozen=True)
class Speaker:
    actor_id: str
    surface: str
    start: int
    last_token: int = -1


@dataclass
class _Cue:
    kind: str               # speech_verb | speech_participle | according_to | speech_noun | refutation | continuation
    first: int              # token range of the cue words
    last: int
    start: int              # original offsets of the cue words
    end: int
    entry: LexiconEntry | None = None
    speaker: Speaker | None = None
    embedded: bool = False
    content_first: int = 0
    content_last: int = 0
    claims: list[tuple[str, str]] = field(default_factory=list)   # (claim_id, stance)

    @property
    def stance(self) -> str | None:
        return self.entry.stance if self.entry else None


@dataclass(frozen=True)
class _Anchor:
    first: int          # token range
    last: int
    start: int          # original offsets
    end: int


@dataclass(frozen=True)
class _Candidate:
    claim_id: str
    cue_stance: str | None
    anchor: _Anchor
    negated_cue: bool
    first: int          # token range covered by the matched groups
    last: int


@dataclass
class StatementExtractor:
    """Built once per codebook; :meth:`extract` runs per document."""

    codebook: Codebook
    cues: Matcher
    claim_terms: Matcher
    words: dict[str, frozenset[str]]        # lexicon class -> normalised single-word forms
    phrases: dict[str, frozenset[str]]      # lexicon class -> normalised forms (any length)
    requires_after: dict[int, frozenset[str]]
    ancestors: dict[str, frozenset[str]]
    presupposes: dict[str, tuple[str, ...]]

    @classmethod
    def build(cls, codebook: Codebook) -> "StatementExtractor":
        cues = Matcher()
        requires: dict[int, frozenset[str]] = {}
        words: dict[str, set[str]] = {}
        phrases: dict[str, set[str]] = {}
        for n, entry in enumerate(codebook.lexicon):
            keys = [normalized_key(f) for f in entry.forms]
            phrases.setdefault(entry.type, set()).update(keys)
            words.setdefault(entry.type, set()).update(k for k in keys if " " not in k)
            if entry.type in ("speech_verb", "speech_participle", "according_to", "speech_noun",
                              "refutation", "passive_speech"):
                for form in entry.forms:
                    cues.add(form, f"{entry.type}:{n}", entry.type, payload=entry,
                             join_variant=False)
            if entry.requires_after:
                requires[id(entry)] = frozenset(normalized_key(f).split()[-1]
                                                for f in entry.requires_after)
        terms = Matcher()
        for claim in codebook.claims:
            for ci, cue in enumerate(claim.cues):
                for part, groups in (("all", cue.all), ("near", cue.near)):
                    for gi, group in enumerate(groups):
                        for alt in group.split("|"):
                            alt = alt.strip()
                            if not alt.startswith("@"):
                                terms.add(alt, f"{claim.id}#{ci}#{part}#{gi}", "claim_term",
                                          payload=(claim.id, ci, part, gi), join_variant=False)
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

        return cls(codebook, cues, terms,
                   {k: frozenset(v) for k, v in words.items()},
                   {k: frozenset(v) for k, v in phrases.items()}, requires,
                   {a.id: ancestors_of(a.id) for a in codebook.actors},
                   {c.id: tuple(c.presupposes) for c in codebook.claims})

    # ----------------------------------------------------------------- helpers
    def _is(self, kind: str, token: str) -> bool:
        forms = self.words.get(kind, frozenset())
        return token in forms or (token[:1] in "وف" and token[1:] in forms)

    def _is_break(self, text: NormText, a: int, b: int) -> bool:
        """Whether clause punctuation stands between original offsets a and b."""
        return any(c in CLAUSE_PUNCT for c in text.original[a:b])

    def _subject_ok(self, text: NormText, mention: Mention) -> bool:
        token = text.tokens[mention.first_token]
        prefix = text.original[token.start:mention.start]
        if normalize_form(prefix) in SUBJECT_BLOCKING_CLITICS:
            return False
        if mention.first_token > 0 and self._is("preposition", text.tokens[mention.first_token - 1].norm):
            return False
        return True

    def _find_cues(self, text: NormText, lo: int, hi: int) -> list[_Cue]:
        found: list[_Cue] = []
        for m in resolve_overlaps(self.cues.find(text, lo, hi)):
            entry: LexiconEntry = m.pattern.payload
            if m.first > lo and self._is("negation", text.tokens[m.first - 1].norm) \
                    and entry.type in ("speech_verb", "speech_participle"):
                continue  # "عدم نفي", "لم يقل": no statement
            if entry.requires_after:
                wanted = self.requires_after[id(entry)]
                ok = False
                for k in range(m.last, min(hi, m.last + REQUIRES_AFTER_WINDOW)):
                    tok = text.tokens[k].norm
                    if k > m.last and self._is("complementizer", tok):
                        break
                    if tok in wanted or any(tok.endswith(w) and len(tok) - len(w) <= 3 for w in wanted):
                        ok = True
                        break
                if not ok:
                    continue
            embedded = m.first > lo and self._is("relative", text.tokens[m.first - 1].norm)
            found.append(_Cue(m.pattern.kind, m.first, m.last, m.start, m.end, entry,
                              embedded=embedded))
        return found

    # ---------------------------------------------------------------- speakers
    def _mention_after(self, text: NormText, start_tok: int, gap: int, hi: int,
                       actors: list[Mention], *, check_subject: bool) -> Mention | None:
        for mt in actors:
            if mt.first_token < start_tok:
                continue
            if mt.first_token > start_tok + gap or mt.first_token >= hi:
                return None
            between = [text.tokens[k].norm for k in range(start_tok, mt.first_token)]
            if any(self._is("complementizer", t) for t in between):
                return None
            if check_subject and any(self._is("preposition", t) for t in between):
                return None
            if check_subject and not self._subject_ok(text, mt):
                return None
            return mt
        return None

    def _mention_before(self, text: NormText, cue_tok: int, lo: int,
                        actors: list[Mention]) -> Mention | None:
        best = None
        for mt in actors:
            if mt.last_token > cue_tok or mt.first_token < lo or cue_tok - mt.last_token > SVO_WINDOW:
                continue
            if not self._subject_ok(text, mt):
                continue
            between = range(mt.last_token, cue_tok)
            if any(self._is("complementizer", text.tokens[k].norm) for k in between):
                continue
            best = mt
        return best

    def _opens_clause(self, text: NormText, cue: _Cue) -> bool:
        """A verb with a leading و/ف opens a new clause: its subject cannot stand before it."""
        token = text.tokens[cue.first]
        return normalize_form(text.original[token.start:cue.start]) in ("و", "ف")

    def _spokesperson_for(self, text: NormText, cue: _Cue, hi: int,
                          actors: list[Mention]) -> Mention | None:
        """'قال المتحدث باسم الوزارة': the spokesman speaks for the actor named after."""
        phrases = self.phrases.get("spokesperson", frozenset())
        for n in (2, 3):
            if cue.last + n > hi:
                break
            words = " ".join(text.tokens[k].norm for k in range(cue.last, cue.last + n))
            if words in phrases:
                nxt = cue.last + n
                return next((mt for mt in actors if mt.first_token == nxt), None)
        return None

    def _is_speech_object(self, token: str) -> bool:
        objects = self.words.get("speech_object", frozenset())
        return token in objects or (token[:1] in "وفب" and token[1:] in objects)

    def _speech_object_before(self, text: NormText, cue: _Cue, lo: int) -> bool:
        """Whether a statement's vehicle stands right before the verb (تقرير يتهم)."""
        return cue.first > lo and self._is_speech_object(text.tokens[cue.first - 1].norm)

    def _speech_object_after(self, text: NormText, cue: _Cue, hi: int) -> bool:
        """Whether a statement's vehicle is the subject right after the verb (أظهرت الصور)."""
        return cue.last < hi and self._is_speech_object(text.tokens[cue.last].norm)

    def _unknown_speaker(self, text: NormText, cue: _Cue, lo: int, hi: int) -> Speaker | None:
        if cue.entry is not None and cue.entry.type == "passive_speech":
            surface = text.original[cue.start:cue.end]
            return Speaker("UNK:" + normalize_form(surface).lstrip("وف"), surface, cue.start)
        before = self._source_before(text, cue, lo)
        if before is not None:
            return before
        words = []
        for k in range(cue.last, min(hi, cue.last + UNKNOWN_MAX_TOKENS)):
            tok = text.tokens[k]
            if self._is("complementizer", tok.norm) or self._is("preposition", tok.norm):
                break
            if k > cue.last and self._is_break(text, text.tokens[k - 1].end, tok.start):
                break
            words.append(tok)
        if not words or any(c in CLAUSE_PUNCT for c in text.original[cue.end:words[0].start]):
            return None
        if not self._is_source_noun(words[0].norm):
            return None  # "نشرت كدليل ...": no one named
        surface = text.original[words[0].start:words[-1].end]
        return Speaker("UNK:" + normalize_form(surface), surface, words[0].start, cue.last + len(words))

    def _is_source_noun(self, token: str) -> bool:
        nouns = self.words.get("source_noun", frozenset())
        return token in nouns or (token.startswith("ال") and token[2:] in nouns) or \
            (token[:1] == "و" and self._is_source_noun(token[1:]))

    def _source_before(self, text: NormText, cue: _Cue, lo: int) -> Speaker | None:
        """An unnamed source right before the verb: "تقارير إعلامية تحدثت"."""
        for k in range(cue.first - 1, max(lo, cue.first - 2) - 1, -1):
            if self._is_break(text, text.tokens[k].end, text.tokens[k + 1].start):
                return None
            if self._is_source_noun(text.tokens[k].norm):
                first, last = text.tokens[k], text.tokens[cue.first - 1]
                surface = text.original[first.start:last.end]
                return Speaker("UNK:" + normalize_form(surface), surface, first.start, cue.first - 1)
        return None

    @staticmethod
    def _speaker(mt: Mention) -> Speaker:
        return Speaker(mt.entity_id, mt.surface, mt.start, mt.last_token)

    # ------------------------------------------------------------------ claims
    def _group_hits(self, claim_id: str, ci: int, part: str, gi: int, group: str,
                    terms: list[Match], ents: list[Mention]) -> list[tuple[int, int, Match | None]]:
        """Token ranges where a group matches: its words, or mentions of its entities."""
        hits: list[tuple[int, int, Match | None]] = [
            (m.first, m.last, m) for m in terms if m.pattern.payload == (claim_id, ci, part, gi)]
        wanted = {a.strip()[1:] for a in group.split("|") if a.strip().startswith("@")}
        if wanted:
            hits += [(mt.first_token, mt.last_token, None) for mt in ents if mt.entity_id in wanted]
        return hits

    def _negation_before(self, text: NormText, first: int, anchor_tok: int):
        for k in range(anchor_tok - 1, max(first, anchor_tok - NEGATION_WINDOW) - 1, -1):
            tok = text.tokens[k]
            if self._is_break(text, tok.end, text.tokens[k + 1].start):
                return None
            if self._is("negation", tok.norm):
                if self._is("continuative", text.tokens[k + 1].norm):
                    continue  # لا تزال (still), لا يعدو (nothing but)
                return tok
        return None

    def _claims_in(self, text: NormText, first: int, last: int, terms: list[Match],
                   mentions: list[Mention], exclude: list[tuple[int, int]]) -> list[_Candidate]:
        """Claim candidates in tokens [first, last), one per anchor occurrence.

        Anchors inside ``exclude`` (embedded statements) are left out.
        """
        if last <= first:
            return []
        inside = [m for m in terms if m.first >= first and m.last <= last]
        ents = [mt for mt in mentions if mt.first_token >= first and mt.last_token <= last]
        out: list[_Candidate] = []
        for claim in self.codebook.claims:
            for ci, cue in enumerate(claim.cues):
                all_hits = [self._group_hits(claim.id, ci, "all", gi, g, inside, ents)
                            for gi, g in enumerate(cue.all)]
                if not all(all_hits):
                    continue
                near_hits = [self._group_hits(claim.id, ci, "near", gi, g, inside, ents)
                             for gi, g in enumerate(cue.near)]
                words = resolve_overlaps([h[2] for h in all_hits[0] if h[2] is not None])
                anchors = sorted(
                    [_Anchor(m.first, m.last, m.start, m.end) for m in words]
                    + [_Anchor(h[0], h[1], text.tokens[h[0]].start, text.tokens[h[1] - 1].end)
                       for h in all_hits[0] if h[2] is None],
                    key=lambda a: a.first)
                found: list[_Candidate] = []
                for anchor in anchors:
                    a_first, a_last = anchor.first, anchor.last
                    if any(s <= a_first < e for s, e in exclude):
                        continue
                    ok = True
                    lo_tok, hi_tok = a_first, a_last
                    for hits in near_hits:
                        close = [h for h in hits if h[0] - a_last <= cue.window and a_first - h[1] <= cue.window]
                        if not close:
                            ok = False
                            break
                        lo_tok = min(lo_tok, min(h[0] for h in close))
                        hi_tok = max(hi_tok, max(h[1] for h in close))
                    if not ok:
                        continue
                    negation = self._negation_before(text, first, a_first)
                    if cue.negated and negation is None:
                        continue
                    found.append(_Candidate(claim.id, cue.stance, anchor, cue.negated, lo_tok, hi_tok))
                    break  # the first anchor speaks for the claim in this content
                if found:
                    out.extend(found)
                    break  # the first cue pattern that matches speaks for the claim
        return out

    # ------------------------------------------------------------------ extract
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
            cues = self._find_cues(text, lo, hi)
            if continuation is not None and line_no == continuation_line:
                first_tok = text.tokens[lo]
                cues.insert(0, _Cue("continuation", lo, lo, first_tok.start, first_tok.start,
                                    speaker=continuation))
            resolved = self._resolve_speakers(text, cues, lo, hi, actors, last_speaker)
            self._assign_content(resolved, hi)
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

    def _resolve_speakers(self, text: NormText, cues: list[_Cue], lo: int, hi: int,
                          actors: list[Mention], previous: Speaker | None) -> list[_Cue]:
        resolved: list[_Cue] = []
        current = previous
        for cue in cues:
            if cue.kind in ("refutation", "continuation"):
                if cue.kind == "continuation":
                    current = cue.speaker
                resolved.append(cue)
                continue
            mention: Mention | None = None
            if cue.kind == "speech_participle":
                cue.speaker = current
            elif cue.kind == "according_to":
                mention = self._mention_after(text, cue.last, FRAME_GAP, hi, actors, check_subject=False)
            elif cue.kind == "speech_noun":
                mention = self._mention_after(text, cue.last, NOUN_GAP, hi, actors, check_subject=False)
                if mention is None:
                    continue  # a statement noun without a named owner is no frame
            elif cue.kind == "passive_speech":
                cue.speaker = self._unknown_speaker(text, cue, lo, hi)
            else:
                # subject before the verb: a statement's vehicle ("بتقرير يتهم") or an unnamed
                # source ("تقارير إعلامية تحدثت"); then after it (VSO); then before it (SVO)
                if self._speech_object_before(text, cue, lo) and current is not None:
                    cue.speaker = current
                else:
                    cue.speaker = self._source_before(text, cue, lo)
                if cue.speaker is None:
                    mention = self._mention_after(text, cue.last, VSO_GAP, hi, actors, check_subject=True)
                    if mention is None:
                        mention = self._spokesperson_for(text, cue, hi, actors)
                    if mention is None and self._speech_object_after(text, cue, hi):
                        cue.speaker = current
                    elif mention is None and not self._opens_clause(text, cue):
                        mention = self._mention_before(text, cue.first, lo, actors)
            if mention is not None:
                cue.speaker = self._speaker(mention)
            if cue.speaker is None:
                cue.speaker = self._unknown_speaker(text, cue, lo, hi)
            if cue.speaker is None:
                continue
            if cue.kind in ("speech_verb", "according_to") and not cue.embedded:
                current = cue.speaker
            after = cue.speaker.last_token if cue.speaker.last_token > cue.first else cue.last
            cue.content_first = max(cue.last, after)
            resolved.append(cue)
        return resolved

    @staticmethod
    def _assign_content(cues: list[_Cue], hi: int) -> None:
        outer = [c for c in cues if not c.embedded]
        for i, cue in enumerate(outer):
            if cue.kind == "refutation":
                cue.content_first = cue.content_last = cue.last
                continue
            end = outer[i + 1].first if i + 1 < len(outer) else hi
            cue.content_last = max(cue.content_first, end)
        for i, cue in enumerate(cues):
            if not cue.embedded:
                continue
            nxt = cues[i + 1].first if i + 1 < len(cues) else hi
            cue.content_last = max(cue.content_first, min(nxt, cue.content_first + EMBEDDED_WINDOW))

    def _span(self, text: NormText, sent: Sentence, cue: _Cue, cand: _Candidate | None,
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

    def _emit(self, doc_id: str, sent: Sentence, text: NormText, cues: list[_Cue],
              terms: list[Match], ments: list[Mention], said: list[tuple[str, str]]):
        out: list[Statement] = []

        def add(cue: _Cue, claim_id: str, stance: str, cue_words: str, cue_span: tuple[int, int],
                span: tuple[int, int], anchor: _Anchor | None) -> None:
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
            cands = self._claims_in(text, cue.content_first, cue.content_last, terms, ments, exclude)
            base = cue.stance or "asserts"
            cue_text = text.original[cue.start:cue.end]
            results: list[tuple[_Candidate, str, str, tuple[int, int]]] = []
            for cand in cands:
                stance, words, span = base, cue_text, (cue.start, cue.end)
                if base == "asserts" and cand.cue_stance:
                    stance = cand.cue_stance
                    words = f"{cue_text} … {text.original[cand.anchor.start:cand.anchor.end]}".strip(" …")
                    span = (cand.anchor.start, cand.anchor.end)
                neg = None if cand.negated_cue else self._negation_before(
                    text, cue.content_first, cand.anchor.first)
                if neg is not None:
                    stance = "denies"
                    words = f"{cue_text} … {text.original[neg.start:neg.end]}".strip(" …")
                    span = (neg.start, neg.end)
                results.append((cand, stance, words, span))
            # denying/conceding a claim does not deny/concede what it presupposes
            drop = set()
            for cand, stance, _, _ in results:
                if stance == "asserts":
                    continue
                for other in self.presupposes.get(cand.claim_id, ()):
                    drop |= {(other, stance)}
            for cand, stance, words, span in results:
                if (cand.claim_id, stance) in drop:
                    continue
                cue.claims.append((cand.claim_id, stance))
                add(cue, cand.claim_id, stance, words, span,
                    self._span(text, sent, cue, cand, cue.content_last), cand.anchor)

            # "رفض ادعاءات X بأن ..." / "رد على ادعاءات روسيا": deny X's claims
            if cue.stance == "denies" and i + 1 < len(cues):
                inner = cues[i + 1]
                if inner.kind == "speech_noun" and inner.speaker and \
                        inner.speaker.actor_id != cue.speaker.actor_id and inner.first < cue.content_last + 4:
                    inner_cands = self._claims_in(text, inner.content_first, inner.content_last,
                                                  terms, ments, [])
                    claim_ids = [c.claim_id for c in inner_cands]
                    if not claim_ids:
                        owner = inner.speaker.actor_id
                        claim_ids = [c for a, c in said
                                     if a == owner or owner in self.ancestors.get(a, frozenset())]
                    for claim_id in dict.fromkeys(claim_ids):
                        add(cue, claim_id, "denies", cue_text, (cue.start, cue.end),
                            self._span(text, sent, cue, None, inner.content_last), None)

        # "وهذا غير صحيح": the outer speaker denies the claims reported just before
        for i, cue in enumerate(cues):
            if cue.kind != "refutation":
                continue
            reported = next((c for c in reversed(cues[:i]) if c.claims and c.kind != "refutation"), None)
            if reported is None:
                continue
            outer = next((c for c in cues[:cues.index(reported)]
                          if c.speaker and c.speaker.actor_id != reported.speaker.actor_id
                          and c.kind in SPEAKING), None)
            if outer is None:
                continue
            words = text.original[cue.start:cue.end]
            for claim_id, _ in reported.claims:
                add(outer, claim_id, "denies", words, (cue.start, cue.end),
                    self._span(text, sent, outer, None, cue.last), None)
        return out
