"""Who speaks: the speaker of each speech cue in a sentence.

* A speech verb's subject is the actor right after it (Arabic VSO, at most two words later) or
  before it (SVO, unless a leading و/ف opens a new clause), never one governed by a preposition;
  "قال المتحدث باسم الوزارة": the spokesman speaks for the actor named after.
* A statement's vehicle as subject ("أظهرت الصور", "بتقرير يتهم") speaks for its owner named
  right after it ("أكد بيان صادر عن الوزارة") or else for the current speaker.
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
* A sentence without speech names the actor a later subjectless verb continues: its subject
  right after its opening verb ("وعقد المتحدث باسم الوزارة … مؤتمرا صحفيا. وقال إن …";
  :func:`sentence_subject`).
* Otherwise an unnamed source around the verb ("مصدر عسكري", "تقارير إعلامية تحدثت") speaks as
  ``UNK:<form>`` (kind ``source``); an impersonal passive (قيل، ما تم كشفه, or a verb written
  with its passive vowel: أُعلن) is ``UNATTRIBUTED`` (both in :mod:`.sources`).
"""

from __future__ import annotations

from riwaya.pipeline.mentions import Mention
from riwaya.pipeline.statements.coordinated import coordinated_speaker
from riwaya.pipeline.statements.model import UNATTRIBUTED, Cue, Lexicon, Speaker, is_break
from riwaya.pipeline.statements.named import NamedSpeakers
from riwaya.pipeline.statements.owners import (adjective_owner, extent_framed,
                                               opening_adjective, spokesperson_for)
from riwaya.pipeline.statements.sources import (is_source_noun, named_body, passive_marked,
                                                source_before, state_before, unknown_speaker)
from riwaya.pipeline.statements.untitled import name_before_source
from riwaya.pipeline.statements.vehicles import vehicle_after, vehicle_before, vehicle_owner
from riwaya.text.clitics import CONJUNCTIONS, PREPOSITIONAL, strip_conjunction
from riwaya.text.matcher import NormText
from riwaya.text.normalize import normalize_form

#: a complementizer with its subject's pronoun, or "I"/"we": a speech verb right after it is
#: said by the one speaking ("قال إنه يرفض الاتهامات", "قال: نحن نرفض", "أنا أتهم")
THAT_HE = frozenset({"انه", "انها", "انهم", "اننا", "بانه", "بانها", "بانهم", "باننا",
                     "انا", "نحن", "انني", "اني"})
TIME_WORDS = 2               # adverbs of time between an accused actor and the charge
FIRST_PERSON = frozenset({"انا", "نحن", "وانا", "ونحن"})   # the one speaking is the subject
QUOTES = ("\"", "«", "“")      # quotation marks that open what is said
VSO_GAP = 2                  # words allowed between a verb and its subject after it
SVO_WINDOW = 8               # words allowed between a subject before a verb and the verb
FRAME_GAP = 3                # words between "according to" and its source
NOUN_GAP = 1                 # words between a statement noun and its owner
NAMED_BEFORE = 9             # words of a title and a name before the verb (SVO)
SUBJECT_COMMA_GAP = 1        # words after a subject set off by a comma, before its verb ("، قد")


def resolve_speakers(lex: Lexicon, text: NormText, cues: list[Cue], lo: int, hi: int,
                     actors: list[Mention], previous: Speaker | None,
                     named: NamedSpeakers | None = None) -> list[Cue]:
    """The cues of tokens ``[lo, hi)`` that have a speaker, each with its speaker and the start
    of its content; ``previous`` is the last speaker before the sentence; ``named`` the
    document's named people (titles and names outside the codebook)."""
    resolved: list[Cue] = []
    current = previous
    lost = False    # a speech verb of the sentence whose speaker is unknown: what follows is theirs
    for cue in cues:
        if cue.kind in ("refutation", "continuation", "question_verb"):
            if cue.kind == "continuation":
                current = cue.speaker
            elif cue.kind == "refutation":     # "وهو ما نفاه التحالف": the answer's own speaker
                owner = _mention_after(lex, text, cue.last, 0, hi, actors, check_subject=True)
                if owner is not None:
                    cue.speaker = Speaker(owner.entity_id, owner.surface, owner.start,
                                          owner.last_token)
            resolved.append(cue)
            continue
        mention: Mention | None = None
        objects = tuple(cue.entry.object_prefix) if cue.entry is not None else ()
        if cue.kind == "speech_participle":
            cue.speaker = None if lost else current   # "صرح [unknown] قائلا": not the last one
        elif cue.kind == "according_to":
            cue.speaker = _named_after(named, text, cue.last, hi, actors, metonyms=True)
            if cue.speaker is None and cue.last + 1 < hi \
                    and lex.is_("speech_noun", text.tokens[cue.last].norm):
                # "جاء في بيان الوزارة الروسية": the statement's owner after its noun
                cue.speaker = _named_after(named, text, cue.last + 1, hi, actors)
            if cue.speaker is None:
                mention = _mention_after(lex, text, cue.last, FRAME_GAP, hi, actors,
                                         check_subject=False)
        elif cue.kind == "speech_noun":
            cue.speaker = _named_after(named, text, cue.last, hi, actors, metonyms=True)
            if cue.speaker is None:
                mention = _mention_after(lex, text, cue.last, NOUN_GAP, hi, actors,
                                         check_subject=False, objects=objects)
            if cue.speaker is None and mention is None:
                cue.speaker = adjective_owner(lex, text, cue, lo, hi, named)
            if cue.speaker is None and mention is None and extent_framed(text, cue, lo):
                # "وصلت موسكو إلى حد اتهام واشنطن بـ…": the clause's subject accuses
                cue.speaker = sentence_subject(lex, text, lo, hi, actors, named) \
                    or opening_adjective(text, lo, hi, named)
                if cue.speaker is None:
                    mention = _mention_before(lex, text, cue.first, lo, actors)
            if cue.speaker is None and mention is None:
                continue  # a statement noun without a named owner is no frame
        elif cue.kind == "passive_speech":
            cue.speaker = unknown_speaker(lex, text, cue, lo, hi)
        elif cue.kind == "speech_verb" and passive_marked(text, cue):
            cue.speaker = Speaker(UNATTRIBUTED, text.original[cue.start:cue.end], cue.start,
                                  kind="unattributed")     # أُعلن أن، ذُكر أن
        else:
            # subject before the verb: a statement's vehicle ("بتقرير يتهم") or an unnamed
            # source ("تقارير إعلامية تحدثت"); then after it (VSO: a title and a name, an
            # actor); then before it (SVO); else the current speaker goes on ("وأضافت أن")
            pronoun = cue.first > lo and text.tokens[cue.first - 1].norm in THAT_HE
            if current is not None and not lost and (vehicle_before(lex, text, cue, lo)
                                                     or pronoun):
                cue.speaker = current   # "بتقرير يتهم"; "وقال التحالف إنه يرفض": the same one
            elif pronoun and (lost or text.tokens[cue.first - 1].norm in FIRST_PERSON):
                continue    # "أنا أتهم الأمريكيين" from no known speaker: not the object after it
            else:
                cue.speaker = source_before(lex, text, cue, lo, actors) \
                    or state_before(lex, text, cue, lo)     # "وكانت إيران اتهمت"
            if cue.speaker is None:
                cue.speaker = _named_after(named, text, cue.last, hi, actors)
            if cue.speaker is None:
                mention = _mention_after(lex, text, cue.last, VSO_GAP, hi, actors,
                                         check_subject=True, objects=objects)
                if mention is not None and named is not None \
                        and _in_outlet_name(lex, text, mention, named.roles.media):
                    mention = None      # "قالت صحيفة واشنطن بوست": an outlet, not the state
                if mention is None and named is not None:
                    cue.speaker = named.roles.metonym_at(text, cue.last, hi)   # "قالت دمشق"
                if mention is None and cue.speaker is None:
                    mention = spokesperson_for(lex, text, cue, hi, actors)
                if mention is None and cue.speaker is None and named is not None:
                    cue.speaker = named.apposition_at(text, cue.last, hi, actors) \
                        or name_before_source(named, text, cue.last, hi, actors)
                if mention is None and vehicle_after(lex, text, cue, hi):
                    # "أكد بيان صادر عن الوزارة أن": the statement's owner, else the speaker
                    mention = vehicle_owner(lex, text, cue, hi, actors)
                    if mention is None:
                        cue.speaker = current
                elif mention is None and cue.speaker is None and not _opens_clause(text, cue) \
                        and not named_body(lex, text.tokens[cue.last:min(hi, cue.last + 3)]) \
                        and not (cue.last < hi and lex.is_("state_name", text.tokens[cue.last].norm)):
                    # (not when a state or its body follows: "أعلن الجيش الفرنسي", see below)
                    cue.speaker = _named_before(named, text, cue, lo, actors)
                    if cue.speaker is None:
                        mention = _mention_before(lex, text, cue.first, lo, actors)
                if mention is None and cue.speaker is None \
                        and _pro_drop(lex, text, cue, hi, actors):
                    cue.speaker = current
        if mention is not None:
            cue.speaker = Speaker(mention.entity_id, mention.surface, mention.start,
                                  mention.last_token, "named" if ":" in mention.entity_id
                                  else "codebook")
            if cue.kind == "speech_verb":
                cue.co_speaker = coordinated_speaker(lex, text, mention, cue.first, actors,
                                                     objects)
        if cue.speaker is None:
            cue.speaker = unknown_speaker(lex, text, cue, lo, hi, actors)
        if cue.speaker is None:
            lost = lost or (cue.kind == "speech_verb" and not cue.embedded)
            continue
        if cue.kind in ("speech_verb", "according_to") and not cue.embedded:
            current = cue.speaker
        after = cue.speaker.last_token if cue.speaker.last_token > cue.first else cue.last
        cue.content_first = _past_modifier(lex, text, max(cue.last, after), hi, actors)
        resolved.append(cue)
    return resolved


def _past_modifier(lex: Lexicon, text: NormText, k: int, hi: int,
                   actors: list[Mention]) -> int:
    """Token ``k`` after a speaker, or past the actor a ``speaker_modifier`` ties to it ("التحالف
    الدولي بقيادة الولايات المتحدة بأن"): that actor is part of the speaker's name."""
    if k + 1 < hi and lex.is_("speaker_modifier", text.tokens[k].norm):
        for mt in actors:
            if mt.first_token == k + 1:
                return mt.last_token
    return k


def _subject_ok(lex: Lexicon, text: NormText, mention: Mention) -> bool:
    """An actor governed by a preposition (بالتحالف، من التحالف) is no subject."""
    token = text.tokens[mention.first_token]
    prefix = text.original[token.start:mention.start]
    if normalize_form(prefix) in PREPOSITIONAL:
        return False
    k = mention.first_token - 1     # nor the second of its two objects: "بين برلين وواشنطن أفادت"
    return not (k >= 0 and lex.is_("preposition", text.tokens[k].norm)) and not (
        normalize_form(prefix) in CONJUNCTIONS and k > 0 and lex.is_("preposition", text.tokens[k - 1].norm))


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
        if objects and any(strip_conjunction(t).startswith(objects) for t in between):
            return None  # "الاتهامات بدعم داعش": the charge comes first, no owner after it
        if start_tok > 0 and is_break(text, text.tokens[start_tok - 1].end, mt.start):
            return None  # "تقرير إخباري: الجيش ..." names no owner
        if check_subject and any(lex.is_("preposition", t) for t in between):
            return None
        if any(q in text.original[text.tokens[k - 1].end:text.tokens[k].start]
               and not lex.is_("body_noun", text.tokens[k - 1].norm)
               and len(text.tokens[k - 1].norm) > 1     # "لـ«بي بي سي»": a clitic's quote
               for k in range(start_tok + 1, mt.first_token + 1) for q in QUOTES):
            return None  # 'وقالت المصادر "سيطر الجيش': a quote opens what is said
        if check_subject and not _subject_ok(lex, text, mt):
            return None
        if objects and _charge_at(lex, text, mt.last_token, hi, objects):
            return None
        return mt
    return None


def _charge_at(lex: Lexicon, text: NormText, k: int, hi: int, objects: tuple[str, ...]) -> bool:
    """Whether the charge of an accusation (a word with one of the ``objects`` prefixes) starts
    at token ``k``, past a few adverbs of time ("اتهمت الولايات المتحدة الثلاثاء بتوفير")."""
    for j in range(k, min(hi, k + TIME_WORDS + 1)):
        tok = strip_conjunction(text.tokens[j].norm)
        if tok.startswith(objects):
            return True
        if not lex.is_("time_adverb", tok):
            return False
    return False


def _in_outlet_name(lex: Lexicon, text: NormText, mention: Mention,
                    media: frozenset[str]) -> bool:
    """Whether an actor other than an outlet is named right after a body's noun (``body_noun``:
    صحيفة، قناة، موقع): part of an outlet's name ("صحيفة «واشنطن بوست»"), not the actor."""
    k = mention.first_token
    return k > 0 and mention.entity_id not in media \
        and lex.is_("body_noun", text.tokens[k - 1].norm)


def _named_after(named: NamedSpeakers | None, text: NormText, tok: int, hi: int,
                 actors: list[Mention], *, metonyms: bool = False) -> Speaker | None:
    """A title and a name (or the surname of one named earlier) at token ``tok``, unless a
    codebook actor's name starts there; with ``metonyms``, also a place that speaks as an
    actor ("بحسب دمشق", "تصريحات دمشق")."""
    if named is None or tok >= hi or any(mt.first_token == tok for mt in actors):
        return None
    return named.phrase_at(text, tok, hi, actors) or named.known_at(text, tok, hi) \
        or named.roles.institution_at(text, tok, hi) \
        or (named.roles.metonym_at(text, tok, hi) if metonyms else None)


def _named_before(named: NamedSpeakers | None, text: NormText, cue: Cue, lo: int,
                  actors: list[Mention]) -> Speaker | None:
    """A title and a name, or a person's surname named earlier, that end right before the verb
    (SVO: "المتحدثة باسم الخارجية الروسية ماريا زاخاروفا قالت")."""
    if named is None:
        return None
    for k in range(max(lo, cue.first - NAMED_BEFORE), cue.first):
        known = named.known_at(text, k, cue.first)     # "غير أن جيراسيموف قال": named earlier
        if known is not None and known.last_token == cue.first:
            return known
        if not named.roles.is_title(text.tokens[k].norm) or \
                (k > lo and named.roles.is_title(text.tokens[k - 1].norm)):
            continue
        speaker = named.phrase_at(text, k, cue.first, actors)
        if speaker is not None and speaker.kind == "named" and speaker.last_token == cue.first:
            return speaker  # a title without a name before the verb may be an apposition
    return None


PRO_DROP_GAP = 4             # words between a subjectless verb and its complementizer


def _pro_drop(lex: Lexicon, text: NormText, cue: Cue, hi: int,
              actors: list[Mention] = ()) -> bool:
    """A speech verb with no subject of its own before its complementizer: right before it
    ("وأضافت أن ...", "وأضاف : …"), or after a few words that name no one new: a circumstance ("وأضاف في
    بيان أن", "وقال للصحفيين إن") or the current speaker's anaphor ("وأضافت الوزارة أن"); never
    across an unnamed source ("وقال مصدر إن") or an actor's name."""
    if cue.kind != "speech_verb" or cue.last >= hi:
        return False
    for k in range(cue.last, min(hi, cue.last + PRO_DROP_GAP + 1)):
        prev_end = cue.end if k == cue.last else text.tokens[k - 1].end
        if k == cue.last and text.original[prev_end:text.tokens[k].start].strip(' "«“”»') == ":":
            return True     # 'وأضاف : " … "': direct speech right after the verb
        if is_break(text, prev_end, text.tokens[k].start):
            return False
        tok = text.tokens[k].norm
        two = f"{tok} {text.tokens[k + 1].norm}" if k + 1 < hi else tok
        if lex.is_("complementizer", tok) or two in lex.phrases_of("complementizer"):
            return True
        if is_source_noun(lex, tok) or lex.is_("other_anaphor", tok) \
                or any(m.first_token == k for m in actors) \
                or named_body(lex, text.tokens[k:min(hi, k + 3)]) or lex.is_("state_name", tok):
            return False  # "وقال مصدر إن", "وقال الأخير إن": someone else speaks
    return False


def _mention_before(lex: Lexicon, text: NormText, cue_tok: int, lo: int,
                    actors: list[Mention]) -> Mention | None:
    best = None
    for mt in actors:
        if mt.last_token > cue_tok or mt.first_token < lo or cue_tok - mt.last_token > SVO_WINDOW:
            continue
        if not _subject_ok(lex, text, mt):
            continue
        if cue_tok - mt.last_token > SUBJECT_COMMA_GAP and \
                is_break(text, text.tokens[mt.last_token].start, text.tokens[cue_tok].start):
            continue  # "…الطائرات الأمريكية … عمدا، قال مصدر": a clause of its own; but
            # "وسائل إعلام غربية، قد كشفت": the subject set off by a comma
        between = range(mt.last_token, cue_tok)
        if any(lex.is_("complementizer", text.tokens[k].norm) for k in between):
            continue
        best = mt
    return best


def _opens_clause(text: NormText, cue: Cue) -> bool:
    """A verb with a leading و/ف opens a new clause: its subject cannot stand before it."""
    token = text.tokens[cue.first]
    return normalize_form(text.original[token.start:cue.start]) in CONJUNCTIONS


#: words from a sentence's start to the subject after its opening verb ("وعقد أمس المتحدث")
SUBJECT_AT = 3


def sentence_subject(lex: Lexicon, text: NormText, lo: int, hi: int, actors: list[Mention],
                     named: NamedSpeakers | None) -> Speaker | None:
    """The subject of a sentence that opens with a verb (a first word that is no preposition,
    no title and no name: "وعقد المتحدث باسم الوزارة إيغور … مؤتمرا صحفيا", "واستقبلت
    الوزيرة …"): a title and a name, or a codebook actor, within :data:`SUBJECT_AT` words of the
    start and not governed by a preposition; the speaker a later "وقال إن" continues."""
    if hi - lo < 3:
        return None
    if lex.is_("preposition", text.tokens[lo].norm) \
            or any(m.first_token == lo for m in actors) \
            or (named is not None and named.roles.is_title(text.tokens[lo].norm)):
        return None
    for k in range(lo + 1, min(hi, lo + 1 + SUBJECT_AT)):
        if is_break(text, text.tokens[k - 1].end, text.tokens[k].start) \
                or lex.is_("preposition", text.tokens[k].norm) \
                or lex.is_("relative", text.tokens[k].norm) \
                or lex.is_("complementizer", text.tokens[k].norm):
            return None
        speaker = _named_after(named, text, k, hi, actors)
        if speaker is not None:
            return speaker
        mention = next((m for m in actors if m.first_token == k), None)
        if mention is not None:
            if not _subject_ok(lex, text, mention):
                return None
            return Speaker(mention.entity_id, mention.surface, mention.start, mention.last_token,
                           "named" if ":" in mention.entity_id else "codebook")
        if k == lo + 1 and is_source_noun(lex, text.tokens[k].norm):
            # "عدل منشق عن روايته وقال إن": an unnamed source right after the opening verb
            tok = text.tokens[k]
            surface = text.original[tok.start:tok.end]
            return Speaker("UNK:" + normalize_form(surface), surface, tok.start, k + 1, "source")
    return None
