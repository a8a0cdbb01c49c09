"""The dashboard's colours and fonts: one colour per actor, claim, outlet and stance."""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from riwaya.pipeline.schema import STANCES

#: Okabe & Ito (2008), a palette that colour-blind readers can tell apart; ordered so that the
#: low-contrast yellow is used last.
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
             "#F0E442")
#: Stance colours; "mixed" is an actor who took more than one stance on a claim.
STANCE_COLOURS = {"asserts": "#0072B2", "denies": "#D55E00", "concedes": "#E69F00",
                  "mixed": "#CC79A7"}
#: the actor network's links (riwaya.dashboard.network): colour and dash, told apart without colour too
LINK_COLOURS = {"agreement": "#009E73", "conflict": "#D55E00"}
LINK_DASH = {"agreement": "solid", "conflict": "dash"}
SILENT_COLOUR = "#E8E8E8"
SILENT_TEXT = "#8A8A8A"
SILENT_MARK = "—"
PLACE_COLOUR = "#555555"
CUE_COLOUR = "#000000"
STANCE_ORDER = (*STANCES, "mixed")
ARABIC_FONTS = "'Noto Naskh Arabic', 'Noto Sans Arabic', 'Amiri', 'Arial', serif"


def palette_for(ids: Iterable[str]) -> dict[str, str]:
    """A stable colour per id: ids are sorted, so one id keeps its colour on every page.

    Pass every id of a kind (all actors, all claims, all outlets of the corpus), not the
    filtered ones, or colours would shift when the filter changes.
    """
    unique = sorted({str(i) for i in ids if i is not None and not pd.isna(i)})
    return {key: OKABE_ITO[n % len(OKABE_ITO)] for n, key in enumerate(unique)}


def tint(hex_colour: str, alpha: float = 0.25) -> str:
    """An ``rgba()`` string of a ``#rrggbb`` colour, for light backgrounds behind text."""
    if not isinstance(hex_colour, str):
        raise TypeError(f"Expected a '#rrggbb' str, got {type(hex_colour).__name__} instead")
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def stance_colour(stance: str) -> str:
    """The colour of a stance (asserts, denies, concedes, mixed); grey for anything else."""
    return STANCE_COLOURS.get(stance, "#777")


#: colours for many actors shown at once (the Reader's highlights): Okabe-Ito, then Paul Tol's
#: "muted" scheme (also colour-blind safe), 17 in all
QUALITATIVE = OKABE_ITO + ("#332288", "#882255", "#999933", "#44AA99", "#DDCC77", "#117733",
                           "#CC6677", "#88CCEE", "#AA4499")


#: hue families of :data:`QUALITATIVE`: behind text, tinted, two colours of one family look alike
HUE_FAMILY = {"#0072B2": "blue", "#56B4E9": "blue", "#88CCEE": "blue", "#332288": "violet",
              "#AA4499": "violet", "#E69F00": "orange", "#DDCC77": "orange", "#F0E442": "yellow",
              "#999933": "yellow", "#D55E00": "red", "#CC6677": "red", "#009E73": "green",
              "#117733": "green", "#44AA99": "green", "#CC79A7": "pink", "#882255": "pink",
              "#000000": "grey"}


def distinct_colours(ids: Iterable[str], base: dict[str, str]) -> dict[str, str]:
    """A colour for each of ``ids`` (those in view, in order), no two alike while the palette
    lasts: each keeps its usual colour (``base``, from :func:`palette_for`) unless an id before
    it took it or one of its hue family (:data:`HUE_FAMILY`: a tinted blue and sky blue look
    the same), then takes the first colour of :data:`QUALITATIVE` of a family not yet used,
    or, when every family is used, the first colour not yet used."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    families: set[str] = set()

    def family(c: str) -> str:
        return HUE_FAMILY.get(c.upper(), c.upper())

    for i in dict.fromkeys(ids):
        colour = base.get(i)
        if colour is None or colour in taken or family(colour) in families:
            fresh = [c for c in QUALITATIVE if c not in taken and family(c) not in families]
            free = fresh or [c for c in QUALITATIVE if c not in taken]
            colour = free[0] if free else (colour or QUALITATIVE[0])
        out[i] = colour
        taken.add(colour)
        families.add(family(colour))
    return out
