"""Strain per relationship summed by DuckDB, for a set read by :func:`graphkit.columnar.load_columnar`.

The definition, columns, ranking and ties are :func:`graphkit.analysis.strain_alg.strain`'s:
DuckDB sums each unordered pair's rows; the ranking (strain rounded to TIE_DECIMALS,
descending, then the ids), the names and the domain lists are made here as strain_alg
makes them. Sums are taken in another order than the reference path's, so a strain may
differ from it in its last bits (never at the 9 decimals that rank, nor at the 6 that
are printed, for weights written with fewer decimals).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import require_positive_int
from ..columnar import ColumnarSet
from ..schema import STRAIN_COLUMNS, TIE_DECIMALS

__all__ = ["strain_columnar"]

# a pair whose strain is this close below the N-th largest may still tie with it at
# TIE_DECIMALS: such pairs come back too, and the ranking below decides
_MARGIN = 1e-6
_RESERVE = 1000
_MASK_DOMAINS = 62  # domains a bit mask in one BIGINT holds, as strain_alg's


def strain_columnar(columnar: ColumnarSet, *, top: int | None = None) -> pd.DataFrame:
    """:func:`graphkit.analysis.strain_alg.strain` (unit ``action``, scale ``goldstein``)
    of the set DuckDB holds: the same columns, rows and order."""
    require_positive_int(top, "top")
    masks = len(columnar.domains) <= _MASK_DOMAINS
    domains = (
        "bit_or(1::BIGINT << domain_code) AS domains"
        if masks
        else "string_agg(DISTINCT domain, ',' ORDER BY domain) AS domains"
    )
    query = f"""SELECT least(source, target) AS actor_a, greatest(source, target) AS actor_b,
               sum(CASE WHEN weight < 0 THEN -weight ELSE 0.0 END) AS strain,
               sum(CASE WHEN weight < 0 AND source < target THEN -weight ELSE 0.0 END) AS strain_ab,
               sum(CASE WHEN weight < 0 AND source > target THEN -weight ELSE 0.0 END) AS strain_ba,
               count_if(weight < 0) AS hostile, count_if(weight > 0) AS cooperative,
               sum(CASE WHEN weight > 0 THEN weight ELSE 0.0 END) AS cooperation,
               {domains}
        FROM edges GROUP BY ALL"""
    if top is None:
        return _ranked(columnar.sql(query), columnar, top, masks)
    # the N most strained and a reserve, by DuckDB's top-N (no table of every pair); enough
    # unless the reserve's last pair may still tie with the N-th, then every pair
    reserve = top + _RESERVE
    pairs = columnar.sql(f"{query} ORDER BY strain DESC LIMIT {reserve}")
    if len(pairs) == reserve and pairs["strain"].iloc[-1] >= pairs["strain"].iloc[top - 1] - _MARGIN:
        pairs = columnar.sql(query)
    return _ranked(pairs, columnar, top, masks)


def _ranked(pairs: pd.DataFrame, columnar: ColumnarSet, top: int | None, masks: bool) -> pd.DataFrame:
    if len(pairs) == 0:
        return pd.DataFrame(
            {c: pd.Series(dtype=float if c.startswith("strain") else object) for c in STRAIN_COLUMNS}
        )
    # codes in the ids' sorted order (ASCII ids: Python's order and DuckDB's alike)
    codes, uniques = pd.factorize(
        pd.concat([pairs["actor_a"], pairs["actor_b"]], ignore_index=True), sort=True
    )
    ids = pd.Index(uniques).astype(str)
    a_codes, b_codes = codes[: len(pairs)], codes[len(pairs) :]
    order = np.lexsort((b_codes, a_codes, -pairs["strain"].round(TIE_DECIMALS).to_numpy()))
    if top is not None:
        order = order[:top]
    names = dict(zip(columnar.actors["id"], columnar.actors["name"]))
    id_names = pd.Index([names.get(x, x) for x in ids], dtype=ids.dtype)
    a_codes, b_codes = a_codes[order], b_codes[order]
    table = pd.DataFrame(
        {
            "rank": np.arange(1, len(order) + 1),
            "actor_a": ids.take(a_codes),
            "actor_b": ids.take(b_codes),
            "name_a": id_names.take(a_codes),
            "name_b": id_names.take(b_codes),
        }
    )
    for column in ("strain", "strain_ab", "strain_ba", "cooperation"):
        table[column] = pairs[column].to_numpy(dtype=float)[order]
    for column in ("hostile", "cooperative"):
        table[column] = pairs[column].to_numpy(dtype=np.int64)[order]
    domains = pairs["domains"].to_numpy()[order]
    if masks:
        distinct, inverse = np.unique(domains.astype(np.int64), return_inverse=True)
        labels = np.array(
            [
                ",".join(d for bit, d in enumerate(columnar.domains) if mask >> bit & 1)
                for mask in distinct.tolist()
            ],
            dtype=object,
        )
        domains = labels[inverse]
    table["domains"] = domains
    return table[STRAIN_COLUMNS]
