"""Towns named in lists, per article: a labelled list's item labels ("جرابلس : تقع ..."),
quotations that only list names, runs of names joined by و or commas, and a town listed after
a place across one-word names the gazetteer lacks ("في أبو الظهور ومنخ وتفتناز"). A name in one of
them is a place (a run of common words that are all place names is rare); used by
:mod:`riwaya.pipeline.place_judge`."""

from __future__ import annotations

import re

from riwaya.pipeline.place_evidence import NOT_IN_LIST, listed_after
from riwaya.text.matcher import Match, NormText

#: a list item's label: one to three words and a colon opening a line ("جرابلس :", "العراق -
#: تكريت :"); LABELLED_LINES such lines make a list whose labels are places named, no datelines
_LABEL = re.compile(r"(?m)^[^\S\n]*[^\W\d_]{2,}(?:[^\S\n]*[-–—]?[^\S\n]*[^\W\d_]{2,}){0,2}"
                    r"[^\S\n]*:")
LABELLED_LINES = 3
_LABEL_ITEM = re.compile(r"(?:^[^\S\n]*|[-–—][^\S\n]*)([^\W\d_]{2,})")
#: a run of LIST_RUN names or more joined by و or commas and nothing else ("باريس وبروكسل ونيس
#: ومانشستر"): each is a place (a run of common words that are all place names is rare)
LIST_RUN = 3
#: a quotation that is only a list of LIST_RUN items or more, of at most QUOTED_ITEM_WORDS words
#: each (" جرف الصخر وبيجي وتكريت وامرلي "): the places it names are places
_QUOTED = re.compile(r"[\"«“]([^\"«»“”\n.:;؛!?؟]{3,600})[\"»”]")
_ITEM_SEPARATOR = re.compile(r"\s*[,،]\s*|\s+و(?=\S)|\s+و\s+")
QUOTED_ITEM_WORDS = 3
#: names the gazetteer lacks that a list may hold between two it knows ("أبو الظهور ومنخ وتفتناز")
UNKNOWN_ITEMS = 2


def list_labels(text: NormText) -> list[tuple[int, int]]:
    """The spans of the labels of a labelled list's items ("جرابلس : تقع ...", "العراق - تكريت :
    ..."), when :data:`LABELLED_LINES` lines or more open with one; else none."""
    labels = list(_LABEL.finditer(text.original))
    if len(labels) < LABELLED_LINES:
        return []
    # the label's first word, and each word after a dash: "وقال البطريرك الراعي :" opens a
    # quotation, and its third word is a name, not a label
    return [(m.start() + w.start(1), m.start() + w.end(1)) for m in labels
            for w in _LABEL_ITEM.finditer(m.group())]


def quoted_lists(text: NormText) -> list[tuple[int, int]]:
    """The spans of quotations that are only lists of names (:data:`LIST_RUN` items or more,
    joined by و or commas, :data:`QUOTED_ITEM_WORDS` words or fewer each)."""
    out = []
    for m in _QUOTED.finditer(text.original):
        items = [p for p in _ITEM_SEPARATOR.split(" " + m.group(1)) if p.strip()]
        if len(items) >= LIST_RUN and all(len(p.split()) <= QUOTED_ITEM_WORDS for p in items):
            out.append(m.span(1))
    return out


def list_runs(text: NormText, places: list[Match]) -> set[int]:
    """The starts of the names in runs of :data:`LIST_RUN` names or more, each listed right
    after the one before (:func:`listed_after`); ``places`` in text order."""
    out: set[int] = set()
    run: list[Match] = []
    for m in places:
        if run and not listed_after(text, m, run[-1]):
            if len(run) >= LIST_RUN:
                out.update(x.start for x in run)
            run = []
        run.append(m)
    if len(run) >= LIST_RUN:
        out.update(x.start for x in run)
    return out


def listed_across(text: NormText, m: Match, prev: Match | None) -> bool:
    """The match follows ``prev`` in a list across at most :data:`UNKNOWN_ITEMS` one-word items
    the gazetteer lacks, each joined by و ("في أبو الظهور ومنخ وتفتناز والقصير")."""
    if prev is None or not 0 < m.first - prev.last <= UNKNOWN_ITEMS \
            or NOT_IN_LIST.search(text.original, prev.end, m.start) \
            or "(" in text.original[prev.end:m.start]:
        return False
    words = [t.norm for t in text.tokens[prev.last:m.first + 1] if any(c.isalpha() for c in t.norm)]
    return len(words) == m.first - prev.last + 1 and all(w[:1] == "و" and len(w) > 2 for w in words)
