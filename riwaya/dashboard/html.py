"""ALL the dashboard's HTML, built in one place, escaping every piece of text it embeds.

Article text, titles, outlet names and labels are untrusted: each goes through :func:`esc`
(or :func:`bidi_html`, which escapes too) before it is put into markup. Pages call these
functions and hand the result to ``st.html``; they never build HTML themselves. Text from the
data that reaches an element rendering *markdown* (``st.markdown``, ``st.caption``,
``st.subheader``, ``st.info``/``warning``/``error``, expander labels, ``help``) goes through
:func:`md` instead.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left
from html import escape
from typing import Sequence

import pandas as pd

from riwaya.dashboard.corpus import Prepared, as_text
from riwaya.dashboard.matrix import how_found, speaker_text
from riwaya.dashboard.palette import ARABIC_FONTS, stance_colour, tint
from riwaya.dashboard.reader import (Span, article_meta, article_url, page_range, reader_spans, segments,
                                     sentence_bounds)

_ARABIC = r"\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF"
_ARABIC_RUN = re.compile(rf"[{_ARABIC}](?:[{_ARABIC}\s()«»]*[{_ARABIC})])?")
_FOCUS = ' style="outline: 3px solid #CC79A7; outline-offset: 3px; border-radius: 3px;"'


def esc(value) -> str:
    """Any cell value as escaped text ("" for None and NaN); quotes escaped too (attributes)."""
    return escape(as_text(value) if not isinstance(value, str) else value)


#: every ASCII punctuation mark (CommonMark lets each be backslash-escaped): emphasis, links,
#: code, headings, lists, tables, HTML (<, &), Streamlit's :colour[...] and :material/...:
#: directives, KaTeX ($)
_MD_SPECIAL = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
#: an emoji shortcode (":smile:"): Streamlit turns it into an emoji even with its colons escaped
_MD_SHORTCODE = re.compile(r"(?<=:)(?=[\w+-]+:)")


def md(value) -> str:
    """Any cell value as literal text inside Streamlit markdown ("" for None and NaN): every
    ASCII punctuation mark backslash-escaped, an invisible word joiner after the colon of an
    emoji shortcode, line breaks as spaces. What the reader sees is the value, character for
    character (``**x**`` stays ``**x**``, ``:red[x]`` and ``$x$`` are not rendered)."""
    text = as_text(value) if not isinstance(value, str) else value
    text = " ".join(text.splitlines())
    return _MD_SPECIAL.sub(r"\\\1", _MD_SHORTCODE.sub("\u2060", text))


# --------------------------------------------------------------------------- building blocks

def bidi_html(text) -> str:
    """Escape mixed English/Arabic text and isolate each Arabic run (<bdi dir="rtl">), so a line
    such as "Abu Kamal · البوكمال · 34.45, 40.92" keeps its order."""
    return _ARABIC_RUN.sub(lambda m: f'<bdi dir="rtl" lang="ar" class="riwaya-ar-inline">{m.group(0)}</bdi>',
                           escape(as_text(text)))


def rtl_block(inner_html: str, *, css_class: str = "riwaya-ar", extra_style: str = "") -> str:
    """Wrap already-escaped HTML in a right-to-left Arabic block."""
    return (f'<div class="{css_class}" dir="rtl" lang="ar" style="font-family: {ARABIC_FONTS}; '
            f'text-align: right; line-height: 1.9; {extra_style}">{inner_html}</div>')


def quote_block(text) -> str:
    """Arabic text (escaped) as a quote: a right-to-left block with a coloured edge."""
    return rtl_block(esc(text), css_class="riwaya-ar riwaya-quote")


def quote_blocks(texts: Sequence[str]) -> str:
    """Several quotes one after the other; "none" in italics when there is none."""
    return "".join(quote_block(t) for t in texts) or "<i>none</i>"


def meta_line(inner_html: str) -> str:
    """A line of grey metadata around already-escaped HTML."""
    return f'<div class="riwaya-meta">{inner_html}</div>'


def quote_html(quote: str, *, offset: int, cue_start, cue_end, colour: str = "#E69F00") -> str:
    """The quote escaped, with its cue (document offsets) in a <mark>; RTL block."""
    quote = quote or ""
    try:
        a, b = int(cue_start) - int(offset), int(cue_end) - int(offset)
    except (TypeError, ValueError):
        a = b = -1
    if 0 <= a < b <= len(quote):
        inner = (escape(quote[:a]) +
                 f'<mark class="riwaya-cue" style="background:{tint(colour, 0.45)}; '
                 f'border-bottom: 2px solid {colour}; padding: 0;">' +
                 escape(quote[a:b]) + "</mark>" + escape(quote[b:]))
    else:
        inner = escape(quote)
    return rtl_block(inner, css_class="riwaya-ar riwaya-quote")


# --------------------------------------------------------------------------- map

def place_meta_html(row: pd.Series) -> str:
    """Under a chosen place's name: its Arabic name, coordinates, kind, outlets and speakers."""
    where = f"{row['lat']:.3f}, {row['lon']:.3f}" if row["lat"] == row["lat"] else "no coordinates"
    return (meta_line(f'{bidi_html(row["name_ar"])} · {where} · {esc(row["kind"])} · '
                      f'mentioned by {bidi_html(row["outlets"])}')
            + meta_line(f'Speakers in these sentences: {bidi_html(row["speakers"] or "none")}'))


def sentence_meta_html(r) -> str:
    """Above a sentence naming a place: outlet · date · speakers · claims (or "no claim")."""
    parts = (r.source, r.date, f"speakers: {r.speakers}" if r.speakers else "",
             f"claims: {r.stances}" if r.stances else "no claim")
    return meta_line(bidi_html(" · ".join(x for x in parts if x)))


# --------------------------------------------------------------------------- matrix

def evidence_meta_html(r) -> str:
    """The head of an evidence card (a row of :func:`riwaya.dashboard.matrix.evidence`): stance
    badge, actor, claim, outlet, date and the words naming the speaker."""
    date = f" · {esc(r.date)}" if isinstance(r.date, str) and r.date else ""
    return meta_line(
        f'<span style="background:{stance_colour(r.stance)};color:#fff;padding:1px 8px;'
        f'border-radius:8px">{esc(r.stance)}</span> <b>{bidi_html(r.actor_label)}</b> '
        f'on <b title="{esc(r.claim_label)}">{esc(r.claim_short)}</b> · {bidi_html(r.source)}{date}'
        f' · speaker named as “<span dir="rtl" class="riwaya-ar">{esc(r.actor_surface)}</span>”')


def evidence_found_html(r) -> str:
    """Under an evidence card's head: how the statement was found (a cue pattern, similarity to
    the claim's examples with its score, both, a reviewer) and who the speaker is."""
    return meta_line(f'<span class="riwaya-found">{esc(how_found(r))}</span> · '
                     f'<span class="riwaya-speaker-kind">Speaker: {bidi_html(speaker_text(r))}</span>')


def evidence_quote_html(r) -> str:
    """The quote of an evidence card, its cue marked in the stance's colour. A row annotated by
    :func:`riwaya.dashboard.gloss.annotate` shows its English gloss first and its whole
    sentence (not the quote cut where the speaker's words end), then a reader's translation."""
    sentence = as_text(getattr(r, "sentence", ""))
    text, offset = (sentence, getattr(r, "sentence_start", r.start)) if sentence else (r.quote, r.start)
    quote = quote_html(text, offset=offset, cue_start=r.cue_start, cue_end=r.cue_end,
                       colour=stance_colour(r.stance))
    return (gloss_html(getattr(r, "gloss", ""), stance=r.stance) + quote
            + translation_html(getattr(r, "translation", "")))


def gloss_html(gloss, *, stance: str = "") -> str:
    """An English gloss ("Russian Ministry of Defence concedes: …") as a left-to-right line,
    its speaker and verb in bold; "" for none."""
    text = as_text(gloss)
    if not text:
        return ""
    head, sep, claim = text.partition(": ")
    edge = f"border-left: 4px solid {stance_colour(stance)}; " if stance else ""
    inner = f"<b>{bidi_html(head)}</b>{esc(sep)}{bidi_html(claim)}" if sep else bidi_html(text)
    return (f'<div class="riwaya-gloss" dir="ltr" lang="en" style="{edge}padding: .1rem .6rem; '
            f'margin: .2rem 0;">{inner}</div>')


def glosses_html(glosses: Sequence[str]) -> str:
    """The glosses of a sentence's statements, one a line ("No claim" when none)."""
    return "".join(gloss_html(g) for g in glosses) or meta_line("No claim in this sentence.")


def translation_html(translation) -> str:
    """A reader's English translation of the quoted sentence; "" for none."""
    text = as_text(translation)
    if not text:
        return ""
    return (f'<div class="riwaya-translation" dir="ltr" lang="en" style="font-style: italic; '
            f'padding: .1rem .6rem;">Reader\'s translation: “{bidi_html(text)}”</div>')


# --------------------------------------------------------------------------- review

#: the badge colour of a review decision (Okabe-Ito)
REVIEW_COLOURS = {"confirmed": "#009E73", "corrected": "#0072B2", "added": "#56B4E9",
                  "rejected": "#D55E00", "undone": "#666666", "error": "#D55E00"}


def review_note_html(status: str, label: str, text: str) -> str:
    """A review decision in one line: a badge (``label`` in the status's colour) and what was
    stored or who decided (``text``, escaped, Arabic runs isolated)."""
    colour = REVIEW_COLOURS.get(status, "#666666")
    return meta_line(f'<span class="riwaya-review" data-review="{esc(status)}" style="background:'
                     f'{colour};color:#fff;padding:1px 8px;border-radius:8px">{esc(label)}</span> '
                     f'{bidi_html(text)}')


# --------------------------------------------------------------------------- compare

def claim_list_html(prep: Prepared, claim_ids: Sequence[str]) -> str:
    """Claims by short label (full statement on hover), one a line; "—" for none."""
    return "<br>".join(f'<span title="{esc(prep.claim_label(c))}">{esc(prep.claim_short(c))}</span>'
                       for c in claim_ids) or "—"


def group_claims_html(prep: Prepared, label: str, only: Sequence[str], missing: Sequence[str]) -> str:
    """A compared group: the claims only it reports, and those it leaves out."""
    return (f"<b>{bidi_html(label)}</b>"
            f"<p><u>Only here</u><br>{claim_list_html(prep, only)}</p>"
            f"<p><u>Leaves out (others report it)</u><br>{claim_list_html(prep, missing)}</p>")


def overlap_counts_html(label: str, shared: int, unique: int) -> str:
    return f"<b>{bidi_html(label)}</b>: {int(shared)} shared, {int(unique)} only here"


def shared_sentence_html(text: str, best_group: str, score: float) -> str:
    """A sentence and the group whose closest sentence it matches, with the similarity."""
    return quote_block(text) + meta_line(f"≈ {bidi_html(best_group)} ({float(score):.0f}%)")


# --------------------------------------------------------------------------- reader

def reader_meta_html(doc: pd.Series) -> str:
    """The article's metadata as a table; its link (http(s) only) opens in a new tab."""
    rows = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{esc(k)}</th>"
                   f"<td dir='auto'>{esc(v)}</td></tr>" for k, v in article_meta(doc))
    url = article_url(doc)
    if url:
        rows += (f"<tr><th style='text-align:left'>Link</th><td><a href='{escape(url, quote=True)}' "
                 f"target='_blank' rel='noopener noreferrer'>{esc(url)}</a></td></tr>")
    return f"<table class='riwaya-meta'>{rows}</table>"


def removed_line_html(reason: str, text: str) -> str:
    """A line removed by the cleaning: why, then the line."""
    return f"<div class='riwaya-meta'>{esc(reason)}</div>" + rtl_block(esc(text))


def scroll_script(sentence_id: int, doc_id: str = "") -> str:
    """A script scrolling sentence ``sentence_id`` of the reader into view, once per article
    and sentence: a later run of the page (a click on a widget) does not pull the reader back
    to it. Only an integer and a hash of the doc id reach the script, never article text."""
    target = json.dumps(f"s-{int(sentence_id)}")
    once = json.dumps(hashlib.sha1(f"{doc_id}\n{int(sentence_id)}".encode()).hexdigest()[:16])
    return (f"<script>setTimeout(function(){{if(window.riwayaScrolledTo==={once})return;"
            f"var e=document.getElementById({target});"
            f"if(e){{e.scrollIntoView({{block:'center'}});window.riwayaScrolledTo={once};}}}}, 300);"
            f"</script>")


def legend_html(items: Sequence[tuple[str, str, str]]) -> str:
    """A legend: (label, colour, kind) with kind "shade", "frame", "underline" or "bold"."""
    out = []
    for label, colour, kind in items:
        if kind == "frame":
            sample = (f'<span style="outline: 1.5px dashed {colour}; outline-offset: 1px; '
                      f'background:{tint(colour, 0.10)}; padding: 0 4px">abc</span>')
        elif kind == "underline":
            sample = f'<span style="text-decoration: underline 3px {colour}; text-underline-offset: 5px">abc</span>'
        elif kind == "bold":
            sample = '<b>abc</b>'
        else:
            sample = f'<span style="background:{tint(colour, 0.30)}; padding: 0 4px">abc</span>'
        out.append(f'<span style="margin-right: 1.2em; white-space: nowrap">{sample} {esc(label)}</span>')
    return '<div class="riwaya-legend" style="line-height: 2">' + " ".join(out) + "</div>"


def _style(covering: Sequence[Span]) -> tuple[str, str]:
    """(CSS, tooltip) of a piece of text covered by these spans."""
    styles, titles = [], []
    first = {kind: next((s for s in covering if s.kind == kind), None)
             for kind in ("actor", "place", "claim", "cue")}
    if (actor := first["actor"]) is not None:
        styles.append(f"background:{tint(actor.colour, 0.30)}")
        titles.append(f"actor: {actor.label}")
    if (place := first["place"]) is not None:  # a dashed frame, never like an actor's colour
        styles.append(f"outline: 1.5px dashed {place.colour}; outline-offset: 1px; "
                      f"background:{tint(place.colour, 0.10)}")
        titles.append(f"place: {place.label}")
    if (claim := first["claim"]) is not None:
        styles.append(f"text-decoration: underline 3px {claim.colour}; text-underline-offset: 6px")
        titles.append(f"claim: {claim.label}")
    if (cue := first["cue"]) is not None:
        styles.append("font-weight: 700")
        titles.append(f"cue: {cue.label}")
    return "; ".join(styles), " | ".join(titles)


class _Spans:
    """The highlight spans of an article, found by offset in log time (a scan of every span for
    every sentence made a long article's HTML quadratic); those of a range come back in their
    original order, which decides the colour where two spans of a kind cover the same words."""

    def __init__(self, spans: Sequence[Span]):
        self.spans = sorted(enumerate(spans), key=lambda x: (x[1].start, x[0]))
        self.starts = [s.start for _, s in self.spans]
        self.longest = max((s.end - s.start for _, s in self.spans), default=0)

    def within(self, a: int, b: int) -> list[Span]:
        lo, hi = bisect_left(self.starts, a - self.longest), bisect_left(self.starts, b)
        return [s for _, s in sorted(x for x in self.spans[lo:hi] if x[1].start < b and x[1].end > a)]


def _highlighted(text: str, spans: _Spans, a: int, b: int) -> str:
    """text[a:b] escaped, each piece in a <span> styled by the spans covering it."""
    local = [Span(max(s.start, a) - a, min(s.end, b) - a, s.kind, s.label, s.colour)
             for s in spans.within(a, b)]
    out = []
    for x, y, cover in segments(b - a, local):
        chunk = escape(text[a + x:a + y])
        style, title = _style(cover)
        out.append(f'<span style="{escape(style)}" title="{escape(title)}">{chunk}</span>' if style else chunk)
    return "".join(out)


def reader_html(prep: Prepared, doc_id: str, *, focus_sentence: int | None = None,
                page: int | None = None) -> str:
    """The article as escaped, right-to-left HTML: one <span id="s-N"> per sentence, with
    actors and places shaded, statements underlined in their claim's colour, cues in bold.
    ``page``: only that page of :data:`riwaya.dashboard.reader.PAGE_SENTENCES` sentences (a
    very long article); None: the whole article."""
    from riwaya.dashboard.reader import article_text

    text = article_text(prep, doc_id)   # the one article's text, read by DuckDB
    if text is None:
        return ""
    bounds = sentence_bounds(prep, doc_id)
    lo, hi = (0, len(text)) if page is None else page_range(bounds, page, len(text))
    spans = _Spans(reader_spans(prep, doc_id, within=(lo, hi)))
    pieces: list[str] = []
    pos = lo
    # pieces never cross a sentence edge
    for start, end, sid in bounds:
        if start < pos or end > hi or start >= end:
            continue
        if start > pos:
            pieces.append(_highlighted(text, spans, pos, start))
        focus = f' class="riwaya-sent riwaya-focus"{_FOCUS}' if focus_sentence == sid else ' class="riwaya-sent"'
        pieces.append(f'<span id="s-{sid}" data-sentence="{sid}"{focus}>{_highlighted(text, spans, start, end)}</span>')
        pos = end
    if pos < hi:
        pieces.append(_highlighted(text, spans, pos, hi))
    return rtl_block("".join(pieces), css_class="riwaya-ar riwaya-reader",
                     extra_style="white-space: pre-wrap; font-size: 1.25em;")


# --------------------------------------------------------------------------- search

def marked_text_html(text, spans: Sequence[tuple[int, int]]) -> str:
    """Arabic text escaped, right-to-left, the (start, end) ``spans`` in <mark>."""
    text, out, pos = as_text(text), [], 0
    for a, b in spans:
        if a < pos or b > len(text) or a >= b:
            continue
        out.append(escape(text[pos:a]) + f'<mark class="riwaya-hit">{escape(text[a:b])}</mark>')
        pos = b
    out.append(escape(text[pos:]))
    return rtl_block("".join(out), css_class="riwaya-ar riwaya-quote")


def search_hit_html(r, glosses: Sequence[str]) -> str:
    """A search hit (a row of :func:`riwaya.dashboard.search.search`): outlet, date, title and
    sentence number, the sentence with the query's words marked, the glosses of its statements."""
    parts = [as_text(r.source), as_text(r.date), as_text(r.title), f"sentence {int(r.sentence_id) + 1}",
             f"matched in the {as_text(r.matched)}"]
    return (meta_line(bidi_html(" · ".join(p for p in parts if p)))
            + marked_text_html(r.text, list(r.marks or []))
            + "".join(gloss_html(g) for g in glosses))


# --------------------------------------------------------------------------- story

def story_caption_html(title, number: int, count: int, caption) -> str:
    """A story step's head: the story's title, "step n of N" and the caption (escaped)."""
    return (f'<div class="riwaya-story" data-step="{int(number)}">'
            f'<div class="riwaya-meta">{bidi_html(title)} · step {int(number)} of {int(count)}</div>'
            f'<div class="riwaya-story-caption" dir="auto">{bidi_html(caption)}</div></div>')


def story_step_html(number: int, caption, page_label) -> str:
    """One step in the story editor's list: number, page and caption."""
    return (f'<div class="riwaya-story-step"><b>{int(number)}.</b> <i>{esc(page_label)}</i> · '
            f'<span dir="auto">{bidi_html(caption) or "(no caption)"}</span></div>')
