"""Speech cues: where in a sentence someone says something, and what they say.

The lexicon's cue words are compiled once into a matcher (:class:`CueFinder`): speech verbs
(قال، نفى، أقر ...), participles that continue the last speaker (مشيراً، واصفاً), "according
to" frames (بحسب، نقلاً عن), statement nouns (بيان الوزارة، ادعاءات روسيا), refutations
("وهذا غير صحيح"), impersonal passives (قيل) and verbs of asking (تساءل، متسائلاً): what is
asked is no statement, but it ends the content of the cue before it.

* A speech verb right after a negation ("عدم نفي", "لم يقل") is no statement, but a verb of
  denial after a verb's negation concedes ("لم يستبعد أن"); a verb in an announcement only
  expected (``intent`` phrases: "من المتوقع أن يعلن", "قد يعلن") is no cue.
* A cue with ``requires_after`` counts only if one of those words follows it, before the next
  complementizer (or is that complementizer: "نقلت الوكالة عن الجيش أن"); an "according to"
  frame right after a speech verb is what the verb is about ("قال عن التحالف إن").
* A cue right after a relative pronoun ("الصور التي نشرتها الوزارة حول ...") is *embedded*: it
  takes only the words right after it (:func:`assign_content`) and leaves the rest of the clause
  to the outer speaker.
* The *content* of a cue runs to the next (outer) cue.
* A verb after a closing quote, its speaker and nothing else after it ("«...»، قال ديلون") says
  the quote before it, and so does a verb or an "according to" frame after a comma that ends a
  clause, with no complementizer after it ("…، بحسب ما أعلنت وكالة سانا")
  (:func:`postposed_content`).
* A verb of publishing ("نشرت صوراً") after another speaker's complementizer is an act that
  speaker reports, not a cue (:func:`reported_acts`).
* Scraped pages sometimes lose a shadda as a space ("شد د" for شدّد، "أك د" for أكّد), or a
  damma after the first letter ("ي ذكر"): a verb or participle also matches split in two at any
  inner letter (:func:`split_variants`; a claim's words too, after their first letter or
  before their last: "س مح", :func:`riwaya.pipeline.statements.claims.claim_terms`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from riwaya.codebook.model import LexiconEntry
from riwaya.pipeline.statements.model import Cue, Lexicon, is_break
from riwaya.text.clitics import ARTICLE, CONJUNCTIONS
from riwaya.text.matcher import Matcher, NormText, normalized_key, resolve_overlaps
from riwaya.text.normalize import normalize_form

REQUIRES_AFTER_WINDOW = 20   # words after a verb in which its required object must appear
SPLIT_MIN = 3                # letters of a word that may come split by a lost shadda
LONE_LETTERS = "وف"           # one-letter words: a form is never split after them
SPLIT_KINDS = ("speech_verb", "speech_participle", "question_verb")
EMBEDDED_WINDOW = 12         # words an embedded (relative-clause) statement takes
CUE_KINDS = ("speech_verb", "speech_participle", "according_to", "speech_noun", "refutation",
             "passive_speech", "question_verb")


#: one-letter prepositions on a word (ل، ب, after و/ف): on a verb's form it is a verbal noun
#: ("بزعم محاربة داعش": by the pretext of), not a verb of saying; on a claim word, a complement
GOVERNING_PREFIXES = frozenset({"ل", "ب", "ول", "وب", "فل", "فب"})


@dataclass
class CueFinder:
    """The lexicon's cue words in one matcher; built once per codebook."""

    lexicon: Lexicon
    matcher: Matcher
    requires_after: dict[int, frozenset[str]]   # id(entry) -> last words of its required objects
    #: id(a denying verb's entry) -> the same verb conceding: "لم يستبعد أن" grants the possibility
    negated_denial: dict[int, LexiconEntry] = field(default_factory=dict)

    @classmethod
    def build(cls, entries: tuple[LexiconEntry, ...], lexicon: Lexicon) -> "CueFinder":
        matcher = Matcher()
        requires: dict[int, frozenset[str]] = {}
        for n, entry in enumerate(entries):
            if entry.type in CUE_KINDS:
                for form in entry.forms:
                    variants = [form] + (split_variants(form) if entry.type in SPLIT_KINDS else [])
                    for variant in variants:
                        matcher.add(variant, f"{entry.type}:{n}", entry.type, payload=entry,
                                    join_variant=False)
            if entry.requires_after:
                requires[id(entry)] = frozenset(normalized_key(f).split()[-1]
                                                for f in entry.requires_after)
        negated = {id(e): e.model_copy(update={"stance": "concedes"}) for e in entries
                   if e.type == "speech_verb" and e.stance == "denies"}
        for key, copy in negated.items():
            if key in requires:
                requires[id(copy)] = requires[key]
        return cls(lexicon, matcher, requires, negated)

    def find(self, text: NormText, lo: int, hi: int) -> list[Cue]:
        """The cues in tokens ``[lo, hi)`` (one sentence), in text order."""
        lex = self.lexicon
        found: list[Cue] = []
        for m in resolve_overlaps(self.matcher.find(text, lo, hi)):
            entry: LexiconEntry = m.pattern.payload
            if m.first > lo and lex.is_("negation", text.tokens[m.first - 1].norm) \
                    and entry.type in SPLIT_KINDS:
                if id(entry) not in self.negated_denial \
                        or not lex.is_("verb_negation", text.tokens[m.first - 1].norm):
                    continue  # "عدم نفي", "لم يقل": no statement
                entry = self.negated_denial[id(entry)]   # "لم يستبعد أن": concedes
            if m.first > lo and entry.type == "speech_noun" \
                    and lex.is_("circumstance", text.tokens[m.first - 1].norm):
                continue  # "بعد إعلان الجيش تحرير المدينة، …": a setting, not a report
            if m.first > lo and entry.type == "speech_verb" and f"{text.tokens[m.first - 1].norm} " \
                    f"{text.tokens[m.first].norm}" in lex.phrases_of("intent"):
                continue  # "من المتوقع أن يعلن", "قد يعلن": an announcement not yet made
            prefix = normalize_form(text.original[text.tokens[m.first].start:m.start])
            if entry.type == "speech_verb" and (prefix in GOVERNING_PREFIXES
                                                or prefix.endswith(ARTICLE)):
                continue  # "تحالف بزعم محاربة داعش": a pretext, no one's statement; after
                # the article (which no verb takes) the tail of a name or a noun: "فاليري"
            if entry.requires_after and not self._required_follows(text, entry, m.last, hi) \
                    and not (entry.type in SPLIT_KINDS and after_quote(text, m.first, lo)):
                continue  # "«…»، كتب أحد المغردين": after a quote, the quote is its object
            if entry.type == "according_to" and m.first > lo \
                    and lex.is_("speech_verb", text.tokens[m.first - 1].norm):
                continue  # "وقال عن التحالف إن": about the coalition, not relayed from it
            embedded = m.first > lo and lex.is_("relative", text.tokens[m.first - 1].norm)
            found.append(Cue(m.pattern.kind, m.first, m.last, m.start, m.end, entry,
                             embedded=embedded))
        return found

    def _required_follows(self, text: NormText, entry: LexiconEntry, after: int, hi: int) -> bool:
        wanted = self.requires_after[id(entry)]
        for k in range(after, min(hi, after + REQUIRES_AFTER_WINDOW)):
            tok = text.tokens[k].norm
            if tok in wanted or any(tok.endswith(w) and len(tok) - len(w) <= 3 for w in wanted):
                return True
            if k > after and (self.lexicon.is_("complementizer", tok)
                              or self.lexicon.is_("speech_participle", tok)):
                return False    # "رفض الحديث عن صفقة …، مؤكدا أن": the participle's, not عن's
        return False


def split_variants(form: str, inner: bool = True) -> list[str]:
    """A one-word form split in two: after its first letter, where a lost damma left a space
    ("س مح", "ي ذكر"; not after و or ف, words of their own), and with ``inner`` after each
    inner letter (at least two letters first), where a lost shadda did ("أك د", "شد د");
    without, only before its last letter ("يبي ن"), and not in a prefix (``*``, kept on)."""
    star = "*" if form.endswith("*") else ""
    word = normalized_key(form.rstrip("*"))
    if " " in word or len(word) < SPLIT_MIN:
        return []
    cuts = range(2, len(word)) if inner else () if star else (len(word) - 1,)
    if word[0] not in LONE_LETTERS and not word.startswith("ال"):
        cuts = (1, *cuts)
    return [f"{word[:i]} {word[i:]}{star}" for i in dict.fromkeys(cuts)]


def assign_content(cues: list[Cue], hi: int) -> None:
    """Set each cue's content: to the next outer cue, or a few words for an embedded one."""
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


CLOSING_QUOTES = "»”\""
#: clause commas after which a post-posed attribution may stand ("…، قال مصدر عسكري")
CLAUSE_COMMAS = "،,"
#: words a post-posed attribution may have after its speaker ("قال ديلون أمس", "قال في بيان")
POSTPOSED_TAIL = 3
#: ... after a comma (no quote marks), when no complementizer follows ("بحسب ما أعلنت وكالة")
POSTPOSED_COMMA_TAIL = 6
#: words before the comma that make a clause of their own
POSTPOSED_MIN_CLAUSE = 3
#: cue kinds that may stand after what they attribute
POSTPOSED_KINDS = ("speech_verb", "according_to")


def postposed_content(text: NormText, cues: list[Cue], lo: int,
                      lex: Lexicon | None = None) -> None:
    """A speech verb or an "according to" frame after what it attributes, with at most a few
    words after its speaker: the words before it are what the speaker says. After a closing
    quote ("«لن نقبل بأي اتفاق»، قال ديلون"), or after a comma that ends a clause of its own
    ("…، قال مصدر عسكري", "…، بحسب ما أعلنت وكالة سانا", "…، وفقا لتقرير نشرته الهيئة") when
    nothing after the speaker introduces a content of its own (no complementizer)."""
    for i, cue in enumerate(cues):
        if cue.kind not in POSTPOSED_KINDS or cue.embedded or cue.speaker is None \
                or cue.first <= lo or any(not c.embedded for c in cues[:i]):
            continue
        gap = text.original[text.tokens[cue.first - 1].end:cue.start]
        frame = _frame(cues, i)
        tail = sum(max(0, c.content_last - c.content_first) for c in frame)
        if any(q in gap for q in CLOSING_QUOTES) \
                and _clause_words(text, cue.content_first, cue.content_last) <= POSTPOSED_TAIL:
            frame = [cue]
        elif not (lex is not None and any(c in gap for c in CLAUSE_COMMAS)
                  and cue.first - lo >= POSTPOSED_MIN_CLAUSE and tail <= POSTPOSED_COMMA_TAIL
                  and not any(lex.is_("complementizer", text.tokens[k].norm)
                              for k in range(cue.last, frame[-1].content_last))):
            continue
        for c in frame[1:]:      # the frame's own cues ("بحسب ما أعلنت") say nothing more
            c.content_first = c.content_last = max(c.content_first, c.last)
        cue.content_first, cue.content_last = lo, cue.first
        return


def contrast_cut(lex: Lexicon, text: NormText, cues: list[Cue]) -> None:
    """End the content of a denial or an admission at a clause break followed by a contrast
    (``contrast``: لكن، من دون أن): "اعترفت الوزارة بأن موظفا أرفق صورة خاطئة، من دون أن تتراجع
    عن اتهاماتها لواشنطن بدعم التنظيم" concedes the image, not the accusation."""
    phrases = lex.phrases_of("contrast")
    for cue in cues:
        if cue.stance not in ("denies", "concedes"):
            continue
        for k in range(cue.content_first + 1, cue.content_last):
            if not is_break(text, text.tokens[k - 1].end, text.tokens[k].start):
                continue
            words = [text.tokens[j].norm for j in range(k, min(cue.content_last, k + 3))]
            if any(" ".join(words[:n]) in phrases for n in range(1, len(words) + 1)):
                cue.content_last = k
                break


def after_quote(text: NormText, first: int, lo: int) -> bool:
    """Whether the token ``first`` (> ``lo``, the sentence's first) comes right after a closing
    quote ("«…»، كتب")."""
    if first <= lo:
        return False
    gap = text.original[text.tokens[first - 1].end:text.tokens[first].start]
    return any(q in gap for q in CLOSING_QUOTES)


def _clause_words(text: NormText, first: int, last: int) -> int:
    """Words from token ``first`` to the first clause break before ``last`` ("قال ديلون، ردا على
    سؤال": none; a circumstance set off by a comma is no content of its own)."""
    if 0 < first < last and is_break(text, text.tokens[first - 1].end, text.tokens[first].start):
        return 0
    for k in range(first + 1, last):
        if is_break(text, text.tokens[k - 1].end, text.tokens[k].start):
            return k - first
    return max(0, last - first)


#: words between the cues of one attribution ("بحسب ما أعلنت", "وفقا لتقرير نشرته")
FRAME_LINK = 2


def _frame(cues: list[Cue], i: int) -> list[Cue]:
    """Cue ``i`` and the cues that follow it closely, one attribution ("بحسب ما أعلنت")."""
    frame = [cues[i]]
    for c in cues[i + 1:]:
        if c.embedded or c.first > frame[-1].last + FRAME_LINK:
            break
        frame.append(c)
    return frame


QUESTION_MARKS = "؟?"
QUESTION_OPENING = 3         # words at a content's start where a question word makes it a question


def asks(lex: Lexicon, text: NormText, cue: Cue) -> bool:
    """Whether a cue's content is a question, not a statement: it opens (after a complementizer)
    with a question word of the lexicon (هل، عما إذا ...) or ends with a question mark."""
    first, last = cue.content_first, cue.content_last
    if last <= first:
        return False
    k = first
    while k < last and lex.is_("complementizer", text.tokens[k].norm):
        k += 1
    words = [text.tokens[j].norm for j in range(k, min(last, k + QUESTION_OPENING))]
    phrases = lex.phrases_of("question")
    for n in range(1, len(words) + 1):
        opening = " ".join(words[:n])
        if opening in phrases or (opening[:1] in CONJUNCTIONS and opening[1:] in phrases):
            return True
    end = text.tokens[last - 1].end
    after = text.tokens[last].start if last < len(text.tokens) else len(text.original)
    return any(q in text.original[end:min(after, end + 3)] for q in QUESTION_MARKS)


def reported_acts(lex: Lexicon, text: NormText, cues: list[Cue]) -> list[Cue]:
    """The cues without the acts of publishing reported inside what another says: a verb that
    is speech only with a statement's vehicle as its object ("نشرت صوراً", "نشر تقريراً") after
    the complementizer of an earlier speaker ("أكد البنتاغون أن روسيا نشرت صوراً من لعبة
    فيديو": the game is the Pentagon's claim, the publishing Russia's act)."""
    vehicles = lex.words_of("speech_object")

    def publishing(cue: Cue) -> bool:
        entry = cue.entry
        return (cue.kind == "speech_verb" and entry is not None and bool(entry.requires_after)
                and not cue.stance
                and any(normalized_key(w) in vehicles for w in entry.requires_after))

    return _without_reported(lex, text, cues, publishing)


def _without_reported(lex: Lexicon, text: NormText, cues: list[Cue],
                      reported: Callable[[Cue], bool]) -> list[Cue]:
    """The cues without those that ``reported`` marks when they stand after the complementizer
    of the first speaker (a speech verb or "according to" not embedded in another's words):
    there they are part of what that speaker says."""
    out: list[Cue] = []
    outer: Cue | None = None
    for cue in cues:
        if outer is not None and reported(cue) \
                and any(lex.is_("complementizer", text.tokens[k].norm)
                        for k in range(outer.last, cue.first)):
            continue
        if cue.kind in ("speech_verb", "according_to") and not cue.embedded and outer is None:
            outer = cue
        out.append(cue)
    return out


#: words between a speech verb and a frame of its circumstance ("قال العميد أمين حطيط في حديث")
CIRCUMSTANCE_GAP = 8
#: words after such a frame before the verb's complementizer ("في حديث لقناة «الميادين» إن")
CIRCUMSTANCE_TAIL = 5


def circumstances(lex: Lexicon, text: NormText, cues: list[Cue], hi: int) -> list[Cue]:
    """The cues without the frames that only say where a speech verb before them was said:
    "قال حطيط في حديث لقناة الميادين إن ...", "قال شيوخ من القبائل في بيان إن ...". Such a frame
    (an "according to" frame or a statement noun after في) follows the verb within a few words,
    with no complementizer and no clause break between them, and a complementizer follows it
    within a few words: what comes after is the verb's content, said by the verb's speaker."""
    out: list[Cue] = []
    for cue in cues:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "speech_verb" and not prev.embedded \
                and cue.kind in ("according_to", "speech_noun") \
                and _after_fi(lex, text, cue) \
                and 0 <= cue.first - prev.last <= CIRCUMSTANCE_GAP \
                and not any(lex.is_("complementizer", text.tokens[k].norm)
                            or is_break(text, text.tokens[k - 1].end, text.tokens[k].start)
                            for k in range(prev.last, cue.first + 1)) \
                and any(lex.is_("complementizer", text.tokens[k].norm)
                        for k in range(cue.last, min(hi, cue.last + CIRCUMSTANCE_TAIL + 1))):
            continue
        out.append(cue)
    return out


def _after_fi(lex: Lexicon, text: NormText, cue: Cue) -> bool:
    """Whether a frame opens with في or stands right after it ("في حديث", "في بيان")."""
    if text.tokens[cue.first].norm == "في":
        return True
    return cue.first > 0 and text.tokens[cue.first - 1].norm == "في"


#: the relative "ما" that opens an impersonal noun phrase ("ما كشف", "ما تم كشفه", "ما تردد")
WHAT = "ما"


def reported_passives(lex: Lexicon, text: NormText, cues: list[Cue]) -> list[Cue]:
    """The cues without an impersonal noun phrase ("ما كُشف عن تورط واشنطن", "ما تردد عن")
    inside what an earlier speaker says, after its complementizer: "قالت الوزارة إنها تلقت
بصدمة ما كُشف عن تورط واشنطن" is the ministry's statement, not an unattributed one. So is
    a verb after that "ما" with its own subject ("أكدت الخارجية أن ما كشفه تحقيق الصحيفة عن
    ... يثبت تواطؤ واشنطن"): what the paper revealed is the ministry's topic, not a cue; after
    a frame ("بحسب ما أعلنت") it stays one."""
    toks = text.tokens

    def reported(cue: Cue) -> bool:
        if cue.kind == "passive_speech":
            return toks[cue.first].norm == WHAT
        if cue.kind == "speech_noun":   # "أن ما كشفه تحقيق الصحيفة عن …": the verb's subject
            return cue.first > 1 and toks[cue.first - 2].norm == WHAT
        return cue.kind == "speech_verb" and cue.first > 1 \
            and toks[cue.first - 1].norm == WHAT \
            and not lex.is_("according_to", toks[cue.first - 2].norm)

    return _without_reported(lex, text, cues, reported)
