"""Page furniture that only the lines around a line give away (for :mod:`riwaya.pipeline.clean`).

The codebook's line rules (``boilerplate.jsonl``) say what a line *is* (a related-stories
header, a share widget); whether it ends the article, heads a short list inside it, or sits in
the page's header above the article depends on where it is. Every rule here is structural, the
words are data:

- *the article has begun*: a kept line of :data:`MIN_BODY_WORDS` words or more that ends a
  sentence above a line (:class:`BodyMeter`); a header above that (a sidebar's "most read" printed before the
  story) removes its own line only, never the article below it;
- *a header's list*: a short header line (:data:`HEADER_WORDS` words or fewer, no sentence end)
  removed by a rule, after the article has begun, takes the headline-like lines right below it
  (its list of links); a "drop the rest" header ends the page unless the line after its list
  goes on with the article (a paragraph opening with و/ف that ends a sentence: a related box
  inserted mid-article, :func:`block_end`), or unless its own line goes on, after the match,
  with another story's headline and lead (:func:`opens_another_story`: the lines below are that
  story's);
- *outlet lines*: a short line made of a news outlet's or agency's name (the codebook's
  ``news_agencies``), perhaps with a dateline's place, separators and quotes ("لندن: «الشرق
  الأوسط»", "عمان-الغد-", "بغداد / الأناضول", "الميادين نت"), :class:`OutletLines`;
- *top labels*: above the article's headline, short labels (a section's or site's name) of
  :data:`LABEL_WORDS` words or fewer (:func:`top_labels`);
- *another language in Arabic script*: a line with :data:`FOREIGN_WORDS` words or more spelled
  as Arabic never spells, with an alef maksura inside the word (سىبر، بهترىن: Persian whose ی
  was folded to ى), a block in another language scraped with the page (:func:`foreign_script`);
- *the page's end*: below the article's last paragraph, headline-like lines (teasers, tags,
  a byline, a list of two links with no header) are not the article (:func:`after_the_end`);
- *furniture glued to a paragraph*: a line rule's match (a copyright footer, a comment prompt)
  after :data:`GLUED_PARAGRAPH_WORDS` words of a line that goes on with the article (opening
  with و/ف): the scraper ran the article's last paragraph and the footer together; the line is
  the article's and kept whole (:func:`glued_to_paragraph`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from riwaya.pipeline.maintext import SENTENCE_END, is_headline_like
from riwaya.text.clitics import CONJUNCTIONS
from riwaya.text.normalize import normalize_form

MIN_BODY_WORDS = 8
BODY_LINE_WORDS = 8
HEADER_WORDS = 4
LIST_MAX_LINES = 12
CONTINUATION_WORDS = 12
OUTLET_LINE_WORDS = 8
#: words after a "drop the rest" header's match, on its line, of another story glued to it
GLUED_STORY_WORDS = 12
#: words of the article's paragraph before furniture glued to its end
GLUED_PARAGRAPH_WORDS = 40
_EXCERPT_MARK = re.compile(r"\.\s*\.\s*\.|…")
OUTLET_PLACE_WORDS = 3
LABEL_WORDS = 3
FOREIGN_WORDS = 3
_FOREIGN = re.compile(r"ى[\u0621-\u064A]")
#: an Arabic line has this share of words with the article or more (Persian has next to none)
ARTICLE_SHARE = 0.1
HABIT_LINES = 3
_ARTICLE = re.compile(r"^(?:[وف]?(?:[بكل]|)?)(?:ال|لل)[\u0621-\u064A]{2,}")
#: what an outlet line may carry besides the outlet's name and a place
_SEPARATORS = re.compile(r"[-–—:：/|،,«»\"“”()\[\]*.]")
_WEB_WORDS = frozenset({"نت", "net", "com", "عربي", "arabic", "نيوز", "news", "اونلاين", "online"})


def _words(line: str) -> int:
    return len(line.split())


def is_body_line(line: str) -> bool:
    """A paragraph of the article: long enough and ending a sentence."""
    s = line.strip()
    return _words(s) >= BODY_LINE_WORDS and s.endswith(SENTENCE_END)


class BodyMeter:
    """Words of body lines seen so far, in page order: has the article begun?"""

    def __init__(self) -> None:
        self.words = 0

    def add(self, line: str) -> None:
        if is_body_line(line):
            self.words += _words(line)

    @property
    def begun(self) -> bool:
        return self.words >= MIN_BODY_WORDS


def is_header(line: str) -> bool:
    """A short heading line (a related block's, a ticker's) that does not end a sentence."""
    s = line.strip()
    return 0 < _words(s) <= HEADER_WORDS and not s.endswith(tuple(".!?؟"))


def block_end(lines: list[str], start: int, skip: set[int] | frozenset[int] = frozenset()) -> int:
    """The index after the list a header at ``start`` heads: the headline-like lines below it
    (``skip``: lines already removed, passed over)."""
    j = start + 1
    taken = 0
    while j < len(lines) and taken < LIST_MAX_LINES and (j in skip or is_headline_like(lines[j])):
        taken += j not in skip
        j += 1
    return j


def opens_with_conjunction(line: str) -> bool:
    """The line's first word carries و/ف (of more than two letters: not في, whose ف is no
    conjunction)."""
    first = normalize_form(line).split()[:1]
    return bool(first) and first[0][:1] in CONJUNCTIONS and len(first[0]) > 2


def continues_article(line: str) -> bool:
    """A paragraph that goes on with the article: opens with و/ف and ends a sentence."""
    s = line.strip()
    return _words(s) >= CONTINUATION_WORDS and s.endswith(SENTENCE_END) \
        and opens_with_conjunction(s)


def opens_another_story(after: str) -> bool:
    """The text ``after`` a header's match on its line is another story's headline and lead
    glued to the box: :data:`GLUED_STORY_WORDS` words or more, the first not going on with و/ف
    (a box's header whose link lost its text, "اقرأ أيضا : وقال ...", is followed by the article)."""
    words = after.split()
    return len(words) >= GLUED_STORY_WORDS and words[0] not in ("و", "ف") \
        and not opens_with_conjunction(words[0])


def glued_to_paragraph(line: str, before: str) -> bool:
    """Furniture whose match in ``line`` comes after ``before`` (the line's text up to the
    match) is glued to a paragraph of the article: the line opens going on with the article
    (a word with و/ف) and ``before`` holds :data:`GLUED_PARAGRAPH_WORDS` words or more, none
    of them cut short by an excerpt mark (". . .", "…": teasers run together, no paragraph)."""
    return opens_with_conjunction(line) and _words(before) >= GLUED_PARAGRAPH_WORDS \
        and not _EXCERPT_MARK.search(before)


@dataclass(frozen=True)
class OutletLines:
    """Short lines that are a news outlet's name with at most a dateline's place."""

    names: re.Pattern | None

    @classmethod
    def build(cls, outlets: Iterable[str]) -> "OutletLines":
        forms = sorted({normalize_form(o) for o in outlets if o and o.strip()},
                       key=len, reverse=True)
        if not forms:
            return cls(None)
        alternatives = "|".join(re.escape(f).replace(r"\ ", r"\s*") for f in forms)
        return cls(re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"))

    def is_outlet_line(self, line: str) -> bool:
        """"لندن: «الشرق الأوسط»", "عمان-الغد-", "الميادين نت", not "ترامب: «لن نسمح»"."""
        if self.names is None or _words(line) > OUTLET_LINE_WORDS:
            return False
        form = normalize_form(line)
        if not self.names.search(form):
            return False
        rest = self.names.sub(" ", form)
        rest_words = [w for w in _SEPARATORS.sub(" ", rest).split()
                      if w not in _WEB_WORDS and not w.isdigit()]
        alone = not rest_words
        dateline = len(rest_words) <= OUTLET_PLACE_WORDS and bool(_SEPARATORS.search(form))
        return alone or dateline


def top_labels(lines: list[str], live: list[int]) -> list[int]:
    """Short labels above the article's headline: the headline-like lines of at most
    :data:`LABEL_WORDS` words before the first body line, but the last line above it (the
    headline)."""
    first_body = next((p for p, i in enumerate(live) if is_body_line(lines[i])), None)
    if first_body is None or first_body < 2:
        return []
    above = live[:first_body - 1]
    return [i for i in above if is_headline_like(lines[i]) and _words(lines[i]) <= LABEL_WORDS]


def after_the_end(lines: list[str], live: list[int]) -> list[int]:
    """The headline-like lines below the last body line (none on a page without one)."""
    last = next((p for p in range(len(live) - 1, -1, -1) if is_body_line(lines[live[p]])), None)
    if last is None:
        return []
    return [i for i in live[last + 1:] if is_headline_like(lines[i])]



def foreign_script(line: str, habitual: bool = False) -> bool:
    """A line with :data:`FOREIGN_WORDS` words spelled as no Arabic word is (a medial ى). On a
    page whose writer types ى for ي (``habitual``: :func:`writes_ya_as_alef_maksura`), a line
    with :data:`ARTICLE_SHARE` of its words or more carrying Arabic's article (ال) is Arabic
    ("كىف تقىمون مسار عملىات تحرىر الموصل"); Persian has next to none."""
    words = line.split()
    if sum(1 for w in words if _FOREIGN.search(w)) < FOREIGN_WORDS:
        return False
    if not habitual:
        return True
    return sum(1 for w in words if _ARTICLE.match(w)) < ARTICLE_SHARE * len(words)


def writes_ya_as_alef_maksura(lines: list[str]) -> bool:
    """:data:`HABIT_LINES` lines or more of the page hold a word with a medial ى: the writer's
    habit (an Iranian outlet's Arabic), not a foreign block pasted into one line."""
    return sum(1 for line in lines if _FOREIGN.search(line)) >= HABIT_LINES
