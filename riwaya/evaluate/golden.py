"""Golden annotation: what a careful reader marks in the articles (``data/golden``).

Two JSON Lines files (see ``data/golden/README.md``), read by :func:`riwaya.jsonl.read_jsonl`,
each line validated by a pydantic model:

- ``statements.jsonl``: :class:`GoldStatement`, one statement a line;
- ``mentions.jsonl``: :class:`GoldMentions`, one document a line.

A bad line raises :class:`~riwaya.errors.GoldenError` naming the file, the line and the field.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from riwaya.errors import GoldenError
from riwaya.jsonl import read_jsonl
from riwaya.pipeline.schema import STANCES
from riwaya.text.normalize import IGNORED_MARKS, strip_diacritics, strip_tatweel

STATEMENTS_FILE = "statements.jsonl"
MENTIONS_FILE = "mentions.jsonl"


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("missing or empty string")
    return value


#: a string with something in it, kept as written (evidence is an exact substring)
Text = Annotated[str, AfterValidator(_not_blank)]
Stance = Literal[STANCES]


class _Golden(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldStatement(_Golden):
    """One statement: ``actor_id`` takes ``stance`` on ``claim_id``, said in ``evidence``."""

    doc_id: Text
    actor_id: Text
    claim_id: Text
    stance: Stance
    evidence: Text
    """An exact substring of the article; its first occurrence locates the statement."""
    note: str = ""
    optional: bool = Field(default=False, strict=True)
    """A defensible reading: never a miss, and a prediction matching it is no false positive."""
    speaker: Optional[str] = None
    """The speaker as the text names them (optional, for annotators)."""
    line: int = Field(default=0, exclude=True)
    """Line in statements.jsonl (1-based), set by :func:`load_golden` to point at the record."""


class GoldMentions(_Golden):
    """What one document refers to: actors, places, and what must not be tagged."""

    doc_id: Text
    actors: tuple[Text, ...] = ()
    places: tuple[Text, ...] = ()
    """Codebook ids, ``CC:<ISO2>`` countries, or ``name:<English name>``."""
    not_places: tuple[Text, ...] = ()
    boilerplate: tuple[Text, ...] = ()
    metonyms: tuple[Text, ...] = ()
    article_lines: tuple[tuple[int, int], ...] = ()
    """``[first, last]`` line ranges of the raw file that are the article (optional)."""


@dataclass(frozen=True)
class Golden:
    statements: tuple[GoldStatement, ...]
    mentions: dict[str, GoldMentions]
    folder: str = ""              # where it was read from, for the report

    @property
    def doc_ids(self) -> list[str]:
        return sorted({s.doc_id for s in self.statements} | set(self.mentions))


def load_golden(golden_dir: Path | str) -> Golden:
    """Read and validate ``statements.jsonl`` and ``mentions.jsonl`` (either may be absent)."""
    root = Path(golden_dir)
    if not root.is_dir():
        raise GoldenError(root, "golden folder not found; pass --golden DIR (the sample's is "
                                "data/golden)")
    statements: list[GoldStatement] = []
    path = root / STATEMENTS_FILE
    if path.exists():
        statements = [s.model_copy(update={"line": n})
                      for n, s in read_jsonl(path, GoldStatement, error=GoldenError)]
    mentions: dict[str, GoldMentions] = {}
    path = root / MENTIONS_FILE
    if path.exists():
        for n, m in read_jsonl(path, GoldMentions, error=GoldenError):
            if m.doc_id in mentions:
                raise GoldenError(path, f"second line for document {m.doc_id}", line=n,
                                  field="doc_id")
            mentions[m.doc_id] = m
    return Golden(statements=tuple(statements), mentions=mentions, folder=str(golden_dir))


# --------------------------------------------------------------------------- evidence in text

def locate(text: str, needle: str) -> tuple[int, int, str] | None:
    """First position of ``needle`` in ``text`` as ``(start, end, how)``, or None.

    ``how`` is ``exact``; or, when only a tolerant search finds it, ``whitespace`` (runs of
    spaces/NBSP/newlines differ), ``nfkc`` (compatibility forms differ) or ``diacritics``
    (the marks the normaliser ignores differ: harakat, tatweel). Positions always index
    ``text`` itself.
    """
    if not needle:
        return None
    i = text.find(needle)
    if i >= 0:
        return i, i + len(needle), "exact"
    attempts = [("whitespace", needle, False), ("nfkc", unicodedata.normalize("NFKC", needle), False),
                ("diacritics", unicodedata.normalize("NFKC", needle), True)]
    for how, form, loose in attempts:
        tokens = form.split()
        if not tokens:
            continue
        if loose:
            marks = f"[{IGNORED_MARKS}]*"
            parts = [marks.join(re.escape(ch) for ch in strip_tatweel(strip_diacritics(t)))
                     for t in tokens]
        else:
            parts = [re.escape(t) for t in tokens]
        m = re.search(r"\s+".join(parts), text)
        if m:
            return m.start(), m.end(), how
    return None


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every non-overlapping position of ``needle`` in ``text`` (as :func:`locate` finds it)."""
    out, start = [], 0
    while needle:
        hit = locate(text[start:], needle)
        if hit is None:
            break
        s, e, _ = hit
        out.append((start + s, start + e))
        start += max(e, s + 1)
    return out
