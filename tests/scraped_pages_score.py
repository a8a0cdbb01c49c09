"""Score the cleaner and the place finder on self-written scraped pages.

``tests/data/scraped_pages.jsonl`` holds pages written for this purpose (not taken from any
corpus page) in the layouts of many Arabic news sites: an article (headline and paragraphs)
wrapped in page furniture (related-stories and "read also" blocks, most-read and teaser lists
with dates, times or view counts, menus, breadcrumbs, tags, tickers, bylines, datelines, photo
credits, comments, newsletter, cookie and app prompts, share buttons, footers with addresses,
author boxes, a second story run on below the article, leads of other stories with no
heading, excerpts glued together with another outlet's byline inside a line; and articles
whose own closing paragraphs must stay). The furniture names places the article
does not. Each line::

    {"id", "split": "tune" | "check", "style", "lines": [...], "main": [indices of article lines]}

A page passes when the cleaner keeps exactly its article lines and no place is found in the
cleaned text that the article lines alone do not give. The ``check`` split is kept for judging:
the cleaner is tuned on ``tune`` failures only.

``tests/data/scraped_pages_2.jsonl`` is a second set, written later and split by a rule fixed
before any result (even lines tune, odd lines check): pages carrying several stories (live
blogs, roundups, tag archives, second and third stories on the same war), region menus, prayer
time and weather widgets, tickers, correspondent lists, offices and addresses.

Run ``python tests/scraped_pages_score.py [-v] [--split tune|check] [--data FILE]`` for the score.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:   # run as a script: python tests/scraped_pages_score.py
    sys.path.insert(0, str(ROOT))

from paraphrase_score import load_items  # noqa: E402  (after the path; the same JSONL reader)

DATA = Path(__file__).resolve().parent / "data" / "scraped_pages.jsonl"
DATA_2 = DATA.with_name("scraped_pages_2.jsonl")


def load_pages(path: Path = DATA) -> list[dict]:
    """The pages of ``path``, one JSON object a line (the paraphrase set's reader)."""
    return load_items(path)


@dataclass(frozen=True)
class PageResult:
    id: str
    lost: tuple[str, ...]        # article lines the cleaner dropped
    kept: tuple[str, ...]        # furniture lines the cleaner kept
    leaked: tuple[str, ...]      # places found only because furniture was kept
    furniture: int
    article: int

    @property
    def ok(self) -> bool:
        return not (self.lost or self.kept or self.leaked)


class PageJudge:
    """Cleans a page with a codebook's rules and finds its places."""

    def __init__(self, codebook, gazetteer) -> None:
        from riwaya.pipeline.mentions import EntityIndex
        self.codebook = codebook
        self.index = EntityIndex.build(codebook, gazetteer)
        self.agencies = codebook.gazetteer.news_agencies if codebook.gazetteer else ()

    def places(self, text: str) -> set[str]:
        from riwaya.pipeline.mentions import find_mentions
        from riwaya.text.matcher import NormText
        found = find_mentions(NormText.of(text), self.index)
        return {m.entity_id for m in found if m.kind == "place"}

    def judge(self, page: dict) -> PageResult:
        from riwaya.pipeline.clean import clean_text
        lines = page["lines"]
        main = [lines[i] for i in page["main"]]
        other = [x for i, x in enumerate(lines) if i not in set(page["main"])]
        out = clean_text("\n".join(lines), boilerplate=self.codebook.boilerplate,
                         sources=self.codebook.sources, agencies=self.agencies)
        kept = set(out.text.split("\n"))
        leaked = self.places(out.text) - self.places("\n".join(main))
        return PageResult(page["id"], tuple(x for x in main if x not in kept),
                          tuple(x for x in other if x in kept), tuple(sorted(leaked)),
                          len(other), len(main))


def score_line(results: list[PageResult], name: str) -> str:
    furniture = sum(r.furniture for r in results)
    article = sum(r.article for r in results)
    kept = sum(len(r.kept) for r in results)
    lost = sum(len(r.lost) for r in results)
    leaked = sum(len(r.leaked) for r in results)
    return (f"{name}: {sum(r.ok for r in results)}/{len(results)} pages right; furniture lines "
            f"removed {furniture - kept}/{furniture}; "
            f"article lines kept {article - lost}/{article}; "
            f"places from furniture {leaked}")


def main(argv: list[str] | None = None) -> int:
    from riwaya.codebook import load_codebook
    from riwaya.pipeline.gazetteer import load_gazetteer
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", action="store_true", help="list the failing pages")
    ap.add_argument("--split", choices=("tune", "check"))
    ap.add_argument("--data", type=Path, default=DATA, help="the pages (default: %(default)s)")
    args = ap.parse_args(argv)
    codebook = load_codebook(ROOT / "data" / "codebook")
    judge = PageJudge(codebook, load_gazetteer(codebook.gazetteer))
    pages = load_pages(args.data)
    for split in ("tune", "check"):
        if args.split and split != args.split:
            continue
        results = [judge.judge(p) for p in pages if p["split"] == split]
        print(score_line(results, split))
        if args.v and (split == "tune" or args.split == "check"):
            for r in results:
                if not r.ok:
                    print(f"  {r.id}: lost {list(r.lost)} kept {list(r.kept)} "
                          f"places {list(r.leaked)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
