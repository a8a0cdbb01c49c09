"""Search the sentences in view, in Arabic or English; each hit leads to the Reader at its sentence.

- **Arabic** (a query with an Arabic letter): the query and every sentence go through the
  pipeline's normaliser (:func:`riwaya.text.normalize.normalize_form`: alef forms, alef maksura,
  teh marbuta, diacritics, tatweel, case), and a sentence matches when it holds every word of
  the query (as written, or inside a longer word: والرقة holds الرقة), or the words written
  without their spaces (البو كمال finds البوكمال, as the pipeline's matcher does). The words found are
  marked at their original offsets (:func:`riwaya.text.normalize.normalize_with_map`).
- **English**: every word of the query must occur in a statement's English gloss (actor, stance,
  the claim's label and statement, :mod:`riwaya.dashboard.gloss`), in a reader's translation of
  the sentence, or in the sentence itself (a Latin name such as "BBC").

The search follows the filter: it runs over :attr:`View.sentences` and :attr:`View.statements`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from riwaya.dashboard.corpus import Prepared, as_text
from riwaya.dashboard.filters import View, sentence_keys
from riwaya.dashboard.gloss import Translations, sentence_glosses, statement_gloss, translation_of
from riwaya.dashboard.memo import per_corpus, per_view
from riwaya.dashboard.query import with_texts
from riwaya.text.normalize import is_arabic_letter, normalize_form, normalize_with_map

#: hits per page of results
PER_PAGE = 20
#: a query longer than this is cut (a pasted article is not a search)
MAX_QUERY = 200
#: how the normalised sentences are held (Arrow strings: compact, searched by Arrow's compute)
_STRINGS = "string[pyarrow]"
HIT_COLUMNS = ["doc_id", "sentence_id", "source", "date", "title", "text", "start", "matched", "marks"]

@per_view
def _glosses(view: View) -> pd.Series:
    """The normalised English gloss of each statement in view (actor, stance, the claim's
    label and statement), once per filter."""
    st, prep = view.statements, view.prep
    rows = list(zip(st["actor_id"], st["stance"], st["claim_id"], st["claim_short"], st["actor_label"]))
    gloss = {r: normalize_form(f"{statement_gloss(prep, *r[:3])} {as_text(r[3])} {as_text(r[4])}")
             for r in dict.fromkeys(rows)}    # each distinct one once: thousands of statements repeat
    return pd.Series([gloss[r] for r in rows], index=st.index, dtype=object)


@dataclass(frozen=True)
class Results:
    """One page of hits (``hits``: :data:`HIT_COLUMNS`) of ``total`` sentences found."""

    query: str
    language: str          # "ar", "en" or "" (an empty query)
    hits: pd.DataFrame
    total: int
    page: int
    pages: int

    @property
    def first(self) -> int:
        """The 1-based number of the first hit on this page (0 when there is none)."""
        return self.page * PER_PAGE + 1 if self.total else 0


def clean_query(query) -> str:
    """The query, stripped, whitespace collapsed, at most :data:`MAX_QUERY` characters."""
    if query is None:
        return ""
    if not isinstance(query, str):
        raise TypeError(f"search: expected the query as str, got {type(query).__name__}")
    return " ".join(query.split())[:MAX_QUERY]


def query_language(query: str) -> str:
    """"ar" when the query holds an Arabic letter, "en" for any other non-empty query, else ""."""
    if not query.strip():
        return ""
    return "ar" if any(is_arabic_letter(c) for c in query) else "en"


def query_words(query: str) -> list[str]:
    """The query's words, normalised as the pipeline normalises text, each once."""
    return list(dict.fromkeys(normalize_form(query).split()))


@per_corpus
def normalised_texts(prep: Prepared) -> pd.Series:
    """:func:`normalize_form` of every sentence's text (read by DuckDB, never kept raw), aligned
    with ``prep.sentences``; computed once per corpus, held as Arrow strings (compact, and
    searched by Arrow's compute)."""
    keys = prep.sentences[["doc_id", "sentence_id"]]
    texts = prep.texts.sentence_texts(keys) if len(keys) else pd.Series([], dtype=object)
    return pd.Series([normalize_form(as_text(t)) for t in texts], index=keys.index, dtype=_STRINGS)


def marks(text: str, words: list[str]) -> list[tuple[int, int]]:
    """The original (start, end) offsets in ``text`` of every occurrence of the normalised
    ``words``, merged where they overlap."""
    norm, index = normalize_with_map(text)
    norm = norm.lower()
    spans = []
    for w in words:
        for m in re.finditer(re.escape(w), norm):
            spans.append((index[m.start()], index[m.end() - 1] + 1))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _holds_all(texts: pd.Series, words: list[str]) -> pd.Series:
    found = pd.Series(True, index=texts.index)
    for w in words:
        found &= texts.str.contains(w, regex=False)
    return found


def arabic_hits(view: View, words: list[str]) -> pd.DataFrame:
    """The sentences in view holding every normalised word."""
    sents = view.sentences
    if sents.empty or not words:
        return sents.iloc[0:0].assign(matched=pd.Series(dtype=object))
    norm = normalised_texts(view.prep).reindex(sents.index)
    found = _holds_all(norm, words)
    if len(words) > 1:  # a name written without its space matches too (البو كمال: البوكمال)
        found |= norm.str.contains("".join(words), regex=False)
    return sents[found.fillna(False).astype(bool)].assign(matched="Arabic text")


def english_hits(view: View, words: list[str], translations: Translations | None = None) -> pd.DataFrame:
    """The sentences in view where one statement's gloss (actor, stance, the claim's label and
    statement) holds every word of an English query, or a reader's translation of the sentence,
    or the sentence itself, does."""
    sents, prep = view.sentences, view.prep
    if sents.empty or not words:
        return sents.iloc[0:0].assign(matched=pd.Series(dtype=object))
    st = view.statements
    glossed = _glosses(view)
    by_gloss = sentence_keys(prep, "statements").loc[st.index][_holds_all(glossed, words).to_numpy()]
    gloss_hit = sentence_keys(prep, "sentences").loc[sents.index].isin(by_gloss).to_numpy()
    # the sentence's own words: its normalised text (computed once per corpus), all at once
    own_hit = _holds_all(normalised_texts(prep).reindex(sents.index), words).fillna(False).to_numpy(dtype=bool)
    matched = pd.Series(np.where(gloss_hit, "English gloss", np.where(own_hit, "sentence", None)),
                        index=sents.index, dtype=object)
    # a reader's translation is keyed by the sentence's text: read only for the articles translated
    translated = {d for d, _ in (translations or {})}
    rows = sents[sents["doc_id"].isin(translated).to_numpy() & ~gloss_hit]
    if len(rows):
        norm = normalised_texts(prep).reindex(rows.index)
        for n, d, text, own in zip(rows.index, rows["doc_id"], prep.texts.sentence_texts(rows), norm):
            if translation := translation_of(translations, d, as_text(text)):
                both = f"{normalize_form(translation)} {as_text(own)}"   # a query word holds no space
                matched[n] = "translation" if all(w in both for w in words) else None
    found = matched.notna()
    return sents[found.to_numpy()].assign(matched=matched[found])


def search(view: View, query, *, page: int = 0, translations: Translations | None = None) -> Results:
    """One page (0-based, clamped) of the sentences in view matching ``query``, oldest article
    first, then in the article's order."""
    if not isinstance(view, View):
        raise TypeError(f"search: expected a View (Filters.apply), got {type(view).__name__}")
    q = clean_query(query)
    lang = query_language(q)
    words = query_words(q) if lang else []
    if lang == "ar":
        found = arabic_hits(view, words)
    elif lang == "en":
        found = english_hits(view, words, translations)
    else:
        found = view.sentences.iloc[0:0].assign(matched=pd.Series(dtype=object))
    found = found.sort_values(["date", "source", "doc_id", "sentence_id"], na_position="last")
    total = len(found)
    pages = max(1, math.ceil(total / PER_PAGE))
    page = min(max(0, int(page)), pages - 1)
    shown = with_texts(view.prep.texts, found.iloc[page * PER_PAGE:(page + 1) * PER_PAGE])
    titles = dict(zip(view.prep.documents["doc_id"], view.prep.documents["title"]))
    shown["title"] = [titles.get(d) for d in shown["doc_id"]]
    marked = words + ["".join(words)] if len(words) > 1 else words
    shown["marks"] = [marks(as_text(t), marked) if lang == "ar" else [] for t in shown["text"]]
    return Results(q, lang, shown.reindex(columns=HIT_COLUMNS).reset_index(drop=True), total, page, pages)


def hit_glosses(prep: Prepared, view: View, doc_id: str, sentence_id: int) -> list[str]:
    """The glosses of a hit's statements in view."""
    return sentence_glosses(prep, doc_id, sentence_id, statements=view.statements)
