"""Ticker lines: short headlines glued into one line, each after its own date and time stamp
("2018 - 01 - 05 16 : 12 : 51 أفاد مراسل … 2018 - 01 - 05 15 : 18 : 37 أطلق المصور …"). A
speaker's content ends at the next stamp: what follows is another item, not what was said; a
content before its cue (post-posed attribution) begins after the last stamp before it."""

from __future__ import annotations

import re

from riwaya.pipeline.statements.model import Cue
from riwaya.text.matcher import NormText

#: a date with its time of day, as a feed stamps its items (spaced or not): 2018-01-05 16:12
STAMP_RE = re.compile(r"\d{4}\s*[-/]\s*\d{1,2}\s*[-/]\s*\d{1,2}\s+\d{1,2}\s*:\s*\d{2}")


def stamps(text: NormText, lo: int, hi: int) -> list[tuple[int, int]]:
    """The token ranges of the stamps in tokens ``[lo, hi)``."""
    if hi <= lo:
        return []
    start, end = text.tokens[lo].start, text.tokens[hi - 1].end
    out = []
    for m in STAMP_RE.finditer(text.original, start, end):
        # the tokens overlapping the stamp, found by bisection (the tokens are in text order)
        first = text.token_at_or_after(m.start())
        if first > 0 and text.tokens[first - 1].end > m.start():
            first -= 1
        first, last = max(first, lo), min(text.token_at_or_after(m.end()), hi)
        if first < last:
            out.append((first, last))
    return out


def cut_at_stamps(text: NormText, cues: list[Cue], lo: int, hi: int) -> None:
    """Cut each cue's content at the stamps of a ticker line (see the module's note)."""
    found = stamps(text, lo, hi)
    if not found:
        return
    for cue in cues:
        if cue.content_first >= cue.last:   # said after the cue
            ends = [a for a, _ in found if cue.content_first <= a < cue.content_last]
            if ends:
                cue.content_last = max(cue.content_first, min(ends))
        elif cue.content_last <= cue.first:     # said before the cue
            starts = [b for _, b in found if cue.content_first < b <= cue.content_last]
            if starts:
                cue.content_first = min(cue.content_last, max(starts))
