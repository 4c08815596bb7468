"""Robustness of the strain ranking: each pair's rank under every unit of evidence and every coding."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ..checks import require_frame, require_str_list
from ..edgeset import EdgeSet, require_edge_sets
from ..errors import ArgumentError
from ..scales import check_scale
from ..schema import SCALES, TIE_DECIMALS
from .resample import drop_one, pooled_ranks
from .strain_alg import strain
from .units import UNITS, Unit, check_unit

__all__ = [
    "ROBUSTNESS_SUMMARY",
    "robustness",
    "robustness_drop_one",
    "robustness_from_strains",
    "robustness_records",
    "strain_ranks",
]

ROBUSTNESS_SUMMARY = ["rank_min", "rank_median", "rank_max", "robust_top"]


def strain_ranks(strains: pd.Series) -> pd.Series:
    """Competition ranks ("1224") of strains, highest first; strains equal to 9
    decimals tie. A strain of 0 ranks after every positive strain."""
    return strains.round(TIE_DECIMALS).rank(method="min", ascending=False).astype(np.int64)


def _sets(edge_sets: Mapping[str, EdgeSet] | Sequence[EdgeSet]) -> dict[str, EdgeSet]:
    if isinstance(edge_sets, Mapping):
        named = dict(edge_sets)
    else:
        named = {}
        for edge_set in edge_sets:
            if edge_set.name in named:
                raise ArgumentError(
                    "edge_sets",
                    f": two sets are named {edge_set.name!r}: pass a mapping from distinct names to sets",
                )
            named[edge_set.name] = edge_set
    if not named:
        raise ArgumentError("edge_sets", "is empty: give at least one edge set")
    return named


def robustness(
    edge_sets: Mapping[str, EdgeSet] | Sequence[EdgeSet],
    *,
    units: Iterable[str] = UNITS,
    top: int = 5,
    scales: Iterable[str] = ("goldstein",),
    resamples: int | None = None,
    seed: int = 0,
) -> pd.DataFrame:
    """Each relationship's strain rank under every variant: every coding in
    ``edge_sets`` counted in every unit of ``units`` and weighed by every scale of
    ``scales`` (docs/scales.md).

    Parameters
    ----------
    edge_sets : sequence of EdgeSet, or mapping from name to EdgeSet
        Codings of the same text (already filtered). A sequence names each
        coding by its set's ``name``.
    units : iterable of {"action", "claim", "type"}
        The units of evidence (:func:`graphkit.analysis.units.count_units`), all three by default.
    top : int
        ``robust_top`` is True for a pair ranked ``top`` or better under every variant.
    scales : iterable of {"goldstein", "plover", "count", "quad"}
        The weight scales; Goldstein alone by default. With any other, variants are
        named ``CODING:UNIT:SCALE``.
    resamples, seed : int
        With ``resamples``, each variant is also bootstrapped ``resamples`` times
        (:func:`graphkit.analysis.resample.pooled_ranks`, ``default_rng(seed)``) and
        ``rank_low``, ``rank_high`` (a 90% interval over every resample of every
        variant) and ``p_top`` follow ``robust_top``.

    Returns
    -------
    DataFrame
        One row per pair (``actor_a`` < ``actor_b``) with strain under at least one
        variant; one column per variant, named ``CODING:UNIT`` (``essay:claim``),
        holding the pair's rank; then ``rank_min``, ``rank_median`` (a float: the
        mean of the middle two for an even number of variants), ``rank_max`` and
        ``robust_top``. Ranks are competition ranks by strain ("1224": pairs with
        equal strain, to 9 decimals, share the best rank). A pair without strain in
        a variant (absent from the coding, or cooperative only) ranks after every
        pair with strain there: 1 + the number of pairs with strain. Sorted by
        ``rank_median``, ``rank_max``, ``actor_a``, ``actor_b``.
        ``attrs["variants"]`` lists the variant columns in order.

    Examples
    --------
    >>> from graphkit.edgeset import load_edge_set
    >>> table = robustness([load_edge_set("essay")], units=["action"], top=1)
    >>> robustness_records(table)[0]
    {'actor_a': 'KOR', 'actor_b': 'USA', 'ranks': {'essay:action': 1}, 'rank_min': 1, 'rank_median': 1.0, 'rank_max': 1, 'robust_top': True}
    """
    require_edge_sets(edge_sets, "edge_sets")
    require_str_list(units, "units", optional=False)
    if isinstance(top, bool) or not isinstance(top, int):
        raise ArgumentError("top", f"must be a whole number, not {type(top).__name__} {top!r}")
    if top < 1:
        raise ArgumentError("top", f"must be at least 1, not {top}")
    checked = [check_unit(unit) for unit in units]
    if not checked:
        raise ArgumentError("units", "is empty: give at least one of " + ", ".join(UNITS))
    variants = _variants(edge_sets, checked, scales)
    tables = {
        variant: strain(edge_set, unit=unit, scale=scale)
        for variant, (edge_set, unit, scale) in variants.items()
    }
    table = robustness_from_strains(tables, top=top)
    if resamples is None:
        return table
    pooled = pooled_ranks(variants, resamples=resamples, seed=seed, top=top)
    merged = table.merge(pooled, on=["actor_a", "actor_b"], how="left", sort=False)
    merged.attrs.update(table.attrs, resamples=resamples, seed=seed)
    return merged


def _variants(
    edge_sets, units: Sequence[Unit], scales: Iterable[str]
) -> dict[str, tuple[EdgeSet, Unit, str]]:
    """Variant name -> (coding, unit, scale), in the order codings, units, scales."""
    require_str_list(scales, "scales", optional=False)
    weighed = [check_scale(scale) for scale in scales]
    if not weighed:
        raise ArgumentError("scales", "is empty: give at least one of " + ", ".join(SCALES))
    return {
        f"{name}:{unit}" + ("" if weighed == ["goldstein"] else f":{scale}"): (edge_set, unit, scale)
        for name, edge_set in _sets(edge_sets).items()
        for unit in units
        for scale in weighed
    }


def robustness_drop_one(
    edge_sets: Mapping[str, EdgeSet] | Sequence[EdgeSet],
    *,
    units: Iterable[str] = UNITS,
    top: int = 5,
    scales: Iterable[str] = ("goldstein",),
) -> pd.DataFrame:
    """:func:`graphkit.analysis.resample.drop_one` under every variant of :func:`robustness`:
    the single units of evidence whose removal changes a variant's top ``top``, one row
    per (variant, unit), with the variant's name first in ``variant``."""
    require_edge_sets(edge_sets, "edge_sets")
    require_str_list(units, "units", optional=False)
    checked = [check_unit(unit) for unit in units]
    tables = []
    for variant, (edge_set, unit, scale) in _variants(edge_sets, checked, scales).items():
        table = drop_one(edge_set, unit=unit, scale=scale, top=top)
        table.insert(0, "variant", variant)
        tables.append(table)
    return pd.concat(tables, ignore_index=True) if tables else pd.DataFrame()


def robustness_from_strains(tables: Mapping[str, pd.DataFrame], *, top: int = 5) -> pd.DataFrame:
    """:func:`robustness` from strain tables already computed, one per variant (name
    to a :func:`~graphkit.analysis.strain_alg.strain` table), in variant order: the
    page uses it to rank the strain it has computed once."""
    strains = {
        variant: pd.Series(
            table["strain"].to_numpy(dtype=float),
            index=pd.MultiIndex.from_arrays([table["actor_a"].astype(str), table["actor_b"].astype(str)]),
        )
        for variant, table in tables.items()
    }
    frame = pd.DataFrame(strains).fillna(0.0)
    frame = frame[(frame > 0).any(axis=1)]
    ranks = frame.apply(strain_ranks) if len(frame) else frame.astype(np.int64)
    variants = list(strains)
    result = ranks.rename_axis(["actor_a", "actor_b"]).reset_index()
    values = ranks.to_numpy(dtype=float).reshape(len(ranks), len(variants))
    result["rank_min"] = values.min(axis=1, initial=np.inf).astype(np.int64) if len(values) else []
    result["rank_median"] = np.median(values, axis=1) if len(values) else []
    result["rank_max"] = values.max(axis=1, initial=0).astype(np.int64) if len(values) else []
    result["robust_top"] = result["rank_max"] <= top
    result = result.sort_values(["rank_median", "rank_max", "actor_a", "actor_b"], kind="stable")
    result = result.reset_index(drop=True)
    for column in ("rank_min", "rank_max", *variants):
        result[column] = result[column].astype(np.int64)
    result["rank_median"] = result["rank_median"].astype(float)
    result["robust_top"] = result["robust_top"].astype(bool)
    result.attrs["variants"] = variants
    return result


def robustness_records(table: pd.DataFrame) -> list[dict]:
    """The rows of a :func:`robustness` table as JSON-ready records: ``actor_a``,
    ``actor_b``, ``ranks`` (an object from variant to rank, in variant order),
    ``rank_min``, ``rank_median``, ``rank_max``, ``robust_top``, and with a bootstrap
    ``rank_low``, ``rank_high`` and ``p_top``."""
    require_frame(table, "table")
    variants = table.attrs.get("variants", [])
    columns = {c: table[c].tolist() for c in ["actor_a", "actor_b", *variants, *ROBUSTNESS_SUMMARY]}
    records = _records(columns, variants, len(table))
    if "p_top" in table.columns:
        for record, low, high, share in zip(records, table["rank_low"], table["rank_high"], table["p_top"]):
            record.update(rank_low=int(low), rank_high=int(high), p_top=round(float(share), 6))
    return records


def _records(columns: dict, variants: list, rows: int) -> list[dict]:
    return [
        {
            "actor_a": str(columns["actor_a"][i]),
            "actor_b": str(columns["actor_b"][i]),
            "ranks": {variant: int(columns[variant][i]) for variant in variants},
            "rank_min": int(columns["rank_min"][i]),
            "rank_median": float(columns["rank_median"][i]),
            "rank_max": int(columns["rank_max"][i]),
            "robust_top": bool(columns["robust_top"][i]),
        }
        for i in range(rows)
    ]
