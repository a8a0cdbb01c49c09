"""Score the place finder on sentences with common words that GeoNames lists as places.

``tests/data/place_words_2.jsonl`` (written from general Arabic, split by a rule fixed before any
result: even lines ``tune``, odd lines ``check``): each line ``{"text", "places": [[surface,
English name or codebook id], ...], "why", "split"}``. A sentence is right when the places found
are exactly those listed. The ``check`` half is scored only in aggregate.

Run ``python tests/place_words_score.py [-v] [--data FILE]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from paraphrase_score import load_items  # noqa: E402  (after the path; the same JSONL reader)

DATA = Path(__file__).resolve().parent / "data" / "place_words_2.jsonl"


def load_cases(path: Path = DATA) -> list[dict]:
    """The sentences of ``path`` (default: the second set)."""
    return load_items(path)


class PlaceFinder:
    """The places of a sentence as ``[surface, English name or codebook id]``."""

    def __init__(self, codebook, gazetteer) -> None:
        from riwaya.pipeline.mentions import EntityIndex
        self.gazetteer = gazetteer
        self.index = EntityIndex.build(codebook, gazetteer)

    def __call__(self, text: str) -> list[list[str]]:
        from riwaya.pipeline.mentions import find_mentions
        from riwaya.text.matcher import NormText
        out = []
        for m in find_mentions(NormText.of(text), self.index):
            if m.kind == "place":
                entry = self.gazetteer.get(m.entity_id) if ":" in m.entity_id else None
                out.append([m.surface, entry.name_en if entry else m.entity_id])
        return out


def score(cases: list[dict], find: PlaceFinder) -> tuple[int, int, int, int]:
    """(sentences right, false places, places expected, places missed)."""
    right = false = expected = missed = 0
    for c in cases:
        got = find(c["text"])
        right += got == c["places"]
        false += sum(g not in c["places"] for g in got)
        expected += len(c["places"])
        missed += sum(p not in got for p in c["places"])
    return right, false, expected, missed


def main(argv: list[str] | None = None) -> int:
    from riwaya.codebook import load_codebook
    from riwaya.pipeline.gazetteer import load_gazetteer
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", action="store_true", help="list the tune half's wrong sentences")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)
    codebook = load_codebook(ROOT / "data" / "codebook")
    find = PlaceFinder(codebook, load_gazetteer(codebook.gazetteer))
    cases = load_cases(args.data)
    for split in ("tune", "check"):
        part = [c for c in cases if c.get("split", "tune") == split]
        right, false, expected, missed = score(part, find)
        print(f"{split}: {right}/{len(part)} sentences right; false places {false}; "
              f"places found {expected - missed}/{expected}")
        if args.v and split == "tune":
            for c in part:
                got = find(c["text"])
                if got != c["places"]:
                    print(f"  {c['why']}: got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
