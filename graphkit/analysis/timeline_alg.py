"""Strain and cooperation per relationship per period: the series behind `graphkit timeline`."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import require_choice, require_positive_int
from ..edgeset import EdgeSet, require_edge_set
from ..schema import cooperation_part, strain_part
from .pairs import actor_codes
from .periods import FREQS, Freq, all_periods, check_period_cells, period_labels, spread_rows
from .strain_alg import strain

__all__ = ["TIMELINE_COLUMNS", "UNDATED_PERIOD", "timeline"]

#: The period label of a pair's undated actions, reported after its dated periods.
UNDATED_PERIOD = "undated"
TIMELINE_COLUMNS = [
    "period",
    "rank",
    "actor_a",
    "actor_b",
    "name_a",
    "name_b",
    "strain",
    "strain_ab",
    "strain_ba",
    "cooperation",
    "hostile",
    "cooperative",
    "net",
]
_SUMS = ["strain", "strain_ab", "strain_ba", "cooperation", "hostile", "cooperative"]
DECIMALS = 9  # shares of 1/k summed in any order agree to far more than this


def timeline(edge_set: EdgeSet, *, freq: Freq = "year", top: int | None = None) -> pd.DataFrame:
    """Strain, cooperation and counts of every relationship per period.

    One row per relationship (unordered pair, ``actor_a`` < ``actor_b``) and
    period, for every period from the set's first dated period to its last (zero
    where the pair has no action), then, for pairs with undated actions, one row
    with ``period`` ``"undated"``. Columns as :func:`graphkit.analysis.strain_alg.strain`
    (``strain_ab`` is a→b) plus ``net`` = cooperation - strain. A row whose date
    covers several periods is spread over them in equal shares
    (:mod:`graphkit.analysis.periods`), so counts may be fractions. Pairs are
    ranked as ``graphkit strain`` ranks them (all actions, dated or not); ``top``
    keeps the first ``top``. ``attrs["undated"]`` is the number of undated actions.

    Examples
    --------
    >>> import pandas as pd
    >>> from graphkit.edgeset import EdgeSet
    >>> edges = pd.DataFrame({"source": ["A", "B"], "target": ["B", "A"], "action": ["x", "y"],
    ...     "weight": [-4.0, 2.0], "domain": ["d", "d"], "date": ["2024", "2025-02"]})
    >>> series = timeline(EdgeSet("s", edges, pd.DataFrame({"id": ["A", "B"], "name": ["A", "B"]})))
    >>> series[["period", "strain", "cooperation", "net"]].values.tolist()
    [['2024', 4.0, 0.0, -4.0], ['2025', 0.0, 2.0, 2.0]]
    """
    require_edge_set(edge_set)
    require_choice(freq, "freq", FREQS)
    require_positive_int(top, "top")
    edges = edge_set.edges
    ranked = strain(edge_set, top=top)[["rank", "actor_a", "actor_b", "name_a", "name_b"]]
    ids, source, target = actor_codes(edges)
    width = max(len(ids), 1)
    a, b = np.minimum(source, target), np.maximum(source, target)
    weight = edges["weight"].to_numpy(dtype=float)
    part = strain_part(weight)
    forward = source < target
    values = pd.DataFrame(
        {
            "key": a * width + b,
            "strain": part,
            "strain_ab": np.where(forward, part, 0.0),
            "strain_ba": np.where(forward, 0.0, part),
            "cooperation": cooperation_part(weight),
            "hostile": (weight < 0).astype(float),
            "cooperative": (weight > 0).astype(float),
        }
    )
    chosen = ids.get_indexer(ranked["actor_a"]) * width + ids.get_indexer(ranked["actor_b"])
    rank_of = pd.Series(ranked["rank"].to_numpy(), index=chosen)

    spread = spread_rows(edges, freq)
    dated = values.iloc[spread.row].reset_index(drop=True)
    dated[_SUMS] = dated[_SUMS].to_numpy() * spread.share[:, None]
    dated["period"] = spread.period
    dated = dated[dated["key"].isin(chosen)]
    sums = dated.groupby(["key", "period"], sort=True)[_SUMS].sum()
    periods = all_periods(spread.period)
    check_period_cells(
        len(chosen) * len(periods),
        f"the timeline of {len(chosen):,} relationships",
        freq,
        also=", keep fewer relationships (top)",
    )
    grid = pd.MultiIndex.from_product([chosen, periods], names=["key", "period"])
    series = sums.reindex(grid, fill_value=0.0).reset_index()
    series["label"] = period_labels(series["period"].to_numpy(), freq) if len(series) else []
    series["order"] = series["period"]

    undated = values[spread.undated & values["key"].isin(chosen).to_numpy()]
    apart = undated.groupby("key", sort=True)[_SUMS].sum().reset_index()
    apart["label"] = UNDATED_PERIOD
    apart["order"] = np.iinfo(np.int64).max  # after every period

    table = pd.concat([series.drop(columns="period"), apart], ignore_index=True)
    table["rank"] = rank_of.reindex(table["key"]).to_numpy()
    table = table.sort_values(["rank", "order"], kind="stable").reset_index(drop=True)
    table = table.merge(ranked, on="rank", how="left", validate="many_to_one")
    table[_SUMS] = table[_SUMS].astype(float).round(DECIMALS) + 0.0  # no -0.0
    table["net"] = (table["cooperation"] - table["strain"]).round(DECIMALS) + 0.0
    table = table.rename(columns={"label": "period"})[TIMELINE_COLUMNS]
    table.attrs["undated"] = int(spread.undated.sum())
    table.attrs["freq"] = freq
    return table
