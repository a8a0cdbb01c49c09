"""A personal name titled by an unnamed source's noun after it, the subject right after a speech
verb: "صرح نواف بشير زعيم قبيلة في دير الزور قائلا", "وقال سالم خليل، مسؤول محلي، إن". The
name has no role phrase before it (:mod:`.named` reads those), so the source noun after it
(``source_noun``: زعيم، مسؤول، قيادي) is what tells a name from the content. A dashed aside
between the verb and the name ("صرح - غاضبا - نواف بشير") is skipped."""

from __future__ import annotations

from riwaya.pipeline.mentions import Mention
from riwaya.pipeline.statements.model import Speaker, is_break
from riwaya.pipeline.statements.named import MIN_SURNAME, STOPS, NamedSpeakers
from riwaya.pipeline.statements.sources import is_source_noun
from riwaya.text.clitics import ARTICLE, strip_conjunction
from riwaya.text.matcher import NormText
from riwaya.text.normalize import normalize_form

NAME_WORDS = (2, 3)          # words of such a name: a first name and a surname, or three
ASIDE = "-"                  # the dash around an aside after the verb
ASIDE_TOKENS = 3             # words of such an aside
COMMAS = (",", "،")          # a name set off from its source noun


def _gap(text: NormText, j: int) -> str:
    """What stands between token ``j - 1`` and token ``j``."""
    return text.original[text.tokens[j - 1].end:text.tokens[j].start]


def after_aside(text: NormText, k: int, hi: int) -> int:
    """The token after a dashed aside that opens at token ``k`` ("- غاضبا -"), else ``k``."""
    if k == 0 or k >= hi or ASIDE not in _gap(text, k):
        return k
    for j in range(k + 1, min(hi, k + ASIDE_TOKENS + 1)):
        if is_break(text, text.tokens[j - 1].end, text.tokens[j].start):
            return k
        if ASIDE in _gap(text, j):
            return j
    return k


def name_before_source(named: NamedSpeakers | None, text: NormText, k: int, hi: int,
                       actors: list[Mention]) -> Speaker | None:
    """The named speaker whose name starts at token ``k`` (after an aside) and is followed by an
    indefinite source noun, or None; its surname identifies it later on."""
    if named is None:
        return None
    k = after_aside(text, k, hi)
    starts = {m.first_token for m in actors}
    for n in range(1, max(NAME_WORDS) + 1):
        j = k + n - 1                       # the name's last word
        if j + 1 >= hi or j in starts or (j > k and is_break(text, text.tokens[j - 1].end,
                                                              text.tokens[j].start)):
            return None
        tok = strip_conjunction(text.tokens[j].norm) if j == k else text.tokens[j].norm
        if tok.startswith(ARTICLE) or named.roles.is_title(tok) or is_source_noun(named.lex, tok) \
                or named.ends_name(text, j) or any(named.lex.is_(kind, tok) for kind in STOPS):
            return None
        gap = _gap(text, j + 1)
        if is_break(text, text.tokens[j].end, text.tokens[j + 1].start) \
                and not any(c in gap for c in COMMAS):
            return None
        nxt = text.tokens[j + 1].norm
        if n in NAME_WORDS and not nxt.startswith(ARTICLE) and is_source_noun(named.lex, nxt):
            first, last = text.tokens[k], text.tokens[j]
            name = text.original[first.start:last.end]
            speaker = Speaker("UNK:" + normalize_form(name), name, first.start, j + 1, "named")
            if len(strip_conjunction(last.norm)) >= MIN_SURNAME:
                named.remember(strip_conjunction(last.norm), speaker)
            return speaker
    return None
