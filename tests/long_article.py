"""A very long article on one line, for the time tests (issue 9, item 6).

Real Arabic sentences from the sample articles in ``data/raw``, repeated in a shuffled order with
small variations (a number, a day, an outlet's word) so that no two neighbouring sentences are
the same, joined by spaces: no newline at all. ``python tests/long_article.py OUT_DIR`` writes
one to ``OUT_DIR/long.txt`` (for profiling: ``python -m cProfile -s cumtime -m riwaya build
--raw OUT_DIR ...``).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"

_END = re.compile(r"(?<=[.!؟?])\s+")
_DAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_LEADS = ("وقال مصدر", "وأضاف", "وفي سياق متصل،", "من جهة أخرى،", "وتابع", "وذكرت الوكالة")


def sample_sentences(raw: Path = RAW) -> list[str]:
    """The sentences of the sample articles (each line cut at its full stops)."""
    out: list[str] = []
    for path in sorted(raw.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out += [s.strip() for s in _END.split(line) if len(s.strip()) > 20]
    if not out:
        raise FileNotFoundError(f"no sample sentences in {raw}")
    return out


def long_article(n_bytes: int = 2_000_000, *, seed: int = 9, raw: Path = RAW) -> str:
    """At least ``n_bytes`` of UTF-8 Arabic text on one line (no newline)."""
    rng = random.Random(seed)
    sentences = sample_sentences(raw)
    parts: list[str] = []
    size = 0
    n = 0
    while size < n_bytes:
        s = rng.choice(sentences)
        kind = n % 4
        if kind == 1:
            s = f"{rng.choice(_LEADS)} {s}"
        elif kind == 2:
            s = f"{s.rstrip('.')} يوم {rng.choice(_DAYS)} {n}."
        elif kind == 3:
            s = s.replace("،", f" ({n % 97})،", 1)
        s = s.replace("\n", " ")
        if not s.endswith((".", "؟", "!")):
            s += "."
        parts.append(s)
        size += len(s.encode("utf-8")) + 1
        n += 1
    text = " ".join(parts)
    assert "\n" not in text and "\r" not in text
    return text


def write_long_article(out_dir: Path | str, n_bytes: int = 2_000_000, name: str = "long.txt") -> Path:
    """Write :func:`long_article` as ``out_dir/name``; returns its path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    path.write_text(long_article(n_bytes), encoding="utf-8")
    return path


if __name__ == "__main__":  # pragma: no cover - manual use
    print(write_long_article(sys.argv[1] if len(sys.argv) > 1 else "/tmp/riwaya-long"))
