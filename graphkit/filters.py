"""Filters shared by every command: domain, date range, and an actor's ego network."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from typing import Literal

import numpy as np
import pandas as pd

from .actor_ids import resolve_actor
from .checks import require_choice, require_optional_str, require_str_list
from .dates import edge_intervals, in_window
from .edgeset import DateFilterReport, EdgeSet, require_edge_set
from .errors import ArgumentError, use_one_of
from .schema import UNDATED
from .spelling import closest_first

__all__ = [
    "UNDATED",
    "DateFilterReport",
    "check_domains",
    "ego_mask",
    "filter_edge_sets",
    "filter_edges",
    "has_actor",
    "select_edges",
]

Undated = Literal["keep", "drop"]


def filter_edge_sets(
    a: EdgeSet,
    b: EdgeSet,
    *,
    domain: Iterable[str] | str | None = None,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    overlap: bool = False,
    undated: Undated = "drop",
) -> tuple[EdgeSet, EdgeSet]:
    """:func:`filter_edges` on two sets that are to be compared. ``actor`` may be
    in one set only (that set's ego network is kept, the other keeps no edge); it
    is an error when neither set keeps an edge of it."""
    require_edge_set(a, "a")
    require_edge_set(b, "b")
    require_str_list(domain, "domain")
    require_optional_str(actor, "actor")
    require_optional_str(since, "since")
    require_optional_str(until, "until")
    require_choice(undated, "undated", UNDATED)
    if actor:
        actor = _resolve(actor, a, b)
    domains = _domains(domain)
    _check_domains(domains, a, b)

    def dates(edge_set: EdgeSet, who: str | None = None) -> EdgeSet:
        return select_edges(
            edge_set, domains, since=since, until=until, actor=who, overlap=bool(overlap), undated=undated
        )

    if not actor:
        pair = (dates(a), dates(b))
        emptied = not (len(pair[0].edges) or len(pair[1].edges)) and (len(a.edges) or len(b.edges))
        if emptied and (since or until or domains):
            raise _nothing_left(a if len(a.edges) else b, domain=domain, since=since, until=until)
        return pair
    kept = [dates(s, actor) if has_actor(s, actor) else s.with_edges(s.edges.iloc[:0]) for s in (a, b)]
    if not (len(kept[0].edges) or len(kept[1].edges)):
        raise _nothing_left(a if len(a.edges) else b, domain=domain, since=since, until=until, actor=actor)
    return kept[0], kept[1]


def _endpoint_ids(*edge_sets: EdgeSet) -> list[str]:
    ids = [s.edges[c] for s in edge_sets for c in ("source", "target")]
    return [str(i) for i in pd.unique(pd.concat(ids, ignore_index=True))] if ids else []


def _resolve(actor: str, *edge_sets: EdgeSet) -> str:
    """The id ``actor`` names in ``edge_sets``: itself, its id case aside, or an actor's name."""
    actor = unicodedata.normalize("NFC", actor)  # as the sets' ids are
    actors = pd.concat([s.actors[["id", "name"]] for s in edge_sets], ignore_index=True)
    where = "edge set " + " or ".join(repr(s.name) for s in edge_sets)
    return resolve_actor(actor, actors, _endpoint_ids(*edge_sets), where)


def _domains(domain: Iterable[str] | str | None) -> set[str]:
    return set() if not domain else {domain} if isinstance(domain, str) else set(domain)


def _check_domains(domains: set[str], *edge_sets: EdgeSet) -> None:
    present: set[str] = set()
    for edge_set in edge_sets:
        present.update(edge_set.edges["domain"].unique())
    check_domains(domains, present, [s.name for s in edge_sets])


def check_domains(domain: Iterable[str] | str | None, present: Iterable[str], names: Iterable[str]) -> None:
    """Raise :class:`~graphkit.errors.ArgumentError` for a ``domain`` not among the
    domains ``present`` in the sets called ``names``, listing those closest in spelling first."""
    present = set(present)
    for value in sorted(_domains(domain) - present):
        where = " or ".join(repr(name) for name in names)
        choices = [d for d in closest_first(value, present) if d]
        raise ArgumentError("domain", f"{value!r} matches no edge in {where}: {use_one_of(choices)}")


def has_actor(edge_set: EdgeSet, actor: str) -> bool:
    """True when ``actor`` is the source or target of an edge of ``edge_set``."""
    edges = edge_set.edges
    return bool(edges["source"].eq(actor).any() or edges["target"].eq(actor).any())


def ego_mask(links: pd.DataFrame, actor: str) -> pd.Series:
    """Which rows of ``links`` (``source``, ``target``) lie in ``actor``'s ego network:
    the actor, every actor it has a link with (either direction), and all links
    among them (networkx's ``ego_graph`` of radius 1, ignoring direction)."""
    touching = (links["source"] == actor) | (links["target"] == actor)
    ego = set(links.loc[touching, "source"]) | set(links.loc[touching, "target"]) | {actor}
    return links["source"].isin(ego) & links["target"].isin(ego)


def filter_edges(
    edge_set: EdgeSet,
    *,
    domain: Iterable[str] | str | None = None,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    overlap: bool = False,
    undated: Undated = "drop",
) -> EdgeSet:
    """The edge set restricted to some domains, a date range and an actor's ego network.

    ``since``/``until`` take YYYY, YYYY-MM or YYYY-MM-DD and are inclusive (a
    bound written to a month or a year covers all of it). The rule: every action's
    date is the interval of days it covers (``2024`` is 2024-01-01..2024-12-31, a
    ``date_end`` column states a range; :mod:`graphkit.dates`), and an action is
    kept when its interval lies wholly inside the bounds, so that adjacent periods
    never both count it; with ``overlap``, when it shares a day with them. Undated
    actions are dropped whenever a bound is given, unless ``undated="keep"``. What
    the rule left out is on the result's ``date_filter``
    (:class:`DateFilterReport`), for the caller to say. ``actor`` keeps the
    actor, every actor it has an edge with, and all edges among them (networkx's
    ``ego_graph`` of radius 1, ignoring direction). A ``domain`` or an ``actor``
    that no edge of the set has is an error (:class:`~graphkit.errors.ArgumentError`)
    naming what the set has (domains closest in spelling first), never an empty set.
    """
    require_edge_set(edge_set)
    require_str_list(domain, "domain")
    require_optional_str(since, "since")
    require_optional_str(until, "until")
    require_optional_str(actor, "actor")
    require_choice(undated, "undated", UNDATED)
    domains = _domains(domain)
    _check_domains(domains, edge_set)
    kept = select_edges(
        edge_set, domains, since=since, until=until, actor=actor, overlap=bool(overlap), undated=undated
    )
    if len(kept.edges) == 0 and len(edge_set.edges):
        raise _nothing_left(edge_set, domain=domain, since=since, until=until, actor=actor)
    return kept


def _nothing_left(edge_set: EdgeSet, **filters) -> ArgumentError:
    """The error for filters that each match something but leave no edge together:
    an empty answer would read as "no strain", which the set does not say."""
    dates = edge_set.edges["date"]
    dated = dates[dates != ""]
    span = f"its actions are dated {dated.min()} to {dated.max()}" if len(dated) else "no action is dated"
    given = {
        name: ", ".join(repr(v) for v in sorted(_domains(value))) if name == "domain" else repr(value)
        for name, value in filters.items()
        if value
    }
    # name the date bound first: a range outside the set's dates is the usual cause
    argument = next(name for name in ("since", "until", "actor", "domain") if name in given)
    others = tuple((name, value) for name, value in given.items() if name != argument)
    return ArgumentError(
        argument,
        f"leaves no action of edge set {edge_set.name!r} ({span}): widen the filters",
        others,
        value=given[argument],
    )


def select_edges(
    edge_set: EdgeSet,
    domain: Iterable[str] | str | None = None,
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    overlap: bool = False,
    undated: Undated = "drop",
) -> EdgeSet:
    """:func:`filter_edges` without the check that each ``domain`` matches an edge:
    for one block of a larger set (see :mod:`graphkit.interop.dask_engine`)."""
    domains = _domains(domain)
    edges = edge_set.edges
    keep = pd.Series(True, index=edges.index)
    if domains:
        keep &= edges["domain"].isin(domains)
    report = None
    if since or until:
        dated = _date_mask(edges, keep, since, until, overlap, undated)
        keep, report = dated
    if actor:
        actor = _resolve(actor, edge_set)
        keep &= ego_mask(edges[keep], actor).reindex(edges.index, fill_value=False)
    kept = edge_set if keep.all() else edge_set.with_edges(edges[keep])
    return kept if report is None else replace(kept, date_filter=report)


def _date_mask(
    edges: pd.DataFrame,
    keep: pd.Series,
    since: str | None,
    until: str | None,
    overlap: bool,
    undated: Undated,
) -> tuple[pd.Series, DateFilterReport]:
    """``keep`` narrowed by the date rule (see :func:`filter_edges`), and what it left out."""
    intervals = edge_intervals(edges)
    inside = in_window(intervals, since, until)
    touching = in_window(intervals, since, until, overlap=True)
    no_date = np.isnat(intervals["start"].to_numpy())
    wanted = keep.to_numpy()
    rule = touching if overlap else inside
    if undated == "keep":
        rule = rule | no_date
    report = DateFilterReport(
        bounds=tuple(name for name, value in (("since", since), ("until", until)) if value),
        undated=int((wanted & no_date).sum()),
        kept_undated=undated == "keep",
        straddling=int((wanted & touching & ~inside).sum()),
        overlap=overlap,
        outside=int((wanted & ~no_date & ~touching).sum()),
    )
    return keep & rule, report
