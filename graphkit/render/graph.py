"""An edge set as an interactive page: actors as nodes, each alleged action as an arrow."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..analysis.centrality_alg import LAYER_MEASURES, centrality
from ..analysis.strain_alg import strain
from ..analysis.units import UNITS, Unit, check_unit, count_units
from ..checks import require_choice, require_positive_int
from ..edgeset import EdgeSet, require_edge_set
from ..errors import ArgumentError, GraphkitError, use_one_of
from ..schema import (
    CENTRALITY_MEASURES,
    COLOR_MODES,
    LOW_CONFIDENCE,
    CentralityMeasure,
    ColorMode,
)
from .layout import place_nodes, precompute_layout
from .marks import NODE_SIZE, edge_ids, edge_records, node_records, palette
from .network import GraphkitNetwork
from .page import page_size_problem
from .pairs_view import PAIR_OPTIONS, View, choose_view, community_colors, pair_edges, pair_legend
from .panels import (
    FOCUS_ROWS,
    camps,
    focus_rows,
    legend_groups,
    listed,
    rank_intervals,
    relationship_count,
    unit_dependent_pairs,
)
from .rows import rows
from .support import support_legend
from .time_control import date_filter, with_dates

__all__ = [
    "COLOR_MODES",
    "SIZE_METRICS",
    "ColorMode",
    "SizeMetric",
    "keep_top",
    "render_html",
    "to_pyvis",
]

SIZE_METRICS = tuple(CENTRALITY_MEASURES)
SizeMetric = CentralityMeasure
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


TIME_NOTE = (
    "The dates menus keep an action whose dates lie wholly inside the chosen periods (a row dated "
    "2024 is not inside 2024-05 to 2024-12); 'overlap' keeps one that shares a day with them, and "
    "undated actions hide unless kept, as --since, --until, --overlap and --undated do."
)


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


def page_strains(edge_set: EdgeSet) -> dict[str, pd.DataFrame]:
    """The strain of ``edge_set`` under each unit of evidence: computed once per page,
    it ranks the focus list (under the page's unit) and marks the pairs whose rank
    depends on the unit."""
    return {unit: strain(edge_set, unit=check_unit(unit)) for unit in UNITS}


def _network(
    edge_set: EdgeSet,
    *,
    size_by: SizeMetric = "hostile_in",
    color_by: ColorMode = "sign",
    unit: Unit = "action",
    view: View = "auto",
    strains: dict[str, pd.DataFrame] | None = None,
) -> GraphkitNetwork:
    """The page of ``edge_set`` as a pyvis Network, built once: each actor added with
    ``add_node``, each arrow with ``add_edge``, the vis options set on its ``options``
    and the rest of the page (panels, filters) on its ``page``.

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

    ``strains`` is :func:`page_strains` of ``edge_set`` when the caller has it already
    (each measure is computed once per page).
    """
    if size_by not in SIZE_METRICS:
        raise ArgumentError("size_by", f"{size_by!r}: {use_one_of(SIZE_METRICS)}")
    if color_by not in COLOR_MODES:
        raise ArgumentError("color_by", f"{color_by!r}: {use_one_of(COLOR_MODES)}")
    check_unit(unit)
    strains = strains if strains is not None else page_strains(edge_set)
    top_pairs = listed(strains[unit])
    unit_dependent = unit_dependent_pairs(strains, among=set(zip(top_pairs["actor_a"], top_pairs["actor_b"])))
    intervals = rank_intervals(edge_set, unit)
    if unit != "action":
        edge_set = edge_set.with_edges(count_units(edge_set.edges, unit))
    drawn = choose_view(view, len(edge_set.edges))
    # one size rule for every page (render/page.py), on the arrows this view draws
    arrows = len(edge_set.edges) if drawn == "actions" else relationship_count(edge_set.edges)
    too_large = page_size_problem(arrows, f"the edge set {edge_set.name!r}", pairs=drawn == "pairs")
    if too_large:
        raise GraphkitError(too_large)
    # only the measure that sizes the nodes: the page shows no other (issue 12: the
    # sampled betweenness was the largest cost of a large page sized by strain)
    metrics = centrality(edge_set, measures={size_by} & LAYER_MEASURES)
    pairs = strains[unit]  # the strain of the units drawn: that of the edge set counted in unit
    names = dict(zip(metrics["actor"], metrics["name"]))
    pair_strain = {
        (r.actor_a, r.actor_b): float(r.strain) for r in rows(pairs[["actor_a", "actor_b", "strain"]])
    }

    color_key = "group" if (metrics["group"].astype(str) != "").any() else "kind"
    members = metrics[color_key].astype(str).value_counts().to_dict()
    bands = sorted(members)
    node_colors = palette(bands, members) if color_by == "sign" else {}
    uses = edge_set.edges["domain"].astype(str).value_counts().to_dict()
    domain_colors = palette(sorted(d for d in uses if d), uses) if color_by == "domain" else {}
    frustrated: frozenset = frozenset()
    camp_note: list[str] = []
    if color_by == "camp":
        metrics, node_colors, frustrated, camp_note = camps(edge_set, metrics)
        color_key = "camp"

    # issue 12: communities where groups are missing, pair view (pairs_view.py)
    if color_key == "kind" and (drawn == "pairs" or precompute_layout(len(metrics), len(edge_set.edges))):
        metrics, node_colors = community_colors(metrics, pairs)
        color_key = "community"
    nodes = node_records(metrics, pairs, size_by, node_colors, color_key)
    time_filter = None  # the pair view sums each relationship over all its dates
    if drawn == "pairs":
        edges = pair_edges(edge_set, pairs, names)
        legend = legend_groups(color_key, node_colors, color_by, {}, set(), size_by)
        legend = [legend[0], *pair_legend(), {"title": "Sizes", "items": legend[2]["items"][2:3]}]
    else:
        edges = edge_records(edge_set, names, pair_strain, color_by, domain_colors, frustrated)
        edges = with_dates(edge_set, edges, edge_ids(edge_set))
        time_filter = date_filter(edges)
        low = any(e.get("confidence", 1.0) < LOW_CONFIDENCE for e in edges)
        legend = legend_groups(
            color_key, node_colors, color_by, domain_colors, {e["sign"] for e in edges}, size_by, low
        )
        supported = support_legend(edges)
        if supported is not None:
            legend.insert(1, supported)
    net = GraphkitNetwork(len(nodes), len(edges))
    for node in nodes:
        net.add_node(node.pop("id"), **node)
    for edge in edges:
        net.add_edge(edge.pop("from"), edge.pop("to"), **edge)
    # issue 12: large graphs start from Python's layout, placed on the Network's own nodes
    clusters = dict(zip(metrics["actor"].astype(str), metrics[color_key]))
    net.set_page_options(place_nodes(net.nodes, net.edges, clusters=clusters))
    if drawn == "pairs":
        net.set_page_options(PAIR_OPTIONS)
    net.page = _page_parts(
        edge_set,
        net,
        drawn=drawn,
        unit=unit,
        size_by=size_by,
        legend=legend,
        camp_note=camp_note,
        time_filter=time_filter,
    )
    net.page["focus"] = {
        "title": "Most strained relationships",
        "items": focus_rows(pairs, net.edges, unit_dependent, intervals),
    }
    return net


def _draft_words(edge_set: EdgeSet) -> str:
    """The banner of a draft (an edge set with graphkit extract's ``confidence`` column), or ""."""
    if "confidence" not in edge_set.edges.columns:
        return ""
    confidence = pd.to_numeric(edge_set.edges["confidence"], errors="coerce")
    low = int((confidence < LOW_CONFIDENCE).sum())
    return (
        "DRAFT, not reviewed: these rows were extracted from text by a program (graphkit extract); "
        f"{low} of {len(confidence)} have a confidence below {LOW_CONFIDENCE} (grey, dash-dot). "
        "Check each against its quote before relying on it."
    )


def _page_parts(
    edge_set: EdgeSet,
    net: GraphkitNetwork,
    *,
    drawn: str,
    unit: str,
    size_by: str,
    legend: list,
    camp_note: list[str],
    time_filter: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The page's parts that are not the graph: title, banner, notes, legend, filters."""
    first_line = next(iter(edge_set.description.strip().splitlines()), "")
    actions = len(edge_set.edges)
    count = f"{actions} alleged action{'s' if actions != 1 else ''} between {len(net.nodes)} actors"
    if drawn == "pairs":
        count += f", drawn as {len(net.edges)} relationships"
    return {
        "title": f"{edge_set.name}: alleged actions between actors",
        "noun": ("alleged actions", "Alleged action")
        if drawn == "actions"
        else ("relationships", "Relationship"),
        "draft": _draft_words(edge_set),
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
                "hover an actor for its totals. Click either, or a relationship in the list, for details you can copy."
            )
            if drawn == "actions"
            else (
                "Hover a line for its strain, cooperation and heaviest actions with their quotes; "
                "hover an actor for its totals. Click either, or a relationship in the list, for details you can copy."
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
            *([TIME_NOTE] if time_filter else []),
            *([UNIT_NOTES[unit]] if unit != "action" else []),
            *camp_note,
        ],
        "legend": legend,
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
            *([time_filter] if time_filter else []),
        ],
        # with actions drawn, the page recomputes the strained list and the sizes from the shown ones
        **(
            {"live": {"size_by": size_by, "size_range": list(NODE_SIZE), "focus_rows": FOCUS_ROWS}}
            if drawn == "actions"
            else {}
        ),
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
    ``color_by`` and ``view`` are as in :func:`_network`. In a notebook, ``net.show("page.html")``
    writes graphkit's page (offline, user text never parsed as HTML).
    """
    require_edge_set(edge_set)
    require_positive_int(top, "top")
    require_choice(size_by, "size_by", CENTRALITY_MEASURES)
    if top is not None:
        edge_set = keep_top(edge_set, top, unit=check_unit(unit))
    return _network(
        edge_set, size_by=size_by, color_by=color_by, unit=unit, view=view, strains=page_strains(edge_set)
    )


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
