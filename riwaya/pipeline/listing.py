"""Listing pages (a tag archive of teasers) and lines that are only a date, for
:mod:`riwaya.pipeline.stories` (whose docstring describes the page kinds).

*A listing page* is made only of teasers: :data:`LISTING_ITEMS` date lines or more under
headlines, from the page's top, one excerpt each (:func:`listing_from`), or :data:`LISTING_ITEMS`
excerpt marks or more ("[ . . . ]", "[…]"; ". . ." right before the next teaser's dateline or its
time stamp), the first among the page's first :data:`EXCERPT_START` kept lines, or as many lines
opening with a lead cut a few words in, a third of the kept lines or more, or carrying a teaser
cut short with the next one's lead glued after the mark, half of them or more
(:func:`excerpt_listing`), or a feed: :data:`LISTING_ITEMS` kept lines or more opening with one
outlet's credit and a dash ("مكتب الأخبار - حلب ..."), the first among the page's first
:data:`LISTING_START` kept lines (:func:`credit_feed`), or a dated feed: :data:`LISTING_ITEMS` items
or more opening with a date stamp and a dash ("2016 / 9 / 30 - قال ..."), or glued inside lines,
newest first (:func:`dated_feed`; below an article, the first item starts the other stories), or
items stamped with a weekday and a named date glued after the teaser before them, cut short
(". . . السبت 20 كانون الثاني 2018 - 12 : 20 م ..."), newest first (:func:`marked_feed`), or a
feed of leads that each say which day "today" is, :data:`LISTING_ITEMS` different days or more
close together (:func:`today_feed`: one article has one today), or a
page under a listing's header: a codebook line rule whose reason is :data:`LISTING_HEADER` ("X
Archives - ...", "أرشيف الوسم :", a map site's feed of events) takes every line from its own on
(:mod:`riwaya.pipeline.clean`; the lines above it are kept: an event's page prints the event
above the site's feed).
"""

from __future__ import annotations

import re

from riwaya.pipeline.dates import find_dates
from riwaya.pipeline.furniture import opens_with_conjunction
from riwaya.pipeline.maintext import is_headline_like
from riwaya.text.normalize import normalize_form

#: the reason of the codebook's line rules (``boilerplate.jsonl``, ``drop_rest``) that match a
#: listing's header (a tag or section archive's, a map site's feed): the page is the listing from
#: the header's line on, whatever goes on below it (no article resumes under a listing)
LISTING_HEADER = "listing page"
#: a listing page (a tag archive): LISTING_ITEMS headlines or more over date lines, the first
#: among the first LISTING_START kept lines, each at most LISTING_ITEM_LINES lines after the last
LISTING_ITEMS = 3
LISTING_START = 2
LISTING_ITEM_LINES = 3
#: excerpt marks: a listing page's first among its first EXCERPT_START kept lines
EXCERPT_START = 3
_EXCERPT = re.compile(
    r"\[\s*(?:\.\s*){2,}\]|\[\s*…\s*\]"
    # a teaser cut short, the next one's dateline right after: "... من هذه . . . محلي - خسر",
    # "... . . . باريس ( رويترز ) - قال"
    r"|\S\s*(?:\.\s*\.\s*\.|…)\s+(?:[^\W\d_]{2,}\s+){0,2}[^\W\d_]{2,}\s*"
    r"(?:\(\s*[^()]{1,20}\)\s*)?[-–—]\s*\S"
    # or its time stamp ("... مقبرتان جماع . . . 9 : 56 ص | Posted by")
    r"|(?:\.\s*\.\s*\.|…)\s*\d{1,2}\s*:\s*\d{2}(?!\s*\d)")
#: a teaser cut a few words into its lead, the next one glued after the mark ("وقال العميد . . .
#: رويترز قال مسؤولان ..."): a listing when CUT_LEAD_SHARE of the kept lines or more open so
#: (a writer's pause, "ولكنه لم يقتنع . . . وظل", goes on with و/ف and opens far fewer; a quote
#: trailing off, "وقال إن الأمر . . . لن", is reported speech; a line's copies count once)
_CUT_LEAD = re.compile(r"^\s*(?:(?!(?:إن|أن|ان|بأن|بان)\s)[^\s.!?؟]+\s+){1,12}(?:\.\s*\.\s*\.|…)\s+"
                       r"(?![وف])[^\W\d_]")
CUT_LEAD_SHARE = 1 / 3
#: a teaser's tail cut short, the next teaser's lead glued after the mark, anywhere in the line
#: ("... مكنا البارون الشري . . . أكد بلاغ صادر عن المديرية ..."): GLUED_BEFORE words or more of
#: the line before the mark (the last not an omission's opening bracket or quote), GLUED_AFTER
#: words or more after it (up to the next mark), the first not going on with و/ف, no quote's
#: "that" (إن, أن) among the GLUED_BEFORE words before the mark; a listing when
#: GLUED_SHARE of the kept lines or more carry one (an interview's questions and answers parted
#: by marks make fewer)
_MARK = re.compile(r"\.\s*\.\s*\.|…")
GLUED_BEFORE = 3
GLUED_AFTER = 8
GLUED_SHARE = 1 / 2
#: or, the first among the first GLUED_START kept lines (a section page's teasers under a long
#: first one), LISTING_ITEMS + 1 such lines or more, GLUED_TAIL_SHARE of the kept lines from the
#: first on (a writer's pauses, "... الداخلية . . . يقول ...", make fewer; an interview's
#: quoted pauses, fewer than four)
GLUED_START = 5
GLUED_TAIL_SHARE = 0.4
_OMISSION_OPENERS = frozenset("([«\"“")
#: a quote's "that" among the last GLUED_BEFORE words before the mark: the speaker's pause
#: ("وقال إن الأمر . . . لن يتكرر"), no cut
_SAID_THAT = frozenset({"إن", "أن", "ان", "بأن", "بان"})
#: interrogatives opening a question: an interview's question before the mark, its answer after
_ASKING = frozenset({"هل", "ماذا", "لماذا", "كيف", "متى", "أين", "اين", "كم", "أليس", "بماذا"})
#: a feed's item: an outlet's credit of two to four words and a dash opening the line
_CREDIT = re.compile(r"^\s*((?:[^\W\d_]{2,}\s+){1,3}[^\W\d_]{2,})\s*[-–—]\s*\S")
#: a date line: what is left without its dates has at most DATE_LINE_WORDS words
DATE_LINE_WORDS = 3
DATE_LINE_MAX_WORDS = 12
_CLOSING_QUOTES = re.compile(r"[\"»”\s]+$")
_NUMERIC_DATE = re.compile(r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
                           r"|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}")
_WORD = re.compile(r"[^\W\d_]{2,}")
#: a Hijri date ("25 صفر 1439 هـ") and the era marks beside a Gregorian year ("2017 مـ")
_HIJRI_MONTHS = ("محرم", "صفر", "ربيع الأول", "ربيع الاول", "ربيع الآخر", "ربيع الثاني",
                 "جمادى الأولى", "جمادى الاولى", "جمادى الآخرة", "جمادى الثانية", "رجب", "شعبان",
                 "رمضان", "شوال", "ذو القعدة", "ذو الحجة")
_HIJRI = re.compile(r"\d{1,2}\s+(?:%s)\s+\d{4}\s*(?:هـ|ه)?(?!\w)" % "|".join(_HIJRI_MONTHS))
_ERA = re.compile(r"(?<=\d)\s*(?:هـ|مـ|ه|م)(?!\w)")

def is_date_line(line: str) -> bool:
    """A line that is only a date: "الأحد 19 تشرين الثاني 2017", "18/11/2017 - 10:30"."""
    if not isinstance(line, str):
        raise TypeError(f"Expected str, got {type(line).__name__} instead")
    rest = _ERA.sub(" ", _HIJRI.sub(" ", _NUMERIC_DATE.sub(" ", line)))
    found = find_dates(rest)
    if not found and rest == line:
        return False
    for d in reversed(found):
        rest = rest[:d.start] + " " + rest[d.end:]
    return len(_WORD.findall(rest)) <= DATE_LINE_WORDS


def _titled(line: str) -> bool:
    """A headline, perhaps ending with a quoted name ("... بحماية «داعش»")."""
    return is_headline_like(_CLOSING_QUOTES.sub("", line.strip()))


def listing_from(lines: list[str], live: list[int]) -> int | None:
    """The position of a listing page's first item: :data:`LISTING_ITEMS` date lines or more,
    each under a headline (the first may have lost its headline to the cleaner), the first among
    the first :data:`LISTING_START` kept lines, each at most :data:`LISTING_ITEM_LINES` lines
    after the one before (a headline, its date, one excerpt: a tag archive of teasers, which has
    no article of its own); None on other pages."""
    dates: list[int] = []
    for pos in range(len(live)):
        if dates and pos - dates[-1] > LISTING_ITEM_LINES:
            break
        if not dates and pos > LISTING_START:
            return None
        if len(lines[live[pos]].split()) <= DATE_LINE_MAX_WORDS and (
                not dates and pos == 0 or pos and _titled(lines[live[pos - 1]])) \
                and is_date_line(lines[live[pos]]):
            dates.append(pos)
    if len(dates) < LISTING_ITEMS:
        return None
    return dates[0] - 1 if dates[0] and _titled(lines[live[dates[0] - 1]]) else dates[0]


def _asks(words: list[str]) -> bool:
    """The sentence the words before a mark end with is a question (an interview's question, its
    answer after the mark): it ends with "?" or opens with an interrogative (:data:`_ASKING`)."""
    if not words:
        return False
    if words[-1] in ("?", "؟"):
        return True
    ends = [k for k, w in enumerate(words) if w in (".", "!", "?", "؟", ":")]
    opening = words[ends[-1] + 1] if ends and ends[-1] + 1 < len(words) else words[0]
    return opening in _ASKING or opening[:1] in "وف" and opening[1:] in _ASKING


def _glued_lead(line: str) -> bool:
    """The line carries a teaser cut short with the next teaser's lead glued after the mark
    (:data:`_MARK`, see :data:`GLUED_SHARE`)."""
    for m in _MARK.finditer(line):
        before = line[:m.start()].split()
        if len(before) < GLUED_BEFORE or before[-1] in _OMISSION_OPENERS \
                or _SAID_THAT & set(before[-GLUED_BEFORE:]) or _asks(before):
            continue
        rest = line[m.end():]
        following = _MARK.search(rest)
        after = (rest[:following.start()] if following else rest).split()
        if len(after) >= GLUED_AFTER and after[0][:1].isalpha() and after[0] not in ("و", "ف") \
                and not opens_with_conjunction(after[0]):
            return True
    return False


def excerpt_listing(lines: list[str], live: list[int]) -> int | None:
    """0 when the kept lines carry :data:`LISTING_ITEMS` excerpt marks or more ("[ . . . ]"), the
    first among the first :data:`EXCERPT_START` kept lines, or as many teasers cut short with the
    next one's lead glued after the mark, :data:`GLUED_SHARE` of the kept lines or more, the first
    among the first :data:`EXCERPT_START` (:func:`_glued_lead`; or more than
    :data:`LISTING_ITEMS`, the first among the first :data:`GLUED_START`, making
    :data:`GLUED_TAIL_SHARE` of the lines from it on): a blog's listing of cut
    teasers, with no article of its own; None on other pages (an article quoting with omissions
    has its first mark further down)."""
    first, marks, cut_first, cut = None, 0, None, set()
    glued_first, glued = None, 0
    for pos, i in enumerate(live):
        line = lines[i]
        if not ("[" in line or ". ." in line or ".." in line or "…" in line):
            continue
        n = len(_EXCERPT.findall(line))
        if n and first is None:
            first = pos
        marks += n
        cut_lead = _CUT_LEAD.match(line)
        if cut_lead and not _asks(line[:_MARK.search(line).start()].split()):
            cut_first = pos if cut_first is None else cut_first
            cut.add(line)
        if _glued_lead(line):
            glued_first = pos if glued_first is None else glued_first
            glued += 1
    if first is not None and first < EXCERPT_START and marks >= LISTING_ITEMS:
        return 0
    if glued_first is not None and (
            glued_first < EXCERPT_START and glued >= LISTING_ITEMS
            and glued >= GLUED_SHARE * len(live)
            or glued_first < GLUED_START and glued > LISTING_ITEMS
            and glued >= GLUED_TAIL_SHARE * (len(live) - glued_first)):
        return 0
    if cut_first is not None and cut_first < EXCERPT_START and len(cut) >= LISTING_ITEMS \
            and len(cut) >= CUT_LEAD_SHARE * len(live):
        return 0
    return None


def credit_feed(lines: list[str], live: list[int]) -> int | None:
    """The position of a feed's first item: :data:`LISTING_ITEMS` kept lines or more opening
    with the same credit of two to four words and a dash (:data:`_CREDIT`: an outlet's news
    office, a day's archive of its stories), the first among the first :data:`LISTING_START`
    kept lines; 0 when the first is: the line above is the archive's heading, often glued to
    the first item. None on other pages (an article's own dateline opens one line)."""
    seen: dict[str, list[int]] = {}
    for pos, i in enumerate(live):
        m = _CREDIT.match(lines[i])
        if m:
            seen.setdefault(normalize_form(m.group(1)), []).append(pos)
    firsts = [p[0] for p in seen.values() if len(p) >= LISTING_ITEMS]
    return 0 if firsts and min(firsts) < LISTING_START else None


#: a dated feed's item: a line opening with its date stamp (numeric, "2016 / 9 / 30", or a named
#: month, "30 أيلول 2016", perhaps after a weekday) and a dash: "2016 / 9 / 30 - قال ..."
_STAMP = re.compile(r"^\s*(?:[^\W\d_]{3,}\s*,?\s*)?(?:(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})"
                    r"|(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})"
                    r"|(\d{1,2}\s+[^\W\d_]+(?:\s*/\s*[^\W\d_]+)?\s+\d{4}))\s*[-–—|]\s*\S")
#: an item glued inside a line (after the item before, cut short, or the archive's heading), its
#: stamp year first and a dash ("... الجسيمة . 2016 / 9 / 29 - نعى ...") or day first and a bar
#: ("... وقالت وزارة الداخل 25 - 05 - 2015 | 0 | 0 | رصد ...")
_GLUED_STAMP = re.compile(r"(?<=\s)(?:(\d{4})\s*/\s*(\d{1,2})\s*/\s*(\d{1,2})\s*[-–—]\s*(?=[^\W\d_])"
                          r"|(\d{1,2})\s*-\s*(\d{1,2})\s*-\s*(\d{4})\s*\|)")
#: how many kept lines (an item's further paragraphs) may come between two items of a feed
FEED_GAP = 8


def _iso(y: str, mo: str, d: str) -> str | None:
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}" if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31 \
        else None


def _stamp(line: str) -> str | None:
    """The ISO date a feed item's stamp opens ``line`` with ("2016-09-30"), or None."""
    m = _STAMP.match(line)
    if not m:
        return None
    if m.group(1):
        return _iso(*m.group(1, 2, 3))
    if m.group(4):
        return _iso(*m.group(6, 5, 4))
    found = find_dates(m.group(7))
    return found[0].iso if found and not found[0].relative else None


def _stamps(line: str) -> list[str]:
    """The ISO dates of the feed items ``line`` carries: the one it opens with, then those glued
    inside it (:data:`_GLUED_STAMP`)."""
    first, opening = _stamp(line), _STAMP.match(line)
    out = [first] if first else []
    if "/" in line or "|" in line:
        out += [iso for m in _GLUED_STAMP.finditer(line, opening.end() - 1 if opening else 1)
                if (iso := _iso(*(m.group(1, 2, 3) if m.group(1) else m.group(6, 5, 4))))]
    return out


def dated_feed(lines: list[str], live: list[int]) -> int | None:
    """The position of a dated feed's first item: :data:`LISTING_ITEMS` items or more, each at
    most :data:`FEED_GAP` kept lines after the one before, each opening a line with a date stamp
    and a dash (:data:`_STAMP`) or glued inside one (:data:`_GLUED_STAMP`), newest first (the
    dates never go up, and go down at least once: an outlet's archive of its stories). None on
    other pages: a timeline inside an article runs oldest first; a live page's stamps of one day
    are its own."""
    run: list[tuple[int, str]] = []
    for pos, i in enumerate(live):
        for iso in _stamps(lines[i]):
            if run and (iso > run[-1][1] or pos - run[-1][0] > FEED_GAP):
                run = []
            run.append((pos, iso))
            if len(run) >= LISTING_ITEMS and run[0][1] > run[-1][1]:
                return run[0][0]
    return None


#: an item's stamp glued after the teaser before it: an excerpt mark (". . .", "…"), perhaps
#: empty fields (", ,"), or two empty fields or more (", , ,": a tag's name, no author), then a
#: weekday and a day's number ("... . . . , , السبت 20 كانون الثاني 2018 - 12 : 20 م ...")
_WEEKDAY = r"(?:السبت|الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|الجمعه)"
_MARKED_STAMP = re.compile(r"(?:(?:\.\s*\.\s*\.|…)\s*(?:[,،]\s*)*|(?<!\S)(?:[,،]\s*){2,})"
                           rf"({_WEEKDAY}\s+\d{{1,2}}\s)")
#: an item's stamp opening a line: a weekday, a day's number (Hijri dates first, then Gregorian)
_OPENING_STAMP = re.compile(rf"^\s*({_WEEKDAY}\s+\d{{1,2}}\s)")
#: characters after the weekday where the stamp's Gregorian date is read (after a Hijri one)
STAMP_CHARS = 60


def _stamp_date(line: str, start: int) -> str | None:
    """The ISO date written in ``line`` within :data:`STAMP_CHARS` characters from ``start``."""
    found = find_dates(line[start:start + STAMP_CHARS])
    return found[0].iso if found and not found[0].relative else None


def marked_feed(lines: list[str], live: list[int]) -> int | None:
    """The position of the first item of a feed whose items are stamped with a weekday and a
    date glued after the teaser before them, cut short (:data:`_MARKED_STAMP`): a tag archive
    printing each story's first paragraphs. :data:`LISTING_ITEMS` such stamps or more, the
    dates (with those of items opening a line after the first) never going up and going down
    at least once (newest first); 0 when the first is among the first :data:`EXCERPT_START`
    kept lines (the lines above it are the first teaser's, cut short). None on other pages:
    an article's timeline opens its lines and runs oldest first."""
    stamps: list[tuple[int, str]] = []
    marked: list[int] = []
    for pos, i in enumerate(live):
        line = lines[i]
        if not any(c.isdigit() for c in line):
            continue
        m = _OPENING_STAMP.match(line)
        if marked and m and (iso := _stamp_date(line, m.start(1))):
            stamps.append((pos, iso))
        for m in _MARKED_STAMP.finditer(line):
            if iso := _stamp_date(line, m.start(1)):
                stamps.append((pos, iso))
                marked.append(pos)
    if len(marked) < LISTING_ITEMS:
        return None
    dates = [iso for _, iso in stamps]
    if any(b > a for a, b in zip(dates, dates[1:])) or dates[0] == dates[-1]:
        return None
    return 0 if marked[0] < EXCERPT_START else marked[0]


#: a lead saying which day "today" is ("أعلن الجيش , اليوم الأحد , ..."), within its first
#: TODAY_WORDS words
_TODAY = re.compile(rf"(?<!\S)اليوم\s*[,،]?\s*({_WEEKDAY})(?!\w)")
TODAY_WORDS = 25
_WEEKDAY_FORMS = {"الاحد": "الأحد", "الإثنين": "الاثنين", "الاربعاء": "الأربعاء",
                  "الجمعه": "الجمعة"}


def today_feed(lines: list[str], live: list[int]) -> int | None:
    """The position of the first item of a feed of leads that each name "today" with a weekday
    (:data:`_TODAY`): :data:`LISTING_ITEMS` different weekdays or more among such lines, each at
    most :data:`FEED_GAP` kept lines after the one before (a tag archive or a blog's front page of
    many days' stories with no header: an article has one "today", whatever earlier days it
    names). 0 when the first is among the first :data:`EXCERPT_START` kept lines and the next
    day's lead at most :data:`LISTING_ITEM_LINES` lines below it; else (below an article, which
    goes on past its own today) the first line whose "today" is not the first one's. None on
    other pages."""
    run: list[tuple[int, str]] = []
    for pos, i in enumerate(live):
        line = lines[i]
        if "اليوم" not in line:
            continue
        m = _TODAY.search(" ".join(line.split()[:TODAY_WORDS]))
        if not m:
            continue
        day = _WEEKDAY_FORMS.get(m.group(1), m.group(1))
        if run and pos - run[-1][0] > FEED_GAP:
            run = []
        run.append((pos, day))
        if len({d for _, d in run}) >= LISTING_ITEMS:
            other = next(p for p, d in run if d != run[0][1])
            return 0 if run[0][0] < EXCERPT_START and other - run[0][0] <= LISTING_ITEM_LINES \
                else other
    return None
