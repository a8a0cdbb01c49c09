"""Teasers of other stories with no heading: a page's last paragraphs, off the article's topic.

A site's "more news" strip scraped without its heading leaves, below the article, the leads of
other stories: paragraphs like the article's, with nothing that marks where they start. What
gives them away together (each alone is common in a real article):

- *they open stories*: a paragraph of :data:`TEASER_MIN_WORDS` words or more that ends a
  sentence and does not open with و/ف (an article's paragraphs go on from the one before:
  "وقال", "وأضاف", "وكانت"; a story's lead opens with its verb or subject: "أقرت الحكومة");
- *their words are not the article's*: at most :data:`TEASER_SHARE` of a paragraph's content
  words (:func:`riwaya.pipeline.maintext.content_words`) were used by the article above it or
  an earlier teaser (each teaser is another story, so they share no vocabulary either);
- *their meaning is neither the article's nor each other's*: the sentence encoder puts each
  at most :data:`TEASER_SIMILARITY` (cosine) from the article's headline and lead and at most
  :data:`TEASERS_APART` from every teaser before it (an article's closing comments, lexically
  new, stay close to each other); the encoder is asked only about a run that passed the two
  cheap tests (most pages have none), so a build pays it on a few pages;
- *they end the page*: :data:`TEASER_LINES` of them or more are the last lines kept, below an
  article of :data:`ARTICLE_MIN_LINES` lines and :data:`ARTICLE_MIN_WORDS` words, one of whose
  paragraphs at least goes on with و/ف (a page of short reports, each opening a story, is a
  news feed whose items are its content, not an article with teasers).

Measured on the tuning pages: an article's own background paragraphs at its end open with و
or reuse its words; two closing comments in new words can pass the lexical tests and sit as
far from the lead as teasers do (cosine ~0.2: the encoder tells topics apart poorly on long
paragraphs), hence three teasers at least, each apart from the others. Excerpts
of other stories about the *same* event (another outlet's version) share the article's words
and meaning and are not found here (:mod:`riwaya.pipeline.stories` finds those that carry a
header).
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from riwaya.pipeline.maintext import SENTENCE_END, content_words
from riwaya.text.clitics import CONJUNCTIONS
from riwaya.text.normalize import normalize_form

REASON = "teasers of other stories"
TEASER_MIN_WORDS = 12
TEASER_LINES = 3
TEASER_SHARE = 0.15
TEASER_SIMILARITY = 0.25
TEASERS_APART = 0.2
ARTICLE_MIN_LINES = 3
ARTICLE_MIN_WORDS = 60
#: the article's headline and lead: its first kept lines, compared with each teaser
LEAD_LINES = 2

#: texts -> one vector a text (the sentence encoder)
Encode = Callable[[Sequence[str]], np.ndarray]


def opens_a_story(line: str) -> bool:
    """A paragraph (:data:`TEASER_MIN_WORDS` words or more, ending a sentence) that does not go
    on from the one before it: its first word carries no و/ف."""
    if not isinstance(line, str):
        raise TypeError(f"Expected str, got {type(line).__name__} instead")
    s = line.strip()
    if len(s.split()) < TEASER_MIN_WORDS or not s.endswith(SENTENCE_END):
        return False
    return not _goes_on(s)


def _goes_on(line: str) -> bool:
    """A paragraph opening with و/ف (an article goes on so; a feed of short reports does not)."""
    first = normalize_form(line).split()[:1]
    return bool(first) and first[0][:1] in CONJUNCTIONS and len(first[0]) > 2


def _encoder() -> Encode:
    from riwaya.pipeline.statements.examples import load_model   # only for a suspect run

    return lambda texts: np.asarray(load_model().encode(list(texts)), dtype=np.float32)


def _after_last_failure(run: list[int], passes: Callable[[int], bool]) -> list[int]:
    """The lines of ``run`` after the last one that fails ``passes`` (teasers end the page)."""
    out: list[int] = []
    for i in run:
        out = out + [i] if passes(i) else []
    return out


def unmarked_teasers(lines: list[str], live: list[int], encode: Encode | None = None) -> list[int]:
    """The kept lines (among ``live``, in page order) that are teasers of other stories at the
    page's end; ``encode``: the sentence encoder (default: the pipeline's, loaded when a run
    passes the lexical tests)."""
    if not isinstance(lines, list) or not isinstance(live, list):
        raise TypeError(f"Expected lists of lines and indices, got {type(lines).__name__} and "
                        f"{type(live).__name__} instead")
    start = len(live)
    while start > 0 and opens_a_story(lines[live[start - 1]]):
        start -= 1
    start = max(start, ARTICLE_MIN_LINES)
    run = live[start:]
    if len(run) < TEASER_LINES:
        return []
    seen = set().union(*(content_words(lines[i]) for i in live[:start]))

    def new_words(i: int) -> bool:
        words = content_words(lines[i])
        share = len(words & seen) / len(words) if words else 1.0
        seen.update(words)
        return share <= TEASER_SHARE

    run = _after_last_failure(run, new_words)
    article = live[:live.index(run[0])] if run else live
    if len(run) < TEASER_LINES or sum(len(lines[i].split()) for i in article) < ARTICLE_MIN_WORDS \
            or not any(_goes_on(lines[i]) for i in article):
        return []
    vectors = (encode or _encoder())([" ".join(lines[i] for i in live[:LEAD_LINES])]
                                     + [lines[i] for i in run])
    vectors = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)
    lead, vector = vectors[0], dict(zip(run, vectors[1:]))
    block: list[int] = []         # the teasers so far: each far from the lead and from the others
    for i in run:
        apart = all(float(vector[j] @ vector[i]) <= TEASERS_APART for j in block)
        block = block + [i] if float(vector[i] @ lead) <= TEASER_SIMILARITY and apart else []
    return block if len(block) >= TEASER_LINES else []
