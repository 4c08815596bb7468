"""Strain per relationship: how much alleged hostility an unordered pair of actors carries."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .edgeset import EdgeSet
from .pairs import actor_codes

__all__ = ["strain", "STRAIN_COLUMNS"]

STRAIN_COLUMNS = [
    "rank", "actor_a", "actor_b", "name_a", "name_b", "strain", "strain_ab", "strain_ba",
    "hostile", "cooperative", "cooperation", "domains",
]  # fmt: skip


def strain(edge_set: EdgeSet, *, top: int | None = None) -> pd.DataFrame:
    """Strain of every relationship (unordered pair of actors) in ``edge_set``.

    ``strain`` is the sum of -weight over every hostile action (weight < 0) in
    either direction; ``strain_ab`` and ``strain_ba`` split it by direction
    (``actor_a`` < ``actor_b`` alphabetically); ``hostile`` and ``cooperative``
    count actions with negative and positive weight, ``cooperation`` sums the
    positive weights, and ``domains`` lists the domains of all the pair's actions.
    Ranked by strain, descending, ties broken by ``actor_a`` then ``actor_b``;
    ``rank`` counts from 1. ``top`` keeps the first ``top`` rows.
    """
    edges = edge_set.edges
    if len(edges) == 0:
        return pd.DataFrame({c: pd.Series(dtype=float if c.startswith("strain") else object) for c in STRAIN_COLUMNS})
    ids, source, target = actor_codes(edges)
    a, b = np.minimum(source, target), np.maximum(source, target)
    weight = edges["weight"].to_numpy(dtype=float)
    hostility = np.where(weight < 0, -weight, 0.0)
    forward = source < target
    frame = pd.DataFrame(
        {
            "a": a,
            "b": b,
            "strain": hostility,
            "strain_ab": np.where(forward, hostility, 0.0),
            "strain_ba": np.where(forward, 0.0, hostility),
            "hostile": (weight < 0).astype(np.int64),
            "cooperative": (weight > 0).astype(np.int64),
            "cooperation": np.where(weight > 0, weight, 0.0),
        }
    )
    pairs = frame.groupby(["a", "b"], sort=True).sum()
    pairs["domains"] = _domains(a, b, edges["domain"])
    pairs = pairs.reset_index()
    names = dict(zip(edge_set.actors["id"], edge_set.actors["name"]))
    actor_a = ids.take(pairs["a"].to_numpy()).astype(str)
    actor_b = ids.take(pairs["b"].to_numpy()).astype(str)
    pairs.insert(0, "actor_a", actor_a)
    pairs.insert(1, "actor_b", actor_b)
    pairs.insert(2, "name_a", actor_a.map(lambda x: names.get(x, x)))
    pairs.insert(3, "name_b", actor_b.map(lambda x: names.get(x, x)))
    pairs = pairs.drop(columns=["a", "b"])
    pairs = pairs.sort_values(["strain", "actor_a", "actor_b"], ascending=[False, True, True], kind="stable")
    pairs.insert(0, "rank", np.arange(1, len(pairs) + 1))
    pairs = pairs[STRAIN_COLUMNS].reset_index(drop=True)
    return pairs if top is None else pairs.head(top)


def _domains(a: np.ndarray, b: np.ndarray, domain: pd.Series) -> pd.Series:
    """For each pair (a, b), its distinct domains, sorted and comma-separated."""
    unique = pd.DataFrame({"a": a, "b": b, "domain": domain.to_numpy(dtype=object)}).drop_duplicates()
    unique = unique.sort_values(["a", "b", "domain"])
    return unique.groupby(["a", "b"], sort=True)["domain"].agg(",".join)
