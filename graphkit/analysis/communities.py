"""Communities of actors on the strain layer: who is strained with whom (Leiden, seeded)."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd

from ..checks import require_frame, require_str_list
from ..errors import ArgumentError

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
    require_frame(pairs, "pairs", ("actor_a", "actor_b", "strain"))
    require_str_list(actors, "actors", optional=False)
    actors = [actors] if isinstance(actors, str) else list(actors)
    missing = (set(pairs["actor_a"]) | set(pairs["actor_b"])) - set(actors)
    if missing:
        raise ArgumentError("actors", f"lacks {min(missing)!r}, an actor of pairs: list every actor")
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
    members = [(actor, int(raw)) for actor, raw, strained in zip(actors, membership, has_strain) if strained]
    # each community's size and alphabetically first actor, in plain Python: a pandas
    # groupby of text loads pyarrow's query engine (a tenth of a second of a page's start)
    size: dict[int, int] = {}
    first: dict[int, str] = {}
    for actor, raw in members:
        size[raw] = size.get(raw, 0) + 1
        first[raw] = min(first.get(raw, actor), actor)
    ranked = sorted(size, key=lambda raw: (-size[raw], first[raw]))
    number = {raw: i + 1 for i, raw in enumerate(ranked)}
    result = pd.Series(0, index=pd.Index(actors, name="actor"), dtype=np.int64, name="community")
    result[[actor for actor, _ in members]] = [number[raw] for _, raw in members]
    return result
