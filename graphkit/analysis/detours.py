"""Links no shortest path can take: a detour through a hub is shorter.

Betweenness runs one Dijkstra per sampled source over every link of the
hostile layer. In a layer with a few strongly strained hubs most links are
longer than the detour through a hub (a weak link A -> B, distance 1/strain,
beside A -> USA -> B over two strong ones), so no shortest path takes them:
left out, every shortest path and its length stay the same, and each Dijkstra
scans a fraction of the links (at 1M rows / 5,000 actors, 93,000 of 528,000).
"""

from __future__ import annotations

import numpy as np

__all__ = ["HUBS", "detour_shorter"]

#: How many hubs (actors with the most strain, dealt and received) the detours go through.
HUBS = 32
# A link is left out only when a detour is shorter by a millionth of the link's length
# and by 1e-8 of the longest possible path (the n - 1 longest links end to end): far
# beyond float rounding (1e-16) and igraph's tie tolerance (two lengths within 1e-10 of
# their sum count as equal), so no path that ties with a shortest one is ever lost.
RELATIVE_MARGIN = 1e-6
PATH_MARGIN = 1e-8


def detour_shorter(
    source: np.ndarray, target: np.ndarray, distance: np.ndarray, nodes: int, *, hubs: int = HUBS
) -> np.ndarray:
    """True for each link ``source[i] -> target[i]`` (of length ``distance[i] > 0``,
    at most one link per ordered pair) that some two-link detour ``source[i] -> h ->
    target[i]`` through one of the ``hubs`` nodes with the shortest links beats by a
    margin (see RELATIVE_MARGIN).

    No link so marked lies on any shortest path, and leaving all of them out changes
    no shortest distance: each detour link is shorter than the link it beats, so by
    induction on length each marked link keeps a detour of kept links, no longer
    than the one found.
    """
    source = np.asarray(source, dtype=np.int64)
    target = np.asarray(target, dtype=np.int64)
    distance = np.asarray(distance, dtype=float)
    shorter = np.zeros(len(distance), dtype=bool)
    if len(distance) < 3 or nodes < 3:
        return shorter
    strength = np.bincount(source, weights=1.0 / distance, minlength=nodes)
    strength += np.bincount(target, weights=1.0 / distance, minlength=nodes)
    chosen = np.argsort(-strength, kind="stable")[: min(hubs, nodes)]
    slot = np.full(nodes, -1, dtype=np.int64)
    slot[chosen] = np.arange(len(chosen))
    into = np.full((len(chosen), nodes), np.inf)  # into[h, u]: the link u -> hub h
    out_of = np.full((len(chosen), nodes), np.inf)  # out_of[h, v]: the link hub h -> v
    to_hub, from_hub = slot[target] >= 0, slot[source] >= 0
    into[slot[target[to_hub]], source[to_hub]] = distance[to_hub]
    out_of[slot[source[from_hub]], target[from_hub]] = distance[from_hub]
    detour = np.full(len(distance), np.inf)
    for h in range(len(chosen)):
        np.minimum(detour, into[h, source] + out_of[h, target], out=detour)
    longest_path = np.sort(distance)[-(nodes - 1) :].sum()
    margin = np.maximum(RELATIVE_MARGIN * distance, PATH_MARGIN * (longest_path + distance))
    return detour < distance - margin
