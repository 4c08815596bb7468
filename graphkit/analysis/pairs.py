"""Aggregation of actions to actor pairs, vectorised (one groupby, no Python loops)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import require_frame
from ..schema import cooperation_part, strain_part

__all__ = ["actor_codes", "domain_pairs", "ordered_pairs"]


def actor_codes(edges: pd.DataFrame) -> tuple[pd.Index, np.ndarray, np.ndarray]:
    """Sorted actor ids and the integer code of each edge's source and target.

    Codes follow alphabetical order, so comparing codes compares ids.
    """
    source, source_ids = pd.factorize(edges["source"])
    target, target_ids = pd.factorize(edges["target"])
    ids = pd.Index(source_ids).union(pd.Index(target_ids)).sort_values()
    return (
        ids,
        ids.get_indexer(source_ids).astype(np.int64)[source],
        ids.get_indexer(target_ids).astype(np.int64)[target],
    )


def ordered_pairs(edges: pd.DataFrame) -> pd.DataFrame:
    """One row per ordered pair (source, target) with at least one action.

    Columns: ``source``, ``target``, ``strain`` (sum of -weight over hostile
    actions, weight < 0), ``cooperation`` (sum of weight over cooperative actions,
    weight > 0), ``actions``, ``hostile`` and ``cooperative`` (counts). Both weights
    are non-negative, so every graph algorithm can read them. Sorted by source, target.
    """
    require_frame(edges, "edges", ("source", "target", "weight"))
    ids, source, target = actor_codes(edges)
    weight = edges["weight"].to_numpy(dtype=float)
    frame = pd.DataFrame(
        {
            "s": source,
            "t": target,
            "strain": strain_part(weight),
            "cooperation": cooperation_part(weight),
            "actions": 1,
            "hostile": (weight < 0).astype(np.int64),
            "cooperative": (weight > 0).astype(np.int64),
        }
    )
    grouped = frame.groupby(["s", "t"], sort=True).sum().reset_index()
    grouped.insert(0, "source", ids.take(grouped["s"].to_numpy()).astype(str))
    grouped.insert(1, "target", ids.take(grouped["t"].to_numpy()).astype(str))
    return grouped.drop(columns=["s", "t"])


def domain_pairs(edges: pd.DataFrame) -> pd.DataFrame:
    """The sums of :func:`ordered_pairs`, one row per (source, target, domain).

    What a partition of a large edge set is reduced to before partitions are
    combined: summing these rows again per pair gives :func:`ordered_pairs`,
    and :func:`graphkit.analysis.strain_alg.strain_from_pairs` ranks them. Sorted by source,
    target, domain.
    """
    ids, source, target = actor_codes(edges)
    codes, domains = pd.factorize(edges["domain"], sort=True)
    weight = edges["weight"].to_numpy(dtype=float)
    frame = pd.DataFrame(
        {
            "key": (source * max(len(ids), 1) + target) * max(len(domains), 1) + codes,
            "strain": strain_part(weight),
            "cooperation": cooperation_part(weight),
            "actions": np.ones(len(weight), dtype=np.int64),
            "hostile": (weight < 0).astype(np.int64),
            "cooperative": (weight > 0).astype(np.int64),
        }
    )
    grouped = frame.groupby("key", sort=True).sum().reset_index()
    key = grouped.pop("key").to_numpy()
    pair, domain = np.divmod(key, max(len(domains), 1))
    source, target = np.divmod(pair, max(len(ids), 1))
    grouped.insert(0, "source", ids.take(source).astype(str))
    grouped.insert(1, "target", ids.take(target).astype(str))
    grouped.insert(2, "domain", pd.Index(domains).take(domain).astype(str))
    return grouped
