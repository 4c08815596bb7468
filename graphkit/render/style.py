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
    "PALETTE",
    "format_number",
]

# Paul Tol's bright and muted qualitative palettes (colour-blind safe), minus
# their reds: red is kept for hostile actions.
PALETTE = [
    "#4477AA",
    "#66CCEE",
    "#228833",
    "#CCBB44",
    "#AA3377",
    "#332288",
    "#44AA99",
    "#999933",
    "#DDCC77",
    "#882255",
    "#88CCEE",
    "#117733",
    "#BBBBBB",
]
HOSTILE, COOPERATIVE, NEUTRAL, GREY = "#C62828", "#2E7D32", "#9E9E9E", "#555555"
DASHES = {"cooperative": [9, 6], "neutral": [2, 5]}
# a draft row the extractor was unsure of: light grey, dash-dot, whatever its sign
LOW, LOW_DASHES = "#BBBBBB", [12, 4, 2, 4]
# structural balance: camp 0, camp 1, actors without a signed tie; purple marks the
# actions of a frustrated tie (neither red nor green, so the sign stays readable by dashes)
CAMP_COLORS = {"camp 0": "#4477AA", "camp 1": "#CCBB44", "no signed tie": "#DDDDDD"}
FRUSTRATED = "#AA3377"

# Paul Tol's bright palette (colour-blind safe); dashes tell removed from added without colour
CHANGE_STYLES: dict[str, dict[str, Any]] = {
    "added": {"color": "#4477AA", "dashes": False, "label": "added: in B only"},
    "removed": {"color": "#EE6677", "dashes": [9, 6], "label": "removed: in A only (dashed)"},
    "changed": {"color": "#AA3377", "dashes": [2, 5], "label": "changed: same edge, new values (dotted)"},
    "unchanged": {"color": "#BBBBBB", "dashes": False, "label": "unchanged"},
}
ACTOR_STYLES = {
    "both": ("#DDDDDD", "in both sets"),
    "added": ("#4477AA", "only in B (added)"),
    "removed": ("#EE6677", "only in A (removed)"),
}


def format_number(value: float) -> str:
    """A weight or strain as people write it: 6.5, 12, -2 (with a real minus sign)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    text = "0" if text in ("-0", "") else text
    return text.replace("-", "\u2212")
