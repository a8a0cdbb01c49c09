"""Comparing sources: which claims each outlet (or article) reports and how, what each leaves
out, which sentences they share, whom each quotes.

A group is a label and its doc_ids (:func:`source_groups`); the statements counted are those
of the :class:`~riwaya.dashboard.filters.View` (the sidebar's filter) in the group's articles.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from riwaya.dashboard.corpus import as_text, join_unique, outlet_of
from riwaya.dashboard.filters import View
from riwaya.dashboard.memo import per_view
from riwaya.dashboard.outlets import outlet_display, outlet_names  # noqa: F401 - re-exported
from riwaya.dashboard.query import with_texts
from riwaya.dashboard.matrix import cell_label, cell_stance, cell_text, stance_words
from riwaya.dashboard.reader import article_label, article_labels
from riwaya.pipeline.schema import STANCES
from riwaya.text.normalize import normalize_form

BY = {"outlet": "Outlets", "article": "Articles"}

Groups = Mapping[str, Sequence[str]]


def article_display(prep, doc_id: str, names: Mapping[str, str] | None = None) -> str:
    """An article as shown in a comparison: "outlet · date · the title's start [id]", the id
    cut to 12 characters and each part isolated (U+2068…U+2069) so that an Arabic title does
    not pull the id into its right-to-left run; "No outlet named [000_54f79f58]"."""
    docs = prep.documents
    d = docs[docs["doc_id"] == doc_id]
    if d.empty:
        return doc_id
    r = d.iloc[0]
    outlet = outlet_display(prep, outlet_of(r["source"], doc_id), names)
    outlet = "No outlet named" if outlet.startswith("No outlet named") else outlet
    title = as_text(r["title"])
    title = title if len(title) <= 42 else title[:40].rstrip() + "…"
    parts = [outlet, as_text(r["date"]), f"\u2068{title}\u2069" if title else ""]
    return " · ".join(p for p in parts if p) + f" [{doc_id[:12]}]"


def group_displays(prep, groups: Groups, by: str, *, arabic: bool = True) -> dict[str, str]:
    """{group label: how it is shown} for the groups of :func:`source_groups`; without
    ``arabic``, outlets by their name alone (headings under the chart)."""
    names = outlet_names(prep) if arabic else {}
    if by == "outlet":
        return {label: outlet_display(prep, label, names) for label in groups}
    return {label: (article_display(prep, docs[0], names) if len(docs) == 1 else label)
            for label, docs in groups.items()}


def options(view: View, by: str) -> tuple[list[str], dict[str, str]]:
    """What can be compared, and how each choice is labelled: the outlets in view, or the
    articles in view (oldest first)."""
    names = outlet_names(view.prep)
    if by == "outlet":
        return list(view.outlets), {o: outlet_display(view.prep, o, names) for o in view.outlets}
    if by == "article":
        ids = list(view.documents["doc_id"])
        return ids, {d: article_display(view.prep, d, names) for d in ids}
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
    """The statements in view of the articles ``docs``: the columns the comparisons read (a
    copy of every column, six groups three times a run, was 2 s at 100,000 articles)."""
    st = view.statements
    return st.loc[st["doc_id"].isin(docs).to_numpy(), ["doc_id", "actor_id", "actor_label", "claim_id", "stance"]]


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
    cols = ["group", "claim_id", "claim_short", "claim_label", *STANCES, "n", "stance", "text", "label", "words"]
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
                         "n": sum(cnt.values()), "stance": cell_stance(cnt), "text": cell_text(cnt),
                         "label": cell_label(cnt), "words": stance_words(cnt)})
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
    score (0-100, rapidfuzz ratio of the normalised sentences, punctuation ignored), shared
    (score >= threshold). ``text`` and ``best_text`` are kept only for the sentences the page
    can list (:func:`listable`), None for the others: six outlets at 100,000 articles are
    400,000 sentences, 400 MB of text kept per filter; :func:`shown` reads any missing.
    """
    key = tuple((label, tuple(docs)) for label, docs in groups.items())
    best = _closest_sentences(view, key)   # computed once per filter and groups
    raw = best.pop("raw_score")
    best["shared"] = [bool(found and r >= threshold) for found, r in zip(best["best_group"].notna(), raw)]
    return best


#: sentences listed at once under each group (the counts say how many there are)
SHOWN = 50


#: the similarity thresholds the page offers (its slider): the sentences listed at any of
#: them keep their text in :func:`sentence_overlap`
SIMILARITY_STEPS = tuple(range(50, 101, 5))


def shown(sentences: pd.DataFrame, texts=None) -> pd.DataFrame:
    """The first :data:`SHOWN` of a list of sentences (a page of thousands was never drawn);
    a ``text`` or ``best_text`` missing there (a threshold off :data:`SIMILARITY_STEPS`) is
    read from ``texts`` (``prep.texts``) when given."""
    first = sentences.head(SHOWN)
    if texts is None or first.empty:
        return first
    out = {}
    for column, doc, sentence in (("text", "doc_id", "sentence_id"), ("best_text", "best_doc", "best_sentence")):
        if doc not in first:
            continue
        values = first[column].astype(object) if column in first else pd.Series(None, index=first.index, dtype=object)
        missing = (values.isna() & first[doc].notna()).to_numpy()
        if missing.any():
            keys = first.loc[missing, [doc, sentence]].set_axis(["doc_id", "sentence_id"], axis=1)
            values = values.copy()
            values[missing] = texts.sentence_texts(keys)
        out[column] = values
    return first.assign(**out)


def listable(group: np.ndarray, shared_at: np.ndarray, found: np.ndarray) -> np.ndarray:
    """Which rows of :func:`sentence_overlap` a page can list: per group, the first
    :data:`SHOWN` shared and the first not shared at each of :data:`SIMILARITY_STEPS`
    (``shared_at``: each row's unrounded score; ``found``: it has a best match)."""
    keep = np.zeros(len(group), dtype=bool)
    for label in pd.unique(group):
        rows = np.flatnonzero(group == label)
        for step in SIMILARITY_STEPS:
            shared = found[rows] & (shared_at[rows] >= step)
            keep[rows[shared][:SHOWN]] = True
            keep[rows[~shared][:SHOWN]] = True
    return keep


@per_view
def _closest_sentences(view: View, groups: tuple[tuple[str, tuple[str, ...]], ...]) -> pd.DataFrame:
    """:func:`sentence_overlap` without ``shared`` but with the unrounded ``raw_score``."""
    from rapidfuzz import utils

    from riwaya.dashboard.overlap import best_matches

    groups = dict(groups)
    cols = ["group", "doc_id", "sentence_id", "text", "best_group", "best_doc", "best_sentence",
            "best_text", "score", "raw_score"]
    sentences = view.prep.sentences
    frames = [sentences[sentences["doc_id"].isin(docs)][["doc_id", "sentence_id"]].assign(group=label)
              for label, docs in groups.items()]
    allsent = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if allsent.empty:
        return pd.DataFrame(columns=cols)
    allsent = with_texts(view.prep.texts, allsent)   # read by DuckDB, these articles' only
    # THE normaliser, then rapidfuzz's own processing (punctuation out), spaces collapsed
    # (each distinct sentence once: articles repeat sentences, wire copy)
    texts = allsent["text"].tolist()
    normal = {t: " ".join(utils.default_process(normalize_form(str(t))).split()) for t in dict.fromkeys(texts)}
    norm = [normal[t] for t in texts]
    # each sentence's closest one in another group: every pair for a few thousand sentences,
    # candidates by hashing beyond (riwaya.dashboard.overlap)
    best_j, best = best_matches(norm, allsent["group"].to_numpy())
    found = best >= 0
    other = allsent.iloc[np.where(found, best_j, 0)].reset_index(drop=True)

    def where_found(column: str) -> list:   # plain values (not Arrow scalars), None if not found
        values = other[column].to_numpy(dtype=object).tolist()
        return [v if f else None for v, f in zip(values, found.tolist())]

    # the text only of what a page can list: kept per filter, all of it was most of the memory
    keep = listable(allsent["group"].to_numpy(), best, found)

    def kept(values) -> list:
        return [v if k else None for v, k in zip(values, keep.tolist())]

    return pd.DataFrame({
        "group": allsent["group"], "doc_id": allsent["doc_id"],
        "sentence_id": allsent["sentence_id"].astype("int64").tolist(),
        "text": kept(texts),
        "best_group": where_found("group"), "best_doc": where_found("doc_id"),
        "best_sentence": where_found("sentence_id"), "best_text": kept(where_found("text")),
        "score": [round(b, 1) if f else 0.0 for b, f in zip(best.tolist(), found.tolist())],
        "raw_score": best,
    }, columns=cols)


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
                         "statements": len(g),
                         "claims": join_unique(sorted(view.prep.claim_short(c) for c in g["claim_id"].unique()))})
    out = pd.DataFrame(rows, columns=["group", "actor_id", "actor", "statements", "claims"])
    return out.sort_values(["group", "statements", "actor"], ascending=[True, False, True]).reset_index(drop=True)


def labelled(frame: pd.DataFrame, displays: Mapping[str, str], *, column: str = "group") -> pd.DataFrame:
    """``frame`` with ``group_label``: how each group (``column``) is shown (:func:`group_displays`)."""
    return frame.assign(group_label=[displays.get(g, g) for g in frame[column]])


def quoted_table(quoted: pd.DataFrame, displays: Mapping[str, str]) -> pd.DataFrame:
    """Whom each quotes, as shown: source (its display name), actor (the name, never the id),
    statements, claims (their short labels)."""
    out = labelled(quoted, displays).rename(columns={"group_label": "source"})
    return out[["source", "actor", "statements", "claims"]]
