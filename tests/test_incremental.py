"""Incremental builds (riwaya.pipeline.incremental): documents unchanged since the previous
build are reused, and the corpus is the one a full build makes, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus_tables import differences, frozen_sample
from riwaya.pipeline.build import build_corpus, corpus_is_stale, input_fingerprint
from riwaya.pipeline.incremental import codebook_version
from riwaya.pipeline.store import load_corpus

COPY_OF = "003_5ebe06736b7b5b94.txt"


@pytest.fixture
def built(tmp_path_factory, tmp_path):
    """A fresh copy of the sample (raw, codebook) and its build in ``tmp_path / "out"``."""
    raw, codebook, _ = frozen_sample(tmp_path_factory, "incremental")
    out = tmp_path / "out"
    build_corpus(raw, codebook, out)
    return raw, codebook, out


def _full(raw, codebook, where):
    return build_corpus(raw, codebook, where, full=True)


def _article(raw, n):
    return sorted(raw.glob("*.txt"))[n]


def _add_article(raw, codebook):
    # half of the second article, sorted between the second and the third
    text = _article(raw, 1).read_text(encoding="utf-8")
    (raw / f"{_article(raw, 1).stem}b_new.txt").write_text(text[:len(text) // 2], encoding="utf-8")


def _change_article(raw, codebook):
    path = _article(raw, 2)
    path.write_text(path.read_text(encoding="utf-8") + "\nوقال المتحدث إن الصور مفبركة.\n",
                    encoding="utf-8")


def _remove_article(raw, codebook):
    _article(raw, 2).unlink()


def _copy_before_its_original(raw, codebook):
    # sorts before the original: the copy is now the earlier one, the original its duplicate
    shutil.copy(raw / COPY_OF, raw / "000_copy.txt")


def _change_metadata(raw, codebook):
    meta = raw / "metadata.csv"
    lines = meta.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    assert "source" in header, header
    row = lines[1].split(",")
    row[header.index("source")] = "Outlet Changed"
    meta.write_text("\n".join([lines[0], ",".join(row), *lines[2:]]) + "\n", encoding="utf-8")


@pytest.mark.parametrize("change, reused", [
    (None, 5),
    (_add_article, 5),
    (_change_article, 4),
    (_remove_article, 4),
    (_copy_before_its_original, 5),
    (_change_metadata, 4),
])
def test_an_incremental_build_equals_a_full_build(built, tmp_path, change, reused):
    raw, codebook, out = built
    if change:
        change(raw, codebook)
    report = build_corpus(raw, codebook, out)
    assert report.reused == reused
    full = _full(raw, codebook, tmp_path / "full")
    assert full.reused == 0
    assert differences(tmp_path / "full", out) == []
    assert report.duplicates == full.duplicates
    assert (report.documents, report.statements, report.places) == (
        full.documents, full.statements, full.places)
    assert f"reused      {reused} unchanged documents" in report.format()


def test_a_copy_added_before_its_original_turns_the_original_into_the_duplicate(built):
    raw, codebook, out = built
    _copy_before_its_original(raw, codebook)
    report = build_corpus(raw, codebook, out)
    assert report.duplicates == [(COPY_OF.removesuffix(".txt"), "000_copy")]
    docs = load_corpus(out).documents.set_index("doc_id")
    assert docs.loc[COPY_OF.removesuffix(".txt")].duplicate_of == "000_copy"


def test_a_codebook_change_processes_everything_again(built, tmp_path):
    raw, codebook, out = built
    with open(codebook / "actors.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"id": "NEW", "name_en": "New", "kind": "person", "aliases": ["ديلون"]}\n')
    report = build_corpus(raw, codebook, out)
    assert report.reused == 0
    _full(raw, codebook, tmp_path / "full")
    assert differences(tmp_path / "full", out) == []


def test_the_codebook_readme_is_not_part_of_its_version(built):
    raw, codebook, out = built
    before = (codebook_version(codebook), input_fingerprint(raw, codebook))
    with open(codebook / "README.md", "a", encoding="utf-8") as fh:
        fh.write("\nA note for editors.\n")
    assert (codebook_version(codebook), input_fingerprint(raw, codebook)) == before
    assert not corpus_is_stale(raw, codebook, out)
    assert build_corpus(raw, codebook, out).reused == 5


def test_full_processes_everything_and_a_broken_previous_build_is_not_trusted(built, tmp_path):
    raw, codebook, out = built
    assert build_corpus(raw, codebook, out, full=True).reused == 0
    build = out / load_corpus(out).manifest["build"]
    (build / "doc_keys.parquet").write_bytes(b"not parquet")
    report = build_corpus(raw, codebook, out)
    assert report.reused == 0 and report.documents == 5
    assert build_corpus(raw, codebook, out).reused == 5      # and the next one reuses again


DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpus (../shared/corpus/dev) is not here")
def test_dev_corpus_one_article_added_equals_a_full_build(tmp_path_factory, tmp_path):
    _, codebook, _ = frozen_sample(tmp_path_factory, "dev-incremental")
    raw = Path(shutil.copytree(DEV, tmp_path / "raw"))
    held = sorted(raw.glob("*.txt"))[len(list(raw.glob("*.txt"))) // 2]
    shutil.move(held, tmp_path / held.name)
    build_corpus(raw, codebook, tmp_path / "out", workers=2)
    shutil.move(tmp_path / held.name, held)
    report = build_corpus(raw, codebook, tmp_path / "out")
    assert report.reused == report.documents - 1
    build_corpus(raw, codebook, tmp_path / "full", full=True)
    assert differences(tmp_path / "full", tmp_path / "out") == []


def test_a_change_in_the_pipeline_code_is_a_new_processing_version(tmp_path, monkeypatch):
    """Rows made by older code are never reused: the source of the pipeline is in the version."""
    import riwaya.pipeline.incremental as incremental

    package = Path(incremental.__file__).resolve().parent.parent
    copy = tmp_path / "riwaya"
    for name in incremental._CODE_PACKAGES:
        shutil.copytree(package / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(incremental, "__file__", str(copy / "pipeline" / "incremental.py"))
    incremental.code_version.cache_clear()
    try:
        before = incremental.code_version()
        incremental.code_version.cache_clear()
        assert incremental.code_version() == before  # deterministic
        with open(copy / "text" / "normalize.py", "a", encoding="utf-8") as fh:
            fh.write("\n# a changed rule\n")
        incremental.code_version.cache_clear()
        assert incremental.code_version() != before
    finally:
        incremental.code_version.cache_clear()



def test_the_gazetteer_and_entity_index_are_kept_between_builds(built, tmp_path, monkeypatch):
    """The next build loads them from places-index.pickle (not built again) and writes the
    corpus a build that made them writes, byte for byte."""
    import riwaya.pipeline.document as document
    from riwaya.pipeline.places_cache import CACHE_FILE

    raw, codebook, out = built
    assert (out / CACHE_FILE).is_file()
    _full(raw, codebook, tmp_path / "made")          # no cache there: built, then written

    def built_again(codebook):
        raise AssertionError("the gazetteer was built again instead of loaded")

    monkeypatch.setattr(document, "load_gazetteer", built_again)
    assert _full(raw, codebook, out).reused == 0      # every document processed, by the loaded index
    assert differences(tmp_path / "made", out) == []


@pytest.mark.parametrize("damage", [
    b"not a pickle",
    b"\x80\x05\x95",                                  # truncated
    "another key",                                    # made from another codebook or code
])
def test_a_damaged_or_stale_places_cache_is_built_again(built, tmp_path, damage):
    import pickle

    from riwaya.pipeline.places_cache import CACHE_FILE, cache_key
    from riwaya.codebook import load_codebook

    raw, codebook, out = built
    cache = out / CACHE_FILE
    cache.write_bytes(damage if isinstance(damage, bytes) else pickle.dumps((damage, None, None)))
    assert _full(raw, codebook, out).documents == 5
    assert pickle.loads(cache.read_bytes())[0] == cache_key(load_codebook(codebook), codebook)
    _full(raw, codebook, tmp_path / "made")
    assert differences(tmp_path / "made", out) == []


@pytest.mark.parametrize("change", [_add_article, _copy_before_its_original])
def test_with_many_changes_the_index_is_replayed_and_gives_the_same_corpus(built, tmp_path,
                                                                          monkeypatch, change):
    """Over duplicate_replay.FEW documents processed again, the near-duplicate index is asked
    about every document (the unchanged prefix inserted with its answers): the same corpus."""
    import riwaya.pipeline.duplicate_replay as replay

    monkeypatch.setattr(replay, "FEW", 0)
    raw, codebook, out = built
    change(raw, codebook)
    report = build_corpus(raw, codebook, out)
    assert report.reused == 5
    full = _full(raw, codebook, tmp_path / "full")
    assert differences(tmp_path / "full", out) == []
    assert report.duplicates == full.duplicates
