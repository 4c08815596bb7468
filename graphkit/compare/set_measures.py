"""What a diff measures over whole sets: both strain tables side by side, and the
ordered pairs linked in one set or both (for the similarity measures)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..edgeset import EdgeSet
from .similarity import Metric, similarity_metrics
from .values import joint_codes

__all__ = ["STRAIN_DIFF_COLUMNS", "adjacency", "strain_pairs", "whole_set_measures"]

STRAIN_DIFF_COLUMNS = [
    "actor_a",
    "actor_b",
    "name_a",
    "name_b",
    "strain_a",
    "strain_b",
    "delta",
    "rank_a",
    "rank_b",
    "rank_change",
]


def strain_pairs(a: EdgeSet, b: EdgeSet) -> pd.DataFrame:
    """Every relationship of A or B, with strain and rank on each side, ranked by |delta|."""
    from ..analysis.strain_alg import strain

    sa, sb = strain(a), strain(b)
    # pairs matched on integer codes of their two actors (sorted, so that codes order
    # like ids): an outer merge on the text columns took longer than both strain tables
    first_a, first_b, _ = joint_codes(sa["actor_a"], sb["actor_a"])
    second_a, second_b, width = joint_codes(sa["actor_b"], sb["actor_b"])
    key_a, key_b = first_a * width + second_a, first_b * width + second_b
    in_b = pd.Index(key_b).get_indexer(key_a)  # each side lists a pair once
    only_b = np.setdiff1d(np.arange(len(sb)), in_b[in_b >= 0], assume_unique=True)
    found = in_b >= 0

    def column(name: str) -> pd.Series:
        return pd.concat([sa[name], sb[name].iloc[only_b]], ignore_index=True)

    strain_a = np.concatenate([sa["strain"].to_numpy(dtype=float), np.zeros(len(only_b))])
    strain_b = np.zeros(len(sa) + len(only_b))
    strain_b[np.flatnonzero(found)] = sb["strain"].to_numpy(dtype=float)[in_b[found]]
    strain_b[len(sa) :] = sb["strain"].to_numpy(dtype=float)[only_b]
    rank_a = np.concatenate([sa["rank"].to_numpy(dtype=float), np.full(len(only_b), np.nan)])
    rank_b = np.full(len(sa) + len(only_b), np.nan)
    rank_b[np.flatnonzero(found)] = sb["rank"].to_numpy(dtype=float)[in_b[found]]
    rank_b[len(sa) :] = sb["rank"].to_numpy(dtype=float)[only_b]
    pairs = pd.DataFrame(
        {
            "actor_a": column("actor_a"),
            "actor_b": column("actor_b"),
            "name_a": column("name_a"),
            "name_b": column("name_b"),
            "strain_a": strain_a,
            "strain_b": strain_b,
            "delta": strain_b - strain_a,
        }
    )
    for name, values in (("rank_a", rank_a), ("rank_b", rank_b), ("rank_change", rank_a - rank_b)):
        pairs[name] = _whole_or_none(pd.Series(values))
    first = np.concatenate([first_a, first_b[only_b]])
    second = np.concatenate([second_a, second_b[only_b]])
    order = np.lexsort((second, first, -np.abs(pairs["delta"].to_numpy())))
    return pairs.take(order)[STRAIN_DIFF_COLUMNS].reset_index(drop=True)


def _whole_or_none(values: pd.Series) -> pd.Series:
    """Whole numbers as Python ints, missing values as None (for JSON null, an empty cell)."""
    ints = values.fillna(0).astype(np.int64).astype(object)
    return ints.where(values.notna(), None)


def adjacency(a: pd.DataFrame, b: pd.DataFrame) -> tuple[int, int]:
    """Ordered pairs with an edge in exactly one set, and in either (from the
    source and target codes shared by both sets)."""
    (source_a, source_b, _), (target_a, target_b, size) = (
        joint_codes(a[f], b[f], sort=False) for f in ("source", "target")
    )
    pairs_a = pd.unique(source_a * size + target_a)
    pairs_b = pd.unique(source_b * size + target_b)
    in_both = int(pd.Series(pairs_a).isin(pairs_b).sum())
    return len(pairs_a) + len(pairs_b) - 2 * in_both, len(pairs_a) + len(pairs_b) - in_both


def whole_set_measures(
    a: EdgeSet,
    b: EdgeSet,
    edges_a: pd.DataFrame,
    edges_b: pd.DataFrame,
    *,
    shared_edges: int,
    all_edges: int,
    top_k: int,
) -> tuple[pd.DataFrame, dict[str, Metric]]:
    """Both strain tables side by side (:func:`strain_pairs` of ``a`` and ``b``, counted
    in the diff's unit) and the similarity measures, from them and from the ordered pairs
    of ``edges_a`` and ``edges_b`` (the sets' rows); ``shared_edges`` and ``all_edges``
    count the edges matched and the edges of either set."""
    pairs = strain_pairs(a, b)
    hamming, adjacency_union = adjacency(edges_a, edges_b)
    metrics = similarity_metrics(
        pairs,
        shared_edges=shared_edges,
        all_edges=all_edges,
        hamming=hamming,
        adjacency_union=adjacency_union,
        top_k=top_k,
    )
    return pairs, metrics
