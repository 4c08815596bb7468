"""PageRank, HITS and betweenness read the hostile layer's arrays as they read networkx's graph."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from graphkit.analysis.centrality_alg import _sampled_betweenness, hits, hostile_graph
from graphkit.analysis.hostile_layer import HostileLayer, hostile_layer, pagerank_scores


def _pairs(n: int, m: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    s, t = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = s != t
    frame = pd.DataFrame({"source": s[keep], "target": t[keep]}).drop_duplicates()
    frame["strain"] = np.where(rng.random(len(frame)) < 0.3, 0.0, rng.uniform(0.1, 30, len(frame)))
    frame["source"] = [f"N{i:03d}" for i in frame["source"]]
    frame["target"] = [f"N{i:03d}" for i in frame["target"]]
    return frame.sort_values(["source", "target"]).reset_index(drop=True)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_pagerank_equals_networkx(seed):
    pairs = _pairs(300, 2000, seed)
    actors = [f"N{i:03d}" for i in range(300)]  # some have no hostile link: dangling or isolated
    expected = pd.Series(nx.pagerank(hostile_graph(pairs, actors), weight="strain"))
    got = pagerank_scores(hostile_layer(pairs, actors))
    assert list(got.index) == actors
    assert np.abs(got - expected[got.index]).max() < 1e-12


def test_layer_keeps_networkx_edge_order_and_unknown_endpoints():
    pairs = pd.DataFrame({"source": ["B", "A", "Z"], "target": ["A", "B", "A"], "strain": [1.0, 2.0, 3.0]})
    layer = hostile_layer(pairs, ["A", "B"])
    graph = hostile_graph(pairs, ["A", "B"])
    # networkx adds Z after the given actors and lists edges by source's position
    assert layer.nodes == list(graph.nodes()) == ["A", "B", "Z"]
    assert [(layer.nodes[u], layer.nodes[v]) for u, v in zip(layer.source, layer.target)] == list(
        graph.edges()
    )


def test_hits_and_betweenness_equal_on_layer_and_graph():
    pairs = _pairs(120, 900, 3)
    actors = sorted(set(pairs["source"]) | set(pairs["target"]))
    graph, layer = hostile_graph(pairs, actors), hostile_layer(pairs, actors)
    for a, b in zip(hits(graph), hits(layer)):
        pd.testing.assert_series_equal(a, b, check_exact=True)
    pd.testing.assert_series_equal(
        _sampled_betweenness(graph, 40, 0), _sampled_betweenness(layer, 40, 0), check_exact=True
    )
    assert isinstance(HostileLayer.from_graph(graph), HostileLayer)
