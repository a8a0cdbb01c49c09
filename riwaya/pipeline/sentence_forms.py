"""The compared form of every sentence, written once by the build beside its tables.

Compare sources pairs each sentence of the chosen outlets with the closest sentence of another
(:mod:`riwaya.dashboard.overlap`) on a form of its text: THE normaliser
(:func:`~riwaya.text.normalize.normalize_form`: diacritics, letter forms, tatweel), then
rapidfuzz's own processing (punctuation out, lower case), spaces collapsed. The page normalised
the 400,000 sentences of six outlets at 100,000 articles while a reader waited (seconds, after
reading their text); the build now writes each sentence's form once, in
``sentence_forms.parquet`` (:data:`FORMS_SCHEMA`: a row per row of ``sentences``, in its order),
and the page only reads the forms of the articles compared.

Not a corpus table (:data:`riwaya.pipeline.schema.TABLES` are unchanged, and so are their
bytes): a build kept beside them, like the incremental build's keys. A corpus without it (an
older build, a corpus held in memory) is compared from its text as before.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

import pyarrow as pa

FORMS_TABLE = "sentence_forms"
FORMS_SCHEMA = pa.schema([
    ("doc_id", pa.string()),
    ("sentence_id", pa.int32()),
    ("form", pa.string()),        # compared_form(sentences.text)
])


def compared_form(text: str) -> str:
    """The form two sentences are compared on: normalised (:func:`normalize_form`), then
    rapidfuzz's ``default_process`` (punctuation to spaces, lower case), spaces collapsed."""
    from rapidfuzz import utils

    from riwaya.text.normalize import normalize_form

    if not isinstance(text, str):
        raise TypeError(f"compared_form: expected the sentence's text as str, got {type(text).__name__}")
    return " ".join(utils.default_process(normalize_form(text)).split())


def form_rows(sentences: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A :data:`FORMS_SCHEMA` row for each sentence row (doc_id, sentence_id, text), in order;
    a sentence repeated in the article is normalised once."""
    forms: dict[str, str] = {}
    rows = []
    for s in sentences:
        text = s["text"] or ""
        form = forms.get(text)
        if form is None:
            form = forms[text] = compared_form(text)
        rows.append({"doc_id": s["doc_id"], "sentence_id": s["sentence_id"], "form": form})
    return rows
