"""Names on the map (riwaya.dashboard.maplabels), the map's context places and frame, and the
labels around the charts: colours no two actors share, outlets and mixed cells in words."""

from __future__ import annotations

import itertools
import json

import pandas as pd
import pytest

from components import figures
from riwaya.dashboard import compare, maplabels, matrix, overview, palette
from riwaya.dashboard import map as place_map
from riwaya.dashboard.filters import Filters
from riwaya.dashboard.corpus import prepare
from riwaya.errors import CodebookError
from riwaya.pipeline.store import load_corpus

@pytest.fixture(scope="module")
def sample_prep(sample_build):
    """The shipped sample (data/raw), built by the real pipeline, prepared."""
    return prepare(load_corpus(sample_build.out))


VIEW = maplabels.PixelView((36.0, 45.0), (32.0, 37.5), 540, 420)


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def point(pid, lon, lat, size=20.0, name=None):
    return maplabels.Point(pid, lon, lat, size, name or pid)


@pytest.mark.parametrize("points", [
    # the sample's Syrian cluster: Raqqa, Deir ez-Zor, Abu Kamal close together
    [point("Raqqa", 39.0, 35.95, 42), point("Abu Kamal", 40.92, 34.45, 25), point("Deir ez-Zor", 40.14, 35.34, 22),
     point("Fallujah", 43.78, 33.35, 18), point("Mosul", 43.12, 36.34, 20), point("Damascus", 36.28, 33.51, 14)],
    # three on one line, tight
    [point(f"Town {i}", 40.0 + 0.5 * i, 35.0) for i in range(3)],
])
def test_names_never_overlap_each_other_or_another_marker(points):
    labels, missing = maplabels.place_labels(points, VIEW)
    assert {lab.id for lab in labels} | set(missing) == {p.id for p in points}
    markers = {p.id: maplabels.marker_box(VIEW, p) for p in points}
    for a, b in itertools.combinations(labels, 2):
        assert not overlap(a.box, b.box), (a.id, b.id)
    for lab in labels:
        assert all(not overlap(lab.box, m) for pid, m in markers.items() if pid != lab.id), lab.id
        assert 0 <= lab.box[0] and lab.box[2] <= VIEW.width and 0 <= lab.box[1] and lab.box[3] <= VIEW.height


def test_the_sample_cluster_is_named_whole_at_desktop_size():
    points = [point("Raqqa", 39.0, 35.95, 42), point("Abu Kamal", 40.92, 34.45, 25),
              point("Deir ez-Zor", 40.14, 35.34, 22), point("Fallujah", 43.78, 33.35, 18)]
    labels, missing = maplabels.place_labels(points, VIEW)
    assert not missing and {lab.id for lab in labels} == {p.id for p in points}


def test_a_name_with_no_room_is_missing_not_forced():
    crowd = [point(f"Very long place name {i}", 40.0, 35.0 + 0.02 * i, 10) for i in range(12)]
    labels, missing = maplabels.place_labels(crowd, VIEW)
    assert missing and len(labels) + len(missing) == 12


@pytest.mark.parametrize("points, groups", [
    ([point("A", 40.0, 35.0, 30), point("B", 40.01, 35.0, 20), point("C", 44.0, 33.0, 20)], [["A", "B"], ["C"]]),
    ([point("A", 40.0, 35.0, 20), point("B", 41.0, 35.0, 20)], [["A"], ["B"]]),
])
def test_places_sharing_a_spot_are_one_cluster(points, groups):
    assert maplabels.clusters(points, VIEW) == groups


def test_pixels_and_coordinates_round_trip():
    x, y = VIEW.xy(40.0, 35.0)
    lon, lat = VIEW.lonlat(x, y)
    assert lon == pytest.approx(40.0) and lat == pytest.approx(35.0)


def test_countries_and_rivers_are_context_not_markers(sample_prep):
    places = place_map.place_summary(Filters().apply(sample_prep))
    spots = set(place_map.spots(places)["entity_id"])
    context = set(place_map.context_places(places)["entity_id"])
    assert "EUPHRATES" in context and "CC:QA" in context and not spots & context
    assert {"RAQQA", "DEIR_EZZOR", "ABU_KAMAL", "FALLUJAH", "AL_UDEID"} <= spots
    fig = figures.map_figure(places, sample_prep.claim_colours, colour_title="Claim")
    ids = {row[0] for t in fig.data if t.customdata is not None and t.name != "place names" for row in t.customdata}
    assert "EUPHRATES" not in ids and not any(i.startswith("CC:") for i in ids)
    names = next(t for t in fig.data if t.name == "place names")
    assert {"Raqqa", "Deir ez-Zor", "Abu Kamal", "Fallujah"} <= set(names.text)
    # the frame fits the event's places (no longer Egypt to Iran, 30 degrees and more)
    view = figures.map_layout(places).view
    (lo_lon, hi_lon), (lo_lat, hi_lat) = view.lon_range, view.lat_range
    assert hi_lon - lo_lon < 16 and lo_lon < 36.28 and 43.78 < hi_lon and lo_lat < 33.35 and 36.34 < hi_lat


def test_hover_lists_are_cut_to_fit_a_phone():
    text = figures._wrapped(", ".join(f"Outlet number {i}" for i in range(10)))
    assert all(len(line) <= 40 for line in text.split("<br>")) and text.endswith("+4 more")


@pytest.mark.parametrize("ids, base, expected", [
    (["A", "B"], {"A": "#111111", "B": "#111111"}, {"A": "#111111", "B": palette.QUALITATIVE[0]}),
    (["A", "B"], {"A": "#0072B2", "B": "#D55E00"}, {"A": "#0072B2", "B": "#D55E00"}),
    (["B", "A", "B"], {"A": "#0072B2", "B": "#0072B2"}, {"B": "#0072B2", "A": "#D55E00"}),
])
def test_no_two_actors_in_view_share_a_colour(ids, base, expected):
    assert palette.distinct_colours(ids, base) == expected


def test_an_article_with_many_actors_gets_as_many_colours():
    base = palette.palette_for([f"A{i}" for i in range(15)])  # the 8 colours repeat
    got = palette.distinct_colours([f"A{i}" for i in range(15)], base)
    assert len(set(got.values())) == 15


@pytest.mark.parametrize("counts, words, label", [
    ({"asserts": 3, "concedes": 2}, "3 asserts, 2 concedes", "5"),
    ({"denies": 1}, "1 denies", "1"),
    ({}, "never addressed", "—"),
])
def test_cells_in_plain_words(counts, words, label):
    assert matrix.stance_words(counts) == words and matrix.cell_label(counts) == label


@pytest.mark.parametrize("size, page, rows, pages", [(10, 1, 10, 3), (10, 3, 3, 3), (10, 9, 3, 3), (50, 1, 23, 1)])
def test_evidence_pages(size, page, rows, pages):
    ev = pd.DataFrame({"x": range(23)})
    got, n = matrix.evidence_page(ev, page, size=size)
    assert (len(got), n) == (rows, pages)


def test_the_evidence_csv_links_to_the_reader_on_this_server(prep):
    ev = matrix.evidence(Filters().apply(prep))
    csv = matrix.evidence_csv(ev, absolute=lambda link: "http://host:8501/" + link)
    assert csv["reader_link"].str.startswith("http://host:8501/Reader?doc=").all()


def test_outlets_read_in_english_with_arabic_and_unnamed_ones_shortly(sample_prep):
    assert compare.outlet_display(sample_prep, "SANA") == "SANA (\u2068سانا\u2069)"
    assert "No outlet named · article 000_54f79f58" in sample_prep.outlets   # never "Unknown outlet (…)"
    assert compare.outlet_display(sample_prep, "No outlet named · article 000_54f79f58") == \
        "No outlet named · article 000_54f79f58"
    label = compare.article_display(sample_prep, "000_54f79f58a69dbdb0")
    assert label.count("000_54f79f58") == 1 and len(label) < 40
    quoted = compare.quoted_actors(Filters().apply(sample_prep), {"SANA": ["003_5ebe06736b7b5b94"]})
    assert not quoted["claims"].str.contains("US_SAFE_IN_ISIS_AREAS").any()  # claim labels, not ids


def test_the_event_is_described_by_the_codebook_folder(tmp_path):
    assert overview.event_description(tmp_path) is None
    (tmp_path / "event.json").write_text(json.dumps({"title": "T", "summary": "S"}), encoding="utf-8")
    assert overview.event_description(tmp_path) == {"title": "T", "summary": "S"}
    (tmp_path / "event.json").write_text("[1]", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"event.json: expected one JSON object, got list"):
        overview.event_description(tmp_path)


def test_the_map_figure_is_built_once_per_view_for_every_session(sample_prep):
    """Two sessions with the same filter (two View objects) share one figure; another filter,
    colouring or chosen place is another figure. What is shared is the JSON the chart sends,
    the same as the figure's own."""
    heading = ("Places named in the articles", "Filter: no filter")
    before = sample_prep.memo.computed
    first = figures.view_figure(Filters().apply(sample_prep), "claim", False, None, heading)
    again = figures.view_figure(Filters().apply(sample_prep), "claim", False, None, heading)
    assert again is first
    built = sample_prep.memo.computed - before
    places = place_map.place_summary(Filters().apply(sample_prep))
    fig = figures.map_figure(places, sample_prep.claim_colours, colour_title="Claim", heading=heading,
                             layout=figures.view_layout(Filters().apply(sample_prep), "claim", False))
    assert first == json.loads(fig.to_json())
    actor = sample_prep.statements["actor_id"].dropna().iloc[0]
    for f, colour_by in [(Filters(actors=(actor,)), "claim"), (Filters(), "outlet")]:
        assert figures.view_figure(f.apply(sample_prep), colour_by, False, None, heading) != first
    assert sample_prep.memo.computed - before > built
    # a chosen place is marked on a copy of the shared figure, as map_figure marks it
    built = sample_prep.memo.computed
    layout = figures.view_layout(Filters().apply(sample_prep), "claim", False)
    for chosen in list(layout.sizes)[:3]:
        marked = figures.view_figure(Filters().apply(sample_prep), "claim", False, chosen, heading)
        fig = figures.map_figure(places, sample_prep.claim_colours, colour_title="Claim", heading=heading,
                                 layout=layout, chosen=chosen)
        assert marked == json.loads(fig.to_json()) and marked != first
    assert sample_prep.memo.computed == built and "selectedpoints" not in json.dumps(first)


def test_the_map_sets_what_it_takes_of_plotly_white_without_the_template(sample_prep):
    """plotly's template is left out of the map (validated on every figure, 7 kB of every
    run's data); what it gave the map is set as it was."""
    import plotly.io as pio

    places = place_map.place_summary(Filters().apply(sample_prep))
    layout = json.loads(figures.map_figure(places, sample_prep.claim_colours, colour_title="Claim").to_json())["layout"]
    white = pio.templates["plotly_white"].layout
    assert "layout" not in layout.get("template", {})
    assert layout["font"]["color"] == white.font.color
    assert (layout["paper_bgcolor"], layout["plot_bgcolor"], layout["hovermode"]) == \
        (white.paper_bgcolor, white.plot_bgcolor, white.hovermode)
    assert (layout["geo"]["lakecolor"], layout["geo"]["subunitcolor"]) == (white.geo.lakecolor, white.geo.subunitcolor)
    assert layout["hoverlabel"]["align"] == white.hoverlabel.align
