"""Speakers named by whom a statement belongs to: the body a spokesman speaks for ("قال المتحدث
باسم الوزارة"), and the actor whose adjective follows a statement noun that frames what is said
("بحسب الرواية الروسية"), and the subject of the clause around an accusation after "(so far) as"
("وصلت موسكو إلى حد اتهام واشنطن بـ…"). Called by :func:`.speakers.resolve_speakers`."""

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


#: "وصلت موسكو إلى حد اتهام واشنطن بـ…", "ذهبت لدرجة اتهام …": a statement noun after "(so far)
#: as" is what the clause's subject says (normalised forms)
EXTENT_NOUNS = frozenset({"حد", "لحد", "درجه", "لدرجه"})
ON = frozenset({"على", "علي", "وعلى", "وعلي"})


def extent_framed(text: NormText, cue: Cue, lo: int) -> bool:
    """Whether a statement noun follows "إلى حد" / "لدرجة" ("went so far as accusing"); not
    "على حد" ("على حد تصريحات الوزير": as the minister put it)."""
    k = cue.first - 1
    return k >= lo and text.tokens[k].norm in EXTENT_NOUNS \
        and not (k > lo and text.tokens[k - 1].norm in ON) \
        and not is_break(text, text.tokens[k].end, text.tokens[cue.first].start)


def opening_adjective(text: NormText, lo: int, hi: int,
                      named: NamedSpeakers | None) -> Speaker | None:
    """The actor whose adjective follows the noun opening the sentence, its subject ("الحملة
    الروسية وصلت إلى حد اتهام …", '" العدوانية " الروسية … بلغت حد اتهام …')."""
    if named is None:
        return None
    for k in range(lo + 1, min(hi, lo + 3)):    # "الحملة الإعلامية الروسية": a second adjective
        tok = text.tokens[k]
        if is_break(text, text.tokens[k - 1].end, tok.start):
            return None
        actor = named.roles.adjectives.get(bare_form(tok.norm))
        if actor is not None:
            # the state's own conduct ("التصعيد الروسي"), not a body's statement noun: the
            # state itself, not its one body the article names (units._most_specific)
            return Speaker(actor, text.original[text.tokens[lo].start:tok.end],
                           text.tokens[lo].start, k + 1, "codebook")
    return None
