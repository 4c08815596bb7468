"""Links no shortest path can take: a path between their ends through a hub is shorter.

Betweenness runs one Dijkstra per sampled source over every link of the
hostile layer. In a layer with a few strongly strained hubs most links are
longer than a path through a hub (a weak link A -> B, distance 1/strain,
beside A -> USA -> B over two strong ones), so no shortest path takes them:
left out, every shortest path and its length stay the same, and each Dijkstra
scans a fraction of the links (at 1M rows / 5,000 actors, 40,216 of 531,511).

Why (the proof the pruning rests on): let a link u -> v have length w, and let
some walk from u to v have length L < w. A shortest path s ... u -> v ... t that
took the link could take the walk instead and be shorter by w - L (lengths are
positive), a contradiction; so the link lies on no shortest path. The layer
without every such link therefore still holds every shortest path of the whole
layer, and (being a part of it) no path shorter: the same distances, the same
shortest paths, path counts and betweenness. Walks found on a layer already
pruned are walks of the whole layer, so the two stages below may run one after
the other.
"""

from __future__ import annotations

import numpy as np

__all__ = ["HUBS", "detour_shorter", "off_shortest_paths"]

#: How many hubs (actors with the most strain, dealt and received) the detours go through:
#: on the benchmark's layer (531,511 links) one hub leaves 40,934, 8 leave 40,216, 32 leave 40,186.
HUBS = 8
# A link is left out only when a walk is shorter by a millionth of the link's length
# and by 1e-8 of the longest possible path (the n - 1 longest links end to end): far
# beyond float rounding (1e-16 a step) and igraph's tie tolerance (two lengths within
# 1e-10 of their sum count as equal), so no path that ties with a shortest one is ever
# lost, and no path through a link left out comes within igraph's tolerance of a
# shortest one (it is longer by the margin at least).
RELATIVE_MARGIN = 1e-6
PATH_MARGIN = 1e-8


def _hubs(source: np.ndarray, target: np.ndarray, distance: np.ndarray, nodes: int, hubs: int) -> np.ndarray:
    """The ``hubs`` nodes with the most strain (1/distance), dealt and received."""
    strength = np.bincount(source, weights=1.0 / distance, minlength=nodes)
    strength += np.bincount(target, weights=1.0 / distance, minlength=nodes)
    return np.argsort(-strength, kind="stable")[: min(hubs, nodes)]


def _margin(distance: np.ndarray, longest_path: float) -> np.ndarray:
    return np.maximum(RELATIVE_MARGIN * distance, PATH_MARGIN * (longest_path + distance))


def _arrays(source, target, distance) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (
        np.asarray(source, dtype=np.int64),
        np.asarray(target, dtype=np.int64),
        np.asarray(distance, dtype=float),
    )


def detour_shorter(
    source: np.ndarray, target: np.ndarray, distance: np.ndarray, nodes: int, *, hubs: int = HUBS
) -> np.ndarray:
    """True for each link ``source[i] -> target[i]`` (of length ``distance[i] > 0``,
    at most one link per ordered pair) that some two-link detour ``source[i] -> h ->
    target[i]`` through one of the ``hubs`` nodes with the shortest links beats by a
    margin (see RELATIVE_MARGIN).

    No link so marked lies on any shortest path, and leaving all of them out changes
    no shortest distance (the module's docstring says why).
    """
    source, target, distance = _arrays(source, target, distance)
    shorter = np.zeros(len(distance), dtype=bool)
    if len(distance) < 3 or nodes < 3:
        return shorter
    chosen = _hubs(source, target, distance, nodes, hubs)
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
    return detour < distance - _margin(distance, longest_path)


def off_shortest_paths(
    source: np.ndarray, target: np.ndarray, distance: np.ndarray, nodes: int, *, hubs: int = HUBS
) -> np.ndarray:
    """True for each link ``source[i] -> target[i]`` (as in :func:`detour_shorter`)
    that a walk through one of the ``hubs`` nodes beats by the margin: first a
    two-link detour (:func:`detour_shorter`, in arrays), then, among the links left,
    the shortest path from ``source[i]`` into a hub and on out of it to
    ``target[i]`` (Dijkstra to and from each hub, by igraph).

    On the benchmark's layer (5,000 actors, 531,511 links) the detours through 8 hubs
    leave 112,727 links and the paths through them 40,216, where 39,943 are a shortest
    path between their own ends (all-pairs Dijkstra): betweenness' Dijkstras scan a
    third of the links the detours alone leave. Through 32 hubs the detours leave
    84,553 links and the paths 40,186, but their 64 Dijkstras cost more than they save.
    """
    source, target, distance = _arrays(source, target, distance)
    beaten = detour_shorter(source, target, distance, nodes, hubs=hubs)
    if len(distance) < 3 or nodes < 3:
        return beaten
    import igraph

    left = np.flatnonzero(~beaten)
    chosen = _hubs(source, target, distance, nodes, hubs).tolist()
    graph = igraph.Graph(n=nodes, edges=np.column_stack([source[left], target[left]]).tolist(), directed=True)
    weights = distance[left].tolist()
    # into[h, u]: the shortest path u ~> hub h; out_of[h, v]: hub h ~> v
    into = np.array(graph.distances(source=chosen, weights=weights, mode="in"), dtype=float)
    out_of = np.array(graph.distances(source=chosen, weights=weights, mode="out"), dtype=float)
    s, t, d = source[left], target[left], distance[left]
    through = np.full(len(left), np.inf)
    for h in range(len(chosen)):
        np.minimum(through, into[h, s] + out_of[h, t], out=through)
    longest_path = np.sort(distance)[-(nodes - 1) :].sum()
    beaten[left[through < d - _margin(d, longest_path)]] = True
    return beaten
