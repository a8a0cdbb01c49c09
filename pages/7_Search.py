"""Search: sentences in Arabic or English (normalised as the pipeline does), each leading to the
Reader at that sentence. Follows the sidebar filter."""

import streamlit as st

from components.fastchart import warmup

warmup.wait()  # pandas & co. are being imported by serve.py's warm-up

from components import context, urlstate  # noqa: E402
from components.gloss import translations  # noqa: E402
from riwaya.dashboard import html, search  # noqa: E402

ctx = context.setup("Search")
prep = context.require_corpus(ctx)
view = ctx.filters.apply(prep)
st.title("Search")
st.caption("Arabic is matched as the pipeline matches it: the forms of alef, alef maksura and ya, teh "
           "marbuta and ha, diacritics and tatweel do not matter, and a word inside a longer one "
           "counts (a search for الرقة also finds والرقة). An English "
           "query searches who said what about which claim (e.g. “ministry concedes video game”) "
           "and the readers' translations. Only sentences the sidebar filter keeps are searched.")

page_param = urlstate.Param("hits", "search_page", [str(i) for i in range(1000)], default="0")
urlstate.seed([page_param])
query = st.text_input("Search the sentences", key="q", bind="query-params", max_chars=search.MAX_QUERY,
                      placeholder="e.g. الرقه · لعبة فيديو · coalition denies deal", icon=":material/search:",
                      on_change=lambda: st.session_state.update({page_param.key: "0"}))  # a new query: page 1
results = search.search(view, query, page=int(st.session_state[page_param.key]),
                        translations=translations(ctx))
if not results.language:
    st.info("Type a word or two, in Arabic or English.")
    st.stop()
if not results.total:
    st.info(f"No sentence in view holds “{html.md(results.query)}”.")
    if not ctx.filters.is_empty:
        context.empty_filter_note(ctx, "sentences")
    st.stop()

st.caption(f"{results.total} sentence(s); {results.first}–{results.first + len(results.hits) - 1} shown.")
if results.pages > 1:
    st.session_state[page_param.key] = str(results.page)
    st.selectbox("Page of results", [str(i) for i in range(results.pages)], key=page_param.key,
                 format_func=lambda p: f"{int(p) + 1} of {results.pages}")
urlstate.publish([page_param])
for r in results.hits.itertuples(index=False):
    with st.container(border=True):
        st.html(html.search_hit_html(r, search.hit_glosses(prep, view, r.doc_id, r.sentence_id)))
        st.page_link(context.READER, label="Open in the reader at this sentence", icon=":material/menu_book:",
                     query_params=context.reader_params(ctx, r.doc_id, r.sentence_id))
