"""Centrality of a set read by :func:`graphkit.columnar.load_columnar`: DuckDB sums the ordered pairs.

The measures are :func:`graphkit.analysis.centrality_alg.centrality_from_pairs`'s, on the
sums of :func:`graphkit.analysis.pairs.ordered_pairs` taken by DuckDB. Each pair's sums
are exact (integer ``weight_units``, then one division), so the same whatever order
DuckDB's threads add the rows in; pandas' groupby sum is compensated (Kahan), so both
give the correctly rounded sum of the pair's weights but in rare cases; the printed
values are the pandas engine's (checked on the benchmark's million rows and the essay).
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pandas as pd

from ..columnar import ColumnarSet
from ..io.progress import Progress
from ..schema import PAIR_COLUMNS
from .centrality_alg import PairCodes, centrality_of_codes

__all__ = ["centrality_columnar", "ordered_pairs_columnar"]


def ordered_pairs_columnar(columnar: ColumnarSet) -> pd.DataFrame:
    """:func:`graphkit.analysis.pairs.ordered_pairs` of the set DuckDB holds: one row per
    ordered pair, sorted by source then target (ASCII ids: DuckDB's order is Python's)."""
    unit = 10**columnar.weight_scale
    pairs = columnar.sql(
        f"""SELECT source, target,
                  sum(CASE WHEN weight_units < 0 THEN -weight_units ELSE 0 END)::DOUBLE / {unit} AS strain,
                  sum(CASE WHEN weight_units > 0 THEN weight_units ELSE 0 END)::DOUBLE / {unit} AS cooperation,
                  count(*) AS actions, count_if(weight < 0) AS hostile, count_if(weight > 0) AS cooperative
           FROM edges GROUP BY source, target ORDER BY source, target"""
    )
    for column in ("actions", "hostile", "cooperative"):
        pairs[column] = pairs[column].astype("int64")
    for column in ("source", "target"):
        pairs[column] = pairs[column].astype(str)
    return pairs[PAIR_COLUMNS]


def centrality_columnar(
    columnar: ColumnarSet, *, progress: Progress | None = None, measures: Collection[str] | None = None
) -> pd.DataFrame:
    """:func:`graphkit.analysis.centrality_alg.centrality` (unit ``action``, scale
    ``goldstein``) of the set DuckDB holds: the same columns, rows and order."""
    if progress:
        progress(f"aggregating {columnar.rows:,} edges to pairs with DuckDB")
    return centrality_of_codes(_pair_codes(columnar), columnar.actors, progress=progress, measures=measures)


def _pair_codes(columnar: ColumnarSet) -> PairCodes:
    """The sums of :func:`ordered_pairs_columnar` by the ids' codes (``actor_codes``), as
    numpy arrays: grouping by integers and fetching no strings took a third of the time
    (the 634,447 pairs of the benchmark's million rows as strings, then looked up again)."""
    unit = 10**columnar.weight_scale
    size = max(len(columnar.ids), 1)
    result = columnar.connection.sql(
        f"""SELECT pair // {size} AS s, pair % {size} AS t,
                   strain::DOUBLE / {unit} AS strain, cooperation::DOUBLE / {unit} AS cooperation
            FROM (SELECT s.code::BIGINT * {size} + t.code AS pair,
                         sum(CASE WHEN weight_units < 0 THEN -weight_units ELSE 0 END) AS strain,
                         sum(CASE WHEN weight_units > 0 THEN weight_units ELSE 0 END) AS cooperation
                  FROM edges e JOIN actor_codes s ON e.source = s.actor JOIN actor_codes t ON e.target = t.actor
                  GROUP BY pair)
            ORDER BY pair"""
    ).fetchnumpy()
    actors = sorted(columnar.actors["id"].astype(str))
    # the ids' codes (their sorted order) as places among the sorted actors, then any id
    # the actors table lacks (none in a set load_columnar vouches for, which has them all)
    ids = list(columnar.ids)
    place = pd.Index(actors).get_indexer(ids)
    nodes = list(actors)
    if (place < 0).any():
        extra = [i for i, p in zip(ids, place) if p < 0]
        nodes += extra
        place = pd.Index(nodes).get_indexer(ids)
    place = place.astype(np.int64)
    return PairCodes(
        place[np.asarray(result["s"], dtype=np.int64)],
        place[np.asarray(result["t"], dtype=np.int64)],
        np.asarray(result["strain"], dtype=float),
        np.asarray(result["cooperation"], dtype=float),
        nodes,
    )
