"""Claims prepared for checking: countries, the CAMEO codes that count as the same act, and the window."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..dates import DATE_PATTERN, edge_intervals, parse_bound
from ..edgeset import EdgeSet
from ..errors import ArgumentError, EdgeSetError, Problem
from ..record.countries import roll_up_series
from ..record.edges import refuse_outside_timestamps
from ..record.form import cameo_parts, match_codes, plover_of_code

__all__ = ["ClaimForm", "claim_form", "parse_period", "period_of", "stated_period"]


# each end is digits and dashes (anything else fails as a date anyway), and no two
# neighbouring parts can take the same characters: linear, however long the text
_RANGE = re.compile(r"^\s*([0-9-]+)(?:\s*(?:\.\.|/)\s*|\s+to\s+)([0-9-]+)\s*$")


def parse_period(text: str, argument: str = "period") -> tuple[pd.Timestamp, pd.Timestamp]:
    """A stated period (``2025``, ``2024-03``, ``2024..2025``) as its first and last day.

    Each end is read as ``--since``/``--until`` read theirs (:func:`graphkit.dates.parse_bound`),
    so a day that does not exist is named as such (``2024-04-31``: April 2024 has 30 days).
    """
    if not isinstance(text, str):
        raise ArgumentError(argument, f"must be a str, not {type(text).__name__}: give YYYY or FIRST..LAST")
    match = _RANGE.match(text)
    first, last = (match.group(1), match.group(2)) if match else (text.strip(), text.strip())
    ends = []
    for value, final in ((first, False), (last, True)):
        if not DATE_PATTERN.match(value):
            raise ArgumentError(argument, f"{text!r}: give YYYY, YYYY-MM, YYYY-MM-DD or a range FIRST..LAST")
        ends.append(parse_bound(value, argument, last=final))  # a day that does not exist says so
    if ends[1] < ends[0]:
        raise ArgumentError(
            argument, f"{text!r}: {first!r} is after {last!r}: give FIRST..LAST, first before last"
        )
    return pd.Timestamp(ends[0]), pd.Timestamp(ends[1])


def period_of(edge_set: EdgeSet, period: str | None) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The window of undated claims: ``period`` (the argument) if given, else the set's
    description.txt ``Period: ...`` line; a wrong line is blamed on that file and line."""
    if period is not None:
        return parse_period(period, "period")
    stated = _stated(edge_set)
    if stated is None:
        return None
    text, path, line = stated
    try:
        return parse_period(text, "period")
    except ArgumentError as err:
        detail = err.detail.replace(": give ", ": write ", 1)
        raise EdgeSetError([Problem(path, line, f"Period: {detail}")]) from None


# the start of a "Period:" line; its value is found by hand: "\\s*(.+?)\\s*$" tried each
# character of a long line (or run of blank lines) against the line's end, so a
# description of 200,000 blank lines or a Period line of 100,000 spaces took minutes
_PERIOD_START = re.compile(r"^[^\S\n]*period\s*:", re.IGNORECASE | re.MULTILINE)
_SPACE = re.compile(r"\s*")


def _period_line(text: str) -> tuple[str, int] | None:
    """The first ``Period: ...`` line's value (the rest of its line, or of the next
    line holding text, stripped) and where that value starts in ``text``."""
    for match in _PERIOD_START.finditer(text):
        start = _SPACE.match(text, match.end()).end()  # type: ignore[union-attr]
        end = text.find("\n", start)
        value = text[start : len(text) if end < 0 else end].rstrip()
        if value:
            return value, start
    return None


def stated_period(edge_set: EdgeSet) -> str | None:
    """The period the set's description.txt states on a ``Period: ...`` line, if any."""
    stated = _stated(edge_set)
    return stated[0] if stated else None


def _stated(edge_set: EdgeSet) -> tuple[str, str, int] | None:
    """The ``Period: ...`` line's text, with its file and line number."""
    from ..bundled import DESCRIPTION_FILE
    from ..edgeset import set_folder

    if edge_set.path is None:
        return None
    folder = set_folder(edge_set.path)
    if folder is None or not (folder / DESCRIPTION_FILE).is_file():
        return None
    text = (folder / DESCRIPTION_FILE).read_text(encoding="utf-8", errors="replace")
    found = _period_line(text)
    if found is None:
        return None
    value, start = found
    return value, str(folder / DESCRIPTION_FILE), text.count("\n", 0, start) + 1


@dataclass(frozen=True)
class ClaimForm:
    """The claims of a set, one row each, ready to be looked up in a record.

    ``table`` has ``id``, ``source``, ``target`` (as written), ``country_source``,
    ``country_target`` (rolled up), ``action``, ``cameo``, ``weight``, ``date``,
    ``start``, ``end`` (the window; NaT when undated and no period is stated),
    ``windowed_by`` ("date", "period" or ""). ``codes``, ``roots``, ``plovers`` and
    ``quads`` hold per claim the sets a record event is compared with.
    """

    table: pd.DataFrame
    codes: list[frozenset[str]]
    roots: list[frozenset[str]]
    plovers: list[frozenset[str]]
    quads: list[frozenset[int]]
    signs: np.ndarray


def _code_sets(cameo: str, action: str) -> frozenset[str]:
    # the row's code, and the codes event coders also use for the action (match_codes.csv:
    # a tariff is CAMEO 163 in the taxonomy, and often 172 in event data)
    own = {cameo} if cameo and cameo_parts(cameo) is not None else set()
    return frozenset(own | {c for c in match_codes().get(action, ()) if cameo_parts(c) is not None})


def claim_form(edge_set: EdgeSet, period: tuple[pd.Timestamp, pd.Timestamp] | None) -> ClaimForm:
    """The claims of ``edge_set``; undated claims take ``period`` as their window when given."""
    edges = edge_set.edges
    intervals = edge_intervals(edges)
    dated = intervals["start"].notna()
    start, end = intervals["start"].copy(), intervals["end"].copy()
    if period is not None:
        start[~dated], end[~dated] = period[0], period[1]
    refuse_outside_timestamps(edge_set, start, end)
    windowed_by = np.where(dated, "date", "period" if period is not None else "")
    cameo = (
        edges["cameo"].fillna("").astype(str).str.strip()
        if "cameo" in edges
        else pd.Series("", index=edges.index)
    )
    action = edges["action"].fillna("").astype(str)
    codes = [_code_sets(c, a) for c, a in zip(cameo, action)]
    roots = [frozenset(c[:2] for c in s) for s in codes]
    plovers = [frozenset(p for p in (plover_of_code().get(c, "") for c in s) if p) for s in codes]
    weight = pd.to_numeric(edges["weight"], errors="coerce").fillna(0.0).to_numpy(dtype=float)
    signs = np.sign(weight).astype(int)
    quads = []
    for s in codes:
        found = frozenset(part[1] for part in (cameo_parts(c) for c in s) if part is not None)
        quads.append(found)
    ids = (
        edges["id"].astype(str)
        if "id" in edges
        else pd.Series([str(i + 1) for i in range(len(edges))], index=edges.index)
    )
    table = pd.DataFrame(
        {
            "id": ids,
            "source": edges["source"].astype(str),
            "target": edges["target"].astype(str),
            "country_source": roll_up_series(edges["source"]),
            "country_target": roll_up_series(edges["target"]),
            "action": action,
            "cameo": cameo,
            "weight": weight,
            "date": edges["date"].fillna("").astype(str) if "date" in edges else "",
            "start": start.astype("datetime64[ns]"),
            "end": end.astype("datetime64[ns]"),
            "windowed_by": windowed_by,
        }
    ).reset_index(drop=True)
    return ClaimForm(table=table, codes=codes, roots=roots, plovers=plovers, quads=quads, signs=signs)
