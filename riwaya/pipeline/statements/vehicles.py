"""A statement's vehicle (``speech_object``: تقرير، بيان، الصور) as the subject of a speech verb:
before it ("بتقرير يتهم"), after it ("أظهرت الصور"), and the actor whose statement it is
("أكد بيان صادر عن وزارة الدفاع أن")."""

from __future__ import annotations

from riwaya.pipeline.mentions import Mention
from riwaya.pipeline.statements.model import Cue, Lexicon, is_break
from riwaya.text.clitics import CONJUNCTIONS
from riwaya.text.matcher import NormText

#: one-letter prefixes a statement's vehicle may carry: و/ف, and ب ("بتقرير يتهم")
VEHICLE_PREFIXES = CONJUNCTIONS + ("ب",)


def is_vehicle(lex: Lexicon, token: str) -> bool:
    """A statement's vehicle (تقرير، الصور), alone or after و/ف/ب."""
    objects = lex.words_of("speech_object")
    return token in objects or (token[:1] in VEHICLE_PREFIXES and token[1:] in objects)


def vehicle_before(lex: Lexicon, text: NormText, cue: Cue, lo: int) -> bool:
    """Whether a statement's vehicle stands right before the verb (تقرير يتهم)."""
    return cue.first > lo and is_vehicle(lex, text.tokens[cue.first - 1].norm)


def vehicle_after(lex: Lexicon, text: NormText, cue: Cue, hi: int) -> bool:
    """Whether a statement's vehicle is the subject right after the verb (أظهرت الصور)."""
    return cue.last < hi and is_vehicle(lex, text.tokens[cue.last].norm)


VEHICLE_OWNER_GAP = 3        # words between a statement's vehicle and its owner ("صادر عن")


def vehicle_owner(lex: Lexicon, text: NormText, cue: Cue, hi: int,
                   actors: list[Mention]) -> Mention | None:
    """The actor whose statement is the vehicle after the verb ("أكد بيان صادر عن وزارة
    الدفاع أن", "قال تقرير للبنتاغون إن"): the first actor within a few words of it, before
    any complementizer or clause break."""
    for k in range(cue.last + 1, min(hi, cue.last + 1 + VEHICLE_OWNER_GAP)):
        if lex.is_("complementizer", text.tokens[k].norm) or \
                is_break(text, text.tokens[k - 1].end, text.tokens[k].start):
            return None
        owner = next((m for m in actors if m.first_token == k), None)
        if owner is not None:
            return owner
    return None
