"""One build in a child process, for the dashboard's background builds
(:class:`riwaya.pipeline.jobs.BuildJob`): ``python -m riwaya.pipeline.build_child RAW CODEBOOK OUT``.

A build in a thread of the dashboard's server would hold the server's interpreter lock against
every reader's page run (filters took 20–40 s while a build ran, ``benchmarks/load_sessions.py``);
in its own process, at a lower priority, readers keep the cores first. Being a plain
``__main__``, it may also use every core (Streamlit's own ``__main__`` cannot spawn workers).

It writes JSON lines on stdout: ``{"progress": [done, total, what]}`` as it goes, then one
``{"report": {...}}`` or ``{"error": "..."}``; the exit code is 0 or 2.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from riwaya.errors import RiwayaError

NICENESS = 10  # below the server's page runs


def _emit(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3:
        _emit({"error": "usage: python -m riwaya.pipeline.build_child RAW CODEBOOK OUT"})
        return 2
    raw, codebook, out = args
    try:
        os.nice(NICENESS)
    except OSError:  # not allowed here: build at the same priority
        pass
    from riwaya.pipeline.build import build_corpus

    try:
        report = build_corpus(raw, codebook, out,
                              progress=lambda done, total, what: _emit({"progress": [done, total, what]}))
    except (RiwayaError, OSError) as exc:   # the message names the file and the problem
        _emit({"error": str(exc)})
        return 2
    except Exception as exc:  # noqa: BLE001 - said to the user instead of a traceback
        _emit({"error": f"{type(exc).__name__}: {exc}"})
        return 2
    _emit({"report": report.to_dict()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
