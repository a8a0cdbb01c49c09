"""The one command line: ``python -m riwaya build | check-codebook | evaluate | info | review |
new | add | briefing``
(also installed as ``riwaya``). Default folders come from :mod:`riwaya.config`; any
:class:`~riwaya.errors.RiwayaError` is printed on one line and exits 2."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from riwaya import __version__
from riwaya.config import GOLDEN_ENV, Paths, path_from_env
from riwaya.errors import RiwayaError, UsageError


class TqdmProgress:
    """A build's progress callback drawn as a tqdm bar on stderr: documents done of the
    total, rate and time left (``building:  60%|██▍ | 12/20 [00:03<00:02, 4.0doc/s]``);
    quiet for a few files when stderr is not a terminal."""

    def __init__(self, *, bar: bool = True, desc: str = "building", unit: str = "doc") -> None:
        self.bar = None
        self.show_bar = bar
        self.desc, self.unit = desc, unit

    def __call__(self, done: int, total: int, what: str) -> None:
        if not total:  # no count yet: a message such as waiting for another build
            print(what, file=sys.stderr)
            return
        if not self.show_bar:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=self.unit, desc=self.desc, file=sys.stderr,
                            disable=total < 20 and not sys.stderr.isatty())
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _parser() -> argparse.ArgumentParser:
    paths = Paths.from_env()
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
    b.add_argument("--raw", type=Path, default=paths.raw,
                   help=f"raw articles (default $RIWAYA_RAW or {paths.raw})")
    b.add_argument("--codebook", type=Path, default=paths.codebook,
                   help=f"codebook folder (default $RIWAYA_CODEBOOK or {paths.codebook})")
    b.add_argument("--out", type=Path, default=paths.processed,
                   help=f"output folder (default $RIWAYA_PROCESSED or {paths.processed})")
    b.add_argument("--geocode-online", action="store_true",
                   help="look up places the offline gazetteer lacks with Nominatim (cached "
                        "beside the corpus in cache/, or in $RIWAYA_CACHE; rate-limited; "
                        "RIWAYA_NOMINATIM_URL sets the server)")
    b.add_argument("--ner-model", metavar="DIR", default=None,
                   help="camel-tools NER model folder (default: camel-tools' installed model, "
                        "if any; without one the pipeline uses the codebook and gazetteer only)")
    b.add_argument("--json", action="store_true", help="print the summary as JSON")
    b.add_argument("--workers", type=int, default=0, metavar="N",
                   help="processes on this machine (default 0: every core; 1: no pool)")
    b.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="process the documents on a Dask cluster (e.g. tcp://host:8786); its "
                        "workers need Riwaya, the codebook and the raw folder at the same paths")
    b.add_argument("--full", action="store_true",
                   help="process every document again (default: reuse the documents unchanged "
                        "since the previous build, same codebook)")
    b.add_argument("--workspace", "-w", metavar="NAME", default=None,
                   help="build this workspace (riwaya new): its raw/, codebook/ and processed/ "
                        "folders instead of the three above")

    c = sub.add_parser("check-codebook", help="validate a codebook folder and report its size")
    c.add_argument("--codebook", type=Path, default=paths.codebook)

    e = sub.add_parser("evaluate", help="compare the built corpus with golden annotations",
                       description="Precision/recall of statements, stance accuracy, mention recall "
                                   "against --golden; exits 1 below the acceptance thresholds.")
    e.add_argument("--out", type=Path, default=paths.processed, help="processed corpus")
    e.add_argument("--golden", type=Path, default=path_from_env(GOLDEN_ENV),
                   help="golden annotation folder (default $RIWAYA_GOLDEN or data/golden)")
    e.add_argument("--json", action="store_true", help="print the report as JSON")
    e.add_argument("--suites", nargs="*", metavar="NAME", default=None,
                   help="instead of --out/--golden: build and score each golden suite apart "
                        "(sample, dev-tune, dev-heldout, dev2-heldout; all when no NAME is "
                        "given) and print one line each; the dev suites read "
                        "$RIWAYA_DEV_CORPUS (default ../shared/corpus/dev), dev2-heldout "
                        "$RIWAYA_DEV2_CORPUS (default ../corpus/dev2/sel)")

    i = sub.add_parser("info", help="show what the current corpus holds")
    i.add_argument("--out", type=Path, default=paths.processed)

    from riwaya.review.commands import add_review_parser

    add_review_parser(sub, paths)  # review list | export
    from riwaya.dashboard.briefing_cli import add_briefing_parser

    add_briefing_parser(sub, paths)  # briefing --out FILE.html [--pdf FILE.pdf]
    from riwaya.workspace_cli import add_workspace_parsers

    add_workspace_parsers(sub)     # new | add
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        if args.command in ("new", "add", "workspaces"):
            from riwaya.workspace_cli import run_workspace_command

            return run_workspace_command(args)
        if args.command == "build":
            if args.workspace:
                from riwaya.workspace import get_workspace

                ws = get_workspace(args.workspace)
                args.raw, args.codebook, args.out = ws.raw, ws.codebook, ws.processed
            from riwaya.pipeline.build import build_corpus   # only what this command needs

            progress = TqdmProgress(bar=not args.json)  # JSON: messages only, no bar
            try:
                report = build_corpus(args.raw, args.codebook, args.out,
                                      geocode_online=args.geocode_online,
                                      ner_model=args.ner_model, progress=progress,
                                      workers=args.workers, scheduler=args.scheduler,
                                      full=args.full)
            finally:
                progress.close()
            print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json
                  else report.format())
            return 0
        if args.command == "check-codebook":
            from riwaya.codebook import load_codebook

            cb = load_codebook(args.codebook)
            print(f"{args.codebook}: {len(cb.actors)} actors, {len(cb.claims)} claims, "
                  f"{len(cb.places)} places, {len(cb.lexicon)} lexicon entries, "
                  f"{len(cb.boilerplate)} boilerplate rules, {len(cb.sources)} source rules, "
                  f"gazetteer settings {'yes' if cb.gazetteer else 'none'}: OK")
            return 0
        if args.command == "evaluate" and args.suites is not None:
            return _evaluate_suites(args.suites, as_json=args.json)
        if args.command == "evaluate":
            from riwaya.evaluate import evaluate, load_golden
            from riwaya.pipeline.store import load_corpus

            golden = load_golden(args.golden)       # a bad golden folder is named first
            result = evaluate(load_corpus(args.out), golden)
            print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if args.json
                  else result.format())
            return 0 if result.passed else 1
        if args.command == "briefing":
            from riwaya.dashboard.briefing_cli import run_briefing

            return run_briefing(args)
        if args.command == "review":
            from riwaya.review.commands import run_review

            return run_review(args)
        if args.command == "info":
            from riwaya.pipeline.store import load_corpus

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


def _evaluate_suites(names: list[str], *, as_json: bool) -> int:
    from riwaya.evaluate import suites

    chosen = suites.default_suites()
    known = [s.name for s in chosen]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UsageError(f"unknown suite {', '.join(unknown)}: expected one of {', '.join(known)}")
    if names:
        chosen = [s for s in chosen if s.name in names]
    results = suites.run_suites(chosen)
    print(json.dumps(suites.to_dict(results), ensure_ascii=False, indent=2) if as_json
          else suites.summary_table(results))
    return 1 if any(r.failures for r in results) else 0
