"""Compare sources: claims and stances per outlet or article, omissions, shared sentences, who is quoted."""

import streamlit as st

from components.preload import begin

begin("basic")  # before the heavy imports: plotly.js starts loading in the browser meanwhile

import html  # noqa: E402

from components import chart, context, figures, urlstate  # noqa: E402
from riwaya import views  # noqa: E402

ctx = context.setup("Compare sources")
prep = context.require_corpus(ctx)
st.title("Compare sources")

BY = {"outlet": "Outlets", "article": "Articles"}
urlstate.init("cmp_by", "by", list(BY), "outlet")
by = st.radio("Compare", list(BY), format_func=BY.get, horizontal=True, key="cmp_by")
urlstate.write("by", by, "outlet")

if by == "outlet":
    options = list(ctx.filters.outlets or prep.outlets)
    fmt = lambda o: o  # noqa: E731
else:
    docs = prep.documents
    if ctx.filters.outlets:
        docs = docs[docs["source"].isin(ctx.filters.outlets)]
    options = list(docs.sort_values(["date", "source"], na_position="last")["doc_id"])
    fmt = lambda d: views.article_label(prep, d)  # noqa: E731

pick_key = f"cmp_pick_{by}"
if pick_key not in st.session_state:
    from_url = [v for v in st.query_params.get_all("pick") if v in options]
    st.session_state[pick_key] = from_url or options[:6]
st.session_state[pick_key] = [v for v in st.session_state[pick_key] if v in options]
chosen = st.multiselect("Choose two or more to compare", options, key=pick_key, format_func=fmt)
if st.query_params.get_all("pick") != list(chosen):
    st.query_params["pick"] = list(chosen)

if len(chosen) < 2:
    st.info("Choose at least two " + ("outlets" if by == "outlet" else "articles") +
            " to compare" + (" (the sidebar's outlet filter limits the choice)." if ctx.filters.outlets else "."))
    st.stop()

groups = views.source_groups(prep, by=by, chosen=chosen)
long = views.coverage_long(prep, groups, ctx.filters)

st.subheader("Which claims each reports, and with what stance")
if long.empty or long["n"].sum() == 0:
    context.empty_filter_note(ctx, "statements")
else:
    chart.chart(figures.matrix_figure(long, row="group", col="claim_short", ids=("group", "claim_id"),
                                      big=ctx.presenting),
                key="compare_chart", name="compare", config=figures.plotly_config("compare-sources"))
    coverage = views.compare_coverage(prep, groups, ctx.filters)
    st.download_button("Download coverage (CSV)", coverage.to_csv().encode("utf-8"),
                       file_name="riwaya-compare.csv", mime="text/csv", key="compare_csv")
    only, missing = views.exclusive_claims(coverage), views.omissions(coverage)
    cols = st.columns(len(groups))
    def claim_list(ids) -> str:
        return "<br>".join(f'<span title="{html.escape(prep.claim_label(c))}">{html.escape(prep.claim_short(c))}</span>'
                           for c in ids) or "—"

    for col, label in zip(cols, groups):
        with col:
            st.html(f"<b>{views.bidi_html(label)}</b>"
                    f"<p><u>Only here</u><br>{claim_list(only[label])}</p>"
                    f"<p><u>Leaves out (others report it)</u><br>{claim_list(missing[label])}</p>")

st.subheader("Shared and unique sentences")
threshold = st.slider("Similarity needed to count as the same sentence", 50, 100, 80, 5, key="cmp_threshold",
                      help="rapidfuzz similarity of the normalised Arabic sentences (100: identical).")
overlap = views.sentence_overlap(prep, groups, threshold=float(threshold))
cols = st.columns(len(groups))
for col, label in zip(cols, groups):
    mine = overlap[overlap["group"] == label]
    shared, unique = mine[mine["shared"]], mine[~mine["shared"]]
    with col:
        st.html(f"<b>{views.bidi_html(label)}</b>: {len(shared)} shared, {len(unique)} only here")
        with st.expander(f"Sentences only in {label}", expanded=len(groups) <= 3):
            st.html("".join(views.rtl_block(html.escape(t), css_class="riwaya-ar riwaya-quote")
                            for t in unique["text"]) or "<i>none</i>")
        with st.expander(f"Sentences shared with others ({len(shared)})"):
            for r in shared.itertuples(index=False):
                st.html(views.rtl_block(html.escape(r.text), css_class="riwaya-ar riwaya-quote") +
                        f'<div class="riwaya-meta">≈ {views.bidi_html(r.best_group)} ({r.score:.0f}%)</div>')

st.subheader("Whom each quotes")
quoted = views.quoted_actors(prep, groups, ctx.filters)
if quoted.empty:
    context.empty_filter_note(ctx, "quoted actors")
else:
    st.dataframe(quoted.drop(columns=["actor_id"]), hide_index=True, width="stretch")
