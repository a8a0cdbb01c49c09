"""The Codebook editor: add or edit an actor, a claim (with its fact-check) or a place of the
workspace in view, with each error shown under its field.

Saving is :mod:`riwaya.codebook.edit` (the same validation as the files, the whole codebook
re-loaded before the file is replaced, so a saved codebook always loads); a save starts the
background rebuild (:func:`components.build_ui.start`). Widget keys are
``cb_<kind>_<field>``; a form is filled from the record chosen above it, or from a suggestion
(:mod:`components.suggestions`), once, when that choice changes.
"""

from __future__ import annotations

import json
from typing import Any, Callable

import streamlit as st

from riwaya.codebook import load_codebook
from riwaya.codebook.edit import KINDS, as_list, delete_record, parse_cues, save_actor, save_claim, save_place
from riwaya.dashboard.html import md
from riwaya.errors import FormError, RiwayaError

from components import build_ui, urlstate

SECTIONS = {"actor": "Actors", "claim": "Claims", "place": "Places", "suggest": "Suggestions"}
SECTION = urlstate.Param("edit", "cb_section", list(SECTIONS), default="actor")
NEW = ""                      # the "add a new one" choice of a record chooser
PREFILL = "cb__prefill"       # session state: {kind: form values} from a suggestion
NOTICE = "cb__notice"         # session state: what the last save did
VERDICTS = ("", "false", "misleading", "partly false", "unproven", "true")
SAVE: dict[str, Callable] = {"actor": save_actor, "claim": save_claim, "place": save_place}


def section() -> str:
    """The part of the codebook in view (``?edit=claim``)."""
    return urlstate.choice(st.radio, "Edit", SECTION, horizontal=True, format_func=SECTIONS.get,
                           label_visibility="collapsed")


@st.cache_resource(show_spinner=False, max_entries=8)
def _codebook(folder: str, signature: tuple):
    return load_codebook(folder)   # signature (the files' sizes and times) is the cache key


def load(ctx):
    """The workspace's codebook (cached until a file changes), or None with the error shown."""
    try:
        return _codebook(str(ctx.paths.codebook), build_ui.input_signature(ctx.paths)[1])
    except RiwayaError as exc:
        st.error(md(str(exc)), icon=":material/error:")
        return None


def key(kind: str, name: str) -> str:
    return f"cb_{kind}_{name}"


def prefill(kind: str, values: dict) -> None:
    """(A callback.) Open the ``kind`` form as a new record filled with ``values``."""
    st.session_state.setdefault(PREFILL, {})[kind] = dict(values)
    st.session_state[SECTION.key] = kind
    st.session_state[key(kind, "pick")] = NEW


# --------------------------------------------------------------------------- record <-> widgets

def _lines(values) -> str:
    return "\n".join(str(v) for v in (values or ()))


def widget_values(kind: str, record: dict) -> dict[str, Any]:
    """The form's widget values for a record (its ``model_dump()``, or a suggestion's form)."""
    r = record or {}
    common = {"id": r.get("id", ""), "name_en": r.get("name_en", ""), "name_ar": r.get("name_ar", ""),
              "aliases": _lines(r.get("aliases"))}
    if kind == "actor":
        return {**common, "kind": r.get("kind") or KINDS[0], "part_of": list(r.get("part_of") or [])}
    if kind == "place":
        return {**common, "lat": r.get("lat"), "lon": r.get("lon")}
    fc = r.get("fact_check") or {}
    return {"id": r.get("id", ""), "statement_en": r.get("statement_en", ""),
            "label_en": r.get("label_en", ""), "examples": _lines(r.get("examples")),
            "cues": _lines(_cue_line(c) for c in r.get("cues") or ()),
            "fc_verdict": fc.get("verdict", ""), "fc_summary": fc.get("summary", ""),
            "fc_url": fc.get("url", ""), "fc_archive_url": fc.get("archive_url", ""),
            "fc_reviewed_by": fc.get("reviewed_by", ""), "fc_date": fc.get("date", ""),
            "fc_evidence": _lines(" | ".join(x for x in (e.get("description", ""), e.get("url", ""),
                                                         e.get("archive_url", "")) if x)
                                  for e in fc.get("evidence") or ())}


def _cue_line(cue: dict) -> str:
    """A cue as the editor shows it: its groups joined by `` + `` when that is all it has,
    else its JSON (as in claims.jsonl)."""
    if set(cue) <= {"all"}:
        return " + ".join(cue.get("all") or ())
    return json.dumps(cue, ensure_ascii=False)


def _cues(text: str) -> list[dict]:
    """The editor's cue lines: ``group + group`` (:func:`riwaya.codebook.edit.parse_cues`) or
    a JSON object as in claims.jsonl."""
    out = []
    for n, line in enumerate(as_list(text), 1):
        if not line.startswith("{"):
            out += parse_cues(line)
            continue
        try:
            value = json.loads(line)
        except ValueError as exc:
            raise FormError({"cues": f"line {n} is not JSON: {exc.msg}"}) from None
        if not isinstance(value, dict):
            raise FormError({"cues": f"line {n}: expected a JSON object {{\"all\": [...]}}"})
        out.append(value)
    return out


def _evidence(text: str) -> list[dict]:
    """``description | url | archive url`` lines as Evidence records."""
    out = []
    for line in as_list(text):
        parts = [p.strip() for p in line.split("|")]
        links = [p for p in parts[1:] if p]
        out.append({"description": parts[0], **dict(zip(("url", "archive_url"), links))})
    return out


def form_record(kind: str, values: dict, base: dict | None) -> dict:
    """What is saved: the record it edits (``base``, fields the form does not show kept) with
    the form's values; list fields are passed as lines. FormError for a field the form itself
    cannot read (a cue line that is not JSON)."""
    out = dict(base or {})
    if kind == "claim":
        out.update({k: values[k] for k in ("id", "statement_en", "label_en", "examples")})
        out["cues"] = _cues(values.get("cues") or "")
        verdict = values.get("fc_verdict") or ""
        fc = {k[3:]: values.get(k, "") for k in ("fc_summary", "fc_url", "fc_archive_url",
                                                 "fc_reviewed_by", "fc_date")}
        evidence = _evidence(values.get("fc_evidence", ""))
        if verdict or any(fc.values()) or evidence:
            out["fact_check"] = {"verdict": verdict, **{k: v for k, v in fc.items() if v},
                                 "evidence": evidence}
        else:
            out["fact_check"] = None    # cleared in the form: removed from the record
        return out
    out.update({k: values[k] for k in ("id", "name_en", "name_ar", "aliases")})
    if kind == "actor":
        out.update(kind=values["kind"], part_of=list(values.get("part_of") or []))
    else:
        out.update(lat=values.get("lat"), lon=values.get("lon"))
    return out


# --------------------------------------------------------------------------- the form

def _errors(kind: str) -> dict[str, str]:
    return st.session_state.get(key(kind, "_errors"), {})


def widget_of(field: str) -> str:
    """The form widget an error's field belongs to: ``aliases.2`` -> aliases,
    ``fact_check.summary`` -> fc_summary, ``fact_check.evidence.0.url`` -> fc_evidence."""
    parts = field.split(".")
    if parts[0] == "fact_check":
        return f"fc_{parts[1]}" if len(parts) > 1 else "fc_verdict"
    return parts[0]


def _field_error(kind: str, name: str) -> None:
    """Under a field: its error from the last save, if any."""
    for field, message in _errors(kind).items():
        if widget_of(field) == name:
            st.error(md(f"{field}: {message}" if field != name else message), icon=":material/error:")


def _values(kind: str, names) -> dict:
    return {n: st.session_state.get(key(kind, n)) for n in names}


def _save(kind: str, paths, original: dict | None, names: tuple[str, ...]) -> None:
    """(The form's submit callback.) Validate and save; field errors kept for the form."""
    try:
        record = form_record(kind, _values(kind, names), original)
        saved = SAVE[kind](paths.codebook, record,
                           original_id=(original or {}).get("id") or None)
    except FormError as exc:
        st.session_state[key(kind, "_errors")] = exc.errors
        return
    except RiwayaError as exc:
        st.session_state[key(kind, "_errors")] = {"": str(exc)}
        return
    st.session_state.pop(key(kind, "_errors"), None)
    st.session_state[key(kind, "pick")] = saved.id
    st.session_state.pop(key(kind, "_loaded"), None)   # refill from what was saved
    st.session_state[NOTICE] = f"Saved {kind} {saved.id}; the corpus is being rebuilt with it."
    build_ui.start(paths)


def _delete(kind: str, paths, record_id: str) -> None:
    try:
        delete_record(paths.codebook, kind, record_id)
    except RiwayaError as exc:
        st.session_state[key(kind, "_errors")] = getattr(exc, "errors", None) or {"": str(exc)}
        return
    st.session_state[key(kind, "pick")] = NEW
    st.session_state.pop(key(kind, "_loaded"), None)
    st.session_state[NOTICE] = f"Deleted {kind} {record_id}; the corpus is being rebuilt."
    build_ui.start(paths)


def notice() -> None:
    if text := st.session_state.pop(NOTICE, None):
        st.success(md(text), icon=":material/check_circle:")


def chooser(kind: str, records, describe: Callable) -> dict | None:
    """Which record the form edits (or a new one); fills the form when the choice changes.
    The chosen record as a dict, None for a new one."""
    by_id = {r.id: r for r in records}
    pick = key(kind, "pick")
    if st.session_state.get(pick) not in (NEW, *by_id):
        st.session_state[pick] = NEW
    chosen = st.selectbox(f"{SECTIONS[kind][:-1]} to edit", [NEW, *by_id], key=pick,
                          format_func=lambda i: f"+ New {kind}" if i == NEW else describe(by_id[i]))
    record = by_id[chosen].model_dump() if chosen in by_id else None
    pending = st.session_state.get(PREFILL, {}).pop(kind, None) if chosen == NEW else None
    loaded = key(kind, "_loaded")
    if pending is not None or st.session_state.get(loaded) != chosen:
        for name, value in widget_values(kind, pending or record or {}).items():
            st.session_state[key(kind, name)] = value
        st.session_state[loaded] = chosen
        st.session_state.pop(key(kind, "_errors"), None)
    return record


def _form(kind: str, paths, record: dict | None, draw: Callable[[], tuple[str, ...]]) -> None:
    with st.form(key(kind, "form")):
        names = draw()
        for field, message in _errors(kind).items():   # errors of no field shown in the form
            if widget_of(field) not in names:
                st.error(md(f"{field}: {message}" if field else message), icon=":material/error:")
        st.form_submit_button("Save" if record else f"Add the {kind}", type="primary",
                              icon=":material/save:", key=key(kind, "save"),
                              on_click=_save, args=(kind, paths, record, names))
    if record:
        st.button(f"Delete {record['id']}", key=key(kind, "delete"), icon=":material/delete:",
                  on_click=_delete, args=(kind, paths, record["id"]),
                  help="Refused while another record refers to it.")


def _text(kind: str, name: str, label: str, *, area: bool = False, **kw) -> str:
    value = (st.text_area if area else st.text_input)(label, key=key(kind, name), **kw)
    _field_error(kind, name)
    return name


def actor_editor(ctx, book) -> None:
    record = chooser("actor", book.actors, lambda a: f"{a.id} · {a.name_en}")
    ids = [a.id for a in book.actors if not record or a.id != record["id"]]
    for name, allowed in (("part_of", ids), ("kind", KINDS)):   # what the widgets offer
        value = st.session_state.get(key("actor", name))
        st.session_state[key("actor", name)] = ([v for v in value or () if v in allowed]
                                                if name == "part_of" else
                                                value if value in allowed else KINDS[0])

    def draw() -> tuple[str, ...]:
        a, b = st.columns(2)
        with a:
            _text("actor", "name_en", "Name (English)", placeholder="Russian Ministry of Defence")
        with b:
            _text("actor", "name_ar", "Name (Arabic)", placeholder="وزارة الدفاع الروسية")
        _text("actor", "aliases", "Aliases: how the articles name it, one per line (Arabic)",
              area=True, height=110)
        a, b = st.columns(2)
        with a:
            st.selectbox("Kind", list(KINDS), key=key("actor", "kind"))
            _field_error("actor", "kind")
        with b:
            st.multiselect("Part of", ids, key=key("actor", "part_of"), placeholder="(none)")
            _field_error("actor", "part_of")
        _text("actor", "id", "Id (empty: made from the English name)", placeholder="RU_MOD")
        return ("id", "name_en", "name_ar", "aliases", "kind", "part_of")

    _form("actor", ctx.paths, record, draw)


def claim_editor(ctx, book) -> None:
    record = chooser("claim", book.claims, lambda c: f"{c.id} · {c.label_en or c.statement_en[:50]}")

    def draw() -> tuple[str, ...]:
        _text("claim", "statement_en", "Statement (English, neutral)",
              placeholder="The images offered as evidence came from a video game.")
        a, b = st.columns([1, 2])
        with a:
            _text("claim", "label_en", "Short label (charts, 40 characters)", max_chars=40)
        with b:
            _text("claim", "id", "Id (empty: made from the label)")
        _text("claim", "examples", "Example sentences that state it, one per line (Arabic or "
              "English; two or more)", area=True, height=120)
        with st.expander("Cue patterns (optional): one cue a line, its word groups joined by +, "
                         "alternatives by |; or a JSON object as in claims.jsonl"):
            _text("claim", "cues", "Cues", area=True, height=90, label_visibility="collapsed",
                  placeholder="لعبة فيديو|لعبة الفيديو + @RU_MOD")
        with st.expander("Fact-check (optional: a fact-checker's verdict, shown beside the "
                         "statements)", expanded=bool(st.session_state.get(key("claim", "fc_verdict")))):
            a, b = st.columns([1, 2])
            with a:
                st.selectbox("Verdict", list(VERDICTS), key=key("claim", "fc_verdict"),
                             format_func=lambda v: v or "(none)")
                _field_error("claim", "fc_verdict")
            with b:
                _text("claim", "fc_reviewed_by", "Checked by")
            _text("claim", "fc_summary", "Short disproof", area=True, height=80)
            a, b, c = st.columns([2, 2, 1])
            with a:
                _text("claim", "fc_url", "Link to the debunk", placeholder="https://…")
            with b:
                _text("claim", "fc_archive_url", "Archived copy", placeholder="https://web.archive.org/…")
            with c:
                _text("claim", "fc_date", "Date", placeholder="2017-11-14")
            _text("claim", "fc_evidence", "Evidence it leaned on, one per line: description | "
                  "link | archived copy", area=True, height=80)
        return ("id", "statement_en", "label_en", "examples", "cues", "fc_verdict", "fc_summary",
                "fc_url", "fc_archive_url", "fc_reviewed_by", "fc_date", "fc_evidence")

    _form("claim", ctx.paths, record, draw)


def place_editor(ctx, book, locate: Callable[[], None]) -> None:
    """The place form; ``locate`` draws the gazetteer look-up and map that fill its coordinates."""
    record = chooser("place", book.places, lambda p: f"{p.id} · {p.name_en}")
    locate()

    def draw() -> tuple[str, ...]:
        a, b = st.columns(2)
        with a:
            _text("place", "name_en", "Name (English)")
        with b:
            _text("place", "name_ar", "Name (Arabic)")
        _text("place", "aliases", "Aliases, one per line (Arabic)", area=True, height=90)
        a, b, c = st.columns(3)
        with a:
            st.number_input("Latitude", -90.0, 90.0, key=key("place", "lat"), format="%.4f")
            _field_error("place", "lat")
        with b:
            st.number_input("Longitude", -180.0, 180.0, key=key("place", "lon"), format="%.4f")
            _field_error("place", "lon")
        with c:
            _text("place", "id", "Id (empty: from the name)")
        return ("id", "name_en", "name_ar", "aliases", "lat", "lon")

    _form("place", ctx.paths, record, draw)
