"""The sidebar's filter, parsed once (:class:`Filters`) and applied one way (:meth:`Filters.apply`).

Every page draws from the :class:`View` that :meth:`Filters.apply` returns: the statements,
sentences, mentions, documents and outlets the filter keeps. No page filters by itself.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cached_property
from typing import Iterable, Mapping, Sequence

import pandas as pd

from riwaya.dashboard.corpus import Prepared
from riwaya.pipeline.schema import STANCES

_SENTENCE = ["doc_id", "sentence_id"]


@dataclass(frozen=True)
class Filters:
    """The sidebar's filter; an empty tuple means "everything"."""

    actors: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()

    #: query-string key of each field (``?actor=RU_MOD&actor=US_DOD&stance=denies``)
    QUERY_KEYS = {"actors": "actor", "claims": "claim", "outlets": "outlet", "stances": "stance"}

    def __post_init__(self) -> None:
        for f in fields(self):  # lists (a widget's value) become tuples: hashable, comparable
            value = getattr(self, f.name)
            if isinstance(value, str) or not isinstance(value, (tuple, list)) \
                    or not all(isinstance(v, str) for v in value):
                raise TypeError(f"Filters.{f.name}: expected a tuple of str, got {value!r}")
            object.__setattr__(self, f.name, tuple(value))

    @property
    def is_empty(self) -> bool:
        return not (self.actors or self.claims or self.outlets or self.stances)

    @property
    def picks_statements(self) -> bool:
        """Whether the filter chooses statements (actor, claim or stance), not only outlets."""
        return bool(self.actors or self.claims or self.stances)

    def to_query(self) -> dict[str, list[str]]:
        return {self.QUERY_KEYS[f.name]: list(getattr(self, f.name))
                for f in fields(self) if getattr(self, f.name)}

    @classmethod
    def from_query(cls, params: Mapping[str, str | Sequence[str]], *,
                   valid: Mapping[str, Iterable[str]] | None = None) -> "Filters":
        """Read a filter from query parameters; values not in ``valid`` (per field) are dropped."""
        values = {}
        for name, key in cls.QUERY_KEYS.items():
            raw = params.get(key, [])
            items = [raw] if isinstance(raw, str) else list(raw or [])
            items = [i for i in dict.fromkeys(items) if i]
            if valid is not None and name in valid:
                allowed = set(valid[name])
                items = [i for i in items if i in allowed]
            values[name] = tuple(items)
        return cls(**values)

    def describe(self, prep: Prepared | None = None) -> str:
        """A short English description, for empty states and captions."""
        parts = []
        if self.actors:
            names = [prep.actor_label(a) if prep else a for a in self.actors]
            parts.append("actor: " + ", ".join(names))
        if self.claims:
            parts.append("claim: " + ", ".join(self.claims))
        if self.outlets:
            parts.append("outlet: " + ", ".join(self.outlets))
        if self.stances:
            parts.append("stance: " + ", ".join(self.stances))
        return "; ".join(parts) if parts else "no filter"

    def apply(self, prep: Prepared) -> "View":
        """What this filter keeps of the corpus: the one way the filter is applied."""
        if not isinstance(prep, Prepared):
            raise TypeError(f"Filters.apply: expected a Prepared corpus, got {type(prep).__name__}")
        return View(prep, self)


@dataclass(frozen=True, eq=False)
class View:
    """The part of the corpus a filter keeps; every page draws from one (``Filters.apply``).

    Each frame is computed when first asked for, once.
    """

    prep: Prepared
    filters: Filters

    @cached_property
    def statements(self) -> pd.DataFrame:
        """The statements that pass every part of the filter."""
        st, f = self.prep.statements, self.filters
        mask = pd.Series(True, index=st.index)
        for column, chosen in (("actor_id", f.actors), ("claim_id", f.claims),
                               ("source", f.outlets), ("stance", f.stances)):
            if chosen:
                mask &= st[column].isin(chosen)
        return st[mask]

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """With no actor/claim/stance filter, every sentence of the outlets in view; otherwise
        the sentences holding a statement in view and, with only an actor filter, also the
        sentences that merely mention one of the chosen actors."""
        return self.prep.sentences[_keyed(self.prep.sentences).isin(self._sentence_keys)]

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """The mentions in the sentences in view."""
        return self.prep.mentions[_keyed(self.prep.mentions).isin(self._sentence_keys)]

    @cached_property
    def documents(self) -> pd.DataFrame:
        """The articles of the outlets in view (under an actor/claim/stance filter, those
        holding a statement in view), oldest first."""
        docs, f = self.prep.documents, self.filters
        if f.outlets:
            docs = docs[docs["source"].isin(f.outlets)]
        if f.picks_statements:
            docs = docs[docs["doc_id"].isin(self.statements["doc_id"])]
        return docs.sort_values(["date", "source", "doc_id"], na_position="last")

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets in view: the chosen ones, or all."""
        return self.filters.outlets or self.prep.outlets

    @cached_property
    def _sentence_keys(self) -> pd.MultiIndex:
        prep, f = self.prep, self.filters
        if not f.picks_statements:
            sents = prep.sentences
            if f.outlets:
                sents = sents[sents["source"].isin(f.outlets)]
            return _keyed(sents)
        parts = [self.statements[_SENTENCE]]
        if f.actors and not (f.claims or f.stances):
            m = prep.mentions
            m = m[(m["kind"] == "actor") & m["entity_id"].isin(f.actors)]
            if f.outlets:
                m = m[m["source"].isin(f.outlets)]
            parts.append(m[_SENTENCE])
        return _keyed(pd.concat(parts))


def _keyed(frame: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_arrays([frame["doc_id"], frame["sentence_id"]])


def filter_options(prep: Prepared) -> dict[str, list[tuple[str, str]]]:
    """(id, label) choices for each filter field, from the corpus itself."""
    speaking = set(prep.statements["actor_id"]) | set(
        prep.mentions.loc[prep.mentions["kind"] == "actor", "entity_id"])
    actors = prep.actors[prep.actors["actor_id"].isin(speaking)]
    # codebook actors first, unknown speakers after; alphabetical by label within each
    actors = actors.assign(_unk=~actors["in_codebook"].fillna(False).astype(bool)) \
        .sort_values(["_unk", "label"])
    claims = prep.claims.sort_values("short")
    return {
        "actors": list(zip(actors["actor_id"], actors["label"])),
        "claims": [(c, sh if sh != c else l) for c, sh, l in
                   zip(claims["claim_id"], claims["short"], claims["label"])],
        "outlets": [(o, o) for o in prep.outlets],
        "stances": [(s, s) for s in STANCES],
    }
