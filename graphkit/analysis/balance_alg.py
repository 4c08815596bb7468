"""Structural balance of the signed graph: triangle census, frustration index and camps.

The signed graph has one tie per unordered pair of actors whose actions, in both
directions, sum to a non-zero net weight: friendly (+) when the sum is positive,
hostile (-) when it is negative. :func:`signed_ties` builds it from edges (so a
change of unit or a filter applied to the edges first carries through), and
:func:`balance` measures it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..checks import require_count, require_seconds
from ..errors import ArgumentError, use_one_of
from ..scales import with_scale
from ..schema import BALANCE_METHODS, TIE_DECIMALS
from .balance_search import TRIANGLE_TYPES, CampSearch, count_triangles
from .guardrails import NO_CYCLE, balance_warnings
from .units import Unit, check_unit, count_units

__all__ = [
    "Balance",
    "balance",
    "balance_from_ties",
    "signed_ties",
    "EXACT_MAX_TIES",
    "TRIANGLE_TYPES",
    "SIGNED_TIE_COLUMNS",
]

SIGNED_TIE_COLUMNS = ["actor_a", "actor_b", "net", "sign"]
ACTOR_COLUMNS = ["actor", "camp", "unbalanced_triangles"]
# the largest tie count (after trees hanging off a component are set aside) for which
# balance() solves the mixed-integer program; measured by tests/bench/bench_balance.py
EXACT_MAX_TIES = 300
NO_TRIANGLES = "no triangles: no three actors are all tied to each other, so no share is defined"


@dataclass(frozen=True, eq=False)
class Balance:
    """The structural balance of a signed graph (see :func:`balance`).

    Attributes
    ----------
    triangles : dict
        Count of triangles by signs, keys ``+++``, ``++-``, ``+--``, ``---``.
    balanced_share_strong, balanced_share_weak : float or None
        Share of triangles balanced under strong balance (``+++``, ``+--``) and
        under weak balance (``---`` as well); None when there is no triangle
        (``note`` says so).
    frustration : int
        Frustrated ties of ``camps``: the frustration index when ``exact``, else
        an upper bound on it.
    exact : bool
        True when ``frustration`` is proven least.
    camps : dict
        Actor id -> 0 or 1.
    frustrated_ties : tuple
        ``(actor_a, actor_b)`` pairs, alphabetical, of the ties the camps contradict.
    actors : pandas.DataFrame
        ``actor``, ``camp``, ``unbalanced_triangles``, sorted by actor.
    ties : pandas.DataFrame
        The signed ties (:data:`SIGNED_TIE_COLUMNS`) and ``frustrated`` (bool).
    note : str
        Why the shares are None, else "".
    method : str
        ``exact``, ``heuristic`` or ``exact+heuristic`` (some components each way).
    time_limit : float
        The time bound in seconds given to the solver and the heuristic.
    stopped_early : bool
        True when the time bound cut the search short: the camps may then differ
        between runs and machines.
    """

    triangles: dict
    balanced_share_strong: float | None
    balanced_share_weak: float | None
    frustration: int
    exact: bool
    camps: dict
    frustrated_ties: tuple
    actors: pd.DataFrame
    ties: pd.DataFrame
    note: str
    method: str
    time_limit: float
    stopped_early: bool
    warnings: tuple = ()

    @property
    def acyclic(self) -> bool:
        """True when the signed graph has no cycle: its frustration is 0 by construction."""
        return bool(self.warnings) and self.warnings[0].startswith(NO_CYCLE)

    def to_frame(self) -> pd.DataFrame:
        """One row per actor: ``actor``, ``camp``, ``unbalanced_triangles``."""
        return self.actors.copy()

    def to_dict(self) -> dict:
        """The result as JSON-ready data: the keys of ``graphkit balance --format json``."""
        return {
            "triangles": dict(self.triangles),
            "balanced_share_strong": self.balanced_share_strong,
            "balanced_share_weak": self.balanced_share_weak,
            "frustration": self.frustration,
            "exact": self.exact,
            "warnings": list(self.warnings),
            "camps": dict(self.camps),
            "frustrated_ties": [list(pair) for pair in self.frustrated_ties],
            "actors": [
                {"actor": a, "camp": int(c), "unbalanced_triangles": int(u)}
                for a, c, u in self.actors.itertuples(index=False, name=None)
            ],
        }


def _edges_frame(edge_set) -> pd.DataFrame:
    frame = getattr(edge_set, "edges", edge_set)  # an EdgeSet, or its edges
    if not isinstance(frame, pd.DataFrame):
        raise ArgumentError(
            "edge_set", ": give an EdgeSet or a DataFrame with source, target and weight columns"
        )
    missing = [c for c in ("source", "target", "weight") if c not in frame.columns]
    if missing:
        raise ArgumentError("edge_set", f"has no {', '.join(missing)} column: give source, target and weight")
    return frame


def signed_ties(edge_set) -> pd.DataFrame:
    """The signed graph of ``edge_set``: one row per unordered pair with a non-zero net weight.

    Parameters
    ----------
    edge_set : EdgeSet or pandas.DataFrame
        Alleged actions with ``source``, ``target`` and ``weight`` (as
        ``EdgeSet.edges``). Actions of an actor on itself are left out.

    Returns
    -------
    pandas.DataFrame
        ``actor_a`` < ``actor_b`` (alphabetically), ``net`` (the sum of the
        weights of all the pair's actions, both directions) and ``sign`` (+1
        friendly, -1 hostile), sorted by ``actor_a``, ``actor_b``. Pairs whose
        actions sum to 0 (to 9 decimals) have no tie and no row.

    Examples
    --------
    >>> edges = pd.DataFrame({"source": ["B", "A", "A"], "target": ["A", "B", "C"], "weight": [-5.0, 2.0, 3.0]})
    >>> signed_ties(edges).to_dict("records")
    [{'actor_a': 'A', 'actor_b': 'B', 'net': -3.0, 'sign': -1}, {'actor_a': 'A', 'actor_b': 'C', 'net': 3.0, 'sign': 1}]
    """
    frame = _edges_frame(edge_set)
    source = frame["source"].astype(str).to_numpy()
    target = frame["target"].astype(str).to_numpy()
    keep = source != target
    first, second = np.minimum(source[keep], target[keep]), np.maximum(source[keep], target[keep])
    weight = frame["weight"].to_numpy(dtype=float)[keep]
    if len(weight) and not np.isfinite(weight).all():
        raise ArgumentError(
            "edge_set", "weight has missing or infinite values: give every action a finite weight"
        )
    pairs = pd.DataFrame({"actor_a": first, "actor_b": second, "net": weight})
    net = pairs.groupby(["actor_a", "actor_b"], sort=True)["net"].sum().reset_index()
    # sums equal to 0 to 9 decimals are no tie, however the floats were added up
    sign = np.sign(net["net"].to_numpy().round(TIE_DECIMALS)).astype(np.int64)
    net["sign"] = sign
    return net[sign != 0].reset_index(drop=True)[SIGNED_TIE_COLUMNS]


def balance(
    edge_set,
    *,
    unit: Unit = "action",
    method: str = "auto",
    exact_max_ties: int = EXACT_MAX_TIES,
    time_limit: float = 60.0,
    seed: int = 0,
    scale: str = "goldstein",
) -> Balance:
    """Structural balance of the signed graph of ``edge_set`` (see :func:`signed_ties`).

    Parameters
    ----------
    edge_set : EdgeSet or pandas.DataFrame
        Alleged actions (``source``, ``target``, ``weight``); every actor among
        them is reported, those without a tie in camp 0.
    unit
        The unit of evidence (:func:`graphkit.analysis.units.count_units`): the
        net weight of a pair sums every action (the default), one row per claim,
        or one per action type.
    method, exact_max_ties, time_limit, seed
        See :func:`balance_from_ties`.
    scale
        How each action is weighed first (:func:`graphkit.scales.with_scale`).

    Returns
    -------
    Balance
        Its ``warnings`` say what the graph's shape makes of the result
        (:func:`graphkit.analysis.guardrails.balance_warnings`: no cycle, fewer than 5 actors).

    Examples
    --------
    A triangle with one hostile tie is unbalanced; one tie must flip:

    >>> edges = pd.DataFrame({"source": ["A", "A", "B"], "target": ["B", "C", "C"], "weight": [1.0, 1.0, -1.0]})
    >>> result = balance(edges)
    >>> result.triangles, result.frustration, result.exact
    ({'+++': 0, '++-': 1, '+--': 0, '---': 0}, 1, True)
    """
    frame = with_scale(_edges_frame(edge_set), scale)
    if check_unit(unit) != "action":
        frame = count_units(frame, unit)
    actors = pd.unique(pd.concat([frame["source"], frame["target"]], ignore_index=True).astype(str))
    return balance_from_ties(
        signed_ties(frame),
        actors,
        method=method,
        exact_max_ties=exact_max_ties,
        time_limit=time_limit,
        seed=seed,
    )


def balance_from_ties(
    ties: pd.DataFrame,
    actors=None,
    *,
    method: str = "auto",
    exact_max_ties: int = EXACT_MAX_TIES,
    time_limit: float = 60.0,
    seed: int = 0,
) -> Balance:
    """Structural balance of a signed graph given as ties.

    Parameters
    ----------
    ties : pandas.DataFrame
        ``actor_a``, ``actor_b``, ``sign`` (+1 or -1), one row per unordered pair,
        as :func:`signed_ties` returns (``net`` is kept when present).
    actors : iterable of str, optional
        Actors to report besides those with ties (they get camp 0).
    method : {"auto", "exact", "heuristic"}
        ``auto`` solves the mixed-integer program (HiGHS, through
        ``scipy.optimize.milp``) for every component of at most
        ``exact_max_ties`` ties (trees hanging off a component are set aside
        first, as they are never frustrated) and uses the heuristic on larger
        ones; ``exact`` solves every component exactly; ``heuristic`` never
        solves the program (a balanced component is still found exactly).
    exact_max_ties : int
        See ``method``.
    time_limit : float
        Seconds for the whole search, shared by the solver and the heuristic.
        A search cut short keeps its best camps, with ``exact`` False and
        ``stopped_early`` True.
    seed : int
        Seed of the heuristic's random restarts; the same seed gives the same camps.

    Returns
    -------
    Balance
    """
    if method not in BALANCE_METHODS:
        raise ArgumentError("method", f"{method!r}: {use_one_of(BALANCE_METHODS)}")
    require_count(exact_max_ties, "exact_max_ties")
    require_seconds(time_limit, "time_limit")
    require_count(seed, "seed")
    deadline = time.monotonic() + time_limit
    first = ties["actor_a"].astype(str).to_numpy()
    second = ties["actor_b"].astype(str).to_numpy()
    sign = ties["sign"].to_numpy(dtype=np.int64)
    if len(sign) and not np.isin(sign, (-1, 1)).all():
        raise ArgumentError("ties", "sign must be +1 or -1 on every row")
    low, high = np.minimum(first, second), np.maximum(first, second)
    if (low == high).any():
        raise ArgumentError("ties", f"ties an actor to itself ({low[low == high][0]!r}): drop that row")
    repeated = pd.DataFrame({"a": low, "b": high}).duplicated()
    if repeated.any():
        pair = (low[repeated.to_numpy()][0], high[repeated.to_numpy()][0])
        raise ArgumentError("ties", f"has more than one row for the pair {pair}: give one row per pair")
    names = pd.Index(
        np.concatenate([first, second, np.asarray(list(actors if actors is not None else []), dtype=str)])
    )
    ids = pd.Index(names.unique()).sort_values()
    a, b = ids.get_indexer(first), ids.get_indexer(second)
    n = len(ids)

    counts, unbalanced = count_triangles(n, a, b, sign)
    total = sum(counts.values())
    strong = weak = None
    if total:
        strong = (counts["+++"] + counts["+--"]) / total
        weak = (counts["+++"] + counts["+--"] + counts["---"]) / total

    search = CampSearch(n, a, b, sign, method, exact_max_ties, deadline, seed)
    camp_sign = search.run()
    camp = (camp_sign < 0).astype(np.int64)
    frustrated = sign * camp_sign[a] * camp_sign[b] < 0

    ids = ids.astype(str)
    names_of = ids.to_numpy(dtype=object)  # plain str: iterating arrow strings one by one took seconds
    pairs = tuple(zip(names_of[a[frustrated]].tolist(), names_of[b[frustrated]].tolist()))
    table = pd.DataFrame({"actor": ids, "camp": camp, "unbalanced_triangles": unbalanced})
    signed = ties.reset_index(drop=True).copy()
    signed["frustrated"] = frustrated
    return Balance(
        triangles=counts,
        balanced_share_strong=strong,
        balanced_share_weak=weak,
        frustration=int(frustrated.sum()),
        exact=search.exact,
        camps=dict(zip(ids, camp.tolist())),
        frustrated_ties=tuple(sorted(pairs)),
        actors=table,
        ties=signed,
        note="" if total else NO_TRIANGLES,
        method=search.method,
        time_limit=float(time_limit),
        stopped_early=search.stopped_early,
        warnings=tuple(balance_warnings(zip(first.tolist(), second.tolist()))),
    )
