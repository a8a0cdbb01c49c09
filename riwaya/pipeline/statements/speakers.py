"""Who speaks: the speaker of each speech cue in a sentence.

* A speech verb's subject is the actor right after it (Arabic VSO, at most two words later) or
  before it (SVO, unless a leading و/ف opens a new clause), never one governed by a preposition;
  "قال المتحدث باسم الوزارة": the spokesman speaks for the actor named after.
* A statement's vehicle as subject ("أظهرت الصور", "بتقرير يتهم") speaks for the current speaker.
* An "according to" frame's speaker is the actor after it; a statement noun's, its owner.
* A title and a name right after the cue ("قال وزير الخارجية الروسي سيرغي لافروف") or right
  before it ("المتحدثة باسم الخارجية الروسية ماريا زاخاروفا قالت"), or the surname of a person
  named so earlier, is a *named* speaker (:mod:`.named`); a codebook person's one-word short
  form there ("قال ديلون") is that person; an actor's anaphor with the adjective of what it is
  part of ("الوزارة الروسية") is the one codebook actor that fits.
* An accusation's actor followed by its charge ("اتهام واشنطن بـ…", the lexicon's
  ``object_prefix``) is the accused, not the speaker.
* A participle (مشيراً) continues the current speaker, and so does a verb with no subject right
  before its complementizer ("وأضافت أن ...").
* Otherwise an unnamed source around the verb ("مصدر عسكري", "تقارير إعلامية تحدثت") speaks as
  ``UNK:<form>`` (kind ``source``); an impersonal passive (قيل، ما تم كشفه) is ``UNATTRIBUTED``.
"""

from __future__ import annotations

from riwaya.pipeline.mentions import Mention
from riwaya.pipeline.statements.model import UNATTRIBUTED, Cue, Lexicon, Speaker, is_break
from riwaya.pipeline.statements.named import NamedSpeakers
from riwaya.text.clitics import (ARTICLE, CONJUNCTIONS, PREPOSITIONAL, strip_conjunction,
                                  with_conjunction)
from riwaya.text.matcher import NormText, normalized_key
from riwaya.text.normalize import normalize_form

VSO_GAP = 2                  # words allowed between a verb and its subject after it
SVO_WINDOW = 8               # words allowed between a subject before a verb and the verb
FRAME_GAP = 3                # words between "according to" and its source
NOUN_GAP = 1                 # words between a statement noun and its owner
UNKNOWN_MAX_TOKENS = 3       # words of an unnamed source after the verb
NAMED_BEFORE = 9             # words of a title and a name before the verb (SVO)
#: "جاء في البيان الروسي": a statement noun after these frames what follows
FRAMING_PREPOSITIONS = frozenset({"في", "حسب", "بحسب"})
#: one-letter prefixes a statement's vehicle may carry: و/ف, and ب ("بتقرير يتهم")
VEHICLE_PREFIXES = CONJUNCTIONS + ("ب",)
#: "أحد"، "إحدى" (one of) before an unnamed source
ONE_OF = frozenset({"احد", "احدى"})


def resolve_speakers(lex: Lexicon, text: NormText, cues: list[Cue], lo: int, hi: int,
                     actors: list[Mention], previous: Speaker | None,
                     named: NamedSpeakers | None = None) -> list[Cue]:
    """The cues of tokens ``[lo, hi)`` that have a speaker, each with its speaker and the start
    of its content; ``previous`` is the last speaker before the sentence; ``named`` the
    document's named people (titles and names outside the codebook)."""
    resolved: list[Cue] = []
    current = previous
    for cue in cues:
        if cue.kind in ("refutation", "continuation", "question_verb"):
            if cue.kind == "continuation":
                current = cue.speaker
            resolved.append(cue)
            continue
        mention: Mention | None = None
        objects = tuple(cue.entry.object_prefix) if cue.entry is not None else ()
        if cue.kind == "speech_participle":
            cue.speaker = current
        elif cue.kind == "according_to":
            cue.speaker = _named_after(named, text, cue.last, hi, actors)
            if cue.speaker is None:
                mention = _mention_after(lex, text, cue.last, FRAME_GAP, hi, actors,
                                         check_subject=False)
        elif cue.kind == "speech_noun":
            cue.speaker = _named_after(named, text, cue.last, hi, actors)
            if cue.speaker is None:
                mention = _mention_after(lex, text, cue.last, NOUN_GAP, hi, actors,
                                         check_subject=False, objects=objects)
            if cue.speaker is None and mention is None:
                cue.speaker = _adjective_owner(lex, text, cue, lo, hi, named)
                if cue.speaker is None:
                    continue  # a statement noun without a named owner is no frame
        elif cue.kind == "passive_speech":
            cue.speaker = unknown_speaker(lex, text, cue, lo, hi)
        else:
            # subject before the verb: a statement's vehicle ("بتقرير يتهم") or an unnamed
            # source ("تقارير إعلامية تحدثت"); then after it (VSO: a title and a name, an
            # actor); then before it (SVO); else the current speaker goes on ("وأضافت أن")
            if _vehicle_before(lex, text, cue, lo) and current is not None:
                cue.speaker = current
            else:
                cue.speaker = _source_before(lex, text, cue, lo, actors)
            if cue.speaker is None:
                cue.speaker = _named_after(named, text, cue.last, hi, actors)
            if cue.speaker is None:
                mention = _mention_after(lex, text, cue.last, VSO_GAP, hi, actors,
                                         check_subject=True, objects=objects)
                if mention is None:
                    mention = _spokesperson_for(lex, text, cue, hi, actors)
                if mention is None and _vehicle_after(lex, text, cue, hi):
                    cue.speaker = current
                elif mention is None and not _opens_clause(text, cue):
                    cue.speaker = _named_before(named, text, cue, lo, actors)
                    if cue.speaker is None:
                        mention = _mention_before(lex, text, cue.first, lo, actors)
                if mention is None and cue.speaker is None and _pro_drop(lex, text, cue, hi):
                    cue.speaker = current
        if mention is not None:
            cue.speaker = Speaker(mention.entity_id, mention.surface, mention.start,
                                  mention.last_token, "named" if ":" in mention.entity_id
                                  else "codebook")
        if cue.speaker is None:
            cue.speaker = unknown_speaker(lex, text, cue, lo, hi)
        if cue.speaker is None:
            continue
        if cue.kind in ("speech_verb", "according_to") and not cue.embedded:
            current = cue.speaker
        after = cue.speaker.last_token if cue.speaker.last_token > cue.first else cue.last
        cue.content_first = max(cue.last, after)
        resolved.append(cue)
    return resolved


def _subject_ok(lex: Lexicon, text: NormText, mention: Mention) -> bool:
    """An actor governed by a preposition (بالتحالف، من التحالف) is no subject."""
    token = text.tokens[mention.first_token]
    prefix = text.original[token.start:mention.start]
    if normalize_form(prefix) in PREPOSITIONAL:
        return False
    if mention.first_token > 0 and lex.is_("preposition", text.tokens[mention.first_token - 1].norm):
        return False
    return True


def _mention_after(lex: Lexicon, text: NormText, start_tok: int, gap: int, hi: int,
                   actors: list[Mention], *, check_subject: bool,
                   objects: tuple[str, ...] = ()) -> Mention | None:
    """The actor right after a cue (at most ``gap`` words later); none when it is the object of
    an accusation (followed by a word with one of the ``objects`` prefixes: "اتهام واشنطن بـ")."""
    for mt in actors:
        if mt.first_token < start_tok:
            continue
        if mt.first_token > start_tok + gap or mt.first_token >= hi:
            return None
        between = [text.tokens[k].norm for k in range(start_tok, mt.first_token)]
        if any(lex.is_("complementizer", t) for t in between):
            return None
        if start_tok > 0 and is_break(text, text.tokens[start_tok - 1].end, mt.start):
            return None  # "تقرير إخباري: الجيش ..." names no owner
        if check_subject and any(lex.is_("preposition", t) for t in between):
            return None
        if check_subject and not _subject_ok(lex, text, mt):
            return None
        if objects and mt.last_token < hi and \
                strip_conjunction(text.tokens[mt.last_token].norm).startswith(objects):
            return None
        return mt
    return None


def _named_after(named: NamedSpeakers | None, text: NormText, tok: int, hi: int,
                 actors: list[Mention]) -> Speaker | None:
    """A title and a name (or the surname of one named earlier) at token ``tok``, unless a
    codebook actor's name starts there."""
    if named is None or tok >= hi or any(mt.first_token == tok for mt in actors):
        return None
    return named.phrase_at(text, tok, hi, actors) or named.known_at(text, tok, hi) \
        or named.roles.institution_at(text, tok, hi)


def _named_before(named: NamedSpeakers | None, text: NormText, cue: Cue, lo: int,
                  actors: list[Mention]) -> Speaker | None:
    """A title and a name that end right before the verb (SVO: "المتحدثة باسم الخارجية
    الروسية ماريا زاخاروفا قالت")."""
    if named is None:
        return None
    for k in range(max(lo, cue.first - NAMED_BEFORE), cue.first):
        if not named.roles.is_title(text.tokens[k].norm) or \
                (k > lo and named.roles.is_title(text.tokens[k - 1].norm)):
            continue
        speaker = named.phrase_at(text, k, cue.first, actors)
        if speaker is not None and speaker.kind == "named" and speaker.last_token == cue.first:
            return speaker  # a title without a name before the verb may be an apposition
    return None


def _pro_drop(lex: Lexicon, text: NormText, cue: Cue, hi: int) -> bool:
    """A speech verb with no subject right before its complementizer ("وأضافت أن ...")."""
    if cue.kind != "speech_verb" or cue.last >= hi:
        return False
    if is_break(text, cue.end, text.tokens[cue.last].start):
        return False
    nxt = text.tokens[cue.last].norm
    two = f"{nxt} {text.tokens[cue.last + 1].norm}" if cue.last + 1 < hi else nxt
    return lex.is_("complementizer", nxt) or two in lex.phrases_of("complementizer")


def _mention_before(lex: Lexicon, text: NormText, cue_tok: int, lo: int,
                    actors: list[Mention]) -> Mention | None:
    best = None
    for mt in actors:
        if mt.last_token > cue_tok or mt.first_token < lo or cue_tok - mt.last_token > SVO_WINDOW:
            continue
        if not _subject_ok(lex, text, mt):
            continue
        between = range(mt.last_token, cue_tok)
        if any(lex.is_("complementizer", text.tokens[k].norm) for k in between):
            continue
        best = mt
    return best


def _opens_clause(text: NormText, cue: Cue) -> bool:
    """A verb with a leading و/ف opens a new clause: its subject cannot stand before it."""
    token = text.tokens[cue.first]
    return normalize_form(text.original[token.start:cue.start]) in CONJUNCTIONS


def _spokesperson_for(lex: Lexicon, text: NormText, cue: Cue, hi: int,
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


def _is_vehicle(lex: Lexicon, token: str) -> bool:
    """A statement's vehicle (تقرير، الصور), alone or after و/ف/ب."""
    objects = lex.words_of("speech_object")
    return token in objects or (token[:1] in VEHICLE_PREFIXES and token[1:] in objects)


def _vehicle_before(lex: Lexicon, text: NormText, cue: Cue, lo: int) -> bool:
    """Whether a statement's vehicle stands right before the verb (تقرير يتهم)."""
    return cue.first > lo and _is_vehicle(lex, text.tokens[cue.first - 1].norm)


def _vehicle_after(lex: Lexicon, text: NormText, cue: Cue, hi: int) -> bool:
    """Whether a statement's vehicle is the subject right after the verb (أظهرت الصور)."""
    return cue.last < hi and _is_vehicle(lex, text.tokens[cue.last].norm)


def _is_source_noun(lex: Lexicon, token: str) -> bool:
    """An unnamed source (مصدر، مصادر، تقارير), with the article or after و."""
    nouns = lex.words_of("source_noun")
    return token in nouns or (token.startswith(ARTICLE) and token[len(ARTICLE):] in nouns) or \
        (token[:1] == "و" and _is_source_noun(lex, token[1:]))


def _source_before(lex: Lexicon, text: NormText, cue: Cue, lo: int,
                   actors: list[Mention] = ()) -> Speaker | None:
    """An unnamed source right before the verb: "تقارير إعلامية تحدثت"; not a codebook actor's
    name ("الأهالي أكدوا" when the codebook has the residents)."""
    for k in range(cue.first - 1, max(lo, cue.first - 2) - 1, -1):
        if is_break(text, text.tokens[k].end, text.tokens[k + 1].start) or \
                any(m.first_token <= k < m.last_token for m in actors):
            return None
        if _is_source_noun(lex, text.tokens[k].norm):
            first, last = text.tokens[k], text.tokens[cue.first - 1]
            surface = text.original[first.start:last.end]
            return Speaker("UNK:" + normalize_form(surface), surface, first.start, cue.first - 1,
                           "source")
    return None


def _adjective_owner(lex: Lexicon, text: NormText, cue: Cue, lo: int, hi: int,
                     named: NamedSpeakers | None) -> Speaker | None:
    """The actor whose adjective follows a statement noun that frames what is said ("بحسب
    الرواية الروسية", "جاء في البيان الروسي", "تقول المزاعم الروسية"): the statement is that
    actor's. Elsewhere the noun is what someone talks about ("أكدوا أن التقرير الروسي ...")."""
    if named is None or cue.last >= hi or cue.first <= lo or \
            is_break(text, text.tokens[cue.last - 1].end, text.tokens[cue.last].start):
        return None
    prev = text.tokens[cue.first - 1].norm      # "في" is no و/ف and في: never strip it
    if not (with_conjunction(prev, FRAMING_PREPOSITIONS) or lex.is_("according_to", prev)
            or lex.is_("speech_verb", prev)):
        return None
    tok = text.tokens[cue.last]
    bare = strip_conjunction(tok.norm)
    bare = bare[len(ARTICLE):] if bare.startswith(ARTICLE) and len(bare) > 3 else bare
    actor = named.roles.adjectives.get(bare)
    if actor is None:
        return None
    return Speaker(actor, text.original[text.tokens[cue.first].start:tok.end],
                   text.tokens[cue.first].start, cue.last + 1, "codebook", by_adjective=True)


def unknown_speaker(lex: Lexicon, text: NormText, cue: Cue, lo: int, hi: int) -> Speaker | None:
    """A speaker outside the codebook: an impersonal passive, or an unnamed source before or
    after the verb; None when no one is named ("نشرت كدليل ...")."""
    if cue.entry is not None and cue.entry.type == "passive_speech":
        surface = text.original[cue.start:cue.end]
        return Speaker(UNATTRIBUTED, surface, cue.start, kind="unattributed")
    # an according-to frame names its source after it (بحسب مصادر، نقلت وكالة عن مسؤول)
    before = None if cue.kind == "according_to" else _source_before(lex, text, cue, lo)
    if before is not None:
        return before
    words = []
    required = {normalized_key(f) for f in cue.entry.requires_after} if cue.entry else set()
    for k in range(cue.last, min(hi, cue.last + UNKNOWN_MAX_TOKENS)):
        tok = text.tokens[k]
        if lex.is_("complementizer", tok.norm) or lex.is_("preposition", tok.norm) \
                or lex.is_("relative", tok.norm) or tok.norm in required:
            break
        if k > cue.last and is_break(text, text.tokens[k - 1].end, tok.start):
            break
        words.append(tok)
    if not words or is_break(text, cue.end, words[0].start):
        return None
    one_of = len(words) > 1 and strip_conjunction(words[0].norm) in ONE_OF \
        and _is_source_noun(lex, words[1].norm)          # "قال أحد سكان المدينة"
    start = words[0].start
    if not one_of and not _is_source_noun(lex, words[0].norm):
        # "وفقا لمصادر", "بالنسبة للمصادر": an according-to frame's ل on the source
        lam = words[0].norm[:1] == "ل" and cue.kind == "according_to"
        rest = ARTICLE + words[0].norm[2:] if words[0].norm.startswith("لل") else words[0].norm[1:]
        if not (lam and _is_source_noun(lex, rest)):
            return None
        start += 2 if words[0].norm.startswith("لل") else 1
    surface = text.original[start:words[-1].end]
    return Speaker("UNK:" + normalize_form(surface), surface, start,
                   cue.last + len(words), "source")
