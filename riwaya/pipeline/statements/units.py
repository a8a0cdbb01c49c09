"""Per sentence of a document: its speech cues with their speakers and contents, its claim
terms and mentions (a :class:`Unit`), the speaker carried from sentence to sentence; for
:class:`~riwaya.pipeline.statements.extractor.StatementExtractor`, which finds the claims."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from riwaya.pipeline.mentions import Mention
from riwaya.pipeline.statements.cues import (assign_content, circumstances, contrast_cut,
                                             postposed_content, reported_acts,
                                             reported_passives)
from riwaya.pipeline.statements.model import SPEAKING, Cue, Speaker
from riwaya.pipeline.statements.named import NamedSpeakers
from riwaya.pipeline.statements.speakers import resolve_speakers, sentence_subject
from riwaya.pipeline.statements.tickers import cut_at_stamps
from riwaya.text.matcher import Match, NormText
from riwaya.text.segment import Sentence

if TYPE_CHECKING:
    from riwaya.pipeline.statements.extractor import StatementExtractor

#: speakers a participle or a subjectless verb in a later sentence continues (unnamed sources
#: too: "وأكد مصدر عسكري … . وقال إن …")
CARRIED = ("codebook", "named", "source")
NEWLINE = re.compile("\n")


def _starting_in(items: list, firsts: list[int], lo: int, hi: int) -> list:
    """The items (sorted by first token, ``firsts``) whose first token is in [lo, hi]."""
    return items[bisect_left(firsts, lo):bisect_right(firsts, hi)]


@dataclass
class Unit:
    """One sentence after speakers and contents are resolved, before claims are found."""

    sent: Sentence
    cues: list[Cue]
    terms: list[Match]
    ments: list[Mention]
    context: frozenset[str]             # entities named in the sentence before

    @cached_property
    def terms_by_claim(self) -> dict[str, list[Match]]:
        """The claim terms by claim id, in token order (a claim's structure is asked of each
        content of the sentence)."""
        out: dict[str, list[Match]] = {}
        for m in self.terms:
            out.setdefault(m.pattern.payload[0], []).append(m)
        return out


def resolve_units(ex: "StatementExtractor", text: NormText, sentences: list[Sentence],
                  mentions: list[Mention]) -> list[Unit]:
    """Per sentence: its cues with their speakers and contents (the speaker carried over
    from sentence to sentence), its claim terms and mentions."""
    mentions = sorted(mentions + ex.anaphors.resolve(text, sentences, mentions),
                      key=lambda m: (m.first_token, m.last_token))
    actors_all = [m for m in mentions if m.kind == "actor"]
    terms_all = ex.claim_terms.find(text)  # in token order, like the mentions
    # per sentence, bisect into these (a scan of the whole document per sentence was quadratic)
    actor_firsts = [m.first_token for m in actors_all]
    mention_firsts = [m.first_token for m in mentions]
    term_firsts = [m.first for m in terms_all]
    newlines = [m.start() for m in NEWLINE.finditer(text.original)]
    named = NamedSpeakers(ex.roles, ex.lexicon)
    specific = _most_specific(ex, {m.entity_id for m in actors_all})
    units: list[Unit] = []
    last_speaker: Speaker | None = None
    continuation: Speaker | None = None
    continuation_line = -1
    previous: frozenset[str] = frozenset()
    for sent in sentences:
        lo = text.token_at_or_after(sent.start)
        hi = text.token_at_or_after(sent.end)
        line_no = bisect_left(newlines, sent.start)  # the newlines before the sentence
        if hi <= lo:
            continue
        actors = [m for m in _starting_in(actors_all, actor_firsts, lo, hi) if m.last_token <= hi]
        ments = [m for m in _starting_in(mentions, mention_firsts, lo, hi) if m.last_token <= hi]
        terms = [m for m in _starting_in(terms_all, term_firsts, lo, hi) if m.last <= hi]
        cues = reported_acts(ex.lexicon, text, ex.cues.find(text, lo, hi))
        cues = circumstances(ex.lexicon, text,
                             reported_passives(ex.lexicon, text, cues), hi)
        if continuation is not None and line_no == continuation_line:
            first_tok = text.tokens[lo]
            cues.insert(0, Cue("continuation", lo, lo, first_tok.start, first_tok.start,
                               speaker=continuation))
        named.recent = ex.roles.body_of(last_speaker)   # "وقال المتحدث باسمها"
        named.scan(text, lo, hi, actors)
        before = last_speaker
        opening = next((c.kind for c in cues if c.kind in SPEAKING
                        or c.kind == "speech_participle"), None)
        if opening == "speech_participle" or _coordinated(text, cues, lo):
            # "وتمسكت الوزارة بروايتها، نافية أن …": the participle goes on from this
            # sentence's subject, who has not spoken yet; so does a speech verb joined by و to
            # the sentence's first verb ("عدل منشق عن روايته وقال إن …")
            subject = sentence_subject(ex.lexicon, text, lo, hi, actors, named)
            if subject is not None and subject.kind in CARRIED:
                before = subject
        resolved = resolve_speakers(ex.lexicon, text, cues, lo, hi, actors, before, named)
        for cue in resolved:
            if cue.speaker is not None and cue.speaker.by_adjective \
                    and cue.speaker.actor_id in specific:
                cue.speaker = replace(cue.speaker, actor_id=specific[cue.speaker.actor_id])
        assign_content(resolved, hi)
        contrast_cut(ex.lexicon, text, resolved)
        postposed_content(text, resolved, lo, ex.lexicon)
        cut_at_stamps(text, resolved, lo, hi)
        units.append(Unit(sent, resolved, terms, ments, previous))
        previous = frozenset(m.entity_id for m in ments)
        speaking = [c for c in resolved if c.speaker and c.kind in SPEAKING
                    and c.speaker.kind in CARRIED]
        if speaking:
            last_speaker = speaking[-1].speaker
        elif not any(c.kind in SPEAKING for c in resolved):
            # "وعقد المتحدث … مؤتمرا صحفيا. وقال إن …": the subject speaks next
            subject = sentence_subject(ex.lexicon, text, lo, hi, actors, named)
            if subject is not None and subject.kind in CARRIED:
                last_speaker = subject
        # "... بالنسبة لنا:" hands the speaker to the next paragraph
        if sent.text.rstrip().endswith(":") and speaking:
            continuation, continuation_line = speaking[-1].speaker, line_no + 1
        elif line_no != continuation_line:
            continuation = None
    return units

def _coordinated(text: NormText, cues: list, lo: int) -> bool:
    """Whether the sentence's first speech verb is joined by و to an earlier verb of the
    sentence ("عدل منشق … وقال"): not the sentence's first word."""
    first = next((c for c in cues if c.kind == "speech_verb"), None)
    return first is not None and first.first > lo + 1 \
        and text.tokens[first.first].norm.startswith("و")


def _most_specific(ex: "StatementExtractor", mentioned: set[str]) -> dict[str, str]:
    """Actor -> the one actor mentioned in the document that is part of it (not a person):
    "المزاعم الروسية" in an article on the Russian defence ministry are the ministry's."""
    parts: dict[str, set[str]] = {}
    for actor in mentioned:
        if actor in ex.roles.persons:
            continue
        for parent in ex.ancestors.get(actor, ()):
            parts.setdefault(parent, set()).add(actor)
    return {parent: next(iter(ids)) for parent, ids in parts.items() if len(ids) == 1}
