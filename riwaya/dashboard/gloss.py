"""An English gloss for every Arabic quote: "‹actor› ‹asserts/denies/concedes›: ‹claim in English›",
the quote's sentence whole (never cut mid-sentence), and a reader's translation where one was
written (:mod:`riwaya.review.translations`).

Plain pandas, no HTML (that is :mod:`riwaya.dashboard.html`): the evidence card, the map's place
sentences and the briefing call :func:`annotate` or :func:`sentence_glosses`.
"""

from __future__ import annotations

from typing import Mapping

import pandas as pd

from riwaya.dashboard.corpus import Prepared, as_text
from riwaya.pipeline.schema import STANCES, UNATTRIBUTED
from riwaya.review.model import sentence_key

#: the verb of each stance in a gloss ("Russian Ministry of Defence concedes: …")
STANCE_VERBS = {"asserts": "asserts", "denies": "denies", "concedes": "concedes"}
#: the columns :func:`annotate` adds
GLOSS_COLUMNS = ["gloss", "sentence", "sentence_start", "translation"]
#: {(doc_id, sentence_key): the reader's English translation of that sentence}
Translations = Mapping[tuple[str, str], str]


def actor_english(prep: Prepared, actor_id: str) -> str:
    """The actor's English name; for a speaker outside the codebook, "an unlisted speaker
    (‹Arabic form›)"; "Someone (unattributed)" for an impersonal passive."""
    if not isinstance(actor_id, str):
        raise TypeError(f"actor_english: expected an actor id (str), got {actor_id!r}")
    if actor_id == UNATTRIBUTED:
        return "Someone (unattributed)"
    hit = prep.actors[prep.actors["actor_id"] == actor_id]
    if len(hit):
        en = as_text(hit["name_en"].iloc[0])
        if en:
            return en
        ar = as_text(hit["name_ar"].iloc[0])
    else:
        ar = ""
    form = ar or (actor_id[4:] if actor_id.startswith("UNK:") else actor_id)
    return f"An unlisted speaker ({form})"


def gloss_text(actor: str, stance: str, claim: str) -> str:
    """"‹actor› ‹stance verb›: ‹claim›" (plain text: escape it before it goes into HTML)."""
    if stance not in STANCE_VERBS:
        raise TypeError(f"gloss_text: expected a stance among {', '.join(STANCES)}, got {stance!r}")
    return f"{actor} {STANCE_VERBS[stance]}: {claim}"


def statement_gloss(prep: Prepared, actor_id: str, stance: str, claim_id: str) -> str:
    """The gloss of one statement, the claim as the codebook's English statement."""
    return gloss_text(actor_english(prep, actor_id), stance, prep.claim_label(claim_id))


def _sentence_table(prep: Prepared, keys: pd.DataFrame) -> pd.DataFrame:
    """The sentences of ``keys`` (doc_id, sentence_id) with their text, read by DuckDB."""
    from riwaya.dashboard.query import with_texts

    wanted = keys[["doc_id", "sentence_id"]].drop_duplicates()
    s = prep.sentences[["doc_id", "sentence_id", "start"]].merge(wanted, on=["doc_id", "sentence_id"])
    return with_texts(prep.texts, s, column="sentence").rename(columns={"start": "sentence_start"})


def translation_of(translations: Translations | None, doc_id: str, sentence: str) -> str:
    """A reader's translation of the sentence ``sentence`` of ``doc_id``, or ""."""
    if not translations or not as_text(sentence):
        return ""
    return as_text(translations.get((doc_id, sentence_key(sentence)), ""))


def annotate(prep: Prepared, ev: pd.DataFrame, translations: Translations | None = None) -> pd.DataFrame:
    """Statements (rows with doc_id, sentence_id, actor_id, stance, claim_id) plus the columns
    of :data:`GLOSS_COLUMNS`: the gloss, the whole sentence and its start offset (the cue's
    offsets are the document's), and the reader's translation ("" when none)."""
    if not isinstance(ev, pd.DataFrame):
        raise TypeError(f"annotate: expected a DataFrame of statements, got {type(ev).__name__}")
    out = ev.drop(columns=[c for c in GLOSS_COLUMNS if c in ev]).reset_index(drop=True)
    if out.empty:
        return out.assign(**{c: pd.Series(dtype=object) for c in GLOSS_COLUMNS})
    out = out.merge(_sentence_table(prep, out), on=["doc_id", "sentence_id"], how="left")
    out["gloss"] = [statement_gloss(prep, a, s, c) for a, s, c in
                    zip(out["actor_id"], out["stance"], out["claim_id"])]
    # a statement whose sentence is not in the corpus (never, unless the tables disagree)
    # keeps its quote as the sentence
    missing = out["sentence"].isna()
    if missing.any() and "quote" in out:
        out.loc[missing, "sentence"] = out.loc[missing, "quote"]
        out.loc[missing, "sentence_start"] = out.loc[missing, "start"]
    out["translation"] = [translation_of(translations, d, s) for d, s in zip(out["doc_id"], out["sentence"])]
    return out


def sentence_glosses(prep: Prepared, doc_id: str, sentence_id: int, *,
                     statements: pd.DataFrame | None = None) -> list[str]:
    """The glosses of the statements in one sentence (``statements``: those in view, else all),
    each once, in the sentence's order."""
    st = prep.statements if statements is None else statements
    hit = st[(st["doc_id"] == doc_id) & (st["sentence_id"] == int(sentence_id))]
    if "start" in hit:
        hit = hit.sort_values("start", kind="stable")
    return list(dict.fromkeys(statement_gloss(prep, a, s, c) for a, s, c in
                              zip(hit["actor_id"], hit["stance"], hit["claim_id"])))
