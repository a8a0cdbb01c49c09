"""riwaya.dashboard.network: actors linked by agreement (same side of a claim) and conflict
(opposite sides); asserts and concedes are one side, denies the other."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from riwaya.dashboard import network
from riwaya.dashboard.corpus import prepare
from riwaya.dashboard.filters import Filters
from riwaya.pipeline.store import load_corpus


def edges(net) -> dict[tuple[str, str, str], set[str]]:
    """{(actor, actor, kind): {claim ids}}, each pair in sorted order."""
    return {(*sorted((r.source, r.target)), r.kind): set(r.claims.split("; "))
            for r in net.edges.itertuples(index=False)}


# --------------------------------------------------------------------------- the fixture

FIXTURE_EDGES = {
    ("ACTIVISTS", "US_DOD", "agreement"): {"VIDEO_GAME"},
    ("ACTIVISTS", "RU_MOD", "agreement"): {"VIDEO_GAME"},       # RU_MOD conceded it ...
    ("ACTIVISTS", "RU_MOD", "conflict"): {"VIDEO_GAME"},        # ... and denied it
    ("RU_MOD", "US_DOD", "agreement"): {"VIDEO_GAME"},
    ("RU_MOD", "US_DOD", "conflict"): {"VIDEO_GAME", "US_SUPPORTS_ISIS"},
}


def test_fixture_links(prep):
    net = network.network(Filters().apply(prep))
    assert edges(net) == FIXTURE_EDGES
    weights = {(r.source, r.target, r.kind): r.weight for r in net.edges.itertuples(index=False)}
    assert weights[("RU_MOD", "US_DOD", "conflict")] == 2
    nodes = net.nodes.set_index("actor_id")
    assert nodes["statements"].to_dict() == {"RU_MOD": 5, "US_DOD": 2, "ACTIVISTS": 1, "COALITION": 1,
                                             "DILLON": 1, "UNK:مصدر مجهول": 1}
    assert nodes.loc["UNK:مصدر مجهول", "name"] == "مصدر مجهول"
    assert nodes.loc["RU_MOD", "name"] == "Russian Ministry of Defence"


@pytest.mark.parametrize("stances, kind, expected", [
    ({"asserts"}, {"concedes"}, "agreement"),
    ({"concedes"}, {"concedes"}, "agreement"),
    ({"asserts"}, {"denies"}, "conflict"),
    ({"concedes"}, {"denies"}, "conflict"),
    ({"denies"}, {"denies"}, "agreement"),
])
def test_sides(stances, kind, expected):
    a = {network.SIDE[s] for s in stances}
    b = {network.SIDE[s] for s in kind}
    assert ("agreement" if a & b else "conflict") == expected


@pytest.mark.parametrize("filters, show, nodes, links", [
    # chosen actors keep their partners: the network of US_DOD
    (Filters(actors=("US_DOD",)), "both", {"US_DOD", "RU_MOD", "ACTIVISTS"},
     {("ACTIVISTS", "US_DOD", "agreement"), ("RU_MOD", "US_DOD", "agreement"), ("RU_MOD", "US_DOD", "conflict")}),
    (Filters(actors=("DILLON",)), "both", {"DILLON"}, set()),  # no one else spoke on his claim
    (Filters(claims=("US_SUPPORTS_ISIS",)), "both", {"RU_MOD", "US_DOD"}, {("RU_MOD", "US_DOD", "conflict")}),
    (Filters(stances=("asserts", "concedes")), "both", {"RU_MOD", "US_DOD", "ACTIVISTS", "COALITION", "UNK:مصدر مجهول"},
     {("ACTIVISTS", "US_DOD", "agreement"), ("ACTIVISTS", "RU_MOD", "agreement"), ("RU_MOD", "US_DOD", "agreement")}),
    (Filters(), "conflict", {"RU_MOD", "US_DOD", "ACTIVISTS", "COALITION", "DILLON", "UNK:مصدر مجهول"},
     {("ACTIVISTS", "RU_MOD", "conflict"), ("RU_MOD", "US_DOD", "conflict")}),
    (Filters(outlets=("Beta Agency",)), "both", {"ACTIVISTS", "RU_MOD", "DILLON"}, set()),
])
def test_the_network_follows_the_filter(prep, filters, show, nodes, links):
    net = network.network(filters.apply(prep), links=show)
    assert set(net.nodes["actor_id"]) == nodes
    assert set(edges(net)) == links
    assert net.chosen == filters.actors


def test_unattributed_statements_make_no_actor(suggested_prep):
    net = network.network(Filters().apply(suggested_prep))
    assert "UNATTRIBUTED" not in set(net.nodes["actor_id"])
    assert "UNK:إيغور كوناشينكوف" in set(net.nodes["actor_id"])  # a named speaker is an actor


def test_layout_is_deterministic_and_in_the_square(prep):
    a = network.network(Filters().apply(prep)).nodes
    b = network.network(Filters().apply(prep)).nodes
    assert a[["actor_id", "x", "y"]].equals(b[["actor_id", "x", "y"]])
    assert a["x"].abs().max() <= 1.0 + 1e-9 and a["y"].abs().max() <= 1.0 + 1e-9
    assert not a.duplicated(["x", "y"]).any()


def test_graphml_and_csv_for_gephi(prep):
    net = network.network(Filters().apply(prep))
    g = nx.read_graphml(io.BytesIO(network.graphml(net)))
    assert g.number_of_nodes() == 6 and g.number_of_edges() == 5
    assert g.nodes["RU_MOD"]["label"] == "Russian Ministry of Defence" and g.nodes["RU_MOD"]["statements"] == 5
    kinds = {(tuple(sorted((u, v))), d["kind"]): d["weight"] for u, v, d in g.edges(data=True)}
    assert kinds[(("RU_MOD", "US_DOD"), "conflict")] == 2
    e = network.edges_csv(net)
    assert list(e.columns[:4]) == ["Source", "Target", "Type", "Weight"] and set(e["Type"]) == {"Undirected"}
    n = network.nodes_csv(net)
    assert list(n.columns[:2]) == ["Id", "Label"] and len(n) == 6
    assert "5 agreement" not in network.summary(net) and "3 agreement and 2 conflict" in network.summary(net)


def test_empty_corpus_and_bad_choice(empty_prep, prep):
    assert network.network(Filters().apply(empty_prep)).is_empty
    with pytest.raises(ValueError, match="links"):
        network.network(Filters().apply(prep), links="friends")


def test_figure_draws_both_kinds_differently_and_escapes(prep):
    from components.story_figures import network_figure

    fig = network_figure(network.network(Filters(actors=("US_DOD",)).apply(prep))).to_plotly_json()
    lines = [t for t in fig["data"] if t.get("mode") == "lines"]
    style = {t["legendgroup"]: (t["line"]["color"], t["line"]["dash"]) for t in lines}
    assert style["agreement"][1] == "solid" and style["conflict"][1] == "dash"
    assert style["agreement"][0] != style["conflict"][0]
    assert sorted(t["name"] for t in lines if t["showlegend"]) == [
        "agreement (same side of a claim)", "conflict (opposite sides of a claim)"]
    node = next(t for t in fig["data"] if t.get("mode") == "markers+text")
    assert [row[0] for row in node["customdata"]][0] == "RU_MOD"
    assert node["marker"]["color"][list(r[0] for r in node["customdata"]).index("US_DOD")] == "#CC79A7"


@pytest.mark.parametrize("name, shown", [
    ('المصدر "الرسمي"', 'المصدر "الرسمي"'),        # plotly shows &quot; literally: quotes stay
    ("O'Brien", "O'Brien"),
    ("<b>bold</b> & co", "&lt;b&gt;bold&lt;/b&gt; &amp; co"),  # markup shown, never applied
])
def test_node_names_are_escaped_for_plotly_once(name, shown):
    from components.story_figures import _wrap

    assert _wrap(name, 80) == shown


# --------------------------------------------------------------------------- the sample, built by the pipeline

@pytest.fixture(scope="module")
def sample_net(sample_build):
    return network.network(Filters().apply(prepare(load_corpus(sample_build.out))))


@pytest.mark.parametrize("a, b, kind, claim", [
    ("ACTIVISTS", "RU_MOD", "agreement", "VIDEO_GAME"),       # activists assert, the MoD concedes
    ("BBC", "COALITION", "agreement", "RAQQA_DEAL"),          # the BBC reports the deal, the coalition concedes
    ("BBC", "COALITION", "conflict", "COALITION_PARTY_TO_DEAL"),  # ... but denies being party to it
    ("BBC", "US_DOD", "conflict", "COALITION_PARTY_TO_DEAL"),     # so does the Pentagon
    ("COALITION", "US_DOD", "agreement", "COALITION_PARTY_TO_DEAL"),
])
def test_sample_story_in_the_network(sample_net, a, b, kind, claim):
    assert claim in edges(sample_net)[(a, b, kind)]


def test_sample_nodes(sample_net):
    ids = set(sample_net.nodes["actor_id"])
    assert {"BBC", "COALITION", "US_DOD", "RU_MOD", "ACTIVISTS"} <= ids
    assert "UNATTRIBUTED" not in ids


# --------------------------------------------------------------------------- many actors (issue 10)

@pytest.fixture(scope="module")
def crowded(prep):
    """The fixture with 111,000 random statements by 130 speakers on 10 claims (the size of the
    100,000-article corpus): nearly every pair linked."""
    from dataclasses import replace

    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(1)
    ids = [f"UNK:speaker {i}" for i in range(130)]
    n = 111_000
    weights = 1 / np.arange(1, len(ids) + 1)
    statements = pd.DataFrame({
        "statement_id": [f"s{i}" for i in range(n)], "actor_id": rng.choice(ids, n, p=weights / weights.sum()),
        "claim_id": rng.choice([f"CLAIM_{i}" for i in range(10)], n),
        "stance": rng.choice(["asserts", "denies", "concedes"], n), "speaker_kind": "named"})
    actors = pd.DataFrame({"actor_id": ids, "name_en": None, "name_ar": [i[4:] for i in ids], "label": ids,
                           "speaker_kind": "named", "kind": "unknown", "in_codebook": False})
    return replace(prep, statements=statements, actors=actors)


def reference_links(view) -> set[tuple[str, str, str, str]]:
    """The definition, pair by pair: (a, b, claim, kind) for a < b."""
    st = network._statements(view)
    sides = st.assign(side=st["stance"].map(network.SIDE)).groupby(["claim_id", "actor_id"])["side"].agg(set)
    out = set()
    for claim, part in sides.groupby(level=0):
        held = {actor: s for (_, actor), s in part.items()}
        for a in held:
            for b in held:
                if a < b:
                    if held[a] & held[b]:
                        out.add((a, b, claim, "agreement"))
                    if any(x != y for x in held[a] for y in held[b]):
                        out.add((a, b, claim, "conflict"))
    return out


@pytest.mark.parametrize("filters", [Filters(), Filters(actors=("UNK:speaker 3",)),
                                     Filters(stances=("denies", "concedes"))])
def test_many_actors_links_are_the_definitions(crowded, filters):
    view = filters.apply(crowded)
    links = network.pair_links(view)
    got = set(links.itertuples(index=False, name=None))
    assert got == reference_links(view) and len(got) == len(links)
    assert links.equals(links.sort_values(["claim_id", "a", "b", "kind"], ignore_index=True))
    net = network.network(view)
    expected = {k: c for k, c in edges(net).items()}
    for a, b, claim, kind in got:
        if not filters.actors or filters.actors[0] in (a, b):
            assert claim in expected[(a, b, kind)]


def test_the_layout_waits_on_no_second_blas_thread(crowded, monkeypatch):
    """Kamada-Kawai's optimiser makes many small BLAS calls: with two threads on a busy 2-core
    machine they waited on each other (130 actors: 6 s; one thread: 0.5 s, the same layout)."""
    from threadpoolctl import threadpool_info

    seen = []
    solve = network.nx.kamada_kawai_layout

    def spy(*args, **kwargs):
        seen.extend(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas")
        return solve(*args, **kwargs)

    monkeypatch.setattr(network.nx, "kamada_kawai_layout", spy)
    from dataclasses import replace
    net = network.network(Filters().apply(replace(crowded)))
    assert len(net.nodes) == 130 and seen and set(seen) == {1}


# --------------------------------------------------------------------------- drawing the strongest (issue 10)

@pytest.mark.parametrize("drawn, count", [("300", 300), ("1000", 1000), ("all", None)])
def test_the_figure_draws_only_the_strongest_links(crowded, drawn, count):
    """Thousands of links took the browser seconds to draw: the figure gets the strongest
    (most claims first, ties in the edges' order), every actor kept, and says what it left out."""
    net = network.network(Filters().apply(crowded))
    assert len(net.edges) > 1000 and network.too_many_to_draw(net)
    shown = network.strongest(net, drawn)
    if count is None:
        assert shown is net and network.drawn_note(shown, net) == ""
        return
    assert len(shown.edges) == count and shown.nodes.equals(net.nodes)
    weights = net.edges["weight"]
    assert shown.edges["weight"].min() >= weights.sort_values(ascending=False).iloc[count - 1]
    kept = set(shown.edges.itertuples(index=False, name=None))
    assert kept <= set(net.edges.itertuples(index=False, name=None))
    # ties at the cut go to the earlier edges
    cut = shown.edges["weight"].min()
    tied = net.edges[weights == cut]
    left = count - int((weights > cut).sum())
    assert set(tied.head(left).itertuples(index=False, name=None)) <= kept
    assert network.drawn_note(shown, net).startswith(f"Drawing the {count:,} strongest of {len(net.edges):,} links")


def test_a_small_network_is_drawn_whole_and_bad_choice(prep):
    net = network.network(Filters().apply(prep))
    assert network.strongest(net, "300") is net and network.drawn_note(net, net) == ""
    assert not network.too_many_to_draw(net)
    with pytest.raises(ValueError, match="drawn"):
        network.strongest(net, "12")


def test_the_links_table_is_a_page_strongest_first_with_a_search(crowded):
    from riwaya.dashboard import listing

    net = network.network(Filters().apply(crowded))
    rows, total = network.link_rows(net)
    assert total == len(net.edges) and len(rows) == listing.SHOWN
    assert rows["claims"].is_monotonic_decreasing and rows["claims"].iloc[0] == net.edges["weight"].max()
    found, hits = network.link_rows(net, "speaker 17 ")
    expected = sum(("speaker 17 " in f"{r.source_label} {r.target_label} ")
                   for r in net.edges.itertuples(index=False))
    assert hits == expected and 0 < hits < total
    assert all("speaker 17" in f"{r.actor} {r._1}" for r in found.itertuples(index=False))
