"""Actors × claims: who took which stance on which claim; choose a cell to read the evidence."""

import streamlit as st

from components.preload import begin

begin("basic")  # before the heavy imports: plotly.js starts loading in the browser meanwhile

import html  # noqa: E402

from components import chart, context, figures, urlstate  # noqa: E402
from riwaya import views  # noqa: E402

ctx = context.setup("Actors × claims")
prep = context.require_corpus(ctx)
st.title("Actors × claims")
st.caption("Rows: who speaks. Columns: claims. A cell's colour is the actor's stance on the claim "
           "(mixed: more than one stance), its number the statements; a grey “—” means the actor "
           "never addressed the claim.")

long = views.actor_claim_matrix(prep, ctx.filters)
if long.empty or long["n"].sum() == 0:
    context.empty_filter_note(ctx, "statements")
    st.stop()

cells = long[long["n"] > 0]
cell_ids = [f"{a}|{c}" for a, c in zip(cells["actor_id"], cells["claim_id"])]
cell_names = {f"{r.actor_id}|{r.claim_id}": f"{r.actor_label} — {r.claim_short} ({r.stance}, {r.n})"
              for r in cells.itertuples(index=False)}




def take_click() -> None:
    """A cell was clicked: choose it (customdata [actor id, claim id]) in the selectbox below."""
    point = chart.clicked_point("matrix_chart")
    data = point.get("customdata") if point else None
    if isinstance(data, list) and len(data) >= 2 and f"{data[0]}|{data[1]}" in cell_names:
        st.session_state["matrix_cell"] = f"{data[0]}|{data[1]}"


chart.chart(figures.matrix_figure(long, big=ctx.presenting), key="matrix_chart", name="matrix",
            config=figures.plotly_config("actors-claims"), on_click=take_click)

with st.expander("Claims in this matrix"):
    st.dataframe(long[["claim_short", "claim_id", "claim_label"]].drop_duplicates()
                 .rename(columns={"claim_short": "label", "claim_label": "claim"}), hide_index=True, width="stretch")

d1, d2 = st.columns(2)
d1.download_button("Download the matrix (CSV)", views.matrix_wide(long).to_csv(index=False).encode("utf-8"),
                   file_name="riwaya-actors-claims.csv", mime="text/csv", key="matrix_csv")

st.subheader("Evidence")
urlstate.init("matrix_cell", "cell", cell_ids, None)
chosen = st.selectbox("Choose a cell (or click one in the matrix)", cell_ids, key="matrix_cell",
                      index=None, format_func=lambda c: cell_names.get(c, c),
                      placeholder="All statements in view")
urlstate.write("cell", chosen)
actor_id, claim_id = chosen.split("|", 1) if chosen else (None, None)
ev = views.evidence(prep, ctx.filters, actor_id=actor_id, claim_id=claim_id)
d2.download_button("Download this evidence (CSV)", views.evidence_csv(ev).to_csv(index=False).encode("utf-8"),
                   file_name="riwaya-evidence.csv", mime="text/csv", key="evidence_csv")

LIMIT = 60
st.caption(f"{len(ev)} statement(s)" + (f"; the first {LIMIT} are shown, the CSV has all." if len(ev) > LIMIT else "."))
for r in ev.head(LIMIT).itertuples(index=False):
    colour = views.STANCE_COLOURS.get(r.stance, "#777")
    with st.container(border=True):
        st.html(
            f'<div class="riwaya-meta"><span style="background:{colour};color:#fff;padding:1px 8px;'
            f'border-radius:8px">{html.escape(r.stance)}</span> <b>{views.bidi_html(r.actor_label)}</b> '
            f'on <b title="{html.escape(r.claim_label)}">{html.escape(r.claim_short)}</b> · {views.bidi_html(r.source)}'
            f'{" · " + html.escape(str(r.date)) if isinstance(r.date, str) and r.date else ""}'
            f' · speaker named as “<span dir="rtl" class="riwaya-ar">{html.escape(str(r.actor_surface or ""))}</span>”</div>')
        st.html(views.quote_html(r.quote, offset=r.start, cue_start=r.cue_start, cue_end=r.cue_end,
                                 colour=colour))
        st.page_link(context.READER, label="Open in the reader at this sentence",
                     icon=":material/menu_book:",
                     query_params=context.reader_params(ctx, r.doc_id, r.sentence_id))
