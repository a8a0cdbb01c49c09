"""Cleaning: keep the article, drop what is not (menus, teasers, credits, repeats).

Cleaning works on whole lines, so every kept character is a character of the
decoded file (after NFC), and quotes map back to what the outlet published.
The rules are data (``boilerplate.jsonl``, ``sources.jsonl``); the heuristics
are language-neutral: runs of menu-like short lines and repeated paragraphs here,
what the shape of the lines gives away (teaser lists, link lines, galleries, lines
in another script, a damaged second copy of the body) in :mod:`riwaya.pipeline.maintext`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from riwaya.codebook.model import BoilerplateRule, SourceRule
from riwaya.pipeline.maintext import SeenText, find_chrome
from riwaya.pipeline.stories import REASON as OTHER_STORY, StorySplitter
from riwaya.text.normalize import normalize_form, normalize_letters

SENTENCE_END = tuple(".!?؟:؛…»”\"")
MIN_REPEAT_CHARS = 20
MENU_RUN = 3
MAX_HEADLINE_WORDS = 25
DATELINE_WITHIN_LINES = 5


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    removed: list[dict[str, str]] = field(default_factory=list)
    source: str | None = None
    source_basis: str | None = None
    credits: list[str] = field(default_factory=list)


def _line_form(line: str) -> str:
    """A line as the rules see it: compatibility forms folded, then the letter-level steps."""
    return normalize_letters(unicodedata.normalize("NFKC", line))


def _compile(rules) -> list[tuple[object, object]]:
    """(compiled pattern, rule): the codebook compiled each pattern once, with RE2."""
    return [(r.compiled, r) for r in rules]


def _words(line: str) -> int:
    return len(line.split())


def _is_menu_like(line: str) -> bool:
    s = line.strip()
    return 0 < _words(s) <= 3 and not s.endswith(SENTENCE_END) and len(s) <= 30


def _as_written(line: str, form: str, m, group: str) -> str:
    """A matched group as the line writes it (the same span when normalising kept the length)."""
    if len(form) == len(line):
        index = m.re.groupindex[group]   # RE2's match takes group numbers, not names
        return line[m.start(index):m.end(index)].strip()
    return (m.group(group) or "").strip()


@functools.lru_cache(maxsize=8)
def _splitter(agencies: frozenset[str]) -> StorySplitter:
    return StorySplitter.build(agencies)


def clean_text(raw: str, *, boilerplate: tuple[BoilerplateRule, ...] = (),
               sources: tuple[SourceRule, ...] = (), agencies: Iterable[str] = ()) -> Cleaned:
    """Clean one decoded article. ``agencies``: news agencies' names (the codebook's
    ``gazetteer.json`` ``news_agencies``), whose credit opening a line starts another story
    (:mod:`riwaya.pipeline.stories`)."""
    if not isinstance(raw, str):
        raise TypeError(f"Expected str, got {type(raw).__name__} instead")
    text = unicodedata.normalize("NFC", raw)
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    bp_rules = _compile(boilerplate)
    src_rules = _compile(sources)
    out = Cleaned(text="")
    reasons: list[str | None] = [None] * len(lines)

    rest_dropped: set[int] = set()
    forms: dict[int, str] = {}   # each line's rule form, worked out once (steps 1 and 3)

    def form_of(i: int) -> str:
        if i not in forms:
            forms[i] = _line_form(lines[i])
        return forms[i]

    # 1. boilerplate rules (a related-stories header drops everything after it)
    for i, line in enumerate(lines):
        if reasons[i]:
            continue
        form = form_of(i)
        for rx, rule in bp_rules:
            if rx.search(form):
                if rule.action == "drop_rest":
                    for j in range(i, len(lines)):
                        reasons[j] = reasons[j] or rule.reason
                        rest_dropped.add(j)
                else:
                    reasons[i] = rule.reason
                break

    # 2. runs of menu-like short lines (site menus, tag lists, link lists)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and not reasons[j] and _is_menu_like(lines[j]):
            j += 1
        if j - i >= MENU_RUN:
            for k in range(i, j):
                reasons[k] = "site menu"
        i = max(j, i + 1)
    # 2b. what the shape of the lines gives away: teaser lists, links, galleries (maintext.py)
    for k, reason in find_chrome(lines, reasons).items():
        reasons[k] = reasons[k] or reason

    # 3. lines that reveal the outlet or credits (and are not article text), outside
    #    related-story lists and menus; a dateline is one of the first lines left
    position = 0
    for i, line in enumerate(lines):
        if i in rest_dropped or reasons[i] == "site menu":
            continue
        position += 1
        form = form_of(i)
        for rx, rule in src_rules:
            if rule.basis == "dateline" and (position > DATELINE_WITHIN_LINES or len(line) > 60):
                continue
            m = rx.search(form)
            if not m:
                continue
            groups = m.groupdict()
            if groups.get("source") and out.source is None:
                out.source = _as_written(line, form, m, "source")
                out.source_basis = rule.basis
            if groups.get("credit"):
                out.credits.append(line)
            if rule.basis == "dateline" and not m.group(0).strip() == form.strip():
                break  # dateline prefix inside a body line: keep the line
            reasons[i] = rule.basis
            break

    # 3b. other whole stories run on after the article (stories.py)
    live = [i for i in range(len(lines)) if not reasons[i]]
    for i in _splitter(frozenset(agencies)).other_stories(lines, live):
        reasons[i] = OTHER_STORY

    # 4. headline, and repeated paragraphs (a body carried twice, a headline repeated)
    kept_idx = [i for i in range(len(lines)) if not reasons[i]]
    if len(kept_idx) > 1:
        first = lines[kept_idx[0]]
        if not first.endswith(SENTENCE_END) and _words(first) <= MAX_HEADLINE_WORDS:
            out.title = first
    seen: set[str] = set()
    seen_text = SeenText()
    # a line can only repeat an earlier one: the first line is not compared and the last is
    # not remembered (a long one-line article is normalised here not at all)
    for n, i in enumerate(kept_idx):
        first, last = n == 0, n == len(kept_idx) - 1
        if first and last:
            break
        key = normalize_form(lines[i])
        if key in seen and len(key) >= MIN_REPEAT_CHARS:
            reasons[i] = "repeated paragraph"
            continue
        if not first and seen_text.is_copy(lines[i]):
            reasons[i] = "repeated paragraph (damaged copy)"
            continue
        if not last:
            seen.add(key)
            seen_text.add(lines[i])

    out.removed = [{"text": lines[i], "reason": reasons[i]} for i in range(len(lines)) if reasons[i]]
    out.text = "\n".join(lines[i] for i in range(len(lines)) if not reasons[i])
    return out
