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
