"""Comparing sources: which claims each outlet (or article) reports and how, what each leaves
out, which sentences they share, whom each quotes.

A group is a label and its doc_ids (:func:`source_groups`); the statements counted are those
of the :class:`~riwaya.dashboard.filters.View` (the sidebar's filter) in the group's articles.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from riwaya.dashboard.corpus import join_unique
from riwaya.dashboard.filters import View
from riwaya.dashboard.matrix import cell_stance, cell_text
from riwaya.dashboard.reader import article_label, article_labels
from riwaya.pipeline.schema import STANCES
from riwaya.text.normalize import normalize_form

BY = {"outlet": "Outlets", "article": "Articles"}

Groups = Mapping[str, Sequence[str]]


def options(view: View, by: str) -> tuple[list[str], dict[str, str]]:
    """What can be compared, and how each choice is labelled: the outlets in view, or the
    articles in view (oldest first)."""
    if by == "outlet":
        return list(view.outlets), {o: o for o in view.outlets}
    if by == "article":
        labels = article_labels(view.prep)
        ids = list(view.documents["doc_id"])
        return ids, {d: labels.get(d, d) for d in ids}
    raise ValueError(f"by: expected one of {sorted(BY)}, got {by!r}")


def source_groups(view: View, *, by: str, chosen: Sequence[str]) -> dict[str, list[str]]:
    """{group label: [doc_id, ...]} for the chosen outlets (by="outlet") or articles (by="article")."""
    docs = view.prep.documents
    known = set(docs["doc_id"])
    groups: dict[str, list[str]] = {}
    for key in chosen:
        if by == "outlet":
            ids = list(docs.loc[docs["source"] == key, "doc_id"])
            label = key
        else:
            ids = [key] if key in known else []
            label = article_label(view.prep, key)
        if ids:
            groups[label] = ids
    return groups


def _in_group(view: View, docs: Sequence[str]) -> pd.DataFrame:
    st = view.statements
    return st[st["doc_id"].isin(docs)]


def compare_coverage(view: View, groups: Groups) -> pd.DataFrame:
    """Claims (rows) x groups (columns): how each group reports the claim, e.g. "asserts 2, denies 1".

    Blank means the group does not report the claim at all.
    """
    rows = {}
    for label, docs in groups.items():
        st = _in_group(view, docs)
        counts = st.groupby(["claim_id", "stance"]).size()
        rows[label] = {claim: ", ".join(f"{s} {counts[(claim, s)]}" for s in STANCES if (claim, s) in counts)
                       for claim in dict.fromkeys(st["claim_id"])}
    claims = [c for c in view.prep.claims["claim_id"] if any(c in col for col in rows.values())]
    table = pd.DataFrame({label: [col.get(c, "") for c in claims] for label, col in rows.items()},
                         index=claims)
    table.index.name = "claim"
    return table


def coverage_long(view: View, groups: Groups) -> pd.DataFrame:
    """Groups x claims in the long form of the actor x claim matrix (group, claim_id, counts,
    stance, text). Claims: every claim any group reports (under a claim filter, the chosen ones)."""
    prep, f = view.prep, view.filters
    cols = ["group", "claim_id", "claim_short", "claim_label", *STANCES, "n", "stance", "text"]
    in_groups = _in_group(view, [d for docs in groups.values() for d in docs])
    claims = list(f.claims) if f.claims else \
        [c for c in prep.claims["claim_id"] if c in set(in_groups["claim_id"])]
    rows = []
    for label, docs in groups.items():
        counts = _in_group(view, docs).groupby(["claim_id", "stance"]).size()
        for c in claims:
            cnt = {s: int(counts.get((c, s), 0)) for s in STANCES}
            rows.append({"group": label, "claim_id": c, "claim_short": prep.claim_short(c),
                         "claim_label": prep.claim_label(c), **cnt,
                         "n": sum(cnt.values()), "stance": cell_stance(cnt), "text": cell_text(cnt)})
    return pd.DataFrame(rows, columns=cols)


def _reported_elsewhere(coverage: pd.DataFrame, label: str) -> pd.Series:
    others = coverage.drop(columns=[label])
    if not len(others.columns):
        return pd.Series(False, index=coverage.index)
    return (others != "").any(axis=1)


def omissions(coverage: pd.DataFrame) -> dict[str, list[str]]:
    """For each group, the claims that another group reports and this one does not."""
    out = {}
    for label in coverage.columns:
        elsewhere = _reported_elsewhere(coverage, label)
        out[label] = [c for c in coverage.index if coverage.at[c, label] == "" and elsewhere[c]]
    return out


def exclusive_claims(coverage: pd.DataFrame) -> dict[str, list[str]]:
    """For each group, the claims that only this group reports."""
    out = {}
    for label in coverage.columns:
        elsewhere = _reported_elsewhere(coverage, label)
        out[label] = [c for c in coverage.index if coverage.at[c, label] != "" and not elsewhere[c]]
    return out


def sentence_overlap(view: View, groups: Groups, *, threshold: float = 80.0) -> pd.DataFrame:
    """Every sentence of every group (whatever the filter: the articles' whole text), with its
    best match in another group.

    Columns: group, doc_id, sentence_id, text, best_group, best_doc, best_sentence, best_text,
    score (0-100, rapidfuzz ratio of the normalised sentences, punctuation ignored),
    shared (score >= threshold).
    """
    from rapidfuzz import fuzz, process, utils

    cols = ["group", "doc_id", "sentence_id", "text", "best_group", "best_doc", "best_sentence",
            "best_text", "score", "shared"]
    sentences = view.prep.sentences
    frames = [sentences[sentences["doc_id"].isin(docs)][["doc_id", "sentence_id", "text"]].assign(group=label)
              for label, docs in groups.items()]
    allsent = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if allsent.empty:
        return pd.DataFrame(columns=cols)
    # THE normaliser, then rapidfuzz's own processing (punctuation out), spaces collapsed
    norm = [" ".join(utils.default_process(normalize_form(str(t))).split()) for t in allsent["text"]]
    scores = np.asarray(process.cdist(norm, norm, scorer=fuzz.ratio, workers=1), dtype=float)
    group = allsent["group"].to_numpy()
    scores[group[:, None] == group[None, :]] = -1.0  # a match must come from another group
    best_j = scores.argmax(axis=1)  # the first of equal scores
    rows = []
    for i, r in enumerate(allsent.itertuples(index=False)):
        row = {"group": r.group, "doc_id": r.doc_id, "sentence_id": int(r.sentence_id),
               "text": r.text, "best_group": None, "best_doc": None, "best_sentence": None,
               "best_text": None, "score": 0.0, "shared": False}
        best = float(scores[i, best_j[i]])
        if best >= 0:
            o = allsent.iloc[best_j[i]]
            row.update(best_group=o["group"], best_doc=o["doc_id"], best_sentence=int(o["sentence_id"]),
                       best_text=o["text"], score=round(best, 1), shared=best >= threshold)
        rows.append(row)
    return pd.DataFrame(rows, columns=cols)


def overlap_of(overlap: pd.DataFrame, label: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shared, unique) sentences of one group in a :func:`sentence_overlap` frame."""
    mine = overlap[overlap["group"] == label]
    return mine[mine["shared"].astype(bool)], mine[~mine["shared"].astype(bool)]


def quoted_actors(view: View, groups: Groups) -> pd.DataFrame:
    """Whom each group quotes: group, actor_id, actor, statements, claims."""
    rows = []
    for label, docs in groups.items():
        st = _in_group(view, docs)
        for (actor_id, actor_label), g in st.groupby(["actor_id", "actor_label"], sort=False):
            rows.append({"group": label, "actor_id": actor_id, "actor": actor_label,
                         "statements": len(g), "claims": join_unique(sorted(g["claim_id"].unique()))})
    out = pd.DataFrame(rows, columns=["group", "actor_id", "actor", "statements", "claims"])
    return out.sort_values(["group", "statements", "actor"], ascending=[True, False, True]).reset_index(drop=True)
