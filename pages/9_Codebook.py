"""Codebook: add or edit the actors, claims (with a fact-check) and places of the workspace in
view, and what the corpus suggests adding; a save rebuilds the corpus in the background."""

import streamlit as st

from components import build_ui, codebook_editor, context, place_picker, suggestions
from riwaya.dashboard.html import md

ctx = context.setup("Codebook")
st.title("Codebook")
st.caption(f"Who speaks, what is claimed and where, for the workspace **{md(ctx.workspace.name)}**: "
           "the files in its codebook folder, which stay readable. Each save is checked like the "
           "files (the error is shown under its field) and rebuilds the corpus.")
build_ui.corpus_status(ctx)
codebook_editor.notice()
book = codebook_editor.load(ctx)
if book is None:
    st.stop()
part = codebook_editor.section()
if part == "actor":
    codebook_editor.actor_editor(ctx, book)
elif part == "claim":
    codebook_editor.claim_editor(ctx, book)
elif part == "place":
    codebook_editor.place_editor(ctx, book, lambda: place_picker.locator(ctx, book))
else:
    suggestions.panel(ctx, book)
