"""Strain and centrality on a small edge set worked out by hand (tests/data/small)."""

from __future__ import annotations

import json

import networkx as nx
import numpy as np
import pytest

from graphkit.analysis.centrality_alg import centrality
from graphkit.analysis.strain_alg import strain
from graphkit.edgeset import load_edge_set
from graphkit.errors import ArgumentError
from graphkit.filters import filter_edges

# The set, as the hand calculations below read it (weight < 0 is hostile):
#   s1 A->B -4   s2 A->B -2   s3 B->A -3   s4 A->C -5
#   s5 C->D -1   s6 B->C +3   s7 D->A +2   s8 B->C -0.5
# Hostile layer, one edge per ordered pair (strain = sum of -weight):
#   A->B 6, B->A 3, A->C 5, C->D 1, B->C 0.5


@pytest.fixture
def small(small_set):
    return load_edge_set(small_set)


def test_strain_ranking_matches_hand_values(small):
    table = strain(small)
    rows = [
        (r.actor_a, r.actor_b, r.strain, r.strain_ab, r.strain_ba, r.hostile, r.cooperative, r.cooperation)
        for r in table.itertuples()
    ]
    assert rows == [
        ("A", "B", 9.0, 6.0, 3.0, 3, 0, 0.0),  # 4 + 2 + 3
        ("A", "C", 5.0, 5.0, 0.0, 1, 0, 0.0),
        ("C", "D", 1.0, 1.0, 0.0, 1, 0, 0.0),
        ("B", "C", 0.5, 0.5, 0.0, 1, 1, 3.0),  # hostile and cooperative kept apart
        ("A", "D", 0.0, 0.0, 0.0, 0, 1, 2.0),  # cooperation only: strain 0, ranked last
    ]
    assert table["rank"].tolist() == [1, 2, 3, 4, 5]


def test_strain_ties_are_broken_by_actor_ids(write_csv):
    path = write_csv("source,target,action,weight\nZ,Y,x,-1\nB,A,x,-1\nC,A,x,-1\n")
    table = strain(load_edge_set(path))
    assert list(zip(table.actor_a, table.actor_b)) == [("A", "B"), ("A", "C"), ("Y", "Z")]
    # the direction split follows alphabetical order: Z->Y is b->a
    assert table.loc[2, ["strain_ab", "strain_ba"]].tolist() == [0.0, 1.0]


def test_strain_top_keeps_the_most_strained(small):
    assert strain(small, top=2)[["actor_a", "actor_b"]].values.tolist() == [["A", "B"], ["A", "C"]]


def test_strain_lists_domains_of_the_pair(write_csv):
    path = write_csv("source,target,action,weight,domain\nA,B,x,-1,trade\nB,A,y,-1,energy\nA,B,z,2,trade\n")
    assert strain(load_edge_set(path))["domains"].tolist() == ["energy,trade"]


def _by_actor(table, column):
    return dict(zip(table["actor"], table[column]))


def test_centrality_strengths_and_degrees_match_hand_values(small):
    table = centrality(small)
    assert _by_actor(table, "hostile_out") == {"A": 11.0, "B": 3.5, "C": 1.0, "D": 0.0}
    assert _by_actor(table, "hostile_in") == {"A": 3.0, "B": 6.0, "C": 5.5, "D": 1.0}
    assert _by_actor(table, "cooperation_out") == {"A": 0.0, "B": 3.0, "C": 0.0, "D": 2.0}
    assert _by_actor(table, "cooperation_in") == {"A": 2.0, "B": 0.0, "C": 3.0, "D": 0.0}
    # distinct partners over any action
    assert _by_actor(table, "degree_out") == {"A": 2, "B": 2, "C": 1, "D": 1}
    assert _by_actor(table, "degree_in") == {"A": 2, "B": 1, "C": 2, "D": 1}
    # sorted by total strain: A 14, C 6.5, B 9.5, D 1
    assert table["actor"].tolist() == ["A", "B", "C", "D"]


def test_betweenness_reads_strain_as_closeness(small):
    # distance = 1/strain. B->C: via A costs 1/3 + 1/5 = 0.53, direct costs 1/0.5 = 2,
    # so A lies on B->C and on B->D (B->A->C->D = 1.53 against B->C->D = 3);
    # C lies on B->D and A->D. Normalised by (n-1)(n-2) = 6: A = C = 2/6.
    # (Unweighted, A would score 0; with strain read as a distance, A would score 0 too.)
    table = centrality(small)
    assert _by_actor(table, "betweenness") == pytest.approx({"A": 1 / 3, "B": 0.0, "C": 1 / 3, "D": 0.0})


def _hostile_matrix():
    order = ["A", "B", "C", "D"]
    m = np.zeros((4, 4))
    for s, t, w in [("A", "B", 6), ("B", "A", 3), ("A", "C", 5), ("C", "D", 1), ("B", "C", 0.5)]:
        m[order.index(s), order.index(t)] = w
    return order, m


def test_pagerank_is_the_weighted_pagerank_of_the_hostile_layer(small):
    # Independent power iteration of the PageRank definition (alpha 0.85,
    # dangling node D spreads its rank evenly).
    order, m = _hostile_matrix()
    out = m.sum(axis=1)
    rank = np.full(4, 0.25)
    for _ in range(500):
        spread = np.where(out[:, None] > 0, m / np.where(out > 0, out, 1)[:, None], 0.0)
        dangling = rank[out == 0].sum() / 4
        rank = 0.15 / 4 + 0.85 * (rank @ spread + dangling)
    table = centrality(small)
    assert _by_actor(table, "pagerank") == pytest.approx(dict(zip(order, rank)), abs=1e-6)


def test_hits_hub_is_aggressor_and_authority_is_target(small):
    order, m = _hostile_matrix()
    hub_vec = np.abs(np.linalg.eigh(m @ m.T)[1][:, -1])
    auth_vec = np.abs(np.linalg.eigh(m.T @ m)[1][:, -1])
    table = centrality(small)
    assert _by_actor(table, "hub") == pytest.approx(dict(zip(order, hub_vec / hub_vec.sum())), abs=1e-6)
    assert _by_actor(table, "authority") == pytest.approx(
        dict(zip(order, auth_vec / auth_vec.sum())), abs=1e-6
    )
    assert table.loc[table["hub"].idxmax(), "actor"] == "A"  # the main aggressor


def test_centrality_computes_only_the_layer_measures_asked_for(small):
    # a page sized by strain asks for none; one sized by betweenness for that one:
    # the strengths are the hand values above (A deals 11, receives 3), the
    # betweenness A = C = 2/6 as in test_betweenness_reads_strain_as_closeness
    none = centrality(small, measures=())
    assert "betweenness" not in none.columns and "pagerank" not in none.columns
    assert _by_actor(none, "hostile_out") == {"A": 11.0, "B": 3.5, "C": 1.0, "D": 0.0}
    assert none["actor"].tolist() == ["A", "B", "C", "D"]
    only = centrality(small, measures={"betweenness"})
    assert [c for c in only.columns if c in ("pagerank", "betweenness", "hub", "authority")] == [
        "betweenness"
    ]
    assert _by_actor(only, "betweenness") == pytest.approx({"A": 1 / 3, "B": 0.0, "C": 1 / 3, "D": 0.0})
    with pytest.raises(ArgumentError, match="measures"):
        centrality(small, measures={"closeness"})


def test_centrality_does_not_see_parallel_edges_as_separate(write_csv):
    # two actions A->B of -1 each must count as one pair with strain 2
    path = write_csv("source,target,action,weight\nA,B,x,-1\nA,B,y,-1\n")
    table = centrality(load_edge_set(path))
    assert _by_actor(table, "hostile_out")["A"] == 2.0
    assert _by_actor(table, "degree_out")["A"] == 1


def test_centrality_without_hostile_actions(write_csv):
    table = centrality(load_edge_set(write_csv("source,target,action,weight\nA,B,x,3\n")))
    assert _by_actor(table, "pagerank") == {"A": 0.5, "B": 0.5}
    assert table["betweenness"].tolist() == [0.0, 0.0]


def test_filters_domain_dates_and_ego(small_set, write_csv):
    es = load_edge_set(small_set)
    # 2024-03 covers March; 2023 ends before; 2025-02-01 after; s6 "2024" and s8
    # "2024-02" run past the bounds: left out (the rule: wholly inside), kept by overlap
    kept = filter_edges(es, since="2024-02-15", until="2024-06")
    assert sorted(kept.edges["id"]) == ["s2", "s3", "s5"]
    assert kept.date_filter.straddling == 2
    kept = filter_edges(es, since="2024-02-15", until="2024-06", overlap=True)
    assert sorted(kept.edges["id"]) == ["s2", "s3", "s5", "s6", "s8"]
    assert sorted(filter_edges(es, actor="D").edges["id"]) == [
        "s4",
        "s5",
        "s7",
    ]  # D, C, A and edges among them
    # tariff, retaliation and sanction are trade actions in the taxonomy
    assert filter_edges(es, domain="trade").edges["id"].tolist() == ["s1", "s3", "s4"]


def test_filter_on_unknown_actor_says_so(small):
    from graphkit.errors import GraphkitError

    with pytest.raises(GraphkitError, match="^actor 'Q' is not an actor of edge set"):
        filter_edges(small, actor="Q")


def test_analysis_does_not_modify_the_edge_set(small):
    before = small.edges.copy()
    strain(small)
    centrality(small)
    assert small.edges.equals(before)


def test_networkx_reads_the_same_strain(small):
    # cross-check: networkx's own weighted degree on our pair graph
    from graphkit.analysis.centrality_alg import hostile_graph
    from graphkit.analysis.pairs import ordered_pairs

    graph = hostile_graph(ordered_pairs(small.edges), ["A", "B", "C", "D"])
    assert dict(graph.out_degree(weight="strain")) == {"A": 11.0, "B": 3.5, "C": 1.0, "D": 0}
    assert isinstance(graph, nx.DiGraph)


def test_hits_on_a_two_actor_feud_is_even_and_stable(write_csv):
    # A <-> B with equal strain: by symmetry each is as much aggressor as target.
    # (scipy's svds, which nx.hits uses, may return negative or NaN scores here.)
    path = write_csv("source,target,action,weight\nA,B,x,-2\nB,A,x,-2\n")
    table = centrality(load_edge_set(path))
    assert _by_actor(table, "hub") == {"A": 0.5, "B": 0.5}
    assert _by_actor(table, "authority") == {"A": 0.5, "B": 0.5}


def test_strain_columns_stay_floats_when_one_direction_is_empty(run):
    result = run("strain", "-", "--format", "json", input="source,target,action,weight\nA,B,x,-10\n")
    [record] = json.loads(result.stdout)
    assert record["strain_ab"] == 10.0 and isinstance(record["strain_ba"], float)


def test_hits_without_hostile_links_is_zero():
    import networkx as nx

    from graphkit.analysis.centrality_alg import hits

    graph = nx.DiGraph()
    graph.add_nodes_from(["A", "B"])
    hub, authority = hits(graph)
    assert hub.tolist() == [0.0, 0.0] and authority.tolist() == [0.0, 0.0]
