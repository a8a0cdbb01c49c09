"""Stance: whether a speaker asserts, denies or concedes a claim found in what they say.

* The cue's own stance: نفى denies, أقر concedes, any other cue asserts.
* Under an asserting cue, a claim cue's own stance ("صور خاطئة" concedes).
* A negation scoped over the claim's anchor (a few words before it, no clause break and no
  relative pronoun between: "لم تكن جزءاً من الاتفاق", but not "ليست المرة الأولى التي يتسامح")
  turns it to denies; "لا تزال" (still) is no negation, nor "لم يذكر اسمه" (an unnamed source). So does a negation between the anchor
  and a near word after it, the event said of it ("المقاتلون الأجانب لن يسمح لهم بالخروج").
* Denying or conceding a claim does not deny or concede what it presupposes (being party to a
  deal vs. the deal).
* A denial whose object is someone's claims ("رفض ادعاءات X بأن ...", "رد على ادعاءات روسيا")
  denies the claims in them, or else what X asserted earlier in the document.
* So does a dismissal of an accusation named by its charge that opens what a speaker says
  ("قالت الوزارة إن الادعاءات بأن … لا أساس لها": :func:`charged_object`).
* A verb framed as a reply to claims ("وردا على المزاعم الروسية قال ديلون": :func:`replies`)
  denies what the last other speaker asserted, when it says no claim itself.
* A refutation ("وهذا غير صحيح") makes the outer speaker deny the claims reported just before.
* A denial whose object is an anaphor of claims ("نفى ديلون هذه الاتهامات"; ``claim_anaphor`` in
  the lexicon) denies the claims the last other speaker asserted (:func:`recent_claims`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator

from riwaya.pipeline.statements.model import SPEAKING, Candidate, Cue, Lexicon, is_break
from riwaya.text.clitics import strip_conjunction
from riwaya.text.matcher import NormText, Token

NEGATION_WINDOW = 5          # words before an anchor in which a negation scopes over it
#: "any", "one" before the partitive من ("أي من المقاتلين"), normalised
ANY_OF = frozenset({"اي", "ايا", "احد", "احدي", "ايه"})
EXAMPLE_NEGATION_WINDOW = 4  # first words of an example match's content where a negation denies it
ANAPHOR_WORDS = 4            # words of a claim anaphor ("هذه الاتهامات الروسية")
RAISER_GAP = 2              # words between a negation and the verb it negates before "أن"
SELF_SUFFIXES = ("ه", "ها", "نا", "هم")   # a complementizer's pronoun (أنها): a subject, not bare
REPLY_WINDOW = 8             # words before a verb in which "ردا على …" frames it
ANONYMITY_WORDS = 5          # words of an anonymity phrase ("لم يكشف عن اسمه")
DENIED_FRAME_GAP = 4         # words between a denial's content end and the statement noun it denies


@dataclass(frozen=True)
class Decision:
    """A candidate's stance, with the words that decided it and their span."""

    candidate: Candidate
    stance: str
    cue_words: str
    cue_span: tuple[int, int]


def negation_before(lex: Lexicon, text: NormText, first: int, anchor_tok: int) -> Token | None:
    """The negation scoped over the token ``anchor_tok``, looking back no further than ``first``;
    none over an anchor governed by a preposition ("عدم مشاركة تركيا في تحرير الرقة")."""
    if anchor_tok > first and lex.is_("preposition", text.tokens[anchor_tok - 1].norm) \
            and not (anchor_tok - 1 > first and text.tokens[anchor_tok - 2].norm in ANY_OF):
        return None     # but "لا أعتقد أن أيا من المقاتلين": "any of" is no preposition's object
    for k in range(anchor_tok - 1, max(first, anchor_tok - NEGATION_WINDOW) - 1, -1):
        tok = text.tokens[k]
        if lex.is_("complementizer", tok.norm):
            # a negation does not reach past the complementizer of a clause of its own ("لم
            # تتحرر وأنها تحت الاحتلال", "لا شك أن"), but a negated verb of saying or thinking
            # negates what it introduces ("لا نعتبر أن الرقة تحررت")
            return _negated_verb(lex, text, first, k)
        if is_break(text, tok.end, text.tokens[k + 1].start) or lex.is_("relative", tok.norm):
            return None  # a negation does not reach into a relative clause ("ليست المرة الأولى التي")
        if lex.is_("negation", tok.norm):
            if lex.is_("continuative", text.tokens[k + 1].norm) or anonymity_at(lex, text, k):
                continue  # لا تزال (still), لا يعدو (nothing but); "لم يذكر اسمه" (unnamed)
            if lex.is_("word_negation", tok.norm) and k + 1 != anchor_tok:
                continue  # "التحالف غير الشرعي … يوفر": غير negates its own word only
            return tok
    return None


def _negated_verb(lex: Lexicon, text: NormText, first: int, comp: int) -> Token | None:
    """The negation of a verb of saying or thinking, or of a word that passes a negation on
    (``negation_raiser``: يمكن، صحيح), right before the complementizer at token ``comp`` ("لا
    نعتبر أن", "لا يمكن أن", "ليس من الصحيح أن"), if any."""
    at = comp - 1
    if at > first and lex.is_("preposition", text.tokens[at].norm):
        at -= 1          # "لا يملك أدلة على أن": the noun before the complementizer's preposition
    verb = text.tokens[at].norm if at >= first else ""
    if not (lex.is_("speech_verb", verb) or lex.is_("negation_raiser", verb)):
        return None
    for k in range(at - 1, max(first, at - RAISER_GAP) - 1, -1):
        neg = text.tokens[k]
        if is_break(text, neg.end, text.tokens[k + 1].start):
            return None  # "لا، نعتبر أن": no is an answer, not the verb's negation
        if lex.is_("negation", neg.norm):
            return neg
    return None


INTENT_WINDOW = 6            # words between a verb of intending and the claim it governs


def irrealis_before(lex: Lexicon, text: NormText, first: int, anchor_tok: int) -> Token | None:
    """What makes the claim at ``anchor_tok`` unreal, looking back to ``first`` within its
    clause: a condition (``conditional``: "إذا ثبت أن التحالف يحمي داعش فـ..."), which reaches
    past a complementizer, or a verb of intending a few words before it, in its own clause
    (``intent``: "تسعى إلى استعادة السيطرة على المدينة")."""
    own_clause = True
    for k in range(anchor_tok - 1, first - 1, -1):
        tok = text.tokens[k]
        if is_break(text, tok.end, text.tokens[k + 1].start):
            return None
        pair = f"{tok.norm} {text.tokens[k + 1].norm}"
        if (lex.is_("conditional", tok.norm) or pair in lex.phrases_of("conditional")) \
                and not (k > first and lex.is_("negation", text.tokens[k - 1].norm)):
            return tok  # not negated: "لا يمكن اعتبار الرقة محررة" is said, no possibility
        if lex.is_("complementizer", tok.norm):
            own_clause = False
        elif own_clause and anchor_tok - k <= INTENT_WINDOW and \
                (lex.is_("intent", tok.norm) or pair in lex.phrases_of("intent")):
            return tok
    return None


def decide(lex: Lexicon, text: NormText, cue: Cue, cand: Candidate,
           rejected: bool = False) -> Decision:
    """The stance of ``cue``'s speaker on one claim found in its content; ``rejected``: the
    content is someone's claims the speaker dismisses ("وصف الاتهامات الروسية بـ… بأنها
    سخيفة"), denied unless negated there."""
    base = "denies" if rejected and not cue.stance else cue.stance or "asserts"
    cue_text = text.original[cue.start:cue.end]
    stance, words, span = base, cue_text, (cue.start, cue.end)
    if base == "asserts" and cand.cue_stance:
        stance = cand.cue_stance
        words = f"{cue_text} … {text.original[cand.anchor.start:cand.anchor.end]}".strip(" …")
        span = (cand.anchor.start, cand.anchor.end)
    neg = None if cand.negated_cue else negation_before(lex, text, cue.content_first,
                                                        cand.anchor.first)
    if neg is None and not cand.negated_cue:
        # "المقاتلين الأجانب في الرقة لن يسمح لهم بالخروج": the event after the anchor negated
        neg = next((n for e in cand.events
                    if (n := negation_before(lex, text, cand.anchor.last, e)) is not None
                    and lex.is_("verb_negation", n.norm)), None)
    if neg is not None:
        stance = "denies"
        words = f"{cue_text} … {text.original[neg.start:neg.end]}".strip(" …")
        span = (neg.start, neg.end)
    elif stance == "asserts" and _has_side(cue) \
            and (hedge := hedged(lex, text, cue.content_first, cand)) is not None:
        # "قال مسؤول غربي إن بعض المقاتلين الأجانب ربما فروا": granted as a possibility by a
        # side (a codebook actor or one speaking for it); an unnamed source only reports it
        stance = "concedes"
        words = f"{cue_text} … {text.original[hedge.start:hedge.end]}".strip(" …")
        span = (hedge.start, hedge.end)
    return Decision(cand, stance, words, span)


def _has_side(cue: Cue) -> bool:
    sp = cue.speaker
    return sp is not None and (sp.kind == "codebook" or sp.affiliation is not None)


def hedged(lex: Lexicon, text: NormText, first: int, cand: Candidate) -> Token | None:
    """A hedge (``hedge`` in the lexicon: ربما، لعل) in the clause of a claim, from the content's
    start to the claim's last word, with no clause break between it and the claim."""
    last = max((cand.anchor.last, *cand.events))
    for k in range(last - 1, first - 1, -1):
        tok = text.tokens[k]
        if lex.is_("hedge", tok.norm):
            return tok
        if k > first and is_break(text, text.tokens[k - 1].end, tok.start):
            return None
    return None


def content_negation(lex: Lexicon, text: NormText, first: int, last: int) -> Token | None:
    """A negation among the first words of a content (after its complementizer): an example
    match has no anchor, so "أكد أنه لن يقبل ..." is read as a denial of the whole content."""
    k = first
    while k < last and lex.is_("complementizer", text.tokens[k].norm):
        k += 1
    for j in range(k, min(last, k + EXAMPLE_NEGATION_WINDOW)):
        tok = text.tokens[j]
        if j > k and is_break(text, text.tokens[j - 1].end, tok.start):
            return None
        if lex.is_("negation", tok.norm):
            if j + 1 < last and lex.is_("continuative", text.tokens[j + 1].norm):
                continue
            return tok
    return None


def negated_later(lex: Lexicon, text: NormText, first: int, last: int) -> bool:
    """Whether a content holds a negation past its opening words (which
    :func:`content_negation` reads as a denial of the whole): "إن الاتفاق مع قوات سوريا
    الديمقراطية لا يشمل الرقة" negates something inside it, and what an example match cannot
    place, it does not claim. لا تزال (still) and ليس سوى (nothing but) negate nothing."""
    k = first
    while k < last and lex.is_("complementizer", text.tokens[k].norm):
        k += 1
    for j in range(k + EXAMPLE_NEGATION_WINDOW, last):
        if lex.is_("negation", text.tokens[j].norm) and not (
                j + 1 < last and lex.is_("continuative", text.tokens[j + 1].norm)) \
                and not anonymity_at(lex, text, j):
            return True
    return False


def anonymity_at(lex: Lexicon, text: NormText, k: int) -> bool:
    """Whether the negation at token ``k`` only keeps a source unnamed (``anonymity`` in the
    lexicon: "لم يذكر اسمه", "لم يكشف عن هويته"): it negates no claim."""
    phrases = lex.phrases_of("anonymity")
    if not phrases:
        return False
    toks = text.tokens
    words = [toks[j].norm for j in range(k, min(len(toks), k + ANONYMITY_WORDS))]
    return any(" ".join(words[:n]) in phrases for n in range(2, len(words) + 1))


def decide_example(lex: Lexicon, text: NormText, cue: Cue, cand: Candidate, *,
                   negative: bool = False) -> Decision:
    """The stance of ``cue``'s speaker on a claim matched by its examples: the cue's own
    (نفى denies, أقر concedes), an asserting cue turned to denies by a negation that opens the
    content, unless the claim is itself negative (its examples say "not": "الرقة لم تتحرر")."""
    base = cue.stance or "asserts"
    cue_text = text.original[cue.start:cue.end]
    neg = None if negative else content_negation(lex, text, cue.content_first, cue.content_last)
    if base == "asserts" and neg is not None:
        return Decision(cand, "denies", f"{cue_text} … {text.original[neg.start:neg.end]}",
                        (neg.start, neg.end))
    return Decision(cand, base, cue_text, (cue.start, cue.end))


def without_presupposed(decisions: list[Decision],
                        presupposes: dict[str, tuple[str, ...]]) -> list[Decision]:
    """Drop a denial or concession of what another denied or conceded claim presupposes, and a
    claim found only by a place named outside the content when another claim found presupposes
    it ("أن التحالف كان طرفاً في الصفقة" after Raqqa was named: the deal is presupposed, not
    said)."""
    drop: set[tuple[str, str]] = set()
    implied: set[str] = set()
    granted: set[str] = set()       # presupposed by a claim the speaker denies
    for d in decisions:
        implied.update(presupposes.get(d.candidate.claim_id, ()))
        if d.stance == "asserts":
            continue
        for other in presupposes.get(d.candidate.claim_id, ()):
            drop.add((other, d.stance))
            if d.stance == "denies":
                granted.add(other)
    # "لم يكن جزءاً من الترتيبات التي أفضت إلى خروج المسلحين": denying a part in the deal while
    # stating the deal concedes the deal
    return [replace(d, stance="concedes") if d.stance == "asserts"
            and d.candidate.claim_id in granted else d
            for d in decisions if (d.candidate.claim_id, d.stance) not in drop
            and not (d.candidate.by_context and d.candidate.claim_id in implied)]


def denied_frame(cues: list[Cue], i: int) -> Cue | None:
    """The statement noun whose owner's claims the denial ``cues[i]`` rejects
    ("رفض ادعاءات روسيا"), or that a dismissal after it rejects ("وصف الاتهامات الروسية بأنها
    كاذبة"), if any."""
    cue = cues[i]
    # "وصفت واشنطن الاتهامات الروسية بأنها كاذبة": a dismissal after the frame denies it too
    dismissed = i + 2 < len(cues) and cues[i + 2].kind == "refutation" \
        and (cues[i + 2].stance or "denies") == "denies"
    if (cue.stance != "denies" and not dismissed) or i + 1 >= len(cues):
        return None
    inner = cues[i + 1]
    if inner.kind == "speech_noun" and inner.speaker and \
            inner.speaker.actor_id != cue.speaker.actor_id and \
            inner.first < cue.content_last + DENIED_FRAME_GAP:
        return inner
    return None


def denied_claims(frame: Cue, found: list[str], said: list[tuple[str, str]],
                  ancestors: dict[str, frozenset[str]]) -> list[str]:
    """The claims a denial of ``frame``'s owner's claims denies: those ``found`` in the frame,
    else every claim the owner (or a part of it) asserted so far in the document."""
    claim_ids = found
    if not claim_ids:
        owner = frame.speaker.actor_id
        claim_ids = [c for a, c in said if a == owner or owner in ancestors.get(a, frozenset())]
    return list(dict.fromkeys(claim_ids))


def anaphoric_object(lex: Lexicon, text: NormText, lo: int, hi: int) -> bool:
    """Whether a content (tokens ``[lo, hi)``) opens with an anaphor of claims made before
    ("نفى هذه الاتهامات", "نفى ذلك"): a ``claim_anaphor`` phrase of the lexicon; a one-word
    one (ذلك) only when its clause ends there or a preposition follows ("نفى ذلك في بيان")."""
    toks = [text.tokens[k].norm for k in range(lo, min(hi, lo + ANAPHOR_WORDS))]
    if not toks:
        return False
    toks[0] = strip_conjunction(toks[0])
    phrases = lex.phrases_of("claim_anaphor")
    for n in range(len(toks), 0, -1):
        if " ".join(toks[:n]) in phrases:
            if n > 1 or lo + 1 >= hi:
                return True
            return is_break(text, text.tokens[lo].end, text.tokens[lo + 1].start) \
                or lex.is_("preposition", text.tokens[lo + 1].norm)
    return False


def charged_object(lex: Lexicon, text: NormText, lo: int, hi: int) -> bool:
    """Whether a content (tokens ``[lo, hi)``) opens, after a bare complementizer, with an
    accusation named by its charge (``claim_noun``: "إن الادعاءات بأن …", "الاتهامات بدعم …"):
    what a dismissal after it ("لا أساس لها") rejects is that charge."""
    if lo < hi and lex.is_("complementizer", text.tokens[lo].norm) \
            and not text.tokens[lo].norm.endswith(SELF_SUFFIXES):
        lo += 1
    if lo + 1 >= hi or not lex.is_("claim_noun", text.tokens[lo].norm):
        return False
    nxt = text.tokens[lo + 1]
    return not is_break(text, text.tokens[lo].end, nxt.start) and (
        lex.is_("complementizer", nxt.norm) or strip_conjunction(nxt.norm).startswith("ب"))


def replies(lex: Lexicon, text: NormText, lo: int, cue_tok: int) -> bool:
    """Whether a speech verb at ``cue_tok`` is framed, before it in its sentence (from ``lo``),
    as a reply to claims made before (``reply_frame`` then a ``claim_anaphor``: "وردا على
    المزاعم الروسية قال ديلون"): what it says denies them."""
    phrases = lex.phrases_of("reply_frame")
    toks = text.tokens
    for k in range(max(lo, cue_tok - REPLY_WINDOW), cue_tok):
        for n in (2, 3, 4):
            if k + n < cue_tok and " ".join(t.norm for t in toks[k:k + n]) in phrases:
                return anaphoric_object(lex, text, k + n, cue_tok)
    return False


def recent_claims(said: list[tuple[str, str]], speaker: str,
                  ancestors: dict[str, frozenset[str]]) -> list[str]:
    """The claims the last other speaker asserted, most recent run of its statements: what
    "these accusations" refers to."""
    mine = {speaker, *ancestors.get(speaker, frozenset())}
    other: str | None = None
    out: list[str] = []
    for actor, claim_id in reversed(said):
        if other is None:
            if actor in mine or mine & ancestors.get(actor, frozenset()):
                continue
            other = actor
        elif actor != other:
            break
        out.append(claim_id)
    return list(dict.fromkeys(reversed(out)))


def refutations(cues: list[Cue]) -> Iterator[tuple[Cue, Cue, Cue]]:
    """(refutation, outer speaker's cue, reported cue) for each "وهذا غير صحيح": the outer
    speaker denies the claims of the cue reported just before it; a refutation with its own
    speaker ("وهو ما نفاه التحالف") answers them itself (the reported cue stands for the outer)."""
    for i, cue in enumerate(cues):
        if cue.kind != "refutation":
            continue
        reported = next((c for c in reversed(cues[:i]) if c.claims and c.kind != "refutation"), None)
        if reported is None:
            continue
        if cue.speaker is not None:      # "وهو ما نفاه التحالف": the answerer is named
            if cue.speaker.actor_id != reported.speaker.actor_id:
                yield cue, reported, reported
            continue
        outer = next((c for c in cues[:cues.index(reported)]
                      if c.speaker and c.speaker.actor_id != reported.speaker.actor_id
                      and c.kind in SPEAKING), None)
        if outer is None:
            continue
        yield cue, outer, reported
