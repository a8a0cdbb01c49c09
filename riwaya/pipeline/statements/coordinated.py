"""A second speaker joined to the first by "و": "واتهمت روسيا وسوريا واشنطن بـ…" (after the
verb), "وكان الجيش السوري وروسيا قد اتهما …" (before it). Each codebook actor of the pair says
what the verb says (one statement each, as the golden guidelines count speakers)."""

from __future__ import annotations

from riwaya.pipeline.mentions import Mention
from riwaya.pipeline.statements.model import Lexicon, Speaker
from riwaya.text.clitics import PREPOSITIONAL
from riwaya.text.matcher import NormText
from riwaya.text.normalize import normalize_form

AND = "و"


def _joined(text: NormText, second: Mention) -> bool:
    """The mention's own word opens with a bare "و" ("وروسيا", "والجيش")."""
    token = text.tokens[second.first_token]
    return normalize_form(text.original[token.start:second.start]) == AND


def _codebook(mt: Mention) -> bool:
    return mt.kind == "actor" and ":" not in mt.entity_id


def coordinated_speaker(lex: Lexicon, text: NormText, speaker: Mention, cue_first: int,
                        actors: list[Mention], objects: tuple[str, ...] = ()) -> Speaker | None:
    """The codebook actor coordinated with ``speaker`` (a codebook actor, the subject of the verb
    at ``cue_first``): right after it with "و" when the subject follows the verb, right before
    it when the subject, joined by "و", stands before the verb. Never the same actor, and never
    one governed by a preposition ("بين دمشق وموسكو"), nor, after an accusing verb (its
    ``objects`` prefixes), one its charge follows ("اتهمت روسيا وسوريا بدعم …": the accused)."""
    if not _codebook(speaker):
        return None
    after = speaker.first_token > cue_first
    for mt in actors:
        if not _codebook(mt) or mt.entity_id == speaker.entity_id:
            continue
        if after and mt.first_token == speaker.last_token and _joined(text, mt):
            pair = mt
            if objects and mt.last_token < len(text.tokens) \
                    and text.tokens[mt.last_token].norm.startswith(objects):
                return None
        elif not after and mt.last_token == speaker.first_token and _joined(text, speaker):
            pair = mt
            token = text.tokens[mt.first_token]
            if normalize_form(text.original[token.start:mt.start]) in PREPOSITIONAL or (
                    mt.first_token > 0 and lex.is_("preposition", text.tokens[mt.first_token - 1].norm)):
                return None
        else:
            continue
        return Speaker(pair.entity_id, pair.surface, pair.start, pair.last_token, "codebook")
    return None
