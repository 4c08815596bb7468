"""Rows whose own weight has the opposite sign of their act's Goldstein value.

A row's ``weight`` overrides its CAMEO code's or taxonomy action's value, so a
tariff written with ``1`` (a spreadsheet's default, a count, a dropped minus sign)
is read as cooperation and leaves the strain it belongs to. The set stays valid;
each such action is a warning at its first line.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .actions import action_defaults, goldstein
from .errors import Problem

__all__ = ["weight_sign_warnings"]


def weight_sign_warnings(edges: pd.DataFrame, lines: np.ndarray, name: str) -> list[Problem]:
    """A warning per (action, CAMEO code) whose rows carry a weight of the opposite sign
    of the code's Goldstein value (the action's taxonomy value where the row has no
    code), at its first line, with the number of such rows. Rows counting events
    (``scale`` ``count``) are not on the Goldstein scale and are left alone."""
    if edges.empty:
        return []
    actions, action_values = pd.factorize(edges["action"])  # a few hundred distinct acts in a million rows
    cameos, cameo_values = pd.factorize(edges["cameo"])
    by_action = {a: d[2] for a, d in action_defaults().items()}
    values = goldstein()
    pairs, combo = np.unique(actions.astype(np.int64) * len(cameo_values) + cameos, return_inverse=True)
    acts = [
        (str(action_values[p // len(cameo_values)]), str(cameo_values[p % len(cameo_values)])) for p in pairs
    ]
    expected = np.array([values.get(c, by_action.get(a, np.nan)) for a, c in acts], dtype=float)[combo]
    weight = edges["weight"].to_numpy(dtype=float)
    clash = np.sign(weight) * np.sign(expected) < 0
    if "scale" in edges.columns:
        clash &= edges["scale"].to_numpy() != "count"
    if not clash.any():
        return []
    found = pd.DataFrame({"act": combo[clash], "line": np.asarray(lines)[clash], "weight": weight[clash]})
    warnings = []
    for act, group in found.groupby("act", sort=False):
        action, code = acts[int(act)]
        first = group.loc[group["line"].idxmin()]
        value = values.get(code, by_action.get(action))
        what = f"CAMEO {code}, {value:+.1f}" if code in values else f"taxonomy, {value:+.1f}"
        kind, opposite = ("cooperation", "strain") if first["weight"] > 0 else ("strain", "cooperation")
        more = f" ({len(group)} rows like it)" if len(group) > 1 else ""
        warnings.append(
            Problem(
                name,
                int(first["line"]),
                f"weight {first['weight']:g} has the opposite sign of {action!r} ({what}), so the row counts "
                f"as {kind}, not {opposite}{more}: check the sign, or leave weight empty to take {value:.1f}",
            )
        )
    return sorted(warnings, key=lambda p: (p.line or 0, p.message))
