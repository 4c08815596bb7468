"""The hostile layer as arrays: actors, directed links weighted by strain, a sparse matrix.

Built once from the ordered pairs and read by PageRank, HITS and betweenness,
without a networkx graph in between: at 5,000 actors and half a million hostile
links, building the networkx graph and turning it back into a matrix (twice)
took longer than every measure together.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    import networkx as nx
    import scipy.sparse

__all__ = ["HostileLayer", "hostile_layer", "hostile_layer_of_codes", "pagerank_scores", "pair_codes"]


@dataclass(frozen=True)
class HostileLayer:
    """Directed links ``source[i] -> target[i]`` (indices into ``nodes``) with
    ``strain[i] > 0``, in networkx's edge order (by source's position in ``nodes``,
    then in the order the links were given)."""

    nodes: list[str]
    source: np.ndarray
    target: np.ndarray
    strain: np.ndarray

    @property
    def node_count(self) -> int:
        return len(self.nodes)

    @property
    def edge_count(self) -> int:
        return len(self.source)

    @cached_property
    def matrix(self) -> scipy.sparse.csr_array:
        """The n x n matrix of strains (row = source), built as networkx's
        ``to_scipy_sparse_array`` builds it, so sums run in the same order."""
        import scipy.sparse

        n = self.node_count
        return scipy.sparse.coo_array(
            (self.strain.astype(float), (self.source, self.target)), shape=(n, n), dtype=float
        ).asformat("csr")

    @classmethod
    def from_graph(cls, graph: nx.DiGraph, weight: str = "strain") -> HostileLayer:
        """The layer of a networkx graph whose edges carry ``weight`` (default 1)."""
        nodes = list(graph.nodes())
        position = {node: i for i, node in enumerate(nodes)}
        edges = list(graph.edges(data=weight, default=1.0))
        return cls(
            nodes,
            np.array([position[u] for u, _, _ in edges], dtype=np.int64),
            np.array([position[v] for _, v, _ in edges], dtype=np.int64),
            np.array([w for _, _, w in edges], dtype=float),
        )


def hostile_layer(pairs: pd.DataFrame, actors: list[str]) -> HostileLayer:
    """The links of ``pairs`` (``source``, ``target``, ``strain``, one row per ordered
    pair) that carry strain, among ``actors`` (then any endpoint not among them, in
    order of appearance, as networkx's ``add_edges_from`` would add it)."""
    source, target, nodes = pair_codes(pairs["source"], pairs["target"], actors)
    return hostile_layer_of_codes(source, target, pairs["strain"].to_numpy(float), nodes, len(actors))


def pair_codes(
    source: pd.Series, target: pd.Series, actors: list[str]
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Each pair's ends as positions in ``nodes``: ``actors`` (as given), then the ends
    not among them, sorted. Factorized first: a few thousand distinct ids are looked
    up, not every pair's (the lookup of 600,000 strings took a third of a second)."""
    codes, uniques = pd.factorize(pd.concat([source, target], ignore_index=True).to_numpy(dtype=object))
    names = [str(u) for u in uniques]
    nodes = list(actors)
    position = pd.Index(nodes).get_indexer(names)
    if (position < 0).any():
        extra = sorted(name for name, p in zip(names, position) if p < 0)
        nodes += extra
        position = pd.Index(nodes).get_indexer(names)
    ends = position.astype(np.int64)[codes]
    return ends[: len(source)], ends[len(source) :], nodes


def hostile_layer_of_codes(
    source: np.ndarray, target: np.ndarray, strain: np.ndarray, nodes: list[str], known: int
) -> HostileLayer:
    """:func:`hostile_layer` of pairs given as positions ``source[i] -> target[i]`` in
    ``nodes``, of which the first ``known`` are the actors: the links with
    ``strain > 0``, among those actors, then any other end of a link in order of
    appearance (source before target)."""
    hostile = np.asarray(strain, dtype=float) > 0
    s = np.asarray(source, dtype=np.int64)[hostile]
    t = np.asarray(target, dtype=np.int64)[hostile]
    weight = np.asarray(strain, dtype=float)[hostile]
    layer_nodes = list(nodes[:known])
    if len(s) and max(s.max(), t.max()) >= known:
        ends = np.column_stack([s, t]).ravel()
        outside = ends[ends >= known]
        _, first = np.unique(outside, return_index=True)
        appearing = outside[np.sort(first)]
        place = np.arange(len(nodes), dtype=np.int64)
        place[appearing] = known + np.arange(len(appearing))
        s, t = place[s], place[t]
        layer_nodes += [nodes[i] for i in appearing]
    order = np.argsort(s, kind="stable")
    return HostileLayer(layer_nodes, s[order], t[order], weight[order])


def pagerank_scores(
    layer: HostileLayer, *, alpha: float = 0.85, max_iter: int = 100, tol: float = 1.0e-6
) -> pd.Series:
    """PageRank of every node with edge weight = strain: networkx's ``pagerank``
    (its scipy power iteration, uniform start and teleport, dangling nodes spread
    evenly), step for step, on the layer's matrix.

    Raises ``networkx.PowerIterationFailedConvergence`` after ``max_iter`` steps,
    as networkx does.
    """
    import scipy.sparse

    n = layer.node_count
    if n == 0:
        return pd.Series(dtype=float)
    matrix = layer.matrix
    out = matrix.sum(axis=1)
    out[out != 0] = 1.0 / out[out != 0]
    matrix = scipy.sparse.dia_array((out.T, 0), shape=matrix.shape).tocsr() @ matrix
    x = np.repeat(1.0 / n, n)
    p = np.repeat(1.0 / n, n)
    dangling = np.where(out == 0)[0]
    for _ in range(max_iter):
        last = x
        # the builtin sum, as networkx adds the dangling mass (in order, not pairwise)
        x = alpha * (x @ matrix + sum(x[dangling]) * p) + (1 - alpha) * p
        if np.absolute(x - last).sum() < n * tol:
            return pd.Series(x, index=layer.nodes)
    import networkx as nx

    raise nx.PowerIterationFailedConvergence(max_iter)
