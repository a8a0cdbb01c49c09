"""Scoring actor and place mentions against the golden annotation.

Every golden actor and place of a document must be found; places need coordinates; nothing
may be tagged in ``not_places`` or in boilerplate. Place names are compared folded
(:func:`fold_name`): golden ``name:`` places are GeoNames names in ASCII (``name:Al Mayadin``,
``name:Dar`a``), the places table carries GeoNames' spelling (``Al Mayādīn``, ``Dar‘ā``).
A first-level area (``AD:`` ids: governorates, provinces) is also the place its phrase counts as
under the annotation guide (item 11: "ريف/محافظة X" count as X; ``data/golden/README.md``, Areas):
its ``counts_as`` in ``riwaya/pipeline/data/admin_areas.json`` (ريف دمشق counts as ``DAMASCUS``,
ريف حلب as ``name:Aleppo``); an area that counts as nothing the golden list holds is a false pin.

Two failing counts beside recall:

- **false pins**: a place the pipeline put inside the article whose entity the golden list of
  the document does not hold (and no ``metonyms`` string covers the mention);
- **boilerplate places**: a place mention on a raw line that is not the article. Golden data
  with ``article_lines`` (raw line ranges, ``str.splitlines()`` numbering) says which lines are
  the article; ``documents.text`` is made of whole kept lines of the raw file, so each offset maps
  back to its raw line (:func:`raw_line_numbers`). Golden data without ``article_lines`` (the
  sample) marks boilerplate by its ``boilerplate`` strings, as before.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from typing import Any

import pandas as pd

from riwaya.evaluate.golden import Golden, GoldMentions, occurrences
from riwaya.evaluate.report import EvalReport, short_doc
from riwaya.pipeline.gazetteer_areas import counts_as

#: apostrophes and ayn/hamza signs GeoNames' ASCII names write as ` or ' (or drop)
_APOSTROPHES = re.compile("['`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u00b4]")
_SPACES = re.compile(r"[\s\-\u2010-\u2015]+")


def fold_name(name: str) -> str:
    """A place name for comparison: ``"Dar‘ā"`` and ``"Dar`a"`` both give ``"dara"``.

    NFKD, combining marks dropped, apostrophes/backticks/ʿʾ dropped, casefolded (the dotless
    ı as i: "Reyhanlı" is "Reyhanli"), hyphens and runs of spaces read as one space."""
    if not isinstance(name, str):
        raise TypeError(f"Expected str, got {type(name).__name__} instead")
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text).casefold().replace("ı", "i")
    return _SPACES.sub(" ", text).strip()


def text_of(v: Any) -> str:
    """A table cell as a string ("" for None/NaN/NA)."""
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(v)


def int_of(v: Any) -> int | None:
    """A table cell as an int (None when missing or not a number)."""
    try:
        if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA:
            return None
        return int(v)
    except (TypeError, ValueError):
        return None


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    """Half-open spans overlap; an empty span overlaps nothing."""
    return a0 < a1 and b0 < b1 and a0 < b1 and b0 < a1


def ratio(num: int, den: int, *, empty: float = 1.0) -> float:
    return num / den if den else empty


# --------------------------------------------------------------------------- raw lines

def raw_line_numbers(text: str, raw: str) -> list[int | None]:
    """For each line of ``documents.text`` (split on ``\\n``), the 1-based number of the raw
    line it was kept from (``str.splitlines()`` numbering of ``raw``), or None if not found.

    The cleaner keeps whole stripped lines of the NFC-normalised raw text, in order; each is
    looked for as a whole line after the previous one."""
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    starts, pos = [], 0
    for line in raw.splitlines(keepends=True):
        starts.append(pos)
        pos += len(line)
    out: list[int | None] = []
    pos = 0
    for line in text.split("\n"):
        found = None
        i = raw.find(line, pos) if line else -1
        while i >= 0:
            head = raw[raw.rfind("\n", 0, i) + 1:i]
            end = raw.find("\n", i + len(line))
            tail = raw[i + len(line):end if end >= 0 else len(raw)]
            if not head.strip() and not tail.strip():
                found = i
                break
            i = raw.find(line, i + 1)
        if found is None:
            out.append(None)
            continue
        out.append(bisect.bisect_right(starts, found))
        pos = found + len(line)
    return out


class LineMap:
    """Offsets of ``documents.text`` -> raw line numbers, and which are the article."""

    def __init__(self, text: str, raw: str, article_lines: tuple[tuple[int, int], ...]):
        self._line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self._raw = raw_line_numbers(text, raw)
        self._article = article_lines

    def raw_line(self, offset: int) -> int | None:
        k = bisect.bisect_right(self._line_starts, offset) - 1
        return self._raw[k] if 0 <= k < len(self._raw) else None

    def in_article(self, offset: int) -> bool:
        n = self.raw_line(offset)
        return n is not None and any(a <= n <= b for a, b in self._article)


# --------------------------------------------------------------------------- scoring

@functools.lru_cache(maxsize=1)
def _area_counts() -> dict[str, frozenset[str]]:
    """By area id, the golden places it counts as (``name:`` ones folded)."""
    return {area: frozenset("name:" + fold_name(x[5:]) if x.startswith("name:") else x for x in xs)
            for area, xs in counts_as().items()}


def is_golden_place(place: str, entity_id: str, names: dict[str, str]) -> bool:
    """The predicted ``entity_id`` is the golden ``place``: the same id; a ``name:`` that is its
    folded English name (``names``: by entity id, from the places table); or, for an area, a place
    the area counts as under the annotation guide (:func:`_area_counts`)."""
    if place.startswith("name:"):
        wanted = "name:" + fold_name(place[5:])
        if entity_id in names and "name:" + names[entity_id] == wanted:
            return True
    else:
        wanted = place
        if entity_id == place:
            return True
    return wanted in _area_counts().get(entity_id, ())


def _place_tables(places: pd.DataFrame) -> tuple[dict, dict, dict]:
    """coords, folded names and labels of the places table, by entity id."""
    coords: dict[str, tuple[float | None, float | None]] = {}
    names: dict[str, str] = {}
    labels: dict[str, str] = {}

    def ok(x: Any) -> bool:
        return x is not None and x is not pd.NA and isinstance(x, (int, float)) \
            and math.isfinite(float(x))

    if places is not None and len(places):
        for r in places.to_dict("records"):
            eid = text_of(r.get("entity_id"))
            lat, lon = r.get("lat"), r.get("lon")
            coords[eid] = (float(lat) if ok(lat) else None, float(lon) if ok(lon) else None)
            names[eid] = fold_name(text_of(r.get("name_en")))
            labels[eid] = text_of(r.get("name_en"))
    return coords, names, labels


def _coordinate_problem(coords: dict, eid: str) -> str:
    if eid not in coords:
        return "not in the places table"
    lat, lon = coords[eid]
    if lat is None or lon is None:
        return "no lat/lon"
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return f"lat/lon out of range ({lat}, {lon})"
    return ""


def score_mentions(report: EvalReport, golden: Golden, mentions: pd.DataFrame,
                   places: pd.DataFrame, texts: dict[str, str], raws: dict[str, str]) -> None:
    """Fill the mention scores of ``report`` (``raws``: ``documents.raw_text`` by doc id)."""
    rows = mentions.to_dict("records") if mentions is not None and len(mentions) else []
    coords, names, labels = _place_tables(places)

    by_doc: dict[str, list[dict]] = {}
    for r in rows:
        r = {**r, "start": int_of(r.get("start")), "end": int_of(r.get("end")),
             "kind": text_of(r.get("kind")), "entity_id": text_of(r.get("entity_id")),
             "surface": text_of(r.get("surface")), "doc_id": text_of(r.get("doc_id"))}
        by_doc.setdefault(r["doc_id"], []).append(r)
        text = texts.get(r["doc_id"])
        if text is not None and r["start"] is not None and r["end"] is not None \
                and text[r["start"]:r["end"]] != r["surface"]:
            report.warnings.append(f"{short_doc(r['doc_id'])} mention {r['entity_id']} {r['surface']!r}: "
                                   f"surface differs from documents.text[start:end]")

    # every predicted place entity has coordinates
    seen: set[str] = set()
    for r in rows:
        eid = text_of(r.get("entity_id"))
        if text_of(r.get("kind")) == "place" and eid not in seen:
            seen.add(eid)
            problem = _coordinate_problem(coords, eid)
            if problem:
                report.coordinate_errors.append({"doc_id": text_of(r.get("doc_id")),
                                                 "entity_id": eid, "problem": problem})

    for doc_id in golden.doc_ids:
        gm = golden.mentions.get(doc_id)
        if gm is not None:
            _score_document(report, gm, by_doc.get(doc_id, []), names, labels,
                            texts.get(doc_id), raws.get(doc_id))

    report.actor_recall = ratio(report.actors_found, report.actors_total)
    report.place_recall = ratio(report.places_found, report.places_total)


def _score_document(report: EvalReport, gm: GoldMentions, ms: list[dict], names: dict[str, str],
                    labels: dict[str, str], text: str | None, raw: str | None) -> None:
    doc_id = gm.doc_id
    actor_ids = {m["entity_id"] for m in ms if m["kind"] == "actor"}
    place_ids = {m["entity_id"] for m in ms if m["kind"] == "place"}
    for a in gm.actors:
        report.actors_total += 1
        if a in actor_ids:
            report.actors_found += 1
        else:
            report.missing_actors.append({"doc_id": doc_id, "actor_id": a})
    expected: set[str] = set()
    for pl in gm.places:
        report.places_total += 1
        hits = [e for e in place_ids if is_golden_place(pl, e, names)]
        expected.update(hits)
        if hits:
            report.places_found += 1
        else:
            report.missing_places.append({"doc_id": doc_id, "place": pl})
    listed = set(expected)
    for m in ms:
        if m["kind"] == "place" and m["entity_id"] not in listed:
            listed.add(m["entity_id"])          # list each unexpected entity once per document
            report.unexpected_places.append({"doc_id": doc_id, "entity_id": m["entity_id"],
                                             "name_en": labels.get(m["entity_id"], ""),
                                             "surface": m["surface"]})
    if text is None:
        return
    place_ms = [m for m in ms if m["kind"] == "place" and m["start"] is not None
                and m["end"] is not None]
    for s in gm.not_places:
        occ = occurrences(text, s)
        if not occ:
            report.warnings.append(f"{short_doc(doc_id)} not_place {s!r} is not in documents.text")
        for m in place_ms:
            if any(overlaps(m["start"], m["end"], a, b) for a, b in occ):
                report.not_place_errors.append({"doc_id": doc_id, "entity_id": m["entity_id"],
                                                "surface": m["surface"], "not_place": s})
    metonym_spans = []
    for s in gm.metonyms:
        occ = occurrences(text, s)
        metonym_spans.extend(occ)
        for m in place_ms:
            if any(overlaps(m["start"], m["end"], a, b) for a, b in occ):
                report.warnings.append(f"{short_doc(doc_id)} place {m['entity_id']} {m['surface']!r} "
                                       f"tagged in {s!r}, where the country is an actor")

    # where the article is: golden article lines, else everything but the boilerplate strings
    lines = LineMap(text, raw or "", gm.article_lines) \
        if "article_lines" in gm.model_fields_set else None

    def in_boilerplate(start: int) -> bool:
        return not lines.in_article(start) if lines else False

    boiler_spans = []
    for s in gm.boilerplate:
        for a, b in occurrences(text, s):
            if lines is not None and not in_boilerplate(a):
                continue                         # the same words on an article line
            boiler_spans.append((a, b))
            report.boilerplate_errors.append({"doc_id": doc_id, "text": s,
                                              "problem": "kept in documents.text"})
            for m in ms:
                if m["start"] is not None and m["end"] is not None \
                        and overlaps(m["start"], m["end"], a, b):
                    report.boilerplate_errors.append({
                        "doc_id": doc_id, "text": f"{m['kind']} {m['entity_id']} "
                                                  f"{m['surface']!r} in {s!r}",
                        "problem": "mention inside boilerplate"})

    pins: dict[str, dict] = {}
    for m in place_ms:
        row = {"doc_id": doc_id, "entity_id": m["entity_id"],
               "name_en": labels.get(m["entity_id"], ""), "surface": m["surface"],
               "start": m["start"]}
        if lines is not None:
            boiler = in_boilerplate(m["start"])
            row["line"] = lines.raw_line(m["start"])
        else:
            boiler = any(overlaps(m["start"], m["end"], a, b) for a, b in boiler_spans)
        if boiler:
            report.boilerplate_places.append(row)
        elif m["entity_id"] not in expected and not any(
                overlaps(m["start"], m["end"], a, b) for a, b in metonym_spans):
            if m["entity_id"] in pins:
                pins[m["entity_id"]]["mentions"] += 1
            else:
                pins[m["entity_id"]] = {**row, "mentions": 1}
    report.false_pins.extend(pins.values())
