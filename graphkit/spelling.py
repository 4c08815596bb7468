"""Near-misses in what users type: column names, filter values and actor ids.

A misspelt column (``wieght``) would otherwise be carried through as an extra
column while the real one stays empty, and ``usa`` beside ``USA`` would be a
second actor: each is reported instead of silently misread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from .errors import Problem

__all__ = [
    "action_warnings",
    "case_clash_problems",
    "closest_first",
    "column_problems",
    "column_slips",
    "edit_distance",
    "first_lines",
    "near_miss",
]

MAX_DISTANCE = 2


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) turning ``a`` into ``b``.

    >>> edit_distance("wieght", "weight"), edit_distance("tradee", "trade"), edit_distance("id", "x")
    (1, 1, 2)
    """
    return _edits(a, b)


def _edits(a: str, b: str, limit: int | None = None) -> int:
    """The edit table of :func:`edit_distance`, row by row; with ``limit``, ``limit + 1``
    as soon as a whole row exceeds it (a row's least value grows by at most one a row,
    so a swap cannot bring it back)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if limit is not None and min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return previous[-1] if limit is None else min(previous[-1], limit + 1)


def _distance(a: str, b: str) -> int:
    return edit_distance(a.strip().casefold(), b.strip().casefold())


def _distance_within(a: str, b: str, limit: int) -> int:
    """:func:`_distance`, or ``limit + 1`` for any distance above ``limit``, found
    early: by the lengths, by the letters, else once a whole row of the table exceeds ``limit``.
    A 20,000-column header asks this 200,000 times."""
    a, b = a.strip().casefold(), b.strip().casefold()
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    # a letter of one that the other lacks takes an edit of its own (a deletion or a
    # substitution; an insertion or a swap mends none)
    if sum(c not in b for c in a) > limit or sum(c not in a for c in b) > limit:
        return limit + 1
    return _edits(a, b, limit)


def near_miss(name: str, known: Sequence[str]) -> str | None:
    """The known name that ``name`` looks like a slip for, else None.

    Case and surrounding spaces aside, ``name`` is at most two edits from it (a
    swap of neighbours is one edit), and fewer for short names, where two edits
    make another word: one for names of three to five letters (``dat`` is a slip
    for ``date``, ``note`` is no slip for ``quote``), none for ``id`` (``ID`` is).

    >>> near_miss("Weight", ["weight"]), near_miss("wieght", ["weight"]), near_miss("note", ["quote"])
    ('weight', 'weight', None)
    """
    if name in known:
        return None
    # a distance above MAX_DISTANCE is never allowed: such names all count as one more
    distances = {k: _distance_within(name, k, MAX_DISTANCE) for k in known}
    best = min(known, key=lambda k: (distances[k], k), default=None)
    if best is None:
        return None
    distance = distances[best]
    allowed = 0 if len(best) <= 2 else 1 if len(best) <= 5 else MAX_DISTANCE
    return best if distance <= allowed else None


def closest_first(value: str, choices: Iterable[str]) -> list[str]:
    """``choices`` ordered by their edit distance to ``value`` (case aside), then by name.

    >>> closest_first("tradee", ["security", "trade", "energy"])
    ['trade', 'energy', 'security']
    """
    return sorted(set(choices), key=lambda c: (_distance(value, c), c))


def column_problems(columns: Iterable[str], known: Sequence[str], name: str) -> list[Problem]:
    """One problem (line 1, the header) per column that is a slip for a known column."""
    return [
        Problem(name, 1, f"unknown column {column!r}: did you mean {meant!r}?")
        for column, meant in column_slips(columns, known).items()
    ]


def column_slips(columns: Iterable[str], known: Sequence[str]) -> dict[str, str]:
    """Each column that is a slip for a known column, and the column meant."""
    slips = {}
    for column in columns:
        meant = near_miss(column, known)
        if meant is not None:
            slips[column] = meant
    return slips


def first_lines(edges: pd.DataFrame, lines: np.ndarray, ids: Iterable[str]) -> dict[str, int]:
    """The first line on which each of ``ids`` is a source or target."""
    wanted = set(ids)
    first: dict[str, int] = {}
    for column in ("source", "target"):
        hit = edges[column].isin(wanted).to_numpy()
        for actor, line in zip(edges[column].to_numpy()[hit], np.asarray(lines)[hit]):
            if actor not in first or line < first[actor]:
                first[actor] = int(line)
    return first


def case_clash_problems(edges: pd.DataFrame, lines: np.ndarray, name: str) -> list[Problem]:
    """One problem per actor id spelt in more than one way (case or spaces aside),
    at the line of each later spelling, naming the line of the first."""
    ids = pd.unique(pd.concat([edges["source"], edges["target"]], ignore_index=True))
    keys = [str(i).strip().casefold() for i in ids]
    if len(set(keys)) == len(keys):  # the usual case, decided on distinct ids only
        return []
    spellings: dict[str, list[str]] = {}
    for actor, key in zip(ids, keys):
        if actor != "":
            spellings.setdefault(key, []).append(str(actor))
    clashing = [group for group in spellings.values() if len(group) > 1]
    first = first_lines(edges, lines, [a for group in clashing for a in group])
    problems = []
    for group in clashing:
        group = sorted(group, key=lambda a: (first[a], a))
        for other in group[1:]:
            problems.append(
                Problem(
                    name,
                    first[other],
                    f"actor id {other!r} differs from {group[0]!r} (line {first[group[0]]}) only by case "
                    f"or spaces: write one actor's id the same way everywhere",
                )
            )
    return problems


def action_warnings(edges: pd.DataFrame, lines: np.ndarray, name: str, known: Sequence[str]) -> list[Problem]:
    """A warning per action outside the taxonomy (``known``) that looks like a slip for
    one of its actions (``tarif`` with a weight of its own): valid, but a type of its own
    that no count by action type joins with ``tariff``. At the action's first line."""
    actions = [str(a) for a in pd.unique(edges["action"]) if a and a not in set(known)]
    meant = {a: near_miss(a, known) for a in actions}
    meant = {a: m for a, m in meant.items() if m is not None}
    if not meant:
        return []
    line = pd.Series(np.asarray(lines), index=edges.index)
    first = line[edges["action"].isin(list(meant))].groupby(edges["action"]).min()
    return [
        Problem(
            name,
            int(first[action]),
            f"action {action!r} is not in the taxonomy but looks like {meant[action]!r}: "
            f"write {meant[action]!r} if that is the act, or keep {action!r} as a type of its own",
        )
        for action in sorted(meant, key=lambda a: (int(first[a]), a))
    ]
