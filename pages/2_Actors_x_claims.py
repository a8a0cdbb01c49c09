"""Actors × claims: who took which stance on which claim; choose a cell to read the evidence."""

import streamlit as st

from components.fastchart.preload import begin

begin("basic")  # before the heavy imports: plotly.js starts loading in the browser meanwhile

from components import context, figures, review, urlstate  # noqa: E402

from components.fastchart import chart  # noqa: E402
from riwaya.dashboard import html, matrix  # noqa: E402

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


chart.chart(figures.matrix_figure(long, groups=matrix.row_groups(long), big=ctx.presenting),
            key="matrix_chart", name="matrix",
            config=figures.plotly_config("actors-claims"), on_click=take_click)

with st.expander("Claims in this matrix"):
    st.dataframe(matrix.claims_in_matrix(long), hide_index=True, width="stretch")

d1, d2 = st.columns(2)
d1.download_button("Download the matrix (CSV)", matrix.matrix_wide(long).to_csv(index=False).encode("utf-8"),
                   file_name="riwaya-actors-claims.csv", mime="text/csv", key="matrix_csv")

st.subheader("Evidence")
review.notice(ctx, "matrix")  # what the last Confirm / Reject / Correct stored, with Undo
chosen = urlstate.choice(st.selectbox, "Choose a cell (or click one in the matrix)",
                         urlstate.Param("cell", "matrix_cell", cell_ids),
                         index=None, format_func=lambda c: cell_names.get(c, c),
                         placeholder="All statements in view")
actor_id, claim_id = matrix.split_cell(chosen)
ev = matrix.evidence(view, actor_id=actor_id, claim_id=claim_id)
d2.download_button("Download this evidence (CSV)", matrix.evidence_csv(ev).to_csv(index=False).encode("utf-8"),
                   file_name="riwaya-evidence.csv", mime="text/csv", key="evidence_csv")

LIMIT = 60
st.caption(f"{len(ev)} statement(s)" + (f"; the first {LIMIT} are shown, the CSV has all." if len(ev) > LIMIT else "."))
for r in ev.head(LIMIT).itertuples(index=False):
    with st.container(border=True):
        st.html(html.evidence_meta_html(r))
        st.html(html.evidence_found_html(r))
        st.html(html.evidence_quote_html(r))
        st.page_link(context.READER, label="Open in the reader at this sentence",
                     icon=":material/menu_book:",
                     query_params=context.reader_params(ctx, r.doc_id, r.sentence_id))
        review.controls(ctx, r)
