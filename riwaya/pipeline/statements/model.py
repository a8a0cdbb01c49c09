"""The records claim detection passes between its steps, and the lexicon it reads words from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from riwaya.codebook.model import LexiconEntry
from riwaya.pipeline.schema import UNATTRIBUTED  # noqa: F401 (the contract's, re-exported)
from riwaya.text.clitics import CONJUNCTIONS
from riwaya.text.matcher import NormText, normalized_key

CLAUSE_PUNCT = frozenset("،,؛;:.!?؟|")   # "|": a page title's separator ("headline | site")
_NONE: frozenset[str] = frozenset()
#: cue kinds by which someone speaks (a statement noun or a refutation only frames or answers)
SPEAKING = ("speech_verb", "according_to", "continuation", "passive_speech")


@dataclass(frozen=True)
class Statement:
    doc_id: str
    sentence_id: int
    actor_id: str
    actor_surface: str
    claim_id: str
    stance: str
    cue: str
    start: int
    end: int
    cue_start: int
    cue_end: int
    method: str = "rule"            # rule | example | both (schema.METHODS)
    confidence: float = 1.0         # in [0, 1]
    speaker_kind: str = "codebook"  # codebook | named | source | unattributed (schema.SPEAKER_KINDS)
    affiliation: str | None = None  # the codebook actor a named speaker speaks for


@dataclass(frozen=True)
class Speaker:
    actor_id: str
    surface: str
    start: int
    last_token: int = -1
    kind: str = "codebook"          # schema.SPEAKER_KINDS
    affiliation: str | None = None
    by_adjective: bool = False      # named only by an actor's adjective ("المزاعم الروسية")


@dataclass
class Cue:
    """A speech cue in a sentence, filled in step by step: found, given a speaker and content."""

    kind: str               # speech_verb | speech_participle | according_to | speech_noun | refutation | continuation | passive_speech | question_verb
    first: int              # token range of the cue words
    last: int
    start: int              # original offsets of the cue words
    end: int
    entry: LexiconEntry | None = None
    speaker: Speaker | None = None
    co_speaker: Speaker | None = None   # a second subject joined by "و" (coordinated.py)
    embedded: bool = False  # inside a relative clause
    content_first: int = 0  # token range of what the speaker says
    content_last: int = 0
    claims: list[tuple[str, str]] = field(default_factory=list)   # (claim_id, stance)

    @property
    def stance(self) -> str | None:
        return self.entry.stance if self.entry else None


@dataclass(frozen=True)
class Anchor:
    """Where a claim's first ``all`` group matched."""

    first: int          # token range
    last: int
    start: int          # original offsets
    end: int


@dataclass(frozen=True)
class Candidate:
    """A claim found in a cue's content, before its stance is decided."""

    claim_id: str
    cue_stance: str | None   # the claim cue's own stance ("صور خاطئة" concedes)
    anchor: Anchor
    negated_cue: bool
    first: int               # token range covered by the matched groups
    last: int
    method: str = "rule"     # rule | example | both
    confidence: float = 1.0
    by_context: bool = False # a group was met outside the content (a place before, the speaker)
    events: tuple[int, ...] = ()  # first tokens of the near words after the anchor (the event)
    by_speaker: bool = False # an actor group met only by the speaker: kept only if it denies


@dataclass(frozen=True)
class Lexicon:
    """The codebook's lexicon as normalised forms by class (speech_verb, negation, ...)."""

    words: dict[str, frozenset[str]]      # class -> single-word forms
    phrases: dict[str, frozenset[str]]    # class -> forms of any length
    #: class -> its single-word forms alone or after و/ف (what with_conjunction accepts), made
    #: on the first :meth:`is_` of the class: asked of most words of a text, several times
    _spelled: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, entries: Iterable[LexiconEntry]) -> "Lexicon":
        words: dict[str, set[str]] = {}
        phrases: dict[str, set[str]] = {}
        for entry in entries:
            keys = [normalized_key(f) for f in entry.forms]
            phrases.setdefault(entry.type, set()).update(keys)
            words.setdefault(entry.type, set()).update(k for k in keys if " " not in k)
        return cls({k: frozenset(v) for k, v in words.items()},
                   {k: frozenset(v) for k, v in phrases.items()})

    def words_of(self, kind: str) -> frozenset[str]:
        return self.words.get(kind, frozenset())

    def phrases_of(self, kind: str) -> frozenset[str]:
        return self.phrases.get(kind, frozenset())

    def is_(self, kind: str, token: str) -> bool:
        """Whether a normalised token is a word of ``kind``, alone or after و/ف."""
        forms = self._spelled.get(kind)
        if forms is None:
            words = self.words.get(kind, _NONE)
            forms = self._spelled[kind] = words | {c + w for c in CONJUNCTIONS for w in words}
        return token in forms


_CLAUSE_PUNCT_RE = re.compile("[" + re.escape("".join(sorted(CLAUSE_PUNCT))) + "]")


def is_break(text: NormText, a: int, b: int) -> bool:
    """Whether clause punctuation stands between original offsets a and b."""
    if a < 0 or b < 0:      # slice semantics (from the end)
        return any(c in CLAUSE_PUNCT for c in text.original[a:b])
    return _CLAUSE_PUNCT_RE.search(text.original, a, b) is not None
