"""The text columns are read by DuckDB for what is shown (riwaya/dashboard/query.py), never
held in the shared frames; what they read is what the Parquet files hold."""

from __future__ import annotations

import threading

import pandas as pd
import pytest

from riwaya.dashboard import query, reader
from riwaya.dashboard.corpus import CATEGORIES, load_prepared, prepare, read_frame
from riwaya.dashboard.filters import Filters
from riwaya.dashboard.query import TEXT_COLUMNS, Texts
from riwaya.pipeline.store import build_dir, load_corpus
from tests.fixture_corpus import write_fixture


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(folder, the corpus as load_corpus reads it whole) of the fixture corpus."""
    out = tmp_path_factory.mktemp("query-fixture")
    write_fixture(out, suggestions=True)
    return out, load_corpus(out)


@pytest.fixture(scope="module", params=["parquet", "frames"])
def texts(request, built) -> Texts:
    out, corpus = built
    if request.param == "parquet":
        return Texts.over_parquet(build_dir(out))
    return Texts.from_frames({"documents": corpus.documents, "sentences": corpus.sentences})


def test_a_document_has_every_text_column_of_its_row(texts, built):
    docs = built[1].documents
    for row in docs.itertuples(index=False):
        got = texts.document(row.doc_id)
        assert set(got) == set(TEXT_COLUMNS["documents"])
        for column in TEXT_COLUMNS["documents"]:
            want = getattr(row, column)
            assert got[column] == (None if pd.isna(want) else want)
    assert texts.document("no such article") == {}


def test_sentence_texts_follow_the_keys_order_and_say_none_for_a_missing_one(texts, built):
    s = built[1].sentences.sample(frac=1.0, random_state=3)   # any order
    keys = pd.concat([s[["doc_id", "sentence_id"]],
                      pd.DataFrame({"doc_id": ["a1", "zz"], "sentence_id": [99, 0]})], ignore_index=False)
    got = texts.sentence_texts(keys)
    assert list(got.index) == list(keys.index)
    assert list(got.iloc[:len(s)]) == list(s["text"])
    assert got.iloc[len(s):].isna().all()


def test_sentences_of_articles(texts, built):
    s = built[1].sentences
    got = texts.sentences_of(["b1", "a1", "b1"]).sort_values(["doc_id", "sentence_id"])
    want = s[s["doc_id"].isin(["a1", "b1"])].sort_values(["doc_id", "sentence_id"])
    assert list(zip(got["doc_id"], got["sentence_id"], got["text"])) == \
        list(zip(want["doc_id"], want["sentence_id"], want["text"]))
    assert texts.sentences_of([]).empty


def test_many_threads_read_at_once(texts, built):
    s = built[1].sentences
    errors, results = [], []

    def read():
        try:
            results.append(list(texts.sentence_texts(s[["doc_id", "sentence_id"]])))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors and len(results) == 8 and all(r == list(s["text"]) for r in results)


def test_load_prepared_holds_no_text_and_the_same_frames_otherwise(built):
    out, corpus = built
    slim, whole = load_prepared(out), prepare(corpus)
    for table, columns in TEXT_COLUMNS.items():
        frame = getattr(slim, table)
        assert not set(columns) & set(frame.columns), table
        pd.testing.assert_frame_equal(frame, getattr(whole, table), check_dtype=False)
    pd.testing.assert_frame_equal(slim.statements, whole.statements, check_dtype=False)
    pd.testing.assert_frame_equal(slim.mentions, whole.mentions, check_dtype=False)
    # the text comes back for what is shown: one article, one sentence
    doc = corpus.documents.iloc[0]
    assert reader.article(slim, doc["doc_id"])["text"] == doc["text"]
    assert reader.article_text(slim, doc["doc_id"]) == doc["text"]
    sent = corpus.sentences.iloc[1]
    assert reader.sentence_text(slim, sent["doc_id"], int(sent["sentence_id"])) == sent["text"]
    assert reader.sentence_text(slim, sent["doc_id"], 10_000) is None


def test_views_of_a_loaded_corpus_hold_no_text(built):
    view = Filters(actors=("RU_MOD",)).apply(load_prepared(built[0]))
    assert len(view.sentences) and "text" not in view.sentences
    assert "text" not in view.documents and "raw_text" not in view.documents


def test_a_build_removed_under_a_loaded_corpus_is_a_corpus_error(tmp_path):
    import shutil

    from riwaya.errors import CorpusError

    write_fixture(tmp_path)
    prep = load_prepared(tmp_path)
    shutil.rmtree(build_dir(tmp_path))
    with pytest.raises(CorpusError, match="newer build"):
        reader.article(prep, "a1")


def test_a_review_decision_keeps_every_article_and_its_sentences(built, tmp_path):
    """A decision on one article must not drop the other articles' sentences (the corpus loaded
    with decisions read the text of the decided articles only, and kept only their rows)."""
    from riwaya.review import ReviewStore, forms
    from riwaya.review.model import confirm
    from riwaya.review.store import load_decisions

    out, corpus = built
    plain = load_prepared(out)
    first = plain.statements.iloc[0]
    item = forms.reviewable(plain, first["statement_id"])
    db = tmp_path / "review.duckdb"
    ReviewStore(db).record(confirm(item.target, item.sentence, reviewer="test"))
    reviewed = load_prepared(out, load_decisions(db))
    assert len(reviewed.sentences) == len(plain.sentences) == len(corpus.sentences)
    others = reviewed.statements[reviewed.statements["doc_id"] != first["doc_id"]]
    assert len(others) > 0
    for sid in others["statement_id"]:
        got = forms.reviewable(reviewed, sid)
        assert got is not None and got.sentence, sid


@pytest.mark.parametrize("table", sorted(CATEGORIES))
def test_the_big_frames_hold_no_string_per_row(built, table):
    """The mentions and sentences (6 and 2 million rows at 100,000 articles) hold their text
    columns as categories, their categories sorted (a sort by one sorts by its text), and no
    column holds a string per row."""
    frame = getattr(load_prepared(built[0]), table)
    for column in CATEGORIES[table]:
        dtype = frame[column].dtype
        assert isinstance(dtype, pd.CategoricalDtype), (table, column, dtype)
        assert dtype.categories.is_monotonic_increasing, (table, column)
    strings = [c for c in frame.columns
               if frame[c].dtype == object or isinstance(frame[c].dtype, pd.StringDtype)]
    assert not strings, (table, strings)


def test_read_frame_reads_dictionaries_as_categories_and_an_empty_column_as_none(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"doc_id": ["b", "a", "b"], "text": ["x", "y", "z"],
                             "nothing": pa.array([None] * 3, type=pa.string())}), path)
    frame = read_frame(path, skip=("text",), categories=("doc_id",))
    assert list(frame.columns) == ["doc_id", "nothing"]
    assert isinstance(frame["doc_id"].dtype, pd.CategoricalDtype) and list(frame["doc_id"]) == ["b", "a", "b"]
    assert frame["nothing"].dtype == object and list(frame["nothing"]) == [None] * 3
