"""A reader's decision on a statement, and the key that finds the statement again after a rebuild.

A statement is keyed by what it says, never by row numbers: its document, the *text* of its
sentence (a hash of the normalised sentence, :func:`sentence_key`) and its actor, claim and
stance (:class:`Target`). Rebuilding renumbers sentences and statements; the key stays.

A :class:`Decision` is one of:

- ``confirm``: the machine's statement is right;
- ``reject``: it is wrong (it disappears everywhere);
- ``correct``: it is right but for its speaker, claim or stance (``new_*``);
- ``add``: a statement the machine missed (its target is the new statement itself);
- ``withdraw``: take back the decisions on a target (the machine's output shows again).

The latest decision on a target wins; older ones stay in the file as history.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Iterable

from riwaya.errors import ReviewError
from riwaya.pipeline.schema import STANCES, UNATTRIBUTED

ACTIONS = ("confirm", "reject", "correct", "add", "withdraw")
#: decisions that say a statement is true (they become golden data and claim examples)
POSITIVE = ("confirm", "correct", "add")
#: the ``review`` column of reviewed statements, by action
STATUS = {"confirm": "confirmed", "correct": "corrected", "add": "added"}


def sentence_key(text: str) -> str:
    """The key of a sentence: a hash of its normalised text (spelling variants, diacritics,
    tatweel and spacing do not change it)."""
    if not isinstance(text, str):
        raise TypeError(f"Expected the sentence text as str, got {type(text).__name__} instead")
    from riwaya.text.normalize import normalize_form  # camel-tools: imported when first needed

    return hashlib.sha256(normalize_form(text).encode("utf-8")).hexdigest()[:20]


def speaker_id(name: str, known: Iterable[str] = ()) -> str:
    """The actor id of a speaker a reader chose or typed: a ``known`` id (or ``UNK:...``,
    ``UNATTRIBUTED``) as it is; any other name is a person or body outside the codebook,
    ``UNK:<normalised name>``."""
    name = " ".join(str(name).split())
    if not name:
        raise ReviewError("a statement needs a speaker")
    if name == UNATTRIBUTED or name.startswith("UNK:") or name in set(known):
        return name
    from riwaya.text.normalize import normalize_form

    return "UNK:" + normalize_form(name)


@dataclass(frozen=True)
class Target:
    """What a decision is about: a statement, by document, sentence text and what it says."""

    doc_id: str
    sentence_key: str
    actor_id: str
    claim_id: str
    stance: str

    def __post_init__(self) -> None:
        for name in ("doc_id", "sentence_key", "actor_id", "claim_id"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise ReviewError(f"a reviewed statement needs a {name.replace('_', ' ')}, "
                                  f"got {value!r}")
        if self.stance not in STANCES:
            raise ReviewError(f"stance {self.stance!r} is not one of {', '.join(STANCES)}")

    @property
    def id(self) -> str:
        """A short stable id of the target (for the store and for widget keys)."""
        raw = "\x1f".join((self.doc_id, self.sentence_key, self.actor_id, self.claim_id, self.stance))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]

    @classmethod
    def of(cls, doc_id: str, sentence: str, actor_id: str, claim_id: str, stance: str) -> "Target":
        """The target of a statement in the sentence whose text is ``sentence``."""
        return cls(str(doc_id), sentence_key(sentence), str(actor_id), str(claim_id), str(stance))


@dataclass(frozen=True)
class Decision:
    """One decision of a reader. Build them with :func:`confirm`, :func:`reject`,
    :func:`correct`, :func:`add` and :func:`withdraw`."""

    action: str
    target: Target
    sentence: str                      # the sentence as it read (golden evidence, examples)
    new_actor_id: str | None = None    # correct only: what the statement really says
    new_claim_id: str | None = None
    new_stance: str | None = None
    quote: str = ""                    # the statement's words, when the machine gave them
    reviewer: str = ""
    note: str = ""
    decided_at: datetime | None = None  # set by the store (UTC)
    id: int | None = field(default=None, compare=False)  # set by the store

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ReviewError(f"unknown review action {self.action!r}; expected one of "
                              f"{', '.join(ACTIONS)}")
        if not isinstance(self.sentence, str) or not self.sentence.strip():
            raise ReviewError("a decision needs the text of its sentence")
        if self.action == "correct":
            if self.new_stance is not None and self.new_stance not in STANCES:
                raise ReviewError(f"stance {self.new_stance!r} is not one of {', '.join(STANCES)}")
            if self.result == (self.target.actor_id, self.target.claim_id, self.target.stance):
                raise ReviewError("the correction changes nothing: choose another speaker, "
                                  "claim or stance, or confirm the statement")
        elif any(v is not None for v in (self.new_actor_id, self.new_claim_id, self.new_stance)):
            raise ReviewError(f"only a correction has new values, not {self.action!r}")

    @property
    def result(self) -> tuple[str, str, str]:
        """(actor, claim, stance) of the statement once the decision is applied."""
        t = self.target
        return (self.new_actor_id or t.actor_id, self.new_claim_id or t.claim_id,
                self.new_stance or t.stance)

    def stamped(self, id: int, decided_at: datetime) -> "Decision":
        return replace(self, id=id, decided_at=decided_at)


def confirm(target: Target, sentence: str, **who) -> Decision:
    return Decision("confirm", target, sentence, **who)


def reject(target: Target, sentence: str, **who) -> Decision:
    return Decision("reject", target, sentence, **who)


def correct(target: Target, sentence: str, *, actor_id: str | None = None,
            claim_id: str | None = None, stance: str | None = None, **who) -> Decision:
    """A correction; only the values that differ from the target are kept."""
    return Decision("correct", target, sentence,
                    new_actor_id=actor_id if actor_id and actor_id != target.actor_id else None,
                    new_claim_id=claim_id if claim_id and claim_id != target.claim_id else None,
                    new_stance=stance if stance and stance != target.stance else None, **who)


def add(doc_id: str, sentence: str, actor_id: str, claim_id: str, stance: str, **who) -> Decision:
    """A statement the machine missed, in the sentence whose text is ``sentence``."""
    return Decision("add", Target.of(doc_id, sentence, actor_id, claim_id, stance), sentence, **who)


def withdraw(target: Target, sentence: str, **who) -> Decision:
    return Decision("withdraw", target, sentence, **who)
