"""Centrality per actor, on the aggregated pair graph with hostile and cooperative layers apart."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..actors import infer_actors
from ..checks import require_callable, require_frame
from ..edgeset import EdgeSet, require_edge_set
from ..errors import ArgumentError
from ..io.progress import Progress
from ..scales import with_scale
from ..schema import CENTRALITY_COLUMNS, PAIR_COLUMNS, TIE_DECIMALS
from .detours import off_shortest_paths
from .guardrails import centrality_warnings_of_codes
from .hostile_layer import HostileLayer, hostile_layer_of_codes, pagerank_scores, pair_codes
from .pairs import ordered_pairs
from .units import Unit, count_units

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "BETWEENNESS_BUDGET",
    "BETWEENNESS_SAMPLES",
    "EXACT_BETWEENNESS_LIMIT",
    "LAYER_MEASURES",
    "PairCodes",
    "betweenness",
    "centrality",
    "centrality_from_pairs",
    "centrality_of_codes",
    "hits",
]

# Betweenness runs one Dijkstra per source actor: in networkx (Python) that takes
# minutes at a few thousand actors, in igraph (C) about 5 ns per edge and source on
# a 2-core machine. Up to EXACT_BETWEENNESS_LIMIT actors networkx computes it
# exactly; above, igraph uses as many sources as BETWEENNESS_BUDGET (sources x
# hostile links, ~1.3 s) allows, all of them when it can (exact), else at least
# BETWEENNESS_SAMPLES drawn with a fixed seed (deterministic). tests/bench/
# bench_scale.py prints the sample's Spearman correlation with the exact values.
EXACT_BETWEENNESS_LIMIT = 500
#: The measures computed on the hostile layer, which ``centrality(measures=...)`` may skip.
LAYER_MEASURES = frozenset({"pagerank", "betweenness", "hub", "authority"})
BETWEENNESS_BUDGET = 250_000_000
BETWEENNESS_SAMPLES = 500
BETWEENNESS_SEED = 0


def hostile_graph(pairs: pd.DataFrame, actors: list[str]) -> nx.DiGraph:
    """The hostile layer: an edge a -> b wherever a's actions on b carry strain,
    with ``strain`` (strength), ``distance`` = 1/strain, and ``weight`` = strain
    (``hits`` reads ``weight`` whether asked or not, so it is set on purpose)."""
    import networkx as nx

    graph: nx.DiGraph = nx.DiGraph()
    graph.add_nodes_from(actors)
    hostile = pairs[pairs["strain"] > 0]
    graph.add_edges_from(
        (source, target, {"strain": value, "weight": value, "distance": 1.0 / value})
        for source, target, value in zip(
            hostile["source"], hostile["target"], hostile["strain"].astype(float).tolist()
        )
    )
    return graph


def _layer(graph: nx.DiGraph | HostileLayer, weight: str) -> HostileLayer:
    return graph if isinstance(graph, HostileLayer) else HostileLayer.from_graph(graph, weight)


def betweenness(
    graph: nx.DiGraph | HostileLayer,
    *,
    budget: int | None = None,
    samples: int | None = None,
    seed: int = BETWEENNESS_SEED,
) -> tuple[pd.Series, str]:
    """Normalised betweenness of every node of the hostile layer (distance = 1/strain),
    and how it was computed.

    Exact (networkx) up to EXACT_BETWEENNESS_LIMIT nodes. Above, igraph runs
    ``k = budget // edges`` sources (BETWEENNESS_BUDGET), at least ``samples``
    (BETWEENNESS_SAMPLES): all nodes when k reaches their number (exact), else k
    nodes drawn with ``seed`` (the estimator and scaling of networkx's
    ``betweenness_centrality(k=...)``). The text is ``"exact"`` or
    ``"sampled k=K of N sources, seed S"``.
    """
    budget = BETWEENNESS_BUDGET if budget is None else budget
    samples = BETWEENNESS_SAMPLES if samples is None else samples
    if isinstance(graph, HostileLayer):
        n, links = graph.node_count, graph.edge_count
    else:
        n, links = graph.number_of_nodes(), graph.number_of_edges()
    if n <= EXACT_BETWEENNESS_LIMIT:
        if isinstance(graph, HostileLayer):  # small: networkx's exact algorithm, on its own graph
            graph = _graph_of(graph)
        import networkx as nx  # only here: a fifth of a second of start-up otherwise

        return pd.Series(nx.betweenness_centrality(graph, weight="distance", normalized=True)), "exact"
    k = min(n, max(samples, budget // max(links, 1)))
    if k == n:
        return _sampled_betweenness(graph, n, seed), "exact"
    return _sampled_betweenness(graph, k, seed), f"sampled k={k} of {n} sources, seed {seed}"


def _graph_of(layer: HostileLayer) -> nx.DiGraph:
    import networkx as nx

    graph: nx.DiGraph = nx.DiGraph()
    graph.add_nodes_from(layer.nodes)
    graph.add_edges_from(
        (layer.nodes[u], layer.nodes[v], {"strain": w, "weight": w, "distance": 1.0 / w})
        for u, v, w in zip(layer.source.tolist(), layer.target.tolist(), layer.strain.tolist())
    )
    return graph


def _sampled_betweenness(graph: nx.DiGraph | HostileLayer, k: int, seed: int) -> pd.Series:
    import igraph

    if isinstance(graph, HostileLayer):
        nodes = graph.nodes
        source, target, distance = graph.source, graph.target, 1.0 / graph.strain
    else:
        nodes = list(graph.nodes())
        position = {node: i for i, node in enumerate(nodes)}
        source = np.array([position[u] for u, _ in graph.edges()], dtype=np.int64)
        target = np.array([position[v] for _, v in graph.edges()], dtype=np.int64)
        distance = np.array([float(data["distance"]) for _, _, data in graph.edges(data=True)], dtype=float)
    sources = np.sort(np.random.default_rng(seed).choice(len(nodes), size=k, replace=False))
    # links that a walk through a hub beats lie on no shortest path: the same paths, fewer scans
    kept = ~off_shortest_paths(source, target, distance, len(nodes))
    links = np.column_stack([source[kept], target[kept]])
    raw = np.asarray(
        igraph.Graph(n=len(nodes), edges=links.tolist(), directed=True).betweenness(
            directed=True, weights=distance[kept].tolist(), sources=sources.tolist()
        ),
        dtype=float,
    )
    # networkx's _rescale for normalized, directed, endpoints=False, with k sources
    n = len(nodes)
    scale = np.full(n, 1.0 / (k * (n - 2)))
    scale[sources] = 1.0 / ((k - 1) * (n - 2)) if k > 1 else np.nan
    return pd.Series(raw * scale, index=nodes)


def hits(
    graph: nx.DiGraph | HostileLayer, *, max_iter: int = 10_000, tol: float = 1e-13
) -> tuple[pd.Series, pd.Series]:
    """HITS hub and authority scores of the hostile layer (edge weight = strain),
    each summing to 1.

    Kleinberg's power iteration from a uniform start, rather than ``nx.hits``:
    that one starts scipy's ``svds`` from a random vector, so its last digits
    change from run to run, and where the leading singular value is repeated (a
    two-actor feud A <-> B) it can return negative or NaN scores. From a uniform,
    non-negative start every iterate stays non-negative and the result is the
    same on every run.
    """
    layer = _layer(graph, "strain")
    nodes = layer.nodes
    if layer.edge_count == 0:
        zeros = pd.Series(0.0, index=nodes, dtype=float)
        return zeros, zeros.copy()
    matrix = layer.matrix
    hub = np.full(len(nodes), 1.0 / len(nodes))
    authority = hub
    for _ in range(max_iter):
        authority = matrix.T @ hub
        authority /= authority.sum()
        new_hub = matrix @ authority
        new_hub /= new_hub.sum()
        converged = np.abs(new_hub - hub).sum() < tol
        hub = new_hub
        if converged:
            break
    # the iteration stops within tol: a score below it (2e-16 for an actor no hostile
    # link reaches) is 0 within its precision, and is reported as 0, as the CLI shows it
    hub = np.where(hub < tol, 0.0, hub)
    authority = np.where(authority < tol, 0.0, authority)
    return pd.Series(hub, index=nodes), pd.Series(authority, index=nodes)


def centrality(
    edge_set: EdgeSet | pd.DataFrame,
    *,
    unit: Unit = "action",
    progress: Progress | None = None,
    measures: Collection[str] | None = None,
    scale: str = "goldstein",
) -> pd.DataFrame:
    """Centrality of every actor of ``edge_set``, one row per actor.

    Computed on a graph with one edge per ordered pair (never on the multigraph):
    ``hostile_out``/``hostile_in`` sum the strain an actor deals and receives,
    ``cooperation_out``/``cooperation_in`` the positive weights; ``degree_out``/
    ``degree_in`` count distinct partners with any action. On the hostile layer
    (edge weight = strain): ``pagerank``, ``betweenness`` (normalised, with distance
    1/strain, so strained links are short), ``hub`` (HITS: aggressors) and
    ``authority`` (HITS: targets). Sorted by total strain (in + out), descending,
    ties by actor id. On large graphs betweenness is sampled (see :func:`betweenness`);
    ``frame.attrs["betweenness"]`` says how it was computed. ``unit`` says what
    counts once (:func:`graphkit.analysis.units.count_units`): every action (the
    default), every claim, or every action type. ``measures`` (default: all) names
    the measures of the hostile layer to compute (``pagerank``, ``betweenness``,
    ``hub``, ``authority``); the others are left out of the frame, whose remaining
    values are the same (a page sized by strain needs no sampled betweenness).

    ``edge_set`` may also be a DataFrame of edges (``source``, ``target``, ``weight``,
    e.g. ``edge_set.edges`` filtered with pandas), as :func:`~graphkit.analysis.balance_alg.balance`
    takes; its actors are then named as a file without actors.csv would name them.
    ``scale`` weighs the rows first (:func:`graphkit.scales.with_scale`).

    ``frame.attrs["warnings"]`` lists what the hostile layer's shape makes of
    PageRank, betweenness and HITS (:func:`graphkit.analysis.guardrails.centrality_warnings`:
    a star, fewer than 5 actors); the library returns them and never prints.
    """
    if isinstance(edge_set, pd.DataFrame):
        require_frame(edge_set, "edge_set", ("source", "target", "weight"))
        ids = sorted(pd.unique(pd.concat([edge_set["source"], edge_set["target"]], ignore_index=True)))
        edge_set = EdgeSet("frame", edge_set, infer_actors([str(a) for a in ids if a != ""]))
    require_edge_set(edge_set)
    require_callable(progress, "progress")
    measures = _check_measures(measures)
    edges = count_units(with_scale(edge_set.edges, scale), unit)
    if progress:
        progress(f"aggregating {len(edges):,} edges to pairs")
    pairs = ordered_pairs(edges) if len(edges) else _no_pairs()
    return centrality_from_pairs(pairs, edge_set.actors, progress=progress, measures=measures)


def _check_measures(measures: Collection[str] | None) -> frozenset[str]:
    if measures is None:
        return LAYER_MEASURES
    if isinstance(measures, str) or not hasattr(measures, "__iter__"):
        raise ArgumentError(
            "measures", f"{measures!r}: give a list, some of {', '.join(sorted(LAYER_MEASURES))}"
        )
    if not all(isinstance(m, str) for m in measures):
        raise ArgumentError(
            "measures", f"{measures!r}: give names, some of {', '.join(sorted(LAYER_MEASURES))}"
        )
    unknown = sorted(set(measures) - LAYER_MEASURES)
    if unknown or isinstance(measures, str):
        raise ArgumentError("measures", f"{measures!r}: use some of {', '.join(sorted(LAYER_MEASURES))}")
    return frozenset(measures)


def centrality_from_pairs(
    pairs: pd.DataFrame,
    actors_table: pd.DataFrame,
    *,
    progress: Progress | None = None,
    measures: Collection[str] | None = None,
) -> pd.DataFrame:
    """:func:`centrality` from the sums of :func:`graphkit.analysis.pairs.ordered_pairs`
    (one row per ordered pair) and an actors table (``id``, ``name``, ``kind``, ``group``);
    ``progress`` is called with a message per stage; ``measures`` as in :func:`centrality`."""
    actors = sorted(actors_table["id"].astype(str))
    source, target, nodes = pair_codes(pairs["source"], pairs["target"], actors)
    return centrality_of_codes(
        PairCodes(
            source, target, pairs["strain"].to_numpy(float), pairs["cooperation"].to_numpy(float), nodes
        ),
        actors_table,
        progress=progress,
        measures=measures,
    )


@dataclass(frozen=True)
class PairCodes:
    """Ordered pairs ``source[i] -> target[i]`` (positions in ``nodes``: first the
    actors, sorted, then any other end) with their summed ``strain`` and ``cooperation``,
    one row per pair, sorted by source then target."""

    source: np.ndarray
    target: np.ndarray
    strain: np.ndarray
    cooperation: np.ndarray
    nodes: list[str]


def centrality_of_codes(
    pairs: PairCodes,
    actors_table: pd.DataFrame,
    *,
    progress: Progress | None = None,
    measures: Collection[str] | None = None,
) -> pd.DataFrame:
    """:func:`centrality_from_pairs` of pairs given as integer positions: no string
    is looked up or grouped (the DuckDB engine's pairs come this way)."""
    report = progress or (lambda message: None)
    wanted = _check_measures(measures)
    actors = sorted(actors_table["id"].astype(str))
    if pairs.nodes[: len(actors)] != actors:
        raise ArgumentError("pairs", "its nodes must start with the actors table's ids, sorted")
    known = len(actors)
    # pandas' groupby sums (compensated, in row order), on integer keys as on the ids
    sums = pd.DataFrame({"strain": pairs.strain, "cooperation": pairs.cooperation})
    by_source, by_target = sums.groupby(pairs.source), sums.groupby(pairs.target)
    within = pd.RangeIndex(known)
    frame = pd.DataFrame(
        {
            "hostile_out": by_source["strain"].sum().reindex(within, fill_value=0.0).to_numpy(),
            "hostile_in": by_target["strain"].sum().reindex(within, fill_value=0.0).to_numpy(),
            "cooperation_out": by_source["cooperation"].sum().reindex(within, fill_value=0.0).to_numpy(),
            "cooperation_in": by_target["cooperation"].sum().reindex(within, fill_value=0.0).to_numpy(),
            "degree_out": np.bincount(pairs.source[pairs.source < known], minlength=known).astype(np.int64),
            "degree_in": np.bincount(pairs.target[pairs.target < known], minlength=known).astype(np.int64),
        },
        index=pd.Index(actors, name="actor"),
    )

    method = "exact"
    if wanted:
        report(f"building the hostile layer of {len(pairs.source):,} pairs")
        # links weigh their strain at the ranking's precision: sums the engines add in
        # another order (pandas' floats, DuckDB's exact decimals) differ in the last bits,
        # and betweenness counts two paths as tied only when their lengths are equal
        strain = np.round(pairs.strain, TIE_DECIMALS)
        graph = hostile_layer_of_codes(pairs.source, pairs.target, strain, pairs.nodes, known)
        if graph.edge_count:
            if "pagerank" in wanted:
                report(f"pagerank on {graph.node_count:,} actors, {graph.edge_count:,} hostile links")
                frame["pagerank"] = pagerank_scores(graph)
            if "betweenness" in wanted:
                report("betweenness")
                frame["betweenness"], method = betweenness(graph)
            if wanted & {"hub", "authority"}:
                report("hits")
                frame["hub"], frame["authority"] = hits(graph)
        else:
            frame["pagerank"] = 1.0 / len(actors) if actors else 0.0
            frame["betweenness"] = frame["hub"] = frame["authority"] = 0.0

    meta = actors_table.set_index("id")
    frame["name"] = meta["name"].reindex(frame.index).fillna(pd.Series(frame.index, index=frame.index))
    frame["kind"] = meta["kind"].reindex(frame.index).fillna("other")
    frame["group"] = meta["group"].reindex(frame.index).fillna("")
    frame = frame.reset_index()
    # ranked at the strain ranking's precision: the same totals summed in another order (pandas'
    # floats, DuckDB's exact decimals) differ in the last bit, and ties go by id
    frame["_total"] = (frame["hostile_out"] + frame["hostile_in"]).round(TIE_DECIMALS)
    frame = frame.sort_values(["_total", "actor"], ascending=[False, True], kind="stable")
    frame = frame[[c for c in CENTRALITY_COLUMNS if c not in LAYER_MEASURES - wanted]]
    frame = frame.reset_index(drop=True)
    if "betweenness" in wanted:
        frame.attrs["betweenness"] = method
    if wanted:
        # what the layer's shape makes of its measures (a star, too few actors): said, never printed
        frame.attrs["warnings"] = centrality_warnings_of_codes(graph.source, graph.target, graph.nodes)
    return frame


def _no_pairs() -> pd.DataFrame:
    return pd.DataFrame(
        {c: pd.Series(dtype=float if c in ("strain", "cooperation") else object) for c in PAIR_COLUMNS}
    )
