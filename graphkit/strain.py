"""Strain per relationship: how much alleged hostility an unordered pair of actors carries."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .edgeset import EdgeSet
from .pairs import actor_codes

__all__ = ["strain", "strain_from_pairs", "STRAIN_COLUMNS"]

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
        return _no_strain()
    weight = edges["weight"].to_numpy(dtype=float)
    return _rank_pairs(
        edges["source"],
        edges["target"],
        edges["domain"],
        strain=np.where(weight < 0, -weight, 0.0),
        hostile=(weight < 0).astype(np.int64),
        cooperative=(weight > 0).astype(np.int64),
        cooperation=np.where(weight > 0, weight, 0.0),
        actors=edge_set.actors,
        top=top,
    )


def strain_from_pairs(pairs: pd.DataFrame, actors: pd.DataFrame, *, top: int | None = None) -> pd.DataFrame:
    """:func:`strain` from sums already taken per ordered pair and domain.

    ``pairs`` has ``source``, ``target``, ``domain`` and the sums ``strain``,
    ``hostile``, ``cooperative``, ``cooperation`` (see
    :func:`graphkit.pairs.domain_pairs`); a pair and domain may appear on several
    rows (partial sums, e.g. one per partition of a Dask frame). ``actors`` gives
    names (``id``, ``name``). The result has the columns and order of :func:`strain`.
    """
    if len(pairs) == 0:
        return _no_strain()
    return _rank_pairs(
        pairs["source"],
        pairs["target"],
        pairs["domain"],
        strain=pairs["strain"].to_numpy(dtype=float),
        hostile=pairs["hostile"].to_numpy(dtype=np.int64),
        cooperative=pairs["cooperative"].to_numpy(dtype=np.int64),
        cooperation=pairs["cooperation"].to_numpy(dtype=float),
        actors=actors,
        top=top,
    )


def _no_strain() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=float if c.startswith("strain") else object) for c in STRAIN_COLUMNS})


def _rank_pairs(source, target, domain, *, strain, hostile, cooperative, cooperation, actors, top) -> pd.DataFrame:
    """Sum rows (events or partial sums) per unordered pair, name and rank the pairs."""
    ids, source, target = actor_codes(pd.DataFrame({"source": source, "target": target}, copy=False))
    a, b = np.minimum(source, target), np.maximum(source, target)
    # one integer key per unordered pair: grouping on it is several times faster than on (a, b)
    key = a * max(len(ids), 1) + b
    forward = source < target
    frame = pd.DataFrame(
        {
            "key": key,
            "strain": strain,
            "strain_ab": np.where(forward, strain, 0.0),
            "strain_ba": np.where(forward, 0.0, strain),
            "hostile": hostile,
            "cooperative": cooperative,
            "cooperation": cooperation,
        }
    )
    pairs = frame.groupby("key", sort=True).sum()
    pairs["domains"] = _domains(key, domain)
    pairs = pairs.reset_index()
    pairs.insert(0, "a", pairs["key"] // max(len(ids), 1))
    pairs.insert(1, "b", pairs["key"] % max(len(ids), 1))
    names = dict(zip(actors["id"], actors["name"]))
    ids = ids.astype(str)
    id_names = pd.Index([names.get(x, x) for x in ids], dtype=ids.dtype)
    a_codes, b_codes = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    pairs.insert(0, "actor_a", ids.take(a_codes))
    pairs.insert(1, "actor_b", ids.take(b_codes))
    pairs.insert(2, "name_a", id_names.take(a_codes))
    pairs.insert(3, "name_b", id_names.take(b_codes))
    # strains equal to 9 decimals tie (ranked by ids) however the floats were summed,
    # so that engines summing in different orders rank alike
    pairs["_order"] = pairs["strain"].round(9)
    pairs = pairs.sort_values(["_order", "actor_a", "actor_b"], ascending=[False, True, True], kind="stable")
    pairs.insert(0, "rank", np.arange(1, len(pairs) + 1))
    pairs = pairs[STRAIN_COLUMNS].reset_index(drop=True)
    return pairs if top is None else pairs.head(top)


def _domains(key: np.ndarray, domain: pd.Series) -> pd.Series:
    """For each pair key, its distinct domains, sorted and comma-separated."""
    codes, names = pd.factorize(domain, sort=True)
    if len(names) > 62:
        unique = pd.DataFrame({"key": key, "domain": domain.to_numpy(dtype=object)}).drop_duplicates()
        unique = unique.sort_values(["key", "domain"])
        return unique.groupby("key", sort=True)["domain"].agg(",".join)
    # a set of at most 62 domains fits in one int64 bit mask; few distinct masks need a string
    pair_domain = pd.unique(key * 64 + codes)
    masks = pd.Series(np.left_shift(1, pair_domain % 64)).groupby(pair_domain // 64, sort=True).sum()
    distinct, inverse = np.unique(masks.to_numpy(), return_inverse=True)
    labels = np.array(
        [",".join(str(names[bit]) for bit in range(len(names)) if mask >> bit & 1) for mask in distinct], dtype=object
    )
    return pd.Series(labels[inverse], index=masks.index)
