"""A retelling of another story above its header, for :mod:`riwaya.pipeline.stories`.

The stories after a header may repeat sentences (word trigrams, :data:`COPY_SHARE` of a sentence
of :data:`COPY_MIN_TRIGRAMS` trigrams or more) of lines before the header: those lines are a
version of the same other story (another outlet's), so the split moves back to the first
repeated line (:func:`retold_from`). Only the header's own story is read, up to the next item of
a roundup (:func:`opens_item`: an outlet's name in brackets or a label and a colon opening a
line): an earlier item retold under a later outlet's label is that item's copy, and the first
item is the article.
"""

from __future__ import annotations

import re

from riwaya.pipeline.furniture import opens_with_conjunction
from riwaya.text.normalize import normalize_form

#: a sentence of at least COPY_MIN_TRIGRAMS word trigrams, COPY_SHARE of them seen before
COPY_MIN_TRIGRAMS = 8
COPY_SHARE = 0.5
_SENTENCE = re.compile(r"(?<=[.!?؟])\s+")
#: a list item's label: one to three words and a colon opening the line ("سنجار :",
#: "العراق - تكريت :", "الوطن السورية :")
LABEL = re.compile(r"^\s*[^\W\d_]{2,}(?:\s*[-–—]?\s*[^\W\d_]{2,}){0,2}\s*:\s*\S")
#: an outlet's name in brackets opening a line ("( الحياة اللندنية ) ...")
_BRACKETED = re.compile(r"^\s*\(\s*[^()\d]{2,40}\)")


#: a review's teaser: three words or more of headline (no comma or full stop: words,
#: quotes, a label's colon, a question mark), then its lead: a verb of publishing and the outlet
_REVIEW_TEASER = re.compile(
    r"^\s*(?:[^\s,،.!;؛]+\s+){3,30}?(?:نشرت|قالت|ذكرت|أفادت|افادت|كشفت|تناولت|رأت|اعتبرت)\s+"
    r"(?:صحيفة|صحيفه|مجلة|مجله|موقع|وكالة|وكاله)\s")
#: the article's first lines: none of them starts the review's teasers
REVIEW_START = 3


def review_teasers(lines: list[str], live: list[int]) -> int | None:
    """The position of the first of the review teasers (:data:`_REVIEW_TEASER`, not opening
    with و/ف) that make every kept line from it to the page's end, two or more, after the
    article's first :data:`REVIEW_START` lines; None on other pages (a press review's own items
    go on with paragraphs)."""
    start = len(live)
    while start > REVIEW_START and _REVIEW_TEASER.match(lines[live[start - 1]]) \
            and not opens_with_conjunction(lines[live[start - 1]]):
        start -= 1
    return start if len(live) - start >= 2 else None


def trigrams(sentence: str) -> set[tuple[str, ...]]:
    w = normalize_form(sentence).split()
    return {tuple(w[k:k + 3]) for k in range(len(w) - 2)}


def sentences(line: str) -> list[str]:
    return [s for s in _SENTENCE.split(line) if s.strip()]


def opens_item(line: str) -> bool:
    """A line opening like an item of a roundup: an outlet's name in brackets or a label of one
    to three words and a colon (:data:`LABEL`), not opening with و/ف (a sentence's "وأضاف :")."""
    return bool(_BRACKETED.match(line)) or bool(LABEL.match(line)) \
        and not opens_with_conjunction(line)


def retold_from(lines: list[str], live: list[int], header: int, first: int) -> int:
    """The position (among ``live``) of the first line from ``first`` to ``header`` whose
    sentences the header's story repeats (from ``header`` up to the next item,
    :func:`opens_item`); ``header`` when none is repeated."""
    first_seen: dict[tuple[str, ...], int] = {}
    for pos in range(first, header):
        for sentence in sentences(lines[live[pos]]):
            for gram in trigrams(sentence):
                first_seen.setdefault(gram, pos)
    start = header
    for pos in range(header, len(live)):
        if pos > header and opens_item(lines[live[pos]]):
            break                       # the next item's: its repeats are not the header's story
        for sentence in sentences(lines[live[pos]]):
            grams = trigrams(sentence)
            if len(grams) < COPY_MIN_TRIGRAMS:
                continue
            hits = [first_seen[g] for g in grams if g in first_seen]
            if len(hits) >= COPY_SHARE * len(grams):
                start = min(start, max(set(hits), key=hits.count))
    return start
