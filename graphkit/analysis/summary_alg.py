"""Network measures per period, with netify's definitions: `graphkit summary`.

netify (R, netify-dev/netify, ``summary.netify`` and ``graph_stats_for_netlet``
in R/summary_helpers.R) summarises a directed weighted network per period as
below; graphkit computes the same on one layer of an edge set's weights. With n
actors in the period and w_ij >= 0 the layer's weight from i to j (i != j):

- ``edges``: ordered pairs with w_ij > 0 (netify's num_edges);
- ``density``: edges / n(n-1);
- ``mean_weight``: sum of w_ij / n(n-1) (every ordered pair, ties or not);
- ``mean_tie_weight``: sum of w_ij / edges (netify's mean_edge_weight);
- ``reciprocity``: Pearson's correlation of w_ij and w_ji over the n(n-1)
  ordered pairs (netify's reciprocity, ``cor(c(mat), c(t(mat)))`` without the
  diagonal); empty when every w_ij is equal (netify: NA);
- ``transitivity``: the global clustering coefficient of the undirected graph
  with an edge where w_ij > 0 or w_ji > 0 (igraph's ``transitivity``, which
  netify calls): 3 x triangles / connected triples; empty without a triple.
"""

from __future__ import annotations

from typing import Literal

import networkx as nx
import numpy as np
import pandas as pd

from ..checks import require_choice
from ..edgeset import EdgeSet, require_edge_set
from ..schema import LAYERS, cooperation_part, strain_part
from .pairs import actor_codes
from .periods import FREQS, Freq, check_period_cells, period_labels, spread_rows

#: The most periods summary measures (a week each for 190 years).
MAX_SUMMARY_PERIODS = 10_000

__all__ = ["AVERAGE_PERIOD", "LAYERS", "SUMMARY_COLUMNS", "network_measures", "summary"]

Layer = Literal["hostile", "cooperative", "all"]
SUMMARY_COLUMNS = [
    "period",
    "actors",
    "edges",
    "density",
    "mean_weight",
    "mean_tie_weight",
    "reciprocity",
    "transitivity",
]
#: The label of the row that averages every column over the periods.
AVERAGE_PERIOD = "average"


def network_measures(n: int, source: np.ndarray, target: np.ndarray, weight: np.ndarray) -> dict:
    """netify's measures (module docstring) of a network of ``n`` actors (codes 0..n-1)
    whose ordered pairs ``source`` -> ``target`` (distinct, i != j) carry ``weight`` > 0;
    every other ordered pair has weight 0."""
    pairs = n * (n - 1)
    keep = weight > 0
    source, target, weight = source[keep], target[keep], weight[keep].astype(float)
    edges = len(weight)
    total = float(weight.sum())
    out: dict[str, float] = {"actors": n, "edges": edges}
    out["density"] = edges / pairs if pairs else np.nan
    out["mean_weight"] = total / pairs if pairs else np.nan
    out["mean_tie_weight"] = total / edges if edges else np.nan
    # w_ji is w_ij permuted: both have the same mean and variance over the n(n-1) pairs
    mean = total / pairs if pairs else np.nan
    variance = float((weight**2).sum()) / pairs - mean**2 if pairs else np.nan
    back = pd.Series(weight, index=source * n + target).reindex(target * n + source).to_numpy()
    cross = float(np.nansum(weight * back)) / pairs if pairs else np.nan
    out["reciprocity"] = (
        (cross - mean**2) / variance if pairs and variance > 1e-15 * max(mean**2, 1) else np.nan
    )
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(zip(source.tolist(), target.tolist()))
    triples = sum(d * (d - 1) for _, d in graph.degree()) / 2
    out["transitivity"] = nx.transitivity(graph) if triples else np.nan
    return out


def _layer_weight(weight: np.ndarray, layer: Layer) -> np.ndarray:
    if layer == "hostile":
        return strain_part(weight)
    if layer == "cooperative":
        return cooperation_part(weight)
    return strain_part(weight) + cooperation_part(weight)


def summary(edge_set: EdgeSet, *, by: Freq = "year", layer: Layer = "all") -> pd.DataFrame:
    """netify's network measures per period on one layer of ``edge_set``.

    ``layer``: ``hostile`` (w = strain), ``cooperative`` (w = cooperation) or
    ``all`` (their sum). A period's actors are every actor with an action in it
    (of any sign, weight 0 included); rows spread over periods as
    :mod:`graphkit.analysis.periods` says. One row per period with a dated
    action, in time order, then the row ``average``: each column's mean over the
    periods (empty values left out). ``attrs["undated"]`` counts the undated
    actions, which no period holds.
    """
    require_edge_set(edge_set)
    require_choice(by, "by", FREQS)
    require_choice(layer, "layer", LAYERS)
    edges = edge_set.edges
    _, source, target = actor_codes(edges)
    weight = _layer_weight(edges["weight"].to_numpy(dtype=float), layer)
    spread = spread_rows(edges, by)
    frame = pd.DataFrame(
        {
            "period": spread.period,
            "source": source[spread.row],
            "target": target[spread.row],
            "weight": weight[spread.row] * spread.share,
        }
    )
    # a network's measures per period cost milliseconds each: at most MAX_SUMMARY_PERIODS
    check_period_cells(
        int(np.unique(spread.period).size),
        "the network measures",
        by,
        MAX_SUMMARY_PERIODS,
        unit="periods",
    )
    rows = []
    for period, group in frame.groupby("period", sort=True):
        codes, actors = pd.factorize(np.concatenate([group["source"], group["target"]]), sort=True)
        half = len(group)
        pairs = pd.DataFrame({"s": codes[:half], "t": codes[half:], "w": group["weight"].to_numpy()})
        pairs = pairs.groupby(["s", "t"], sort=True)["w"].sum().reset_index()
        measures = network_measures(
            len(actors), pairs["s"].to_numpy(), pairs["t"].to_numpy(), pairs["w"].to_numpy()
        )
        rows.append({"period": period_labels(np.array([period]), by)[0], **measures})
    table = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    if len(table):
        average = {"period": AVERAGE_PERIOD, **table[SUMMARY_COLUMNS[1:]].astype(float).mean().to_dict()}
        table = pd.concat([table, pd.DataFrame([average])], ignore_index=True)
    table["actors"] = table["actors"].astype(float)
    table["edges"] = table["edges"].astype(float)
    table.attrs["undated"] = int(spread.undated.sum())
    table.attrs["layer"] = layer
    return table
