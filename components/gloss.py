"""The English gloss in the UI: the readers' translations (cached per review-file version),
evidence annotated with glosses, and the form where a reader writes a translation."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from riwaya.config import review_db
from riwaya.dashboard import gloss
from riwaya.dashboard.html import md
from riwaya.errors import RiwayaError
from riwaya.review import ReviewStore
from riwaya.review.translations import load_translations, save_translation


@st.cache_data(show_spinner=False, max_entries=4)
def _translations(path: str, version: str) -> dict:
    return load_translations(path)  # ``version`` is the cache key: a new translation shows at once


def translations(ctx) -> dict:
    """{(doc_id, sentence_key): translation} of the corpus's review file."""
    path = review_db(ctx.paths.processed)
    try:
        return _translations(str(path), ReviewStore(path).version())
    except RiwayaError as exc:
        st.warning(md(str(exc)))
        return {}


def annotate(ctx, ev: pd.DataFrame) -> pd.DataFrame:
    """Evidence rows with their gloss, whole sentence and translation (:func:`gloss.annotate`)."""
    return gloss.annotate(ctx.prep, ev, translations(ctx))


def translate_form(ctx, doc_id: str, sentence: str, current: str, key: str) -> None:
    """A popover where a reader writes (or clears) the English translation of a sentence."""
    with st.popover("Translate…" if not current else "Edit the translation", icon=":material/translate:"):
        with st.form(f"translate_{key}", border=False):
            text = st.text_area("English translation of the whole sentence", value=current,
                                key=f"translate_text_{key}", max_chars=4000)
            if st.form_submit_button("Save the translation"):
                try:
                    save_translation(review_db(ctx.paths.processed), doc_id, sentence, text)
                except RiwayaError as exc:
                    st.error(md(str(exc)))
                else:
                    st.rerun()


def sentence_notes_html(ctx, view, r) -> str:
    """Under a sentence (a row with doc_id, sentence_id, text): the English gloss of each of its
    statements in view and a reader's translation."""
    from riwaya.dashboard import html

    glosses = gloss.sentence_glosses(ctx.prep, r.doc_id, r.sentence_id, statements=view.statements)
    return html.glosses_html(glosses) + html.translation_html(
        gloss.translation_of(translations(ctx), r.doc_id, r.text))
