"""A reader's English translation of a sentence, kept in the review file beside the decisions.

Keyed like a decision by the document and the *text* of the sentence (:func:`sentence_key`), so
a translation survives a rebuild. A log like the decisions: the latest translation of a
sentence wins; an empty one takes it back. The table lives in the same ``review.duckdb``, with
the same one-writer-at-a-time lock (:class:`riwaya.review.store.ReviewStore`).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from riwaya.errors import ReviewError
from riwaya.review.model import sentence_key
from riwaya.review.store import ReviewStore

_DDL = """CREATE TABLE IF NOT EXISTS translations (
    doc_id       VARCHAR NOT NULL,
    sentence_key VARCHAR NOT NULL,   -- hash of the normalised sentence text
    sentence     VARCHAR NOT NULL,   -- the sentence as it read
    translation  VARCHAR NOT NULL,   -- English; '' takes a translation back
    reviewer     VARCHAR,
    decided_at   TIMESTAMP NOT NULL  -- UTC
)"""
#: a translation longer than this is refused (a pasted article is not a sentence's translation)
MAX_CHARS = 4000


def save_translation(path: Path | str, doc_id: str, sentence: str, translation: str, *,
                     reviewer: str = "") -> None:
    """Store ``translation`` (English) of the sentence ``sentence`` of ``doc_id`` in the review
    file at ``path``; "" withdraws the sentence's translation."""
    for name, value in (("doc_id", doc_id), ("sentence", sentence), ("translation", translation)):
        if not isinstance(value, str):
            raise TypeError(f"save_translation: expected {name} as str, got {type(value).__name__}")
    if not doc_id.strip() or not sentence.strip():
        raise ReviewError("a translation needs the document and the text of its sentence")
    text = " ".join(translation.split())
    if len(text) > MAX_CHARS:
        raise ReviewError(f"a translation is at most {MAX_CHARS} characters, this one has {len(text)}")
    store = ReviewStore(path)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    with store._connect() as con:
        con.execute(_DDL)
        con.execute("INSERT INTO translations VALUES (?, ?, ?, ?, ?, ?)",
                    [doc_id, sentence_key(sentence), sentence, text, reviewer or None, now])
        con.execute("CHECKPOINT")
    store._bump_version()


def load_translations(path: Path | str) -> dict[tuple[str, str], str]:
    """{(doc_id, sentence_key): translation} of the review file at ``path`` (the latest per
    sentence, withdrawn ones left out); {} when there is no file or no translation yet."""
    if not Path(path).exists():
        return {}
    with ReviewStore(path)._connect() as con:
        con.execute(_DDL)
        rows = con.execute("SELECT doc_id, sentence_key, translation FROM translations "
                           "ORDER BY decided_at, rowid").fetchall()
    latest: dict[tuple[str, str], str] = {}
    for doc_id, key, text in rows:
        latest[(doc_id, key)] = text
    return {k: v for k, v in latest.items() if v}
