"""Links a walk through a hub beats are left out of betweenness: the same values as networkx's
definitions, and as igraph's on the whole layer."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphkit.analysis.centrality_alg import centrality, centrality_from_pairs, hostile_graph
from graphkit.analysis.detours import detour_shorter, off_shortest_paths
from graphkit.edgeset import load_edge_set


def test_detours_by_hand():
    # A=0, B=1, H=2, C=3; link lengths are distances (1/strain)
    links = [
        (0, 2, 1.0),  # A -> H
        (2, 1, 1.0),  # H -> B
        (0, 1, 3.0),  # A -> B: the detour A -> H -> B is 2 < 3: no shortest path takes it
        (2, 3, 1.0),  # H -> C
        (0, 3, 2.0),  # A -> C: ties with A -> H -> C (2 = 2): a shortest path too, kept
        (1, 2, 1.0),  # B -> H
        (1, 3, 5.0),  # B -> C: B -> H -> C is 2 < 5
        (3, 2, 2.0 * (1 - 1e-7)),  # C -> H: nothing through another hub; kept
    ]
    source, target, distance = (np.array(column) for column in zip(*links))
    assert detour_shorter(source, target, distance, 4).tolist() == [
        False,
        False,
        True,
        False,
        False,
        False,
        True,
        False,
    ]


def test_a_detour_shorter_by_less_than_the_margin_is_kept():
    # A -> H -> B is shorter than A -> B by a ten-millionth of its length: within the
    # margin (a millionth), so the link stays, as a path that nearly ties must
    source, target = np.array([0, 2, 0]), np.array([2, 1, 1])
    distance = np.array([1.0, 1.0, 2.0 * (1 + 1e-7)])
    assert not detour_shorter(source, target, distance, 3).any()


def test_a_path_through_a_hub_beats_a_link_no_two_link_detour_does():
    # A=0, B=1, H=2, C=3, D=4; lengths are distances. The hub is the node with the most
    # strain (1/length) dealt and received: H 2 + 2 = 4, C and D 1 + 2 + 0.4 = 3.4, A and
    # B 1 + 0.2 = 1.2. A -> B (5) has no two-link detour through H, but the path
    # A -> C -> H -> D -> B is 1 + 0.5 + 0.5 + 1 = 3 < 5: left out by the second stage.
    # C -> D (2.5): the detour C -> H -> D is 1. Every other link is the only path
    # between its ends: kept.
    links = [
        (0, 1, 5.0),  # A -> B: beaten by the path through H
        (0, 3, 1.0),  # A -> C
        (3, 2, 0.5),  # C -> H
        (2, 4, 0.5),  # H -> D
        (4, 1, 1.0),  # D -> B
        (3, 4, 2.5),  # C -> D: beaten by the detour C -> H -> D
    ]
    source, target, distance = (np.array(column) for column in zip(*links))
    assert detour_shorter(source, target, distance, 5, hubs=1).tolist() == [False] * 5 + [True]
    assert off_shortest_paths(source, target, distance, 5, hubs=1).tolist() == [True] + [False] * 4 + [True]


@st.composite
def _layers(draw):
    """A random hostile layer of up to 14 nodes whose lengths tie often: every length is
    one of a few dyadic numbers (their sums are exact), some nudged by a hundred-millionth
    (inside the margin: such a link must stay)."""
    nodes = draw(st.integers(3, 14))
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, nodes - 1), st.integers(0, nodes - 1)).filter(lambda p: p[0] != p[1]),
            min_size=3,
            max_size=nodes * (nodes - 1),
            unique=True,
        )
    )
    lengths = draw(
        st.lists(
            st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 2.0 * (1 - 1e-8), 3.0 * (1 + 1e-8)]),
            min_size=len(pairs),
            max_size=len(pairs),
        )
    )
    hubs = draw(st.integers(1, 4))
    source, target = (np.array(column, dtype=np.int64) for column in zip(*pairs))
    return nodes, source, target, np.array(lengths), hubs


@given(_layers())
def test_leaving_out_the_beaten_links_changes_no_betweenness(layer):
    import igraph

    nodes, source, target, distance, hubs = layer
    beaten = off_shortest_paths(source, target, distance, nodes, hubs=hubs)

    def raw_betweenness(keep):
        graph = igraph.Graph(
            n=nodes, edges=np.column_stack([source[keep], target[keep]]).tolist(), directed=True
        )
        return np.array(graph.betweenness(directed=True, weights=distance[keep].tolist()))

    whole = raw_betweenness(np.ones(len(distance), dtype=bool))
    pruned = raw_betweenness(~beaten)
    # the same shortest paths: the same sums, up to the order igraph adds them in (fewer links can
    # change it: a review saw 1e-14 on random layers), so equal to far below the printed 6 decimals
    np.testing.assert_allclose(pruned, whole, rtol=1e-12, atol=1e-12)
    # and the definition, independently: networkx's exact comparisons on the whole layer
    graph = nx.DiGraph()
    graph.add_nodes_from(range(nodes))
    graph.add_weighted_edges_from(zip(source.tolist(), target.tolist(), distance.tolist()), weight="distance")
    exact = nx.betweenness_centrality(graph, weight="distance", normalized=False)
    np.testing.assert_allclose(pruned, [exact[v] for v in range(nodes)], rtol=1e-12, atol=1e-12)
    # each link left out is longer than the shortest path between its ends
    lengths = dict(nx.all_pairs_dijkstra_path_length(graph, weight="distance"))
    for i in np.flatnonzero(beaten):
        assert lengths[int(source[i])][int(target[i])] < distance[i]


def _hub_pairs(actors: int, hubs: int, seed: int) -> pd.DataFrame:
    """A hostile layer shaped like real data: a few hubs with strong links to and from
    many actors, and weak links among the rest (strains with a tiny random part, so
    that no two paths tie in length and networkx's exact comparisons agree with igraph's)."""
    rng = np.random.default_rng(seed)
    rows = {}
    for hub in range(hubs):
        for other in rng.choice(np.arange(hubs, actors), size=actors // 3, replace=False):
            rows[(hub, int(other))] = rng.uniform(5, 60)
            rows[(int(other), hub)] = rng.uniform(5, 60)
    for _ in range(actors * 6):
        u, v = (int(x) for x in rng.choice(actors, 2, replace=False))
        rows.setdefault((u, v), rng.uniform(0.1, 6))
    frame = pd.DataFrame(
        [(f"N{u:04d}", f"N{v:04d}", s + rng.random() * 1e-6) for (u, v), s in rows.items()],
        columns=["source", "target", "strain"],
    )
    frame["cooperation"] = 0.0
    return frame.sort_values(["source", "target"]).reset_index(drop=True)


def _actors(ids) -> pd.DataFrame:
    ids = sorted(ids)
    return pd.DataFrame({"id": ids, "name": ids, "kind": "other", "group": ""})


def test_generated_hub_graph_equals_networkx_definitions():
    # 600 actors: above the exact-networkx limit, so igraph computes betweenness over
    # every source (within the budget: exact) on the layer without the beaten links
    pairs = _hub_pairs(600, 6, seed=5)
    actors = _actors(f"N{i:04d}" for i in range(600))
    layer = hostile_graph(pairs, list(actors["id"]))
    distance = np.array([d for _, _, d in layer.edges(data="distance")])
    position = {node: i for i, node in enumerate(layer.nodes())}
    beaten = detour_shorter(
        np.array([position[u] for u, _ in layer.edges()]),
        np.array([position[v] for _, v in layer.edges()]),
        distance,
        layer.number_of_nodes(),
    )
    assert beaten.mean() > 0.25  # the case the detours are for: many links left out (here 31%)

    table = centrality_from_pairs(pairs, actors).set_index("actor")
    assert table.attrs["betweenness"] == "exact"
    exact = pd.Series(nx.betweenness_centrality(layer, weight="distance", normalized=True))
    # stated tolerance: 1e-9 relative (float sums in another order), as for the other measures
    np.testing.assert_allclose(table["betweenness"], exact[table.index], rtol=1e-9, atol=1e-15)
    pagerank = pd.Series(nx.pagerank(layer, weight="strain"))
    np.testing.assert_allclose(table["pagerank"], pagerank[table.index], rtol=0, atol=1e-12)
    hubs, authorities = nx.hits(layer, normalized=True)
    np.testing.assert_allclose(table["hub"], pd.Series(hubs)[table.index], rtol=0, atol=1e-9)
    np.testing.assert_allclose(table["authority"], pd.Series(authorities)[table.index], rtol=0, atol=1e-9)


def test_essay_equals_networkx_definitions():
    essay = load_edge_set("essay")
    table = centrality(essay).set_index("actor")
    from graphkit.analysis.pairs import ordered_pairs

    layer = hostile_graph(ordered_pairs(essay.edges), sorted(essay.actors["id"]))
    exact = pd.Series(nx.betweenness_centrality(layer, weight="distance", normalized=True))
    np.testing.assert_allclose(table["betweenness"], exact[table.index], rtol=1e-9, atol=1e-15)
    pagerank = pd.Series(nx.pagerank(layer, weight="strain"))
    np.testing.assert_allclose(table["pagerank"], pagerank[table.index], rtol=0, atol=1e-12)


@pytest.mark.parametrize("seed", [0, 1])
def test_sampled_betweenness_is_the_same_with_and_without_the_beaten_links(seed, monkeypatch):
    import graphkit.analysis.centrality_alg as module

    pairs = _hub_pairs(700, 8, seed=seed)
    actors = _actors(f"N{i:04d}" for i in range(700))
    monkeypatch.setattr(module, "BETWEENNESS_BUDGET", 1)  # sample the minimum, 500 of 700 sources
    pruned = centrality_from_pairs(pairs, actors, measures=["betweenness"])
    assert pruned.attrs["betweenness"] == "sampled k=500 of 700 sources, seed 0"
    # every link kept: igraph scans the whole layer, as before the detours
    monkeypatch.setattr(module, "off_shortest_paths", lambda s, t, d, n: np.zeros(len(d), dtype=bool))
    whole = centrality_from_pairs(pairs, actors, measures=["betweenness"])
    np.testing.assert_allclose(pruned["betweenness"], whole["betweenness"], rtol=1e-12, atol=0)
