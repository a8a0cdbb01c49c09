"""A claim's fact-check record (``Claim.fact_check`` of the codebook) as HTML, escaped here.

Shown beside the statements of the claim in the evidence card: the verdict, who checked it and
when, the short disproof, the links to the debunk and its archived copy, and the evidence the
check leaned on. Every text is escaped (:func:`riwaya.dashboard.html.esc`); a link is written
only when it is an http(s) address (the codebook refuses others too).
"""

from __future__ import annotations

from riwaya.dashboard.html import bidi_html, esc

#: verdict -> colour (Okabe-Ito: vermillion false, orange misleading/partly, grey unproven,
#: bluish green true)
VERDICT_COLOURS = {"false": "#D55E00", "misleading": "#E69F00", "partly false": "#E69F00",
                   "unproven": "#777777", "true": "#009E73"}


def _link(url, text: str) -> str:
    url = str(url or "")
    if not url.startswith(("https://", "http://")):
        return ""
    return f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(text)}</a>'


def _get(record, name: str, default=""):
    return record.get(name, default) if isinstance(record, dict) else getattr(record, name, default)


def fact_check_html(fc, *, claim_label: str = "") -> str:
    """The fact-check ``fc`` (a FactCheck or its dict) as a collapsed block: the verdict line
    always visible, the disproof, links and evidence when opened; "" for none."""
    if not fc:
        return ""
    verdict = str(_get(fc, "verdict") or "")
    colour = VERDICT_COLOURS.get(verdict, "#777777")
    who = " · ".join(esc(v) for v in (_get(fc, "reviewed_by"), _get(fc, "date")) if v)
    links = " · ".join(x for x in (_link(_get(fc, "url"), "the debunk"),
                                  _link(_get(fc, "archive_url"), "archived copy")) if x)
    evidence = []
    for e in _get(fc, "evidence", []) or []:
        more = " · ".join(x for x in (_link(_get(e, "url"), "link"),
                                      _link(_get(e, "archive_url"), "archived")) if x)
        evidence.append(f"<li>{bidi_html(_get(e, 'description'))}{' (' + more + ')' if more else ''}</li>")
    about = f" on “{bidi_html(claim_label)}”" if claim_label else ""
    return (
        f'<details class="riwaya-factcheck" style="border-left: 4px solid {colour}; '
        f'padding: .15rem .6rem; margin: .3rem 0; background: rgba(0,0,0,.025);">'
        f'<summary style="cursor: pointer;">Fact-check{about}: '
        f'<b style="color: {colour}; text-transform: uppercase;">{esc(verdict)}</b>'
        f'{" · " + who if who else ""}</summary>'
        f'<div dir="ltr" lang="en" style="margin: .3rem 0;">{bidi_html(_get(fc, "summary"))}</div>'
        + (f'<div class="riwaya-meta">{links}</div>' if links else "")
        + (f'<div class="riwaya-meta">Evidence it leaned on:</div><ul style="margin: 0;">'
           f'{"".join(evidence)}</ul>' if evidence else "")
        + "</details>")
