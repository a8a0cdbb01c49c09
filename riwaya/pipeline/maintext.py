"""Finding the article in a plain-text scraped page: line features, no language rules.

A scraped page is the article plus what the site wraps around it: menus, lists of teaser
headlines, link lines, photo galleries whose every caption repeats the gallery's title, lines in
another script, a second damaged copy of the body. The codebook's line rules
(``boilerplate.jsonl``) catch what a phrase gives away; :func:`find_chrome` catches what only the
shape of the lines gives away. Every step is language-neutral and works on whole lines, so the
cleaner still keeps verbatim lines of the file.

- *headline runs*: three or more consecutive short lines (at most :data:`HEADLINE_WORDS` words)
  that do not end a sentence: teaser and link lists (the last one is kept when the article's
  body follows it: the article's own headline);
- *link lines*: a short line made of a web or e-mail address;
- *other-script lines*: in a page mostly in Arabic, a line of several words with hardly any
  Arabic letter (a video player's "Your browser does not support the video tag");
- *galleries*: the same first :data:`GALLERY_WORDS` words opening :data:`GALLERY_LINES` lines or
  more, not a conjunction, with captions between them (the gallery's title on each slide), or
  in a row, each caption glued after the title (:func:`_glued_slides`): from its first line (or
  the line above it holding a credit and the title; the article's last paragraph glued to the
  title keeps its line) to the captions of its last;
- *damaged copies*: a line whose word trigrams are nearly all in the lines kept before it (a
  scraper's second copy of the body, with words lost), see :class:`SeenText`;
- *a widget's items*: a line of :data:`WIDGET_MIN_WORDS` words or more printed
  :data:`WIDGET_COPIES` times or more on the page, not a sentence (no full stop), after the
  first :data:`WIDGET_START` kept lines, not inside a run of repeated lines (a slider's teaser
  shown on every slide; a scraper's copies of the body repeat whole runs of lines), no paragraph
  going on with the article (opening with و/ف) between its copies: from its first copy to its last, or to the page's end when
  it starts in the page's second half or below :data:`WIDGET_BELOW_PARAGRAPHS` such paragraphs
  and no paragraph follows (:func:`widget_items`); a
  prompt with a copy among the first :data:`WIDGET_START` lines is printed around the article
  (above and below it): its copies only;
- *off-topic tail*: the page's last lines, each a long paragraph whose content words the page
  has hardly used before (teasers of other stories, a headline glued to its lead, after the
  article ends): an article's paragraphs keep reusing its vocabulary, other stories do not
  (:func:`off_topic_tail`); a tail most of whose paragraphs go on with و/ف is the article's own
  background.
"""

from __future__ import annotations

import re
from collections import Counter

from riwaya.text.clitics import CONJUNCTIONS
from riwaya.text.normalize import arabic_ratio, normalize_form

SENTENCE_END = tuple(".!?؟:؛…»”\"")
HEADLINE_WORDS = 14
HEADLINE_RUN = 3
GALLERY_WORDS = 6
GALLERY_LINES = 4
#: a gallery printed slide after slide, each caption glued after the title: its words at least
GLUED_CAPTION_WORDS = 8
#: words of MIN_STEM letters or more before a gallery's title on the line above its first slide:
#: a credit's at most ("ع . ش / ح . ع . ح ( أ ف ب , رويترز )"); more, the article's last paragraph
GALLERY_CREDIT_WORDS = 4
OTHER_SCRIPT_WORDS = 3
OTHER_SCRIPT_RATIO = 0.2
ARABIC_PAGE_RATIO = 0.5
LINK = re.compile(r"(?:https?://|www\.|\S+@\S+\.[A-Za-z]{2,})", re.IGNORECASE)
LINK_LINE_WORDS = 12
COPY_MIN_TRIGRAMS = 6
COPY_SHARE = 0.8
#: off-topic tail: lines of at least TAIL_MIN_WORDS content words, each with at most
#: TAIL_LINE_OVERLAP of them used before the tail (TAIL_OVERLAP for its first line and the
#: median), TAIL_LINES of them or more at the page's end, after an article of
#: ARTICLE_MIN_LINES lines whose lines reuse ARTICLE_OVERLAP of their words (median)
TAIL_MIN_WORDS = 12
TAIL_LINE_OVERLAP = 0.4
TAIL_OVERLAP = 0.25
TAIL_LINES = 3
TAIL_MAX_LINES = 60
ARTICLE_MIN_LINES = 5
ARTICLE_OVERLAP = 0.35
MIN_STEM = 3
WIDGET_MIN_WORDS = 6
WIDGET_COPIES = 3
WIDGET_START = 3
#: a widget below this many paragraphs going on with the article (opening with و/ف) is below
#: the article, wherever it starts: with no paragraph after its last copy, it and what follows
#: are the page's closing box
WIDGET_BELOW_PARAGRAPHS = 2


def _words(line: str) -> int:
    return len(line.split())


def is_headline_like(line: str) -> bool:
    """A short line that does not end a sentence (a menu item, a teaser, a link title)."""
    s = line.strip()
    return 0 < _words(s) <= HEADLINE_WORDS and not s.endswith(SENTENCE_END)


def find_chrome(lines: list[str], dropped: list[str | None]) -> dict[int, str]:
    """Reasons for the lines of a page that are site chrome by their shape (index -> reason);
    ``dropped`` holds the reasons already given (None: kept so far), which are left alone."""
    out: dict[int, str] = {}
    live = [i for i, r in enumerate(dropped) if not r]
    # headline runs
    run: list[int] = []
    for i in live + [-1]:
        if i >= 0 and is_headline_like(lines[i]) and (not run or i == run[-1] + 1):
            run.append(i)
            continue
        if len(run) >= HEADLINE_RUN:
            if i >= 0 and i == run[-1] + 1:
                run = run[:-1]              # the article's own headline, right above its body
            out.update({k: "teaser list" for k in run})
        run = [i] if i >= 0 and is_headline_like(lines[i]) else []
    # link lines and lines in another script
    arabic_page = arabic_ratio("\n".join(lines[i] for i in live)) >= ARABIC_PAGE_RATIO
    for i in live:
        line = lines[i]
        if LINK.search(line) and _words(line) <= LINK_LINE_WORDS:
            out.setdefault(i, "link")
        elif arabic_page and _words(line) >= OTHER_SCRIPT_WORDS \
                and arabic_ratio(line) < OTHER_SCRIPT_RATIO:
            out.setdefault(i, "not in the article's script")
    out.update({i: "photo gallery" for i in _gallery(lines, live)})
    for i in widget_items(lines, [i for i in live if i not in out]):
        out.setdefault(i, "teasers of other stories")
    left = [i for i in live if i not in out]
    out.update({i: "teasers of other stories" for i in off_topic_tail(lines, left)})
    return out


def widget_items(lines: list[str], live: list[int]) -> list[int]:
    """The kept lines (among ``live``, in order) of a widget whose item is printed
    :data:`WIDGET_COPIES` times or more (see the module's doc); [] on other pages."""
    count = Counter(lines[i].strip() for i in live if _words(lines[i]) >= WIDGET_MIN_WORDS)
    repeated = {t for t, n in count.items() if n >= WIDGET_COPIES}
    if not repeated:
        return []
    twice = {t for t, n in count.items() if n >= 2}
    texts = [lines[i].strip() for i in live]
    last_at = {t: k for k, t in enumerate(texts) if t in repeated}
    first_at = {t: k for k, t in reversed(list(enumerate(texts))) if t in repeated}
    paragraphs = [0]                          # paragraphs[k]: paragraphs among the first k lines
    for t in texts:
        paragraphs.append(paragraphs[-1] + _is_paragraph(t))
    for pos in range(WIDGET_START, len(live)):
        text = texts[pos]
        if text not in repeated or text.endswith("."):
            continue
        if any(texts[k] in twice for k in (pos - 1, pos + 1) if 0 <= k < len(texts)):
            continue                          # a run of repeated lines: copies of the body
        if first_at[text] < WIDGET_START:     # a prompt printed above the article too: the
            return [live[k] for k, t in enumerate(texts) if t == text]   # article lies between
        last = last_at[text]
        if paragraphs[last + 1] > paragraphs[pos]:
            continue                          # the article goes on between the copies
        if (pos >= len(live) // 2 or paragraphs[pos] >= WIDGET_BELOW_PARAGRAPHS) \
                and paragraphs[-1] == paragraphs[last + 1]:
            return live[pos:]                 # the page's last part: the widget and what follows
        return live[pos:last + 1]
    return []


def _is_paragraph(line: str) -> bool:
    """A paragraph going on with the article: opening with و/ف, ending a sentence."""
    s = line.strip()
    return s[:1] in CONJUNCTIONS and _words(s) >= TAIL_MIN_WORDS and s.endswith(".")


def content_words(line: str) -> frozenset[str]:
    """A line's content words: normalised, without a leading conjunction, preposition and
    article, at least :data:`MIN_STEM` letters (a crude stem, enough to compare vocabularies)."""
    out = set()
    for w in normalize_form(line).split():
        for prefix in ("وال", "فال", "بال", "لل", "ال"):
            if w.startswith(prefix) and len(w) - len(prefix) >= MIN_STEM:
                w = w[len(prefix):]
                break
        if len(w) >= MIN_STEM and not w.isdigit():
            out.add(w)
    return frozenset(out)


def _share(words: frozenset[str], seen: Counter) -> float:
    return sum(1 for w in words if seen[w] > 0) / len(words) if words else 1.0


def off_topic_tail(lines: list[str], live: list[int]) -> list[int]:
    """The kept lines that end the page and are not its article: long paragraphs whose words
    the lines before them hardly used (another story's teaser and lead), :data:`TAIL_LINES` or
    more, after a coherent article."""
    words = {i: content_words(lines[i]) for i in live}
    live = [i for i in live if words[i]]
    if len(live) < ARTICLE_MIN_LINES + TAIL_LINES:
        return []
    prefix: Counter = Counter()
    for i in live:
        prefix.update(words[i])
    tail: list[int] = []
    for pos in range(len(live) - 1, ARTICLE_MIN_LINES - 1, -1):
        i = live[pos]
        prefix.subtract(words[i])
        if len(words[i]) < TAIL_MIN_WORDS or len(live) - pos > TAIL_MAX_LINES:
            break
        shares = [_share(words[k], prefix) for k in live[pos:]]
        if shares[0] <= TAIL_OVERLAP and max(shares) <= TAIL_LINE_OVERLAP \
                and sorted(shares)[len(shares) // 2] <= TAIL_OVERLAP:
            tail = live[pos:]
    if len(tail) < TAIL_LINES:
        return []
    # paragraphs going on with و/ف, most of the tail: the article's own background, in new words
    if 2 * sum(_is_paragraph(lines[i]) for i in tail) > len(tail):
        return []
    # the tail must stand apart from a coherent article (whose lines reuse its words)
    seen: Counter = Counter()
    reuse = []
    for i in live[:live.index(tail[0])]:
        if seen:
            reuse.append(_share(words[i], seen))
        seen.update(words[i])
    reuse.sort()
    if not reuse or reuse[len(reuse) // 2] < ARTICLE_OVERLAP:
        return []
    return tail


def _gallery(lines: list[str], live: list[int]) -> list[int]:
    """The lines of a gallery: its title opens each slide (captions follow it)."""
    forms = {i: normalize_form(lines[i]).split() for i in live}
    openings = Counter(" ".join(w[:GALLERY_WORDS]) for w in forms.values() if len(w) > GALLERY_WORDS)
    # an opening shared by several lines that is not a sentence's (و/ف "and" opens those; "في"
    # is a preposition: "في صور : ...", "in pictures")
    titles = [t for t, n in openings.items() if n >= GALLERY_LINES
              and not (t[:1] in CONJUNCTIONS and len(t.split()[0]) > 2)]
    if not titles:
        return []
    out: set[int] = set()
    for title in titles:
        starts = [i for i in live if " ".join(forms[i][:GALLERY_WORDS]) == title]
        gaps = [b - a for a, b in zip(starts, starts[1:])]
        if sorted(gaps)[len(gaps) // 2] < 2 and not (
                max(gaps) == 1 and _glued_slides([forms[i] for i in starts])):
            continue                        # slides have captions between their titles
        # the first slide may carry the end of the article's own last line before the title:
        # its credit (a few words); the article's paragraph before it keeps the line (the
        # gallery starts below it)
        first = next((i for i in live if i < starts[0] and f" {title} " in
                      f" {' '.join(forms[i])} "), starts[0])
        if first < starts[0] and not _credit_only(" ".join(forms[first]).split(title)[0]):
            first += 1
        tail = max(gaps) - 1
        last = max(i for i in live if i <= starts[-1] + tail)
        out.update(i for i in live if first <= i <= last)
    return sorted(out)


def _credit_only(text: str) -> bool:
    """``text`` (before a gallery's title on its line) is a credit's initials and agencies, at
    most :data:`GALLERY_CREDIT_WORDS` words of :data:`MIN_STEM` letters or more."""
    return sum(len(w) >= MIN_STEM and not w.isdigit() for w in text.split()) <= GALLERY_CREDIT_WORDS


def _glued_slides(words: list[list[str]]) -> bool:
    """Slides in a row (``words``: the normalised words of consecutive kept lines, each opening
    with the gallery's title), each caption glued after the
    gallery's title on its line ("في صور : العلاقات ... على محك القانون شكلت أحداث ..."): the
    lines share the title's words and go on with :data:`GLUED_CAPTION_WORDS` words or more each;
    the title is a headline's (not a handle's, "( @ name )", nor a dictionary's labels, ": - ..."
    or "( نف )")."""
    shared = 0
    while all(len(w) > shared and w[shared] == words[0][shared] for w in words):
        shared += 1
    head = words[0][:shared]
    return not any(ch in " ".join(head) for ch in "(@") and head[0][:1] not in ":-–" \
        and all(len(w) - shared >= GLUED_CAPTION_WORDS for w in words)


class SeenText:
    """Word trigrams of the lines kept so far: a later line made of them is a damaged copy."""

    def __init__(self) -> None:
        self._seen: set[tuple[str, str, str]] = set()

    @staticmethod
    def _trigrams(line: str) -> list[tuple[str, str, str]]:
        w = normalize_form(line).split()
        return [tuple(w[k:k + 3]) for k in range(len(w) - 2)]

    def is_copy(self, line: str) -> bool:
        grams = self._trigrams(line)
        if len(grams) < COPY_MIN_TRIGRAMS:
            return False
        return sum(g in self._seen for g in grams) >= COPY_SHARE * len(grams)

    def add(self, line: str) -> None:
        self._seen.update(self._trigrams(line))
