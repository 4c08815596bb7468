"""An edge set as an interactive page: actors as nodes, each alleged action as an arrow."""

from __future__ import annotations

import math
from collections import namedtuple
from typing import Any, Literal

import numpy as np
import pandas as pd

from ..actions import action_defaults, action_labels, cameo_labels, goldstein
from ..analysis.centrality_alg import LAYER_MEASURES, centrality
from ..analysis.robustness_alg import robustness
from ..analysis.strain_alg import strain
from ..analysis.units import UNITS, Unit, check_unit, count_units
from ..checks import require_choice, require_positive_int
from ..edgeset import EdgeSet, require_edge_set
from ..errors import ArgumentError, GraphkitError
from ..schema import (
    CENTRALITY_MEASURES,
    EDGE_FIELDS,
    LOW_CONFIDENCE,
    CentralityMeasure,
    cooperation_part,
    sign_of,
    strain_part,
)
from .fan import fan_layout, fan_smooth
from .layout import place_nodes, precompute_layout
from .network import GraphkitNetwork, network_from_elements
from .page import _merge, page_size_problem
from .pairs_view import PAIR_OPTIONS, View, choose_view, community_colors, pair_edges, pair_legend
from .style import (
    CAMP_COLORS,
    COOPERATIVE,
    DASHES,
    FRUSTRATED,
    GREY,
    HOSTILE,
    LOW,
    LOW_DASHES,
    NEUTRAL,
    OTHER,
    PALETTE,
    PLAIN_NODE,
    format_number,
)

__all__ = [
    "COLOR_MODES",
    "SIZE_METRICS",
    "ColorMode",
    "SizeMetric",
    "graph_elements",
    "keep_top",
    "render_html",
    "to_pyvis",
]

SIZE_METRICS = tuple(CENTRALITY_MEASURES)
COLOR_MODES = ("sign", "domain", "camp")
SizeMetric = CentralityMeasure
ColorMode = Literal["sign", "domain", "camp"]
FOCUS_ROWS = 12
UNIT_NOTES = {
    "claim": (
        "Counted by claim: rows with the same source, target and quote are one unit, drawn as their "
        "most hostile row (and their most cooperative one, if any)."
    ),
    "type": (
        "Counted by action type: rows with the same source, target and action are one unit, drawn as "
        "their most extreme row."
    ),
}

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

METRIC_WORDS = {
    "hostile_in": "strain received (sum of -weight of hostile actions aimed at the actor)",
    "hostile_out": "strain dealt (sum of -weight of the actor's hostile actions)",
    "cooperation_in": "cooperation received (sum of the weights of cooperative actions aimed at it)",
    "cooperation_out": "cooperation given (sum of the weights of its cooperative actions)",
    "degree_in": "number of actors acting on it",
    "degree_out": "number of actors it acts on",
    "pagerank": "PageRank on the hostile layer",
    "betweenness": "betweenness on the hostile layer",
    "hub": "HITS hub score on the hostile layer (aggressors)",
    "authority": "HITS authority score on the hostile layer (targets)",
}


def keep_top(edge_set: EdgeSet, top: int, unit: Unit = "action") -> EdgeSet:
    """The edge set restricted to its ``top`` most strained relationships
    (ranked as by :func:`graphkit.analysis.strain_alg.strain` in ``unit``), all their actions kept."""
    pairs = strain(edge_set, top=top, unit=unit)
    keep = set(zip(pairs["actor_a"], pairs["actor_b"]))
    edges = edge_set.edges
    a = edges[["source", "target"]].min(axis=1)
    b = edges[["source", "target"]].max(axis=1)
    mask = pd.Series([pair in keep for pair in zip(a, b)], index=edges.index, dtype=bool)
    return edge_set if mask.all() else edge_set.with_edges(edges[mask])


def _palette(values: list[str], counts: dict[str, int] | None = None) -> dict[str, str]:
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


def _edge_ids(edge_set: EdgeSet) -> list[str]:
    if edge_set.has_ids:
        return [str(x) for x in edge_set.edges["id"]]
    if len(edge_set.lines) == len(edge_set.edges):
        return [f"line {int(x)}" for x in edge_set.lines]
    return [f"row {i + 1}" for i in range(len(edge_set.edges))]


def _edges(
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
    frame["gid"] = _edge_ids(edge_set)
    frame["line"] = list(edge_set.lines) if len(edge_set.lines) == len(frame) else [None] * len(frame)
    # within a pair the most hostile action takes the straight middle slot
    frame, slots, steps = fan_layout(frame, ["weight", "date", "action", "source", "gid"])
    # the weight split once for the column, not once per arrow
    weights = frame["weight"].to_numpy(dtype=float)
    frame = frame.assign(strain_value=strain_part(weights), cooperation_value=cooperation_part(weights))
    labels = cameo_labels()
    actions = action_labels()
    # rows from each column's list: iterating text columns value by value (itertuples) is slower;
    # (mypy wants a literal list of field names for a namedtuple)
    row_type = namedtuple("Row", list(frame.columns), rename=True)  # type: ignore[misc]
    rows = map(row_type._make, zip(*(frame[column].tolist() for column in frame.columns)))
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
        for row, slot, step in zip(rows, slots, steps)
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
    return edge


def _nodes(
    metrics: pd.DataFrame, pairs: pd.DataFrame, size_by: str, colors: dict, color_key: str
) -> list[dict]:
    partners: dict[str, list[tuple[float, float, str]]] = {}
    for row in pairs.itertuples(index=False):
        partners.setdefault(row.actor_a, []).append((row.strain, row.cooperation, row.name_b))
        partners.setdefault(row.actor_b, []).append((row.strain, row.cooperation, row.name_a))
    values = metrics[size_by].astype(float)
    top = float(values.max()) if len(values) else 0.0
    low, high = NODE_SIZE
    out = []
    for row in metrics.sort_values("actor").itertuples(index=False):
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


def _pair_detail(pair) -> str:
    """Who strains whom, how many actions, in which domains: one short line."""
    both = [(pair.strain_ab, pair.actor_a, pair.actor_b), (pair.strain_ba, pair.actor_b, pair.actor_a)]
    ways = [f"{s}\u2192{t} {format_number(v)}" for v, s, t in sorted(both, key=lambda w: -w[0]) if v > 0]
    counts = f"{pair.hostile} hostile" + (f", {pair.cooperative} cooperative" if pair.cooperative else "")
    return " \u00b7 ".join([", ".join(ways), counts, pair.domains.replace(",", ", ")])


def _unit_dependent(edge_set: EdgeSet) -> dict[tuple[str, str], str]:
    """Pairs whose strain rank depends on the unit of evidence (it differs between
    action, claim and type), with their rank under each."""
    table = robustness({"": edge_set})
    moving = table[table["rank_min"] != table["rank_max"]]
    ranks = [moving[f":{unit}"].to_numpy() for unit in UNITS]
    return {
        (a, b): "rank by unit: " + ", ".join(f"{unit} {int(r[i])}" for unit, r in zip(UNITS, ranks))
        for i, (a, b) in enumerate(zip(moving["actor_a"], moving["actor_b"]))
    }


def _focus(pairs: pd.DataFrame, edges: list[dict], unit_dependent: dict | None = None) -> list[dict]:
    """The most strained relationships, each with its actors and all its arrows; a
    relationship whose place depends on the unit of evidence says so in its detail."""
    unit_dependent = unit_dependent or {}
    edge_ids: dict[tuple[str, str], list[str]] = {}
    for edge in edges:
        edge_ids.setdefault(tuple(sorted((edge["from"], edge["to"]))), []).append(edge["id"])
    return [
        {
            "label": f"{r.name_a} \u2194 {r.name_b}",
            "value": format_number(r.strain),
            "detail": " \u00b7 ".join(
                [
                    _pair_detail(r),
                    *(
                        [unit_dependent[r.actor_a, r.actor_b]]
                        if (r.actor_a, r.actor_b) in unit_dependent
                        else []
                    ),
                ]
            ),
            "nodes": [r.actor_a, r.actor_b],
            "edges": edge_ids.get((r.actor_a, r.actor_b), []),
        }
        for r in pairs[pairs["strain"] > 0].head(FOCUS_ROWS).itertuples(index=False)
    ]


def _item(label: str, color: str, symbol: str, width: float) -> dict[str, Any]:
    return {"label": label, "color": color, "symbol": symbol, "width": width}


def _legend(
    color_key: str,
    node_colors: dict,
    color_by: str,
    domain_colors: dict,
    signs: set,
    size_by: str,
    low_confidence: bool = False,
):
    if color_by in ("sign", "camp"):
        actions = [
            _item("hostile action (weight < 0)", HOSTILE, "line", 4),
            _item("cooperative action (weight > 0)", COOPERATIVE, "dashed", 4),
        ]
        if "neutral" in signs:
            actions.append(_item("neutral action (weight 0)", NEUTRAL, "dashed", 2))
        if color_by == "camp":
            label = "frustrated tie: friendly across the camps or hostile inside one (thicker)"
            actions.append(_item(label, FRUSTRATED, "line", 6))
    else:
        actions = [_item(domain, color, "line", 4) for domain, color in domain_colors.items()]
        actions.append(_item("dashed: cooperative (weight > 0)", GREY, "dashed", 3))
    if low_confidence:
        actions.append(
            _item(f"draft row with confidence < {LOW_CONFIDENCE} (grey, dashed)", LOW, "dashed", 3)
        )
    if node_colors:
        actors = [
            {"label": band or f"no {color_key}", "color": c, "symbol": "dot"}
            for band, c in node_colors.items()
        ]
    else:  # colour shows domains: actors stay plain, so that no colour means two things
        actors = [
            {
                "label": f"every actor (colour shows domains here; {color_key} in tooltips)",
                "color": PLAIN_NODE,
            }
        ]
    sizes = [
        _item("thin line: |weight| near 0", GREY, "line", 1),
        _item("thick line: |weight| 10", GREY, "line", 7),
        {"label": "node size: " + METRIC_WORDS[size_by], "symbol": "none"},
        {"label": "arrow: from the actor alleged to act, to its target", "symbol": "none"},
    ]
    return [
        {"title": "Actors by " + color_key, "items": actors},
        {"title": "Actions" + (" by domain" if color_by == "domain" else ""), "items": actions},
        {"title": "Sizes", "items": sizes},
    ]


def _camps(edge_set: EdgeSet, metrics: pd.DataFrame) -> tuple[pd.DataFrame, dict, frozenset, list[str]]:
    """Each actor's camp label, the camps' colours, the frustrated pairs and a note on them."""
    from ..analysis.balance_alg import balance
    from ..analysis.balance_report import frustration_words

    result = balance(edge_set)
    tied = set(result.ties["actor_a"]) | set(result.ties["actor_b"])
    labels = [f"camp {result.camps[a]}" if a in tied else "no signed tie" for a in metrics["actor"]]
    metrics = metrics.assign(camp=labels)
    colors = {label: color for label, color in CAMP_COLORS.items() if label in set(labels)}
    note = (
        "Camps: structural balance of the signed graph (a pair is friendly or hostile by the sign of "
        "its net weight, both directions); friendly ties belong inside a camp, hostile ones across. "
        f"Frustrated ties: {frustration_words(result)}."
    )
    return metrics, colors, frozenset(result.frustrated_ties), [note]


def _relationships(edges: pd.DataFrame) -> int:
    """How many unordered pairs of actors ``edges`` link (the pair view's lines)."""
    source, target = edges["source"].to_numpy(object), edges["target"].to_numpy(object)
    low = np.where(source <= target, source, target)
    high = np.where(source <= target, target, source)
    return len(pd.MultiIndex.from_arrays([low, high]).unique())


def graph_elements(
    edge_set: EdgeSet,
    *,
    size_by: SizeMetric = "hostile_in",
    color_by: ColorMode = "sign",
    unit: Unit = "action",
    view: View = "auto",
) -> dict[str, Any]:
    """The keyword arguments of :func:`graphkit.render.page.render_page` for ``edge_set``.

    One node per actor (sorted by id) labelled with its name, sized by the
    centrality column ``size_by`` (area proportional), coloured by group (by kind
    when no actor has a group). One arrow per action: width 1 + 0.6 |weight|,
    red when hostile and green dashed when cooperative (``color_by="sign"``) or
    coloured by domain, parallel actions fanned out as curves, the most hostile
    in the middle. ``color_by="camp"`` colours the actors by their camp of
    structural balance (see :func:`graphkit.analysis.balance_alg.balance`) and
    draws the actions of frustrated ties purple and thicker. Tooltips are plain text.

    ``unit`` (:func:`graphkit.analysis.units.count_units`) draws and measures only
    the rows that count as units: every action (the default), one per claim, or
    one per action type. The panel of most strained relationships marks a pair
    whose rank differs between the three units.

    ``view="pairs"`` draws one line per relationship instead (see
    :mod:`graphkit.render.pairs_view`); ``"auto"`` (default) does so above
    PAIR_VIEW_ABOVE actions. In the pair view, or on a large page, actors without
    groups are coloured by strain community; a large page gets its positions from
    Python (:mod:`graphkit.render.layout`) and labels only its largest actors until zoomed.
    """
    if size_by not in SIZE_METRICS:
        raise ArgumentError("size_by", f"{size_by!r}: use one of {', '.join(SIZE_METRICS)}")
    if color_by not in COLOR_MODES:
        raise ArgumentError("color_by", f"{color_by!r}: use one of {', '.join(COLOR_MODES)}")
    check_unit(unit)
    unit_dependent = _unit_dependent(edge_set)
    if unit != "action":
        edge_set = edge_set.with_edges(count_units(edge_set.edges, unit))
    drawn = choose_view(view, len(edge_set.edges))
    # one size rule for every page (render/page.py), on the arrows this view draws
    arrows = len(edge_set.edges) if drawn == "actions" else _relationships(edge_set.edges)
    too_large = page_size_problem(arrows, f"the edge set {edge_set.name!r}", pairs=drawn == "pairs")
    if too_large:
        raise GraphkitError(too_large)
    # only the measure that sizes the nodes: the page shows no other (issue 12: the
    # sampled betweenness was the largest cost of a large page sized by strain)
    metrics = centrality(edge_set, measures={size_by} & LAYER_MEASURES)
    pairs = strain(edge_set)
    names = dict(zip(metrics["actor"], metrics["name"]))
    pair_strain = {(r.actor_a, r.actor_b): float(r.strain) for r in pairs.itertuples(index=False)}

    color_key = "group" if (metrics["group"].astype(str) != "").any() else "kind"
    members = metrics[color_key].astype(str).value_counts().to_dict()
    bands = sorted(members)
    node_colors = _palette(bands, members) if color_by == "sign" else {}
    uses = edge_set.edges["domain"].astype(str).value_counts().to_dict()
    domain_colors = _palette(sorted(d for d in uses if d), uses) if color_by == "domain" else {}
    frustrated: frozenset = frozenset()
    camp_note: list[str] = []
    if color_by == "camp":
        metrics, node_colors, frustrated, camp_note = _camps(edge_set, metrics)
        color_key = "camp"

    # issue 12: communities where groups are missing, pair view (pairs_view.py)
    if color_key == "kind" and (drawn == "pairs" or precompute_layout(len(metrics), len(edge_set.edges))):
        metrics, node_colors = community_colors(metrics, pairs)
        color_key = "community"
    nodes = _nodes(metrics, pairs, size_by, node_colors, color_key)
    if drawn == "pairs":
        edges = pair_edges(edge_set, pairs, names)
        legend = _legend(color_key, node_colors, color_by, {}, set(), size_by)
        legend = [legend[0], *pair_legend(), {"title": "Sizes", "items": legend[2]["items"][2:3]}]
    else:
        edges = _edges(edge_set, names, pair_strain, color_by, domain_colors, frustrated)
        low = any(e.get("confidence", 1.0) < LOW_CONFIDENCE for e in edges)
        legend = _legend(
            color_key, node_colors, color_by, domain_colors, {e["sign"] for e in edges}, size_by, low
        )
    # issue 12: large graphs start from Python's layout
    options = place_nodes(nodes, edges, clusters=dict(zip(metrics["actor"].astype(str), metrics[color_key])))
    if drawn == "pairs":
        options = _merge(options, PAIR_OPTIONS)
    first_line = next(iter(edge_set.description.strip().splitlines()), "")
    actions = len(edge_set.edges)
    count = f"{actions} alleged action{'s' if actions != 1 else ''} between {len(nodes)} actors"
    if drawn == "pairs":
        count += f", drawn as {len(edges)} relationships"
    return {
        "title": f"{edge_set.name}: alleged actions between actors",
        "subtitle": f"{first_line} \u00b7 {count}" if first_line else count,
        "banner": (
            f"Every arrow is one action that the source of edge set \u2018{edge_set.name}\u2019 ALLEGES: "
            "these are claims, not verified events."
        )
        if drawn == "actions"
        else (
            f"Every line is one relationship: the actions that the source of edge set "
            f"\u2018{edge_set.name}\u2019 ALLEGES between two actors: claims, not verified events."
        ),
        "notes": [
            (
                "Hover an arrow for its action, date, weight, CAMEO code and quote; "
                "hover an actor for its totals. Click a relationship above to zoom to it."
            )
            if drawn == "actions"
            else (
                "Hover a line for its strain, cooperation and heaviest actions with their quotes; "
                "hover an actor for its totals. Click a relationship above to zoom to it."
            ),
            *(
                [
                    (
                        "The filters redraw the list of most strained relationships and the actors' "
                        "sizes from the actions they leave shown."
                    )
                ]
                if drawn == "actions"
                else []
            ),
            *([UNIT_NOTES[unit]] if unit != "action" else []),
            *camp_note,
        ],
        "nodes": nodes,
        "edges": edges,
        "legend": legend,
        "focus": {"title": "Most strained relationships", "items": _focus(pairs, edges, unit_dependent)},
        "filters": [
            *([{"type": "select", "field": "domain", "label": "Domain"}] if drawn == "actions" else []),
            {"type": "actor", "label": "Actor"},
            # with actions drawn, the strain of a relationship over the actions the other filters leave
            {
                "type": "min",
                "field": "pair_strain",
                "label": "Minimum strain",
                **({"live": "strain"} if drawn == "actions" else {}),
            },
        ],
        # with actions drawn, the page recomputes the strained list and the sizes from the shown ones
        **(
            {"live": {"size_by": size_by, "size_range": list(NODE_SIZE), "focus_rows": FOCUS_ROWS}}
            if drawn == "actions"
            else {}
        ),
        **({"options": options} if options else {}),
    }


def to_pyvis(
    edge_set: EdgeSet,
    *,
    size_by: SizeMetric = "hostile_in",
    color_by: ColorMode = "sign",
    top: int | None = None,
    unit: Unit = "action",
    view: View = "auto",
) -> GraphkitNetwork:
    """``edge_set`` as a pyvis Network: the nodes, edges, styles and options of its page.

    ``top`` keeps only the ``top`` most strained relationships; ``size_by`` and
    ``color_by`` and ``view`` are as in :func:`graph_elements`. In a notebook, ``net.show("page.html")``
    writes graphkit's page (offline, user text never parsed as HTML).
    """
    require_edge_set(edge_set)
    require_positive_int(top, "top")
    require_choice(size_by, "size_by", CENTRALITY_MEASURES)
    if top is not None:
        edge_set = keep_top(edge_set, top, unit=check_unit(unit))
    elements = graph_elements(edge_set, size_by=size_by, color_by=color_by, unit=unit, view=view)
    return network_from_elements(elements)


def render_html(
    edge_set: EdgeSet,
    *,
    size_by: SizeMetric = "hostile_in",
    color_by: ColorMode = "sign",
    top: int | None = None,
    unit: Unit = "action",
    view: View = "auto",
) -> str:
    """The interactive page of ``edge_set`` as HTML text (self-contained, UTF-8):
    the page of :func:`to_pyvis`'s Network. Same input, same bytes."""
    return to_pyvis(
        edge_set, size_by=size_by, color_by=color_by, top=top, unit=unit, view=view
    ).generate_html()
