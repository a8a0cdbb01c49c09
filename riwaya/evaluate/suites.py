"""Every golden suite scored apart, in one command: ``python -m riwaya evaluate --suites``.

A *suite* is a folder of raw articles and a golden annotation of some of them:

- ``sample``: the five shipped articles (``data/raw``, ``data/golden``), the ones the codebook
  was first written from;
- ``dev-tune``: real scraped pages from other outlets (``$RIWAYA_DEV_CORPUS``, by default the
  developers' ``../shared/corpus/dev``) annotated in ``data/golden/dev/tune``: what the rules are
  tuned on;
- ``dev-heldout``: the other annotated pages (``data/golden/dev/heldout``), never looked at
  while tuning: the honest figure;
- ``dev2-heldout``: 26 more real pages (``$RIWAYA_DEV2_CORPUS``, by default ``../corpus/dev2/sel``)
  annotated in ``data/golden/dev2/heldout`` before anyone measured on them; never tuned on.

Each suite builds only the documents its golden data names (copied into a temporary folder, so
that a suite never reads another's articles) with the same codebook, then is scored by
:func:`riwaya.evaluate.evaluate`. A suite whose articles are not on this machine (a user's clone
has no ``../shared``) is reported as skipped.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from riwaya.config import (CODEBOOK_ENV, DEV2_CORPUS_ENV, DEV_CORPUS_ENV, GOLDEN_ENV, RAW_ENV,
                           path_from_env)
from riwaya.evaluate.golden import load_golden
from riwaya.evaluate.report import EvalReport
from riwaya.evaluate.score import evaluate

#: Thresholds of the dev suites (the accuracy issue's targets on text nobody tuned on);
#: the sample keeps the stricter defaults of :data:`riwaya.evaluate.report.THRESHOLDS`.
DEV_THRESHOLDS = {"precision": 0.85, "recall": 0.7, "stance_accuracy": 0.9,
                  "actor_recall": 0.0, "place_recall": 0.9}

#: The figures of the summary table: (report attribute, column title).
COLUMNS = (("precision", "P"), ("recall", "R"), ("f1", "F1"), ("stance_accuracy", "stance"),
           ("actor_recall", "actor R"), ("place_recall", "place R"))


@dataclass(frozen=True)
class Suite:
    name: str
    raw: Path
    golden: Path
    thresholds: dict[str, float] = field(default_factory=dict)


@dataclass
class SuiteResult:
    suite: Suite
    report: EvalReport | None = None
    skipped: str = ""                 # why the suite was not scored

    @property
    def failures(self) -> list[str]:
        return self.report.failures(self.suite.thresholds) if self.report else []


def default_suites() -> list[Suite]:
    """The sample, dev and dev2 suites, with folders from :mod:`riwaya.config`."""
    golden = path_from_env(GOLDEN_ENV)
    dev = path_from_env(DEV_CORPUS_ENV)
    return [
        Suite("sample", path_from_env(RAW_ENV), golden),
        Suite("dev-tune", dev, golden / "dev" / "tune", DEV_THRESHOLDS),
        Suite("dev-heldout", dev, golden / "dev" / "heldout", DEV_THRESHOLDS),
        Suite("dev2-heldout", path_from_env(DEV2_CORPUS_ENV), golden / "dev2" / "heldout",
              DEV_THRESHOLDS),
    ]


def _article_files(raw: Path, doc_ids: list[str]) -> tuple[list[Path], list[str]]:
    """The raw files of ``doc_ids`` (any extension) and the ids with no file."""
    files, missing = [], []
    for doc_id in doc_ids:
        found = sorted(p for p in raw.glob(f"{doc_id}.*") if p.is_file() and not p.is_symlink())
        if found:
            files.append(found[0])
        else:
            missing.append(doc_id)
    return files, missing


def run_suite(suite: Suite, codebook: Path, workdir: Path) -> SuiteResult:
    """Build the suite's documents with ``codebook`` under ``workdir`` and score them."""
    from riwaya.pipeline.build import build_corpus
    from riwaya.pipeline.store import load_corpus

    if not suite.raw.is_dir():
        return SuiteResult(suite, skipped=f"no articles at {suite.raw}")
    if not suite.golden.is_dir():
        return SuiteResult(suite, skipped=f"no golden data at {suite.golden}")
    golden = load_golden(suite.golden)
    files, missing = _article_files(suite.raw, golden.doc_ids)
    if missing:
        return SuiteResult(suite, skipped=f"{len(missing)} annotated article(s) missing in "
                                          f"{suite.raw}: {', '.join(missing[:3])}")
    raw = workdir / suite.name / "raw"
    raw.mkdir(parents=True)
    for f in files:
        shutil.copyfile(f, raw / f.name)
    metadata = suite.raw / "metadata.csv"
    if metadata.is_file() and not metadata.is_symlink():
        _copy_metadata(metadata, raw / "metadata.csv", {f.name for f in files})
    out = workdir / suite.name / "processed"
    build_corpus(raw, codebook, out)
    return SuiteResult(suite, evaluate(load_corpus(out), golden))


def _copy_metadata(src: Path, dst: Path, names: set[str]) -> None:
    """``metadata.csv`` restricted to the suite's files (header kept)."""
    lines = src.read_text(encoding="utf-8-sig").splitlines()
    keep = [lines[0]] + [ln for ln in lines[1:] if ln.split(",", 1)[0].strip() in names]
    dst.write_text("\n".join(keep) + "\n", encoding="utf-8")


def run_suites(suites: list[Suite] | None = None, *, codebook: Path | None = None,
               workdir: Path | None = None) -> list[SuiteResult]:
    """Score every suite (default :func:`default_suites`) apart, in temporary folders."""
    suites = default_suites() if suites is None else suites
    codebook = codebook or path_from_env(CODEBOOK_ENV)
    with tempfile.TemporaryDirectory(prefix="riwaya-suites-", dir=workdir) as tmp:
        return [run_suite(s, codebook, Path(tmp)) for s in suites]


def summary_table(results: list[SuiteResult]) -> str:
    """One line per suite: its figures, then what keeps it from its thresholds."""
    head = f"{'suite':<12} {'docs':>4} {'gold':>4} {'pred':>4} " + " ".join(
        f"{title:>7}" for _, title in COLUMNS) + f" {'false pins':>10} {'bp places':>9}"
    lines = [head, "-" * len(head)]
    for r in results:
        if r.report is None:
            lines.append(f"{r.suite.name:<12} skipped: {r.skipped}")
            continue
        rep = r.report
        figures = " ".join(f"{getattr(rep, attr):>7.3f}" for attr, _ in COLUMNS)
        pins = len(getattr(rep, "false_pins", []) or [])
        bp = len(getattr(rep, "boilerplate_places", []) or [])
        lines.append(f"{r.suite.name:<12} {len(rep.documents):>4} {rep.n_golden:>4} "
                     f"{rep.n_predicted:>4} {figures} {pins:>10} {bp:>9}")
    lines.append("")
    for r in results:
        if r.report is not None:
            fails = r.failures
            lines.append(f"{r.suite.name}: " + ("passes its thresholds" if not fails
                                                  else "below: " + "; ".join(fails)))
    return "\n".join(lines)


def to_dict(results: list[SuiteResult]) -> dict:
    return {r.suite.name: ({"skipped": r.skipped} if r.report is None else
                           {**{attr: getattr(r.report, attr) for attr, _ in COLUMNS},
                            "documents": len(r.report.documents), "golden": r.report.n_golden,
                            "predicted": r.report.n_predicted,
                            "false_pins": len(getattr(r.report, "false_pins", []) or []),
                            "boilerplate_places": len(getattr(r.report, "boilerplate_places", []) or []),
                            "failures": r.failures})
            for r in results}
