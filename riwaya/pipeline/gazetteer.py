"""The offline gazetteer: Arabic (and English) place names to coordinates.

Tables built from GeoNames (towns), CLDR (countries) and ISO 3166-2 (first-level areas:
governorates, provinces; :mod:`riwaya.pipeline.gazetteer_areas`) by
:mod:`riwaya.pipeline.gazetteer_sources`; entries and the tie-break among places of one name in
:mod:`riwaya.pipeline.gazetteer_entry`.

Precision matters more than recall: GeoNames lists many common Arabic words as
town names somewhere in the world (وان is Van in Turkey, بيان a town in Kuwait,
معسكر one in Algeria). The settings file's ``stoplist`` keeps them out; it was
drawn up by checking every gazetteer form against Arabic word frequencies.
Everything event-specific (which countries win ties, which words to stop) lives
in the codebook's ``gazetteer.json`` (:class:`~riwaya.codebook.gazetteer_settings.GazetteerSettings`,
read by ``load_codebook`` into ``Codebook.gazetteer``), never in this module.
"""

from __future__ import annotations

import functools
from typing import Iterable, Mapping

from riwaya.codebook.gazetteer_settings import GazetteerSettings, load_settings
from riwaya.pipeline.gazetteer_entry import GazetteerEntry, _expect_str, choose
from riwaya.pipeline.gazetteer_sources import COUNTRY_CENTROIDS, arabic_forms, build_tables
from riwaya.pipeline.geonames import cities as _cities
from riwaya.text.normalize import normalize_form

__all__ = [
    "COUNTRY_CENTROIDS",
    "Gazetteer",
    "GazetteerEntry",
    "arabic_forms",
    "load_gazetteer",
]


class Gazetteer:
    """Normalised Arabic form -> place, and English name -> place.

    Built by :func:`load_gazetteer`; treat it as read-only.
    """

    def __init__(self, entries: Iterable[GazetteerEntry], forms: Mapping[str, GazetteerEntry],
                 settings: GazetteerSettings,
                 alternatives: Mapping[str, tuple[GazetteerEntry, ...]] | None = None) -> None:
        self._entries = {entry.entity_id: entry for entry in entries}
        self._forms = dict(forms)
        self._alternatives = dict(alternatives or {})
        self._settings = settings
        self._english: dict[str, GazetteerEntry | None] | None = None
        self._alternates: list[tuple[GazetteerEntry, str]] | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Gazetteer: {len(self._entries)} places, {len(self._forms)} Arabic forms>"

    @property
    def settings(self) -> GazetteerSettings:
        return self._settings

    def lookup(self, form: str) -> GazetteerEntry | None:
        """The place an Arabic form names, or None. The form is normalised first."""
        _expect_str(form, "form")
        return self._forms.get(normalize_form(form))

    def lookup_en(self, name: str) -> GazetteerEntry | None:
        """The place an English (Latin-script) name names, or None; case-insensitive.

        GeoNames' main names win over its alternate names; among several places,
        the settings' tie-break (countries, ``prefer_countries``, population).
        """
        _expect_str(name, "name")
        if self._english is None:
            self._english = self._build_english()
        key = _fold_en(name)
        if key not in self._english:
            self._english[key] = self._alternate_en(key) if key else None
        return self._english[key]

    def get(self, entity_id: str) -> GazetteerEntry | None:
        """The entry with this ``GN:``/``CC:`` id, or None."""
        _expect_str(entity_id, "entity_id")
        return self._entries.get(entity_id)

    def forms(self) -> dict[str, GazetteerEntry]:
        """Every matchable normalised Arabic form and its place (a copy)."""
        return dict(self._forms)

    def candidates(self, form: str) -> tuple[GazetteerEntry, ...]:
        """Every place an Arabic form may name, the tie-break's choice first (a mention's
        context may choose another: :mod:`riwaya.pipeline.place_evidence`)."""
        _expect_str(form, "form")
        key = normalize_form(form)
        return self._alternatives.get(key) or ((self._forms[key],) if key in self._forms else ())

    def entries(self) -> list[GazetteerEntry]:
        return list(self._entries.values())

    def _build_english(self) -> dict[str, GazetteerEntry]:
        # Lazily: only resolve_place() by English name needs it.
        main: dict[str, list[GazetteerEntry]] = {}
        for entry in self._entries.values():
            main.setdefault(_fold_en(entry.name_en), []).append(entry)
        return {name: choose(cands, self._settings) for name, cands in main.items()}

    def _alternate_en(self, key: str) -> GazetteerEntry | None:
        # GeoNames' alternate names, searched only when no main name matched: one
        # substring test per city is much faster than indexing 300,000 names.
        if self._alternates is None:
            self._alternates = [
                (entry, "\n" + "\n".join(city.get("alternatenames") or []).lower()
                 .replace("-", " ") + "\n")
                for gid, city in _cities(self._settings.min_population).items()
                if (entry := self._entries.get(f"GN:{gid}")) is not None]
        needle = "\n" + key + "\n"
        found = [entry for entry, names in self._alternates if needle in names]
        if not found:
            return None
        return choose(found, self._settings)


def _fold_en(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").split())


@functools.lru_cache(maxsize=4)
def _load_cached(settings: GazetteerSettings) -> Gazetteer:
    entries, table, alternatives = build_tables(settings)
    return Gazetteer(entries, table, settings, alternatives)


def load_gazetteer(settings: GazetteerSettings | None = None) -> Gazetteer:
    """The gazetteer for these settings (default: the ``RIWAYA_CODEBOOK`` folder's ``gazetteer.json``).

    Built once per distinct settings value and cached for the process (about half a
    second for the default 15,000-people threshold).

    Raises:
        CodebookError: the settings file or the country centroid file is unusable.
    """
    if settings is None:
        settings = load_settings()
    if not isinstance(settings, GazetteerSettings):
        raise TypeError(f"Expected GazetteerSettings, got {type(settings).__name__} instead")
    return _load_cached(settings)
