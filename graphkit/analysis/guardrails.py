"""Guardrails: when a graph's shape makes a measure say nothing, say so with the measure.

The measures are computed whatever the shape; these functions return the
warnings that go with them (the library never prints: the command line shows
them as ``graphkit: warning: ...`` lines, JSON carries them as a field).
docs/balance.md and docs/method.md give the reasons with the essay as example.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "MIN_ACTORS",
    "NO_CYCLE",
    "Shape",
    "balance_warnings",
    "centrality_shape_warnings",
    "centrality_warnings",
    "centrality_warnings_of_codes",
    "shape_of",
    "shape_of_codes",
]

#: How a balance warning about a graph without a cycle starts.
NO_CYCLE = "no cycle:"

#: Below this many actors in a layer, positional measures rank a handful of ties.
MIN_ACTORS = 5


@dataclass(frozen=True)
class Shape:
    """The shape of an undirected simple graph: ``actors`` and ``ties`` (counts),
    ``cycles`` (independent cycles: ties - actors + components; 0 for a forest),
    and ``centre``: the actor every tie touches when the graph is a star of three
    actors or more, else None."""

    actors: int
    ties: int
    cycles: int
    centre: str | None

    @property
    def forest(self) -> bool:
        """True when no tie closes a cycle."""
        return self.cycles == 0


def shape_of(pairs: Iterable[tuple[str, str]]) -> Shape:
    """The :class:`Shape` of the undirected graph of ``pairs`` (each pair once, either order).

    >>> shape_of([("USA", "CAN"), ("MEX", "USA"), ("USA", "KOR")])
    Shape(actors=4, ties=3, cycles=0, centre='USA')
    >>> shape_of([("A", "B"), ("B", "C"), ("C", "A")]).cycles
    1
    """
    ends = np.array([(a, b) for a, b in pairs], dtype=object).reshape(-1, 2)
    codes, names = pd.factorize(ends.ravel(), use_na_sentinel=False)
    return shape_of_codes(codes[0::2], codes[1::2], [str(name) for name in names])


def shape_of_codes(first: np.ndarray, second: np.ndarray, names: Sequence[str]) -> Shape:
    """The :class:`Shape` of the undirected graph of the ties ``first[i]`` - ``second[i]``
    (positions in ``names``; a tie may repeat, in either order; a loop is no tie), in
    array operations: half a million hostile links take a few hundredths of a second
    (a networkx graph of them took two seconds)."""
    low, high, nodes = _ties(first, second, len(names))
    actors, ties = len(nodes), len(low)
    if not actors:
        return Shape(actors=0, ties=0, cycles=0, centre=None)
    cycles = ties - actors + _components(low, high, actors)
    return Shape(actors=actors, ties=ties, cycles=cycles, centre=_centre(low, high, nodes, names))


def _ties(first: np.ndarray, second: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct ties (``low[i]`` - ``high[i]``, positions among ``nodes``) and the
    nodes (positions in the names) that some tie touches."""
    first, second = np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)
    loop = first == second
    low, high = np.minimum(first, second)[~loop], np.maximum(first, second)[~loop]
    width = max(width, 1)
    keys = np.sort(low * width + high)  # sorted and compared, not np.unique: its hashing took seconds
    keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])] if len(keys) else keys
    low, high = np.divmod(keys, width)
    present = np.zeros(width, dtype=bool)
    present[low] = present[high] = True
    position = np.cumsum(present) - 1
    return position[low], position[high], np.flatnonzero(present)


def _centre(low: np.ndarray, high: np.ndarray, nodes: np.ndarray, names: Sequence[str]) -> str | None:
    """The actor every tie touches, when there are three actors or more, else None.

    No cycle needs counting: when one actor touches every (distinct, loop-free) tie,
    every other actor has exactly one tie, to it, so the graph is a star (a tree)."""
    actors, ties = len(nodes), len(low)
    if actors < 3:
        return None
    degree = np.bincount(low, minlength=actors) + np.bincount(high, minlength=actors)
    if degree.max() != ties:  # one actor touches every tie (two could only share one tie)
        return None
    return max(str(names[node]) for node in nodes[degree == ties])


def _components(low: np.ndarray, high: np.ndarray, count: int) -> int:
    """How many connected components the ties ``low[i]`` - ``high[i]`` make of ``count`` nodes."""
    import scipy.sparse
    from scipy.sparse.csgraph import connected_components

    graph = scipy.sparse.coo_array((np.ones(len(low)), (low, high)), shape=(count, count))
    return int(connected_components(graph, directed=False)[0])


def centrality_warnings(hostile: Iterable[tuple[str, str]]) -> list[str]:
    """What the shape of the hostile layer (its ordered pairs with strain) makes of
    PageRank, betweenness and HITS: a star, or fewer than :data:`MIN_ACTORS` actors."""
    return centrality_shape_warnings(shape_of(hostile))


def centrality_shape_warnings(shape: Shape) -> list[str]:
    """:func:`centrality_warnings` from the hostile layer's :class:`Shape`."""
    return _centrality_messages(shape.actors, shape.ties, shape.centre)


def centrality_warnings_of_codes(first: np.ndarray, second: np.ndarray, names: Sequence[str]) -> list[str]:
    """:func:`centrality_warnings` of the hostile links ``first[i]`` -> ``second[i]``
    (positions in ``names``): the warnings read the actors, ties and star centre only,
    so the components are not counted (with their import, a tenth of a second)."""
    low, high, nodes = _ties(first, second, len(names))
    return _centrality_messages(len(nodes), len(low), _centre(low, high, nodes, names))


def _centrality_messages(actors: int, ties: int, centre: str | None) -> list[str]:
    warnings = []
    if centre is not None:
        warnings.append(
            f"the hostile layer is a star around {centre} (all {ties} hostile ties touch it, "
            "no cycle): pagerank, betweenness, hub and authority measure places in a star, not influence "
            f"(betweenness counts only chains through {centre}); compare actors by hostile_in and hostile_out"
        )
    if 0 < actors < MIN_ACTORS:
        warnings.append(
            f"the hostile layer has {actors} actors (fewer than {MIN_ACTORS}): pagerank, betweenness "
            "and HITS rank a handful of ties, and one action more or less reorders them"
        )
    return warnings


def balance_warnings(ties: Iterable[tuple[str, str]]) -> list[str]:
    """What the shape of the signed graph (its tied pairs) makes of balance: no cycle
    (frustration 0 and camps forced), a star, or fewer than :data:`MIN_ACTORS` actors."""
    shape = shape_of(ties)
    warnings = []
    if shape.ties and shape.forest:
        where = f"a star around {shape.centre}" if shape.centre is not None else "a forest"
        warnings.append(
            f"{NO_CYCLE} the signed graph is {where} ({shape.actors} actors, {shape.ties} ties), so "
            "frustration is 0 by construction and the camps are forced by the ties, not found in them"
        )
    if 0 < shape.actors < MIN_ACTORS:
        warnings.append(
            f"the signed graph has {shape.actors} actors (fewer than {MIN_ACTORS}): its triangles and "
            "camps rest on a handful of ties"
        )
    return warnings
