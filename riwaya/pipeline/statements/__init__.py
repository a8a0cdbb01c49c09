"""Claim detection: who said what about which claim, with which stance.

One module per step: :mod:`.cues` (speech cues and their content), :mod:`.speakers` (who
speaks) and :mod:`.named` (titles and names outside the codebook), :mod:`.claims` (where a claim
is detected by its cue patterns: :func:`find_claims`), :mod:`.context` ("المدينة" after the city
was named), :mod:`.examples` (by its example sentences), :mod:`.stance` (asserts, denies,
concedes); :mod:`.extractor` runs them per document.
"""

from riwaya.pipeline.statements.claims import find_claims
from riwaya.pipeline.statements.extractor import StatementExtractor
from riwaya.pipeline.statements.model import Statement

__all__ = ["Statement", "StatementExtractor", "find_claims"]
