"""The page's nodes and edges as pyvis attributes: colour, size, dashes, tooltips."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ..actions import action_defaults, action_labels, cameo_labels, goldstein
from ..edgeset import EdgeSet
from ..scales import plover_columns
from ..schema import (
    EDGE_FIELDS,
    LOW_CONFIDENCE,
    cooperation_part,
    sign_of,
    strain_part,
)
from .fan import fan_layout, fan_smooth
from .rows import rows
from .style import (
    COOPERATIVE,
    DASHES,
    FRUSTRATED,
    HOSTILE,
    LOW,
    LOW_DASHES,
    NEUTRAL,
    OTHER,
    PALETTE,
    PLAIN_NODE,
    format_number,
)
from .support import SUPPORT_FIELDS, mark_support

__all__ = ["NODE_SIZE", "SIZE_WORDS", "edge_ids", "edge_records", "node_records", "palette"]

NODE_SIZE = (10.0, 46.0)

# the node tooltip's sentence: "Drawn at a size for {words}: {value}."
SIZE_WORDS = {
    "hostile_in": "the strain it receives",
    "hostile_out": "the strain it deals",
    "cooperation_in": "the cooperation it receives",
    "cooperation_out": "the cooperation it gives",
    "degree_in": "the number of actors acting on it",
    "degree_out": "the number of actors it acts on",
    "pagerank": "its PageRank on the hostile layer",
    "betweenness": "its betweenness on the hostile layer",
    "hub": "its HITS hub score (aggressor) on the hostile layer",
    "authority": "its HITS authority score (target) on the hostile layer",
}


def palette(values: list[str], counts: dict[str, int] | None = None) -> dict[str, str]:
    """A colour per category: the palette's colours to the categories with the most
    members (then by name), the palette's grey to the rest and to "" (no category);
    the dict is ordered as ``values``."""
    named = [v for v in values if v]
    ranked = sorted(named, key=lambda v: (-(counts or {}).get(v, 0), v))
    spare = len(named) == len(PALETTE) + 1  # one over: grey is still a colour of its own
    given = {v: PALETTE[i] if i < len(PALETTE) else OTHER for i, v in enumerate(ranked)}
    if not spare and len(named) > len(PALETTE):
        given.update({v: OTHER for v in ranked[len(PALETTE) :]})
    return {v: given.get(v, PLAIN_NODE) for v in values}


def edge_ids(edge_set: EdgeSet) -> list[str]:
    if edge_set.has_ids:
        return [str(x) for x in edge_set.edges["id"].tolist()]
    if len(edge_set.lines) == len(edge_set.edges):
        return [f"line {int(x)}" for x in edge_set.lines]
    return [f"row {i + 1}" for i in range(len(edge_set.edges))]


def plover_words(edges: pd.DataFrame) -> list[str]:
    """Each row's PLOVER reading for its tooltip: ``PLOVER THREATEN (territory)``, with
    the report's auxiliary mode (``reported as hedged``) when the row gives one."""
    plover = plover_columns(edges)
    modes = edges["mode"].fillna("").astype(str).tolist() if "mode" in edges.columns else [""] * len(edges)
    words = []
    for kind, mode, aux in zip(plover["plover_type"], plover["plover_mode"], modes):
        text = f"PLOVER {kind}" + (f" ({mode})" if mode else "") if kind else "PLOVER: no event type"
        words.append(text + (f"; reported as {aux}" if aux else ""))
    return words


def edge_records(
    edge_set: EdgeSet,
    names: dict[str, str],
    pair_strain: dict,
    color_by: str,
    domain_colors: dict,
    frustrated: frozenset = frozenset(),
) -> list[dict]:
    frame = edge_set.edges[EDGE_FIELDS].copy()
    # a draft (graphkit extract) carries each row's confidence and the rule that made it
    if "confidence" in edge_set.edges.columns:
        frame["confidence"] = pd.to_numeric(edge_set.edges["confidence"], errors="coerce")
        frame["rule"] = edge_set.edges["rule"].astype(str) if "rule" in edge_set.edges.columns else ""
    # graphkit render --verify: what the record says of each claim (render/support.py)
    for name in SUPPORT_FIELDS:
        if name in edge_set.edges.columns:
            frame[name] = edge_set.edges[name].to_numpy()
    frame["gid"] = edge_ids(edge_set)
    frame["line"] = list(edge_set.lines) if len(edge_set.lines) == len(frame) else [None] * len(frame)
    frame["plover"] = plover_words(edge_set.edges)
    # within a pair the most hostile action takes the straight middle slot
    frame, slots, steps = fan_layout(frame, ["weight", "date", "action", "source", "gid"])
    # the weight split once for the column, not once per arrow
    weights = frame["weight"].to_numpy(dtype=float)
    frame = frame.assign(strain_value=strain_part(weights), cooperation_value=cooperation_part(weights))
    labels = cameo_labels()
    actions = action_labels()
    return [
        _edge(
            row,
            slot,
            step,
            names,
            pair_strain,
            (labels, actions),
            color_by,
            domain_colors,
            edge_set.name,
            frustrated,
        )
        for row, slot, step in zip(rows(frame), slots, steps)
    ]


def _scored_by(action: str, cameo: str, weight: float, cameo_label: str) -> str:
    """Who gave the weight: CAMEO (the code's Goldstein value), the taxonomy, or the coder."""
    if cameo and goldstein().get(cameo) == weight:
        return f"CAMEO {cameo} \u201c{cameo_label}\u201d"
    if action in action_defaults() and action_defaults()[action][2] == weight:
        return "graphkit's taxonomy"
    return "the coder (the file's own weight)"


def _edge(
    row, slot, step, names, pair_strain, labels, color_by, domain_colors, set_name, frustrated
) -> dict[str, Any]:
    weight = float(row.weight)
    sign = sign_of(weight)
    color = (
        domain_colors.get(row.domain, NEUTRAL)
        if color_by == "domain"
        else {"hostile": HOSTILE, "cooperative": COOPERATIVE, "neutral": NEUTRAL}[sign]
    )
    contradicts = (row.pa, row.pb) in frustrated
    if contradicts:
        color = FRUSTRATED
    cameo_label, action_label = labels[0].get(row.cameo, ""), labels[1].get(row.action, "")
    where = f"edge {row.gid}" if not str(row.gid).startswith(("line ", "row ")) else str(row.gid)
    if row.line is not None and where.startswith("edge"):
        where += f", line {int(row.line)}"
    pair = (row.pa, row.pb)
    # the taxonomy's label for its actions, CAMEO's for a coded action outside it, else the file's name
    what = action_label or cameo_label or str(row.action)
    kind = {"hostile": "A hostile", "cooperative": "A cooperative", "neutral": "A neutral"}[sign]
    scored = _scored_by(str(row.action), str(row.cameo), weight, cameo_label)
    title = "\n".join(
        [
            f"ALLEGED: {names.get(row.source, row.source)} \u2192 {names.get(row.target, row.target)}",
            f"{what} ({row.domain or 'no domain'}, {row.date or 'undated'})",
            f"{kind} action: Goldstein weight {format_number(weight)}, as scored by {scored}.",
            str(row.plover),
            f"\u201c{row.quote}\u201d" if row.quote else "(no quote)",
            f"Source: edge set \u2018{set_name}\u2019, {where}",
            *(["Frustrated tie: the pair's net sign contradicts the camps"] if contradicts else []),
        ]
    )
    edge = {
        "id": str(row.gid),
        "from": str(row.source),
        "to": str(row.target),
        "title": title,
        "width": round(1.0 + 0.6 * abs(weight) + (2.0 if contradicts else 0.0), 3),
        "color": {"color": color, "highlight": color, "hover": color, "opacity": 0.85, "inherit": False},
        "smooth": fan_smooth(slot, row.source <= row.target, step),
        "domain": str(row.domain),
        "sign": sign,
        # the table view lists the quotes of what the filters show
        "quote": str(row.quote or ""),
        "pair_strain": round(float(pair_strain.get(pair, 0.0)), 6),
        # the page recomputes the strained list and the node sizes from the shown edges
        "strain": round(float(row.strain_value), 6),
        "cooperation": round(float(row.cooperation_value), 6),
    }
    if sign in DASHES:
        edge["dashes"] = DASHES[sign]
    confidence = getattr(row, "confidence", None)
    if confidence is not None and not math.isnan(confidence):
        low = confidence < LOW_CONFIDENCE
        edge["title"] = title + (
            f"\n{'LOW-CONFIDENCE ' if low else ''}DRAFT: confidence {confidence:.2f} \u00b7 rule {row.rule}"
        )
        edge["confidence"] = round(float(confidence), 6)
        if low:
            edge["color"] = {"color": LOW, "highlight": LOW, "hover": LOW, "opacity": 0.7, "inherit": False}
            edge["dashes"] = LOW_DASHES
    mark_support(edge, row)
    return edge


def node_records(
    metrics: pd.DataFrame, pairs: pd.DataFrame, size_by: str, colors: dict, color_key: str
) -> list[dict]:
    partners: dict[str, list[tuple[float, float, str]]] = {}
    for row in rows(pairs):
        partners.setdefault(row.actor_a, []).append((row.strain, row.cooperation, row.name_b))
        partners.setdefault(row.actor_b, []).append((row.strain, row.cooperation, row.name_a))
    values = metrics[size_by].astype(float)
    top = float(values.max()) if len(values) else 0.0
    low, high = NODE_SIZE
    out = []
    for row in rows(metrics.sort_values("actor")):
        value = float(getattr(row, size_by))
        # area, not radius, proportional to the metric
        size = low + (high - low) * math.sqrt(value / top) if top > 0 and value > 0 else low
        ranked = sorted(partners.get(row.actor, []), key=lambda p: (-p[0], -p[1], p[2]))[:3]
        best = ", ".join(f"{name} ({format_number(s)})" for s, _, name in ranked) or "none"
        group = row.group or "no group"
        title = "\n".join(
            [
                f"{row.name} ({row.actor})",
                f"{row.kind} \u00b7 {group}",
                f"strain received {format_number(row.hostile_in)} \u00b7 dealt {format_number(row.hostile_out)}",
                (
                    f"cooperation received {format_number(row.cooperation_in)}"
                    f" \u00b7 given {format_number(row.cooperation_out)}"
                ),
                f"top partners by strain: {best}",
                (
                    f"Drawn at a size for {SIZE_WORDS[size_by]}: "
                    f"{format_number(value) if value >= 0.01 or value == 0 else f'{value:.2g}'} "
                    "(whole set; with a filter on, the size follows the shown actions)."
                ),
            ]
        )
        color = colors.get(getattr(row, color_key) or "", OTHER) if colors else PLAIN_NODE
        out.append(
            {
                "id": str(row.actor),
                "label": str(row.name),
                "title": title,
                "size": round(size, 3),
                "color": {
                    "background": color,
                    "border": "#333333",
                    "highlight": {"background": color, "border": "#000000"},
                    "hover": {"background": color, "border": "#000000"},
                },
                "kind": str(row.kind),
                "band": str(row.group),
            }
        )
    return out
