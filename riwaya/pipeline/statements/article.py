"""The article-level check of statements: a claim's ``needs`` (the city of the deal) met
somewhere in the article, its speaker counting.

A claim's words in an article never naming its place are another event ("اتفاق" on another war,
"صفقة" of a football club, the opposition's "الائتلاف"); an excerpt (under :data:`MIN_ARTICLE`
tokens) may leave them unnamed.

Within one sentence, an actor's statement gives way to the same claim said by a part of it
(:func:`most_specific`: a headline's state glued to its subtitle's ministry).
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


def most_specific(statements: list[Statement], original: str,
                  ancestors: Mapping[str, frozenset[str]],
                  persons: frozenset[str]) -> list[Statement]:
    """One sentence's statements without those of an actor whose part (no person) says the
    same claim in it with a verb of its own not joined by و/ف: a headline's "موسكو تتهم أميركا
    بـ…" glued to its subtitle "الدفاع الروسية تقول إن …" is the ministry's statement (but
    "قالت موسكو إن …، وأكدت الوزارة أن …" are two)."""
    said_by_part = {(st.claim_id, st.stance, whole): st.cue_start for st in statements
                    if st.actor_id not in persons and st.cue_start > 0
                    and original[st.cue_start - 1] not in "وف"
                    for whole in ancestors.get(st.actor_id, ())}
    # (not two subjects of one verb: "اتهمت روسيا ووزارة دفاعها …" are both said)
    return [st for st in statements
            if said_by_part.get((st.claim_id, st.stance, st.actor_id), st.cue_start)
            == st.cue_start]
