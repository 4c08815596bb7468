"""Colours, dashes and number text shared by every page graphkit draws."""

from __future__ import annotations

from typing import Any

__all__ = [
    "ACTOR_STYLES",
    "CAMP_COLORS",
    "CHANGE_STYLES",
    "COOPERATIVE",
    "DASHES",
    "FRUSTRATED",
    "GREY",
    "HOSTILE",
    "LOW",
    "LOW_DASHES",
    "NEUTRAL",
    "OTHER",
    "PALETTE",
    "PLAIN_NODE",
    "SUPPORT_COLORS",
    "format_number",
]

# Colours carry one meaning on every page graphkit draws. Red and green mean hostile
# and cooperative actions, and nothing else. Categories (an edge set's groups, kinds
# or domains) take Okabe and Ito's colour-blind-safe qualitative palette without its
# vermillion and bluish green, which would read as hostile and cooperative; in the
# order that keeps neighbours apart (the two blues are not next to each other).
PALETTE = ["#E69F00", "#56B4E9", "#CC79A7", "#0072B2", "#F0E442", "#000000"]
#: categories beyond the palette, and "no group"
OTHER = "#BBBBBB"
# every line colour keeps at least 3:1 against the white page (WCAG 1.4.11), also at the
# 0.85 opacity arrows are drawn with: hostile 4.5, cooperative 3.9, neutral 3.4
HOSTILE, COOPERATIVE, NEUTRAL, GREY = "#C62828", "#2E7D32", "#767676", "#555555"
DASHES = {"cooperative": [9, 6], "neutral": [2, 5]}
#: actors when colour shows something else (domains): no category colour
PLAIN_NODE = "#E0E0E0"
# a draft row the extractor was unsure of: light grey, dash-dot, whatever its sign
LOW, LOW_DASHES = "#BBBBBB", [12, 4, 2, 4]
# structural balance: camp 0, camp 1 (the palette's blue and orange), actors without a
# signed tie (plain); reddish purple marks the actions of a frustrated tie (neither red
# nor green, so the sign stays readable by dashes)
CAMP_COLORS = {"camp 0": "#0072B2", "camp 1": "#E69F00", "no signed tie": PLAIN_NODE}
FRUSTRATED = "#CC79A7"

# graphkit render --verify: what the record says of each claim. Blues for support, the
# palette's orange for a contradiction, greys where the record says nothing; neither
# red nor green, so the sign stays readable by dashes (cooperative dashed).
SUPPORT_COLORS = {
    "confirmed": "#0072B2",
    "partial": "#56B4E9",
    "contradicted": "#E69F00",
    "not_found": "#777777",
    "out_of_coverage": "#BBBBBB",
    "undated": "#DDDDDD",
}

# The diff page: added, removed and changed are drawn apart from hostile red and
# cooperative green (a removed edge is not a hostile one), in the palette's hues darkened
# to 3:1 or more against white (added 5.2, removed 4.8, changed 5.3, unchanged 3.5);
# dashes tell removed from added without colour.
CHANGE_STYLES: dict[str, dict[str, Any]] = {
    "added": {"color": "#0072B2", "dashes": False, "label": "added: in B only"},
    "removed": {"color": "#A6611A", "dashes": [9, 6], "label": "removed: in A only (dashed)"},
    "changed": {"color": "#AA4499", "dashes": [2, 5], "label": "changed: same edge, new values (dotted)"},
    "unchanged": {"color": "#8A8A8A", "dashes": False, "label": "unchanged"},
}
ACTOR_STYLES = {
    "both": ("#E0E0E0", "in both sets"),
    "added": ("#0072B2", "only in B (added)"),
    "removed": ("#E69F00", "only in A (removed)"),
}


def format_number(value: float) -> str:
    """A weight or strain as people write it: 6.5, 12, -2 (with a real minus sign)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    text = "0" if text in ("-0", "") else text
    return text.replace("-", "\u2212")
