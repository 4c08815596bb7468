"""Units of evidence: what one counted unit of an edge set is (a row, a claim, an action type)."""

from __future__ import annotations

from typing import cast

import numpy as np
import pandas as pd

from ..checks import require_frame
from ..errors import ArgumentError, use_one_of
from ..schema import STRAIN_INTENSITY_COLUMNS, UNITS, Unit

__all__ = [
    "UNITS",
    "Unit",
    "check_unit",
    "claim_keys",
    "count_units",
    "pair_claims",
    "quote_codes",
    "with_intensity",
]


def check_unit(unit: str) -> Unit:
    """``unit`` itself when it is one of :data:`UNITS`, else an :class:`~graphkit.errors.ArgumentError`."""
    if unit not in UNITS:
        raise ArgumentError("unit", f"{unit!r} is not a unit of evidence: {use_one_of(UNITS)}")
    return cast(Unit, unit)


def quote_codes(quotes: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """An integer per row, equal where the quotes are equal whitespace aside, and
    the normalised quotes they stand for (runs of whitespace made one space, ends
    stripped; ``""`` for a row without a quote).

    Only the distinct quotes are normalised (a million rows quoting a thousand
    passages normalise a thousand strings).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    codes, uniques = pd.factorize(quotes, use_na_sentinel=False)
    # in arrow's C++ kernels: 40% faster than str.split/join over 250,000 distinct quotes
    text = pa.array(np.asarray(uniques, dtype=object), type=pa.large_string(), from_pandas=True)
    text = pc.utf8_trim(pc.replace_substring_regex(pc.fill_null(text, ""), _WHITESPACE, " "), " ")
    merged, texts = pd.factorize(pd.Series(text.to_numpy(zero_copy_only=False), dtype=object))
    return merged[codes].astype(np.int64), np.asarray(texts, dtype=object)


# What Python's str.split() splits on (str.isspace), as one RE2 class: RE2's \s alone
# is ASCII only. Normalising as graphkit.claims.normalize_ws does keeps one rule.
_WHITESPACE = (
    r"[\s\x0b\x1c-\x1f\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]+"
)


def _group(*columns: pd.Series | np.ndarray) -> np.ndarray:
    """One integer per row, equal exactly where every column is equal."""
    key = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(column, use_na_sentinel=False)
        key = key * max(len(uniques), 1) + codes
        # re-code the combination so the product never overflows
        key = pd.factorize(key)[0].astype(np.int64)
    return key


def claim_keys(edges: pd.DataFrame) -> np.ndarray:
    """The claim each row belongs to, as an integer: rows with the same source,
    target and quote (whitespace aside) share one; a row without a quote is a claim of its own."""
    codes, texts = quote_codes(edges["quote"])
    empty = np.flatnonzero(texts == "")
    if len(empty):
        # an unquoted row gets a code of its own, past every quote's code
        unquoted = codes == empty[0]
        codes = codes.copy()
        codes[unquoted] = len(texts) + np.arange(int(unquoted.sum()))
    # Series, not object arrays: pandas factorizes its string columns far faster
    return _group(edges["source"], edges["target"], codes)


def _first_by(group: np.ndarray, *order: np.ndarray) -> np.ndarray:
    """Row positions of the first row of each group when rows are sorted by ``order``
    (most significant first), ties by position (np.lexsort is stable)."""
    sort = np.lexsort((*reversed(order), group))
    sorted_groups = group[sort]
    first = np.ones(len(sort), dtype=bool)
    first[1:] = sorted_groups[1:] != sorted_groups[:-1]
    return sort[first]


def count_units(edges: pd.DataFrame, unit: Unit = "action") -> pd.DataFrame:
    """The rows of ``edges`` that count as units of evidence under ``unit``.

    Applied after filtering and before any aggregation; every measure then sums
    and counts the rows returned as it sums and counts rows.

    Parameters
    ----------
    edges : DataFrame
        Edge rows with at least ``source``, ``target``, ``action``, ``weight`` and
        ``quote``.
    unit : {"action", "claim", "type"}
        ``"action"``: every row is a unit (``edges`` is returned unchanged).
        ``"claim"``: rows with the same source, target and quote (whitespace aside)
        are one claim; a claim counts once at its most hostile weight if it has
        hostile rows (weight < 0), and once more at its most cooperative weight if it
        also has cooperative rows (weight > 0); a claim whose rows all weigh 0 counts
        once, at 0. A row without a quote is a claim of its own.
        ``"type"``: rows with the same source, target and action count once at
        their most extreme weight (largest absolute value); between +x and -x the
        hostile -x wins.

    Raises
    ------
    ArgumentError
        When ``unit`` is not a unit, or ``edges`` lacks a column the unit needs.

    Returns
    -------
    DataFrame
        A subset of the rows of ``edges``, in their original order and with their
        index, so that each kept row keeps its other fields (date, domain, id...).
        Where several rows carry the extreme weight, the first in file order is kept.

    Examples
    --------
    >>> edges = pd.DataFrame({
    ...     "source": ["USA", "USA", "USA", "USA"], "target": ["CAN"] * 4,
    ...     "action": ["tariff", "accusation", "tariff", "aid"],
    ...     "weight": [-6.5, -2.0, -6.5, 3.0],
    ...     "quote": ["a 25% tariff", "a 25%  tariff", "", "a 25% tariff"]})
    >>> count_units(edges, "claim")["weight"].tolist()
    [-6.5, -6.5, 3.0]
    >>> count_units(edges, "type")["action"].tolist()
    ['tariff', 'accusation', 'aid']
    """
    require_frame(edges, "edges", ("source", "target"))
    check_unit(unit)
    if unit == "action":
        return edges
    needed = ("source", "target", "quote" if unit == "claim" else "action", "weight")
    missing = [column for column in needed if column not in edges.columns]
    if missing:
        raise ArgumentError(
            "edges", f"has no {', '.join(missing)} column: unit {unit!r} needs {', '.join(needed)}"
        )
    if len(edges) == 0:
        return edges
    weight = edges["weight"].to_numpy(dtype=float)
    if unit == "type":
        group = _group(edges["source"], edges["target"], edges["action"])
        # largest |weight| first; at equal |weight| the lower (hostile) weight first
        keep = _first_by(group, -np.abs(weight), weight)
    else:
        group = claim_keys(edges)
        hostile, cooperative = weight < 0, weight > 0
        rows = np.arange(len(edges))
        kept = []
        for mask, order in ((hostile, weight), (cooperative, -weight)):
            kept.append(rows[mask][_first_by(group[mask], order[mask])])
        signed = np.zeros(group.max() + 1, dtype=bool)
        signed[group[hostile | cooperative]] = True
        neutral = ~signed[group]
        kept.append(rows[neutral][_first_by(group[neutral], np.zeros(int(neutral.sum())))])
        keep = np.concatenate(kept)
    return edges.iloc[np.sort(keep)]


def pair_claims(edges: pd.DataFrame) -> pd.DataFrame:
    """How many distinct claims each unordered pair of actors carries, both directions.

    A claim is a (source, target, quote) group, whitespace aside; an unquoted row is
    a claim of its own (see :func:`claim_keys`). Columns ``actor_a``, ``actor_b``
    (``actor_a`` < ``actor_b``) and ``claims``, sorted by the pair.

    >>> edges = pd.DataFrame({"source": ["B", "A", "A", "B"], "target": ["A", "B", "B", "C"],
    ...                       "quote": ["q", "q", "q ", ""]})
    >>> pair_claims(edges).values.tolist()
    [['A', 'B', 2], ['B', 'C', 1]]
    """
    if len(edges) == 0:
        return pd.DataFrame({"actor_a": pd.Series(dtype=object), "actor_b": pd.Series(dtype=object),
                             "claims": pd.Series(dtype=np.int64)})  # fmt: skip
    first = pd.Series(claim_keys(edges)).drop_duplicates().index.to_numpy()
    source = edges["source"].to_numpy(dtype=object)[first]
    target = edges["target"].to_numpy(dtype=object)[first]
    pairs = pd.DataFrame({"actor_a": np.minimum(source, target), "actor_b": np.maximum(source, target)})
    counted = pairs.groupby(["actor_a", "actor_b"], sort=True).size().rename("claims").reset_index()
    counted["claims"] = counted["claims"].astype(np.int64)
    return counted


def with_intensity(table: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    """A strain table with ``claims`` and ``mean_hostility`` inserted after ``hostile``.

    ``claims`` (a count) is :func:`pair_claims` of the hostile rows of ``edges``
    (weight < 0), the filtered rows before any unit is applied: the hostile claims,
    the same under every unit. ``mean_hostility`` (a mean) is ``strain / hostile``,
    NaN where the pair has no hostile unit. Both speak of hostility only, so under
    ``unit="claim"`` ``hostile`` equals ``claims`` and the mean is per hostile claim.
    """
    claims = pair_claims(edges[edges["weight"].to_numpy(dtype=float) < 0])
    merged = table[["actor_a", "actor_b"]].merge(claims, on=["actor_a", "actor_b"], how="left", sort=False)
    out = table.copy()
    at = list(out.columns).index("hostile") + 1
    claims_column, mean_column = STRAIN_INTENSITY_COLUMNS
    out.insert(at, claims_column, merged["claims"].fillna(0).astype(np.int64).to_numpy())
    hostile = out["hostile"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(hostile > 0, out["strain"].to_numpy(dtype=float) / hostile, np.nan)
    out.insert(at + 1, mean_column, mean)
    return out
