"""TIME TESTS (issue 9, item 6): a very long article on one line builds and reads in time
linear in its length.

The article is real Arabic sentences from the sample, repeated with variations, 2 MB with no
newline (tests/long_article.py). What is timed is the article's own cost: every build first
compiles the codebook and loads the models, so a one-sentence build in the same process is
timed too and taken off. The build is timed in CPU seconds of this process (it builds in
process): the wall time of a test on a machine shared with other builds and browsers says more
about them than about the build (the same 2 MB build took 11 s idle and 27-42 s wall at load
average 10-15, for 10 s of CPU).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from riwaya.dashboard import html, reader
from riwaya.dashboard.corpus import prepare
from riwaya.pipeline.build import build_corpus
from riwaya.pipeline.store import load_corpus
from tests.long_article import RAW, write_long_article

ROOT = Path(__file__).resolve().parent.parent
CODEBOOK = ROOT / "data" / "codebook"
READER_BUDGET_S = 3.0
#: The issue's target. Measured 7.5 CPU s (it was 10.1-11.4: about 5 s of it the sentence
#: encoder on ~1,500 distinct spoken passages, now at most examples.MAX_CONTENTS of them per
#: article, with a warning; place idioms looked up in log time); it took 5.5-8.5 minutes.
#: Then 8.4-9.0 s here and 10.8 s on a slower CI machine; 5.5-6.4 s after the cyclic garbage
#: collector was held off during a document (riwaya/pipeline/collector.py: 9 full scans, 1.5 s),
#: a content tried only against the cue patterns it holds an anchor of (claims.Openers) and the
#: text's map and tokens made in one pass (same tables).
BUILD_BUDGET_S = 10.0


def _build_time(raw: Path, out: Path, reports: list | None = None) -> float:
    """CPU seconds of one build (threads included: the encoder's BLAS may use two)."""
    t = time.process_time()
    report = build_corpus(raw, CODEBOOK, out)
    took = time.process_time() - t
    if reports is not None:
        reports.append(report)
    return took


@pytest.fixture(scope="module")
def long_build(tmp_path_factory):
    """(seconds per build: one sentence, 500 kB, 2 MB; the 2 MB corpus folder; its report)."""
    base = tmp_path_factory.mktemp("long")
    small = base / "small"
    small.mkdir()
    (small / "one.txt").write_text(next(p for p in sorted(RAW.glob("*.txt")))
                                   .read_text(encoding="utf-8").splitlines()[0], encoding="utf-8")
    _build_time(small, base / "warm")                  # models and caches of the process
    fixed = _build_time(small, base / "small-out")     # what any build costs
    quarter = _build_time(write_long_article(base / "q", 500_000).parent, base / "q-out")
    reports: list = []
    full = _build_time(write_long_article(base / "f", 2_000_000).parent, base / "f-out", reports)
    return fixed, quarter, full, base / "f-out", reports[0]


def test_build_time_is_linear_in_the_article_length(long_build):
    """4x the text costs about 4x the time (it was 2.8x for 2x: 160 kB 3.8 s, 320 kB 10.5 s)."""
    fixed, quarter, full, *_ = long_build
    ratio = (full - fixed) / max(quarter - fixed, 1e-3)
    assert ratio < 6.0, f"500 kB {quarter - fixed:.1f} s, 2 MB {full - fixed:.1f} s: x{ratio:.1f} for 4x the text"


def test_a_2mb_one_line_article_builds_within_budget(long_build):
    fixed, quarter, full, out, report = long_build
    assert full - fixed < BUILD_BUDGET_S, \
        f"2 MB article: {full - fixed:.1f} CPU s (+{fixed:.1f} s for any build; 500 kB: " \
        f"{quarter - fixed:.1f} s; to profile it: tests/long_article.py docstring)"
    corpus = load_corpus(out)
    assert len(corpus.documents) == 1 and "\n" not in corpus.documents["text"].iloc[0]
    assert len(corpus.sentences) > 4000 and len(corpus.statements) > 1000
    # past examples.MAX_CONTENTS spoken passages, the claims' examples are not asked: said once
    capped = [w for w in report.warnings if "not by the claims' example sentences" in w]
    assert len(capped) == 1 and "long.txt" in capped[0]


def test_a_2mb_article_opens_in_the_reader_in_under_3s(long_build):
    """The Reader's HTML of one page (200 sentences), the way pages/4_Reader.py builds it."""
    prep = prepare(load_corpus(long_build[3]))
    doc_id = prep.documents["doc_id"].iloc[0]
    t = time.perf_counter()
    bounds = reader.sentence_bounds(prep, doc_id)
    page = reader.page_of(bounds, 3000)
    out = html.reader_html(prep, doc_id, focus_sentence=3000, page=page)
    legend = html.legend_html(reader.reader_legend(prep, doc_id))
    took = time.perf_counter() - t
    assert took < READER_BUDGET_S, f"{took:.1f} s"
    assert reader.page_count(bounds) > 20 and page == 3000 // reader.PAGE_SENTENCES
    assert 'id="s-3000"' in out and "riwaya-focus" in out and legend
    assert out.count('class="riwaya-sent') <= reader.PAGE_SENTENCES
    assert len(out) < 1_000_000  # the whole article's HTML was 11 MB


def test_reader_pages_cover_the_text_once(long_build):
    corpus = load_corpus(long_build[3])
    prep = prepare(corpus)
    doc_id = prep.documents["doc_id"].iloc[0]
    text = corpus.documents["text"].iloc[0]
    bounds = reader.sentence_bounds(prep, doc_id)
    ranges = [reader.page_range(bounds, n, len(text)) for n in range(reader.page_count(bounds))]
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    assert reader.page_label(bounds, 1).startswith(f"Sentences {reader.PAGE_SENTENCES + 1}–")
