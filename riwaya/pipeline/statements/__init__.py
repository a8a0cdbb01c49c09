"""Claim detection: who said what about which claim, with which stance.

One module per step: :mod:`.cues` (speech cues and their content), :mod:`.speakers` (who
speaks), :mod:`.claims` (where a claim is detected: :func:`find_claims`), :mod:`.stance`
(asserts, denies, concedes); :mod:`.extractor` runs them per sentence.
"""

from riwaya.pipeline.statements.claims import find_claims
from riwaya.pipeline.statements.extractor import StatementExtractor
from riwaya.pipeline.statements.model import Statement

__all__ = ["Statement", "StatementExtractor", "find_claims"]
