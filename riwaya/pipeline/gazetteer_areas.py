"""First-level areas (governorates, provinces, regions) as gazetteer entries.

Read from ``riwaya/pipeline/data/admin_areas.json`` (its ``_provenance`` says where each field
comes from: ISO 3166-2 codes and names from pycountry, coordinates and population of each area's
capital from GeoNames, Arabic names written by hand). An area is an entry of ``kind``
``governorate``, ``province`` or ``region`` (the map lists such kinds beside it as context, not as
a dot over a city), its id ``AD:<ISO 3166-2 code>``.

Which forms name an area (:func:`area_entries`):

- its name after one of its country's head nouns (the file's ``heads``: محافظة إدلب، ريف حلب،
  منطقة الرياض، ولاية هاتاي), unless that phrase is another area's own name (ريف دمشق is Rif
  Dimashq, not the countryside of the Damascus governorate);
- its name alone only when no town or country of the gazetteer has that name (نينوى، الأنبار،
  المنوفية; bare إدلب stays the city) and the name is no common word (``common_word``: الشرقية
  "eastern", البحر الأحمر the sea).

The bare names stay among the entry's ``forms_ar`` (its names as written, which the mentions'
index reads to tie a gazetteer place to a codebook place of the same name: محافظة الرقة is the
codebook's Raqqa); only the matchable forms are indexed.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Callable, Iterable

from riwaya.errors import CodebookError
from riwaya.pipeline.gazetteer_entry import GazetteerEntry

#: the areas' table, the pipeline's own copy (see its ``_provenance``)
ADMIN_AREAS = Path(__file__).resolve().parent / "data" / "admin_areas.json"
#: the kinds an area may have (each drawn as context by the map: ``dashboard/map.CONTEXT_KINDS``)
AREA_KINDS = frozenset({"governorate", "province", "region"})


@functools.lru_cache(maxsize=2)
def _table(path: Path = ADMIN_AREAS) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        heads = {str(cc): tuple(str(h) for h in hs) for cc, hs in data["heads"].items()}
        areas = [dict(a) for a in data["areas"]]
        for a in areas:
            if a["kind"] not in AREA_KINDS or not a["names_ar"] or not str(a["id"]).startswith("AD:"):
                raise ValueError(f"area {a.get('id')!r}: kind, names_ar or id")
            float(a["lat"]), float(a["lon"])
            if not all(isinstance(x, str) and x for x in a.get("counts_as", [])):
                raise ValueError(f"area {a['id']!r}: counts_as")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CodebookError(path, f"not an areas table ({{\"heads\": {{ISO2: [...]}}, \"areas\": "
                                  f"[{{id, name_en, kind, names_ar, lat, lon, ...}}]}}): {exc!r}") from exc
    return {"heads": heads, "areas": areas}


def area_entries(taken: Iterable[str], norm: Callable[[str], str],
                 path: Path = ADMIN_AREAS) -> tuple[list[GazetteerEntry], dict[str, tuple[str, ...]]]:
    """The areas' entries and, by entity id, the forms that may name each one (see the module).

    ``taken``: the normalised forms of the gazetteer's towns and countries; ``norm``: the
    normaliser of forms."""
    table = _table(path)
    taken = set(taken)
    own = {norm(name) for a in table["areas"] for name in a["names_ar"]}
    entries: list[GazetteerEntry] = []
    matchable: dict[str, tuple[str, ...]] = {}
    for a in table["areas"]:
        country = a["id"][3:5]
        names = list(dict.fromkeys(a["names_ar"]))
        forms: list[str] = []
        if not a.get("common_word"):
            forms += [n for n in names if norm(n) not in taken]
        for head in table["heads"].get(country, ()):
            forms += [f"{head} {n}" for n in names
                      if norm(f"{head} {n}") not in own and norm(f"{head} {n}") not in taken]
        entries.append(GazetteerEntry(
            entity_id=a["id"], name_en=a["name_en"], name_ar=names[0],
            forms_ar=tuple(dict.fromkeys(names + forms)), lat=float(a["lat"]), lon=float(a["lon"]),
            kind=a["kind"], population=int(a.get("population") or 0), country=country))
        matchable[a["id"]] = tuple(dict.fromkeys(forms))
    return entries, matchable


def counts_as(path: Path = ADMIN_AREAS) -> dict[str, tuple[str, ...]]:
    """By area id, the golden places a mention of the area counts as under the annotation guide
    (item 11: "ريف/محافظة X" count as X): the table's ``counts_as`` (codebook ids and
    ``name:<GeoNames name>``), read by the evaluator (:mod:`riwaya.evaluate.places`)."""
    return {a["id"]: tuple(a.get("counts_as", ())) for a in _table(path)["areas"]}
