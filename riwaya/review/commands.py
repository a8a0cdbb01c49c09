"""``python -m riwaya review list | export``: the review decisions from the command line.

- ``review list [--out DIR] [--history]``: the decisions in force (``--history``: every one
  ever stored), marking those whose sentence is not in the current corpus;
- ``review export --golden DIR [--out DIR]``: the decisions as golden data
  (:mod:`riwaya.review.export`) that ``python -m riwaya evaluate --golden DIR`` scores.

The review file is ``<out>/review.duckdb`` (or ``RIWAYA_REVIEW``; ``--review FILE``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from riwaya.config import review_db


def add_review_parser(sub, paths) -> None:
    """The ``review`` subcommand and its own subcommands, on the main parser's ``sub``."""
    r = sub.add_parser("review", help="list or export the readers' review decisions",
                       description="The decisions readers made in the dashboard (confirm, reject, "
                                   "correct, add), kept in review.duckdb beside the corpus.")
    actions = r.add_subparsers(dest="review_command", required=True, metavar="ACTION")
    for name, text in (("list", "print the decisions (the ones in force; --history: all)"),
                       ("export", "write the decisions as golden data for `riwaya evaluate`")):
        a = actions.add_parser(name, help=text, description=text)
        a.add_argument("--out", type=Path, default=paths.processed,
                       help=f"processed corpus (default $RIWAYA_PROCESSED or {paths.processed})")
        a.add_argument("--review", type=Path, default=None, metavar="FILE",
                       help="review file (default $RIWAYA_REVIEW or <out>/review.duckdb)")
        if name == "list":
            a.add_argument("--history", action="store_true",
                           help="every decision ever stored, also the replaced and withdrawn")
        else:
            a.add_argument("--golden", type=Path, required=True, metavar="DIR",
                           help="folder to write statements.jsonl and mentions.jsonl into")


def _sentences(out: Path):
    """The current corpus's sentences, or None when there is no corpus."""
    from riwaya.errors import CorpusError
    from riwaya.pipeline.store import query

    try:
        return query(out, "SELECT doc_id, sentence_id, text FROM sentences")
    except CorpusError:
        return None


def run_review(args: argparse.Namespace) -> int:
    from riwaya.review.apply import unplaced
    from riwaya.review.export import export_golden, format_decisions
    from riwaya.review.store import ReviewStore

    path = args.review or review_db(args.out)
    store = ReviewStore(path)
    decisions = store.decisions()
    sentences = _sentences(args.out)
    if args.review_command == "list":
        frame = store.history() if args.history else decisions
        lost = set() if sentences is None else set(unplaced(sentences, frame)["id"].astype(int))
        print(f"{path}: {len(decisions)} decision(s) in force")
        print(format_decisions(frame, unplaced=lost))
        return 0
    result = export_golden(decisions, args.golden, sentences)
    print(result.format())
    return 0
