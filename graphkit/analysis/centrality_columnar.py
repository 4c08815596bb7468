"""Centrality of a set read by :func:`graphkit.columnar.load_columnar`: DuckDB sums the ordered pairs.

The measures are :func:`graphkit.analysis.centrality_alg.centrality_of_codes`'s, on the
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
    sums = _pair_sums(columnar, counts=True)
    ids = np.array(columnar.ids, dtype=object)
    pairs = pd.DataFrame({"source": ids[sums.pop("s")].astype(str), "target": ids[sums.pop("t")].astype(str)})
    for column, values in sums.items():
        pairs[column] = values.astype("int64") if column in ("actions", "hostile", "cooperative") else values
    return pairs[PAIR_COLUMNS]


def _pair_sums(columnar: ColumnarSet, *, counts: bool = False) -> dict[str, np.ndarray]:
    """Each ordered pair's sums as numpy arrays: ``s`` and ``t``, the codes of its ids
    (``actor_codes``: places in ``columnar.ids``), ``strain`` and ``cooperation`` (and
    with ``counts`` ``actions``, ``hostile``, ``cooperative``), sorted by s then t.
    Grouped by the codes' one integer and fetched without a string: as strings the
    benchmark's 634,447 pairs took a third of the time, and were looked up again."""
    unit = 10**columnar.weight_scale
    size = max(len(columnar.ids), 1)
    tally = ", actions, hostile, cooperative" if counts else ""
    inner = (
        ", count(*) AS actions, count_if(weight < 0) AS hostile, count_if(weight > 0) AS cooperative"
        if counts
        else ""
    )
    result = columnar.connection.sql(
        f"""SELECT pair // {size} AS s, pair % {size} AS t,
                   strain::DOUBLE / {unit} AS strain, cooperation::DOUBLE / {unit} AS cooperation{tally}
            FROM (SELECT s.code::BIGINT * {size} + t.code AS pair,
                         sum(CASE WHEN weight_units < 0 THEN -weight_units ELSE 0 END) AS strain,
                         sum(CASE WHEN weight_units > 0 THEN weight_units ELSE 0 END) AS cooperation{inner}
                  FROM edges e JOIN actor_codes s ON e.source = s.actor JOIN actor_codes t ON e.target = t.actor
                  GROUP BY pair)
            ORDER BY pair"""
    ).fetchnumpy()
    return {column: np.asarray(values) for column, values in result.items()}


def centrality_columnar(
    columnar: ColumnarSet, *, progress: Progress | None = None, measures: Collection[str] | None = None
) -> pd.DataFrame:
    """:func:`graphkit.analysis.centrality_alg.centrality` (unit ``action``, scale
    ``goldstein``) of the set DuckDB holds: the same columns, rows and order."""
    if progress:
        progress(f"aggregating {columnar.rows:,} edges to pairs with DuckDB")
    return centrality_of_codes(_pair_codes(columnar), columnar.actors, progress=progress, measures=measures)


def _pair_codes(columnar: ColumnarSet) -> PairCodes:
    """:func:`_pair_sums` with each id's code turned into its place among the sorted actors."""
    sums = _pair_sums(columnar)
    actors = sorted(columnar.actors["id"].astype(str))
    # the ids' codes (their sorted order) as places among the sorted actors, then any id
    # the actors table lacks (none in a set load_columnar vouches for, which has them all)
    ids = list(columnar.ids)
    place = pd.Index(actors).get_indexer(ids)
    nodes = list(actors)
    if (place < 0).any():
        nodes += [i for i, p in zip(ids, place) if p < 0]
        place = pd.Index(nodes).get_indexer(ids)
    place = place.astype(np.int64)
    return PairCodes(
        place[sums["s"].astype(np.int64)],
        place[sums["t"].astype(np.int64)],
        sums["strain"].astype(float),
        sums["cooperation"].astype(float),
        nodes,
    )
