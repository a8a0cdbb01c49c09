"""Add articles: upload files, a table or a zip into the workspace in view; each file's result;
the corpus is rebuilt in the background and every page shows it when done."""

import streamlit as st

from components import build_ui, context, upload
from riwaya.dashboard.html import md

ctx = context.setup("Add articles")
ws = ctx.workspace
st.title("Add articles")
st.caption(f"To the workspace **{md(ws.name)}**. Each file is one article (text, web page, Word, "
           "PDF with a text layer); a table holds one article a row; a zip holds any of these. "
           "Copies of an article already there are counted, not added twice; nothing already "
           "there is ever overwritten.")
if ws.is_default:
    st.info("This is the sample workspace. For your own event, create a workspace first "
            "(sidebar: **New workspace**).", icon=":material/info:")

files = upload.chooser()
mappings, problems = upload.mapping_forms(files)
upload.add_button(ws, files, mappings, problems)
upload.show_report(ws)
build_ui.corpus_status(ctx)
