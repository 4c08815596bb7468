"""Pairing the edges of two codings of one text by their quotes, when their ids do not match.

A hand coding and a draft from ``graphkit extract`` name their rows differently
(``p01`` and ``x001``), and a draft has no dates: matched by id or by (source,
target, action, date) nothing pairs. Matched claim for claim by the codebook's
rule (:func:`graphkit.claims.match_claims`), the diff shows what the draft got
right, what it got wrong and what it missed.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from ..claims import match_claims
from ..edgeset import EdgeSet

__all__ = ["Matching", "changed_by_quote", "id_pairs", "matching_for", "quote_identity", "quote_pairs"]

#: How the edges of two sets were paired: by ``id``, by claim (``quote``), or by (source, target, action, date).
Matching = Literal["id", "quote", "key"]


def matching_for(
    a: EdgeSet, b: EdgeSet, same_text: bool, ids: tuple[np.ndarray, np.ndarray] | None = None
) -> Matching:
    """``id`` when both sets have ids and share one (or one set has no edge left to
    share one); else ``quote`` when both quote one source text (``same_text``); else ``key``.
    ``ids`` are the rows with equal ids (:func:`id_pairs`), when the caller has them."""
    nothing_to_share = not (len(a.edges) and len(b.edges))
    if a.has_ids and b.has_ids and (nothing_to_share or len((ids or id_pairs(a.edges, b.edges))[0])):
        return "id"
    return "quote" if same_text else "key"


def id_pairs(a: pd.DataFrame, b: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Positions (in ``a``, in ``b``) of the rows whose ``id`` is equal, in a's order
    (ids are distinct within each set). One hash lookup per id in Arrow: pandas'
    ``isin`` on Arrow text walked B's million ids in Python (5 s)."""
    import pyarrow.compute as pc

    where = pc.index_in(_arrow(a["id"]), value_set=_arrow(b["id"]).combine_chunks())
    where = where.fill_null(-1).to_numpy().astype(np.int64)
    found = where >= 0
    return np.flatnonzero(found), where[found]


def _arrow(column: pd.Series):
    """The column as a pyarrow ChunkedArray (Arrow-backed text as it is held, anything else converted)."""
    import pyarrow as pa

    array = column.array
    if hasattr(array, "__arrow_array__"):
        arrow = array.__arrow_array__()
        return arrow if isinstance(arrow, pa.ChunkedArray) else pa.chunked_array([arrow])
    return pa.chunked_array([pa.array(column.to_numpy(dtype=object), from_pandas=True)])


def quote_pairs(a: pd.DataFrame, b: pd.DataFrame, source_text: str) -> tuple[np.ndarray, np.ndarray]:
    """Positions (in ``a``, in ``b``) of the rows that make the same claim, in a's order."""
    match = match_claims(a, b, source_text)
    pairs = np.array(match.pairs, dtype=np.int64).reshape(-1, 2)
    return pairs[:, 0], pairs[:, 1]


def quote_identity(a: EdgeSet, b: EdgeSet) -> tuple[str, str]:
    """The columns that name a matched pair: both ids when both sets have them, else both lines."""
    return ("id_a", "id_b") if a.has_ids and b.has_ids else ("line_a", "line_b")


def _names(edge_set: EdgeSet, edges: pd.DataFrame, rows: np.ndarray, column: str) -> np.ndarray:
    if column.startswith("id"):
        return edges["id"].to_numpy(dtype=object)[rows]
    lines = edge_set.lines if len(edge_set.lines) == len(edges) else np.arange(len(edges)) + 2
    return np.asarray(lines, dtype=np.int64)[rows]


def changed_by_quote(
    a: EdgeSet,
    b: EdgeSet,
    pos_a: np.ndarray,
    pos_b: np.ndarray,
    differ: dict[str, np.ndarray],
    fields: list[str],
) -> pd.DataFrame:
    """One row per (pair matched by quote, field) whose value differs (``differ[field][i]``:
    pair i's values differ): both rows' ids (or lines), a's source, target and action,
    ``field``, ``old`` and ``new``."""
    ea, eb = a.edges.reset_index(drop=True), b.edges.reset_index(drop=True)
    first, second = quote_identity(a, b)
    columns = [first, second, "source", "target", "action", "field", "old", "new"]
    parts = []
    for order, name in enumerate(fields):
        rows_a, rows_b = pos_a[differ[name]], pos_b[differ[name]]
        if len(rows_a) == 0:
            continue
        part = pd.DataFrame(
            {
                first: _names(a, ea, rows_a, first),
                second: _names(b, eb, rows_b, second),
                "source": ea["source"].to_numpy(dtype=object)[rows_a],
                "target": ea["target"].to_numpy(dtype=object)[rows_a],
                "action": ea["action"].to_numpy(dtype=object)[rows_a],
                "field": name,
                "old": ea[name].astype(object).to_numpy()[rows_a],
                "new": eb[name].astype(object).to_numpy()[rows_b],
                "_row": rows_a,
                "_order": order,
            }
        )
        parts.append(part)
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    frame = pd.concat(parts, ignore_index=True).sort_values(["_row", "_order"], kind="stable")
    return frame[columns].reset_index(drop=True)
