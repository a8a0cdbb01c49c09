"""The sidebar's filter, parsed once (:class:`Filters`) and applied one way (:meth:`Filters.apply`).

Every page draws from the :class:`View` that :meth:`Filters.apply` returns: the statements,
sentences, mentions, documents and outlets the filter keeps. No page filters by itself.

Besides actors, claims, outlets and stances, the filter can hide the machine's suggestions
below a confidence (``min_confidence``, ``?conf=0.6``); what a person reviewed always stays.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from functools import cached_property
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from riwaya.dashboard.corpus import SPEAKER_GROUPS, Prepared, as_categories
from riwaya.dashboard.memo import per_corpus
from riwaya.dashboard.outlets import outlet_display, outlet_names
from riwaya.pipeline.schema import STANCES

#: the thresholds the sidebar offers, 0 (show everything) to 1
CONFIDENCE_STEPS = tuple(round(i * 0.05, 2) for i in range(21))
#: a statement a person reviewed (the ``review`` column) is never hidden by the threshold
REVIEWED = ("confirmed", "corrected", "added")
#: how the actor filter names speakers outside the codebook, after their label
_GROUP_HINT = {"named": "named, outside the codebook", "source": "unnamed source"}


def confidence_key(value: float) -> str:
    """A confidence as written in the URL: ``0.6``, ``0.05``, ``1``, ``0``."""
    return f"{float(value):g}"


@dataclass(frozen=True)
class Filters:
    """The sidebar's filter; an empty tuple means "everything"."""

    actors: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    min_confidence: float = 0.0   # hide statements below this confidence; 0 shows everything

    #: query-string key of each field (``?actor=RU_MOD&actor=US_DOD&stance=denies&conf=0.6``)
    QUERY_KEYS = {"actors": "actor", "claims": "claim", "outlets": "outlet", "stances": "stance",
                  "min_confidence": "conf"}

    def __post_init__(self) -> None:
        conf = self.min_confidence
        if isinstance(conf, bool) or not isinstance(conf, (int, float)) or not 0 <= conf <= 1:
            raise TypeError(f"Filters.min_confidence: expected a number from 0 to 1, got {conf!r}")
        object.__setattr__(self, "min_confidence", float(conf))
        for f in fields(self):  # lists (a widget's value) become tuples: hashable, comparable
            if f.name == "min_confidence":
                continue
            value = getattr(self, f.name)
            if isinstance(value, str) or not isinstance(value, (tuple, list)) \
                    or not all(isinstance(v, str) for v in value):
                raise TypeError(f"Filters.{f.name}: expected a tuple of str, got {value!r}")
            object.__setattr__(self, f.name, tuple(value))

    @property
    def is_empty(self) -> bool:
        return not (self.actors or self.claims or self.outlets or self.stances or self.min_confidence)

    @property
    def picks_statements(self) -> bool:
        """Whether the filter chooses statements (actor, claim or stance), not only outlets."""
        return bool(self.actors or self.claims or self.stances)

    def to_query(self) -> dict[str, list[str]]:
        query = {self.QUERY_KEYS[f.name]: list(getattr(self, f.name))
                 for f in fields(self) if f.name != "min_confidence" and getattr(self, f.name)}
        if self.min_confidence:
            query[self.QUERY_KEYS["min_confidence"]] = [confidence_key(self.min_confidence)]
        return query

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
        values["min_confidence"] = _confidence(values["min_confidence"])
        return cls(**values)

    def describe(self, prep: Prepared | None = None) -> str:
        """A short English description, for empty states and captions."""
        parts = []
        if self.actors:
            names = [prep.actor_label(a) if prep else a for a in self.actors]
            parts.append("actor: " + ", ".join(names))
        shown = filter_options(prep) if prep is not None else {}  # the labels the filter shows
        for name, word in (("claims", "claim"), ("outlets", "outlet")):
            if getattr(self, name):
                labels = dict(shown.get(name, ()))
                parts.append(f"{word}: " + ", ".join(labels.get(v, v) for v in getattr(self, name)))
        if self.stances:
            parts.append("stance: " + ", ".join(self.stances))
        if self.min_confidence:
            parts.append(f"confidence at least {confidence_key(self.min_confidence)}")
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

    def _shared(self, name: str, compute) -> pd.DataFrame:
        """A frame of this filter, computed once per corpus for every session (the last few
        filters kept: :data:`riwaya.dashboard.corpus.VIEW_FRAMES`)."""
        return self.prep.frames.get(("view", name, self.filters), compute)

    @cached_property
    def statements(self) -> pd.DataFrame:
        """The statements that pass every part of the filter."""
        if self.filters.is_empty:
            return self.prep.statements
        return self._shared("statements", self._statements)

    def _statements(self) -> pd.DataFrame:
        st, f = self.prep.statements, self.filters
        mask = pd.Series(True, index=st.index)
        for column, chosen in (("actor_id", f.actors), ("claim_id", f.claims),
                               ("source", f.outlets), ("stance", f.stances)):
            if chosen:
                mask &= st[column].isin(chosen)
        if f.min_confidence:
            kept = (st["confidence"] >= f.min_confidence) | (st["method"] == "review")
            if "review" in st:
                kept |= st["review"].isin(REVIEWED)
            mask &= kept
        return st[mask]

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """With no actor/claim/stance filter, every sentence of the outlets in view; otherwise
        the sentences holding a statement in view and, with only an actor filter, also the
        sentences that merely mention one of the chosen actors."""
        if self.filters.is_empty:
            return self.prep.sentences
        return self._shared("sentences", lambda: self.prep.sentences[
            sentence_keys(self.prep, "sentences").isin(self._sentence_keys).to_numpy()])

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """The mentions in the sentences in view."""
        if self.filters.is_empty:
            return self.prep.mentions
        return self._shared("mentions", lambda: self.prep.mentions[
            sentence_keys(self.prep, "mentions").isin(self._sentence_keys).to_numpy()])

    @cached_property
    def documents(self) -> pd.DataFrame:
        """The articles of the outlets in view (under an actor/claim/stance filter, those
        holding a statement in view), oldest first."""
        return self._shared("documents", self._documents)

    def _documents(self) -> pd.DataFrame:
        docs, f = self.prep.documents, self.filters   # oldest first (corpus.prepare)
        if f.outlets:
            docs = docs[docs["source"].isin(f.outlets)]
        if f.picks_statements:
            docs = docs[docs["doc_id"].isin(self.statements["doc_id"])]
        return docs

    @property
    def sentence_keys(self) -> pd.Series | None:
        """The sentences in view as integers (:func:`sentence_keys`); None for every sentence
        (no filter)."""
        return None if self.filters.is_empty else self._sentence_keys

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets in view: the chosen ones, or all."""
        return self.filters.outlets or self.prep.outlets

    @cached_property
    def _sentence_keys(self) -> pd.Series:
        """The sentences in view, as :func:`sentence_keys` (one integer a sentence)."""
        prep, f = self.prep, self.filters
        if not f.picks_statements:
            sents = prep.sentences
            if f.outlets:
                sents = sents[sents["source"].isin(f.outlets)]
            return sentence_keys(prep, "sentences").loc[sents.index]
        parts = [sentence_keys(prep, "statements").loc[self.statements.index]]
        if f.actors and not (f.claims or f.stances):
            m = kind_mentions(prep, "actor")
            m = m[m["entity_id"].isin(f.actors)]
            if f.outlets:
                m = m[m["source"].isin(f.outlets)]
            parts.append(m["skey"])
        return pd.concat(parts).drop_duplicates()


def _confidence(values: Sequence[str]) -> float:
    """The last URL value that is a number from 0 to 1; 0 (show everything) when there is none."""
    for raw in reversed(values):
        try:
            value = float(raw)
        except ValueError:
            continue
        if math.isfinite(value) and 0 <= value <= 1:
            return value
    return 0.0


def sentence_keys(prep: Prepared, table: str) -> pd.Series:
    """One integer per row of the corpus's ``table`` naming its sentence (the article's number
    in the corpus, then the sentence's), aligned with the table's index; computed once per
    corpus. Comparing integers, not (doc_id, sentence_id) pairs, is what keeps a filter fast."""
    return prep.memo.get(("sentence keys", table), lambda: _keys_of(prep, getattr(prep, table)))


def _keys_of(prep: Prepared, frame: pd.DataFrame) -> pd.Series:
    """:func:`sentence_keys` of the rows of ``frame`` (doc_id, sentence_id), not kept."""
    def numbers() -> pd.Index:   # every article's number: its place among the corpus's doc ids
        ids = [_distinct(getattr(prep, t)["doc_id"]) for t in ("documents", "sentences", "statements", "mentions")]
        return pd.Index(pd.unique(np.concatenate(ids)))
    docs = prep.memo.get(("doc numbers",), numbers)
    ids = frame["doc_id"]
    if isinstance(ids.dtype, pd.CategoricalDtype):   # look each category up once, not each row
        per_category = docs.get_indexer(ids.cat.categories.astype(object)).astype("int64")
        codes = ids.cat.codes.to_numpy()
        number = np.where(codes >= 0, per_category[codes] if len(per_category) else -1, -1)
    else:
        number = docs.get_indexer(ids.astype(object)).astype("int64")
    sentence = pd.to_numeric(frame["sentence_id"], errors="coerce").fillna(-1).astype("int64")
    return pd.Series((number.astype("int64") << 32) + sentence.to_numpy(), index=frame.index)


def _distinct(ids: pd.Series) -> np.ndarray:
    """The distinct values of a doc_id column, as objects."""
    values = ids.cat.categories if isinstance(ids.dtype, pd.CategoricalDtype) else pd.unique(ids)
    return np.asarray(values, dtype=object)


def kind_mentions(prep: Prepared, kind: str) -> pd.DataFrame:
    """The mentions of one kind ("actor", "place"): doc_id, sentence_id, entity_id, source,
    surface (entity_id, source and surface as categories, their categories sorted) and
    ``skey`` (:func:`sentence_keys`); computed once per corpus. What a filter and the map's
    counts read instead of scanning every mention's strings. The prepared mentions are
    grouped by kind (:func:`riwaya.dashboard.corpus.prepare`), so this is a slice of them, not
    a copy (at 100,000 articles a copy of both kinds was 130 MB)."""
    def build() -> pd.DataFrame:
        m = prep.mentions[["doc_id", "sentence_id", "entity_id", "source", "surface"]]
        rows = np.flatnonzero((prep.mentions["kind"] == kind).to_numpy())
        together = len(rows) and rows[-1] - rows[0] + 1 == len(rows)
        m = m.iloc[rows[0]:rows[-1] + 1] if together else m.iloc[rows]
        out = as_categories(m, ("entity_id", "source", "surface")).reset_index(drop=True)
        return out.assign(skey=_keys_of(prep, out))
    return prep.memo.get(("kind mentions", kind), build)


@per_corpus
def filter_options(prep: Prepared) -> dict[str, list[tuple[str, str]]]:
    """(id, label) choices for each filter field, from the corpus itself."""
    speaking = set(prep.statements["actor_id"]) | set(kind_mentions(prep, "actor")["entity_id"].unique())
    actors = speaker_order(prep.actors[prep.actors["actor_id"].isin(speaking)])
    claims = prep.claims.sort_values("short")
    names = outlet_names(prep)
    return {
        "actors": [(a, f"{label} · {_GROUP_HINT[k]}" if k in _GROUP_HINT else label)
                   for a, label, k in zip(actors["actor_id"], actors["label"], actors["speaker_kind"])],
        "claims": [(c, sh if sh != c else l) for c, sh, l in
                   zip(claims["claim_id"], claims["short"], claims["label"])],
        "outlets": [(o, outlet_display(prep, o, names)) for o in prep.outlets],
        "stances": [(s, s) for s in STANCES],
        "min_confidence": [(confidence_key(c), f"{c:.2f}" if c else "off (show all)")
                           for c in CONFIDENCE_STEPS],
    }


def speaker_group(kind) -> int:
    """The place of a speaker kind in the order of :data:`SPEAKER_GROUPS` (an unknown kind
    goes with the unnamed sources)."""
    order = list(SPEAKER_GROUPS)
    return order.index(kind) if kind in SPEAKER_GROUPS else order.index("source")


def speaker_order(actors: pd.DataFrame) -> pd.DataFrame:
    """Actors (rows of ``Prepared.actors``) grouped: codebook actors, then named speakers
    outside the codebook, unnamed sources, and "Unattributed" last; by label within a group."""
    return actors.assign(_group=[speaker_group(k) for k in actors["speaker_kind"]]) \
        .sort_values(["_group", "label"], kind="stable").drop(columns="_group")
