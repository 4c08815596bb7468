"""Claims coloured by what the record says of them (``graphkit render --verify``).

An edge set whose edges carry ``support`` (and ``support_score``, ``support_match``),
as :meth:`graphkit.verification.verify_alg.VerifyResult.edge_columns` gives them,
draws each arrow in its tier's colour, says the tier and the best matching event
in the arrow's tooltip, and adds a legend group with the count of each tier.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .style import SUPPORT_COLORS

__all__ = ["SUPPORT_FIELDS", "mark_support", "support_legend"]

SUPPORT_FIELDS = ("support", "support_score", "support_match")

_WORDS = {
    "confirmed": "the record has a like event, same direction, in the window",
    "partial": "reversed, same QuadClass only, or just outside the window",
    "contradicted": "the record shows the opposite sign, nothing like the claim",
    "not_found": "nothing like it in the record for the pair in the window",
    "out_of_coverage": "the record has no event at all in the window",
    "undated": "no date and no period: not looked up",
}


def mark_support(edge: dict[str, Any], row) -> None:
    """Colour ``edge`` (a page edge) by ``row.support`` and add the tier to its tooltip."""
    tier = str(getattr(row, "support", "") or "")
    if tier not in SUPPORT_COLORS:
        return
    color = SUPPORT_COLORS[tier]
    edge["color"] = {"color": color, "highlight": color, "hover": color, "opacity": 0.9, "inherit": False}
    edge["support"] = tier
    score = float(getattr(row, "support_score", 0.0) or 0.0)
    match = str(getattr(row, "support_match", "") or "")
    lines = [f"RECORD: {tier} (score {score:g}): {_WORDS[tier]}"]
    if match:
        lines.append(f"best event: {match}")
    lines.append("(event data are coded from news: a match is not proof, no match proves little)")
    edge["title"] = edge["title"] + "\n" + "\n".join(lines)


def support_legend(edges: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The legend group of the tiers the page's edges carry, with their counts (None when none)."""
    counts = Counter(e["support"] for e in edges if "support" in e)
    if not counts:
        return None
    items = [
        {
            "label": f"{tier}: {counts[tier]}",
            "color": color,
            "symbol": "line",
            "width": 4,
        }
        for tier, color in SUPPORT_COLORS.items()
        if counts[tier]
    ]
    items.append({"label": "colour: what the record says of each claim (graphkit verify)", "symbol": "none"})
    return {"title": "Claims against the record", "items": items}
