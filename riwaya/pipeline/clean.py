"""Cleaning: keep the article, drop what is not (menus, teasers, credits, repeats).

Cleaning works on whole lines, so every kept character is a character of the
decoded file (after NFC), and quotes map back to what the outlet published.
The rules are data (``boilerplate.jsonl``, ``sources.jsonl``); the heuristics
are language-neutral: runs of menu-like short lines and repeated paragraphs here,
what the shape of the lines gives away (teaser lists, link lines, galleries, lines
in another script, a damaged second copy of the body) in :mod:`riwaya.pipeline.maintext`;
what a line's place on the page gives away (a header's list, a related box inside the article,
outlet and dateline lines, labels above the headline, lines below the last paragraph, another
language in Arabic script) in :mod:`riwaya.pipeline.furniture`; other stories run on after the
article in :mod:`riwaya.pipeline.stories` (marked) and :mod:`riwaya.pipeline.coherence`
(unmarked teasers, off the article's topic).
"""

from __future__ import annotations

import functools
import re
import re._constants as _sre_c
import re._parser as _sre_parse
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from riwaya.codebook.model import BoilerplateRule, SourceRule
from riwaya.pipeline.coherence import REASON as TEASERS, Encode, unmarked_teasers
from riwaya.pipeline.furniture import BodyMeter, OutletLines, after_the_end, block_end, \
    continues_article, foreign_script, glued_to_paragraph, is_header, opens_another_story, \
    top_labels, writes_ya_as_alef_maksura
from riwaya.pipeline.listing import LISTING_HEADER
from riwaya.pipeline.maintext import SeenText, find_chrome
from riwaya.pipeline.posts import POSTS_HEADER, later_posts
from riwaya.pipeline.stories import DATE_LINE_MAX_WORDS, REASON as OTHER_STORY, StorySplitter, \
    is_date_line
from riwaya.text.normalize import normalize_form, normalize_letters
from riwaya.text.required import may_match, required_literals
from riwaya.text.safe_regex import compile_safe

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


@functools.lru_cache(maxsize=256)
def _reach(pattern: str) -> tuple[int | None, bool]:
    """How much of a line a rule anchored at its start can read: (its longest match, or None
    when unbounded or not anchored; whether it must also end the line). Long body lines are
    then searched in their first characters only, or not at all, for the same answer."""
    try:
        parsed = _sre_parse.parse(normalize_letters(pattern))
    except (re.error, RecursionError):
        return None, False
    items = list(parsed)
    if not items or items[0][0] != _sre_c.AT or items[0][1] != _sre_c.AT_BEGINNING:
        return None, False
    width = parsed.getwidth()[1]
    if width >= _sre_c.MAXREPEAT:
        return None, False
    ends = items[-1][0] == _sre_c.AT and items[-1][1] == _sre_c.AT_END
    return width, ends


def _matches(rx, pattern: str, form: str, data: bytes | None = None) -> bool:
    """Whether the rule matches; ``data``: ``form`` in UTF-8, as RE2 reads it (searched as
    bytes, the wrapper neither encodes the line again nor maps offsets back: same answer)."""
    reach, whole = _reach(pattern)
    if reach is None:
        return bool(rx.search(form.encode("utf-8") if data is None else data))
    if whole and len(form) > reach:
        return False
    if data is not None and len(form) <= reach + 1:
        return bool(rx.search(data))
    return bool(rx.search(form[:reach + 1].encode("utf-8")))


@functools.lru_cache(maxsize=8)
def _opening_rules(patterns: tuple[str, ...]) -> tuple[object, frozenset[int]]:
    """The rules that read a line's opening words (``^\\s*`` then words), in one RE2 pattern:
    a line none of them matches (most lines) is searched once for all of them."""
    group = frozenset(k for k, p in enumerate(patterns) if re.match(r"\^\\s\*[(\w]", p))
    if not group:
        return None, group
    joined = "|".join(f"(?:{normalize_letters(patterns[k])})" for k in sorted(group))
    return compile_safe(joined, ignore_case=True), group


@functools.lru_cache(maxsize=8)
def _needed(patterns: tuple[str, ...]) -> tuple:
    """Each rule's required words (:func:`riwaya.text.required.required_literals`, None: not
    known): a line holding none of a rule's is not searched with it (most lines, most rules)."""
    return tuple(required_literals(normalize_letters(p)) for p in patterns)


def _first_rule(bp_rules, opening, form: str, needed: tuple = ()):
    """The first rule matching a line's rule form (None: none does)."""
    rx_open, group = opening
    data = form.encode("utf-8")
    skip_group = rx_open is not None and not rx_open.search(data)
    for k, (rx, rule) in enumerate(bp_rules):
        if skip_group and k in group:
            continue
        if needed and not may_match(needed[k], form):
            continue
        if _matches(rx, rule.pattern, form, data):
            return rule
    return None


def _around_match(form: str, rule) -> tuple[str, str] | None:
    """The line's rule form before and after the rule's match (None when it does not match)."""
    data = form.encode("utf-8")
    m = rule.compiled.search(data)
    if m is None:
        return None
    return data[:m.start()].decode("utf-8", "ignore"), data[m.end():].decode("utf-8", "ignore")


def _glued_at_end(line: str, form: str, rule) -> bool:
    """The rule's match in the line's rule form comes after a paragraph of the article
    (:func:`riwaya.pipeline.furniture.glued_to_paragraph`)."""
    around = _around_match(form, rule)
    return around is not None and glued_to_paragraph(line, around[0])


def _story_after(form: str, rule) -> bool:
    """After the rule's match in the line's rule form, another story's headline and lead
    (:func:`riwaya.pipeline.furniture.opens_another_story`)."""
    around = _around_match(form, rule)
    return around is not None and opens_another_story(around[1])


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


@functools.lru_cache(maxsize=8)
def _outlets(agencies: frozenset[str]) -> OutletLines:
    return OutletLines.build(agencies)


def clean_text(raw: str, *, boilerplate: tuple[BoilerplateRule, ...] = (),
               sources: tuple[SourceRule, ...] = (), agencies: Iterable[str] = (),
               encode: Encode | None = None) -> Cleaned:
    """Clean one decoded article. ``agencies``: news agencies' names (the codebook's
    ``gazetteer.json`` ``news_agencies``), whose credit opening a line starts another story
    (:mod:`riwaya.pipeline.stories`); ``encode``: the sentence encoder that judges a suspected
    run of teasers (:mod:`riwaya.pipeline.coherence`; default: the pipeline's)."""
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

    # 1. boilerplate rules; once the article has begun, a header takes its list of links with
    #    it, and a related-stories header everything after it (unless the article goes on
    #    below its list: a box inside the article), see furniture.py; a listing's header (a
    #    tag archive's, a map site's feed: listing.LISTING_HEADER) every line from it on
    outlets = _outlets(frozenset(agencies))
    patterns = tuple(r.pattern for r in boilerplate)
    opening, needed = _opening_rules(patterns), _needed(patterns)
    body = BodyMeter()
    for i, line in enumerate(lines):
        if reasons[i]:
            continue
        form = form_of(i)
        rule = _first_rule(bp_rules, opening, form, needed)
        if rule is not None and rule.action == "drop_line" and _glued_at_end(line, form, rule):
            rule = None
        if rule is None:
            if outlets.is_outlet_line(line):
                reasons[i] = "dateline"
            else:
                body.add(line)
            continue
        reasons[i] = rule.reason
        if rule.reason == LISTING_HEADER and rule.action == "drop_rest":
            for j in range(i, len(lines)):    # a listing's header: no article below it
                reasons[j] = reasons[j] or rule.reason
                rest_dropped.add(j)
            break
        if not body.begun or not is_header(line) and rule.action != "drop_rest":
            continue
        end = block_end(lines, i) if is_header(line) and rule.reason != "site menu" else i + 1
        goes_on = end < len(lines) and continues_article(lines[end]) \
            and not (rule.action == "drop_rest" and _story_after(form, rule))
        rest = rule.action == "drop_rest" and not goes_on
        for j in range(i, len(lines) if rest else end):
            reasons[j] = reasons[j] or rule.reason
            if rest:
                rest_dropped.add(j)

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

    # 3b. short labels above the headline (a section's or a site's name), headline-like lines
    #     below the article's last paragraph (furniture.py)
    for i in top_labels(lines, [i for i in range(len(lines)) if not reasons[i]]):
        reasons[i] = "site label"
    for i in after_the_end(lines, [i for i in range(len(lines)) if not reasons[i]]):
        reasons[i] = "after the article"
    habitual = writes_ya_as_alef_maksura(lines)
    for i in range(len(lines)):
        if not reasons[i] and foreign_script(lines[i], habitual):
            reasons[i] = "not in the article's language"
    # 3c. other whole stories run on after the article (stories.py); a forum's posts after the
    #     first (posts.py)
    live = [i for i in range(len(lines)) if not reasons[i]]
    if POSTS_HEADER in reasons:
        for i in later_posts(lines, live):
            reasons[i] = OTHER_STORY
        live = [i for i in live if not reasons[i]]
    for i in _splitter(frozenset(agencies)).other_stories(lines, live):
        reasons[i] = OTHER_STORY
    # 3c'. leads of other stories with no heading at the page's end (coherence.py)
    live = [i for i in live if not reasons[i]]
    for i in unmarked_teasers(lines, live, encode):
        reasons[i] = TEASERS
    # 3d. lines that are only a date or a time stamp (after the splitter, which reads them)
    for i in live:
        if not reasons[i] and _words(lines[i]) <= DATE_LINE_MAX_WORDS and is_date_line(lines[i]):
            reasons[i] = "date line"

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
