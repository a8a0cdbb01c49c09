"""Cost of matching claims by their example sentences: prints numbers, asserts nothing.

    .venv/bin/python benchmarks/bench_examples.py [--raw DIR ...]

On one core, for the sample (or the folders given with --raw), per 1,000 distinct sentences: the sentence encoder alone, and claim detection (the whole statement
extractor) without examples, with examples on a cold embedding cache (every spoken content
encoded) and on a warm one (a rebuild: nothing encoded). Loading the model is timed apart.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 3                   # each timing is the best of this many runs
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_NUM_THREADS", "1")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core


def _prepare(folders: list[Path], codebook):
    """Documents ready for the extractor (read, cleaned, segmented, mentions found): untimed."""
    from riwaya.pipeline.build import _load_gazetteer
    from riwaya.pipeline.clean import clean_text
    from riwaya.pipeline.ingest import list_article_files, read_article
    from riwaya.pipeline.mentions import EntityIndex, find_mentions
    from riwaya.text.matcher import NormText
    from riwaya.text.segment import split_sentences

    index = EntityIndex.build(codebook, _load_gazetteer(codebook))
    docs = []
    for folder in folders:
        for path in list_article_files(folder):
            text = clean_text(read_article(path).text, boilerplate=codebook.boilerplate,
                              sources=codebook.sources).text
            nt = NormText.of(text)
            docs.append((path.stem, nt, split_sentences(text), find_mentions(nt, index)))
    return docs


def _run(extractor, docs) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = sum(len(extractor.extract(d, nt, sents, ments)) for d, nt, sents, ments in docs)
    return time.perf_counter() - t0, n


def main() -> None:
    from riwaya.codebook import load_codebook
    from riwaya.pipeline.statements import StatementExtractor
    from riwaya.pipeline.statements.examples import EmbeddingCache, load_model

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--raw", type=Path, action="append",
                    help="article folders (default: data/raw, the sample)")
    args = ap.parse_args()
    folders = args.raw or [ROOT / "data" / "raw"]
    codebook = load_codebook(ROOT / "data" / "codebook")
    docs = _prepare(folders, codebook)
    sentences = list(dict.fromkeys(s.text for _, _, sents, _ in docs for s in sents))
    per_k = 1000 / max(len(sentences), 1)

    t0 = time.perf_counter()
    model = load_model()
    model.encode(["warm up"])
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    model.encode(sentences)
    t_encode = time.perf_counter() - t0

    rules = StatementExtractor.build(codebook, examples=False)
    _run(rules, docs)                       # warm the matchers' caches: time only the difference
    t_rules, n_rules = min(_run(rules, docs) for _ in range(REPEAT))
    colds, builds = [], []
    for _ in range(REPEAT):                 # a fresh cache each time: every content encoded
        cache = EmbeddingCache()
        t0 = time.perf_counter()
        with_examples = StatementExtractor.build(codebook, cache=cache)
        builds.append(time.perf_counter() - t0)
        examples_encoded = cache.encoded
        colds.append(_run(with_examples, docs))
    t_claims = min(builds)
    t_cold, n_cold = min(colds)
    contents = cache.encoded - examples_encoded
    t_warm, _ = min(_run(with_examples, docs) for _ in range(REPEAT))

    print(f"corpus: {len(docs)} documents, {len(sentences)} distinct sentences "
          f"({', '.join(str(f) for f in folders)})")
    print(f"model load + first call                 {t_load:7.2f} s")
    print(f"claims' examples encoded at build       {t_claims:7.2f} s   ({examples_encoded} sentences)")
    print(f"encoder alone, per 1,000 sentences      {t_encode * per_k:7.2f} s")
    print(f"extractor without examples, per 1,000   {t_rules * per_k:7.2f} s   ({n_rules} statements)")
    print(f"extractor with examples, cold, per 1,000 {t_cold * per_k:6.2f} s   ({n_cold} statements, "
          f"{contents} spoken contents encoded)")
    print(f"extractor with examples, warm, per 1,000 {t_warm * per_k:6.2f} s")
    print(f"cost of example matching per 1,000 sentences: {(t_cold - t_rules) * per_k:.2f} s cold, "
          f"{(t_warm - t_rules) * per_k:.2f} s warm")


if __name__ == "__main__":
    main()
