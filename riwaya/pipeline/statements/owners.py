"""Speakers named by whom a statement belongs to: the body a spokesman speaks for ("قال المتحدث
باسم الوزارة"), and the actor whose adjective follows a statement noun that frames what is said
("بحسب الرواية الروسية"). Called by :func:`.speakers.resolve_speakers`."""

from __future__ import annotations

from riwaya.pipeline.mentions import Mention
from riwaya.pipeline.statements.model import Cue, Lexicon, Speaker, is_break
from riwaya.pipeline.statements.named import NamedSpeakers, bare_form
from riwaya.text.clitics import with_conjunction
from riwaya.text.matcher import NormText

#: "جاء في البيان الروسي": a statement noun after these frames what follows
FRAMING_PREPOSITIONS = frozenset({"في", "حسب", "بحسب"})


def spokesperson_for(lex: Lexicon, text: NormText, cue: Cue, hi: int,
                      actors: list[Mention]) -> Mention | None:
    """'قال المتحدث باسم الوزارة': the spokesman speaks for the actor named after."""
    phrases = lex.phrases_of("spokesperson")
    for n in (2, 3):
        if cue.last + n > hi:
            break
        words = " ".join(text.tokens[k].norm for k in range(cue.last, cue.last + n))
        if words in phrases:
            nxt = cue.last + n
            return next((mt for mt in actors if mt.first_token == nxt), None)
    return None


def adjective_owner(lex: Lexicon, text: NormText, cue: Cue, lo: int, hi: int,
                     named: NamedSpeakers | None) -> Speaker | None:
    """The actor whose adjective follows a statement noun that frames what is said ("بحسب
    الرواية الروسية", "جاء في البيان الروسي", "تقول المزاعم الروسية"): the statement is that
    actor's; so is a claim reported as the actor's in what someone says ("قال إن الاتهامات
    الروسية بأن ..."). Elsewhere the noun is what someone talks about ("أكدوا أن التقرير
    الروسي ...")."""
    if named is None or cue.last >= hi or cue.first <= lo or \
            is_break(text, text.tokens[cue.last - 1].end, text.tokens[cue.last].start):
        return None
    prev = text.tokens[cue.first - 1].norm      # "في" is no و/ف and في: never strip it
    # "قال إن الاتهامات الروسية بأن ...": a claim reported as someone's, inside what is said
    reported = lex.is_("complementizer", prev) and cue.last + 1 < hi \
        and lex.is_("complementizer", text.tokens[cue.last + 1].norm)
    if not (with_conjunction(prev, FRAMING_PREPOSITIONS) or lex.is_("according_to", prev)
            or lex.is_("speech_verb", prev) or reported):
        return None
    tok = text.tokens[cue.last]
    actor = named.roles.adjectives.get(bare_form(tok.norm))
    if actor is None:
        return None
    return Speaker(actor, text.original[text.tokens[cue.first].start:tok.end],
                   text.tokens[cue.first].start, cue.last + 1, "codebook", by_adjective=True)
