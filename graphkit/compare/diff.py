"""Comparison of two edge sets: edges added, removed and changed, actors, strain and similarity.

Everything is vectorised: values are turned into integer codes shared by both
sets (``pd.factorize``), and edges are matched by set membership on those codes,
so a diff of two million-row sets takes seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

import numpy as np
import pandas as pd

from ..analysis.units import Unit, check_unit, count_units
from ..checks import kind_of, require_positive_int
from ..edgeset import EdgeSet, require_edge_set
from ..errors import ArgumentError
from ..schema import CENTRALITY_MEASURES, EDGE_FIELDS
from .agreement import Agreement, codes_same_text, intercoder_agreement
from .by_quote import Matching, changed_by_quote, id_pairs, matching_for, quote_identity, quote_pairs
from .set_measures import STRAIN_DIFF_COLUMNS, whole_set_measures
from .similarity import Metric
from .values import fields_differ, joint_codes

__all__ = ["COMPARED_FIELDS", "KEY_FIELDS", "EdgeSetDiff", "diff_edge_sets"]

KEY_FIELDS = ["source", "target", "action", "date"]
COMPARED_FIELDS = EDGE_FIELDS
# centrality comes from iterative solvers; smaller differences are numerical noise
CENTRALITY_TOLERANCE = 1e-9


@dataclass(frozen=True)
class EdgeSetDiff:
    """What changes from edge set A to edge set B.

    ``identity`` names the columns that identify an edge: ``("id",)`` when both
    sets have ids, else ``("source", "target", "action", "date", "occurrence")``,
    where ``occurrence`` numbers the edges sharing those four values (see
    :func:`diff_edge_sets`). ``added`` and ``removed`` are edges of B only and of A
    only. ``changed`` has one row per changed field of a matched edge: the
    identity, ``field``, ``old`` (A's value) and ``new`` (B's value). ``strain``
    is every relationship of either set with ``strain_a``, ``strain_b`` (0 where a
    pair is absent), ``delta`` = strain_b - strain_a, ``rank_a``, ``rank_b``
    (rank in each set's :func:`~graphkit.analysis.strain_alg.strain`, None where absent) and
    ``rank_change`` = rank_a - rank_b (positive: the pair climbed in B).
    ``metrics`` are the similarity measures by name. ``strain`` and ``metrics`` are
    computed when first read (both strain tables of two million-row sets take seconds,
    and a CSV of edge changes needs neither); the values are the same either way.
    ``centrality_changes`` has one row per actor in both sets and measure whose
    value moved: ``actor``, ``name``, ``measure``, ``value_a``, ``value_b``, ``delta``.
    ``centrality`` says whether centrality changes were computed.
    ``agreement`` is the agreement between the two codings
    (:func:`graphkit.compare.agreement.intercoder_agreement`) when both quote one source
    text, else None. ``unit`` is the unit of evidence the strain and centrality
    parts count (:func:`graphkit.analysis.units.count_units`). ``matching`` says
    how edges were paired: ``id``, ``key`` (source, target, action, date) or
    ``quote`` (claim by claim, :mod:`graphkit.compare.by_quote`; ``identity`` is then
    ``("id_a", "id_b")``, or ``("line_a", "line_b")`` when a set has no ids).
    ``union`` has one row per edge of either set: ``row_a`` and ``row_b`` (its
    position in each set's ``edges``, -1 where absent) and ``change`` (unchanged,
    changed, added or removed).
    """

    name_a: str
    name_b: str
    identity: tuple[str, ...]
    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame
    unchanged: int
    actors_added: pd.DataFrame
    actors_removed: pd.DataFrame
    centrality_changes: pd.DataFrame
    top_k: int = 10
    centrality: bool = True
    union: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    agreement: Agreement | None = None
    unit: str = "action"
    matching: Matching = "id"
    # (strain, metrics), computed when first asked for: a CSV of edge changes needs neither
    measure: Callable[[], tuple[pd.DataFrame, dict[str, Metric]]] | None = field(
        default=None, repr=False, compare=False
    )

    @cached_property
    def _measured(self) -> tuple[pd.DataFrame, dict[str, Metric]]:
        if self.measure is None:
            return pd.DataFrame(columns=STRAIN_DIFF_COLUMNS), {}
        return self.measure()

    @property
    def strain(self) -> pd.DataFrame:
        """Every relationship of either set, strain and rank on each side (see the class)."""
        return self._measured[0]

    @property
    def metrics(self) -> dict[str, Metric]:
        """The similarity measures (:func:`~graphkit.compare.similarity.similarity_metrics`), by name."""
        return self._measured[1]

    def to_dict(self) -> dict:
        """The summary as JSON-ready data: the ``summary`` object of ``graphkit diff --format json``."""
        diff = self
        return {
            "a": diff.name_a,
            "b": diff.name_b,
            "identity": list(diff.identity),
            "matching": diff.matching,
            "differs": diff.differs,
            "edges_added": len(diff.added),
            "edges_removed": len(diff.removed),
            "edges_changed": diff.changed_edges,
            "edges_unchanged": diff.unchanged,
            "actors_added": len(diff.actors_added),
            "actors_removed": len(diff.actors_removed),
            "pairs_strain_changed": len(diff.strain_changes()),
            "top_k": diff.top_k,
            "centrality": diff.centrality,
            # the default unit leaves the summary as it always was
            **({"unit": diff.unit} if diff.unit != "action" else {}),
        }

    @property
    def differs(self) -> bool:
        """True when an edge or an actor is added, removed or changed."""
        return any(
            len(f) for f in (self.added, self.removed, self.changed, self.actors_added, self.actors_removed)
        )

    @property
    def changed_edges(self) -> int:
        """How many matched edges have at least one changed field."""
        if len(self.changed) == 0:
            return 0
        return len(self.changed.drop_duplicates(list(self.identity)))

    def strain_changes(self) -> pd.DataFrame:
        """The rows of ``strain`` whose strain differs between A and B, or whose
        pair is in one set only."""
        frame = self.strain
        one_side = frame["rank_a"].isna() | frame["rank_b"].isna()
        return frame[(frame["delta"] != 0) | one_side].reset_index(drop=True)


def _combine(parts: list[tuple[np.ndarray, np.ndarray, int]]) -> tuple[np.ndarray, np.ndarray]:
    """One code per row for several columns' codes, ordered like the tuple of values."""
    code_a, code_b, _ = parts[0]
    for part_a, part_b, size in parts[1:]:
        joined = joint_codes(pd.Series(code_a * size + part_a), pd.Series(code_b * size + part_b))
        code_a, code_b = joined[0], joined[1]
    return code_a, code_b


def _number_within(group: np.ndarray, order: np.ndarray) -> np.ndarray:
    """For each row, how many earlier rows (by ``order``) share its ``group``: 0, 1, 2..."""
    frame = pd.DataFrame({"g": group, "o": order})
    frame = frame.sort_values(["g", "o"], kind="stable")
    numbered = frame.groupby("g", sort=False).cumcount()
    return numbered.reindex(frame.index.sort_values()).to_numpy(dtype=np.int64)


def _member(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions matched by equal codes: for each code in both, (position in a, position in b).
    Codes must be unique on each side."""
    index_b = pd.Index(b)
    where = index_b.get_indexer(a)
    found = where >= 0
    return np.flatnonzero(found), where[found]


def _match(
    a: pd.DataFrame, b: pd.DataFrame, ids: tuple[np.ndarray, np.ndarray] | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """Pair the edges of A and B. Returns positions (pos_a, pos_b) of matched edges,
    each pair's occurrence (see below; 0 by id), and for each compared field where
    the pairs' values differ (:func:`~graphkit.compare.values.fields_differ`).

    By id (``ids``: the rows with equal ids, :func:`~graphkit.compare.by_quote.id_pairs`),
    edges match when their ids are equal. By key (``ids`` None), identical edges (every
    compared field equal) are matched first, copy for copy; the rest are matched
    within each (source, target, action, date) in order of their other values.
    """
    if ids is not None:
        pos_a, pos_b = ids
        return (
            pos_a,
            pos_b,
            np.zeros(len(pos_a), dtype=np.int64),
            fields_differ(a, b, pos_a, pos_b, COMPARED_FIELDS),
        )

    # by key, codes in sorted value order also order the copies
    codes = {f: joint_codes(a[f], b[f]) for f in COMPARED_FIELDS}
    sig_a, sig_b = _combine([codes[f] for f in KEY_FIELDS + ["weight", "cameo", "domain", "quote"]])
    key_a, key_b = _combine([codes[f] for f in KEY_FIELDS])
    size = int(max(len(a), len(b))) + 1
    copy_a = sig_a * size + _number_within(sig_a, np.zeros(len(a), dtype=np.int64))
    copy_b = sig_b * size + _number_within(sig_b, np.zeros(len(b), dtype=np.int64))
    same_a, same_b = _member(copy_a, copy_b)

    rest_a = np.setdiff1d(np.arange(len(a)), same_a, assume_unique=True)
    rest_b = np.setdiff1d(np.arange(len(b)), same_b, assume_unique=True)
    number_a = _number_within(key_a[rest_a], sig_a[rest_a])
    moved_a, moved_b = _member(
        key_a[rest_a] * size + number_a, key_b[rest_b] * size + _number_within(key_b[rest_b], sig_b[rest_b])
    )
    pos_a = np.concatenate([same_a, rest_a[moved_a]])
    pos_b = np.concatenate([same_b, rest_b[moved_b]])
    occurrence = np.concatenate([np.zeros(len(same_a), dtype=np.int64), number_a[moved_a] + 1])
    differ = {f: codes[f][0][pos_a] != codes[f][1][pos_b] for f in COMPARED_FIELDS}
    return pos_a, pos_b, occurrence, differ


def _edge_rows(edges: pd.DataFrame, positions: np.ndarray, by_id: bool) -> pd.DataFrame:
    columns = (["id"] if by_id else []) + EDGE_FIELDS
    rows = edges.iloc[np.sort(positions)][columns]
    order = ["id"] if by_id else EDGE_FIELDS
    return rows.sort_values(order, kind="stable").reset_index(drop=True)


def _changed(
    a: pd.DataFrame,
    b: pd.DataFrame,
    pos_a: np.ndarray,
    pos_b: np.ndarray,
    occurrence: np.ndarray,
    differ: dict[str, np.ndarray],
    by_id: bool,
) -> pd.DataFrame:
    """One row per (matched edge, field) whose value differs, in identity then field order."""
    identity = ["id"] if by_id else KEY_FIELDS
    fields = COMPARED_FIELDS if by_id else [f for f in COMPARED_FIELDS if f not in KEY_FIELDS]
    context = ["source", "target", "action"] if by_id else []
    parts = []
    for order, name in enumerate(fields):
        rows_a, rows_b = pos_a[differ[name]], pos_b[differ[name]]
        if len(rows_a) == 0:
            continue
        part = a.iloc[rows_a][identity + context].reset_index(drop=True)
        if not by_id:
            part["occurrence"] = occurrence[differ[name]]
        part["field"] = name
        part["old"] = a[name].iloc[rows_a].astype(object).to_numpy()
        part["new"] = b[name].iloc[rows_b].astype(object).to_numpy()
        part["_order"] = order
        parts.append(part)
    columns = identity + context + ([] if by_id else ["occurrence"]) + ["field", "old", "new"]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    frame = pd.concat(parts, ignore_index=True)
    sort_by = identity + ([] if by_id else ["occurrence"]) + ["_order"]
    frame = frame.sort_values(sort_by, kind="stable").reset_index(drop=True)
    return frame[columns]


def _endpoints(edge_set: EdgeSet) -> pd.Index:
    edges = edge_set.edges
    return pd.Index(pd.unique(pd.concat([edges["source"], edges["target"]], ignore_index=True)))


def _actors_only_in(edge_set: EdgeSet, other: EdgeSet) -> pd.DataFrame:
    """Actors with an edge in ``edge_set`` and none in ``other``, with their names."""
    only = _endpoints(edge_set).difference(_endpoints(other))
    actors = edge_set.actors[edge_set.actors["id"].isin(only)]
    return actors[["id", "name", "kind", "group"]].sort_values("id", kind="stable").reset_index(drop=True)


def _centrality_changes(a: EdgeSet, b: EdgeSet) -> pd.DataFrame:
    from ..analysis.centrality_alg import centrality

    columns = ["actor", "name", "measure", "value_a", "value_b", "delta"]
    ca, cb = centrality(a), centrality(b)
    both = ca.merge(cb, on="actor", suffixes=("_a", "_b"))
    # an actor listed in both actors files but acting in only one set is added or removed, not changed
    both = both[both["actor"].isin(_endpoints(a).intersection(_endpoints(b)))]
    parts = []
    for order, measure in enumerate(CENTRALITY_MEASURES):
        value_a = both[f"{measure}_a"].to_numpy(dtype=float)
        value_b = both[f"{measure}_b"].to_numpy(dtype=float)
        delta = value_b - value_a
        moved = np.abs(delta) > CENTRALITY_TOLERANCE
        if moved.any():
            parts.append(
                pd.DataFrame(
                    {
                        "actor": both["actor"].to_numpy()[moved],
                        "name": both["name_a"].to_numpy()[moved],
                        "measure": measure,
                        "value_a": value_a[moved],
                        "value_b": value_b[moved],
                        "delta": delta[moved],
                        "_order": order,
                    }
                )
            )
    if not parts:
        return pd.DataFrame(
            {c: pd.Series(dtype=float if c.startswith(("value", "delta")) else object) for c in columns}
        )
    frame = pd.concat(parts, ignore_index=True).sort_values(["actor", "_order"], kind="stable")
    return frame[columns].reset_index(drop=True)


def diff_edge_sets(
    a: EdgeSet, b: EdgeSet, *, top: int = 10, with_centrality: bool = True, unit: Unit = "action"
) -> EdgeSetDiff:
    """Compare edge set ``a`` (old) with ``b`` (new).

    Parameters
    ----------
    a, b : EdgeSet
        The two sets; row order never matters.
    top : int
        How many of each set's most strained pairs the ``*_top_k`` correlations use.
    with_centrality : bool
        Compute ``centrality_changes`` (the slowest part on large sets).
    unit : {"action", "claim", "type"}
        What counts once in the strain and centrality parts (and the similarity
        measures built on strain): see :func:`graphkit.analysis.units.count_units`.
        Edges are matched, and the coding agreement measured, row by row whatever the unit.

    Returns
    -------
    EdgeSetDiff

    Notes
    -----
    An edge's identity is its ``id`` when both sets have ids and share at least
    one. Otherwise, when both sets quote one source text (a hand coding and a
    draft of it), rows are paired claim by claim, as
    :func:`graphkit.claims.match_claims` pairs them (quotes overlapping by at least
    half the shorter), and every compared field of a pair may differ. Otherwise an
    edge's identity is its (source, target, action, date). Several edges may share those four values: edges
    identical in every compared field are paired first, copy for copy; the rest
    are paired in order of (weight, cameo, domain, quote) and numbered 1, 2...
    (``occurrence`` in ``changed``); unpaired ones are added or removed. Compared
    fields are source, target, action, weight, cameo, domain, date and quote; extra
    columns are ignored.

    Examples
    --------
    >>> from graphkit.edgeset import load_edge_set
    >>> essay = load_edge_set("essay")
    >>> d = diff_edge_sets(essay, essay)
    >>> d.differs, d.metrics["jaccard_edges"].value
    (False, 1.0)
    """
    require_edge_set(a, "a")
    require_edge_set(b, "b")
    require_positive_int(top, "top", optional=False)
    if not isinstance(with_centrality, bool):
        raise ArgumentError("with_centrality", f"must be True or False, not {with_centrality!r}")
    if top < 1:
        raise ArgumentError("top", f"must be at least 1, not {top}")
    same_text = codes_same_text(a, b)
    ea, eb = a.edges.reset_index(drop=True), b.edges.reset_index(drop=True)
    ids = id_pairs(ea, eb) if a.has_ids and b.has_ids else None
    matching = matching_for(a, b, same_text, ids)
    by_id = matching == "id"
    if matching == "quote":
        pos_a, pos_b = quote_pairs(ea, eb, str(a.source_text))
        differ = fields_differ(ea, eb, pos_a, pos_b, COMPARED_FIELDS)
        changed = changed_by_quote(a, b, pos_a, pos_b, differ, COMPARED_FIELDS)
        identity: tuple[str, ...] = quote_identity(a, b)
    else:
        pos_a, pos_b, occurrence, differ = _match(ea, eb, ids if by_id else None)
        changed = _changed(ea, eb, pos_a, pos_b, occurrence, differ, by_id)
        identity = ("id",) if by_id else (*KEY_FIELDS, "occurrence")
    removed_pos = np.setdiff1d(np.arange(len(ea)), pos_a, assume_unique=True)
    added_pos = np.setdiff1d(np.arange(len(eb)), pos_b, assume_unique=True)
    differs = np.zeros(len(pos_a), dtype=bool)
    for name in COMPARED_FIELDS:
        differs |= differ[name]
    unchanged = int((~differs).sum())
    union = pd.DataFrame(
        {
            "row_a": np.concatenate([pos_a, removed_pos, np.full(len(added_pos), -1)]),
            "row_b": np.concatenate([pos_b, np.full(len(removed_pos), -1), added_pos]),
            "change": np.concatenate(
                [
                    np.where(differs, "changed", "unchanged"),
                    np.full(len(removed_pos), "removed"),
                    np.full(len(added_pos), "added"),
                ]
            ).astype(object),
        }
    )
    check_unit(unit)
    ua, ub = (s if unit == "action" else s.with_edges(count_units(s.edges, unit)) for s in (a, b))
    return EdgeSetDiff(
        name_a=a.name,
        name_b=b.name,
        identity=identity,
        added=_edge_rows(eb, added_pos, by_id or (matching == "quote" and b.has_ids)),
        removed=_edge_rows(ea, removed_pos, by_id or (matching == "quote" and a.has_ids)),
        changed=changed,
        unchanged=unchanged,
        actors_added=_actors_only_in(b, a),
        actors_removed=_actors_only_in(a, b),
        centrality_changes=_centrality_changes(ua, ub) if with_centrality else _centrality_changes_skipped(),
        top_k=top,
        centrality=with_centrality,
        union=union,
        agreement=intercoder_agreement(a, b) if same_text else None,
        unit=unit,
        matching=matching,
        measure=partial(
            whole_set_measures,
            ua,
            ub,
            ea,
            eb,
            shared_edges=len(pos_a),
            all_edges=len(pos_a) + len(removed_pos) + len(added_pos),
            top_k=top,
        ),
    )


def _centrality_changes_skipped() -> pd.DataFrame:
    return pd.DataFrame(columns=["actor", "name", "measure", "value_a", "value_b", "delta"])


def require_diff(value: Any, argument: str = "diff") -> None:
    """``value`` must be an :class:`~graphkit.compare.diff.EdgeSetDiff`."""
    if not isinstance(value, EdgeSetDiff):
        raise ArgumentError(
            argument, f"must be an EdgeSetDiff, not {kind_of(value)}: make one with diff_edge_sets(a, b)"
        )
