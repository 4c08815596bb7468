"""Filters shared by every command: domain, date range, and an actor's ego network."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pandas as pd

from .checks import require_optional_str, require_str_list
from .edgeset import EdgeSet, require_edge_set
from .errors import ArgumentError, use_one_of
from .spelling import closest_first

__all__ = [
    "check_domains",
    "date_bounds",
    "ego_mask",
    "filter_edge_sets",
    "filter_edges",
    "has_actor",
    "select_edges",
]

_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def date_bounds(dates: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The first and last day each YYYY, YYYY-MM or YYYY-MM-DD date covers, as
    ISO strings ("" where there is no date)."""
    start = dates.where(dates.str.len() != 4, dates + "-01-01").where(dates.str.len() != 7, dates + "-01")
    end_month = dates.where(dates.str.len() != 4, dates + "-12")
    month_end = pd.to_datetime(
        end_month.where(end_month.str.len() == 7) + "-01", format="%Y-%m-%d", errors="coerce"
    )
    month_end = (month_end + pd.offsets.MonthEnd(0)).dt.strftime("%Y-%m-%d")
    end = dates.where(dates.str.len() == 10, month_end.fillna(""))
    return start.where(dates != "", ""), end.where(dates != "", "")


def _bound(value: str, argument: str, last: bool) -> str:
    match = _DATE.match(value)
    if not match:
        raise ArgumentError(argument, f"{value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    from .validation import real_dates

    start, end = date_bounds(pd.Series([value], dtype=str))
    if not real_dates(pd.Series([value], dtype=str))[0] or start.iat[0] == "" or end.iat[0] == "":
        raise ArgumentError(argument, f"{value!r} is not a real date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return end.iat[0] if last else start.iat[0]


def filter_edge_sets(
    a: EdgeSet,
    b: EdgeSet,
    *,
    domain: Iterable[str] | str | None = None,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
) -> tuple[EdgeSet, EdgeSet]:
    """:func:`filter_edges` on two sets that are to be compared. ``actor`` may be
    in one set only (that set's ego network is kept, the other keeps no edge); it
    is an error when neither set keeps an edge of it."""
    require_edge_set(a, "a")
    require_edge_set(b, "b")
    require_str_list(domain, "domain")
    require_optional_str(actor, "actor")
    if actor:
        actor = unicodedata.normalize("NFC", actor)  # as the sets' ids are
    domains = _domains(domain)
    _check_domains(domains, a, b)
    if not actor:
        pair = (
            select_edges(a, domains, since=since, until=until),
            select_edges(b, domains, since=since, until=until),
        )
        emptied = not (len(pair[0].edges) or len(pair[1].edges)) and (len(a.edges) or len(b.edges))
        if emptied and (since or until or domains):
            raise _nothing_left(a if len(a.edges) else b, domain=domain, since=since, until=until)
        return pair
    kept = [
        select_edges(s, domains, since=since, until=until, actor=actor)
        if has_actor(s, actor)
        else s.with_edges(s.edges.iloc[:0])
        for s in (a, b)
    ]
    if not (len(kept[0].edges) or len(kept[1].edges)):
        raise ArgumentError(
            "actor", f"{actor!r} has no edges in {a.name!r} or {b.name!r}: use an actor id from one of them"
        )
    return kept[0], kept[1]


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
) -> EdgeSet:
    """The edge set restricted to some domains, a date range and an actor's ego network.

    ``since``/``until`` take YYYY, YYYY-MM or YYYY-MM-DD and are inclusive; an edge
    dated only to a month or year is kept when that period overlaps the range, and
    an undated edge is dropped whenever a date bound is given. ``actor`` keeps the
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
    domains = _domains(domain)
    _check_domains(domains, edge_set)
    kept = select_edges(edge_set, domains, since=since, until=until, actor=actor)
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
    others = ", ".join(f"{name} {value}" for name, value in given.items() if name != argument)
    return ArgumentError(
        argument,
        f"{given[argument]}{' with ' + others if others else ''} leaves no action of edge set "
        f"{edge_set.name!r} ({span}): widen the filters",
    )


def select_edges(
    edge_set: EdgeSet,
    domain: Iterable[str] | str | None = None,
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
) -> EdgeSet:
    """:func:`filter_edges` without the check that each ``domain`` matches an edge:
    for one block of a larger set (see :mod:`graphkit.interop.dask_engine`)."""
    domains = _domains(domain)
    if actor:
        actor = unicodedata.normalize("NFC", actor)  # as the set's ids are
    edges = edge_set.edges
    keep = pd.Series(True, index=edges.index)
    if domains:
        keep &= edges["domain"].isin(domains)
    if since or until:
        start, end = date_bounds(edges["date"])
        keep &= edges["date"] != ""
        if since:
            keep &= end >= _bound(since, "since", last=False)
        if until:
            keep &= start <= _bound(until, "until", last=True)
    if actor:
        if not has_actor(edge_set, actor):
            ids = pd.unique(pd.concat([edges["source"], edges["target"]], ignore_index=True))
            nearest = ", ".join(closest_first(actor, ids)[:8])
            raise ArgumentError(
                "actor",
                f"{actor!r} is not in edge set {edge_set.name!r}: use an actor id from it ({nearest}, ...)",
            )
        keep &= ego_mask(edges[keep], actor).reindex(edges.index, fill_value=False)
    if keep.all():
        return edge_set
    return edge_set.with_edges(edges[keep])
