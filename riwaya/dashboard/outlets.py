"""How the dashboard names an outlet: English with the Arabic in brackets where the codebook knows
both ("SANA (سانا)"), "No outlet named · article 000_54f79f58" for an article naming none. Light
(no text normaliser): the sidebar's filter and its description use it on every page's first run;
Compare, Overview and the briefing too."""

from __future__ import annotations

from typing import Mapping


def outlet_names(prep) -> dict[str, str]:
    """{outlet: "English (Arabic)"} for the outlets the codebook knows as media actors (their
    ``name_en`` and ``name_ar``): "SANA (سانا)". Data, not code: add a media actor to name one."""
    a = prep.actors
    if "kind" not in a:
        return {}
    media = a[a["kind"] == "media"]
    return {str(en): f"{en} (\u2068{ar}\u2069)" for en, ar in zip(media.get("name_en", []), media.get("name_ar", []))
            if isinstance(en, str) and isinstance(ar, str) and ar and ar != en}


def outlet_display(prep, outlet: str, names: Mapping[str, str] | None = None) -> str:
    """An outlet as shown: English with the Arabic in brackets where the codebook knows both;
    an article naming no outlet reads "No outlet named · article 000_54f79f58" already
    (:func:`riwaya.dashboard.corpus.outlet_of`)."""
    return (names if names is not None else outlet_names(prep)).get(outlet, outlet)
