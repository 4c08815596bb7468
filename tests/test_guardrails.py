"""Guardrails: warnings where a graph's shape makes a measure say nothing, and none where it does not."""

from __future__ import annotations

from graphkit.analysis.balance_alg import signed_ties
from graphkit.analysis.guardrails import (
    MIN_ACTORS,
    balance_warnings,
    centrality_shape_warnings,
    centrality_warnings,
    shape_of,
)
from graphkit.analysis.pairs import ordered_pairs
from graphkit.edgeset import load_edge_set

# Six actors whose ties close two cycles, A-B-C and C-D-E-F (F-C friendly): no star, no forest
CYCLES = """source,target,action,weight
A,B,x,-2
B,C,x,-2
C,A,x,-2
C,D,x,-2
D,E,x,-2
E,F,x,-2
F,C,x,3
"""


def _hostile(edge_set):
    pairs = ordered_pairs(edge_set.edges)
    hostile = pairs[pairs["strain"] > 0]
    return list(zip(hostile["source"], hostile["target"]))


def _ties(edge_set):
    ties = signed_ties(edge_set.edges)
    return list(zip(ties["actor_a"], ties["actor_b"]))


def test_shape_by_hand():
    # a triangle and a tail: 4 actors, 4 ties, one component: 4 - 4 + 1 = 1 cycle
    shape = shape_of([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D")])
    assert (shape.actors, shape.ties, shape.cycles, shape.centre, shape.forest) == (4, 4, 1, None, False)
    # a path of three is a star around its middle
    assert shape_of([("A", "B"), ("C", "B")]).centre == "B"
    assert shape_of([("A", "B")]).centre is None  # two actors: no star to speak of


def test_the_essay_warns_a_star_and_no_cycle():
    # every hostile tie of the essay touches the US (USABUS -> EUR is a sale, 061, cooperative);
    # its signed graph is the US star plus the lone tie EUR-USABUS: a forest
    essay = load_edge_set("essay")
    [star] = centrality_warnings(_hostile(essay))
    assert star.startswith("the hostile layer is a star around USA (all 11 hostile ties touch it, no cycle)")
    [forest] = balance_warnings(_ties(essay))
    assert forest.startswith(
        "no cycle: the signed graph is a forest (16 actors, 15 ties), so frustration is 0"
    )


def test_a_graph_with_cycles_warns_nothing(write_csv):
    edge_set = load_edge_set(write_csv(CYCLES))
    assert len(edge_set.actors) >= MIN_ACTORS
    assert centrality_warnings(_hostile(edge_set)) == []
    assert balance_warnings(_ties(edge_set)) == []


def test_too_few_actors(write_csv):
    # A, B, C in a hostile triangle: a cycle, but 3 actors (fewer than 5)
    edge_set = load_edge_set(write_csv("source,target,action,weight\nA,B,x,-1\nB,C,x,-1\nC,A,x,-1\n"))
    [few] = centrality_warnings(_hostile(edge_set))
    assert few.startswith("the hostile layer has 3 actors (fewer than 5)")
    assert balance_warnings(_ties(edge_set))[0].startswith("the signed graph has 3 actors (fewer than 5)")


def test_shape_of_codes_counts_as_networkx_does():
    # the definition: the undirected simple graph of the ties (loops and repeats dropped),
    # cycles = ties - actors + connected components, as networkx counts them
    import networkx as nx
    import numpy as np

    from graphkit.analysis.guardrails import shape_of_codes

    rng = np.random.default_rng(7)
    for nodes, links in ((40, 30), (40, 120), (200, 150), (6, 40)):
        first, second = rng.integers(0, nodes, links), rng.integers(0, nodes, links)
        names = [f"N{i:03d}" for i in range(nodes)]
        graph = nx.Graph()
        graph.add_edges_from((names[a], names[b]) for a, b in zip(first, second) if a != b)
        shape = shape_of_codes(first, second, names)
        expected = graph.number_of_edges() - graph.number_of_nodes() + nx.number_connected_components(graph)
        assert (shape.actors, shape.ties, shape.cycles) == (
            graph.number_of_nodes(),
            graph.number_of_edges(),
            expected,
        )


def test_centrality_warnings_of_codes_are_those_of_the_whole_shape():
    # the centrality path reads actors, ties and a star's centre without counting
    # components: the same warnings as from the shape, on stars (with repeats, loops and
    # reversed ties), a star plus one tie, tiny layers and random graphs
    import numpy as np

    from graphkit.analysis.guardrails import centrality_warnings_of_codes, shape_of_codes

    names = [f"N{i:03d}" for i in range(50)]
    cases = [
        ([0, 0, 0, 3, 0], [1, 2, 3, 0, 0]),  # a star around N000: N003 both ways, a loop
        ([0, 0, 0, 1], [1, 2, 3, 2]),  # a star and one tie between leaves: a cycle
        ([4, 4], [7, 8]),  # three actors, a star
        ([4], [7]),  # two actors: no star
        ([], []),
    ]
    rng = np.random.default_rng(3)
    cases += [
        (rng.integers(0, n, m).tolist(), rng.integers(0, n, m).tolist())
        for n, m in ((5, 4), (8, 7), (50, 60))
    ]
    for first, second in cases:
        first, second = np.array(first, dtype=np.int64), np.array(second, dtype=np.int64)
        assert centrality_warnings_of_codes(first, second, names) == centrality_shape_warnings(
            shape_of_codes(first, second, names)
        )
    star = centrality_warnings_of_codes(np.array([0, 0, 0, 3]), np.array([1, 2, 3, 0]), names)
    assert star[0].startswith("the hostile layer is a star around N000 (all 3 hostile ties touch it")
