"""Command line: ``python -m riwaya build | check-codebook | evaluate | info``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from . import __version__
from .build import DEFAULT_CODEBOOK, DEFAULT_OUT, DEFAULT_RAW, build_corpus
from .errors import RiwayaError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m riwaya",
        description="Riwaya: turn raw Arabic news articles into a corpus of who said what, "
                    "about which claim, where.")
    p.add_argument("--version", action="version", version=f"riwaya {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="process raw articles into the Parquet corpus",
                       description="Read every article in --raw, clean it, find actor and place "
                                   "mentions and statements using --codebook, and publish the "
                                   "corpus to --out atomically (a crash or a bad file leaves the "
                                   "previous corpus whole). Unreadable articles are skipped with "
                                   "their reason. No network is used unless --geocode-online.")
    b.add_argument("--raw", type=Path, default=DEFAULT_RAW, help=f"raw articles (default {DEFAULT_RAW})")
    b.add_argument("--codebook", type=Path, default=DEFAULT_CODEBOOK,
                   help=f"codebook folder (default {DEFAULT_CODEBOOK})")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT,
                   help=f"output folder (default {DEFAULT_OUT})")
    b.add_argument("--geocode-online", action="store_true",
                   help="look up places the offline gazetteer lacks with Nominatim (cached in "
                        "data/cache, rate-limited; RIWAYA_NOMINATIM_URL sets the server)")
    b.add_argument("--ner-model", metavar="DIR", default=None,
                   help="camel-tools NER model folder (default: camel-tools' installed model, "
                        "if any; without one the pipeline uses the codebook and gazetteer only)")
    b.add_argument("--json", action="store_true", help="print the summary as JSON")

    c = sub.add_parser("check-codebook", help="validate a codebook folder and report its size")
    c.add_argument("--codebook", type=Path, default=DEFAULT_CODEBOOK)

    e = sub.add_parser("evaluate", help="compare the built corpus with golden annotations",
                       description="Precision/recall of statements, stance accuracy, mention recall "
                                   "against --golden; exits 1 below the acceptance thresholds.")
    e.add_argument("--out", type=Path, default=DEFAULT_OUT)
    e.add_argument("--golden", type=Path, default=Path("data/golden"))
    e.add_argument("--json", action="store_true")

    i = sub.add_parser("info", help="show what the current corpus holds")
    i.add_argument("--out", type=Path, default=DEFAULT_OUT)
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        if args.command == "build":
            report = build_corpus(args.raw, args.codebook, args.out,
                                  geocode_online=args.geocode_online, ner_model=args.ner_model,
                                  show_progress=not args.json)
            print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json
                  else report.format())
            return 0
        if args.command == "check-codebook":
            from .codebook import load_codebook

            cb = load_codebook(args.codebook)
            print(f"{args.codebook}: {len(cb.actors)} actors, {len(cb.claims)} claims, "
                  f"{len(cb.places)} places, {len(cb.lexicon)} lexicon entries, "
                  f"{len(cb.boilerplate)} boilerplate rules, {len(cb.sources)} source rules: OK")
            return 0
        if args.command == "evaluate":
            from .evaluate import evaluate
            from .store import load_corpus

            result = evaluate(load_corpus(args.out), args.golden)
            print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if args.json
                  else result.format())
            return 0 if result.passed else 1
        if args.command == "info":
            from .store import load_corpus

            corpus = load_corpus(args.out)
            summary = corpus.manifest.get("summary", {})
            print(f"build {corpus.manifest.get('build')} ({corpus.manifest.get('built_at')})")
            for name in ("documents", "sentences", "mentions", "places", "statements", "actors", "claims"):
                print(f"{name:<11} {len(getattr(corpus, name))}")
            if summary.get("skipped"):
                print("skipped:", *(f"{f}: {r}" for f, r in summary["skipped"]), sep="\n  ")
            return 0
    except RiwayaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 1


if __name__ == "__main__":
    sys.exit(main())
