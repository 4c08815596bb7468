"""Strain per relationship summed by DuckDB, for a set read by :func:`graphkit.columnar.load_columnar`.

The definition, columns, ranking and ties are :func:`graphkit.analysis.strain_alg.strain`'s:
DuckDB sums each unordered pair's rows; the ranking (strain rounded to TIE_DECIMALS,
descending, then the ids), the names and the domain lists are made here as strain_alg
makes them. Sums are exact: DuckDB adds integer ``weight_units`` (every weight of a set
the engine takes is a decimal of at most ``MAX_SCALE`` places), and each sum becomes a
float by one division, so a strain is the double nearest its true value whatever order
DuckDB's threads add the rows in, byte-identical from run to run. The reference path
adds floats in its own order, so a strain may differ from it in its last bits (never at
the 9 decimals that rank, nor at the 6 that are printed).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import require_positive_int
from ..columnar import ColumnarSet
from ..schema import STRAIN_COLUMNS, TIE_DECIMALS
from .strain_alg import MASK_DOMAINS, domain_labels

__all__ = ["strain_columnar"]

# a pair whose strain is this close below the N-th largest may still tie with it at
# TIE_DECIMALS: such pairs come back too, and the ranking below decides
_MARGIN = 1e-6
_RESERVE = 1000


def strain_columnar(columnar: ColumnarSet, *, top: int | None = None) -> pd.DataFrame:
    """:func:`graphkit.analysis.strain_alg.strain` (unit ``action``, scale ``goldstein``)
    of the set DuckDB holds: the same columns, rows and order."""
    require_positive_int(top, "top")
    masks = len(columnar.domains) <= MASK_DOMAINS
    domains = (
        "bit_or(1::BIGINT << domain_code) AS domains"
        if masks
        else "string_agg(DISTINCT domain, ',' ORDER BY domain) AS domains"
    )
    unit = 10**columnar.weight_scale
    # each unordered pair as one integer (its ids' codes, in sorted order: a before b), and
    # its sums as exact integers (weight_units), made floats by one division each
    size = max(len(columnar.ids), 1)
    query = f"""SELECT pair // {size} AS code_a, pair % {size} AS code_b,
               (ab + ba)::DOUBLE / {unit} AS strain, ab::DOUBLE / {unit} AS strain_ab,
               ba::DOUBLE / {unit} AS strain_ba, hostile, cooperative,
               cooperation::DOUBLE / {unit} AS cooperation, domains
        FROM (SELECT least(s.code, t.code)::BIGINT * {size} + greatest(s.code, t.code) AS pair,
                     sum(CASE WHEN weight_units < 0 AND s.code < t.code THEN -weight_units ELSE 0 END) AS ab,
                     sum(CASE WHEN weight_units < 0 AND s.code > t.code THEN -weight_units ELSE 0 END) AS ba,
                     count_if(weight_units < 0) AS hostile, count_if(weight_units > 0) AS cooperative,
                     sum(CASE WHEN weight_units > 0 THEN weight_units ELSE 0 END) AS cooperation,
                     {domains}
              FROM edges e JOIN actor_codes s ON e.source = s.actor JOIN actor_codes t ON e.target = t.actor
              GROUP BY pair)"""
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
    # codes in the ids' sorted order (actor_codes)
    ids = pd.Index(columnar.ids, dtype=str)
    a_codes, b_codes = pairs["code_a"].to_numpy(dtype=np.int64), pairs["code_b"].to_numpy(dtype=np.int64)
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
        domains = domain_labels(domains, columnar.domains)
    table["domains"] = domains
    return table[STRAIN_COLUMNS]
