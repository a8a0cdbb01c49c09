"""HTML around the charts (escaped here, like riwaya.dashboard.html): the map's key beside it,
the matrix's actor names that stay in view on a phone while its cells scroll.
"""

from __future__ import annotations

import hashlib
import json
from html import unescape
from typing import Iterable, Mapping, Sequence

import pandas as pd

from riwaya.dashboard.html import bidi_html, esc
from riwaya.dashboard.palette import SILENT_TEXT, STANCE_COLOURS


def _dot(colour: str, number: int | None = None) -> str:
    inner = f'<b style="font-size:.75em">{number}</b>' if number else ""
    return (f'<span style="display:inline-flex;align-items:center;justify-content:center;'
            f'min-width:1.1em;height:1.1em;border-radius:50%;background:{esc(colour)};'
            f'border:1px solid #333;color:#000;margin-right:.35em;vertical-align:-.15em">{inner}</span>')


def _mentions(n) -> str:
    n = int(n)
    return f'<span style="color:#666">({n})</span>' if n else ""


def map_key_html(shown: pd.DataFrame, numbered: Mapping[str, int], colours: Mapping[str, str],
                 context: pd.DataFrame, outside: pd.DataFrame, missing: int) -> str:
    """Beside the map: every place drawn in view (its colour, its number when the map has no room for
    its name, English and Arabic names, mentions; places sharing a spot under one), then the
    countries, rivers and areas named (context: the base map draws them), then places outside
    the view and how many have no coordinates."""
    def line(dot: str, name_en, name_ar, n, extra: str = "") -> str:
        ar = f' · {bidi_html(name_ar)}' if name_ar and name_ar != name_en else ""
        return (f'<li style="margin:0 0 .2em 0">{dot}<span>{esc(name_en)}</span>{ar} '
                f'{_mentions(n)}{extra}</li>')

    parts = ['<div class="riwaya-map-key" style="font-size:.9rem;line-height:1.45">']
    if len(shown):
        parts.append('<div style="font-weight:600;margin-bottom:.2em">Places on the map</div><ul '
                     'style="list-style:none;padding:0;margin:0 0 .6em 0">')
        away = set(outside["entity_id"]) if len(outside) else set()
        for r in shown.itertuples(index=False):
            if r.entity_id in away:
                continue
            colour = colours.get(r.colour_key, SILENT_TEXT) if r.colour_key else SILENT_TEXT
            also = f'<br><span style="color:#666;margin-left:1.5em">with {esc(r.also)}</span>' if r.also else ""
            parts.append(line(_dot(colour, numbered.get(r.entity_id)), r.name_en, r.name_ar, r.mentions, also))
        parts.append("</ul>")
    if len(context):
        parts.append('<div style="font-weight:600;margin-bottom:.2em">Countries, rivers and areas named</div>'
                     '<ul style="list-style:none;padding:0;margin:0 0 .6em 0">')
        for r in context.itertuples(index=False):
            kind = f'<span style="color:#888;font-size:.8em;text-transform:uppercase">{esc(r.kind)}</span> '
            parts.append(line(kind, r.name_en, r.name_ar, r.mentions))
        parts.append("</ul>")
    if len(outside):
        names = ", ".join(f"{esc(r.name_en)} ({int(r.mentions)})" for r in outside.itertuples(index=False))
        parts.append(f'<div style="color:#555">Outside this view: {names}. Scroll on the map to zoom out.</div>')
    if missing:
        parts.append(f'<div style="color:#555">{int(missing)} place(s) without coordinates: in the table below.</div>')
    parts.append("</div>")
    return "".join(parts)


def _field(obj, *path):
    """``obj[path[0]][path[1]]…`` of a figure's JSON, or the same attributes of plotly's objects."""
    for key in path:
        if obj is None:
            return None
        obj = obj.get(key) if isinstance(obj, Mapping) else getattr(obj, key, None)
    return obj


def _swatch(trace) -> str:
    """A legend entry's mark: the trace's line (solid or dashed) or its marker's dot."""
    colour = _field(trace, "line", "color")
    if "lines" in str(_field(trace, "mode") or "") and colour:
        style = "dashed" if _field(trace, "line", "dash") not in (None, "solid") else "solid"
        return (f'<span style="display:inline-block;width:1.6em;border-top:3px {style} '
                f'{esc(colour)};margin-right:.35em;vertical-align:.2em"></span>')
    colour = _field(trace, "marker", "color")
    return _dot(colour if isinstance(colour, str) else SILENT_TEXT)


def phone_caption_html(heading: tuple[str, str], legend_title: str, traces: Iterable) -> str:
    """On a phone only (CSS ``.riwaya-phone-only``): a sideways-scrolling chart's title,
    subtitle and legend as text within the screen. The map and the network keep their width
    there and scroll, opened at their middle, which cut the figure's own title and legend at
    the screen's edges; those are hidden on a phone (a PNG download still draws them).
    ``traces``: the figure's traces (its JSON's ``data``, or a plotly figure's ``.data``): the
    legend's entries, in its order."""
    items = "".join(
        f'<li style="margin:0 0 .2em 0">{_swatch(t)}<span>{esc(unescape(_field(t, "name")))}</span></li>'
        for t in traces if _field(t, "showlegend") is not False and _field(t, "name"))
    title, subtitle = heading
    head = f'<div style="font-weight:600;margin-bottom:.2em">{esc(legend_title)}</div>' if legend_title else ""
    return (f'<div class="riwaya-phone-only riwaya-chart-caption" style="font-size:.9rem;line-height:1.45;'
            f'margin-bottom:.6em"><div style="font-weight:600">{esc(title)}</div>'
            f'<div style="color:#555;margin-bottom:.4em">{esc(subtitle)}</div>'
            f'{head}<ul style="list-style:none;padding:0;margin:0">{items}</ul></div>')


def sticky_names_html(rows: Sequence[str], *, top: float, row_px: float, height: float,
                      width: float, shift: float, min_width: float, key: str) -> str:
    """On a narrow screen, the matrix's row names in a column that stays put while the chart
    (``.st-key-<key>``) scrolls sideways: laid over the chart's left edge at the rows' heights
    (``top`` px to the first row's top, ``row_px`` a row), ``width`` px wide. The chart keeps
    ``min_width`` px and is shifted ``shift`` px left (its own names are hidden there).
    Hidden on wider screens, where the chart shows its own names."""
    labels = [f'<div style="position:absolute;top:{top:.1f}px;left:0;width:{width:.0f}px;'
              f'height:{row_px * len(rows):.1f}px;background:#fff;box-shadow:3px 0 4px -2px rgba(0,0,0,.25)"></div>']
    wrap2 = "overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical"
    # the Arabic name under the English one: smaller, and wrapped (not cut) when long
    arabic = wrap2 + ";font-size:11px;line-height:1.1"
    for n, name in enumerate(rows):
        if not name:
            continue
        y = top + n * row_px
        header = name.startswith("\u2063")
        text = name.strip("\u2063")
        style = ("font-weight:700;color:#6b6b6b;font-size:10px;text-transform:uppercase" if header
                 else "font-size:12px;color:#222")
        parts = text.split(" · ", 1)
        lines = (f'<span style="{wrap2}">{bidi_html(parts[0])}</span>'
                 + "".join(f'<span style="{arabic}">{bidi_html(part)}</span>' for part in parts[1:]))
        labels.append(f'<div style="position:absolute;top:{y:.1f}px;height:{row_px:.1f}px;left:0;'
                      f'width:{width - 6:.0f}px;display:flex;flex-direction:column;justify-content:center;'
                      f'line-height:1.2;{style}">{lines}</div>')
    css = (f"<style>.riwaya-sticky-names{{display:none}}"
           f"@media (max-width: 640px){{"
           f".riwaya-sticky-names{{display:block;position:relative;height:{height:.0f}px;width:{width:.0f}px;"
           f"z-index:3;pointer-events:none}}"
           f"[data-testid='stElementContainer']:has(.riwaya-sticky-names){{margin-bottom:calc(-{height:.0f}px - 1rem);"
           f"z-index:3;width:{width:.0f}px !important}}"
           f".st-key-{key}{{overflow-x:auto}}"
           f".st-key-{key} .riwaya-chart{{min-width:{min_width:.0f}px;margin-left:-{shift:.0f}px}}}}</style>")
    return css + f'<div class="riwaya-sticky-names" aria-hidden="true">{"".join(labels)}</div>'



def mixed_cells_html(mixed: Sequence[tuple[str, str, str]], *, who: str = "") -> str:
    """Under a matrix: its mixed (pink) cells in plain words, "Newsweek on Raqqa exit deal:
    3 asserts, 2 concedes", one a line. ``who`` prefixes the note ("what the outlet reports")."""
    items = "".join(f"<li><b>{bidi_html(row)}</b> on <b>{esc(claim)}</b>: {esc(words)}</li>"
                    for row, claim, words in mixed)
    note = f"{esc(who)} " if who else ""
    return (f'<div class="riwaya-mixed" style="font-size:.9rem;color:#333">{note}'
            f'<span style="display:inline-block;width:.9em;height:.9em;background:{STANCE_COLOURS["mixed"]};'
            f'vertical-align:-.1em"></span> <b>Mixed</b> cells hold more than one stance:'
            f'<ul style="margin:.2em 0 .4em 1.2em;padding:0">{items}</ul></div>')


def scroll_to_evidence_script(cell: str, anchor: str = "evidence") -> str:
    """A script bringing the element ``#anchor`` (the evidence under the matrix) into view once
    per chosen ``cell``: a click on a cell shows its answer; later reruns do not scroll again.
    Only a hash of the cell id reaches the script."""
    once = json.dumps(hashlib.sha1(cell.encode()).hexdigest()[:16])
    target = json.dumps(anchor)
    return (f"<script>setTimeout(function(){{if(window.riwayaEvidenceFor==={once})return;"
            f"var e=document.getElementById({target});"
            f"if(e){{e.scrollIntoView({{block:'start',behavior:'smooth'}});window.riwayaEvidenceFor={once};}}}}, 250);"
            f"</script>")


def stance_note_html(mixed: Sequence[tuple[str, str, str]]) -> str:
    """Under the Compare chart: what its colour means (the stance of the statements a source
    reports, i.e. of the people it quotes, not the source's own view) and its mixed cells in words."""
    note = ('<div style="font-size:.9rem;color:#333;margin-bottom:.3em">A cell\'s colour is the stance '
            'of the statements the source <i>reports</i> (what the actors it quotes say), not the '
            'source\'s own stance; its number counts those statements; “—”: the source does not '
            'report the claim.</div>')
    return note + (mixed_cells_html(mixed) if mixed else "")


def event_html(event: Mapping[str, str]) -> str:
    """What the event is (the codebook's event.json), above the Overview's numbers."""
    title = f'<div style="font-weight:700;font-size:1.2rem">{esc(event.get("title", ""))}</div>' \
        if event.get("title") else ""
    summary = f'<div style="color:#333;max-width:60rem;font-size:1.05rem">{esc(event.get("summary", ""))}</div>' \
        if event.get("summary") else ""
    return f'<div class="riwaya-event" style="margin:.2rem 0 .6rem 0">{title}{summary}</div>'


def centre_scroll_script(keys: Sequence[str]) -> str:
    """A script scrolling each sideways-scrolling chart ``.st-key-<key>`` (on a phone the map
    and the network keep their width) to its middle, once per element, where the frame centres
    what it shows. Tried a few times: the chart may be drawn after the script runs."""
    targets = json.dumps([f".st-key-{k}" for k in keys])
    return (f"<script>(function(){{var t={targets};function go(){{t.forEach(function(s){{"
            f"var e=document.querySelector(s);"
            f"if(e&&!e.dataset.riwayaCentred&&e.scrollWidth>e.clientWidth+20){{"
            f"e.scrollLeft=(e.scrollWidth-e.clientWidth)/2;e.dataset.riwayaCentred='1';}}}});}}"
            f"[400,1200,3000].forEach(function(ms){{setTimeout(go,ms);}});}})();</script>")
