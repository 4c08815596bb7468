"""Dyad-period tables (ICEWS-style quad counts) read as an edge set.

A dyad-period table has one row per ordered pair of actors and period, with
counts or weights in columns (ICEWS's verbCoop, matlCoop, verbConf, matlConf).
Each hostile column becomes rows of negative weight (-count), each cooperative
column rows of positive weight (+count), with the column's name as the row's
action; a row whose counts are all zero becomes one row of weight 0 (action
``no_events``), so that the pair stays in the period's actor set. These weights
are counts, not Goldstein values: the rows say so in the column ``scale``
(``count``), which lets them pass the Goldstein range (see docs/time.md).
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..checks import require_path, require_str_list
from ..errors import ArgumentError, EdgeSetError, GraphkitError, Problem
from ..io.bounded import UnpackBudget
from ..io.csvfile import read_csv_bytes, read_input, stream_limit
from ..record.countries import country_and_source

__all__ = ["COUNT_SCALE", "NO_EVENTS", "DyadImport", "country_codes", "read_dyads"]

#: The ``scale`` of a row whose weight is a signed count of events.
COUNT_SCALE = "count"
#: The action of a row that stands for a pair present in a period with no events.
NO_EVENTS = "no_events"

_PERIOD = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"


@dataclass
class DyadImport:
    """What :func:`read_dyads` made: the edges, the actors (id, name, kind) and
    how each name was mapped (``names``: name, id, mapped_by)."""

    edges: pd.DataFrame
    actors: pd.DataFrame
    names: pd.DataFrame
    rows: int
    periods: int
    empty_rows: int
    problems: list[Problem] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The counts and the name mapping as JSON-ready data: ``rows``, ``periods``,
        ``edges``, ``empty_rows``, ``actors`` and ``names`` (name -> [id, mapped_by])."""
        return {
            "rows": self.rows,
            "periods": self.periods,
            "edges": len(self.edges),
            "empty_rows": self.empty_rows,
            "actors": len(self.actors),
            "names": {n: [i, how] for n, i, how in self.names.itertuples(index=False)},
        }


def country_codes(names: pd.Series | list[str]) -> pd.DataFrame:
    """Each distinct name with its ISO 3166 alpha-3 code where pycountry or graphkit's
    table of spellings it lacks knows it (the table verify reads ICEWS events with,
    :func:`graphkit.record.countries.country_and_source`), else the name itself.
    Columns: ``name``, ``id``, ``mapped_by`` (pycountry, icews-name, kept)."""
    rows = []
    for name in sorted(pd.unique(pd.Series(names, dtype=object).astype(str))):
        code, how = country_and_source(name)
        rows.append((name, code or name, how))
    return pd.DataFrame(rows, columns=["name", "id", "mapped_by"])


def _read_table(path: str, stdin: bytes | None) -> tuple[pd.DataFrame, np.ndarray, str]:
    name = "<stdin>" if path == "-" else path
    data = stdin if stdin is not None else read_input(path, name, text=not path.endswith(".gz"))
    if data[:2] == b"\x1f\x8b":  # unpacked block by block, to at most GRAPHKIT_MAX_INPUT bytes
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
                data = UnpackBudget(name, stream_limit()).drain(packed, name)
        except (OSError, EOFError, zlib.error) as err:
            raise GraphkitError(f"{name}: cannot decompress ({err}): the file is damaged") from err
    table = read_csv_bytes(data, name)
    if table.problems:
        raise EdgeSetError(table.problems)
    return table.frame, table.lines, name


def _check_columns(frame: pd.DataFrame, name: str, wanted: dict[str, list[str]]) -> None:
    have = list(frame.columns)
    for argument, columns in wanted.items():
        for column in columns:
            if column not in have:
                raise ArgumentError(
                    argument, f"{column!r} is not a column of {name}: use one of {', '.join(have)}"
                )


def _refuse_first(bad: pd.Series, lines: np.ndarray, name: str, message) -> None:
    """Raise the problem of the first row where ``bad`` holds, at its line (``message(position)``)."""
    if bad.any():
        first = int(np.flatnonzero(bad.to_numpy())[0])
        raise EdgeSetError([Problem(name, int(lines[first]), message(first))])


def _periods(values: pd.Series, lines: np.ndarray, name: str) -> pd.Series:
    """Period labels as YYYY, YYYY-MM or YYYY-MM-DD; ``2002.0`` (a year read as a number) is 2002."""
    text = values.str.replace(r"^([0-9]{4})\.0+$", r"\1", regex=True)
    _refuse_first(
        ~text.str.match(_PERIOD),
        lines,
        name,
        lambda i: f"period {values.iat[i]!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD",
    )
    return text


def _counts(frame: pd.DataFrame, column: str, lines: np.ndarray, name: str) -> np.ndarray:
    # a few thousand distinct counts among hundreds of thousands of cells: parse each once
    codes, uniques = pd.factorize(frame[column])
    parsed = pd.to_numeric(pd.Series(uniques, dtype=object).replace("", "0"), errors="coerce").to_numpy()
    values = pd.Series(parsed[codes], index=frame.index)
    _refuse_first(
        values.isna() | (values < 0) | np.isinf(values),  # 1e400 and inf read as infinity
        lines,
        name,
        lambda i: f"{column} {frame[column].iat[i]!r} is not a count: use a finite number >= 0",
    )
    return values.to_numpy(dtype=float)


def read_dyads(
    path: str | os.PathLike,
    *,
    source: str,
    target: str,
    time: str,
    hostile: list[str] | tuple[str, ...] = (),
    cooperative: list[str] | tuple[str, ...] = (),
    map_names: bool = True,
    stdin: bytes | None = None,
) -> DyadImport:
    """A dyad-period CSV file (``.gz`` too) as an edge set's edges and actors (module docstring).

    ``source``, ``target`` and ``time`` name the pair and period columns; each
    column in ``hostile`` adds -count, each in ``cooperative`` +count. With
    ``map_names``, actor names are mapped to ISO alpha-3 (:func:`country_codes`).
    """
    require_path(path, "path")
    path = os.fspath(path)
    require_str_list(hostile, "hostile", optional=False)
    require_str_list(cooperative, "cooperative", optional=False)
    # one column named as text is that column, not its letters
    hostile = [hostile] if isinstance(hostile, str) else list(hostile)
    cooperative = [cooperative] if isinstance(cooperative, str) else list(cooperative)
    if not hostile and not cooperative:
        raise ArgumentError(
            "hostile", "and cooperative are both empty: name at least one count column", also=("cooperative",)
        )
    frame, lines, name = _read_table(path, stdin)
    _check_columns(
        frame,
        name,
        {
            "source": [source],
            "target": [target],
            "time": [time],
            "hostile": hostile,
            "cooperative": cooperative,
        },
    )
    both = sorted(set(hostile) & set(cooperative))
    if both:
        raise ArgumentError(
            "cooperative", f"{both[0]!r} is also a hostile column: give each column once", also=("hostile",)
        )
    period = _periods(frame[time], lines, name)
    src, tgt = frame[source], frame[target]
    blank = (src == "") | (tgt == "")
    same = src == tgt
    for mask, what in ((blank, "an empty actor"), (same, "the same actor on both sides")):
        if mask.any():
            first = int(np.flatnonzero(mask.to_numpy())[0])
            raise EdgeSetError(
                [Problem(name, int(lines[first]), f"row has {what}: every row needs two actors")]
            )
    codes, uniques = pd.factorize(pd.concat([src, tgt], ignore_index=True))
    names = country_codes(list(uniques)) if map_names else None
    if names is not None:
        mapping = dict(zip(names["name"], names["id"]))
        mapped = np.asarray([mapping[u] for u in uniques], dtype=object)[codes]
        src = pd.Series(mapped[: len(frame)], index=frame.index)
        tgt = pd.Series(mapped[len(frame) :], index=frame.index)
        mapped_same = src == tgt
        if mapped_same.any():
            first = int(np.flatnonzero(mapped_same.to_numpy())[0])
            raise EdgeSetError(
                [
                    Problem(
                        name,
                        int(lines[first]),
                        f"{frame[source].iat[first]!r} and {frame[target].iat[first]!r} "
                        f"are both {src.iat[first]}: give --no-map to keep the names",
                    )
                ]
            )
    parts = []
    total = np.zeros(len(frame))
    for column, sign in [*((c, -1.0) for c in hostile), *((c, 1.0) for c in cooperative)]:
        count = _counts(frame, column, lines, name)
        total += count
        keep = count > 0
        parts.append(
            pd.DataFrame(
                {
                    "source": src[keep],
                    "target": tgt[keep],
                    "action": column,
                    "weight": sign * count[keep],
                    "date": period[keep],
                    "order": np.flatnonzero(keep),
                }
            )
        )
    empty = total == 0
    parts.append(
        pd.DataFrame(
            {
                "source": src[empty],
                "target": tgt[empty],
                "action": NO_EVENTS,
                "weight": 0.0,
                "date": period[empty],
                "order": np.flatnonzero(empty),
            }
        )
    )
    edges = pd.concat(parts, ignore_index=True).sort_values("order", kind="stable").drop(columns="order")
    edges["weight"] = _weight_text(edges["weight"].to_numpy())
    edges["domain"] = "events"
    edges["scale"] = COUNT_SCALE
    edges = edges[["source", "target", "action", "weight", "domain", "date", "scale"]].reset_index(drop=True)
    ids = pd.unique(pd.concat([edges["source"], edges["target"]], ignore_index=True))
    if names is None:
        names = pd.DataFrame({"name": sorted(ids), "id": sorted(ids), "mapped_by": "kept"})
    named = names.drop_duplicates("id").set_index("id")
    actors = pd.DataFrame({"id": sorted(ids)})
    actors["name"] = actors["id"].map(named["name"]).fillna(actors["id"])
    actors["kind"] = np.where(actors["id"].map(named["mapped_by"]).fillna("kept") == "kept", "other", "state")
    return DyadImport(
        edges=edges,
        actors=actors,
        names=names,
        rows=len(frame),
        periods=int(period.nunique()),
        empty_rows=int(empty.sum()),
    )


def _weight_text(weight: np.ndarray) -> np.ndarray:
    """Counts as text: whole numbers without a decimal point (``-3``, not ``-3.0``)."""
    uniques, codes = np.unique(weight, return_inverse=True)
    text = [str(int(w)) if w == round(w) else repr(float(w)) for w in uniques]
    return np.asarray([t if t != "-0" else "0" for t in text], dtype=object)[codes]
