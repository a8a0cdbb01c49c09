"""The Reader's data: the articles in view and their labels, one article's metadata, sentences,
statements and removed lines, and what to highlight in its text (spans and their legend).

The HTML of the article is built from these spans by :func:`riwaya.dashboard.html.reader_html`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from riwaya.dashboard import listing
from riwaya.dashboard.corpus import Prepared, as_text
from riwaya.dashboard.filters import View
from riwaya.dashboard.memo import per_corpus
from riwaya.dashboard.palette import CUE_COLOUR, OKABE_ITO, PLACE_COLOUR

#: what the metadata table shows of an article: (label, column)
META_FIELDS = (("Outlet", "source"), ("Date", "date"), ("Title", "title"),
               ("Outlet found from", "source_basis"), ("File", "file"))


# --------------------------------------------------------------------------- articles

def _label(doc_id: str, source, date, title) -> str:
    title = as_text(title)
    title = (title[:40] + "…") if len(title) > 41 else title
    # each part isolated (U+2068…U+2069): an Arabic title must not pull the id into its run
    parts = [as_text(source), as_text(date), f"\u2068{title}\u2069" if title else ""]
    return " · ".join(p for p in parts if p) + f" [{doc_id}]"


def doc_rows(prep: Prepared, table: str, doc_id: str) -> pd.DataFrame:
    """The rows of one article in a table of the corpus ("documents", "sentences",
    "mentions", "statements"), in table order: a look-up in an index built once per corpus,
    not a scan of the whole table on every run."""
    frame = getattr(prep, table)
    names, starts, ends, order, bounds = _index(prep, table)
    at = names.get_indexer([doc_id])[0] if isinstance(doc_id, str) else -1
    if at < 0:
        return frame.iloc[0:0]
    runs = order[bounds[at]:bounds[at + 1]]
    if len(runs) == 1:
        return frame.iloc[starts[runs[0]]:ends[runs[0]]]
    return frame.iloc[np.concatenate([np.arange(starts[r], ends[r]) for r in runs])]


def _index(prep: Prepared, table: str):
    """:func:`_row_index` of ``table``'s articles, built once per corpus."""
    return prep.memo.get(("doc_rows", table), lambda: _row_index(getattr(prep, table)["doc_id"]))


def _row_index(doc_ids: pd.Series) -> tuple[pd.Index, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(the ids, where each run of rows of one id starts and ends, the runs ordered by id
    (table order within one), where each id's runs start). An article's rows are together
    in a table (in two runs in the mentions, grouped by kind): an array of runs, not of rows
    (the 6 million mentions' row numbers held 25 MB at 100,000 articles, their sorting 50 MB more)."""
    if isinstance(doc_ids.dtype, pd.CategoricalDtype):
        codes, names = doc_ids.cat.codes.to_numpy(), doc_ids.cat.categories
    else:
        codes, names = pd.factorize(doc_ids)
    small = np.int32 if len(codes) < 2**31 else np.int64
    starts = np.flatnonzero(np.diff(codes, prepend=np.int64(-2)) if len(codes) else codes).astype(small)
    ends = np.append(starts[1:], len(codes)).astype(small)
    run_codes = codes[starts]
    keep = run_codes >= 0   # rows without an article are in no run
    starts, ends, run_codes = starts[keep], ends[keep], run_codes[keep]
    order = np.argsort(run_codes, kind="stable").astype(small)
    bounds = np.searchsorted(run_codes[order], np.arange(len(names) + 1))
    return pd.Index(names), starts, ends, order, bounds


def article_label(prep: Prepared, doc_id: str) -> str:
    """"Outlet · date · title… [doc_id]"; the id alone for an unknown article."""
    d = doc_rows(prep, "documents", doc_id)
    if d.empty:
        return doc_id
    r = d.iloc[0]
    return _label(doc_id, r["source"], r["date"], r["title"])


@per_corpus
def article_labels(prep: Prepared) -> dict[str, str]:
    """{doc_id: :func:`article_label`} of every article, computed in one pass."""
    d = prep.documents
    return {i: _label(i, s, dt, t) for i, s, dt, t in zip(d["doc_id"], d["source"], d["date"], d["title"])}


def labels_of(prep: Prepared, doc_ids) -> dict[str, str]:
    """{doc_id: :func:`article_label`} of ``doc_ids`` only (a chooser's options): not the
    labels of every article, kept (33 MB at 100,000 articles)."""
    ids = [d for d in dict.fromkeys(doc_ids) if isinstance(d, str)]
    names, starts, _, order, bounds = _index(prep, "documents")
    at = names.get_indexer(ids) if ids else np.zeros(0, dtype=int)
    at = at[(at >= 0) & (bounds[at + 1] > bounds[at])] if len(at) else at   # articles with a row
    d = prep.documents.iloc[starts[order[bounds[at]]]]   # each one's first row, one take
    labels = {i: _label(i, s, dt, t) for i, s, dt, t in zip(d["doc_id"], d["source"], d["date"], d["title"])}
    return {i: labels.get(i, i) for i in ids}


def article_ids(view: View) -> list[str]:
    """The articles in view, oldest first."""
    return list(view.documents["doc_id"])


def article_choices(prep: Prepared, doc_ids: list[str], query: str | None = None, *,
                    keep=(), most: int | None = None) -> tuple[list[str], int]:
    """The article chooser's options: ``keep`` (the article open now, a linked one) first, then
    the first ``most`` of ``doc_ids`` whose label (:func:`article_labels`) contains ``query``;
    and how many match. 100,000 options are not sent to the browser on every run."""
    if not (query or "").strip():   # every article matches: the first ones, no label looked up
        offered = set(doc_ids)
        kept = [k for k in dict.fromkeys(keep) if k in offered]
        first = doc_ids[:listing.SHOWN if most is None else most]
        return kept + [i for i in first if i not in set(kept)], len(doc_ids)
    return listing.first_ids(doc_ids, article_labels(prep), query, keep=keep, most=most)


def has_article(prep: Prepared, doc_id) -> bool:
    return not doc_rows(prep, "documents", doc_id).empty


def article(prep: Prepared, doc_id: str) -> pd.Series:
    """The documents row of one article, with its text, raw text and removed lines (read by
    DuckDB: the shared frames do not hold them)."""
    d = doc_rows(prep, "documents", doc_id)
    if d.empty:
        raise KeyError(f"no article {doc_id!r} in the corpus")
    row = d.iloc[0]
    if prep.texts is None:
        return row
    return pd.concat([row, pd.Series(prep.texts.document(doc_id), dtype=object)])


def article_text(prep: Prepared, doc_id: str) -> str | None:
    """The cleaned text of one article (every offset indexes into it); None when there is no
    such article."""
    if doc_rows(prep, "documents", doc_id).empty:
        return None
    return as_text(article(prep, doc_id).get("text")) if prep.texts is not None else None


def article_sentences(prep: Prepared, doc_id: str) -> pd.DataFrame:
    """The sentences of one article with their text (doc_id, sentence_id, start, end, text),
    in text order."""
    s = doc_rows(prep, "sentences", doc_id).sort_values("sentence_id")
    if s.empty or prep.texts is None:
        return s.assign(text=pd.Series(dtype=object))
    return s.assign(text=prep.texts.sentence_texts(s))


def article_meta(doc: pd.Series) -> list[tuple[str, str]]:
    """(label, value) of the article's metadata that is known, in display order."""
    return [(label, doc[col]) for label, col in META_FIELDS if isinstance(doc.get(col), str) and doc[col]]


def article_url(doc: pd.Series) -> str:
    """The article's web address when it is an http(s) URL, else ""."""
    url = doc.get("url")
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else ""


def duplicate_of(doc: pd.Series) -> str:
    """The id of the article this one repeats word for word, or ""."""
    dup = doc.get("duplicate_of")
    return dup if isinstance(dup, str) else ""


def sentence_text(prep: Prepared, doc_id: str, sentence_id: int | None) -> str | None:
    """The text of one sentence of an article; None when there is no such sentence."""
    if sentence_id is None or prep.texts is None:
        return None
    s = doc_rows(prep, "sentences", doc_id)
    hit = s[s["sentence_id"] == sentence_id]
    if hit.empty:
        return None
    text = prep.texts.sentence_texts(hit.iloc[:1]).iloc[0]
    return None if text is None else str(text)


def article_statements(prep: Prepared, doc_id: str) -> pd.DataFrame:
    """Every statement of the article (whatever the filter), in text order: sentence, actor,
    claim_id, stance, cue, review (a reader's decision: confirmed, corrected, added)."""
    st = doc_rows(prep, "statements", doc_id).sort_values("sentence_id", kind="stable")
    return st[["sentence_id", "actor_label", "claim_id", "stance", "cue", "review"]] \
        .rename(columns={"actor_label": "actor", "sentence_id": "sentence"}).reset_index(drop=True)


def removed_lines(doc: pd.Series) -> list[tuple[str, str]]:
    """(reason, text) of each line the cleaning removed from the article (links, tickers, ...)."""
    removed = doc.get("removed")
    if not isinstance(removed, str) or removed in ("", "[]"):
        return []
    try:
        items = json.loads(removed)
    except ValueError:
        return []
    return [(str(it.get("reason", "")), str(it.get("text", ""))) for it in items if isinstance(it, dict)]


# --------------------------------------------------------------------------- highlights

@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str        # actor | place | claim | cue
    label: str
    colour: str


def segments(length: int, spans: list[Span]) -> list[tuple[int, int, list[Span]]]:
    """Cut [0, length) at every span boundary; each piece lists the spans covering it."""
    cuts = {0, length}
    for s in spans:
        cuts.update((max(0, min(length, s.start)), max(0, min(length, s.end))))
    edges = sorted(cuts)
    return [(a, b, [s for s in spans if s.start <= a and s.end >= b])
            for a, b in zip(edges, edges[1:]) if a < b]


def article_actor_colours(prep: Prepared, mentions: pd.DataFrame) -> dict[str, str]:
    """The actors' highlight colours in one article (its ``mentions``): no two alike
    (:func:`riwaya.dashboard.palette.distinct_colours`), in order of first mention."""
    from riwaya.dashboard.palette import distinct_colours

    actors = mentions.loc[mentions["kind"] == "actor"].sort_values("start")["entity_id"]
    return distinct_colours(actors, prep.actor_colours)


def _overlapping(rows: pd.DataFrame, within: tuple[int, int] | None, *pairs: tuple[str, str]) -> pd.DataFrame:
    """The rows whose [start, end) (any of ``pairs`` of columns) overlaps ``within``."""
    if within is None or rows.empty:
        return rows
    lo, hi = within
    keep = pd.Series(False, index=rows.index)
    for start, end in pairs:
        keep |= (rows[start] < hi) & (rows[end] > lo)
    return rows[keep]


def reader_spans(prep: Prepared, doc_id: str, within: tuple[int, int] | None = None) -> list[Span]:
    """Highlight spans (document offsets) of one article: actors, places, claims, cues;
    ``within=(start, end)``: only those overlapping that part of the text (a page of a long
    article: its 200 sentences, not the whole article's spans)."""
    spans: list[Span] = []
    m = doc_rows(prep, "mentions", doc_id)
    place_names = prep.memo.get(("place names",), lambda: {
        p: as_text(n) for p, n in zip(prep.places["entity_id"], prep.places["name_en"])})
    # each actor's label looked up once (a lookup per mention was seconds on a long article)
    labels = {a: prep.actor_label(a) for a in set(m.loc[m["kind"] == "actor", "entity_id"])}
    colours = article_actor_colours(prep, m)   # the whole article's order of first mention
    for r in _overlapping(m, within, ("start", "end")).itertuples(index=False):
        if r.kind == "actor":
            spans.append(Span(int(r.start), int(r.end), "actor", labels[r.entity_id],
                              colours.get(r.entity_id, OKABE_ITO[0])))
        elif r.kind == "place":
            name = place_names.get(r.entity_id, "")
            spans.append(Span(int(r.start), int(r.end), "place", name or as_text(r.surface), PLACE_COLOUR))
    st = _overlapping(doc_rows(prep, "statements", doc_id), within, ("start", "end"),
                      ("cue_start", "cue_end"))
    for r in st.itertuples(index=False):
        spans.append(Span(int(r.start), int(r.end), "claim",
                          f"{r.actor_label} {r.stance} {r.claim_id}",
                          prep.claim_colours.get(r.claim_id, OKABE_ITO[0])))
        if not (pd.isna(r.cue_start) or pd.isna(r.cue_end)):
            spans.append(Span(int(r.cue_start), int(r.cue_end), "cue", as_text(r.cue), CUE_COLOUR))
    return spans


def sentence_bounds(prep: Prepared, doc_id: str) -> list[tuple[int, int, int]]:
    """(start, end, sentence_id) of the article's sentences, in text order."""
    sents = doc_rows(prep, "sentences", doc_id).sort_values("start")
    return [(int(r.start), int(r.end), int(r.sentence_id)) for r in sents.itertuples(index=False)]


# --------------------------------------------------------------------------- pages

#: sentences on one page of the Reader: a very long article is read a page at a time
PAGE_SENTENCES = 200


def page_count(bounds: list[tuple[int, int, int]]) -> int:
    """How many pages an article with these :func:`sentence_bounds` has (at least 1)."""
    return max(1, -(-len(bounds) // PAGE_SENTENCES))


def page_of(bounds: list[tuple[int, int, int]], sentence_id: int | None) -> int:
    """The page holding sentence ``sentence_id`` (the first page when there is none)."""
    for n, (_, _, sid) in enumerate(bounds):
        if sid == sentence_id:
            return n // PAGE_SENTENCES
    return 0


def page_label(bounds: list[tuple[int, int, int]], page: int) -> str:
    """"Sentences 201–400 of 5,984" for a page selector."""
    first = page * PAGE_SENTENCES
    last = min(first + PAGE_SENTENCES, len(bounds))
    return f"Sentences {first + 1:,}–{last:,} of {len(bounds):,}"


def page_range(bounds: list[tuple[int, int, int]], page: int, length: int) -> tuple[int, int]:
    """The text offsets [start, end) page ``page`` shows: from its first sentence (the text's
    start on the first page) to the next page's first sentence (the text's end on the last)."""
    page = min(max(int(page), 0), page_count(bounds) - 1)
    first = page * PAGE_SENTENCES
    start = 0 if page == 0 or not bounds else bounds[first][0]
    nxt = first + PAGE_SENTENCES
    end = bounds[nxt][0] if nxt < len(bounds) else length
    return start, end


def reader_legend(prep: Prepared, doc_id: str) -> list[tuple[str, str, str]]:
    """Legend entries (label, colour, kind) for the article's highlights, in display order."""
    items: list[tuple[str, str, str]] = []
    m = doc_rows(prep, "mentions", doc_id)
    colours = article_actor_colours(prep, m)
    for a in dict.fromkeys(m.loc[m["kind"] == "actor", "entity_id"]):
        items.append((f"Actor: {prep.actor_label(a)}", colours.get(a, OKABE_ITO[0]), "shade"))
    if (m["kind"] == "place").any():
        items.append(("Place", PLACE_COLOUR, "frame"))
    st = doc_rows(prep, "statements", doc_id)
    for c in dict.fromkeys(st["claim_id"]):
        items.append((f"Claim: {prep.claim_short(c)} — {prep.claim_label(c)}",
                      prep.claim_colours.get(c, OKABE_ITO[0]), "underline"))
    if len(st):
        items.append(("Attribution / stance cue", CUE_COLOUR, "bold"))
    return items
