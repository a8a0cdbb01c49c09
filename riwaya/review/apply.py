"""Decisions override the machine's output: :func:`apply_decisions`.

Each statement of the corpus is found by its :class:`~riwaya.review.model.Target` (document,
sentence text, actor, claim, stance), so decisions made on an older build apply to a new one
whatever its sentence and statement numbers.

- ``reject``: the statement is removed;
- ``confirm``: it is kept, marked ``review = "confirmed"``;
- ``correct``: its speaker, claim or stance are changed, ``review = "corrected"``;
- ``add``: a statement the machine missed is appended (the whole sentence as its quote,
  ``method = "review"``), ``review = "added"``.

A decision that says a statement is true (confirm, correct, add) keeps it even when a new build
no longer finds it: it is then made from its sentence, like an added one. A decision whose
sentence is no longer in its document (the article changed) cannot be placed and is left out
(:func:`unplaced` lists them). Reviewed statements have confidence 1.0.
"""

from __future__ import annotations

import math

import pandas as pd

from riwaya.pipeline.schema import speaker_kind
from riwaya.review.model import STATUS, sentence_key
from riwaya.review.store import empty_decisions

#: columns this module adds to the statements
REVIEW_COLUMNS = ("review", "review_target")
_KEY = ["doc_id", "sentence_id", "actor_id", "claim_id", "stance"]


def _sentence_keys(frame: pd.DataFrame, sentences: pd.DataFrame, docs: set[str]) -> pd.Series:
    """The sentence key of each row of ``frame`` (doc_id, sentence_id) in ``docs``; "" elsewhere."""
    s = sentences[sentences["doc_id"].isin(docs)]
    keys = {(d, int(i)): sentence_key(str(t)) for d, i, t in zip(s["doc_id"], s["sentence_id"], s["text"])}
    return pd.Series([keys.get((d, int(i)), "") if d in docs else ""
                      for d, i in zip(frame["doc_id"], frame["sentence_id"])],
                     index=frame.index, dtype=object)


def _target_ids(frame: pd.DataFrame, skeys: pd.Series) -> pd.Series:
    from riwaya.review.model import Target

    out = []
    for d, k, a, c, s in zip(frame["doc_id"], skeys, frame["actor_id"], frame["claim_id"], frame["stance"]):
        try:
            out.append(Target(str(d), k, str(a), str(c), str(s)).id if k else "")
        except Exception:   # a statement without a claim or stance: nothing to decide on
            out.append("")
    return pd.Series(out, index=frame.index, dtype=object)


def speaker_kind_of(actor_id: str, codebook_ids: set[str], known: dict[str, str] | None = None) -> str:
    """The ``speaker_kind`` of a speaker a reader chose: the kind the build gave the same
    speaker (``known``), else codebook, unattributed or named."""
    if known and isinstance(known.get(actor_id), str):
        return known[actor_id]
    return speaker_kind(actor_id, actor_id in codebook_ids, otherwise="named")


def apply_decisions(statements: pd.DataFrame, sentences: pd.DataFrame,
                    decisions: pd.DataFrame | None, *,
                    codebook_ids: set[str] | None = None) -> pd.DataFrame:
    """The statements with the readers' decisions applied, and two more columns: ``review``
    ("", "confirmed", "corrected", "added") and ``review_target`` (the id of the target the
    decision was made on; "" for a statement nobody reviewed).

    ``decisions`` is a frame of the decisions in force (:meth:`ReviewStore.decisions`);
    ``codebook_ids`` (the codebook's actors) sets ``speaker_kind`` of statements readers added.
    """
    st = statements.copy()
    st["review"] = ""
    st["review_target"] = ""
    if decisions is None or decisions.empty:
        return st.reset_index(drop=True)
    docs = set(decisions["doc_id"])
    st["review_target"] = _target_ids(st, _sentence_keys(st, sentences, docs))
    by_target = {r["target_id"]: r for r in decisions.to_dict("records")}
    codebook_ids = codebook_ids or set()
    known = dict(zip(st["actor_id"], st["speaker_kind"])) if "speaker_kind" in st else {}

    keep, placed = [], set()
    for i, target in zip(st.index, st["review_target"]):
        d = by_target.get(target)
        if d is None:
            keep.append(True)
            continue
        placed.add(target)
        if d["action"] == "reject":
            keep.append(False)
            continue
        keep.append(True)
        st.at[i, "review"] = "confirmed" if d["action"] == "add" else STATUS[d["action"]]
        if d["action"] == "correct":
            for col in ("actor_id", "claim_id", "stance"):
                if isinstance(d["new_" + col], str) and d["new_" + col]:
                    st.at[i, col] = d["new_" + col]
            if isinstance(d["new_actor_id"], str) and d["new_actor_id"] and "speaker_kind" in st:
                st.at[i, "speaker_kind"] = speaker_kind_of(d["new_actor_id"], codebook_ids, known)
                if "affiliation" in st:
                    st.at[i, "affiliation"] = None
    st = st[pd.Series(keep, index=st.index)].copy()
    st.loc[st["review"] == "", "review_target"] = ""
    if "confidence" in st:
        st.loc[st["review"] != "", "confidence"] = 1.0

    missing = [d for t, d in by_target.items() if t not in placed and d["action"] != "reject"]
    made = _from_sentences(missing, sentences, st.columns, codebook_ids, known)
    if len(made):
        st = pd.concat([st, made], ignore_index=True)
    return _without_duplicates(st).reset_index(drop=True)


def _from_sentences(missing: list[dict], sentences: pd.DataFrame, columns,
                    codebook_ids: set[str], known: dict[str, str]) -> pd.DataFrame:
    """A statement for each positive decision the build has no statement for, from its sentence."""
    if not missing:
        return pd.DataFrame(columns=list(columns))
    docs = {d["doc_id"] for d in missing}
    s = sentences[sentences["doc_id"].isin(docs)]
    where = {(d, sentence_key(str(t))): (int(i), int(a), int(b), str(t))
             for d, i, a, b, t in zip(s["doc_id"], s["sentence_id"], s["start"], s["end"], s["text"])}
    rows = []
    for d in missing:
        hit = where.get((d["doc_id"], d["sentence_key"]))
        if hit is None:
            continue
        sid, start, end, text = hit
        actor = d["new_actor_id"] if isinstance(d["new_actor_id"], str) and d["new_actor_id"] else d["actor_id"]
        claim = d["new_claim_id"] if isinstance(d["new_claim_id"], str) and d["new_claim_id"] else d["claim_id"]
        stance = d["new_stance"] if isinstance(d["new_stance"], str) and d["new_stance"] else d["stance"]
        rows.append({
            "statement_id": f"{d['doc_id']}:{sid}:review-{d['target_id'][:8]}",
            "doc_id": d["doc_id"], "sentence_id": sid, "actor_id": actor,
            "actor_surface": actor[4:] if actor.startswith("UNK:") else "", "claim_id": claim,
            "stance": stance, "cue": "", "quote": text, "start": start, "end": end,
            "cue_start": math.nan, "cue_end": math.nan, "method": "review", "confidence": 1.0,
            "speaker_kind": speaker_kind_of(actor, codebook_ids, known), "affiliation": None,
            "review": STATUS[d["action"]], "review_target": d["target_id"]})
    frame = pd.DataFrame(rows)
    return frame[[c for c in columns if c in frame.columns]
                 + [c for c in frame.columns if c not in columns]] if rows else frame


def _without_duplicates(st: pd.DataFrame) -> pd.DataFrame:
    """One statement per (document, sentence, actor, claim, stance) where a reader decided:
    the reviewed one wins over the machine's, the first reviewed over later ones."""
    if not (st["review"] != "").any():
        return st
    reviewed = st["review"] != ""
    keys = st[_KEY].astype(str).agg("\x1f".join, axis=1)
    reviewed_keys = set(keys[reviewed])
    drop = (~reviewed & keys.isin(reviewed_keys)) | (reviewed & keys.duplicated())
    return st[~drop]


def unplaced(sentences: pd.DataFrame, decisions: pd.DataFrame | None) -> pd.DataFrame:
    """The decisions whose sentence is no longer in its document (the article changed)."""
    if decisions is None or decisions.empty:
        return empty_decisions()
    docs = set(decisions["doc_id"])
    s = sentences[sentences["doc_id"].isin(docs)]
    present = {(d, sentence_key(str(t))) for d, t in zip(s["doc_id"], s["text"])}
    mask = [(d, k) not in present for d, k in zip(decisions["doc_id"], decisions["sentence_key"])]
    return decisions[mask].reset_index(drop=True)


def reviewed_corpus(corpus, decisions: pd.DataFrame | None):
    """The corpus (:class:`riwaya.pipeline.store.Corpus`) with :func:`apply_decisions` applied
    to its statements."""
    from dataclasses import replace

    actors = corpus.actors
    codebook_ids = set(actors.loc[actors["in_codebook"].fillna(False).astype(bool), "actor_id"])
    return replace(corpus, statements=apply_decisions(corpus.statements, corpus.sentences,
                                                      decisions, codebook_ids=codebook_ids))
