"""The words of a statement: the quote shown as its evidence, and where its content starts."""

from __future__ import annotations

from riwaya.pipeline.mentions import Mention
from riwaya.pipeline.statements.model import CLAUSE_PUNCT, Candidate, Cue
from riwaya.text.matcher import NormText
from riwaya.text.segment import Sentence

LONG_CONTENT = 40            # content longer than this is quoted clause by clause


def after_speaker(cue: Cue, ments: list[Mention]) -> int:
    """The first token of a cue's content after the speaker's own names that open it (an
    apposition: "المتحدث باسم التحالف الكولونيل ريان ديلون")."""
    k = cue.content_first
    while True:
        m = next((m for m in ments if m.first_token == k and cue.speaker is not None
                  and m.entity_id == cue.speaker.actor_id), None)
        if m is None or m.last_token <= k:
            return k
        k = m.last_token


def quote_span(text: NormText, sent: Sentence, cue: Cue, cand: Candidate | None,
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
    if cue.content_first < cue.first and cue.content_last <= cue.first:
        # a post-posed attribution: the quote before the verb, to the speaker's name
        last = cue.speaker.last_token if cue.speaker and cue.speaker.last_token > cue.last \
            else cue.last
        return text.tokens[cue.content_first].start, min(text.tokens[last - 1].end, sent.end)
    start = cue.start
    if cue.speaker is not None and cue.speaker.start < start and cue.kind != "speech_participle":
        start = cue.speaker.start
    end = text.tokens[max(end_tok, cue.last) - 1].end
    return max(start, sent.start), min(end, sent.end)
