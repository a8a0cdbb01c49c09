"""riwaya.pipeline.sentence_forms: the build writes every sentence's compared form once, beside
the corpus tables (which stay as they were), so Compare sources reads it instead of
normalising 400,000 sentences while a reader waits (issue 10)."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from riwaya.pipeline.schema import TABLES
from riwaya.pipeline.sentence_forms import FORMS_SCHEMA, FORMS_TABLE, compared_form, form_rows
from riwaya.pipeline.store import build_dir


@pytest.mark.parametrize("text, form", [
    ("أعلنت الوزارة، أمس: إنّ القصف توقّف.", "اعلنت الوزاره امس ان القصف توقف"),   # marks, alef, teh marbuta, punctuation
    ("قالـــت   مصادر «مطلعة» إلى", "قالت مصادر مطلعه الي"),                          # tatweel, spaces, quotes, alef maksura
    ("BBC Arabic: 130 صورة", "bbc arabic 130 صوره"),                                 # Latin case, digits kept
    ("", ""),
    ("... ، !", ""),
])
def test_compared_form(text, form):
    assert compared_form(text) == form


def test_compared_form_wants_text():
    with pytest.raises(TypeError, match="sentence's text as str"):
        compared_form(None)


def test_form_rows_keep_the_sentences_order_and_keys():
    rows = form_rows([{"doc_id": "d", "sentence_id": 0, "text": "قال إن"},
                      {"doc_id": "d", "sentence_id": 1, "text": None},
                      {"doc_id": "d", "sentence_id": 2, "text": "قال إنّ"}])
    assert rows == [{"doc_id": "d", "sentence_id": 0, "form": "قال ان"},
                    {"doc_id": "d", "sentence_id": 1, "form": ""},
                    {"doc_id": "d", "sentence_id": 2, "form": "قال ان"}]


def test_the_build_writes_each_sentences_form_beside_the_unchanged_tables(sample_build):
    build = build_dir(sample_build.out)
    forms = pq.read_table(build / f"{FORMS_TABLE}.parquet")
    sentences = pq.read_table(build / "sentences.parquet")
    assert forms.schema.equals(FORMS_SCHEMA)
    assert FORMS_TABLE not in TABLES            # not a corpus table: theirs are as they were
    assert forms.num_rows == sentences.num_rows > 0
    assert forms.column("doc_id").equals(sentences.column("doc_id"))          # row for row
    assert forms.column("sentence_id").equals(sentences.column("sentence_id"))
    assert forms.column("form").to_pylist() == [compared_form(t) for t in sentences.column("text").to_pylist()]
