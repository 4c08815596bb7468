"""Any graphkit edge set read as a record (an imported GDELT set, another coding, a curated list)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..dates import edge_intervals
from ..edgeset import EdgeSet
from .form import cameo_parts, match_codes, plover_of_code

__all__ = ["edge_set_events"]


def edge_set_events(edge_set: EdgeSet) -> pd.DataFrame:
    """The edges of ``edge_set`` in the record form: the date interval of each row
    (undated rows have NaT), its CAMEO code (the row's, else its action's in the
    taxonomy, else the first code of match_codes.csv for a bespoke action; QuadClass 0
    where there is none), weight as Goldstein value, ``mentions`` as the number of sources
    where the set has it, and ``document`` (else the edge id) as the reference."""
    edges = edge_set.edges
    intervals = edge_intervals(edges)
    code = (
        edges["cameo"].fillna("").astype(str).str.strip()
        if "cameo" in edges
        else pd.Series("", index=edges.index)
    )
    # a bespoke action (tariff) reads as the first code it is matched under (match_codes.csv)
    action = edges["action"].fillna("").astype(str) if "action" in edges else pd.Series("", index=edges.index)
    fallback = action.map(lambda a: (match_codes().get(a) or ("",))[0])
    code = code.where(code.map(cameo_parts).notna(), fallback)
    parts = code.map(cameo_parts)
    weight = pd.to_numeric(edges["weight"], errors="coerce").astype(float)
    mentions = (
        pd.to_numeric(edges["mentions"], errors="coerce").fillna(1).clip(lower=1).astype(np.int64)
        if "mentions" in edges
        else pd.Series(1, index=edges.index, dtype=np.int64)
    )
    ids = (
        edges["id"].astype(str)
        if "id" in edges
        else pd.Series((edges.index + 1).astype(str), index=edges.index)
    )
    document = (
        edges["document"].fillna("").astype(str).str.strip()
        if "document" in edges
        else pd.Series("", index=edges.index)
    )
    return pd.DataFrame(
        {
            "start": intervals["start"].astype("datetime64[ns]"),
            "end": intervals["end"].astype("datetime64[ns]"),
            "source": edges["source"].astype(str),
            "target": edges["target"].astype(str),
            "code": code.where(parts.notna(), ""),
            "root": parts.map(lambda p: p[0] if p else ""),
            "plover": code.map(plover_of_code()).fillna(""),
            "quad": parts.map(lambda p: p[1] if p else 0).astype(
                np.int8
            ),  # 0: no code, only the sign is known
            "goldstein": weight,
            "sources": mentions,
            "ref": document.where(document != "", edge_set.name + " edge " + ids),
            "event_id": ids,
        }
    ).reset_index(drop=True)
