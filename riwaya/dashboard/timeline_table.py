"""The timeline as rows: its table (a page of it, searched, and the CSV) and the statement
chooser of the Timeline page, over a :class:`riwaya.dashboard.timeline.Timeline`."""

from __future__ import annotations

import numpy as np
import pandas as pd

from riwaya.dashboard import listing
from riwaya.dashboard.corpus import as_text
from riwaya.dashboard.filters import View
from riwaya.dashboard.matrix import EVIDENCE_COLUMNS, reader_links
from riwaya.dashboard.timeline import CATEGORIES, Timeline, plain, quotes

def table(tl: Timeline) -> pd.DataFrame:
    """The timeline as a table (also the CSV): claim, date ("no date" when missing), outlet,
    article title, actor, stance, lifecycle mark, quote, a link to the reader at the sentence."""
    return _table(tl, _table_order(tl))   # not kept: 100 MB at 110,000 statements; a page's rows: table_page


def table_csv(tl: Timeline) -> bytes:
    """:func:`table` as the page's CSV download (UTF-8), made when asked for (not kept: 30 MB
    for 110,000 statements at 100,000 articles)."""
    return table(tl).to_csv(index=False).encode("utf-8")


def _table_order(tl: Timeline):
    """The positions of the points in the table's order (the lanes top to bottom, then as drawn)."""
    def order():
        lane = tl.points["claim_id"].astype(object).map({c: i for i, (c, _) in enumerate(tl.lanes)})
        return np.argsort(lane.to_numpy(dtype=float), kind="stable")
    return tl.once("table_order", order)


def _table(tl: Timeline, rows) -> pd.DataFrame:
    """:func:`table`'s rows of the points at ``rows`` (positions), in that order."""
    p = tl.points.iloc[rows]
    p = p.assign(**{c: plain(p[c]) for c in CATEGORIES})
    out = pd.DataFrame({
        "claim": p["claim_short"], "date": [d or "no date" for d in p["date"]], "outlet": p["source"],
        "title": p["title"], "actor": p["actor_label"], "stance": p["stance"],
        "lifecycle": p["milestone"], "quote": quotes(tl, p), "claim_id": p["claim_id"],
        "doc_id": p["doc_id"], "sentence_id": p["sentence_id"],
        "reader_link": reader_links(p["doc_id"], p["sentence_id"]),
    })
    return out.reset_index(drop=True)


def statement_labels(tl: Timeline, statement_ids) -> dict[str, str]:
    """{statement id: "claim · actor stance · outlet, date"} of ``statement_ids`` only (those a
    chooser lists; unknown ids left out)."""
    at = tl.once("statement_at", lambda: pd.Index(tl.points["statement_id"]))
    found = [i for i in dict.fromkeys(statement_ids) if isinstance(i, str) and i in at]
    rows = tl.points.iloc[at.get_indexer(found)] if found else tl.points.iloc[0:0]
    return {r.statement_id: _statement_label(r) for r in rows.itertuples(index=False)}


def has_statement(tl: Timeline, statement_id) -> bool:
    return isinstance(statement_id, str) and statement_id in tl.once("statement_at", lambda: pd.Index(tl.points["statement_id"]))


def _statement_label(r) -> str:
    return (f"{r.claim_short} · {r.actor_label} {r.stance} · {as_text(r.source)}"
            + (f", {r.date}" if r.date else ""))


def statement_choices(tl: Timeline) -> dict[str, str]:
    """{statement id: "claim · actor stance · outlet, date"} for the statement chooser."""
    return tl.once("statement_choices", lambda: _statement_choices(tl))


def _statement_choices(tl: Timeline) -> dict[str, str]:
    return {r.statement_id: _statement_label(r) for r in tl.points.itertuples(index=False)}


def statement_options(tl: Timeline, *, keep=(), most: int | None = None) -> tuple[list[str], int]:
    """The statement chooser's options: ``keep`` (the chosen or clicked statement, a linked
    one) first, then the first ``most`` statements; and how many there are (a click on any
    point still chooses it: it is kept)."""
    ids = tl.points["statement_id"]
    shown, _ = listing.first_ids(ids.head(listing.SHOWN if most is None else most), {}, None, most=most)
    kept = [k for k in dict.fromkeys(keep) if has_statement(tl, k) and k not in set(shown)]
    return kept + shown, len(ids)


def table_page(tl: Timeline, query: str | None = None, *, most: int | None = None) -> tuple[pd.DataFrame, int]:
    """The first ``most`` rows of :func:`table` containing ``query`` in claim, date, outlet,
    title, actor, stance or quote; and how many match (the CSV has them all)."""
    if not (query or "").strip():   # the first rows only are made
        order = _table_order(tl)
        return _table(tl, order[:listing.SHOWN if most is None else most]), len(order)
    t = table(tl)
    texts = t["claim"].astype(str)
    for column in ("date", "outlet", "title", "actor", "stance", "quote"):
        texts = texts + " " + t[column].astype(str)
    return listing.first_rows(t, texts, query, most=most)


def evidence(view: View, statement_id: str | None) -> pd.DataFrame:
    """The evidence row (:data:`riwaya.dashboard.matrix.EVIDENCE_COLUMNS`) of one statement."""
    st = view.statements
    return st[st["statement_id"] == statement_id].reindex(columns=EVIDENCE_COLUMNS).reset_index(drop=True)
