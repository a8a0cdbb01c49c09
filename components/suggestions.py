"""What the corpus suggests adding to the codebook, and where a place is.

Suggestions (:mod:`riwaya.codebook.suggest`): speakers and places the build found but the
codebook lacks, each with a button that opens the actor or place form filled in
(:func:`components.codebook_editor.prefill`); sentences near a claim's examples, each with a
button that adds it to them. Names and sentences are data: shown escaped (``md``,
``html.quote_block``).
"""

from __future__ import annotations

import streamlit as st

from riwaya.codebook.edit import save_claim
from riwaya.codebook.suggest import near_examples, unknown_places, unknown_speakers
from riwaya.dashboard import html
from riwaya.dashboard.html import md
from riwaya.errors import RiwayaError

from components import build_ui, codebook_editor as editor

SHOWN = 15                      # suggestions listed per kind
NEAR = "cb_near"                # session state: {claim id: the sentences found near its examples}


def _row(label: str, button: str, key: str, on_click, args) -> None:
    with st.container(horizontal=True, vertical_alignment="center", key=f"{key}_row"):
        st.markdown(md(label))
        st.button(button, key=key, icon=":material/add:", on_click=on_click, args=args)


def panel(ctx, book) -> None:
    """Unknown speakers, unknown places and sentences near a claim's examples."""
    prep = ctx.prep
    if prep is None or prep.is_empty:
        st.info("Suggestions come from the built corpus: add articles first (page **Add articles**).")
        return
    st.subheader("Unknown speakers")
    st.caption("Speakers the articles quote who are not in the codebook, by number of statements.")
    speakers = prep.memo.get(("unknown_speakers",), lambda: unknown_speakers(prep.statements))
    if not speakers:
        st.caption("None: every speaker found is in the codebook.")
    for n, s in enumerate(speakers[:SHOWN]):
        _row(s.label(), "Add as actor", f"cb_sugg_actor_{n}", editor.prefill, ("actor", s.form()))
    st.subheader("Unknown places")
    st.caption("Places named in the articles (found by the offline gazetteer) not in the codebook.")
    places = prep.memo.get(("unknown_places",), lambda: unknown_places(prep.mentions, prep.places))
    if not places:
        st.caption("None.")
    for n, p in enumerate(places[:SHOWN]):
        label = f"{p.name_ar} · {p.name_en} ({p.count} mention{'s' if p.count != 1 else ''})"
        _row(label, "Add as place", f"cb_sugg_place_{n}", editor.prefill, ("place", p.form()))
    near_panel(ctx, book)


def _add_example(paths, claim: dict, text: str) -> None:
    """(A callback.) Add ``text`` to the claim's examples and rebuild."""
    try:
        save_claim(paths.codebook, {**claim, "examples": [*claim.get("examples", []), text]},
                   original_id=claim["id"])
    except RiwayaError as exc:
        st.session_state[editor.NOTICE] = f"Not added: {exc}"
        return
    st.session_state[editor.NOTICE] = f"Added an example to {claim['id']}; the corpus is being rebuilt."
    st.session_state.pop(editor.key("claim", "_loaded"), None)
    build_ui.start(paths)


def near_panel(ctx, book) -> None:
    st.subheader("Sentences near a claim's examples")
    claims = {c.id: c for c in book.claims if c.examples}
    if not claims:
        st.caption("No claim has example sentences yet.")
        return
    chosen = st.selectbox("Claim", list(claims), key="cb_near_claim",
                          format_func=lambda i: f"{i} · {claims[i].label_en or claims[i].statement_en[:50]}")
    found = st.session_state.setdefault(NEAR, {})
    if st.button("Find sentences like its examples", key="cb_near_find", icon=":material/search:"):
        with st.spinner("Comparing every sentence with the examples…"):
            try:
                found[chosen] = near_examples(list(claims[chosen].examples), ctx.prep.texts.all_sentences())
            except RiwayaError as exc:
                st.error(md(str(exc)))
    claim = claims[chosen].model_dump()
    for n, s in enumerate(found.get(chosen, [])):
        with st.container(border=True, key=f"cb_near_{n}"):
            st.caption(md(f"{s.doc_id}, sentence {int(s.sentence_id) + 1} · similarity {s.similarity:.2f}"))
            st.html(html.quote_block(s.text))
            if s.text not in claim.get("examples", []):
                st.button("Add as an example", key=f"cb_near_add_{n}", icon=":material/add:",
                          on_click=_add_example, args=(ctx.paths, claim, s.text))
