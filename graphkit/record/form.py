"""The record form: event data of any origin (GDELT, ICEWS, POLECAT, an edge set) as one table.

Every reader returns its events in this form, one row per event between two
countries: ``start`` and ``end`` (datetime64, the first and last day the event's
date covers; the same day for event data), ``source`` and ``target`` (country
codes, sector and role codes rolled up: USABUS is USA, EEC is EUR), ``code`` (CAMEO
code, "" when the record codes in PLOVER), ``root`` (CAMEO root, "" when unknown),
``plover`` (PLOVER event type), ``quad`` (QuadClass 1-4, 0 when unknown),
``goldstein`` (NaN when unknown), ``sources`` (number of sources the record gives
the event, at least 1), ``ref`` (URL, story id or event id: what a person checks)
and ``event_id``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

from ..actions import cameo_table
from ..errors import Problem
from ..plover import plover_table

__all__ = [
    "RECORD_COLUMNS",
    "Record",
    "cameo_parts",
    "empty_events",
    "expand_days",
    "match_codes",
    "plover_of_code",
    "plover_quads",
    "plover_roots",
]

RECORD_COLUMNS = (
    "start",
    "end",
    "source",
    "target",
    "code",
    "root",
    "plover",
    "quad",
    "goldstein",
    "sources",
    "ref",
    "event_id",
)


def empty_events() -> pd.DataFrame:
    """A record with no events, with the columns' types."""
    return pd.DataFrame(
        {
            "start": pd.Series([], dtype="datetime64[ns]"),
            "end": pd.Series([], dtype="datetime64[ns]"),
            **{name: pd.Series([], dtype=object) for name in ("source", "target", "code", "root", "plover")},
            "quad": pd.Series([], dtype=np.int8),
            "goldstein": pd.Series([], dtype=float),
            "sources": pd.Series([], dtype=np.int64),
            "ref": pd.Series([], dtype=object),
            "event_id": pd.Series([], dtype=object),
        }
    )


@dataclass(frozen=True)
class Record:
    """Event data read for checking claims.

    ``events`` holds the events kept (see the module docstring for the columns);
    a reader given ``pairs`` keeps only events between those pairs of countries,
    in either direction. ``first`` and ``last`` are the earliest and latest event
    dates of every usable row read (kept or not). ``days`` maps each date with at
    least one usable row (as days since 1970-01-01) to its number of rows: the
    record's coverage, day by day; ``spans`` maps each distinct date interval
    (first, last day) to its number of rows. ``formats`` counts the rows
    read per format, ``dropped`` the rows left out per reason, ``unmapped`` the
    country names (ICEWS) that could not be mapped to ISO codes, with their counts.
    ``files`` names the files read.
    """

    events: pd.DataFrame
    first: pd.Timestamp | None
    last: pd.Timestamp | None
    days: dict[int, int]
    files: tuple[str, ...]
    formats: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    unmapped: dict[str, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    spans: dict[tuple[int, int], int] = field(default_factory=dict)

    def rows_within(self, first: int, last: int) -> int:
        """Usable rows whose dates overlap days ``first``..``last`` (days since 1970-01-01)."""
        return sum(n for (a, b), n in self.spans.items() if a <= last and b >= first)

    @property
    def rows(self) -> int:
        """Rows read, of every format."""
        return sum(self.formats.values())

    def to_frame(self) -> pd.DataFrame:
        """The events kept, one row each (RECORD_COLUMNS)."""
        return self.events.copy()

    def to_dict(self) -> dict:
        """What was read, JSON-ready: files, rows per format, coverage (first, last,
        days with events), events kept, rows dropped per reason, unmapped names."""
        return {
            "files": list(self.files),
            "rows": self.rows,
            "formats": dict(self.formats),
            "first": None if self.first is None else f"{self.first:%Y-%m-%d}",
            "last": None if self.last is None else f"{self.last:%Y-%m-%d}",
            "days": len(self.days),
            "events_kept": len(self.events),
            "dropped": dict(self.dropped),
            "unmapped_names": dict(self.unmapped),
            "malformed_skipped": len(self.problems),
        }


@cache
def _cameo() -> dict[str, tuple[str, int, float]]:
    table = cameo_table()
    return {
        code: (root, int(quad), float(value))
        for code, root, quad, value in zip(
            table["code"], table["root"], table["quad_class"], table["goldstein"]
        )
    }


def cameo_parts(code: str) -> tuple[str, int, float] | None:
    """(root, QuadClass, Goldstein value) of a CAMEO code, None when it is not one."""
    return _cameo().get(code)


@cache
def _plover_rows() -> tuple[tuple[str, str], ...]:
    # the published table's rows, as graphkit.plover reads them: one source for PLOVER
    return tuple((code, kind) for code, (kind, _mode) in plover_table().items())


@cache
def plover_of_code() -> dict[str, str]:
    """CAMEO code -> PLOVER event type, as the published CAMEO2PLOVER table gives it
    (it has no row for codes 01x and 02x)."""
    return dict(_plover_rows())


@cache
def plover_roots() -> dict[str, frozenset[str]]:
    """PLOVER event type -> the CAMEO roots of the codes it takes."""
    roots: dict[str, set[str]] = {}
    for code, plover in _plover_rows():
        roots.setdefault(plover, set()).add(code[:2])
    return {k: frozenset(v) for k, v in roots.items()}


@cache
def plover_quads() -> dict[str, int]:
    """PLOVER event type -> QuadClass: the QuadClass most of its CAMEO codes have
    (ties to the lower class); ACCUSE is 3 (its 11x codes outnumber its 09x)."""
    counts: dict[str, dict[int, int]] = {}
    for code, plover in _plover_rows():
        parts = cameo_parts(code)
        if parts is not None:
            bucket = counts.setdefault(plover, {})
            bucket[parts[1]] = bucket.get(parts[1], 0) + 1
    return {k: min(v, key=lambda q: (-v[q], q)) for k, v in counts.items()}


@cache
def match_codes() -> dict[str, tuple[str, ...]]:
    """Taxonomy action without a CAMEO code -> the codes that count as the same act."""
    text = (resources.files("graphkit") / "data" / "match_codes.csv").read_text(encoding="utf-8")
    return {row["action"]: tuple(row["codes"].split()) for row in csv.DictReader(io.StringIO(text))}


def expand_days(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Every day (days since 1970-01-01) of each interval ``first[i]..last[i]``
    (int arrays, both days included), repeated days kept.

    >>> expand_days(np.array([0, 10]), np.array([2, 10])).tolist()
    [0, 1, 2, 10]
    """
    last = np.where(last < first, first, last)
    spans = last - first + 1
    if not len(spans) or (spans == 1).all():
        return first.copy()
    offsets = np.arange(spans.sum()) - np.repeat(np.cumsum(spans) - spans, spans)
    return np.repeat(first, spans) + offsets
