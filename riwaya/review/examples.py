"""Decisions become examples for their claim: what readers confirmed, corrected or added is a
sentence that makes the claim, handed to the next build's example matching
(:mod:`riwaya.pipeline.statements.examples`, with the codebook claims' own ``examples``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from riwaya.review.model import POSITIVE

if TYPE_CHECKING:    # a build imports this module; pandas only for a review file (store.py)
    import pandas as pd


def claim_examples(decisions: pd.DataFrame | None) -> dict[str, list[str]]:
    """``{claim_id: [sentence, ...]}`` of the decisions in force that say a statement is true
    (confirm, correct, add), each sentence once per claim, oldest decision first."""
    if decisions is None or decisions.empty:
        return {}
    out: dict[str, list[str]] = {}
    for r in decisions.sort_values("id").to_dict("records"):
        if r["action"] not in POSITIVE:
            continue
        claim = r["new_claim_id"] if isinstance(r["new_claim_id"], str) and r["new_claim_id"] \
            else r["claim_id"]
        sentence = " ".join(str(r["sentence"]).split())
        if sentence and sentence not in out.setdefault(claim, []):
            out[claim].append(sentence)
    return out


def review_examples(review_file: Path | str) -> dict[str, list[str]]:
    """:func:`claim_examples` of the review file (none when there is no file)."""
    path = Path(review_file)
    if not path.exists():
        return {}
    from riwaya.review.store import load_decisions   # DuckDB and pandas: only for a review file

    return claim_examples(load_decisions(path))


def with_review_examples(codebook, examples: dict[str, list[str]]):
    """The codebook (:class:`riwaya.codebook.Codebook`) whose compiled claims also carry the
    readers' ``examples`` (:func:`claim_examples`), after their own; claims the codebook lacks
    are left out. The same codebook when there is nothing to add."""
    if not examples:
        return codebook
    from dataclasses import replace

    claims = tuple(
        replace(c, examples=c.examples + tuple(e for e in examples.get(c.id, ()) if e not in c.examples))
        for c in codebook.compiled_claims)
    return replace(codebook, compiled_claims=claims)
