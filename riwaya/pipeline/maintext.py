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
  more, not a conjunction, with captions between them (the gallery's title on each slide):
  from its first line to the captions of its last;
- *damaged copies*: a line whose word trigrams are nearly all in the lines kept before it (a
  scraper's second copy of the body, with words lost), see :class:`SeenText`.
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
OTHER_SCRIPT_WORDS = 3
OTHER_SCRIPT_RATIO = 0.2
ARABIC_PAGE_RATIO = 0.5
LINK = re.compile(r"(?:https?://|www\.|\S+@\S+\.[A-Za-z]{2,})", re.IGNORECASE)
LINK_LINE_WORDS = 12
COPY_MIN_TRIGRAMS = 6
COPY_SHARE = 0.8


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
    return out


def _gallery(lines: list[str], live: list[int]) -> list[int]:
    """The lines of a gallery: its title opens each slide (captions follow it)."""
    forms = {i: normalize_form(lines[i]).split() for i in live}
    openings = Counter(" ".join(w[:GALLERY_WORDS]) for w in forms.values() if len(w) > GALLERY_WORDS)
    # an opening shared by several lines that is not a sentence's (و/ف "and" opens those)
    titles = [t for t, n in openings.items() if n >= GALLERY_LINES and t[:1] not in CONJUNCTIONS]
    if not titles:
        return []
    out: set[int] = set()
    for title in titles:
        starts = [i for i in live if " ".join(forms[i][:GALLERY_WORDS]) == title]
        gaps = [b - a for a, b in zip(starts, starts[1:])]
        if sorted(gaps)[len(gaps) // 2] < 2:
            continue                        # slides have captions between their titles
        # the first slide may carry the end of the article's own last line before the title
        first = next((i for i in live if i < starts[0] and f" {title} " in
                      f" {' '.join(forms[i])} "), starts[0])
        tail = max(gaps) - 1
        last = max(i for i in live if i <= starts[-1] + tail)
        out.update(i for i in live if first <= i <= last)
    return sorted(out)


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
