"""Long lists cut for the browser: the first rows (or options) that match a search, and how many
match. A table or chooser of 100,000 rows is neither readable nor cheap to send (every rerun
ships it to the browser); the page shows :data:`SHOWN` of them, says how many there are, offers a
search, and the full table stays downloadable as a CSV made when asked for.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import pandas as pd

#: rows of a long table, or options of a long chooser, sent to the browser
SHOWN = 200


def matching(texts: pd.Series, query: str | None) -> pd.Series:
    """Which of ``texts`` contain ``query`` (case-insensitive, as typed: no pattern); all when
    the query is empty."""
    if not isinstance(texts, pd.Series):
        raise TypeError(f"matching: expected a pandas Series of texts, got {type(texts).__name__}")
    q = (query or "").strip()
    if not q:
        return pd.Series(True, index=texts.index)
    return texts.astype(str).str.contains(q, case=False, regex=False, na=False)


def first_rows(frame: pd.DataFrame, texts: pd.Series, query: str | None, *,
               most: int | None = None) -> tuple[pd.DataFrame, int]:
    """The first ``most`` (default :data:`SHOWN`) rows of ``frame`` whose ``texts`` (one per
    row) contain ``query``, and how many rows match."""
    most = SHOWN if most is None else most
    hit = matching(texts, query).to_numpy()
    total = int(hit.sum())
    return frame[hit].head(most).reset_index(drop=True), total


def first_ids(ids: Sequence[str], labels: pd.Series | dict, query: str | None, *,
              keep: Iterable[str | None] = (), most: int | None = None) -> tuple[list[str], int]:
    """The options of a long chooser: ``keep`` (the value chosen now, a linked one: those of
    ``ids`` only) first, then the first ``most`` of ``ids`` whose label contains ``query``; and
    how many of ``ids`` match."""
    most = SHOWN if most is None else most
    ids = list(ids)
    texts = pd.Series([labels.get(i, i) for i in ids] if isinstance(labels, dict) else list(labels),
                      dtype=object)
    if len(texts) != len(ids):
        raise TypeError(f"first_ids: expected one label per id, got {len(texts)} for {len(ids)}")
    hit = matching(texts, query).to_numpy()
    found = [i for i, h in zip(ids, hit) if h]
    offered = set(ids)
    kept = [k for k in dict.fromkeys(keep) if k in offered]
    shown = kept + [i for i in found[:most] if i not in set(kept)]
    return shown, len(found)


def shown_note(shown: int, total: int, noun: str) -> str:
    """"Showing the first 200 of 100,000 articles: ..." when the list is cut, else ""."""
    if total <= shown:
        return ""
    return (f"Showing the first {shown:,} of {total:,} {noun}: type in the search box to find "
            "others; the download has them all.")
