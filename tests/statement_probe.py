"""What the statement extractor finds in one text, with the shipped codebook: the helper of the
table tests of unseen wording (``test_statements_unseen.py``, ``test_statements_dev4.py``)."""

from pathlib import Path

from riwaya.codebook import load_codebook
from riwaya.evaluate import norm_actor
from riwaya.pipeline.mentions import EntityIndex, find_mentions
from riwaya.pipeline.statements import StatementExtractor
from riwaya.text.matcher import NormText
from riwaya.text.segment import split_sentences

CODEBOOK = load_codebook(Path(__file__).resolve().parent.parent / "data" / "codebook")
INDEX = EntityIndex.build(CODEBOOK)
EXTRACTOR = StatementExtractor.build(CODEBOOK)


def scored(text: str) -> set[tuple[str, str, str, str]]:
    """(actor as evaluate scores it, speaker kind, claim, stance) of every statement."""
    nt = NormText.of(text)
    return {(norm_actor(s.actor_id, s.affiliation), s.speaker_kind, s.claim_id, s.stance)
            for s in EXTRACTOR.extract("t", nt, split_sentences(text), find_mentions(nt, INDEX))}
