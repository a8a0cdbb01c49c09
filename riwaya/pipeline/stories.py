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
  nisba adjective ("بيروت - قالت مصادر ...", not "مباحثات أميركية - إسرائيلية"), or a named
  date, a city, a comma and its country ("26 آب 2017 عمان , الأردن بينما ..."): another story's
  dateline (:data:`DATELINE`); *a press review's teasers closing the page*
  (:func:`riwaya.pipeline.retelling.review_teasers`);
- *a headline glued to a dateline*: a line opening with another story's headline, its
  dateline's place, a dash and its agencies, then its lead, all on one line
  (:meth:`StorySplitter.has_glued_dateline`);
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
- *a retelling*: the header's story repeats sentences of lines before the header: those lines
  are a version of the same other story (another outlet's), so the split moves back to the first
  repeated line, never into the article's lead (:mod:`riwaya.pipeline.retelling`; the header's
  story ends at the next item of a roundup); not after a headline glued to its dateline (an
  events-of-the-day page, whose stories of one event quote the same statements).

The main story is the one the page opens with (the title and first paragraph are about it);
every line from the first other story on is marked, with :data:`REASON`, provided the article
left before it has :data:`MIN_ARTICLE_WORDS` words or more (a page whose first kept lines are
chrome keeps its story). The strong marks (an agency's header, a headline over a date line,
Hijri dates included) count from the article's third kept line; a headline over a lead from its
fourth; datelines and bylines from :data:`LEAD_LINES`. An agency's header needs, wherever it
is, :data:`EARLY_PARAGRAPHS` paragraphs below the page's first kept line, one going on with
و/ف: after a headline (glued to the site's chrome), a summary, a caption or the site's long
lines of chrome, an agency's credit opens the article's own body.

*A listing page* (a tag archive) is made only of teasers: :data:`LISTING_ITEMS` date lines or
more under headlines, from the page's top, one excerpt each (:func:`listing_from`), or
:data:`LISTING_ITEMS` excerpt marks or more ("[ . . . ]", "[…]": where a blog's teaser is cut; or
". . ." right before the next teaser's dateline or its time stamp, ". . . 9 : 56 ص | Posted by"),
the first among the page's first :data:`EXCERPT_START` kept lines (:func:`excerpt_listing`; or
leads cut a few words in, a third of the lines; or teasers cut short with the next one's lead
glued after the mark, half of the lines), or a feed of one office's credited items
(:func:`credit_feed`), or a feed of dated items newest first (:func:`dated_feed`, or stamped
after the teaser before them, cut short: :func:`marked_feed`; or leads naming three "todays":
:func:`today_feed`; below an article, its first item starts the other stories). It has no
article of its own: every kept line from its first item is marked.

Not another story: an agency's name in brackets that a sentence quotes ("ونقلت ( رويترز ) عن
...") heads none; in a list of labelled items ("العراق - تكريت : ...", "سنجار : ...") an item's
label is no dateline; a line opening with a particle ("ومن جانبه , صرح - غاضبا - ...",
:data:`NOT_DATELINE_OPENERS`) or with a compound's first half ("جيو - سياسة القيادة ...", a
report's section heading glued to its paragraph: :data:`COMPOUND_PREFIXES`) opens with no
dateline; in a press roundup (:data:`ROUNDUP_LABELS` outlets' names or more as labels inside its
lines, "صحافة : بي بي سي : ...") an outlet's label opening a line is an item of the roundup
(:meth:`StorySplitter.is_roundup`).

*A story glued inside a line*: after a sentence's end, another story's short headline, its
dateline's place and an agency in brackets, then its lead ("... البوكمال . واشنطن : تحرير المدينة
تطور حاسمواشنطن ( وكالات ) هنأ ..."): the lines after that one are the other story's
(:meth:`StorySplitter.has_story_inside`; the line itself is kept, its first story the article's;
after a sentence ending with :data:`TITLE_WORDS` words of the page's first line it is the page's
own story, its headline printed again after the site's chrome). Measured on the tuning pages: the sentence encoder does not tell these
stories apart (they are about the same event; a line's similarity to the lead is the same before
and after the split), so the splitter is lexical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from riwaya.pipeline.listing import (DATE_LINE_MAX_WORDS, LISTING_START, credit_feed,  # noqa: F401
                                     dated_feed, excerpt_listing, is_date_line, listing_from,
                                     marked_feed, today_feed)
from riwaya.pipeline.retelling import LABEL as _LABEL, retold_from, review_teasers
from riwaya.pipeline.story_shapes import (EARLY_PARAGRAPHS, HEADER_MIN_WORDS, ends_with_title, gone_on,
                                          headline_over_lead, over_date_line, paragraphs)
from riwaya.text.normalize import normalize_form

REASON = "another story on the page"
#: the article's own first lines (its headline, dateline and lead): never another story
LEAD_LINES = 5
#: a strong mark (an agency's header, a headline over a date line) may start another story
#: after the article's headline and lead alone
STRONG_LEAD_LINES = 2
#: a headline over a lead, after the article's headline, lead and one paragraph more
HEADLINE_LEAD_LINES = 3
#: after an agency's closing bracket, the words of a sentence quoting it ("ونقلت ( رويترز ) عن
#: بومبيو", "وذكرت ( أ ف ب ) أن"): no story header
QUOTED_AFTER = frozenset({"عن", "ان", "أن", "إن", "بان", "بأن", "نقلا"})
#: LABELLED_ITEMS lines or more opening with a list item's label (:data:`LABEL`, "سنجار :",
#: "العراق - تكريت :") make the page a list, whose labels are no datelines
LABELLED_ITEMS = 3
#: a press roundup: ROUNDUP_LABELS outlets' names or more as labels inside its lines (searched
#: in the LABEL_CHARS characters before a colon); an outlet's label opening a line heads no story
ROUNDUP_LABELS = 2
#: characters of another story's headline before its dateline, inside a line
INSIDE_HEAD_CHARS = 80
LABEL_CHARS = 40
_LABELLED = re.compile(r"^[^:]{1,%d}:" % LABEL_CHARS)
#: words of a dateline's place before the agency, words of an outlet name after it
PLACE_WORDS = 3
AFTER_WORDS = 3
#: a headline glued to the next story's dateline: its words
GLUED_HEAD_WORDS = 3
GLUED_HEAD_MAX_WORDS = 30
#: words of a writer's name in a byline inside a line (:meth:`StorySplitter.has_byline`)
BYLINE_WORDS = 3
_QUOTES_DASHES = re.compile(r"[\s\"«»“”\-–—]+$")
MIN_ARTICLE_WORDS = 40
_PLACE = r"[^\W\d_]{2,}(?:\s+[^\W\d_]{2,})?"
#: a dateline opening a paragraph: one or two places, a dash, a word that is not a nisba; or a
#: named date, a city, a comma, its country ("26 آب 2017 عمان , الأردن بينما ...": a next post)
_NOT_COUNTRY = "(?:الذي|التي|الذين|حيث|بعد|قبل|على|إلى|الى|بين|عندما|بينما|لكن|ولكن)"
DATELINE = re.compile(rf"^\s*{_PLACE}(?:\s*[,،]\s*{_PLACE})?\s*[-–—]+\s*(?![^\W\d_]*(?:ية|ي)\b)\S"
                      r"|^\s*\d{1,2}\s+[^\W\d_]{2,}\s+\d{4}\s+[^\W\d_]{2,}\s*[,،]\s*"
                      rf"(?!{_NOT_COUNTRY}\s)[^\W\d_]{{3,}}\s+[^\W\d_]")


_QUOTED_AFTER = frozenset(normalize_form(w) for w in QUOTED_AFTER)
#: words that open a sentence, never a dateline's place ("ومن جانبه , صرح - غاضبا - ...": an
#: aside between dashes), perhaps after و/ف
NOT_DATELINE_OPENERS = frozenset(normalize_form(w) for w in (
    "من", "في", "فى", "على", "عن", "إلى", "الى", "مع", "ثم", "قد", "لقد", "كما", "بعد", "قبل",
    "منذ", "حتى", "لكن", "أما", "اما", "إن", "ان", "أن", "هذا", "هذه", "ذلك", "وفقا", "بينما"))


#: the first half of a compound written apart with a dash ("جيو - سياسة", geopolitics; "سوسيو -
#: اقتصادي"): a section heading glued to its paragraph, not a dateline's place
COMPOUND_PREFIXES = frozenset(normalize_form(w) for w in (
    "جيو", "سوسيو", "بيو", "ميكرو", "ماكرو", "نيو", "إيكو", "ايكو", "بوست", "ترانس"))


def _opens_with_particle(line: str) -> bool:
    first = normalize_form(line).split()[:1]
    if not first:
        return False
    word = first[0]
    return word in NOT_DATELINE_OPENERS or word in COMPOUND_PREFIXES or (
        len(word) > 2 and word[0] in "وف" and word[1:] in NOT_DATELINE_OPENERS)


def _expect_lines(lines: object) -> None:
    if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
        raise TypeError(f"Expected a list of str lines, got {type(lines).__name__} instead")


@dataclass(frozen=True)
class StorySplitter:
    """The story-header pattern, compiled once from a codebook's news agencies."""

    header: re.Pattern | None
    byline: re.Pattern | None = None
    glued: re.Pattern | None = None
    #: an outlet's name closing a stretch of text (before a label's colon)
    outlet_end: re.Pattern | None = None
    #: after a sentence's end inside a line, another story's headline and dateline
    glued_inside: re.Pattern | None = None

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
        name = r"[^\W\d_][^\s:()\-–—,،\"«»“”.!?؟]{2,}"   # not "ل - « رويترز »" (told to)
        credit = rf"[\"«“(]*\s*{agency}(?![^\W\d_])\s*[\"»”)]*"
        glued = re.compile(
            # "روسيا تهدد ... في دير الزور موسكو , بيروت - أ ف ب , رويترز اتهمت ...": a headline
            # (no sentence end), a dateline's place(s), a dash and agencies, then the lead
            # (no "/" or "|" in it: a menu's or a list of names' separators)
            rf"^(?P<head>[^.!?؟:/|]+?)\s(?:{name}\s*[,،]\s*)?{name}\s*[-–—]+\s*{credit}"
            rf"(?:\s*[,،]\s*{credit})*\s*(?:[-–—:]|(?=[^\W\d_]))"
            # "... استقلال كردستان " القدس العربي " - ( وكالات ) : أبدى ...": an outlet, a dash,
            # an agency
            rf"|^(?P<head2>[^.!?؟:/|]+?)\s[\"«“]\s*{agency}\s*[\"»”]\s*[-–—]+\s*{credit}\s*[-–—:]")
        return cls(re.compile(
            # "( وكالات العرب اليوم :", "دمشق - سانا :", "بيروت ( أ ف ب ) -": opened by a bracket or
            # a dateline's place, the agency may carry an outlet's words
            rf"^\s*(?:(?:{place}\s*)?\(|{place}\s*[-–—,،]\s*\(?)\s*{agency}{after}"
            # "رويترز - ...": alone, the agency's name is followed by its separator right away
            # (not "وكالات الإغاثة :", relief agencies)
            rf"|^\W{{0,3}}{agency}\s*[:\-–—)]"), byline, glued,
            re.compile(rf"(?:^|[.!?؟:])\s*[\"«“]?\s*{agency}\s*[\"»”]?\s*$"),
            # "... قرب مدينة البوكمال . واشنطن : تحرير المدينة تطور حاسمواشنطن ( وكالات ) هنأ":
            # a few words with no sentence end, a place glued to an agency in brackets, a lead
            re.compile(rf"[.!?؟]\s+(?P<head>[^.!?؟()\"«»“”]{{1,{INSIDE_HEAD_CHARS}}}?)"
                       rf"\s*\(\s*{agency}\s*\)\s*(?P<next>[^\W\d_]+)"))

    def is_header(self, line: str) -> bool:
        """A line opening with an agency's credit and going on with a lead, as another story's
        first line does (of :data:`HEADER_MIN_WORDS` words or more: a photo's credit, "صورة
        أرشيفية ( رويترز )", is not one)."""
        if len(line.split()) < HEADER_MIN_WORDS or not self.header:
            return False
        form = normalize_form(line)
        m = self.header.match(form)
        if not m:
            return False
        after = form[m.end():].split()[:1]
        return not (m.group(0).rstrip().endswith(")") and after and after[0] in _QUOTED_AFTER)

    def is_roundup(self, lines: list[str], live: list[int]) -> bool:
        """A press roundup: :data:`ROUNDUP_LABELS` or more outlets' names as labels inside its
        lines, after a sentence's end or another label ("صحافة : بي بي سي : ...", "... . دويتشه
        فيله : ..."); its items, each under its outlet's label, are the article."""
        if self.outlet_end is None:
            return False
        labels = 0
        for i in live:
            form = normalize_form(lines[i])
            start = form.find(":", 1)
            while start > 0:
                if self.outlet_end.search(form, max(0, start - LABEL_CHARS), start):
                    labels += 1
                    if labels >= ROUNDUP_LABELS:
                        return True
                start = form.find(":", start + 1)
        return False

    def has_story_inside(self, line: str, title: str = "") -> bool:
        """A line where, after a sentence's end, another story begins: its headline of at most
        :data:`INSIDE_HEAD_CHARS` characters, its dateline's place and an agency in brackets,
        then its lead ("... البوكمال . واشنطن : تحرير المدينة تطور حاسمواشنطن ( وكالات ) هنأ
        ..."); not a sentence quoting the agency ("ونقلت ( رويترز ) عن", "قال ل ( رويترز ) إن"),
        nor the page's own story: the sentence before it ends with :data:`TITLE_WORDS` words of
        the page's ``title`` (its first kept line), the article's headline printed again over
        its date and agency after the site's chrome."""
        if self.glued_inside is None or "(" not in line:
            return False
        form = normalize_form(line)
        for m in self.glued_inside.finditer(form):
            head = m.group("head").split()
            if len(head) >= 2 and head[-1] != "ل" and m.group("next") not in _QUOTED_AFTER \
                    and not ends_with_title(form[:m.start()], title):
                return True
        return False

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

    def has_glued_dateline(self, line: str) -> bool:
        """A line opening with another story's headline glued to its dateline and agency
        ("روسيا تهدد ... في دير الزور موسكو , بيروت - أ ف ب , رويترز اتهمت ..."): a headline of
        :data:`GLUED_HEAD_WORDS` words or more with no sentence end, a place, a dash and
        agencies (or an outlet in quotes, a dash and an agency) and the lead."""
        if self.glued is None or len(line.split()) < HEADER_MIN_WORDS:
            return False
        m = self.glued.match(normalize_form(line))
        if not m:
            return False
        head = (m.group("head") or m.group("head2") or "").split()
        return GLUED_HEAD_WORDS <= len(head) <= GLUED_HEAD_MAX_WORDS

    @staticmethod
    def is_dateline(line: str) -> bool:
        """A line of :data:`HEADER_MIN_WORDS` words or more opening with a dateline
        (:data:`DATELINE`)."""
        return len(line.split()) >= HEADER_MIN_WORDS and bool(DATELINE.match(line)) \
            and not _opens_with_particle(line)

    def other_stories(self, lines: list[str], live: list[int]) -> list[int]:
        """The indices (among ``live``, the kept lines in order) from the first other story on;
        every kept line from the first item of a listing page (:func:`listing_from`)."""
        _expect_lines(lines)
        listing = listing_from(lines, live)
        if listing is None:
            listing = excerpt_listing(lines, live)
        if listing is None:
            listing = credit_feed(lines, live)
        feed = dated_feed(lines, live)      # (newest first: from the top, a listing page)
        if feed is None:
            feed = marked_feed(lines, live)
        if feed is None:
            feed = today_feed(lines, live)
        if listing is None and feed is not None and feed < LISTING_START:
            listing = 0
        if listing is not None:
            return live[listing:]
        listed = sum(1 for i in live if _LABEL.match(lines[i])) >= LABELLED_ITEMS
        roundup = None
        for pos in range(STRONG_LEAD_LINES, len(live)):
            line = lines[live[pos]]
            header = self.is_header(line)
            if header and _LABELLED.match(line):
                if roundup is None:
                    roundup = self.is_roundup(lines, live)
                header = not roundup
            if header and not gone_on(lines, live[1:pos]):
                header = False          # the article's own credit, opening its body
            if header:
                start = min(pos, retold_from(lines, live, pos, LEAD_LINES))
            elif self.has_glued_dateline(line):
                start = pos             # (an events-of-the-day page: its stories share quotes)
            elif self.has_story_inside(line, lines[live[0]]):
                start = pos + 1         # (the line is cut nowhere: its first story is kept)
            elif over_date_line(lines, live, pos):
                start = pos - 1
            elif pos >= LEAD_LINES and (
                    self.is_dateline(line) and not (listed and _LABEL.match(line))
                    or self.has_byline(line)):
                start = pos             # (a copy of the article itself starts here too)
            elif pos >= HEADLINE_LEAD_LINES and headline_over_lead(lines, live, pos):
                start = pos
            elif pos == feed:
                start = pos
            else:
                continue
            if start >= STRONG_LEAD_LINES and sum(
                    len(lines[i].split()) for i in live[:start]) >= MIN_ARTICLE_WORDS and (
                    start >= LEAD_LINES or paragraphs(lines, live[:start]) >= EARLY_PARAGRAPHS):
                return live[start:]
        review = review_teasers(lines, live)      # (a review page's teasers closing the page)
        return live[review:] if review is not None else []

