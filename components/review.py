"""The review widgets: Confirm, Reject, Correct… under each evidence card (Actors × claims), and
"Add a statement" in the Reader. Decisions go to the review file beside the corpus
(:class:`riwaya.review.ReviewStore`); the corpus is re-prepared with them on the next run
(``components/context.py`` keys its cache by the file's version), so every page shows them.

What the widgets show and store is computed by :mod:`riwaya.review.forms`; text from data is
shown through :func:`riwaya.dashboard.html.review_note_html` (escaped), never as markdown.
Widget keys are ``review_<what>_<hash>`` (letters and digits), stable across reruns.
"""

from __future__ import annotations

import streamlit as st

from riwaya.config import review_db, reviewer
from riwaya.dashboard import html
from riwaya.errors import ReviewError
from riwaya.review import ReviewStore, add, confirm, reject, speaker_id, withdraw
from riwaya.review import forms

NOTICE = "review__notice"     # session state: the last decision stored here, for its page
EDITING = "review__editing"   # the statement whose correction form is open
FIX_ERROR = "review__fix_error"  # (statement id, why its correction was not stored)


def _who() -> dict[str, str]:
    """``reviewer=`` for a decision: the signed-in user when the app has log-in, else
    ``RIWAYA_REVIEWER`` or the login name (:func:`riwaya.config.reviewer`)."""
    try:
        if st.user.is_logged_in:
            return {"reviewer": str(st.user.get("email") or st.user.get("name"))}
    except Exception:  # no authentication configured
        pass
    return {"reviewer": reviewer()}


def _store(ctx) -> ReviewStore:
    return ReviewStore(review_db(ctx.paths.processed))


def _record(ctx, page: str, decisions: list, *, undoing: bool = False) -> None:
    """Store ``decisions`` and remember, for ``page``, what was stored and how to undo it
    (``undoing``: they undo the last decision; nothing to undo then)."""
    before = ctx.prep.decisions
    try:
        stored = _store(ctx).record(*decisions)
    except ReviewError as exc:
        st.session_state[NOTICE] = {"page": page, "status": "error", "text": str(exc), "undo": []}
        return
    shown = [d for d in stored if d.action != "withdraw"] or stored
    last = shown[-1]
    st.session_state[NOTICE] = {
        "page": page, "status": "undone" if undoing else forms.DONE[last.action],
        "text": forms.describe(ctx.prep, last),
        "undo": [] if undoing else forms.undo(stored, before, **_who())}


def notice(ctx, page: str) -> None:
    """What the last decision on ``page`` stored, with a button to undo it."""
    note = st.session_state.get(NOTICE)
    if not note or note["page"] != page:
        return
    label = forms.STATUS_LABEL.get(note["status"], note["status"])
    with st.container(key=f"review_notice_{page}", horizontal=True, vertical_alignment="center"):
        st.html(html.review_note_html(note["status"], f"Stored: {label.lower()}"
                                      if note["status"] != "error" else label, note["text"]))
        if note["undo"]:
            st.button("Undo", key=f"review_undo_{page}", icon=":material/undo:",
                      on_click=_record, args=(ctx, page, note["undo"]), kwargs={"undoing": True})


# --------------------------------------------------------------------------- evidence card

def controls(ctx, r) -> None:
    """Under an evidence card (a row of ``matrix.evidence``): its review status and Confirm,
    Reject, Correct… (Remove and Correct… for a statement a reader added; Undo once decided)."""
    item = forms.reviewable(ctx.prep, r.statement_id)
    if item is None:
        return
    with st.container(key=f"review_{item.key}"):
        if item.status:
            st.html(html.review_note_html(item.status, forms.STATUS_LABEL[item.status],
                                          forms.status_text(ctx.prep, item)))
        who = _who()
        k = item.key
        with st.container(key=f"review_card_{k}", horizontal=True, gap="small"):
            if not item.status:
                st.button("Confirm", key=f"review_confirm_{k}", icon=":material/check:",
                          help="The statement is right: keep it (confidence 1.0) and use its "
                               "sentence as an example of its claim.",
                          on_click=_record, args=(ctx, "matrix", [
                              confirm(item.target, item.sentence, quote=item.quote, **who)]))
            if item.status == "added":
                st.button("Remove", key=f"review_remove_{k}", icon=":material/delete:",
                          help="Take back the statement you added.", on_click=_record,
                          args=(ctx, "matrix", [withdraw(item.target, item.sentence, **who)]))
            else:
                st.button("Reject", key=f"review_reject_{k}", icon=":material/close:",
                          help="The statement is wrong: it disappears from every page.",
                          on_click=_record, args=(ctx, "matrix", [
                              reject(item.target, item.sentence, quote=item.quote, **who)]))
            st.button("Correct…", key=f"review_correct_{k}", icon=":material/edit:",
                      help="Right sentence, wrong speaker, claim or stance.",
                      on_click=_toggle_editing, args=(item.statement_id,))
            if item.status in ("confirmed", "corrected"):
                st.button("Undo", key=f"review_withdraw_{k}", icon=":material/undo:",
                          help="Take back the decision: the machine's statement shows again.",
                          on_click=_record, args=(ctx, "matrix", [
                              withdraw(item.target, item.sentence, **who)]))
        if st.session_state.get(EDITING) == item.statement_id:
            _correct_form(ctx, item)


def _toggle_editing(statement_id: str) -> None:
    """Open the correction form of one card (closing any other), or close it."""
    st.session_state[EDITING] = None if st.session_state.get(EDITING) == statement_id else statement_id
    st.session_state.pop(FIX_ERROR, None)


def _correct_form(ctx, item: forms.Reviewable) -> None:
    """The speaker, claim and stance of one statement, to correct (under its card)."""
    prep, k = ctx.prep, item.key
    speakers = forms.speaker_choices(prep, item.doc_id)
    speakers.setdefault(item.actor_id, prep.actor_label(item.actor_id))
    claims = forms.claim_choices(prep)
    claims.setdefault(item.claim_id, item.claim_id)
    stances = forms.stance_choices()
    with st.form(key=f"review_fix_{k}"):
        st.selectbox("Speaker", list(speakers), index=list(speakers).index(item.actor_id),
                     format_func=lambda a: speakers.get(a, a), accept_new_options=True,
                     key=f"review_fix_actor_{k}",
                     help="Choose an actor, or type the name of someone the codebook lacks.")
        st.selectbox("Claim", list(claims), index=list(claims).index(item.claim_id),
                     format_func=lambda c: claims.get(c, c), key=f"review_fix_claim_{k}")
        st.selectbox("Stance", stances, index=stances.index(item.stance), key=f"review_fix_stance_{k}")
        st.text_input("Note (optional)", key=f"review_fix_note_{k}")
        error = st.session_state.get(FIX_ERROR)
        if error and error[0] == item.statement_id:
            st.html(html.review_note_html("error", forms.STATUS_LABEL["error"], error[1]))
        with st.container(horizontal=True):
            st.form_submit_button("Save the correction", type="primary", key=f"review_fix_save_{k}",
                                  on_click=_fix_submitted, args=(ctx, item, speakers))
            st.form_submit_button("Cancel", key=f"review_fix_cancel_{k}",
                                  on_click=_toggle_editing, args=(item.statement_id,))


def _fix_submitted(ctx, item: forms.Reviewable, speakers: dict[str, str]) -> None:
    state, k = st.session_state, item.key
    try:
        decisions = forms.correction(
            item, speaker_id(state[f"review_fix_actor_{k}"] or item.actor_id, speakers),
            state[f"review_fix_claim_{k}"] or item.claim_id, state[f"review_fix_stance_{k}"],
            note=(state.get(f"review_fix_note_{k}") or "").strip(), **_who())
    except ReviewError as exc:
        state[FIX_ERROR] = (item.statement_id, str(exc))
        return
    state[EDITING] = None
    state.pop(FIX_ERROR, None)
    _record(ctx, "matrix", decisions)


# --------------------------------------------------------------------------- reader

def add_form(ctx, doc_id: str, sentence_id: int | None = None) -> None:
    """"Add a statement" to an article: a sentence (the quoted one first), speaker, claim,
    stance and a note. What was stored is shown above it."""
    prep = ctx.prep
    notice(ctx, "reader")
    sentences = forms.sentence_choices(prep, doc_id)
    if not sentences:
        return
    k = forms.widget_key(doc_id)
    speakers = forms.speaker_choices(prep, doc_id)
    claims = forms.claim_choices(prep)
    with st.expander("Add a statement the machine missed", icon=":material/add_comment:",
                     key=f"review_add_{k}"):
        with st.form(key=f"review_add_form_{k}", border=False):
            ids = list(sentences)
            st.selectbox("Sentence", ids, format_func=lambda i: sentences.get(i, str(i)),
                         index=ids.index(sentence_id) if sentence_id in sentences else 0,
                         key=f"review_add_sentence_{k}")
            st.selectbox("Speaker", list(speakers), index=None, accept_new_options=True,
                         format_func=lambda a: speakers.get(a, a), key=f"review_add_actor_{k}",
                         placeholder="Choose an actor or type a name",
                         help="Actors named in this article come first.")
            st.selectbox("Claim", list(claims), index=None, format_func=lambda c: claims.get(c, c),
                         key=f"review_add_claim_{k}", placeholder="Choose a claim")
            st.selectbox("Stance", forms.stance_choices(), key=f"review_add_stance_{k}")
            st.text_input("Note (optional)", key=f"review_add_note_{k}")
            st.form_submit_button("Add the statement", type="primary", icon=":material/add:",
                                  on_click=_add_submitted, args=(ctx, doc_id, k, speakers))


def _add_submitted(ctx, doc_id: str, k: str, speakers: dict[str, str]) -> None:
    state = st.session_state
    actor, claim = state.get(f"review_add_actor_{k}"), state.get(f"review_add_claim_{k}")
    if not actor or not claim:
        state[NOTICE] = {"page": "reader", "status": "error", "undo": [],
                         "text": "Choose a speaker and a claim, then press Add the statement."}
        return
    sentence = forms.sentence_text(ctx.prep, doc_id, state[f"review_add_sentence_{k}"])
    try:
        decision = add(doc_id, sentence, speaker_id(actor, speakers), claim,
                       state[f"review_add_stance_{k}"],
                       note=(state.get(f"review_add_note_{k}") or "").strip(), **_who())
    except ReviewError as exc:
        state[NOTICE] = {"page": "reader", "status": "error", "text": str(exc), "undo": []}
        return
    _record(ctx, "reader", [decision])
