import pytest

from riwaya.pipeline.mentions import EntityIndex, find_mentions
from riwaya.text.matcher import NormText


@pytest.fixture(scope="module")
def found(sample_codebook, sample_gazetteer):
    """``found(text, kind=None)``: (entity_id, surface, method) of the mentions in ``text``."""
    index = EntityIndex.build(sample_codebook, sample_gazetteer)

    def find(text, kind=None):
        return [(m.entity_id, m.surface, m.method) for m in find_mentions(NormText.of(text), index)
                if kind is None or m.kind == kind]
    return find


@pytest.mark.parametrize("text, expected", [
    ("وقالت وزارة الدفاع الروسية", [("RU_MOD", "وزارة الدفاع الروسية", "alias")]),
    ("ولوزارة الدفاع الروسية", [("RU_MOD", "وزارة الدفاع الروسية", "alias")]),
    ("قوات سوريا الديموقراطية", [("SDF", "قوات سوريا الديموقراطية", "alias")]),
    ("وقسد", [("SDF", "قسد", "alias")]),
    ("من البوكمال", [("ABU_KAMAL", "البوكمال", "alias")]),
    ("في الفلوجه", [("FALLUJAH", "الفلوجه", "alias")]),
    ("محطة الـ “بي بي سي”", [("BBC", "محطة الـ “بي بي سي", "alias")]),
])
def test_alias_variants(text, expected, found):
    assert found(text) == expected


def test_surname_only_after_full_name(found):
    assert found("قال ديلون") == []
    assert found("قال رايان ديلون ثم قال ديلون") == [
        ("DILLON", "رايان ديلون", "alias"), ("DILLON", "ديلون", "surname")]


def test_anaphor_points_to_last_ministry_listing_it(found):
    text = "قالت وزارة الدفاع الروسية كذا. ثم قالت وزارة الخارجية التركية كذا. وأضافت الوزارة أمرا."
    assert found(text)[-1] == ("TURKEY_MFA", "الوزارة", "anaphor")
    assert found("وأضافت الوزارة أمرا") == []  # nothing to point back to


@pytest.mark.parametrize("text, places", [
    ("قوات سوريا الديمقراطية", []),                      # place inside an organisation name
    ("قاتل في سوريا", ["CC:SY"]),
    ("وفق معاهدة جنيف", []),                              # treaty name, not a location
    ("سافر إلى جنيف", ["GN:2660646"]),
    ("يشعرون بالأمان في المدينة بين الناس", []),          # common words that are towns somewhere
    ("وصلوا إلى الموصل ثم دمشق", ["MOSUL", "DAMASCUS"]),
])
def test_places(text, places, found):
    assert [m[0] for m in found(text, "place")] == places


def test_country_that_is_also_an_actor(found):
    assert found("قالت روسيا إن") == [("RUSSIA", "روسيا", "alias")]
    assert [m[0] for m in found("سافر إلى روسيا")] == ["CC:RU"]
