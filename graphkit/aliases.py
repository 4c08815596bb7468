"""Actor aliases: one actor under two ids in two codings (NIPPON_STEEL in one, JPNBUS in the other).

An alias file is a CSV with the columns ``from`` and ``to``: every ``from`` id is
read as its ``to`` id before two codings are compared or ranked together.
:func:`alias_hints` finds ids that probably need one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

from .checks import require_path
from .edgeset import EdgeSet, require_edge_set
from .errors import ArgumentError, EdgeSetError, Problem

__all__ = ["alias_hints", "apply_aliases", "parse_aliases", "read_aliases", "unused_aliases"]


def parse_aliases(text: str, name: str = "<aliases>") -> dict[str, str]:
    """The aliases of an alias file's text: ``from`` id -> ``to`` id.

    Raises :class:`~graphkit.errors.EdgeSetError` with every problem at its line: no
    ``from``/``to`` header, an empty id, an id aliased twice, an alias to itself, or a
    chain (an id that is both a ``to`` and a ``from``: write the final id).

    >>> parse_aliases("from,to\\nNIPPON_STEEL,JPNBUS\\nDEU_MEDIA,DEUMED\\n")
    {'NIPPON_STEEL': 'JPNBUS', 'DEU_MEDIA': 'DEUMED'}
    """
    return _parse(text, name)[0]


def _parse(text: str, name: str) -> tuple[dict[str, str], dict[str, int]]:
    """The aliases and the line each ``from`` id is on (see :func:`parse_aliases`)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None or [h.strip() for h in header[:2]] != ["from", "to"]:
        raise EdgeSetError(
            [Problem(name, 1, "the header must be 'from,to': one alias a line, from id to id")]
        )
    aliases: dict[str, str] = {}
    where: dict[str, int] = {}
    problems = []
    for line, row in enumerate(reader, start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        old, new = (row + ["", ""])[0].strip(), (row + ["", ""])[1].strip()
        if not old or not new:
            problems.append(Problem(name, line, "an alias needs two ids, from and to"))
        elif old == new:
            problems.append(Problem(name, line, f"{old!r} is aliased to itself: drop the line"))
        elif old in aliases:
            problems.append(
                Problem(name, line, f"{old!r} is aliased twice (first on line {where[old]}): keep one")
            )
        else:
            aliases[old], where[old] = new, line
    for old, new in aliases.items():
        if new in aliases:
            problems.append(
                Problem(
                    name,
                    where[old],
                    f"{old!r} -> {new!r} -> {aliases[new]!r} is a chain: write {old},{aliases[new]}",
                )
            )
    if problems:
        raise EdgeSetError(sorted(problems))
    return aliases, where


def read_aliases(path: str | Path) -> dict[str, str]:
    """:func:`parse_aliases` of a file (UTF-8)."""
    require_path(path, "path")
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ArgumentError("path", f"{str(path)!r} cannot be read as UTF-8 text: {err}") from err
    return parse_aliases(text, str(path))


def unused_aliases(edge_sets: Sequence[EdgeSet], path: str | Path) -> list[Problem]:
    """A problem at its line for every ``from`` id of the alias file ``path`` that no
    edge or actor of ``edge_sets`` uses (a slip such as ``jpnbus`` would otherwise join
    nothing, in silence), with the nearest id the codings use."""
    from .spelling import near_miss

    text = Path(path).read_text(encoding="utf-8")
    aliases, where = _parse(text, str(path))
    ids: set[str] = set()
    for edge_set in edge_sets:
        ids |= _used(edge_set) | set(edge_set.actors["id"].astype(str))
    problems = []
    for old in aliases:
        if old not in ids:
            near = near_miss(old, sorted(ids))
            shown = sorted(ids)[:8]
            hint = (
                f"did you mean {near!r}?"
                if near
                else f"the codings use {', '.join(shown)}{', ...' if len(ids) > len(shown) else ''}"
            )
            problems.append(
                Problem(str(path), where[old], f"alias {old!r} is an actor of none of the codings: {hint}")
            )
    return problems


def apply_aliases(edge_set: EdgeSet, aliases: Mapping[str, str]) -> EdgeSet:
    """``edge_set`` with every aliased id (as ``source``, ``target`` or actor) replaced
    by its ``to`` id. An actor row whose id becomes one already listed is dropped (the
    listed row, with its name, stays); otherwise the renamed row keeps its name."""
    require_edge_set(edge_set)
    if not isinstance(aliases, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in aliases.items()
    ):
        raise ArgumentError(
            "aliases", "must map actor ids to actor ids (text to text), as read_aliases returns"
        )
    if not aliases:
        return edge_set
    mapping = dict(aliases)
    edges = edge_set.edges.copy()
    for column in ("source", "target"):
        edges[column] = edges[column].map(lambda x: mapping.get(x, x))
    actors = edge_set.actors.copy()
    actors["id"] = actors["id"].map(lambda x: mapping.get(x, x))
    # a row already under the new id wins over the renamed one
    original = edge_set.actors["id"].isin(mapping.values()) | ~edge_set.actors["id"].isin(mapping.keys())
    actors = actors.assign(_keep=original.to_numpy()).sort_values("_keep", ascending=False, kind="stable")
    actors = actors.drop_duplicates("id").drop(columns="_keep").sort_index().reset_index(drop=True)
    return replace(edge_set, edges=edges, actors=actors)


def _names(edge_set: EdgeSet) -> dict[str, str]:
    return {
        str(i): " ".join(str(n).split()).casefold()
        for i, n in zip(edge_set.actors["id"], edge_set.actors["name"])
        if str(n).strip() and str(n) != str(i)
    }


def _used(edge_set: EdgeSet) -> set[str]:
    edges = edge_set.edges
    # distinct ids first: a set built from a million rows took a second per column
    return {str(x) for column in ("source", "target") for x in pd.unique(edges[column])}


def alias_hints(edge_sets: Sequence[EdgeSet]) -> list[str]:
    """Ids that probably name one actor in two codings: an id used in one set and
    not in the other, whose ``actors.csv`` name (case and spacing aside) is the name
    of an id used only in the other. One line each, naming both sets and an alias
    line to write.

    >>> import pandas as pd
    >>> from graphkit.edgeset import EdgeSet
    >>> def coding(name, firm):
    ...     edges = pd.DataFrame({"source": ["USA"], "target": [firm]})
    ...     actors = pd.DataFrame({"id": ["USA", firm], "name": ["United States", "Nippon Steel"]})
    ...     return EdgeSet(name, edges, actors)
    >>> alias_hints([coding("one", "NIPPON_STEEL"), coding("two", "JPNBUS")])
    ["one's NIPPON_STEEL and two's JPNBUS are both named 'Nippon Steel' and never occur in one coding: if they are one actor, alias them (a line NIPPON_STEEL,JPNBUS)"]
    """
    hints = []
    for i, first in enumerate(edge_sets):
        for second in edge_sets[i + 1 :]:
            used_a, used_b = _used(first), _used(second)
            names_a, names_b = _names(first), _names(second)
            by_name_b: dict[str, list[str]] = {}
            for actor, name in names_b.items():
                if actor in used_b and actor not in used_a:
                    by_name_b.setdefault(name, []).append(actor)
            for actor in sorted(used_a - used_b):
                for other in sorted(by_name_b.get(names_a.get(actor, ""), [])):
                    label = first.actors.loc[first.actors["id"] == actor, "name"].iat[0]
                    hints.append(
                        f"{first.name}'s {actor} and {second.name}'s {other} are both named {label!r} and "
                        f"never occur in one coding: if they are one actor, alias them (a line {actor},{other})"
                    )
    return hints
