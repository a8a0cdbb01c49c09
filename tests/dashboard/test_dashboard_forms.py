"""riwaya.dashboard.forms: Compare sources reads the compared forms the build wrote
(``sentence_forms.parquet``) for the articles compared, and normalises nothing; a build without
them is compared from its text, with the same result (issue 10)."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from riwaya.dashboard import compare, forms
from riwaya.dashboard.corpus import load_prepared
from riwaya.dashboard.filters import Filters
from riwaya.pipeline.sentence_forms import FORMS_TABLE, form_of
from riwaya.pipeline.store import build_dir


@pytest.fixture(scope="module")
def built(sample_build):
    """The sample's build, read as the dashboard reads it (its Parquet files)."""
    return load_prepared(sample_build.out)


@pytest.fixture(scope="module")
def without_forms(sample_build, tmp_path_factory):
    """The same build with no forms file (a build made before them)."""
    out = tmp_path_factory.mktemp("no-forms") / "processed"
    shutil.copytree(sample_build.out, out)
    (build_dir(out) / f"{FORMS_TABLE}.parquet").unlink()
    return load_prepared(out)


def groups(prep) -> dict[str, list[str]]:
    view = Filters().apply(prep)
    return compare.source_groups(view, by="outlet", chosen=list(view.outlets))


def test_the_forms_are_read_not_made(built, monkeypatch):
    assert forms.forms_file(built) is not None
    def refuse(text):
        raise AssertionError("normalised at view time")
    monkeypatch.setattr(forms, "compared_form", refuse)
    keys, got = forms.compared_sentences(built, groups(built))
    assert len(keys) == len(got) > 0 and list(keys.columns) == forms.KEY_COLUMNS
    labels = list(groups(built))
    assert list(dict.fromkeys(keys["group"])) == labels        # group by group, in order


def test_a_build_without_forms_compares_the_same(built, without_forms):
    assert forms.forms_file(without_forms) is None
    a = forms.compared_sentences(built, groups(built))
    b = forms.compared_sentences(without_forms, groups(without_forms))
    assert a[0].astype({"doc_id": object}).equals(b[0].astype({"doc_id": object}))
    assert [form_of(f) for f in a[1].to_pylist()] == b[1].to_pylist()   # stored as bytes: the same forms
    one = compare.sentence_overlap(Filters().apply(built), groups(built), threshold=80)
    two = compare.sentence_overlap(Filters().apply(without_forms), groups(without_forms), threshold=80)
    pd.testing.assert_frame_equal(one.astype({"doc_id": object, "best_doc": object}),
                                  two.astype({"doc_id": object, "best_doc": object}))
    assert one["score"].gt(30).any() and one["text"].notna().all()   # something alike, every text kept


@pytest.mark.parametrize("chosen", [[], ["no such outlet"]])
def test_nothing_to_compare(built, chosen):
    keys, got = forms.compared_sentences(built, {c: ["missing-doc"] for c in chosen})
    assert keys.empty and len(got) == 0


def test_groups_must_be_a_mapping(built):
    with pytest.raises(TypeError, match="group label"):
        forms.compared_sentences(built, ["SANA"])


def test_a_forms_file_that_cannot_be_read_is_a_corpus_error(sample_build, tmp_path):
    from riwaya.errors import CorpusError

    out = tmp_path / "processed"
    shutil.copytree(sample_build.out, out)
    prep = load_prepared(out)
    (build_dir(out) / f"{FORMS_TABLE}.parquet").write_bytes(b"not parquet")
    with pytest.raises(CorpusError, match="reload the page"):
        forms.compared_sentences(prep, groups(prep))
