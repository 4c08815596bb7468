"""Parallel arrows between one pair of actors, fanned out as curves so each stays visible."""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["CURVE_STEP", "fan_layout", "fan_slot", "fan_smooth"]

CURVE_STEP = 0.17


def fan_slot(rank: int, count: int) -> float:
    """Where the ``rank``-th of ``count`` parallel arrows goes: 0, +1, -1, +2, ...
    (odd count) or +0.5, -0.5, +1.5, ... (even), so the fan is symmetric about
    the straight line."""
    if count % 2:
        return 0.0 if rank == 0 else ((rank + 1) // 2) * (1.0 if rank % 2 else -1.0)
    return (rank // 2 + 0.5) * (1.0 if rank % 2 == 0 else -1.0)


def fan_smooth(offset: float, forward: bool, step: float) -> dict[str, Any]:
    """vis-network ``smooth`` options for an arrow ``offset`` slots off the straight
    line (see :func:`fan_slot`), ``step`` roundness per slot."""
    if offset == 0:
        return {"enabled": False}
    clockwise = (offset > 0) == forward
    # vis curves relative to each edge's own direction; flip for b -> a so both
    # directions of a pair share one fan instead of overlapping
    kind = "curvedCW" if clockwise else "curvedCCW"
    return {"enabled": True, "type": kind, "roundness": round(step * abs(offset), 4)}


def fan_layout(frame: pd.DataFrame, order: list[str]) -> tuple[pd.DataFrame, list[float], list[float]]:
    """Sort arrows (rows with ``source`` and ``target``) by unordered pair, then by
    ``order`` within a pair, and give each its fan slot and curve step.

    Returns the sorted frame (with the pair's ends as ``pa`` < ``pb``), and per row
    the slot (:func:`fan_slot`) and the roundness per slot for :func:`fan_smooth`.
    """
    # elementwise, not a row-wise min/max: on text columns that loads pyarrow's query engine
    lower = frame["source"] <= frame["target"]
    frame = frame.assign(
        pa=frame["source"].where(lower, frame["target"]), pb=frame["target"].where(lower, frame["source"])
    ).sort_values(["pa", "pb", *order], kind="stable")
    rank = frame.groupby(["pa", "pb"], sort=False).cumcount().to_numpy()
    count = frame.groupby(["pa", "pb"], sort=False)["source"].transform("size").to_numpy()
    slots = [fan_slot(int(k), int(n)) for k, n in zip(rank, count)]
    # fans wider than one curve step per slot would loop past the nodes
    steps = [min(CURVE_STEP, 0.9 / ((n - 1) / 2)) if n > 1 else CURVE_STEP for n in count]
    return frame, slots, steps
