"""Communities of actors on the strain layer: who is strained with whom (Leiden, seeded)."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd

__all__ = ["COMMUNITY_SEED", "strain_communities"]

COMMUNITY_SEED = 0


def strain_communities(pairs: pd.DataFrame, actors: list[str], *, seed: int = COMMUNITY_SEED) -> pd.Series:
    """Community number of every actor (1 = the largest), from the Leiden algorithm
    (igraph, modularity, run until stable) on the undirected graph whose edges are
    the relationships with strain, weighted by strain.

    ``pairs`` has ``actor_a``, ``actor_b`` and ``strain`` (one row per relationship,
    as :func:`graphkit.analysis.strain_alg.strain` gives them). Communities are
    numbered by size, descending, ties by their alphabetically first actor; an
    actor without strain is 0 (no community). The same input and ``seed`` give the
    same numbers: igraph draws from Python's ``random``, seeded for the call.
    """
    import igraph

    index = {actor: i for i, actor in enumerate(actors)}
    strained = pairs[pairs["strain"] > 0]
    a = np.array([index[x] for x in strained["actor_a"]], dtype=np.int64)
    b = np.array([index[x] for x in strained["actor_b"]], dtype=np.int64)
    graph = igraph.Graph(n=len(actors), edges=list(zip(a.tolist(), b.tolist())), directed=False)
    saved = random.getstate()
    random.seed(seed)
    try:
        membership = graph.community_leiden(
            objective_function="modularity",
            weights=strained["strain"].astype(float).tolist(),
            n_iterations=-1,
        ).membership
    finally:
        random.setstate(saved)
    membership = np.asarray(membership, dtype=np.int64)
    has_strain = np.zeros(len(actors), dtype=bool)
    has_strain[a] = has_strain[b] = True
    frame = pd.DataFrame({"actor": actors, "raw": membership})[has_strain]
    sizes = frame.groupby("raw").agg(size=("actor", "size"), first=("actor", "min"))
    ranked = sizes.sort_values(["size", "first"], ascending=[False, True]).index
    number = {raw: i + 1 for i, raw in enumerate(ranked)}
    result = pd.Series(0, index=pd.Index(actors, name="actor"), dtype=np.int64, name="community")
    result[frame["actor"].to_numpy()] = [number[r] for r in frame["raw"]]
    return result
