"""Compare sources: claims and stances per outlet or article, omissions, shared sentences, who is quoted."""

import streamlit as st

from components.fastchart.preload import begin

begin("basic")  # before the heavy imports: plotly.js starts loading in the browser meanwhile

from components import context, figures, sharing, urlstate  # noqa: E402

from components.fastchart import chart  # noqa: E402
from riwaya.dashboard import chart_html, compare, html, matrix  # noqa: E402

ctx = context.setup("Compare sources")
prep = context.require_corpus(ctx)
view = ctx.filters.apply(prep)
st.title("Compare sources")

BY = compare.BY
by = urlstate.choice(st.radio, "Compare", urlstate.Param("by", "cmp_by", list(BY), default="outlet"),
                     format_func=BY.get, horizontal=True)

if by == "article":  # thousands of articles: the first 200 that match a search are offered
    find = st.text_input("Find an article", key="cmp_find", placeholder="outlet, date, title or id",
                         icon=":material/search:")
    now = [*urlstate.in_url("pick"), *st.session_state.get("cmp_pick_article", [])]
    options, option_labels, total = compare.article_options(view, find, keep=now)
    if note := compare.article_note(len(options), total):
        st.caption(note)
else:
    options, option_labels = compare.options(view, by)
fmt = lambda v: option_labels.get(v, v)  # noqa: E731

chosen = urlstate.choice(st.multiselect, "Choose two or more to compare",
                         urlstate.Param("pick", f"cmp_pick_{by}", options, default=options[:6],
                                        keep_default=True), format_func=fmt)

if len(chosen) < 2:
    st.info("Choose at least two " + ("outlets" if by == "outlet" else "articles") +
            " to compare" + (" (the sidebar's outlet filter limits the choice)." if ctx.filters.outlets else "."))
    st.stop()

groups = compare.source_groups(view, by=by, chosen=chosen)
compare.start_overlap(view, groups)  # the shared sentences, compared while the chart is drawn
shown_as = compare.group_displays(prep, groups, by)  # "SANA (سانا)": the chart, the tables
named = compare.group_displays(prep, groups, by, arabic=False)  # "SANA": headings
long = compare.labelled(compare.coverage_long(view, groups), shown_as)

st.subheader("Which claims each reports, and with what stance")
if not matrix.has_statements(long):
    context.empty_filter_note(ctx, "statements")
else:
    fig = figures.matrix_figure(long, row="group_label", col="claim_short", ids=("group", "claim_id"),
                                big=ctx.presenting,
                                heading=sharing.heading(ctx, "Which claims each reports, and with what stance"))
    st.html(chart_html.sticky_names_html(**figures.sticky_rows(fig, key="compare_chart")))  # phones
    chart.chart(fig, key="compare_chart", name="compare", config=figures.plotly_config("compare-sources"))
    st.html(chart_html.stance_note_html(matrix.mixed_cells(long, row="group_label")))
    coverage = compare.compare_coverage(view, groups)
    st.download_button("Download coverage (CSV)", coverage.to_csv().encode("utf-8"),
                       file_name="riwaya-compare.csv", mime="text/csv", key="compare_csv")
    only, missing = compare.exclusive_claims(coverage), compare.omissions(coverage)
    cols = st.columns(len(groups))
    for col, label in zip(cols, groups):
        with col:
            st.html(html.group_claims_html(prep, named[label], only[label], missing[label]))

st.subheader("Shared and unique sentences")
threshold = st.slider("Similarity needed to count as the same sentence", 50, 100, 80, 5, key="similarity",
                      bind="query-params",  # its value is its label: Streamlit keeps it in the URL
                      help="rapidfuzz similarity of the normalised Arabic sentences (100: identical).")
overlap = compare.sentence_overlap(view, groups, threshold=float(threshold))
cols = st.columns(len(groups))
for col, label in zip(cols, groups):
    shared, unique = compare.overlap_of(overlap, label)
    with col:
        st.html(html.overlap_counts_html(named[label], len(shared), len(unique)))
        with st.expander(f"Sentences only in {html.md(named[label])}", expanded=len(groups) <= 3):
            st.html(html.quote_blocks(list(compare.shown(unique, prep.texts, read=("text",))["text"])))
            if len(unique) > compare.SHOWN:
                st.caption(f"The first {compare.SHOWN} of {len(unique):,}.")
        with st.expander(f"Sentences shared with others ({len(shared)})"):
            if len(shared) > compare.SHOWN:
                st.caption(f"The first {compare.SHOWN} of {len(shared):,}.")
            for r in compare.shown(shared, prep.texts, read=("text",)).itertuples(index=False):
                st.html(html.shared_sentence_html(r.text, named.get(r.best_group, r.best_group), r.score))

st.subheader("Whom each quotes")
quoted = compare.quoted_actors(view, groups)
if quoted.empty:
    context.empty_filter_note(ctx, "quoted actors")
else:
    st.dataframe(compare.quoted_table(quoted, shown_as), hide_index=True, width="stretch")
sharing.share_view("compare_share")
