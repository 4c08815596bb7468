"""The graph page's time control: the data it needs, and its filter spec.

Each drawn action gets ``date_start`` and ``date_end`` (ISO days, ``""`` when
undated: :mod:`graphkit.dates`), and the page a filter of type ``dates``: two
menus of periods (years, or months when the dates span at most two years), a
box for ``--overlap`` and one for ``--undated keep``. The page applies the
command line's rule (docs/time.md): an action shows when its interval lies
wholly inside the chosen periods (with overlap: shares a day with them);
undated actions hide when a bound is chosen, unless kept; the control says how
many undated actions it hides or shows.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..dates import edge_intervals
from ..edgeset import EdgeSet

__all__ = ["MONTHS_UP_TO_YEARS", "date_filter", "with_dates"]

#: Dates spanning at most this many calendar years are offered by month, else by year.
MONTHS_UP_TO_YEARS = 2


def _days(values: np.ndarray) -> list[str]:
    text = np.datetime_as_string(values.astype("datetime64[D]"), unit="D")
    return [t if t != "NaT" else "" for t in text]


def with_dates(edge_set: EdgeSet, edges: list[dict[str, Any]], ids: list[str]) -> list[dict[str, Any]]:
    """``edges`` (page edge dicts, ``id`` from ``ids``, one per row of ``edge_set``)
    with ``date_start`` and ``date_end`` added."""
    intervals = edge_intervals(edge_set.edges)
    start = dict(zip(ids, _days(intervals["start"].to_numpy())))
    end = dict(zip(ids, _days(intervals["end"].to_numpy())))
    return [{**edge, "date_start": start[edge["id"]], "date_end": end[edge["id"]]} for edge in edges]


def date_filter(edges: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The ``dates`` filter spec for the page's edges, or None when none is dated."""
    dated = [e for e in edges if e["date_start"]]
    if not dated:
        return None
    first = min(e["date_start"] for e in dated)
    last = max(e["date_end"] for e in dated)
    years = range(int(first[:4]), int(last[:4]) + 1)
    if len(years) <= MONTHS_UP_TO_YEARS:
        months = [(y, m) for y in years for m in range(1, 13)]
        periods = [
            [f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-01", _month_end(y, m)]
            for y, m in months
            if f"{y:04d}-{m:02d}" >= first[:7] and f"{y:04d}-{m:02d}" <= last[:7]
        ]
    else:
        periods = [[f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31"] for y in years]
    return {
        "type": "dates",
        "label": "From",
        "periods": periods,
        "undated": len(edges) - len(dated),
    }


def _month_end(year: int, month: int) -> str:
    last = (np.datetime64(f"{year:04d}-{month:02d}", "M") + 1).astype("datetime64[D]") - 1
    return str(last)
