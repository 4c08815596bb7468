"""Betweenness above EXACT_BETWEENNESS_LIMIT actors: networkx's sampling estimator, computed by igraph."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import graphkit.analysis.centrality_alg as centrality_module
from graphkit.analysis.centrality_alg import (
    EXACT_BETWEENNESS_LIMIT,
    _sampled_betweenness,
    betweenness,
    centrality,
)
from graphkit.cli import main
from graphkit.edgeset import load_edge_set


def _random_graph(n: int, m: int, seed: int) -> nx.DiGraph:
    rng = np.random.default_rng(seed)
    graph = nx.DiGraph()
    graph.add_nodes_from(f"N{i:03d}" for i in range(n))
    for _ in range(m):
        u, v = rng.choice(n, 2, replace=False)
        # strains with a tiny random part, so that no two paths tie in length
        strain = round(float(rng.uniform(0.5, 10)), 1) + float(rng.random()) * 1e-6
        graph.add_edge(f"N{u:03d}", f"N{v:03d}", distance=1 / strain)
    return graph


def test_every_source_gives_networkx_exact_betweenness():
    graph = _random_graph(120, 900, seed=1)
    exact = pd.Series(nx.betweenness_centrality(graph, weight="distance", normalized=True))
    estimate = _sampled_betweenness(graph, k=120, seed=0)
    pd.testing.assert_series_equal(estimate.sort_index(), exact.sort_index(), check_exact=False, rtol=1e-9)


def test_sample_is_networkx_estimator_over_the_drawn_sources():
    graph = _random_graph(120, 900, seed=2)
    k, n = 30, 120
    nodes = list(graph.nodes())
    drawn = np.sort(np.random.default_rng(0).choice(n, size=k, replace=False))
    sources = [nodes[i] for i in drawn]
    raw = pd.Series(
        nx.betweenness_centrality_subset(graph, sources, nodes, normalized=False, weight="distance")
    )
    # networkx's scaling for k sampled sources, endpoints excluded (source nodes see k - 1 sources)
    scale = pd.Series({v: 1 / ((k - 1) * (n - 2)) if v in sources else 1 / (k * (n - 2)) for v in nodes})
    estimate = _sampled_betweenness(graph, k=k, seed=0)
    pd.testing.assert_series_equal(
        estimate.sort_index(), (raw * scale).sort_index(), check_exact=False, rtol=1e-9
    )


def _ring_file(tmp_path, actors: int):
    rows = ["source,target,action,weight"]
    for i in range(actors):
        rows.append(f"A{i:04d},A{(i + 1) % actors:04d},sanction,")
        rows.append(f"A{i:04d},A{(i + 7) % actors:04d},criticism,")
    path = tmp_path / "ring.csv"
    path.write_text("\n".join(rows) + "\n")
    return path


def test_small_sets_stay_exact(tmp_path):
    table = centrality(load_edge_set(_ring_file(tmp_path, EXACT_BETWEENNESS_LIMIT)))
    assert table.attrs["betweenness"] == "exact"


def _ring(actors: int) -> nx.DiGraph:
    ring = nx.DiGraph()
    for i in range(actors):
        ring.add_edge(f"A{i:04d}", f"A{(i + 1) % actors:04d}", distance=1 / 8.0)  # sanction
        ring.add_edge(f"A{i:04d}", f"A{(i + 7) % actors:04d}", distance=1 / 2.0)  # criticism
    return ring


def test_within_the_budget_igraph_gives_networkx_exact_values(tmp_path):
    table = centrality(load_edge_set(_ring_file(tmp_path, EXACT_BETWEENNESS_LIMIT + 100)))
    assert table.attrs["betweenness"] == "exact"
    exact = pd.Series(nx.betweenness_centrality(_ring(600), weight="distance", normalized=True))
    got = table.set_index("actor")["betweenness"]
    pd.testing.assert_series_equal(got.sort_index(), exact.sort_index(), check_names=False, rtol=1e-9)


def test_beyond_the_budget_sources_are_sampled(tmp_path):
    ring = _ring(600)
    values, method = betweenness(ring, budget=1200 * 50)  # 1,200 links: 50 sources, raised to the minimum
    assert method == "sampled k=500 of 600 sources, seed 0"
    again, _ = betweenness(ring, budget=1200 * 50)
    pd.testing.assert_series_equal(values, again, check_exact=True)
    # the ring with chords is vertex-transitive: every actor's exact betweenness is the
    # same value, and the (unbiased) estimate must average to it
    exact = nx.betweenness_centrality(ring, weight="distance", normalized=True)["A0000"]
    assert values.mean() == pytest.approx(exact, rel=1e-3)
    _, method = betweenness(ring, budget=1200 * 550)
    assert method == "sampled k=550 of 600 sources, seed 0"


def test_cli_says_when_betweenness_is_sampled(tmp_path, monkeypatch):
    path = _ring_file(tmp_path, EXACT_BETWEENNESS_LIMIT + 100)
    # a budget small enough to sample this ring (the real one samples at thousands of actors)
    monkeypatch.setattr(centrality_module, "BETWEENNESS_BUDGET", 1000)
    result = CliRunner().invoke(main, ["centrality", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert (
        result.stderr
        == "graphkit: betweenness sampled k=500 of 600 sources, seed 0: an estimate (exact on smaller graphs)\n"
    )
    assert "sampled" not in result.stdout
