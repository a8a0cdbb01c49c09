"""Sentence segmentation for Arabic news text.

Boundaries: line breaks, and . ! ? ؟ ؛ … followed by space or end, outside
quotation marks (“ ” « » and straight double quotes). Not boundaries: the Arabic
comma ، (a clause mark, used by the statement extractor), decimal points,
runs of dots inside a headline ("بالصور.."), one-letter abbreviations (د.), and the dots
of an abbreviation spelt letter by letter with spaces ("بي . بي . سي", "أ . ف . ب").
"""

from __future__ import annotations

from dataclasses import dataclass

TERMINALS = set(".!?؟؛…")
OPENING = {"“": "”", "«": "»", "„": "“"}
MAX_QUOTE_CHARS = 600  # an unclosed quote stops protecting after this many characters


@dataclass(frozen=True)
class Sentence:
    sentence_id: int
    start: int
    end: int
    text: str


def _is_boundary(text: str, i: int) -> bool:
    """Whether the terminal at ``text[i]`` ends a sentence."""
    char = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prev = text[i - 1] if i > 0 else ""
    if char == ".":
        if prev.isdigit() and nxt.isdigit():
            return False          # 3.5
        if nxt == ".":
            return False          # inside a run of dots
        if prev == "." and nxt not in ("", "\n"):
            return False          # "بالصور.. عسكريون" keeps going
        # one-letter abbreviation such as "د." or "م."
        j = i - 1
        while j >= 0 and text[j].isalpha():
            j -= 1
        if i - 1 - j == 1 and (j < 0 or text[j] in " \n("):
            return False
        if _spelt_abbreviation(text, i):
            return False
    return nxt == "" or nxt.isspace() or nxt in "\"”»'"


SPELT_PART = 3    # letters of one part of an abbreviation spelt with spaced dots ("بي . بي . سي")


def _word_before(text: str, i: int) -> tuple[int, int]:
    """The letters right before ``text[i]``, one space allowed between: (start, end)."""
    e = i - 1 if i > 0 and text[i - 1] == " " else i
    s = e
    while s > 0 and text[s - 1].isalpha() and e - s <= SPELT_PART:
        s -= 1
    return s, e


def _spelt_abbreviation(text: str, i: int) -> bool:
    """Whether the dot at ``text[i]`` stands between two parts of an abbreviation spelt with
    spaced dots: short words on both sides, and another such dot right before or after."""
    s, e = _word_before(text, i)
    if not 0 < e - s <= SPELT_PART - 1 or (s > 0 and text[s - 1].isalpha()):
        return False
    j = i + 2 if i + 1 < len(text) and text[i + 1] == " " else i + 1
    k = j
    while k < len(text) and text[k].isalpha() and k - j <= SPELT_PART:
        k += 1
    if not 0 < k - j <= SPELT_PART:
        return False
    after = k + 1 if k < len(text) and text[k] == " " else k
    if after < len(text) and text[after] in ".)":
        return True              # "بي . بي ." or "بي . سي )": another dot, or the bracket closes
    before = s - 1 if s > 0 and text[s - 1] == " " else s
    return before > 0 and text[before - 1] == "."   # ". بي . سي": a dot before


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned text into sentences with offsets into ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"Expected str, got {type(text).__name__} instead")
    spans: list[tuple[int, int]] = []
    start = 0
    closing: str | None = None
    quote_open_at = 0
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if closing is not None:
            if char == closing or char == "\n" or i - quote_open_at > MAX_QUOTE_CHARS:
                closing = None
                if char == "\n":
                    spans.append((start, i))
                    start = i + 1
            i += 1
            continue
        if char in OPENING:
            closing, quote_open_at = OPENING[char], i
        elif char == '"':
            closing, quote_open_at = '"', i
        elif char == "\n":
            spans.append((start, i))
            start = i + 1
        elif char in TERMINALS and _is_boundary(text, i):
            end = i + 1
            while end < n and text[end] in "\"”»'":
                end += 1
            spans.append((start, end))
            start = end
            i = end
            continue
        i += 1
    spans.append((start, n))
    sentences: list[Sentence] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            sentences.append(Sentence(len(sentences), s, e, text[s:e]))
    return sentences
