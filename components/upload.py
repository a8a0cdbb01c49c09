"""The Add articles widgets: choose files, map a table's columns, add them, show each file's result.

The work is :func:`riwaya.upload.add_files` (formats, zips, duplicates, dates, never an
overwrite); here only the widgets. After an upload the corpus is rebuilt in the background
(:func:`components.build_ui.start`): the page shows its progress and every page sees the new
corpus when it ends. File names and reasons are data: shown in a table (plain text) or through
:func:`riwaya.dashboard.html.md`, never as markdown.
"""

from __future__ import annotations

import hashlib
from dataclasses import fields
from pathlib import PurePath

import pandas as pd
import streamlit as st

from riwaya.dashboard.html import md
from riwaya.errors import RiwayaError
from riwaya.upload import MAX_UPLOAD_BYTES, AddReport, ColumnMapping, add_files, propose_mapping, table_columns

from components import build_ui

ACCEPTED = ["txt", "html", "htm", "docx", "pdf", "csv", "tsv", "jsonl", "xlsx", "zip"]
TABLES = (".csv", ".tsv", ".jsonl", ".xlsx")
MAPPED = [f.name for f in fields(ColumnMapping)]           # text, title, outlet, date, url, language
FIELD_LABELS = {"text": "Article text", "title": "Title", "outlet": "Outlet", "date": "Date",
                "url": "URL", "language": "Language"}
NONE = ""                     # "not in this table"
ROUND = "upload__round"       # session state: the uploader's generation (a new one after adding)
REPORT = "upload__report"     # session state: {workspace name: the last AddReport as rows}


def chooser() -> list:
    """The file uploader (several files or a zip); its uploaded files."""
    n = st.session_state.setdefault(ROUND, 0)
    files = st.file_uploader(
        "Articles: .txt, .html, .docx, .pdf, a table with one article a row (.csv, .jsonl, "
        ".xlsx) or a .zip of them", type=ACCEPTED, accept_multiple_files=True,
        key=f"upload_files_{n}", max_upload_size=MAX_UPLOAD_BYTES // (1024 * 1024),
        help=f"Several files at once; {MAX_UPLOAD_BYTES // (1024 * 1024)} MB in all at most.")
    return list(files or [])


def is_table(name: str) -> bool:
    return PurePath(name).suffix.lower() in TABLES


def mapping_key(name: str, field: str) -> str:
    return f"upload_map_{hashlib.sha1(name.encode('utf-8', 'replace')).hexdigest()[:12]}_{field}"


def mapping_forms(files: list) -> tuple[dict[str, ColumnMapping], list[str]]:
    """For every table file, its columns mapped to the article's fields (proposed from the
    header, editable); the mappings and what stops the upload (a table with no text column).
    A table whose header cannot be read is left to :func:`add`, which reports it skipped."""
    mappings: dict[str, ColumnMapping] = {}
    problems: list[str] = []
    for f in (f for f in files if is_table(f.name)):
        try:
            columns = table_columns(f.name, f.getvalue())
        except RiwayaError as exc:
            st.warning(md(str(exc)), icon=":material/warning:")
            continue
        proposed = propose_mapping(columns).to_dict()
        with st.container(border=True):
            st.markdown(f"**Columns of {md(f.name)}**: which column holds what "
                        f"(proposed from the header)")
            cols = st.columns(3)
            chosen = {}
            for i, field in enumerate(MAPPED):
                key = mapping_key(f.name, field)
                if key not in st.session_state:
                    st.session_state[key] = proposed.get(field) or NONE
                chosen[field] = cols[i % 3].selectbox(
                    FIELD_LABELS.get(field, field), [NONE, *columns], key=key,
                    format_func=lambda c: "(none)" if c == NONE else c) or None
            if not chosen["text"]:
                st.error("Choose the column that holds the article text.", icon=":material/error:")
                problems.append(f"{f.name}: no column chosen for the article text")
        mappings[f.name] = ColumnMapping(**chosen)
    return mappings, problems


def add_button(ws, files: list, mappings: dict[str, ColumnMapping], problems: list[str]) -> None:
    """The button that adds the chosen files to ``ws`` (disabled with nothing to add)."""
    st.button(f"Add {len(files)} file{'s' if len(files) != 1 else ''} to {ws.name}" if files
              else "Add the files", type="primary", icon=":material/upload:", key="upload_add",
              disabled=not files or bool(problems), on_click=_add, args=(ws, mappings))


def _add(ws, mappings: dict[str, ColumnMapping]) -> None:
    """(A callback, before the page is drawn again.) Add the uploaded files to ``ws``, keep the
    report for the page, give the uploader a fresh, empty generation and start the rebuild."""
    files = list(st.session_state.get(f"upload_files_{st.session_state.get(ROUND, 0)}") or [])
    bar = st.progress(0.0, text="Reading the files…")   # drawn above the page while it runs

    def progress(done: int, total: int, what: str) -> None:
        bar.progress(min(1.0, done / total) if total else 0.0,
                     text=f"Reading the files: {done}/{total} · {md(what)}")

    try:
        report = add_files(ws, [(f.name, f.getvalue()) for f in files], mappings=mappings,
                           progress=progress)
    except RiwayaError as exc:   # the whole upload refused (too large…): nothing was written
        st.session_state.setdefault(REPORT, {})[ws.name] = str(exc)
        return
    st.session_state.setdefault(REPORT, {})[ws.name] = report
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    if report.written:   # articles written into raw/ (added, and near-duplicate copies kept)
        build_ui.start(ws.paths)


def results_table(report: AddReport) -> pd.DataFrame:
    """One row per file (or table row): what became of it ("added as …", "duplicate of …",
    "skipped: why"), with its outlet and date when some file has them."""
    rows = []
    for r in report.results:
        if r.status == "added":
            result = f"added as {r.doc_id}"
        elif r.status == "duplicate":
            result = f"duplicate of {r.duplicate_of}" + (f" ({r.reason})" if r.reason else "")
        else:
            result = f"skipped: {r.reason}" if r.reason else "skipped"
        rows.append({"File": r.name, "Result": result, "Outlet": r.outlet or "", "Date": r.date or ""})
    table = pd.DataFrame(rows, columns=["File", "Result", "Outlet", "Date"])
    return table[[c for c in table.columns if c in ("File", "Result") or table[c].astype(bool).any()]]


def show_report(ws) -> None:
    """The last upload's result in this workspace: a summary, copies, and a row per file."""
    report = st.session_state.get(REPORT, {}).get(ws.name)
    if report is None:
        return
    if isinstance(report, str):
        st.error(md(report), icon=":material/error:")
        st.caption("Nothing was added; the articles already there are unchanged.")
        return
    st.subheader("What happened to each file")
    counts = report.summary()
    (st.success if report.added else st.warning)(md(counts), icon=":material/fact_check:")
    for line in report.copies_lines():
        st.caption(md(line))
    for warning in report.warnings:
        st.warning(md(warning))
    with st.container(key="upload_results"):   # a plain table: every row readable, also printed
        st.table(results_table(report).set_index("File"))
