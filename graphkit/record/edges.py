"""Any graphkit edge set read as a record (an imported GDELT set, another coding, a curated list)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..dates import edge_intervals
from ..edgeset import EdgeSet
from ..errors import EdgeSetError, Problem
from .form import cameo_parts, match_codes, plover_of_code

__all__ = ["edge_set_events", "refuse_outside_timestamps"]

#: The days a record's times can hold (pandas' nanosecond timestamps): event data
#: begins in 1979, so a claim outside them cannot be looked up at all.
_FIRST_DAY, _LAST_DAY = pd.Timestamp.min.ceil("D"), pd.Timestamp.max.floor("D")


def refuse_outside_timestamps(edge_set: EdgeSet, start: pd.Series, end: pd.Series) -> None:
    """An EdgeSetError at the first claim dated before 1677-09-22 or after 2262-04-11
    (converting it raised an internal OutOfBoundsDatetime), claim or record event alike."""
    first = start.to_numpy(dtype="datetime64[D]")
    last = end.to_numpy(dtype="datetime64[D]")
    outside = (first < np.datetime64(_FIRST_DAY.date())) | (last > np.datetime64(_LAST_DAY.date()))
    if not outside.any():
        return
    row = int(np.flatnonzero(outside)[0])
    name = edge_set.path.name if edge_set.path is not None else edge_set.name
    line = int(edge_set.lines[row]) if len(edge_set.lines) > row else row + 2
    date = edge_set.edges["date"].iloc[row] if "date" in edge_set.edges else ""
    raise EdgeSetError(
        [
            Problem(
                name,
                line,
                f"date {date!r} lies outside {_FIRST_DAY.date()}..{_LAST_DAY.date()}, the days verify can "
                "compare (event data begins in 1979): correct the date, or leave the row out",
            )
        ]
    )


def edge_set_events(edge_set: EdgeSet) -> pd.DataFrame:
    """The edges of ``edge_set`` in the record form: the date interval of each row
    (undated rows have NaT), its CAMEO code (the row's, else its action's in the
    taxonomy, else the first code of match_codes.csv for a bespoke action; QuadClass 0
    where there is none), weight as Goldstein value, ``mentions`` as the number of sources
    where the set has it, and ``document`` (else the edge id) as the reference."""
    edges = edge_set.edges
    intervals = edge_intervals(edges)
    refuse_outside_timestamps(edge_set, intervals["start"], intervals["end"])
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
