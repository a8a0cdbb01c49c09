"""``python -m riwaya briefing``: the briefing of a filtered view, or of a story, written as a
self-contained HTML file and, with ``--pdf``, printed to PDF (the dashboard's Briefing buttons
without the dashboard)."""

from __future__ import annotations

import argparse
from pathlib import Path

from riwaya.config import STORIES_ENV, path_from_env


def add_briefing_parser(sub, paths) -> None:
    b = sub.add_parser(
        "briefing", help="export a view or a story as a self-contained HTML file (and a PDF)",
        description="Write the briefing of the corpus in --processed under a filter (or of every "
                    "step of --story): titled charts, the filter, date and corpus, the evidence "
                    "quotes with their English gloss and the sources. The HTML needs no network "
                    "to open; --pdf prints it with Chromium (RIWAYA_CHROMIUM).")
    b.add_argument("--out", type=Path, required=True, metavar="FILE.html")
    b.add_argument("--pdf", type=Path, metavar="FILE.pdf")
    b.add_argument("--processed", type=Path, default=paths.processed, help="the corpus folder")
    b.add_argument("--story", metavar="NAME", help="every step of data/stories/NAME.json "
                                                   "($RIWAYA_STORIES) instead of one view")
    b.add_argument("--title", help="the briefing's title")
    for flag, key in (("--actor", "actor"), ("--claim", "claim"), ("--outlet", "outlet"),
                      ("--stance", "stance")):
        b.add_argument(flag, action="append", default=[], dest=key, metavar="ID",
                       help="filter (repeat for several), as the dashboard's ?%s=" % key)
    b.add_argument("--conf", help="hide suggestions below this confidence (0 to 1)")
    b.add_argument("--cell", metavar="ACTOR|CLAIM", help="the evidence of one matrix cell")


def run_briefing(args: argparse.Namespace) -> int:
    from components import briefing
    from riwaya.dashboard import story as stories
    from riwaya.dashboard.corpus import prepare
    from riwaya.pipeline.store import load_corpus
    from riwaya.review.store import load_decisions
    from riwaya.review.translations import load_translations
    from riwaya.config import review_db

    prep = prepare(load_corpus(args.processed), load_decisions(review_db(args.processed)))
    translations = load_translations(review_db(args.processed))
    if args.story:
        story = stories.load_story(path_from_env(STORIES_ENV), args.story)
        specs = [briefing.spec_from_params(prep, f"Step {i + 1}", s.params, s.caption)
                 for i, s in enumerate(story.steps)]
        title = args.title or story.title or args.story
    else:
        params = {k: getattr(args, k) for k in ("actor", "claim", "outlet", "stance")}
        params["conf"] = [args.conf] if args.conf else []
        params["cell"] = [args.cell] if args.cell else []
        specs = [briefing.spec_from_params(prep, "The view", params)]
        title = args.title or "Riwaya briefing"
    doc = briefing.render_html(briefing.build(prep, specs, title=title, where=Path(args.processed).name,
                                              translations=translations))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(doc, encoding="utf-8")
    print(f"{args.out}: {len(specs)} section(s), {len(doc) // 1024} KiB")
    if args.pdf:
        from riwaya.dashboard.pdf import html_to_pdf

        args.pdf.parent.mkdir(parents=True, exist_ok=True)
        args.pdf.write_bytes(html_to_pdf(doc))
        print(f"{args.pdf}: {args.pdf.stat().st_size // 1024} KiB")
    return 0
