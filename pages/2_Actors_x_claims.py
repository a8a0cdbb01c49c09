"""Actors × claims: who took which stance on which claim; choose a cell to read the evidence."""

import streamlit as st

from components.fastchart.preload import begin

begin("basic")  # before the heavy imports: plotly.js starts loading in the browser meanwhile

from components import context, factcheck, figures, gloss, review, sharing, urlstate  # noqa: E402

from components.fastchart import chart  # noqa: E402
from riwaya.dashboard import chart_html, html, matrix  # noqa: E402

ctx = context.setup("Actors × claims")
prep = context.require_corpus(ctx)
view = ctx.filters.apply(prep)
st.title("Actors × claims")
st.caption("Rows: who speaks (codebook actors, then named speakers outside the codebook, unnamed "
           "sources and, last, statements with no speaker named). Columns: claims. A cell's colour "
           "is the actor's stance on the claim (mixed: more than one stance), its number the "
           "statements; a grey “—” means the actor never addressed the claim.")

long = matrix.actor_claim_matrix(view)
if not matrix.has_statements(long):
    context.empty_filter_note(ctx, "statements")
    st.stop()

cell_names = matrix.cell_choices(long)
cell_ids = list(cell_names)


def take_click() -> None:
    """A cell was clicked: choose it (customdata [actor id, claim id]) in the selectbox below."""
    point = chart.clicked_point("matrix_chart")
    data = point.get("customdata") if point else None
    if isinstance(data, list) and len(data) >= 2 and matrix.cell_key(data[0], data[1]) in cell_names:
        st.session_state["matrix_cell"] = matrix.cell_key(data[0], data[1])


cell = urlstate.Param("cell", "matrix_cell", cell_ids)
urlstate.seed([cell])  # before the chart, which frames the chosen cell
fig = figures.matrix_figure(long, groups=matrix.row_groups(long), big=ctx.presenting,
                            chosen=matrix.split_cell(st.session_state.get("matrix_cell")),
                            heading=sharing.heading(ctx, "Who took which stance on which claim"))
st.html(chart_html.sticky_names_html(**figures.sticky_rows(fig, key="matrix_chart")))  # phones
chart.chart(fig, key="matrix_chart", name="matrix",
            config=figures.plotly_config("actors-claims"), on_click=take_click)
if mixed := matrix.mixed_cells(long):
    st.html(chart_html.mixed_cells_html(mixed))

st.subheader("Evidence", anchor="evidence")
review.notice(ctx, "matrix")  # what the last Confirm / Reject / Correct stored, with Undo
chosen = urlstate.choice(st.selectbox, "Choose a cell (or click one in the matrix)", cell,
                         index=None, format_func=lambda c: cell_names.get(c, c),
                         placeholder="Pick a cell to read its evidence")
actor_id, claim_id = matrix.split_cell(chosen)
ev = matrix.evidence_positions(view, actor_id=actor_id, claim_id=claim_id)  # a page's rows made below
if not chosen:
    st.info(f"Click a cell of the matrix (or choose one above) to read its statements here: "
            f"{len(ev)} statement(s) in view, all in the evidence CSV below.")
    shown = matrix.evidence_rows(view, ev[:0])
else:
    st.html(chart_html.scroll_to_evidence_script(chosen), unsafe_allow_javascript=True)  # into view
    pages = matrix.evidence_page(ev, 1)[1]
    page_no = st.number_input("Page", 1, pages, 1, key="matrix_ev_page") if pages > 1 else 1
    shown = matrix.evidence_rows(view, matrix.evidence_page(ev, page_no)[0])
    st.caption(f"{len(ev)} statement(s)" + (f"; page {page_no} of {pages}, 10 a page." if pages > 1 else "."))
for r in gloss.annotate(ctx, shown).itertuples(index=False):  # + English gloss
    with st.container(border=True):
        st.html(html.evidence_meta_html(r))
        st.html(html.evidence_found_html(r))
        st.html(html.evidence_quote_html(r))
        factcheck.show(ctx, r.claim_id)  # the claim's fact-check record, if any
        st.page_link(context.READER, label="Open in the reader at this sentence",
                     icon=":material/menu_book:",
                     query_params=context.reader_params(ctx, r.doc_id, r.sentence_id))
        review.controls(ctx, r)
        gloss.translate_form(ctx, r.doc_id, r.sentence, r.translation, key=r.statement_id)

with st.expander("Claims in this matrix"):
    st.dataframe(matrix.claims_in_matrix(long), hide_index=True, width="stretch")
d1, d2, d3 = st.columns(3)
d1.download_button("Download the matrix (CSV)", matrix.matrix_wide(long).to_csv(index=False).encode("utf-8"),
                   file_name="riwaya-actors-claims.csv", mime="text/csv", key="matrix_csv")
d2.download_button("Download this evidence (CSV)",
                   lambda: matrix.evidence_csv(matrix.evidence_rows(view, ev), absolute=sharing.absolute).to_csv(index=False).encode("utf-8"),
                   file_name="riwaya-evidence.csv", mime="text/csv", key="evidence_csv")
with d3:
    sharing.share_view("matrix_share")
