"""The shapes of a page's lines that :mod:`riwaya.pipeline.stories` reads to tell where another
story starts: paragraphs, an article gone on past its lead, a headline over its lead or over a
date line, a sentence ending with the page's own title."""

from __future__ import annotations

from riwaya.pipeline.furniture import opens_with_conjunction
from riwaya.pipeline.listing import DATE_LINE_MAX_WORDS, _titled, is_date_line
from riwaya.pipeline.maintext import SENTENCE_END, is_headline_like
from riwaya.text.clitics import CONJUNCTIONS
from riwaya.text.normalize import normalize_form

#: before :data:`LEAD_LINES`, the article above a split has this many paragraphs (a page whose
#: first kept lines are chrome keeps its story); above an agency's header (anywhere), this many
#: below the page's first kept line (the headline, often glued to the site's chrome and the
#: lead), one going on with و/ف: an agency's credit after a headline, a summary, a caption or
#: chrome opens the article's own body ("( شينخوا ) دمشق 8 سبتمبر / أطلق ...", "( CNN ) - -")
EARLY_PARAGRAPHS = 2
#: a header line goes on with the story's lead: at least this many words
HEADER_MIN_WORDS = 12
#: a headline over a lead: its words
HEADLINE_MIN_WORDS = 5
#: words of the page's title ending the sentence before a story inside a line: the page's own
TITLE_WORDS = 4
def ends_with_title(before: str, title: str) -> bool:
    """The (normalised) text ``before`` ends with :data:`TITLE_WORDS` words of ``title`` in a
    row."""
    words = before.split()[-TITLE_WORDS:]
    return len(words) == TITLE_WORDS and f" {' '.join(words)} " in f" {normalize_form(title)} "


def paragraphs(lines: list[str], kept: list[int]) -> int:
    """How many of the ``kept`` lines are paragraphs (of :data:`HEADER_MIN_WORDS` words or more,
    ending a sentence)."""
    return sum(len(lines[i].split()) >= HEADER_MIN_WORDS and lines[i].rstrip().endswith(SENTENCE_END)
               for i in kept)


def gone_on(lines: list[str], kept: list[int]) -> bool:
    """The ``kept`` lines (below the page's first) are an article past its lead:
    :data:`EARLY_PARAGRAPHS` paragraphs, one of them going on with و/ف (a summary and a
    caption above an agency's credit are not)."""
    return paragraphs(lines, kept) >= EARLY_PARAGRAPHS \
        and any(opens_with_conjunction(lines[i]) for i in kept)


def over_date_line(lines: list[str], live: list[int], pos: int) -> bool:
    """Line ``pos`` is only a date and the kept line before it a headline (the cheap tests
    first: most lines are long)."""
    return pos >= 1 and len(lines[live[pos]].split()) <= DATE_LINE_MAX_WORDS \
        and _titled(lines[live[pos - 1]]) and is_date_line(lines[live[pos]])


def headline_over_lead(lines: list[str], live: list[int], pos: int) -> bool:
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
