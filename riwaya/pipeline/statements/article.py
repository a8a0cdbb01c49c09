"""The article-level check of statements: a claim's ``needs`` (the city of the deal) met
somewhere in the article, its speaker counting.

A claim's words in an article never naming its place are another event ("اتفاق" on another war,
"صفقة" of a football club, the opposition's "الائتلاف"); an excerpt (under :data:`MIN_ARTICLE`
tokens) may leave them unnamed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from riwaya.codebook.cues import CompiledClaim
from riwaya.pipeline.statements.examples import needs_met
from riwaya.pipeline.statements.model import Statement

#: tokens from which a text is an article, that names what its claims need somewhere
MIN_ARTICLE = 100


def with_ancestors(ids: Iterable[str], ancestors: Mapping[str, frozenset[str]]) -> set[str]:
    """``ids`` and every actor each of them is part of."""
    out = set(ids)
    out |= {a for e in list(out) for a in ancestors.get(e, ())}
    return out


def in_article(statements: list[Statement], named: Iterable[str], words: int,
               ancestors: Mapping[str, frozenset[str]],
               claims: Mapping[str, CompiledClaim]) -> list[Statement]:
    """The statements whose claim's needs the article meets: ``named`` the entities its
    sentences name, ``words`` its length in tokens."""
    if words < MIN_ARTICLE:
        return statements
    named = with_ancestors(named, ancestors)

    def kept(st: Statement) -> bool:
        speaker = with_ancestors({st.actor_id, st.affiliation} - {None}, ancestors)
        claim = claims.get(st.claim_id)
        return claim is None or needs_met(claim.needs, named | speaker)
    return [st for st in statements if kept(st)]
