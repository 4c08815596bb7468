"""What a notebook user asked for (issue 18): an edge set from a DataFrame, a networkx
graph with every attribute, a short repr, centrality of a DataFrame, 0 where it is 0."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import graphkit as gk


@pytest.fixture(scope="module")
def essay():
    return gk.load_edge_set("essay")


def _same_measures(a, b):
    pd.testing.assert_frame_equal(gk.strain(a), gk.strain(b))
    pd.testing.assert_frame_equal(gk.centrality(a), gk.centrality(b))


def test_from_frame_round_trips_the_essay(essay):
    again = gk.from_frame(essay.edges, essay.actors, essay.source_text, name="essay")
    _same_measures(again, essay)


def test_from_frame_checks_a_frame_as_a_file():
    # hand-made: a tariff from USA to CHN; tariff is CAMEO 163, -8.0, in graphkit/data/taxonomy.csv
    edges = pd.DataFrame({"source": ["USA"], "target": ["CHN"], "action": ["tariff"]})
    es = gk.from_frame(edges)
    assert es.edges["weight"].tolist() == [-8.0]
    assert set(es.actors["id"]) == {"USA", "CHN"}
    # an unknown action is the file's error, on the row's CSV line (row 0 is line 2)
    bad = pd.DataFrame({"source": ["USA"], "target": ["CHN"], "action": ["hug"]})
    with pytest.raises(gk.EdgeSetError) as err:
        gk.from_frame(bad)
    assert str(err.value.problems[0]).startswith("edges:2:")
    with pytest.raises(gk.ArgumentError, match="edges"):
        gk.from_frame([{"source": "USA"}])
    # a quote not in the source text is a problem, as with a source.txt
    quoted = edges.assign(quote=["raised tariffs"])
    with pytest.raises(gk.EdgeSetError, match="source_text"):
        gk.from_frame(quoted, source_text="Nothing about trade here.")


def test_to_networkx_action_level_round_trips_the_essay(essay):
    graph = gk.to_networkx(essay, level="action")
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_edges() == len(essay.edges)
    assert graph.number_of_nodes() == len(essay.actors)
    # every attribute: the action's columns, its signed weight as goldstein
    frame = nx.to_pandas_edgelist(graph)
    frame = frame.rename(columns={"goldstein": "weight"}).drop(columns=["strain", "cooperation"])
    frame = frame.set_index("id").loc[essay.edges["id"]].reset_index()
    columns = list(essay.edges.columns)
    again = gk.from_frame(frame[columns], essay.actors, essay.source_text, name="essay")
    _same_measures(again, essay)


def test_to_networkx_pair_level_holds_the_pair_sums(essay):
    graph = gk.to_networkx(essay, level="pair")
    assert type(graph) is nx.DiGraph
    table = gk.strain(essay)
    # a pair's strain is the sum of both directions' strain
    for row in table.itertuples(index=False):
        both = sum(
            graph.edges[u, v]["strain"]
            for u, v in ((row.actor_a, row.actor_b), (row.actor_b, row.actor_a))
            if graph.has_edge(u, v)
        )
        assert both == pytest.approx(row.strain)
    with pytest.raises(gk.ArgumentError, match="level"):
        gk.to_networkx(essay, level="claim")


def test_repr_is_one_short_line():
    # hand-made: two actions among three actors
    edges = pd.DataFrame({"source": ["USA", "CHN"], "target": ["CHN", "JPN"], "action": ["tariff", "tariff"]})
    assert repr(gk.from_frame(edges)) == "EdgeSet('frame': 2 actions between 3 actors)"


def test_centrality_takes_a_dataframe_as_balance_does(essay):
    by_frame = gk.centrality(essay.edges)
    by_set = gk.centrality(essay)
    measures = [c for c in by_set.columns if c not in ("name", "kind", "group")]
    pd.testing.assert_frame_equal(by_frame[measures], by_set[measures])
    with pytest.raises(gk.ArgumentError, match="edge_set"):
        gk.centrality(essay.edges.drop(columns=["weight"]))


def test_scores_below_the_iterations_precision_are_zero():
    # hand-made: A and B attack C; nobody attacks A or B, so their authority is 0,
    # and C attacks nobody, so its hub score is 0: exactly 0, not 2e-16
    edges = pd.DataFrame({"source": ["A", "B"], "target": ["C", "C"], "weight": [-5.0, -5.0]})
    table = gk.centrality(edges).set_index("actor")
    assert table.loc["A", "authority"] == 0.0
    assert table.loc["B", "authority"] == 0.0
    assert table.loc["C", "hub"] == 0.0
    assert table.loc["C", "authority"] == 1.0


def test_every_result_class_is_exported_with_to_dict(essay):
    results = {
        "Balance": gk.balance(essay),
        "EdgeSetDiff": gk.diff_edge_sets(essay, essay, with_centrality=False),
        "Agreement": gk.intercoder_agreement(essay, essay),
        "ScoreResult": gk.score(essay, essay),
        "ExtractResult": gk.extract_edge_set("The United States imposed tariffs on China."),
        "DateFilterReport": gk.filter_edges(essay, since="2025").date_filter,
    }
    for name, result in results.items():
        assert isinstance(result, getattr(gk, name)), name
        data = result.to_dict()
        assert isinstance(data, dict) and data, name
    # tabular results also give a DataFrame; a set scored against itself scores 1 (by hand)
    frame = results["ScoreResult"].to_frame()
    assert frame["level"].tolist() == ["triples_sign", "triples_type", "pairs"]
    assert frame["f1"].tolist() == [1.0, 1.0, 1.0]
    assert list(results["Balance"].to_frame().columns) == ["actor", "camp", "unbalanced_triangles"]
    assert results["Agreement"].to_frame()["percent_agreement"].eq(100.0).all()
    assert results["EdgeSetDiff"].to_dict()["differs"] is False
