"""The actor network: who agrees and who conflicts with whom, claim by claim.

Two actors are linked on a claim when

- **agreement**: they are on the same side of it;
- **conflict**: they are on opposite sides.

The sides (:data:`SIDE`): *asserts* and *concedes* are one side (both say the claim is, at least
in part, true: a concession agrees with the assertion it admits), *denies* the other. An actor
who took both sides of a claim (denied, then conceded) is on both: it agrees and conflicts with
others on that claim, as its statements do. A link's weight is the number of claims it holds on.

Speakers with no name (``speaker_kind == "unattributed"``) are left out: "it was said" is not an
actor. The sidebar filter applies as everywhere, except that chosen actors do not remove the
others: the network then shows the chosen actors and those they agree or conflict with (an
actor filtered alone would have no one to be linked to). The layout is a spring layout with a
fixed seed, so one view always draws the same way.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace

import networkx as nx
import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from riwaya.dashboard import listing
from riwaya.dashboard.corpus import as_text
from riwaya.dashboard.filters import View
from riwaya.dashboard.memo import per_view

#: the side of each stance: asserts and concedes agree with each other, denies opposes both
SIDE = {"asserts": "true", "concedes": "true", "denies": "false"}
KINDS = ("agreement", "conflict")
#: which links the page shows (``?links=``)
SHOW = {"both": "Agreement and conflict", "agreement": "Agreement only", "conflict": "Conflict only"}
SEED = 7
NODE_COLUMNS = ["actor_id", "label", "name", "speaker_kind", "statements", "claims", "x", "y"]
EDGE_COLUMNS = ["source", "target", "source_label", "target_label", "kind", "weight", "claims",
                "claim_labels"]


@dataclass(frozen=True)
class Network:
    """The actors (``nodes``, columns :data:`NODE_COLUMNS`, with layout positions) and their
    links (``edges``, columns :data:`EDGE_COLUMNS`, ``claims`` the claim ids joined by "; ")."""

    nodes: pd.DataFrame
    edges: pd.DataFrame
    chosen: tuple[str, ...] = ()
    #: what is derived from it (its GraphML), computed once: a network is shared by every
    #: session with the same filter (:func:`network` is memoised)
    derived: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    @property
    def is_empty(self) -> bool:
        return self.nodes.empty


def _statements(view: View) -> pd.DataFrame:
    """The statements the network is drawn from: the view's, with chosen actors lifting the
    actor filter (their partners must stay); unattributed statements left out."""
    if view.filters.actors:
        view = replace(view.filters, actors=()).apply(view.prep)
    st = view.statements
    return st[(st["speaker_kind"] != "unattributed") & st["stance"].isin(list(SIDE))]


#: a link's kind as :func:`_links` numbers it (agreement first, as the names sort)
KIND_CODES = {kind: code for code, kind in enumerate(KINDS)}


def _links(view: View) -> tuple[pd.Index, pd.Index, np.ndarray]:
    """(actors, claims, links): every (actor pair, claim) link as a row of numbers: claim, a,
    b (a < b), kind (:data:`KIND_CODES`), sorted in that order; ``actors`` and ``claims`` (sorted
    ids) name them. The sides of every actor on every claim are joined claim by claim at once,
    on numbers, not pair by pair."""
    st = _statements(view)
    actor, actors = pd.factorize(st["actor_id"], sort=True)
    claim, claims = pd.factorize(st["claim_id"], sort=True)
    side = (st["stance"].map(SIDE) == "false").to_numpy().astype(np.int64)
    n = max(len(actors), 1)
    held = np.unique((claim.astype(np.int64) * n + actor) * 2 + side)    # (claim, actor, side), once
    sides = pd.DataFrame({"c": held // (2 * n), "a": held // 2 % n, "s": held % 2})
    pairs = sides.merge(sides, on="c")
    pairs = pairs[(pairs["a_x"] < pairs["a_y"]).to_numpy()]
    kind = (pairs["s_x"] != pairs["s_y"]).to_numpy().astype(np.int64)   # 0 agreement, 1 conflict
    c, a, b = (pairs[k].to_numpy() for k in ("c", "a_x", "a_y"))
    keys = np.unique(((c * n + a) * n + b) * 2 + kind)
    links = np.stack([keys // (2 * n * n), keys // (2 * n) % n, keys // 2 % n, keys % 2], axis=1)
    return pd.Index(actors, dtype=object), pd.Index(claims, dtype=object), links.astype(np.int64)


def pair_links(view: View) -> pd.DataFrame:
    """Every (actor pair, claim) link: a, b (a < b), claim_id, kind; sorted by claim, pair
    and kind."""
    actors, claims, links = _links(view)
    return pd.DataFrame({"a": actors.take(links[:, 1]).to_numpy(), "b": actors.take(links[:, 2]).to_numpy(),
                         "claim_id": claims.take(links[:, 0]).to_numpy(),
                         "kind": np.asarray(KINDS, dtype=object).take(links[:, 3])})


@per_view
def network(view: View, *, links: str = "both") -> Network:
    """The network of the view: nodes sized by statements, edges weighted by claims, laid out.
    ``links``: "both", "agreement" or "conflict" (:data:`SHOW`). Computed once per filter,
    shared by every session."""
    if links not in SHOW:
        raise ValueError(f"network: expected links to be one of {sorted(SHOW)}, got {links!r}")
    st = _statements(view)
    chosen = tuple(view.filters.actors)
    prep = view.prep
    actors, claims, rows = _links(view)
    if links != "both":
        rows = rows[rows[:, 3] == KIND_CODES[links]]
    if chosen:  # the chosen actors and their partners
        mine = actors.get_indexer(list(chosen))
        rows = rows[np.isin(rows[:, 1], mine) | np.isin(rows[:, 2], mine)]
        keep = set(chosen) | set(actors.take(np.unique(rows[:, 1:3])))
        st = st[st["actor_id"].isin(keep)]
    edges = _edges(rows, actors, claims, prep)
    counts = st.groupby("actor_id").agg(statements=("statement_id", "size"), claims=("claim_id", "nunique"))
    actors = prep.actors.set_index("actor_id")
    nodes = pd.DataFrame({
        "actor_id": counts.index,
        "label": [prep.actor_label(a) for a in counts.index],
        "name": [node_name(a, actors) for a in counts.index],
        "speaker_kind": [as_text(actors["speaker_kind"].get(a)) for a in counts.index],
        "statements": counts["statements"].to_numpy(), "claims": counts["claims"].to_numpy(),
    })
    xy = layout(nodes["actor_id"].tolist(), edges)
    nodes["x"] = [xy[a][0] for a in nodes["actor_id"]] if len(nodes) else []
    nodes["y"] = [xy[a][1] for a in nodes["actor_id"]] if len(nodes) else []
    nodes = nodes.sort_values(["statements", "actor_id"], ascending=[False, True]).reset_index(drop=True)
    return Network(nodes.reindex(columns=NODE_COLUMNS), edges.reset_index(drop=True), chosen)


def _edges(rows: np.ndarray, actors: pd.Index, claims: pd.Index, prep) -> pd.DataFrame:
    """One edge per (actor pair, kind) of the :func:`_links` ``rows``, sorted by pair and kind,
    its claims sorted: weight (how many), ids and short labels joined by "; "; each label looked
    up once (a look-up per edge and claim was most of a 100,000-article network's time)."""
    if not len(rows):
        return pd.DataFrame(columns=EDGE_COLUMNS)
    claim, a, b, kind = rows[np.lexsort((rows[:, 0], rows[:, 3], rows[:, 2], rows[:, 1]))].T
    starts = np.flatnonzero(np.r_[True, (a[1:] != a[:-1]) | (b[1:] != b[:-1]) | (kind[1:] != kind[:-1])])
    sets = [tuple(c.tolist()) for c in np.split(claim, starts[1:])]   # each edge's claims, in order
    ids = {cs: list(claims.take(list(cs))) for cs in set(sets)}
    named = {cs: ("; ".join(i), "; ".join(prep.claim_short(c) for c in i)) for cs, i in ids.items()}
    label = {i: prep.actor_label(actors[i]) for i in np.unique(np.r_[a[starts], b[starts]]).tolist()}
    source, target = a[starts].tolist(), b[starts].tolist()
    return pd.DataFrame({
        "source": actors.take(source).to_numpy(), "target": actors.take(target).to_numpy(),
        "source_label": [label[i] for i in source], "target_label": [label[i] for i in target],
        "kind": np.asarray(KINDS, dtype=object).take(kind[starts]), "weight": [len(cs) for cs in sets],
        "claims": [named[cs][0] for cs in sets], "claim_labels": [named[cs][1] for cs in sets],
    }, columns=EDGE_COLUMNS)


def node_name(actor_id: str, actors: pd.DataFrame) -> str:
    """The short name written next to a node: the English name, else the Arabic, else the id."""
    if actor_id in actors.index:
        for column in ("name_en", "name_ar"):
            text = as_text(actors.at[actor_id, column]) if column in actors else ""
            if text:
                return text
    return actor_id[4:] if actor_id.startswith("UNK:") else actor_id


def graph(net: Network) -> nx.MultiGraph:
    """The network as a networkx MultiGraph: one edge per (pair, kind), key = kind."""
    g = nx.MultiGraph()
    for r in net.nodes.itertuples(index=False):
        g.add_node(r.actor_id, label=r.name, full_label=r.label, speaker_kind=r.speaker_kind,
                   statements=int(r.statements), claims=int(r.claims))
    for r in net.edges.itertuples(index=False):
        g.add_edge(r.source, r.target, key=r.kind, kind=r.kind, weight=int(r.weight), claims=r.claims)
    return g


def layout(actor_ids: list[str], edges: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Deterministic positions in [-1, 1]²: the linked actors by a seeded spring layout (nodes in
    sorted order) spread over the upper part, kept :data:`GAP` apart so that names do not run
    into each other; actors with no link in view in a row along the bottom."""
    ids = sorted(actor_ids)
    linked = sorted(set(edges["source"]) | set(edges["target"])) if len(edges) else []
    alone = [a for a in ids if a not in set(linked)]
    pos: dict[str, tuple[float, float]] = {}
    top = -0.55 if alone else -1.0  # the linked actors' lowest y
    if len(linked) == 2:
        pos = {linked[0]: (-0.6, (1 + top) / 2), linked[1]: (0.6, (1 + top) / 2)}
    elif linked:
        g = nx.Graph()
        g.add_nodes_from(linked)
        g.add_edges_from(zip(edges["source"], edges["target"]))
        # Kamada-Kawai spaces a dense cluster evenly; actors in separate groups are kept one step
        # further apart than the farthest pair of one group (not infinitely far); seeded spring
        # layout to start from
        hops = dict(nx.all_pairs_shortest_path_length(g))
        far = max(max(d.values()) for d in hops.values()) + 1
        dist = {a: {b: hops[a].get(b, far) for b in linked} for a in linked}
        # one BLAS thread: the optimiser's many small products waited on a second thread (130
        # actors at 100,000 articles: 6 s on a busy 2-core machine, 0.5 s in one; the same
        # result). scipy's optimiser brings its own BLAS: loaded first, to be limited too
        import scipy.optimize  # noqa: F401

        with threadpool_limits(limits=1, user_api="blas"):
            start = nx.spring_layout(g, seed=SEED, iterations=50)
            raw = nx.kamada_kawai_layout(g, dist=dist, pos=start)
        xy = _spread({a: (float(x), float(y)) for a, (x, y) in raw.items()})
        pos = {a: (x, top + (y + 1) / 2 * (1 - top)) for a, (x, y) in xy.items()}
    for i, a in enumerate(alone):  # a row (or rows of 6) along the bottom
        row, col = divmod(i, 6)
        n = min(len(alone) - row * 6, 6)
        pos[a] = (-1 + 2 * (col + 0.5) / n if n > 1 else 0.0, -1.0 + 0.2 * row)
    return {a: (round(x, 6), round(y, 6)) for a, (x, y) in pos.items()}


#: the least distance between two nodes, in the layout's [-1, 1] units
GAP = 0.36


def _rescale(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Positions stretched to fill [-1, 1] on each axis."""
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    def fit(v, lo, hi):
        return 0.0 if hi - lo < 1e-9 else 2 * (v - lo) / (hi - lo) - 1
    return {a: (fit(x, min(xs), max(xs)), fit(y, min(ys), max(ys))) for a, (x, y) in pos.items()}


def _spread(pos: dict[str, tuple[float, float]], rounds: int = 60) -> dict[str, tuple[float, float]]:
    """Push apart nodes closer than :data:`GAP` (after stretching to [-1, 1]): each round every
    close pair at once, each node moved by the sum of its pushes, then stretched again; nodes in
    sorted order: deterministic. (Pair by pair in Python, 150 actors took 0.3 s: 60 rounds of
    11,000 pairs.)"""
    pos = _rescale(pos)
    ids = sorted(pos)
    xy = np.array([pos[a] for a in ids], dtype=float).reshape(-1, 2)
    for _ in range(rounds):
        d = xy[None, :, :] - xy[:, None, :]              # d[a, b]: from a to b
        dist = np.hypot(d[..., 0], d[..., 1])
        a, b = np.nonzero(np.triu(dist < GAP, 1))
        if not len(a):
            break
        apart = dist[a, b]
        unit = np.where((apart > 1e-9)[:, None], d[a, b] / np.maximum(apart, 1e-12)[:, None], np.array([1.0, 0.0]))
        push = ((GAP - apart) / 2)[:, None] * unit
        move = np.zeros_like(xy)
        np.add.at(move, a, -push)
        np.add.at(move, b, push)
        xy = _stretched(xy + move)
    return {k: (float(x), float(y)) for k, (x, y) in zip(ids, xy)}


def _stretched(xy: np.ndarray) -> np.ndarray:
    """:func:`_rescale` of an array of positions (one row a node)."""
    lo, span = xy.min(axis=0), np.ptp(xy, axis=0)
    wide = span >= 1e-9
    return np.where(wide, 2 * (xy - lo) / np.where(wide, span, 1.0) - 1, 0.0)


def graphml(net: Network) -> bytes:
    """GraphML for Gephi (node attributes label, statements…; edge attributes kind, weight, claims)."""
    if "graphml" not in net.derived:
        buf = io.BytesIO()
        nx.write_graphml(graph(net), buf)
        net.derived["graphml"] = buf.getvalue()
    return net.derived["graphml"]


def nodes_csv(net: Network) -> pd.DataFrame:
    """The nodes as Gephi's node table reads them: Id, Label, then attributes."""
    n = net.nodes
    return pd.DataFrame({"Id": n["actor_id"], "Label": n["name"], "full_label": n["label"],
                         "speaker_kind": n["speaker_kind"], "statements": n["statements"],
                         "claims": n["claims"]})


def edges_csv(net: Network) -> pd.DataFrame:
    """The edges as Gephi's edge table reads them: Source, Target, Type, Weight, then attributes."""
    e = net.edges
    return pd.DataFrame({"Source": e["source"], "Target": e["target"], "Type": "Undirected",
                         "Weight": e["weight"], "kind": e["kind"], "claims": e["claims"],
                         "source_label": e["source_label"], "target_label": e["target_label"]})


def summary(net: Network) -> str:
    """One line under the chart: actors, links of each kind, and who is chosen."""
    kinds = net.edges["kind"].value_counts()
    text = (f"{len(net.nodes)} actor(s); {int(kinds.get('agreement', 0))} agreement and "
            f"{int(kinds.get('conflict', 0))} conflict link(s).")
    if net.chosen:
        names = net.nodes.set_index("actor_id")["name"]
        text += " Chosen: " + ", ".join(str(names.get(a, a)) for a in net.chosen) + "."
    return text


def edge_table(net: Network) -> pd.DataFrame:
    """The links for the page's table: actor, actor, link, claims (count), which claims."""
    e = net.edges
    return pd.DataFrame({"actor": e["source_label"], "other actor": e["target_label"], "link": e["kind"],
                         "claims": e["weight"], "which": e["claim_labels"]})


#: how many links the figure draws (``?drawn=``): the strongest first. A browser drawing 7,511
#: links (130 actors at 100,000 articles) took 5.5 s; the table and the downloads keep them all
DRAWN = {"300": "300 strongest", "1000": "1,000 strongest", "all": "All"}


def strongest(net: Network, drawn: str = "300") -> Network:
    """``net`` with only its :data:`DRAWN` strongest links (most claims first, then in the
    order of ``net.edges``: by pair and kind), every actor kept; ``net`` itself when it has no
    more."""
    if drawn not in DRAWN:
        raise ValueError(f"strongest: expected drawn to be one of {sorted(DRAWN)}, got {drawn!r}")
    if drawn == "all" or len(net.edges) <= int(drawn):
        return net
    order = np.argsort(-net.edges["weight"].to_numpy(dtype=np.int64), kind="stable")[:int(drawn)]
    return Network(net.nodes, net.edges.take(np.sort(order)).reset_index(drop=True), net.chosen)


def too_many_to_draw(net: Network) -> bool:
    """Whether ``net`` has more links than the fewest :data:`DRAWN` (the page offers the choice)."""
    return len(net.edges) > min(int(k) for k in DRAWN if k.isdigit())


def drawn_note(drawn: Network, net: Network) -> str:
    """Under the figure when links were left out: "Drawing the 300 strongest of 7,511 links
    (most claims); ..."."""
    if len(drawn.edges) >= len(net.edges):
        return ""
    return (f"Drawing the {len(drawn.edges):,} strongest of {len(net.edges):,} links (those on most "
            "claims); choose more above. The table and the downloads have them all.")


def link_rows(net: Network, query: str | None = None) -> tuple[pd.DataFrame, int]:
    """The links table's page: the first :data:`riwaya.dashboard.listing.SHOWN` links, strongest
    first, whose actors or claims contain ``query``, and how many match."""
    table = edge_table(net)
    order = np.argsort(-table["claims"].to_numpy(dtype=np.int64), kind="stable")
    table = table.take(order)
    texts = table["actor"].astype(str) + " " + table["other actor"].astype(str) + " " + table["which"].astype(str)
    return listing.first_rows(table, texts, query)
