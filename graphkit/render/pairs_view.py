"""The pair view of an edge set: one line per relationship instead of one arrow per action.

Above :data:`PAIR_VIEW_ABOVE` actions, arrows stop being readable (5,000 of them
among 1,000 actors draw as a red disc), so ``render`` draws each relationship
once: width by strain, colour by the balance of hostile and cooperative weight,
the tooltip listing its heaviest actions with their quotes.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from ..analysis.communities import strain_communities
from ..edgeset import EdgeSet
from ..errors import ArgumentError, use_one_of
from ..schema import VIEWS, View
from .rows import rows
from .style import DASHES, GREY, NEUTRAL, OTHER, PALETTE, format_number

__all__ = [
    "BALANCE_COLORS",
    "PAIR_OPTIONS",
    "PAIR_VIEW_ABOVE",
    "TOP_ACTIONS",
    "VIEWS",
    "View",
    "choose_view",
    "community_colors",
    "pair_edges",
]

#: Above this many actions, ``view="auto"`` draws pairs (chosen from screenshots: at
#: 1,000 actions among 300 actors single arrows can still be followed; at 2,000 the
#: arrows of the busiest actors merge into one red mass).
PAIR_VIEW_ABOVE = 1500
TOP_ACTIONS = 5
QUOTE_CHARS = 140
WIDTH = (1.0, 10.0)
COMMUNITY_COLORS = len(PALETTE)  # each its own colour; the rest share grey

# the balance b = (cooperation - strain) / (cooperation + strain), in five bands, on a
# red-grey-blue scale (ColorBrewer's RdBu ends, safe under the common colour-vision
# deficiencies, where red against green is not), each line 3:1 or more against white
# (6.9, 3.7, 4.5, 3.9, 5.9); cooperative bands dashed and the balanced one dotted, as
# cooperative and neutral actions are in the action view, so the sign reads without colour
BALANCE_COLORS = [
    (-0.6, "#B2182B", "mostly hostile (balance below \u22120.6)"),
    (-0.2, "#D6604D", "more hostile than cooperative"),
    (0.2, NEUTRAL, "balanced (\u22120.2 to 0.2), dotted"),
    (0.6, "#3A87C0", "more cooperative than hostile, dashed"),
    (math.inf, "#2166AC", "mostly cooperative (balance above 0.6), dashed"),
]
BALANCE_DASHES = [False, False, DASHES["neutral"], DASHES["cooperative"], DASHES["cooperative"]]


def choose_view(view: str, actions: int) -> str:
    """``actions`` or ``pairs``: ``view`` itself, or for ``auto`` by the number of actions."""
    if view not in VIEWS:
        raise ArgumentError("view", f"{view!r}: {use_one_of(VIEWS)}")
    if view != "auto":
        return view
    return "pairs" if actions > PAIR_VIEW_ABOVE else "actions"


def _balance_band(strain: float, cooperation: float) -> int:
    """Which of :data:`BALANCE_COLORS` a relationship falls in."""
    total = strain + cooperation
    balance = (cooperation - strain) / total if total > 0 else 0.0
    return next(i for i, (bound, _, _) in enumerate(BALANCE_COLORS) if balance < bound)


def _top_actions(edge_set: EdgeSet, names: dict[str, str]) -> dict[tuple[str, str], list[str]]:
    """Each relationship's TOP_ACTIONS heaviest actions (|weight|, then date, source, row) as lines."""
    edges = edge_set.edges
    frame = pd.DataFrame(
        {
            "a": np.minimum(edges["source"].to_numpy(dtype=object), edges["target"].to_numpy(dtype=object)),
            "b": np.maximum(edges["source"].to_numpy(dtype=object), edges["target"].to_numpy(dtype=object)),
            "heavy": -edges["weight"].abs().to_numpy(dtype=float),
            "date": edges["date"].astype(str).to_numpy(dtype=object),
            "source": edges["source"].astype(str).to_numpy(dtype=object),
            "row": np.arange(len(edges)),
        }
    )
    frame = frame.sort_values(["a", "b", "heavy", "date", "source", "row"], kind="stable")
    top = frame.groupby(["a", "b"], sort=False).head(TOP_ACTIONS)
    out: dict[tuple[str, str], list[str]] = {}
    chosen = edges.iloc[top["row"].to_numpy()][["quote", "date", "source", "target", "action", "weight"]]
    for a, b, row in zip(top["a"].tolist(), top["b"].tolist(), rows(chosen)):
        quote = str(row.quote or "")
        if len(quote) > QUOTE_CHARS:
            quote = quote[: QUOTE_CHARS - 1].rstrip() + "\u2026"
        line = (
            f"\u2022 {row.date or 'undated'} {names.get(row.source, row.source)} \u2192 "
            f"{names.get(row.target, row.target)}: {row.action} ({format_number(float(row.weight))})"
        )
        out.setdefault((a, b), []).append(line + (f" \u201c{quote}\u201d" if quote else " (no quote)"))
    return out


def pair_edges(edge_set: EdgeSet, pairs: pd.DataFrame, names: dict[str, str]) -> list[dict[str, Any]]:
    """One vis edge per relationship of ``pairs`` (the :func:`~graphkit.analysis.strain_alg.strain`
    table), in its rank order: no arrow, width by strain (area-like: square root,
    relative to the most strained pair), colour by balance (:data:`BALANCE_COLORS`),
    a plain-text tooltip with totals and the heaviest actions. The page draws them
    straight and without arrows (:data:`PAIR_OPTIONS`)."""
    actions = _top_actions(edge_set, names)
    counts = (
        pd.DataFrame(
            {
                "a": np.minimum(
                    edge_set.edges["source"].to_numpy(object), edge_set.edges["target"].to_numpy(object)
                ),
                "b": np.maximum(
                    edge_set.edges["source"].to_numpy(object), edge_set.edges["target"].to_numpy(object)
                ),
            }
        )
        .value_counts()
        .to_dict()
    )
    top = float(pairs["strain"].max()) if len(pairs) else 0.0
    low, high = WIDTH
    out = []
    for i, r in enumerate(rows(pairs)):
        strain, cooperation = float(r.strain), float(r.cooperation)
        width = low + (high - low) * math.sqrt(strain / top) if top > 0 and strain > 0 else low
        band = _balance_band(strain, cooperation)
        color = BALANCE_COLORS[band][1]
        total = counts.get((r.actor_a, r.actor_b), 0)
        ways = [
            f"{r.name_a} \u2192 {r.name_b} {format_number(float(r.strain_ab))}",
            f"{r.name_b} \u2192 {r.name_a} {format_number(float(r.strain_ba))}",
        ]
        title = "\n".join(
            [
                f"ALLEGED: {r.name_a} \u2194 {r.name_b}",
                f"strain {format_number(strain)} ({'; '.join(ways)}) \u00b7 cooperation {format_number(cooperation)}",
                (
                    f"{total} action{'s' if total != 1 else ''}: {r.hostile} hostile, {r.cooperative} cooperative"
                    f" \u00b7 {str(r.domains).replace(',', ', ') or 'no domain'}"
                ),
                f"heaviest {min(TOP_ACTIONS, total)} action{'s' if total != 1 else ''}:",
                *actions.get((r.actor_a, r.actor_b), []),
            ]
        )
        out.append(
            {
                "id": f"pair {i + 1}",
                "from": str(r.actor_a),
                "to": str(r.actor_b),
                "title": title,
                "width": round(width, 3),
                "color": {
                    "color": color,
                    "highlight": color,
                    "hover": color,
                    "opacity": 1.0,
                    "inherit": False,
                },
                **({"dashes": BALANCE_DASHES[band]} if BALANCE_DASHES[band] else {}),
                "pair_strain": round(strain, 6),
                # the table view lists them
                "quotes": actions.get((r.actor_a, r.actor_b), []),
                "sign": "hostile" if strain > 0 else "cooperative" if cooperation > 0 else "neutral",
            }
        )
    return out


#: vis options of a pair-view page: straight lines without arrows (set once for the
#: page, not on each of thousands of edges).
PAIR_OPTIONS = {"edges": {"arrows": {"to": {"enabled": False}}, "smooth": {"enabled": False}}}


def pair_legend() -> list[dict[str, Any]]:
    """The legend's "Relationships" section of the pair view."""
    symbols = ["line", "line", "dotted", "dashed", "dashed"]  # as BALANCE_DASHES
    items = [
        {"label": label, "color": color, "symbol": symbol, "width": 4}
        for (_, color, label), symbol in zip(BALANCE_COLORS, symbols)
    ]
    items += [
        {"label": "thin line: little strain", "color": GREY, "symbol": "line", "width": 1},
        {"label": "thick line: the most strained relationship", "color": GREY, "symbol": "line", "width": 10},
        {"label": "balance = (cooperation \u2212 strain) / (cooperation + strain)", "symbol": "none"},
    ]
    return [{"title": "Relationships (one line per pair of actors)", "items": items}]


def community_colors(metrics: pd.DataFrame, pairs: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """``metrics`` with a ``community`` column (Leiden on the strain layer, see
    :func:`~graphkit.analysis.communities.strain_communities`) and a colour per
    community label: the COMMUNITY_COLORS largest their own, the rest grey."""
    numbers = strain_communities(pairs, sorted(metrics["actor"].astype(str)))
    sizes = numbers[numbers > 0].value_counts()
    labels = {0: "no strain (no community)"}
    colors: dict[str, str] = {}
    for number in sorted(sizes.index):
        if number <= COMMUNITY_COLORS:
            labels[number] = f"community {number} ({sizes[number]} actors)"
            colors[labels[number]] = PALETTE[(number - 1) % len(PALETTE)]
        else:
            labels[number] = "smaller communities"
    if (numbers > COMMUNITY_COLORS).any():
        colors["smaller communities"] = OTHER
    if (numbers == 0).any():
        colors[labels[0]] = "#FFFFFF"
    metrics = metrics.copy()
    # a dict, not a Series looked up by label once per actor (a thousand lookups: 20 ms)
    number_of = dict(zip(numbers.index.tolist(), numbers.tolist()))
    metrics["community"] = [labels[int(number_of[a])] for a in metrics["actor"].astype(str).tolist()]
    return metrics, colors
