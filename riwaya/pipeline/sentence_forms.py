"""The compared form of every sentence, written once by the build beside its tables.

Compare sources pairs each sentence of the chosen outlets with the closest sentence of another
(:mod:`riwaya.dashboard.overlap`) on a form of its text: THE normaliser
(:func:`~riwaya.text.normalize.normalize_form`: diacritics, letter forms, tatweel), then
rapidfuzz's own processing (punctuation out, lower case), spaces collapsed. The page normalised
the 400,000 sentences of six outlets at 100,000 articles while a reader waited (seconds, after
reading their text); the build now writes each sentence's form once, in
``sentence_forms.parquet`` (:data:`FORMS_SCHEMA`: a row per row of ``sentences``, in its order),
and the page only reads the forms of the articles compared.

The form is stored as bytes, one a character (:func:`stored_form`): the Arabic letters and marks
(U+0620-U+066F) swapped with the Latin-1 letters U+00B0-U+00FF, both ways (a one-to-one change
of characters: rapidfuzz's ratio of any two forms, and their runs of words, are the same), then
Latin-1. Half the bytes of UTF-8, and DuckDB reads bytes without checking them as text: six
outlets at 100,000 articles, 1.15 -> 0.27 s of CPU; and rapidfuzz compares them as they are read,
a table look-up a character. A form with a character past U+00FF once swapped (a Persian or
Hebrew letter) is stored as ``\\x00`` and its swapped form in UTF-8 (:data:`WIDE`; a form never
holds a control character), read back as text.

Not a corpus table (:data:`riwaya.pipeline.schema.TABLES` are unchanged, and so are their
bytes): a build kept beside them, like the incremental build's keys. A corpus without it (an
older build, a corpus held in memory) is compared from its text as before.
"""

from __future__ import annotations

import codecs
from typing import Any, Iterable, Mapping

import pyarrow as pa

FORMS_TABLE = "sentence_forms"
FORMS_SCHEMA = pa.schema([
    ("doc_id", pa.string()),
    ("sentence_id", pa.int32()),
    ("form", pa.binary()),        # stored_form(compared_form(sentences.text))
])

#: :func:`stored_form` swaps the Arabic letters and marks (U+0620-U+066F, the forms' letters and
#: digits) with the 80 code points U+00B0-U+00FF, each with one, both ways
SWAP_FROM, SWAP_TO, SWAP_SIZE = 0x0620, 0x00B0, 80
_SWAP = str.maketrans({**{chr(SWAP_FROM + k): chr(SWAP_TO + k) for k in range(SWAP_SIZE)},
                       **{chr(SWAP_TO + k): chr(SWAP_FROM + k) for k in range(SWAP_SIZE)}})
#: the same swap then Latin-1, as one codec table (byte -> character; C code both ways)
_BYTES = "".join(chr(b) if b < SWAP_TO else chr(SWAP_FROM + b - SWAP_TO) for b in range(256))
_ENCODE = codecs.charmap_build(_BYTES)
#: the first byte of a stored form that is not one byte a character (then UTF-8)
WIDE = b"\x00"


def compared_form(text: str) -> str:
    """The form two sentences are compared on: normalised (:func:`normalize_form`), then
    rapidfuzz's ``default_process`` (punctuation to spaces, lower case), spaces collapsed."""
    from rapidfuzz import utils

    from riwaya.text.normalize import normalize_form

    if not isinstance(text, str):
        raise TypeError(f"compared_form: expected the sentence's text as str, got {type(text).__name__}")
    return " ".join(utils.default_process(normalize_form(text)).split())


def stored_form(form: str) -> bytes:
    """How a compared form is stored: swapped (:data:`SWAP_FROM`), then one byte a character
    (Latin-1), or :data:`WIDE` and UTF-8 when a character does not fit in one."""
    if not isinstance(form, str):
        raise TypeError(f"stored_form: expected a compared form as str, got {type(form).__name__}")
    try:
        return codecs.charmap_encode(form, "strict", _ENCODE)[0]
    except UnicodeEncodeError:
        return WIDE + form.translate(_SWAP).encode("utf-8")


def form_of(stored: bytes) -> str:
    """The compared form a :func:`stored_form` holds."""
    if not isinstance(stored, bytes):
        raise TypeError(f"form_of: expected a stored form as bytes, got {type(stored).__name__}")
    if stored.startswith(WIDE):
        return stored[1:].decode("utf-8").translate(_SWAP)
    return codecs.charmap_decode(stored, "strict", _BYTES)[0]


def form_rows(sentences: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A :data:`FORMS_SCHEMA` row for each sentence row (doc_id, sentence_id, text), in order;
    a sentence repeated in the article is normalised once."""
    forms: dict[str, bytes] = {}
    rows = []
    for s in sentences:
        text = s["text"] or ""
        form = forms.get(text)
        if form is None:
            form = forms[text] = stored_form(compared_form(text))
        rows.append({"doc_id": s["doc_id"], "sentence_id": s["sentence_id"], "form": form})
    return rows
