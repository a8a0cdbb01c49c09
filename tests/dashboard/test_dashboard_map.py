"""riwaya.dashboard.map: places in view, the map's region from the data, a place's sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from riwaya.dashboard import map as place_map
from riwaya.dashboard.filters import Filters


@pytest.mark.parametrize("f, expected", [
    (Filters(), {"GN:RAQQA": 3, "GN:ABU_KAMAL": 2, "GN:DEIR": 1, "GN:FALLUJAH": 1}),
    (Filters(actors=("DILLON",)), {"GN:RAQQA": 1}),
    (Filters(actors=("RU_MOD",)), {"GN:ABU_KAMAL": 2, "GN:DEIR": 1, "GN:FALLUJAH": 1}),
    (Filters(outlets=("SANA",)), {"GN:RAQQA": 1, "GN:DEIR": 1, "GN:FALLUJAH": 1}),
    (Filters(claims=("OLD_FOOTAGE",)), {}),
])
def test_place_summary_counts_mentions_in_view(prep, f, expected):
    places = place_map.place_summary(f.apply(prep))
    assert dict(zip(places["entity_id"], places["mentions"])) == expected


def test_place_summary_has_names_coordinates_and_colour_keys(prep):
    places = place_map.place_summary(Filters().apply(prep)).set_index("entity_id")
    raqqa = places.loc["GN:RAQQA"]
    assert (raqqa["name_en"], raqqa["name_ar"]) == ("Raqqa", "الرقة")
    assert raqqa["lat"] == pytest.approx(35.95, abs=0.01)
    assert raqqa["articles"] == 3
    assert raqqa["outlets"] == "Alpha News, Beta Agency, SANA"
    # ties between claims break alphabetically: stable colours
    assert raqqa["colour_key"] == "COALITION_PARTY_TO_DEAL"
    by_outlet = place_map.place_summary(Filters().apply(prep), colour_by="outlet").set_index("entity_id")
    assert by_outlet.loc["GN:DEIR", "colour_key"] == "SANA"
    with pytest.raises(ValueError, match="colour_by: expected one of"):
        place_map.place_summary(Filters().apply(prep), colour_by="speaker")


def test_place_summary_colours_by_the_claims_in_view(prep):
    # Raqqa: under the actor filter, only Dillon's claim counts (not the other claims made there)
    places = place_map.place_summary(Filters(actors=("DILLON",)).apply(prep)).set_index("entity_id")
    assert places.loc["GN:RAQQA", "claims"] == "Coalition party to deal"
    assert places.loc["GN:RAQQA", "speakers"] == "Col. Ryan Dillon · رايان ديلون"


def test_place_sentences_list_speaker_claim_and_outlet(prep):
    rows = place_map.place_sentences(Filters().apply(prep), "GN:RAQQA")
    assert list(rows["source"]) == ["Alpha News", "SANA", "Beta Agency"]
    dillon = rows[rows["doc_id"] == "b1"].iloc[0]
    assert dillon["speakers"] == "Col. Ryan Dillon · رايان ديلون"
    assert dillon["stances"] == "COALITION_PARTY_TO_DEAL: denies"
    assert place_map.place_sentences(Filters(outlets=("SANA",)).apply(prep), "GN:RAQQA")["doc_id"].tolist() == ["s1"]
    assert place_map.place_sentences(Filters().apply(prep), "GN:NOWHERE").empty


@pytest.mark.parametrize("f", [Filters(), Filters(outlets=("SANA",))])
def test_a_places_sentences_are_kept_without_text_and_a_page_reads_its_own(prep, f):
    """At 100,000 articles a country is named in ~400,000 sentences: the rows kept for the
    filter hold no text, the page shown reads its 25 (the CSV reads them all)."""
    view = f.apply(prep)
    rows = place_map.place_sentence_rows(view, "GN:RAQQA")
    assert len(rows) and "text" not in rows
    whole = place_map.place_sentences(view, "GN:RAQQA")
    assert list(whole.columns) == place_map.SENTENCE_COLUMNS and whole["text"].notna().all()
    page = place_map.sentence_page(rows, 0, prep.texts)
    pd.testing.assert_frame_equal(page, whole.iloc[:place_map.SENTENCE_PAGE])


def test_page_helpers(prep):
    places = place_map.place_summary(Filters().apply(prep))
    names = place_map.place_choices(places)
    assert list(names) == list(places["entity_id"])
    assert names["GN:RAQQA"] == "Raqqa · الرقة (3 mentions)" and names["GN:DEIR"].endswith("(1 mention)")
    assert place_map.place_row(places, "GN:DEIR")["name_en"] == "Deir ez-Zor"
    with pytest.raises(KeyError, match="GN:NOWHERE"):
        place_map.place_row(places, "GN:NOWHERE")
    table = place_map.places_table(places)
    assert "colour" in table and "colour_key" not in table
    frame = ([38.0, 42.0], [33.0, 37.0])  # Fallujah (43.8 E) is outside
    assert list(place_map.outside(places, frame)["entity_id"]) == ["GN:FALLUJAH"]
    assert place_map.outside_note(places, frame) == "Outside this view: Fallujah (1). Scroll on the map to zoom out."
    assert place_map.outside_note(places, place_map.corpus_frame(prep)) is None


def test_map_focus_leaves_far_off_places_out_of_the_frame():
    places = pd.DataFrame({
        "entity_id": ["RAQQA", "DEIR", "ABU", "CHINA", "NOWHERE"],
        "lat": [35.95, 35.33, 34.45, 36.6, None], "lon": [39.0, 40.1, 40.9, 103.9, None],
        "mentions": [5, 3, 6, 1, 2]})
    assert list(place_map.map_focus(places)) == [True, True, True, False, False]
    assert list(place_map.map_focus(places.iloc[[0, 3]])) == [True, True]  # too few to judge


@pytest.mark.parametrize("lats, lons", [([35.0], [40.0]), ([34.4, 36.3, 25.1], [40.9, 43.1, 51.3]), ([0, 60], [-20, 20])])
def test_geo_ranges_frame_every_point_in_landscape(lats, lons):
    (lo_lon, hi_lon), (lo_lat, hi_lat) = place_map.geo_ranges(pd.Series(lats), pd.Series(lons))
    assert all(lo_lat < y < hi_lat for y in lats) and all(lo_lon < x < hi_lon for x in lons)
    assert hi_lon - lo_lon >= 2.5 * (hi_lat - lo_lat)


def test_the_map_frame_is_the_whole_corpus_region(prep):
    (lo_lon, hi_lon), (lo_lat, hi_lat) = place_map.corpus_frame(prep)
    for lat, lon in [(35.95, 39.0), (34.45, 40.92), (33.35, 43.78)]:  # Raqqa, Abu Kamal, Fallujah
        assert lo_lat < lat < hi_lat and lo_lon < lon < hi_lon
    # the same region as the places in view with no filter
    assert place_map.corpus_frame(prep) == place_map.map_frame(place_map.place_summary(Filters().apply(prep)))


def test_the_region_comes_from_the_data_not_from_a_preset_one():
    # a corpus about South America is framed there
    places = pd.DataFrame({"lat": [-34.6, -33.4, -34.9], "lon": [-58.4, -70.6, -56.2], "mentions": [3, 2, 1]})
    (lo_lon, hi_lon), (lo_lat, hi_lat) = place_map.map_frame(places)
    assert lo_lon < -70.6 and -56.2 < hi_lon < 0 and lo_lat < -34.9 and -33.4 < hi_lat < 0
    # nothing to draw: the whole world, not some region
    nothing = pd.DataFrame({"lat": [None], "lon": [None], "mentions": [1]})
    assert place_map.map_frame(nothing) == ([-180.0, 180.0], [-60.0, 85.0])
    assert place_map.map_frame(nothing.iloc[:0]) == ([-180.0, 180.0], [-60.0, 85.0])


def test_an_empty_corpus_has_no_places(empty_prep):
    assert place_map.place_summary(Filters().apply(empty_prep)).empty
    assert place_map.corpus_frame(empty_prep) == ([-180.0, 180.0], [-60.0, 85.0])
