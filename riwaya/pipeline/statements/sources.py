"""Speakers no codebook names: unnamed sources ("مصدر عسكري", "تقارير إعلامية تحدثت") and
impersonal passives (قيل، ما تم كشفه، أُعلن), for :mod:`.speakers`."""

from __future__ import annotations

from riwaya.pipeline.mentions import Mention
from riwaya.pipeline.statements.model import UNATTRIBUTED, Cue, Lexicon, Speaker, is_break
from riwaya.text.clitics import ARTICLE, strip_conjunction
from riwaya.text.matcher import NormText, normalized_key
from riwaya.text.normalize import normalize_form

UNKNOWN_MAX_TOKENS = 3       # words of an unnamed source after the verb
#: "أحد"، "إحدى" (one of) before an unnamed source
ONE_OF = frozenset({"احد", "احدى"})
#: "أي" (any) before a source noun: no source is meant ("من أي مصدر")
ANY = frozenset({"اي", "ايه", "باي", "لاي", "وباي"})
#: quotation marks around an outlet's or a site's name after a source noun
NAME_QUOTES = ("«", "\"")
#: prepositions of belonging between an unnamed source and its organisation ("قيادي في")
MEMBER_OF = frozenset({"في", "من"})


def is_source_noun(lex: Lexicon, token: str) -> bool:
    """An unnamed source (مصدر، مصادر، تقارير), with the article or after و."""
    nouns = lex.words_of("source_noun")
    return token in nouns or (token.startswith(ARTICLE) and token[len(ARTICLE):] in nouns) or \
        (token[:1] == "و" and is_source_noun(lex, token[1:]))


NISBA = ("ي", "يه")          # a definite adjective of origin ends so (الفرنسي، التركيه)
MIN_NISBA = 6                # letters of such an adjective with its article


def named_body(lex: Lexicon, words: list) -> bool:
    """A state body with its country's adjective ("الجيش الفرنسي", "الحكومة التركية", "وزارة
    الخارجية الفرنسية"): a speaker outside the codebook, named; a body alone ("الوزارة") is
    not (it may be a codebook actor's anaphor)."""
    if len(words) < 2 or not lex.is_("state_body", words[0].norm):
        return False
    return any(w.norm.startswith(ARTICLE) and w.norm.endswith(NISBA) and len(w.norm) >= MIN_NISBA
               and not lex.is_("state_body", w.norm) for w in words[1:])


def state_before(lex: Lexicon, text: NormText, cue: Cue, lo: int) -> Speaker | None:
    """A state outside the codebook as the subject right before the verb, opening the clause
    or after a past frame (``past_frame``: "وكانت إيران اتهمت", "وكانت فرنسا قد أعلنت"; an
    optional ``verb_particle`` قد between): a named speaker."""
    k = cue.first - 1
    if k >= lo and lex.is_("verb_particle", text.tokens[k].norm):
        k -= 1
    if k < lo or not lex.is_("state_name", text.tokens[k].norm) \
            or is_break(text, text.tokens[k].end, text.tokens[cue.first].start):
        return None
    if k > lo and not lex.is_("past_frame", text.tokens[k - 1].norm) \
            and not is_break(text, text.tokens[k - 1].end, text.tokens[k].start):
        return None
    tok = text.tokens[k]
    surface = text.original[tok.start:tok.end]
    return Speaker("UNK:" + normalize_form(surface), surface, tok.start, k + 1, "named")


def source_before(lex: Lexicon, text: NormText, cue: Cue, lo: int,
                   actors: list[Mention] = ()) -> Speaker | None:
    """An unnamed source right before the verb: "تقارير إعلامية تحدثت"; not a codebook actor's
    name ("الأهالي أكدوا" when the codebook has the residents)."""
    for k in range(cue.first - 1, max(lo, cue.first - 2) - 1, -1):
        if is_break(text, text.tokens[k].end, text.tokens[k + 1].start) or \
                any(m.first_token <= k < m.last_token for m in actors):
            return None
        if is_source_noun(lex, text.tokens[k].norm):
            if k > lo and text.tokens[k - 1].norm in ANY:
                return None   # "اتهامات من أي مصدر تشير إلى": any source is no one
            first, last = text.tokens[k], text.tokens[cue.first - 1]
            surface = text.original[first.start:last.end]
            return Speaker("UNK:" + normalize_form(surface), surface, first.start, cue.first - 1,
                           "source")
    return None


def unknown_speaker(lex: Lexicon, text: NormText, cue: Cue, lo: int, hi: int,
                    actors: list[Mention] = ()) -> Speaker | None:
    """A speaker outside the codebook: an impersonal passive, or an unnamed source before or
    after the verb; None when no one is named ("نشرت كدليل ...")."""
    if cue.entry is not None and cue.entry.type == "passive_speech":
        surface = text.original[cue.start:cue.end]
        return Speaker(UNATTRIBUTED, surface, cue.start, kind="unattributed")
    # an according-to frame names its source after it (بحسب مصادر، نقلت وكالة عن مسؤول)
    before = None if cue.kind == "according_to" else source_before(lex, text, cue, lo)
    if before is not None:
        return before
    words = []
    required = {normalized_key(f) for f in cue.entry.requires_after} if cue.entry else set()
    for k in range(cue.last, min(hi, cue.last + UNKNOWN_MAX_TOKENS)):
        tok = text.tokens[k]
        if lex.is_("complementizer", tok.norm) or lex.is_("preposition", tok.norm) \
                or lex.is_("relative", tok.norm) or tok.norm in required:
            break
        quoted = any(q in text.original[text.tokens[k - 1].end:tok.start] for q in NAME_QUOTES)
        if k > cue.last and (is_break(text, text.tokens[k - 1].end, tok.start)
                             or (any(m.first_token == k for m in actors) and not quoted)):
            break  # "اتهم حزب الله الولايات المتحدة": the source ends where an actor starts,
            # unless in the quoted name of the source ("صحيفة «واشنطن بوست»")
        if k > cue.last and quoted and not lex.is_("body_noun", text.tokens[k - 1].norm):
            break  # 'قال مصدر عسكري "سيطر الجيش ..."': a quote opens what is said, except
            # the quoted name after a body's noun ("صحيفة «لوموند»")
        words.append(tok)
    if not words or is_break(text, cue.end, words[0].start):
        return None
    one_of = len(words) > 1 and strip_conjunction(words[0].norm) in ONE_OF \
        and is_source_noun(lex, words[1].norm)          # "قال أحد سكان المدينة"
    start = words[0].start
    if lex.is_("state_name", words[0].norm):
        words = words[:1]     # "وقالت تركيا إن", "اتهمت أنقرة الوحدات الكردية بـ": the state
    body = named_body(lex, words) or lex.is_("state_name", words[0].norm)
    if not one_of and not body and not is_source_noun(lex, words[0].norm):
        # "وفقا لمصادر", "بالنسبة للمصادر": an according-to frame's ل on the source
        lam = words[0].norm[:1] == "ل" and cue.kind == "according_to"
        rest = ARTICLE + words[0].norm[2:] if words[0].norm.startswith("لل") else words[0].norm[1:]
        if lam and is_source_noun(lex, rest):
            start += 2 if words[0].norm.startswith("لل") else 1
        elif not _relayed(lex, text, cue, len(words), hi) \
                and not _people_before_that(lex, text, cue, words, hi):
            return None
    surface = text.original[start:words[-1].end]
    # "موقع «بيلينغكات»", "صحيفة «الغارديان»": a source noun with its quoted name is named
    kind = "named" if body or any(q in surface for q in NAME_QUOTES) else "source"
    member = any(lex.is_("member_noun", w.norm) for w in words)
    # "مسؤول في التحالف": the body is part of the source's name, not of what it says; only a
    # member ("قيادي في قسد") speaks for it
    org = organisation_after(lex, text, cue.last + len(words), hi, actors)
    return Speaker("UNK:" + normalize_form(surface), surface, start,
                   org.last_token if org is not None else cue.last + len(words),
                   kind, org.entity_id if member and org is not None else None)


#: "قوله" and its persons: the relayed words of whoever stands between عن and it
RELAY_SAYING = frozenset({"قوله", "قولها", "قولهم", "قولهما", "قولهن"})
RELAY_GAP = 6                # words between the relayed source's first word and its "قوله"


PLURAL = "ون"                 # the sound masculine plural's ending as a subject (مهربون)
MIN_PLURAL = 5               # letters of such a plural noun


def _people_before_that(lex: Lexicon, text: NormText, cue: Cue, words: list, hi: int) -> bool:
    """Whether the one word between a speech verb and its complementizer is an indefinite
    plural of people ("وقال مهربون إنهم", "وأكد نازحون أن"): whoever they are, they speak."""
    k = cue.last + len(words)
    if cue.kind != "speech_verb" or len(words) != 1 or k >= hi \
            or not lex.is_("complementizer", text.tokens[k].norm):
        return False
    word = strip_conjunction(words[0].norm)
    return not word.startswith(ARTICLE) and word.endswith(PLURAL) and len(word) >= MIN_PLURAL


def _relayed(lex: Lexicon, text: NormText, cue: Cue, n_words: int, hi: int) -> bool:
    """Whether the words after a relay ("نقلت الصحيفة عن مهرب على الحدود التركية قوله إن")
    name whoever is quoted, whatever noun it is: an "according to" cue followed, within a few
    words and before any complementizer or clause break, by قوله."""
    if cue.kind != "according_to":
        return False
    for k in range(cue.last + n_words, min(hi, cue.last + RELAY_GAP + 1)):
        tok = text.tokens[k]
        if is_break(text, text.tokens[k - 1].end, tok.start) or lex.is_("complementizer", tok.norm):
            return False
        if tok.norm in RELAY_SAYING:
            return True
    return False


def organisation_after(lex: Lexicon, text: NormText, k: int, hi: int,
                       actors: list[Mention]) -> Mention | None:
    """The codebook actor's mention an unnamed source belongs to, named right after it by في or
    من ("قيادي في قوات سوريا الديمقراطية", "شيوخ من القبائل العربية", "مسؤول في البنتاغون"),
    with no clause break between; else None."""
    if k >= hi or text.tokens[k].norm not in MEMBER_OF:
        return None
    if is_break(text, text.tokens[k - 1].end, text.tokens[k].start):
        return None
    mention = next((m for m in actors if m.first_token == k + 1), None)
    if mention is None or ":" in mention.entity_id:
        return None
    return mention


DAMMA = "\u064f"


def passive_marked(text: NormText, cue: Cue) -> bool:
    """A verb written with the passive's damma on its first letter (أُعلن، ذُكر، نُقل): the
    normalised form cannot tell it from the active, the original can."""
    word = text.original[cue.start:cue.end]
    return len(word) > 1 and word[1] == DAMMA
