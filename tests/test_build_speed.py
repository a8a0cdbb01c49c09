"""What makes a document cheaper to build, and that it changes no output (issue 10).

The boilerplate rules skip a line that holds none of a rule's required words
(riwaya/text/required.py), and each document is processed with one BLAS thread
(riwaya/pipeline/encoder_cache.py ``one_blas_thread``). The tables of a whole build are
compared by tests/test_parallel_build.py and tests/test_dask_build.py; here each part.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from threadpoolctl import threadpool_info

from riwaya.codebook import load_codebook
from riwaya.pipeline import clean
from riwaya.pipeline.encoder_cache import one_blas_thread
from riwaya.text.required import may_match, required_literals

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("pattern, needed", [
    ("abc", None),                                   # cased letters: case-insensitive rules
    ("اقرأ أيضا", {"اقرأ أيضا"}),
    (r"^\s*(المصدر|ترجمة)\s*[:：]", {"المصدر", "ترجمة"}),
    (r"^\s*(قد يهمك|شاهد)?\s*$", None),              # optional: nothing required
    (r"(صورة|copyright)", None),                      # one alternative requires nothing known
    (r"^.{0,60}[0-9]{1,2}\s*°.{0,80}$", {"°"}),
    (r"^\s*[^.!?]{5,80}$", None),                     # classes only
    (r"(تابع(وا)?)+ الآن", {" الآن"}),
    (r"كتب\s+(\w+)\s+مراسلنا", {"مراسلنا"}),          # the longest required word
    ("(", None),                                       # not a pattern: no pre-filter
])
def test_required_literals(pattern, needed):
    assert required_literals(pattern) == (frozenset(needed) if needed is not None else None)


def test_required_literals_refuses_what_is_not_a_pattern():
    with pytest.raises(TypeError, match="pattern as str"):
        required_literals(3)


@pytest.mark.parametrize("needed, text, expected", [
    (None, "أي سطر", True),
    (frozenset({"المصدر", "ترجمة"}), "ترجمة: فلان", True),
    (frozenset({"المصدر", "ترجمة"}), "قال الوزير", False),
])
def test_may_match(needed, text, expected):
    assert may_match(needed, text) is expected


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [s for v in value for s in _strings(v)] if isinstance(value, list) else []


def _real_lines() -> list[str]:
    """The lines of the sample's articles, of the development corpus and of the scraped
    pages and paraphrase sets kept for tests (every string of their records)."""
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "data" / "raw").glob("*.txt")]
    for path in [*(ROOT / "data" / "golden" / "dev").rglob("*.jsonl"),
                 *(ROOT / "tests" / "data").glob("*.jsonl")]:
        for row in path.read_text(encoding="utf-8").splitlines():
            texts.extend(_strings(json.loads(row)) if row.strip() else [])
    lines = {ln.strip() for t in texts for ln in unicodedata.normalize("NFC", t).split("\n")}
    return sorted(ln for ln in lines if ln)


def test_the_prefilter_never_skips_a_rule_that_matches():
    """Every line of the sample and the development corpus, and lines made to match each
    rule's required words: the first rule found is the same with and without the pre-filter."""
    codebook = load_codebook(ROOT / "data" / "codebook")
    rules = clean._compile(codebook.boilerplate)
    patterns = tuple(r.pattern for r in codebook.boilerplate)
    opening, needed = clean._opening_rules(patterns), clean._needed(patterns)
    assert sum(n is not None for n in needed) >= len(needed) // 2    # most rules have words
    lines = _real_lines()
    assert len(lines) > 1000
    lines += [w for n in needed if n for w in n]                     # the bare words
    matched = 0
    for line in lines:
        form = clean._line_form(line)
        plain = clean._first_rule(rules, opening, form)
        assert clean._first_rule(rules, opening, form, needed) is plain, line
        matched += plain is not None
    assert matched > 20


def test_a_document_is_processed_with_one_blas_thread(monkeypatch):
    seen: list[int] = []
    from riwaya.pipeline import document

    real = document.split_sentences

    def spy(text):
        seen.extend(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas")
        return real(text)

    monkeypatch.setattr(document, "split_sentences", spy)
    codebook = load_codebook(ROOT / "data" / "codebook")
    pipeline = document.DocumentPipeline.load(
        document.PipelineSettings(str(ROOT / "data" / "codebook")), codebook=codebook)
    raw = sorted((ROOT / "data" / "raw").glob("*.txt"))[0]
    result = pipeline.process(document.DocTask(raw.stem, raw.name, str(raw)))
    assert result.sentences and seen and set(seen) == {1}


def test_one_blas_thread_gives_the_same_products():
    rng = np.random.default_rng(0)
    a, b = rng.random((37, 512), dtype=np.float32), rng.random((512, 91), dtype=np.float32)
    with one_blas_thread():
        inside = a @ b
        assert {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"} == {1}
    assert np.array_equal(inside, a @ b)


class _Counted:
    """The real sentence encoder, counting the texts it is asked to encode."""

    def __init__(self) -> None:
        from riwaya.pipeline.statements.examples import load_model

        self.model, self.calls = load_model(), []

    def encode(self, texts):
        self.calls.append(list(texts))
        return self.model.encode(texts)


def _real_matcher():
    from riwaya.pipeline.statements.examples import EmbeddingCache, ExampleMatcher

    codebook = load_codebook(ROOT / "data" / "codebook")
    encoder = _Counted()
    matcher = ExampleMatcher.build(codebook.compiled_claims, EmbeddingCache(encoder=encoder))
    return matcher, encoder


#: spoken contents as a document's cues give them (the first two state claims of the codebook)
CONTENTS = ["إن الجيش السوري حرر مدينة البوكمال بالكامل من مسلحي تنظيم داعش",
            "إن التحالف الدولي سمح لعناصر داعش بالخروج من المدينة في قافلة",
            "أن",
            "إن الوضع الإنساني في المخيمات يزداد سوءا مع قدوم الشتاء"]


def test_a_documents_rows_are_encoded_together_when_first_read():
    """No text is encoded until a row is read; then all of the document's, in one batch,
    giving the very floats the eager :meth:`similarities` gives (the encoder's floats depend
    on the batch a text is in)."""
    matcher, encoder = _real_matcher()
    before = len(encoder.calls)
    rows = matcher.rows([101, 102, 103, 104], CONTENTS)
    assert len(encoder.calls) == before and rows.get(999) is None
    assert rows.get(102).size == len(matcher.claims) and len(encoder.calls) == before
    second = rows.get(102).values()
    assert encoder.calls[before:] == [[c for c in CONTENTS if c != "أن"]]
    assert rows.get(101).values() is not None and len(encoder.calls) == before + 1
    fresh, _ = _real_matcher()
    eager = fresh.similarities(CONTENTS)
    assert np.array_equal(second, eager[1]) and np.array_equal(rows.get(104).values(), eager[3])
    assert rows.get(103).values().max() == -1.0                  # too short: never encoded


@pytest.mark.parametrize("content_entities, shares, reads, found", [
    (set(), lambda claim_id: False, False, None),      # no claim carries the content's words
    ({"ABU_KAMAL", "ISIS"}, lambda claim_id: False, False, None),
    ({"ABU_KAMAL", "ISIS"}, lambda claim_id: claim_id == "ABU_KAMAL_LIBERATED", True,
     "ABU_KAMAL_LIBERATED"),
    (set(), lambda claim_id: claim_id == "ABU_KAMAL_LIBERATED", False, None),   # its needs
])
def test_a_decision_reads_the_rows_only_when_a_claim_can_be_kept(content_entities, shares,
                                                                   reads, found):
    """The lazy row gives the decision an eager row gives, and no text is encoded for a
    content no claim can be kept on, whatever its similarities."""
    matcher, encoder = _real_matcher()
    eager = matcher.similarities(CONTENTS)[0]
    lazy_matcher, lazy_encoder = _real_matcher()
    before = len(lazy_encoder.calls)
    row = lazy_matcher.rows([1, 2, 3, 4], CONTENTS).get(1)
    hit = lazy_matcher.decide(row, content_entities, set(), shares)
    assert hit == matcher.decide(eager, content_entities, set(), shares)
    assert (hit.claim_id if hit else None) == found
    assert (len(lazy_encoder.calls) > before) is reads


def test_one_blas_thread_also_holds_a_blas_loaded_after_its_first_use():
    """scipy brings its own OpenBLAS: imported after the first document (a build that reaches
    scipy later), it must be held to one thread too, not left at the machine's cores."""
    code = (
        "from threadpoolctl import threadpool_info\n"
        "from riwaya.pipeline.encoder_cache import one_blas_thread\n"
        "with one_blas_thread():\n"
        "    pass\n"
        "import scipy.linalg  # noqa: F401 - a second BLAS library\n"
        "with one_blas_thread():\n"
        "    print(sorted(i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas'))\n")
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "3"}   # both libraries start with 3 threads
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    threads = json.loads(out.stdout.strip().splitlines()[-1])
    assert len(threads) == 2 and threads == [1, 1], threads
