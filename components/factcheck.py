"""A claim's fact-check beside its statements (the evidence card of Actors × claims).

The records come from the workspace's codebook (``Claim.fact_check``; not in the Parquet
corpus), read once per change of the codebook files; the HTML is
:func:`riwaya.dashboard.factcheck.fact_check_html` (escaped). A codebook that cannot be read
shows no fact-check here (the Codebook page says why).
"""

from __future__ import annotations

import streamlit as st

from riwaya.codebook import load_codebook
from riwaya.dashboard.factcheck import fact_check_html
from riwaya.errors import RiwayaError

from components import build_ui


@st.cache_data(show_spinner=False, max_entries=8)
def _records(folder: str, signature: tuple) -> dict[str, tuple[dict, str]]:
    try:
        book = load_codebook(folder)
    except RiwayaError:
        return {}
    return {c.id: (c.fact_check.model_dump(), c.label_en or c.statement_en)
            for c in book.claims if getattr(c, "fact_check", None) is not None}


def fact_checks(ctx) -> dict[str, tuple[dict, str]]:
    """{claim id: (its fact-check as a dict, its label)} of the workspace's codebook."""
    return _records(str(ctx.paths.codebook), build_ui.input_signature(ctx.paths)[1])


def show(ctx, claim_id) -> None:
    """The fact-check of ``claim_id`` (nothing when it has none)."""
    found = fact_checks(ctx).get(str(claim_id))
    if found:
        st.html(fact_check_html(found[0], claim_label=found[1]))
