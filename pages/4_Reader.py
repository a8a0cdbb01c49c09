"""Reader: one article, right-to-left, with actors, places and claims highlighted."""

import html
import json

import streamlit as st

from components import warmup

warmup.wait()  # pandas, plotly & co. are being imported by serve.py's warm-up

from components import context, urlstate
from riwaya import views

ctx = context.setup("Reader")
prep = context.require_corpus(ctx)
st.title("Reader")

docs = prep.documents.sort_values(["date", "source", "doc_id"], na_position="last")
f = ctx.filters
shown = docs
if f.outlets:
    shown = shown[shown["source"].isin(f.outlets)]
if f.actors or f.claims or f.stances:
    shown = shown[shown["doc_id"].isin(views.filter_statements(prep, f)["doc_id"])]
doc_ids = list(shown["doc_id"])
asked = st.query_params.get("doc")
if asked in set(docs["doc_id"]) and asked != st.session_state.get("reader__url_doc"):
    # arrived by a link (evidence, map): open that article even if the filter would hide it,
    # until the filter changes
    st.session_state["reader__pinned"] = (asked, f)
pinned = st.session_state.get("reader__pinned")
if pinned and pinned[1] == f and pinned[0] not in doc_ids:
    doc_ids.insert(0, pinned[0])
if not doc_ids:
    context.empty_filter_note(ctx, "articles")
    st.stop()

urlstate.init("reader_doc", "doc", doc_ids, doc_ids[0])
if pinned and pinned[1] == f and asked == pinned[0] and asked != st.session_state.get("reader__url_doc"):
    st.session_state["reader_doc"] = asked
doc_id = st.selectbox("Article", doc_ids, key="reader_doc", format_func=lambda d: views.article_label(prep, d))
if st.query_params.get("doc") != doc_id:
    st.query_params["doc"] = doc_id
    if "sent" in st.query_params:
        del st.query_params["sent"]
st.session_state["reader__url_doc"] = doc_id

sent = None
try:
    sent = int(st.query_params.get("sent")) if st.query_params.get("sent") is not None else None
except ValueError:
    sent = None

doc = docs[docs["doc_id"] == doc_id].iloc[0]
meta = [("Outlet", doc["source"]), ("Date", doc["date"]), ("Title", doc["title"]),
        ("Outlet found from", doc["source_basis"]), ("File", doc["file"])]
rows = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{html.escape(k)}</th>"
               f"<td dir='auto'>{html.escape(str(v))}</td></tr>" for k, v in meta if isinstance(v, str) and v)
url = doc["url"] if isinstance(doc["url"], str) and doc["url"].startswith(("http://", "https://")) else ""
if url:
    rows += (f"<tr><th style='text-align:left'>Link</th><td><a href='{html.escape(url, quote=True)}' "
             f"target='_blank' rel='noopener noreferrer'>{html.escape(url)}</a></td></tr>")
st.html(f"<table class='riwaya-meta'>{rows}</table>")
if isinstance(doc["duplicate_of"], str) and doc["duplicate_of"]:
    st.warning(f"This article has the same body as {doc['duplicate_of']}.")

sents = prep.sentences[prep.sentences["doc_id"] == doc_id]
if sent is not None and sent in set(sents["sentence_id"]):
    quoted = sents[sents["sentence_id"] == sent].iloc[0]
    st.markdown(f"**Quoted passage** (sentence {sent + 1}), outlined in the text below:")
    st.html(views.rtl_block(html.escape(quoted["text"]), css_class="riwaya-ar riwaya-quote"))
else:
    sent = None

st.html(views.legend_html(views.reader_legend(prep, doc_id)))
st.html(views.reader_html(prep, doc_id, focus_sentence=sent))
if sent is not None:
    # scroll the quoted sentence into view (the id is an integer we made, never article text)
    st.html(f"<script>setTimeout(function(){{var e=document.getElementById({json.dumps(f's-{sent}')});"
            f"if(e){{e.scrollIntoView({{block:'center'}});}}}}, 300);</script>",
            unsafe_allow_javascript=True)

st.subheader("Statements in this article")
ev = views.evidence(prep, views.Filters(), actor_id=None, claim_id=None)
ev = ev[ev["doc_id"] == doc_id]
if ev.empty:
    st.caption("No attributed statements were found in this article.")
else:
    st.dataframe(ev[["sentence_id", "actor_label", "claim_id", "stance", "cue"]]
                 .rename(columns={"actor_label": "actor", "sentence_id": "sentence"}),
                 hide_index=True, width="stretch")
removed = doc["removed"]
if isinstance(removed, str) and removed not in ("", "[]"):
    with st.expander("Lines removed when cleaning (links, tickers, footers)"):
        try:
            items = json.loads(removed)
        except ValueError:
            items = []
        for it in items:
            st.html(f"<div class='riwaya-meta'>{html.escape(str(it.get('reason', '')))}</div>" +
                    views.rtl_block(html.escape(str(it.get("text", "")))))
