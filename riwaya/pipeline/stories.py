"""Pages that run several stories together: where the page's main story ends.

Some outlets print, below their article, whole other stories (other outlets' versions of the
same news, the agency wire it was written from) with no "related" heading between them. Their
places and statements are not the article's. :class:`StorySplitter` finds where the first
other story begins among the lines the cleaner kept, from these signals:

- *a story header*: a line, after the article's first :data:`LEAD_LINES` lines, that opens with
  a news agency's credit followed by a colon, dash or bracket, perhaps after a dateline's place
  and an opening bracket ("( وكالات العرب اليوم : الأكراد يطردون ...", "دمشق - سانا : ...",
  "رويترز - ..."); the agencies are the codebook's (``gazetteer.json`` ``news_agencies``);
- *a dateline*: a line of :data:`HEADER_MIN_WORDS` words or more, after the lead, opening with
  one or two words (perhaps two places: "موسكو , القدس المحتلة") and a dash, the next word not a
  nisba adjective ("بيروت - قالت مصادر ...", not "مباحثات أميركية - إسرائيلية"): another story's
  dateline (:data:`DATELINE`);
- *a byline inside a line*: excerpts glued together, a later line carrying, after words of its
  own, another story's byline: an outlet, a dash, a writer and a colon, or a dateline's place,
  a dash, an outlet and a colon (:meth:`StorySplitter.has_byline`);
- *a headline over a date line*: a headline-like line (short, no sentence end) after the lead,
  followed by a line that is only a date (perhaps with a weekday, a time or "نشر في"): the next
  story's headline and publication line (a timeline's dates, after paragraphs, are not);
- *a headline over a lead*: a headline-like line of :data:`HEADLINE_MIN_WORDS` words or more
  after the lead, followed by a paragraph that does not continue the one before (it opens
  without و/ف): another story's headline and first paragraph (the article's own crossheads are
  shorter);
- *a retelling*: the stories after a header repeat sentences (word trigrams, :data:`COPY_SHARE`
  of a sentence) of lines before the header: those lines are a version of the same other story
  (another outlet's), so the split moves back to the first repeated line, never into the
  article's lead.

The main story is the one the page opens with (the title and first paragraph are about it);
every line from the first other story on is marked, with :data:`REASON`, provided the article
left before it has :data:`MIN_ARTICLE_WORDS` words or more (a page whose first kept lines are
chrome keeps its story). Measured on the tuning pages: the sentence encoder does not tell these
stories apart (they are about the same event; a line's similarity to the lead is the same before
and after the split), so the splitter is lexical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from riwaya.pipeline.dates import find_dates
from riwaya.pipeline.maintext import SENTENCE_END, is_headline_like
from riwaya.text.clitics import CONJUNCTIONS
from riwaya.text.normalize import normalize_form

REASON = "another story on the page"
#: the article's own first lines (its headline, dateline and lead): never another story
LEAD_LINES = 5
#: a header line goes on with the story's lead: at least this many words
HEADER_MIN_WORDS = 12
#: words of a dateline's place before the agency, words of an outlet name after it
PLACE_WORDS = 3
AFTER_WORDS = 3
#: a sentence of at least COPY_MIN_TRIGRAMS word trigrams, COPY_SHARE of them seen before
COPY_MIN_TRIGRAMS = 8
COPY_SHARE = 0.5
#: a date line: what is left without its dates has at most DATE_LINE_WORDS words
DATE_LINE_WORDS = 3
DATE_LINE_MAX_WORDS = 12
HEADLINE_MIN_WORDS = 5
#: words of a writer's name in a byline inside a line (:meth:`StorySplitter.has_byline`)
BYLINE_WORDS = 3
_QUOTES_DASHES = re.compile(r"[\s\"«»“”\-–—]+$")
MIN_ARTICLE_WORDS = 60
_SENTENCE = re.compile(r"(?<=[.!?؟])\s+")
_NUMERIC_DATE = re.compile(r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
                           r"|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}")
_WORD = re.compile(r"[^\W\d_]{2,}")
_PLACE = r"[^\W\d_]{2,}(?:\s+[^\W\d_]{2,})?"
#: a dateline opening a paragraph: one or two places, a dash, a word that is not a nisba
DATELINE = re.compile(rf"^\s*{_PLACE}(?:\s*[,،]\s*{_PLACE})?\s*[-–—]+\s*(?![^\W\d_]*(?:ية|ي)\b)\S")


def is_date_line(line: str) -> bool:
    """A line that is only a date: "الأحد 19 تشرين الثاني 2017", "18/11/2017 - 10:30"."""
    if not isinstance(line, str):
        raise TypeError(f"Expected str, got {type(line).__name__} instead")
    rest = _NUMERIC_DATE.sub(" ", line)
    found = find_dates(rest)
    if not found and rest == line:
        return False
    for d in reversed(found):
        rest = rest[:d.start] + " " + rest[d.end:]
    return len(_WORD.findall(rest)) <= DATE_LINE_WORDS


def _expect_lines(lines: object) -> None:
    if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
        raise TypeError(f"Expected a list of str lines, got {type(lines).__name__} instead")


def _trigrams(sentence: str) -> set[tuple[str, ...]]:
    w = normalize_form(sentence).split()
    return {tuple(w[k:k + 3]) for k in range(len(w) - 2)}


def _sentences(line: str) -> list[str]:
    return [s for s in _SENTENCE.split(line) if s.strip()]


@dataclass(frozen=True)
class StorySplitter:
    """The story-header pattern, compiled once from a codebook's news agencies."""

    header: re.Pattern | None
    byline: re.Pattern | None = None

    @classmethod
    def build(cls, agencies: Iterable[str]) -> "StorySplitter":
        names = sorted({normalize_form(a) for a in agencies if a and a.strip()}, key=len,
                       reverse=True)
        if not names:
            return cls(None)
        alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s*") for n in names)
        word = r"[^\s:()\-–—]+"
        agency = rf"(?:{alternatives})"
        place = rf"{word}(?:\s+{word}){{0,{PLACE_WORDS - 1}}}"
        after = rf"(?:\s+{word}){{0,{AFTER_WORDS}}}\s*[:\-–—)]"
        byline = re.compile(
            # "... القدس العربي - منهل باريش : كسرت ...": an outlet, a writer, a colon
            rf"(?<=\S)\s+(?P<outlet>{agency})\s*[\"»”]?\s*[-–—]+\s*"
            rf"{word}(?:\s+{word}){{0,{BYLINE_WORDS - 1}}}\s*:\s*\S"
            # "... لندن – « القدس العربي » : أعلنت ...": a dateline's place, an outlet, a colon
            rf"|(?<=\S)\s+{word}\s*[-–—]+\s*[\"«“]?\s*(?P<dated>{agency})\s*[\"»”]?\s*:\s*\S")
        return cls(re.compile(
            # "( وكالات العرب اليوم :", "دمشق - سانا :", "بيروت ( أ ف ب ) -": opened by a bracket or
            # a dateline's place, the agency may carry an outlet's words
            rf"^\s*(?:(?:{place}\s*)?\(|{place}\s*[-–—,،]\s*\(?)\s*{agency}{after}"
            # "رويترز - ...": alone, the agency's name is followed by its separator right away
            # (not "وكالات الإغاثة :", relief agencies)
            rf"|^\W{{0,3}}{agency}\s*[:\-–—)]"), byline)

    def is_header(self, line: str) -> bool:
        """A line opening with an agency's credit and going on with a lead, as another story's
        first line does (of :data:`HEADER_MIN_WORDS` words or more: a photo's credit, "صورة
        أرشيفية ( رويترز )", is not one)."""
        return len(line.split()) >= HEADER_MIN_WORDS and bool(
            self.header and self.header.match(normalize_form(line)))

    def has_byline(self, line: str) -> bool:
        """A line with another story's byline inside it, after words of its own (excerpts glued
        together): an outlet's name, a dash, a writer's name of at most :data:`BYLINE_WORDS`
        words and a colon ("... القدس العربي - منهل باريش : كسرت قوات ..."), or a dateline's
        place, a dash, an outlet and a colon ("... لندن – « القدس العربي » : أعلنت ..."); not a
        quote's credit ("قال ل - « الشرق الأوسط » - مصدر :", the outlet after ل is who was
        told)."""
        if self.byline is None or len(line.split()) < HEADER_MIN_WORDS:
            return False
        form = normalize_form(line)
        for m in self.byline.finditer(form):
            outlet = "outlet" if m.group("outlet") else "dated"
            before = _QUOTES_DASHES.sub("", form[:m.start(outlet)]).split()
            if not before:
                continue
            told = before[-1] == "ل" or (outlet == "outlet" and before[-1].startswith("ل"))
            if not told:
                return True
        return False

    @staticmethod
    def is_dateline(line: str) -> bool:
        """A line of :data:`HEADER_MIN_WORDS` words or more opening with a dateline
        (:data:`DATELINE`)."""
        return len(line.split()) >= HEADER_MIN_WORDS and bool(DATELINE.match(line))

    def other_stories(self, lines: list[str], live: list[int]) -> list[int]:
        """The indices (among ``live``, the kept lines in order) from the first other story on."""
        _expect_lines(lines)
        for pos in range(LEAD_LINES, len(live)):
            line = lines[live[pos]]
            if self.is_header(line):
                start = min(pos, _retold_from(lines, live, pos))
            elif self.is_dateline(line) or self.has_byline(line):
                start = pos             # (a copy of the article itself starts here too)
            elif len(line.split()) <= DATE_LINE_MAX_WORDS and is_headline_like(
                    lines[live[pos - 1]]) and is_date_line(line):
                start = pos - 1
            elif _headline_over_lead(lines, live, pos):
                start = pos
            else:
                continue
            if sum(len(lines[i].split()) for i in live[:start]) >= MIN_ARTICLE_WORDS:
                return live[start:]
        return []


def _headline_over_lead(lines: list[str], live: list[int], pos: int) -> bool:
    """Line ``pos`` is a headline of :data:`HEADLINE_MIN_WORDS` words or more, and the next
    kept line a paragraph that opens a story (not with و/ف, not a headline itself, ending a
    sentence: on a page without punctuation every line looks like a headline)."""
    line = lines[live[pos]]
    if pos + 1 >= len(live) or len(line.split()) < HEADLINE_MIN_WORDS or not is_headline_like(line):
        return False
    lead = lines[live[pos + 1]].strip()
    first = normalize_form(lead).split()[:1]
    return lead.endswith(SENTENCE_END) and not is_headline_like(lead) and bool(first) \
        and first[0][:1] not in CONJUNCTIONS


def _retold_from(lines: list[str], live: list[int], header: int) -> int:
    """The position of the first line before ``header`` (not in the lead) whose sentences the
    lines from ``header`` on repeat; ``header`` when none is repeated."""
    first_seen: dict[tuple[str, ...], int] = {}
    for pos in range(LEAD_LINES, header):
        for sentence in _sentences(lines[live[pos]]):
            for gram in _trigrams(sentence):
                first_seen.setdefault(gram, pos)
    start = header
    for pos in range(header, len(live)):
        for sentence in _sentences(lines[live[pos]]):
            grams = _trigrams(sentence)
            if len(grams) < COPY_MIN_TRIGRAMS:
                continue
            hits = [first_seen[g] for g in grams if g in first_seen]
            if len(hits) >= COPY_SHARE * len(grams):
                start = min(start, max(set(hits), key=hits.count))
    return start
