"""Claim cue patterns, compiled once when the codebook is loaded.

A claim's cue in ``claims.jsonl`` is written as strings (README, "The codebook")::

    {"all": ["حرر*|استعاد", "@ABU_KAMAL"], "near": ["@ISIS"], "window": 4, "negated": false}

Each group holds alternatives separated by ``|``; an alternative is words (``حرر*``: the last word
may be any word it starts) or ``@ID``, a mention of an actor or place. :func:`compile_claims`
parses these strings once, in :func:`riwaya.codebook.model.load_codebook`, into the frozen records
below (``Codebook.compiled_claims``). Everything that reads a cue uses them: the codebook's own
validation and claim detection (:mod:`riwaya.pipeline.statements.claims`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional

from riwaya.text.clitics import PROCLITICS
from riwaya.text.matcher import tokenize_form

if TYPE_CHECKING:
    from riwaya.codebook.model import Claim, ClaimCue

ALTERNATIVES = "|"   # separates the alternatives of a group
ENTITY = "@"         # "@ID": a mention of the actor or place ID
PREFIX = "*"         # "word*": the last word is a prefix


def split_alternatives(group: str) -> list[str]:
    """The alternatives of a group, stripped: ``"a | b"`` -> ``["a", "b"]``."""
    if not isinstance(group, str):
        raise TypeError(f"Expected a cue group as str, got {type(group).__name__} instead")
    return [alt.strip() for alt in group.split(ALTERNATIVES)]


@dataclass(frozen=True)
class CueWord:
    """A word alternative: normalised tokens joined by one space, and the prefix flag."""

    form: str
    prefix: bool = False

    @property
    def pattern(self) -> str:
        """The form as the matcher takes it (``"حرر*"``)."""
        return self.form + PREFIX if self.prefix else self.form


@dataclass(frozen=True)
class CueGroup:
    """One group: it matches where any of its words occurs or any of its entities is mentioned."""

    words: tuple[CueWord, ...]
    entities: tuple[str, ...]    # actor or place ids, in the order written


@dataclass(frozen=True)
class CompiledCue:
    """One cue pattern of a claim: every ``all`` group in what a speaker says, every ``near``
    group within ``window`` words of the first ``all`` group (the anchor)."""

    all: tuple[CueGroup, ...]
    near: tuple[CueGroup, ...]
    window: int
    negated: bool                # matches only under a negation
    stance: Optional[str]        # the stance the cue itself carries, if any
    speaker: tuple[str, ...] = ()  # actor ids one of which (or a part of one) must speak; () any
    opens: bool = False          # the anchor must open the content: the speech verb's object
    not_between: Optional[CueGroup] = None   # words that cut the anchor from a near group


#: what an example match must mention: alternatives, each a conjunction of entity groups
#: (a group is satisfied by a mention of any of its ids); () asks for nothing
Needs = tuple[tuple[frozenset[str], ...], ...]


@dataclass(frozen=True)
class CompiledClaim:
    """A claim's cue patterns in order (the first that matches speaks for the claim), its
    example sentences, and what an example match must mention (``needs``)."""

    id: str
    cues: tuple[CompiledCue, ...]
    examples: tuple[str, ...] = ()
    needs: Needs = ()


MIN_PREFIX = 2      # letters a "word*" prefix needs: a shorter one starts almost any word


def form_problem(form: str) -> str | None:
    """Why a name form (alias, short form, anaphor) or a cue word could never match usefully,
    or None: nothing left once normalised (punctuation, marks, a bare ``*``), a ``word*``
    prefix shorter than :data:`MIN_PREFIX` letters, one letter, or only proclitics (و، ال، لل:
    they would match everywhere, or nowhere). Spelt-out letters ("ب ب س") are a name."""
    if not isinstance(form, str):
        raise TypeError(f"Expected a form as str, got {type(form).__name__} instead")
    text = form.strip()
    prefix = text.endswith(PREFIX)
    tokens = tokenize_form(text.rstrip(PREFIX))
    if not tokens:
        return "has no letter or digit once normalised (punctuation, marks or a bare '*' only)"
    if prefix and len(tokens[-1]) < MIN_PREFIX:
        return f"is a prefix ('word*') shorter than {MIN_PREFIX} letters: it would start almost any word"
    if all(t in PROCLITICS for t in tokens) or (len(tokens) == 1 and len(tokens[0]) < 2):
        return "is only a single letter or a proclitic (و، ف، ب، ال ...) once normalised"
    return None


def compile_word(alternative: str) -> CueWord | None:
    """A word alternative as the matcher will see it; None if nothing in it can match."""
    alternative = alternative.strip()
    prefix = alternative.endswith(PREFIX)
    tokens = tokenize_form(alternative.rstrip(PREFIX))
    if not tokens:
        return None
    return CueWord(" ".join(tokens), prefix)


def compile_group(group: str) -> CueGroup:
    """``"حرر*|استعاد|@ABU_KAMAL"`` -> its words and its entity ids."""
    words: list[CueWord] = []
    entities: list[str] = []
    for alt in split_alternatives(group):
        if alt.startswith(ENTITY):
            entities.append(alt[len(ENTITY):])
        else:
            word = compile_word(alt)
            if word is not None:
                words.append(word)
    return CueGroup(tuple(words), tuple(entities))


def compile_cue(cue: "ClaimCue") -> CompiledCue:
    speaker = compile_group(cue.speaker).entities if cue.speaker else ()
    return CompiledCue(all=tuple(compile_group(g) for g in cue.all),
                       near=tuple(compile_group(g) for g in cue.near),
                       window=cue.window, negated=cue.negated, stance=cue.stance,
                       speaker=speaker, opens=getattr(cue, "opens", False),
                       not_between=compile_group(cue.not_between)
                       if getattr(cue, "not_between", "") else None)


def compile_needs(needs: Iterable[str], cues: Iterable[CompiledCue]) -> Needs:
    """What an example match must mention: the claim's explicit ``needs`` groups, else, for
    each cue pattern, its groups made only of ``@ID`` alternatives (any pattern's will do);
    nothing when a pattern has none or the claim has no cues."""
    explicit = tuple(frozenset(compile_group(g).entities) for g in needs)
    if explicit:
        return (explicit,)
    derived = []
    for cue in cues:
        groups = tuple(frozenset(g.entities) for g in (*cue.all, *cue.near)
                       if g.entities and not g.words)
        if not groups:
            return ()
        derived.append(groups)
    return tuple(derived)


def compile_claims(claims: Iterable["Claim"]) -> tuple[CompiledClaim, ...]:
    """Every claim's cue patterns, examples and needs, compiled, in codebook order."""
    out = []
    for c in claims:
        cues = tuple(compile_cue(cue) for cue in c.cues)
        out.append(CompiledClaim(c.id, cues, tuple(e.strip() for e in c.examples),
                                 compile_needs(c.needs, cues)))
    return tuple(out)
