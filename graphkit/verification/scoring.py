"""One claim against the record's events between its two countries: type, direction, time, evidence, tier.

Rules (docs/verify.md has them with a worked example):

- type: the event has one of the claim's CAMEO codes (level 3), else the root of
  one (level 2; for a PLOVER-coded event, the PLOVER type of one), else the claim's
  QuadClass (level 1; a side without a QuadClass compares signs); else 0.
- direction: the claim's source acts on its target (same) or the reverse.
- time: inside the window (the event's dates overlap the claim's), or outside it by
  ``gap`` days; events more than ``slack`` days outside are no candidates.
- score of a candidate = TYPE[level] x DIRECTION x TIME, TIME = 1 inside and
  0.5 ** (gap / HALF_LIFE) outside; the claim's score is its best candidate's,
  times 1 - 0.5 ** n, n the distinct sources of the events that give the claim
  its support (each report counted once; a GDELT event counts its NumSources).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["DIRECTION", "HALF_LIFE", "SUPPORT", "TYPE", "Assessment", "assess", "event_signs"]

#: The support tiers, strongest first.
SUPPORT = ("confirmed", "partial", "contradicted", "not_found", "out_of_coverage", "undated")
TYPE = {3: 1.0, 2: 0.75, 1: 0.4}
DIRECTION = {True: 1.0, False: 0.5}
HALF_LIFE = 7.0


@dataclass(frozen=True)
class Assessment:
    """What the record says about one claim: ``support`` (one of SUPPORT), ``score``
    (0..1), ``sources`` (n above), ``kind`` (the events that decided the tier, as a
    boolean mask over the pair's events), ``order`` (the pair's events to show, best
    first) and ``candidate`` (each event's candidate score)."""

    support: str
    score: float
    sources: int
    kind: np.ndarray
    order: np.ndarray
    candidate: np.ndarray
    level: np.ndarray
    same: np.ndarray


def event_signs(events: pd.DataFrame) -> np.ndarray:
    """-1, 0 or +1 per event: the sign of its Goldstein value, else of its QuadClass
    (1, 2 cooperation; 3, 4 conflict)."""
    value = events["goldstein"].to_numpy(dtype=float)
    quad = events["quad"].to_numpy()
    by_quad = np.where(np.isin(quad, (3, 4)), -1, np.where(np.isin(quad, (1, 2)), 1, 0))
    return np.where(np.isnan(value), by_quad, np.sign(np.nan_to_num(value))).astype(int)


def _levels(events: pd.DataFrame, codes, roots, plovers, quads, sign: int, signs: np.ndarray) -> np.ndarray:
    code = events["code"].to_numpy(dtype=object)
    root = events["root"].to_numpy(dtype=object)
    plover = events["plover"].to_numpy(dtype=object)
    quad = events["quad"].to_numpy()
    level = np.zeros(len(events), dtype=np.int8)
    by_quad = np.isin(quad, list(quads)) if quads else np.zeros(len(events), dtype=bool)
    unknown_quad = (quad == 0) | (not quads)
    level[by_quad | (unknown_quad & (sign != 0) & (signs == sign))] = 1
    by_root = np.isin(root, list(roots)) & (root != "") if roots else np.zeros(len(events), dtype=bool)
    by_plover = (root == "") & np.isin(plover, list(plovers)) & (plover != "") if plovers else by_root & False
    level[by_root | by_plover] = 2
    if codes:
        level[np.isin(code, list(codes))] = 3
    return level


def _distinct_sources(events: pd.DataFrame, mask: np.ndarray) -> int:
    chosen = events.loc[mask, ["ref", "sources"]]
    return int(chosen.groupby("ref", sort=False)["sources"].max().sum()) if len(chosen) else 0


def assess(
    events: pd.DataFrame,
    *,
    source: str,
    start: pd.Timestamp,
    end: pd.Timestamp,
    codes: frozenset[str],
    roots: frozenset[str],
    plovers: frozenset[str],
    quads: frozenset[int],
    sign: int,
    slack: int,
) -> Assessment:
    """Assess a dated claim (``source`` acting in ``start``..``end``) against
    ``events``: the record's events between its two countries, either direction."""
    n = len(events)
    if n == 0:
        empty = np.zeros(0, dtype=bool)
        return Assessment(
            "not_found", 0.0, 0, empty, np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0, np.int8), empty
        )
    signs = event_signs(events)
    same = events["source"].to_numpy(dtype=object) == source
    level = _levels(events, codes, roots, plovers, quads, sign, signs)
    ev_start = events["start"].to_numpy(dtype="datetime64[D]")
    ev_end = events["end"].to_numpy(dtype="datetime64[D]")
    w_start, w_end = np.datetime64(start, "D"), np.datetime64(end, "D")
    gap = np.maximum((w_start - ev_end).astype(np.int64), (ev_start - w_end).astype(np.int64)).clip(min=0)
    inside = gap == 0
    near = ~inside & (gap <= slack)
    candidate = np.zeros(n)
    for lv, weight in TYPE.items():
        candidate[level == lv] = weight
    candidate *= np.where(same, DIRECTION[True], DIRECTION[False])
    candidate *= np.where(inside, 1.0, np.where(near, 0.5 ** (gap / HALF_LIFE), 0.0))
    strong = level >= 2
    tiers = [
        ("confirmed", inside & same & strong),
        ("partial", (inside & ~same & strong) | (inside & (level == 1)) | (near & same & strong)),
        ("contradicted", inside & (sign != 0) & (signs == -sign)),
    ]
    support, kind = "not_found", inside
    for name, mask in tiers:
        if mask.any():
            support, kind = name, mask
            break
    sources = _distinct_sources(events, kind) if support in ("confirmed", "partial") else 0
    best = float(candidate[kind].max()) if support in ("confirmed", "partial") else 0.0
    score = round(best * (1 - 0.5**sources), 6)
    shown = np.flatnonzero(kind)
    dates = ev_start[shown]
    order = shown[
        np.lexsort((events["event_id"].to_numpy(dtype=object)[shown].astype(str), dates, -candidate[shown]))
    ]
    return Assessment(support, score, sources, kind, order, candidate, level, same)
