"""Matching Arabic names and cue phrases, robust to clitics and spelling.

Both sides are normalised (:mod:`riwaya.text.normalize`) and tokenised; a pattern
matches a run of tokens when

* its first token may carry proclitics (و ف ب ل ك ال and combinations; ل + ال
  written لل), so "وللتحالف" matches "التحالف";
* long tokens may differ in long vowels (الديمقراطية / الديموقراطية);
* a multiword name may be written without its space (البو كمال / البوكمال);
* a pattern token ending in ``*`` matches any token it starts (حرر* : حررت).

Matches carry character offsets into the *original* text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Callable, Iterable, NamedTuple, Sequence

from riwaya.text.clitics import ARTICLE, LAM_ARTICLE, PROCLITICS
from riwaya.text.normalize import normalize_with_map, original_span

TOKEN_RE = re.compile(r"[0-9A-Za-z\u0621-\u064a\u0660-\u0669\u0671-\u06d3]+"
                      r"(?:-[0-9A-Za-z\u0621-\u064a\u0660-\u0669\u0671-\u06d3]+)*")
SKELETON_MIN = 9
SEEN_MAX = 200_000           # distinct tokens whose candidates a matcher remembers
SKELETON_DROP = str.maketrans("", "", "اوي")
_ARTICLE_GAP = re.compile(r"[.،,؛;:\n]")   # what keeps a detached article from its word


def skeleton(token: str) -> str:
    """A token without its inner long vowels, for spelling variants."""
    return token[:1] + token[1:].translate(SKELETON_DROP)


class Token(NamedTuple):
    """A word of a :class:`NormText` (a named tuple: a text makes one per word)."""

    norm: str
    nstart: int     # offsets in the normalised text
    nend: int
    start: int      # offsets in the original text
    end: int


_new_token = tuple.__new__
_norm_of = itemgetter(0)      # a Token's norm
_start_of = itemgetter(3)     # ... and its start in the original text


@dataclass
class NormText:
    """A text with its normalised shadow, tokens and the map back."""

    original: str
    norm: str
    index: list[int]
    tokens: list[Token]
    # per matcher: the token positions that have candidates, and theirs (Matcher._hits)
    _hits: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, text: str) -> "NormText":
        norm, index = normalize_with_map(text)
        # original_span of a token (never empty), inline: called for every word of the text;
        # tuple.__new__ is Token(...) without its Python-level __new__
        tokens = [_new_token(Token, (m.group(), s := m.start(), e := m.end(), index[s],
                                     index[e - 1] + 1)) for m in TOKEN_RE.finditer(norm)]
        if ARTICLE in map(_norm_of, tokens):     # a detached article: the words read one by one
            tokens = cls._join_articles(norm, index, tokens)
        return cls(text, norm, index, tokens)

    @staticmethod
    def _join_articles(norm: str, index: list[int], tokens: list[Token]) -> list[Token]:
        """The tokens with each detached article joined to the word right after it ("الـ بي بي
        سي"), when no clause punctuation and at most 3 characters stand between them; the
        words between two articles are copied as they are."""
        out: list[Token] = []
        done = 0                       # tokens before this one are in ``out``
        for a in [i for i, t in enumerate(tokens) if t.norm == ARTICLE]:
            if a < done:
                continue               # joined to the article before it
            out += tokens[done:a]
            al = tokens[a]
            if a + 1 < len(tokens):
                word = tokens[a + 1]
                if word.nstart - al.nend <= 3 and not _ARTICLE_GAP.search(norm, al.nend,
                                                                          word.nstart):
                    s, e = original_span(index, al.nstart, word.nend)
                    out.append(Token(ARTICLE + word.norm, al.nstart, word.nend, s, e))
                    done = a + 2
                    continue
            out.append(al)
            done = a + 1
        out += tokens[done:]
        return out

    def token_at_or_after(self, offset: int) -> int:
        """Index of the first token starting at or after an original offset."""
        return bisect_left(self.tokens, offset, key=_start_of)


@lru_cache(maxsize=65536)
def tokenize_form(form: str) -> tuple[str, ...]:
    """Tokens of a pattern or alias, normalised like text tokens."""
    return tuple(t.norm for t in NormText.of(form).tokens)


@dataclass(frozen=True)
class Pattern:
    tokens: tuple[str, ...]
    entity_id: str
    kind: str                 # actor | place | cue | ...
    method: str = "alias"
    priority: int = 0         # lower wins among equally long overlapping matches
    clitics: bool = True
    payload: object = None
    loose: bool = True        # long-vowel variants, and a detachable article before the name


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    first: int      # token index range [first, last)
    last: int
    start: int      # original offsets
    end: int

    @property
    def entity_id(self) -> str:
        return self.pattern.entity_id


@lru_cache(maxsize=65536)
def _stems(token: str) -> tuple[tuple[str, int, bool], ...]:
    """(stem, clitic length, clitics include the article) for what a token can stand for."""
    out = [(token, 0, False)]
    for p in PROCLITICS[1:]:
        if len(token) > len(p) + 1 and token.startswith(p):
            rest = token[len(p):]
            if p.endswith(LAM_ARTICLE):
                out.append((ARTICLE + rest, len(p) - 2, False))  # the span keeps "لل": ل + the article
            else:
                out.append((rest, len(p), p.endswith(ARTICLE)))
    return tuple(out)


def _token_eq(pat: str, tok: str) -> bool:
    if pat.endswith("*"):
        return tok.startswith(pat[:-1]) and len(pat) > 1
    if pat == tok:
        return True
    return len(pat) >= SKELETON_MIN and len(tok) >= SKELETON_MIN and skeleton(pat) == skeleton(tok)


def _token_eq_strict(pat: str, tok: str) -> bool:
    return tok.startswith(pat[:-1]) if pat.endswith("*") and len(pat) > 1 else pat == tok


#: a token's candidate pattern, as :meth:`Matcher.find` reads it: the pattern, the length of the
#: clitics before its stem, its length in tokens, its tokens after the first and how they compare
#: when not equal (None: only equal ones match)
Candidate = tuple[Pattern, int, int, tuple[str, ...], "Callable[[str, str], bool] | None"]


def _candidate(pat: Pattern, clen: int) -> Candidate:
    rest = pat.tokens[1:]
    eq = _token_eq if pat.loose else _token_eq_strict
    if not any(t.endswith("*") or (pat.loose and len(t) >= SKELETON_MIN) for t in rest):
        eq = None       # neither a prefix nor a spelling variant: a token matches itself only
    return pat, clen, len(pat.tokens), rest, eq


@dataclass
class Matcher:
    """An index of patterns; :meth:`find` returns every match in a text."""

    _exact: dict[str, list[Pattern]] = field(default_factory=dict)
    _skel: dict[str, list[Pattern]] = field(default_factory=dict)
    # patterns whose first token is a prefix (حرر*), by its first two letters (by itself when
    # shorter), with the order they were added: a text's token looks in its own buckets only
    _prefix: dict[str, list[tuple[int, Pattern]]] = field(default_factory=dict)
    size: int = 0
    # a token's candidates, worked out once per distinct token (texts repeat their words)
    _seen: dict[str, tuple[Candidate, ...]] = field(default_factory=dict, repr=False,
                                                              compare=False)

    def add(self, form: str, entity_id: str, kind: str, *, method: str = "alias",
            priority: int = 0, clitics: bool = True, payload: object = None,
            join_variant: bool = True, loose: bool = True) -> None:
        """Index a form. ``loose=False`` (for gazetteer names, which are many and not
        curated) matches only the form itself behind و ف ب ل ك: no long-vowel variant,
        no article that the name does not carry."""
        self._seen.clear()
        star = form.strip().endswith("*")
        tokens = tokenize_form(form.strip().rstrip("*"))
        if not tokens:
            return
        if star:
            tokens = tokens[:-1] + (tokens[-1] + "*",)
        variants = [tokens]
        if join_variant and len(tokens) > 1 and not star:
            joined = "".join(tokens)
            if len(joined) >= 5:
                variants.append((joined,))
        for toks in variants:
            pat = Pattern(toks, entity_id, kind, method, priority, clitics, payload, loose)
            first = toks[0]
            self.size += 1
            if first.endswith("*"):
                self._prefix.setdefault(first[:-1][:2], []).append((self.size, pat))
                continue
            self._exact.setdefault(first, []).append(pat)
            if loose and len(first) >= SKELETON_MIN:
                self._skel.setdefault(skeleton(first), []).append(pat)

    def _candidates(self, token: str) -> Iterable[tuple[Pattern, int]]:
        seen: set[int] = set()
        for stem, clen, article in _stems(token):
            for pat in self._exact.get(stem, ()):
                if article and not pat.loose:
                    continue
                if (clen == 0 or pat.clitics) and id(pat) not in seen:
                    seen.add(id(pat))
                    yield pat, clen
            if len(stem) >= SKELETON_MIN:
                for pat in self._skel.get(skeleton(stem), ()):
                    if (clen == 0 or pat.clitics) and id(pat) not in seen:
                        seen.add(id(pat))
                        yield pat, clen
            for pat in self._prefixes(stem):
                if (clen == 0 or pat.clitics) and stem.startswith(pat.tokens[0][:-1]) \
                        and id(pat) not in seen:
                    seen.add(id(pat))
                    yield pat, clen

    def _prefixes(self, stem: str) -> list[Pattern]:
        """The prefix patterns that may match ``stem``, in the order they were added."""
        if not self._prefix:
            return []
        found = [self._prefix[k] for k in dict.fromkeys((stem[:2], stem[:1], "")) if k in self._prefix]
        if len(found) == 1:
            return [pat for _, pat in found[0]]
        return [pat for _, pat in sorted(x for bucket in found for x in bucket)]

    def _hits(self, text: NormText) -> tuple[list[int], list[tuple[Candidate, ...]]]:
        """The positions of ``text``'s tokens that have candidates, and those candidates:
        worked out once per text and matcher (a text is searched by each matcher many times,
        sentence by sentence, and most tokens have none)."""
        key = (id(self), self.size)
        found = text._hits.get(key)
        if found is None:
            seen = self._seen
            if len(seen) > SEEN_MAX:
                seen.clear()
            norms = text._hits.get("norms")
            if norms is None:
                norms = text._hits["norms"] = [t.norm for t in text.tokens]
            got = list(map(seen.get, norms))          # one C-level pass: most are known
            if None in got:
                for norm in set(norms).difference(seen):   # the text's new words, once each
                    seen[norm] = tuple(_candidate(pat, clen) for pat, clen in self._candidates(norm))
                got = list(map(seen.get, norms))
            positions = list(compress(range(len(got)), got))   # the tokens with candidates
            found = text._hits[key] = (positions, [got[i] for i in positions])
        return found

    def find(self, text: NormText, lo: int = 0, hi: int | None = None) -> list[Match]:
        """All matches (overlapping ones included) in tokens ``[lo, hi)``."""
        toks = text.tokens
        hi = len(toks) if hi is None else hi
        out: list[Match] = []
        positions, cands = self._hits(text)
        first, last = bisect_left(positions, lo), bisect_left(positions, hi)
        for j in range(first, last):
            i = positions[j]
            for pat, clen, n, rest, eq in cands[j]:
                if rest:                      # the pattern's other tokens, one by one
                    if i + n > hi:
                        continue
                    matched = True
                    for k, p in enumerate(rest, i + 1):
                        t = toks[k].norm
                        if p != t and (eq is None or not eq(p, t)):
                            matched = False
                            break
                    if not matched:
                        continue
                start = toks[i].start
                if clen:
                    # leave the clitics out of the span: map the stem start back
                    ns = toks[i].nstart + clen
                    start = text.index[ns] if ns < len(text.index) else start
                    if start >= toks[i].end:  # clitic mapping failed; keep token start
                        start = toks[i].start
                out.append(Match(pat, i, i + n, start, toks[i + n - 1].end))
        return out


class Spans:
    """A set of [start, end) spans asked "does [s, e) overlap one of you?" in log time (a
    linear scan of every span taken made long articles quadratic). Overlapping spans added
    are merged: the answers stay those of the spans one by one."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for s, e in sorted(spans):
            self.add(s, e)

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span (s, e) has ``start < e and s < end``."""
        i = bisect_left(self._starts, end)  # the spans starting before ``end``
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        lo = bisect_left(self._starts, end)
        hi = lo
        while lo > 0 and self._ends[lo - 1] > start:  # the spans it overlaps: merge them
            lo -= 1
            start, end = min(start, self._starts[lo]), max(end, self._ends[lo])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]


def resolve_overlaps(matches: Sequence[Match]) -> list[Match]:
    """Keep the longest matches; among equals the lower priority value wins."""
    order = sorted(matches, key=lambda m: (-(m.end - m.start), m.pattern.priority, m.start))
    taken = Spans()
    kept: list[Match] = []
    for m in order:
        if taken.overlaps(m.start, m.end):
            continue
        taken.add(m.start, m.end)
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def normalized_key(form: str) -> str:
    """The key under which a form is stored (for deduplicating entries)."""
    return " ".join(tokenize_form(form))
