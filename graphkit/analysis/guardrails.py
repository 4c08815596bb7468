"""Guardrails: when a graph's shape makes a measure say nothing, say so with the measure.

The measures are computed whatever the shape; these functions return the
warnings that go with them (the library never prints: the command line shows
them as ``graphkit: warning: ...`` lines, JSON carries them as a field).
docs/balance.md and docs/method.md give the reasons with the essay as example.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

__all__ = ["MIN_ACTORS", "NO_CYCLE", "Shape", "balance_warnings", "centrality_warnings", "shape_of"]

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
    # by arrays, not a networkx graph built edge by edge (320,000 ties took 5 s)
    kept = [(a, b) for a, b in pairs if a != b]
    if not kept:
        return Shape(actors=0, ties=0, cycles=0, centre=None)
    codes, names = pd.factorize(np.array(kept, dtype=object).ravel())
    actors = len(names)
    low = np.minimum(codes[0::2], codes[1::2]).astype(np.int64)
    high = np.maximum(codes[0::2], codes[1::2]).astype(np.int64)
    tie = np.unique(low * actors + high)  # each unordered pair once
    low, high = tie // actors, tie % actors
    ties = len(tie)
    matrix = sparse.csr_matrix((np.ones(ties), (low, high)), shape=(actors, actors))
    components = sparse.csgraph.connected_components(matrix, directed=False)[0]
    cycles = ties - actors + components
    centre = None
    if actors >= 3 and cycles == 0:
        degree = np.bincount(low, minlength=actors) + np.bincount(high, minlength=actors)
        top = max(zip(degree.tolist(), names.tolist()))  # the highest degree; of equals, the last name
        if top[0] == ties:
            centre = str(top[1])
    return Shape(actors=actors, ties=ties, cycles=cycles, centre=centre)


def centrality_warnings(hostile: Iterable[tuple[str, str]]) -> list[str]:
    """What the shape of the hostile layer (its ordered pairs with strain) makes of
    PageRank, betweenness and HITS: a star, or fewer than :data:`MIN_ACTORS` actors."""
    shape = shape_of(hostile)
    warnings = []
    if shape.centre is not None:
        warnings.append(
            f"the hostile layer is a star around {shape.centre} (all {shape.ties} hostile ties touch it, "
            "no cycle): pagerank, betweenness, hub and authority measure places in a star, not influence "
            f"(betweenness counts only chains through {shape.centre}); compare actors by hostile_in and hostile_out"
        )
    if 0 < shape.actors < MIN_ACTORS:
        warnings.append(
            f"the hostile layer has {shape.actors} actors (fewer than {MIN_ACTORS}): pagerank, betweenness "
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
