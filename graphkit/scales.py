"""Weight scales: the Goldstein weight each row carries, or PLOVER's score, a count, a quad class.

Strain ranks pairs by summed hostility, so the scale that turns an act into a
number is a choice the ranking depends on. Each scale here gives every row a
new ``weight`` (negative: hostile, positive: cooperative) and leaves every other
column alone, so every measure reads a re-scaled set as it reads any set.
docs/scales.md defines the four and shows the essay under each.
"""

from __future__ import annotations

from dataclasses import replace
from typing import cast

import numpy as np
import pandas as pd

from .actions import cameo_quad_classes, taxonomy_plover
from .checks import require_frame
from .edgeset import EdgeSet
from .errors import ArgumentError, use_one_of
from .plover import PLOVER_QUAD, plover_of, plover_score
from .schema import SCALES, Scale

__all__ = [
    "SCALES",
    "Scale",
    "check_scale",
    "plover_columns",
    "quad_classes",
    "scale_weights",
    "scaled_set",
    "with_scale",
]

#: The weight of each quad class under ``quad``: verbal conflict 1, material conflict 2
#: (hostile, so negative), and the same for cooperation.
QUAD_WEIGHTS = {1: 1.0, 2: 2.0, 3: -1.0, 4: -2.0}


def check_scale(scale: str) -> Scale:
    """``scale`` itself when it is one of :data:`SCALES`, else an :class:`~graphkit.errors.ArgumentError`."""
    if scale not in SCALES:
        raise ArgumentError("scale", f"{scale!r} is not a weight scale: {use_one_of(SCALES)}")
    return cast(Scale, scale)


def _text(edges: pd.DataFrame, column: str) -> np.ndarray:
    if column not in edges.columns:
        return np.full(len(edges), "", dtype=object)
    return edges[column].fillna("").astype(str).to_numpy(dtype=object)


def plover_columns(edges: pd.DataFrame) -> pd.DataFrame:
    """Each row's PLOVER ``plover_type`` and ``plover_mode``, index as ``edges``.

    A row's own ``plover_type`` (and ``plover_mode``) columns win where filled; else
    its CAMEO code's row of the CAMEO-to-PLOVER table (:func:`graphkit.plover.plover_of`);
    else its taxonomy action's PLOVER type (an action without a CAMEO code names
    one in the taxonomy); else ``""`` (no PLOVER event: a public statement, or a
    row with its own weight and neither code nor type).
    """
    own_type, own_mode = _text(edges, "plover_type"), _text(edges, "plover_mode")
    cameo, action = _text(edges, "cameo"), _text(edges, "action")
    bespoke = taxonomy_plover()
    kinds, modes = [], []
    for i in range(len(edges)):
        if own_type[i]:
            kind, mode = own_type[i], own_mode[i]
        elif cameo[i]:
            kind, mode = plover_of(cameo[i])
        else:
            kind, mode = bespoke.get(action[i], ("", ""))
        kinds.append(kind)
        modes.append(mode)
    return pd.DataFrame({"plover_type": kinds, "plover_mode": modes}, index=edges.index, dtype=object)


def quad_classes(edges: pd.DataFrame) -> np.ndarray:
    """Each row's quad class (1 verbal cooperation, 2 material cooperation, 3 verbal
    conflict, 4 material conflict): its CAMEO code's (GDELT's ``QuadClass``), else its
    PLOVER type's quad category (the PLOVER manual's), else 0 (none)."""
    by_code = cameo_quad_classes()
    cameo = _text(edges, "cameo")
    kinds = plover_columns(edges)["plover_type"].to_numpy(dtype=object)
    return np.array(
        [by_code.get(code, 0) if code else PLOVER_QUAD.get(kind, 0) for code, kind in zip(cameo, kinds)],
        dtype=np.int64,
    )


def scale_weights(edges: pd.DataFrame, scale: str = "goldstein") -> tuple[np.ndarray, int]:
    """Each row's weight under ``scale``, and how many rows fell back to their own weight.

    - ``goldstein``: the row's weight as loaded (its own, its CAMEO code's Goldstein
      value, or its taxonomy action's).
    - ``plover``: the PLOVER score of the row's type and mode
      (:func:`graphkit.plover.plover_score`); 0 for a row with no PLOVER event (a
      public statement, CAMEO 01). A row with neither CAMEO code nor PLOVER type
      keeps its own weight (counted in the second value).
    - ``count``: -1 for a hostile row (Goldstein weight < 0), +1 for a cooperative
      one, 0 otherwise: every unit counts once.
    - ``quad``: by quad class (:func:`quad_classes`): verbal conflict -1, material
      conflict -2, verbal cooperation +1, material cooperation +2. A row with no
      quad class counts -1, 0 or +1 by its Goldstein sign (counted in the second value).
    """
    check_scale(scale)
    weight = edges["weight"].to_numpy(dtype=float)
    if scale == "goldstein":
        return weight, 0
    if scale == "count":
        return np.sign(weight), 0
    if scale == "quad":
        quad = quad_classes(edges)
        scaled = np.array([QUAD_WEIGHTS.get(int(q), 0.0) for q in quad], dtype=float)
        none = quad == 0
        scaled[none] = np.sign(weight[none])
        return scaled, int(none.sum())
    plover = plover_columns(edges)
    cameo = _text(edges, "cameo")
    scored = np.array(
        [plover_score(k, m) for k, m in zip(plover["plover_type"], plover["plover_mode"])], dtype=float
    )
    none = (plover["plover_type"].to_numpy(dtype=object) == "") & (cameo == "")
    scored[none] = weight[none]
    return scored, int(none.sum())


def with_scale(edges: pd.DataFrame, scale: str = "goldstein") -> pd.DataFrame:
    """``edges`` with ``weight`` replaced by :func:`scale_weights` (a copy; ``goldstein``
    returns ``edges`` itself). ``attrs["scale"]`` names the scale and
    ``attrs["scale_fallback"]`` counts the rows that kept their own weight or sign."""
    require_frame(edges, "edges", ("weight",))
    weights, fallback = scale_weights(edges, scale)
    if scale == "goldstein":
        return edges
    out = edges.copy()
    out["weight"] = weights
    out.attrs["scale"] = scale
    out.attrs["scale_fallback"] = fallback
    return out


def scaled_set(edge_set: EdgeSet, scale: str = "goldstein") -> EdgeSet:
    """``edge_set`` with its rows weighed by ``scale`` (:func:`with_scale`); every
    measure then reads it as any edge set."""
    if scale == "goldstein":
        check_scale(scale)
        return edge_set
    return replace(edge_set, edges=with_scale(edge_set.edges, scale))
