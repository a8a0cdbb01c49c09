"""Reader: one article, right-to-left, with actors, places and claims highlighted."""

import streamlit as st

from components.fastchart import warmup

warmup.wait()  # pandas, plotly & co. are being imported by serve.py's warm-up

from components import context, review, urlstate  # noqa: E402
from riwaya.dashboard import html, listing, reader  # noqa: E402

ctx = context.setup("Reader")
prep = context.require_corpus(ctx)
view = ctx.filters.apply(prep)
st.title("Reader")

f = ctx.filters
doc_ids = reader.article_ids(view)
asked = urlstate.linked("doc")
if reader.has_article(prep, asked):
    # arrived by a link (evidence, map): open that article even if the filter would hide it,
    # until the filter changes
    st.session_state["reader__pinned"] = (asked, f)
pinned = st.session_state.get("reader__pinned")
if pinned and pinned[1] == f and pinned[0] not in doc_ids:
    doc_ids.insert(0, pinned[0])
if not doc_ids:
    context.empty_filter_note(ctx, "articles")
    st.stop()

find = st.text_input("Find an article", key="reader_find", placeholder="outlet, date, title or id",
                     icon=":material/search:")
open_now = [*urlstate.in_url("doc")[-1:], st.session_state.get("reader_doc")]
doc_ids, total = reader.article_choices(prep, doc_ids, find, keep=open_now)
if not doc_ids:
    st.info("No article in view matches the search.")
    st.stop()
if note := listing.shown_note(len(doc_ids), total, "articles in view"):
    st.caption(note)
labels = reader.labels_of(prep, doc_ids)   # of the options only
doc_param = urlstate.Param("doc", "reader_doc", doc_ids, default=doc_ids[0], keep_default=True)
urlstate.seed([doc_param])
doc_id = st.selectbox("Article", doc_ids, key=doc_param.key, format_func=lambda d: labels.get(d, d))
urlstate.publish([doc_param], then_drop=["sent"])  # a new article: the old one's sentence goes
sent = urlstate.number("sent")

doc = reader.article(prep, doc_id)
st.html(html.reader_meta_html(doc))
if duplicate := reader.duplicate_of(doc):
    st.warning(f"This article has the same body as {html.md(duplicate)}.")

quoted = reader.sentence_text(prep, doc_id, sent)
if quoted is not None:
    st.markdown(f"**Quoted passage** (sentence {sent + 1}), outlined in the text below:")
    st.html(html.quote_block(quoted))
else:
    sent = None

st.html(html.legend_html(reader.reader_legend(prep, doc_id)))
bounds = reader.sentence_bounds(prep, doc_id)
page = reader.page_of(bounds, sent)  # a link's sentence (?sent=) opens its page
if reader.page_count(bounds) > 1:  # a very long article is read a page at a time
    page = st.selectbox("Page", range(reader.page_count(bounds)), index=page,
                        format_func=lambda n: reader.page_label(bounds, n), key=f"reader_page_{doc_id}_{sent}")
st.html(html.reader_html(prep, doc_id, focus_sentence=sent, page=page))
if sent is not None:
    st.html(html.scroll_script(sent, doc_id), unsafe_allow_javascript=True)  # the quoted sentence into view

st.subheader("Statements in this article")
statements = reader.article_statements(prep, doc_id)
if statements.empty:
    st.caption("No attributed statements were found in this article.")
else:
    st.dataframe(statements, hide_index=True, width="stretch")
review.add_form(ctx, doc_id, sent)  # a statement the machine missed, from one of its sentences
if removed := reader.removed_lines(doc):
    with st.expander("Lines removed when cleaning (links, tickers, footers)"):
        for reason, text in removed:
            st.html(html.removed_line_html(reason, text))
