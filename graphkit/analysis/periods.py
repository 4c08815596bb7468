"""Periods (year, quarter, month, ISO week) and how a dated row is spread over them.

The rule, one for every command that counts by period (timeline, summary, the
panel export): a row's date is an interval of days (:mod:`graphkit.dates`); the
row belongs to every period its interval touches, in equal shares: a row that
touches k periods adds 1/k of its weight and 1/k of its count to each. A row
dated 2024-03-05 at ``month`` touches one month (share 1); a row dated ``2024``
at ``quarter`` touches four quarters (1/4 each); a row 2024-01-20..2024-02-10
(``date_end``) at ``month`` touches two months (1/2 each). Shares keep totals:
summed over the periods, a row adds exactly its weight. Undated rows touch no
period; callers report them apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from ..dates import edge_intervals
from ..errors import GraphkitError
from ..schema import FREQS

__all__ = [
    "FREQS",
    "MAX_PERIOD_CELLS",
    "Freq",
    "Spread",
    "check_period_cells",
    "period_labels",
    "spread_rows",
]

#: The most (row or relationship) x period cells a table by period may hold (a
#: thousand relationships by week over 19 years; each cell costs a line of output): a few
#: rows dated 0001 and 9999 made 520,000 weeks per relationship (30 s and 1.4 GB for
#: three rows; a row with a date_end 9,999 years on, 520,000 copies of it).
MAX_PERIOD_CELLS = 1_000_000


def check_period_cells(
    cells: int, what: str, freq: str, limit: int = MAX_PERIOD_CELLS, also: str = "", unit: str = "cells"
) -> None:
    """Refuse a table by period of more than ``limit`` ``cells`` (``what`` says of what)."""
    if cells > limit:
        raise GraphkitError(
            f"{what} by {freq} would be {cells:,} {unit} (more than {limit:,}): the dates span too many "
            f"periods; choose a longer period (year){also} or narrow the dates (since/until)"
        )


Freq = Literal["year", "quarter", "month", "week"]
# weeks run Monday to Sunday, as ISO 8601's do
_PANDAS = {"year": "Y", "quarter": "Q", "month": "M", "week": "W-SUN"}


@dataclass(frozen=True)
class Spread:
    """Rows spread over periods: ``row`` (position in the edges table), ``period``
    (an ordinal, increasing with time), ``share`` (1/k); ``undated`` marks the
    rows with no date (in the edges' order)."""

    row: np.ndarray
    period: np.ndarray
    share: np.ndarray
    undated: np.ndarray
    freq: Freq


def _ordinals(days: np.ndarray, freq: Freq) -> np.ndarray:
    return pd.Series(days).dt.to_period(_PANDAS[freq]).array.asi8


def spread_rows(edges: pd.DataFrame, freq: Freq) -> Spread:
    """Each dated row of ``edges`` once per period its interval touches, with its share."""
    intervals = edge_intervals(edges)
    start, end = intervals["start"].to_numpy(), intervals["end"].to_numpy()
    undated = np.isnat(start)
    rows = np.flatnonzero(~undated)
    first = _ordinals(start[rows], freq)
    last = _ordinals(end[rows], freq)
    touched = (last - first + 1).astype(np.int64)
    check_period_cells(
        int(touched.sum()), "the dated rows spread over their periods", freq, unit="row-periods"
    )
    row = np.repeat(rows, touched)
    # position of each copy within its row: 0, 1, ..., k-1
    offsets = np.arange(len(row)) - np.repeat(np.cumsum(touched) - touched, touched)
    period = np.repeat(first, touched) + offsets
    share = np.repeat(1.0 / touched, touched) if len(touched) else np.zeros(0)
    return Spread(row=row, period=period, share=share, undated=undated, freq=freq)


def period_labels(ordinals: np.ndarray, freq: Freq) -> np.ndarray:
    """Labels for period ordinals: ``2024``, ``2024-Q1``, ``2024-03``, ``2024-W09`` (ISO week)."""
    unique, codes = np.unique(np.asarray(ordinals, dtype=np.int64), return_inverse=True)
    index = pd.PeriodIndex.from_ordinals(unique, freq=_PANDAS[freq])
    if freq == "year":
        labels = [f"{p.year:04d}" for p in index]
    elif freq == "quarter":
        labels = [f"{p.year:04d}-Q{p.quarter}" for p in index]
    elif freq == "month":
        labels = [f"{p.year:04d}-{p.month:02d}" for p in index]
    else:
        weeks = [p.start_time.isocalendar() for p in index]
        labels = [f"{year:04d}-W{week:02d}" for year, week, _ in weeks]
    return np.asarray(labels, dtype=object)[codes] if len(unique) else np.zeros(0, dtype=object)


def all_periods(ordinals: np.ndarray) -> np.ndarray:
    """Every period ordinal from the first to the last of ``ordinals`` (none if empty)."""
    if not len(ordinals):
        return np.zeros(0, dtype=np.int64)
    return np.arange(int(ordinals.min()), int(ordinals.max()) + 1, dtype=np.int64)
