"""Lift: how much likelier a match is in the claim's window than in any window of its length.

A match between two countries that quarrel every week is no evidence that a
given quarrel happened. Lift compares the claim's window with every window of the
same length within the record's coverage (not a random sample: all of them, so
the figure is exact and the same on every run):

    p    = share of those windows holding at least one event of the matching kind,
           among the windows holding at least one event of the record at all
    lift = hit / p, hit = 1 when the claim's window holds such an event, else 0

lift 1 means such events are found in every window the record covers (the match
says nothing about the claim's time); lift 10 means one window in ten holds one.
"""

from __future__ import annotations

import numpy as np

__all__ = ["window_lift"]


def _counts(days: np.ndarray, first: int, span: int) -> np.ndarray:
    dense = np.zeros(span, dtype=np.int64)
    inside = days[(days >= first) & (days < first + span)] - first
    np.add.at(dense, inside, 1)
    return np.concatenate(([0], np.cumsum(dense > 0)))


def window_lift(
    match_days: np.ndarray, covered_days: np.ndarray, start: int, end: int, first: int, last: int
) -> float | None:
    """Lift of a claim window ``start``..``end`` (days since 1970-01-01, inclusive),
    given the days with a matching event, the days the record has any event, and
    the record's first and last day. None when no window of the record has a
    matching event (nothing to compare with)."""
    length = end - start + 1
    span = last - first + 1
    if span <= 0 or length <= 0:
        return None
    length = min(length, span)
    cov = _counts(covered_days, first, span)
    hit = _counts(match_days, first, span)
    starts = np.arange(0, span - length + 1)
    covered = (cov[starts + length] - cov[starts]) > 0
    matched = (hit[starts + length] - hit[starts]) > 0
    windows = int(covered.sum())
    with_match = int((matched & covered).sum())
    if windows == 0 or with_match == 0:
        return None
    in_claim = bool(((match_days >= start) & (match_days <= end)).any())
    return round((1.0 if in_claim else 0.0) / (with_match / windows), 6)
