"""How sure is the strain ranking: a bootstrap over the units of evidence, and leave-one-out.

Both resample what counts once (rows, claims or action types, per ``unit``) and
rank pairs by strain as :func:`graphkit.analysis.strain_alg.strain` does, so the
interval they give is the ranking's sensitivity to which units the text happened
to report. docs/units.md defines the columns with a worked example.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..edgeset import EdgeSet, require_edge_set
from ..errors import ArgumentError
from ..scales import check_scale, with_scale
from ..schema import TIE_DECIMALS, strain_part
from .pairs import actor_codes
from .units import Unit, check_unit, claim_keys, count_units

__all__ = ["RESAMPLE_COLUMNS", "drop_one", "pooled_ranks", "resample_strain", "unit_groups"]

#: Columns :func:`resample_strain` adds after the strain report's ``strain``.
RESAMPLE_COLUMNS = ["rank_low", "rank_high", "p_first", "p_top"]
#: The interval's level: the 5th and the 95th percentile of the ranks.
LEVEL = 0.90
#: Up to this many ``rows``, :func:`resample_strain` ranks them by counting (no sort).
FEW_ROWS = 32


def unit_groups(edges: pd.DataFrame, unit: Unit) -> tuple[pd.DataFrame, np.ndarray]:
    """The rows that count under ``unit`` (:func:`graphkit.analysis.units.count_units`)
    and, per row, the unit of evidence it belongs to (an integer from 0).

    A unit is what a resample draws whole: a row under ``action``; a claim (same
    source, target and quote) under ``claim``, whose hostile and cooperative rows are
    drawn together; a (source, target, action) type under ``type``.
    """
    counted = count_units(edges, unit)
    if unit == "claim" and len(counted):
        group = pd.factorize(claim_keys(counted))[0]
    else:
        group = np.arange(len(counted))
    return counted, np.asarray(group, dtype=np.int64)


def _prepare(edge_set: EdgeSet, unit: str, scale: str):
    require_edge_set(edge_set)
    checked = check_unit(unit)
    check_scale(scale)
    counted, group = unit_groups(with_scale(edge_set.edges, scale), checked)
    ids, source, target = actor_codes(counted)
    a, b = np.minimum(source, target), np.maximum(source, target)
    pair, keys = pd.factorize(a * max(len(ids), 1) + b, sort=True)
    width = max(len(ids), 1)
    names = np.asarray(ids, dtype=object)
    pairs = pd.DataFrame({"actor_a": names[keys // width], "actor_b": names[keys % width]})
    strain = strain_part(counted["weight"].to_numpy(dtype=float))
    return counted, group, np.asarray(pair, dtype=np.int64), pairs, strain


def _totals(pair: np.ndarray, strain: np.ndarray, times: np.ndarray, pairs: int) -> np.ndarray:
    return np.bincount(pair, weights=strain * times, minlength=pairs)


def _order(totals: np.ndarray, pairs: pd.DataFrame) -> np.ndarray:
    """Pair positions by strain, highest first, ties by actor_a then actor_b (as strain ranks)."""
    return np.lexsort((pairs["actor_b"].to_numpy(), pairs["actor_a"].to_numpy(), -totals.round(TIE_DECIMALS)))


def _competition_ranks(totals: np.ndarray) -> np.ndarray:
    """Competition ranks ("1224") of strains, highest first; strains equal to 9 decimals tie."""
    negated = -totals.round(TIE_DECIMALS)
    return np.searchsorted(np.sort(negated), negated, side="left") + 1


#: The most resamples: each holds a rank per pair, and a bound keeps a slip (an extra
#: zero or three) an error rather than hours of work or an out-of-memory end.
MAX_RESAMPLES = 1_000_000
#: The most ranks the resamples may hold together (resamples x pairs, 8 bytes each).
MAX_RANKS = 1 << 28


def _check_counts(**values: int) -> None:
    least = {"resamples": 1, "seed": 0, "top": 1, "rows": 1}
    for name, value in values.items():
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < least[name]:
            raise ArgumentError(name, f"must be a whole number of at least {least[name]}, not {value!r}")
    if values.get("resamples", 0) > MAX_RESAMPLES:
        raise ArgumentError("resamples", f"{values['resamples']!r}: give at most {MAX_RESAMPLES:,}")


def _draw_ranks(group, pair, strain, pairs: int, resamples: int, rng: np.random.Generator, columns=None):
    """Competition ranks of every pair in each of ``resamples`` bootstrap draws of the
    units (a matrix, resamples x pairs), and per draw the rank of a pair without
    strain there: 1 + the number of pairs with strain. ``columns`` (pair positions):
    the ranks of those pairs only (resamples x len(columns)), each counted as 1 + the
    pairs above it, without sorting every pair (the same ranks, for a few pairs)."""
    kept = pairs if columns is None else len(columns)
    if resamples * kept > MAX_RANKS:
        raise ArgumentError(
            "resamples",
            f"{resamples:,} resamples of {kept:,} pairs would hold {resamples * kept:,} ranks (more "
            f"than {MAX_RANKS:,}, 2 GiB): give at most {max(MAX_RANKS // max(kept, 1), 1):,}, or narrow the set",
        )
    units = int(group.max()) + 1 if len(group) else 0
    ranks = np.zeros((resamples, pairs if columns is None else len(columns)), dtype=np.int64)
    absent = np.ones(resamples, dtype=np.int64)
    for r in range(resamples):
        drawn = np.bincount(rng.integers(0, units, size=units), minlength=units) if units else group
        totals = _totals(pair, strain, drawn[group].astype(float), pairs)
        if columns is None:
            ranks[r] = _competition_ranks(totals)
        else:
            negated = -totals.round(TIE_DECIMALS)
            ranks[r] = (negated[None, :] < negated[columns][:, None]).sum(axis=1) + 1
        absent[r] = 1 + int((totals.round(TIE_DECIMALS) > 0).sum())
    return ranks, absent


def pooled_ranks(
    variants: Mapping[str, tuple[EdgeSet, str, str]], *, resamples: int, seed: int, top: int
) -> pd.DataFrame:
    """Bootstrap ranks pooled over variants: for every pair with strain in at least one
    variant (name -> (edge set, unit, scale)), ``rank_low`` and ``rank_high`` (5th and
    95th percentiles of its rank over every resample of every variant) and ``p_top``
    (the share of those resamples that rank it ``top`` or better). A pair absent from a
    variant, or drawn without strain, ranks after every pair with strain in that draw.
    One generator, ``default_rng(seed)``, draws the variants in their order."""
    _check_counts(resamples=resamples, seed=seed, top=top)
    rng = np.random.default_rng(seed)
    per_variant = []
    for edge_set, unit, scale in variants.values():
        _, group, pair, pairs, strain = _prepare(edge_set, unit, scale)
        full = _totals(pair, strain, np.ones(len(pair)), len(pairs))
        ranks, absent = _draw_ranks(group, pair, strain, len(pairs), resamples, rng)
        names = list(zip(pairs["actor_a"].astype(str), pairs["actor_b"].astype(str)))
        per_variant.append((dict(zip(names, range(len(names)))), ranks, absent, full, names))
    union = sorted({name for _, _, _, full, names in per_variant for name, f in zip(names, full) if f > 0})
    rows = []
    for name in union:
        column = np.concatenate(
            [ranks[:, index[name]] if name in index else absent for index, ranks, absent, _, _ in per_variant]
        )
        rows.append(
            (
                *name,
                int(np.percentile(column, 100 * (1 - LEVEL) / 2, method="inverted_cdf")),
                int(np.percentile(column, 100 * (1 + LEVEL) / 2, method="inverted_cdf")),
                float((column <= top).mean()),
            )
        )
    return pd.DataFrame(rows, columns=["actor_a", "actor_b", "rank_low", "rank_high", "p_top"])


def resample_strain(
    edge_set: EdgeSet,
    *,
    resamples: int = 1000,
    seed: int = 0,
    unit: str = "action",
    scale: str = "goldstein",
    top: int = 5,
    rows: int | None = None,
) -> pd.DataFrame:
    """Each strained pair's rank, with a bootstrap interval over the units of evidence.

    Each of ``resamples`` resamples draws as many units as there are, with
    replacement (numpy's ``default_rng(seed)``: the same seed gives the same
    table), and ranks the pairs by the strain of the units drawn. Ranks in a
    resample are competition ranks ("1224"); a pair none of whose hostile units was
    drawn ranks after every pair with strain.

    Returns
    -------
    DataFrame
        One row per pair with strain in ``edge_set``, in the order of the strain
        report: ``rank``, ``actor_a``, ``actor_b``, ``strain`` (as reported), then
        ``rank_low`` and ``rank_high`` (the 5th and 95th percentiles of the pair's
        rank over the resamples: a 90% interval), ``p_first`` (share of resamples
        where it ranks 1, ties included) and ``p_top`` (share where it ranks
        ``top`` or better). ``attrs`` holds ``resamples``, ``seed``, ``unit``,
        ``scale``, ``top`` and ``units`` (how many units were drawn from).
        ``rows`` (a whole number of at least 1) keeps only the first ``rows`` pairs
        of that table, with the same figures (a page's ranked list: the draws are
        the same, only the pairs it shows are ranked).

    Examples
    --------
    >>> from graphkit.edgeset import load_edge_set
    >>> table = resample_strain(load_edge_set("essay"), resamples=200, seed=1)
    >>> list(table.columns)
    ['rank', 'actor_a', 'actor_b', 'strain', 'rank_low', 'rank_high', 'p_first', 'p_top']
    """
    _check_counts(resamples=resamples, seed=seed, top=top)
    if rows is not None:
        _check_counts(rows=rows)
    _, group, pair, pairs, strain = _prepare(edge_set, unit, scale)
    units = int(group.max()) + 1 if len(group) else 0
    full = _totals(pair, strain, np.ones(len(pair)), len(pairs))
    order = [i for i in _order(full, pairs) if full[i] > 0][:rows]
    rng = np.random.default_rng(seed)
    # a few pairs are counted against every pair (a pairs x rows comparison per draw);
    # more are ranked by the sort, which then costs less and holds no rows x pairs matrix
    if rows is None or len(order) > FEW_ROWS:
        chosen = _draw_ranks(group, pair, strain, len(pairs), resamples, rng)[0][:, order]
    else:
        chosen = _draw_ranks(
            group, pair, strain, len(pairs), resamples, rng, np.asarray(order, dtype=np.int64)
        )[0]
    table = pairs.iloc[order].reset_index(drop=True)
    table.insert(0, "rank", np.arange(1, len(order) + 1, dtype=np.int64))
    table["strain"] = full[order]
    if len(order):
        low = np.percentile(chosen, 100 * (1 - LEVEL) / 2, axis=0, method="inverted_cdf")
        high = np.percentile(chosen, 100 * (1 + LEVEL) / 2, axis=0, method="inverted_cdf")
    else:
        low = high = np.zeros(0)
    table["rank_low"] = np.asarray(low, dtype=np.int64)
    table["rank_high"] = np.asarray(high, dtype=np.int64)
    table["p_first"] = (chosen == 1).mean(axis=0) if len(order) else np.zeros(0)
    table["p_top"] = (chosen <= top).mean(axis=0) if len(order) else np.zeros(0)
    table.attrs.update(resamples=resamples, seed=seed, unit=unit, scale=scale, top=top, units=units)
    return table


def drop_one(
    edge_set: EdgeSet, *, unit: str = "action", scale: str = "goldstein", top: int = 5
) -> pd.DataFrame:
    """The single units of evidence whose removal changes the strain ranking's top ``top``.

    Each unit (a row, claim or type, per ``unit``) is left out in turn and the pairs
    are ranked again as the strain report ranks them (strain, then ``actor_a``,
    ``actor_b``). A unit is listed when the top ``top`` then holds other pairs, or
    the same pairs in another order.

    Returns
    -------
    DataFrame
        One row per such unit, in file order: ``ids`` (the ids of its rows, or their
        line positions from 1 when the set has no ids, comma-separated),
        ``source``, ``target``, ``action`` (of its first row), ``strain`` (the strain
        it carries), ``leaves`` and ``enters`` (the pairs, ``A-B``, that leave and
        enter the top ``top``), and ``change``: ``members`` when the pairs change,
        ``order`` when only their order does. ``attrs["units"]`` counts the units tried.
    """
    _check_counts(top=top)
    counted, group, pair, pairs, strain = _prepare(edge_set, unit, scale)
    units = int(group.max()) + 1 if len(group) else 0
    names = (pairs["actor_a"] + "-" + pairs["actor_b"]).to_numpy(dtype=object)
    full = _totals(pair, strain, np.ones(len(pair)), len(pairs))
    before = [i for i in _order(full, pairs)[:top] if full[i] > 0]
    if "id" in counted.columns:
        ids = counted["id"].astype(str).to_numpy(dtype=object)
    else:
        ids = np.asarray([str(i + 1) for i in counted.index], dtype=object)
    rows = []
    for g in range(units):
        members = np.flatnonzero(group == g)
        times = np.ones(len(pair))
        times[members] = 0.0
        totals = _totals(pair, strain, times, len(pairs))
        after = [i for i in _order(totals, pairs)[:top] if totals[i] > 0]
        if after == before:
            continue
        first = counted.iloc[members[0]]
        rows.append(
            {
                "ids": ",".join(ids[members]),
                "source": str(first["source"]),
                "target": str(first["target"]),
                "action": str(first["action"]),
                "strain": float(strain[members].sum()),
                "leaves": ",".join(names[i] for i in before if i not in after),
                "enters": ",".join(names[i] for i in after if i not in before),
                "change": "members" if set(after) != set(before) else "order",
            }
        )
    columns = ["ids", "source", "target", "action", "strain", "leaves", "enters", "change"]
    table = pd.DataFrame(rows, columns=columns)
    table.attrs.update(units=units, unit=unit, scale=scale, top=top)
    return table
