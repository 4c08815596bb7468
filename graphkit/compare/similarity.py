"""Whole-set similarity of two edge sets: Jaccard, weighted Jaccard, rank correlations, Hamming."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["METRIC_NAMES", "Metric", "jaccard", "rank_correlations", "similarity_metrics", "weighted_jaccard"]

METRIC_NAMES = (
    "jaccard_edges",
    "jaccard_strained_pairs",
    "weighted_jaccard_strain",
    "kendall_tau_both",
    "spearman_both",
    "kendall_tau_top_k",
    "spearman_top_k",
    "hamming_adjacency",
)


@dataclass(frozen=True)
class Metric:
    """One similarity measure: ``value`` is None when it is undefined, and then
    ``reason`` says why; ``n`` counts the items it was computed over."""

    name: str
    value: float | int | None
    n: int
    reason: str = ""

    @property
    def defined(self) -> bool:
        """True when the measure has a value."""
        return self.value is not None


def jaccard(name: str, shared: int, union: int, what: str) -> Metric:
    """|A ∩ B| / |A ∪ B|, undefined when both sides are empty.

    >>> jaccard("j", 2, 4, "edges").value
    0.5
    """
    if union == 0:
        return Metric(name, None, 0, f"no {what} in either set")
    return Metric(name, shared / union, union)


def weighted_jaccard(name: str, a: np.ndarray, b: np.ndarray) -> Metric:
    """Sum of element-wise minima over sum of maxima of two non-negative vectors.

    >>> weighted_jaccard("w", np.array([2.0, 0.0]), np.array([1.0, 3.0])).value
    0.2
    """
    top = float(np.maximum(a, b).sum())
    if top == 0:
        return Metric(name, None, len(a), "no pair has strain in either set")
    return Metric(name, float(np.minimum(a, b).sum()) / top, len(a))


def rank_correlations(suffix: str, a: np.ndarray, b: np.ndarray, scope: str) -> list[Metric]:
    """Kendall's tau-b and Spearman's rho between paired values ``a`` and ``b``.

    Both are undefined with fewer than two pairs or when one side gives every
    pair the same value (a rank correlation needs variation on both sides).
    """
    from scipy.stats import kendalltau, spearmanr

    names = (f"kendall_tau_{suffix}", f"spearman_{suffix}")
    n = len(a)
    reason = ""
    if n < 2:
        reason = f"fewer than 2 pairs {scope}"
    elif np.all(a == a[0]):
        reason = f"every pair {scope} has the same strain in A"
    elif np.all(b == b[0]):
        reason = f"every pair {scope} has the same strain in B"
    if reason:
        return [Metric(name, None, n, reason) for name in names]
    if np.array_equal(a, b):
        # exactly 1 by definition; scipy's float sums can give 0.9999999999999998
        return [Metric(name, 1.0, n) for name in names]
    tau = float(kendalltau(a, b).statistic)
    rho = float(spearmanr(a, b).statistic)
    return [Metric(names[0], tau, n), Metric(names[1], rho, n)]


def similarity_metrics(
    pairs: pd.DataFrame,
    *,
    shared_edges: int,
    all_edges: int,
    hamming: int,
    adjacency_union: int,
    top_k: int,
) -> dict[str, Metric]:
    """Every measure of :data:`METRIC_NAMES`, keyed by name.

    ``pairs`` is the union of both sets' relationships with ``strain_a``,
    ``strain_b`` (0 where a pair is absent) and ``rank_a``, ``rank_b`` (rank in
    each set's strain table, missing where absent). ``shared_edges``/``all_edges``
    are the sizes of the intersection and union of edge identities; ``hamming`` is
    the number of ordered pairs with an edge in exactly one set, out of
    ``adjacency_union`` ordered pairs with an edge in either.
    """
    strain_a = pairs["strain_a"].to_numpy(dtype=float)
    strain_b = pairs["strain_b"].to_numpy(dtype=float)
    strained_a, strained_b = strain_a > 0, strain_b > 0
    both = strained_a & strained_b
    rank_a = pd.to_numeric(pairs["rank_a"], errors="coerce").to_numpy(dtype=float)
    rank_b = pd.to_numeric(pairs["rank_b"], errors="coerce").to_numpy(dtype=float)
    # a strained pair's rank is its rank among strained pairs: strain() puts strain-0 pairs last
    top = both & ((strained_a & (rank_a <= top_k)) | (strained_b & (rank_b <= top_k)))

    metrics = [
        jaccard("jaccard_edges", shared_edges, all_edges, "edges"),
        jaccard(
            "jaccard_strained_pairs", int(both.sum()), int((strained_a | strained_b).sum()), "strained pairs"
        ),
        weighted_jaccard("weighted_jaccard_strain", strain_a, strain_b),
        *rank_correlations("both", strain_a[both], strain_b[both], "strained in both sets"),
        *rank_correlations(
            "top_k", strain_a[top], strain_b[top], f"in either top {top_k} and strained in both"
        ),
        Metric("hamming_adjacency", int(hamming), int(adjacency_union)),
    ]
    return {metric.name: metric for metric in metrics}
