"""riwaya.pipeline.sentence_forms: the build writes every sentence's compared form once, beside
the corpus tables (which stay as they were), so Compare sources reads it instead of
normalising 400,000 sentences while a reader waits (issue 10)."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from riwaya.pipeline.schema import TABLES
from riwaya.pipeline.sentence_forms import (FORMS_SCHEMA, FORMS_TABLE, WIDE, compared_form, form_of, form_rows,
                                            stored_form)
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
    assert [{**r, "form": form_of(r["form"])} for r in rows] == [
        {"doc_id": "d", "sentence_id": 0, "form": "قال ان"},
        {"doc_id": "d", "sentence_id": 1, "form": ""},
        {"doc_id": "d", "sentence_id": 2, "form": "قال ان"}]
    assert rows[0]["form"] == stored_form("قال ان") and len(rows[0]["form"]) == len("قال ان")


def test_the_build_writes_each_sentences_form_beside_the_unchanged_tables(sample_build):
    build = build_dir(sample_build.out)
    forms = pq.read_table(build / f"{FORMS_TABLE}.parquet")
    sentences = pq.read_table(build / "sentences.parquet")
    assert forms.schema.equals(FORMS_SCHEMA)
    assert FORMS_TABLE not in TABLES            # not a corpus table: theirs are as they were
    assert forms.num_rows == sentences.num_rows > 0
    assert forms.column("doc_id").equals(sentences.column("doc_id"))          # row for row
    assert forms.column("sentence_id").equals(sentences.column("sentence_id"))
    assert [form_of(b) for b in forms.column("form").to_pylist()] == \
        [compared_form(t) for t in sentences.column("text").to_pylist()]


@pytest.mark.parametrize("form, one_byte", [
    ("اعلنت الوزاره امس ان القصف توقف", True),     # Arabic letters: one byte each
    ("bbc arabic 130 صوره ٢٣", True),              # ASCII and Arabic-Indic digits
    ("", True),
    ("پژوهش کرد", False),                           # Persian letters: past the swap
    ("cafe é", False),                               # a Latin-1 letter swaps to U+0659: past one byte
    ("emoji 😀 قال", False),
])
def test_stored_forms_are_one_byte_a_character_and_give_the_form_back(form, one_byte):
    """The build stores a form as bytes: Arabic swapped into Latin-1 (the same ratio for any
    two, half the bytes, read by DuckDB without checking text), else marked and in UTF-8."""
    from rapidfuzz import fuzz

    stored = stored_form(form)
    assert isinstance(stored, bytes) and form_of(stored) == form
    assert (len(stored) == len(form) and not stored.startswith(WIDE)) == one_byte
    other = "قال الوزير ان القصف"
    if one_byte:
        assert fuzz.ratio(stored, stored_form(other)) == fuzz.ratio(form, other)


@pytest.mark.parametrize("bad, fn", [(b"x", stored_form), ("x", form_of)])
def test_stored_forms_want_their_types(bad, fn):
    with pytest.raises(TypeError, match="expected"):
        fn(bad)
