"""The command line's workspace commands: ``new``, ``add`` and ``workspaces``.

``riwaya new NAME [--from WORKSPACE | --empty]`` creates a workspace (:mod:`riwaya.workspace`);
``riwaya add FILES… [--workspace NAME] [--map text=body,…] [--build]`` adds articles
(:mod:`riwaya.upload`), one line per file: added, duplicate of …, skipped and why; it exits 0
when every file was used, 1 when some were skipped. ``riwaya workspaces`` lists them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from riwaya.workspace import DEFAULT_WORKSPACE


def add_workspace_parsers(sub) -> None:
    """Add ``new``, ``add`` and ``workspaces`` to the command line's subparsers."""
    n = sub.add_parser("new", help="create a workspace (one event: articles, codebook, corpus)",
                       description="Create the workspace NAME in $RIWAYA_WORKSPACES (default "
                                   "data/workspaces/NAME): raw/, codebook/, processed/, stories/. "
                                   "It starts with an empty codebook (the sample's language "
                                   "rules, no actors, claims or places) unless --from copies "
                                   "another workspace's articles and codebook.")
    n.add_argument("name", metavar="NAME", help="letters, digits, - and _")
    how = n.add_mutually_exclusive_group()
    how.add_argument("--from", dest="copy_from", metavar="WORKSPACE", default=None,
                     help=f"copy this workspace's articles and codebook ({DEFAULT_WORKSPACE} "
                          "is the sample)")
    how.add_argument("--empty", action="store_true", help="start empty (the default)")

    a = sub.add_parser("add", help="add article files to a workspace",
                       description="Add articles: .txt, .html (main text by trafilatura), .docx, "
                                   ".pdf (text layer), .csv/.jsonl/.xlsx with one article a row, "
                                   "or a .zip of them (at most 100 MB in all). Each file is "
                                   "reported: added (as doc id …), duplicate of …, or skipped and "
                                   "why. Nothing already in the workspace is changed. Exits 1 when "
                                   "some file was skipped.")
    a.add_argument("files", nargs="+", type=Path, metavar="FILE")
    a.add_argument("--workspace", "-w", metavar="NAME", default=None,
                   help=f"the workspace (default: {DEFAULT_WORKSPACE}, the data/raw folder)")
    a.add_argument("--map", dest="mapping", metavar="FIELD=COLUMN,…", default=None,
                   help="for tables: which column holds text, title, outlet, date, url, "
                        "language (default: guessed from the header), e.g. text=body,outlet=site")
    a.add_argument("--build", action="store_true", help="build the workspace's corpus afterwards")
    a.add_argument("--json", action="store_true", help="print the results as JSON")

    sub.add_parser("workspaces", help="list the workspaces")


def run_workspace_command(args: argparse.Namespace) -> int:
    """Run ``new``, ``add`` or ``workspaces``; RiwayaErrors propagate to :func:`riwaya.cli.main`."""
    from riwaya.workspace import create_workspace, get_workspace, list_workspaces

    if args.command == "new":
        ws = create_workspace(args.name, copy_from=args.copy_from)
        start = f"a copy of {args.copy_from}" if args.copy_from else "an empty codebook"
        print(f"created workspace {ws.name} in {ws.root} ({start})\n"
              f"next: riwaya add FILES… --workspace {ws.name}; then riwaya build --workspace "
              f"{ws.name}, or open the dashboard with ?ws={ws.name}")
        return 0
    if args.command == "workspaces":
        for ws in list_workspaces():
            print(f"{ws.name:<24} {ws.article_count():>5} articles  {ws.root or ws.raw}")
        return 0
    from riwaya.upload import ColumnMapping, add_paths

    ws = get_workspace(args.workspace)
    mapping = ColumnMapping.parse(args.mapping) if args.mapping else None
    from riwaya.cli import TqdmProgress

    adding = TqdmProgress(bar=not args.json, desc="adding", unit="file")
    try:
        report = add_paths(ws, args.files, mapping=mapping, progress=adding)
    finally:
        adding.close()
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json
          else report.format())
    if args.build and report.written:
        from riwaya.pipeline.build import build_corpus

        progress = TqdmProgress(bar=not args.json)
        try:
            built = build_corpus(ws.raw, ws.codebook, ws.processed, progress=progress)
        finally:
            progress.close()
        print(built.format(), file=sys.stderr if args.json else sys.stdout)
    return 1 if report.skipped else 0
